package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// stdoutName names standard output in an error message, where a file
// would be named: "docdrift: standard output: no space left on device".
const stdoutName = "standard output"

// writeError says that writing to name failed, with the system's reason
// alone ("no space left on device") rather than Go's "write /dev/stdout:".
func writeError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", name, err)
}

// outputError is what a command that returned err failed with, once its
// output, name, was flushed or closed with ferr. Output that did not
// reach its file outweighs "changes found", a failure already reported
// and the command's own report of the same failed write; any other error
// came first and is kept.
func outputError(err, ferr error, name string) error {
	switch {
	case ferr == nil:
		return err
	case err == nil, errors.Is(err, errChanges), errors.Is(err, errReported), errors.Is(err, ferr):
		return writeError(name, ferr)
	}
	return err
}

// withOutput runs write with u writing to path when one is given
// (--output), and returns what went wrong writing or closing the file.
func withOutput(u *ui, path string, write func(*ui) error) error {
	if path == "" {
		return write(u)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	return writeTo(u, f, path, write)
}

// writeTo runs write with u writing to f, named name in errors, then
// closes f. Output is buffered as stdout's is: the buffer keeps the first
// write error and refuses every write after it, the final flush returns
// it, and closing may report one of its own.
func writeTo(u *ui, f io.WriteCloser, name string, write func(*ui) error) error {
	buf := bufio.NewWriter(f)
	to := *u
	to.out = buf
	to.setColor(false) // a file gets no escape sequences, whatever --color says
	err := outputError(write(&to), buf.Flush(), name)
	return outputError(err, f.Close(), name)
}
