// Package normalize turns text copied from the web into documents that can
// be compared, without losing the way back to the original.
//
// # Reading
//
// Decode converts input bytes to UTF-8: a byte-order mark decides first
// (UTF-8, UTF-16LE, UTF-16BE); then valid UTF-8; then UTF-16 without a BOM,
// told by where its NUL bytes fall; then GB18030 or Big5 when
// github.com/wlynxg/chardet proposes them and they decode cleanly. GBK and
// GB2312 are read with the GB18030 decoder, their superset, because the GBK
// decoder silently corrupts characters outside GBK. Other invalid UTF-8 is
// kept with each bad byte replaced by U+FFFD and one warning. Empty input
// and binary input (NUL bytes, or more than a tenth control characters)
// are refused with ErrEmpty and ErrBinary; when the NUL bytes look like
// UTF-16 without a BOM, the error names the --encoding that reads it. A
// forced encoding that gives U+FFFD warns that it is probably wrong.
//
// # What is kept
//
// Parse never changes the text: Document.Text is the decoded original and
// every Block and Sentence is a pair of byte offsets into it. Line ends
// (LF, CRLF, lone CR) stay as they were, so offsets are those of the
// decoded file; output never shows a carriage return. A Markdown file or
// an HTML page is read without its markup, so Text is that text, and
// Document.Source maps its offsets back to the file: Markdown through the
// source segments goldmark keeps for every text node, a page by finding
// each paragraph again among its text nodes. Line numbers (LineAt, and a
// Block's Line) are always the file's.
//
// Blocks are paragraphs: separated by blank lines, or one per line when the
// text puts each paragraph on a line; lines hard-wrapped at a fixed width
// (nine lines in ten at most 100 columns) are joined when the previous line
// is full, and Chinese lines broken inside a sentence (around a link, after
// "——", before "，") are joined too. Each block is a heading, body, list
// item, caption or furniture, by general rules: share and navigation rows
// made only of page-control words ("FacebookTwitterLinkedInEmailPrintCopy
// Link", "Nav Search", "To top", 打印本页), short lines packed with them,
// navigation links ("Return to …"), image file names, photo-credit lines,
// bylines with a source or date, parenthesised source notes, citation boxes
// under a "Cite this page" heading, markup comments and a Markdown link
// alone on its lines are furniture;
// paragraphs after an image file name or carrying a photo credit are
// captions. No rule names a particular site or document. Every character
// that is not white space lies in exactly one block, and furniture always
// carries its reason, which "docdrift normalize --explain" prints.
//
// Sentences follow the Unicode rules (UAX #29, github.com/clipperhouse/uax29)
// with English abbreviations ("U.S.", "No. 14", "Mr.", initials, section
// numbers) rejoined and the Chinese semicolon "；" as a further break.
//
// # What is compared
//
// Fold gives the canonical key of a span: NFKC with width folding, one form
// for quotes and dashes, format and control characters removed, white space
// collapsed (and removed inside Chinese text), case folded, and a Markdown
// link left in a text, [words](address), as its words: scraped text keeps
// links, wrapped across lines, that another copy has lost (Document.Links
// lists them; no block or sentence breaks inside one). Each key byte maps
// back to the original span it came from, so later stages compare keys and
// show original words. Tokens cuts a key into words, numbers, single
// ideographs and punctuation.
//
// # Cost
//
// Decode, Parse, Fold and Tokens are linear in the length of their input.
package normalize
