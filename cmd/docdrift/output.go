package main

import (
	"errors"
	"fmt"
	"io/fs"
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
