package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// checkSpans checks the offsets contract on every block and sentence of
// doc, read from file: Source gives a span of the file that holds the
// text's characters in order (markup may lie between them), and LineAt
// gives the file's line of the span's start. With exact set, the span
// must be the text itself.
func checkSpans(t *testing.T, name, file string, doc *Document, exact bool) {
	t.Helper()
	check := func(what string, start, end int) {
		t.Helper()
		text := doc.Text[start:end]
		fs, fe := doc.Source(start, end)
		if fs < 0 || fs > fe || fe > len(file) {
			t.Fatalf("%s: %s %q: Source(%d, %d) = %d, %d, out of a file of %d bytes", name, what, text, start, end, fs, fe, len(file))
		}
		span := file[fs:fe]
		if exact && span != text {
			t.Errorf("%s: %s: file[%d:%d] = %q, want %q", name, what, fs, fe, span, text)
		}
		if !inOrder(text, span) {
			t.Errorf("%s: %s: file[%d:%d] = %q does not hold %q", name, what, fs, fe, span, text)
		}
		if got, want := doc.LineAt(start), strings.Count(file[:fs], "\n")+1; got != want {
			t.Errorf("%s: %s %q: LineAt = %d, want the file's line %d", name, what, text, got, want)
		}
	}
	for _, b := range doc.Blocks {
		check("block", b.Start, b.End)
		for _, s := range doc.Sentences[b.First:b.Last] {
			check("sentence", s.Start, s.End)
		}
	}
}

// inOrder reports whether the characters of text, white space and the
// "- " bullets reading writes aside, appear in span in order.
func inOrder(text, span string) bool {
	text = strings.TrimPrefix(text, "- ")
	for _, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		i := strings.IndexRune(span, r)
		if i < 0 {
			return false
		}
		span = span[i+len(string(r)):]
	}
	return true
}

func TestSourceMarkdown(t *testing.T) {
	data, err := os.ReadFile("testdata/markdown/offsets.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, file string
		// want are spans of the file some sentence must have, markup inside
		want []string
	}{
		{"offsets.md", string(data), []string{
			"Monetary policy statement",
			"The Committee decided to **raise** the rate to [5 percent](https://example.org/rates).",
			"Inflation\nhas eased, AT&amp;T said, and 5\\* of firms agreed.",
			"Growth was *strong* in the\n> third quarter.",
			"energy by `8.2%`;",
			"code stays as written",
			"国内生产总值增长**5%左右**。",
		}},
		{"CRLF", "# Title\r\n\r\nRates **rose**.\r\nThey fell.\r\n", []string{"Title", "Rates **rose**.", "They fell."}},
		{"BOM", "\ufeff# Title\n\nRates **rose**.\n", []string{"Title", "Rates **rose**."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := FromBytes(tt.name+".md", []byte(tt.file), DecodeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, tt.name, tt.file, doc, false)
			have := map[string]bool{}
			for _, s := range doc.Sentences {
				fs, fe := doc.Source(s.Start, s.End)
				have[tt.file[fs:fe]] = true
			}
			for _, w := range tt.want {
				if !have[w] {
					t.Errorf("%s: no sentence spans %q; spans: %v", tt.name, w, have)
				}
			}
		})
	}
}

func TestSourceText(t *testing.T) {
	for _, file := range []string{"Rates rose.\nThey fell.\n", "\ufeffRates rose.\r\n\r\nThey fell.\r\n"} {
		doc, err := FromBytes("a.txt", []byte(file), DecodeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, "a.txt", file, doc, true)
	}
}

// TestSourceLawCorpus checks the offsets of a real Markdown file: the
// Anti-Monopoly Law, in which no sentence has markup inside it, so each
// span is its text exactly, at the file's line.
func TestSourceLawCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpora/cn-law-versions-zh/经济法/反垄断法/*.md")
	if len(files) == 0 {
		t.Skip("no shared corpus at ../../shared/corpora")
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := FromBytes(path, data, DecodeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Sentences) < 100 {
			t.Fatalf("%s: %d sentences", path, len(doc.Sentences))
		}
		checkSpans(t, filepath.Base(path), string(data), doc, true)
	}
}

// TestSourceHTML checks that a paragraph read from a page maps to the
// span of the page from its first character to its last, tags between
// them included, and hidden elements the extractor took out.
func TestSourceHTML(t *testing.T) {
	const page = "<!DOCTYPE html><html><head><title>Report</title></head><body><nav>Home</nav><article><h1>Report</h1>\n" +
		"<p>Exports <b>rose</b> in the quarter, and imports fell, the staff said in its report to the Committee, after a long debate.</p>\n" +
		"<p>AT&amp;T said growth was strong in the quarter, the staff said in its report to the Committee, after a long debate among members.</p>\n" +
		"<p>Prices rose by 3 percent in the quarter, the staff said in its report to the Committee, after a long debate among all members.</p>\n" +
		"<p>Growth was <span hidden>not</span> strong in the quarter, the staff said in its report to the Committee, after a long debate.</p>\n" +
		"</article></body></html>\n"
	doc, err := FromBytes("page.html", []byte(page), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, "page.html", page, doc, false)
	want := map[string]bool{
		"Exports <b>rose</b> in the quarter, and imports fell, the staff said in its report to the Committee, after a long debate.":         true,
		"AT&amp;T said growth was strong in the quarter, the staff said in its report to the Committee, after a long debate among members.": true,
		"Prices rose by 3 percent in the quarter, the staff said in its report to the Committee, after a long debate among all members.":    true,
		// the extractor drops the hidden word; the span keeps it
		"Growth was <span hidden>not</span> strong in the quarter, the staff said in its report to the Committee, after a long debate.": true,
	}
	for _, b := range doc.Blocks {
		fs, fe := doc.Source(b.Start, b.End)
		delete(want, page[fs:fe])
	}
	for w := range want {
		t.Errorf("page.html: no block spans %q", w)
	}
	for _, file := range []string{"bbc-1.html", "qq.html"} {
		data, err := os.ReadFile("testdata/html/" + file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := FromBytes(file, data, DecodeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, file, string(data), doc, false)
	}
}
