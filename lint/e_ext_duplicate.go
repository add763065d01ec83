package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_ext_duplicate",
				"An extension must not appear more than once",
				"RFC 5280 §4.2; "+citeFormat+" (OpenSSL rejects a duplicate basicConstraints or keyUsage; mbedTLS rejects any duplicate)", SourceRFC5280),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "A certificate MUST NOT include more than one instance of a particular extension.",
			QuoteSource: "RFC 5280 §4.2; SDK: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) `VerifyOrExit(isCritical && !extBasicPresent, ...)` / `!extKeyUsagePresent` / `!extSKIDPresent` / `!extAKIDPresent`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			exts := ctx.Cert.Extensions
			for i := range exts {
				if exts[i].OID == nil {
					continue
				}
				for j := 0; j < i; j++ {
					if exts[j].OID.Equal(exts[i].OID) {
						r.Add("tbsCertificate.extensions["+itoa(int64(i))+"]", exts[i].OID.Name()+" again",
							"one "+exts[i].OID.Name(), exts[i].OID.Name()+" appears again at position "+itoa(int64(i))+" (first at "+itoa(int64(j))+")")
						break
					}
				}
			}
		},
	})
}
