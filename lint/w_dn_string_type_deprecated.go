package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_dn_string_type_deprecated",
				"DN attribute values should be UTF8String or PrintableString, not TeletexString, UniversalString or BMPString",
				"RFC 5280 §4.1.2.4 (new certificates use PrintableString or UTF8String)", SourceRFC5280),
			Roles: rolesAny, SDK: SDKNotChecked,
			Quote:       "TeletexString, BMPString, and UniversalString are included for backward compatibility, and SHOULD NOT be used for certificates for new subjects.",
			QuoteSource: "RFC 5280 §4.1.2.6 item (c)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			eachDNAttribute(ctx.Cert, func(loc string, a matterext.Attribute) {
				switch a.Tag {
				case matterext.TagT61String, matterext.TagUniversalString, matterext.TagBMPString:
					r.Add(loc+"["+a.Type.Name()+"]", matterext.TagName(a.Tag), "UTF8String or PrintableString",
						a.Type.Name()+" is a "+matterext.TagName(a.Tag)+"; use UTF8String or PrintableString")
				}
			})
		},
	})
}
