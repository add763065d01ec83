package lint

import "github.com/matterlint/matterlint/matterext"

// handledExtensions are the extensions a Matter verifier understands.
var handledExtensions = []matterext.OID{
	matterext.OIDExtBasicConstraints, matterext.OIDExtKeyUsage, matterext.OIDExtSubjectKeyID,
	matterext.OIDExtAuthorityKeyID, matterext.OIDExtExtKeyUsage, matterext.OIDExtSubjectAltName,
	matterext.OIDExtCRLDistPoints,
}

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_ext_unknown_critical",
				"No extension other than basicConstraints, keyUsage, SKID, AKID, extKeyUsage, subjectAltName and cRLDistributionPoints may be critical",
				"RFC 5280 §4.2; Matter SDK back ends (OpenSSL X509_verify_cert unhandled critical extension, mbedTLS parse failure); DCL (Go x509 Verify); matter-pki-rules.md §2.1, §8 item 3", SourceMatter),
			Roles: rolesAny, SDK: SDKChain,
			Note:        "The SDK's format check ignores extensions it does not know; the OpenSSL back end then fails the chain (301) and mbedTLS fails to parse the certificate. The DCL rejects (409) every submitted certificate with an unhandled critical extension (crypto/x509 Verify in verifyCertificate); Go also handles nameConstraints, certificatePolicies and the policy extensions, which this rule reports.",
			Quote:       "A certificate-using system MUST reject the certificate if it encounters a critical extension it does not recognize or a critical extension that contains information that it cannot process.",
			QuoteSource: "RFC 5280 §4.2",
		},
		Check: func(ctx *CertContext, r *Reporter) {
		next:
			for i := range ctx.Cert.Extensions {
				e := &ctx.Cert.Extensions[i]
				if !e.Critical || e.OID == nil {
					continue
				}
				for _, h := range handledExtensions {
					if h.Equal(e.OID) {
						continue next
					}
				}
				r.Add(e.Path()+".critical", e.OID.Name()+" critical", "non-critical or absent",
					"unknown extension "+e.OID.String()+" is marked critical; verifiers will reject the certificate")
			}
		},
	})
}
