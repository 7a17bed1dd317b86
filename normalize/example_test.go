package normalize_test

import (
	"fmt"

	"github.com/docdrift/docdrift/normalize"
)

func ExampleParse() {
	doc := normalize.Parse("Nav Search\n\nOpening Up\n\nTrade grew 5%. Mr. Wang spoke.\n\nphoto_01.jpg\n\nVisitors at the expo.\n")
	for _, b := range doc.Blocks {
		fmt.Printf("%-9s %q (%s)\n", b.Kind, doc.Text[b.Start:b.End], b.Reason)
	}
	fmt.Print(doc.Clean())
	// Output:
	// furniture "Nav Search" (page controls: share or navigation row)
	// heading   "Opening Up" (short line without closing punctuation)
	// body      "Trade grew 5%. Mr. Wang spoke." ()
	// furniture "photo_01.jpg" (image file name)
	// caption   "Visitors at the expo." (follows the image file name on line 7)
	// Opening Up
	//
	// Trade grew 5%. Mr. Wang spoke.
	//
	// Visitors at the expo.
}

func ExampleFold() {
	c := normalize.Fold("“High-Standard” Opening—Up，", 0)
	fmt.Println(c.Key)
	// Output: "high-standard" opening-up,
}
