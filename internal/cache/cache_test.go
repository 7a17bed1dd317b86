package cache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestPutGet(t *testing.T) {
	s, err := Open(t.TempDir(), "build 1")
	if err != nil {
		t.Fatal(err)
	}
	key := s.Key([]byte("doc"), []byte("some text"))
	if _, ok := s.Get(key); ok {
		t.Fatal("Get found an entry in an empty store")
	}
	if err := s.Put(key, []byte("parsed")); err != nil {
		t.Fatal(err)
	}
	got, ok := s.Get(key)
	if !ok || string(got) != "parsed" {
		t.Errorf("Get = %q, %v; want \"parsed\", true", got, ok)
	}
	if err := s.Put(key, []byte("again")); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(key); string(got) != "again" {
		t.Errorf("after a second Put, Get = %q", got)
	}
	matches, _ := filepath.Glob(filepath.Join(s.dir, key[:2], "*.tmp*"))
	if len(matches) > 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}

func TestKeys(t *testing.T) {
	dir := t.TempDir()
	a, _ := Open(dir, "build 1")
	b, _ := Open(dir, "build 2")
	if a.Key([]byte("x")) == b.Key([]byte("x")) {
		t.Error("two namespaces give the same key")
	}
	if a.Key([]byte("ab"), []byte("c")) == a.Key([]byte("a"), []byte("bc")) {
		t.Error("parts split differently give the same key")
	}
	if a.Key([]byte("x")) != a.Key([]byte("x")) {
		t.Error("the same parts give different keys")
	}
}

func TestNilStore(t *testing.T) {
	var s *Store
	if err := s.Put(s.Key([]byte("x")), []byte("v")); err != nil {
		t.Errorf("Put on a nil store: %v", err)
	}
	if _, ok := s.Get(s.Key([]byte("x"))); ok {
		t.Error("Get on a nil store found something")
	}
	if n := s.Trim(time.Now()); n != 0 {
		t.Errorf("Trim on a nil store removed %d", n)
	}
}

func TestTrim(t *testing.T) {
	s, err := Open(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	old, fresh := s.Key([]byte("old")), s.Key([]byte("fresh"))
	for _, k := range []string{old, fresh} {
		if err := s.Put(k, []byte(k)); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * MaxAge)
	if err := os.Chtimes(s.path(old), long, long); err != nil {
		t.Fatal(err)
	}
	if n := s.Trim(time.Now().Add(-MaxAge)); n != 1 {
		t.Errorf("Trim removed %d entries, want 1", n)
	}
	if _, ok := s.Get(old); ok {
		t.Error("the entry unused for twice MaxAge is still there")
	}
	if _, ok := s.Get(fresh); !ok {
		t.Error("the fresh entry was removed")
	}
	// Reading an entry keeps it: Get marks it used.
	if err := os.Chtimes(s.path(fresh), long, long); err != nil {
		t.Fatal(err)
	}
	s.Get(fresh)
	if n := s.Trim(time.Now().Add(-MaxAge)); n != 0 {
		t.Errorf("Trim removed %d entries just read", n)
	}
}

func TestOpenTrimsOnceADay(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	k := s.Key([]byte("k"))
	s.Put(k, []byte("v"))
	long := time.Now().Add(-2 * MaxAge)
	os.Chtimes(s.path(k), long, long)
	if _, err := Open(dir, ""); err != nil { // trimmed moments ago: not due
		t.Fatal(err)
	}
	if _, err := os.Stat(s.path(k)); err != nil {
		t.Fatalf("Open trimmed again within a day: %v", err)
	}
	os.Chtimes(filepath.Join(s.dir, "trimmed"), long, long)
	if _, err := Open(dir, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.path(k)); err == nil {
		t.Error("Open did not trim when a day had passed")
	}
}

func TestOpenFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := Open(file, ""); err == nil {
		t.Error("Open on a file (not a folder) gave no error")
	}
}

// TestDamagedEntries changes an entry on disk in every way one byte can,
// and moves, truncates or rewrites it: Get must find nothing, never the
// changed bytes, and remove what it rejected.
func TestDamagedEntries(t *testing.T) {
	s, err := Open(t.TempDir(), "build 1")
	if err != nil {
		t.Fatal(err)
	}
	key, other := s.Key([]byte("doc")), s.Key([]byte("other"))
	value := []byte("exports reached 580 billion US dollars")
	if err := s.Put(key, value); err != nil {
		t.Fatal(err)
	}
	sealed, err := os.ReadFile(s.path(key))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(other, []byte("another value")); err != nil {
		t.Fatal(err)
	}
	otherEntry, _ := os.ReadFile(s.path(other))
	damaged := map[string][]byte{
		"empty":               {},
		"header only":         sealed[:headerSize],
		"truncated":           sealed[:len(sealed)-1],
		"one byte more":       append(bytes.Clone(sealed), 'x'),
		"content alone (v1)":  value,
		"figure edited":       bytes.Replace(sealed, []byte("580"), []byte("980"), 1),
		"another key's entry": otherEntry,
	}
	for i := range sealed {
		for _, bit := range []byte{0x01, 0x80} {
			d := bytes.Clone(sealed)
			d[i] ^= bit
			damaged[fmt.Sprintf("byte %d ^ %#x", i, bit)] = d
		}
	}
	for name, entry := range damaged {
		if err := os.WriteFile(s.path(key), entry, 0o644); err != nil {
			t.Fatal(err)
		}
		if got, ok := s.Get(key); ok {
			t.Errorf("%s: Get = %q, true; want nothing", name, got)
		}
		if _, err := os.Stat(s.path(key)); err == nil {
			t.Errorf("%s: Get left the rejected entry in place", name)
		}
	}
	if err := os.WriteFile(s.path(key), sealed, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, ok := s.Get(key); !ok || !bytes.Equal(got, value) {
		t.Errorf("the entry restored: Get = %q, %v; want %q, true", got, ok, value)
	}
}

// TestOpenRemovesOldLayouts: entries of an earlier layout, which no
// build reads, go with the daily trim.
func TestOpenRemovesOldLayouts(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "v1", "ab", "abcdef")
	if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(old, []byte("v1 entry"), 0o644)
	if _, err := Open(dir, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "v1")); err == nil {
		t.Error("Open left the folder of layout v1")
	}
}
