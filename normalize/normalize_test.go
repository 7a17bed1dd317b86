package normalize

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// blockSummary is a block as "kind:text" with white space tidied.
func blockSummary(doc *Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		out = append(out, b.Kind.String()+":"+Tidy(doc.Text[b.Start:b.End]))
	}
	return out
}

func TestBlocks(t *testing.T) {
	wrapped := "The Committee decided today to keep the target range for the federal\n" +
		"funds rate at 5-1/4 to 5-1/2 percent. Recent indicators suggest that\n" +
		"economic activity has been expanding at a solid pace.\n" +
		"\n" +
		"Inflation has eased over the past year but remains elevated. In\n" +
		"support of its goals, the Committee decided to maintain the target\n" +
		"range and will continue to assess additional information.\n" +
		"Job gains have moderated since early last year but remain strong.\n"
	tests := []struct {
		name, text string
		want       []string
		reason     string
	}{
		{
			name: "blank lines separate paragraphs",
			text: "First paragraph here.\n\nSecond one.\n",
			want: []string{"body:First paragraph here.", "body:Second one."},
		},
		{
			name: "one paragraph per line",
			text: "Opening up is a defining feature. It matters.\nA second paragraph follows here.\nAnd a third.\n",
			want: []string{"body:Opening up is a defining feature. It matters.", "body:A second paragraph follows here.", "body:And a third."},
		},
		{
			name: "hard-wrapped lines are joined",
			text: wrapped,
			want: []string{
				"body:The Committee decided today to keep the target range for the federal funds rate at 5-1/4 to 5-1/2 percent. Recent indicators suggest that economic activity has been expanding at a solid pace.",
				"body:Inflation has eased over the past year but remains elevated. In support of its goals, the Committee decided to maintain the target range and will continue to assess additional information. Job gains have moderated since early last year but remain strong.",
			},
			reason: "the last line of a wrapped paragraph is short, so the next line starts a paragraph only after a short line",
		},
		{
			name: "Chinese lines broken around links are rejoined",
			text: "通过了我们国家的根本法——\n中華人民共和國憲法\n，接着讨论了其他问题。\n",
			want: []string{"body:通过了我们国家的根本法——中華人民共和國憲法，接着讨论了其他问题。"},
		},
		{
			name: "a sentence broken across lines is rejoined",
			text: "We will build a community with a shared\nfuture for mankind.\nThe next paragraph.\n",
			want: []string{"body:We will build a community with a shared future for mankind.", "body:The next paragraph."},
		},
		{
			name: "CRLF and lone CR are line ends",
			text: "Line one is a sentence.\r\n\r\nLine two is another.\rLine three.\r",
			want: []string{"body:Line one is a sentence.", "body:Line two is another.", "body:Line three."},
		},
		{
			name: "bullets are list items",
			text: "　　■ 世界贸易组织是多边主义的重要支柱。\n　　■ 加入世界贸易组织是里程碑。\n- an English item, with words.\n",
			want: []string{"list:■ 世界贸易组织是多边主义的重要支柱。", "list:■ 加入世界贸易组织是里程碑。", "list:- an English item, with words."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := blockSummary(Parse(tt.text))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) blocks (-want +got):\n%s%s", tt.text, diff, tt.reason)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // kind of each block, in order
	}{
		{"share row", "A body sentence that is long enough.\n\nFacebookTwitterLinkedInEmailPrintCopy Link\n", []string{"body", "furniture"}},
		{"share words with spaces", "Share this article\n\nBody text goes here, in full.\n", []string{"furniture", "body"}},
		{"navigation link", "Return to the Library\n\nBack to top\n", []string{"furniture", "furniture"}},
		{"image file name and its caption", "Body text here.\n\nphoto_0001_副本.jpg\n\nVisitors explore the pavilion.\n", []string{"body", "furniture", "caption"}},
		{"markdown image and its caption", "Body text here.\n\n![Expo hall](img/expo_01.png \"The hall\")\n\nVisitors explore the pavilion.\n", []string{"body", "furniture", "caption"}},
		{"credit in capitals makes a caption", "A train departs from the port. The corridor opened in June. PEOPLE'S DAILY / PHOTO BY HU XIAOFEI\n", []string{"caption"}},
		{"byline", "By Wang Wentao Source: Qiushi Journal Updated: 2024-11-12\n\nText of the article.\n", []string{"furniture", "body"}},
		{"source note", "Text of the article.\n\n(Originally appeared in Qiushi Journal, No. 16, 2024)\n", []string{"body", "furniture"}},
		{"citation box", "Text.\n\nCite This Page\n\nAuthor. \"Title\". Publisher, 2023\n", []string{"body", "furniture", "furniture"}},
		{"cluster of controls", "Text of the article, in full.\n\nFacebookTwitter\nOriginal text\nEnglish text\n", []string{"body", "furniture", "furniture", "furniture"}},
		{"headings", "I. Why should we continue to open up?\nA powerful driver of reform\nBody sentence one. Body sentence two.\n", []string{"heading", "heading", "body"}},
		{"Chinese page controls", "正文内容在这里。\n\n【字体：大 中 小】\n\n打印本页\n", []string{"body", "furniture", "furniture"}},
		{"Chinese share buttons", "转播到腾讯微博\n\n正文内容在这里。\n\n分享到微信\n\n转发到朋友圈，请注明出处。\n", []string{"furniture", "body", "furniture", "body"}},
		{"a lone common word is not a toolbar", "Body text, long enough to be body.\n\nHome\n", []string{"body", "heading"}},
		{"Markdown heading and comment", "# 中华人民共和国监察法\n\n<!-- INFO END -->\n\n第一条 为了深化国家监察体制改革，制定本法。\n", []string{"heading", "furniture", "body"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Parse(tt.text)
			var got []string
			for _, b := range doc.Blocks {
				got = append(got, b.Kind.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) kinds (-want +got):\n%s\nblocks: %q", tt.text, diff, blockSummary(doc))
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"abbreviations do not end sentences", "Mr. Smith met Dr. Lee in the U.S. Congress. See No. 14 of the list. It ended.",
			[]string{"Mr. Smith met Dr. Lee in the U.S. Congress.", "See No. 14 of the list.", "It ended."}},
		{"initials", "John F. Kennedy spoke. Then he left.", []string{"John F. Kennedy spoke.", "Then he left."}},
		{"section numbers", "I. Why open up? Because it pays.", []string{"I. Why open up?", "Because it pays."}},
		{"Chinese stops", "我们要坚持。他指出！是吗？好。", []string{"我们要坚持。", "他指出！", "是吗？", "好。"}},
		{"Chinese semicolon", "扩大开放；深化改革。", []string{"扩大开放；", "深化改革。"}},
		{"quote closes after the stop", "他说：“我们要坚持。”然后离开了。", []string{"他说：“我们要坚持。”", "然后离开了。"}},
		{"English quote after the stop", `He said, "Opening up is vital." Then he left.`, []string{`He said, "Opening up is vital."`, "Then he left."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Parse(tt.text)
			var got []string
			for _, s := range doc.Sentences {
				got = append(got, doc.Text[s.Start:s.End])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("sentences of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Opening-Up", "opening-up"},
		{"“Small yet effective”", `"small yet effective"`},
		{"it’s", "it's"},
		{"ＡＢＣ　１２３％", "abc 123%"},
		{"a\u00a0\t\n b", "a b"},
		{"zero\u200bwidth", "zerowidth"},
		{"高水平\n对外开放", "高水平对外开放"},
		{"US$ 500 — 580", "us$ 500 - 580"},
		{"Straße", "strasse"},
		{"  leading and trailing  ", "leading and trailing"},
		{"①", "1"},
		{"see [the note](https://x.org/20160127a1.htm).", "see the note."},
		{"[Implementation Note issued January 27,\n2016](https://x.org/a1.htm)", "implementation note issued january 27, 2016"},
		{"國務院[公報](http://x.cn/a)全文", "國務院公報全文"},
	}
	var folder Folder // reused from one case to the next
	for _, tt := range tests {
		c := Fold(tt.in, 0)
		if c.Key != tt.want {
			t.Errorf("Fold(%q).Key = %q, want %q", tt.in, c.Key, tt.want)
		}
		if r := folder.Fold(tt.in, 0); r.Key != c.Key || !slices.Equal(r.Starts, c.Starts) || !slices.Equal(r.Ends, c.Ends) {
			t.Errorf("Folder.Fold(%q) = %+v, Fold gives %+v", tt.in, r, c)
		}
		if len(c.Starts) != len(c.Key) || len(c.Ends) != len(c.Key) {
			t.Errorf("Fold(%q): %d starts and %d ends for %d key bytes", tt.in, len(c.Starts), len(c.Ends), len(c.Key))
		}
		if again := Fold(c.Key, 0).Key; again != c.Key {
			t.Errorf("Fold is not idempotent on %q: %q then %q", tt.in, c.Key, again)
		}
	}
}

// TestSplitLinesBothWays checks that the line-feed path of splitLines
// (splitLF) cuts random text into the lines the general path finds in
// the same text with CRLF line ends.
func TestSplitLinesBothWays(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "word", " ", "\n", "\n\n", "é", "\u200b", "\t", "中"}
	for range 2000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		lf := b.String()
		crlf := strings.ReplaceAll(lf, "\n", "\r\n")
		got, want := splitLF(lf), splitLines(crlf)
		if len(got) != len(want) {
			t.Fatalf("%q: %d lines, %q with CRLF: %d", lf, len(got), crlf, len(want))
		}
		for i := range got {
			if a, b := lf[got[i].lo:got[i].hi], crlf[want[i].lo:want[i].hi]; a != b {
				t.Fatalf("%q line %d: %q, with CRLF %q", lf, i, a, b)
			}
		}
	}
}

func TestTokensPointAtTheOriginal(t *testing.T) {
	text := "Trade rose to ＵＳ$580 billion，增长11倍 in 2024."
	toks := Tokens(text[6:], 6)
	var got []string
	for _, tok := range toks {
		got = append(got, tok.Key+"="+text[tok.Start:tok.End])
	}
	want := []string{"rose=rose", "to=to", "us=ＵＳ", "$=$", "580=580", "billion=billion", ",=，", "增=增", "长=长", "11=11", "倍=倍", "in=in", "2024=2024", ".=."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Tokens: key=original (-want +got):\n%s", diff)
	}
	if toks[4].Kind != Number || toks[7].Kind != Han || toks[0].Kind != Word || toks[6].Kind != Punct {
		t.Errorf("Tokens: wrong kinds: %+v", toks)
	}
}

func TestLineAt(t *testing.T) {
	doc := Parse("one\r\ntwo\n\nfour")
	for off, want := range map[int]int{0: 1, 4: 1, 5: 2, 9: 3, 10: 4, 13: 4} {
		if got := doc.LineAt(off); got != want {
			t.Errorf("LineAt(%d) = %d, want %d", off, got, want)
		}
	}
	if got := strings.Count(Parse("a\r\nb\r\n").Clean(), "\r"); got != 0 {
		t.Errorf("Clean of CRLF text keeps %d carriage returns", got)
	}
}

func TestTidy(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"plain words":        "plain words",
		" lead":              "lead",
		"trail ":             "trail",
		"two  spaces":        "two spaces",
		"tab\there":          "tab here",
		"line\nbreak":        "line break",
		"高水平\n对外开放":          "高水平对外开放",
		"中国 WTO":             "中国 WTO",
		"nbsp\u00a0here":     "nbsp here",
		"ideographic\u3000x": "ideographic x",
		"ünïcödé stays":      "ünïcödé stays",
	} {
		if got := Tidy(in); got != want {
			t.Errorf("Tidy(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStem(t *testing.T) {
	for _, group := range [][]string{
		{"invest", "invests", "investing", "invested"},
		{"service", "services"},
		{"economy", "economies"},
		{"party", "party's"},
	} {
		for _, w := range group[1:] {
			if Stem(w) != Stem(group[0]) {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q: want equal", w, Stem(w), group[0], Stem(group[0]))
			}
		}
	}
	for _, w := range []string{"us", "bus", "class", "中国", "2024"} {
		if Stem(w) == "" {
			t.Errorf("Stem(%q) is empty", w)
		}
	}
	if Stem("status") != "status" || Stem("class") != "class" {
		t.Errorf("Stem keeps 'status' and 'class': got %q, %q", Stem("status"), Stem("class"))
	}
}
