package accuracy

import (
	"bufio"
	"bytes"
	"errors"
	"os/exec"
	"strings"
)

// sideBySide is one line of a word diff: the old side (common words and
// deletions), the new side (common words and insertions), and whether
// the two sides share words, which is what makes them a pair.
type sideBySide struct {
	old, new string
	common   bool
}

// pairedIn returns the new side of the first line whose old side holds
// sentence, and whether that line pairs the two sides.
func pairedIn(lines []sideBySide, sentence string) (string, bool) {
	for _, l := range lines {
		if strings.Contains(squash(l.old), sentence) {
			return squash(l.new), l.common && strings.TrimSpace(l.new) != ""
		}
	}
	return "", false
}

// run runs a diff program, for which exit status 1 means "differs".
func run(name string, args ...string) ([]byte, error) {
	out, err := exec.Command(name, args...).Output()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 1 {
		err = nil
	}
	return out, err
}

// gitWordDiff reads git diff --no-index --word-diff=porcelain with the
// whole file as context: lines starting " " are common words, "-"
// deleted, "+" inserted, and "~" ends a line of the files.
func gitWordDiff(old, new string) ([]sideBySide, error) {
	out, err := run("git", "diff", "--no-index", "--no-color", "--word-diff=porcelain", "-U1000000", old, new)
	if err != nil {
		return nil, err
	}
	var lines []sideBySide
	var cur sideBySide
	inHunk := false
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "@@") {
			inHunk = true
			continue
		}
		if !inHunk || l == "" {
			continue
		}
		switch l[0] {
		case ' ':
			cur.old += l[1:]
			cur.new += l[1:]
			if strings.TrimSpace(l[1:]) != "" {
				cur.common = true
			}
		case '-':
			cur.old += l[1:]
		case '+':
			cur.new += l[1:]
		case '~':
			lines = append(lines, cur)
			cur = sideBySide{}
		}
	}
	return append(lines, cur), sc.Err()
}

// dwdiff reads dwdiff's default output: the text with deletions in
// [-…-] and insertions in {+…+}, line by line.
func dwdiff(old, new string) ([]sideBySide, error) {
	out, err := run("dwdiff", old, new)
	if err != nil {
		return nil, err
	}
	var lines []sideBySide
	var cur sideBySide
	state := ' '
	text := string(out)
	for i := 0; i < len(text); {
		switch {
		case strings.HasPrefix(text[i:], "[-") && state == ' ':
			state, i = '-', i+2
		case strings.HasPrefix(text[i:], "-]") && state == '-':
			state, i = ' ', i+2
		case strings.HasPrefix(text[i:], "{+") && state == ' ':
			state, i = '+', i+2
		case strings.HasPrefix(text[i:], "+}") && state == '+':
			state, i = ' ', i+2
		case text[i] == '\n' && state == ' ':
			lines = append(lines, cur)
			cur, i = sideBySide{}, i+1
		default:
			c := text[i : i+1]
			switch state {
			case ' ':
				cur.old += c
				cur.new += c
				if c != " " && c != "\t" {
					cur.common = true
				}
			case '-':
				cur.old += c
			case '+':
				cur.new += c
			}
			i++
		}
	}
	return append(lines, cur), nil
}
