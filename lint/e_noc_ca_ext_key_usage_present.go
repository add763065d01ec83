package lint

import (
	"crypto/x509"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_noc_ca_ext_key_usage_present",
		description: "An RCAC or ICAC must not carry an extKeyUsage extension",
		roles:       rolesNOCCA,
		check:       DCLCheck{Func: fnX509("VerifyNoEKU"), Order: 1, Error: "ErrInvalidCertificate", Code: 409},
		expected:    "absent",
		quote:       "The ExtendedKeyUsage extension SHALL NOT be present",
		quoteSource: dclDoc + "x/pki/x509/x509.go VerifyNoEKU doc comment, quoting Matter R1.6 §6.5.12",
		note:        "PAA and PAI may carry an extKeyUsage (§6.2.2.5 rule 11); the DCL wires VerifyNoEKU only on the NOC-chain CA paths.",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclNoEKU(c) },
	}))
}
