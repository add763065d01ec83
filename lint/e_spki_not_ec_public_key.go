package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_spki_not_ec_public_key",
				"The subject public key must be an elliptic-curve key (id-ecPublicKey)",
				"Matter SDK ExtractPubkeyFromX509Cert; "+citeFormat, SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "subjectPublicKeyInfo algorithm SHALL be ECDSA on prime256v1",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyECDSAP256SHA256; SDK: connectedhomeip CHIPCryptoPALOpenSSL.cpp ExtractPubkeyFromX509Cert `VerifyOrExit(EVP_PKEY_base_id(pkey) == EVP_PKEY_EC, err = CHIP_ERROR_INTERNAL);`",
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
