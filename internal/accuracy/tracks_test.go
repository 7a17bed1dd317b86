package accuracy

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docdrift/docdrift/figures"
)

// trackFloor is what docdrift must keep on one gold track file: pairwise
// link precision and recall, and B-cubed precision and recall, at least;
// target/result mixes and not-figures in a track, at most. The values are
// those measured when the file was annotated, a little lower (higher for
// the counts), so that the test fails on a regression, not because the
// linking is poor: issue 16 is to raise them.
type trackFloor struct {
	P, R, BP, BR      float64
	Mixed, NotFigures int
}

var trackFloors = map[string]trackFloor{
	// 2026-12-02, after issue 16's roles, measures, not-figures, the
	// per-document assignment and the alignment evidence, as timeline and
	// figures --align link (the numbers before are in BENCHMARKS.md).
	// Left wrong, for the next step (alignment evidence): laws that set
	// two fines in the same words (统计法 2009 and 2024; the cartel's and
	// the abuser's fine of the Anti-Monopoly Law) are told apart only by
	// where they stand; SOTU links the unemployment rate of 1969 and 1972
	// to 1976's threshold "where the unemployment rate now runs over 7
	// percent".
	"fixtures.yaml":           {P: 0.99, R: 0.80, BP: 0.99, BR: 0.91, Mixed: 0, NotFigures: 0},
	"fomc.yaml":               {P: 0.95, R: 0.97, BP: 0.90, BR: 0.90, Mixed: 0, NotFigures: 0},
	"gwr-to-2013.yaml":        {P: 0.93, R: 0.78, BP: 0.95, BR: 0.79, Mixed: 0, NotFigures: 0},
	"laws.yaml":               {P: 0.74, R: 0.92, BP: 0.93, BR: 0.96, Mixed: 0, NotFigures: 0},
	"laws-accounting.yaml":    {P: 0.99, R: 0.74, BP: 0.99, BR: 0.90, Mixed: 0, NotFigures: 0},
	"laws-foreign-trade.yaml": {P: 0.99, R: 0.99, BP: 0.99, BR: 0.99, Mixed: 0, NotFigures: 0},
	"laws-statistics.yaml":    {P: 0.99, R: 0.99, BP: 0.99, BR: 0.99, Mixed: 0, NotFigures: 0},
	"longer-run-goals.yaml":   {P: 0.99, R: 0.99, BP: 0.99, BR: 0.99, Mixed: 0, NotFigures: 1},
	"sotu.yaml":               {P: 0.59, R: 0.12, BP: 0.92, BR: 0.64, Mixed: 0, NotFigures: 0},

	// 2026-12-02, the annotation pass's new files, at what docdrift scored
	// then. CPC reports: 翻两番/翻一番 are not read as figures, and a
	// from–to pair (两亿五千多万 → 两千多万) is one track; the
	// Anti-Money Laundering Law links fines of different articles by
	// their 情节严重 framing, not by who pays for what; the Agricultural
	// Product Quality Safety Law's fines are labelled "并" and stay apart.
	"cpc-congress-reports-zh.yaml":    {P: 0.77, R: 0.26, BP: 0.89, BR: 0.75, Mixed: 0, NotFigures: 2},
	"laws-anti-money-laundering.yaml": {P: 0.62, R: 0.35, BP: 0.90, BR: 0.79, Mixed: 0, NotFigures: 0},
	"laws-agri-product-quality.yaml":  {P: 0.95, R: 0.55, BP: 0.95, BR: 0.85, Mixed: 0, NotFigures: 0},
}

// sharedCorpora is where the real corpora are, from this package.
const sharedCorpora = "../../../shared/corpora"

func TestTrackDevSet(t *testing.T) {
	if _, err := os.Stat(sharedCorpora); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is absent: the gold tracks are over the shared corpora", sharedCorpora)
	}
	sets, err := LoadTrackSets("testdata/tracks")
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) == 0 {
		t.Fatal("no gold track files in testdata/tracks")
	}
	perFile, total, err := ScoreTracks(sets, "../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range TrackRows(total)[0].Misses {
		t.Log(m)
	}
	for i, s := range perFile {
		name := sets[i].Name
		if len(s.Skipped) > 0 {
			t.Logf("%s skipped: %s", name, s.Skipped)
			continue
		}
		bp, br := s.BCubed()
		t.Logf("%s: %d observations, %d not found; pairs %+v P %.3f R %.3f; B-cubed P %.3f R %.3f; %d mixes; %d of %d not-figures in a track",
			name, s.Observations, len(s.NotFound), s.Pairs, s.Pairs.Precision(), s.Pairs.Recall(), bp, br, len(s.Mixed), len(s.InTracks), s.NotFigures)
		f, ok := trackFloors[name]
		if !ok {
			t.Logf("%s: no floor recorded yet", name)
			continue
		}
		for _, c := range []struct {
			what      string
			got, want float64
		}{{"pairwise precision", s.Pairs.Precision(), f.P}, {"pairwise recall", s.Pairs.Recall(), f.R},
			{"B-cubed precision", bp, f.BP}, {"B-cubed recall", br, f.BR}} {
			if math.IsNaN(c.got) || c.got < c.want {
				t.Errorf("%s: %s %.3f, under its floor %.3f", name, c.what, c.got, c.want)
			}
		}
		if len(s.Mixed) > f.Mixed {
			t.Errorf("%s: %d target/result mixes, over %d: %q", name, len(s.Mixed), f.Mixed, s.Mixed)
		}
		if len(s.InTracks) > f.NotFigures {
			t.Errorf("%s: %d not-figures in a track, over %d: %q", name, len(s.InTracks), f.NotFigures, s.InTracks)
		}
	}
	for name := range trackFloors {
		if !strings.HasSuffix(name, ".yaml") || !hasSet(sets, name) {
			t.Errorf("floor for %s, which is not in testdata/tracks", name)
		}
	}
}

func hasSet(sets []*TrackSet, name string) bool {
	for _, s := range sets {
		if s.Name == name {
			return true
		}
	}
	return false
}

// TestTrackScoring checks the scorer on gold tracks over the fixtures,
// with a known right link, a known split, and annotations that contradict
// the texts.
func TestTrackScoring(t *testing.T) {
	gold := `
corpus: fixtures/opening-up
tracks:
  - measure: trade in services
    role: result
    observations:
      - {doc: qiushi-2025, text: "US$1 trillion", in: "trade in services"}
      - {doc: interview-2025, text: "1 trillion US dollars"}
  - measure: a different fact, as a wrong label says
    role: result
    observations:
      - {doc: speech-2023-zh, text: "11倍"}
  - measure: the same fact, as a wrong label says
    role: result
    observations:
      - {doc: speech-2023-en, text: "11-fold"}
      - {doc: speech-2023-zh, text: "近30%"}
not_figures:
  - {doc: speech-2023-en, text: "nearly 30 percent"}
`
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "gold.yaml"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	sets, err := LoadTrackSets(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, s, err := ScoreTracks(sets, "../..")
	if err != nil {
		t.Fatal(err)
	}
	// Pairs: trillion–trillion linked (TP); 11倍–11-fold linked across two
	// gold tracks (FP); 11-fold–近30% not linked (FN).
	if s.Pairs != (Score{TP: 1, FP: 1, FN: 1}) {
		t.Errorf("pairs %+v; misses %q", s.Pairs, s.Links)
	}
	if len(s.InTracks) != 1 || s.NotFigures != 1 {
		t.Errorf("not-figures in a track: %q of %d", s.InTracks, s.NotFigures)
	}
	if p, r := s.BCubed(); p >= 1 || r >= 1 {
		t.Errorf("B-cubed %.2f %.2f for labels partly wrong", p, r)
	}
}

func TestTrackAnnotationErrors(t *testing.T) {
	for _, tt := range []struct{ name, gold, want string }{
		{"words not in the document", `{doc: qiushi-2025, text: "US$7 trillion"}`, "not in the document"},
		{"sentence not in the document", `{doc: qiushi-2025, text: "US$1 trillion", in: "no such words"}`, "not in the document"},
		{"no such document", `{doc: qiushi-2030, text: "1"}`, "no such document"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			yaml := "corpus: fixtures/opening-up\ntracks:\n  - measure: m\n    role: result\n    observations:\n      - " + tt.gold + "\n"
			os.WriteFile(filepath.Join(dir, "gold.yaml"), []byte(yaml), 0o644)
			sets, err := LoadTrackSets(dir)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := ScoreTracks(sets, "../.."); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

func TestLoadTrackSetsIsStrict(t *testing.T) {
	for _, tt := range []struct{ name, yaml string }{
		{"misspelt field", "corpus: x\ntracks:\n  - measure: m\n    role: result\n    observatons: []\n"},
		{"unknown role", "corpus: x\ntracks:\n  - measure: m\n    role: goal\n    observations: [{doc: a, text: '1'}]\n"},
		{"no corpus", "tracks: []\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "gold.yaml"), []byte(tt.yaml), 0o644)
			if _, err := LoadTrackSets(dir); err == nil {
				t.Error("loaded without error")
			}
		})
	}
}

func TestPairsAndBCubed(t *testing.T) {
	obs := func(gold, sys int) goldObs { return goldObs{track: gold, sys: sysObs{track: sys}} }
	for _, tt := range []struct {
		name   string
		found  []goldObs
		pairs  Score
		bp, br float64
	}{
		{"all right", []goldObs{obs(0, 5), obs(0, 5), obs(1, 6)}, Score{TP: 1}, 1, 1},
		{"one split", []goldObs{obs(0, 5), obs(0, 6)}, Score{FN: 1}, 1, 0.5},
		{"two joined", []goldObs{obs(0, 5), obs(1, 5)}, Score{FP: 1}, 0.5, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := pairs(tt.found); got != tt.pairs {
				t.Errorf("pairs %+v, want %+v", got, tt.pairs)
			}
			p, r := bcubed(tt.found)
			n := float64(len(tt.found))
			if math.Abs(p/n-tt.bp) > 1e-9 || math.Abs(r/n-tt.br) > 1e-9 {
				t.Errorf("B-cubed %.3f %.3f, want %.3f %.3f", p/n, r/n, tt.bp, tt.br)
			}
		})
	}
}

// TestMixed checks that a docdrift track holding a target and a result of
// one measure is counted, whatever qualifier the annotator added in
// brackets, and that a target beside another measure's target is not.
func TestMixed(t *testing.T) {
	s := &TrackSet{Name: "t.yaml", Tracks: []GoldTrack{
		{Measure: "国内生产总值增长 (今年预期目标)", Role: "target"},
		{Measure: "国内生产总值增长（上年实际）", Role: "result"},
		{Measure: "居民消费价格涨幅", Role: "target"},
	}}
	obs := func(gold, sys int) goldObs { return goldObs{track: gold, sys: sysObs{track: sys}} }
	tracks := []figures.Track{{Label: "增长"}, {Label: "涨幅"}}
	for _, tt := range []struct {
		name  string
		found []goldObs
		want  int
	}{
		{"target and result of one measure", []goldObs{obs(0, 0), obs(1, 0)}, 1},
		{"targets of two measures", []goldObs{obs(0, 1), obs(2, 1)}, 0},
		{"target and result apart", []goldObs{obs(0, 0), obs(1, 1)}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := mixed(s, tt.found, tracks); len(got) != tt.want {
				t.Errorf("%q, want %d", got, tt.want)
			}
		})
	}
}
