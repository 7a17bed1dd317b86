// Package diff aligns two related documents and shows what changed inside
// what belongs together.
//
// # Method
//
// Compare works on the sentences of the documents' body, heading and list
// blocks, compared by their canonical keys (see package normalize).
// Captions and page furniture join them only on request (Options); left
// out, they are compared the same way apart, captions with captions and
// furniture with furniture (a furniture block one sentence), and what
// differs there is counted (LeftOut), never silent:
//
//  1. Exact, in order: sentences whose keys occur once in each document
//     anchor a patience diff (their longest run in order), and a Myers
//     diff over sentence keys (one rune per distinct sentence,
//     github.com/sergi/go-diff) pairs the identical sentences in the gaps
//     between anchors. For a new edition of a document this pairs almost
//     everything, cheaply.
//  2. Same but for numbers, in order: in the same gaps, a Myers diff over
//     keys with their numbers masked finds the sentences that keep their
//     place and changed only a figure; they are kept for each other
//     (paired once weighed, at PairThreshold), so that an identical
//     sentence elsewhere — two articles of a law ending in the same words —
//     is not taken for a move that hides a changed fine.
//     Exact, anywhere: identical sentences left over are paired wherever
//     they stand (they will be reported as moved).
//  3. Titles: when the first compared sentence of each document is a
//     heading and the two score at least PairThreshold (see 4), they pair
//     before any other: a reader looks for a title's change first.
//  4. Similar: every remaining sentence is described by features — content
//     word stems, pairs of content words, pairs of ideographs, and figures
//     by value (a strong anchor, weight 3) — weighted by inverse document
//     frequency over both documents. Candidates come from an inverted
//     index on features that occur in at most 64 sentences; each candidate
//     pair is scored by weighted Dice similarity, and all pairs scoring at
//     least PairThreshold (0.3) compete in one global ranking, taken best
//     first while both sentences are free, ties going to the pair closest
//     in relative position.
//  5. Splits and joins: a pair grows into 1:2 or 2:1 when a free
//     neighbouring sentence of the same paragraph raises the pooled
//     similarity by at least 0.05.
//  6. Rewordings (rewording.go): abbreviations a document defines ("the
//     Federal Open Market Committee (FOMC)") count as their long form's
//     words in the features of both documents; a free sentence pairs with
//     a free run-on sentence when one clause of it (cut at ; : and at a
//     comma before a coordinating "and", "but", "while") scores at least
//     0.4 with it; a pair takes free sentences of its paragraph that are
//     not next to it (a merge, a split) when the pooled similarity gains
//     0.05; and a pair whose one clause restates the other side much
//     better than the whole keeps that clause, to be shown.
//  7. Moves: the pairs outside the longest subsequence that keeps its
//     order in both documents (patience sorting) are moved; moved pairs
//     that follow each other in both documents inside one paragraph are
//     one moved pair, so that a paragraph moved whole is one move.
//
// Inside each aligned pair, a word diff (go-diff over one rune per distinct
// unit, with no time limit so that output is the same on every machine,
// then dissolveWeak, which folds short runs of function words and
// punctuation between two changes into the change) compares units: Latin
// words, single ideographs, punctuation, and whole figures — a number
// with its hedge, currency, scale and unit ("over US$500 billion", "近30%",
// "11倍", "11-fold") is one unit keyed by its value, so a changed figure is
// one replacement and a figure written another way ("700,000" / "700000")
// is a Format edit.
// Documents are never diffed whole with go-diff: only aligned passages.
//
// # Glossary
//
// A passage is a run of sentences and what happened to it: Same, Changed
// (aligned, in order, with edits), Moved (aligned, out of order, possibly
// with edits), Added or Removed. Consecutive same, added or removed
// sentences of one paragraph form one passage. Every compared sentence of
// each document lands in exactly one passage. An edit is a piece of a
// passage's word diff, in the documents' own bytes with their offsets: a
// passage's edits rebuild its old and its new text exactly.
//
// # Translations
//
// Translate aligns a document with its translation in another language,
// where words cannot be compared: paragraphs in order by their lengths and
// the anchors they share (figures by value, glossary concepts, words in
// the other's script), by the dynamic program of Gale & Church (1993) with
// 1:1, 1:0, 0:1, 2:1 and 1:2 beads (galechurch.go); paragraphs repeating
// another of their own document pair with that one's translation
// (repeats.go); then the sentences inside each pair the same way. Cost
// O((p+q)·band) for p and q paragraphs, band at least 50.
//
// # Cost
//
// For documents of n sentences in all: tokenizing and features O(n·s) for
// sentences of s units; the exact pass O(n log n) for the anchors plus
// Myers O(g·d) inside gaps of g sentences with d differences; candidate
// search O(n·f·64) for f features per sentence, never all pairs of
// sentences, each candidate scored in O(f) (one sentence's weights spread
// in an array, the other's looked up) unless a bound from the index
// rules it out first; the global ranking O(c log c) for c candidate pairs;
// moves O(p log p). In practice near-linear in the documents' size.
package diff
