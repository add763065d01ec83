package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_vvsc_basic_constraints_ca",
		description: "A VVSC's basicConstraints must have cA FALSE",
		roles:       matterext.RoleVVSC,
		check:       DCLCheck{Func: fnX509("VerifyVVSCExtensions"), Order: 1, Error: "ErrInappropriateCertificateType", Code: 408},
		expected:    "FALSE",
		quote:       "BasicConstraints SHALL be encoded, marked critical, with cA=FALSE.",
		quoteSource: dclDoc + "x/pki/x509/x509.go verifyEndEntityExtensions doc comment (VerifyVVSCExtensions passes VVSC)",
		note:        "A VID verification signer is an end entity, even as the trust anchor of its chain.",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclEndEntity(c, "VVSC") },
	}))
}
