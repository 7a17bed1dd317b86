package diff

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rewordings in one language that a 1:1 or adjacent 1:2 pairing misses:
// an abbreviation a document defines, used on one side and spelled out
// on the other; a sentence restated by one clause of a longer run-on
// sentence; a sentence that merges two or more sentences of one
// paragraph of the other document that are not next to each other.
const (
	// clauseThreshold is the similarity from which a sentence pairs with
	// a clause of a longer sentence: above PairThreshold, because a
	// clause is short and a few shared words weigh more in it.
	clauseThreshold = 0.4
	// minClauseWords is the fewest words and figures a clause has; a
	// shorter piece stays with the clause before it.
	minClauseWords = 5
	// maxMerged bounds the sentences that join a pair from elsewhere in
	// its paragraph.
	maxMerged = 3
)

// abbreviationFunctionWords are the words a long form may have that its
// abbreviation skips ("Communist Party of China (CPC)").
var abbreviationFunctionWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "on": true, "in": true, "to": true, "&": true}

// abbreviations returns the abbreviations the texts define, by the
// canonical key of the abbreviation ("fomc"), each with the keys of its
// long form's words ("federal", "open", "market", "committee"): the first
// definition of an abbreviation counts. A long form is the fewest words
// before the brackets whose initials spell the abbreviation, function
// words aside (the algorithm of Schwartz & Hearst 2003, on initials only).
// Cost O(n) in the texts' length.
func abbreviations(texts ...string) map[string][]string {
	out := map[string][]string{}
	for _, text := range texts {
		// One pass per kind of bracket: strings.Index finds a bracket by
		// its first byte, far faster than IndexAny with a full-width one.
		for _, bracket := range []string{"(", "（"} {
			defineAt(out, text, bracket)
		}
	}
	return out
}

// defineAt adds to out the abbreviations text defines in brackets that
// open with bracket.
func defineAt(out map[string][]string, text, bracket string) {
	for at := 0; ; {
		i := strings.Index(text[at:], bracket)
		if i < 0 {
			return
		}
		open := at + i
		at = open + len(bracket)
		abbr, ok := bracketed(text[at:])
		if !ok {
			continue
		}
		key := strings.ToLower(abbr)
		if _, seen := out[key]; seen {
			continue
		}
		// "free trade zones (FTZs)": the plural defines "FTZ" too.
		singular := strings.TrimSuffix(abbr, "s")
		if long := longForm(wordsBefore(text[:open], 10), singular); long != nil {
			out[key] = long
			if singular != abbr {
				out[strings.ToLower(singular)] = long
			}
		}
	}
}

// bracketed returns the abbreviation that s starts with when a closing
// bracket follows it: two to eight letters, the first and last capitals
// (or the last a plural's s).
func bracketed(s string) (string, bool) {
	n := 0
	for n < len(s) && n < 9 && (s[n] >= 'A' && s[n] <= 'Z' || s[n] >= 'a' && s[n] <= 'z') {
		n++
	}
	last := n - 1
	if n > 2 && s[last] == 's' {
		last-- // a plural: "FTZs"
	}
	if n < 2 || n > 8 || s[0] < 'A' || s[0] > 'Z' || s[last] < 'A' || s[last] > 'Z' {
		return "", false
	}
	if !strings.HasPrefix(s[n:], ")") && !strings.HasPrefix(s[n:], "）") {
		return "", false
	}
	return s[:n], true
}

// wordsBefore returns the last n words (runs of letters, hyphens and
// apostrophes) of s that follow one another with only white space
// between them, up to the end of s.
func wordsBefore(s string, n int) []string {
	var out []string
	end := len(strings.TrimRightFunc(s, unicode.IsSpace))
	if end != len(s) || end == 0 {
		// A word must be followed by white space before the bracket.
		if end == len(s) {
			return nil
		}
	}
	for len(out) < n && end > 0 {
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if !unicode.IsLetter(r) && r != '-' && r != '\'' {
				break
			}
			start -= size
		}
		if start == end {
			break
		}
		out = append(out, s[start:end])
		rest := strings.TrimRightFunc(s[:start], unicode.IsSpace)
		if len(rest) == start {
			break // not white space before the word
		}
		end = len(rest)
	}
	slices.Reverse(out)
	return out
}

// longForm returns the keys of the last words of words whose initials
// spell abbr, or nil.
func longForm(words []string, abbr string) []string {
	letters := []rune(strings.ToLower(abbr))
	k, w := len(letters)-1, len(words)-1
	for ; k >= 0 && w >= 0; w-- {
		word := strings.ToLower(words[w])
		if first := []rune(word)[0]; first == letters[k] {
			k--
			continue
		}
		if !abbreviationFunctionWords[word] {
			return nil
		}
	}
	if k >= 0 {
		return nil
	}
	var out []string
	for _, word := range words[w+1:] {
		out = append(out, strings.ToLower(strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) })))
	}
	return out
}

// expand returns us with each unit that is a defined abbreviation replaced
// by its long form's words, for similarity features only (never for what
// is shown); us itself when it has none.
func expand(us []unit, abbr map[string][]string) []unit {
	if len(abbr) == 0 || !slices.ContainsFunc(us, func(u unit) bool { return abbr[u.key] != nil }) {
		return us
	}
	out := make([]unit, 0, len(us)+8)
	for _, u := range us {
		long := abbr[u.key]
		if long == nil {
			out = append(out, u)
			continue
		}
		for _, w := range long {
			out = append(out, unit{key: w, start: u.start, end: u.end})
		}
	}
	return out
}

// clause is a piece of a run-on sentence, for matching only.
type clause struct {
	start, end int  // byte span in the document
	weak       bool // cut at a comma only, for pairing a free sentence
	feats      featureSet
	total      float64
	raw        []feature // until the weigher has interned the sentences
}

// clauseSpans cuts a sentence's units into clauses: at a semicolon or a
// colon, and at a comma before "and", "but", "while" or "whereas" (the
// coordinating structure of a run-on sentence) unless the comma ends an
// item of a list. A piece of fewer than
// minClauseWords words joins the clause before it (the first, the one
// after). With commas, every comma that does not end an item of a list
// cuts too. It returns the clauses' unit ranges, or nil when there are
// fewer than two.
func clauseSpans(us []unit, commas bool) [][2]int {
	var cuts []int // unit index where a clause starts
	for i, u := range us {
		switch {
		case u.key == ";" || u.key == ":":
			cuts = append(cuts, i+1)
		case u.key == "," && i+1 < len(us) && (commas || coordinating[us[i+1].key]) && !inList(us, i):
			cuts = append(cuts, i+1)
		}
	}
	if len(cuts) == 0 {
		return nil
	}
	var out [][2]int
	lo := 0
	for _, c := range append(cuts, len(us)) {
		if c <= lo {
			continue
		}
		if wordCount(us[lo:c]) < minClauseWords {
			continue // joins the next piece
		}
		out = append(out, [2]int{lo, c})
		lo = c
	}
	if lo < len(us) && len(out) > 0 {
		out[len(out)-1][1] = len(us)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// inList reports whether the comma at us[i] closes an item of a list
// ("rules, regulations, management, and standards"): another comma stands
// among the four units before it.
func inList(us []unit, i int) bool {
	for k := max(0, i-4); k < i; k++ {
		if us[k].key == "," {
			return true
		}
	}
	return false
}

var coordinating = map[string]bool{"and": true, "but": true, "while": true, "whereas": true}

// wordCount counts the words and figures among us.
func wordCount(us []unit) int {
	n := 0
	for _, u := range us {
		if u.figure || isWordKey(u.key) || isHanKey(u.key) {
			n++
		}
	}
	return n
}

// clausesOf returns the clauses of a run-on sentence of units us, with
// their raw features (abbreviations expanded), or nil: those cut at a
// semicolon, a colon or a coordinating comma, then the weak ones cut at
// any other comma, which only pair a free sentence (see clauses).
func clausesOf(sc *scratch, us []unit, abbr map[string][]string) []clause {
	var out []clause
	strong := clauseSpans(us, false)
	for _, sp := range strong {
		out = append(out, clause{start: us[sp[0]].start, end: us[sp[1]-1].end, raw: features(sc, expand(us[sp[0]:sp[1]], abbr))})
	}
	for _, sp := range clauseSpans(us, true) {
		if !slices.Contains(strong, sp) {
			out = append(out, clause{start: us[sp[0]].start, end: us[sp[1]-1].end, weak: true, raw: features(sc, expand(us[sp[0]:sp[1]], abbr))})
		}
	}
	return out
}

// clauseCand is a candidate pair of a whole sentence with a clause of a
// sentence of the other document.
type clauseCand struct {
	i, j   int // old and new sentence
	clause clauseRef
	score  float64
	dist   float64
}

// clauses pairs a free sentence with a free run-on sentence of the other
// document when one clause of it restates the sentence whole (similarity
// at least clauseThreshold, above the two sentences' own): the pair is a
// restatement in part, and its clause is kept to be shown. Candidates
// come from an index of the run-on sentences' features, as in similar;
// they compete in one global ranking, best first.
func (al *aligner) clauses() {
	type ref struct {
		new bool
		i   int
	}
	index := map[int32][]ref{}
	for k, sd := range [2]side{al.a, al.b} {
		paired := al.paired(k == 1)
		for i := range sd.sents {
			s := &sd.sents[i]
			if paired[i] >= 0 || len(s.clauseSet()) == 0 || s.heading {
				continue
			}
			for _, f := range s.feats {
				if al.w.df[f] <= maxPosting {
					index[f] = append(index[f], ref{k == 1, i})
				}
			}
		}
	}
	if len(index) == 0 {
		return
	}
	var cands []clauseCand
	for k, sd := range [2]side{al.a, al.b} {
		isNew := k == 1
		other := al.b
		if isNew {
			other = al.a
		}
		paired, otherPaired := al.paired(isNew), al.paired(!isNew)
		for i := range sd.sents {
			s := &sd.sents[i]
			if paired[i] >= 0 || s.heading || len(s.feats) == 0 {
				continue
			}
			var found []int
			for _, f := range s.feats {
				for _, r := range index[f] {
					if r.new != isNew && otherPaired[r.i] < 0 {
						found = append(found, r.i)
					}
				}
			}
			slices.Sort(found)
			for _, j := range slices.Compact(found) {
				t := &other.sents[j]
				best, at := 0.0, -1
				for c, cl := range t.clauseSet() {
					if sc := al.w.similarity(s.feats, cl.feats, s.total, cl.total); sc > best {
						best, at = sc, c
					}
				}
				if best < clauseThreshold || best <= al.w.similarity(s.feats, t.feats, s.total, t.total) {
					continue
				}
				c := clauseCand{i: i, j: j, score: best,
					clause: clauseRef{new: !isNew, start: t.clauseSet()[at].start, end: t.clauseSet()[at].end}}
				if isNew {
					c.i, c.j = j, i
				}
				c.dist = al.distance(c.i, c.j)
				cands = append(cands, c)
			}
		}
	}
	slices.SortFunc(cands, func(x, y clauseCand) int {
		return byScore(cand{x.i, x.j, x.score, x.dist}, cand{y.i, y.j, y.score, y.dist})
	})
	for _, c := range cands {
		if al.aPair[c.i] < 0 && al.bPair[c.j] < 0 {
			cl := c.clause
			al.add(pair{old: span{c.i, c.i + 1}, new: span{c.j, c.j + 1}, score: c.score, clause: &cl})
		}
	}
}

// paired is the pair index of each sentence of the new side or the old.
func (al *aligner) paired(new bool) []int {
	if new {
		return al.bPair
	}
	return al.aPair
}

// mergesApart lets a pair take, one at a time and at most maxMerged,
// free sentences of its paragraph on either side that are not next to it
// (a sentence that merges two of the other document, or a split), when
// the pooled similarity beats the pair's by mergeGain and the sentence
// alone shares enough with the other side (minMergedScore). Cost: for
// each pair that is not exact, its paragraph's free sentences, each
// pooled in O(f).
func (al *aligner) mergesApart() {
	for pi := range al.pairs {
		p := &al.pairs[pi]
		if p.exact {
			continue
		}
		base := al.pooled(*p)
		for n := 0; n < maxMerged; n++ {
			best, bestScore := -1, base+mergeGain
			bestNew := false
			for k, sd := range [2]side{al.a, al.b} {
				isNew := k == 1
				sp, otherSp := p.old, p.new
				if isNew {
					sp, otherSp = p.new, p.old
				}
				paired := al.paired(isNew)
				for _, i := range sameBlockFree(sd, paired, sp) {
					if al.alone(isNew, i, otherSp) < minMergedScore {
						continue
					}
					q := *p
					if isNew {
						q.mergedNew = append(slices.Clone(p.mergedNew), i)
					} else {
						q.mergedOld = append(slices.Clone(p.mergedOld), i)
					}
					if sc := al.pooled(q); sc > bestScore {
						best, bestScore, bestNew = i, sc, isNew
					}
				}
			}
			if best < 0 {
				break
			}
			if bestNew {
				p.mergedNew = append(p.mergedNew, best)
				al.bPair[best] = pi
			} else {
				p.mergedOld = append(p.mergedOld, best)
				al.aPair[best] = pi
			}
			base = bestScore
			p.score = bestScore
			p.clause = nil // the pair now restates more than one clause
		}
		slices.Sort(p.mergedOld)
		slices.Sort(p.mergedNew)
	}
}

// minMergedScore is the similarity a sentence merged from elsewhere in
// its paragraph must have, alone, with the other side of the pair.
const minMergedScore = 0.2

// maxWindow bounds how far from a pair, in sentences of its paragraph, a
// merged sentence may stand.
const maxWindow = 8

// sameBlockFree returns the free sentences of sd in the paragraph of the
// span sp, within maxWindow of it.
func sameBlockFree(sd side, paired []int, sp span) []int {
	var out []int
	block := sd.sents[sp.lo].block
	for i := sp.lo - 1; i >= 0 && i >= sp.lo-maxWindow && sd.sents[i].block == block; i-- {
		if paired[i] < 0 && len(sd.sents[i].feats) > 0 && !sd.sents[i].heading {
			out = append(out, i)
		}
	}
	for i := sp.hi; i < len(sd.sents) && i < sp.hi+maxWindow && sd.sents[i].block == block; i++ {
		if paired[i] < 0 && len(sd.sents[i].feats) > 0 && !sd.sents[i].heading {
			out = append(out, i)
		}
	}
	return out
}

// alone is the similarity of sentence i of one side with the span sp of
// the other.
func (al *aligner) alone(new bool, i int, sp span) float64 {
	if new {
		return al.score(sp, span{i, i + 1})
	}
	return al.score(span{i, i + 1}, sp)
}

// pooled is the similarity of a pair's two sides, each pooled with the
// sentences merged into it.
func (al *aligner) pooled(p pair) float64 {
	fa, ta := al.poolWith(al.a.sents, p.old, p.mergedOld)
	fb, tb := al.poolWith(al.b.sents, p.new, p.mergedNew)
	return al.w.similarity(fa, fb, ta, tb)
}

// poolWith pools the features of the sentences of sp and of extra.
func (al *aligner) poolWith(ss []sent, sp span, extra []int) (featureSet, float64) {
	if len(extra) == 0 {
		return al.pool(ss[sp.lo:sp.hi])
	}
	sets := make([]featureSet, 0, sp.hi-sp.lo+len(extra))
	for i := sp.lo; i < sp.hi; i++ {
		sets = append(sets, ss[i].feats)
	}
	for _, i := range extra {
		sets = append(sets, ss[i].feats)
	}
	fs := union(sets...)
	return fs, al.w.total(fs)
}

// partial marks the pairs of one whole sentence with a run-on sentence
// whose one clause (not a weak one) restates it much better than the whole does (by
// mergeGain, and at least clauseThreshold): the pair is a restatement in
// part, and the clause is kept to be shown.
func (al *aligner) partial() {
	for pi := range al.pairs {
		p := &al.pairs[pi]
		if p.exact || p.clause != nil || p.mergedOld != nil || p.mergedNew != nil ||
			p.old.hi-p.old.lo != 1 || p.new.hi-p.new.lo != 1 {
			continue
		}
		s, t := &al.a.sents[p.old.lo], &al.b.sents[p.new.lo]
		whole := al.w.similarity(s.feats, t.feats, s.total, t.total)
		for k, pair := range [2][2]*sent{{s, t}, {t, s}} {
			x, long := pair[0], pair[1]
			for _, cl := range long.clauseSet() {
				if cl.weak {
					continue
				}
				if sc := al.w.similarity(x.feats, cl.feats, x.total, cl.total); sc >= clauseThreshold && sc > whole+mergeGain {
					whole = sc
					p.clause = &clauseRef{new: k == 0, start: cl.start, end: cl.end}
				}
			}
		}
	}
}
