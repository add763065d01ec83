package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_sig_alg_not_ecdsa_with_sha256", "A Matter CRL must be signed with ecdsa-with-SHA256 (no parameters), matching tbsCertList.signature",
				"Matter revocation (spec 6.2.4, CRL signer profile with a P-256 key); RFC 5280 §5.1.1.2; "+citeCRLBuild, SourceMatter),
			Quote:       "This field MUST contain the same algorithm identifier as the signature field in the sequence tbsCertList (Section 5.1.2.2).",
			QuoteSource: "RFC 5280 §5.1.1.2 — covers only the tbsCertList match; no public verbatim source found for 'Matter CRLs use ecdsa-with-SHA256'",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			for _, a := range []struct {
				loc string
				alg *matterext.AlgorithmIdentifier
			}{{"tbsCertList.signature", &l.TBSSigAlg}, {"signatureAlgorithm", &l.SignatureAlgorithm}} {
				if a.alg.Present && (!a.alg.OID.Equal(matterext.OIDECDSAWithSHA256) || a.alg.Params != nil) {
					r.Add(a.loc, a.alg.OID.Name(), "ecdsa-with-SHA256 without parameters", a.loc+" is "+a.alg.OID.Name()+"; expected ecdsa-with-SHA256 without parameters")
				}
			}
		},
	})
}
