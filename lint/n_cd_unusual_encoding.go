package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("n_cd_unusual_encoding",
				"The CD content has elements after the known fields, which the SDK's decoder skips",
				citeCDDecode+" (trailing unknown tags are skipped); matter-pki-rules.md §8 item 10", SourceMatter),
			SDK:         SDKNotChecked,
			Note:        "A signed TLV integer where the SDK reads an unsigned one is not unusual but invalid: TLVReader::Get returns CHIP_ERROR_WRONG_TLV_TYPE in every SDK release (PR #9944, 2021), so the CD gets kCertificationDeclarationInvalidFormat (603); e_cd_content_invalid reports it.",
			Quote:       "VerifyOrReturnError(err == CHIP_END_OF_TLV || err == CHIP_ERROR_UNEXPECTED_TLV_ELEMENT || err == CHIP_NO_ERROR, err);",
			QuoteSource: "connectedhomeip src/credentials/CertificationDeclaration.cpp DecodeCertificationElements (after the optional dac_origin / authorized_paa_list fields: unknown trailing elements are tolerated)",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			c := cd.Content
			if c == nil {
				return
			}
			for _, e := range c.Extra {
				r.Add(cdLoc+" (offset "+itoa(int64(e.Offset))+")", e.Tag.String(), "no further elements", "element with "+e.Tag.String()+" tag after the known fields is skipped")
			}
		},
	})
}
