package normalize

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestIsHTML(t *testing.T) {
	for _, tt := range []struct {
		path, data string
		want       bool
	}{
		{"page.html", "anything", true},
		{"PAGE.HTM", "", true},
		{"page.xhtml", "", true},
		{"saved.txt", "<!DOCTYPE html><html><body>x</body></html>", true},
		{"saved", "\xef\xbb\xbf\n  <html lang=en>", true},
		{"notes.txt", "The <html> tag starts a page.", false},
		{"notes.md", "# Title\n\n<b>bold</b>", false},
		{"a.txt", "", false},
	} {
		if got := IsHTML(tt.path, []byte(tt.data)); got != tt.want {
			t.Errorf("IsHTML(%q, %q) = %v, want %v", tt.path, tt.data, got, tt.want)
		}
	}
}

func TestSavedPages(t *testing.T) {
	for _, tt := range []struct {
		file      string
		title     string
		keep      []string // in the main text
		leaveOut  []string // in the page, not in the main text
		sentences int      // at least
	}{
		{"bbc-1.html", "Obama admits US gun laws are his 'biggest frustration'",
			[]string{"President Barack Obama has admitted that his failure", "Syria needs a political solution"},
			[]string{"Skip to content", "BBC navigation", "Accessibility links", "Sign in"}, 20},
		{"qq.html", "DeepMind新电脑已可利用记忆自学",
			[]string{"在2014年收购的人工智能公司DeepMind"},
			[]string{"无障碍说明", "证券"}, 10},
	} {
		doc, err := ReadFile("testdata/html/"+tt.file, DecodeOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if doc.Format != FormatHTML {
			t.Errorf("%s: format %q, want html", tt.file, doc.Format)
		}
		first := doc.Text[:strings.IndexByte(doc.Text, '\n')]
		if !strings.HasPrefix(first, tt.title) {
			t.Errorf("%s: first line %q, want the title %q", tt.file, first, tt.title)
		}
		for _, s := range tt.keep {
			if !strings.Contains(doc.Text, s) {
				t.Errorf("%s: main text lacks %q", tt.file, s)
			}
		}
		for _, s := range tt.leaveOut {
			if strings.Contains(doc.Text, s) {
				t.Errorf("%s: main text has the page furniture %q", tt.file, s)
			}
			if !slices.ContainsFunc(doc.Dropped, func(d string) bool { return strings.Contains(d, s) }) {
				t.Errorf("%s: %q is neither in the main text nor listed as left out", tt.file, s)
			}
		}
		if strings.ContainsAny(doc.Text, "<>") && strings.Contains(doc.Text, "<div") {
			t.Errorf("%s: markup in the main text", tt.file)
		}
		if len(doc.Sentences) < tt.sentences {
			t.Errorf("%s: %d sentences, want at least %d", tt.file, len(doc.Sentences), tt.sentences)
		}
	}
}

// TestNothingLostFromAPage checks that every line of a page's visible
// text is in the main text or in Dropped, as often as the page has it.
func TestNothingLostFromAPage(t *testing.T) {
	for _, file := range []string{"bbc-1.html", "qq.html"} {
		data, err := os.ReadFile("testdata/html/" + file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := FromBytes(file, data, DecodeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		root, err := html.Parse(strings.NewReader(string(data)))
		if err != nil {
			t.Fatal(err)
		}
		showRendered(root) // what a browser draws, aria-hidden text among it
		have := map[string]int{}
		for _, p := range append(paragraphsOf(doc.Text), doc.Dropped...) {
			have[p]++
		}
		for _, p := range paragraphsOf(render.InnerText(root)) {
			if have[p] == 0 {
				t.Errorf("%s: the page's line %q is neither read nor listed as left out", file, p)
				continue
			}
			have[p]--
		}
	}
}

func TestHTMLEncodings(t *testing.T) {
	page := "<html><head><meta charset=\"gbk\"><title>报告</title></head><body><nav>首页 | 新闻</nav>" +
		"<article><h1>政府工作报告</h1><p>国内生产总值增长百分之五，达到一百三十四万亿元。</p>" +
		"<p>城镇新增就业一千二百五十六万人。居民消费价格上涨百分之零点二。</p></article></body></html>"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"utf-8": page, "gbk with <meta charset>": gbk} {
		doc, err := FromBytes("page.html", []byte(data), DecodeOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.Contains(doc.Text, "国内生产总值增长百分之五") || strings.Contains(doc.Text, "<p>") {
			t.Errorf("%s: main text %q", name, doc.Text)
		}
	}
}

func TestHTMLWithoutMainText(t *testing.T) {
	doc, err := FromBytes("tiny.html", []byte("<html><body><p>Rates rose.</p></body></html>"), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "Rates rose.") {
		t.Errorf("text %q lacks the page's only sentence", doc.Text)
	}
}

// FuzzHTML checks that any page reads without panicking, that offsets
// stay in the text, and that no line of the page goes missing.
func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		"<html><body><p>One.</p><p>Two.</p></body></html>",
		"<!DOCTYPE html><nav>a</nav><main><h1>T</h1><p>x &amp; y</p></main><footer>f</footer>",
		"<html><head><meta charset=gbk></head><body>\xb9\xfa</body></html>",
		"<table><tr><td>1</td><td>2</td></tr></table><pre>  a\n  b</pre><br><br>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := FromBytes("page.html", data, DecodeOptions{})
		if err != nil {
			return // empty or binary: an error, not a panic
		}
		for _, s := range doc.Sentences {
			if s.Start < 0 || s.Start > s.End || s.End > len(doc.Text) {
				t.Fatalf("sentence %d..%d out of a text of %d bytes", s.Start, s.End, len(doc.Text))
			}
			fs, fe := doc.Source(s.Start, s.End)
			if fs < 0 || fs > fe || (doc.Encoding == UTF8 || doc.Encoding == UTF8BOM) && utf8.Valid(data) && fe > len(data) {
				t.Fatalf("sentence %q maps to %d..%d, out of a page of %d bytes", doc.Text[s.Start:s.End], fs, fe, len(data))
			}
		}
	})
}

// TestRenderedText checks that what a browser shows is read: text in
// aria-hidden elements (hidden from screen readers, not from the eye), an
// inline SVG's labels and MathML's symbols.
func TestRenderedText(t *testing.T) {
	const filler = " the staff said in its report to the Committee, after a long debate among all of its members about inflation and growth."
	for _, tt := range []struct {
		name, body, want string
	}{
		{"aria-hidden", `<p>Growth was <span aria-hidden="true">not</span> strong in the quarter,` + filler + `</p>`,
			"Growth was not strong in the quarter,"},
		{"svg text", `<p>The rate was <svg width="90" height="20"><title>chart</title><text x="0" y="15">3.1 <tspan>percent</tspan></text></svg> for the year,` + filler + `</p>`,
			"The rate was 3.1 percent for the year,"},
		{"mathml", `<p>The model sets <math><mi>x</mi><mo>=</mo><mn>2</mn><annotation encoding="application/x-tex">x=2</annotation></math> for the year,` + filler + `</p>`,
			"The model sets x=2 for the year,"},
		{"hidden stays hidden", `<p>Growth was <span hidden>not</span><span style="display: none">never</span> strong in the quarter,` + filler + `</p>`,
			"Growth was strong in the quarter,"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := "<!DOCTYPE html><html><head><title>Report</title></head><body><article><h1>Report</h1>" +
				strings.Repeat("<p>Exports rose in the quarter, and imports fell,"+filler+"</p>", 3) + tt.body + "</article></body></html>"
			doc, err := FromBytes("page.html", []byte(page), DecodeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(doc.Text, tt.want) {
				t.Errorf("FromBytes: main text lacks %q:\n%s", tt.want, doc.Text)
			}
		})
	}
}
