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
// A cache folder may be shared (CI keeps one with actions/cache) or
// damaged on disk, so an entry is not trusted for being where its key
// says: each carries a SHA-256 checksum over the format version, its key
// and its content, and an entry whose checksum does not match is
// removed and reported missing, so the caller computes the value again.
// The checksum catches damage and edits made without this package; it
// is no signature: whoever can write the folder can also write a
// matching checksum, so share a cache only among runs you trust.
//
// A cache is an optimization: every method of a nil *Store does nothing
// and finds nothing, and a failure to read or write an entry makes the
// caller compute the value, never fail.
package cache

import (
	"bytes"
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
const layout = "v2"

// oldLayouts are the folders of earlier layouts, whose entries no build
// reads any more: the daily trim removes them.
var oldLayouts = []string{"v1"}

// magic starts every entry, naming the format of layout; a SHA-256
// checksum and the content follow it.
const magic = "docdrift cache v2\n"

// headerSize is the length of an entry's header: magic and checksum.
const headerSize = len(magic) + sha256.Size

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

// checksum returns the SHA-256 of an entry's format, key and content,
// each preceded by its length.
func checksum(key string, data []byte) [sha256.Size]byte {
	h := sha256.New()
	var n [8]byte
	for _, p := range [][]byte{[]byte(magic), []byte(key), data} {
		binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write(p)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// seal returns the entry kept for data under key: header, then data.
func seal(key string, data []byte) []byte {
	sum := checksum(key, data)
	entry := make([]byte, 0, headerSize+len(data))
	entry = append(entry, magic...)
	entry = append(entry, sum[:]...)
	return append(entry, data...)
}

// open returns the content of an entry read for key, and whether its
// header and checksum are whole and match key and content.
func open(key string, entry []byte) ([]byte, bool) {
	if len(entry) < headerSize || string(entry[:len(magic)]) != magic {
		return nil, false
	}
	data := entry[headerSize:]
	sum := checksum(key, data)
	if !bytes.Equal(sum[:], entry[len(magic):headerSize]) {
		return nil, false
	}
	return data, true
}

// Get returns the entry of key, and whether there is one whose checksum
// matches its key and content. An entry that does not match is removed:
// the caller computes the value again and Puts it. Reading an entry
// marks it used.
func (s *Store) Get(key string) ([]byte, bool) {
	if s == nil || len(key) < 3 {
		return nil, false
	}
	p := s.path(key)
	entry, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	data, ok := open(key, entry)
	if !ok {
		_ = os.Remove(p) // best effort: Put replaces it anyway
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
	_, err = f.Write(seal(key, data))
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
	for _, old := range oldLayouts {
		_ = os.RemoveAll(filepath.Join(filepath.Dir(s.dir), old)) // best effort
	}
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
