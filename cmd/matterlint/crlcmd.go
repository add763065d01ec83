package main

import (
	"fmt"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/report"
	"github.com/matterlint/matterlint/verify"
	"github.com/spf13/pflag"
)

func crlCommand() *command {
	return &command{name: "crl", args: "FILE...", summary: "lint CRLs (RFC 5280 §5, the Matter and DCL rules), optionally against their signer",
		ci: true, failOn: "error", setup: setupCRL}
}

func setupCRL(fs *pflag.FlagSet) func(*env) int {
	signerFile := fs.String("signer", "", "the CRL signer's certificate: checks the CRL's AKID, issuer and signature against it")
	return func(e *env) int {
		if len(e.inputs) == 0 {
			fmt.Fprintln(e.stderr, "matterlint crl: no input given (CRL files, directories or - for stdin)")
			return exitUsage
		}
		var signer *matterext.Certificate
		if *signerFile != "" {
			var c int
			if signer, c = loadOne(*signerFile, "--signer", matterext.RoleUnknown, e.stderr); signer == nil {
				return c
			}
		}
		reg := lint.Default()
		return inputRun[*report.CRLResult]{command: "crl", what: "CRL", reader: input.ForCRLs(e.stdin), paths: e.inputs, jobs: 1,
			check: func(it input.Item) (*report.CRLResult, error) {
				r := &report.CRLResult{Input: it.Source}
				if r.CRL, r.Index, r.Err = decodeItem(it, input.KindCRL, report.KindCRL, matterext.ParseCRL); r.Err == nil {
					r.Findings = reg.LintCRL(r.CRL).Findings
					if signer != nil {
						r.Findings = append(r.Findings, signerFindings(r.CRL, signer)...)
					}
				}
				return r, nil
			}}.run(e, e.ci.writer(e, "crl", crlRules(reg)))
	}
}

// crlRules describes the rules crl may report: the registry's and the
// signer check.
func crlRules(reg *lint.Registry) []report.Rule {
	rules := report.Rules(reg)
	for _, c := range report.Checks() {
		if c.Name == verify.CheckCRLSigner {
			rules = append(rules, c)
		}
	}
	return rules
}

func signerFindings(l *matterext.CRL, signer *matterext.Certificate) []lint.Finding {
	var fs []lint.Finding
	for _, p := range verify.CRLSignerProblems(l, signer) {
		fs = append(fs, lint.Finding{Rule: verify.CheckMetadata(verify.CheckCRLSigner), Location: p.Location, Found: p.Found, Expected: p.Expected, Message: p.Message})
	}
	return fs
}
