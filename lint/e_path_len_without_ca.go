package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_path_len_without_ca",
				"pathLenConstraint must not be present unless cA is TRUE",
				"RFC 5280 §4.2.1.9", SourceRFC5280),
			Roles: rolesAny, SDK: SDKNotChecked,
			Quote:       "CAs MUST NOT include the pathLenConstraint field unless the cA boolean is asserted and the key usage extension asserts the keyCertSign bit.",
			QuoteSource: "RFC 5280 §4.2.1.9",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if bc := basicConstraints(ctx.Cert); bc != nil && !bc.CA && bc.PathLen.Present {
				r.Add(bcLoc+".pathLenConstraint", "present with cA FALSE", "absent", "basicConstraints has a pathLenConstraint but cA is FALSE")
			}
		},
	})
}
