package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_crlsigner_basic_constraints_not_critical",
				"A delegated CRL signer should carry a critical basicConstraints extension (cA FALSE), as the SDK's delegates do",
				citeCRLSigner+"; matter-pki-rules.md §8 item 13", SourceMatter),
			Roles: matterext.RoleCRLSigner, SDK: SDKNotChecked,
			Note:        "Commissioners do not check it, but the DCL rejects such a delegated CRL signer: VerifyCRLSignerCertFormat requires basicConstraints present with cA FALSE and marked critical, and keyUsage present and critical (ErrCRLSignerCertificateInvalidFormat, 441).",
			Quote:       "Basic Constraint extension SHALL be marked critical",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go VerifyCRLSignerCertFormat (HEAD 7319bed3) (HEAD now rejects a missing/non-critical BC: `if !bcSeen || !bcCritical`)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			bc := ctx.Cert.BasicConstraints
			switch {
			case bc == nil:
				r.Add("tbsCertificate.extensions", "absent", "critical basicConstraints", "CRL signer has no basicConstraints extension")
			case !bc.Ext.Critical:
				r.Add("tbsCertificate.extensions[basicConstraints].critical", "false", "true", "CRL signer basicConstraints is not critical")
			}
		},
	})
}
