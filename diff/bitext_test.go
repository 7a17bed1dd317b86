package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
)

func defaultMatcher(t testing.TB) *themes.Matcher {
	t.Helper()
	g, err := themes.Default()
	if err != nil {
		t.Fatal(err)
	}
	return themes.NewMatcher(g.Concepts)
}

// describe renders an alignment as "kind old-lines new-lines" per passage.
func describe(t *Bitext) []string {
	var out []string
	for _, p := range t.Passages {
		lines := func(s *BiSide) string {
			if s == nil {
				return "-"
			}
			return fmt.Sprintf("L%d", s.Line)
		}
		out = append(out, fmt.Sprintf("%s %s %s", p.Kind, lines(p.Old), lines(p.New)))
	}
	return out
}

// TestTranslateSpeech checks the alignment of the 2023 speech with its
// English translation paragraph by paragraph, as read in the two texts:
// the title with the translation's title lines; the translator's
// introduction with nothing; each of the six body paragraphs with its
// translation; each of the five summary bullets, which restate the body,
// with the translation of the body paragraph it restates.
func TestTranslateSpeech(t *testing.T) {
	zh := normalize.Parse(readFixture(t, "speech-2023.zh.txt"))
	en := normalize.Parse(readFixture(t, "speech-2023.en.txt"))
	got := describe(Translate(zh, en, BitextOptions{Concepts: defaultMatcher(t)}))
	want := []string{
		"paired L1 L1",  // title ↔ the Chinese title the translation keeps, and its English title
		"repeat L1 L6",  // the Chinese title, repeated in the translation
		"new-only - L8", // the translator's introduction
		"repeat L4 L16", // bullet: WTO is a pillar of multilateralism ↔ first body paragraph
		"repeat L5 L22", // bullet: joining the WTO a milestone, 11-fold
		"repeat L6 L25", // bullet: dispute settlement, multilateral trading system
		"repeat L7 L28", // bullet: opening up promotes reform, 45th anniversary
		"repeat L8 L31", // bullet: skills for managing opening up
		"paired L10 L16",
		"paired L11 L19", // Gu Xueming's lecture
		"paired L12 L22",
		"paired L13 L25",
		"paired L14 L28",
		"paired L15 L31",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("alignment (-want +got):\n%s", d)
	}
	// And the other way round: the same pairs, sides swapped.
	back := describe(Translate(en, zh, BitextOptions{Concepts: defaultMatcher(t)}))
	for i := range back {
		f := strings.Fields(back[i])
		f[1], f[2] = f[2], f[1]
		f[0] = strings.NewReplacer("new-only", "old-only").Replace(f[0])
		back[i] = strings.Join(f, " ")
	}
	for _, w := range want {
		w = strings.NewReplacer("new-only", "old-only").Replace(w)
		if !contains(back, w) {
			t.Errorf("en→zh alignment lacks %q: %q", w, back)
		}
	}
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// TestTranslateFigures checks that figures written in each language's way
// match, and that a figure the translation changed is flagged on both
// sides.
func TestTranslateFigures(t *testing.T) {
	zh := normalize.Parse("我国货物贸易总额增长了11倍，对全球经济增长的年均贡献率近30%。\n\n服务贸易规模超过1万亿美元。\n")
	en := normalize.Parse("Total trade in goods grew 11-fold, contributing nearly 30 percent to global growth each year.\n\nTrade in services exceeded US$2 trillion.\n")
	bt := Translate(zh, en, BitextOptions{})
	if d := cmp.Diff([]string{"paired L1 L1", "paired L3 L3"}, describe(bt)); d != "" {
		t.Fatalf("alignment (-want +got):\n%s", d)
	}
	marks := func(s *BiSide) string {
		var out []string
		for _, m := range s.Marks {
			out = append(out, fmt.Sprintf("%s:%v", m.Text, m.Matched))
		}
		return strings.Join(out, " ")
	}
	p0, p1 := bt.Passages[0], bt.Passages[1]
	if got := marks(p0.Old) + " | " + marks(p0.New); got != "11倍:true 近30%:true | 11-fold:true nearly 30 percent:true" {
		t.Errorf("first pair marks: %s", got)
	}
	if got := marks(p1.Old) + " | " + marks(p1.New); got != "超过1万亿美元:false | exceeded US$2 trillion:false" {
		t.Errorf("second pair marks: %s", got)
	}
	if s := bt.Summary; s.FiguresMatched != 2 || s.FiguresOneSide != 2 || s.Differences() != 2 {
		t.Errorf("summary %+v", s)
	}
}

// bu makes a unit of the given length with figure anchors of the given
// values.
func bu(length float64, figs ...string) bunit {
	u := bunit{length: length}
	for _, f := range figs {
		u.anchors = append(u.anchors, anchor{kind: AnchorFigure, key: f})
	}
	u.index(testInterner)
	return u
}

// testInterner numbers the figures of the units bu makes.
var testInterner = newInterner()

func TestGaleChurch(t *testing.T) {
	tests := []struct {
		name string
		a, b []bunit
		want string // beads as a-span/b-span
	}{
		{"one to one", []bunit{bu(100), bu(50), bu(200)}, []bunit{bu(400), bu(190), bu(810)},
			"[0,1)/[0,1) [1,2)/[1,2) [2,3)/[2,3)"},
		{"untranslated paragraph", []bunit{bu(100), bu(200)}, []bunit{bu(400), bu(600), bu(800)},
			"[0,1)/[0,1) [1,1)/[1,2) [1,2)/[2,3)"},
		{"split in two", []bunit{bu(100), bu(200), bu(100)}, []bunit{bu(400), bu(400), bu(400), bu(400)},
			"[0,1)/[0,1) [1,2)/[1,3) [2,3)/[3,4)"},
		{"figures decide what lengths cannot", []bunit{bu(100, "7"), bu(100, "9")}, []bunit{bu(400, "9")},
			"[0,1)/[0,0) [1,2)/[0,1)"},
		{"empty side", []bunit{bu(100)}, nil, "[0,1)/[0,0)"},
		{"split in four", []bunit{bu(100), bu(400), bu(100)}, []bunit{bu(400), bu(400), bu(400), bu(400), bu(400), bu(400)},
			"[0,1)/[0,1) [1,2)/[1,5) [2,3)/[5,6)"},
		{"two into two", []bunit{bu(100), bu(150), bu(50), bu(100)}, []bunit{bu(400), bu(300), bu(500), bu(400)},
			"[0,1)/[0,1) [1,3)/[1,3) [3,4)/[3,4)"},
		{"figures on one side do not undo a pair", []bunit{bu(100, "1", "2", "3", "4", "5")}, []bunit{bu(400, "6", "7", "8", "9", "10")},
			"[0,1)/[0,1)"},
		{"a paragraph's short addition is left unpaired", []bunit{bu(100)}, []bunit{bu(400), bu(150)},
			"[0,1)/[0,1) [1,1)/[1,2)"},
	}
	for _, tt := range tests {
		var got []string
		for _, bd := range galeChurch(tt.a, tt.b, model{ratio: 4}) {
			got = append(got, fmt.Sprintf("[%d,%d)/[%d,%d)", bd.a.lo, bd.a.hi, bd.b.lo, bd.b.hi))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, g, tt.want)
		}
	}
}

// TestGaleChurchSentences: units that are sentences have their own
// priors: a short sentence more is a split, where a short paragraph more
// is one left untranslated (TestGaleChurch).
func TestGaleChurchSentences(t *testing.T) {
	a, b := []bunit{bu(100)}, []bunit{bu(400), bu(150)}
	beads := galeChurch(a, b, model{ratio: 4, sentences: true})
	if len(beads) != 1 || beads[0].b != (span{0, 2}) {
		t.Errorf("galeChurch(sentences 100 / 400, 150): got %v, want one 1:2 bead", beads)
	}
}

func TestRepeats(t *testing.T) {
	body := "世界贸易组织是多边主义的重要支柱，是全球经济治理的重要舞台。对世界贸易组织进行必要改革是普遍共识、大势所趋。"
	tests := []struct {
		name  string
		paras []string
		want  []int
	}{
		{"summary restating the body", []string{"■ " + strings.TrimSuffix(body, "。"), "新华社北京电 中共中央总书记在主持学习时强调，" + body, "另一段完全不同的文字，讲的是别的事情和别的道理。"}, []int{1, -1, -1}},
		{"a copy repeats the first", []string{"The same paragraph twice over, word for word as it was.", "Something else.", "The same paragraph twice over, word for word as it was."}, []int{-1, -1, 0}},
		{"short lines are no repeats", []string{"Thank you.", "Thank you."}, []int{-1, -1}},
		{"sharing a theme is not repeating", []string{"Trade in goods grew by a third over the decade, said the ministry.", "Trade in services grew by half over the decade, the ministry said on Monday."}, []int{-1, -1}},
	}
	for _, tt := range tests {
		text := strings.Join(tt.paras, "\n\n")
		var us []bunit
		at := 0
		for _, p := range tt.paras {
			us = append(us, bunit{start: at, end: at + len(p)})
			at += len(p) + 2
		}
		if d := cmp.Diff(tt.want, repeats(text, us)); d != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, d)
		}
	}
}

// TestTranslateCoverage checks on every pair of fixtures in different
// languages, and on a document against itself translated nowhere, that each
// compared paragraph lands in exactly one passage that is not a repeat,
// and that every piece of text shown is the original at its offsets.
func TestTranslateCoverage(t *testing.T) {
	docs := map[string]*normalize.Document{}
	for _, name := range []string{"speech-2023.zh.txt", "speech-2023.en.txt", "qiushi-2025.txt"} {
		docs[name] = normalize.Parse(readFixture(t, name))
	}
	pairs := [][2]string{{"speech-2023.zh.txt", "speech-2023.en.txt"}, {"speech-2023.zh.txt", "qiushi-2025.txt"}, {"qiushi-2025.txt", "speech-2023.zh.txt"}}
	for _, pr := range pairs {
		a, b := docs[pr[0]], docs[pr[1]]
		bt := Translate(a, b, BitextOptions{Concepts: defaultMatcher(t)})
		for side, doc := range map[string]*normalize.Document{"old": a, "new": b} {
			seen := map[int]int{}
			for _, p := range bt.Passages {
				s := p.Old
				if side == "new" {
					s = p.New
				}
				if s == nil || p.Kind == Repeat && p.RepeatSide != side {
					continue
				}
				for k := s.Paragraph; k <= s.EndParagraph; k++ {
					seen[k]++
				}
				for _, sp := range p.Sentences {
					pieces := sp.Old
					if side == "new" {
						pieces = sp.New
					}
					for _, pc := range pieces {
						if doc.Text[pc.Start:pc.End] != pc.Text {
							t.Errorf("%v %s: piece text is not the original at %d:%d", pr, side, pc.Start, pc.End)
						}
					}
				}
			}
			n := 0
			for _, b := range doc.Blocks {
				if b.Kind != normalize.Furniture && b.Kind != normalize.Caption && b.First < b.Last {
					n++
				}
			}
			for k := 1; k <= n; k++ {
				if seen[k] != 1 {
					t.Errorf("%v %s: paragraph %d in %d passages", pr, side, k, seen[k])
				}
			}
		}
	}
}

func FuzzTranslate(f *testing.F) {
	f.Add("我国货物贸易总额增长了11倍。\n\n■ 增长了11倍\n", "Trade grew 11-fold.\n\nIt grew.\n")
	f.Add("", "x")
	f.Add("WTO 改革\n\n\n世界", "世界 WTO reform 2023")
	f.Fuzz(func(t *testing.T, a, b string) {
		da, db := normalize.Parse(a), normalize.Parse(b)
		bt := Translate(da, db, BitextOptions{})
		for _, p := range bt.Passages {
			for _, sp := range p.Sentences {
				for _, pc := range sp.Old {
					if da.Text[pc.Start:pc.End] != pc.Text {
						t.Fatalf("old piece %d:%d is not the original", pc.Start, pc.End)
					}
				}
				for _, pc := range sp.New {
					if db.Text[pc.Start:pc.End] != pc.Text {
						t.Fatalf("new piece %d:%d is not the original", pc.Start, pc.End)
					}
				}
			}
		}
	})
}

// TestTranslateLexicon: the dictionary tells which Chinese sentences an
// English one translates when lengths alone would pair them otherwise,
// and a name meets its pinyin spelling.
func TestTranslateLexicon(t *testing.T) {
	tests := []struct {
		name, zh, en string
		want         []string // sentence pairs, "zh | en"
	}{
		{"one sentence in three and four",
			"有晚上，有早晨，是第五日。神说，地要生出活物来，各从其类。牲畜，昆虫，野兽，各从其类。事就这样成了。于是神造出野兽，各从其类。牲畜，各从其类。地上一切昆虫，各从其类。神看着是好的。",
			"And the evening and the morning were the fifth day. And God said, Let the earth bring forth the living creature after his kind, cattle, and creeping thing, and beast of the earth after his kind: and it was so. And God made the beast of the earth after his kind, and cattle after their kind, and every thing that creepeth upon the earth after his kind: and God saw that it was good.",
			[]string{"有晚上，有早晨，是第五日。 | And the evening and the morning were the fifth day.",
				"神说，地要生出活物来，各从其类。牲畜，昆虫，野兽，各从其类。事就这样成了。 | And God said, Let the earth bring forth the living creature after his kind, cattle, and creeping thing, and beast of the earth after his kind: and it was so.",
				"于是神造出野兽，各从其类。牲畜，各从其类。地上一切昆虫，各从其类。神看着是好的。 | And God made the beast of the earth after his kind, and cattle after their kind, and every thing that creepeth upon the earth after his kind: and God saw that it was good."}},
		{"a sentence a paragraph: split more often than left out",
			"所以这井名叫庇耳拉海莱。\n\n这井正在加低斯和巴列中间。\n\n后来夏甲给亚伯兰生了一个儿子。\n\n亚伯兰给他起名叫以实玛利。\n\n夏甲给亚伯兰生以实玛利的时候，亚伯兰年八十六岁。",
			"Wherefore the well was called Beerlahairoi; behold, it is between Kadesh and Bered.\n\nAnd Hagar bare Abram a son: and Abram called his son's name, which Hagar bare, Ishmael.\n\nAnd Abram was fourscore and six years old, when Hagar bare Ishmael to Abram.",
			[]string{"所以这井名叫庇耳拉海莱。 这井正在加低斯和巴列中间。 | Wherefore the well was called Beerlahairoi; behold, it is between Kadesh and Bered.",
				"后来夏甲给亚伯兰生了一个儿子。 亚伯兰给他起名叫以实玛利。 | And Hagar bare Abram a son: and Abram called his son's name, which Hagar bare, Ishmael.",
				"夏甲给亚伯兰生以实玛利的时候，亚伯兰年八十六岁。 | And Abram was fourscore and six years old, when Hagar bare Ishmael to Abram."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := Translate(normalize.Parse(tt.zh), normalize.Parse(tt.en), BitextOptions{})
			var got []string
			for _, p := range tr.Passages {
				for _, sp := range p.Sentences {
					got = append(got, joinSides(sp.Old)+" | "+joinSides(sp.New))
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Translate(%s): sentence pairs (-want +got):\n%s", tt.name, d)
			}
		})
	}
}

func joinSides(ss []Side) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Text)
	}
	return strings.Join(out, " ")
}

func TestNames(t *testing.T) {
	lx := newLexical("Wang Qiyao met Xi Jinping in Shanghai.")
	if lx == nil {
		t.Fatal("newLexical: no dictionary")
	}
	for _, tt := range []struct{ zh, en string }{{"王琦瑶", "Wang Qiyao"}, {"习近平主席", "President Xi Jinping"}} {
		e, z := lx.english(tt.en), lx.chinese(tt.zh)
		if inE, inZ := hits(&e, &z); inE < 2 || inZ < 1 {
			t.Errorf("hits(%s, %s): got %d English and %d Chinese words matched, want both names", tt.en, tt.zh, inE, inZ)
		}
	}
}

// TestWeakFigures: a one or a two written as a word (一声, 两个人) is
// a figure a translator may leave out; it is no one-sided figure, while a
// figure in digits still is.
func TestWeakFigures(t *testing.T) {
	tests := []struct {
		zh, en  string
		oneSide int
	}{
		{"他叫了一声，两个人都来了。", "He cried out, and they came.", 0},
		{"他们走了2天。", "They walked for days.", 1},
	}
	for _, tt := range tests {
		bt := Translate(normalize.Parse(tt.zh), normalize.Parse(tt.en), BitextOptions{})
		if got := bt.Summary.FiguresOneSide; got != tt.oneSide {
			t.Errorf("Translate(%s): got %d figures on one side, want %d", tt.zh, got, tt.oneSide)
		}
	}
}

// TestTranslateSentenceParagraphs: documents written a sentence a
// paragraph are aligned as sentences once; a paragraph that the sentence
// splitter cuts in two (at its question marks) stays whole in its pair,
// rather than being aligned again inside with a null bead.
func TestTranslateSentenceParagraphs(t *testing.T) {
	zh := "亚伯也将他羊群中头生的和羊的脂油献上。\n\n耶和华看中了亚伯和他的供物，\n\n只是看不中该隐和他的供物。\n\n该隐就大大地发怒，变了脸色。\n\n耶和华对该隐说，你为什么发怒呢？\n\n你为什么变了脸色呢？"
	en := "And Abel, he also brought of the firstlings of his flock and of the fat thereof.\n\nAnd the LORD had respect unto Abel and to his offering:\n\nBut unto Cain and to his offering he had not respect.\n\nAnd Cain was very wroth, and his countenance fell.\n\nAnd the LORD said unto Cain, Why art thou wroth? and why is thy countenance fallen?"
	want := "耶和华对该隐说，你为什么发怒呢？ 你为什么变了脸色呢？ | And the LORD said unto Cain, Why art thou wroth? and why is thy countenance fallen?"
	tr := Translate(normalize.Parse(zh), normalize.Parse(en), BitextOptions{})
	var got []string
	for _, p := range tr.Passages {
		for _, sp := range p.Sentences {
			got = append(got, joinSides(sp.Old)+" | "+joinSides(sp.New))
		}
	}
	if !slices.Contains(got, want) {
		t.Errorf("Translate: sentence pairs %q lack %q", got, want)
	}
}
