package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
	"github.com/docdrift/docdrift/timeline"
)

// figuresOptions are the settings of "docdrift figures".
type figuresOptions struct {
	args     []string
	changed  bool
	all      bool // also list the numbers that are no figures
	explain  bool // say why each observation joined its track
	align    bool // use the passages each edition step pairs as evidence
	doc      string
	encoding string
}

func figuresCommand() *cli.Command {
	return &cli.Command{
		Name:      "figures",
		Usage:     "find every figure of a corpus and line up the same fact across documents",
		ArgsUsage: "CORPUS",
		Description: `Extracts the figures of every document — numbers with their unit, scale and hedge,
in English and Chinese — and links the figures that measure the same thing into tracks,
one row per track and one column per document in date order. A document that translates
another (translation_of in the manifest) is linked by equal values: 11倍 beside "11-fold".

Units: percent; percentage-point (3个百分点 is not 3%); share, a part of a whole from 0 to 1
("two-thirds", "one in five", "more than half"); times ("11-fold", 倍, 翻两番 = 4×); year; rank
("45th", "ranks second", 世界第二); a currency; otherwise the counted noun ("22 pilot free trade
zones"). A law's span by its two bounds is one range (二万元以上十万元以下). "The past five years" is
a reporting period: it tells figures of different periods apart and forms no track of its own.

Each figure has a measure (what is measured, without the verbs that frame it: "target range
federal funds rate", 城镇登记失业率) and a role: target (预期目标, "aims", "objective"), result,
reference (the "from" of a change), cumulative (年均, "a total of"), alternative (a dissent's
"preferred"). A target never links to a result. A document's figures are linked in one
decision, each to the track it fits best; --explain says why each one joined its track.
Article numbers, ordinals, clock times, phone numbers, list numbers and steps ("by 25 basis
points") are no figures of a track; --all lists them.

Values read: >500bn over, <5 under, ≈30% about, ≲30% nearly, ≥3 at least, ≤3 at most;
↑ and ↓ mark a value that rose or fell since the document before, ≃ one restated at another
precision ("10.5%" → "over 10%"), ↗ a count of years kept up ("for 8 consecutive years").

Examples:
   docdrift figures fixtures/opening-up
   docdrift figures --changed fixtures/opening-up
   docdrift figures --explain --changed fixtures/opening-up
   docdrift figures --doc interview-2025 --format json fixtures/opening-up`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "changed", Usage: "only tracks whose value or hedge changed"},
			&cli.BoolFlag{Name: "align", Usage: "compare each document with the one before it in its language, as timeline does, and link first the figures of passages that comparison pairs (slower the first time: china-gwr-zh 2 s → about 14 s; the comparisons are cached)"},
			&cli.BoolFlag{Name: "explain", Usage: "after the table, say for each track why each observation joined it: the observation it was matched with, by what (measure, context, advancing, translation), the score and the words both share"},
			&cli.BoolFlag{Name: "all", Usage: "also list the numbers that name or enumerate rather than measure (article numbers, ordinals, clock times, phone numbers, list enumerators), which form no track"},
			&cli.StringFlag{Name: "doc", Usage: "only tracks seen in the document with this id"},
			encodingFlag(),
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			u, err := newUI(cmd)
			if err != nil {
				return err
			}
			if cmd.NArg() == 0 {
				return usagef("figures: name a corpus (a directory, or files)")
			}
			return runFigures(u, figuresOptions{args: cmd.Args().Slice(), changed: cmd.Bool("changed"), all: cmd.Bool("all"), explain: cmd.Bool("explain"), align: cmd.Bool("align"), doc: cmd.String("doc"), encoding: cmd.String("encoding")})
		},
	}
}

func runFigures(u *ui, opts figuresOptions) error {
	c, docs, err := loadCorpus(u, opts.args, opts.encoding)
	if err != nil {
		return err
	}
	if opts.doc != "" && !slices.ContainsFunc(docs, func(d loadedDoc) bool { return d.ID == opts.doc }) {
		return usagef("--doc %q: no document with that id in the corpus", opts.doc)
	}
	in := make([]figures.Document, len(docs))
	for i, d := range docs {
		in[i] = figures.Document{ID: d.ID, TranslationOf: d.TranslationOf, Date: d.Date, Doc: d.doc}
	}
	var aligned []figures.Alignment
	if opts.align {
		var err error
		if aligned, err = alignEditions(u, docs); err != nil {
			return err
		}
	}
	tracks := figures.TracksAligned(in, aligned)
	var shown []figures.Track
	for _, t := range tracks {
		if opts.changed && !(t.Change == figures.Up || t.Change == figures.Down || t.Change == figures.Mixed || t.Change == figures.Restated || t.Change == figures.Advancing || t.HedgeChanged) {
			continue
		}
		if opts.doc != "" && !slices.ContainsFunc(t.Observations, func(o figures.Observation) bool { return o.Doc == opts.doc }) {
			continue
		}
		shown = append(shown, t)
	}
	// Facts seen in several documents first, each group in reading order.
	slices.SortStableFunc(shown, func(a, b figures.Track) int {
		return min(len(b.Observations), 2) - min(len(a.Observations), 2)
	})
	r := figuresReport{corpus: c, docs: docs, tracks: shown, total: len(tracks), explain: opts.explain}
	if opts.all {
		r.notFigures = []figures.Observation{}
		for _, o := range figures.NotTracked(in) {
			if opts.doc == "" || o.Doc == opts.doc {
				r.notFigures = append(r.notFigures, o)
			}
		}
	}
	return render(u, r, 0)
}

// alignEditions compares each document with the one before it in its
// language, as timeline does and through the same cache, for the
// passages each comparison paired: the strongest evidence that two
// figures state one fact.
func alignEditions(u *ui, docs []loadedDoc) ([]figures.Alignment, error) {
	g, err := themes.Default()
	if err != nil {
		return nil, err
	}
	in := make([]timeline.Document, len(docs))
	for i, d := range docs {
		in[i] = timeline.Document{ID: d.ID, Date: d.Date, Lang: d.Lang, TranslationOf: d.TranslationOf, Doc: d.doc}
	}
	var bar *progress
	defer func() { bar.done() }()
	return timeline.Align(in, timeline.Options{Concepts: g.Concepts, Cache: newStepCache(u.cache),
		Progress: func(done, total int) {
			if done == 0 {
				bar = newProgress(u, "aligning", len(docs), total)
			}
			bar.set(done)
		}}), nil
}

type figuresReport struct {
	corpus *corpus.Corpus
	docs   []loadedDoc
	tracks []figures.Track
	total  int
	// notFigures are the numbers that form no track, with --all; nil
	// without it.
	notFigures []figures.Observation
	explain    bool // print why each observation joined its track
}

// figuresJSON is the schema docdrift.figures/v1.
type figuresJSON struct {
	Schema    string            `json:"schema"`
	Documents []corpus.Document `json:"documents"`
	Tracks    []figures.Track   `json:"tracks"`
	// NotFigures, with --all, are the numbers that name or enumerate
	// (each with its not_figure reason) and form no track.
	NotFigures []figures.Observation `json:"not_figures,omitempty"`
}

func (r figuresReport) json() any {
	byID := docsByID(r.docs)
	out := figuresJSON{Schema: "docdrift.figures/v1", Documents: documentsOf(r.docs), Tracks: tracksInFile(byID, r.tracks)}
	if r.notFigures != nil {
		out.NotFigures = make([]figures.Observation, len(r.notFigures))
		for i, o := range r.notFigures {
			out.NotFigures[i] = observationInFile(byID, o)
		}
	}
	if out.Tracks == nil {
		out.Tracks = []figures.Track{}
	}
	return out
}

// cells returns a track's cell per document: its value there, marked ↑
// or ↓ against the observation before.
func (r figuresReport) cells(t figures.Track, column map[string]int) []string {
	cells := make([]string, len(r.docs))
	var prev *figures.Observation
	for k := range t.Observations {
		o := &t.Observations[k]
		i := column[o.Doc]
		s := o.Figure.Short()
		if prev != nil {
			switch figures.Compare(*prev, *o) {
			case figures.Up:
				s = "↑ " + s
			case figures.Down:
				s = "↓ " + s
			case figures.Restated:
				s = "≃ " + s
			case figures.Advancing:
				s = "↗ " + s
			}
		}
		cells[i] = s
		prev = o
	}
	return cells
}

// columns maps each document's id to its column.
func (r figuresReport) columns() map[string]int {
	column := make(map[string]int, len(r.docs))
	for i, d := range r.docs {
		column[d.ID] = i
	}
	return column
}

// summaryRows is the table for a corpus of more documents than fit as
// columns: each track's first and last observation, how many documents
// it is in and how often its value moved. --format json has them all.
func (r figuresReport) summaryRows() [][]string {
	rows := [][]string{{"track", "unit", "first", "last", "documents", "moves", "change"}}
	for _, t := range r.tracks {
		first, last := t.Observations[0], t.Observations[len(t.Observations)-1]
		moves := 0
		for k := 1; k < len(t.Observations); k++ {
			if c := figures.Compare(t.Observations[k-1], t.Observations[k]); c == figures.Up || c == figures.Down {
				moves++
			}
		}
		change := t.Change
		if t.HedgeChanged {
			change = strings.TrimSpace(change + " hedge")
		}
		lastCell := "·"
		if len(t.Observations) > 1 {
			lastCell = last.Figure.Short() + " (" + last.Doc + ")"
		}
		rows = append(rows, []string{truncateWidth(t.Label, 40), truncateWidth(t.Unit, 16),
			first.Figure.Short() + " (" + first.Doc + ")", lastCell,
			fmt.Sprint(len(t.Observations)), fmt.Sprint(moves), change})
	}
	return rows
}

// summaryNote follows a summary table.
func (r figuresReport) summaryNote() string {
	return fmt.Sprintf("(%d documents: the first and last value of each track; --format json lists every one)", len(r.docs))
}

func (r figuresReport) text(u *ui) {
	title := r.corpus.Title
	if title == "" {
		title = "corpus"
	}
	multi := 0
	for _, t := range r.tracks {
		if len(t.Observations) > 1 {
			multi++
		}
	}
	fmt.Fprintf(u.out, "%s — %d of %d tracks shown, %d seen in more than one document\n\n", visibleName(title), len(r.tracks), r.total, multi)
	if len(r.docs) > maxCountColumns {
		printTable(u, r.summaryRows(), func(raw, cell string) string { return cell })
		fmt.Fprintln(u.out, "\n"+r.summaryNote())
		r.explainText(u)
		r.notFiguresText(u)
		return
	}
	column := r.columns()
	header := []string{"track", "unit"}
	for _, d := range r.docs {
		header = append(header, d.ID)
	}
	header = append(header, "change")
	rows := [][]string{header}
	for _, t := range r.tracks {
		row := []string{truncateWidth(t.Label, 40), truncateWidth(t.Unit, 16)}
		row = append(row, r.cells(t, column)...)
		change := t.Change
		if t.HedgeChanged {
			change = strings.TrimSpace(change + " hedge")
		}
		row = append(row, change)
		for i, c := range row {
			if c == "" {
				row[i] = "·"
			}
		}
		rows = append(rows, row)
	}
	printTable(u, rows, func(raw, cell string) string {
		switch {
		case strings.HasPrefix(raw, "↑"):
			return u.ins.Sprint(cell)
		case strings.HasPrefix(raw, "↓"):
			return u.gone.Sprint(cell)
		}
		return cell
	})
	r.explainText(u)
	r.notFiguresText(u)
}

// explainText says, with --explain, why each observation of each track
// seen in more than one document joined it.
func (r figuresReport) explainText(u *ui) {
	if !r.explain {
		return
	}
	for _, t := range r.tracks {
		if len(t.Observations) < 2 {
			continue
		}
		fmt.Fprintf(u.out, "\n%s (%s, %d documents, %s)\n", normalize.Visible(t.Label), normalize.Visible(t.Unit), len(t.Observations), t.Change)
		for _, o := range t.Observations {
			line := fmt.Sprintf("  %s line %d: %s, %s, measure %q", visibleName(o.Doc), o.Line, normalize.Visible(o.Text), o.Role, normalize.Visible(o.Measure))
			if e := o.Evidence; e != nil {
				line += fmt.Sprintf("\n      ← %s line %d by %s %.2f", visibleName(e.Doc), e.Line, e.By, e.Score)
				if len(e.Shared) > 0 {
					line += ": " + normalize.Visible(strings.Join(e.Shared, ", "))
				}
			}
			for _, m := range o.Also {
				line += fmt.Sprintf("\n      said again on line %d: %s", m.Line, normalize.Visible(m.Text))
			}
			fmt.Fprintln(u.out, line)
		}
	}
}

// notFiguresText lists, with --all, the numbers that form no track: one
// line each, with the reason, the document and the line.
func (r figuresReport) notFiguresText(u *ui) {
	if r.notFigures == nil {
		return
	}
	fmt.Fprintf(u.out, "\nNumbers that are no figures (%d), in no track:\n", len(r.notFigures))
	for _, o := range r.notFigures {
		fmt.Fprintf(u.out, "  %-16s %s  %s line %d: %s\n", o.NotFigure, normalize.Visible(o.Text), normalize.Visible(o.Doc), o.Line, truncateWidth(normalize.Visible(o.Sentence), 60))
	}
}

func (r figuresReport) markdown(u *ui) {
	fmt.Fprintf(u.out, "### docdrift figures: %s\n\n", mdEscape(r.corpus.Title))
	if len(r.docs) > maxCountColumns {
		rows := r.summaryRows()
		fmt.Fprintf(u.out, "| %s |\n|%s\n", strings.Join(rows[0], " | "), strings.Repeat("---|", len(rows[0])))
		for _, row := range rows[1:] {
			for i := range row {
				row[i] = mdEscape(row[i])
			}
			fmt.Fprintf(u.out, "| %s |\n", strings.Join(row, " | "))
		}
		fmt.Fprintln(u.out, "\n"+r.summaryNote())
		return
	}
	column := r.columns()
	fmt.Fprint(u.out, "| track | unit |")
	for _, d := range r.docs {
		fmt.Fprintf(u.out, " %s |", mdEscape(d.ID))
	}
	fmt.Fprint(u.out, " change |\n|---|---|")
	for range r.docs {
		fmt.Fprint(u.out, "---|")
	}
	fmt.Fprint(u.out, "---|\n")
	for _, t := range r.tracks {
		fmt.Fprintf(u.out, "| %s | %s |", mdEscape(t.Label), mdEscape(t.Unit))
		for _, c := range r.cells(t, column) {
			if c == "" {
				c = "·"
			}
			fmt.Fprintf(u.out, " %s |", mdEscape(c))
		}
		fmt.Fprintf(u.out, " %s |\n", t.Change)
	}
}

// truncateWidth cuts s to at most n terminal columns, marking the cut
// with "…".
func truncateWidth(s string, n int) string {
	if cellWidth(s) <= n {
		return s
	}
	var b strings.Builder
	w := 0
	for _, r := range s {
		rw := cellWidth(string(r))
		if w+rw > n-1 {
			break
		}
		b.WriteRune(r)
		w += rw
	}
	return b.String() + "…"
}

// cellWidth is the number of terminal columns s takes.
func cellWidth(s string) int { return normalize.DisplayWidth(s) }
