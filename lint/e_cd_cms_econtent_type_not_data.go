package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_cms_econtent_type_not_data",
				"The CD eContentType must be id-data (pkcs7-data) and the eContent must be present",
				citeCMS+"; SDK vector struct_cd_cms_econtent_type_msac", SourceMatter),
			SDK:         SDKCDSignature,
			Quote:       "EncapsulatedContentInfo ::= SEQUENCE { eContentType OBJECT IDENTIFIER pkcs7-data (1.2.840.113549.1.7.1), eContent [0] EXPLICIT OCTET STRING cd_content }",
			QuoteSource: "connectedhomeip src/credentials/CertificationDeclaration.cpp DecodeEncapsulatedContent doc comment (then VerifyOrReturnError(...sOID_ContentType_PKCS7Data..., ASN1_ERROR_UNSUPPORTED_ENCODING)); harness: connectedhomeip src/python_testing/TC_DA_1_2.py 'Incorrect encapsulated content type'",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			sd := cd.CMS
			if !sd.EContentType.Equal(matterext.OIDData) {
				r.Add("SignedData.encapContentInfo.eContentType", sd.EContentType.String(), "1.2.840.113549.1.7.1", "eContentType is "+sd.EContentType.String()+"; expected id-data")
			}
			if !sd.EContentPresent {
				r.Add("SignedData.encapContentInfo.eContent", "absent", "the CD content", "the CD carries no content (detached signature)")
			}
		},
	})
}
