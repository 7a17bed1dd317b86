package normalize

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Formats of input, as Document.Format names them.
const (
	FormatText = "text"
	FormatHTML = "html"
)

// IsHTML reports whether a file is an HTML page: by its name (.html,
// .htm, .xhtml) or, whatever its name, by how it begins — "<!DOCTYPE
// html" or "<html", after white space and a byte-order mark.
func IsHTML(path string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	head = bytes.ToLower(head[:min(len(head), 16)])
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// extracted is the main text of an HTML page and what was left out.
type extracted struct {
	Decoded
	// dropped are the lines of the page's visible text that are not in
	// its main text: navigation, sidebars, footers, share buttons.
	dropped []string
	// page is the decoded page, and pieces where each paragraph of
	// Text stands in it.
	page   string
	pieces []piece
}

// extractHTML decodes an HTML page and returns its main text, found by
// readeck/go-readability (a port of Mozilla's Readability.js, which
// Firefox's reader view uses), with its title first. Each paragraph,
// heading, list item or table row of the article becomes a paragraph of
// the text. What a browser draws is text, even where readers leave it out
// (see showRendered). A page whose main text cannot be found is read
// whole, with a warning.
//
// The encoding is the one forced by opts, else a byte-order mark, else
// UTF-8 if the bytes are valid UTF-8, else the page's <meta charset>,
// else what Decode detects.
func extractHTML(data []byte, opts DecodeOptions) (extracted, error) {
	d, err := decodeHTML(data, opts)
	if err != nil {
		return extracted{}, err
	}
	root, err := html.Parse(strings.NewReader(d.Text))
	if err != nil {
		return extracted{}, fmt.Errorf("HTML: %w", err)
	}
	showRendered(root)
	page := paragraphsOf(render.InnerText(root))
	var main []string
	article, err := readability.FromDocument(root, nil)
	if err == nil && article.Node != nil {
		main = paragraphsOf(render.InnerText(article.Node))
	}
	if len(main) == 0 {
		d.Warnings = append(d.Warnings, "HTML: no main text found; reading all the page's text")
		main = page
	} else if title := Tidy(article.Title()); title != "" && !strings.Contains(main[0], title) {
		main = append([]string{title}, main...)
	}
	out := extracted{Decoded: d, page: d.Text, pieces: htmlPieces(d.Text, main)}
	out.Text = strings.Join(main, "\n\n") + "\n"
	out.dropped = leftOut(page, main)
	return out, nil
}

// decodeHTML decodes a page's bytes (see extractHTML for the order).
func decodeHTML(data []byte, opts DecodeOptions) (Decoded, error) {
	if opts.Encoding == encAuto && !utf8.Valid(data) && !hasBOM(data) {
		if _, name, certain := charset.DetermineEncoding(data, "text/html"); certain {
			if d, err := Decode(data, DecodeOptions{Encoding: name}); err == nil {
				return d, nil
			}
		}
	}
	return Decode(data, opts)
}

// hasBOM reports whether data begins with a UTF-8 or UTF-16 byte-order
// mark.
func hasBOM(data []byte) bool {
	return bytes.HasPrefix(data, utf8BOM) || bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM)
}

// paragraphsOf returns the non-blank lines of rendered text, tidied:
// InnerText ends each block element with a line break.
func paragraphsOf(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if t := Tidy(line); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// leftOut returns the lines of page that main does not have, as many
// times as page has them more often than main.
func leftOut(page, main []string) []string {
	kept := map[string]int{}
	for _, p := range main {
		kept[p]++
	}
	var out []string
	for _, p := range page {
		if kept[p] > 0 {
			kept[p]--
			continue
		}
		out = append(out, p)
	}
	return out
}
