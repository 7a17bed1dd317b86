package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/docdrift/docdrift/internal/edition"
)

// BenchmarkDiffCommand runs "docdrift diff" in-process on generated edition
// pairs, from reading the files to writing the text report, so that a
// profile shows the whole command (decoding, parsing, aligning, word
// diffs, rendering):
//
//	go test ./cmd/docdrift -run '^$' -bench DiffCommand -benchmem
func BenchmarkDiffCommand(b *testing.B) {
	for _, size := range []int{256 << 10, 1 << 20} {
		dir := b.TempDir()
		old, new := edition.Pair(size, 1)
		oldPath, newPath := filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")
		for path, text := range map[string]string{oldPath: old, newPath: new} {
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("edition-%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(old) + len(new)))
			for b.Loop() {
				if code := run(context.Background(), []string{"docdrift", "diff", oldPath, newPath}, io.Discard, io.Discard); code != 1 {
					b.Fatalf("exit %d, want 1", code)
				}
			}
		})
	}
}

// BenchmarkTimelineCommand runs "docdrift timeline" in-process on the
// fixture corpus in each output format, so that the cost of the HTML page
// (keeping every step's passages, rendering them side by side) shows
// beside the text report:
//
//	go test ./cmd/docdrift -run '^$' -bench TimelineCommand -benchmem
func BenchmarkTimelineCommand(b *testing.B) {
	corpus, err := filepath.Abs("../../fixtures/opening-up")
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{"text", "json", "html"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if code := run(context.Background(), []string{"docdrift", "timeline", "--format", format, corpus}, io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d, want 0", code)
				}
			}
		})
	}
}
