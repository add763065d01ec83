package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_subject_key_id_length_not_20",
				"The subjectKeyIdentifier must be exactly 20 bytes",
				citeFormat+" (ExtractSKIDFromX509Cert); DCL x509.go (SKID/AKID 20 bytes)", SourceMatter),
			Roles: rolesAny, SDK: SDKFormat, PAA: PAASKID,
			Quote:       "SubjectKeyIdentifier SHALL be %d octets (160-bit SHA-1), got %d",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyCAExtensions / verifyEndEntityExtensions (with matterKeyIdentifierLen = 20); SDK: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) `pSKID->length == kSubjectKeyIdentifierLength`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if sk := ctx.Cert.SubjectKeyID; sk != nil && sk.Err == nil && !keyIDLengthOK(len(sk.ID)) {
				n := itoa(int64(len(sk.ID))) + " bytes"
				r.Add("tbsCertificate.extensions[subjectKeyIdentifier].extnValue", n, "20 bytes", "subjectKeyIdentifier is "+n+"; expected 20")
			}
		},
	})
}
