package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_cms_unexpected_fields",
				"A CD has no certificates, crls, signedAttrs or unsignedAttrs: the signature is over the raw content",
				citeCMS+" (CMS_Sign writes none; CMS_Verify hashes the eContent itself)", SourceMatter),
			SDK:         SDKCDSignature,
			Note:        "With signedAttrs the signature would be over the attributes, which the SDK does not compute, so verification fails.",
			Quote:       "// Validate CD Signature ReturnErrorOnFailure(signerPubkey.ECDSA_validate_msg_signature(cdContent.data(), cdContent.size(), signature));",
			QuoteSource: "connectedhomeip src/credentials/CertificationDeclaration.cpp CMS_Verify: parses version, digestAlgorithms, encapContentInfo, then signerInfo directly (no certificates/crls) and verifies over the raw eContent, so signedAttrs cannot be honoured",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			sd := cd.CMS
			if sd.HasCertificates {
				r.Add("SignedData.certificates", "present", "absent", "the CD carries certificates [0]")
			}
			if sd.HasCRLs {
				r.Add("SignedData.crls", "present", "absent", "the CD carries crls [1]")
			}
			for i, si := range sd.SignerInfos {
				loc := "SignedData.signerInfos[" + itoa(int64(i)) + "]"
				if si.HasSignedAttrs {
					r.Add(loc+".signedAttrs", "present", "absent", "the SignerInfo carries signedAttrs")
				}
				if si.HasUnsignedAttrs {
					r.Add(loc+".unsignedAttrs", "present", "absent", "the SignerInfo carries unsignedAttrs")
				}
			}
		},
	})
}
