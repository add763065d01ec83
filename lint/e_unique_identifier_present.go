package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_unique_identifier_present",
				"issuerUniqueID and subjectUniqueID must not be present",
				"RFC 5280 §4.1.2.8 (conforming CAs MUST NOT generate them)", SourceRFC5280),
			Roles: rolesAny, SDK: SDKNotChecked,
			Quote:       "CAs conforming to this profile MUST NOT generate certificates with unique identifiers.",
			QuoteSource: "RFC 5280 §4.1.2.8",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ctx.Cert.IssuerUniqueIDPresent {
				r.Add("tbsCertificate.issuerUniqueID", "present", "absent", "issuerUniqueID is present")
			}
			if ctx.Cert.SubjectUniqueIDPresent {
				r.Add("tbsCertificate.subjectUniqueID", "present", "absent", "subjectUniqueID is present")
			}
		},
	})
}
