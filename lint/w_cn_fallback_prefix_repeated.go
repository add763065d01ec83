package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_cn_fallback_prefix_repeated",
				"When the commonName fallback is used, each of Mvid: and Mpid: should occur exactly once",
				"CSA test harness TC_DA_1_2 parse_single_vidpid_from_common_name; matter-pki-rules.md §3.3, §8 item 8", SourceTestHarness),
			Roles: rolesAll, SDK: SDKNotChecked,
			Note:        "The SDK verifier takes the first valid occurrence (vector 11 passes); the certification test harness rejects a repeated prefix.",
			Quote:       "sp = commonName.split(tag_str) if (len(sp)) != 2: return None",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py parse_single_vidpid_from_common_name (a repeated Mvid:/Mpid: yields None → 'VID must be present in the DAC' etc.)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			vp, err := ctx.VIDPID()
			if err != nil || (vp.VIDForm != matterext.FormCommonName && vp.PIDForm != matterext.FormCommonName) {
				return
			}
			if vp.CNVIDPrefixes > 1 {
				r.Add("tbsCertificate.subject[commonName]", itoa(int64(vp.CNVIDPrefixes))+"× Mvid:", "1× Mvid:", "Mvid: occurs "+itoa(int64(vp.CNVIDPrefixes))+" times in the commonName")
			}
			if vp.CNPIDPrefixes > 1 {
				r.Add("tbsCertificate.subject[commonName]", itoa(int64(vp.CNPIDPrefixes))+"× Mpid:", "1× Mpid:", "Mpid: occurs "+itoa(int64(vp.CNPIDPrefixes))+" times in the commonName")
			}
		},
	})
}
