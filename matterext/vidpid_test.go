package matterext_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/matterlint/matterlint/matterext"
)

func nameOf(attrs ...matterext.Attribute) *matterext.Name {
	for i := range attrs {
		attrs[i].RDN = i
		if attrs[i].Tag == 0 {
			attrs[i].Tag = matterext.TagUTF8String
		}
	}
	return &matterext.Name{Present: true, Attributes: attrs}
}

func cnAttr(s string) matterext.Attribute {
	return matterext.Attribute{Type: matterext.OIDCommonName, Value: []byte(s)}
}
func vidAttr(s string) matterext.Attribute {
	return matterext.Attribute{Type: matterext.OIDMatterVendorID, Value: []byte(s)}
}
func pidAttr(s string) matterext.Attribute {
	return matterext.Attribute{Type: matterext.OIDMatterProductID, Value: []byte(s)}
}

// TestExtractVIDPID follows the SDK's fallback-encoding vectors
// (gen_com_dut_test_vectors.py VIDPID_FALLBACK_ENCODING_TEST_CASES,
// matter-pki-rules.md §3.2) and the attribute rules of §3.1.
func TestExtractVIDPID(t *testing.T) {
	type want struct {
		VID, PID       string // "" when absent
		VIDForm, PIDFm matterext.VIDPIDForm
	}
	tests := []struct {
		name    string
		dn      *matterext.Name
		want    want
		wantErr bool
	}{
		{"attributes", nameOf(cnAttr("DAC"), vidAttr("FFF1"), pidAttr("8000")), want{"FFF1", "8000", matterext.FormAttribute, matterext.FormAttribute}, false},
		{"01 recommended", nameOf(cnAttr("ACME Matter Devel DAC 5CDA9899 Mvid:FFF1 Mpid:00B1")), want{"FFF1", "00B1", matterext.FormCommonName, matterext.FormCommonName}, false},
		{"02 order", nameOf(cnAttr("ACME Matter Devel DAC 5CDA9899 Mpid:00B1 Mvid:FFF1")), want{"FFF1", "00B1", matterext.FormCommonName, matterext.FormCommonName}, false},
		{"03 separators", nameOf(cnAttr("Mpid:00B1,ACME Matter Devel DAC 5CDA9899,Mvid:FFF1")), want{"FFF1", "00B1", matterext.FormCommonName, matterext.FormCommonName}, false},
		{"04 no separator", nameOf(cnAttr("ACME Matter Devel DAC 5CDA9899 Mvid:FFF1Mpid:00B1")), want{"FFF1", "00B1", matterext.FormCommonName, matterext.FormCommonName}, false},
		{"05 embedded", nameOf(cnAttr("Mvid:FFF1ACME Matter Devel DAC 5CDAMpid:00B19899")), want{"FFF1", "00B1", matterext.FormCommonName, matterext.FormCommonName}, false},
		{"06 three digits", nameOf(cnAttr("ACME Matter Devel DAC 5CDA9899 Mvid:FF1 Mpid:00B1")), want{}, true},
		{"07 lowercase", nameOf(cnAttr("ACME Matter Devel DAC 5CDA9899 Mvid:fff1 Mpid:00B1")), want{}, true},
		{"09 prefix without digits", nameOf(cnAttr("ACME Matter Devel DAC 5CDA9899 Mpid: Mvid:FFF1")), want{}, true},
		{"11 first valid match wins", nameOf(cnAttr("MpidMvid:FFF10 Matter Test Mpid:00B1")), want{"FFF1", "00B1", matterext.FormCommonName, matterext.FormCommonName}, false},
		{"13 wrong case prefix", nameOf(cnAttr("Matter Devel DAC Mpid:00B1 MVID:FFF1")), want{"", "00B1", matterext.FormNone, matterext.FormCommonName}, false},
		{"14 nothing", nameOf(cnAttr("Matter Devel DAC Mpid_00B1 Mvid_FFF1")), want{}, false},
		{"15 attributes win", nameOf(cnAttr("ACME Mvid:FFF2 Mpid:00B2"), vidAttr("FFF1"), pidAttr("00B1")), want{"FFF1", "00B1", matterext.FormAttribute, matterext.FormAttribute}, false},
		{"17 mixed: CN VID ignored", nameOf(cnAttr("ACME Mvid:FFF1"), pidAttr("00B1")), want{"", "00B1", matterext.FormNone, matterext.FormAttribute}, false},
		{"malformed fallback fatal beside attributes", nameOf(cnAttr("ACME Mvid:FF"), vidAttr("FFF1"), pidAttr("00B1")), want{}, true},
		{"attribute lowercase", nameOf(vidAttr("fff1")), want{}, true},
		{"attribute five digits", nameOf(vidAttr("FFF10")), want{}, true},
		{"attribute duplicate", nameOf(vidAttr("FFF1"), vidAttr("FFF1")), want{}, true},
		{"CN read only to 64 bytes", nameOf(cnAttr("0123456789012345678901234567890123456789012345678901234567890Mvid:FFF1")), want{}, false},
		{"prefix cut at 64 bytes", nameOf(cnAttr("01234567890123456789012345678901234567890123456789012345678Mvid:FFF1")), want{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := matterext.ExtractVIDPID(tc.dn)
			if tc.wantErr {
				if !errors.Is(err, matterext.ErrWrongCertDN) {
					t.Fatalf("err = %v, want ErrWrongCertDN", err)
				}
				var dnErr *matterext.DNError
				if !errors.As(err, &dnErr) || dnErr.Msg == "" {
					t.Fatalf("error %v is not a descriptive *DNError", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			g := want{VIDForm: got.VIDForm, PIDFm: got.PIDForm}
			if got.HasVID() {
				g.VID = matterext.FormatID(got.VID)
			}
			if got.HasPID() {
				g.PID = matterext.FormatID(got.PID)
			}
			if diff := cmp.Diff(tc.want, g); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
