package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cert_version_not_v3",
				"Attestation certificates must be X.509 v3 (version INTEGER 2)",
				citeFormat+" (OpenSSL X509_get_version == 2)", SourceMatter),
			Roles: rolesAll, SDK: SDKFormat,
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
