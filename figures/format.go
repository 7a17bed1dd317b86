package figures

import (
	"math"
	"strconv"
)

var qualifierMarks = map[string]string{
	Over: ">", Under: "<", About: "≈", Nearly: "≲",
	AtLeast: "≥", AtMost: "≤",
}

var currencySigns = map[string]string{"USD": "$", "CNY": "¥", "EUR": "€", "GBP": "£", "JPY": "JP¥"}

// Short writes a figure compactly for a table cell: its hedge
// mark, currency sign, value with a scale suffix, and unit sign.
func (f Figure) Short() string {
	v := Compact(f.Value)
	if f.Unit == Share {
		v = strconv.FormatFloat(f.Value, 'g', 3, 64)
	}
	if f.High != nil {
		v += "–" + Compact(*f.High)
	}
	switch {
	case f.Unit == Percent:
		v += "%"
	case f.Unit == PercentagePoint:
		v += " pp"
	case f.Unit == Times:
		v += "×"
	case currencySigns[f.Unit] != "":
		v = currencySigns[f.Unit] + v
	}
	return qualifierMarks[f.Qualifier] + v
}

// Compact writes a value with a scale suffix: 5e11 → 500bn, 1.24e6 → 1.24m.
func Compact(v float64) string {
	a := math.Abs(v)
	for _, s := range []struct {
		div    float64
		suffix string
	}{{1e12, "tn"}, {1e9, "bn"}, {1e6, "m"}} {
		if a >= s.div {
			return strconv.FormatFloat(v/s.div, 'f', -1, 64) + s.suffix
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
