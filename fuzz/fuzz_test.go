package fuzz

import (
	"bytes"
	"crypto/ecdsa"
	"fmt"
	"reflect"
	"testing"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/matterext/tlv"
	"github.com/matterlint/matterlint/verify"
)

var reg = lint.Default()

func ruleNames(r lint.Result) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Rule.Name+"@"+f.Location+"="+f.Message)
	}
	return out
}

// FuzzParseCertificate: the decoder never panics, never returns (nil, nil),
// re-decoding the element it found gives the same model, and linting is
// deterministic for every role.
func FuzzParseCertificate(f *testing.F) {
	addAll(f, certSeeds())
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := matterext.ParseCertificate(b)
		if c == nil && err == nil {
			t.Fatal("nil certificate and nil error")
		}
		if err != nil {
			return
		}
		if !bytes.HasPrefix(b, c.Raw) || len(c.Raw)+len(c.TrailingData) != len(b) {
			t.Fatal("Raw and TrailingData do not partition the input")
		}
		raw, err := matterext.ParseCertificate(c.Raw)
		if err != nil || len(raw.TrailingData) != 0 || len(raw.Extensions) != len(c.Extensions) || len(raw.Errors) != len(c.Errors) {
			t.Fatalf("re-decoding Raw differs: %v", err)
		}
		c2, _ := matterext.ParseCertificate(b)
		for _, role := range []matterext.Role{matterext.RoleUnknown, matterext.RolePAA, matterext.RolePAI, matterext.RoleDAC, matterext.RoleCRLSigner} {
			a := reg.Lint(c, lint.Options{Role: role})
			z := reg.Lint(c2, lint.Options{Role: role})
			if !reflect.DeepEqual(ruleNames(a), ruleNames(z)) {
				t.Fatalf("role %v: lint results differ between two decodings", role)
			}
		}
		_ = c.Subject.String()
		_ = c.Issuer.String()
	})
}

// FuzzExtractVIDPID: commonName fallback parsing never panics and a found
// value always has 4 uppercase hex digits after its prefix.
func FuzzExtractVIDPID(f *testing.F) {
	for _, s := range []string{"ACME Matter Devel DAC 5CDA9899 Mvid:FFF1 Mpid:00B1", "MpidMvid:FFF10 Matter Test Mpid:00B1", "Mpid: Mvid:FFF1", "Mvid:fff1", ""} {
		f.Add([]byte(s), []byte("FFF1"), []byte("8000"))
	}
	f.Fuzz(func(t *testing.T, cn, vid, pid []byte) {
		n := &matterext.Name{Present: true, Attributes: []matterext.Attribute{
			{RDN: 0, Type: matterext.OIDCommonName, Tag: matterext.TagUTF8String, Value: cn},
		}}
		vp, err := matterext.ExtractVIDPID(n)
		if err == nil && vp.VIDForm == matterext.FormCommonName && !bytes.Contains(cn, []byte("Mvid:"+matterext.FormatID(vp.VID))) {
			t.Fatalf("VID %04X not found after Mvid: in %q", vp.VID, cn)
		}
		n.Attributes = append(n.Attributes,
			matterext.Attribute{RDN: 1, Type: matterext.OIDMatterVendorID, Tag: matterext.TagUTF8String, Value: vid},
			matterext.Attribute{RDN: 2, Type: matterext.OIDMatterProductID, Tag: matterext.TagUTF8String, Value: pid})
		vp, err = matterext.ExtractVIDPID(n)
		if err == nil && (vp.VIDForm != matterext.FormAttribute || matterext.FormatID(vp.VID) != string(vid)) {
			t.Fatalf("VID attribute %q read as %v %04X", vid, vp.VIDForm, vp.VID)
		}
	})
}

// FuzzReadStream: input detection never panics, numbers objects in order,
// and every item holds either DER or an error.
func FuzzReadStream(f *testing.F) {
	addAll(f, files("testdata/certs/valid/*.pem", "testdata/certs/cd/*", "commissioner_dut/struct_dac_cert_version_v3/*"))
	f.Add([]byte("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"))
	f.Add([]byte("308201"))
	f.Fuzz(func(t *testing.T, b []byte) {
		last := -2
		input.ReadStream("fuzz", bytes.NewReader(b), func(it input.Item) bool {
			if (it.DER == nil) == (it.Err == nil) {
				t.Fatalf("item %d has both or neither of DER and Err", it.Index)
			}
			idx := it.Index
			if it.Err != nil {
				idx = it.Err.Index
			}
			if idx != -1 && idx <= last {
				t.Fatalf("index %d after %d", idx, last)
			}
			last = idx
			return true
		})
	})
}

// FuzzParseCRL: the CRL decoder never panics; entries' issuers are set; CRL
// linting is deterministic.
func FuzzParseCRL(f *testing.F) {
	addAll(f, crlSeeds())
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := matterext.ParseCRL(b)
		if l == nil && err == nil {
			t.Fatal("nil CRL and nil error")
		}
		if err != nil {
			return
		}
		for _, e := range l.Entries {
			if e.Issuer == nil && l.Issuer.Raw != nil {
				t.Fatal("entry without a resolved issuer")
			}
		}
		if !reflect.DeepEqual(ruleNames(reg.LintCRL(l)), ruleNames(reg.LintCRL(l))) {
			t.Fatal("CRL lint not deterministic")
		}
	})
}

// FuzzParseCD: the CMS and CD decoders never panic, and checking the CD
// (lint, trust, signature) is deterministic.
func FuzzParseCD(f *testing.F) {
	addAll(f, cdSeeds())
	f.Fuzz(func(t *testing.T, b []byte) {
		cd, err := matterext.ParseCD(b)
		if cd == nil && err == nil {
			t.Fatal("nil CD and nil error")
		}
		if err != nil {
			return
		}
		a, err1 := verify.CheckCD(cd, verify.CDOptions{AllowTestKey: true})
		z, err2 := verify.CheckCD(cd, verify.CDOptions{AllowTestKey: true})
		if err1 != nil || err2 != nil || !reflect.DeepEqual(a, z) {
			t.Fatal("CheckCD not deterministic")
		}
	})
}

// FuzzTLV: the Matter TLV reader never panics, never reports an end past
// the input, and decoding the bytes it used gives the same element.
func FuzzTLV(f *testing.F) {
	for _, s := range cdSeeds() {
		if cd, err := matterext.ParseCD(s); err == nil && cd.Content != nil {
			f.Add(cd.Content.Raw)
		}
	}
	f.Add([]byte{0x15, 0x18})
	f.Fuzz(func(t *testing.T, b []byte) {
		el, n, err := tlv.Decode(b)
		if err != nil {
			return
		}
		if n > len(b) || el.End != n {
			t.Fatalf("used %d bytes of %d, End %d", n, len(b), el.End)
		}
		el2, n2, err := tlv.Decode(b[:n])
		// compare printed forms: a NaN float is not DeepEqual to itself
		if err != nil || n2 != n || fmt.Sprint(el) != fmt.Sprint(el2) {
			t.Fatal("re-decoding the used bytes differs")
		}
		_ = matterext.DecodeCDContent(b)
	})
}

// FuzzRevocationJSON: revocation sets and points never panic the parsers;
// a set that parses cleanly survives a write/read round trip.
func FuzzRevocationJSON(f *testing.F) {
	addAll(f, jsonSeeds("revocation/revocation-sets/*.json", "testdata/revocation/points-*.json", "testdata/certs/rules/*.point.json"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if set, err := matterext.ParseRevocationSet(b); err == nil {
			again, err := matterext.ParseRevocationSet(matterext.MarshalRevocationSet(set))
			if err != nil || len(again) != len(set) {
				t.Fatalf("round trip: %v", err)
			}
		}
		if points, err := matterext.ParseRevocationPoints(b); err == nil {
			for i := range points {
				_ = reg.LintPoint(&points[i])
			}
		}
	})
}

// FuzzVerify: the whole pipeline on arbitrary DAC bytes under the fixture
// chain never panics, never passes a DAC that is not the valid one's
// signed content, and gives the same result twice.
func FuzzVerify(f *testing.F) {
	pai, _ := matterext.ParseCertificate(fixtures.ValidPAI().DER())
	paa, _ := matterext.ParseCertificate(fixtures.ValidPAA().DER())
	store := verify.NewTrustStore("fuzz")
	store.Add(paa, "paa")
	v, err := verify.NewVerifier(pai, verify.Options{Store: store, NoCurrentTime: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(fixtures.ValidDAC().DER())
	addAll(f, certSeeds())
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := matterext.ParseCertificate(b)
		if err != nil {
			return
		}
		r1, r2 := v.Verify(c), v.Verify(c)
		if r1.Code != r2.Code || len(r1.Findings) != len(r2.Findings) {
			t.Fatal("verify not deterministic")
		}
		if r1.Pass() && c.CheckSignature(mustKey(t, pai)) != nil {
			t.Fatal("a DAC whose signature does not verify passed")
		}
	})
}

func mustKey(t *testing.T, c *matterext.Certificate) *ecdsa.PublicKey {
	k, err := c.ECDSAPublicKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}
