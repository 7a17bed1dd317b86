package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/internal/parallel"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/segment"
	"github.com/docdrift/docdrift/themes"
)

// themesOptions are the settings of "docdrift themes".
type themesOptions struct {
	args     []string
	terms    []string
	glossary string
	encoding string
	top      int
}

func themesCommand() *cli.Command {
	return &cli.Command{
		Name:      "themes",
		Usage:     "follow concepts and slogans through a corpus, in all their wordings",
		ArgsUsage: "CORPUS",
		Description: `Counts, in every document, each concept asked for with --term — in any of its wordings,
English or Chinese, from docdrift's glossary (or yours, --glossary) — and says how its use
moved over time. Counts are also given per 10,000 words (per 10,000 characters for
Chinese). A term in no glossary is searched as written, with its inflections.

Trends, read from the rates in date order, the first that holds:
   absent        in no document
   new           absent from every document but the latest
   gone          used before, absent from the latest document (as the last step says)
   peaked        the highest rate lies inside the series, the rates rise to it, the latest is at
                 most half of it (four documents or more)
   rising        the rates since first use are a monotonic upward trend
   falling       the rates since first use are a monotonic downward trend
   steady        used in every document since first, with no trend
   intermittent  absent in between, with no trend
A trend is the Mann–Kendall test at two-sided p ≤ 0.10 (|Z| ≥ 1.645) on four rates or more;
on two or three, the last rate at least 25% above (rising) or 20% below (falling) the first.

Without --term, docdrift finds what changed by itself: each document's distinctive phrases
against the rest of the corpus (ranked by keyness: the log-odds ratio with an informative
Dirichlet prior, Monroe, Colaresi & Quinn 2008), the phrases that appeared or vanished
since the previous document in the same language, and the glossary concepts found, those
that appeared or vanished first.

Examples:
   docdrift themes --term "dispute settlement" fixtures/opening-up
   docdrift themes --term "small yet effective" --term 人类命运共同体 fixtures/opening-up
   docdrift themes --glossary my-terms.yaml --format json fixtures/opening-up`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "term", Usage: "a concept or wording to follow (repeatable); its glossary concept is counted in all its wordings"},
			glossaryFlag(),
			&cli.IntFlag{Name: "top", Value: 8, Usage: "how many phrases to show per document and per change, without --term"},
			encodingFlag(),
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			u, err := newUI(cmd)
			if err != nil {
				return err
			}
			if cmd.NArg() == 0 {
				return usagef("themes: name a corpus (a directory, or files)")
			}
			opts := themesOptions{args: cmd.Args().Slice(), terms: cmd.StringSlice("term"), glossary: cmd.String("glossary"),
				encoding: cmd.String("encoding"), top: int(cmd.Int("top"))}
			if opts.top < 1 {
				return usagef("--top %d: use 1 or more", opts.top)
			}
			return runThemes(u, opts)
		},
	}
}

// loadGlossary returns the built-in glossary, merged with the user's.
func loadGlossary(path string) (*themes.Glossary, error) {
	g, err := themes.Default()
	if err != nil {
		return nil, err
	}
	if path != "" {
		mine, err := themes.Load(path)
		if err != nil {
			return nil, err
		}
		g.Merge(mine)
	}
	return g, nil
}

type query struct {
	term    string
	concept themes.Concept
	known   bool
}

// themeCorpus reads a corpus and counts the glossary's concepts in it,
// with the queries' ad-hoc concepts for terms no glossary knows.
func themeCorpus(u *ui, args []string, encoding, glossary string, terms []string) (*corpus.Corpus, []loadedDoc, *themes.Corpus, []query, *themes.Glossary, error) {
	r, err := readThemeCorpus(u, args, encoding, glossary, terms, false)
	return r.corpus, r.docs, r.themes, r.queries, r.glossary, err
}

// themeCorpusRead is what readThemeCorpus reads and counts.
type themeCorpusRead struct {
	corpus   *corpus.Corpus
	docs     []loadedDoc
	themes   *themes.Corpus
	phrases  *themes.CorpusPhrases // with phrases only
	queries  []query
	glossary *themes.Glossary
}

// readThemeCorpus is themeCorpus, counting the documents' phrases too if
// phrases is set, in the same pass over their sentences.
func readThemeCorpus(u *ui, args []string, encoding, glossary string, terms []string, phrases bool) (themeCorpusRead, error) {
	g, err := loadGlossary(glossary)
	if err != nil {
		return themeCorpusRead{}, err
	}
	c, docs, err := loadCorpus(u, args, encoding)
	if err != nil {
		return themeCorpusRead{}, err
	}
	concepts := slices.Clone(g.Concepts)
	var qs []query
	for _, t := range terms {
		con, known := g.Find(t)
		if !known {
			concepts = append(concepts, con)
		}
		qs = append(qs, query{t, con, known})
	}
	in := make([]themes.Document, len(docs))
	langs := make([]string, len(docs))
	for i, d := range docs {
		in[i] = themes.Document{ID: d.ID, Doc: d.doc}
		langs[i] = d.Lang
	}
	// One segmenter for concepts and phrases: its dictionary is large.
	m := themes.NewMatcher(concepts).UseSegmenter(&segment.Segmenter{})
	r := themeCorpusRead{corpus: c, docs: docs, queries: qs, glossary: g}
	if phrases {
		r.themes, r.phrases = themes.NewCorpusCounting(in, langs, m)
	} else {
		r.themes = themes.NewCorpusWith(in, m)
	}
	return r, nil
}

func runThemes(u *ui, opts themesOptions) error {
	read, err := readThemeCorpus(u, opts.args, opts.encoding, opts.glossary, opts.terms, len(opts.terms) == 0)
	if err != nil {
		return err
	}
	c, docs, tc, qs, g := read.corpus, read.docs, read.themes, read.queries, read.glossary
	var list []themes.Theme
	if len(qs) > 0 {
		for _, q := range qs {
			list = append(list, tc.Theme(q.term, q.concept, q.known))
		}
		for _, q := range qs {
			if !q.known && !hasHanText(q.term) && slices.ContainsFunc(docs, func(d loadedDoc) bool { return d.Lang == "zh" }) {
				u.warnf(opts.args[0], "%q is in no glossary and has no Chinese wording: Chinese documents count 0 (add it with --glossary)", q.term)
			}
		}
	} else {
		all := make([]themes.Theme, len(g.Concepts))
		parallel.For(len(g.Concepts), func(i int) { all[i] = tc.Theme(g.Concepts[i].Label, g.Concepts[i], true) })
		for _, t := range all {
			if t.Trend != themes.Absent {
				list = append(list, t)
			}
		}
		order := map[string]int{themes.New: 0, themes.Gone: 1, themes.Peaked: 2, themes.Rising: 3, themes.Falling: 4, themes.Intermittent: 5, themes.Steady: 6}
		slices.SortStableFunc(list, func(a, b themes.Theme) int { return order[a.Trend] - order[b.Trend] })
	}
	r := themesReport{corpus: c, docs: docs, themes: list}
	if len(qs) == 0 {
		r.discover(opts.top, read.phrases)
	}
	return render(u, r, 0)
}

// hasHanText reports whether s holds a Chinese character.
func hasHanText(s string) bool { return strings.IndexFunc(s, normalize.IsHan) >= 0 }

type themesReport struct {
	corpus      *corpus.Corpus
	docs        []loadedDoc
	themes      []themes.Theme
	distinctive []docPhrases // without --term
	shifts      []shift
}

type docPhrases struct {
	Doc     string          `json:"doc"`
	Phrases []themes.Phrase `json:"phrases"`
}

// shift is what changed in wording from one document to the next in the
// same language.
type shift struct {
	From     string          `json:"from"`
	To       string          `json:"to"`
	Appeared []themes.Phrase `json:"appeared"`
	Vanished []themes.Phrase `json:"vanished"`
}

// discover finds each document's distinctive phrases and the phrases that
// appeared or vanished since the previous document of its language, from
// the corpus's phrases cp.
func (r *themesReport) discover(top int, cp *themes.CorpusPhrases) {
	r.distinctive = make([]docPhrases, len(r.docs))
	shifts := make([]*shift, len(r.docs))
	parallel.For(len(r.docs), func(i int) {
		r.distinctive[i] = docPhrases{Doc: r.docs[i].ID, Phrases: nonNil(cp.Distinctive(i, top))}
		if prev, ap, va := cp.Shift(i, top); prev >= 0 {
			shifts[i] = &shift{From: r.docs[prev].ID, To: r.docs[i].ID, Appeared: nonNil(ap), Vanished: nonNil(va)}
		}
	})
	for _, s := range shifts {
		if s != nil {
			r.shifts = append(r.shifts, *s)
		}
	}
}

func nonNil(ps []themes.Phrase) []themes.Phrase {
	if ps == nil {
		return []themes.Phrase{}
	}
	return ps
}

// themesJSON is the schema docdrift.themes/v1.
type themesJSON struct {
	Schema      string            `json:"schema"`
	Documents   []corpus.Document `json:"documents"`
	Themes      []themes.Theme    `json:"themes"`
	Distinctive []docPhrases      `json:"distinctive,omitempty"`
	Shifts      []shift           `json:"shifts,omitempty"`
}

func (r themesReport) json() any {
	out := themesJSON{Schema: "docdrift.themes/v1", Documents: documentsOf(r.docs), Themes: r.themes, Distinctive: r.distinctive, Shifts: r.shifts}
	if out.Themes == nil {
		out.Themes = []themes.Theme{}
	}
	return out
}

// bar draws a rate as up to eight blocks, against the largest rate shown.
func bar(rate, top float64) string {
	if rate <= 0 || top <= 0 {
		return ""
	}
	n := int(rate/top*8 + 0.5)
	return strings.Repeat("█", max(n, 1))
}

// phraseList writes phrases as "phrase (count)".
func phraseList(ps []themes.Phrase) string {
	if len(ps) == 0 {
		return "—"
	}
	var parts []string
	for _, p := range ps {
		parts = append(parts, fmt.Sprintf("%s (%d)", p.Text, p.Count))
	}
	return strings.Join(parts, " · ")
}

func (r themesReport) textDiscovery(u *ui) {
	fmt.Fprintln(u.out, u.bold.Sprint("Distinctive phrases of each document, against the rest of the corpus (count):"))
	for _, d := range r.distinctive {
		fmt.Fprintf(u.out, "  %s  %s\n", u.bold.Sprint(visibleName(d.Doc)), visibleName(phraseList(d.Phrases)))
	}
	if len(r.shifts) > 0 {
		fmt.Fprintln(u.out)
		fmt.Fprintln(u.out, u.bold.Sprint("Phrases that appeared or vanished since the previous document in the same language:"))
		for _, s := range r.shifts {
			fmt.Fprintf(u.out, "  %s → %s\n", visibleName(s.From), visibleName(s.To))
			fmt.Fprintf(u.out, "    %s %s\n", u.ins.Sprint("appeared:"), visibleName(phraseList(s.Appeared)))
			fmt.Fprintf(u.out, "    %s %s\n", u.gone.Sprint("vanished:"), visibleName(phraseList(s.Vanished)))
		}
	}
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, u.bold.Sprint("Glossary concepts found (those that appeared or vanished first):"))
}

func (r themesReport) text(u *ui) {
	if r.distinctive != nil {
		r.textDiscovery(u)
	}
	header := []string{"theme", "trend"}
	for _, d := range r.docs {
		header = append(header, d.ID)
	}
	rows := [][]string{header}
	for _, t := range r.themes {
		top := 0.0
		for _, v := range t.Per10k {
			top = max(top, v)
		}
		row := []string{truncateWidth(t.Label, 36), t.Trend}
		for _, d := range r.docs {
			cell := "·"
			if n := t.Counts[d.ID]; n > 0 {
				cell = fmt.Sprintf("%d %s", n, bar(t.Per10k[d.ID], top))
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	printTable(u, rows, nil)
	for _, t := range r.themes {
		if len(t.Variants) > 0 {
			fmt.Fprintf(u.out, "\n%s: %s", u.bold.Sprint(visibleName(t.Label)), visibleName(strings.Join(t.Variants, " · ")))
		}
	}
	fmt.Fprintln(u.out)
}

// printTable prints rows in columns, the first row in bold; style, if not
// nil, colors a body cell (already made safe) given its raw text.
func printTable(u *ui, rows [][]string, style func(raw, cell string) string) {
	if len(rows) == 0 {
		return
	}
	// Widths are those of the cells as printed, names escaped.
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], cellWidth(visibleName(c)))
		}
	}
	for ri, row := range rows {
		var b strings.Builder
		for i, c := range row {
			cell := visibleName(c)
			pad := widths[i] - cellWidth(cell)
			switch {
			case ri == 0:
				cell = u.bold.Sprint(cell)
			case style != nil:
				cell = style(c, cell)
			}
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", pad+2))
			}
		}
		fmt.Fprintln(u.out, strings.TrimRight(b.String(), " "))
	}
}

func (r themesReport) markdown(u *ui) {
	fmt.Fprintf(u.out, "### docdrift themes: %s\n\n| theme | trend |", mdEscape(r.corpus.Title))
	for _, d := range r.docs {
		fmt.Fprintf(u.out, " %s |", mdEscape(d.ID))
	}
	fmt.Fprint(u.out, "\n|---|---|")
	for range r.docs {
		fmt.Fprint(u.out, "---:|")
	}
	fmt.Fprintln(u.out)
	for _, t := range r.themes {
		fmt.Fprintf(u.out, "| %s | %s |", mdEscape(t.Label), t.Trend)
		for _, d := range r.docs {
			fmt.Fprintf(u.out, " %d |", t.Counts[d.ID])
		}
		fmt.Fprintln(u.out)
	}
}
