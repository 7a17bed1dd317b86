package figures

import (
	"strings"
	"testing"
)

// TestSpacedDigits: a report that typesets a space after each digit
// (1998's) states 74772亿元, not 2亿元; a list of numbers in English stays
// a list.
func TestSpacedDigits(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string // the figures' values, as Format shows them
	}{
		{"1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，平均每年增长1 1 ％。", []string{"¥7.4772tn", "11%"}},
		{"去年经济增长8 ．8 ％，商品零售价格涨幅为0 ．8 ％。", []string{"8.8%", "0.8%"}},
		{"The scores were 9 7 and 5 percent.", []string{"9", "7", "5%"}},
		{"增长8%和7 %。", []string{"8%", "7%"}},
	} {
		var got []string
		for _, f := range Extract(c.text, 0) {
			if f.Unit == Date || f.NotFigure != "" {
				continue
			}
			got = append(got, f.Short())
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
			continue
		}
		for k := range got {
			if got[k] != c.want[k] {
				t.Errorf("%q: got %q, want %q", c.text, got, c.want)
				break
			}
		}
	}
}

// TestLawRanges: a span set by its two bounds is one figure, a range.
func TestLawRanges(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"对个人处二万元以上十万元以下的罚款。", []string{"¥20000–100000"}},
		{"并处上一年度销售额百分之一以上百分之十以下的罚款。", []string{"1–10%"}},
		{"可以处五十万元以下的罚款。", []string{"<¥500000"}},
		{"处五万元以上的罚款，十万元以下的部分免征。", []string{">¥50000", "<¥100000"}},
	} {
		var got []string
		for _, f := range Extract(c.text, 0) {
			if f.Unit == Date || f.NotFigure != "" {
				continue
			}
			got = append(got, f.Short())
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// TestDoubling: 翻两番 is four times, 翻一番 and 翻了一番 twice.
func TestDoubling(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"力争使全国工农业的年总产值翻两番。", "4× 翻两番"},
		{"实现国内生产总值比二〇一〇年翻一番。", "2× 翻一番"},
		{"人均收入翻了一番。", "2× 翻了一番"},
		{"翻开新的一页。", ""},
		{"到二○二○年实现国内生产总值比二○一○年翻一番。", "2× 翻一番"},
	} {
		got := ""
		for _, f := range Extract(c.text, 0) {
			if f.Unit == Times {
				got = f.Short() + " " + f.Text
			}
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// TestWhiteCircleZero: 二○○○年 (a white circle for the zero) is a year.
func TestWhiteCircleZero(t *testing.T) {
	var got []string
	for _, f := range Extract("到二○○○年，○为圆圈。", 0) {
		got = append(got, f.Unit+" "+f.Text)
	}
	if strings.Join(got, "|") != "date 二○○○年" {
		t.Errorf("got %q, want one date 二○○○年", got)
	}
}
