package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&Rule{
		Metadata: Metadata{
			LintMetadata: lintMeta("n_cd_unusual_encoding",
				"The CD content uses encodings the SDK accepts but does not write: signed integers for unsigned fields, or elements after the known fields (skipped)",
				citeCDDecode+" (trailing unknown tags are skipped); matter-pki-rules.md §8 item 10", SourceMatter),
			Roles: matterext.RoleCD, SDK: SDKNotChecked,
		},
		Check: func(ctx *Context, r *Reporter) {
			c := ctx.CD.Content
			if c == nil {
				return
			}
			for i := range c.Fields {
				if f := &c.Fields[i]; f.Present && f.SignedEncoding {
					r.Add(cdFieldLoc(f), "signed integer", "unsigned integer", f.Spec.Name+" is encoded as a signed integer")
				}
			}
			for _, e := range c.Extra {
				r.Add(cdLoc+" (offset "+itoa(int64(e.Offset))+")", e.Tag.String(), "no further elements", "element with "+e.Tag.String()+" tag after the known fields is skipped")
			}
		},
	})
}
