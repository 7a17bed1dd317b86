// Package lexicon is a Chinese → English translation dictionary for
// aligning translations: which English words a Chinese word may translate
// to, and how each Chinese character reads in pinyin, so that a name
// written in characters (习近平) meets its spelling (Xi Jinping).
//
// The data is CC-CEDICT (https://cc-cedict.org, CC BY-SA 4.0; see NOTICE),
// reduced by ./gen to a sorted, gzip-compressed list of 116,000 words
// (1.7 MB) that the binary embeds; Load decompresses and indexes it on
// first use only (about 0.2 s and 20 MB of heap on a loaded 2-core
// machine), so that commands which align no translation never pay for it.
//
//go:generate go run ./gen -in package/data/all.js -out cedict.txt.gz
package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
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
	l := &Lexicon{words: make(map[string][]int32, 120000), readings: map[rune][]string{}, english: map[string]int32{}}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		word, rest, _ := strings.Cut(sc.Text(), "\t")
		readings, english, _ := strings.Cut(rest, "\t")
		if readings != "" {
			r, _ := utf8.DecodeRuneInString(word)
			l.readings[r] = strings.Fields(readings)
		}
		var ids []int32
		for w := range strings.FieldsSeq(english) {
			ids = append(ids, l.id(w))
		}
		if len(ids) > 0 {
			l.words[word] = sortedSet(ids)
			l.maxLen = max(l.maxLen, utf8.RuneCountInString(word))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	l.firstLen = make([]uint8, firstLenRunes)
	for w := range l.words {
		if r, _ := utf8.DecodeRuneInString(w); r < firstLenRunes {
			l.firstLen[r] = uint8(max(int(l.firstLen[r]), min(utf8.RuneCountInString(w), longOne)))
		}
	}
	return l, nil
}

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
