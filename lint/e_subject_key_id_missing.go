package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_subject_key_id_missing",
				"Attestation certificates and CRL signers must carry a subjectKeyIdentifier extension",
				citeFormat+"; "+citeCRLSigner, SourceMatter),
			Roles: rolesAll, SDK: SDKFormat, PAA: PAASKID,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ctx.Cert.SubjectKeyID == nil {
				r.Add("tbsCertificate.extensions", "absent", "subjectKeyIdentifier", "subjectKeyIdentifier extension is missing")
			}
		},
	})
}
