package normalize

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// FormatMarkdown names a Markdown file read for its text.
const FormatMarkdown = "markdown"

// IsMarkdown reports whether a file is Markdown, by its name (.md,
// .markdown).
func IsMarkdown(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// FormatOf returns the format a file is read in: FormatHTML for an HTML
// page (IsHTML), FormatMarkdown for a Markdown file (IsMarkdown), else
// FormatText.
func FormatOf(path string, data []byte) string {
	switch {
	case IsHTML(path, data):
		return FormatHTML
	case IsMarkdown(path):
		return FormatMarkdown
	}
	return FormatText
}

// markdownText returns the text of a Markdown document without its
// markup, parsed by goldmark (CommonMark, with GitHub's tables and
// strikethrough): each heading, paragraph, list item (with a "- "
// bullet), table row (cells apart by tabs) and code block becomes a
// paragraph; emphasis, code ticks and link syntax go, and a link keeps
// its words. What is not text is returned as dropped: YAML front matter,
// images (their alt text and address), link addresses, raw HTML and
// thematic breaks.
func markdownText(src string) (string, []string) {
	var dropped []string
	body := src
	if fm, rest, ok := frontMatter(src); ok {
		dropped = append(dropped, "front matter: "+Tidy(fm))
		body = rest
	}
	source := []byte(body)
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	root := md.Parser().Parse(text.NewReader(source))
	w := mdWriter{source: source}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
			var b strings.Builder
			if li, ok := n.Parent().(*ast.ListItem); ok && li.FirstChild() == n {
				b.WriteString("- ")
			}
			w.inline(n, &b)
			w.para(b.String())
			return ast.WalkSkipChildren, nil
		case *east.TableHeader, *east.TableRow:
			var cells []string
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				var b strings.Builder
				w.inline(c, &b)
				cells = append(cells, strings.TrimSpace(b.String()))
			}
			w.para(strings.Join(cells, "\t"))
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			w.para(strings.TrimRight(string(n.Lines().Value(source)), "\n"))
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			w.drop("HTML: " + string(n.Lines().Value(source)))
			return ast.WalkSkipChildren, nil
		case *ast.ThematicBreak:
			w.drop("thematic break")
		}
		return ast.WalkContinue, nil
	})
	out := strings.Join(w.paras, "\n\n")
	if out != "" {
		out += "\n"
	}
	return out, append(dropped, w.dropped...)
}

// mdWriter collects the paragraphs and the dropped markup of a document.
type mdWriter struct {
	source  []byte
	paras   []string
	dropped []string
}

func (w *mdWriter) para(s string) {
	if strings.TrimSpace(s) != "" {
		w.paras = append(w.paras, s)
	}
}

func (w *mdWriter) drop(s string) {
	if s = Tidy(s); s != "" {
		w.dropped = append(w.dropped, s)
	}
}

// inline writes the words of n's inline children to b.
func (w *mdWriter) inline(n ast.Node, b *strings.Builder) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			// As goldmark's HTML renderer does: backslash escapes and
			// entity references give the characters they stand for.
			v := util.UnescapePunctuations(c.Value(w.source))
			b.Write(util.ResolveEntityNames(util.ResolveNumericReferences(v)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan: // its characters as written
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Value(w.source))
				}
			}
		case *ast.AutoLink:
			b.Write(c.URL(w.source))
		case *ast.Image:
			var alt strings.Builder
			w.inline(c, &alt)
			w.drop("image: " + alt.String() + " (" + string(c.Destination) + ")")
		case *ast.Link:
			var words strings.Builder
			w.inline(c, &words)
			b.WriteString(words.String())
			w.drop("link: " + words.String() + " → " + string(c.Destination))
		case *ast.RawHTML:
			var raw bytes.Buffer
			for i := range c.Segments.Len() {
				seg := c.Segments.At(i)
				raw.Write(seg.Value(w.source))
			}
			w.drop("HTML: " + raw.String())
		default: // emphasis, code spans, strikethrough: their words
			w.inline(c, b)
		}
	}
}

// frontMatter splits a YAML front-matter block ("---" lines around it,
// at the very start) from the rest of a document.
func frontMatter(src string) (fm, rest string, ok bool) {
	s := strings.TrimPrefix(src, "\ufeff")
	if !strings.HasPrefix(s, "---\n") && !strings.HasPrefix(s, "---\r\n") {
		return "", src, false
	}
	body := s[strings.IndexByte(s, '\n')+1:]
	for off := 0; off < len(body); {
		end := strings.IndexByte(body[off:], '\n')
		line := body[off:]
		if end >= 0 {
			line = body[off : off+end]
		}
		if strings.TrimRight(line, "\r") == "---" {
			if end < 0 {
				return body[:off], "", true
			}
			return body[:off], body[off+end+1:], true
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return "", src, false
}
