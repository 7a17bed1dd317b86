// Command docdrift shows how related documents drift over time: what a new
// edition changed, which passages of two texts make the same point, how
// each figure moved, and which themes rose, faded or were reworded.
//
// Run "docdrift --help" for the commands.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args, os.Stdout, os.Stderr))
}
