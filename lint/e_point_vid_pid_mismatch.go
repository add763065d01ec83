package lint

import (
	"strings"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&PointRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_point_vid_pid_mismatch", "The VID (and PID) of the signer, or of its delegator, must be the point's vid (and pid); a PAI signer with a PID needs that pid on the point",
				citePoint+"; "+citeCRLBuild+" step 3 (validate_vid_pid)", SourceDCL),
			Quote:       "For vendor-scoped PAA and for PAIs, this field SHALL contain the VendorID as found in the CRLSignerCertificate",
			QuoteSource: "Matter Core spec 1.4.1 §11.23.9 (VendorID) as quoted in project-chip/matter.js packages/types/src/dcl/device-attestation-revocation.ts (531401fa); DCL: NewErrCRLSignerCertificateVidNotEqualMsgVid / PidNotEqualMsgPid; SDK: connectedhomeip credentials/generate_revocation_set.py validate_vid_pid",
		},
		Check: func(p *matterext.RevocationPoint, r *Reporter) {
			signer, err := pointCert(p.CRLSignerCertificate)
			if err != nil {
				return
			}
			c := signer
			if !p.IsPAA && strings.TrimSpace(p.CRLSignerDelegator) != "" {
				if c, err = pointCert(p.CRLSignerDelegator); err != nil {
					return
				}
			}
			vp, err := matterext.ExtractVIDPID(&c.Subject)
			if err != nil {
				return
			}
			switch {
			case vp.HasVID() && uint32(vp.VID) != p.VID:
				r.Add("vid", itoa(int64(p.VID)), matterext.FormatID(vp.VID), "the point's vid "+itoa(int64(p.VID))+" is not the VID "+matterext.FormatID(vp.VID)+" of "+c.Subject.String())
			case !vp.HasVID() && !p.IsPAA:
				r.Add("crlSignerCertificate", "no VID", "the point's vid", c.Subject.String()+" has no VID to match the point's vid")
			}
			if !p.IsPAA && vp.HasPID() && uint32(vp.PID) != p.PID {
				r.Add("pid", itoa(int64(p.PID)), matterext.FormatID(vp.PID), "the point's pid is not the PID "+matterext.FormatID(vp.PID)+" of "+c.Subject.String())
			}
		},
	})
}
