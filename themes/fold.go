package themes

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// Traditional characters are matched as their simplified forms, so that
// 發展 in the 1954 Government Work Report counts with 发展 and 五年計劃 with
// 五年计划. The table is OpenCC's (github.com/longbridgeapp/opencc, its
// t2s conversion: TSPhrases and TSCharacters), read character by
// character over the CJK Unified Ideographs block (U+4E00–U+9FFF) by
// ./internal/t2sgen into t2s.txt: the 3,553 characters it changes. A
// character OpenCC would turn into several is left as it is. Folding
// character by character loses OpenCC's phrase rules (乾隆 keeps its 乾
// there, here it is 干); for matching keys that is harmless, since the
// wordings are simplified. OpenCC's data is under the Apache License 2.0
// (NOTICE).
//
//go:generate go run ./internal/t2sgen -out t2s.txt

//go:embed t2s.txt
var t2s string

// Bounds of the block t2s.txt covers.
const (
	hanFirst = 0x4E00
	hanLast  = 0x9FFF
)

// simplified returns the folding table, by code point from hanFirst (0:
// unchanged), made from t2s.txt on first use (a few hundred
// microseconds); it is never changed after, so it is safe to share.
var simplified = sync.OnceValue(func() []rune {
	table := make([]rune, hanLast-hanFirst+1)
	for line := range strings.Lines(t2s) {
		t, n := utf8.DecodeRuneInString(line)
		s, _ := utf8.DecodeRuneInString(line[n:])
		if hanFirst <= t && t <= hanLast {
			table[t-hanFirst] = s
		}
	}
	return table
})

// foldHan returns a one-ideograph key in its simplified form.
func foldHan(key string) string {
	r, n := utf8.DecodeRuneInString(key)
	if n != len(key) {
		return key
	}
	if hanFirst <= r && r <= hanLast {
		if s := simplified()[r-hanFirst]; s != 0 {
			return string(s)
		}
	}
	return key
}
