package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_pid_unparsable",
		description: "The DCL rejects a PAA or delegated CRL signer whose subject text has a PID (the Matter attribute, pid= or Mpid: text) that does not parse as hexadecimal",
		roles:       matterext.RolePAA | matterext.RoleCRLSigner,
		check:       DCLCheck{Func: fnX509("VerifyNoPIDInSubject"), Order: 1, Error: "ErrInvalidPidFormat", Code: 434},
		expected:    "a hexadecimal PID or none",
		quote:       "VerifyNoPIDInSubject is a ParseAndValidateCertificate option that asserts the certificate's subject does not contain a Matter ProductID attribute.",
		quoteSource: dclDoc + "x/pki/x509/x509.go VerifyNoPIDInSubject doc comment",
		note:        "The DCL reads the PID from its subject text (GetPidFromSubject): the Matter attribute and any Mpid: or pid= token, the last one winning. For a delegated CRL signer the revocation-point handler (verifyPAI) parses it.",
		issues:      func(ctx *CertContext, _ *x509.Certificate) []dclIssue { return dclNoPIDInSubject(ctx.DCLSubjectText()) },
	}))
}
