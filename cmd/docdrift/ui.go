package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/fatih/color"
	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v3"
)

// Output formats.
const (
	formatText     = "text"
	formatJSON     = "json"
	formatMarkdown = "markdown"
)

// ui is where a command writes for people: stdout with its colors, and
// stderr for warnings. Colors are decided once, from --color, NO_COLOR,
// TERM and whether stdout is a terminal, and set on each color object
// rather than on fatih/color's global switch.
type ui struct {
	out, err io.Writer
	format   string
	color    bool

	bold, dim, warn, del, ins, moved *color.Color
}

func newUI(cmd *cli.Command) (*ui, error) {
	u := &ui{out: cmd.Root().Writer, err: cmd.Root().ErrWriter, format: cmd.String("format")}
	switch u.format {
	case formatText, formatJSON, formatMarkdown:
	default:
		return nil, usagef("--format %q: use text, json or markdown", u.format)
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
	fmt.Fprintf(u.err, "docdrift: %s: %s\n", path, u.warn.Sprint("warning: "+fmt.Sprintf(format, args...)))
}

// fail prints a problem with a file on stderr: "docdrift: PATH: what is wrong".
func (u *ui) fail(path string, err error) {
	fmt.Fprintf(u.err, "docdrift: %s: %v\n", path, err)
}

// safe makes document text harmless for a terminal: control characters
// (ESC among them, so no escape sequence can reach the terminal) and
// bidirectional overrides are shown as \xNN or \uNNNN escapes. Line feeds
// and tabs are kept.
func safe(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}
