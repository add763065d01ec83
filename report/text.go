package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

// textWriter writes results for people: one header line per object, then
// its findings, most severe first; names and messages are escaped
// (SafeText).
type textWriter struct {
	w    *bufio.Writer
	opts Options
	kind ObjectKind
	// seen holds the PAI/PAA findings of verify already shown: in a batch
	// under one PAI they are the same for every DAC and are shown once.
	seen map[string]bool
	buf  []byte // a certificate's line, reused
}

func (t *textWriter) write(r Result, e *Entry, failing bool) error {
	if e.Err != nil {
		t.errorLine(e)
		return nil
	}
	if t.opts.Quiet && !failing && (e.Verdict != "" || len(e.Findings) == 0) {
		return nil
	}
	r.writeText(t)
	return nil
}

// where is "input [index]", escaped.
func where(input string, index int) string {
	s := SafeText(InputName(input))
	if index >= 0 {
		s += fmt.Sprintf(" [%d]", index)
	}
	return s
}

// errorLine is the one line of an input that gave no object, in every
// command: "KIND: input [index]: message".
func (t *textWriter) errorLine(e *Entry) {
	msg := SafeText(e.Err.Message)
	if !strings.HasPrefix(e.Err.Message, InputName(e.Input)) {
		msg = where(e.Input, e.Index) + ": " + msg
	}
	fmt.Fprintf(t.w, "%s: %s\n", strings.ToUpper(string(e.Err.Kind)), msg)
}

// lintFindings lists lint findings, most severe first.
func (t *textWriter) lintFindings(fs []lint.Finding) {
	for _, sev := range []lint.Severity{lint.Error, lint.Warn, lint.Notice} {
		for i := range fs {
			f := &fs[i]
			if f.Severity() != sev {
				continue
			}
			fmt.Fprintf(t.w, "  %-6s %s: %s\n", strings.ToUpper(sev.String()), f.Rule.Name, SafeText(f.Message))
			fmt.Fprintf(t.w, "         at %s", f.Location)
			switch {
			case f.SDKCode != matterext.Success:
				fmt.Fprintf(t.w, "; SDK: %s (%d)", f.SDKCode, f.SDKCode)
			case f.Rule.DCLCheck.Code != 0: // a DCL rule: the ledger's error, not the SDK's
				fmt.Fprintf(t.w, "; DCL: %s (%d)", f.Rule.DCLCheck.Error, f.Rule.DCLCheck.Code)
			case !strings.HasPrefix(string(f.Rule.Source), "zlint:"):
				t.w.WriteString("; SDK: accepted")
			}
			fmt.Fprintf(t.w, "; source: %s\n", f.Rule.Source)
			if f.Rule.Note != "" {
				fmt.Fprintf(t.w, "         note: %s\n", f.Rule.Note)
			}
		}
	}
}

func status(n int) string {
	if n == 0 {
		return "ok"
	}
	return count(n, "finding")
}

func (r *CertResult) writeText(t *textWriter) {
	how := "detected"
	if !r.Lint.RoleDetected {
		how = "given"
	}
	// "%s: %s (%s) %q: %s\n" of where, the upper-case role, how, the
	// subject and the status, appended to a reused buffer.
	b := append(t.buf[:0], SafeText(InputName(r.Input))...)
	if r.Index >= 0 {
		b = append(strconv.AppendInt(append(b, " ["...), int64(r.Index), 10), ']')
	}
	b = append(b, ": "...)
	for _, c := range []byte(r.Lint.Role.String()) {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	b = append(append(append(b, " ("...), how...), ") "...)
	b = appendQuoted(b, r.subject())
	b = append(b, ": "...)
	if n := len(r.Lint.Findings); n == 0 {
		b = append(b, "ok"...)
	} else {
		b = append(b, count(n, "finding")...)
	}
	b = append(b, '\n')
	t.w.Write(b)
	t.buf = b
	t.lintFindings(r.Lint.Findings)
}

func (r *CRLResult) writeText(t *textWriter) {
	fmt.Fprintf(t.w, "%s: CRL of %q, %s, thisUpdate %s, nextUpdate %s: %s\n", where(r.Input, r.Index), SafeText(r.CRL.Issuer.String()),
		count(len(r.CRL.Entries), "entry"), crlTime(r.CRL.ThisUpdate), crlTime(r.CRL.NextUpdate), status(len(r.Findings)))
	t.lintFindings(r.Findings)
}

func (r *DACResult) writeText(t *textWriter) {
	res := r.Verify
	fmt.Fprintf(t.w, "%s %q: ", where(r.Input, r.Index), SafeText(r.Subject))
	if res.Pass() {
		t.w.WriteString("PASS")
	} else {
		fmt.Fprintf(t.w, "FAIL %v (%d)", res.Code, res.Release.Number(res.Code))
	}
	if res.PAA != nil {
		fmt.Fprintf(t.w, " under PAA %q (%s)", SafeText(res.PAA.Cert.Subject.String()), SafeText(res.PAA.Source))
	}
	if res.Pass() {
		// One line per passing DAC: its own findings by name; the PAI's and
		// PAA's once for the batch.
		var own []string
		for _, f := range res.Findings {
			if !t.shared(&f) {
				own = append(own, f.Check)
			}
		}
		if len(own) > 0 {
			fmt.Fprintf(t.w, "; not failing: %s", strings.Join(own, ", "))
		}
		t.w.WriteString("\n")
		t.sharedFindings(res.Findings)
		t.releases(res)
		return
	}
	t.w.WriteString("\n")
	t.releases(res)
	writeElementsText(t.w, res.Elements)
	t.verifyFindings(res.Findings, res.Release)
}

// releases says when the verdict depends on the SDK release.
func (t *textWriter) releases(res *verify.Result) {
	if len(res.Releases) > 1 {
		fmt.Fprintf(t.w, "  the verdict depends on the commissioner's SDK release (shown: %s):\n", res.Release.Name)
		for _, rv := range res.Releases {
			fmt.Fprintf(t.w, "    %s\n", rv)
		}
	}
}

// shared reports whether f is about the PAI or PAA rather than the DAC: the
// same for every DAC under that PAI.
func (t *textWriter) shared(f *verify.Finding) bool {
	return f.Cert == "pai" || f.Cert == "paa"
}

// once reports whether f is shared and was shown before, and marks it shown.
func (t *textWriter) once(f *verify.Finding) bool {
	if !t.shared(f) {
		return false
	}
	k := f.Cert + "|" + f.Check + "|" + f.Location + "|" + f.Message
	if t.seen[k] {
		return true
	}
	t.seen[k] = true
	return false
}

// sharedFindings shows the PAI/PAA findings not shown yet.
func (t *textWriter) sharedFindings(fs []verify.Finding) {
	head := false
	for i := range fs {
		f := &fs[i]
		if !t.shared(f) || t.once(f) {
			continue
		}
		if !head {
			t.w.WriteString("  PAI/PAA findings (shown once):\n")
			head = true
		}
		fmt.Fprintf(t.w, "     %-6s [%s] %s: %s\n", strings.ToUpper(f.Severity.String()), f.Cert, f.Check, SafeText(f.Message))
	}
}

// verifyFindings lists failures in the SDK's order, then the findings that
// do not fail attestation, with the code numbers of release rel; PAI/PAA
// findings shown before are named, not repeated.
func (t *textWriter) verifyFindings(fs []verify.Finding, rel verify.Release) {
	n := 0
	for i := range fs {
		f := &fs[i]
		if !f.Failure() {
			continue
		}
		n++
		if t.once(f) {
			fmt.Fprintf(t.w, "  %d. %v (%d) [%s, SDK step %d] %s (as above)\n", n, f.Code, rel.Number(f.Code), f.Cert, f.Step/10, f.Check)
			continue
		}
		fmt.Fprintf(t.w, "  %d. %v (%d) [%s, SDK step %d] %s: %s\n", n, f.Code, rel.Number(f.Code), f.Cert, f.Step/10, f.Check, SafeText(f.Message))
		fmt.Fprintf(t.w, "       at %s\n", f.Location)
	}
	first, repeated := true, 0
	for i := range fs {
		f := &fs[i]
		if f.Failure() {
			continue
		}
		if t.once(f) {
			repeated++
			continue
		}
		if first {
			t.w.WriteString("  not failing attestation:\n")
			first = false
		}
		fmt.Fprintf(t.w, "     %-6s [%s] %s: %s\n", strings.ToUpper(f.Severity.String()), f.Cert, f.Check, SafeText(f.Message))
	}
	if repeated > 0 {
		fmt.Fprintf(t.w, "  (%s not failing attestation shown above)\n", count(repeated, "PAI/PAA finding"))
	}
}

// writeElementsText shows the decoded attestation elements.
func writeElementsText(w io.Writer, a *matterext.AttestationElements) {
	if a == nil {
		return
	}
	fmt.Fprintf(w, "  attestation elements (%d bytes):\n", len(a.Raw))
	if a.HasCD {
		fmt.Fprintf(w, "    certification_declaration: %d bytes\n", len(a.CertificationDeclaration))
	}
	if a.HasNonce {
		fmt.Fprintf(w, "    attestation_nonce:         %X\n", a.Nonce)
	}
	if a.HasTimestamp {
		fmt.Fprintf(w, "    timestamp:                 %d\n", a.Timestamp)
	}
	if a.HasFirmwareInformation {
		fmt.Fprintf(w, "    firmware_information:      %X\n", a.FirmwareInformation)
	}
	for _, v := range a.VendorReserved {
		fmt.Fprintf(w, "    vendor-reserved (vendor %s, profile %d, tag %d): %X\n", matterext.FormatID(v.VendorID), v.ProfileNumber, v.TagNumber, v.Data)
	}
	for _, e := range a.Errors {
		fmt.Fprintf(w, "    does not decode: %v\n", e)
	}
}

func (r *CDResult) writeText(t *textWriter) {
	st := "PASS"
	if c := r.Code(); c != matterext.Success {
		st = fmt.Sprintf("FAIL %v (%d)", c, c)
	}
	fmt.Fprintf(t.w, "%s: Certification Declaration signed by key %s: %s\n", where(r.Input, r.Index), matterext.HexColon(r.CD.KeyID()), st)
	for _, f := range r.Fields() {
		if !f.Present {
			fmt.Fprintf(t.w, "  [%2d] %-22s (absent)\n", f.Tag, f.Name)
			continue
		}
		line := fmt.Sprintf("  [%2d] %-22s %s", f.Tag, f.Name, SafeText(f.Display))
		if len(f.Entries) > 0 {
			line += ": " + strings.Join(f.Entries, ", ")
		}
		fmt.Fprintln(t.w, line)
	}
	t.verifyFindings(r.Findings, verify.NewestRelease())
}

func (r *PointResult) writeText(t *textWriter) {
	p := &r.Report
	st := "accepted"
	if !p.Accepted {
		st = "REJECTED"
	}
	fmt.Fprintf(t.w, "%s: point %q: %s", where(r.Input, r.Index), SafeText(p.Label), st)
	if p.Entry != nil {
		fmt.Fprintf(t.w, " (issuer %s, %s)", p.Entry.IssuerSubjectKeyID, count(len(p.Entry.RevokedSerialNumbers), "revoked serial"))
	}
	t.w.WriteString("\n")
	for _, m := range p.Reasons {
		fmt.Fprintf(t.w, "  - %s\n", SafeText(m))
	}
	for _, m := range p.Notes {
		fmt.Fprintf(t.w, "  note: %s\n", SafeText(m))
	}
}

// close writes the summary line (and the findings per rule) and flushes.
func (t *textWriter) close(s *Summary) error {
	one, many := t.kind.Noun()
	noun := many
	if s.Objects == 1 {
		noun = one
	}
	findings := fmt.Sprintf("%s, %s, %s", count(s.Errors, "error"), count(s.Warnings, "warning"), count(s.Notices, "notice"))
	switch t.kind {
	case KindCertificate, KindCRL:
		fmt.Fprintf(t.w, "\n%d %s linted: %d with errors, %d with warnings only, %d with notices only, %d clean (%s)",
			s.Objects, noun, s.WithErrors, s.WithWarnings, s.WithNotices, s.Clean, findings)
	default:
		verb := "checked"
		if t.kind == KindDAC {
			verb = "verified"
		}
		fmt.Fprintf(t.w, "\n%d %s %s: %d pass, %d fail (%s)", s.Objects, noun, verb, s.Passed, s.Failed, findings)
	}
	if s.NotCertificates+s.IOErrors > 0 {
		fmt.Fprintf(t.w, "; %s not a %s, %d unreadable", count(s.NotCertificates, "input"), one, s.IOErrors)
	}
	t.w.WriteString("\n")
	if t.opts.RuleCounts && len(s.RuleCounts) > 0 {
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

// appendQuoted appends strconv.Quote(SafeText(s)) to b, without copies when
// s is printable ASCII (a certificate's name, nearly always).
func appendQuoted(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return strconv.AppendQuote(b, SafeText(s))
		}
	}
	return append(append(append(b, '"'), s...), '"')
}
