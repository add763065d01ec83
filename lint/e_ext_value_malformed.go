package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_ext_value_malformed",
				"Every extension must be a well-formed Extension SEQUENCE, and basicConstraints, keyUsage, subjectKeyIdentifier, authorityKeyIdentifier and extKeyUsage values must decode",
				"RFC 5280 §4.1, §4.2.1; "+citeFormat+" (the SDK back ends fail to parse such extensions)", SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "When an extension appears in a certificate, the OID appears as the field extnID and the corresponding ASN.1 DER encoded structure is the value of the octet string extnValue.",
			QuoteSource: "RFC 5280 §4.2",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.Cert
			for i := range c.Extensions {
				if e := &c.Extensions[i]; e.Err != nil {
					r.Add(e.Err.Path, e.Err.Msg, "Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }", "malformed extension: "+e.Err.Msg)
				}
			}
			check := func(name string, err *matterext.FieldError) {
				if err != nil {
					r.Add(err.Path, err.Msg, "a valid "+name+" value", name+" does not decode: "+err.Msg)
				}
			}
			if bc := c.BasicConstraints; bc != nil {
				check("basicConstraints", bc.Err)
			}
			if ku := c.KeyUsage; ku != nil {
				check("keyUsage", ku.Err)
			}
			if sk := c.SubjectKeyID; sk != nil {
				check("subjectKeyIdentifier", sk.Err)
			}
			if ak := c.AuthorityKeyID; ak != nil {
				check("authorityKeyIdentifier", ak.Err)
			}
			if eku := c.ExtKeyUsage; eku != nil {
				check("extKeyUsage", eku.Err)
			}
		},
	})
}
