package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_vid_pid_mixed_encoding",
				"VID and PID must use the same encoding: when either is a Matter OID attribute, the commonName fallback is ignored for both",
				citeVIDPID+" (§3.2); SDK vectors vidpid_fallback_encoding_16, 17", SourceMatter),
			Roles: rolesAll, SDK: SDKNotChecked,
			Quote:       "the presence of either of these OIDs as the type for any AttributeTypeAndValue within any RelativeDistinguishedName of that field SHALL cause the 'fallback method' to be skipped altogether for that field.",
			QuoteSource: "Matter Core spec §6.2.2.2 as quoted in a public Rust Matter implementation's DAC-chain module (search-index file id 69229401499; repository not identified, secondary source); SDK behaviour: ExtractVIDPIDFromX509Cert `if (!vidpid.Initialized()) { vidpid = vidpidFromCN; }`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			vp, err := ctx.VIDPID()
			if err != nil {
				return
			}
			if vp.VIDForm == matterext.FormAttribute && !vp.HasPID() && vp.HasCNPID {
				r.Add("tbsCertificate.subject", "VID attribute, PID only in commonName", "both as attributes",
					"PID "+matterext.FormatID(vp.CNPID)+" in the commonName is ignored because the VID is a Matter OID attribute")
			}
			if vp.PIDForm == matterext.FormAttribute && !vp.HasVID() && vp.HasCNVID {
				r.Add("tbsCertificate.subject", "PID attribute, VID only in commonName", "both as attributes",
					"VID "+matterext.FormatID(vp.CNVID)+" in the commonName is ignored because the PID is a Matter OID attribute")
			}
		},
	})
}
