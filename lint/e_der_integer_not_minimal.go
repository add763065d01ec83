package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_der_integer_not_minimal",
				"INTEGERs (version, serialNumber, pathLenConstraint) must use the minimal two's-complement encoding",
				"X.690 §8.3.2; RFC 5280 §4.1", SourceRFC5280),
			Roles: rolesAny, SDK: SDKNotChecked,
			Note:        "Strict parsers (Go crypto/x509, used by the DCL; mbedTLS) reject such certificates; OpenSSL accepts them.",
			Quote:       "If the contents octets of an integer value encoding consist of more than one octet, then the bits of the first octet and bit 8 of the second octet: a) shall not all be ones; and b) shall not all be zero.",
			QuoteSource: "ITU-T X.690 §8.3.2 (from memory)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.Cert
			check := func(loc string, i matterext.Integer) {
				if i.Present && !i.Minimal() {
					r.Add(loc, "0x"+matterext.HexColon(i.Bytes), "minimal encoding", loc+" INTEGER is not minimally encoded (0x"+matterext.HexColon(i.Bytes)+")")
				}
			}
			check("tbsCertificate.version", c.Version)
			check("tbsCertificate.serialNumber", c.Serial)
			if bc := c.BasicConstraints; bc != nil {
				check("tbsCertificate.extensions[basicConstraints].extnValue.pathLenConstraint", bc.PathLen)
			}
		},
	})
}
