package lint

import (
	"github.com/matterlint/matterlint/matterext"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_spki_curve_not_p256",
				"An EC public key must be on prime256v1 (secp256r1), given as a namedCurve OID",
				"Matter SDK ExtractPubkeyFromX509Cert; "+citeFormat+"; TC_DA_1_2 (\"secp256r1\")", SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "The algorithm field in subjectPublicKeyInfo field SHALL be the object identifier for prime256v1.",
			QuoteSource: "Matter Core spec 1.5 §6.2.2.3 point 10 (p.364) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); SDK: connectedhomeip CHIPCryptoPALOpenSSL.cpp ExtractPubkeyFromX509Cert `EC_GROUP_get_curve_name(EC_KEY_get0_group(ec_key)) == NID_X9_62_prime256v1`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			pk := &ctx.Cert.PublicKey
			if !pk.Algorithm.OID.Equal(matterext.OIDECPublicKey) {
				return
			}
			const loc = "tbsCertificate.subjectPublicKeyInfo.algorithm.parameters"
			p := cryptobyte.String(pk.Algorithm.Params)
			var curve cryptobyte.String
			if !p.ReadASN1(&curve, cbasn1.OBJECT_IDENTIFIER) || len(p) > 0 {
				r.Add(loc, "not a namedCurve OID", "prime256v1", "EC parameters are not a namedCurve OBJECT IDENTIFIER; expected prime256v1 (1.2.840.10045.3.1.7)")
				return
			}
			if c := matterext.OID(curve); !c.Equal(matterext.OIDCurveP256) {
				r.Add(loc, c.Name(), "prime256v1", "curve is "+c.Name()+"; expected prime256v1 (1.2.840.10045.3.1.7)")
			}
		},
	})
}
