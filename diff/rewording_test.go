package diff

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docdrift/docdrift/normalize"
)

func TestAbbreviations(t *testing.T) {
	tests := []struct {
		text string
		want map[string][]string
	}{
		{"The Federal Open Market Committee (FOMC) is firmly committed", map[string][]string{"fomc": {"federal", "open", "market", "committee"}}},
		{"the Regional Comprehensive Economic Partnership (RCEP) took effect", map[string][]string{"rcep": {"regional", "comprehensive", "economic", "partnership"}}},
		{"the 20th Central Committee of the Communist Party of China (CPC) adopted", map[string][]string{"cpc": {"communist", "party", "of", "china"}}},
		{"established 22 pilot free trade zones (FTZs).", map[string][]string{"ftzs": {"free", "trade", "zones"}, "ftz": {"free", "trade", "zones"}}},
		{"signed free trade agreements（FTAs）", map[string][]string{"ftas": {"free", "trade", "agreements"}, "fta": {"free", "trade", "agreements"}}},
		{"the Sixth China International Import Expo (CIIE)", map[string][]string{"ciie": {"china", "international", "import", "expo"}}},
		{"the expo (CIIE) opened", map[string][]string{}},       // initials do not spell it
		{"grew 5 percent (GDP) in 2023", map[string][]string{}}, // nor here
		{"(FOMC) alone", map[string][]string{}},
		{"the China (Hunan) Pilot", map[string][]string{}},
	}
	for _, tt := range tests {
		if got := abbreviations(tt.text); !cmp.Equal(tt.want, got) {
			t.Errorf("abbreviations(%q): got %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestClauseSpans(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"China's imports of digitally deliverable services will reach 2.9 trillion yuan in 2024, an increase of 6.5%; Cross border e-commerce imports and exports reached 2.7 trillion yuan, an increase of 14%.",
			[]string{"China's imports of digitally deliverable services will reach 2.9 trillion yuan in 2024, an increase of 6.5%;", "Cross border e-commerce imports and exports reached 2.7 trillion yuan, an increase of 14%."}},
		{"China will never seek hegemony or engage in expansion; China has always been a defender of the current international order.",
			[]string{"China will never seek hegemony or engage in expansion;", "China has always been a defender of the current international order."}},
		{"Prices rose; wages too.", nil}, // a piece too short stays with its clause: one clause
		{"The Committee seeks to explain its decisions to the public, and clarity reduces economic and financial uncertainty.",
			[]string{"The Committee seeks to explain its decisions to the public,", "and clarity reduces economic and financial uncertainty."}},
		{"A sentence with no break at all in it.", nil},
		{"We should harmonize rules, regulations, management, and standards relating to property rights protection.", nil}, // a list
	}
	for _, tt := range tests {
		us := unitsOf(tt.text)
		var got []string
		for _, sp := range clauseSpans(us, false) {
			got = append(got, tt.text[us[sp[0]].start:us[sp[1]-1].end])
		}
		if !cmp.Equal(tt.want, got) {
			t.Errorf("clauseSpans(%q): got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestCompareRewordings checks the pairs a reader makes at once that a
// 1:1 pairing of whole sentences missed, on real text: a sentence that
// merges two sentences of its paragraph that are not next to each other
// (the FOMC's longer-run goals, 2020 → 2025), a clause of a run-on
// sentence that restates a sentence (interview-2025), and an
// abbreviation the document defines (qiushi-2025 → interview-2025).
func TestCompareRewordings(t *testing.T) {
	tests := []struct {
		name, old, new string
		pairOld        string // the start of an old sentence
		pairNew        string // the start of the new sentence it pairs with
		merged         string // the start of an old sentence merged into the pair, or ""
		clause         string // the start of the clause that restates the other side, or ""
	}{
		{name: "merge apart",
			old:     "Employment, inflation, and long-term interest rates fluctuate over time in response to economic and financial disturbances. Monetary policy plays an important role in stabilizing the economy in response to these disturbances. The Committee’s primary means of adjusting the stance of monetary policy is through changes in the target range for the federal funds rate. The Committee judges that the level of the federal funds rate consistent with maximum employment and price stability over the longer run has declined relative to its historical average. Therefore, the federal funds rate is likely to be constrained by its effective lower bound more frequently than in the past. Owing in part to the proximity of interest rates to the effective lower bound, the Committee judges that downward risks to employment and inflation have increased. The Committee is prepared to use its full range of tools to achieve its maximum employment and price stability goals.",
			new:     "The Committee’s monetary policy strategy is designed to promote maximum employment and stable prices across a broad range of economic conditions. Employment, inflation, and long-term interest rates fluctuate over time in response to economic and financial disturbances. Monetary policy plays an important role in stabilizing the economy in response to these disturbances. The Committee’s primary means of adjusting the stance of monetary policy is through changes in the target range for the federal funds rate. The Committee is prepared to use its full range of tools to achieve its maximum employment and price stability goals, particularly if the federal funds rate is constrained by its effective lower bound.",
			pairOld: "The Committee is prepared", pairNew: "The Committee is prepared", merged: "Therefore, the federal funds rate"},
		{name: "clause",
			old:     "In 2023, the total volume of trade in services reached a new high. China's imports and exports of digitally deliverable services grew to 2.9 trillion yuan in 2024. The country's exports of green products also kept growing.",
			new:     "For example, in digital trade, China's imports and exports of digitally deliverable services will reach 2.9 trillion yuan in 2024, an increase of 6.5%; Cross border e-commerce imports and exports reached 2.7 trillion yuan, an increase of 14%. A large number of digital products are widely popular worldwide.",
			pairOld: "China's imports and exports", pairNew: "For example, in digital trade", clause: "For example, in digital trade"},
		{name: "abbreviation",
			old:     "Since 2013, China has established 22 pilot free trade zones (FTZs).\n\nThe FTZs keep attracting investment from abroad.",
			new:     "We opened a port in 2013.\n\nOur free trade zones attract much investment.",
			pairOld: "The FTZs keep", pairNew: "Our free trade zones"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, new := normalize.Parse(tt.old), normalize.Parse(tt.new)
			r := Compare(old, new, Options{})
			checkCoverage(t, old, new, r, Options{})
			var got *Passage
			for i, p := range r.Passages {
				if p.Old != nil && strings.HasPrefix(p.Old.Text, tt.pairOld) {
					got = &r.Passages[i]
				}
			}
			if got == nil || got.New == nil || !strings.HasPrefix(got.New.Text, tt.pairNew) {
				t.Fatalf("Compare: %q paired with %+v, want %q", tt.pairOld, got, tt.pairNew)
			}
			if tt.merged != "" && (len(got.MergedOld) != 1 || !strings.HasPrefix(got.MergedOld[0].Text, tt.merged)) {
				t.Errorf("Compare: %q merges %+v, want %q", tt.pairNew, got.MergedOld, tt.merged)
			}
			if tt.clause != "" && (got.Clause == nil || got.Clause.Side != "new" || !strings.HasPrefix(got.Clause.Text, tt.clause)) {
				t.Errorf("Compare: clause %+v, want one starting %q", got.Clause, tt.clause)
			}
		})
	}
}
