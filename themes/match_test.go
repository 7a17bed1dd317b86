package themes

import (
	"slices"
	"testing"

	"github.com/docdrift/docdrift/normalize"
)

// TestReaderMatches holds the built-in glossary's matching to what a reader
// would count (issue 18), on sentences from the corpora and fixtures.
func TestReaderMatches(t *testing.T) {
	g, _ := Default()
	m := NewMatcher(g.Concepts)
	tests := []struct {
		name, text string
		concept    string
		want       bool
		reason     string
	}{
		{"comma between", "第六，保证工程的质量问题。", "six-stabilities", false, "china-gwr-zh 1955: 第六，保证 is not 六保"},
		{"六保 itself", "做好“六稳”工作、落实“六保”任务。", "six-stabilities", true, ""},
		{"inside 通货紧缩", "又取得了遏制通货紧缩趋势的初步经验。", "policy-firming", false, "china-gwr-zh 2000: deflation is not policy firming"},
		{"inside 紧缩编制", "根据精简机构、紧缩编制、调整干部的方针，开始整编的工作。", "policy-firming", false, "china-gwr-zh 1955: staff cuts"},
		{"head of a compound", "五是加强农村扶贫开发。", "poverty-alleviation", true, "china-gwr-zh 2003: 扶贫开发 is one dictionary word"},
		{"Chinese slogan", "推进高水平对外开放。", "high-standard-opening-up", true, ""},
		{"Chinese enumeration", "建设市场化、法治化、国际化一流营商环境。", "business-environment", true, "the wording has its own enumeration commas"},
		{"inside a name", "We are not neglecting the safeguards provided by peril points, an escape clause, or the National Security Amendment.", "holistic-national-security", false, "JFK 1962: a law's name"},
		{"lower case", "They threaten our national security.", "holistic-national-security", true, ""},
		{"title-cased heading", "Safeguarding National Security in the New Era", "holistic-national-security", true, "a heading's capitals name nothing"},
		{"name, inflected", "Many multinational companies said, 'Investing in China is not an option, but a necessary choice.'", "invest-in-china", false, "interview-2025: a sentence, not the brand"},
		{"name, translated", `We will continue to polish the golden signboard of "investing in China" and shape new advantages.`, "invest-in-china", true, "interview-2025"},
		{"name", `To build the "Invest in China" brand, we need to ramp up efforts.`, "invest-in-china", true, "qiushi-2024"},
		{"name, plural", "the 14th and 15th Five-Year Plans", "fifteenth-five-year-plan", true, ""},
		{"across a full stop", "We trade freely. Trade liberalization helps.", "free-trade", true, ""},
		{"not across a comma", "Goods are free, trade is open.", "free-trade", false, "the comma ends the clause"},
		{"hyphen kept", "high-standard opening-up", "high-standard-opening-up", true, ""},
		{"win-win, translation", "统筹开放与安全，谋求合作、争取共赢。", "win-win-cooperation", true, "speech-2023.zh: the translation says win-win"},
		{"developed, not developing", "close to the average level of developed countries.", "global-south", false, "interview-2025: the stemmer folds -ed and -ing alike"},
		{"developing", "Nothing we could do to help the developing countries would help them half as much.", "global-south", true, ""},
		{"自贸区 is a free trade area", "紧紧抓住中国－东盟自贸区全面建成的机遇。", "pilot-free-trade-zones", false, "china-gwr-zh 2010: an agreement, not a pilot zone"},
		{"自贸区 as an agreement", "紧紧抓住中国－东盟自贸区全面建成的机遇。", "free-trade-agreements", true, ""},
		{"Taiwan's 命运共同体", "两岸同胞同属中华民族，是血脉相连的命运共同体。", "community-shared-future", false, "cpc-congress-reports-zh 18-2012: not the foreign-policy concept"},
		{"周边命运共同体", "打造周边命运共同体。", "community-shared-future", true, "china-gwr-zh 2015"},
		{"institutional, translation", "We will expand the institutional aspects of openness.", "institutional-opening-up", true, "speech-2023.en renders 制度型开放 so"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, x := range m.Find(normalize.Parse(tt.text)) {
				got = append(got, x.Concept+"="+x.Text)
			}
			found := slices.ContainsFunc(m.Find(normalize.Parse(tt.text)), func(x Match) bool { return x.Concept == tt.concept })
			if found != tt.want {
				t.Errorf("Find(%q): %s found = %v, want %v (%s); matches %v", tt.text, tt.concept, found, tt.want, tt.reason, got)
			}
		})
	}
}

// TestEveryWordingMatchesItself checks that no built-in wording is lost
// to the rules that keep out false positives: each, written alone as a
// sentence, is found as its concept (or as a longer wording's).
func TestEveryWordingMatchesItself(t *testing.T) {
	g, _ := Default()
	m := NewMatcher(g.Concepts)
	for _, c := range g.Concepts {
		for _, w := range c.Wordings() {
			got := m.Find(normalize.Parse(w + "\n"))
			if len(got) == 0 {
				t.Errorf("%s: wording %q alone: no match", c.ID, w)
			}
		}
	}
}

func TestNearVariants(t *testing.T) {
	g, _ := Default()
	m := NewMatcher(g.Concepts)
	tests := []struct {
		concept, text string
		want          int
		reason        string
	}{
		{"inflation-target", "The Committee is strongly committed to returning inflation to its 2 percent objective.", 1, "FOMC 2024-09-18"},
		{"inflation-target", "Inflation rose. The objective is unchanged.", 0, "two sentences"},
		{"inflation-target", "Inflation rose, and the objective is unchanged.", 0, "a clause break between"},
		{"reform-and-opening-up", "Internally, promote reform and development through opening up.", 0, "another concept's wording holds the words"},
		{"high-standard-opening-up", "推进高水平的对外开放。", 1, ""},
		{"inflation-target", "The objective for inflation is 2 percent.", 0, "not in the wording's order"},
		{"holistic-national-security", "We are not neglecting the National Security Amendment.", 0, "the rules of a match hold: a name"},
		{"invest-in-china", "They said, 'Investing in China is not an option.'", 0, "an inflected name"},
		{"global-south", "It is close to the level of developed countries.", 0, "-ed for -ing"},
	}
	for _, tt := range tests {
		if got := len(m.NearVariants(normalize.Parse(tt.text), tt.concept)); got != tt.want {
			t.Errorf("NearVariants(%q, %s) = %d, want %d (%s)", tt.text, tt.concept, got, tt.want, tt.reason)
		}
	}
}

// TestTraditionalFold: traditional characters count with the simplified
// wordings (the 1954 Government Work Report is in traditional script).
func TestTraditionalFold(t *testing.T) {
	tests := []struct {
		text, wording string
		want          int
	}{
		{"發展國民經濟的第一個五年計劃。", "五年计划", 1},
		{"经济發展和社会发展。", "发展", 2},
		{"推動構建人類命運共同體。", "人类命运共同体", 1},
		{"第一个五年计划。", "五年計劃", 1}, // a traditional wording finds simplified text too
	}
	for _, tt := range tests {
		m := NewMatcher([]Concept{{ID: "x", ZH: []string{tt.wording}}})
		if got := len(m.Find(normalize.Parse(tt.text))); got != tt.want {
			t.Errorf("%s in %s: %d matches, want %d", tt.wording, tt.text, got, tt.want)
		}
	}
}

// TestFindCountingIsFindAndWords checks that matching and counting words in
// one pass over the tokens finds what Find and Words find apart, with one
// Folder reused from document to document.
func TestFindCountingIsFindAndWords(t *testing.T) {
	g, _ := Default()
	m := NewMatcher(g.Concepts)
	var fl normalize.Folder
	for i, d := range fixtureCorpus(t, 1) {
		matches, words := m.findCounting(d.Doc, &fl)
		if want := m.Find(d.Doc); !slices.Equal(matches, want) {
			t.Errorf("document %d: findCounting matches %v, want %v", i, matches, want)
		}
		if want := Words(d.Doc); words != want {
			t.Errorf("document %d: findCounting counts %d words, want %d", i, words, want)
		}
		if len(matches) == 0 || words == 0 {
			t.Errorf("document %d: %d matches, %d words: the test needs both", i, len(matches), words)
		}
	}
}
