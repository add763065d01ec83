package lint

import (
	"strings"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&PointRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_point_signer_invalid", "crlSignerCertificate (and crlSignerDelegator, if any) must be one PEM certificate each; the signer at most 2048 characters",
				citePoint, SourceDCL),
		},
		Check: func(p *matterext.RevocationPoint, r *Reporter) {
			if len(p.CRLSignerCertificate) > 2048 {
				r.Add("crlSignerCertificate", itoa(int64(len(p.CRLSignerCertificate)))+" characters", "≤ 2048", "crlSignerCertificate is longer than 2048 characters")
			}
			if _, err := pointCert(p.CRLSignerCertificate); err != nil {
				r.Add("crlSignerCertificate", err.Error(), "a PEM certificate", "crlSignerCertificate: "+err.Error())
			}
			if strings.TrimSpace(p.CRLSignerDelegator) != "" {
				if _, err := pointCert(p.CRLSignerDelegator); err != nil {
					r.Add("crlSignerDelegator", err.Error(), "a PEM certificate", "crlSignerDelegator: "+err.Error())
				}
			}
		},
	})
}
