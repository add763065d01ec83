package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_authority_key_id_length_not_20",
				"The authorityKeyIdentifier keyIdentifier must be exactly 20 bytes",
				citeFormat+" (ExtractKIDFromX509Cert); DCL x509.go (SKID/AKID 20 bytes)", SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "is the required length of the SubjectKeyIdentifier and AuthorityKeyIdentifier keyIdentifier fields per Matter R1.6 §6.5.11.2: the 160-bit SHA-1 hash of the subjectPublicKey BIT STRING — 20 octets.",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) comment on matterKeyIdentifierLen; SDK: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) `VerifyOrExit(pAKID != nullptr && pAKID->length == kAuthorityKeyIdentifierLength, err = CHIP_ERROR_INTERNAL);`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ak := ctx.Cert.AuthorityKeyID; ak != nil && ak.HasKeyID && !keyIDLengthOK(len(ak.KeyID)) {
				n := itoa(int64(len(ak.KeyID))) + " bytes"
				r.Add("tbsCertificate.extensions[authorityKeyIdentifier].extnValue.keyIdentifier", n, "20 bytes", "authorityKeyIdentifier keyIdentifier is "+n+"; expected 20")
			}
		},
	})
}
