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
