package themes

import (
	"sync"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// Traditional characters are matched as their simplified forms, so that
// 發展 in the 1954 Government Work Report counts with 发展 and 五年計劃 with
// 五年计划. The table is OpenCC's (github.com/longbridgeapp/opencc, its
// t2s conversion: TSPhrases and TSCharacters), read character by
// character over the CJK Unified Ideographs block (U+4E00–U+9FFF) into a
// map of the 3,553 characters it changes, the first time a text has an
// ideograph to match: 14 ms, once per process. A character OpenCC would
// turn into several is left as it is. Folding character by character
// loses OpenCC's phrase rules (乾隆 keeps its 乾 there, here it is 干);
// for matching keys that is harmless, since the wordings are simplified.

// simplified returns the folding table, built on first use; it is never
// changed after, so it is safe to share.
var simplified = sync.OnceValue(func() map[rune]rune {
	m := map[rune]rune{}
	cc, err := opencc.New("t2s")
	if err != nil {
		return m // no table: characters match as written
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		s, err := cc.Convert(string(r))
		if err != nil || s == string(r) || utf8.RuneCountInString(s) != 1 {
			continue
		}
		m[r], _ = utf8.DecodeRuneInString(s)
	}
	return m
})

// foldHan returns a one-ideograph key in its simplified form.
func foldHan(key string) string {
	r, n := utf8.DecodeRuneInString(key)
	if n != len(key) {
		return key
	}
	if s, ok := simplified()[r]; ok {
		return string(s)
	}
	return key
}
