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
