package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cert_trailing_data",
				"Nothing may follow the Certificate SEQUENCE in its encoding (PEM block, hex or base64 text)",
				"X.690 §10; RFC 7468 §5", SourceRFC5280),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "if len(der) != len(cert.Raw) { return nil, errors.New(\"x509: trailing data\") }",
			QuoteSource: "Go standard library crypto/x509 parser.go ParseCertificate (go1.26, used by the DCL's x509.ParseCertificate); no Matter or RFC sentence found",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if n := len(ctx.Cert.TrailingData); n > 0 {
				r.Add("Certificate", itoa(int64(n))+" trailing bytes", "none", itoa(int64(n))+" bytes follow the Certificate SEQUENCE")
			}
		},
	})
}
