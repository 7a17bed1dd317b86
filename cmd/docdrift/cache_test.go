package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docdrift/docdrift/normalize"
)

// runOut runs docdrift in-process and returns its stdout and exit code.
func runOut(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), append([]string{"docdrift"}, args...), &out, &errOut)
	if code == 2 {
		t.Fatalf("docdrift %s: exit 2: %s", strings.Join(args, " "), errOut.String())
	}
	return out.String(), code
}

// cacheEntries counts the entries of a cache folder.
func cacheEntries(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && e.Name() != "trimmed" {
			n++
		}
		return nil
	})
	return n
}

// TestCachedRunsGiveTheSameOutput runs each command without the cache,
// with an empty cache and with the cache the first run filled: the three
// outputs must be the same, byte for byte.
func TestCachedRunsGiveTheSameOutput(t *testing.T) {
	fixtures := "../../fixtures/opening-up"
	q24, q25 := filepath.Join(fixtures, "qiushi-2024.txt"), filepath.Join(fixtures, "qiushi-2025.txt")
	for _, args := range [][]string{
		{"timeline", fixtures},
		{"timeline", "--format", "json", fixtures},
		{"timeline", "--format", "html", fixtures},
		{"check", fixtures},
		{"check", "--base", "speech-2023-zh", "--doc", "speech-2023-en", "--format", "json", fixtures},
		{"diff", "--format", "json", q24, q25},
		{"figures", "--format", "json", fixtures},
		{"themes", fixtures},
	} {
		name := strings.Join(args, " ")
		dir := t.TempDir()
		t.Setenv(cacheDirEnv, dir)
		want, wantCode := runOut(t, append([]string{"--no-cache"}, args...)...)
		if n := cacheEntries(t, dir); n != 0 {
			t.Errorf("%s: --no-cache wrote %d cache entries", name, n)
		}
		cold, coldCode := runOut(t, args...)
		entries := cacheEntries(t, dir)
		if entries == 0 {
			t.Errorf("%s: the first run kept nothing in the cache", name)
		}
		warm, warmCode := runOut(t, args...)
		if cold != want || coldCode != wantCode {
			t.Errorf("%s: output with an empty cache differs from --no-cache (exit %d, %d)", name, coldCode, wantCode)
		}
		if warm != want || warmCode != wantCode {
			t.Errorf("%s: output with a filled cache differs from --no-cache (exit %d, %d)", name, warmCode, wantCode)
		}
		if n := cacheEntries(t, dir); n != entries {
			t.Errorf("%s: the second run added %d entries; it should have found them all", name, n-entries)
		}
	}
}

// TestCacheIsRead puts another document's parse where a document's
// entry is: the run must show what the cache says (so it reads the cache),
// and --no-cache must not.
func TestCacheIsRead(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(cacheDirEnv, dir)
	a := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(a, []byte("The committee raised the rate to 5 percent.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	store := openCache()
	if store == nil {
		t.Fatal("no cache opened in " + dir)
	}
	data, _ := os.ReadFile(a)
	key := store.Key([]byte("document"), []byte(""), []byte(normalize.FormatText), data)
	planted, err := normalize.Parse("A planted sentence from the cache.\n").MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Put(key, planted); err != nil {
		t.Fatal(err)
	}
	if out, _ := runOut(t, "normalize", a); !strings.Contains(out, "planted sentence") {
		t.Errorf("normalize did not read the document from the cache:\n%s", out)
	}
	if out, _ := runOut(t, "--no-cache", "normalize", a); strings.Contains(out, "planted") || !strings.Contains(out, "5 percent") {
		t.Errorf("normalize --no-cache read the cache:\n%s", out)
	}
}

// TestDamagedCacheIsIgnored overwrites every entry with bytes that decode
// to nothing: the run must compute again and give the same output.
func TestDamagedCacheIsIgnored(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(cacheDirEnv, dir)
	args := []string{"timeline", "--format", "json", "../../fixtures/opening-up"}
	want, _ := runOut(t, args...)
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && e.Name() != "trimmed" {
			os.WriteFile(p, []byte("not gob"), 0o644)
		}
		return nil
	})
	if got, _ := runOut(t, args...); got != want {
		t.Error("the output with damaged cache entries differs")
	}
}

// TestNoCacheFolder: when the cache folder cannot be made, docdrift runs
// without one.
func TestNoCacheFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	t.Setenv(cacheDirEnv, filepath.Join(file, "cache"))
	if openCache() != nil {
		t.Error("openCache under a file returned a store")
	}
	if _, code := runOut(t, "figures", "../../fixtures/opening-up"); code != 0 {
		t.Errorf("figures without a cache folder: exit %d", code)
	}
}

// cacheFiles lists the entries of a cache folder.
func cacheFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && e.Name() != "trimmed" {
			files = append(files, p)
		}
		return nil
	})
	return files
}

// TestEditedCacheIsRecomputed edits the cache the way someone sharing it
// could, keeping every entry well formed: a figure changed in place, and
// bytes flipped through each entry. Each run must notice, compute again
// and give what a run without the cache gives.
func TestEditedCacheIsRecomputed(t *testing.T) {
	args := []string{"check", "--format", "json", "../../fixtures/opening-up"}
	want, wantCode := runOut(t, append([]string{"--no-cache"}, args...)...)
	fill := func(t *testing.T) string {
		dir := t.TempDir()
		t.Setenv(cacheDirEnv, dir)
		runOut(t, args...)
		return dir
	}
	t.Run("figure edited", func(t *testing.T) {
		dir := fill(t)
		edited := 0
		for _, p := range cacheFiles(t, dir) {
			data, _ := os.ReadFile(p)
			if bytes.Contains(data, []byte("580 billion")) {
				os.WriteFile(p, bytes.ReplaceAll(data, []byte("580 billion"), []byte("980 billion")), 0o644)
				edited++
			}
		}
		if edited == 0 {
			t.Fatal("no cache entry holds \"580 billion\"")
		}
		if got, code := runOut(t, args...); got != want || code != wantCode {
			t.Errorf("check read a figure edited in the cache (exit %d, want %d; 980 in the output: %v)", code, wantCode, strings.Contains(got, "980"))
		}
	})
	t.Run("bytes flipped", func(t *testing.T) {
		dir := fill(t)
		// Flipping every byte of every entry takes minutes: the store's
		// own test does that on one entry; here 9 bytes spread through
		// each entry.
		for _, p := range cacheFiles(t, dir) {
			orig, _ := os.ReadFile(p)
			for _, i := range flipOffsets(len(orig)) {
				data := bytes.Clone(orig)
				data[i] ^= 0x04
				os.WriteFile(p, data, 0o644)
				if got, code := runOut(t, args...); got != want || code != wantCode {
					t.Fatalf("%s: byte %d flipped: output differs from --no-cache (exit %d, want %d)", filepath.Base(p), i, code, wantCode)
				}
				os.WriteFile(p, orig, 0o644)
			}
		}
	})
}

// flipOffsets returns the bytes of an n-byte entry to flip: the first,
// and 8 spread evenly through the rest.
func flipOffsets(n int) []int {
	offs := []int{0}
	for k := 1; k <= 8; k++ {
		offs = append(offs, k*(n-1)/8)
	}
	return offs
}
