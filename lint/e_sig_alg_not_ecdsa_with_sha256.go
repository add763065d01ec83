package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_sig_alg_not_ecdsa_with_sha256",
				"The signature algorithm (tbsCertificate.signature and signatureAlgorithm) must be ecdsa-with-SHA256",
				citeFormat+"; DCL x509.go (error 409)", SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Note:        "Matter's PQC preview allows ML-DSA-44/65 on PAA and PAI (matter-pki-rules.md §2.6); matterlint does not lint ML-DSA profiles yet and reports them here.",
			Quote:       "The signature field SHALL contain the identifier for signatureAlgorithm ecdsa-with-SHA256.",
			QuoteSource: "Matter Core spec 1.5 §6.2.2.3 point 2 (p.363) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); identical text in zigbee-alliance/distributed-compliance-ledger x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go VerifyCRLSignerCertFormat (HEAD 7319bed3); SDK: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) `X509_get_signature_nid(x509Cert) == NID_ecdsa_with_SHA256`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			for _, a := range []struct {
				loc string
				alg *matterext.AlgorithmIdentifier
			}{{"tbsCertificate.signature.algorithm", &ctx.Cert.TBSSigAlg}, {"signatureAlgorithm.algorithm", &ctx.Cert.SignatureAlgorithm}} {
				if a.alg.Present && a.alg.OID != nil && !a.alg.OID.Equal(matterext.OIDECDSAWithSHA256) {
					r.Add(a.loc, a.alg.OID.Name(), "ecdsa-with-SHA256",
						"signature algorithm is "+a.alg.OID.Name()+"; expected ecdsa-with-SHA256 (1.2.840.10045.4.3.2)")
				}
			}
		},
	})
}
