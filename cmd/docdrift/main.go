// Command docdrift shows how related documents drift over time: what a new
// edition changed, which passages of two texts make the same point, how
// each figure moved, and which themes rose, faded or were reworded.
//
// Run "docdrift --help" for the commands.
package main

import (
	"context"
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target unless GOGC says otherwise.
// A run builds its data, reports and exits; collecting when the heap has
// tripled rather than doubled takes 10% off the time of a 1 MB diff,
// without raising its peak memory measurably (see BENCHMARKS.md).
const gcPercent = 200

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(context.Background(), os.Args, os.Stdout, os.Stderr))
}
