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
// thematic breaks. The pieces say where each run of the text stands in
// src, from the segments goldmark keeps for every text node.
func markdownText(src string) (string, []piece, []string) {
	var dropped []string
	body, base := src, 0
	if fm, rest, ok := frontMatter(src); ok {
		dropped = append(dropped, "front matter: "+Tidy(fm))
		body, base = rest, len(src)-len(rest)
	}
	source := []byte(body)
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	root := md.Parser().Parse(text.NewReader(source))
	w := mdWriter{source: source, base: base}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
			w.begin()
			if li, ok := n.Parent().(*ast.ListItem); ok && li.FirstChild() == n {
				w.insert("- ")
			}
			w.inline(n)
			w.end()
			return ast.WalkSkipChildren, nil
		case *east.TableHeader, *east.TableRow:
			w.begin()
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if c != n.FirstChild() {
					w.insert("\t")
				}
				w.inline(c)
			}
			w.end()
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			w.begin()
			w.code(n.Lines())
			w.end()
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			w.drop("HTML: " + string(n.Lines().Value(source)))
			return ast.WalkSkipChildren, nil
		case *ast.ThematicBreak:
			w.drop("thematic break")
		}
		return ast.WalkContinue, nil
	})
	if len(w.out) > 0 {
		w.out = append(w.out, '\n')
	}
	return string(w.out), w.pieces, append(dropped, w.dropped...)
}

// mdWriter collects the paragraphs of a document, where each run of them
// came from, and the dropped markup.
type mdWriter struct {
	source  []byte
	base    int // offset of source in the file (after front matter)
	out     []byte
	pieces  []piece
	dropped []string
	// para is where the paragraph being written starts in out, and sep
	// where the blank line before it does.
	para, sep int
}

// begin starts a paragraph, after a blank line unless it is the first.
func (w *mdWriter) begin() {
	w.sep = len(w.out)
	if len(w.out) > 0 {
		w.out = append(w.out, "\n\n"...)
	}
	w.para = len(w.out)
}

// end ends a paragraph, taking back one that holds only white space.
func (w *mdWriter) end() {
	if len(bytes.TrimSpace(w.out[w.para:])) == 0 {
		w.cut(w.sep)
	}
}

// cut takes back what was written from offset at on.
func (w *mdWriter) cut(at int) {
	w.out = w.out[:at]
	for len(w.pieces) > 0 && w.pieces[len(w.pieces)-1].text >= at {
		w.pieces = w.pieces[:len(w.pieces)-1]
	}
}

// copy writes source[start:stop] as it is.
func (w *mdWriter) copy(start, stop int) {
	if stop > start {
		w.pieces = append(w.pieces, piece{text: len(w.out), n: stop - start, file: w.base + start, m: stop - start, exact: true})
		w.out = append(w.out, w.source[start:stop]...)
	}
}

// replace writes b, which stands for source[start:stop].
func (w *mdWriter) replace(b []byte, start, stop int) {
	if bytes.Equal(b, w.source[start:stop]) {
		w.copy(start, stop)
		return
	}
	if len(b) > 0 {
		w.pieces = append(w.pieces, piece{text: len(w.out), n: len(b), file: w.base + start, m: stop - start})
		w.out = append(w.out, b...)
	}
}

// insert writes s, which stands for nothing in the source.
func (w *mdWriter) insert(s string) { w.out = append(w.out, s...) }

// code writes the lines of a code block as written, without the line
// end of the last.
func (w *mdWriter) code(lines *text.Segments) {
	for i := range lines.Len() {
		seg := lines.At(i)
		w.insert(strings.Repeat(" ", seg.Padding))
		stop := seg.Stop
		if i == lines.Len()-1 {
			for stop > seg.Start && (w.source[stop-1] == '\n' || w.source[stop-1] == '\r') {
				stop--
			}
		}
		w.copy(seg.Start, stop)
	}
}

func (w *mdWriter) drop(s string) {
	if s = Tidy(s); s != "" {
		w.dropped = append(w.dropped, s)
	}
}

// inline writes the words of n's inline children.
func (w *mdWriter) inline(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			// As goldmark's HTML renderer does: backslash escapes and
			// entity references give the characters they stand for.
			seg := c.Segment
			v := util.UnescapePunctuations(seg.Value(w.source))
			w.replace(util.ResolveEntityNames(util.ResolveNumericReferences(v)), seg.Start, seg.Stop)
			if c.SoftLineBreak() || c.HardLineBreak() {
				w.insert("\n")
			}
		case *ast.String:
			w.insert(string(c.Value))
		case *ast.CodeSpan: // its characters as written
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					w.copy(t.Segment.Start, t.Segment.Stop)
				}
			}
		case *ast.AutoLink:
			w.autoLink(c)
		case *ast.Image:
			at := len(w.out)
			w.inline(c)
			alt := string(w.out[at:])
			w.cut(at)
			w.drop("image: " + alt + " (" + string(c.Destination) + ")")
		case *ast.Link:
			at := len(w.out)
			w.inline(c)
			w.drop("link: " + string(w.out[at:]) + " → " + string(c.Destination))
		case *ast.RawHTML:
			var raw bytes.Buffer
			for i := range c.Segments.Len() {
				seg := c.Segments.At(i)
				raw.Write(seg.Value(w.source))
			}
			w.drop("HTML: " + raw.String())
		default: // emphasis, code spans, strikethrough: their words
			w.inline(c)
		}
	}
}

// autoLink writes the address of an autolink ("<https://…>"), found in
// the source after the node's position.
func (w *mdWriter) autoLink(c *ast.AutoLink) {
	url, label := c.URL(w.source), c.Label(w.source)
	if pos := c.Pos(); pos >= 0 && pos <= len(w.source) && bytes.Equal(url, label) {
		if i := bytes.Index(w.source[pos:], label); i >= 0 {
			w.copy(pos+i, pos+i+len(label))
			return
		}
	}
	w.insert(string(url))
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
