package segment

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestCut(t *testing.T) {
	var s Segmenter
	tests := []struct {
		text string
		want string // words joined by "/"
	}{
		{"积极推动恢复世界贸易组织争端解决机制正常运转", "积极/推动/恢复/世界贸易组织/争端/解决/机制/正常/运转"},
		{"高水平对外开放", "高水平/对外开放"},
		{"", ""},
	}
	for _, tt := range tests {
		got, err := s.Cut(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		if g := strings.Join(got, "/"); g != tt.want {
			t.Errorf("Cut(%q) = %s, want %s", tt.text, g, tt.want)
		}
		if strings.Join(got, "") != tt.text {
			t.Errorf("Cut(%q) loses text: %q", tt.text, got)
		}
	}
}

func TestCutConcurrent(t *testing.T) {
	var s Segmenter
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ws, err := s.Cut("服务贸易规模超过1万亿美元"); err != nil || len(ws) < 3 {
				t.Errorf("Cut: %q, %v", ws, err)
			}
		}()
	}
	wg.Wait()
}

// BenchmarkLoad measures loading the dictionary, which the first Cut pays.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var s Segmenter
		if err := s.load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCut(b *testing.B) {
	var s Segmenter
	text := strings.Repeat("要更加主动对接高标准国际经贸规则，稳步扩大规则、规制、管理、标准等制度型开放。", 100)
	if _, err := s.Cut(text); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Cut(text)
	}
}

// TestLoadSmall bounds what loading the dictionary allocates: gse built its
// trie from the dictionary's text at every start (425 MB allocated).
func TestLoadSmall(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var s Segmenter
	if err := s.load(); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if mb := float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20); mb > 20 {
		t.Errorf("loading the dictionary allocated %.1f MB, want at most 20", mb)
	}
}

// TestCutAllocations checks that a cut allocates its list of words and
// nothing per word or per character: the words are slices of the
// (lowercased) text, and the graph's memory is reused from one cut to the
// next (a cut of this text made 1,626 allocations).
func TestCutAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's instrumentation allocates")
	}
	var s Segmenter
	text := strings.Repeat("要更加主动对接高标准国际经贸规则，稳步扩大规则、规制、管理、标准等制度型开放。", 20)
	if _, err := s.Cut(text); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(20, func() { s.Cut(text) }); n > 3 {
		t.Errorf("Cut: %.0f allocations, want at most 3", n)
	}
	// Text that is not valid UTF-8 is cut as before, a character at a time.
	got, err := s.Cut("中\xff国ABC")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"中", "\uFFFD", "国", "abc"}; !slices.Equal(got, want) {
		t.Errorf("Cut(invalid UTF-8) = %q, want %q", got, want)
	}
}
