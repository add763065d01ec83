package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_content_invalid",
				"The CD content must decode: an anonymous TLV structure with fields 0-8 present and in order, 9 and 10 together, unsigned integers within their widths, a 19-byte certificate_id, 20-byte PAA key IDs, and nothing after the structure",
				citeCDDecode, SourceMatter),
			SDK:         SDKCDFormat,
			Quote:       "VerifyOrReturnError(DecodeCertificationElements(certDeclBuffer, cdContent) == CHIP_NO_ERROR, AttestationVerificationResult::kCertificationDeclarationInvalidFormat);",
			QuoteSource: "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload; decoder rules in connectedhomeip src/credentials/CertificationDeclaration.cpp DecodeCertificationElements (e.g. `// If kTag_DACOriginVendorId present then kTag_DACOriginProductId must be present.`, `strlen(certElements.CertificateId) == kCertificateIdLength`)",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			c := cd.Content
			if c == nil {
				return // no content: e_cd_cms_econtent_type_not_data
			}
			for _, e := range c.Errors {
				loc := cdLoc + " (offset " + itoa(int64(e.Offset)) + ")"
				if e.Field != "" {
					loc = cdLoc + "." + e.Field + " (offset " + itoa(int64(e.Offset)) + ")"
				}
				r.Add(loc, e.Msg, "a field the SDK's decoder accepts", e.Error())
			}
		},
	})
}
