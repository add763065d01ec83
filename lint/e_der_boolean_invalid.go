package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_der_boolean_invalid",
				"A DER BOOLEAN is one octet, 0x00 or 0xFF",
				"X.690 §8.2.2, §11.1", SourceRFC5280),
			Roles: rolesAny, SDK: SDKNotChecked,
			Quote:       "If the encoding represents the boolean value TRUE, its single contents octet shall have all eight bits set to one.",
			QuoteSource: "ITU-T X.690 §11.1 (DER) (from memory); cf. §8.2.1 'The contents octets shall consist of a single octet.' (from memory)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			// loc is only built for a bad BOOLEAN: most certificates have none.
			check := func(loc func() string, b []byte) {
				if len(b) != 1 || (b[0] != 0x00 && b[0] != 0xFF) {
					l := loc()
					r.Add(l, "0x"+matterext.HexColon(b), "0x00 or 0xFF", l+" BOOLEAN is 0x"+matterext.HexColon(b)+"; DER allows only 0x00 or 0xFF")
				}
			}
			for i := range ctx.Cert.Extensions {
				if e := &ctx.Cert.Extensions[i]; e.CriticalEncoded {
					check(func() string { return e.Path() + ".critical" }, e.CriticalRaw)
				}
			}
			if bc := ctx.Cert.BasicConstraints; bc != nil && bc.CAEncoded {
				check(func() string { return bcLoc + ".cA" }, bc.CARaw)
			}
		},
	})
}
