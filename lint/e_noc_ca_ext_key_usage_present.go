package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_noc_ca_ext_key_usage_present",
				"An RCAC or ICAC must not carry an extKeyUsage extension, critical or not",
				citeNOCCA, SourceDCL),
			Roles: rolesNOCCA, SDK: SDKNotChecked,
			Quote:       "ExtendedKeyUsage extension SHALL NOT be present on RCAC/ICAC certificates",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyNoEKU (comment: '\"The ExtendedKeyUsage extension SHALL NOT be present\" for RCAC and ICAC.')",
			Note:        "The DCL rejects the RCAC or ICAC with ErrInvalidCertificate (409) whatever the extension holds (MsgAddNocX509RootCert / MsgAddNocX509IcaCert without isVidVerificationSigner).",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if e := ctx.Cert.ExtKeyUsage; e != nil {
				crit := "non-critical"
				if e.Ext != nil && e.Ext.Critical {
					crit = "critical"
				}
				r.Add("tbsCertificate.extensions[extKeyUsage]", "present ("+crit+")", "absent",
					ctx.Role.String()+" carries an extKeyUsage extension; an RCAC or ICAC must not")
			}
		},
	})
}
