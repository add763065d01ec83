package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_noc_pki_vid_pid_attribute_repeated",
				"The subject and the issuer of an RCAC, ICAC or VVSC may each hold at most one matter-vid and at most one matter-pid attribute",
				citeNOCCA+"; "+citeVVSC, SourceDCL),
			Roles: rolesNOCCA | matterext.RoleVVSC, SDK: SDKNotChecked,
			Quote:       "%s SHALL contain at most one matter-vid attribute, found %d",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyAtMostOneVIDAndPID (field is \"subject\" or \"issuer\"; the same for matter-pid: '%s SHALL contain at most one matter-pid attribute, found %d')",
			Note:        "The DCL checks, in this order, subject VIDs, subject PIDs, issuer VIDs, issuer PIDs, and rejects the first excess with ErrInvalidCertificate (409). It counts the attributes 1.3.6.1.4.1.37244.2.1/.2.2 only: an Mvid:/Mpid: text in the commonName is not counted. For PAA, PAI and DAC the subject's count is e_matter_vid_pid_attribute_duplicate.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			for _, n := range []struct {
				field string
				name  *matterext.Name
			}{{"subject", &ctx.Cert.Subject}, {"issuer", &ctx.Cert.Issuer}} {
				var vids, pids int
				for _, a := range n.name.Attributes {
					switch {
					case a.Type.Equal(matterext.OIDMatterVendorID):
						vids++
					case a.Type.Equal(matterext.OIDMatterProductID):
						pids++
					}
				}
				for _, c := range []struct {
					attr  string
					count int
				}{{"matter-vid", vids}, {"matter-pid", pids}} {
					if c.count > 1 {
						r.Add("tbsCertificate."+n.field, itoa(int64(c.count))+" "+c.attr+" attributes", "at most 1",
							n.field+" holds "+itoa(int64(c.count))+" "+c.attr+" attributes; the DCL allows at most one")
					}
				}
			}
		},
	})
}
