package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_matter_dn_attribute_not_utf8string",
				"Matter VID and PID subject attributes should be UTF8String, as chip-cert writes them",
				"Matter SDK chip-cert CertUtils.cpp MakeAttCert; matter-pki-rules.md §2.1 (DN string types), §8 item 2", SourceMatter),
			Roles: rolesAll, SDK: SDKNotChecked,
			Note:        "The SDK accepts any string type (it reads the raw bytes); the specification most likely mandates UTF8String, which could not be verified.",
			Quote:       "if (!X509_NAME_add_entry_by_NID(X509_get_subject_name(newCert), gNIDChipAttAttrVID, MBSTRING_UTF8,",
			QuoteSource: "connectedhomeip src/tools/chip-cert/CertUtils.cpp MakeAttCert (same for gNIDChipAttAttrPID and NID_commonName); no public verbatim spec text found on the string type",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			for _, a := range ctx.Cert.Subject.Attributes {
				if (a.Type.Equal(matterext.OIDMatterVendorID) || a.Type.Equal(matterext.OIDMatterProductID)) && a.IsString() && a.Tag != matterext.TagUTF8String {
					r.Add("tbsCertificate.subject["+a.Type.Name()+"]", matterext.TagName(a.Tag), "UTF8String", a.Type.Name()+" is a "+matterext.TagName(a.Tag)+"; chip-cert and the specification's examples use UTF8String")
				}
			}
		},
	})
}
