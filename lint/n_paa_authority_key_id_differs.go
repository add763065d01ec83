package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("n_paa_authority_key_id_differs",
				"A self-signed PAA that carries an authorityKeyIdentifier usually has AKID = SKID",
				citePAA+" (AKID optional; \"a self-signed PAA usually carries AKID = SKID\")", SourceMatter),
			Roles: matterext.RolePAA, SDK: SDKNotChecked,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.Cert
			if !c.SelfIssued() {
				return
			}
			if matterext.Relate(c, c).KeyID == matterext.KeyIDMismatch {
				ak, sk := c.AuthorityKeyID, c.SubjectKeyID
				r.Add("tbsCertificate.extensions[authorityKeyIdentifier].extnValue.keyIdentifier", matterext.HexColon(ak.KeyID), matterext.HexColon(sk.ID),
					"self-signed PAA has AKID "+matterext.HexColon(ak.KeyID)+" but SKID "+matterext.HexColon(sk.ID))
			}
		},
	})
}
