package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dcl_vid_unparsable",
				"The DCL rejects a PAA, PAI, DAC or delegated CRL signer whose subject text has a VID (the Matter attribute, vid= or Mvid: text) that does not parse as hexadecimal",
				"DCL x/pki/x509/x509.go GetVidFromSubject, read by keeper msg_server_propose_add_x_509_root_cert.go ProposeAddX509RootCert, msg_server_add_x_509_cert.go ensureVidMatches and the revocation-point handlers verifyPAA/verifyPAI (ErrInvalidVidFormat, 433) at "+dclDoc, SourceDCL),
			Roles: matterext.RolePAA | matterext.RolePAI | matterext.RoleDAC | matterext.RoleCRLSigner, SDK: SDKNotChecked,
			DCLCheck:    DCLCheck{Func: dclX509Go + "GetVidFromSubject", Order: 1, Error: "ErrInvalidVidFormat", Code: 433},
			Quote:       "silently accepting a malformed VID or PID would make the downstream GetVidFromSubject / GetPidFromSubject lookups return 0 and bypass every VID/PID-based check.",
			QuoteSource: dclDoc + "x/pki/x509/x509.go ToSubjectAsText doc comment; the handlers return NewErrInvalidVidFormat when GetVidFromSubject fails",
			Note:        "The DCL's reading of the VID (strconv.ParseInt base 16 after one \"0x\" is removed, of the last vid=/Mvid: token) accepts lowercase, short and 5-digit values the SDK rejects; a value such as \"0xA0B1\" in the attribute reads as \"0x0xA0B1\" and fails. The NOC handlers do not read the VID.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ctx.X509() == nil {
				return
			}
			if _, err := DCLVIDFromSubjectText(ctx.DCLSubjectText()); err != nil {
				r.Addf("tbsCertificate.subject", ctx.DCLSubjectText(), "a hexadecimal VID or none", "Could not parse vid: %v (subject %q)", err, ctx.DCLSubjectText())
			}
		},
	})
}
