package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/fatih/color"
	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v3"

	"github.com/docdrift/docdrift/internal/cache"
	"github.com/docdrift/docdrift/normalize"
)

// defaultMaxSize is --max-size's default: a pair of documents this large
// takes about 0.6 GB to compare (a 10 MB edition pair measured 0.4 GB, a
// 50 MB one 1.8 GB).
const defaultMaxSize = "16MB"

// Output formats.
const (
	formatText     = "text"
	formatJSON     = "json"
	formatMarkdown = "markdown"
	formatHTML     = "html" // timeline and check only
)

// ui is where a command writes for people: stdout with its colors, and
// stderr for warnings. Colors are decided once, from --color, NO_COLOR,
// TERM and whether stdout is a terminal, and set on each color object
// rather than on fatih/color's global switch.
type ui struct {
	out, err io.Writer
	format   string
	color    bool
	// maxSize is the largest document read, in bytes (0: no limit), from
	// the global --max-size.
	maxSize int64
	// cache keeps parsed documents and comparisons across runs; nil with
	// --no-cache or when there is no cache folder to use.
	cache *cache.Store

	// del and ins mark the words a diff removed and added; gone marks
	// what a summary lists as gone (a concept, a figure that fell) in
	// red without del's strike-through, hard to read on a terminal.
	bold, dim, warn, del, ins, moved, gone *color.Color
}

// newUI reads the output flags. Every command writes text, JSON and
// Markdown; extra names the other formats this one writes (html).
func newUI(cmd *cli.Command, extra ...string) (*ui, error) {
	u := &ui{out: cmd.Root().Writer, err: cmd.Root().ErrWriter, format: cmd.String("format")}
	formats := append([]string{formatText, formatJSON, formatMarkdown}, extra...)
	if !slices.Contains(formats, u.format) {
		last := len(formats) - 1
		return nil, usagef("--format %q: use %s or %s", u.format, strings.Join(formats[:last], ", "), formats[last])
	}
	max, err := normalize.ParseSize(cmd.String("max-size"))
	if err != nil {
		return nil, usagef("--max-size: %v", err)
	}
	u.maxSize = max
	if !cmd.Bool("no-cache") {
		u.cache = openCache()
	}
	switch mode := cmd.String("color"); mode {
	case "always":
		u.color = true
	case "never":
	case "auto":
		u.color = isTerminal(u.out) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	default:
		return nil, usagef("--color %q: use auto, always or never", mode)
	}
	u.setColor(u.color)
	return u, nil
}

// setColor turns color on or off for every style of u.
func (u *ui) setColor(on bool) {
	u.color = on
	u.bold = u.newColor(color.Bold)
	u.dim = u.newColor(color.Faint)
	u.warn = u.newColor(color.FgYellow)
	u.del = u.newColor(color.FgRed, color.CrossedOut)
	u.ins = u.newColor(color.FgGreen, color.Underline)
	u.moved = u.newColor(color.FgCyan)
	u.gone = u.newColor(color.FgRed)
}

func (u *ui) newColor(attrs ...color.Attribute) *color.Color {
	c := color.New(attrs...)
	if u.color {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
	return c
}

func isTerminal(w io.Writer) bool {
	f, ok := fileOf(w)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// fileOf returns the file under w, through the command's output buffer.
func fileOf(w io.Writer) (*os.File, bool) {
	if b, ok := w.(interface{ Unwrap() io.Writer }); ok {
		w = b.Unwrap()
	}
	f, ok := w.(*os.File)
	return f, ok
}

// warnf prints a warning about a file on stderr: "docdrift: PATH: warning: …".
func (u *ui) warnf(path, format string, args ...any) {
	fmt.Fprintf(u.err, "docdrift: %s: %s\n", visibleName(path), u.warn.Sprint("warning: "+visibleName(fmt.Sprintf(format, args...))))
}

// visibleName makes a name safe to print on one line — a file name, a
// document id or date, a label, an error message that quotes them — as
// normalize.Visible makes document text safe: control characters, escape
// sequences and bidi overrides are shown escaped, and so, unlike in
// document text, are newlines and tabs ("\x0a", "\x09"), so that a name
// can neither split a header nor forge a line of its own.
func visibleName(s string) string {
	return nameBreaks.Replace(normalize.Visible(s))
}

var nameBreaks = strings.NewReplacer("\n", `\x0a`, "\t", `\x09`)
