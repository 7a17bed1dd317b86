package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
)

// diffOptions are the settings of "docdrift diff".
type diffOptions struct {
	oldPath, newPath string
	only             []string
	context          int
	captions         bool
	furniture        bool
	encoding         string
	glossary         string
	width            int
	minLevel         diff.Class
	// oldLabel and newLabel name the documents in the output instead of
	// their file names; git mode prints a header and exits 0 on changes.
	oldLabel, newLabel string
	git                bool
}

var passageKinds = []diff.Kind{diff.Same, diff.Changed, diff.Moved, diff.Added, diff.Removed}

func diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "align two related documents and show what changed inside each aligned passage",
		ArgsUsage: "OLD NEW",
		Description: `Pairs the sentences of OLD and NEW that make the same point — identical, reworded
or moved — and shows the word-level changes inside each pair; sentences with no
counterpart are added or removed. Figures are compared whole: "US$500 billion" →
"580 billion US dollars" is one changed figure, and "exceeded US$1 trillion" →
"exceeding 1 trillion US dollars" only a change of format.

Passages that did not change are not shown (see --context). Without color, edits
read [-deleted-] {+inserted+} and [~old format~>new format~].

When OLD and NEW are in different languages (Chinese and English), diff aligns the
translation instead: paragraphs by length and by the figures, glossary concepts and
foreign-script words they share (after Gale & Church), then the sentences inside
each pair, shown side by side with matched figures and concepts highlighted and those
found on one side only listed. A paragraph that repeats another of its document (a
summary restating the body) is paired with that paragraph's translation. --only then
takes paired, repeat, old-only or new-only.

Photo captions and page furniture (share rows, bylines, image file names) are
compared apart from the text and only counted: the summary says "captions differ
(1): --captions to show"; --captions and --furniture compare them with the text and
show them as passages.

Exit status: 0 nothing but white space or page furniture differs (for a translation:
every paragraph paired and every figure matched), 1 changes found — a caption that
differs is one, shown or not; furniture only with --furniture — 2 trouble.

Examples:
   docdrift diff fixtures/opening-up/qiushi-2024.txt fixtures/opening-up/qiushi-2025.txt
   docdrift diff --only moved old.txt new.txt
   docdrift diff old.txt new.txt --format json > changes.json
   docdrift diff --format markdown old.txt new.txt >> "$GITHUB_STEP_SUMMARY"
   docdrift diff fixtures/opening-up/speech-2023.zh.txt fixtures/opening-up/speech-2023.en.txt`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "only", Usage: "show only passages of these kinds: changed, moved, added, removed, same; for a translation paired, repeat, old-only, new-only (repeat or separate with commas)"},
			&cli.IntFlag{Name: "context", Usage: "show this many unchanged passages around each change"},
			&cli.BoolFlag{Name: "captions", Usage: "compare photo captions with the text and show their changes (by default they are compared apart and counted)"},
			&cli.BoolFlag{Name: "furniture", Usage: "compare page furniture (share rows, bylines, image file names) with the text, a block as one sentence (by default it is compared apart and counted)"},
			encodingFlag(),
			glossaryFlag(),
			&cli.IntFlag{Name: "width", Usage: "width of side-by-side output for a translation, 40 to 1000 columns (default: the terminal's, or 100)"},
			minLevelFlag(),
			&cli.StringFlag{Name: "old-label", Usage: "name OLD by this label in the output instead of its file name"},
			&cli.StringFlag{Name: "new-label", Usage: "name NEW by this label in the output instead of its file name"},
			&cli.BoolFlag{Name: "git", Hidden: true, Usage: "run as git's external diff: a header per file, exit 0 on changes"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			u, err := newUI(cmd)
			if err != nil {
				return err
			}
			if cmd.NArg() != 2 {
				return usagef("diff: name two files, OLD and NEW (got %d)", cmd.NArg())
			}
			opts := diffOptions{oldPath: cmd.Args().Get(0), newPath: cmd.Args().Get(1),
				context: int(cmd.Int("context")), captions: cmd.Bool("captions"), furniture: cmd.Bool("furniture"), encoding: cmd.String("encoding"),
				glossary: cmd.String("glossary"), width: int(cmd.Int("width")),
				oldLabel: cmd.String("old-label"), newLabel: cmd.String("new-label"), git: cmd.Bool("git")}
			if opts.oldLabel == "" {
				opts.oldLabel = docID(opts.oldPath)
			}
			if opts.newLabel == "" {
				opts.newLabel = docID(opts.newPath)
			}
			if opts.minLevel, err = minLevelOf(cmd, diff.Cosmetic); err != nil {
				return err
			}
			if opts.context < 0 {
				return usagef("--context %d: use a number of passages, 0 or more", opts.context)
			}
			if opts.width != 0 && (opts.width < minWidth || opts.width > maxWidth) {
				return usagef("--width %d: use %d to %d columns", opts.width, minWidth, maxWidth)
			}
			for _, k := range cmd.StringSlice("only") {
				opts.only = append(opts.only, strings.TrimSpace(k))
			}
			return runDiff(u, opts)
		},
	}
}

// readDocument reads one document for a command, reporting warnings.
func readDocument(u *ui, path, encoding string) (*normalize.Document, error) {
	doc, err := parseDocument(u, path, encoding)
	if err != nil {
		return nil, err
	}
	warnDocument(u, path, doc)
	return doc, nil
}

// parseDocument reads and parses a document, as readDocument does,
// without writing its warnings: it may run beside other documents.
func parseDocument(u *ui, path, encoding string) (*normalize.Document, error) {
	opts := normalize.DecodeOptions{Encoding: encoding, MaxSize: u.maxSize}
	data, err := normalize.ReadLimited(path, u.maxSize)
	if err != nil {
		return nil, readError(path, err)
	}
	doc, err := cachedParse(u.cache, path, data, opts)
	if err != nil {
		return nil, readError(path, err)
	}
	return doc, nil
}

// warnDocument writes the warnings reading a document gave.
func warnDocument(u *ui, path string, doc *normalize.Document) {
	for _, w := range doc.Warnings {
		u.warnf(path, "%s", w)
	}
}

// readError says what went wrong reading a document: a usage error for an
// unknown --encoding, the flag that lifts the limit for a file too large.
func readError(path string, err error) error {
	if strings.HasPrefix(err.Error(), "unknown encoding") {
		return usagef("--encoding: %v", err)
	}
	var tl *normalize.TooLargeError
	if errors.As(err, &tl) && tl.Stream {
		// Its size is unknown: no limit can be promised to lift it.
		return fmt.Errorf("%s: %w (--max-size sets the limit)", path, err)
	}
	if errors.As(err, &tl) {
		lift := int64(1) << 20
		for lift < tl.Size {
			lift *= 2
		}
		return fmt.Errorf("%s: %w (--max-size %s lifts it; 0 removes it)", path, err, strings.ReplaceAll(normalize.FormatSize(lift), " ", ""))
	}
	return fmt.Errorf("%s: %w", path, err)
}

// smallDiff is the most bytes two files may hold together for lessGC to
// let the heap grow further: a diff's peak memory is a few dozen times
// its input (67 MB for a 1 MB pair at smallGCPercent, 58 MB at the
// default), so below it the collections saved are worth more than the
// memory.
const smallDiff = 4 << 20

// smallGCPercent is the collector's target for a diff under smallDiff:
// a 1 MB pair takes 17% less time than at gcPercent (BENCHMARKS.md).
const smallGCPercent = 800

// lessGC sets the collector's target to smallGCPercent when the two
// files (not standard input or a pipe) hold less than smallDiff bytes
// together and GOGC does not say otherwise, and reports whether it did.
func lessGC(paths ...string) bool {
	if os.Getenv("GOGC") != "" {
		return false
	}
	total := int64(0)
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || !fi.Mode().IsRegular() {
			return false
		}
		total += fi.Size()
	}
	if total >= smallDiff {
		return false
	}
	debug.SetGCPercent(smallGCPercent)
	return true
}

func runDiff(u *ui, opts diffOptions) error {
	if opts.git {
		return runGitDiff(u, opts)
	}
	small := lessGC(opts.oldPath, opts.newPath)
	// The two documents are read and parsed concurrently, one per core,
	// and the glossary beside them.
	var (
		new    *normalize.Document
		newErr error
		done   = make(chan struct{})
	)
	go func() {
		defer close(done)
		new, newErr = readDocument(u, opts.newPath, opts.encoding)
	}()
	glossary := make(chan glossaryResult, 1)
	go func() { glossary <- loadMatcher(opts.glossary) }()
	old, err := readDocument(u, opts.oldPath, opts.encoding)
	<-done
	if small {
		// The heap now holds the two documents and what reading them
		// left over: collected now, beside the comparison, it is a short
		// mark (about 10 MB live for a 1 MB pair), and the next target, nine
		// times that, lies past the end of the run; left to itself, the
		// collector would start when the comparison is two thirds done
		// and mark three times as much with one of the two cores.
		go runtime.GC()
	}
	if err != nil {
		return err
	}
	if newErr != nil {
		return newErr
	}
	return compareDocuments(u, opts, old, new, glossary)
}

// compareDocuments compares two documents read, as a diff of one text or,
// when they are in different languages, of a translation. A document
// with no text (an empty file in git mode) takes the other's language.
func compareDocuments(u *ui, opts diffOptions, old, new *normalize.Document, glossary <-chan glossaryResult) error {
	lo, ln := normalize.DetectLang(old.Text), normalize.DetectLang(new.Text)
	if lo != ln && strings.TrimSpace(old.Text) != "" && strings.TrimSpace(new.Text) != "" {
		return runBitext(u, opts, old, new, lo, ln, glossary)
	}
	var only []diff.Kind
	for _, k := range opts.only {
		if !slices.Contains(passageKinds, diff.Kind(k)) {
			return usagef("--only %q: use changed, moved, added, removed or same", k)
		}
		only = append(only, diff.Kind(k))
	}
	gl := <-glossary
	if gl.err != nil {
		return gl.err
	}
	res := diff.Compare(old, new, diff.Options{Captions: opts.captions, Furniture: opts.furniture, Concepts: gl.matcher})
	r := diffReport{old: old, new: new, oldID: opts.oldLabel, newID: opts.newLabel, res: res, opts: opts, only: only}
	// A caption that differs is a change of the document even when it is
	// not shown; furniture left out is not (a share row is no text).
	return render(u, r, significant(res.Passages, opts.minLevel)+significant(res.Captions, opts.minLevel))
}

// glossaryResult is the glossary diff compares with, loaded while the
// documents are read.
type glossaryResult struct {
	glossary *themes.Glossary
	matcher  *themes.Matcher
	err      error
}

func loadMatcher(path string) glossaryResult {
	g, err := loadGlossary(path)
	if err != nil {
		return glossaryResult{err: fmt.Errorf("%s: %w", path, err)}
	}
	return glossaryResult{glossary: g, matcher: themes.NewMatcher(g.Concepts)}
}

// minLevelFlag is diff's --min-level flag, whose exit status follows
// what it shows.
func minLevelFlag() cli.Flag {
	return reportMinLevelFlag("the exit status follows what is shown")
}

// reportMinLevelFlag is the --min-level flag of a command that classifies
// changes, its usage ending with what it means for the exit status.
func reportMinLevelFlag(exit string) cli.Flag {
	return &cli.StringFlag{Name: "min-level", Usage: "show only changes of this class or a more significant one: " + diff.ClassNames() +
		" (least to most significant); " + exit}
}

// minLevelOf reads --min-level, or returns def when it is not given.
func minLevelOf(cmd *cli.Command, def diff.Class) (diff.Class, error) {
	s := cmd.String("min-level")
	if s == "" {
		return def, nil
	}
	c, err := diff.ParseClass(s)
	if err != nil {
		return "", usagef("--min-level: %v", err)
	}
	return c, nil
}

// significant counts the passages whose level is at least min.
func significant(ps []diff.Passage, min diff.Class) int {
	n := 0
	for _, p := range ps {
		if p.Kind != diff.Same && p.Level.Rank() >= min.Rank() {
			n++
		}
	}
	return n
}

// report is a comparison ready to render in each output format.
type report interface {
	text(u *ui)
	markdown(u *ui)
	json() any
}

// pageReport is a report that also renders as an HTML page.
type pageReport interface {
	report
	html(u *ui) error
}

// render writes r in the format asked for; changes > 0 makes the exit
// status 1.
func render(u *ui, r report, changes int) error {
	switch u.format {
	case formatJSON:
		if err := writeJSON(u, r.json()); err != nil {
			return err
		}
	case formatMarkdown:
		r.markdown(u)
	case formatHTML:
		// newUI lets html through only for commands whose report is a page.
		if err := r.(pageReport).html(u); err != nil {
			return err
		}
	default:
		r.text(u)
	}
	if changes > 0 {
		return errChanges
	}
	return nil
}

func docID(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// diffReport is one comparison, ready to render.
type diffReport struct {
	old, new     *normalize.Document
	oldID, newID string
	res          *diff.Result
	opts         diffOptions
	only         []diff.Kind
}

// shown returns the indexes of the passages to print: changes of the kinds
// asked for, with --context unchanged passages around them.
func (r diffReport) shown() []int {
	ps := r.res.Passages
	want := func(k diff.Kind) bool {
		if len(r.only) > 0 {
			return slices.Contains(r.only, k)
		}
		return k != diff.Same
	}
	keep := make([]bool, len(ps))
	for i, p := range ps {
		if !want(p.Kind) || p.Kind != diff.Same && p.Level.Rank() < r.opts.minLevel.Rank() {
			continue
		}
		keep[i] = true
		if p.Kind == diff.Same {
			continue
		}
		for k := max(0, i-r.opts.context); k <= min(len(ps)-1, i+r.opts.context); k++ {
			if ps[k].Kind == diff.Same {
				keep[k] = true
			}
		}
	}
	var out []int
	for i, k := range keep {
		if k {
			out = append(out, i)
		}
	}
	return out
}

func summaryLine(s diff.Summary) string {
	line := fmt.Sprintf("%d same, %d changed, %d moved, %d added, %d removed", s.Same, s.Changed, s.Moved, s.Added, s.Removed)
	if by := levelLine(s.Levels); by != "" {
		line += "; by class: " + by
	}
	if lo := leftOutLine(s.LeftOut, true); lo != "" {
		line += "; " + lo
	}
	return line
}

// leftOutLine says what differs among the captions and the furniture
// left out of the passages, "captions differ (1): --captions to show",
// with the flag that shows them when hints is set; "" when nothing does.
func leftOutLine(l diff.LeftOut, hints bool) string {
	var parts []string
	for _, lo := range []struct {
		n          int
		what, flag string
	}{{l.Captions, "captions differ", "--captions"}, {l.Furniture, "furniture differs", "--furniture"}} {
		if lo.n == 0 {
			continue
		}
		part := fmt.Sprintf("%s (%d)", lo.what, lo.n)
		if hints {
			part += ": " + lo.flag + " to show"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, "; ")
}

// levelLine lists counts by class, most significant first: "2 figure, 1
// modality, 5 wording".
func levelLine(levels map[diff.Class]int) string {
	var parts []string
	for i := len(diff.Classes) - 1; i >= 0; i-- {
		if n := levels[diff.Classes[i]]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, diff.Classes[i]))
		}
	}
	return strings.Join(parts, ", ")
}

func lines(s *diff.Side) string {
	if s == nil {
		return "–"
	}
	return lineRange(s.Line, s.EndLine)
}

// diffJSON is the schema docdrift.diff/v1.
type diffJSON struct {
	Schema   string         `json:"schema"`
	Old      docRef         `json:"old"`
	New      docRef         `json:"new"`
	Summary  diff.Summary   `json:"summary"`
	Passages []diff.Passage `json:"passages"`
}

type docRef struct {
	Path     string `json:"path"`
	ID       string `json:"id"`
	Encoding string `json:"encoding"`
}

func (r diffReport) json() any {
	ps := r.res.Passages
	if ps == nil {
		ps = []diff.Passage{}
	}
	return diffJSON{
		Schema:   "docdrift.diff/v1",
		Old:      docRef{Path: r.old.Path, ID: r.oldID, Encoding: r.old.Encoding},
		New:      docRef{Path: r.new.Path, ID: r.newID, Encoding: r.new.Encoding},
		Summary:  r.res.Summary,
		Passages: passagesInFile(r.old, r.new, ps),
	}
}
