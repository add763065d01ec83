package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_subject_key_id_missing",
				"Attestation certificates and CRL signers must carry a subjectKeyIdentifier extension",
				citeFormat+"; "+citeCRLSigner, SourceMatter),
			Roles: rolesAny, SDK: SDKFormat, PAA: PAASKID,
			Quote:       "SubjectKeyIdentifier extension SHALL be present",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) verifyEndEntityExtensions ('... for CA certificates' in VerifyCAExtensions); RFC 5280 §4.2.1.2 requires it only in CA certificates",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ctx.Cert.SubjectKeyID == nil {
				r.Add("tbsCertificate.extensions", "absent", "subjectKeyIdentifier", "subjectKeyIdentifier extension is missing")
			}
		},
	})
}
