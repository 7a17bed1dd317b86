package figures

import "testing"

func TestShort(t *testing.T) {
	high := 5.25
	for _, c := range []struct {
		f    Figure
		want string
	}{
		{Figure{Value: 5e11, Unit: "USD", Qualifier: Over}, ">$500bn"},
		{Figure{Value: 2.7e12, Unit: "CNY", Qualifier: Exact}, "¥2.7tn"},
		{Figure{Value: 1.24e6, Unit: "jobs", Qualifier: About}, "≈1.24m"},
		{Figure{Value: 34.6, Unit: Percent, Qualifier: Nearly}, "≲34.6%"},
		{Figure{Value: 3, Unit: PercentagePoint, Qualifier: Exact}, "3 pp"},
		{Figure{Value: 11, Unit: Times, Qualifier: Exact}, "11×"},
		{Figure{Value: 5, High: &high, Unit: Percent, Qualifier: Exact}, "5–5.25%"},
		{Figure{Value: -2e9, Unit: "EUR", Qualifier: AtLeast}, "≥€-2bn"},
	} {
		if got := c.f.Short(); got != c.want {
			t.Errorf("%+v.Short() = %q, want %q", c.f, got, c.want)
		}
	}
}
