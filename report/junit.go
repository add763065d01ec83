package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"strings"
)

// junitWriter writes a JUnit XML report: one testcase per input, failed when
// it fails, errored when it gave no object. Testcases are buffered in
// testsuites of at most 10,000 cases, each written with its own totals, so
// memory stays bounded on large batches.
type junitWriter struct {
	w                       *bufio.Writer
	name                    string
	begun                   bool
	cases                   []byte
	suite                   int
	tests, failures, errors int
}

func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (j *junitWriter) begin() {
	if !j.begun {
		j.begun = true
		fmt.Fprintf(j.w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"matterlint %s\">\n", xmlEscape(j.name))
	}
}

func (j *junitWriter) write(_ Result, e *Entry, failing bool) error {
	j.begin()
	j.tests++
	name := InputName(e.Input) + fmt.Sprintf(" [%d]", e.Index)
	class := "matterlint." + j.name + "." + string(e.Kind)
	var body strings.Builder
	if e.Err != nil {
		j.errors++
		fmt.Fprintf(&body, `<error type="%s" message="%s"></error>`, xmlEscape(string(e.Err.Kind)), xmlEscape(e.Err.Message))
	} else {
		var names, all []string
		for _, f := range e.Findings {
			line := fmt.Sprintf("%s %s at %s: %s", strings.ToUpper(f.Severity.String()), f.Rule, f.Location, f.Message)
			if f.SDKCode != 0 {
				line += fmt.Sprintf(" [SDK %v (%d)]", f.SDKCode, f.SDKCode)
			}
			all = append(all, line)
			names = append(names, f.Rule)
		}
		switch {
		case failing:
			j.failures++
			msg := strings.Join(names, ", ")
			if msg == "" {
				msg = "verdict: " + e.Verdict
			}
			fmt.Fprintf(&body, `<failure type="finding" message="%s">%s</failure>`, xmlEscape(msg), xmlEscape(strings.Join(all, "\n")))
		case len(all) > 0:
			fmt.Fprintf(&body, `<system-out>%s</system-out>`, xmlEscape(strings.Join(all, "\n")))
		}
	}
	j.cases = fmt.Appendf(j.cases, "    <testcase name=\"%s\" classname=\"%s\">%s</testcase>\n", xmlEscape(name), xmlEscape(class), body.String())
	if j.tests == 10000 {
		j.flushSuite()
	}
	return nil
}

func (j *junitWriter) flushSuite() {
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

func (j *junitWriter) close(*Summary) error {
	j.begin()
	j.flushSuite()
	j.w.WriteString("</testsuites>\n")
	return j.w.Flush()
}
