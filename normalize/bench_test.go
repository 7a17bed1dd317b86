package normalize

import (
	"math/rand"
	"os"
	"strings"
	"testing"
)

// BenchmarkParse measures Decode and Parse on each fixture and on a
// generated English text with hard wraps of 256 KB, 1 MB and 4 MB (to
// show that the cost grows linearly):
//
//	go test ./normalize -run '^$' -bench . -benchmem
func BenchmarkParse(b *testing.B) {
	inputs := map[string][]byte{}
	for _, p := range fixtures(b) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		inputs[strings.TrimPrefix(p, "../fixtures/opening-up/")] = data
	}
	inputs["generated-256KB.txt"] = []byte(generatedText(1 << 18))
	inputs["generated-1MB.txt"] = []byte(generatedText(1 << 20))
	inputs["generated-4MB.txt"] = []byte(generatedText(1 << 22))
	for name, data := range inputs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				d, err := Decode(data, DecodeOptions{})
				if err != nil {
					b.Fatal(err)
				}
				Parse(d.Text)
			}
		})
	}
}

// generatedText returns about n bytes of English prose in paragraphs of
// wrapped lines, from a fixed seed.
func generatedText(n int) string {
	words := strings.Fields("trade investment opening reform the of and to in a services goods market rules " +
		"cooperation development growth percent billion yuan zone pilot free agreement countries China world " +
		"economic global system high-standard institutional Mr. U.S. 2024 700,000 36.5% No. 14")
	r := rand.New(rand.NewSource(1))
	var b strings.Builder
	col := 0
	for b.Len() < n {
		for s := 0; s < 5; s++ {
			for w := 0; w < 8+r.Intn(20); w++ {
				word := words[r.Intn(len(words))]
				if col+len(word) > 72 {
					b.WriteString("\n")
					col = 0
				} else if col > 0 {
					b.WriteString(" ")
					col++
				}
				b.WriteString(word)
				col += len(word)
			}
			b.WriteString(".")
		}
		b.WriteString("\n\n")
		col = 0
	}
	return b.String()
}
