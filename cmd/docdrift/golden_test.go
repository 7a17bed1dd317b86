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
				checkGolden(t, name+suffix, stdout.Bytes())
			})
		}
	}
}

// TestGoldenDiff keeps the text and JSON output of "docdrift diff" on the
// fixture pairs the issue names, for review by reading.
func TestGoldenDiff(t *testing.T) {
	pairs := [][2]string{{"qiushi-2024", "qiushi-2025"}, {"qiushi-2025", "interview-2025"}}
	for _, p := range pairs {
		old := "../../fixtures/opening-up/" + p[0] + ".txt"
		new := "../../fixtures/opening-up/" + p[1] + ".txt"
		for suffix, args := range map[string][]string{
			".diff.golden":      {"docdrift", "diff", old, new},
			".diff.json.golden": {"docdrift", "diff", "--format", "json", old, new},
			".diff.md.golden":   {"docdrift", "diff", "--format", "markdown", old, new},
		} {
			name := p[0] + "_" + p[1] + suffix
			t.Run(name, func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				if code := run(context.Background(), args, &stdout, &stderr); code != 1 || stderr.Len() > 0 {
					t.Fatalf("%v: exit %d (want 1, changes found), stderr %q", args, code, stderr.String())
				}
				checkGolden(t, name, stdout.Bytes())
			})
		}
	}
}

// TestGoldenTranslation keeps the output of "docdrift diff" on the 2023
// speech and its translation, for review by reading.
func TestGoldenTranslation(t *testing.T) {
	zh, en := "../../fixtures/opening-up/speech-2023.zh.txt", "../../fixtures/opening-up/speech-2023.en.txt"
	for name, args := range map[string][]string{
		"speech-2023.bitext.golden":      {"docdrift", "diff", zh, en},
		"speech-2023.bitext.json.golden": {"docdrift", "diff", "--format", "json", zh, en},
		"speech-2023.bitext.md.golden":   {"docdrift", "diff", "--format", "markdown", zh, en},
	} {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), args, &stdout, &stderr); code != 1 || stderr.Len() > 0 {
				t.Fatalf("%v: exit %d (want 1: a paragraph and figures on one side), stderr %q", args, code, stderr.String())
			}
			checkGolden(t, name, stdout.Bytes())
		})
	}
}

// TestGoldenFigures keeps the output of "docdrift figures" and "docdrift
// themes" on the fixture corpus, for review by reading.
func TestGoldenFigures(t *testing.T) {
	for name, args := range map[string][]string{
		"figures.golden":      {"docdrift", "figures", "../../fixtures/opening-up"},
		"figures.json.golden": {"docdrift", "figures", "--format", "json", "../../fixtures/opening-up"},
		"themes.golden":       {"docdrift", "themes", "../../fixtures/opening-up"},
		"themes.json.golden": {"docdrift", "themes", "--format", "json", "--term", "dispute settlement", "--term", "community with a shared future for humanity",
			"--term", "small yet effective", "--term", "high-standard opening up", "../../fixtures/opening-up"},
	} {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), args, &stdout, &stderr); code != 0 || stderr.Len() > 0 {
				t.Fatalf("%v: exit %d, stderr %q", args, code, stderr.String())
			}
			checkGolden(t, name, stdout.Bytes())
		})
	}
}

// checkGolden compares got with testdata/golden/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/docdrift -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; rerun with -update and review the git diff", golden)
	}
}
