package lint

import (
	"strings"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&PointRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_point_issuer_skid_not_ca", "issuerSubjectKeyID should be the SKID of the CRL's certificate authority: the delegator, the PAA of a PAA-delegated signer, or the signer itself",
				citeCRLBuild+" step 8; dcl-rules.md §6.3 (the DCL never compares it)", SourceMatter),
			SDK:         SDKRevocationSet,
			Note:        "The DCL accepts any well-formed value; the SDK's revocation-set script rejects the point when it is not the CA's SKID.",
			Quote:       "This field SHALL uniquely identify the PAA or PAI for which this revocation distribution point is provided, via the certificate’s SubjectKeyIdentifier mandatory extension.",
			QuoteSource: "Matter Core spec 1.4.1 §11.23.9 (IssuerSubjectKeyID) as quoted in project-chip/matter.js packages/types/src/dcl/device-attestation-revocation.ts (531401fa); SDK: connectedhomeip credentials/generate_revocation_set.py 'CRL Issuer Subject Key ID is not CRL Signer Subject Key ID, continue...'",
		},
		Check: func(p *matterext.RevocationPoint, r *Reporter) {
			// The spelling (uppercase, no colons) is e_point_issuer_skid_format's.
			want := p.CAKeyID()
			if want != nil && !strings.EqualFold(strings.ReplaceAll(p.IssuerSubjectKeyID, ":", ""), matterext.KeyIDHex(want)) {
				r.Add("issuerSubjectKeyID", p.IssuerSubjectKeyID, matterext.KeyIDHex(want), "issuerSubjectKeyID "+p.IssuerSubjectKeyID+" is not the SKID "+matterext.KeyIDHex(want)+" of the CRL's certificate authority")
			}
		},
	})
}
