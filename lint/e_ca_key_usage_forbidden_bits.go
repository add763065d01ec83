package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_ca_key_usage_forbidden_bits",
				"A CA's (PAA, PAI, RCAC, ICAC) keyUsage may assert only keyCertSign, cRLSign and (optionally) digitalSignature",
				citePAA+"; "+citePAI+"; "+citeNOCCA, SourceMatter),
			Roles: rolesCA | rolesNOCCA, SDK: SDKFormat,
			Quote:       "KeyUsage SHALL NOT include bits other than keyCertSign, cRLSign, and digitalSignature",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyCAExtensions (comment: 'KeyUsage MAY include digitalSignature; no other bits SHALL be set.'); SDK: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) otherFlags = keyUsage & ~(X509v3_KU_CRL_SIGN | X509v3_KU_KEY_CERT_SIGN | X509v3_KU_DIGITAL_SIGNATURE)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ku := keyUsage(ctx.Cert); ku != nil && caKeyUsageForbidden(ku.Bits) != 0 {
				extra := matterext.KeyUsageString(caKeyUsageForbidden(ku.Bits))
				r.Add(kuLoc, matterext.KeyUsageString(ku.Bits), "keyCertSign|cRLSign[|digitalSignature]", ctx.Role.String()+" keyUsage asserts "+extra+", which a CA certificate must not")
			}
		},
	})
}
