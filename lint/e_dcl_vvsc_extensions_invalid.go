package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_vvsc_extensions_invalid",
		replaces:    []string{"e_vvsc_key_usage_not_digital_signature_only"},
		description: "The DCL's VVSC profile: basicConstraints present and critical; keyUsage present, critical and exactly digitalSignature; 20-octet SKID and AKID, even on a self-signed VVSC",
		roles:       matterext.RoleVVSC,
		check:       DCLCheck{Func: fnX509("VerifyVVSCExtensions"), Order: 2, Error: "ErrInvalidCertificate", Code: 409},
		expected:    "the DCL's VVSC profile",
		quote:       "BasicConstraints SHALL be encoded, marked critical, with cA=FALSE. KeyUsage SHALL be encoded, marked critical, exactly digitalSignature. SubjectKeyIdentifier SHALL be present. AuthorityKeyIdentifier SHALL be present.",
		quoteSource: dclDoc + "x/pki/x509/x509.go verifyEndEntityExtensions doc comment (VerifyVVSCExtensions passes VVSC)",
		note:        "cA TRUE is e_vvsc_basic_constraints_ca (408). Its key-usage condition (exactly digitalSignature) is the DAC's, one function for both.",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclEndEntity(c, "VVSC") },
	}))
}
