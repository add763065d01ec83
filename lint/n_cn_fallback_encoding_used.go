package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("n_cn_fallback_encoding_used",
				"The VID/PID is encoded with the legacy Mvid:/Mpid: commonName fallback instead of Matter OID attributes",
				citeVIDPID+" (§3.2)", SourceMatter),
			Roles: rolesAll, SDK: SDKNotChecked,
			Quote:       "// If Matter Attributes were not found use values extracted from the CN Attribute, // which might be uninitialized as well.",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp ExtractVIDPIDFromX509Cert; spec calls it the 'fallback method', 'present to support less flexible CA infrastructure' (§6.2.2.2) only as quoted in a public Rust Matter implementation's DAC-chain module (search-index file id 69229401499; repository not identified, secondary source)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			vp, err := ctx.VIDPID()
			if err != nil || (vp.VIDForm != matterext.FormCommonName && vp.PIDForm != matterext.FormCommonName) {
				return
			}
			r.Add("tbsCertificate.subject[commonName]", "Mvid:/Mpid: in commonName", "matter-att-vid/matter-att-pid attributes",
				"VID/PID come from the commonName fallback; Matter OID attributes (1.3.6.1.4.1.37244.2.1/.2.2) are preferred")
		},
	})
}
