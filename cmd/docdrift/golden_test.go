package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGoldenNormalize keeps the exact output of "docdrift normalize" and
// "docdrift normalize --explain" for every fixture in testdata/golden,
// for review by eye; go test ./cmd/docdrift -update rewrites them.
func TestGoldenNormalize(t *testing.T) {
	paths, err := filepath.Glob("../../fixtures/opening-up/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		for suffix, args := range map[string][]string{
			".golden":         {"docdrift", "normalize", path},
			".explain.golden": {"docdrift", "normalize", "--explain", path},
		} {
			t.Run(name+suffix, func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				if code := run(context.Background(), args, &stdout, &stderr); code != 0 || stderr.Len() > 0 {
					t.Fatalf("%v: exit %d, stderr %q", args, code, stderr.String())
				}
				golden := filepath.Join("testdata", "golden", name+suffix)
				if *update {
					if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./cmd/docdrift -update)", err)
				}
				if !bytes.Equal(stdout.Bytes(), want) {
					t.Errorf("%v: output differs from %s; rerun with -update and review the git diff", args, golden)
				}
			})
		}
	}
}
