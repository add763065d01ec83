package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&PointRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_point_signer_invalid", "crlSignerCertificate (and crlSignerDelegator, if any) must be one PEM certificate each; the signer at most 2048 characters",
				citePoint, SourceDCL),
			SDK:         SDKRevocationSet,
			Quote:       "This field SHALL contain the issuer certificate who signed the revocation information that is provided in the distribution point entry, encoded in X.509v3 PEM format.",
			QuoteSource: "Matter Core spec 1.4.1 §11.23.9 (CRLSignerCertificate) as quoted in project-chip/matter.js packages/types/src/dcl/device-attestation-revocation.ts (531401fa); size: DCL tag validate:\"required,max=2048\" (x/pki/types/tx.pb.go)",
		},
		Check: func(p *matterext.RevocationPoint, r *Reporter) {
			if len(p.CRLSignerCertificate) > 2048 {
				r.Add("crlSignerCertificate", itoa(int64(len(p.CRLSignerCertificate)))+" characters", "≤ 2048", "crlSignerCertificate is longer than 2048 characters")
			}
			if err := p.SignerErr; err != nil {
				r.Add("crlSignerCertificate", err.Error(), "a PEM certificate", "crlSignerCertificate: "+err.Error())
			}
			if err := p.DelegatorErr; err != nil {
				r.Add("crlSignerDelegator", err.Error(), "a PEM certificate", "crlSignerDelegator: "+err.Error())
			}
		},
	})
}
