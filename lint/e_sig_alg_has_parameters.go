package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_sig_alg_has_parameters",
				"An ecdsa-with-SHA256 AlgorithmIdentifier must omit the parameters field (not even NULL)",
				"RFC 5758 §3.2; "+citeFormat+" (mbedTLS compares the whole AlgorithmIdentifier bytes 30 0A 06 08 2A 86 48 CE 3D 04 03 02)", SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Note:        "The OpenSSL back end compares only the algorithm NID and accepts parameters; the mbedTLS back end rejects them.",
			Quote:       "When the ecdsa-with-SHA224, ecdsa-with-SHA256, ecdsa-with-SHA384, or ecdsa-with-SHA512 algorithm identifier appears in the algorithm field as an AlgorithmIdentifier, the encoding MUST omit the parameters field.",
			QuoteSource: "RFC 5758 §3.2 (sentence from memory; the clause 'the encoding MUST omit the parameters field' is confirmed by public code citing RFC 5758 §3.2)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			for _, a := range []struct {
				loc string
				alg *matterext.AlgorithmIdentifier
			}{{"tbsCertificate.signature.parameters", &ctx.Cert.TBSSigAlg}, {"signatureAlgorithm.parameters", &ctx.Cert.SignatureAlgorithm}} {
				if a.alg.OID.Equal(matterext.OIDECDSAWithSHA256) && a.alg.Params != nil {
					found := "0x" + matterext.HexColon(a.alg.Params)
					r.Add(a.loc, found, "absent", "ecdsa-with-SHA256 has parameters "+found+"; they must be absent")
				}
			}
		},
	})
}
