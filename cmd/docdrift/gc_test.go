package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestLessGC: two small files let the heap grow further; large files, a
// missing file or GOGC set leave the collector's target alone.
func TestLessGC(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.txt")
	large := filepath.Join(dir, "large.txt")
	if err := os.WriteFile(small, []byte("A sentence.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(large, make([]byte, smallDiff), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		gogc  string
		paths []string
		want  int
	}{
		{"small pair", "", []string{small, small}, smallGCPercent},
		{"large pair", "", []string{small, large}, gcPercent},
		{"missing file", "", []string{small, filepath.Join(dir, "none")}, gcPercent},
		{"GOGC set", "100", []string{small, small}, gcPercent},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("GOGC", c.gogc)
			prev := debug.SetGCPercent(gcPercent)
			defer debug.SetGCPercent(prev)
			applied := lessGC(c.paths...)
			if got := debug.SetGCPercent(gcPercent); got != c.want {
				t.Errorf("GC percent %d, want %d", got, c.want)
			}
			if applied != (c.want == smallGCPercent) {
				t.Errorf("lessGC reports %v, and set %d", applied, c.want)
			}
		})
	}
}
