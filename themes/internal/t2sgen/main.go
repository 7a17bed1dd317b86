// Command t2sgen writes the table themes folds traditional Chinese
// characters with (themes/t2s.txt), from OpenCC's t2s conversion, so that
// no run of docdrift loads OpenCC's dictionaries (14 ms and 2,000 small
// allocations on the first Chinese word a glossary or a text holds):
//
//	go generate ./themes    (runs: go run ./internal/t2sgen)
//
// Each line is one traditional character of the CJK Unified Ideographs
// block (U+4E00–U+9FFF) that OpenCC's t2s turns into one other
// character, then that character, in code point order. A character OpenCC
// would turn into several is left out, as themes always did.
// TestTableIsCurrent fails when the file and OpenCC differ.
package main

import (
	"flag"
	"log"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

func main() {
	out := flag.String("out", "t2s.txt", "the table to write")
	flag.Parse()
	table, err := build()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, []byte(table), 0o644); err != nil {
		log.Fatal(err)
	}
}

// build returns the table as t2s.txt holds it.
func build() (string, error) {
	cc, err := opencc.New("t2s")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		s, err := cc.Convert(string(r))
		if err != nil || s == string(r) || utf8.RuneCountInString(s) != 1 {
			continue
		}
		b.WriteRune(r)
		b.WriteString(s)
		b.WriteByte('\n')
	}
	return b.String(), nil
}
