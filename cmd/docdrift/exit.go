package main

import (
	"errors"
	"fmt"
	"io"
)

// Exit statuses, as GNU diff has them.
const (
	exitOK      = 0 // success; nothing changed
	exitChanges = 1 // changes found
	exitTrouble = 2 // bad input, bad usage or an I/O error
)

// errChanges is returned by commands that found changes: exit status 1
// with nothing more to print.
var errChanges = errors.New("changes found")

// errReported is returned by commands that have already printed their
// problems on stderr (one line per bad file) and want exit status 2.
var errReported = errors.New("trouble reported")

// usageError is a problem with the command line itself.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// exitCode turns the error a command returned into an exit status, printing
// it on stderr as "docdrift: what is wrong" unless it was printed already.
// The message is one line, with the names it quotes escaped (visibleName).
// This is the only place where errors become exit statuses.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errChanges):
		return exitChanges
	case errors.Is(err, errReported):
		return exitTrouble
	}
	var u usageError
	if errors.As(err, &u) {
		fmt.Fprintf(stderr, "docdrift: %s\nRun 'docdrift --help' for usage.\n", visibleName(u.msg))
		return exitTrouble
	}
	fmt.Fprintf(stderr, "docdrift: %s\n", visibleName(err.Error()))
	return exitTrouble
}
