package htmlreport

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/docdrift/docdrift/normalize"
)

// DefaultDataFrom is how many bytes of quoted text (passages and the
// changes listed) a page holds as markup. Over it, each step carries its
// passages and changes as a compact data block that the page's script
// lays out as the step nears the view, and text that several steps quote
// (a document is the new side of one step and the old side of the next)
// is written once for the whole page.
const DefaultDataFrom = 1 << 20

// Kinds of segment, as the data blocks number them; any other class (a
// mark's) is written out with its title.
var segCodes = map[string]int{"": 0, "del": 1, "ins": 2}

// pieceMin is the length, in bytes, from which a piece of text is written
// once in the page's table of pieces and referred to by its number;
// shorter pieces are written where they stand.
const pieceMin = 24

// pieces is the page's table of texts that its data blocks refer to by
// number, each written once.
type pieces struct {
	list []string
	ids  map[string]int
}

// items cuts s at the ends of its sentences and returns the pieces: a
// string for a short piece, the number of a piece in the table for a long
// one.
func (ps *pieces) items(s string) []any {
	out := []any{}
	for s != "" {
		n := sentenceEnd(s)
		piece := s[:n]
		s = s[n:]
		if len(piece) < pieceMin {
			if k := len(out) - 1; k >= 0 {
				if prev, ok := out[k].(string); ok {
					out[k] = prev + piece
					continue
				}
			}
			out = append(out, piece)
			continue
		}
		id, ok := ps.ids[piece]
		if !ok {
			id = len(ps.list)
			ps.list = append(ps.list, piece)
			ps.ids[piece] = id
		}
		out = append(out, id)
	}
	return out
}

// sentenceEnd is the length of s's first sentence: up to and with the
// first full stop, question or exclamation mark or semicolon (a Latin
// one followed by a space, with the space), or all of s.
func sentenceEnd(s string) int {
	for i, r := range s {
		switch r {
		case '。', '！', '？', '；':
			return i + utf8.RuneLen(r)
		case '.', '!', '?', ';':
			if strings.HasPrefix(s[i+1:], " ") {
				return i + 2
			}
		}
	}
	return len(s)
}

// stepData is what a step's data block holds: the changes listed, the
// groups of passages (a summary for a folded run, "" for an open one),
// and the documents' languages.
type stepData struct {
	Changes [][]any  `json:"c"`
	Groups  [][]any  `json:"g"`
	Langs   []string `json:"l"`
}

// quotedSize is the number of bytes of document text the step quotes in
// its passages and changes.
func (v stepView) quotedSize() int {
	n := 0
	for _, c := range v.Changes {
		n += len(c.Old) + len(c.New)
	}
	for _, g := range v.Groups {
		for _, r := range g.Rows {
			for _, s := range r.Old {
				n += len(s.Text)
			}
			for _, s := range r.New {
				n += len(s.Text)
			}
		}
	}
	return n
}

// data encodes the step's changes and passages for the page's data. A
// class is written as its rank (its place in diff.Classes, -1 for none),
// a kind as its place in kinds; the passages are numbered from 1 in
// order, so their numbers are left out.
func (v stepView) data(ps *pieces, kinds []string) stepData {
	d := stepData{Changes: [][]any{}, Groups: [][]any{}, Langs: []string{v.Old.Lang, v.New.Lang}}
	for _, c := range v.Changes {
		d.Changes = append(d.Changes, []any{c.Class.Rank(), c.Passage, flag(c.Row != ""), c.OldLine, c.NewLine,
			ps.items(normalize.Visible(c.Old)), ps.items(normalize.Visible(c.New))})
	}
	for _, g := range v.Groups {
		rows := []any{}
		for _, r := range g.Rows {
			rows = append(rows, []any{slices.Index(kinds, r.Kind), r.Rank, r.OldLines, r.NewLines, r.Score,
				normalize.Visible(r.Note), flag(r.Change), segsData(r.Old, ps), segsData(r.New, ps)})
		}
		summary := ""
		if g.Collapsed {
			summary = normalize.Visible(g.Summary)
		}
		d.Groups = append(d.Groups, []any{summary, rows})
	}
	return d
}

// segsData encodes a side's segments: [code, pieces...] for plain,
// deleted and inserted text, or the one piece alone of a plain segment of
// one; [class, title, pieces...] for the others.
func segsData(ss []seg, ps *pieces) []any {
	out := []any{}
	for _, s := range ss {
		var head []any
		items := ps.items(normalize.Visible(s.Text))
		if code, ok := segCodes[s.Class]; ok {
			if code == 0 && len(items) == 1 {
				out = append(out, items[0])
				continue
			}
			head = []any{code}
		} else {
			head = []any{s.Class, normalize.Visible(s.Title)}
		}
		out = append(out, append(head, items...))
	}
	return out
}

// packJS encodes v as JSON, compressed with gzip, as a base64 string
// for the page's data block: a script element of type application/json
// whose text is that JSON string. Base64 holds no character that could
// close the block; the script reads it back with the browser's own
// DecompressionStream. Compression halves the data of a long report (the
// documents' text a little, the numbers that lay it out four times).
func packJS(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		// Strings, numbers and slices of them: an error is a bug.
		panic(fmt.Sprintf("htmlreport: %v", err))
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	if _, err := w.Write(b); err != nil {
		panic(fmt.Sprintf("htmlreport: %v", err))
	}
	if err := w.Close(); err != nil {
		panic(fmt.Sprintf("htmlreport: %v", err))
	}
	return template.JS(`"` + base64.StdEncoding.EncodeToString(z.Bytes()) + `"`)
}

// pageData is what the page's data block holds: the kinds of passage
// (for the filter), the classes, least significant first, the table of
// pieces, each step's data by its anchor, and the figure tracks.
type pageData struct {
	Kinds   []string            `json:"kinds"`
	Classes []string            `json:"classes"`
	Steps   map[string]stepData `json:"steps"`
	Tracks  []any               `json:"tracks"`
	Pieces  []string            `json:"p"`
}

// tracksData encodes the figure tracks for the page's data: per track [change, arrow, label, unit, hedge changed, long,
// chart, width, height, baseline, ticks, value ticks, points,
// observations], a tick as [x, y, label, align] and an observation as
// [doc, short, text, line, date, x, y, high y, range, labelled, label y,
// anchor, sentence], the texts as pieces.
func tracksData(ts []trackView, ps *pieces) []any {
	out := []any{}
	ticks := func(tks []tick) []any {
		out := []any{}
		for _, tk := range tks {
			out = append(out, []any{tk.X, tk.Y, normalize.Visible(tk.Label), tk.Align})
		}
		return out
	}
	for _, t := range ts {
		obs := []any{}
		for _, o := range t.Observations {
			obs = append(obs, []any{normalize.Visible(o.Doc), o.Short, ps.items(normalize.Visible(o.Text)), o.Line, o.Date,
				o.X, o.Y, o.YHigh, flag(o.Range), flag(o.Labelled), o.LabelY, o.Anchor, ps.items(normalize.Visible(normalize.Tidy(o.Sentence)))})
		}
		out = append(out, []any{t.Change, t.Arrow, normalize.Visible(t.Label), normalize.Visible(t.Unit), flag(t.Hedge), flag(t.Long),
			flag(t.Chart), t.Width, t.Height, t.Baseline, ticks(t.Ticks), ticks(t.ValueTicks), t.Points, obs})
	}
	return out
}

// flag is 1 for true, 0 for false.
func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}
