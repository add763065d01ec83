package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_basic_constraints_missing",
		description: "The DCL rejects a PAI or DAC without a basicConstraints extension",
		roles:       matterext.RolePAI | matterext.RoleDAC,
		check:       DCLCheck{Func: fnX509("VerifyDAChainNonRoot"), Order: 1, Error: "ErrInvalidCertificate", Code: 409},
		expected:    "basicConstraints present",
		quote:       "BasicConstraints must be encoded either way; a missing BC extension is reported as a DAC violation since crypto/x509 leaves IsCA at its zero value.",
		quoteSource: dclDoc + "x/pki/x509/x509.go VerifyDAChainNonRoot doc comment",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclDAChainNonRoot(c) },
	}))
}
