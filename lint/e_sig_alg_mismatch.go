package lint

import "bytes"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_sig_alg_mismatch",
				"tbsCertificate.signature must be byte-identical to signatureAlgorithm",
				"RFC 5280 §4.1.1.2", SourceRFC5280),
			Roles: rolesAny, SDK: SDKChain,
			Quote:       "This field MUST contain the same algorithm identifier as the signature field in the sequence tbsCertificate (Section 4.1.2.3).",
			QuoteSource: "RFC 5280 §4.1.1.2",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.Cert
			if c.TBSSigAlg.Present && c.SignatureAlgorithm.Present && !bytes.Equal(c.TBSSigAlg.Raw, c.SignatureAlgorithm.Raw) {
				r.Add("signatureAlgorithm", c.SignatureAlgorithm.OID.Name(), c.TBSSigAlg.OID.Name(),
					"signatureAlgorithm ("+c.SignatureAlgorithm.OID.Name()+") differs from tbsCertificate.signature ("+c.TBSSigAlg.OID.Name()+")")
			}
		},
	})
}
