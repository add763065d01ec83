package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_serial_not_positive",
				"The serial number must be a positive integer",
				"RFC 5280 §4.1.2.2; DCL x509.go (serial > 0)", SourceRFC5280),
			Roles: rolesAny, SDK: SDKNotChecked,
			Note:        "The SDK format check only requires a serial to be present; the DCL rejects zero and negative serials; RFC 5280 requires a positive one.",
			Quote:       "The serial number MUST be a positive integer assigned by the CA to each certificate.",
			QuoteSource: "RFC 5280 §4.1.2.2",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			s := ctx.Cert.Serial
			if !s.Present || len(s.Bytes) == 0 {
				return
			}
			switch {
			case s.Negative():
				r.Add("tbsCertificate.serialNumber", "negative", "positive", "serial number is negative")
			case s.Zero():
				r.Add("tbsCertificate.serialNumber", "0", "positive", "serial number is zero")
			}
		},
	})
}
