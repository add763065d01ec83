package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_authority_key_id_missing",
				"PAI and DAC must carry an authorityKeyIdentifier (the PAI's is the key used to find its PAA)",
				citeDAC+"; "+citePAI, SourceMatter),
			Roles: matterext.RolePAI | matterext.RoleDAC, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ctx.Cert.AuthorityKeyID == nil {
				r.Add("tbsCertificate.extensions", "absent", "authorityKeyIdentifier", "authorityKeyIdentifier extension is missing; a "+ctx.Role.String()+" must carry one")
			}
		},
	})
}
