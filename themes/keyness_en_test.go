package themes

import (
	"strings"
	"testing"

	"github.com/docdrift/docdrift/normalize"
)

// TestDistinctiveEnglish checks what English distinctive phrases leave
// out and how they are written, on statements shaped like the FOMC's.
func TestDistinctiveEnglish(t *testing.T) {
	statement := func(body string) Counts {
		text := body + "\n\n" +
			"The Committee will meet again in September; on Monday it said so. In September, officials met.\n\n" +
			"Voting for the FOMC monetary policy action were: Ben S. Bernanke, Chairman; Timothy F. Geithner, Vice Chairman; Christine M. Cumming; Elizabeth A. Duke; and Kevin M. Warsh.\n"
		return CountPhrases(normalize.Parse(text), "en", nil)
	}
	a := statement("Economic growth slowed. Household spending rose. Over time, economic growth should pick up, and household spending with it.")
	b := statement("Inflation pressures eased. Energy prices fell. Inflation pressures may ease further as energy prices fall.")
	all := Sum(a, b)
	got := Distinctive(a, all, 0)
	var texts []string
	for _, p := range got {
		texts = append(texts, p.Text)
	}
	joined := " · " + strings.Join(texts, " · ") + " · "
	tests := []struct {
		phrase string
		want   bool
		reason string
	}{
		{"economic growth", true, "folded to the wording used mid-sentence"},
		{"Economic growth", false, "one phrase, whatever its case at a sentence's start"},
		{"September", false, "a calendar word says when, not what"},
		{"Monday", false, "a calendar word"},
		{"Chairman", false, "a signature line's officers are no theme"},
		{"Bernanke", false, "an officer's name"},
		{"Voting", false, "the signature line's opening"},
	}
	for _, tt := range tests {
		if has := strings.Contains(joined, " · "+tt.phrase+" · "); has != tt.want {
			t.Errorf("Distinctive: %q listed = %v, want %v (%s); got %v", tt.phrase, has, tt.want, tt.reason, texts)
		}
	}
	for _, p := range got {
		if strings.EqualFold(p.Text, "economic growth") && p.Count != 2 {
			t.Errorf("Distinctive: economic growth counted %d times, want 2 (both cases)", p.Count)
		}
	}
}

func TestRoster(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Voting for the FOMC monetary policy action were: Ben S. Bernanke, Chairman; Timothy F. Geithner, Vice Chairman; Christine M. Cumming.", true},
		{"Ms. Cumming voted as the alternate for Timothy F. Geithner.", true},
		{"The Federal Open Market Committee decided today to keep its target for the federal funds rate at 5-1/4 percent.", false},
		{"Economic growth slowed in the second quarter, partly reflecting a cooling of the housing market.", false},
		{"China will work with the WTO, the IMF and the World Bank.", false},
		{"The Trade in Services and Cross-Border E-Commerce Zone is pictured on the opening day of the 2025 (China) Eurasia Commodity and Trade Expo in Urumqi, Xinjiang Uygur Autonomous Region, June 26, 2025.", false},
		{"Finally, we must continue to make a success of hosting major exhibitions such as the CIIE, China Import and Export Fair (the Canton Fair), China International Fair for Trade in Services, and the Global Digital Trade Expo.", false},
		{"The expo was held in Shanghai from November 5 to 10, 2023, under the theme \"New Era, Shared Future.\"", false},
		{"The Belt and Road Initiative, the Silk Road Fund and the Asian Infrastructure Investment Bank grew.", false},
	}
	for _, tt := range tests {
		toks := normalize.Tokens(tt.sentence, 0)
		if got := roster(tt.sentence, toks); got != tt.want {
			t.Errorf("roster(%q): got %v, want %v", tt.sentence, got, tt.want)
		}
	}
}
