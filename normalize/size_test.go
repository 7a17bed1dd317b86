package normalize

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSizes(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		out  string
	}{
		{"16MB", 16 << 20, "16 MB"},
		{"512kb", 512 << 10, "512 KB"},
		{"1.5G", 3 << 29, "1.5 GB"},
		{"1000", 1000, "1000 B"},
		{"0", 0, "0 B"},
		{"54945075B", 54945075, "52.4 MB"},
	} {
		got, err := ParseSize(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
		if s := FormatSize(got); s != c.out {
			t.Errorf("FormatSize(%d) = %q, want %q", got, s, c.out)
		}
	}
	for _, bad := range []string{"", "MB", "-1MB", "ten", "16TB9"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q): no error", bad)
		}
	}
}

func TestReadFileMaxSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat("Exports rose. ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path, DecodeOptions{MaxSize: 1000})
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != 1400 || tl.Max != 1000 {
		t.Fatalf("ReadFile of 1400 bytes with MaxSize 1000: %v, want a TooLargeError", err)
	}
	if want := "1.4 KB is over the limit of 1000 B for one document"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	for _, max := range []int64{0, 1400} {
		if _, err := ReadFile(path, DecodeOptions{MaxSize: max}); err != nil {
			t.Errorf("ReadFile with MaxSize %d: %v", max, err)
		}
	}
}

// A file whose size is unknown until read (a device, a pipe) is read no
// further than the limit, and the error says "more than", not a size
// rounded to the limit itself.
func TestReadLimitedStream(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, err := ReadLimited("/dev/zero", 16<<20)
	var tl *TooLargeError
	if !errors.As(err, &tl) {
		t.Fatalf("ReadLimited(/dev/zero): %v, want a TooLargeError", err)
	}
	if want := "more than 16 MB, the limit for one document"; err.Error() != want {
		t.Errorf("ReadLimited(/dev/zero): error %q, want %q", err, want)
	}
}

// A regular file a few bytes over the limit rounds to the limit: the
// error gives both in bytes.
func TestTooLargeErrorRounding(t *testing.T) {
	err := &TooLargeError{Size: 16<<20 + 100, Max: 16 << 20}
	if want := "16777316 bytes is over the limit of 16777216 bytes (16 MB) for one document"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}
