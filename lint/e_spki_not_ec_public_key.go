package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_spki_not_ec_public_key",
				"The subject public key must be an elliptic-curve key (id-ecPublicKey)",
				"Matter SDK ExtractPubkeyFromX509Cert; "+citeFormat, SourceMatter),
			Roles: rolesAll, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			pk := &ctx.Cert.PublicKey
			if pk.Present && pk.Algorithm.OID != nil && !pk.Algorithm.OID.Equal(matterext.OIDECPublicKey) {
				r.Add("tbsCertificate.subjectPublicKeyInfo.algorithm.algorithm", pk.Algorithm.OID.Name(), "id-ecPublicKey",
					"public key algorithm is "+pk.Algorithm.OID.Name()+"; expected id-ecPublicKey (1.2.840.10045.2.1)")
			}
		},
	})
}
