package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&PointRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_point_vid_pid_mismatch", "The VID (and PID) of the signer, or of its delegator, must be the point's vid (and pid); a PAI signer with a PID needs that pid on the point",
				citePoint+"; "+citeCRLBuild+" step 3 (validate_vid_pid)", SourceDCL),
			SDK:         SDKRevocationSet,
			Quote:       "For vendor-scoped PAA and for PAIs, this field SHALL contain the VendorID as found in the CRLSignerCertificate",
			QuoteSource: "Matter Core spec 1.4.1 §11.23.9 (VendorID) as quoted in project-chip/matter.js packages/types/src/dcl/device-attestation-revocation.ts (531401fa); DCL: NewErrCRLSignerCertificateVidNotEqualMsgVid / PidNotEqualMsgPid; SDK: connectedhomeip credentials/generate_revocation_set.py validate_vid_pid",
		},
		Check: func(p *matterext.RevocationPoint, r *Reporter) {
			c := p.IdentityCert()
			if c == nil || (!p.IsPAA && p.DelegatorErr != nil) {
				return // e_point_signer_invalid
			}
			vp, err := matterext.ExtractVIDPID(&c.Subject)
			if err != nil {
				r.Add("crlSignerCertificate", err.Error(), "a readable VID/PID", "the VID/PID of "+c.Subject.String()+" cannot be read: "+err.Error())
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
