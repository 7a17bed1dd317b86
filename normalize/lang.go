package normalize

import "unicode"

// DetectLang guesses the language of a text from its script: "zh" when
// ideographs make up at least a third of its letters, "en" otherwise.
// docdrift reads these two; the guess is only used when a manifest does
// not give the language.
func DetectLang(text string) string {
	const sample = 64 << 10 // enough to tell the script; keeps the cost flat
	han, letters := 0, 0
	for i, r := range text {
		if i > sample {
			break
		}
		switch {
		case isHan(r):
			han++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters > 0 && han*3 >= letters {
		return "zh"
	}
	return "en"
}
