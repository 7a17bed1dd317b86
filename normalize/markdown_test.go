package normalize

import (
	"slices"
	"strings"
	"testing"
)

func TestMarkdownText(t *testing.T) {
	for _, tt := range []struct {
		name, md, want string
		dropped        []string
	}{
		{"emphasis and code", "Rates **rose** to *5 percent*, `sharply`.\n", "Rates rose to 5 percent, sharply.\n", nil},
		{"heading and list", "# Outlook\n\nThe Committee:\n\n- raised rates;\n* cut purchases.\n", "Outlook\n\nThe Committee:\n\n- raised rates;\n\n- cut purchases.\n", nil},
		{"link keeps its words", "See [the statement](https://example.org/s.htm) today.\n", "See the statement today.\n",
			[]string{"link: the statement → https://example.org/s.htm"}},
		{"image is dropped", "![Chart of rates](chart.png)\n\nRates rose.\n", "Rates rose.\n", []string{"image: Chart of rates (chart.png)"}},
		{"front matter", "---\ntitle: Statement\ndate: 2024-01-31\n---\nRates rose.\n", "Rates rose.\n",
			[]string{"front matter: title: Statement date: 2024-01-31"}},
		{"table rows", "| year | rate |\n|---|---|\n| 2023 | 5.5% |\n", "year\trate\n\n2023\t5.5%\n", nil},
		{"soft breaks stay line breaks", "Hard-wrapped\nparagraph here.\n", "Hard-wrapped\nparagraph here.\n", nil},
		{"raw HTML is dropped", "Rates <b>rose</b>.\n\n<div>box</div>\n", "Rates rose.\n", []string{"HTML: <b>", "HTML: </b>", "HTML: <div>box</div>"}},
		{"strikethrough and escapes", "Not ~~6~~ but 5\\* &amp; `a\\*b`.\n", "Not 6 but 5* & a\\*b.\n", nil},
		{"Chinese", "## 主要目标\n\n国内生产总值增长**5%左右**。\n", "主要目标\n\n国内生产总值增长5%左右。\n", nil},
		{"thematic break", "One.\n\n---\n\nTwo.\n", "One.\n\nTwo.\n", []string{"thematic break"}},
		{"empty", "", "", nil},
	} {
		got, _, dropped := markdownText(tt.md)
		if got != tt.want {
			t.Errorf("%s: text %q, want %q", tt.name, got, tt.want)
		}
		if !slices.Equal(dropped, tt.dropped) {
			t.Errorf("%s: dropped %q, want %q", tt.name, dropped, tt.dropped)
		}
	}
}

func TestMarkdownFiles(t *testing.T) {
	doc, err := FromBytes("notes.md", []byte("# Title\n\nRates **rose**.\n"), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatMarkdown || strings.Contains(doc.Text, "*") {
		t.Errorf("notes.md: format %q, text %q", doc.Format, doc.Text)
	}
	doc, err = FromBytes("notes.txt", []byte("Rates **rose**.\n"), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatText || !strings.Contains(doc.Text, "**") {
		t.Errorf("notes.txt is read as Markdown: format %q, text %q", doc.Format, doc.Text)
	}
}

// FuzzMarkdown checks that any Markdown reads without panicking and
// that every word of a plain paragraph survives.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"# T\n\n*a* **b** `c` [d](e) ![f](g)\n", "---\nx: 1\n---\n- a\n- b\n", "| a | b |\n|-|-|\n| 1 | 2 |\n", "<div>\n\n```go\nx\n```\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		text, pieces, _ := markdownText(md)
		doc := Parse(text)
		doc.setOrigin(newOrigin(md, pieces))
		for _, s := range doc.Sentences {
			if s.Start < 0 || s.Start > s.End || s.End > len(doc.Text) {
				t.Fatalf("sentence %d..%d out of a text of %d bytes", s.Start, s.End, len(doc.Text))
			}
			if fs, fe := doc.Source(s.Start, s.End); fs < 0 || fs > fe || fe > len(md) {
				t.Fatalf("sentence %q maps to %d..%d, out of a file of %d bytes", text[s.Start:s.End], fs, fe, len(md))
			}
		}
	})
}

// TestMarkdownTooDeep checks that Markdown nested deeper than goldmark
// parses in linear time is read as plain text, with a warning, and that
// ordinary nesting is still Markdown.
func TestMarkdownTooDeep(t *testing.T) {
	var list strings.Builder
	for i := range 2000 {
		list.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	for _, tt := range []struct {
		name, md string
		deep     bool
	}{
		{"quotes", strings.Repeat(">", 400_000) + " x\n", true},
		{"list", list.String(), true},
		{"ordered list", strings.Repeat("1. ", 150) + "x\n", true},
		{"shallow", "> quoted\n>> twice\n\n- a\n  - b\n    1. c\n", false},
		{"indented text", strings.Repeat(" ", 400) + "not a list\n", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := FromBytes("deep.md", []byte(tt.md), DecodeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			warned := slices.ContainsFunc(doc.Warnings, func(w string) bool { return strings.Contains(w, "read as plain text") })
			if tt.deep && (doc.Format != FormatText || !warned) {
				t.Errorf("FromBytes: format %q, warnings %q; want text with a warning", doc.Format, doc.Warnings)
			}
			if !tt.deep && (doc.Format != FormatMarkdown || warned) {
				t.Errorf("FromBytes: format %q, warnings %q; want Markdown, no warning", doc.Format, doc.Warnings)
			}
		})
	}
}
