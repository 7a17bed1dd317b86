package normalize

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

// TooLargeError is a file over the size limit of DecodeOptions.MaxSize.
type TooLargeError struct {
	Size, Max int64 // in bytes; Size is at least Max+1
	// Stream is set when the file's size was not known before reading (a
	// pipe, a device such as /dev/zero): it was read no further than
	// Max+1 bytes, so Size says only that it is larger than Max.
	Stream bool
}

// Error says how large the file is, or for a stream that it is larger
// than the limit; sizes that round to the same figure are given in bytes.
func (e *TooLargeError) Error() string {
	if e.Stream {
		return fmt.Sprintf("more than %s, the limit for one document", FormatSize(e.Max))
	}
	size, max := FormatSize(e.Size), FormatSize(e.Max)
	if size == max {
		return fmt.Sprintf("%d bytes is over the limit of %d bytes (%s) for one document", e.Size, e.Max, max)
	}
	return fmt.Sprintf("%s is over the limit of %s for one document", size, max)
}

// readLimited reads the file at path, or fails with a *TooLargeError when
// it holds more than max bytes (max 0: no limit). The size is checked
// before reading for a regular file, and while reading for anything else
// (a pipe), never reading more than max+1 bytes.
func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(0)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	if max > 0 && size > max {
		return nil, &TooLargeError{Size: size, Max: max}
	}
	var r io.Reader = f
	if max > 0 {
		r = io.LimitReader(f, max+1)
	}
	data, err := readAll(r, size)
	if err != nil {
		return nil, err
	}
	if max <= 0 {
		return data, nil
	}
	if int64(len(data)) > max {
		// A regular file that grew since Stat was read up to max+1 bytes
		// too: its size is no longer known either.
		return nil, &TooLargeError{Size: int64(len(data)), Max: max, Stream: true}
	}
	return data, nil
}

// readAll reads r to its end into a buffer grown once to the expected
// size, plus bytes.MinRead to see the end without growing again, rather
// than one grown by doubling from nothing.
func readAll(r io.Reader, size int64) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(int(size) + bytes.MinRead)
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// FormatSize writes a byte count for people: 512 B, 16 MB, 52.4 MB (units
// of 1,024).
func FormatSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, suffix := float64(n)/unit, "KB"
	for _, s := range []string{"MB", "GB", "TB"} {
		if v < unit {
			break
		}
		v, suffix = v/unit, s
	}
	return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", v), "0"), ".") + " " + suffix
}

// ParseSize reads a size such as 16MB, 512KB, 2GB, 1048576 or 0 (units of
// 1,024; B and a lower-case unit accepted).
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v < 0 || v*float64(mult) > math.MaxInt64/2 {
		return 0, fmt.Errorf("size %q: use a number of bytes, or one with KB, MB or GB (16MB); 0 for no limit", s)
	}
	return int64(v * float64(mult)), nil
}
