package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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

// failClose is a file that takes n bytes and may fail to close, as a
// file on a full network disk does.
type failClose struct {
	failAfter
	closeErr error
}

func (f *failClose) Close() error { return f.closeErr }

// TestWriteToErrors checks --output's file: a write that fails at once,
// in the middle or only at the final flush, and a close that fails, are
// each an error naming the file; a failed write outweighs what the
// command returned.
func TestWriteToErrors(t *testing.T) {
	enospc := &fs.PathError{Op: "close", Path: "out.md", Err: syscall.ENOSPC}
	report := strings.Repeat("a line of the report\n", 500) // 10,500 bytes: two flushes and a final one
	tests := []struct {
		name     string
		room     int
		closeErr error
		cmdErr   error
		want     string
	}{
		{"all written", len(report), nil, nil, ""},
		{"changes found, all written", len(report), nil, errChanges, errChanges.Error()},
		{"first write fails", 0, nil, nil, "out.md: no space left on device"},
		{"a middle write fails", 5000, nil, nil, "out.md: no space left on device"},
		{"only the final flush fails", len(report) - 1, nil, nil, "out.md: no space left on device"},
		{"outweighs changes found", len(report) - 1, nil, errChanges, "out.md: no space left on device"},
		{"close fails", len(report), enospc, nil, "out.md: no space left on device"},
		{"close fails after changes found", len(report), enospc, errChanges, "out.md: no space left on device"},
		{"an earlier error is kept", 0, nil, errors.New("a.txt: no such file"), "a.txt: no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &failClose{failAfter{tt.room}, tt.closeErr}
			err := writeTo(&ui{}, f, "out.md", func(u *ui) error {
				fmt.Fprint(u.out, report)
				return tt.cmdErr
			})
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("writeTo with room for %d of %d bytes, close error %v, command error %v: got %q, want %q",
					tt.room, len(report), tt.closeErr, tt.cmdErr, got, tt.want)
			}
		})
	}
}
