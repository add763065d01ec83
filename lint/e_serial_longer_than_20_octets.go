package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_serial_longer_than_20_octets",
				"The serial number must be at most 20 octets",
				"RFC 5280 §4.1.2.2; DCL x509.go; SDK revocation kMaxCertificateSerialNumberLength = 20", SourceRFC5280),
			Roles: rolesAny, SDK: SDKNotChecked,
			Note:        "The SDK format check accepts longer serials, but its revocation code copies at most 20 bytes, so revocation of such a certificate can fail.",
			Quote:       "A Matter certificate follows the same limitation on admissible serial numbers as in [RFC 5280], i.e., that implementations SHALL admit serial numbers up to 20 octets in length, and certificate authorities SHALL NOT use serial numbers longer than 20 octets in length.",
			QuoteSource: "Matter Core spec 1.4.1 §11.23.4 (SerialNumber) as quoted in project-chip/matter.js packages/types/src/dcl/attestation-certificate.ts (531401fa); RFC 5280 §4.1.2.2",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if n := len(ctx.Cert.Serial.Bytes); n > 20 {
				r.Add("tbsCertificate.serialNumber", itoa(int64(n))+" octets", "≤ 20 octets", "serial number is "+itoa(int64(n))+" octets long")
			}
		},
	})
}
