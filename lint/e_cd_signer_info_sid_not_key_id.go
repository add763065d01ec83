package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_signer_info_sid_not_key_id",
				"The CD SignerInfo sid must be a 20-byte [0] subjectKeyIdentifier, the key ID of a CSA CD signing key",
				citeCMS+" (CMS_ExtractKeyId)", SourceMatter),
			SDK:         SDKCDKeyID,
			Quote:       "# subject key identifier needs to match the connectivity standards aliance key",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py step 5.2 (typo verbatim; reads dict(signer_info['sid'])['subjectKeyIdentifier']); SDK: connectedhomeip src/credentials/CertificationDeclaration.cpp DecodeSignerInfo `// subjectKeyIdentifier OCTET STRING` ASN1_PARSE_ELEMENT(kASN1TagClass_ContextSpecific, 0)",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			si := signerInfo(cd)
			switch {
			case si == nil:
			case !si.SIDIsKeyID:
				r.Add(siLoc+".sid", "issuerAndSerialNumber", "[0] subjectKeyIdentifier", "the SignerInfo identifies its signer by issuer and serial number, not by key ID")
			case len(si.SubjectKeyID) != 20:
				n := itoa(int64(len(si.SubjectKeyID))) + " bytes"
				r.Add(siLoc+".sid", n, "20 bytes", "the signer key ID is "+n+"; expected 20")
			}
		},
	})
}
