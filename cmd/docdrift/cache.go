package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	"github.com/docdrift/docdrift/internal/cache"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/timeline"
)

// cacheDirEnv names the cache folder, instead of docdrift/ in the user
// cache folder (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on Linux,
// ~/Library/Caches on macOS, %LocalAppData% on Windows).
const cacheDirEnv = "DOCDRIFT_CACHE_DIR"

// openCache opens the cache, or returns nil when there is no folder to
// keep it in: a run without a cache is slower, never wrong.
func openCache() *cache.Store {
	dir := os.Getenv(cacheDirEnv)
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "docdrift")
	}
	s, err := cache.Open(dir, buildIdentity())
	if err != nil {
		return nil
	}
	return s
}

// buildIdentity names this build of docdrift, so that no other build
// reads its cache entries: the Go version, the module version, and a
// hash of the start of the executable with its size. The start holds the
// Go build ID, a hash of everything the binary was built from, so the
// same code gives the same identity however it is run (go run links a
// new copy each time) and a change to any of it gives another.
func buildIdentity() string {
	id := runtime.Version()
	if info, ok := debug.ReadBuildInfo(); ok {
		id += " " + info.Main.Path + "@" + info.Main.Version
	}
	exe, err := os.Executable()
	if err != nil {
		return id
	}
	f, err := os.Open(exe)
	if err != nil {
		return id
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.CopyN(h, f, 64<<10); err != nil && err != io.EOF {
		return id
	}
	if st, err := f.Stat(); err == nil {
		fmt.Fprintf(h, " %d", st.Size())
	}
	return id + " " + hex.EncodeToString(h.Sum(nil))
}

// cachedParse reads a document's parse from the cache, keyed by its
// bytes, the encoding asked for and the format it is read in (which its
// name may decide), or parses it and keeps the result.
func cachedParse(store *cache.Store, path string, data []byte, opts normalize.DecodeOptions) (*normalize.Document, error) {
	if store == nil {
		return normalize.FromBytes(path, data, opts)
	}
	key := store.Key([]byte("document"), []byte(opts.Encoding), []byte(normalize.FormatOf(path, data)), data)
	if entry, ok := store.Get(key); ok {
		var doc normalize.Document
		if doc.UnmarshalBinary(entry) == nil {
			doc.Path = path
			return &doc, nil
		}
	}
	doc, err := normalize.FromBytes(path, data, opts)
	if err != nil {
		return nil, err
	}
	if entry, err := doc.MarshalBinary(); err == nil {
		_ = store.Put(key, entry) // best effort: the cache is an optimization
	}
	return doc, nil
}

// stepCache keeps timeline steps (and so check's one step) in the
// store, gob-encoded.
type stepCache struct{ store *cache.Store }

// newStepCache returns the cache of timeline steps, or nil without a
// store.
func newStepCache(store *cache.Store) timeline.StepCache {
	if store == nil {
		return nil
	}
	return stepCache{store}
}

func (c stepCache) key(k string) string { return c.store.Key([]byte("step"), []byte(k)) }

func (c stepCache) Get(key string, s *timeline.Step) bool {
	entry, ok := c.store.Get(c.key(key))
	if !ok {
		return false
	}
	*s = timeline.Step{}
	return gob.NewDecoder(bytes.NewReader(entry)).Decode(s) == nil
}

func (c stepCache) Put(key string, s timeline.Step) {
	var b bytes.Buffer
	if gob.NewEncoder(&b).Encode(s) == nil {
		_ = c.store.Put(c.key(key), b.Bytes())
	}
}
