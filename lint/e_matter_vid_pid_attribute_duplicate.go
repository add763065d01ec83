package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_matter_vid_pid_attribute_duplicate",
				"A subject DN may hold at most one Matter VID attribute and at most one PID attribute",
				citeVIDPID+"; DCL x509.go VerifyAtMostOneVIDAndPID", SourceMatter),
			Roles: rolesAll, SDK: SDKVIDPID, PAA: PAAVIDPID,
			Quote:       "// Not more than one VID attribute can be present. VerifyOrReturnError(!vidpidFromMatterAttr.mVendorId.HasValue(), CHIP_ERROR_WRONG_CERT_DN);",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPAL.cpp ExtractVIDPIDFromAttributeString (same for PID: '// Not more than one PID attribute can be present.'); DCL: zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) '%s SHALL contain at most one matter-vid attribute, found %d'",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			var vids, pids int
			for _, a := range ctx.Cert.Subject.Attributes {
				switch {
				case a.Type.Equal(matterext.OIDMatterVendorID):
					vids++
				case a.Type.Equal(matterext.OIDMatterProductID):
					pids++
				}
			}
			if attributeRepeated(vids) {
				r.Add("tbsCertificate.subject[matter-att-vid]", itoa(int64(vids))+" VID attributes", "at most 1", "subject holds "+itoa(int64(vids))+" VID attributes")
			}
			if attributeRepeated(pids) {
				r.Add("tbsCertificate.subject[matter-att-pid]", itoa(int64(pids))+" PID attributes", "at most 1", "subject holds "+itoa(int64(pids))+" PID attributes")
			}
		},
	})
}
