package themes

import "math"

// The trend of a theme is read from its counts and rates (per 10,000
// words) in date order, by the first rule that holds:
//
//   - absent: in no document;
//   - steady: a corpus of one document;
//   - new: absent from every document but the latest;
//   - gone: used before, absent from the latest document (what the
//     timeline's last step reports as gone);
//   - peaked: over mkMin documents or more since first use, the highest
//     rate lies strictly inside them, the rates rise to it (a monotonic
//     trend by the test below), and the latest rate is at most peakFall of
//     it (poverty alleviation in the Government Work Reports: 7.5 per
//     10,000 characters in 2018, 2.4 in 2025);
//   - rising / falling: the rates since first use are a monotonic trend;
//   - steady: used in every document since its first, with no trend;
//   - intermittent: none of these (absent in between, with no trend).
//
// A run of rates is a monotonic trend by the Mann–Kendall test (Mann
// 1945; Kendall 1975): S sums the signs of every later-minus-earlier
// pair, its variance under no trend is n(n−1)(2n+5)/18 less a correction
// for ties, and the trend holds when |Z| ≥ mkZ, two-sided p ≤ 0.10. The
// test has no power on fewer than mkMin points (three strictly rising
// rates give Z = 1.04), so shorter runs compare their ends instead: the
// last rate at least riseRatio times the first is rising, at most
// fallRatio times it falling.
const (
	mkZ       = 1.645 // two-sided p = 0.10: corpora are short (5–50 documents), so a strict 0.05 misses visible trends
	mkMin     = 4     // fewest points the Mann–Kendall test is read on
	riseRatio = 1.25  // short runs: the last rate a quarter above the first
	fallRatio = 0.8   // short runs: the last rate a fifth below the first
	peakFall  = 0.5   // peaked: the latest rate at most half the peak
)

// trend classifies a series of counts (and their rates) in date order, by
// the rules above. Cost: O(n²) in the number of documents.
func trend(counts []int, rates []float64) string {
	n := len(counts)
	first, last := -1, -1
	for i, c := range counts {
		if c > 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	switch {
	case first < 0:
		return Absent
	case n == 1:
		return Steady
	case first == n-1:
		return New
	case last < n-1:
		return Gone
	}
	run := rates[first:]
	if len(run) >= mkMin && peakedRun(run) {
		return Peaked
	}
	switch direction(run) {
	case 1:
		return Rising
	case -1:
		return Falling
	}
	for _, c := range counts[first:] {
		if c == 0 {
			return Intermittent
		}
	}
	return Steady
}

// peakedRun reports whether xs rises to its highest value, which lies
// strictly inside it, and ends at most peakFall of it. The fall is read
// from its end, not tested for a trend: a fall after a peak is short and
// uneven (7.5 · 5.4 · 5.7 · 1.3 · 3.6 · 1.9 · 2.4 is no monotonic trend at
// p ≤ 0.10, yet plainly fell).
func peakedRun(xs []float64) bool {
	p := 0
	for i, x := range xs {
		if x > xs[p] {
			p = i
		}
	}
	if p == 0 || p == len(xs)-1 {
		return false
	}
	return direction(xs[:p+1]) == 1 && xs[len(xs)-1] <= xs[p]*peakFall
}

// direction is 1 when xs rises, -1 when it falls and 0 otherwise: by the
// Mann–Kendall test on mkMin points or more, by its ends below that.
func direction(xs []float64) int {
	n := len(xs)
	if n < 2 {
		return 0
	}
	if n < mkMin {
		a, b := xs[0], xs[n-1]
		switch {
		case b > a*riseRatio && b > a:
			return 1
		case b < a*fallRatio:
			return -1
		}
		return 0
	}
	switch z := mannKendallZ(xs); {
	case z >= mkZ:
		return 1
	case z <= -mkZ:
		return -1
	}
	return 0
}

// mannKendallZ is the Mann–Kendall statistic of xs, normalised with the
// continuity correction; 0 when every value is equal.
func mannKendallZ(xs []float64) float64 {
	n := len(xs)
	s := 0
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			switch {
			case xs[j] > xs[i]:
				s++
			case xs[j] < xs[i]:
				s--
			}
		}
	}
	ties := map[float64]int{}
	for _, x := range xs {
		ties[x]++
	}
	v := float64(n*(n-1)*(2*n+5)) / 18
	for _, t := range ties {
		v -= float64(t*(t-1)*(2*t+5)) / 18
	}
	switch {
	case v <= 0 || s == 0:
		return 0
	case s > 0:
		return float64(s-1) / math.Sqrt(v)
	}
	return float64(s+1) / math.Sqrt(v)
}
