package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/normalize"
)

func initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a docdrift.yaml for a folder of documents, guessing dates, languages and titles",
		ArgsUsage: "[DIR]",
		Description: `Writes DIR/docdrift.yaml (DIR is the current folder when not given), a manifest listing
each text file of DIR (.txt, .text, .md, .html, .htm; not a README) with:
   id               the file name without its extension
   date             from the file name — 2025-07-16-x.txt, 2025-07.txt, 1961.txt, a full date
                    anywhere in it, or a year standing apart as in 09-1969.txt — or else from
                    a dateline in the first lines ("January 24, 2012", "2012年1月24日")
   lang             detected from the text: en or zh
   title            the document's first heading, if it has one
   translation_of   proposed where exactly two documents of one date (or of one name but
                    for .en/.zh) are in the two languages: the English one translates the other
Every guess is marked with a comment "# check: …" saying where it came from: read them,
correct what is wrong and delete the comments. A document with no date found gets date: "",
which docdrift refuses until one is written in.

An existing docdrift.yaml is never replaced unless --force is given.

Examples:
   docdrift init reports/            then: docdrift timeline reports/
   docdrift init --force .`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "force", Usage: "replace an existing docdrift.yaml"},
			encodingFlag(),
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			u, err := newUI(cmd)
			if err != nil {
				return err
			}
			if u.format != formatText {
				return usagef("init: --format %s: init writes docdrift.yaml, in YAML only", u.format)
			}
			dir := "."
			switch cmd.NArg() {
			case 0:
			case 1:
				dir = cmd.Args().First()
			default:
				return usagef("init: name one folder")
			}
			return runInit(u, dir, cmd.String("encoding"), cmd.Bool("force"))
		},
	}
}

// runInit writes dir's manifest from the guesses for its files, and says
// on stderr what it wrote and what to check.
func runInit(u *ui, dir, encoding string, force bool) error {
	info, err := os.Stat(dir)
	if err != nil {
		return pathErr(err)
	}
	if !info.IsDir() {
		return fmt.Errorf("%s: not a folder: init writes a docdrift.yaml into a folder of documents", dir)
	}
	path := filepath.Join(dir, corpus.ManifestName)
	if _, err := os.Lstat(path); err == nil && !force {
		return fmt.Errorf("%s: already exists: edit it, or replace it with docdrift init --force %s", path, shellQuote(dir))
	}
	gs, err := guessDocuments(u, dir, encoding)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	title := filepath.Base(filepath.Clean(dir))
	if abs, err := filepath.Abs(dir); err == nil {
		title = filepath.Base(abs)
	}
	if err := corpus.WriteManifest(&buf, title, gs); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return pathErr(err)
	}
	reportInit(u, path, dir, gs)
	return nil
}

// reportInit says what init wrote, how many guesses to check and what to run.
func reportInit(u *ui, path, dir string, gs []corpus.Guess) {
	guesses, undated := 0, 0
	for _, g := range gs {
		guesses += len(g.Notes)
		if g.Date == "" {
			undated++
		}
	}
	fmt.Fprintf(u.err, "docdrift: wrote %s: %d documents, %d guesses marked \"# check:\"\n", visibleName(path), len(gs), guesses)
	if undated > 0 {
		fmt.Fprintf(u.err, "docdrift: %d documents have no date: write one in before use\n", undated)
		return
	}
	fmt.Fprintf(u.err, "docdrift: then: docdrift timeline %s\n", shellQuote(dir))
}

func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}

// notDocuments are names (without extension, any case) of the files of a
// folder that describe it rather than belong to it.
var notDocuments = []string{"readme", "license", "licence", "changelog", "changes", "contributing", "notes"}

// initExts are the endings of the files init lists, as a dated folder's.
var initExts = []string{".txt", ".text", ".md", ".html", ".htm"}

// guessDocuments reads each text file of dir and returns its guessed
// entry, in date order. Files left out are reported on stderr.
func guessDocuments(u *ui, dir, encoding string) ([]corpus.Guess, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, pathErr(err)
	}
	var gs []corpus.Guess
	ids := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		stem := strings.TrimSuffix(name, filepath.Ext(name))
		switch {
		case e.IsDir() || strings.HasPrefix(name, ".") || e.Type()&fs.ModeSymlink != 0:
			continue
		case !slices.Contains(initExts, strings.ToLower(filepath.Ext(name))):
			continue
		case slices.Contains(notDocuments, strings.ToLower(stem)):
			u.warnf(filepath.Join(dir, name), "left out: describes the folder rather than belonging to it")
			continue
		}
		g, err := guessDocument(u, dir, name, encoding)
		if err != nil {
			return nil, err
		}
		for n := 2; ids[g.ID]; n++ {
			g.ID = fmt.Sprintf("%s-%d", corpus.IDFromName(stem), n)
		}
		ids[g.ID] = true
		gs = append(gs, g)
	}
	if len(gs) == 0 {
		return nil, fmt.Errorf("%s: no text files (%s) to list", dir, strings.Join(initExts, ", "))
	}
	corpus.SortGuesses(gs)
	corpus.ProposeTranslations(gs)
	return gs, nil
}

// guessDocument guesses one file's entry from its name and its text.
func guessDocument(u *ui, dir, name, encoding string) (corpus.Guess, error) {
	path := filepath.Join(dir, name)
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	g := corpus.Guess{ID: corpus.IDFromName(stem), File: name}
	doc, err := parseDocument(u, path, encoding)
	if err != nil {
		return g, err
	}
	if d, how := corpus.DateInName(stem); d != "" {
		g.Date = d
		g.Note("date", "%s", how)
	} else if d, line, words := corpus.DateFromText(doc.Text); d != "" {
		g.Date = d
		g.Note("date", "from line %d of the text: %q", line, words)
	} else {
		g.Note("date", "no date in the file name or its first lines: write one (YYYY-MM-DD, YYYY-MM or YYYY)")
	}
	g.Lang = normalize.DetectLang(doc.Text)
	g.Note("lang", "detected from the text")
	if t := firstHeading(doc); t != "" {
		g.Title = t
		g.Note("title", "the first heading")
	}
	return g, nil
}

// maxTitle is the most characters of a heading kept as a title.
const maxTitle = 200

// firstHeading returns the text of the heading a document opens with, on
// one line and without Markdown's #, or "" when its first paragraph (page
// furniture aside) is not a heading: a section heading further down
// ("1. Prices") is no title for the whole.
func firstHeading(doc *normalize.Document) string {
	for _, b := range doc.Blocks {
		if b.Kind == normalize.Furniture {
			continue
		}
		if b.Kind != normalize.Heading {
			return ""
		}
		t := normalize.CollapseSpace(strings.TrimLeft(doc.Text[b.Start:b.End], "# "))
		if r := []rune(t); len(r) > maxTitle {
			t = string(r[:maxTitle-1]) + "…"
		}
		return t
	}
	return ""
}
