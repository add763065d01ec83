package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&Rule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_empty_revoked_certificates", "When no certificate is revoked, the revokedCertificates field must be absent, not an empty SEQUENCE", citeCRL+".1.2.6; zlint e_crl_empty_revoked_certificates", SourceRFC5280),
			Roles:        matterext.RoleCRL,
		},
		Check: func(ctx *Context, r *Reporter) {
			if ctx.CRL.RevokedPresent && len(ctx.CRL.Entries) == 0 {
				r.Add("tbsCertList.revokedCertificates", "empty SEQUENCE", "absent", "revokedCertificates is present but empty")
			}
		},
	})
}
