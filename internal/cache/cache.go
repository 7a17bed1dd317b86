// Package cache keeps what docdrift computed from a document's content —
// the parsed document, the comparison of two documents — in files of a
// directory, by a key hashed from that content, so that a later run on
// the same content reads it back instead of computing it again.
//
// Keys are SHA-256 hashes of the content and of everything else the
// value depends on (options, glossary, and the build of the program
// through the store's namespace), so an entry is never stale: a changed
// input gives another key. Entries are written to a temporary file and
// renamed into place, so a reader sees a whole entry or none, however
// many runs share the directory. Entries unused for MaxAge are removed.
//
// A cache is an optimization: every method of a nil *Store does nothing
// and finds nothing, and a failure to read or write an entry makes the
// caller compute the value, never fail.
package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// MaxAge is how long an entry is kept after it was last written or read.
const MaxAge = 30 * 24 * time.Hour

// trimEvery is how often Open looks for entries older than MaxAge.
const trimEvery = 24 * time.Hour

// layout names the directory entries are kept in; it changes when the
// way keys are made or entries are stored changes.
const layout = "v1"

// Store is a directory of cache entries.
type Store struct {
	dir       string
	namespace string
}

// Open returns the store in dir, creating it if needed. Keys made by the
// store's Key include namespace: give it what identifies the program that
// computes the values (its version and build), so that another build
// never reads this one's entries. Once a day, Open removes entries unused
// for MaxAge.
func Open(dir, namespace string) (*Store, error) {
	root := filepath.Join(dir, layout)
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, err
	}
	s := &Store{dir: root, namespace: namespace}
	s.trimIfDue(time.Now())
	return s, nil
}

// Key returns the key of a value computed from parts: a SHA-256 over the
// store's namespace and each part, each preceded by its length so that
// no two lists of parts give the same key.
func (s *Store) Key(parts ...[]byte) string {
	h := sha256.New()
	var n [8]byte
	for _, p := range append([][]byte{[]byte(s.namespaceOrEmpty())}, parts...) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (s *Store) namespaceOrEmpty() string {
	if s == nil {
		return ""
	}
	return s.namespace
}

// path returns where the entry of key is kept: under a folder named by
// its first two characters, so that no folder holds too many files.
func (s *Store) path(key string) string {
	return filepath.Join(s.dir, key[:2], key)
}

// Get returns the entry of key, and whether there is one. Reading an
// entry marks it used.
func (s *Store) Get(key string) ([]byte, bool) {
	if s == nil || len(key) < 3 {
		return nil, false
	}
	p := s.path(key)
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	now := time.Now()
	_ = os.Chtimes(p, now, now) // kept for another MaxAge; best effort
	return data, true
}

// Put stores data as the entry of key. Another run may be writing the
// same entry: each writes its own temporary file and renames it, and the
// last rename wins with the same bytes.
func (s *Store) Put(key string, data []byte) error {
	if s == nil || len(key) < 3 {
		return nil
	}
	p := s.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), key+".tmp*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// trimIfDue removes entries unused for MaxAge, and temporary files as
// old, when no run has done so for trimEvery.
func (s *Store) trimIfDue(now time.Time) {
	stamp := filepath.Join(s.dir, "trimmed")
	if st, err := os.Stat(stamp); err == nil && now.Sub(st.ModTime()) < trimEvery {
		return
	}
	if err := os.WriteFile(stamp, nil, 0o644); err != nil {
		return
	}
	s.Trim(now.Add(-MaxAge))
}

// Trim removes the entries last used before cutoff. It returns how many
// it removed.
func (s *Store) Trim(cutoff time.Time) int {
	if s == nil {
		return 0
	}
	removed := 0
	_ = filepath.WalkDir(s.dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if e.IsDir() || e.Name() == "trimmed" {
			return nil
		}
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			if os.Remove(p) == nil {
				removed++
			}
		}
		return nil
	})
	return removed
}
