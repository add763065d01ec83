package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cert_version_not_v3",
				"Attestation certificates must be X.509 v3 (version INTEGER 2)",
				citeFormat+" (OpenSSL X509_get_version == 2)", SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "The version field SHALL be set to 2 to indicate v3 certificate.",
			QuoteSource: "Matter Core spec 1.5 §6.2.2.3 point 1 (p.363) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); the identical sentence is in zigbee-alliance/distributed-compliance-ledger x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go VerifyCRLSignerCertFormat (HEAD 7319bed3) (CRL signer)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			v := ctx.Cert.Version
			if !v.Present {
				r.Add("tbsCertificate.version", "absent (v1)", "v3 (INTEGER 2)",
					"version is absent, which means v1; expected v3 (A0 03 02 01 02)")
				return
			}
			if n, ok := v.Int64(); !ok || n != 2 {
				found := "INTEGER 0x" + matterext.HexColon(v.Bytes)
				if ok {
					found = "v" + itoa(n+1) + " (INTEGER " + itoa(n) + ")"
				}
				r.Add("tbsCertificate.version", found, "v3 (INTEGER 2)", "version is "+found+"; expected v3 (INTEGER 2)")
			}
		},
	})
}
