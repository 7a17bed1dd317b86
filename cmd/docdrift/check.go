package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/htmlreport"
	"github.com/docdrift/docdrift/timeline"
)

// What --fail-on accepts besides the change classes.
const (
	failFigures  = "figures"
	failThemes   = "themes"
	failPassages = "passages"
	failAny      = "any"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "for CI: compare the newest document with the one before it and fail on the changes named",
		ArgsUsage: "CORPUS",
		Description: `Compares the newest document of CORPUS (or --doc) with the one before it in date
order and in the same language (or --base), and prints a Markdown summary fit for a
pull-request comment or $GITHUB_STEP_SUMMARY: passages by kind and class, figures whose
value or hedge moved, concepts that appeared or vanished, and the most significant
changes with their lines.

--fail-on names what makes the check fail: figures (a value or hedge moved), themes (a
glossary concept appeared or vanished), passages (any passage not the same, a photo
caption included; page furniture is only counted), any (the
default: any of these), or a change class — cosmetic, wording, concept, hedge, modality,
negation, figure — meaning any change of that class (figure: a figure change anywhere in
the step, in a passage changed, added or removed, or a tracked figure that moved). Repeat
it or separate with commas. The verdict comes first; --format json carries it as
"check": {"verdict": "fail" or "pass", "fail_on": [...], "failed": [...]}.

Exit status: 0 none of the named changes, 1 some, 2 trouble.

Examples:
   docdrift check fixtures/opening-up
   docdrift check --fail-on figures,modality statements/ >> "$GITHUB_STEP_SUMMARY"
   docdrift check --base qiushi-2024 --doc qiushi-2025 fixtures/opening-up`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "doc", Usage: "the document to check (default: the newest)"},
			&cli.StringFlag{Name: "base", Usage: "the document to compare it with (default: the one before it in date order, in its language)"},
			&cli.StringSliceFlag{Name: "fail-on", Usage: "fail on these changes: figures, themes, passages, any, or a change class (default: any)"},
			encodingFlag(),
			glossaryFlag(),
			reportMinLevelFlag("the exit status follows --fail-on, not what is shown"),
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			u, err := newUI(cmd, formatHTML)
			if err != nil {
				return err
			}
			if cmd.NArg() == 0 {
				return usagef("check: name a corpus (a folder or files)")
			}
			failOn := cmd.StringSlice("fail-on")
			if len(failOn) == 0 {
				failOn = []string{failAny}
			}
			for _, f := range failOn {
				if _, err := diff.ParseClass(f); err != nil && !slices.Contains([]string{failFigures, failThemes, failPassages, failAny}, f) {
					return usagef("--fail-on %q: use figures, themes, passages, any or a change class (%s)", f, diff.ClassNames())
				}
			}
			min, err := minLevelOf(cmd, diff.Hedge)
			if err != nil {
				return err
			}
			return runCheck(u, cmd.Args().Slice(), cmd.String("doc"), cmd.String("base"), failOn, cmd.String("encoding"), cmd.String("glossary"), min)
		},
	}
}

func runCheck(u *ui, args []string, docID, baseID string, failOn []string, encoding, glossary string, min diff.Class) error {
	g, c, docs, err := loadWithGlossary(u, args, encoding, glossary)
	if err != nil {
		return err
	}
	newer, older, err := checkPair(docs, docID, baseID)
	if err != nil {
		return err
	}
	// Two documents are one step: an edition, or a translation when the
	// languages differ.
	pair := []loadedDoc{docs[older], docs[newer]}
	pair[1].TranslationOf = ""
	if pair[0].Lang != pair[1].Lang {
		pair[1].TranslationOf = pair[0].ID
	}
	r := newTimelineReport(u, c, pair, g.Concepts, min, u.format == formatHTML)
	step := r.t.Steps[0]
	failed := failures(step, failOn)
	switch u.format {
	case formatJSON:
		tj := r.json().(timelineJSON)
		v := newVerdict(failOn, failed)
		tj.Check = &v
		if err := writeJSON(u, tj); err != nil {
			return err
		}
	case formatHTML:
		v := newVerdict(failOn, failed)
		if err := r.htmlWith(u, &htmlreport.Verdict{Failed: v.Verdict == verdictFail, Text: v.text()}); err != nil {
			return err
		}
	default:
		r.checkMarkdown(u, step, failOn, failed)
	}
	if len(failed) > 0 {
		return errChanges
	}
	return nil
}

// checkPair returns the indexes of the document to check and of the one
// to compare it with.
func checkPair(docs []loadedDoc, docID, baseID string) (newer, older int, err error) {
	if len(docs) < 2 && baseID == "" {
		return 0, 0, usagef("check: the corpus has %d document: nothing to compare it with", len(docs))
	}
	find := func(flag, id string) (int, error) {
		i := slices.IndexFunc(docs, func(d loadedDoc) bool { return d.ID == id })
		if i < 0 {
			return 0, usagef("--%s %q: no document with that id in the corpus", flag, id)
		}
		return i, nil
	}
	newer = len(docs) - 1
	if docID != "" {
		if newer, err = find("doc", docID); err != nil {
			return 0, 0, err
		}
	}
	if baseID != "" {
		if older, err = find("base", baseID); err != nil {
			return 0, 0, err
		}
		if older == newer {
			return 0, 0, usagef("--base %q is the document checked: name another to compare it with", baseID)
		}
		return newer, older, nil
	}
	for older = newer - 1; older >= 0; older-- {
		if docs[older].Lang == docs[newer].Lang {
			return newer, older, nil
		}
	}
	if newer > 0 {
		return newer, newer - 1, nil
	}
	return 0, 0, usagef("check: %s is the first document: nothing before it to compare with (use --base)", docs[newer].ID)
}

// failures returns the --fail-on items that the step's changes meet.
func failures(s timeline.Step, failOn []string) []string {
	var out []string
	for _, f := range failOn {
		hit := false
		switch f {
		case failFigures:
			hit = len(s.Figures) > 0
		case string(diff.Figure):
			// A figure change anywhere in the step: in a passage paired,
			// added or removed, or a tracked figure that moved.
			hit = s.Classes[diff.Figure] > 0 || len(s.Figures) > 0
		case failThemes:
			hit = len(s.ConceptsNew)+len(s.ConceptsGone) > 0
		case failPassages:
			// A caption that differs is a passage changed, though the
			// comparison leaves captions out of its passages.
			hit = s.Summary != nil && s.Summary.Changes()+s.Summary.LeftOut.Captions > 0 || s.Bitext != nil && s.Bitext.Differences() > 0
		case failAny:
			hit = len(failures(s, []string{failFigures, failThemes, failPassages})) > 0
		default:
			class, _ := diff.ParseClass(f)
			hit = s.Classes[class] > 0
		}
		if hit {
			out = append(out, f)
		}
	}
	return out
}

// checkMarkdown writes the summary for a pull request: the verdict first,
// then the step as the timeline tells it.
func (r timelineReport) checkMarkdown(u *ui, s timeline.Step, failOn, failed []string) {
	fmt.Fprintf(u.out, "## docdrift check: %s → %s\n\n", mdEscape(s.Old), mdEscape(s.New))
	if len(failed) > 0 {
		fmt.Fprintf(u.out, "❌ **Changes found**: %s (failing on %s)\n", strings.Join(failed, ", "), strings.Join(failOn, ", "))
	} else {
		fmt.Fprintf(u.out, "✅ **No changes of the kinds checked** (%s)\n", strings.Join(failOn, ", "))
	}
	r.markdownStep(u, s)
}

// Verdicts of a check.
const (
	verdictPass = "pass"
	verdictFail = "fail"
)

// checkVerdict is the outcome of a check in JSON: "fail" or "pass", the
// --fail-on rules asked for and those the step met.
type checkVerdict struct {
	Verdict string   `json:"verdict"`
	FailOn  []string `json:"fail_on"`
	Failed  []string `json:"failed"`
}

func newVerdict(failOn, failed []string) checkVerdict {
	v := checkVerdict{Verdict: verdictPass, FailOn: failOn, Failed: failed}
	if len(failed) > 0 {
		v.Verdict = verdictFail
	}
	if v.Failed == nil {
		v.Failed = []string{}
	}
	return v
}

// text is the verdict in words, as the Markdown says it.
func (v checkVerdict) text() string {
	if v.Verdict == verdictFail {
		return fmt.Sprintf("Changes found: %s (failing on %s)", strings.Join(v.Failed, ", "), strings.Join(v.FailOn, ", "))
	}
	return fmt.Sprintf("No changes of the kinds checked (%s)", strings.Join(v.FailOn, ", "))
}
