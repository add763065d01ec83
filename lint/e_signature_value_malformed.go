package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_signature_value_malformed",
				"An ECDSA signatureValue must be a BIT STRING with no unused bits holding a DER Ecdsa-Sig-Value (two positive, minimal INTEGERs of at most 33 bytes)",
				"RFC 5480 §2.2 / RFC 5758 §3.2; X.690 §8.3", SourceRFC5280),
			Roles: rolesAny, SDK: SDKChain,
			Quote:       "To easily transfer these two values as one signature, they MUST be ASN.1 encoded using the following ASN.1 structure: Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }",
			QuoteSource: "RFC 3279 §2.2.3 (referenced by RFC 5758 §3.2) (from memory)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.Cert
			if !c.Signature.Present || !c.SignatureAlgorithm.OID.Equal(matterext.OIDECDSAWithSHA256) {
				return
			}
			const loc = "signatureValue"
			if c.Signature.UnusedBits != 0 {
				r.Add(loc, "unused bits "+itoa(int64(c.Signature.UnusedBits)), "0", "signature BIT STRING has unused bits")
				return
			}
			ri, si, ok := matterext.SplitECDSASignature(c.Signature.Bytes)
			if !ok {
				r.Add(loc, "not an Ecdsa-Sig-Value", "SEQUENCE { r INTEGER, s INTEGER }", "signature is not a DER Ecdsa-Sig-Value")
				return
			}
			for _, v := range []struct {
				n string
				b []byte
			}{{"r", ri}, {"s", si}} {
				if !matterext.ValidP256SigComponent(v.b) {
					r.Add(loc+"."+v.n, "0x"+matterext.HexColon(v.b), "a positive minimal INTEGER", "signature "+v.n+" is not a positive, minimally encoded INTEGER of at most 33 bytes")
				}
			}
		},
	})
}
