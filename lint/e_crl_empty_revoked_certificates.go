package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_empty_revoked_certificates", "When no certificate is revoked, the revokedCertificates field must be absent, not an empty SEQUENCE", citeCRL+".1.2.6; zlint e_crl_empty_revoked_certificates", SourceRFC5280),
			Quote:        "When there are no revoked certificates, the revoked certificates list MUST be absent.",
			QuoteSource:  "RFC 5280 §5.1.2.6",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			if l.RevokedPresent && len(l.Entries) == 0 {
				r.Add("tbsCertList.revokedCertificates", "empty SEQUENCE", "absent", "revokedCertificates is present but empty")
			}
		},
	})
}
