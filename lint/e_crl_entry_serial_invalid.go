package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_entry_serial_invalid", "Each revoked serial number must be positive, minimally encoded and at most 20 octets", "RFC 5280 §4.1.2.2, §5.1.2.6; SDK kMaxCertificateSerialNumberLength = 20; matter-pki-rules.md §6.4 (serial hex encoding)", SourceRFC5280),
			Note:         "A serial with its top bit set carries a 00 sign octet in DER; the SDK's OpenSSL and mbedTLS back ends disagree about including it in the hex they compare.",
			Quote:        "The serial number MUST be a positive integer assigned by the CA to each certificate. ... Conforming CAs MUST NOT use serialNumber values longer than 20 octets.",
			QuoteSource:  "RFC 5280 §4.1.2.2 (userCertificate is a CertificateSerialNumber, §5.1); SDK: connectedhomeip src/crypto/CHIPCryptoPAL.h kMaxCertificateSerialNumberLength = 20",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			for _, e := range l.Entries {
				s := e.Serial
				if s.Negative() || s.Zero() || !s.Minimal() || len(s.Bytes) > 20 || len(s.Bytes) == 0 {
					r.Add("tbsCertList.revokedCertificates["+itoa(int64(e.Index))+"].userCertificate", "0x"+matterext.HexColon(s.Bytes), "positive, minimal, ≤ 20 octets",
						"revoked serial 0x"+matterext.HexColon(s.Bytes)+" is not a positive, minimal INTEGER of at most 20 octets")
				}
			}
		},
	})
}
