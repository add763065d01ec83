package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_vvsc_key_usage_not_digital_signature_only",
				"A VID verification signer certificate's keyUsage must be exactly digitalSignature",
				citeVVSC, SourceDCL),
			Roles: matterext.RoleVVSC, SDK: SDKNotChecked,
			Quote:       "KeyUsage SHALL be exactly digitalSignature",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) verifyEndEntityExtensions (message `certKind + \": KeyUsage SHALL be exactly digitalSignature\"`, certKind \"VVSC\" from VerifyVVSCExtensions)",
			Note:        "The DCL rejects the VVSC with ErrInvalidCertificate (409). The rest of its end-entity profile is e_basic_constraints_missing, e_basic_constraints_critical_missing, e_vvsc_basic_constraints_ca, e_key_usage_missing, e_key_usage_critical_missing, the SKID rules and e_authority_key_id_missing (required even on a self-signed VVSC).",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ku := keyUsage(ctx.Cert); ku != nil && ku.Bits != matterext.KUDigitalSignature {
				r.Add(kuLoc, matterext.KeyUsageString(ku.Bits), "digitalSignature", "VVSC keyUsage is "+matterext.KeyUsageString(ku.Bits)+"; it must be exactly digitalSignature")
			}
		},
	})
}
