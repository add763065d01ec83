package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_ca_not_ca",
		description: "The DCL rejects a root, RCAC or ICAC whose basicConstraints is absent or has cA FALSE",
		roles:       matterext.RolePAA | rolesNOCCA,
		check:       DCLCheck{Func: fnX509("VerifyCAExtensions"), Order: 1, Error: "ErrInappropriateCertificateType", Code: 408},
		expected:    "basicConstraints with cA TRUE",
		quote:       "BasicConstraints cA flag SHALL be set to TRUE.",
		quoteSource: dclDoc + "x/pki/x509/x509.go VerifyCAExtensions doc comment",
		note:        "For MsgAddX509Cert a certificate with cA FALSE is not refused as a PAI: VerifyDAChainNonRoot takes it as a DAC.",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclCAExtensions(c) },
	}))
}
