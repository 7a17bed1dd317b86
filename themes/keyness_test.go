package themes

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/segment"
)

// TestLogOddsWorkedExample checks logOddsZ against a computation by hand.
// A phrase seen 10 times in 1,000 phrases of the target and twice in
// 2,000 of the others; the prior spreads 500 pseudo-counts by corpus share,
// 12/3000, so α = 2:
//
//	δ = ln(12/1488) − ln(4/2496) = −4.82028 − (−6.43615) = 1.61587
//	σ = √(1/12 + 1/4) = 0.57735,  z = 1.61587 / 0.57735 = 2.79877
func TestLogOddsWorkedExample(t *testing.T) {
	z := logOddsZ(10, 1000, 2, 2000, 500*12.0/3000, 500)
	if math.Abs(z-2.79877) > 1e-4 {
		t.Errorf("logOddsZ = %.5f, want 2.79877", z)
	}
	// Symmetry: the phrase is as untypical of the others as typical of the target.
	if back := logOddsZ(2, 2000, 10, 1000, 2, 500); math.Abs(back+z) > 1e-9 {
		t.Errorf("reversed logOddsZ = %.5f, want %.5f", back, -z)
	}
}

func TestCountPhrases(t *testing.T) {
	text := "We restore the dispute settlement mechanism. 恢复争端解决机制正常运转。高水平的对外开放。"
	seg := &segment.Segmenter{}
	for _, tt := range []struct {
		name   string
		seg    *segment.Segmenter
		want   []string
		absent []string
	}{
		// Keys are stems: "disput settlement" is "dispute settlement".
		{"n-grams", nil, []string{"disput settlement mechanism", "disput settlement", "restor", "争端", "争端解决"}, nil},
		// Words and runs of words: no fragment across a word boundary.
		{"segmenter", seg, []string{"disput settlement", "争端", "争端解决", "争端解决机制", "正常运转", "高水平", "对外开放"},
			[]string{"端解", "复争", "解决机制正常运转", "平的对"}},
	} {
		c := CountPhrases(normalize.Parse(text), "zh", tt.seg)
		for _, k := range tt.want {
			if c.count(k) == 0 {
				t.Errorf("%s: no %q in %v", tt.name, k, c.entries)
			}
		}
		for _, k := range tt.absent {
			if c.count(k) != 0 {
				t.Errorf("%s: counts %q", tt.name, k)
			}
		}
		for _, e := range c.entries {
			if k := e.key; strings.HasPrefix(k, "the ") || strings.HasSuffix(k, " the") || strings.Contains(k, "的") {
				t.Errorf("%s: phrase %q starts or ends with a function word", tt.name, k)
			}
		}
	}
}

func TestKeynessAndShift(t *testing.T) {
	old := CountPhrases(normalize.Parse(strings.Repeat("We must restore the dispute settlement mechanism. Trade grew. ", 3)), "en", nil)
	new := CountPhrases(normalize.Parse(strings.Repeat("We must build the Buy in China brand. Trade grew. 中文标题", 3)), "en", nil)
	all := Sum(old, new)
	top := Keyness(new, old, all, 3)
	if len(top) == 0 || !strings.Contains(top[0].Text, "Buy in China") && !strings.Contains(top[0].Text, "China brand") {
		t.Errorf("Keyness(new): %+v, want the Buy in China brand first", top)
	}
	for _, p := range top {
		if strings.Contains(p.Text, "Trade") || strings.Contains(p.Text, "中文") {
			t.Errorf("Keyness ranks %q, shared by both documents", p.Text)
		}
	}
	appeared, vanished := Shift(old, new, all, 5)
	if len(appeared) == 0 || len(vanished) == 0 || !strings.Contains(vanished[0].Text, "dispute settlement") {
		t.Errorf("Shift: appeared %+v, vanished %+v", appeared, vanished)
	}
}

func TestZhNumber(t *testing.T) {
	for w, want := range map[string]bool{"一九五八年": true, "第一个": true, "十四五": true, "两": true, "四人帮": false, "五年计划": false, "年": false, "第": false} {
		if got := zhNumber(w); got != want {
			t.Errorf("zhNumber(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestDistinctiveIsKeynessAgainstTheRest checks that ranking a document
// against the corpus minus itself gives what ranking it against the sum
// of the other documents gives.
func TestDistinctiveIsKeynessAgainstTheRest(t *testing.T) {
	texts := []string{
		"We must restore the dispute settlement mechanism. Trade grew. The dispute settlement mechanism matters.",
		"We must build the Buy in China brand. Trade grew. The Buy in China brand is new. Trade grew again.",
		"Services trade exceeded one trillion. Services trade grew. The dispute settlement mechanism was named.",
	}
	counts := make([]Counts, len(texts))
	for i, s := range texts {
		counts[i] = CountPhrases(normalize.Parse(strings.Repeat(s+" ", 2)), "en", nil)
	}
	all := Sum(counts...)
	for i := range counts {
		var others []Counts
		for k := range counts {
			if k != i {
				others = append(others, counts[k])
			}
		}
		want := Keyness(counts[i], Sum(others...), all, 10)
		got := Distinctive(counts[i], all, 10)
		if len(want) == 0 {
			t.Fatalf("document %d: Keyness found nothing; the test needs distinctive phrases", i)
		}
		if !slices.Equal(got, want) {
			t.Errorf("document %d:\nDistinctive %+v\nKeyness     %+v", i, got, want)
		}
	}
}
