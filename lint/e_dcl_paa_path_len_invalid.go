package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_paa_path_len_invalid",
		description: "The DCL rejects a PAA whose pathLenConstraint is present and not 1",
		roles:       matterext.RolePAA,
		check:       DCLCheck{Func: fnX509("VerifyPAAPathLen"), Order: 1, Error: "ErrInvalidCertificate", Code: 409},
		expected:    "absent or 1",
		quote:       "Attestation Authority (PAA) certificates: the field MAY be omitted, but if present SHALL equal 1.",
		quoteSource: dclDoc + "x/pki/x509/x509.go VerifyPAAPathLen doc comment",
		note:        "The same condition as e_paa_path_len_invalid (one function serves both); the DCL reads the pathLenConstraint as present from crypto/x509's MaxPathLen > 0 or MaxPathLenZero.",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclPAAPathLen(c) },
	}))
}
