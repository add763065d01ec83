package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dcl_cert_not_decodable",
				"The DCL rejects a certificate that Go's crypto/x509 does not parse, whose serial number is not positive or longer than 20 octets, or whose Matter VID/PID attribute the DCL cannot rewrite into its subject text",
				"DCL x/pki/x509/x509.go DecodeX509Certificate and ParseAndValidateCertificate (serial-number option) (ErrInvalidCertificate, 409) at "+dclDoc, SourceDCL),
			Roles: rolesDCL, SDK: SDKNotChecked,
			DCLCheck:    DCLCheck{Func: dclX509Go + "DecodeX509Certificate", Order: 1, Error: "ErrInvalidCertificate", Code: 409},
			Quote:       "When crypto/x509 parses a certificate, it reads the DER integer, strips the sign byte if present, then returns the minimal magnitude in octets (no leading zeros).",
			QuoteSource: dclDoc + "x/pki/x509/x509.go ParseAndValidateCertificate (serialNumberVerification comment); DecodeX509Certificate returns NewErrInvalidCertificate(\"Could not parse certificate: ...\") when x509.ParseCertificate fails",
			Note:        "crypto/x509 is stricter than matterlint's decoder on some DER defects (a non-DER BOOLEAN, trailing data, a negative serial) and more tolerant on others (an explicitly encoded DEFAULT, GeneralizedTime before 2050, unique identifiers); the DCL follows crypto/x509. A serial of 20 octets plus a sign octet is accepted.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if e := ctx.DCLDecodeError(); e != nil {
				r.Add(e.Location, "", "a certificate crypto/x509 parses, serial 1 to 20 octets",
					"failed to parse certificate: "+e.Msg)
			}
		},
	})
}
