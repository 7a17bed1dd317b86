package segment

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/go-ego/gse"
)

// gseSegmenter loads the dictionary the compact form was generated from
// into gse itself (about 2 s).
func gseSegmenter(t *testing.T) *gse.Segmenter {
	t.Helper()
	gz, err := os.ReadFile("dict/zh_s.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	seg := &gse.Segmenter{SkipLog: true}
	if err := seg.LoadDictStr(string(text)); err != nil {
		t.Fatal(err)
	}
	return seg
}

// TestCutMatchesGse holds Cut to gse's DAG mode without HMM, which it
// replaces: every line of the repository's documents, the runs of
// ideographs docdrift hands it, and mixed and awkward text.
func TestCutMatchesGse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's dictionary")
	}
	ref := gseSegmenter(t)
	texts := []string{
		"", "中", "的", "a", "A", "ABC中国", "GDP增长5.2%左右", "1号店和4S店",
		"İstanbul中文", "全角ＡＢＣ１２３", "\xff\xfe中国\x80", "中国\t人民\n银行",
		"《中华人民共和国》——第一条。", "𠀀𠀁中国", "ａ中ｂ", "e-mail地址", "中国  人民",
	}
	files, _ := filepath.Glob("../fixtures/opening-up/*.txt")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			texts = append(texts, line)
			// The runs of ideographs only, as themes hands them over.
			var run strings.Builder
			for _, r := range line {
				if unicode.Is(unicode.Han, r) {
					run.WriteRune(r)
				} else if run.Len() > 0 {
					texts = append(texts, run.String())
					run.Reset()
				}
			}
			texts = append(texts, run.String())
		}
	}
	var s Segmenter
	for _, text := range texts {
		got, err := s.Cut(text)
		if err != nil {
			t.Fatal(err)
		}
		want := ref.Cut(text, false)
		if strings.Join(got, "/") != strings.Join(want, "/") || len(got) != len(want) {
			t.Errorf("Cut(%q):\n got %q\nwant %q (gse)", text, got, want)
		}
	}
}
