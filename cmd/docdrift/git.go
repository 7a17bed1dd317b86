package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	"github.com/docdrift/docdrift/normalize"
)

// Git runs an external diff (GIT_EXTERNAL_DIFF, or diff.<driver>.command)
// with seven arguments:
//
//	path old-file old-hex old-mode new-file new-hex new-mode
//
// and with two more, new-path and a rename message, for a renamed file.
// A driver's command may put flags of its own before them (git runs
// diff.docdrift.command "docdrift --min-level figure" through the
// shell, which appends the seven). gitArgs recognizes that form — git's
// arguments last, anything before them starting with a flag — and
// rewrites it as a diff command, the flags passed on; ok is false for
// any other command line.
func gitArgs(args []string) (out []string, ok bool) {
	if len(args) < 8 {
		return nil, false
	}
	for _, n := range []int{9, 7} {
		if len(args)-1 < n {
			continue
		}
		flags, a := args[1:len(args)-n], args[len(args)-n:]
		if len(flags) > 0 && !strings.HasPrefix(flags[0], "-") {
			continue
		}
		if !gitObject.MatchString(a[2]) || !gitObject.MatchString(a[5]) || !gitMode.MatchString(a[3]) || !gitMode.MatchString(a[6]) {
			continue
		}
		path, newPath := a[0], a[0]
		if n == 9 {
			newPath = a[7]
		}
		out = append([]string{args[0], "diff", "--git"}, flags...)
		return append(out, "--old-label", label(path, a[2]), "--new-label", label(newPath, a[5]), a[1], a[4]), true
	}
	return nil, false
}

// hasColorFlag reports whether args set --color.
func hasColorFlag(args []string) bool {
	for _, a := range args {
		if a == "--color" || a == "-color" || strings.HasPrefix(a, "--color=") || strings.HasPrefix(a, "-color=") {
			return true
		}
	}
	return false
}

// gitColor decides --color auto for docdrift run by git, as git decides
// for its own diff: under git's pager stdout is a pipe, but git says so
// (GIT_PAGER_IN_USE, pager) and colors when color.diff or color.ui is
// auto, as it is by default. ask runs "git config --get-colorbool
// color.diff TTY", which applies that rule to git's configuration
// (color.diff, else color.ui; always, never or auto) and says true or
// false. NO_COLOR still turns color off; when git cannot be asked, the
// pager counts as a terminal, as it does for git.
func gitColor(tty, pager, noColor, dumb bool, ask func(tty bool) (string, error)) bool {
	if noColor {
		return false
	}
	tty = tty || pager
	answer, err := ask(tty)
	if err != nil {
		return tty && !dumb
	}
	return strings.TrimSpace(answer) == "true"
}

// askGitColor runs git config --get-colorbool color.diff in the current
// folder (the repository git runs docdrift in), and gives its answer.
func askGitColor(tty bool) (string, error) {
	out, err := exec.Command("git", "config", "--get-colorbool", "color.diff", strconv.FormatBool(tty)).Output()
	return string(out), err
}

// gitColorArgs puts --color always or never at the front of a git diff's
// arguments, decided as git decides (gitColor), unless they set --color.
func gitColorArgs(args []string, stdout io.Writer) []string {
	if hasColorFlag(args) {
		return args
	}
	pager, _ := strconv.ParseBool(os.Getenv("GIT_PAGER_IN_USE"))
	mode := "never"
	if gitColor(isTerminal(stdout), pager, os.Getenv("NO_COLOR") != "", os.Getenv("TERM") == "dumb", askGitColor) {
		mode = "always"
	}
	return append([]string{args[0], "--color", mode}, args[1:]...)
}

// gitObject is an object name (SHA-1 or SHA-256, or the 0… of a file
// absent on one side); gitMode a file mode, or "." for an absent file.
var (
	gitObject = regexp.MustCompile(`^(?:[0-9a-f]{40}|[0-9a-f]{64}|\.)$`)
	gitMode   = regexp.MustCompile(`^(?:[0-7]{6}|\.)$`)
)

// label names one side of a git diff: the path and the abbreviated object
// name, "qiushi.txt@1a2b3c4".
func label(path, hex string) string {
	if len(hex) >= 7 && hex != "0000000000000000000000000000000000000000" {
		return path + "@" + hex[:7]
	}
	return path
}

// gitSide says what a file git passes is: "" for a real file, or "new"
// or "deleted" when git passes /dev/null for the side that is absent.
func gitSide(oldPath, newPath string) string {
	switch {
	case oldPath == "/dev/null":
		return "new"
	case newPath == "/dev/null":
		return "deleted"
	}
	return ""
}

// gitHeader is the line that introduces a file in git's output, as git
// prints none for an external diff.
func gitHeader(u *ui, opts diffOptions) {
	fmt.Fprintln(u.out, u.bold.Sprint(visibleName(fmt.Sprintf("docdrift diff %s %s", opts.oldLabel, opts.newLabel))))
}

// runGitDiff is diff as git's external diff: a header naming the file,
// a file added or deleted said in one line, a binary file said in one
// line, an empty file compared as a document with no text, and exit
// status 0 when the comparison found changes. Git takes any other status
// as a failure and stops, hiding every file after this one, so a file
// docdrift cannot compare is no failure either: "binary file differs",
// or "not compared" and why, naming the file by its path in the
// repository (git's temporary file means nothing to the reader).
func runGitDiff(u *ui, opts diffOptions) error {
	gitHeader(u, opts)
	if side := gitSide(opts.oldPath, opts.newPath); side != "" {
		fmt.Fprintf(u.out, "%s file\n", side)
		return nil
	}
	glossary := make(chan glossaryResult, 1)
	go func() { glossary <- loadMatcher(opts.glossary) }()
	old, oldErr := gitDocument(u, opts.oldPath, opts.oldLabel, opts.encoding)
	new, newErr := gitDocument(u, opts.newPath, opts.newLabel, opts.encoding)
	switch {
	case errors.Is(oldErr, normalize.ErrBinary) || errors.Is(newErr, normalize.ErrBinary):
		fmt.Fprintln(u.out, "binary file differs")
		return nil
	case oldErr != nil || newErr != nil:
		for _, err := range []error{oldErr, newErr} {
			if err != nil {
				fmt.Fprintf(u.out, "not compared: %v\n", err)
			}
		}
		return nil
	}
	opts.git = false
	if err := compareDocuments(u, opts, old, new, glossary); err != nil && !errors.Is(err, errChanges) {
		return err
	}
	return nil
}

// gitDocument reads one side of a git diff, naming it by label in its
// warnings and errors. An empty file is a document with no text; a
// binary file gives an error that wraps normalize.ErrBinary.
func gitDocument(u *ui, path, label, encoding string) (*normalize.Document, error) {
	data, err := normalize.ReadLimited(path, u.maxSize)
	if err != nil {
		return nil, readError(label, err)
	}
	doc, err := cachedParse(u.cache, path, data, normalize.DecodeOptions{Encoding: encoding, MaxSize: u.maxSize})
	switch {
	case errors.Is(err, normalize.ErrEmpty):
		doc, err = normalize.Parse(""), nil
		doc.Path = path
	case err != nil:
		return nil, readError(label, err)
	}
	warnDocument(u, label, doc)
	return doc, nil
}
