package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_pai_path_len_not_zero",
		description: "The DCL rejects a PAI (cA TRUE in MsgAddX509Cert) whose pathLenConstraint is absent or not 0",
		roles:       matterext.RolePAI | matterext.RoleDAC,
		check:       DCLCheck{Func: fnX509("VerifyPAIPathLen"), Order: 1, Error: "ErrInvalidCertificate", Code: 409},
		expected:    "0",
		quote:       "Attestation Intermediate (PAI) certificates: the field SHALL be present and SHALL be set to 0.",
		quoteSource: dclDoc + "x/pki/x509/x509.go VerifyPAIPathLen doc comment",
		note:        "The same condition as e_pai_path_len_not_zero (one function serves both), which commissioners also enforce (kPaiFormatInvalid, 203).",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclPAIPathLen(c) },
		applies:     func(_ *CertContext, c *x509.Certificate) bool { return dclAddCertCA(c) },
	}))
}
