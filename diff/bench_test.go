package diff

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docdrift/docdrift/internal/edition"
	"github.com/docdrift/docdrift/internal/lexicon"
	"github.com/docdrift/docdrift/normalize"
)

// BenchmarkCompare measures Parse of both documents plus Compare, on the
// seed pairs and on generated edition pairs of 256 KB to 2 MB:
//
//	go test ./diff -run '^$' -bench . -benchmem
func BenchmarkCompare(b *testing.B) {
	type input struct{ name, old, new string }
	var inputs []input
	for _, p := range [][2]string{{"qiushi-2024.txt", "qiushi-2025.txt"}, {"qiushi-2025.txt", "interview-2025.txt"}} {
		inputs = append(inputs, input{p[0] + "→" + p[1], readFixture(b, p[0]), readFixture(b, p[1])})
	}
	for _, size := range []int{256 << 10, 512 << 10, 1 << 20, 2 << 20} {
		old, new := edition.Pair(size, 1)
		inputs = append(inputs, input{fmt.Sprintf("edition-%dKB", size>>10), old, new})
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.old) + len(in.new)))
			for b.Loop() {
				Compare(normalize.Parse(in.old), normalize.Parse(in.new), Options{})
			}
		})
	}
}

func TestEditionPairIsAnEdition(t *testing.T) {
	old, new := edition.Pair(64<<10, 1)
	r := Compare(normalize.Parse(old), normalize.Parse(new), Options{})
	same := 0
	for _, p := range r.Passages {
		if p.Kind == Same {
			same += p.Old.End - p.Old.Start
		}
	}
	// One word in a hundred changes, in sentences of about 18 words: about
	// four sentences in five stay the same.
	if share := float64(same) / float64(len(old)); share < 0.6 || share > 0.95 {
		t.Errorf("generated edition pair: %.2f of the old text in same passages, want 0.6–0.95 (%+v)", share, r.Summary)
	}
	if r.Summary.Moved == 0 {
		t.Errorf("generated edition pair: %+v; want moved paragraphs", r.Summary)
	}
}

// BenchmarkTranslate aligns the 2023 speech with its translation, the pair
// repeated k times to show how the cost grows.
func BenchmarkTranslate(b *testing.B) {
	zh, en := readFixture(b, "speech-2023.zh.txt"), readFixture(b, "speech-2023.en.txt")
	m := defaultMatcher(b)
	for _, k := range []int{1, 8, 32} {
		a := normalize.Parse(strings.Repeat(zh+"\n\n", k))
		c := normalize.Parse(strings.Repeat(en+"\n\n", k))
		b.Run(fmt.Sprintf("x%d", k), func(b *testing.B) {
			b.SetBytes(int64(len(a.Text) + len(c.Text)))
			b.ReportAllocs()
			for b.Loop() {
				Translate(a, c, BitextOptions{Concepts: m})
			}
		})
	}
}

// BenchmarkTranslateBible aligns the Chinese–English Bible pair of
// ../shared/corpora/bible-zh-en (5,000 English and 6,301 Chinese verses,
// a sentence a paragraph, as internal/beadscore/bitexteval feeds it:
// issue 19's row). The documents are parsed once; the dictionary is
// loaded before the timer starts (it is loaded once per process). It
// skips when the corpus is not there; DOCDRIFT_CORPORA names another
// folder holding it:
//
//	go test ./diff -run '^$' -bench TranslateBible -benchmem
func BenchmarkTranslateBible(b *testing.B) {
	root := os.Getenv("DOCDRIFT_CORPORA")
	if root == "" {
		root = "../../shared/corpora"
	}
	var docs [2]*normalize.Document
	for k, lang := range []string{"en", "zh"} {
		raw, err := os.ReadFile(filepath.Join(root, "bible-zh-en", "001."+lang+".txt"))
		if errors.Is(err, fs.ErrNotExist) {
			b.Skipf("no bible-zh-en in %s (set DOCDRIFT_CORPORA to the folder of ../shared/corpora)", root)
		}
		if err != nil {
			b.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
		docs[k] = normalize.Parse(strings.Join(lines, "\n\n"))
	}
	if _, err := lexicon.Load(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(docs[0].Text) + len(docs[1].Text)))
	b.ReportAllocs()
	for b.Loop() {
		Translate(docs[0], docs[1], BitextOptions{})
	}
}

// BenchmarkOneLongParagraph compares two versions of one paragraph of n
// words with no sentence break, one word changed, to show that the cost
// grows linearly with its length (building word edits by appending to
// strings once made it quadratic: 200,000 words took 31 s). Parse cuts
// such a paragraph into pieces of normalize.MaxSentence bytes.
//
//	go test ./diff -run '^$' -bench OneLongParagraph -benchmem
func BenchmarkOneLongParagraph(b *testing.B) {
	for _, n := range []int{25_000, 50_000, 100_000, 200_000} {
		old := edition.Line(n)
		new := strings.Replace(old, "council", "assembly", 1)
		b.Run(fmt.Sprintf("%dk-words", n/1000), func(b *testing.B) {
			b.SetBytes(int64(len(old) + len(new)))
			for b.Loop() {
				r := Compare(normalize.Parse(old), normalize.Parse(new), Options{})
				if r.Summary.Changed != 1 {
					b.Fatalf("summary %+v, want one changed passage", r.Summary)
				}
			}
		})
	}
}
