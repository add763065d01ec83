package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_cn_fallback_conflicts_with_attribute",
				"The commonName's Mvid:/Mpid: values differ from the Matter OID attributes (the attributes win)",
				citeVIDPID+" (§3.2); SDK vector vidpid_fallback_encoding_15", SourceMatter),
			Roles: rolesAll, SDK: SDKNotChecked,
			Note:        "The SDK silently uses the OID attributes; the DCL resolves such conflicts its own way.",
			Quote:       "// If Matter Attributes were not found use values extracted from the CN Attribute, // which might be uninitialized as well. if (!vidpid.Initialized()) { vidpid = vidpidFromCN; }",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp ExtractVIDPIDFromX509Cert (CN values are used only when no Matter OID attribute was found)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			vp, err := ctx.VIDPID()
			if err != nil {
				return
			}
			if vp.VIDForm == matterext.FormAttribute && vp.HasCNVID && vp.CNVID != vp.VID {
				r.Add("tbsCertificate.subject[commonName]", "Mvid:"+matterext.FormatID(vp.CNVID), "Mvid:"+matterext.FormatID(vp.VID),
					"commonName says VID "+matterext.FormatID(vp.CNVID)+" but the VID attribute is "+matterext.FormatID(vp.VID))
			}
			if vp.PIDForm == matterext.FormAttribute && vp.HasCNPID && vp.CNPID != vp.PID {
				r.Add("tbsCertificate.subject[commonName]", "Mpid:"+matterext.FormatID(vp.CNPID), "Mpid:"+matterext.FormatID(vp.PID),
					"commonName says PID "+matterext.FormatID(vp.CNPID)+" but the PID attribute is "+matterext.FormatID(vp.PID))
			}
		},
	})
}
