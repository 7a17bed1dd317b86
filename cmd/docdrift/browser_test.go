package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/docdrift/docdrift/diff"
)

// TestHTMLReportInBrowser writes the HTML timeline of the fixture corpus
// and opens it in a real headless Chromium: the page must load with no
// console error (a CSP refusal among them), show every section with the
// counts the JSON reports give, draw a chart for each changed figure, and
// answer its controls. It does so twice: for the page as docdrift writes
// it for this small corpus (passages as markup) and as it writes a long
// report's (passages as data that the page's script lays out). It saves
// a full-page screenshot of each as a test artifact (go test -artifacts
// keeps them). Skipped where no browser is on PATH; .ci/run installs
// Debian's chromium.
func TestHTMLReportInBrowser(t *testing.T) {
	browser := browserOrSkip(t)
	fixtures, err := filepath.Abs("../../fixtures/opening-up")
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []struct {
		name     string
		dataFrom int
	}{{"markup", 0}, {"data", -1}} {
		t.Run(mode.name, func(t *testing.T) {
			page := filepath.Join(t.TempDir(), "report.html")
			writeHTMLReport(t, fixtures, page, mode.dataFrom)
			checkReportInBrowser(t, browser, fixtures, page)
		})
	}
}

// writeHTMLReport writes the HTML timeline of corpus to page, as
// "docdrift timeline --format html" does, with the given
// htmlreport.Report.DataFrom.
func writeHTMLReport(t *testing.T, corpus, page string, dataFrom int) {
	t.Helper()
	var out bytes.Buffer
	u := &ui{out: &out, err: io.Discard, format: formatHTML}
	g, c, docs, err := loadWithGlossary(u, []string{corpus}, "", "")
	if err != nil {
		t.Fatal(err)
	}
	r := newTimelineReport(u, c, docs, g.Concepts, diff.Hedge, true)
	r.dataFrom = dataFrom
	if err := r.html(u); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// openLaidOut opens page and waits until its script has laid out every
// step.
func openLaidOut(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+page)); err != nil {
		t.Fatalf("open %s: %v", page, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("main").dataset.laidOut === "all"`)); err != nil {
		t.Fatalf("%s: the steps were not all laid out: %v", page, err)
	}
}

func checkReportInBrowser(t *testing.T, browser, fixtures, page string) {
	var tl struct {
		Steps []struct {
			Summary map[string]any `json:"summary"`
			Bitext  map[string]any `json:"bitext"`
		} `json:"steps"`
		Tracks []struct {
			Change       string            `json:"change"`
			Observations []json.RawMessage `json:"observations"`
		} `json:"tracks"`
	}
	decode(t, runOK(t, "timeline", "--format", "json", fixtures), &tl)
	var th struct {
		Themes []struct {
			Counts map[string]int `json:"counts"`
		} `json:"themes"`
	}
	decode(t, runOK(t, "themes", "--format", "json", fixtures), &th)

	ctx := newBrowser(t, browser)
	var (
		mu       sync.Mutex
		messages []chromedp.ConsoleMessage
	)
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			mu.Lock()
			messages = append(messages, m)
			mu.Unlock()
		}
	}()
	// However the test ends, every console message is looked at (after a
	// moment for late ones): errors, warnings and CSP refusals fail it.
	defer func() {
		time.Sleep(200 * time.Millisecond)
		mu.Lock()
		defer mu.Unlock()
		for _, m := range messages {
			if m.Type == chromedp.ConsoleError || m.IsException() || m.Type == chromedp.ConsoleWarning {
				t.Errorf("console %s", m)
			}
		}
	}()
	openLaidOut(t, ctx, page)

	count := func(selector string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", selector)))
		if err != nil {
			t.Fatalf("count %s: %v", selector, err)
		}
		return n
	}
	// Sections off screen are laid out only as they near the view, so
	// that a long report opens fast.
	lazy, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("section.step")).contentVisibility`))
	if err != nil || lazy != "auto" {
		t.Errorf("section.step content-visibility: %q (%v), want auto", lazy, err)
	}
	if got, want := count("section.step"), len(tl.Steps); got != want {
		t.Errorf("steps: got %d sections, want %d", got, want)
	}
	for i, s := range tl.Steps {
		want := 0
		for _, k := range []string{"same", "changed", "moved", "added", "removed"} {
			want += number(s.Summary[k])
		}
		for _, k := range []string{"paired", "repeats", "old_only", "new_only"} {
			want += number(s.Bitext[k])
		}
		if got := count(fmt.Sprintf("#step-%d .row", i+1)); got != want {
			t.Errorf("step %d: got %d passage rows, want %d (the JSON summary)", i+1, got, want)
		}
	}
	if got, want := count("#figures tr.track"), len(tl.Tracks); got != want || want == 0 {
		t.Errorf("figures: got %d track rows, want %d (and some)", got, want)
	}
	for i, tr := range tl.Tracks {
		row := fmt.Sprintf("#figures tr.track:nth-of-type(%d)", i+1)
		if got := count(row + " svg.chart circle"); got != len(tr.Observations) {
			t.Errorf("track %d (%s): got %d points, want %d", i+1, tr.Change, got, len(tr.Observations))
		}
	}
	// The chart of the first changed track is drawn: its line has an
	// extent on screen.
	width, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("#figures tr.track.up svg.chart polyline, #figures tr.track.down svg.chart polyline").getBBox().width`))
	if err != nil || width <= 0 {
		t.Errorf("chart of a changed figure: line width %v (%v), want > 0", width, err)
	}
	themes := 0
	for _, x := range th.Themes {
		for _, n := range x.Counts {
			if n > 0 {
				themes++
				break
			}
		}
	}
	if got := count("#themes table.heat tbody tr"); got != themes || themes == 0 {
		t.Errorf("themes: got %d heat map rows, want %d (themes found by docdrift themes)", got, themes)
	}

	// The controls appear with JavaScript and work.
	if got := count("#controls:not([hidden])"); got != 1 {
		t.Fatalf("controls: not shown by the script")
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#next"))); err != nil {
		t.Fatal(err)
	}
	if got := count(".row.current"); got != 1 {
		t.Errorf("next change: %d rows marked current, want 1", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#kinds input[value="added"]`))); err != nil {
		t.Fatal(err)
	}
	if added, hidden := count(`.row[data-kind="added"]`), count(`.row[data-kind="added"].filtered`); added == 0 || hidden != added {
		t.Errorf("unchecking added hid %d of %d added rows", hidden, added)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#kinds input[value="added"]`))); err != nil {
		t.Fatal(err)
	}

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	shotPath := filepath.Join(t.ArtifactDir(), "report.jpeg")

	if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", shotPath, len(shot))

}

// TestHTMLReportEscapedInBrowser opens the page of a corpus whose texts
// and manifest hold markup: the browser must see text, build no element
// from it and run no script but the page's own.
func TestHTMLReportEscapedInBrowser(t *testing.T) {
	browser := browserOrSkip(t)
	dir := t.TempDir()
	files := map[string]string{
		"docdrift.yaml": "title: <b>Bold</b> title\ndocuments:\n" +
			"  - {id: first, file: first.txt, date: 2024-01-01, lang: en, title: <i>first</i>}\n" +
			"  - {id: second, file: second.txt, date: 2025-01-01, lang: en, title: '\"><img src=x onerror=window.pwned=1>'}\n",
		"first.txt":  "Exports rose 5 percent to 300 billion dollars.\n\nOfficials will review the rules.\n",
		"second.txt": "Exports rose 7 percent to 320 billion dollars. <script>window.pwned=2</script>\n\nOfficials may review the \"><img src=x onerror=window.pwned=3> rules.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, mode := range []struct {
		name     string
		dataFrom int
	}{{"markup", 0}, {"data", -1}} {
		t.Run(mode.name, func(t *testing.T) {
			page := filepath.Join(t.TempDir(), "report.html")
			writeHTMLReport(t, dir, page, mode.dataFrom)
			checkEscapedInBrowser(t, browser, page)
		})
	}
}

func checkEscapedInBrowser(t *testing.T, browser, page string) {
	ctx := newBrowser(t, browser)
	openLaidOut(t, ctx, page)
	for _, c := range []struct {
		expr string
		want bool
	}{
		{`document.querySelectorAll("img, i, h1 b").length === 0`, true},
		// The page's own script; data blocks are not run.
		{`document.querySelectorAll("script:not([type])").length === 1`, true},
		{`window.pwned === undefined`, true},
		{`document.body.textContent.includes("<script>window.pwned=2</script>")`, true},
		{`document.querySelector("h1").textContent === "<b>Bold</b> title"`, true},
	} {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[bool](c.expr))
		if err != nil || got != c.want {
			t.Errorf("%s: got %v (%v), want %v", c.expr, got, err, c.want)
		}
	}
}

// browserOrSkip returns the browser to test with, skipping the test when
// there is none — unless DOCDRIFT_BROWSER_REQUIRED is set (.ci/run sets it
// after installing one), where a missing browser is a failure.
func browserOrSkip(t *testing.T) string {
	t.Helper()
	b := findBrowser()
	switch {
	case b != "":
	case os.Getenv("DOCDRIFT_BROWSER_REQUIRED") != "":
		t.Fatal("DOCDRIFT_BROWSER_REQUIRED is set but no Chromium is on PATH")
	default:
		t.Skip("no Chromium on PATH (apt-get install chromium): the HTML report is not checked in a browser")
	}
	return b
}

// findBrowser returns the first Chromium-like browser on PATH, or "".
func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// newBrowser starts a headless browser for the test, with the flags this
// machine's closed network needs and a profile of its own.
func newBrowser(t *testing.T, path string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	return bctx
}

// runOK runs docdrift in-process and returns its stdout, failing the test
// unless it exits 0.
func runOK(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(context.Background(), append([]string{"docdrift"}, args...), &out, &errb); code != 0 {
		t.Fatalf("docdrift %v: exit %d: %s", args, code, errb.String())
	}
	return out.Bytes()
}

func decode(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decode JSON: %v", err)
	}
}

// number reads a JSON count (absent is 0).
func number(v any) int {
	f, _ := v.(float64)
	return int(f)
}

// TestHTMLReportLoadTimes measures how fast a report opens in headless
// Chromium: the time to the first contentful paint, to DOMContentLoaded
// and to the load event (the first screen: the page is whole and answers),
// and, for a long report, until the script has unpacked its data (from
// then on, a section laid out as it nears the view) and until it has laid
// out every section, each in a fresh browser.
// It only runs when DOCDRIFT_PAGE names a page and asserts nothing: the
// numbers go to BENCHMARKS.md.
//
//	DOCDRIFT_PAGE=/tmp/r.html DOCDRIFT_PAGE_LOADS=5 go test ./cmd/docdrift -run LoadTimes -v
func TestHTMLReportLoadTimes(t *testing.T) {
	page := os.Getenv("DOCDRIFT_PAGE")
	if page == "" {
		t.Skip("DOCDRIFT_PAGE is not set: no page to time")
	}
	browser := browserOrSkip(t)
	page, err := filepath.Abs(page)
	if err != nil {
		t.Fatal(err)
	}
	loads := 3
	if n, err := strconv.Atoi(os.Getenv("DOCDRIFT_PAGE_LOADS")); err == nil && n > 0 {
		loads = n
	}
	type timing struct{ FCP, DCL, Load, Unpacked, All float64 }
	var all []timing
	for range loads {
		ctx := newBrowser(t, browser)
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+page)); err != nil {
			t.Fatalf("open %s: %v", page, err)
		}
		// A page without data (a short report, or one written before
		// there was any) is laid out when it has loaded.
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById("page-data") || document.querySelector("main").dataset.laidOut === "all"`)); err != nil {
			t.Fatalf("%s: the sections were not all laid out: %v", page, err)
		}
		tm, err := chromedp.Run(ctx, chromedp.Evaluate[timing](`(function () {
			var n = performance.getEntriesByType("navigation")[0];
			var p = performance.getEntriesByName("first-contentful-paint")[0];
			var mark = function (name) {
				var m = performance.getEntriesByName(name)[0];
				return m ? m.startTime : -1;
			};
			return {FCP: p ? p.startTime : -1, DCL: n.domContentLoadedEventEnd, Load: n.loadEventEnd,
				Unpacked: mark("docdrift: unpacked"), All: mark("docdrift: laid out")};
		}())`))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("first contentful paint %6.0f ms, DOMContentLoaded %6.0f ms, load %6.0f ms, data unpacked %6.0f ms, all laid out %6.0f ms", tm.FCP, tm.DCL, tm.Load, tm.Unpacked, tm.All)
		all = append(all, tm)
	}
	summary := func(name string, f func(timing) float64) {
		var xs []float64
		for _, tm := range all {
			xs = append(xs, f(tm))
		}
		slices.Sort(xs)
		t.Logf("%s: min %.0f ms, median %.0f ms, max %.0f ms", name, xs[0], xs[len(xs)/2], xs[len(xs)-1])
	}
	summary("first contentful paint", func(tm timing) float64 { return tm.FCP })
	summary("DOMContentLoaded", func(tm timing) float64 { return tm.DCL })
	summary("load", func(tm timing) float64 { return tm.Load })
	summary("data unpacked", func(tm timing) float64 { return tm.Unpacked })
	summary("all laid out", func(tm timing) float64 { return tm.All })
}

// TestHTMLReportDataInBrowser checks the page of a long report against
// the page of a short one, for the fixture corpus: once the script has
// laid out the data blocks, every passage row and every change listed
// reads as on the page written as markup, each row with the same
// attributes, and each figure track's row and chart is the same markup;
// a folded run of same passages opens to show its text; and a link to a
// passage shows it.
func TestHTMLReportDataInBrowser(t *testing.T) {
	browser := browserOrSkip(t)
	fixtures, err := filepath.Abs("../../fixtures/opening-up")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	markup, data := filepath.Join(dir, "markup.html"), filepath.Join(dir, "data.html")
	writeHTMLReport(t, fixtures, markup, 0)
	writeHTMLReport(t, fixtures, data, -1)
	if b, err := os.ReadFile(data); err != nil || !bytes.Contains(b, []byte(`id="page-data"`)) {
		t.Fatalf("%s holds no data block (%v)", data, err)
	}
	// Each row as its attributes, the text of each of its parts and the
	// markup of its sides; each change as its text; white space
	// collapsed.
	const read = `(function () {
		var norm = function (s) { return s.replace(/\s+/g, " ").trim(); };
		var rows = Array.prototype.map.call(document.querySelectorAll(".row"), function (r) {
			return [r.id, r.className, r.dataset.kind, r.dataset.rank, r.lang,
				norm(r.querySelector(".head").textContent),
				r.querySelector(".old").lang, r.querySelector(".new").lang,
				norm(r.querySelector(".old").innerHTML), norm(r.querySelector(".new").innerHTML),
				r.parentElement.tagName, r.parentElement.tagName === "DETAILS" ? norm(r.parentElement.querySelector("summary").textContent) : ""].join(" | ");
		});
		var changes = Array.prototype.map.call(document.querySelectorAll("ol.changes li"), function (li) {
			return norm(li.innerHTML);
		});
		var tracks = Array.prototype.map.call(document.querySelectorAll("#figures tr.track"), function (tr) {
			return tr.outerHTML.replace(/>\s+</g, "><");
		});
		return rows.concat(changes, tracks);
	}())`
	var pages [2][]string
	for i, page := range []string{markup, data} {
		ctx := newBrowser(t, browser)
		openLaidOut(t, ctx, page)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](read))
		if err != nil {
			t.Fatal(err)
		}
		pages[i] = got
		if i == 0 {
			continue
		}
		// A folded run opens to show its passages' text.
		folded := `document.querySelector("details.same-run")`
		if n, err := chromedp.Run(ctx, chromedp.Evaluate[bool](folded+` !== null && !`+folded+`.open && !`+folded+`.querySelector(".row .new").checkVisibility()`)); err != nil || !n {
			t.Fatalf("no folded run of same passages, or its text shows before it is opened (%v)", err)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("details.same-run > summary"))); err != nil {
			t.Fatal(err)
		}
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
			var n = document.querySelector("details.same-run .row .new");
			return n.checkVisibility() ? n.innerText : "";
		}())`))
		if err != nil || len(strings.TrimSpace(shown)) < 10 {
			t.Errorf("opened folded run: shows %q (%v), want its passage's text", shown, err)
		}
	}
	// A link to a passage of a step not laid out yet lays out that step
	// and shows the passage, as soon as the data is unpacked.
	ctx := newBrowser(t, browser)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+data+"#step-2-p18")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`performance.getEntriesByName("docdrift: unpacked").length > 0`)); err != nil {
		t.Fatalf("data not unpacked: %v", err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function () {
		var r = document.getElementById("step-2-p18");
		if (!r) { return false; }
		var box = r.getBoundingClientRect();
		return box.bottom > 0 && box.top < innerHeight;
	}())`))
	if err != nil || !shown {
		t.Errorf("link to passage step-2-p18: in view %v (%v), want it laid out and in view", shown, err)
	}

	if len(pages[0]) < 20 {
		t.Fatalf("markup page: %d rows and changes, want more", len(pages[0]))
	}
	if d := cmp.Diff(pages[0], pages[1]); d != "" {
		t.Errorf("rows and changes laid out from data differ from markup (-markup +data):\n%s", d)
	}
}
