package diff

import (
	"fmt"
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/docdrift/docdrift/normalize"
)

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("../fixtures/opening-up/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// parseFixture reads and parses a fixture document as docdrift does.
func parseFixture(t testing.TB, name string) *normalize.Document {
	t.Helper()
	doc, err := normalize.FromBytes(name, []byte(readFixture(t, name)), normalize.DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func unitsOf(text string) []unit {
	us, _, _ := units(newScratch(), text, 0, len(text))
	return us
}

func TestFigureUnits(t *testing.T) {
	tests := []struct {
		text string
		want []string // the figure units' keys
	}{
		{"exceeding US$500 billion over", []string{"#5e+11 USD over"}},
		{"exceeded 580 billion US dollars", []string{"#5.8e+11 USD over"}},
		{"exceeded the US$1 trillion threshold", []string{"#1e+12 USD over"}},
		{"nearly 30% of growth", []string{"#30 percent nearly"}},
		{"近30%", []string{"#30 percent nearly"}},
		{"增长了11倍", []string{"#11 times exact"}},
		{"an 11-fold increase", []string{"#11 times exact"}},
		{"700,000 and 700000", []string{"#700000  exact", "#700000  exact"}},
		{"from 93 items to just 29", []string{"#29 items from 93 exact"}},
		{"over 200 million jobs", []string{"#2e+08  over"}},
		{"30 percent or 30 per cent or 30%", []string{"#30 percent exact", "#30 percent exact", "#30 percent exact"}},
		{"6 percentage points", []string{"#6 percentage-point exact"}},
		{"3个百分点", []string{"#3 percentage-point exact"}},
		{"2.7万亿元", []string{"#2.7e+12 CNY exact"}},
		{"140多个国家", []string{"#140 国家 over"}},
		{"more than 80 million workers", []string{"#8e+07  over"}},
		{"5%左右", []string{"#5 percent about"}},
	}
	for _, tt := range tests {
		var got []string
		for _, u := range unitsOf(tt.text) {
			if u.figure {
				got = append(got, u.key)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("figures of %q (-want +got):\n%s", tt.text, diff)
		}
	}
}

// TestUnitsReuseScratch checks that units computed one after another
// with one scratch (as each goroutine of Compare does) equal those
// computed each with a fresh one, checked after all are computed so that
// a result sharing the scratch's memory would show.
func TestUnitsReuseScratch(t *testing.T) {
	for _, name := range []string{"speech-2023.zh.txt", "qiushi-2025.txt"} {
		doc := parseFixture(t, name)
		sc := newScratch()
		reused := make([][]unit, len(doc.Sentences))
		toks := make([][]normalize.Token, len(doc.Sentences))
		for i, s := range doc.Sentences {
			reused[i], toks[i], _ = units(sc, doc.Text, s.Start, s.End)
		}
		for i, s := range doc.Sentences {
			want, wantToks, _ := units(newScratch(), doc.Text, s.Start, s.End)
			if diff := cmp.Diff(want, reused[i], cmp.AllowUnexported(unit{})); diff != "" {
				t.Errorf("%s sentence %d: units with a reused scratch (-fresh +reused):\n%s", name, i, diff)
			}
			if diff := cmp.Diff(wantToks, toks[i]); diff != "" {
				t.Errorf("%s sentence %d: tokens with a reused scratch (-fresh +reused):\n%s", name, i, diff)
			}
		}
	}
}

// TestSimilarShortcuts checks the two shortcuts of similar on every
// pair of free sentences of two fixture articles: the score from spread
// weights equals the merged one to the bit, and the bound from the index
// is never under the score of a candidate.
func TestSimilarShortcuts(t *testing.T) {
	text := func(k normalize.Kind) bool { return k != normalize.Caption && k != normalize.Furniture }
	al := &aligner{a: newSide(parseFixture(t, "qiushi-2024.txt"), text), b: newSide(parseFixture(t, "qiushi-2025.txt"), text)}
	al.aPair, al.bPair = filled(len(al.a.sents), -1), filled(len(al.b.sents), -1)
	al.exactInOrder()
	al.exactAnywhere(nil)
	al.weigh()
	sh := &shared{weight: make([]float64, len(al.b.sents)), own: make([]float64, len(al.w.weights))}
	pairs, bounded := 0, 0
	for i, s := range al.a.sents {
		if al.aPair[i] >= 0 {
			continue
		}
		for _, f := range s.feats {
			sh.own[f] = al.w.weights[f]
		}
		cands := map[int]bool{}
		for _, j := range al.candidates(&s, sh) {
			cands[j] = true
		}
		for j, u := range al.b.sents {
			if al.bPair[j] >= 0 {
				continue
			}
			want := al.score(span{i, i + 1}, span{j, j + 1})
			if got := sh.similarity(&s, &u); got != want {
				t.Errorf("old %d, new %d: spread similarity %v, merged %v", i, j, got, want)
			}
			if cands[j] {
				bounded++
				if most := sh.most(&s, &u, j); most < want-1e-9 {
					t.Errorf("old %d, new %d: bound %v under the score %v", i, j, most, want)
				}
			}
			pairs++
		}
		for _, f := range s.feats {
			sh.own[f] = 0
		}
		sh.reset()
	}
	if pairs < 1000 || bounded < 100 {
		t.Errorf("%d pairs, %d candidates checked: too few for the test to mean anything", pairs, bounded)
	}
}

// TestDedupe checks both ways dedupe works (short lists by comparison,
// long ones by a map) against a reference: the first of equal features
// kept, in order.
func TestDedupe(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{0, 1, 2, 10, 64, 65, 200} {
		in := make([]feature, n)
		for i := range in {
			in[i] = feature{kind: byte('a' + rng.Intn(2)), hash: uint64(rng.Intn(n/2 + 1))}
		}
		var want []feature
		for i, x := range in {
			if !slices.Contains(in[:i], x) {
				want = append(want, x)
			}
		}
		if got := dedupe(slices.Clone(in)); !slices.Equal(got, want) {
			t.Errorf("dedupe of %d features: got %v, want %v", n, got, want)
		}
	}
}

// TestCollapseSpace holds collapseSpace, and its ASCII fast test, to the
// rule: each run of white space one space.
func TestCollapseSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""}, {"word", "word"}, {" word", " word"}, {"a b", "a b"}, {"a  b", "a b"},
		{"a\tb", "a b"}, {"a\n\n b", "a b"}, {"\r\n", " "}, {"中文 字", "中文 字"}, {"中 \u3000文", "中 文"},
		{"a\u00a0b", "a b"}, {"é  e", "é e"}, {"e \u2003", "e "}, {"trailing ", "trailing "},
	}
	for _, tt := range tests {
		if got := normalize.CollapseSpace(tt.in); got != tt.want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTitlesPairFirst checks that the two titles pair with each other,
// though a later heading of the old document shares more of the new
// title's words.
func TestTitlesPairFirst(t *testing.T) {
	old := "Reforming Trade Systems\n\nPorts handled more cargo than ever before.\n\n" +
		"Reforming Trade Systems for Open Markets Now\n\nThe rules were simplified for small firms.\n"
	new := "Reforming Trade Systems for Open Markets\n\nPorts handled more cargo than ever.\n\n" +
		"The rules were simplified for small firms.\n"
	r := Compare(normalize.Parse(old), normalize.Parse(new), Options{})
	for _, p := range r.Passages {
		if p.New != nil && p.New.Line == 1 {
			if p.Old == nil || p.Old.Line != 1 {
				t.Errorf("the new title is in passage %+v (old %+v); want it paired with the old title", p, p.Old)
			}
			return
		}
	}
	t.Errorf("no passage holds the new title: %+v", r.Passages)
}

// render shows edits as [-old-]{+new+}[~old~>new~].
func render(es []Edit) string {
	var b strings.Builder
	for _, e := range es {
		switch e.Op {
		case Equal:
			b.WriteString(e.Text)
		case Delete:
			b.WriteString("[-" + e.Text + "-]")
		case Insert:
			b.WriteString("{+" + e.Text + "+}")
		case Format:
			b.WriteString("[~" + e.Old + "~>" + e.Text + "~]")
		}
	}
	return b.String()
}

func TestWordEdits(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{"The expo saw deals exceeding US$500 billion.", "The expo saw deals exceeding 580 billion US dollars.",
			"The expo saw deals[- exceeding US$500 billion-]{+ exceeding 580 billion US dollars+}."},
		{"Trade exceeded the US$1 trillion threshold in 2024.", "Trade exceeding 1 trillion US dollars in 2024.",
			"Trade[~ exceeded the US$1 trillion~> exceeding 1 trillion US dollars~][- threshold-] in 2024."},
		{"It employs 700,000 people.", "It employs 700000 people.", "It employs[~ 700,000~> 700000~] people."},
		{"Growth was 21 percent.", "Growth was 22 percent.", "Growth was[- 21 percent-]{+ 22 percent+}."},
		{"货物贸易总额增长了11倍。", "货物贸易总额增长了12倍。", "货物贸易总额增长了[-11倍-]{+12倍+}。"},
		{"We will open wider.", "We may open wider.", "We[- will-]{+ may+} open wider."},
		{"Opening Up matters.", "opening up matters.", "[~Opening Up~>opening up~] matters."},
	}
	for _, tt := range tests {
		got := render(wordEdits(newScratch(), tt.old, unitsOf(tt.old), tt.new, unitsOf(tt.new)))
		if got != tt.want {
			t.Errorf("wordEdits(%q, %q):\n got %s\nwant %s", tt.old, tt.new, got, tt.want)
		}
	}
}

func TestCompareIdentical(t *testing.T) {
	text := readFixture(t, "qiushi-2025.txt")
	r := Compare(normalize.Parse(text), normalize.Parse(text), Options{})
	if r.Summary.Changes() != 0 || r.Summary.Same == 0 {
		t.Errorf("identical documents: summary %+v, want only same passages", r.Summary)
	}
	checkCoverage(t, normalize.Parse(text), normalize.Parse(text), r, Options{})
}

// The same text with Markdown links left in it, one wrapped across a line
// break, and with another address: no change (issue 17, item 12).
func TestCompareIgnoresLinkSyntax(t *testing.T) {
	old := normalize.Parse("The Committee issued an implementation note today.\n\nVoting was unanimous.\n")
	new := normalize.Parse("The Committee issued an [implementation\nnote](https://x.org/a1.htm) today.\n\nVoting was [unanimous](u).\n")
	r := Compare(old, new, Options{})
	if r.Summary.Changes() != 0 || r.Summary.Same != 2 {
		t.Errorf("Compare of a text and its copy with links: summary %+v, want 2 same passages", r.Summary)
	}
	checkCoverage(t, old, new, r, Options{})
	// A changed word inside a link: one changed passage, whose edits
	// still rebuild both texts, link syntax included.
	changed := normalize.Parse("The Committee issued a [policy\nnote](https://x.org/b2.htm) today.\n\nVoting was [unanimous](u).\n")
	r = Compare(new, changed, Options{})
	if r.Summary.Changed != 1 || r.Summary.Same != 1 {
		t.Errorf("Compare with a changed word in a link: summary %+v, want 1 changed, 1 same", r.Summary)
	}
	checkCoverage(t, new, changed, r, Options{})
}

func TestCompareReworded(t *testing.T) {
	old := normalize.Parse(readFixture(t, "qiushi-2024.txt"))
	new := normalize.Parse(readFixture(t, "qiushi-2025.txt"))
	r := Compare(old, new, Options{})
	checkCoverage(t, old, new, r, Options{})
	found := false
	for _, p := range r.Passages {
		if p.Old != nil && p.New != nil && strings.Contains(p.Old.Text, "supported over 200 million jobs") &&
			strings.Contains(p.New.Text, "supported the employment of over 200 million people") {
			found = true
		}
	}
	if !found {
		t.Error("qiushi-2024 → qiushi-2025: the '200 million jobs' sentences are not paired")
	}
}

// checkCoverage asserts that every compared sentence of each document lies
// in exactly one passage, and that each passage's edits rebuild its old
// and new text exactly (see checkRebuild).
func checkCoverage(t *testing.T, old, new *normalize.Document, r *Result, opts Options) {
	t.Helper()
	for _, d := range []struct {
		name string
		doc  *normalize.Document
		side func(Passage) []*Side
	}{
		{"old", old, func(p Passage) []*Side { return append([]*Side{p.Old}, p.MergedOld...) }},
		{"new", new, func(p Passage) []*Side { return append([]*Side{p.New}, p.MergedNew...) }},
	} {
		seen := make([]int, len(d.doc.Sentences))
		for _, p := range r.Passages {
			for _, s := range d.side(p) {
				if s == nil {
					continue
				}
				for i, se := range d.doc.Sentences {
					if se.Start >= s.Start && se.End <= s.End {
						seen[i]++
					} else if se.Start < s.End && se.End > s.Start {
						t.Fatalf("%s sentence %d [%d,%d) straddles a passage [%d,%d)", d.name, i, se.Start, se.End, s.Start, s.End)
					}
				}
			}
		}
		for i, se := range d.doc.Sentences {
			kind := d.doc.Blocks[se.Block].Kind
			want := 1
			if kind == normalize.Furniture || kind == normalize.Caption && !opts.Captions {
				want = 0
			}
			if seen[i] != want {
				t.Fatalf("%s sentence %d %q is in %d passages, want %d", d.name, i, d.doc.Text[se.Start:se.End], seen[i], want)
			}
		}
	}
	checkRebuild(t, old, new, r)
}

// TestRandomEdits applies random edits to a fixture — word swaps, digit
// changes, deleted, inserted and moved sentences and paragraphs — and
// checks that each falls inside a passage that is not same, and that the
// passages cover both documents exactly.
func TestRandomEdits(t *testing.T) {
	base := normalize.Parse(readFixture(t, "qiushi-2025.txt"))
	var paras []string
	for _, b := range base.Blocks {
		if b.Kind == normalize.Body {
			paras = append(paras, normalize.Tidy(base.Text[b.Start:b.End]))
		}
	}
	for seed := int64(1); seed <= 40; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewSource(seed))
			edited, marks := mutate(r, paras)
			old := normalize.Parse(strings.Join(paras, "\n\n") + "\n")
			new := normalize.Parse(strings.Join(edited, "\n\n") + "\n")
			res := Compare(old, new, Options{})
			checkCoverage(t, old, new, res, Options{})
			for _, m := range marks {
				if !changedAt(res, m) {
					t.Errorf("edit %q is not inside a changed passage", m.what)
				}
			}
		})
	}
}

// mark locates an edit: a substring of the new text that must lie in a
// passage that is not same (or, for a deletion, of the old text).
type mark struct {
	what    string
	inNew   bool
	snippet string
}

func mutate(r *rand.Rand, paras []string) ([]string, []mark) {
	out := append([]string(nil), paras...)
	var marks []mark
	for k := 0; k < 3; k++ {
		i := r.Intn(len(out))
		switch r.Intn(5) {
		case 0: // swap a word for a new one
			words := strings.Fields(out[i])
			w := r.Intn(len(words))
			words[w] = fmt.Sprintf("zorblax%d", k)
			out[i] = strings.Join(words, " ")
			marks = append(marks, mark{"word swap", true, words[w]})
		case 1: // change a digit
			words := strings.Fields(out[i])
			for w, word := range words {
				if strings.ContainsAny(word, "0123456789") {
					words[w] = strings.Map(func(c rune) rune {
						if c >= '0' && c <= '8' {
							return c + 1
						}
						return c
					}, word) + fmt.Sprintf("%d7", k)
					out[i] = strings.Join(words, " ")
					marks = append(marks, mark{"digit change", true, words[w]})
					break
				}
			}
		case 2: // delete a paragraph
			marks = append(marks, mark{"deleted paragraph", false, firstWords(out[i])})
			out = append(out[:i], out[i+1:]...)
		case 3: // insert a paragraph
			p := fmt.Sprintf("Quixotic flamingos number %d in the inserted paragraph %d.", r.Intn(1000), k)
			out = append(out[:i], append([]string{p}, out[i:]...)...)
			marks = append(marks, mark{"inserted paragraph", true, p})
		case 4: // move a paragraph elsewhere
			p := out[i]
			out = append(out[:i], out[i+1:]...)
			j := r.Intn(len(out) + 1)
			if j == i {
				j = (j + len(out)/2) % (len(out) + 1)
			}
			out = append(out[:j], append([]string{p}, out[j:]...)...)
		}
	}
	return out, marks
}

func firstWords(s string) string {
	if len(s) > 40 {
		return s[:40]
	}
	return s
}

func changedAt(res *Result, m mark) bool {
	for _, p := range res.Passages {
		s := p.Old
		if m.inNew {
			s = p.New
		}
		if s != nil && strings.Contains(normalize.Tidy(s.Text), m.snippet) {
			return p.Kind != Same
		}
	}
	// A deleted paragraph that was itself a copy of another can vanish
	// entirely; anything else missing is a failure.
	return false
}

func TestLIS(t *testing.T) {
	got := lis([]int{3, 1, 2, 8, 4, 5})
	want := []bool{false, true, true, false, true, true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lis (-want +got):\n%s", diff)
	}
}

func TestTokenRuneSkipsSurrogates(t *testing.T) {
	for n := 0; n < 0x12000; n++ {
		if r := tokenRune(n); r >= 0xD800 && r <= 0xDFFF {
			t.Fatalf("tokenRune(%d) = %U, a surrogate", n, r)
		}
	}
}

// FuzzDiff checks Compare on arbitrary pairs of texts:
//
//	go test ./diff -run '^$' -fuzz FuzzDiff -fuzztime 1m -fuzzminimizetime 5s
//
// No panic; every compared sentence in exactly one passage; edits rebuild
// both sides.
func FuzzDiff(f *testing.F) {
	f.Add("Trade rose 5%. Mr. Li spoke.\n\nNew para.", "Trade rose 6%. Mr. Li spoke.\n\nNew para here.")
	f.Add("近30%。11倍。", "约30%。12倍。")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return // Decode guarantees valid UTF-8 before Parse
		}
		old, new := normalize.Parse(a), normalize.Parse(b)
		checkCoverage(t, old, new, Compare(old, new, Options{}), Options{})
	})
}

// TestFiguresChangeInPlace: two articles of a law end in the same words
// and trade their fines between editions (the Statistics Law, 2009 →
// 2024). Each article's sentence pairs with its own, changed; an identical
// sentence of the other article is not taken for a move, which would show
// a doubled fine as unchanged.
func TestFiguresChangeInPlace(t *testing.T) {
	edition := func(a, b string) *normalize.Document {
		return normalize.Parse("第四十一条 作为统计调查对象的组织拒绝提供统计资料的，由统计机构责令改正。\n\n" +
			"企业事业单位或者其他组织有前款所列行为之一的，可以并处" + a + "以下的罚款。\n\n" +
			"个体工商户有本条第一款所列行为之一的，给予警告。\n\n" +
			"第四十二条 作为统计调查对象的组织迟报统计资料的，由统计机构责令改正。\n\n" +
			"企业事业单位或者其他组织有前款所列行为之一的，可以并处" + b + "以下的罚款。\n")
	}
	old, new := edition("五万元", "一万元"), edition("十万元", "五万元")
	r := Compare(old, new, Options{})
	checkCoverage(t, old, new, r, Options{})
	for _, p := range r.Passages {
		if p.Old == nil || p.New == nil || !strings.Contains(p.Old.Text, "罚款") {
			continue
		}
		if p.Kind != Changed || p.Old.Line != p.New.Line {
			t.Errorf("passage %s, lines %d → %d: %q → %q; want each fine changed in its own article", p.Kind, p.Old.Line, p.New.Line, p.Old.Text, p.New.Text)
		}
	}
}

// TestMyersOneSentenceGap: a gap of one sentence on each side pairs them
// when their keys are equal, as the rune diff it skips would.
func TestMyersOneSentenceGap(t *testing.T) {
	for _, keys := range [][2]string{{"same sentence", "same sentence"}, {"one sentence", "another sentence"}, {"", ""}} {
		a := side{sents: []sent{{key: keys[0]}}}
		b := side{sents: []sent{{key: keys[1]}}}
		al := &aligner{a: a, b: b, aPair: filled(1, -1), bPair: filled(1, -1)}
		al.myers(span{0, 1}, span{0, 1})
		ids := map[string]rune{}
		sentKey := func(s sent) string { return s.key }
		equal := 0
		for _, d := range diffRunes(encodeKeys(ids, a.sents, sentKey), encodeKeys(ids, b.sents, sentKey)) {
			if d.Type == opEqual {
				equal += len([]rune(d.Text))
			}
		}
		if len(al.pairs) != equal {
			t.Errorf("myers(%q, %q): %d pairs, the rune diff has %d equal", keys[0], keys[1], len(al.pairs), equal)
		}
	}
}
