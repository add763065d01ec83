package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_paa_pid_present",
		description: "The DCL rejects a PAA whose subject text carries a non-zero PID (the Matter attribute, or Mpid:/pid= text in any attribute)",
		roles:       matterext.RolePAA,
		check:       DCLCheck{Func: fnX509("VerifyNoPIDInSubject"), Order: 2, Error: "ErrNotEmptyPid", Code: 412},
		expected:    "no PID, or PID 0",
		quote:       "Matter R1.6 §6.2.2.5 rule 8 prohibits a ProductID in the PAA's subject (and equivalently issuer, since PAAs are self-signed).",
		quoteSource: dclDoc + "x/pki/x509/x509.go VerifyNoPIDInSubject doc comment",
		note:        "Differs from e_paa_pid_present (the SDK's reading): the DCL takes Mpid: text in any attribute and accepts a PID that reads as 0.",
		issues:      func(ctx *CertContext, _ *x509.Certificate) []dclIssue { return dclNoPIDInSubject(ctx.DCLSubjectText()) },
	}))
}
