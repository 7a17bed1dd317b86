package accuracy

import "github.com/docdrift/docdrift/timeline"

// changeTexts are the texts of a change on one side: its words, and the
// sentences that hold them.
func changeTexts(c timeline.Change, side string) []string {
	if side == "old" {
		return []string{c.Old, c.OldSentence}
	}
	return []string{c.New, c.NewSentence}
}
