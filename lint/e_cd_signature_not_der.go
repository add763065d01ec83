package lint

import (
	"github.com/matterlint/matterlint/matterext"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

func init() {
	register(&Rule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_signature_not_der",
				"The CD SignerInfo signature must be a DER Ecdsa-Sig-Value with r and s of at most 32 bytes of magnitude",
				citeCMS+" (DecodeSignerInfo converts it to raw r||s)", SourceMatter),
			Roles: matterext.RoleCD, SDK: SDKCDKeyID,
		},
		Check: func(ctx *Context, r *Reporter) {
			si := signerInfo(ctx)
			if si == nil {
				return
			}
			s := cryptobyte.String(si.Signature)
			var seq, ri, sv cryptobyte.String
			if !s.ReadASN1(&seq, cbasn1.SEQUENCE) || len(s) > 0 || !seq.ReadASN1(&ri, cbasn1.INTEGER) || !seq.ReadASN1(&sv, cbasn1.INTEGER) || len(seq) > 0 ||
				!sigInt(ri) || !sigInt(sv) {
				r.Add(siLoc+".signature", "0x"+matterext.HexColon(si.Signature), "SEQUENCE { r INTEGER, s INTEGER }", "the CD signature is not a DER Ecdsa-Sig-Value for P-256")
			}
		},
	})
}

// sigInt reports whether b is a positive, minimal INTEGER of a P-256
// signature component.
func sigInt(b []byte) bool {
	i := matterext.Integer{Present: true, Bytes: b}
	return i.Minimal() && !i.Negative() && !i.Zero() && (len(b) <= 32 || (len(b) == 33 && b[0] == 0))
}
