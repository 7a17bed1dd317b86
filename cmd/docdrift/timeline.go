package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/fixtures"
	"github.com/docdrift/docdrift/htmlreport"
	"github.com/docdrift/docdrift/themes"
	"github.com/docdrift/docdrift/timeline"
)

// How much of each step the text and Markdown reports list; JSON lists
// everything.
const (
	stepChangesShown  = 8
	stepFiguresShown  = 8
	stepConceptsShown = 10
	quoteWidth        = 60
)

func timelineCommand() *cli.Command {
	return &cli.Command{
		Name:      "timeline",
		Usage:     "tell how a corpus drifted, step by step in date order: passages, figures and themes",
		ArgsUsage: "[CORPUS]",
		Description: `For each document and the one before it in the same language, and for each
translation and its original, a short account: passages same, changed, moved, added
and removed, counted by what kind of change they carry (figure, negation, modality,
hedge, concept, wording, cosmetic — see diff --help); the figures whose value or hedge
moved, old → new; the glossary concepts that appeared or vanished; and the most
significant changes, each with its lines. Then the figure tracks that changed and the
themes that shifted across the whole corpus.

CORPUS is a folder with a docdrift.yaml manifest, a folder of dated files, or a list
of files (see figures --help). Without one, timeline runs on the sample corpus built
into docdrift and says so on stderr.

Exit status: 0 the report was written, 2 trouble: timeline is a report, not a gate,
and exits 0 whatever changed and whatever --min-level shows. (For a CI gate, use check,
whose status follows --fail-on.)

Examples:
   docdrift timeline                                   the built-in sample corpus
   docdrift timeline fixtures/opening-up
   docdrift timeline --min-level modality fixtures/opening-up
   docdrift timeline --format markdown --output story.md fixtures/opening-up`,
		Flags: []cli.Flag{
			encodingFlag(),
			glossaryFlag(),
			reportMinLevelFlag("the exit status does not depend on it"),
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to this file instead of stdout"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			u, err := newUI(cmd, formatHTML)
			if err != nil {
				return err
			}
			min, err := minLevelOf(cmd, diff.Hedge)
			if err != nil {
				return err
			}
			args := cmd.Args().Slice()
			hintArgs := args
			if len(args) == 0 {
				dir, cleanup, err := sampleCorpus(u)
				if err != nil {
					return err
				}
				defer cleanup()
				args, hintArgs = []string{dir}, nil
			}
			return withOutput(u, cmd.String("output"), func(u *ui) error {
				return runTimeline(u, args, hintArgs, cmd.String("encoding"), cmd.String("glossary"), min)
			})
		},
	}
}

// sampleCorpus writes the built-in sample corpus to a temporary folder
// and says so on stderr.
func sampleCorpus(u *ui) (dir string, cleanup func(), err error) {
	dir, err = os.MkdirTemp("", "docdrift-sample-")
	if err != nil {
		return "", nil, fmt.Errorf("sample corpus: %w", err)
	}
	cleanup = func() { os.RemoveAll(dir) }
	if err := os.CopyFS(dir, fixtures.Sample()); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("sample corpus: %w", err)
	}
	fmt.Fprintf(u.err, "docdrift: no corpus named: showing the sample corpus built into docdrift (%s); name a folder or files to read your own\n", fixtures.SampleName)
	return dir, cleanup, nil
}

// runTimeline shows the timeline of the corpus args name. hintArgs are
// the arguments as the user gave them, for the commands the report
// suggests; nil for the built-in sample, whose files vanish when it ends.
func runTimeline(u *ui, args, hintArgs []string, encoding, glossary string, min diff.Class) error {
	g, c, docs, err := loadWithGlossary(u, args, encoding, glossary)
	if err != nil {
		return err
	}
	r := newTimelineReport(u, c, docs, g.Concepts, min, u.format == formatHTML)
	r.args = hintArgs
	return render(u, r, 0)
}

// loadWithGlossary reads the glossary (the built-in one, plus the file
// given) and then the corpus.
func loadWithGlossary(u *ui, args []string, encoding, glossary string) (*themes.Glossary, *corpus.Corpus, []loadedDoc, error) {
	g, err := loadGlossary(glossary)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %w", glossary, err)
	}
	c, docs, err := loadCorpus(u, args, encoding)
	return g, c, docs, err
}

// newTimelineReport builds the timeline of docs (in date order).
// passages keeps each step's passages, for the HTML page.
// A progress bar follows the steps of a large corpus.
func newTimelineReport(u *ui, c *corpus.Corpus, docs []loadedDoc, concepts []themes.Concept, min diff.Class, passages bool) timelineReport {
	in := make([]timeline.Document, len(docs))
	for i, d := range docs {
		in[i] = timeline.Document{ID: d.ID, Date: d.Date, Lang: d.Lang, TranslationOf: d.TranslationOf, Doc: d.doc}
	}
	var bar *progress
	defer func() { bar.done() }()
	opts := timeline.Options{Concepts: concepts, MinLevel: min, Passages: passages, Cache: newStepCache(u.cache),
		Progress: func(done, total int) {
			if done == 0 {
				bar = newProgress(u, "comparing", len(docs), total)
			}
			bar.set(done)
		}}
	return timelineReport{corpus: c, docs: docs, min: min, t: timeline.Build(in, opts)}
}

type timelineReport struct {
	corpus *corpus.Corpus
	docs   []loadedDoc
	t      *timeline.Timeline
	min    diff.Class
	// args name the corpus as the user did, for the commands hints
	// print; nil when there are none to name (the built-in sample).
	args []string
	// dataFrom is htmlreport.Report.DataFrom: 0, the default, but for
	// tests of the page's data blocks.
	dataFrom int
}

// hint is a command to run for more, as it can be pasted into a shell:
// "docdrift figures --changed 'my corpus'". The command names the files
// (or, for a corpus, r.args) as the user gave them, quoted where needed;
// without them (the built-in sample) it says only which command to run.
func (r timelineReport) hint(command []string, files ...string) string {
	if files == nil && r.args != nil {
		files = r.args
	}
	if r.args == nil {
		return strings.Join(command, " ") + " on your own files"
	}
	words := slices.Clone(command)
	for _, f := range files {
		words = append(words, shellQuote(f))
	}
	return strings.Join(words, " ")
}

func (r timelineReport) doc(id string) loadedDoc {
	for _, d := range r.docs {
		if d.ID == id {
			return d
		}
	}
	return loadedDoc{}
}

func (r timelineReport) title() string {
	t := r.corpus.Title
	if t == "" {
		t = "corpus"
	}
	span := ""
	if n := len(r.docs); n > 0 && r.docs[0].Date != "" {
		span = fmt.Sprintf(", %s to %s", r.docs[0].Date, r.docs[n-1].Date)
	}
	noun := "documents"
	if len(r.docs) == 1 {
		noun = "document"
	}
	return fmt.Sprintf("%s — %d %s%s", t, len(r.docs), noun, span)
}

// stepTitle is "2024-08-16 → 2025-07-16  qiushi-2024 → qiushi-2025",
// the ids left out when they are the dates ("2006-01-31 → 2006-03-28").
func (r timelineReport) stepTitle(s timeline.Step) string {
	o, n := r.doc(s.Old), r.doc(s.New)
	dates := n.Date
	if o.Date != n.Date {
		dates = o.Date + " → " + n.Date
	}
	title := dates
	if s.Old != o.Date || s.New != n.Date {
		title = fmt.Sprintf("%s  %s → %s", dates, s.Old, s.New)
	}
	if s.Kind == timeline.Translation {
		title += fmt.Sprintf("  (translation, %s → %s)", o.Lang, n.Lang)
	}
	return strings.TrimSpace(title)
}

// counts is the step's one-line account of passages or paragraphs.
func (r timelineReport) counts(s timeline.Step) []string {
	if b := s.Bitext; b != nil {
		return []string{
			fmt.Sprintf("%d paragraphs paired, %d repeated, %d only in %s, %d only in %s", b.Paired, b.Repeats, b.OldOnly, s.Old, b.NewOnly, s.New),
			fmt.Sprintf("figures: %d matched, %d on one side; concepts: %d matched, %d on one side", b.FiguresMatched, b.FiguresOneSide, b.ConceptsMatched, b.ConceptsOneSide),
		}
	}
	out := []string{"passages: " + summaryLine(diff.Summary{Same: s.Summary.Same, Changed: s.Summary.Changed, Moved: s.Summary.Moved, Added: s.Summary.Added, Removed: s.Summary.Removed})}
	if by := levelLine(s.Summary.Levels); by != "" {
		out = append(out, "by class: "+by)
	}
	if lo := leftOutLine(s.Summary.LeftOut, false); lo != "" {
		out = append(out, "left out of the passages: "+lo)
	}
	return out
}

func figureChangeLine(f timeline.FigureChange, oldID string) string {
	arrow := map[string]string{figures.Up: "↑", figures.Down: "↓", figures.Same: "~", figures.Restated: "≃", figures.Advancing: "↗"}[f.Change]
	label := truncateWidth(f.Label, 40)
	// A target, a dissent's preferred value or an earlier reference must
	// not read as the result it sits beside.
	switch r := f.New.Role; r {
	case figures.RoleTarget, figures.RoleAlternative, figures.RoleReference:
		label += " (" + r + ")"
	}
	// A value last stated before the step's old document says where.
	where := fmt.Sprintf("line %d", f.Old.Line)
	if f.Old.Doc != oldID {
		where = f.Old.Doc + ", " + where
	}
	line := fmt.Sprintf("%s %s: %s (%s) → %s (line %d)", arrow, label,
		truncateWidth(f.Old.Text, 30), where, truncateWidth(f.New.Text, 30), f.New.Line)
	if f.Hedge {
		line += ", hedge " + f.Old.Qualifier + " → " + f.New.Qualifier
	}
	return line
}

// conceptList names concepts with the line of their first use, up to
// stepConceptsShown of them.
func conceptList(cs []timeline.ConceptRef) string {
	var parts []string
	for i, c := range cs {
		if i == stepConceptsShown {
			parts = append(parts, fmt.Sprintf("… and %d more", len(cs)-i))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (line %d)", c.Label, c.Line))
	}
	return strings.Join(parts, "; ")
}

// changeLine is "figure   lines 21 → 9   “old” → “new”".
func changeLine(c timeline.Change) string {
	where := fmt.Sprintf("lines %s → %s", lineOrDash(c.OldLine), lineOrDash(c.NewLine))
	what := ""
	switch {
	case c.Old != "" && c.New != "":
		what = fmt.Sprintf("“%s” → “%s”", truncateWidth(c.Old, quoteWidth), truncateWidth(c.New, quoteWidth))
	case c.Old != "":
		what = fmt.Sprintf("removed “%s”", truncateWidth(c.Old, quoteWidth))
	default:
		what = fmt.Sprintf("added “%s”", truncateWidth(c.New, quoteWidth))
	}
	return fmt.Sprintf("%-9s %-16s %s", c.Class, where, what)
}

func lineOrDash(n int) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprint(n)
}

// nothingToCompare is said when the corpus has a single document.
const nothingToCompare = "Nothing to compare: a timeline needs two documents (or a document and its translation)."

func (r timelineReport) text(u *ui) {
	fmt.Fprintln(u.out, u.bold.Sprint(visibleName(r.title())))
	if len(r.t.Steps) == 0 {
		fmt.Fprintln(u.out, nothingToCompare)
	}
	for _, s := range r.t.Steps {
		fmt.Fprintln(u.out)
		fmt.Fprintln(u.out, u.bold.Sprint(visibleName(r.stepTitle(s))))
		for _, l := range r.counts(s) {
			fmt.Fprintln(u.out, "  "+visibleName(l))
		}
		if len(s.Figures) > 0 {
			fmt.Fprintf(u.out, "  figures changed (%d):\n", len(s.Figures))
			for i, f := range s.Figures {
				if i == stepFiguresShown {
					fmt.Fprintf(u.out, "    … and %d more (%s)\n", len(s.Figures)-i, visibleName(r.hint([]string{"docdrift", "figures", "--changed"})))
					break
				}
				line := visibleName(figureChangeLine(f, s.Old))
				switch f.Change {
				case figures.Up:
					line = u.ins.Sprint(line)
				case figures.Down:
					line = u.gone.Sprint(line)
				}
				fmt.Fprintln(u.out, "    "+line)
			}
		}
		if len(s.ConceptsNew) > 0 {
			fmt.Fprintln(u.out, "  concepts new:  "+u.ins.Sprint(visibleName(conceptList(s.ConceptsNew))))
		}
		if len(s.ConceptsGone) > 0 {
			fmt.Fprintln(u.out, "  concepts gone: "+u.gone.Sprint(visibleName(conceptList(s.ConceptsGone))))
		}
		if len(s.Changes) > 0 {
			fmt.Fprintf(u.out, "  most significant changes (%s and above):\n", r.min)
			for i, c := range s.Changes {
				if i == stepChangesShown {
					fmt.Fprintf(u.out, "    … and %d more (%s)\n", len(s.Changes)-i,
						visibleName(r.hint([]string{"docdrift", "diff", "--min-level", fmt.Sprint(r.min)}, r.doc(s.Old).Path, r.doc(s.New).Path)))
					break
				}
				fmt.Fprintln(u.out, "    "+visibleName(changeLine(c)))
			}
		}
	}
	if len(r.t.Tracks) > 0 {
		fmt.Fprintln(u.out)
		fmt.Fprintln(u.out, u.bold.Sprintf("Figures that changed across the corpus (%d tracks)", len(r.t.Tracks)))
		for _, t := range r.t.Tracks {
			fmt.Fprintln(u.out, "  "+visibleName(trackLine(t)))
		}
	}
	if shown, rest := r.themesShown(); len(shown) > 0 {
		fmt.Fprintln(u.out)
		in := visibleName(strings.Join(r.ids(), ", "))
		if len(r.docs) > maxCountColumns {
			in = fmt.Sprintf("%d documents", len(r.docs))
		}
		fmt.Fprintln(u.out, u.bold.Sprintf("Themes that shifted (%d; mentions in %s)", len(shown), in))
		for _, th := range shown {
			fmt.Fprintln(u.out, "  "+visibleName(r.themeLine(th)))
		}
		if rest > 0 {
			fmt.Fprintf(u.out, "  and %d intermittent (%s)\n", rest, visibleName(r.hint([]string{"docdrift", "themes"})))
		}
	}
}

// themesShown are the themes new, gone, rising or falling; the number of
// intermittent ones is left to a count.
func (r timelineReport) themesShown() (shown []themes.Theme, intermittent int) {
	for _, th := range r.t.Themes {
		if th.Trend == themes.Intermittent {
			intermittent++
			continue
		}
		shown = append(shown, th)
	}
	return shown, intermittent
}

func (r timelineReport) ids() []string {
	ids := make([]string, len(r.docs))
	for i, d := range r.docs {
		ids[i] = d.ID
	}
	return ids
}

// trackLine is "label: doc value (line) → doc value (line) [change]".
func trackLine(t figures.Track) string {
	var parts []string
	for _, o := range t.Observations {
		parts = append(parts, fmt.Sprintf("%s %s (line %d)", o.Doc, o.Figure.Short(), o.Line))
	}
	change := t.Change
	if t.HedgeChanged {
		change = strings.TrimSpace(change + ", hedge changed")
	}
	return fmt.Sprintf("%s [%s]: %s", truncateWidth(t.Label, 40), change, strings.Join(parts, " → "))
}

// themeLine is "new  label  doc:count … first in doc, line n".
// maxCountColumns is the most documents whose mentions of a theme the
// text report lists one by one; beyond it a theme's line sums them up.
const maxCountColumns = 12

func (r timelineReport) themeLine(th themes.Theme) string {
	var counts []string
	where := ""
	in, peak, peakDoc := 0, 0, ""
	for _, d := range r.docs {
		if n := th.Counts[d.ID]; n > 0 {
			in++
			if n > peak {
				peak, peakDoc = n, d.ID
			}
		}
		counts = append(counts, fmt.Sprint(th.Counts[d.ID]))
		ms := th.Matches[d.ID]
		switch {
		case len(ms) == 0:
		case th.Trend == themes.Gone || where == "":
			// First use, or for a theme that went, its last.
			verb := "first"
			if th.Trend == themes.Gone {
				verb = "last"
			}
			where = fmt.Sprintf("%s in %s, line %d", verb, d.ID, ms[0].Line)
		}
	}
	if len(r.docs) > maxCountColumns {
		return fmt.Sprintf("%-8s %s: in %d of %d documents, at most %d (%s) (%s)", th.Trend, th.Label, in, len(r.docs), peak, peakDoc, where)
	}
	return fmt.Sprintf("%-8s %s: %s (%s)", th.Trend, th.Label, strings.Join(counts, " · "), where)
}

func (r timelineReport) markdown(u *ui) {
	fmt.Fprintf(u.out, "## docdrift timeline: %s\n", mdEscape(r.title()))
	if len(r.t.Steps) == 0 {
		fmt.Fprintf(u.out, "\n%s\n", nothingToCompare)
	}
	for _, s := range r.t.Steps {
		fmt.Fprintf(u.out, "\n### %s\n", mdEscape(r.stepTitle(s)))
		r.markdownStep(u, s)
	}
	if len(r.t.Tracks) > 0 {
		fmt.Fprintf(u.out, "\n### Figures that changed across the corpus\n\n")
		for _, t := range r.t.Tracks {
			fmt.Fprintf(u.out, "- %s\n", mdEscape(trackLine(t)))
		}
	}
	if shown, rest := r.themesShown(); len(shown) > 0 {
		fmt.Fprintf(u.out, "\n### Themes that shifted\n\nMentions in %s.\n\n", mdEscape(strings.Join(r.ids(), ", ")))
		for _, th := range shown {
			fmt.Fprintf(u.out, "- %s\n", mdEscape(r.themeLine(th)))
		}
		if rest > 0 {
			fmt.Fprintf(u.out, "- and %d intermittent\n", rest)
		}
	}
}

// markdownStep writes one step's account as a list and a table of the
// most significant changes.
func (r timelineReport) markdownStep(u *ui, s timeline.Step) {
	fmt.Fprintln(u.out)
	for _, l := range r.counts(s) {
		fmt.Fprintf(u.out, "- %s\n", mdEscape(l))
	}
	for i, f := range s.Figures {
		if i == stepFiguresShown {
			fmt.Fprintf(u.out, "- … and %d more figures changed\n", len(s.Figures)-i)
			break
		}
		fmt.Fprintf(u.out, "- figure %s\n", mdEscape(figureChangeLine(f, s.Old)))
	}
	if len(s.ConceptsNew) > 0 {
		fmt.Fprintf(u.out, "- concepts new: %s\n", mdEscape(conceptList(s.ConceptsNew)))
	}
	if len(s.ConceptsGone) > 0 {
		fmt.Fprintf(u.out, "- concepts gone: %s\n", mdEscape(conceptList(s.ConceptsGone)))
	}
	if len(s.Changes) > 0 {
		fmt.Fprintf(u.out, "\n| class | lines | change |\n|---|---|---|\n")
		for i, c := range s.Changes {
			if i == stepChangesShown {
				fmt.Fprintf(u.out, "| … | | and %d more |\n", len(s.Changes)-i)
				break
			}
			fmt.Fprintf(u.out, "| %s | %s → %s | %s |\n", c.Class, lineOrDash(c.OldLine), lineOrDash(c.NewLine), mdChange(c))
		}
	}
}

// mdChange is a change for a Markdown cell: old struck through, new in
// bold.
func mdChange(c timeline.Change) string {
	var parts []string
	if c.Old != "" {
		parts = append(parts, "~~"+mdEscape(truncateWidth(c.Old, quoteWidth))+"~~")
	}
	if c.New != "" {
		parts = append(parts, "**"+mdEscape(truncateWidth(c.New, quoteWidth))+"**")
	}
	return strings.Join(parts, " → ")
}

// timelineJSON is the schema docdrift.timeline/v1.
type timelineJSON struct {
	Schema    string            `json:"schema"`
	Title     string            `json:"title"`
	MinLevel  diff.Class        `json:"min_level"`
	Documents []corpus.Document `json:"documents"`
	*timeline.Timeline
	// Check is the verdict of docdrift check: which --fail-on rules
	// failed; absent from timeline's output.
	Check *checkVerdict `json:"check,omitempty"`
}

func (r timelineReport) json() any {
	return timelineJSON{Schema: "docdrift.timeline/v1", Title: r.corpus.Title, MinLevel: r.min, Documents: documentsOf(r.docs), Timeline: timelineInFile(docsByID(r.docs), r.t)}
}

// html writes the timeline as one self-contained page.
func (r timelineReport) html(u *ui) error { return r.htmlWith(u, nil) }

// htmlWith is html with a check's verdict said first (none when nil).
func (r timelineReport) htmlWith(u *ui, v *htmlreport.Verdict) error {
	return htmlreport.Write(u.out, htmlreport.Report{Title: r.corpus.Title, Documents: documentsOf(r.docs),
		Timeline: r.t, MinLevel: r.min, Version: buildVersion(), Verdict: v, DataFrom: r.dataFrom})
}
