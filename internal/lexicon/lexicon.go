// Package lexicon is a Chinese → English translation dictionary for
// aligning translations: which English words a Chinese word may translate
// to, and how each Chinese character reads in pinyin, so that a name
// written in characters (习近平) meets its spelling (Xi Jinping).
//
// The data is CC-CEDICT (https://cc-cedict.org, CC BY-SA 4.0; see NOTICE),
// reduced by ./gen to a sorted, gzip-compressed list of 116,000 words
// (1.7 MB) that the binary embeds; Load decompresses and indexes it on
// first use only (about 0.1 s and 24 MB allocated on a loaded 2-core
// machine), so that commands which align no translation never pay for it.
//
//go:generate go run ./gen -in package/data/all.js -out cedict.txt.gz
package lexicon

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed cedict.txt.gz
var data []byte

// Lexicon is the loaded dictionary. English words are numbered from 0;
// a Lexicon is read-only once loaded and safe for concurrent use.
type Lexicon struct {
	words    map[string][]int32 // Chinese word → its English word ids, sorted
	readings map[rune][]string  // character → toneless pinyin readings
	english  map[string]int32   // stemmed English word → id
	maxLen   int                // longest Chinese word, in runes
	// firstLen[r] is the longest word that starts with r, in runes, for r
	// below len(firstLen); 0 when no word starts with r, longOne for one
	// longer than that.
	firstLen []uint8
}

// Load returns the embedded dictionary, decoding it on the first call
// only: the decoded dictionary is immutable, so one copy serves every
// caller (the only package-level state, and a cache of constant data).
var Load = sync.OnceValues(func() (*Lexicon, error) { return parse(data) })

func parse(gz []byte) (*Lexicon, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	// One string holds the text: its size is in gzip's trailer.
	var text strings.Builder
	if len(gz) >= 4 {
		text.Grow(int(binary.LittleEndian.Uint32(gz[len(gz)-4:])))
	}
	if _, err := io.Copy(&text, zr); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	l := &Lexicon{words: make(map[string][]int32, 120000), readings: map[rune][]string{}, english: map[string]int32{},
		firstLen: make([]uint8, firstLenRunes)}
	// The words and their readings are slices of one string, and the
	// words' ids of a few large arrays, instead of an allocation each.
	var arena []int32
	for line := range strings.Lines(text.String()) {
		word, rest, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		readings, english, _ := strings.Cut(rest, "\t")
		r, _ := utf8.DecodeRuneInString(word)
		if readings != "" {
			l.readings[r] = strings.Fields(readings)
		}
		if cap(arena)-len(arena) < maxIDs {
			arena = make([]int32, 0, 1<<16)
		}
		// Up to maxIDs ids are appended in the arena; more, to an array
		// of their own.
		ids := arena[len(arena) : len(arena) : len(arena)+maxIDs]
		for w := range strings.FieldsSeq(english) {
			ids = append(ids, l.id(w))
		}
		if len(ids) > 0 {
			if len(ids) <= maxIDs {
				arena = arena[:len(arena)+len(ids)]
			}
			ids = sortedSet(ids)
			l.words[word] = ids[:len(ids):len(ids)]
			n := utf8.RuneCountInString(word)
			l.maxLen = max(l.maxLen, n)
			if r < firstLenRunes {
				l.firstLen[r] = uint8(max(int(l.firstLen[r]), min(n, longOne)))
			}
		}
	}
	return l, nil
}

// maxIDs is the room for the English words of one Chinese word in the
// arena (./gen keeps twelve).
const maxIDs = 64

// firstLenRunes bounds the characters whose longest word Segment looks
// up in a table (the Basic Multilingual Plane); words starting with
// others are tried at every length up to maxLen.
const (
	firstLenRunes = 0x10000
	longOne       = 255
)

// longestFrom returns the length in runes of the longest word that can
// start with r: no word is longer.
func (l *Lexicon) longestFrom(r rune) int {
	if r >= 0 && r < rune(len(l.firstLen)) && l.firstLen[r] != longOne {
		return int(l.firstLen[r])
	}
	return l.maxLen
}

func (l *Lexicon) id(w string) int32 {
	if id, ok := l.english[w]; ok {
		return id
	}
	id := int32(len(l.english))
	l.english[w] = id
	return id
}

// English returns the id of a stemmed English word (see Words), and
// whether the dictionary uses it at all.
func (l *Lexicon) English(w string) (int32, bool) {
	id, ok := l.english[w]
	return id, ok
}

// Readings returns the toneless pinyin readings of a character, nil for
// one the dictionary does not have.
func (l *Lexicon) Readings(r rune) []string { return l.readings[r] }

// Segment cuts Chinese text into dictionary words by forward maximum
// matching (the longest word at each position), calling f with each
// word's English ids; runs of characters not in the dictionary, and
// words whose meanings are all stop words, are skipped. O(len(s)·maxLen).
func (l *Lexicon) Segment(s string, f func(ids []int32)) {
	// off[i] is the byte offset of rune i; words are cut from s itself.
	off := make([]int, 0, len(s)/3+1)
	for i := range s {
		off = append(off, i)
	}
	off = append(off, len(s))
	n := len(off) - 1
	for i := 0; i < n; {
		r, _ := utf8.DecodeRuneInString(s[off[i]:])
		k := min(l.longestFrom(r), n-i)
		for ; k >= 1; k-- {
			if ids, ok := l.words[s[off[i]:off[i+k]]]; ok {
				f(ids)
				break
			}
		}
		i += max(k, 1)
	}
}

func sortedSet(ids []int32) []int32 {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
	out := ids[:0]
	for i, x := range ids {
		if i == 0 || x != ids[i-1] {
			out = append(out, x)
		}
	}
	return out
}
