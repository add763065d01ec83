package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dn_attribute_not_string",
				"Subject and issuer attribute values must be ASN.1 character strings (DirectoryString)",
				"RFC 5280 §4.1.2.4 (DirectoryString); DCL (Go crypto/x509 rejects non-string DN values); dcl-rules.md §7", SourceRFC5280),
			Roles: rolesAny, SDK: SDKNotChecked,
			Note:        "The SDK reads the raw value bytes of any type, so a VID encoded as an INTEGER may still be read; the DCL refuses the certificate.",
			Quote:       "The type of the component AttributeValue is determined by the AttributeType; in general it will be a DirectoryString.",
			QuoteSource: "RFC 5280 §4.1.2.4 (weak: 'in general'; the hard reject is Go crypto/x509 in the DCL)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			eachDNAttribute(ctx.Cert, func(loc string, a matterext.Attribute) {
				if !a.IsString() {
					r.Add(loc+"["+a.Type.Name()+"]", matterext.TagName(a.Tag), "UTF8String or PrintableString",
						a.Type.Name()+" value is a "+matterext.TagName(a.Tag)+", not a character string")
				}
			})
		},
	})
}
