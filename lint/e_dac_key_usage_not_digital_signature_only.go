package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dac_key_usage_not_digital_signature_only",
				"A DAC's keyUsage must assert digitalSignature and nothing else (DER 03 02 07 80)",
				citeDAC+" (\"only the digitalSignature bit set\")", SourceMatter),
			Roles: matterext.RoleDAC, SDK: SDKFormat,
			Quote:       "// SHALL only have the digitalSignature bit set. VerifyOrExit(keyUsage == X509v3_KU_DIGITAL_SIGNATURE, err = CHIP_ERROR_INTERNAL);",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) (same comment in CHIPCryptoPALmbedTLSCert.cpp); DCL: 'KeyUsage SHALL be exactly digitalSignature'",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ku := keyUsage(ctx.Cert); ku != nil && !endEntityKeyUsageOK(ku.Bits) {
				r.Add(kuLoc, matterext.KeyUsageString(ku.Bits), "digitalSignature", "DAC keyUsage is "+matterext.KeyUsageString(ku.Bits)+"; expected digitalSignature only")
			}
		},
	})
}
