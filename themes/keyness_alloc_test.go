package themes

import (
	"os"
	"runtime"
	"testing"

	"github.com/docdrift/docdrift/normalize"
)

// TestCountPhrasesAllocations bounds what counting a document's phrases
// allocates, against its size: each sentence's offset maps and tokens
// were fresh memory (124 bytes per byte of Chinese text, 60 of English), in a
// command that counts every document of a corpus.
func TestCountPhrasesAllocations(t *testing.T) {
	tests := []struct {
		file    string
		lang    string
		maxRate float64 // bytes allocated per byte of text
	}{
		{"../fixtures/opening-up/speech-2023.zh.txt", "zh", 100},
		{"../fixtures/opening-up/speech-2023.en.txt", "en", 50},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		doc := normalize.Parse(string(data))
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		const runs = 5
		for range runs {
			CountPhrases(doc, tt.lang, nil)
		}
		runtime.ReadMemStats(&after)
		rate := float64(after.TotalAlloc-before.TotalAlloc) / runs / float64(len(doc.Text))
		t.Logf("%s: %.1f bytes allocated per byte", tt.file, rate)
		if rate > tt.maxRate {
			t.Errorf("CountPhrases(%s): %.1f bytes allocated per byte of text, want at most %.0f", tt.file, rate, tt.maxRate)
		}
	}
}
