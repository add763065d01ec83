package report

import (
	"strconv"
	"testing"
)

// TestAppendQuoted: the text writer's quoting of names is
// strconv.Quote(SafeText(s)), fast path or not.
func TestAppendQuoted(t *testing.T) {
	for _, s := range []string{"", "CN=Matter DAC, VID=FFF1", `a"b`, `a\b`, "a\nb", "Gerät", "\x7f", "~ !", "\xff", "tab\there"} {
		want := strconv.Quote(SafeText(s))
		if got := string(appendQuoted([]byte("x"), s)); got != "x"+want {
			t.Errorf("appendQuoted(%q) = %s, want x%s", s, got, want)
		}
	}
}
