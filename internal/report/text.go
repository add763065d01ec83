package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// TextWriter writes results for people: one header line per certificate
// (input, index, role, subject), then its findings, most severe first.
type TextWriter struct {
	w *bufio.Writer
	// Quiet suppresses certificates without findings.
	Quiet bool
	// RuleSummary adds a count of findings per rule after the summary.
	RuleSummary bool
}

// NewText returns a TextWriter on w.
func NewText(w io.Writer) *TextWriter { return &TextWriter{w: bufio.NewWriterSize(w, 64<<10)} }

func (t *TextWriter) Write(r *CertResult) error {
	loc := r.Source
	if r.Index >= 0 {
		loc += fmt.Sprintf(" [%d]", r.Index)
	}
	if r.Err != nil {
		msg := r.Err.Error()
		if !strings.HasPrefix(msg, r.Source) {
			msg = loc + ": " + msg
		}
		fmt.Fprintf(t.w, "%s: %s\n", strings.ToUpper(string(r.ErrKind)), msg)
		return nil
	}
	if len(r.Findings) == 0 && t.Quiet {
		return nil
	}
	how := "detected"
	if !r.RoleDetected {
		how = "given"
	}
	status := "ok"
	if len(r.Findings) > 0 {
		status = fmt.Sprintf("%d finding%s", len(r.Findings), plural(len(r.Findings)))
	}
	fmt.Fprintf(t.w, "%s: %s (%s) %q: %s\n", loc, strings.ToUpper(r.Role.String()), how, r.Subject, status)
	for _, sev := range []lint.Severity{lint.Error, lint.Warn, lint.Notice} {
		for i := range r.Findings {
			f := &r.Findings[i]
			if f.Severity() != sev {
				continue
			}
			fmt.Fprintf(t.w, "  %-6s %s: %s\n", strings.ToUpper(sev.String()), f.Rule.Name, f.Message)
			fmt.Fprintf(t.w, "         at %s", f.Location)
			switch {
			case f.SDKCode != matterext.Success:
				fmt.Fprintf(t.w, "; SDK: %s (%d)", f.SDKCode, f.SDKCode)
			case !strings.HasPrefix(string(f.Rule.Source), "zlint:"):
				t.w.WriteString("; SDK: accepted")
			}
			fmt.Fprintf(t.w, "; source: %s\n", f.Rule.Source)
			if f.Rule.Note != "" {
				fmt.Fprintf(t.w, "         note: %s\n", f.Rule.Note)
			}
		}
	}
	return nil
}

// Plural returns "s" unless n is 1.
func Plural(n int) string { return plural(n) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Close writes the summary line and flushes.
func (t *TextWriter) Close(s Summary) error {
	fmt.Fprintf(t.w, "\n%d certificate%s linted: %d with errors, %d with warnings only, %d with notices only, %d clean (%d errors, %d warnings, %d notices)",
		s.Certificates, plural(s.Certificates), s.WithErrors, s.WithWarnings, s.WithNotices, s.Clean, s.Errors, s.Warnings, s.Notices)
	if s.NotCertificates+s.IOErrors > 0 {
		fmt.Fprintf(t.w, "; %d input%s not a certificate, %d unreadable", s.NotCertificates, plural(s.NotCertificates), s.IOErrors)
	}
	t.w.WriteString("\n")
	if t.RuleSummary && len(s.RuleCounts) > 0 {
		names := make([]string, 0, len(s.RuleCounts))
		for n := range s.RuleCounts {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool {
			if s.RuleCounts[names[i]] != s.RuleCounts[names[j]] {
				return s.RuleCounts[names[i]] > s.RuleCounts[names[j]]
			}
			return names[i] < names[j]
		})
		t.w.WriteString("\nfindings per rule:\n")
		for _, n := range names {
			fmt.Fprintf(t.w, "  %8d  %s\n", s.RuleCounts[n], n)
		}
	}
	return t.w.Flush()
}
