package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/internal/report"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
	"github.com/spf13/pflag"
)

type crlResultJSON struct {
	Input      string               `json:"input"`
	Index      int                  `json:"index"`
	Error      *jsonError           `json:"error,omitempty"`
	Issuer     string               `json:"issuer,omitempty"`
	ThisUpdate string               `json:"this_update,omitempty"`
	NextUpdate string               `json:"next_update,omitempty"`
	Entries    int                  `json:"entries"`
	Findings   []report.JSONFinding `json:"findings"`
}

func runCRL(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("crl", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	format := addFormatFlag(fs)
	signerFile := fs.String("signer", "", "the CRL signer's certificate: checks the CRL's AKID, issuer and signature against it")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: matterlint crl [--format text|json|ndjson|sarif|junit] [--signer F] FILE...\n\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 || !slices.Contains(formats, *format) {
		fs.Usage()
		return exitUsage
	}
	var signer *matterext.Certificate
	if *signerFile != "" {
		var c int
		if signer, c = loadOne(*signerFile, "--signer", matterext.RoleUnknown, stderr); signer == nil {
			return c
		}
	}
	reg := lint.Default()
	var crlRules []report.RuleInfo
	for _, r := range append(reg.Rules(), verify.CheckMetadata(verify.CheckCRLSigner)) {
		crlRules = append(crlRules, report.RuleInfoOf(r))
	}
	items := itemWriterFor(*format, stdout, "crl", crlRules)
	var results []crlResultJSON
	var sum report.Summary
	ignored := &ignoredFiles{}
	rd := input.ForCRLs(stdin)
	rd.Ignored = ignored.add
	rd.Read(fs.Args(), func(it input.Item) bool {
		r := crlResultJSON{Input: it.Source, Index: it.Index, Findings: []report.JSONFinding{}}
		cr := report.CertResult{Source: it.Source, Index: it.Index}
		var l *matterext.CRL
		if it.Err != nil {
			r.Index, cr.Err, cr.ErrKind = it.Err.Index, it.Err, errKindOf(it.Err)
		} else if err := wrongObject(it.DER, input.KindCRL); err != nil {
			cr.Err, cr.ErrKind = fmt.Errorf("%s [%d]: not a CRL: %w", it.Source, it.Index, err), report.KindNotCertificate
		} else if l2, err := matterext.ParseCRL(it.DER); err != nil {
			cr.Err, cr.ErrKind = fmt.Errorf("%s [%d]: not a CRL: %w", it.Source, it.Index, err), report.KindNotCertificate
		} else {
			l = l2
		}
		if cr.Err != nil {
			r.Error = &jsonError{Kind: string(cr.ErrKind), Message: cr.Err.Error()}
			emitObject(*format, stdout, items, &sum, r, report.ItemOf(&cr, lint.Error))
			results = append(results, r)
			if *format == "text" {
				fmt.Fprintf(stdout, "%s [%d]: %s: %s\n", safeText(it.Source), r.Index, strings.ToUpper(string(cr.ErrKind)), safeText(cr.Err.Error()))
			}
			return true
		}
		res := reg.LintCRL(l)
		if signer != nil {
			res.Findings = append(res.Findings, signerFindings(l, signer)...)
		}
		cr.Findings = res.Findings
		cr.Issuer = l.Issuer.String()
		r.Issuer, r.Entries = l.Issuer.String(), len(l.Entries)
		if l.ThisUpdate.Err == "" && l.ThisUpdate.Present {
			r.ThisUpdate = l.ThisUpdate.T.Format("2006-01-02T15:04:05Z")
		}
		if l.NextUpdate.Err == "" && l.NextUpdate.Present {
			r.NextUpdate = l.NextUpdate.T.Format("2006-01-02T15:04:05Z")
		}
		for i := range res.Findings {
			r.Findings = append(r.Findings, report.FindingJSON(&res.Findings[i]))
		}
		item := report.ItemOf(&cr, lint.Error)
		item.Kind, item.Role = "crl", "crl"
		emitObject(*format, stdout, items, &sum, r, item)
		results = append(results, r)
		if *format == "text" {
			fmt.Fprintf(stdout, "%s [%d]: CRL of %q, %d entries, thisUpdate %s, nextUpdate %s: %d findings\n", safeText(it.Source), it.Index, r.Issuer, r.Entries, r.ThisUpdate, r.NextUpdate, len(r.Findings))
			for _, f := range r.Findings {
				fmt.Fprintf(stdout, "  %-6s %s: %s\n         at %s; source: %s\n", strings.ToUpper(f.Severity), f.Rule, f.Message, f.Location, f.Source)
				if f.Note != "" {
					fmt.Fprintf(stdout, "         note: %s\n", f.Note)
				}
			}
		}
		return true
	})
	if *format != "text" {
		closeObjects(*format, stdout, items, sum, "crl", results)
	} else {
		fmt.Fprintf(stdout, "\n%d CRL%s linted: %d with errors (%d errors, %d warnings, %d notices)", sum.Certificates, report.Plural(sum.Certificates), sum.WithErrors, sum.Errors, sum.Warnings, sum.Notices)
		if sum.NotCertificates+sum.IOErrors > 0 {
			fmt.Fprintf(stdout, "; %d input%s not a CRL, %d unreadable", sum.NotCertificates, report.Plural(sum.NotCertificates), sum.IOErrors)
		}
		fmt.Fprintln(stdout)
	}
	ignored.report(stderr, "crl")
	if sum.Inputs == 0 {
		return noObjects(stderr, "crl", "CRL")
	}
	return exitCode(sum)
}

func signerFindings(l *matterext.CRL, signer *matterext.Certificate) []lint.Finding {
	var fs []lint.Finding
	for _, p := range verify.CRLSignerProblems(l, signer) {
		fs = append(fs, lint.Finding{Rule: verify.CheckMetadata(verify.CheckCRLSigner), Location: p.Location, Found: p.Found, Expected: p.Expected, Message: p.Message})
	}
	return fs
}
