package normalize

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// showRendered rewrites a parsed page, in place, so that the text a
// browser draws is plain text that the extractor and the text renderer
// keep; both would otherwise drop it unseen.
//
//   - aria-hidden hides an element from screen readers, not from the eye:
//     the attribute is removed, so its text is read.
//   - An inline <svg> draws its <text> (with <tspan> and <textPath>); its
//     <title> and <desc> are tooltips and are not drawn. The <svg> becomes
//     a <span> of its drawn text, words apart by spaces.
//   - <math> (MathML) draws its token elements (<mi>, <mo>, <mn>, <mtext>,
//     <ms>) and not its <annotation>s. It becomes a <span> of that text,
//     as written: "x=2".
//
// Elements a browser does not draw (hidden, display: none) are left alone
// for the extractor to drop. The cost is linear in the size of the tree.
func showRendered(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch {
		case c.Namespace == "svg" && c.Data == "svg":
			toSpan(c, strings.Join(svgText(c, nil), " "))
			continue
		case c.Namespace == "math" && c.Data == "math":
			var b strings.Builder
			mathText(c, &b)
			toSpan(c, b.String())
			continue
		}
		c.Attr = withoutAttr(c.Attr, "aria-hidden")
		showRendered(c)
	}
}

// toSpan turns n into a <span> whose only child is the text s.
func toSpan(n *html.Node, s string) {
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c)
	}
	n.Namespace, n.Data, n.DataAtom, n.Attr = "", "span", atom.Span, nil
	n.AppendChild(&html.Node{Type: html.TextNode, Data: s})
}

// svgText appends the drawn text of each <text> under n, tidied.
func svgText(n *html.Node, out []string) []string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type != html.ElementNode:
		case c.Data == "text":
			var b strings.Builder
			textOf(c, &b)
			if t := Tidy(b.String()); t != "" {
				out = append(out, t)
			}
		case c.Data != "title" && c.Data != "desc":
			out = svgText(c, out)
		}
	}
	return out
}

// textOf writes the text of every text node under n, in order.
func textOf(n *html.Node, b *strings.Builder) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		} else if c.Type == html.ElementNode && c.Data != "title" && c.Data != "desc" {
			textOf(c, b)
		}
	}
}

// mathText writes the drawn text of a MathML element: its text without
// annotations, white space between tokens dropped.
func mathText(n *html.Node, b *strings.Builder) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(strings.TrimSpace(c.Data))
		case c.Type == html.ElementNode && c.Data != "annotation" && c.Data != "annotation-xml":
			mathText(c, b)
		}
	}
}

func withoutAttr(attrs []html.Attribute, key string) []html.Attribute {
	out := attrs[:0]
	for _, a := range attrs {
		if a.Key != key {
			out = append(out, a)
		}
	}
	return out
}
