package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// failAfter takes n bytes, then fails as a full disk does, reporting the
// bytes of the failing write that fit.
type failAfter struct{ n int }

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	k := w.n
	w.n = 0
	return k, &fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
}

// TestWriteErrors checks that a failed write to stdout, whenever it
// happens — the first bytes, the middle, or only the final flush — is
// exit status 2 with one line naming standard output, never a report cut
// short with status 0 or 1.
func TestWriteErrors(t *testing.T) {
	fx := "../../fixtures/opening-up/"
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": "Exports rose 5 percent. Dispute settlement was reformed.\n", "b.txt": "Exports rose 6 percent. Dispute settlement was kept.\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	commands := [][]string{
		{"diff", fx + "qiushi-2024.txt", fx + "qiushi-2025.txt"}, // exit 1 when written
		{"diff", "--format", "json", fx + "qiushi-2024.txt", fx + "qiushi-2025.txt"},
		{"diff", fx + "speech-2023.zh.txt", fx + "speech-2023.en.txt"},
		{"normalize", fx + "qiushi-2024.txt"},
		{"check", a, b},
		{"timeline", "--format", "html", a, b},
		{"timeline", a, b},
		{"figures", a, b},
		{"themes", a, b},
		{"kwic", "dispute settlement", a, b},
		{"--help"},
	}
	const want = "docdrift: standard output: no space left on device\n"
	for _, args := range commands {
		var full, stderr bytes.Buffer
		okStatus := run(context.Background(), append([]string{"docdrift"}, args...), &full, &stderr)
		if okStatus == exitTrouble {
			t.Fatalf("%v: exit %d: %s", args, okStatus, stderr.String())
		}
		for _, n := range []int{0, 100, full.Len() - 1} {
			stderr.Reset()
			got := run(context.Background(), append([]string{"docdrift"}, args...), &failAfter{n}, &stderr)
			if got != exitTrouble || stderr.String() != want {
				t.Errorf("%v with %d of %d bytes written: exit %d, stderr %q; want exit 2, %q", args, n, full.Len(), got, stderr.String(), want)
			}
		}
		stderr.Reset()
		if got := run(context.Background(), append([]string{"docdrift"}, args...), &failAfter{full.Len()}, &stderr); got != okStatus {
			t.Errorf("%v with room for all %d bytes: exit %d, want %d (stderr %q)", args, full.Len(), got, okStatus, stderr.String())
		}
	}
}
