package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crlsigner_key_usage_crl_sign_missing",
				"A delegated CRL signer's keyUsage must assert cRLSign",
				citeCRLSigner, SourceDCL),
			Roles: matterext.RoleCRLSigner, SDK: SDKNotChecked,
			Quote:       "The cRLSign bits SHALL be set in the KeyUsage bitstring",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go VerifyCRLSignerCertFormat (HEAD 7319bed3)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ku := keyUsage(ctx.Cert); ku != nil && ku.Bits&matterext.KUCRLSign == 0 {
				r.Add(kuLoc, matterext.KeyUsageString(ku.Bits), "cRLSign", "CRL signer keyUsage is "+matterext.KeyUsageString(ku.Bits)+"; cRLSign is missing")
			}
		},
	})
}
