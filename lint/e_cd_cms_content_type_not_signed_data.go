package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_cms_content_type_not_signed_data",
				"The CD ContentInfo contentType must be id-signedData (1.2.840.113549.1.7.2)",
				citeCMS, SourceMatter),
			SDK:         SDKCDSignature,
			Quote:       "// id-signedData OBJECT IDENTIFIER ::= { iso(1) member-body(2) us(840) rsadsi(113549) pkcs(1) pkcs7(7) 2 } // OID identifies the CMS signed-data content type",
			QuoteSource: "connectedhomeip src/credentials/CertificationDeclaration.cpp CMS_Verify / CMS_ExtractKeyId (followed by VerifyOrReturnError(...data_equal(ByteSpan(sOID_ContentType_PKCS7SignedData)), ASN1_ERROR_UNSUPPORTED_ENCODING)); harness: connectedhomeip src/python_testing/TC_DA_1_2.py 'Incorrect object type'",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if ct := cd.CMS.ContentType; !ct.Equal(matterext.OIDSignedData) {
				r.Add("ContentInfo.contentType", ct.String(), "1.2.840.113549.1.7.2", "contentType is "+ct.String()+"; expected id-signedData")
			}
		},
	})
}
