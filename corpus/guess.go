package corpus

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docdrift/docdrift/internal/lazyre"
)

// Guess is a manifest entry that docdrift init proposes for a file: what
// it could tell from the file's name and text, and for each field it
// guessed a note saying where the guess came from, written beside the
// field as a comment for the user to check.
type Guess struct {
	ID, File, Date, Lang, Title, TranslationOf string
	// Notes holds a note for each guessed field, by its manifest key
	// (date, lang, title, translation_of).
	Notes map[string]string
}

// Note records why field was guessed as it was.
func (g *Guess) Note(field, format string, args ...any) {
	if g.Notes == nil {
		g.Notes = map[string]string{}
	}
	g.Notes[field] = fmt.Sprintf(format, args...)
}

var (
	// dateInNameRE is a full date anywhere in a name, apart from other
	// digits: report_2024-03-05_final.
	dateInNameRE = lazyre.New(`(?:^|\D)(\d{4})[-_.](\d{2})[-_.](\d{2})(?:\D|$)`)
	// yearInNameRE is a year that stands apart from other digits and
	// letters: 09-1969, speech_1961, kennedy 1961.
	yearInNameRE = lazyre.New(`(?:^|[^\p{L}\p{N}])(1[5-9]\d\d|20\d\d)(?:[^\p{L}\p{N}]|$)`)
)

// DateInName returns the date a file name (without its directory or
// extension) carries and where it was found: at its start (DateFromName),
// a full date further in, or else a year standing apart from other digits
// and letters, as in 09-1969 (the ninth congress, 1969). It returns "" when
// the name has none.
func DateInName(name string) (date, how string) {
	if d := DateFromName(name); d != "" {
		return d, "from the file name"
	}
	if m := dateInNameRE.FindStringSubmatch(name); m != nil {
		if d := m[1] + "-" + m[2] + "-" + m[3]; ValidDate(d) == nil {
			return d, "from the file name"
		}
	}
	if m := yearInNameRE.FindStringSubmatch(name); m != nil {
		return m[1], fmt.Sprintf("the year in the file name (%s)", name)
	}
	return "", ""
}

// datelineLines is how many lines from the top of a text are searched for
// a dateline: a title, a place, a byline and the date fit in it.
const datelineLines = 12

// months are the English month names, lower case.
var months = func() map[string]time.Month {
	m := map[string]time.Month{}
	for mo := time.January; mo <= time.December; mo++ {
		m[strings.ToLower(mo.String())] = mo
	}
	return m
}()

var (
	isoDateRE     = lazyre.New(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	monthFirstRE  = lazyre.New(`(?i)\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+(\d{4})\b`)
	dayFirstRE    = lazyre.New(`(?i)\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December),?\s+(\d{4})\b`)
	chineseDateRE = lazyre.New(`(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?`)
)

// DateFromText looks for a dateline in the first lines of a text: an ISO
// date, "January 24, 2012", "24 January 2012" or "2012年1月24日" (or
// "2012年1月"). It returns the date, the line it is on (from 1) and the
// words it was read from, or "" when there is none. Only the top of the
// text is searched: a date further down is more often one the text
// speaks of than the one it was written on.
func DateFromText(text string) (date string, line int, found string) {
	for i, l := range strings.SplitN(text, "\n", datelineLines+1) {
		if i == datelineLines {
			break
		}
		if d, words := dateInLine(l); d != "" {
			return d, i + 1, words
		}
	}
	return "", 0, ""
}

// dateInLine returns the first valid date of a line and its words.
func dateInLine(l string) (string, string) {
	for _, m := range isoDateRE.Regexp().FindAllStringSubmatch(l, -1) {
		if d := m[1] + "-" + m[2] + "-" + m[3]; ValidDate(d) == nil {
			return d, m[0]
		}
	}
	if m := monthFirstRE.FindStringSubmatch(l); m != nil {
		if d := ymd(m[3], months[strings.ToLower(m[1])], m[2]); d != "" {
			return d, m[0]
		}
	}
	if m := dayFirstRE.FindStringSubmatch(l); m != nil {
		if d := ymd(m[3], months[strings.ToLower(m[2])], m[1]); d != "" {
			return d, m[0]
		}
	}
	if m := chineseDateRE.FindStringSubmatch(l); m != nil {
		month, _ := strconv.Atoi(m[2])
		if m[3] == "" {
			if d := fmt.Sprintf("%s-%02d", m[1], month); ValidDate(d) == nil {
				return d, m[0]
			}
		} else if d := ymd(m[1], time.Month(month), m[3]); d != "" {
			return d, m[0]
		}
	}
	return "", ""
}

// ymd returns the ISO date of a year, month and day, or "" if there is
// no such day.
func ymd(year string, month time.Month, day string) string {
	dd, _ := strconv.Atoi(day)
	d := fmt.Sprintf("%s-%02d-%02d", year, int(month), dd)
	if ValidDate(d) != nil {
		return ""
	}
	return d
}

// invalidIDRE matches the runs of characters an id may not hold.
var invalidIDRE = lazyre.New(`[^\p{L}\p{N}._-]+`)

// IDFromName makes a manifest id from a file name without its extension:
// the name itself when it is a valid id, otherwise with each run of other
// characters turned into '-'.
func IDFromName(name string) string {
	if idRE.MatchString(name) {
		return name
	}
	id := strings.Trim(invalidIDRE.ReplaceAllString(name, "-"), "-._")
	if id == "" || !idRE.MatchString(id) {
		return "doc"
	}
	return id
}

// ProposeTranslations sets TranslationOf on guesses that look like a
// translation: where exactly two documents share a date (or, when
// undated, a name but for a language tag: 001.en and 001.zh) and one is
// English and the other Chinese, the English one is proposed as the
// translation of the Chinese one — docdrift's usual case, Chinese
// statements and their official English versions — with a note to check
// it, or to turn it round.
func ProposeTranslations(gs []Guess) {
	groups := map[string][]int{}
	var keys []string
	for i, g := range gs {
		key := "date " + g.Date
		if g.Date == "" {
			key = "name " + strings.TrimSuffix(strings.TrimSuffix(g.ID, ".en"), ".zh")
		}
		if _, ok := groups[key]; !ok {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], i)
	}
	for _, key := range keys {
		idx := groups[key]
		if len(idx) != 2 || gs[idx[0]].Lang == gs[idx[1]].Lang || gs[idx[0]].TranslationOf != "" || gs[idx[1]].TranslationOf != "" {
			continue
		}
		en, zh := idx[0], idx[1]
		if gs[en].Lang != "en" {
			en, zh = zh, en
		}
		if gs[en].Lang != "en" || gs[zh].Lang != "zh" {
			continue
		}
		gs[en].TranslationOf = gs[zh].ID
		how := "same date"
		if gs[en].Date == "" {
			how = "same name"
		}
		gs[en].Note("translation_of", "%s, other language: a translation of %s? Or the other way round, or delete", how, gs[zh].ID)
	}
}

// WriteManifest writes a docdrift.yaml for the guesses, in their order,
// with each note as a comment after its field, and a header saying that
// the lines marked "# check" are guesses. A document without a date gets
// date: "" and a note, so that the manifest is refused until one is
// written in. Strings are double-quoted: a title may hold a colon.
func WriteManifest(w io.Writer, title string, gs []Guess) error {
	var b strings.Builder
	b.WriteString("# docdrift.yaml, written by docdrift init: the corpus's documents in date order.\n")
	b.WriteString("# Lines marked \"# check:\" are guesses; correct them, then delete the comment.\n")
	b.WriteString("# See 'docdrift init --help' for the fields.\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(title))
	b.WriteString("documents:\n")
	for _, g := range gs {
		fmt.Fprintf(&b, "  - id: %s\n", yamlString(g.ID))
		fmt.Fprintf(&b, "    file: %s\n", yamlString(g.File))
		field := func(key, value string) {
			note := g.Notes[key]
			if value == "" && note == "" {
				return
			}
			line := fmt.Sprintf("    %s: %s", key, yamlString(value))
			if note != "" {
				line += "  # check: " + oneLine(note)
			}
			b.WriteString(line + "\n")
		}
		field("date", g.Date)
		field("lang", g.Lang)
		field("title", g.Title)
		field("translation_of", g.TranslationOf)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// yamlString quotes s as a YAML double-quoted scalar. Go's escapes
// (\n, \t, \", \\, \xXX, \uXXXX) are all YAML escapes too.
func yamlString(s string) string { return strconv.Quote(s) }

// oneLine keeps a comment on its line.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), " ")
}

// SortGuesses puts guesses in date order, undated ones last, then by id.
func SortGuesses(gs []Guess) {
	slices.SortStableFunc(gs, func(a, b Guess) int {
		switch {
		case a.Date == b.Date:
			return strings.Compare(a.ID, b.ID)
		case a.Date == "":
			return 1
		case b.Date == "":
			return -1
		}
		return strings.Compare(a.Date, b.Date)
	})
}
