package lint

import (
	"filippo.io/nistec"
	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_spki_point_invalid",
				"A P-256 public key must be a 65-byte uncompressed point 04||X||Y that lies on the curve",
				"Matter SDK ExtractPubkeyFromX509Cert (P256PublicKey, kP256_PublicKey_Length = 65); SEC 1 §2.3.4", SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "VerifyOrExit(pkeyLen == static_cast<int>(pubkey.Length()), err = CHIP_ERROR_INTERNAL); VerifyOrExit(i2d_PublicKey(pkey, ppPubkey) == pkeyLen, err = CHIP_ERROR_INTERNAL);",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp ExtractPubkeyFromX509Cert (P256PublicKey length kP256_PublicKey_Length = 65, uncompressed point)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			pk := &ctx.Cert.PublicKey
			if !pk.Algorithm.OID.Equal(matterext.OIDECPublicKey) || !pk.Key.Present {
				return
			}
			if !matterext.OID(curveOID(pk.Algorithm.Params)).Equal(matterext.OIDCurveP256) {
				return
			}
			const loc = "tbsCertificate.subjectPublicKeyInfo.subjectPublicKey"
			k := pk.Key.Bytes
			switch {
			case pk.Key.UnusedBits != 0:
				r.Add(loc, "unused bits "+itoa(int64(pk.Key.UnusedBits)), "0", "the public-key BIT STRING has unused bits")
			case len(k) != 65 || k[0] != 0x04:
				found := itoa(int64(len(k))) + " bytes"
				if len(k) > 0 {
					found += " starting 0x" + matterext.HexColon(k[:1])
				}
				r.Add(loc, found, "65 bytes starting 0x04", "public key is "+found+"; expected an uncompressed point of 65 bytes starting 0x04")
			default:
				if _, err := nistec.NewP256Point().SetBytes(k); err != nil { // the on-curve check, without allocating
					r.Add(loc, "point not on curve", "a point on P-256", "public key is not a valid point on P-256")
				}
			}
		},
	})
}
