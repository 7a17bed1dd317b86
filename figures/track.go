package figures

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docdrift/docdrift/internal/overlap"
	"github.com/docdrift/docdrift/internal/parallel"
	"github.com/docdrift/docdrift/normalize"
)

// Document is one document to track figures across: its id, and the
// sentences to read figures from.
type Document struct {
	ID string
	// TranslationOf is the id of the document this one translates, or "".
	TranslationOf string
	// Date is the document's date (2024-07-31, or a year), or "": it
	// tells how far a counter that advances with time ("for 13
	// consecutive years") should have moved since an earlier document.
	Date string
	Doc  *normalize.Document
}

// Observation is a figure seen in one document.
type Observation struct {
	Doc string `json:"doc"`
	Figure
	// Year is the year the figure refers to, when its sentence says so
	// ("in 2024"); 0 otherwise.
	Year int `json:"year,omitempty"`
	// Period is the reporting period its sentence names ("first six
	// months", "past five years", "during the 14th Five-Year Plan
	// period"), when it names one. Different values of different periods
	// are different facts.
	Period string `json:"period,omitempty"`
	// Subject is what the figure counts or measures, in the document's
	// words: its counted noun, or the words that lead up to it.
	Subject string `json:"subject"`
	// Measure is what is measured, as a phrase in the document's words
	// without the verbs and particles that frame the figure ("target
	// range federal funds rate", 城镇登记失业率): the track's label.
	Measure string `json:"measure"`
	// Role is the kind of statement that holds the figure: RoleResult,
	// RoleTarget, RoleReference, RoleCumulative or RoleAlternative.
	Role     string `json:"role"`
	Sentence string `json:"sentence"`
	Line     int    `json:"line"`
	// Evidence is why the observation joined its track; nil for the
	// track's first observation.
	Evidence *Evidence `json:"evidence,omitempty"`
	// Also are the places where the same document states the same value
	// of the same measure again, joined to this observation rather than
	// opening a parallel track.
	Also []Mention `json:"also,omitempty"`
	// Score is the similarity with which this observation joined its
	// track (1 for a translation's figure of equal value); 0 for the first.
	Score float64 `json:"score,omitempty"`

	context  []string // similarity features of the subject
	period   string   // Period's key: its lead word, value and unit
	weight   float64  // the context's total weight, for similarity
	counter  bool     // a count of years that advances with time: "for 13 consecutive years", 连续13年
	year     int      // the document's year, 0 when unknown
	docIndex int      // the document's place in the order given
	article  int      // the numbered article it stands in (0 before the first)
	pos      float64  // where in its document it stands, from 0 to 1
	// sizesChange marks a figure that sizes a change ("reduce the
	// deficit by $2.5 trillion"), a fact apart from the level it changed.
	sizesChange bool
	// average marks a figure said of each year of a span on average
	// (年均增长9.5%, "averaged 3 percent"), a fact apart from the span's
	// total (比2000年增长57.3%), and a plan's average target apart from a
	// year's target.
	average bool
	measure []string // similarity features of the measure alone
	mweight float64  // their total weight
	// restated holds the restatements joined to this observation (Also),
	// for their words: a fact is known by each of its wordings.
	restated   []Observation
	cids, mids []int32 // context and measure as feature ids (see featureIDs), for linking
}

// Mention is one more place where a document states an observation's
// figure: its words, its span and its line.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Line  int    `json:"line"`
}

// Evidence is why an observation joined its track, for a reader to check
// a link: the observation it was matched with, how, and the words both
// have.
type Evidence struct {
	// Doc and Line are the observation it was matched with.
	Doc  string `json:"doc"`
	Line int    `json:"line"`
	// By is what decided the link: ByAlignment, ByMeasure, ByContext,
	// ByAdvancing or ByTranslation.
	By string `json:"by"`
	// Score is the similarity of the two (see Observation.Score).
	Score float64 `json:"score"`
	// Shared are the words (for Chinese, pairs of characters) both
	// contexts hold, rarest first.
	Shared []string `json:"shared,omitempty"`
}

// What decided a link (Evidence.By).
const (
	ByMeasure     = "measure"     // the measures agree, whatever the words around them
	ByContext     = "context"     // the words around the figures agree
	ByAdvancing   = "advancing"   // a count of years grown by the years between the documents
	ByTranslation = "translation" // the same value in the document this one translates
	ByAlignment   = "alignment"   // the comparison of the two documents paired their passages
)

// Track is one fact followed across documents: its observations in
// document order, at most one per document.
type Track struct {
	Key          string        `json:"key"`
	Label        string        `json:"label"`
	Unit         string        `json:"unit"`
	Change       string        `json:"change"`                  // same, up, down, mixed, restated, advancing; "" for a track of one
	HedgeChanged bool          `json:"hedge_changed,omitempty"` // the qualifier changed ("nearly 30%" → "around 30%")
	Observations []Observation `json:"observations"`

	feats map[string]bool // the union of its observations' context features, for the index
}

// Track changes.
const (
	Same  = "same"
	Up    = "up"
	Down  = "down"
	Mixed = "mixed"
	// Restated is a value said again at another precision and hedge, in
	// agreement with what was said before: "10.5%" → "over 10%". It is no
	// rise or fall.
	Restated = "restated"
	// Advancing is a count of years that grew by the years between the
	// documents: "for 7 consecutive years" (2024) → "for 8 consecutive
	// years" (2025). The record held; nothing rose.
	Advancing = "advancing"
)

// LinkThreshold is the weighted Dice similarity of two figures'
// contexts from which they are taken to measure the same thing. Below it,
// equal units and even equal values do not link: "22 pilot free trade
// zones" and "24 free trade agreements" share too little.
const LinkThreshold = 0.3

// maxPosting bounds how many tracks a context feature may index before it
// is too common to find candidates with.
const maxPosting = 50

// Tracks extracts the figures of each document (in the order given, which
// should be date order) and links those that measure the same thing into
// tracks. Dates ("in 2024") are not figures; they give observations their
// year. Each figure gets a measure and a role; a figure said again in its
// document joins its first statement. A document's other figures are then
// linked in one assignment (see linker.assign) to open tracks of the same
// unit and a compatible role, by the similarity of their contexts or
// measures, at or above LinkThreshold, one figure per track and document;
// a document that translates another links its figures to the original's
// by equal value and unit first. Candidate tracks come from an inverted
// index on context features, never from all pairs: the cost is about
// linear in the number of figures.
func Tracks(docs []Document) []Track { return TracksAligned(docs, nil) }

// Alignment is evidence from a comparison of two documents: the spans of
// Old that it paired with spans of New (a passage's two sides, byte
// offsets into each document's Text). Package figures cannot compare
// documents; its callers can (package timeline).
type Alignment struct {
	Old, New string // document ids
	Pairs    []SpanPair
}

// SpanPair is one aligned passage: [OldStart, OldEnd) of the old
// document paired with [NewStart, NewEnd) of the new one.
type SpanPair struct{ OldStart, OldEnd, NewStart, NewEnd int }

// alignedBonus is what an observation of an aligned passage adds to the
// score of linking with one of the other side: the diff pairing two
// sentences is the strongest evidence that their figures state one fact,
// stronger than any overlap of words. Among the figures of one aligned
// passage, similarity still decides which links with which.
const alignedBonus = 1.0

// alignedFloor is the least similarity two figures of aligned passages
// need to link by the alignment: the passage pairs them, the words around
// them must still say they are about one thing.
const alignedFloor = 0.1

// measuresDiffer reports two measures that both name something (two
// words at least, or Chinese: an English measure of one word is often an
// adverb the clause happened to hold; 个人 is a person) and share no word: two facts, however alike the words around them (an
// individual's fine is not a trade association's).
func measuresDiffer(a, b Observation) bool {
	names := func(m []string) bool { return len(m) > 1 || len(m) == 1 && strings.HasPrefix(m[0], "h:") }
	return names(a.measure) && names(b.measure) && overlap.Shared(a.mids, b.mids) == 0
}

// TracksAligned is Tracks with alignment evidence: two figures of the
// same unit and compatible roles in passages that a comparison aligned
// link first (Evidence.By = ByAlignment), whatever their other words,
// and even when their values differ more than 5-fold (a fine raised from
// 二万元 to 五十万元). Looking a pair up costs O(log p) for p aligned
// passages.
func TracksAligned(docs []Document, aligned []Alignment) []Track {
	obs := make([][]Observation, len(docs))
	parallel.For(len(docs), func(i int) { obs[i] = observe(docs[i], false) })
	w := newWeights(obs)
	for _, os := range obs {
		for k := range os {
			os[k].weight = w.total(os[k].context)
			os[k].mweight = w.total(os[k].measure)
		}
	}
	w.featureIDs = w.intern(obs)
	l := linker{w: w, byFeature: map[string][]int{}, trackOf: map[obsKey]int{}, aligned: alignmentIndex(aligned)}
	for di, d := range docs {
		var orig []Observation
		origIdx := -1
		if d.TranslationOf != "" {
			for k, e := range docs[:di] {
				if e.ID == d.TranslationOf {
					orig, origIdx = obs[k], k
				}
			}
		}
		used := map[int]bool{}
		var rest []Observation // neither translated nor said before in the document
		for _, o := range obs[di] {
			o.docIndex = di
			if t := l.translated(o, orig, origIdx, used); t >= 0 {
				o.Score = 1
				o.Evidence = l.explain(o, t, ByTranslation)
				l.add(t, o)
				continue
			}
			if l.restates(rest, o) {
				continue
			}
			rest = append(rest, o)
		}
		tracks, scores := l.assign(rest)
		evidence := l.explainAll(rest, tracks)
		for k, o := range rest {
			if t := tracks[k]; t >= 0 {
				o.Score = math.Round(scores[k]*1000) / 1000
				o.Evidence = evidence[k]
				l.add(t, o)
				continue
			}
			l.open(o)
		}
	}
	for i := range l.tracks {
		l.tracks[i].finish()
	}
	return l.tracks
}

// NotTracked returns the numbers of the documents that name or enumerate
// things rather than measure them (Figure.NotFigure: article numbers,
// ordinals, clock times …), in document order: what Tracks leaves out,
// for whoever wants to check it. Linear in the documents' length.
func NotTracked(docs []Document) []Observation {
	obs := make([][]Observation, len(docs))
	parallel.For(len(docs), func(i int) { obs[i] = observe(docs[i], true) })
	var out []Observation
	for _, os := range obs {
		out = append(out, os...)
	}
	return out
}

// Observe returns the figures of one document as Tracks reads them —
// each with its subject, Measure and Role — in document order, without
// linking them to any other document: what a comparison of two editions
// needs to tell that two sentences state the same measure. Linear in the
// document's length. The similarity features linking reads (the context
// of each observation's subject and measure) are left out: no caller
// outside the package can read them.
func Observe(d Document) []Observation { return observeFor(d, false, false, nil) }

// ObserveExtracted is Observe for a caller that has extracted the figures
// of some of the document's sentences already: extracted(i) returns those
// of d.Doc.Sentences[i] (Extract of its text at its offset) and true, or
// false for a sentence whose figures Observe is to extract. The
// observations are Observe's; the figures given are read, not changed.
func ObserveExtracted(d Document, extracted func(sentence int) ([]Figure, bool)) []Observation {
	return observeFor(d, false, false, extracted)
}

// observe extracts a document's figures with their year, subject and
// context, from its body, heading and list sentences; or, when
// notFigures is set, only its numbers that are no figures.
func observe(d Document, notFigures bool) []Observation { return observeFor(d, notFigures, true, nil) }

// observeFor is observe, with the similarity features linking reads when
// linking is set, without them when not (Observe), and with the figures
// of the sentences extracted gives when it is not nil
// (ObserveExtracted).
func observeFor(d Document, notFigures, linking bool, extracted func(int) ([]Figure, bool)) []Observation {
	var out []Observation
	doc := d.Doc
	year := yearOf(d.Date)
	article := 0                     // how many numbered articles began before here
	lastMeasure, lastBlock := "", -1 // the last measure of a sentence before, and its block
	var ex sentenceExtractor
	for si, s := range doc.Sentences {
		switch doc.Blocks[s.Block].Kind {
		case normalize.Furniture, normalize.Caption:
			continue
		}
		text := doc.Text[s.Start:s.End]
		figs, ok := []Figure(nil), false
		if extracted != nil {
			figs, ok = extracted(si)
		}
		if !ok {
			figs = ex.extract(text, s.Start)
		}
		prevEnd := s.Start
		intro := introOf(doc, si)
		prevMeasure, prevLead, carry := "", "", ""
		for _, f := range figs {
			if notFigures && f.NotFigure != "" {
				out = append(out, Observation{Doc: d.ID, Figure: f, Sentence: normalize.Tidy(text), Line: doc.LineAt(f.Start)})
			}
			if f.NotFigure == ArticleNumber && strings.TrimSpace(doc.Text[s.Start:f.Start]) == "" {
				article++ // 第五条 opening its sentence: a new article
			}
			if f.NotFigure != "" && !notFigures {
				// A step or an article number is no figure, but the words
				// before it still lead up to the next one: "raise the
				// target range by 1/4 percentage point to 5 percent".
				carry += doc.Text[prevEnd:f.Start]
				if !hasHan(carry) {
					carry += " "
				}
				prevEnd = skipUnitRest(doc.Text, f.End, s.End)
				continue
			}
			if f.Unit == Date || f.Unit == Period || notFigures {
				prevEnd, carry = f.End, ""
				continue
			}
			lead := withoutAsides(carry + doc.Text[prevEnd:f.Start])
			carry = ""
			if f.Unit != Rank {
				// A rank qualifies what follows, and stays in the lead of
				// the next figure: "Service trade ranks second globally,
				// with a total value exceeding 1 trillion US dollars".
				prevEnd = f.End
			}
			if isIdiomaticOne(f) {
				continue // "on the one hand", "one family"
			}
			o := Observation{Doc: d.ID, Figure: f, Year: referenceYear(doc.Text, figs, f), Sentence: normalize.Tidy(text), Line: doc.LineAt(f.Start), year: year, article: article,
				pos: float64(f.Start) / float64(max(1, len(doc.Text)))}
			if o.Year == 0 && year > 0 {
				if off, ok := relativeYear(doc.Text[s.Start:f.Start]); ok {
					o.Year = year + off // 今年, "last year": against the document's date
				}
			}
			o.Period, o.period = periodOf(doc.Text, s.Start, s.End, figs, f)
			o.Subject = subject(f, lead)
			o.sizesChange = endsWithBy(lead)
			o.Measure = measureOf(o.Subject, o.sizesChange)
			// A figure whose own clause names no thing measures what the
			// figure before it did: "by 1/2 percentage point to 4-3/4 to 5
			// percent", 国内生产总值47.2万亿元，比上年增长9.2%.
			// Not across a semicolon: a new clause says a new thing
			// ("…exceeded 580 billion US dollars; For five consecutive
			// years, the World Open Report has been released").
			if isThinMeasure(o.Measure) && prevMeasure != "" && f.Unit != Rank && !strings.ContainsAny(lead, ";；") {
				if o.Measure != "" && hasHan(o.Measure) {
					o.Measure = prevMeasure + o.Measure
				} else {
					o.Measure = prevMeasure
				}
				lead = prevLead + " " + lead
				if o.Subject == "" || hasHan(o.Subject) {
					o.Subject = o.Measure
				}
			}
			// Still nothing, or only who imposes it (反垄断执法机构可以处…): a
			// Chinese sentence names its subject first
			// (行业协会违反本法规定，…，可以处三百万元以下的罚款).
			if isThinMeasure(o.Measure) || isZhFraming(o.Measure) || isZhAgent(o.Measure) {
				if m := zhSubjectOf(doc.Text[s.Start:f.Start]); m != "" {
					o.Measure = m
				}
			}
			// 情节严重的，并处十万元以上五十万元以下的罚款: the serious case of
			// the fine the sentence before set, in its block.
			if isZhSeverity(o.Measure) && lastBlock == s.Block && lastMeasure != "" && !isZhSeverity(lastMeasure) {
				o.Measure = lastMeasure + "（" + o.Measure + "）"
			}
			prevMeasure, prevLead = o.Measure, lead
			lastMeasure, lastBlock = o.Measure, s.Block
			rest := doc.Text[f.End:s.End]
			o.Role = roleOf(f, doc.Text[s.Start:f.Start], clauseOf(lead), rest, intro)
			if o.Role == RoleResult && (spansYears(doc.Text[s.Start:f.Start], o.Year, year) || inSpanBlock(doc, s, f)) {
				o.Role = RoleCumulative // 比2002年增长65.5%: five years' growth
			}
			o.counter = isCounter(f, lead, rest)
			o.average = isAverage(clauseOf(lead))
			// "For 13 consecutive years, China's outbound direct
			// investment has ranked …": a record opening its sentence
			// names what it counts after it.
			if o.counter && isThinMeasure(o.Measure) && !hasHan(rest) {
				o.Measure = measureOf(headWords(strings.TrimLeft(rest, " ,"), 4), false)
			}
			after := ""
			switch rest := doc.Text[f.End:s.End]; {
			case f.Unit == Rank:
				// An ordinal ranks what follows it: "the 45th anniversary of
				// reform and opening up".
				o.Subject = headWords(rest, 3)
				o.Measure = measureOf(o.Subject, false)
				after = head(rest, 8)
			case o.counter:
				// What a record is kept in often follows it: "for eight
				// consecutive years in terms of total volume of trade",
				// "For 13 consecutive years, China's outbound direct
				// investment has ranked among the top three".
				after = head(clause(strings.TrimLeft(rest, " ,，")), 8)
			case f.Unit == Percent || f.Unit == Share:
				// A share is often of what follows: "around 30% of global
				// economic growth", "nearly 30 percent to global growth".
				if w := strings.Fields(rest); len(w) > 1 && (w[0] == "of" || w[0] == "to") {
					after = head(clause(rest), 6)
				}
				// A percent said before a noun qualifies it, and the noun
				// is what is measured: "the current 0 to 1/4 percent target
				// range for the federal funds rate", "its 2 percent
				// inflation objective".
				if np := nounAfter(rest); np != "" {
					o.Measure, after = np, np
				}
			}
			if linking {
				o.context = contextFeatures(o.Subject + " " + o.Measure + " " + tail(lead, 12) + " " + after + " " + referredArticle(doc, s, text))
				o.measure = contextFeatures(o.Measure)
			}
			if f.From != nil {
				out = append(out, earlier(o, doc.Text))
			}
			out = append(out, o)
		}
	}
	return out
}

// namedPeriod is a reporting period named in words: "during the 14th
// Five-Year Plan period", "over the same period".
var namedPeriod = regexp.MustCompile(`(?i)\b(?:during|over|in|for) the ([^,.;:()]{1,40}?) period\b`)

// periodOf returns the reporting period closest to f in its sentence
// (text[start:end]), with the word before it ("first six months"), and a
// key that reads "first 6 month" for "first 6 months" too; or "" for both.
func periodOf(text string, start, end int, figs []Figure, f Figure) (string, string) {
	best, dist := -1, -1
	for k, p := range figs {
		if p.Unit != Period {
			continue
		}
		d := p.Start - f.End
		if d < 0 {
			d = f.Start - p.End
		}
		if dist < 0 || d < dist {
			best, dist = k, d
		}
	}
	if best < 0 {
		// "during the 14th Five-Year Plan period"; the regular expression
		// runs only on sentences that say "period".
		sentence := text[start:end]
		if !strings.Contains(sentence, "period") && !strings.Contains(sentence, "Period") {
			return "", ""
		}
		if m := namedPeriod.FindStringSubmatch(sentence); m != nil {
			return normalize.Tidy(m[0]), strings.ToLower(normalize.Key(m[1]))
		}
		return "", ""
	}
	p := figs[best]
	lead := strings.Fields(text[:p.Start])
	word := ""
	if len(lead) > 0 {
		word = strings.ToLower(lead[len(lead)-1])
	}
	noun := strings.Fields(strings.ToLower(p.Text))
	key := word + " " + strconv.FormatFloat(p.Value, 'g', -1, 64) + " " + strings.TrimSuffix(noun[len(noun)-1], "s")
	return strings.TrimSpace(word + " " + normalize.Tidy(p.Text)), key
}

// referenceYear returns the year a figure refers to: the closest year of
// its sentence said as "in 2024" or "2024年" (not "since 2013", which
// starts a period), or 0.
func referenceYear(text string, figs []Figure, f Figure) int {
	best, dist := 0, -1
	for _, y := range figs {
		if y.Unit != Date || y.Value < 1800 {
			continue
		}
		// Only the word before the year matters: lower-casing all the
		// text before it made this quadratic in the document's length.
		before := strings.TrimRight(text[max(0, y.Start-16):y.Start], " ")
		if !strings.HasSuffix(strings.ToLower(before), "in") && !strings.HasSuffix(y.Text, "年") {
			continue
		}
		d := y.Start - f.End
		if d < 0 {
			d = f.Start - y.End
		}
		if dist < 0 || d < dist {
			best, dist = int(y.Value), d
		}
	}
	return best
}

// isIdiomaticOne reports a lone "one" or "a" before a noun, which counts
// nothing a reader tracks.
func isIdiomaticOne(f Figure) bool {
	if f.Value != 1 || f.Unit == Percent || isCurrency(f.Unit) {
		return false
	}
	w := strings.ToLower(strings.Fields(f.Text)[0])
	return w == "one" || w == "a" || w == "an"
}

// headWords returns the first n content words of s: what an ordinal
// ranks ("20th Central Committee").
func headWords(s string, n int) string {
	var keep []string
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, `,.;:"'“”‘’()-–—`)
		if w == "" || subjectStop[strings.ToLower(w)] {
			if len(keep) > 0 {
				break
			}
			continue
		}
		keep = append(keep, w)
		if len(keep) == n {
			break
		}
	}
	if len(keep) == 0 && hasHan(s) {
		r := []rune(strings.TrimSpace(s))
		if len(r) > 6 {
			r = r[:6]
		}
		return string(r)
	}
	return strings.Join(keep, " ")
}

// clause returns s up to its first comma, semicolon or colon.
func clause(s string) string {
	if k := strings.IndexAny(s, ",;:，；："); k >= 0 {
		return s[:k]
	}
	return s
}

// withoutAsides removes what stands in closed parentheses, an aside that
// does not name what a figure measures: "the value of digitally
// deliverable services (a measure of … data trade) exceeded 2.7
// trillion yuan" measures services, not data trade.
func withoutAsides(s string) string {
	if !strings.ContainsAny(s, "(（") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '（':
			depth++
		case (r == ')' || r == '）') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	if depth > 0 {
		return s // an aside not closed before the figure is its context
	}
	return b.String()
}

// subject is what a figure measures: its counted noun when it has one,
// otherwise the content words that lead up to it in its clause.
func subject(f Figure, lead string) string {
	switch f.Unit {
	case Percent, PercentagePoint, "basis-point", "permille", Share, Times, Rank, Year, "", "anniversary":
	default:
		// 城镇新增就业1221万人 counts jobs, not 人: a Chinese measure
		// word names nothing, the words before the number do.
		if !isCurrency(f.Unit) && !(isClassifierUnit(f.Unit) && hasHan(lead)) {
			return f.Unit
		}
	}
	// The clause before the figure: after the last comma, semicolon or
	// Chinese comma.
	if k := strings.LastIndexAny(lead, ",;:，；：、"); k >= 0 {
		_, size := utf8.DecodeRuneInString(lead[k:])
		lead = lead[k+size:]
	}
	var keep []string
	for _, w := range strings.Fields(lead) {
		lw := strings.Trim(strings.ToLower(w), `"'“”‘’()`)
		if lw == "" || subjectStop[lw] || hedgesBefore[lw] != "" {
			continue
		}
		keep = append(keep, strings.Trim(w, `"'“”‘’()`))
	}
	if len(keep) > 6 {
		keep = keep[len(keep)-6:]
	}
	s := strings.Join(keep, " ")
	if s == "" && len([]rune(lead)) > 0 && hasHan(lead) {
		r := []rune(strings.TrimSpace(lead))
		if len(r) > 12 {
			r = r[len(r)-12:]
		}
		s = string(r)
	}
	return s
}

// Function words and verbs of change, left out of subjects.
var subjectStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but of to in on at by for with from as into is are was were be been
		has have had will would can could may might must should that which who this these those it its their our
		we they has reached reach reaching rose rise rising grew grow growing increased increase decreased fell
		climbed stood totaled totalled amounted accounted accounting hit surpassed exceeded exceeding than more
		over nearly almost about around some approximately up down by per cent percent also already now still
		while since until total mark marks marked marking`) {
		m[w] = true
	}
	delete(m, "total")
	return m
}()

func hasHan(s string) bool {
	for _, r := range s {
		if normalize.IsHan(r) {
			return true
		}
	}
	return false
}

// tail returns the last n words of s (for Chinese, the last 2n characters).
func tail(s string, n int) string {
	if hasHan(s) {
		r := []rune(s)
		if len(r) > 2*n {
			r = r[len(r)-2*n:]
		}
		return string(r)
	}
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Join(f, " ")
}

// head returns the first n words of s (for Chinese, the first 2n
// characters).
func head(s string, n int) string {
	if hasHan(s) {
		r := []rune(s)
		if len(r) > 2*n {
			r = r[:2*n]
		}
		return string(r)
	}
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// contextFeatures are the similarity features of a figure's context:
// content word stems, and pairs of ideographs for Chinese, with the
// variant names of a measure spelled one way (measureVariants).
func contextFeatures(s string) []string {
	s = spellMeasures.Replace(s)
	var out []string
	var prevHan rune
	var word []rune
	flush := func() {
		if len(word) == 0 {
			return
		}
		w := strings.ToLower(string(word))
		word = word[:0]
		if !subjectStop[w] && len(w) > 1 && !isNumberWord(w) {
			out = append(out, "w:"+normalize.Stem(w))
		}
	}
	for _, r := range s {
		switch {
		case normalize.IsHan(r):
			flush()
			if prevHan != 0 && !zhStop[string(prevHan)] && !zhStop[string(r)] {
				out = append(out, "h:"+string(prevHan)+string(r))
			}
			prevHan = r
		case unicode.IsLetter(r):
			word = append(word, r)
			prevHan = 0
		default:
			flush()
			prevHan = 0
		}
	}
	flush()
	slices.Sort(out)
	return slices.Compact(out)
}

func isNumberWord(w string) bool {
	_, small := smallWords[w]
	return small || tensWords[w] != 0 || scaleWords[w] != 0
}

// weights gives context features their inverse document frequency over all
// observations.
type weights struct {
	idf map[string]float64
	featureIDs
}

func newWeights(obs [][]Observation) weights {
	df := map[string]int{}
	n := 0
	for _, os := range obs {
		for _, o := range os {
			n++
			for _, f := range o.context {
				df[f]++
			}
		}
	}
	w := weights{idf: make(map[string]float64, len(df))}
	for f, d := range df {
		w.idf[f] = math.Log(1 + float64(n)/float64(d))
	}
	return w
}

func (w weights) weight(f string) float64 { return w.idf[f] }

// total is the weight of a context: the sum of its features' weights.
func (w weights) total(ctx []string) float64 { return overlap.Total(ctx, w.weight) }

// similarity is the weighted Dice coefficient of two observations'
// contexts (sorted feature lists), in [0, 1] (see package overlap), or
// that of their measures alone when higher and they share at least two
// words: the words around a figure change from one statement to the
// next ("decided today to keep" / "to establish"), what it measures
// does not. An observation restated in its document is compared in each
// of its wordings, the best counting.
func (w weights) similarity(a, b Observation) float64 { return w.similarityOf(&a, &b) }

// similarityOf is similarity without copying the observations.
func (w weights) similarityOf(a, b *Observation) float64 {
	sc := w.wordsSimilarity(a, b)
	for i := range a.restated {
		sc = math.Max(sc, w.wordsSimilarity(&a.restated[i], b))
	}
	for i := range b.restated {
		sc = math.Max(sc, w.wordsSimilarity(a, &b.restated[i]))
	}
	return sc
}

// wordsSimilarity is similarity for one wording of each observation.
func (w weights) wordsSimilarity(a, b *Observation) float64 {
	sc := w.dice(a.cids, b.cids, a.weight, b.weight)
	if w.shared(a.mids, b.mids) >= 2 {
		sc = math.Max(sc, w.dice(a.mids, b.mids, a.mweight, b.mweight))
	}
	return sc
}

// recent is how many of a track's latest observations a figure is
// compared with: a fact restated over a thousand documents is matched by
// how it was last written, and linking stays linear in the corpus.
const recent = 8

// trackSimilarity is the best similarity of an observation with one of
// a track's latest observations: a track that spans two languages is
// matched by an observation in the same language.
func (w weights) trackSimilarity(o Observation, t Track) float64 {
	best := 0.0
	latest := t.Observations[max(0, len(t.Observations)-recent):]
	for i := range latest {
		p := &latest[i] // not copied: this runs for every candidate track
		sc := w.similarityOf(&o, p)
		// One shared word is thin evidence however rare it is: two
		// short contexts that share "years" are not one fact.
		if sc < sureThreshold && w.shared(o.cids, p.cids) < 2 {
			continue
		}
		best = math.Max(best, sc)
	}
	return best
}

// sharedBeyond reports whether two contexts share a feature that is not
// one of own, the features of the unit's words.
func sharedBeyond(a, b, own []string) bool {
	for _, f := range a {
		if _, in := slices.BinarySearch(b, f); in {
			if _, mine := slices.BinarySearch(own, f); !mine {
				return true
			}
		}
	}
	return false
}

// linker builds tracks.
type linker struct {
	w         weights
	tracks    []Track
	byFeature map[string][]int // track indexes by context feature
	trackOf   map[obsKey]int   // the track of each observation
	aligned   map[[2]string][]SpanPair
	seen      visits         // the tracks candidates has seen for the current observation
	scratch   []*linkScratch // for candidatesOf's goroutines
}

// alignmentIndex indexes aligned spans by document pair, sorted by their
// old start for binary search.
func alignmentIndex(aligned []Alignment) map[[2]string][]SpanPair {
	m := map[[2]string][]SpanPair{}
	for _, a := range aligned {
		ps := slices.Clone(a.Pairs)
		slices.SortFunc(ps, func(x, y SpanPair) int { return x.OldStart - y.OldStart })
		m[[2]string{a.Old, a.New}] = ps
	}
	return m
}

// isAligned reports whether a comparison paired the passage holding a
// (in an earlier document) with the one holding b.
func (l *linker) isAligned(a, b Observation) bool {
	ps := l.aligned[[2]string{a.Doc, b.Doc}]
	if len(ps) == 0 {
		return false
	}
	// Passages do not overlap: only the last pair whose old side starts
	// at or before a can hold it.
	k, found := slices.BinarySearchFunc(ps, a.Start, func(p SpanPair, t int) int { return p.OldStart - t })
	if !found {
		k--
	}
	if k < 0 {
		return false
	}
	p := ps[k]
	return a.Start < p.OldEnd && b.Start >= p.NewStart && b.Start < p.NewEnd
}

type obsKey struct {
	doc   string
	start int
}

func (l *linker) open(o Observation) {
	t := Track{Unit: o.Unit, feats: map[string]bool{}}
	l.tracks = append(l.tracks, t)
	l.add(len(l.tracks)-1, o)
}

func (l *linker) add(ti int, o Observation) {
	t := &l.tracks[ti]
	t.Observations = append(t.Observations, o)
	l.trackOf[obsKey{o.Doc, o.Start}] = ti
	for _, f := range o.context {
		if !t.feats[f] {
			t.feats[f] = true
			if len(l.byFeature[f]) < maxPosting {
				l.byFeature[f] = append(l.byFeature[f], ti)
			}
		}
	}
}

// maxRatio bounds how far a value may move between two documents and
// still be the same fact, unless the contexts agree at sureThreshold: a
// restated figure rarely changes tenfold, two facts sharing words often
// differ so.
const (
	maxRatio      = 5
	sureThreshold = 0.6
)

// candidate is a track an observation may join, with the similarity.
type candidate struct {
	obs, track int
	score      float64
}

// candidates appends to out the open tracks that o (the k-th observation
// of its document) may join, each with its similarity: at least
// LinkThreshold, under the constraints on unit, role, period, rank,
// counted noun and ratio that keep facts apart.
func (l *linker) candidates(out []candidate, k int, o Observation) []candidate {
	l.seen.next()
	l.w.setFocus(&o)
	var unitFeats []string // the features of o's counted noun, made when first needed
	unitFeatsMade := false
	for _, f := range o.context {
		for _, ti := range l.byFeature[f] {
			// Units first: most tracks a feature finds count something
			// else, and reading the unit costs less than copying the
			// track's last observation.
			if !l.seen.first(ti) || l.tracks[ti].Unit != o.Unit {
				continue
			}
			t := l.tracks[ti]
			last := t.Observations[len(t.Observations)-1]
			// One observation per document and track; a target links to
			// targets, a result to results.
			if t.Unit != o.Unit || last.Doc == o.Doc || !rolesLink(last, o) || last.sizesChange != o.sizesChange ||
				o.Role == last.Role && o.Role != RoleResult && o.average != last.average {
				continue
			}
			// A dissent's preferred value is a series only while the
			// dissent goes on, meeting after meeting.
			if o.Role == RoleAlternative && last.docIndex != o.docIndex-1 {
				continue
			}
			// Aligned passages: the strongest evidence, unless what the two
			// figures measure has nothing in common (a passage paired for
			// its other words).
			if l.isAligned(last, o) && (o.period == last.period || o.Value == last.Value) {
				// A counted noun alone still links a restated value only:
				// 53 and 30 "African countries" in one passage are two.
				countedOnly := o.Value != last.Value && !isStandardUnit(o.Unit) && !isCurrency(o.Unit) &&
					!sharedBeyond(o.context, last.context, contextFeatures(o.Unit))
				if sc := l.w.similarity(o, last); sc >= alignedFloor && !measuresDiffer(o, last) && !countedOnly {
					out = append(out, candidate{k, ti, alignedBonus + sc})
					continue
				}
			}
			if measuresDiffer(o, last) {
				continue
			}
			if advances(last, o) {
				// The agreement of the values is evidence of its own: a
				// record kept counts as linked at the threshold.
				if sc := l.w.similarity(o, last); sc >= advancingThreshold && overlap.Shared(o.cids, last.cids) >= 2 {
					out = append(out, candidate{k, ti, math.Max(sc, LinkThreshold)})
				}
				continue
			}
			// Different reporting periods explain different values:
			// "379 in all" and "225 over the past five years" are two
			// facts. An equal value restated with another period is one.
			if o.Unit == Rank && !sameRanked(o, last) || o.period != last.period && o.Value != last.Value {
				continue
			}
			// A counted noun alone links a fact restated, not one that
			// changed: "one million young Americans" (1963) and "100,000
			// young Americans" (1999) share nothing but their noun.
			if o.Value != last.Value && !isStandardUnit(o.Unit) && !isCurrency(o.Unit) {
				if !unitFeatsMade {
					unitFeats, unitFeatsMade = contextFeatures(o.Unit), true
				}
				if !sharedBeyond(o.context, last.context, unitFeats) {
					continue
				}
			}
			sc := l.w.trackSimilarity(o, t)
			if sc < LinkThreshold || sc < sureThreshold && !plausible(mid(o.Figure), mid(last.Figure)) {
				continue
			}
			out = append(out, candidate{k, ti, sc})
		}
	}
	return out
}

// assign links the observations of one document to open tracks, as one
// decision for the document: candidate pairs are taken by descending
// similarity (ties: the value closer to the track's last, the one at the
// nearer place in its document, then reading order), each observation joining at most one track and each track
// taking at most one observation of the document — the greedy
// approximation of a maximum-weight assignment. First come, first served
// in reading order would let an early figure take the track a later one
// fits better (a trade association's fine taking the track of an
// individual's). It returns, for each observation, its track and score,
// or -1.
func (l *linker) assign(obs []Observation) ([]int, []float64) {
	cands := l.candidatesOf(obs)
	last := func(c candidate) Observation {
		t := l.tracks[c.track]
		return t.Observations[len(t.Observations)-1]
	}
	dist := func(c candidate) float64 { return math.Abs(obs[c.obs].Value - last(c).Value) }
	// The agreement of the words around, a Dice of two contexts, decides
	// between equal scores, which are many: it is worked out once per
	// candidate (ctx, by the candidate's place in cands), not at each
	// comparison of the sort.
	ctx, ctxDone := make([]float64, len(cands)), make([]bool, len(cands))
	context := func(i int) float64 {
		if !ctxDone[i] {
			o, p := obs[cands[i].obs], last(cands[i])
			ctx[i], ctxDone[i] = overlap.Dice(o.context, p.context, o.weight, p.weight, l.w.weight), true
		}
		return ctx[i]
	}
	shift := func(c candidate) float64 { return math.Abs(obs[c.obs].pos - last(c).pos) }
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := cands[i], cands[j]
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		// Between equals (a measure stated in the same words), the one
		// whose words around agree more (the article a law's fine refers
		// to), then the value closer to the track's last, then the one at
		// the nearer place in its document: editions keep their order (two
		// articles of a law that set a fine in the same words).
		if a.score == b.score {
			if c := cmp.Compare(context(j), context(i)); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(dist(a), dist(b)); c != 0 {
			return c
		}
		if c := cmp.Compare(shift(a), shift(b)); c != 0 {
			return c
		}
		return a.obs - b.obs
	})
	sorted := make([]candidate, len(cands))
	for k, i := range order {
		sorted[k] = cands[i]
	}
	cands = sorted
	track := make([]int, len(obs))
	score := make([]float64, len(obs))
	for k := range track {
		track[k] = -1
	}
	taken := map[int]bool{}
	for _, c := range cands {
		if track[c.obs] >= 0 || taken[c.track] {
			continue
		}
		track[c.obs], score[c.obs], taken[c.track] = c.track, c.score, true
	}
	return track, score
}

// rolesLink reports whether observations of two roles may be one fact: of
// one role, or a result and a cumulative figure of the same value ("on
// average nearly 30 percent" and "around 30%" said of the same years). A
// target never links to a result.
func rolesLink(a, b Observation) bool {
	if a.Role == b.Role {
		return true
	}
	pair := func(x, y string) bool { return a.Role == x && b.Role == y || a.Role == y && b.Role == x }
	return pair(RoleResult, RoleCumulative) && a.Value == b.Value
}

// explain says why o joins track ti: the most similar of the track's
// latest observations, what decided, and the words they share (at most
// eight, rarest first). by is ByTranslation for a translation's link, or
// "" to work it out.
func (l *linker) explain(o Observation, ti int, by string) *Evidence {
	t := l.tracks[ti]
	recentObs := t.Observations[max(0, len(t.Observations)-recent):]
	p := recentObs[len(recentObs)-1]
	best := -1.0
	if by == "" {
		for _, q := range recentObs {
			if sc := l.w.similarity(o, q); sc > best {
				best, p = sc, q
			}
		}
	}
	e := &Evidence{Doc: p.Doc, Line: p.Line, By: by, Score: math.Round(math.Max(best, 0)*1000) / 1000}
	if by == "" {
		last := t.Observations[len(t.Observations)-1]
		context := overlap.Dice(o.context, p.context, o.weight, p.weight, l.w.weight)
		switch {
		case l.isAligned(last, o):
			e.By, p = ByAlignment, last
			e.Doc, e.Line = p.Doc, p.Line
			e.Score = math.Round(l.w.similarity(o, last)*1000) / 1000
		case advances(last, o):
			e.By, p = ByAdvancing, last
			e.Doc, e.Line = p.Doc, p.Line
		case e.Score > math.Round(context*1000)/1000:
			e.By = ByMeasure
		default:
			e.By = ByContext
		}
	}
	if by == ByTranslation {
		e.Score = 1
	}
	for _, f := range o.context {
		if _, ok := slices.BinarySearch(p.context, f); ok {
			e.Shared = append(e.Shared, f)
		}
	}
	slices.SortStableFunc(e.Shared, func(a, b string) int { return cmp.Compare(l.w.weight(b), l.w.weight(a)) })
	if len(e.Shared) > 8 {
		e.Shared = e.Shared[:8]
	}
	words := e.Shared[:0]
	for _, f := range e.Shared {
		if w := wordOf(f, o.Sentence); !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	e.Shared = words
	return e
}

// wordOf returns a context feature as a reader knows it: the first word
// of sentence with its stem ("services" for w:servic), the words of the
// sentence that measureVariants spell another way (经济增长 for h:国内), or
// the feature without its prefix.
func wordOf(feature, sentence string) string {
	stem := feature[2:] // "w:" or "h:"
	if !strings.HasPrefix(feature, "w:") {
		if !strings.Contains(sentence, stem) {
			if v := variantHolding(stem, sentence); v != "" {
				return v // 国内 of 国内生产总值增长, which the sentence says as 经济增长
			}
		}
		return stem
	}
	for _, w := range strings.FieldsFunc(sentence, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' }) {
		if normalize.Stem(strings.ToLower(w)) == stem {
			return strings.ToLower(w)
		}
	}
	if v := variantHolding(strings.ToUpper(stem), sentence); v != "" {
		return v // gdp, which the sentence says as "gross domestic product"
	}
	return stem
}

// advancingThreshold is the similarity from which two counts of years,
// the later one grown by the years between their documents, are one
// record kept: the agreement of the values is evidence of its own.
const advancingThreshold = 0.1

// advances reports whether b counts the years of a record that a counted
// before it, grown by the years between their documents (give or take
// one, as dates within a year differ): "for seven consecutive years"
// (2024) and "for eight consecutive years" (2025).
func advances(a, b Observation) bool {
	if !a.counter || !b.counter || a.year == 0 || b.year == 0 || b.year < a.year {
		return false
	}
	grown := b.Value - a.Value
	gap := float64(b.year - a.year)
	return grown > 0 && math.Abs(grown-gap) <= 1
}

// restates joins o to an earlier observation of its document, among
// obs, that states the same value of the same measure in the same role
// ("把增长预期目标定在5%左右" explaining the target set earlier), and
// reports whether it did: a fact said twice in one document is one
// observation, not two tracks. Only a close match (sureThreshold) is the
// same fact said again: a document says different facts of equal value
// (a law's fines). Cost: linear in obs.
func (l *linker) restates(obs []Observation, o Observation) bool {
	for i := range obs {
		p := &obs[i]
		// Two articles of a law may set the same fine in the same words:
		// a restatement never crosses a numbered article.
		if p.Role != o.Role || p.Unit != o.Unit || !equalWithin(*p, o) || !equalPtr(p.High, o.High) || p.period != o.period ||
			p.article != o.article || p.average != o.average {
			continue
		}
		if overlap.Shared(o.cids, p.cids) < 2 || l.w.similarity(*p, o) < sureThreshold && !namesWithin(*p, o, l.w) {
			continue
		}
		p.Also = append(p.Also, Mention{Text: o.Text, Start: o.Start, End: o.End, Line: o.Line})
		p.restated = append(p.restated, o)
		return true
	}
	return false
}

// namesWithin reports whether one observation's measure holds all of
// the other's, three features at least: the target list says 国内生产总值增长
// 8%左右, its explanation 中央提出今年经济增长预期目标为8%左右 — one fact,
// explained in more words.
func namesWithin(a, b Observation, w weights) bool {
	return overlap.Shared(a.measure, b.measure) >= 3 &&
		overlap.Containment(a.measure, b.measure, a.mweight, b.mweight, w.weight) >= 0.95
}

func equalPtr(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// sameRanked reports whether two ranks rank the same kind of thing: their
// subjects, the words after the ordinal, share a word ("the 45th
// anniversary" and "the 14th Five-Year Plan" do not).
func sameRanked(a, b Observation) bool {
	fb := contextFeatures(b.Subject)
	for _, f := range contextFeatures(a.Subject) {
		if _, ok := slices.BinarySearch(fb, f); ok {
			return true
		}
	}
	return false
}

// mid is a figure's value, or the middle of its range: 0 to 1/4 percent
// is 0.125, which a ratio can compare.
func mid(f Figure) float64 {
	if f.High != nil {
		return (f.Value + *f.High) / 2
	}
	return f.Value
}

// plausible reports whether a and b are within maxRatio of each other.
func plausible(a, b float64) bool {
	a, b = math.Abs(a), math.Abs(b)
	if a == 0 || b == 0 {
		return a == b
	}
	return math.Max(a, b)/math.Min(a, b) <= maxRatio
}

// closer reports whether o's value is closer to the last value of track a
// than to b's.
func closer(o Observation, a, b Track) bool {
	da := math.Abs(o.Value - a.Observations[len(a.Observations)-1].Value)
	db := math.Abs(o.Value - b.Observations[len(b.Observations)-1].Value)
	return da < db
}

// translated returns the track of the figure in the original document
// that o translates — the same value and unit, first unused — or -1.
func (l *linker) translated(o Observation, orig []Observation, origIdx int, used map[int]bool) int {
	if origIdx < 0 {
		return -1
	}
	for k, p := range orig {
		// Counted nouns are in each document's own language: 140多个国家
		// translates "more than 140 countries".
		if used[k] || p.Value != o.Value || p.Unit != o.Unit && (isStandardUnit(p.Unit) || isStandardUnit(o.Unit)) {
			continue
		}
		ti, ok := l.trackOf[obsKey{p.Doc, p.Start}]
		if !ok {
			continue
		}
		used[k] = true
		// The track takes the unit that later documents in other
		// languages can match: "countries" rather than 国家.
		if t := &l.tracks[ti]; t.Unit == "" || hasHan(t.Unit) && !hasHan(o.Unit) {
			t.Unit = o.Unit
		}
		return ti
	}
	return -1
}

// isStandardUnit reports units that are the same in every language:
// percent, currencies, multipliers, years, ranks.
func isStandardUnit(u string) bool {
	switch u {
	case Percent, PercentagePoint, Share, Times, Year, Rank, Date, "anniversary", "permille", "basis-point":
		return true
	}
	return isCurrency(u) || measures[u]
}

// finish sets a track's key, label and change.
// labelOf names a track by what its observations measure: the measure
// most of them state (the first of equals), in English if any is (a
// translation's track), or "". The first observation's words alone may be
// a fragment (定 of 目标定为8%).
func labelOf(obs []Observation) string {
	english := slices.ContainsFunc(obs, func(o Observation) bool { return o.Measure != "" && !hasHan(o.Measure) })
	count := map[string]int{}
	label, best := "", 0
	for _, o := range obs {
		if o.Measure == "" || english && hasHan(o.Measure) {
			continue
		}
		count[o.Measure]++
		if n := count[o.Measure]; n > best {
			label, best = o.Measure, n
		}
	}
	return label
}

func (t *Track) finish() {
	first := t.Observations[0]
	label := labelOf(t.Observations)
	if label == "" {
		label = first.Text
	}
	t.Label = label
	t.Key = keyOf(t.Unit, label, first)
	if len(t.Observations) < 2 {
		return
	}
	up, down, restated, advancing := false, false, false, false
	for i := 1; i < len(t.Observations); i++ {
		a, b := t.Observations[i-1], t.Observations[i]
		if a.Qualifier != b.Qualifier {
			t.HedgeChanged = true
		}
		switch Compare(a, b) {
		case Advancing:
			advancing = true
		case Up:
			up = true
		case Down:
			down = true
		case Restated:
			restated = true
		}
	}
	switch {
	case up && down:
		t.Change = Mixed
	case up:
		t.Change = Up
	case down:
		t.Change = Down
	case restated:
		t.Change = Restated
	case advancing:
		t.Change = Advancing
	default:
		t.Change = Same
	}
}

// Compare says how the value of b, said after a, moved: Same, Up, Down,
// Advancing for a count of years kept up (see advances), or Restated when one of the two is a rounder, hedged statement of the
// other's value ("10.5%" → "over 10%", "about 11%", "nearly 11%"; and
// the other way round). Two hedges of the same kind are compared as
// values: "over 500 billion" → "over 580 billion" is Up, its floor rose.
func Compare(a, b Observation) string {
	switch {
	case advances(a, b):
		return Advancing
	case equalWithin(a, b):
		return Same
	case restates(a.Figure, b.Figure) || restates(b.Figure, a.Figure):
		return Restated
	case b.Value > a.Value:
		return Up
	}
	return Down
}

// restates reports whether the hedged figure r states the exact figure
// x's value at a coarser precision: x = 10.5 and r "over 10", "about
// 11", "nearly 11" or "less than 11".
func restates(x, r Figure) bool {
	if x.Qualifier != Exact || r.Qualifier == Exact || x.High != nil || r.High != nil {
		return false
	}
	g := grain(r.Value)
	if g <= grain(x.Value) {
		return false // r is not rounder than x
	}
	switch r.Qualifier {
	case Over, AtLeast:
		return x.Value >= r.Value && x.Value < r.Value+g
	case Under, AtMost:
		return x.Value <= r.Value && x.Value > r.Value-g
	case Nearly:
		return x.Value <= r.Value && r.Value-x.Value <= g/2
	case About:
		return math.Abs(x.Value-r.Value) <= g/2
	}
	return false
}

// grain is the largest power of ten that divides v (within rounding): 10
// for 10 and 580, 0.1 for 10.5, 1e11 for 500 billion; 0 for 0.
func grain(v float64) float64 {
	v = math.Abs(v)
	if v == 0 {
		return 0
	}
	g := math.Pow(10, math.Floor(math.Log10(v)))
	for g > 1e-9 {
		q := v / g
		if math.Abs(q-math.Round(q)) < 1e-6*q {
			return g
		}
		g /= 10
	}
	return g
}

// equalWithin reports whether two values are equal within the precision
// printed: "US$1 trillion" and "US$1.0 trillion", 580 and 580.
func equalWithin(a, b Observation) bool {
	if a.Value == b.Value {
		return true
	}
	m := math.Max(math.Abs(a.Value), math.Abs(b.Value))
	return m > 0 && math.Abs(a.Value-b.Value)/m < 1e-9
}

func keyOf(unit, label string, first Observation) string {
	k := strings.ToLower(strings.Join(strings.Fields(label), "-"))
	if len(k) > 48 {
		k = k[:48]
	}
	return first.Doc + ":" + strconv.Itoa(first.Line) + ":" + unit + ":" + k
}

// earlier is the observation of the earlier value of a change said in one
// phrase ("from 9.7% in 2012 to 10.5%"): its own fact, of role
// RoleReference, spanning the phrase up to "to".
func earlier(o Observation, text string) Observation {
	e := o
	e.Figure.Value, e.Figure.From, e.Role = *o.From, nil, RoleReference
	if k := strings.Index(o.Text, " to "); k > 0 {
		e.Figure.Text, e.Figure.End = o.Text[:k], o.Start+k
		e.NounStart = e.End
	}
	e.Year = 0
	return e
}

// endsWithBy reports a lead that ends with "by": the figure sizes a change
// ("reduce the deficit by more than $2.5 trillion").
func endsWithBy(lead string) bool {
	w := strings.Fields(lead)
	return len(w) > 0 && strings.EqualFold(w[len(w)-1], "by")
}

// skipUnitRest returns where the words after a number that is no figure
// begin, past a unit written on it ("25-basis-point"), which names the
// step and not what the next figure measures.
func skipUnitRest(text string, end, limit int) int {
	for _, u := range []string{"-basis-point", "-percentage-point"} {
		if strings.HasPrefix(text[end:limit], u) {
			return end + len(u)
		}
	}
	return end
}

// referredArticle returns the opening words of the article a law's
// sentence refers to by 前款 or 本条第一款 ("企业事业单位或者其他组织有前款所列行为之一的，
// 可以并处五万元以下的罚款"): what the fine is for is said there, and two
// articles' fines in the same words differ only by it. It returns "" for
// other sentences. The article is the nearest block before that opens
// with its number (第四十一条), at most 40 blocks back.
func referredArticle(doc *normalize.Document, s normalize.Sentence, text string) string {
	if !strings.Contains(text, "前款") && !strings.Contains(text, "本条第一款") {
		return ""
	}
	for b := s.Block - 1; b >= 0 && b >= s.Block-40; b-- {
		t := strings.TrimSpace(doc.Text[doc.Blocks[b].Start:doc.Blocks[b].End])
		if rest, ok := afterArticleNumber(t); ok {
			return head(rest, 30)
		}
	}
	return ""
}

// inSpanBlock reports a figure of a block that opens by naming a span
// of years ("五年来，人民生活明显改善。…城镇新增就业4200万人", "Over the past
// four years, …"), or of a sentence that does (五年全国新增城镇就业5100万人),
// when nothing in its own sentence before it names a
// year of its own: what the block counts, it counts over the span.
func inSpanBlock(doc *normalize.Document, s normalize.Sentence, f Figure) bool {
	b := doc.Blocks[s.Block]
	open := strings.TrimLeft(doc.Text[b.Start:min(b.End, b.Start+40)], " \t　—")
	lo := strings.ToLower(open)
	before := doc.Text[s.Start:f.Start]
	sentence := strings.TrimLeft(before, " \t　—")
	if !startsWithAny(open, zhSpanOpenings) && !startsWithAny(lo, enSpanOpenings) &&
		!startsWithAny(sentence, []string{"五年", "十年"}) {
		return false
	}
	if _, ok := relativeYear(before); ok {
		return false
	}
	return !namesYear(before)
}

// namesYear reports a year written in digits: 2012年, "in 2012".
func namesYear(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case digits == 4 && (r == '年' || r == ' ' || r == ',' || r == '，'):
			return true
		default:
			digits = 0
		}
	}
	return digits == 4
}

// introOf returns the text that introduces sentence si: the statement
// before the last colon of its block that comes before it (a list of
// targets cut into sentences at its semicolons: "主要预期目标是：国内生产总值
// 增长8%左右；…；居民消费价格总水平涨幅控制在3%；"), or, when the sentences
// of its block before it end no statement, the block before it if that
// one ends with a colon ("今年经济社会发展的主要预期目标是：", "The targets
// are:"); or "".
func introOf(doc *normalize.Document, si int) string {
	s := doc.Sentences[si]
	b := doc.Blocks[s.Block]
	if b.First != si {
		prefix := doc.Text[b.Start:s.Start]
		if k := max(strings.LastIndex(prefix, "："), strings.LastIndex(prefix, ":")); k >= 0 {
			statement := prefix[:k]
			if j := max(strings.LastIndex(statement, "。"), strings.LastIndex(statement, ". ")); j >= 0 {
				statement = statement[j:]
			}
			return statement
		}
		if strings.Contains(prefix, "。") || strings.Contains(prefix, ". ") {
			return "" // the list ended within the block
		}
	}
	if s.Block == 0 {
		return ""
	}
	prev := doc.Blocks[s.Block-1]
	text := strings.TrimSpace(doc.Text[prev.Start:prev.End])
	if strings.HasSuffix(text, "：") || strings.HasSuffix(text, ":") {
		return text
	}
	return ""
}
