package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// JUnitWriter writes a JUnit XML report: one testcase per input, failed when
// it has a failing finding, errored when it could not be read. Testcases are
// buffered in testsuites of at most 10,000 cases, each written with its own
// totals, so memory stays bounded on large batches.
type JUnitWriter struct {
	w                       *bufio.Writer
	name                    string
	begun                   bool
	cases                   []byte
	suite                   int
	tests, failures, errors int
}

// NewJUnit returns a JUnitWriter; name is the testsuite name (the command).
func NewJUnit(w io.Writer, name string) *JUnitWriter {
	return &JUnitWriter{w: bufio.NewWriterSize(w, 64<<10), name: name}
}

func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (j *JUnitWriter) begin() {
	if !j.begun {
		j.begun = true
		fmt.Fprintf(j.w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"matterlint %s\">\n", xmlEscape(j.name))
	}
}

func (j *JUnitWriter) WriteItem(it *Item) error {
	j.begin()
	j.tests++
	name := fmt.Sprintf("%s [%d]", it.Source, it.Index)
	class := "matterlint." + j.name
	if it.Role != "" {
		class += "." + it.Role
	}
	var body strings.Builder
	if it.Err != nil {
		j.errors++
		fmt.Fprintf(&body, `<error type="%s" message="%s"></error>`, xmlEscape(string(it.ErrKind)), xmlEscape(it.Err.Error()))
	} else {
		var failing, all []string
		for _, f := range it.Findings {
			line := fmt.Sprintf("%s %s at %s: %s", strings.ToUpper(f.Severity.String()), f.Rule, f.Location, f.Message)
			if f.SDKCode != 0 {
				line += fmt.Sprintf(" [SDK %v (%d)]", f.SDKCode, f.SDKCode)
			}
			all = append(all, line)
			if f.Failing {
				failing = append(failing, f.Rule)
			}
		}
		if len(failing) > 0 {
			j.failures++
			fmt.Fprintf(&body, `<failure type="finding" message="%s">%s</failure>`, xmlEscape(strings.Join(failing, ", ")), xmlEscape(strings.Join(all, "\n")))
		} else if len(all) > 0 {
			fmt.Fprintf(&body, `<system-out>%s</system-out>`, xmlEscape(strings.Join(all, "\n")))
		}
	}
	j.cases = fmt.Appendf(j.cases, "    <testcase name=\"%s\" classname=\"%s\">%s</testcase>\n", xmlEscape(name), xmlEscape(class), body.String())
	if j.tests == 10000 {
		j.flushSuite()
	}
	return nil
}

func (j *JUnitWriter) flushSuite() {
	if j.tests == 0 && j.suite > 0 {
		return
	}
	j.suite++
	fmt.Fprintf(j.w, "  <testsuite name=\"matterlint %s %d\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\">\n", xmlEscape(j.name), j.suite, j.tests, j.failures, j.errors)
	j.w.Write(j.cases)
	j.w.WriteString("  </testsuite>\n")
	j.cases = j.cases[:0]
	j.tests, j.failures, j.errors = 0, 0, 0
}

// Close writes the last testsuite and flushes.
func (j *JUnitWriter) Close(Summary) error {
	j.begin()
	j.flushSuite()
	j.w.WriteString("</testsuites>\n")
	return j.w.Flush()
}
