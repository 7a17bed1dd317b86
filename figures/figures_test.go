package figures

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docdrift/docdrift/normalize"
	"github.com/google/go-cmp/cmp"
)

func describe(f Figure) string {
	s := fmt.Sprintf("%s=%g %s %s", f.Text, f.Value, f.Unit, f.Qualifier)
	if f.High != nil {
		s += fmt.Sprintf(" high=%g", *f.High)
	}
	if f.From != nil {
		s += fmt.Sprintf(" from=%g", *f.From)
	}
	return s
}

func TestExtract(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"the cumulative intended transaction value exceeding US$500 billion over its seven editions.",
			[]string{"exceeding US$500 billion=5e+11 USD over", "seven editions=7 editions exact"}},
		{"has exceeded 580 billion US dollars", []string{"exceeded 580 billion US dollars=5.8e+11 USD over"}},
		{"In 2024, trade in services exceeded the US$1 trillion threshold",
			[]string{"2024=2024 date exact", "exceeded the US$1 trillion=1e+12 USD over"}},
		{"China ranked 11th in the Global Innovation Index 2024", []string{"11th=11 rank exact", "2024=2024 date exact"}},
		{"from 93 items to just 29", []string{"from 93 items to just 29=29 items exact from=93"}},
		{"from 9.7% in 2012 to 10.5% in 2024", []string{"from 9.7% in 2012 to 10.5%=10.5 percent exact from=9.7", "2024=2024 date exact"}},
		{"an increase of 6 percentage points", []string{"6 percentage points=6 percentage-point exact"}},
		{"4-1/2 to 4-3/4 percent", []string{"4-1/2 to 4-3/4 percent=4.5 percent exact high=4.75"}},
		{"nearly 30% of global growth", []string{"nearly 30%=30 percent nearly"}},
		{"around 30% of global growth and over 30 African countries",
			[]string{"around 30%=30 percent about", "over 30 African countries=30 african countries over"}},
		{"an 11-fold increase", []string{"11-fold=11 times exact"}},
		{"22 pilot free trade zones (FTZs)", []string{"22 pilot free trade zones=22 pilot free trade zones exact"}},
		{"for four straight years", []string{"four straight years=4 year exact"}},
		{"since 2013, 700,000 companies", []string{"2013=2013 date exact", "700,000 companies=700000 companies exact"}},
		{"on June 18, 2025.", []string{"18=18 date exact", "2025=2025 date exact"}},
		{"短短20余年间，我国货物贸易总额增长了11倍", []string{"20余年=20 year over", "11倍=11 times exact"}},
		{"In the short span of 20-plus years", []string{"20-plus years=20 year over"}},
		{"a 100 plus page report", []string{"100 plus page report=100 page report over"}},
		{"成为140多个国家和地区的主要贸易伙伴，贡献率近30%。", []string{"140多个国家=140 国家 over", "近30%=30 percent nearly"}},
		{"今年是改革开放45周年", []string{"45周年=45 anniversary exact"}},
		{"2.7万亿元", []string{"2.7万亿元=2.7e+12 CNY exact"}},
		{"一百四十和两千", []string{"一百四十=140  exact", "两千=2000  exact"}},
		{"增长3个百分点", []string{"3个百分点=3 percentage-point exact"}},
		{"城镇新增就业1200万人以上，增长5%左右", []string{"1200万人以上=1.2e+07 人 over", "5%左右=5 percent about"}},
		{"一是坚持统一", nil},
		{"published four times per year", []string{"four times per year=4 times a year exact"}},
		{"an 11 times increase", []string{"11 times=11 times exact"}},
		{"2023年9月27日", []string{"2023年=2023 date exact", "9月=9 date exact", "27日=27 date exact"}},
		// Shares: fractions alone and ratios.
		{"two-thirds of members", []string{"two-thirds=0.666666666667 share exact"}},
		{"nearly one third of the total", []string{"nearly one third=0.333333333333 share nearly"}},
		{"One in five Americans", []string{"One in five=0.2 share exact"}},
		{"3 out of 4 people agree", []string{"3 out of 4=0.75 share exact"}},
		{"more than half of exports", []string{"more than half=0.5 share over"}},
		{"three twenty-firsts", []string{"three twenty-firsts=0.142857142857 share exact"}},
		{"one hundred and thirty fifths", []string{"one hundred and thirty fifths=26  exact"}},
		// Not shares: "over" and "in" before a period of time, a year.
		{"It rose by one over three years.", []string{"one=1  exact", "over three years=3 year over"}},
		{"won 5 in 10 years", []string{"5=5  exact", "10 years=10 year exact"}},
		{"up 3 in 2024", []string{"3=3  exact", "2024=2024 date exact"}},
		// Ranks in words.
		{"Service trade ranks second globally", []string{"second=2 rank exact"}},
		{"the world’s second-largest services trader", []string{"second=2 rank exact"}},
		{"for the first time", nil},
		{"the one hundred thirty-fifth anniversary", []string{"one hundred thirty-fifth=135 rank exact"}},
		{"位居世界第二", []string{"第二=2 rank exact"}},
		// Reporting periods and years that open a sentence.
		{"In the first three quarters of 2025", []string{"three quarters=3 period exact", "2025=2025 date exact"}},
		{"over the past five years", []string{"five years=5 period exact"}},
		{"2025 marks the 80th anniversary", []string{"2025=2025 date exact", "80th=80 rank exact"}},
		// Digit grouping, scales and web addresses.
		{"a population of 1 414 021 100.", []string{"1 414 021 100=1.4140211e+09  exact"}},
		{"scores of 90 100 1200", []string{"90=90  exact", "100=100  exact", "1200=1200  exact"}},
		{"a loan of 12,34,567 rupees", []string{"12,34,567 rupees=1.234567e+06 INR exact"}},
		{"It raised $10m.", []string{"$10m=1e+07 USD exact"}},
		{"three lakh crore", []string{"three lakh crore=3e+12  exact"}},
		{"30 MUSD were lost in the 20 most expensive", []string{"30 MUSD=3e+07 USD exact", "20=20  exact"}},
		{"see https://example.com/?q=30%25 now", nil},
		{"rmb 10 usd 20", []string{"rmb 10=10 CNY exact", "usd 20=20 USD exact"}},
		// Numbers inside names and compound adjectives are no figures.
		{"During the 14th Five Year Plan period", []string{"14th=14 rank exact"}},
		{"the 14th Five-Year Plan", []string{"14th=14 rank exact"}},
		{"two-way investment", nil},
		{"high-speed rail, 5G, smartphones", nil},
		{"the G20 and the A320", nil},
		// A change in one phrase, a step then a level: never a range.
		{"the number rose from 10 to 23 this year", []string{"from 10 to 23=23  exact from=10"}},
		{"lower the target range by 1/2 percentage point to 4-3/4 to 5 percent",
			[]string{"1/2 percentage point=0.5 percentage-point exact", "4-3/4 to 5 percent=4.75 percent exact high=5"}},
		{"raise the rate by 25 basis points to 5 percent", []string{"25 basis points=25 basis-point exact", "5 percent=5 percent exact"}},
		// A year written digit by digit in Chinese is a date.
		{"一九七八年十二月", []string{"一九七八年=1978 date exact", "十二月=12 date exact"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range Extract(tt.text, 0) {
			got = append(got, describe(f))
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Extract(%q):\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestExtractOffsets(t *testing.T) {
	text := "Intro. Exports rose ２．４％ to ＵＳ$５ billion."
	for _, f := range Extract(text[7:], 7) {
		if text[f.Start:f.End] != f.Text {
			t.Errorf("figure %q: span [%d,%d) holds %q", f.Text, f.Start, f.End, text[f.Start:f.End])
		}
	}
}

// TestExtractorReuse checks that one Extractor used for text after text
// finds what Extract finds in each, the results compared after all are
// extracted so that one sharing the Extractor's memory would show.
func TestExtractorReuse(t *testing.T) {
	texts := []string{"Exports rose 2.4% to US$5 billion in 2024, over 140 countries.", "近30%", "",
		"从93项减至29项，增长了11倍", "no figure here at all", "more than 80 million rural migrant workers"}
	var ex Extractor
	got := make([][]Figure, len(texts))
	for i, text := range texts {
		got[i] = ex.ExtractFolded(normalize.Fold(text, 0), text, 0)
	}
	for i, text := range texts {
		if diff := cmp.Diff(Extract(text, 0), got[i], cmp.AllowUnexported(Figure{})); diff != "" {
			t.Errorf("a reused Extractor on %q (-Extract +reused):\n%s", text, diff)
		}
	}
}

// TestMayBeginNumberAdmitsEveryNumber checks the cheap test Extract
// skips tokens by: wherever number reads a number, on word sequences
// drawn from the number vocabulary and a few ordinary words, the test
// admits its first token.
func TestMayBeginNumberAdmitsEveryNumber(t *testing.T) {
	vocab := []string{"a", "an", "the", "of", "and", "dozen", "half", "quarter", "third", "thirds", "hundred",
		"thousand", "million", "one", "two", "twenty", "twenty-first", "fifths", "first", "second", "trade", "zero", "12", "3.5"}
	rng := rand.New(rand.NewSource(1))
	checked := 0
	for range 20000 {
		words := make([]string, 1+rng.Intn(6))
		for i := range words {
			words[i] = vocab[rng.Intn(len(vocab))]
		}
		toks := scan(nil, strings.Join(words, " "))
		for i := range toks {
			if _, n, _ := number(toks, i); n > 0 {
				checked++
				if !mayBeginNumber(toks, i) {
					t.Fatalf("number reads %d tokens at %q of %q, but mayBeginNumber says no", n, toks[i].s, strings.Join(words, " "))
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d numbers read: the test checks too little", checked)
	}
}

// FuzzExtract checks that Extract never panics and that every figure's
// span holds its text:
//
//	go test ./figures -run '^$' -fuzz FuzzExtract -fuzztime 1m -fuzzminimizetime 5s
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"over US$500 billion", "近30%", "从93项减至29项", "4-1/2 to 4-3/4 percent", "三分之一", "1.1^23", "百分之五", "from 1 to"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // Decode guarantees valid UTF-8
		}
		for _, fig := range Extract(text, 0) {
			if fig.Start < 0 || fig.End > len(text) || fig.Start >= fig.End || text[fig.Start:fig.End] != fig.Text {
				t.Fatalf("figure %+v does not point into %q", fig, text)
			}
		}
	})
}

func TestTracks(t *testing.T) {
	docs := []Document{
		{ID: "a", Doc: normalize.Parse("In 2024, trade in services exceeded US$1 trillion. There are 22 pilot free trade zones. The expo drew deals of over US$500 billion.")},
		{ID: "b", Doc: normalize.Parse("Trade in services exceeded 1 trillion US dollars in 2024. China signed 24 free trade agreements. Intended deals at the expo exceeded 580 billion US dollars.")},
		{ID: "c", Doc: normalize.Parse("Around 30% of global growth came from China, and over 30 African countries joined.")},
	}
	var got []string
	for _, tr := range Tracks(docs) {
		var vals []string
		for _, o := range tr.Observations {
			vals = append(vals, fmt.Sprintf("%s:%g", o.Doc, o.Value))
		}
		got = append(got, fmt.Sprintf("%s %s %v", tr.Unit, tr.Change, vals))
	}
	want := []string{
		"USD same [a:1e+12 b:1e+12]",
		"pilot free trade zones  [a:22]",
		"USD up [a:5e+11 b:5.8e+11]",
		"free trade agreements  [b:24]",
		"percent  [c:30]",
		"african countries  [c:30]",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Tracks:\n got %q\nwant %q", got, want)
	}
}

func TestTracksTranslation(t *testing.T) {
	docs := []Document{
		{ID: "zh", Doc: normalize.Parse("短短20余年间，我国货物贸易总额增长了11倍，对全球经济增长的年均贡献率近30%。")},
		{ID: "en", TranslationOf: "zh", Doc: normalize.Parse("In just over 20 years, China's total trade in goods grew 11-fold, contributing nearly 30 percent of global growth.")},
	}
	linked := 0
	for _, tr := range Tracks(docs) {
		if len(tr.Observations) == 2 {
			linked++
			if tr.Observations[0].Value != tr.Observations[1].Value {
				t.Errorf("translation track %q links different values", tr.Label)
			}
		}
	}
	if linked < 2 {
		t.Errorf("Tracks: %d figures of the translation linked to the original, want at least 2 (11倍, 近30%%)", linked)
	}
}

// TestTracksKeepFactsApart checks the links that would mix two facts:
// values of different reporting periods, ranks of different things, and a
// reporting period itself.
func TestTracksKeepFactsApart(t *testing.T) {
	tests := []struct {
		name, a, b string
		linked     bool
	}{
		{"different periods, different values",
			"With a total of 379 institutional innovations from the zones replicated nationwide, the zones did well.",
			"Over the past five years, the zones have achieved 225 institutional innovations.", false},
		{"a named period",
			"Actual utilized foreign investment has reached a cumulative total of almost US$3 trillion.",
			"Cumulative absorption of foreign investment exceeded US$700 billion during the 14th Five-Year Plan period.", false},
		{"the same value restated with a period",
			"China has ranked first in the world for eight consecutive years in goods trade.",
			"During the 14th Five-Year Plan period, goods trade ranked first in the world for eight consecutive years.", true},
		{"ranks of different things",
			"This year marks the 45th anniversary of reform and opening up.",
			"During the 14th Five-Year Plan, opening up continued to expand.", false},
		{"a counted noun alone, a changed value",
			"We will send one million young Americans to serve.",
			"Last year 500,000 young Americans volunteered at home.", false},
		{"a counted noun alone, the same value",
			"Since 2013, China has established 22 pilot free trade zones.",
			"For example, there are 22 pilot free trade zones covering the country.", true},
		{"a share and what it is of",
			"contributing on average nearly 30 percent to global economic growth per year.",
			"Moreover, it has consistently accounted for around 30% of global economic growth.", true},
	}
	for _, tt := range tests {
		docs := []Document{{ID: "a", Doc: normalize.Parse(tt.a)}, {ID: "b", Doc: normalize.Parse(tt.b)}}
		linked := false
		for _, tr := range Tracks(docs) {
			if len(tr.Observations) == 2 && tr.Unit != Year {
				linked = true
			}
		}
		if linked != tt.linked {
			t.Errorf("%s: linked = %v, want %v", tt.name, linked, tt.linked)
		}
	}
}

// TestNotFigure: numbers that name or enumerate things are found, and
// say why they are no figures; quantities beside them are figures.
func TestNotFigure(t *testing.T) {
	tests := []struct {
		text string
		want []string // text=reason, "" for a figure
	}{
		{"第五条 经营者可以依法实施集中", []string{"第五=article number"}},
		{"依照本法第十三条、第十四条的规定", []string{"第十三=article number", "第十四=article number"}},
		{"第十届全国人民代表大会常务委员会第二十九次会议通过", []string{"第十=ordinal", "第二十九=ordinal"}},
		{"第三人", []string{"第三=ordinal"}},
		{"巩固第一产业", nil}, // 第一产业 is no figure at all
		{"世界第二大经济体", []string{"第二="}},
		{"位居世界第二", []string{"第二="}},
		{"the 18th CPC National Congress", []string{"18th=ordinal"}},
		{"the 3rd plenary session", []string{"3rd=ordinal"}},
		{"China ranked 11th in the index", []string{"11th="}},
		{"Article 52 of the law", []string{"52=article number"}},
		{"under section 3 of the act, 40 percent", []string{"3=article number", "40 percent="}},
		{"The meeting ended at 2:30 p.m. and resumed at 10 a.m.", []string{"2=clock time", "30 p=clock time", "10=clock time"}},
		{"For media inquiries, call 202-452-2955.", []string{"202=phone number", "452-2955=phone number"}},
		{"COVID-19 cost 3 million jobs", []string{"19 cost=name", "3 million jobs="}},
		{"(一) 加快建设", []string{"一=list enumerator"}},
		{"1. Keep rates at 5 percent", []string{"1=list enumerator", "5 percent="}},
		{"上一年度销售额百分之一以上", []string{"一年=period word", "百分之一以上="}},
		{"rose 4-5 percent", []string{"4-5 percent="}},
		{"13 members voted", []string{"13 members="}},
		{"lower the target range by 1/2 percentage point to 4-3/4 to 5 percent",
			[]string{"1/2 percentage point=step", "4-3/4 to 5 percent="}},
		{"lower its target for the federal funds rate 50 basis points to 4-3/4 percent",
			[]string{"50 basis points=step", "4-3/4 percent="}},
		{"approved a 25-basis-point increase in the discount rate to 5-1/2 percent", []string{"25=step", "5-1/2 percent="}},
		{"who preferred an increase of 25 basis points", []string{"25 basis points=step"}},
		{"an increase of 6 percentage points in the share", []string{"6 percentage points=step"}},
		{"the share rose 6 percentage points", []string{"6 percentage points="}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range Extract(tt.text, 0) {
			got = append(got, f.Text+"="+f.NotFigure)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Extract(%q):\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestCompare: a value said again at another precision, in agreement,
// is restated, never a rise or a fall; hedges of one kind compare as
// values.
func TestCompare(t *testing.T) {
	tests := []struct {
		a, b, want string
	}{
		{"10.5%", "over 10%", Restated},
		{"over 10%", "10.5%", Restated},
		{"10.5%", "about 11%", Restated},
		{"10.5%", "nearly 11%", Restated},
		{"10.5%", "over 11%", Up}, // disagrees: 10.5 is not over 11
		{"9.5%", "over 10%", Up},
		{"exceeding US$500 billion", "exceeded 580 billion US dollars", Up},
		{"580 billion dollars", "over 500 billion dollars", Restated},
		{"2.4 trillion yuan", "2.7 trillion yuan", Up},
		{"30%", "30%", Same},
		{"nearly 30%", "around 30%", Same},
		{"5%", "4%", Down},
	}
	obs := func(s string) Observation {
		f := Extract(s, 0)
		if len(f) != 1 {
			t.Fatalf("Extract(%q) = %d figures, want 1", s, len(f))
		}
		return Observation{Figure: f[0]}
	}
	for _, tt := range tests {
		if got := Compare(obs(tt.a), obs(tt.b)); got != tt.want {
			t.Errorf("Compare(%q, %q) = %s, want %s", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestRoles: the role of a figure comes from the words of its statement,
// in both languages.
func TestRoles(t *testing.T) {
	tests := []struct {
		text, figure, want string
	}{
		{"今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右；居民消费价格涨幅控制在3.5%左右。", "3.5%左右", RoleTarget},
		{"全面实现年初确定的主要目标，国内生产总值增长7.8%，城镇新增就业1266万人。", "7.8%", RoleResult},
		{"过去五年，国内生产总值年均增长9.3%。", "9.3%", RoleCumulative},
		{"赤字率从去年的2.1%提高到2.3%。", "2.1%", RoleReference},
		{"In support of its goals, the Committee decided to keep the target range at 5-1/4 to 5-1/2 percent.", "5-1/4 to 5-1/2 percent", RoleResult},
		{"The Committee seeks to achieve inflation at the rate of 2 percent over the longer run.", "2 percent", RoleTarget},
		{"returning inflation to its 2 percent objective.", "2 percent", RoleTarget},
		{"the Committee today reaffirmed its view that the current 0 to 1/4 percent target range for the federal funds rate remains appropriate.",
			"0 to 1/4 percent", RoleResult},
		{"Voting against was Esther L. George, who preferred to raise the target range to 1/2 to 3/4 percent.", "1/2 to 3/4 percent", RoleAlternative},
		{"Over the last few years, both parties worked to reduce the deficit by more than $2.5 trillion.", "more than $2.5 trillion", RoleCumulative},
	}
	for _, tt := range tests {
		got := ""
		for _, o := range observe(Document{ID: "d", Doc: normalize.Parse(tt.text)}, false) {
			if o.Text == tt.figure {
				got = o.Role
			}
		}
		if got != tt.want {
			t.Errorf("role of %q in %q = %q, want %q", tt.figure, tt.text, got, tt.want)
		}
	}
}

// TestTracksMeaning: a target never links to a result; a restatement in
// one document joins its observation; a count of years grown by the
// years between documents is one record, advancing; a dissent's range
// stays apart from the decision; each link carries its evidence.
func TestTracksMeaning(t *testing.T) {
	docs := func(texts ...string) []Document {
		var out []Document
		for i, s := range texts {
			out = append(out, Document{ID: fmt.Sprint("d", i), Date: fmt.Sprint(2020+i, "-03-05"), Doc: normalize.Parse(s)})
		}
		return out
	}
	t.Run("target and result", func(t *testing.T) {
		tr := Tracks(docs(
			"今年主要预期目标是：国内生产总值增长8%左右。",
			"过去一年，国内生产总值增长9.2%。今年主要预期目标是：国内生产总值增长7.5%左右。"))
		for _, x := range tr {
			roles := map[string]bool{}
			for _, o := range x.Observations {
				roles[o.Role] = true
			}
			if roles[RoleTarget] && roles[RoleResult] {
				t.Errorf("track %q mixes a target and a result", x.Label)
			}
			if x.Observations[0].Text == "8%左右" && len(x.Observations) != 2 {
				t.Errorf("the target 8%%左右 is in a track of %d, want 2 (with 7.5%%左右)", len(x.Observations))
			}
		}
	})
	t.Run("restated in one document", func(t *testing.T) {
		tr := Tracks(docs("The Committee decided to keep the target range for the federal funds rate at 5 to 5-1/4 percent. " +
			"The target range for the federal funds rate stays at 5 to 5-1/4 percent for now."))
		if len(tr) != 1 || len(tr[0].Observations) != 1 {
			t.Fatalf("got %d tracks, want 1 of one observation, the restatement joined to it", len(tr))
		}
	})
	t.Run("advancing", func(t *testing.T) {
		tr := Tracks(docs("China has been the world's largest trader in goods for seven consecutive years.",
			"China has ranked first in the world in trade in goods for eight consecutive years."))
		var years []Track
		for _, x := range tr {
			if x.Unit == Year {
				years = append(years, x)
			}
		}
		if len(years) != 1 || years[0].Change != Advancing {
			t.Fatalf("got %d tracks of years, want 1 advancing", len(years))
		}
		if e := years[0].Observations[1].Evidence; e == nil || e.By != ByAdvancing || e.Doc != "d0" {
			t.Errorf("evidence = %+v, want by advancing from d0", e)
		}
	})
	t.Run("dissent apart", func(t *testing.T) {
		tr := Tracks(docs(
			"The Committee decided to maintain the target range for the federal funds rate at 4-1/4 to 4-1/2 percent.",
			"The Committee decided to maintain the target range for the federal funds rate at 4-1/4 to 4-1/2 percent. "+
				"Voting against was Jane Doe, who preferred to lower the target range for the federal funds rate to 4 to 4-1/4 percent."))
		for _, x := range tr {
			if len(x.Observations) == 2 && x.Observations[1].Role != RoleResult {
				t.Errorf("the decision's track took the dissent: %+v", x.Observations[1])
			}
		}
		if len(tr) != 2 {
			t.Errorf("got %d tracks, want 2 (decision, dissent)", len(tr))
		}
	})
}

// TestRelativeYear: 今年, 去年, "last year" refer a figure to a year
// counted from the document's date; the word nearest the figure wins.
func TestRelativeYear(t *testing.T) {
	tests := []struct {
		text, figure string
		year         int
	}{
		{"今年国内生产总值增长7.5%左右。", "7.5%左右", 2013},
		{"去年国内生产总值增长7.8%，比上年提高0.1个百分点。", "7.8%", 2012},
		{"Last year, exports rose 12 percent.", "12 percent", 2012},
		{"国内生产总值47.2万亿元，比上年增长9.2%。", "9.2%", 0},
		{"In 2011, exports rose 20 percent.", "20 percent", 2011},
	}
	for _, tt := range tests {
		got := -1
		for _, o := range observe(Document{ID: "d", Date: "2013-03-05", Doc: normalize.Parse(tt.text)}, false) {
			if o.Text == tt.figure {
				got = o.Year
			}
		}
		if got != tt.year {
			t.Errorf("year of %q in %q = %d, want %d", tt.figure, tt.text, got, tt.year)
		}
	}
}

// TestTracksAligned: figures of passages a comparison paired link first
// and say so in their evidence: two articles that set a fine in the same
// words are told apart by which article the comparison paired with which.
func TestTracksAligned(t *testing.T) {
	a := "Violators of the rules shall be fined 50,000 yuan. Violators of the rules shall be fined 80,000 yuan."
	b := "Violators of the rules shall be fined 300,000 yuan. Violators of the rules shall be fined 200,000 yuan."
	docs := []Document{{ID: "a", Date: "2023", Doc: normalize.Parse(a)}, {ID: "b", Date: "2024", Doc: normalize.Parse(b)}}
	pairsOf := func(tr []Track) map[string]string {
		m := map[string]string{}
		for _, x := range tr {
			if len(x.Observations) == 2 {
				m[x.Observations[0].Text] = x.Observations[1].Text
			}
		}
		return m
	}
	// Without evidence, equal words tie and the closer values pair.
	if d := cmp.Diff(map[string]string{"50,000 yuan": "300,000 yuan", "80,000 yuan": "200,000 yuan"}, pairsOf(TracksAligned(docs, nil))); d != "" {
		t.Errorf("without alignment, by closer value (-want +got):\n%s", d)
	}
	// The comparison paired the first article of a with the second of b.
	ka, kb := strings.Index(a, ". ")+1, strings.Index(b, ". ")+1
	aligned := []Alignment{{Old: "a", New: "b", Pairs: []SpanPair{{0, ka, kb + 1, len(b)}, {ka + 1, len(a), 0, kb}}}}
	tr := TracksAligned(docs, aligned)
	if d := cmp.Diff(map[string]string{"50,000 yuan": "200,000 yuan", "80,000 yuan": "300,000 yuan"}, pairsOf(tr)); d != "" {
		t.Errorf("with alignment (-want +got):\n%s", d)
	}
	for _, x := range tr {
		if e := x.Observations[len(x.Observations)-1].Evidence; len(x.Observations) == 2 && (e == nil || e.By != ByAlignment) {
			t.Errorf("evidence %+v, want by alignment", e)
		}
	}
}

// FuzzTracks links the figures of two documents made from the input and
// checks the contract of Tracks: no panic, at most one observation per
// document in a track, evidence only after a track's first observation.
//
//	go test ./figures -run '^$' -fuzz FuzzTracks -fuzztime 1m
func FuzzTracks(f *testing.F) {
	f.Add("第五条 处五十万元以下的罚款。", "第六条 处三百万元以下的罚款。")
	f.Add("Exports rose 5 percent, from 10 to 23 items, for 7 consecutive years.", "Exports rose 9 percent by 1/2 percentage point to 4-3/4 to 5 percent.")
	f.Add("今年主要预期目标是：国内生产总值增长8%左右；居民消费价格涨幅控制在3%左右。", "过去一年，国内生产总值增长9.2%。")
	f.Fuzz(func(t *testing.T, a, b string) {
		docs := []Document{{ID: "a", Date: "2023", Doc: normalize.Parse(a)}, {ID: "b", Date: "2024", Doc: normalize.Parse(b)}}
		for _, tr := range Tracks(docs) {
			seen := map[string]bool{}
			for k, o := range tr.Observations {
				if seen[o.Doc] {
					t.Fatalf("track %q holds two observations of %s", tr.Label, o.Doc)
				}
				seen[o.Doc] = true
				if k == 0 && o.Evidence != nil {
					t.Fatalf("track %q: its first observation has evidence %+v", tr.Label, o.Evidence)
				}
			}
		}
	})
}

// TestMeasureAcrossClauses: a figure with no measure of its own takes the
// figure before it's only within its clause; a record that opens its
// clause names what it counts after it.
func TestMeasureAcrossClauses(t *testing.T) {
	text := "The cumulative intended transaction volume has exceeded 580 billion US dollars; For five consecutive years, the World Open Report has been released."
	for _, o := range observe(Document{ID: "d", Doc: normalize.Parse(text)}, false) {
		if o.Text == "five consecutive years" && !strings.Contains(o.Measure, "World Open Report") {
			t.Errorf("measure of %q = %q, want the World Open Report's", o.Text, o.Measure)
		}
	}
}

// TestRolesOverSpans: growth compared with a year long past, or counted
// in a block that opens with a span of years, is the span's (cumulative);
// an average over a span still to come is a plan's target; growth on the
// year before stays a result.
func TestRolesOverSpans(t *testing.T) {
	tests := []struct {
		text, figure, want string
	}{
		{"2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%。", "65.5%", RoleCumulative},
		{"2005年与2000年相比，国内生产总值增长57.3%。", "57.3%", RoleCumulative},
		{"2007年国内生产总值比2006年增长11.4%。", "11.4%", RoleResult},
		{"国内生产总值47.2万亿元，比上年增长9.2%。", "9.2%", RoleResult},
		{"五年来，人民生活明显改善。城镇新增就业4200万人。", "4200万人", RoleCumulative},
		{"五年来，人民生活明显改善。去年城镇新增就业1100万人。", "1100万人", RoleResult},
		{"今后五年，我国经济增长预期目标是年均增长7%。", "7%", RoleTarget},
		{"Over the past four years, the economy added 8 million jobs.", "8 million jobs", RoleCumulative},
	}
	for _, tt := range tests {
		got := ""
		for _, o := range observe(Document{ID: "d", Date: "2008-03-05", Doc: normalize.Parse(tt.text)}, false) {
			if o.Text == tt.figure {
				got = o.Role
			}
		}
		if got != tt.want {
			t.Errorf("role of %q in %q = %q, want %q", tt.figure, tt.text, got, tt.want)
		}
	}
}

// TestTracksOfOneMeasureInOtherWords: a target stated as 经济增长预期目标 one
// year and 国内生产总值增长 the next is one track (the report says both in the
// year it changes its wording); a five-year average stays apart from the
// five years' total growth.
func TestTracksOfOneMeasureInOtherWords(t *testing.T) {
	var docs []Document
	for i, s := range []string{
		"中央提出今年经济增长预期目标为7%左右。",
		"今年经济社会发展主要预期目标是：国内生产总值增长8%左右。中央提出今年经济增长预期目标为8%左右，是为了使预期目标符合实际情况。",
		"今年国民经济和社会发展的主要预期目标是：国内生产总值增长8%左右。",
		"2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%。",
		"2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%。",
	} {
		docs = append(docs, Document{ID: fmt.Sprint(2004 + i), Date: fmt.Sprint(2004+i, "-03-05"), Doc: normalize.Parse(s)})
	}
	trackOf := map[string]int{}
	for k, x := range Tracks(docs) {
		for _, o := range x.Observations {
			trackOf[o.Doc+" "+o.Text] = k
			// What the evidence says both share, the sentence or the
			// measure (composed across clauses) says.
			if o.Evidence == nil {
				continue
			}
			for _, w := range o.Evidence.Shared {
				if !strings.Contains(strings.ToLower(o.Sentence), w) && !strings.Contains(o.Measure, w) {
					t.Errorf("%s %s: shared word %q is not in %q", o.Doc, o.Text, w, o.Sentence)
				}
			}
		}
	}
	same := func(a, b string) bool {
		ka, oka := trackOf[a]
		kb, okb := trackOf[b]
		return oka && okb && ka == kb
	}
	if !same("2004 7%左右", "2005 8%左右") || !same("2005 8%左右", "2006 8%左右") {
		t.Errorf("the growth target is split: %v", trackOf)
	}
	if !same("2007 9.5%", "2008 10.6%") || !same("2007 57.3%", "2008 65.5%") || same("2007 9.5%", "2007 57.3%") || same("2008 10.6%", "2007 57.3%") {
		t.Errorf("averages and totals mixed or split: %v", trackOf)
	}
}

// TestEvidenceSaysTheDocumentsWords: a link made through the other
// spelling of a measure (经济增长 for 国内生产总值增长) shows the words the
// sentence says, not the other spelling's.
func TestEvidenceSaysTheDocumentsWords(t *testing.T) {
	var docs []Document
	for i, s := range []string{
		"今年主要预期目标是：国内生产总值增长8%左右，城镇新增就业900万人。",
		"今年主要预期目标是：经济增长7%左右，城镇新增就业1000万人。",
	} {
		docs = append(docs, Document{ID: fmt.Sprint(2004 + i), Date: fmt.Sprint(2004+i, "-03-05"), Doc: normalize.Parse(s)})
	}
	found := false
	for _, x := range Tracks(docs) {
		for _, o := range x.Observations {
			if o.Text != "7%左右" {
				continue
			}
			if o.Evidence == nil {
				t.Fatalf("7%%左右 is not linked to 8%%左右")
			}
			found = true
			for _, w := range o.Evidence.Shared {
				if !strings.Contains(o.Sentence, w) {
					t.Errorf("shared word %q is not in %q", w, o.Sentence)
				}
			}
		}
	}
	if !found {
		t.Fatal("no 7%左右")
	}
}

// TestLawFines: a fine is measured by who pays it, not by the body that
// imposes it; two articles whose fines read the same ("有前款所列行为之一的")
// are told apart by the article they refer to, even when the fines trade
// values between editions.
func TestLawFines(t *testing.T) {
	edition := func(a, b string) string {
		return "第四十一条 作为统计调查对象的组织拒绝提供统计资料的，由统计机构责令改正。\n\n" +
			"企业事业单位或者其他组织有前款所列行为之一的，可以并处" + a + "以下的罚款。\n\n" +
			"第四十二条 作为统计调查对象的组织迟报统计资料，或者未设置原始记录的，由统计机构责令改正。\n\n" +
			"企业事业单位或者其他组织有前款所列行为之一的，可以并处" + b + "以下的罚款。\n\n" +
			"第四十三条 行业协会违反本法规定，组织本行业的经营者达成垄断协议的，反垄断执法机构可以处五十万元以下的罚款。\n"
	}
	docs := []Document{
		{ID: "2009", Date: "2009-06-27", Doc: normalize.Parse(edition("五万元", "一万元"))},
		{ID: "2024", Date: "2024-09-13", Doc: normalize.Parse(edition("十万元", "五万元"))},
	}
	pairs := map[string]string{}
	for _, x := range Tracks(docs) {
		if len(x.Observations) == 2 {
			pairs[x.Observations[0].Text] = x.Observations[1].Text
		}
		for _, o := range x.Observations {
			if o.Text == "五十万元以下" && o.Measure == "反垄断执法机构" {
				t.Errorf("the association's fine is measured by the body imposing it: %q", o.Measure)
			}
		}
	}
	if pairs["五万元以下"] != "十万元以下" || pairs["一万元以下"] != "五万元以下" {
		t.Errorf("fines linked across articles: %v, want 五万元以下 → 十万元以下 and 一万元以下 → 五万元以下", pairs)
	}
}

// TestSeriousCaseFines: "情节严重的，并处…" fines the one the sentence before
// named; two such fines in one law stay apart, each with its own.
func TestSeriousCaseFines(t *testing.T) {
	edition := func(a, b string) string {
		return "第十条 金融机构未履行报告义务的，处二十万元以下的罚款；情节严重的，处" + a + "的罚款。\n\n" +
			"第十一条 检测机构伪造检测结果的，责令改正，并处五万元以上十万元以下罚款；情节严重的，处" + b + "的罚款。\n"
	}
	docs := []Document{
		{ID: "2006", Date: "2006-10-31", Doc: normalize.Parse(edition("二十万元以上五十万元以下", "十万元以上二十万元以下"))},
		{ID: "2024", Date: "2024-11-08", Doc: normalize.Parse(edition("五十万元以上二百万元以下", "二十万元以上五十万元以下"))},
	}
	pairs := map[string]string{}
	for _, x := range Tracks(docs) {
		if len(x.Observations) == 2 {
			pairs[x.Observations[0].Text] = x.Observations[1].Text
		}
		for _, o := range x.Observations {
			if o.Measure == "并" || o.Measure == "情节严重" {
				t.Errorf("%s %s: measure %q names no one", o.Doc, o.Text, o.Measure)
			}
		}
	}
	if pairs["二十万元以上五十万元以下"] != "五十万元以上二百万元以下" || pairs["十万元以上二十万元以下"] != "二十万元以上五十万元以下" {
		t.Errorf("serious-case fines linked across articles: %v", pairs)
	}
}

// TestLawBoilerplateIsNoMeasure: "违反本法第三十二条规定" opening a law's
// sentence names no measure; what follows it does.
func TestLawBoilerplateIsNoMeasure(t *testing.T) {
	text := "第五十一条 违反本法第三十二条规定，冒用农产品质量标志的，责令改正，没收违法所得，并处二千元以上二万元以下罚款。"
	obs := observe(Document{ID: "d", Doc: normalize.Parse(text)}, false)
	if len(obs) != 1 || !strings.HasPrefix(obs[0].Measure, "冒用农产品质量标志") {
		t.Errorf("observations %+v: want one, measured by 冒用农产品质量标志", obs)
	}
}
