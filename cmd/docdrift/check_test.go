package main

import (
	"slices"
	"testing"

	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/timeline"
)

// TestFailuresFigure: --fail-on figure counts a figure change anywhere in
// the step, in a passage's changes or among the tracked figures that
// moved (issue 18, item 6).
func TestFailuresFigure(t *testing.T) {
	tests := []struct {
		name string
		step timeline.Step
		want []string
	}{
		{"classified", timeline.Step{Classes: map[diff.Class]int{diff.Figure: 1}}, []string{"figure"}},
		{"tracked only", timeline.Step{Figures: []timeline.FigureChange{{Label: "Inflation", Change: "up"}}}, []string{"figure"}},
		{"none", timeline.Step{Classes: map[diff.Class]int{diff.Wording: 2}}, nil},
	}
	for _, tt := range tests {
		if got := failures(tt.step, []string{"figure"}); !slices.Equal(got, tt.want) {
			t.Errorf("%s: failures(step, figure) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
