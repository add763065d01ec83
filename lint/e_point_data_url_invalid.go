package lint

import (
	"net/url"
	"strings"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&PointRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_point_data_url_invalid", "A revocation point's dataURL must be an http:// or https:// URL of at most 256 characters", citePoint, SourceDCL),
			Quote:        "The maximum length of this field is 256 ASCII characters. All URLs SHALL use either the http or https scheme.",
			QuoteSource:  "Matter Core spec 1.4.1 §11.23.9 (DataURL) as quoted in project-chip/matter.js packages/types/src/dcl/device-attestation-revocation.ts (531401fa); DCL tag validate:\"required,http_or_https_url,max=256\" (x/pki/types/tx.pb.go)",
		},
		Check: func(p *matterext.RevocationPoint, r *Reporter) {
			u := p.DataURL
			parsed, err := url.Parse(u)
			if len(u) > 256 || err != nil || !(strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) || parsed.Host == "" {
				r.Add("dataURL", u, "http(s)://host/path, ≤ 256 characters", "dataURL "+quote([]byte(u))+" is not an http(s) URL of at most 256 characters")
			}
		},
	})
}
