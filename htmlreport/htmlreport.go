// Package htmlreport writes a timeline as one self-contained HTML page: the
// corpus, each step with its passages side by side and the changed words
// marked, the figure tracks that moved with a small SVG chart each, and a
// heat map of themes by document.
//
// The page needs nothing but itself: CSS, JavaScript and SVG are inline,
// and a Content-Security-Policy allows only the page's own style and
// script (by hash), so nothing is fetched and no markup from a document can
// run. A short report is readable without JavaScript; the script only
// adds filtering, keyboard navigation and opening collapsed passages for
// print. A long report (see DefaultDataFrom) carries its passages,
// changes and figure tracks as one compressed data block, which the
// script unpacks and lays out section by section, setting text only as
// text; off-screen sections are neither laid out nor painted (CSS
// content-visibility), so a page of fifty long steps opens in a second.
//
// Document text goes through html/template, which escapes it for the
// context it lands in, after normalize.Visible has turned control
// characters into visible escapes. Changes are marked by more than color:
// deletions are <del> (struck through), insertions <ins> (underlined),
// and a figure written another way a dotted underline.
//
// The cost is linear in the size of the timeline's passages; a long
// report's page is about the size of the documents' text.
package htmlreport

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/timeline"
)

//go:embed page.html.tmpl
var pageTemplate string

//go:embed style.css
var styleSheet string

//go:embed script.js
var script string

// Report is what the page shows.
type Report struct {
	Title     string            // the corpus title; "corpus" when empty
	Documents []corpus.Document // in date order
	// Timeline is the story to tell; built with timeline.Options.Passages
	// set, or the steps show their summaries without passages.
	Timeline *timeline.Timeline
	MinLevel diff.Class // the least class listed among a step's changes
	Version  string     // docdrift's version, for the footer; may be empty
	// Verdict, when set, is said first, above everything else: the
	// outcome of docdrift check.
	Verdict *Verdict
	// DataFrom is how many bytes of quoted text the page holds as markup
	// before its steps carry passages and changes as data; 0 means
	// DefaultDataFrom, a negative number always data.
	DataFrom int
}

// Verdict is the outcome of a check: whether it failed, and the words
// that say why ("Changes found: figure (failing on figure, modality)").
type Verdict struct {
	Failed bool
	Text   string
}

// Write writes r as an HTML page to w.
func Write(w io.Writer, r Report) error {
	t, err := template.New("page").Funcs(template.FuncMap{
		"visible": normalize.Visible, // control characters as escapes; html/template does the rest
		"lines":   lineRange,
	}).Parse(pageTemplate)
	if err != nil {
		// The template is part of the program: a parse error is a bug.
		panic(fmt.Sprintf("htmlreport: %v", err))
	}
	if err := t.Execute(w, newPage(r)); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return nil
}

// page is the template's data.
type page struct {
	Verdict  *Verdict
	Title    string
	Span     string
	Version  string
	MinLevel string
	Classes  []string // every class, least significant first, for the filter
	Docs     []docView
	Steps    []stepView
	Tracks   []trackView
	Heat     heatMap
	// Lazy is true when the steps' passages and changes and the figure
	// tracks are data for the page's script (see DefaultDataFrom), in
	// Data.
	Lazy bool
	Data template.JS
	CSS  template.CSS
	JS   template.JS
	CSP  string
}

type docView struct {
	corpus.Document
	Anchor string
}

func newPage(r Report) page {
	p := page{
		Verdict:  r.Verdict,
		Title:    r.Title,
		Version:  r.Version,
		MinLevel: string(r.MinLevel),
		CSS:      template.CSS(styleSheet),
		JS:       template.JS(script),
		CSP: fmt.Sprintf("default-src 'none'; style-src %s; script-src %s; img-src data:; base-uri 'none'; form-action 'none'",
			sourceHash(styleSheet), sourceHash(script)),
	}
	if p.Title == "" {
		p.Title = "corpus"
	}
	for _, c := range diff.Classes {
		p.Classes = append(p.Classes, string(c))
	}
	if n := len(r.Documents); n > 0 && r.Documents[0].Date != "" {
		p.Span = r.Documents[0].Date + " to " + r.Documents[n-1].Date
	}
	docs := map[string]corpus.Document{}
	for _, d := range r.Documents {
		docs[d.ID] = d
		p.Docs = append(p.Docs, docView{Document: d, Anchor: "doc-" + anchorID(d.ID)})
	}
	t := r.Timeline
	if t == nil {
		t = &timeline.Timeline{}
	}
	for i, s := range t.Steps {
		p.Steps = append(p.Steps, newStep(i+1, s, docs[s.Old], docs[s.New]))
	}
	axis := newTimeAxis(r.Documents)
	for _, tr := range t.Tracks {
		p.Tracks = append(p.Tracks, newTrack(tr, docs, axis))
	}
	p.lazify(r.DataFrom)
	p.Heat = newHeatMap(t.Present, r.Documents)
	return p
}

// lazify turns the steps' passages and changes, and the figure tracks,
// into data blocks when the steps quote more than limit bytes (see
// Report.DataFrom).
func (p *page) lazify(limit int) {
	if limit == 0 {
		limit = DefaultDataFrom
	}
	size := 0
	for _, s := range p.Steps {
		size += s.quotedSize()
	}
	if size <= limit {
		return
	}
	p.Lazy = true
	ps := &pieces{ids: map[string]int{}}
	kinds := []string{}
	for _, s := range p.Steps {
		for _, g := range s.Groups {
			for _, r := range g.Rows {
				if !slices.Contains(kinds, r.Kind) {
					kinds = append(kinds, r.Kind)
				}
			}
		}
	}
	d := pageData{Kinds: kinds, Classes: p.Classes, Steps: map[string]stepData{}}
	for _, s := range p.Steps {
		d.Steps[s.Anchor] = s.data(ps, kinds)
	}
	d.Tracks = tracksData(p.Tracks, ps)
	d.Pieces = ps.list
	p.Data = packJS(d)
}

// sourceHash is the CSP source expression that allows an inline element
// whose text is s.
func sourceHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// anchorID makes s usable in an id and a fragment: letters, digits, '-'
// and '_' are kept, anything else becomes '-'.
func anchorID(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' {
			return r
		}
		return '-'
	}, s)
}

func lineRange(from, to int) string {
	switch {
	case from == 0:
		return "–"
	case to <= from:
		return fmt.Sprint(from)
	}
	return fmt.Sprintf("%d–%d", from, to)
}
