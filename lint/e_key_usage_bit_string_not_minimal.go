package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_key_usage_bit_string_not_minimal",
				"The keyUsage BIT STRING must have no trailing zero bits: the unused-bits count equals the trailing zeros of the last octet and no octet is all padding",
				"X.690 §11.2.2 (named bit lists); RFC 5280 §4.2.1.3; AWS Private CA Matter troubleshooting (9-bit keyUsage breaks the Matter TLV round trip); ecosystem.md P12", SourceRFC5280),
			Roles: rolesAny, SDK: SDKNotChecked,
			Note:        "OpenSSL and the SDK format check accept the padded form, but converting the certificate to Matter TLV and back does not reproduce it, so chain checks on the TLV form fail.",
			Quote:       "Where Rec. ITU-T X.680 | ISO/IEC 8824-1, 22.7, applies, the bitstring shall have all trailing 0 bits removed before it is encoded.",
			QuoteSource: "ITU-T X.690 §11.2.2 (02/2021 wording; older editions say 'ITU-T Rec. X.680 | ISO/IEC 8824-1, 21.7'), as quoted in zmap/zlint v3/lints Citation fields",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			ku := keyUsage(ctx.Cert)
			if ku == nil {
				return
			}
			var wbuf, gbuf [3]byte
			want := canonicalKeyUsage(wbuf[:0], ku.Bits)
			got := append(gbuf[:0], ku.Raw.UnusedBits)
			got = append(got, ku.Raw.Bytes...)
			if string(got) != string(want) {
				r.Add(kuLoc, "03 "+matterext.HexColon(got), "03 "+matterext.HexColon(want),
					"keyUsage BIT STRING is 0x"+matterext.HexColon(got)+"; the DER encoding of "+matterext.KeyUsageString(ku.Bits)+" is 0x"+matterext.HexColon(want))
			}
		},
	})
}

// canonicalKeyUsage appends to dst the DER BIT STRING content (unused-bits
// octet first) of a named bit list.
func canonicalKeyUsage(dst []byte, bits uint16) []byte {
	if bits == 0 {
		return append(dst, 0)
	}
	highest := 0
	for i := 0; i < 16; i++ {
		if bits&(1<<i) != 0 {
			highest = i
		}
	}
	var data [2]byte
	for i := 0; i <= highest; i++ {
		if bits&(1<<i) != 0 {
			data[i/8] |= 0x80 >> (i % 8)
		}
	}
	unused := 7 - highest%8
	return append(append(dst, byte(unused)), data[:highest/8+1]...)
}
