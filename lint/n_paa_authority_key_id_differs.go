package lint

import (
	"bytes"

	"github.com/matterlint/matterlint/matterext"
)

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
			ak, sk := c.AuthorityKeyID, c.SubjectKeyID
			if ak == nil || sk == nil || !ak.HasKeyID || sk.Err != "" || !c.SelfIssued() {
				return
			}
			if !bytes.Equal(ak.KeyID, sk.ID) {
				r.Add("tbsCertificate.extensions[authorityKeyIdentifier].extnValue.keyIdentifier", matterext.HexColon(ak.KeyID), matterext.HexColon(sk.ID),
					"self-signed PAA has AKID "+matterext.HexColon(ak.KeyID)+" but SKID "+matterext.HexColon(sk.ID))
			}
		},
	})
}
