package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_paa_not_self_issued",
				"A PAA is a root: its issuer must equal its subject byte for byte",
				"DCL MsgProposeAddX509RootCert (root must be self-signed); "+citePAA, SourceMatter),
			Roles: matterext.RolePAA, SDK: SDKNotChecked,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.Cert
			if c.Issuer.Present && c.Subject.Present && !c.SelfIssued() {
				r.Add("tbsCertificate.issuer", c.Issuer.String(), c.Subject.String(), "PAA issuer differs from its subject; a PAA must be self-issued")
			}
		},
	})
}
