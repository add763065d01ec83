package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_signature_not_der",
				"The CD SignerInfo signature must be a DER Ecdsa-Sig-Value with r and s of at most 32 bytes of magnitude",
				citeCMS+" (DecodeSignerInfo converts it to raw r||s)", SourceMatter),
			SDK:         SDKCDKeyID,
			Quote:       "ReturnErrorOnFailure(EcdsaAsn1SignatureToRaw(kP256_FE_Length, ByteSpan(reader.GetValue(), reader.GetValueLen()), signatureSpan));",
			QuoteSource: "connectedhomeip src/credentials/CertificationDeclaration.cpp DecodeSignerInfo (`// signature OCTET STRING`: DER Ecdsa-Sig-Value converted to raw r||s of 32-byte field elements)",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			si := signerInfo(cd)
			if si == nil {
				return
			}
			rv, sv, ok := matterext.SplitECDSASignature(si.Signature)
			if !ok || !matterext.ValidP256SigComponent(rv) || !matterext.ValidP256SigComponent(sv) {
				r.Add(siLoc+".signature", "0x"+matterext.HexColon(si.Signature), "SEQUENCE { r INTEGER, s INTEGER }", "the CD signature is not a DER Ecdsa-Sig-Value for P-256")
			}
		},
	})
}
