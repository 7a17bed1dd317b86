package main

import (
	"fmt"
	"regexp"
)

// Git runs an external diff (GIT_EXTERNAL_DIFF, or diff.<driver>.command)
// with seven arguments:
//
//	path old-file old-hex old-mode new-file new-hex new-mode
//
// and with two more, new-path and a rename message, for a renamed file.
// gitArgs recognizes that form and rewrites it as a diff command; ok is
// false for any other command line.
func gitArgs(args []string) (out []string, ok bool) {
	if len(args) != 8 && len(args) != 10 {
		return nil, false
	}
	a := args[1:]
	if !gitObject.MatchString(a[2]) || !gitObject.MatchString(a[5]) || !gitMode.MatchString(a[3]) || !gitMode.MatchString(a[6]) {
		return nil, false
	}
	path, newPath := a[0], a[0]
	if len(a) == 9 {
		newPath = a[7]
	}
	return []string{args[0], "diff", "--git",
		"--old-label", label(path, a[2]), "--new-label", label(newPath, a[5]),
		a[1], a[4]}, true
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
