package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cert_trailing_data",
				"Nothing may follow the Certificate SEQUENCE in its encoding (PEM block, hex or base64 text)",
				"X.690 §10; RFC 7468 §5", SourceRFC5280),
			Roles: rolesAll, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if n := len(ctx.Cert.TrailingData); n > 0 {
				r.Add("Certificate", itoa(int64(n))+" trailing bytes", "none", itoa(int64(n))+" bytes follow the Certificate SEQUENCE")
			}
		},
	})
}
