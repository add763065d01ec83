package matterext_test

import (
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/matterlint/matterlint/matterext"
)

func TestParseCertificateNotACertificate(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"not a sequence", []byte{0x02, 0x01, 0x01}},
		{"truncated", []byte{0x30, 0x82, 0x01, 0x00, 0x30}},
		{"indefinite length", []byte{0x30, 0x80, 0x00, 0x00}},
		{"no tbs", []byte{0x30, 0x03, 0x02, 0x01, 0x01}},
		{"tbs elements unreadable", []byte{0x30, 0x04, 0x30, 0x02, 0x02, 0x05}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := matterext.ParseCertificate(tc.in)
			if c != nil || !errors.Is(err, matterext.ErrNotCertificate) {
				t.Fatalf("got (%v, %v), want ErrNotCertificate", c, err)
			}
			var pe *matterext.ParseError
			if !errors.As(err, &pe) || pe.Msg == "" {
				t.Fatalf("error %v is not a descriptive *ParseError", err)
			}
		})
	}
}

func TestParseCertificateFields(t *testing.T) {
	b, err := os.ReadFile("../testdata/certs/valid/dac.pem")
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := pem.Decode(b)
	c, err := matterext.ParseCertificate(blk.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Errors) != 0 {
		t.Errorf("unexpected field errors: %v", c.Errors)
	}
	if v, ok := c.Version.Int64(); !ok || v != 2 {
		t.Errorf("version = %d", v)
	}
	if got := c.Subject.String(); got != "CN=Matterlint Test DAC 0001, VID=A0B1, PID=8000" {
		t.Errorf("subject = %q", got)
	}
	if c.BasicConstraints == nil || c.BasicConstraints.CA || !c.BasicConstraints.Ext.Critical {
		t.Errorf("basicConstraints = %+v", c.BasicConstraints)
	}
	if c.KeyUsage == nil || c.KeyUsage.Bits != matterext.KUDigitalSignature {
		t.Errorf("keyUsage = %+v", c.KeyUsage)
	}
	if c.SubjectKeyID == nil || len(c.SubjectKeyID.ID) != 20 || c.AuthorityKeyID == nil || len(c.AuthorityKeyID.KeyID) != 20 {
		t.Errorf("key identifiers = %+v %+v", c.SubjectKeyID, c.AuthorityKeyID)
	}
	if !c.NotAfter.NoWellDefinedExpiration() || c.NotBefore.T.Year() != 2024 {
		t.Errorf("validity = %v .. %s", c.NotBefore.T, c.NotAfter.Raw)
	}
	if matterext.DetectRole(c) != matterext.RoleDAC {
		t.Errorf("role = %v", matterext.DetectRole(c))
	}
}

func TestOIDString(t *testing.T) {
	for oid, want := range map[string]string{
		string(matterext.OIDMatterVendorID):  "1.3.6.1.4.1.37244.2.1",
		string(matterext.OIDECDSAWithSHA256): "1.2.840.10045.4.3.2",
		string([]byte{0x80}):                 "invalid-oid(80)",
	} {
		if got := matterext.OID(oid).String(); got != want {
			t.Errorf("OID %x = %q, want %q", oid, got, want)
		}
	}
}

// TestParseCertificateInto: decoding into a Certificate that held another
// one gives exactly what a fresh decode gives, for every fixture
// certificate in every order pair (nothing of the previous one survives).
func TestParseCertificateInto(t *testing.T) {
	paths, err := filepath.Glob("../testdata/certs/*/*.pem")
	if err != nil || len(paths) < 10 {
		t.Fatalf("fixtures: %v (%d)", err, len(paths))
	}
	var ders [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for blk, rest := pem.Decode(b); blk != nil; blk, rest = pem.Decode(rest) {
			ders = append(ders, blk.Bytes)
		}
	}
	reused := &matterext.Certificate{}
	for i, a := range ders {
		b := ders[(i*7+3)%len(ders)]
		for _, der := range [][]byte{a, b} {
			fresh, ferr := matterext.ParseCertificate(der)
			got, gerr := matterext.ParseCertificateInto(reused, der)
			if (ferr == nil) != (gerr == nil) {
				t.Fatalf("certificate %d: errors differ: %v vs %v", i, ferr, gerr)
			}
			if ferr != nil {
				continue
			}
			if got != reused {
				t.Fatalf("certificate %d: not decoded into dst", i)
			}
			if !reflect.DeepEqual(fresh, got) {
				t.Fatalf("certificate %d: decoding into a used Certificate differs from a fresh decode", i)
			}
		}
	}
}
