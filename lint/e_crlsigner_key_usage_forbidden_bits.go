package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crlsigner_key_usage_forbidden_bits",
				"A delegated CRL signer's keyUsage may assert only cRLSign and digitalSignature",
				citeCRLSigner, SourceDCL),
			Roles: matterext.RoleCRLSigner, SDK: SDKNotChecked,
			Quote:       "The KeyUsage bitstring can only include the cRLSign and digitalSignature bits",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go VerifyCRLSignerCertFormat (HEAD 7319bed3)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			const allowed = matterext.KUCRLSign | matterext.KUDigitalSignature
			if ku := keyUsage(ctx.Cert); ku != nil && ku.Bits&^allowed != 0 {
				r.Add(kuLoc, matterext.KeyUsageString(ku.Bits), "cRLSign[|digitalSignature]", "CRL signer keyUsage asserts "+matterext.KeyUsageString(ku.Bits&^allowed)+", which it must not")
			}
		},
	})
}
