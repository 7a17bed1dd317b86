//go:build race

package segment

// raceEnabled reports a test binary built with -race, whose
// instrumentation allocates: allocation counts are not checked then.
const raceEnabled = true
