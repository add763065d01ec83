package dcl

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// probe is one generated check: a transaction that passes it and one
// that fails it.
type probe struct {
	name string
	tx   func(t *testing.T) *Tx
	l    func(e env)
	want Code
}

func goodPoint(t *testing.T) *Point {
	p := paaWithNumericVid(t)
	return &p
}

func pointTx(f func(p *Point)) func(t *testing.T) *Tx {
	return func(t *testing.T) *Tx {
		p := goodPoint(t)
		if f != nil {
			f(p)
		}
		return &Tx{Kind: AddRevocationPoint, Point: p, Signer: vendor(0xFFF1), At: blockTime}
	}
}

func certTx(kind Kind, cert string, f func(tx *Tx)) func(t *testing.T) *Tx {
	return func(t *testing.T) *Tx {
		tx := &Tx{Kind: kind, Cert: pemOf(t, cert), Signer: trustee1, VID: 0xFFF1, At: blockTime}
		if kind != ProposeRoot {
			tx.Signer = vendor(0xFFF1)
		}
		if f != nil {
			f(tx)
		}
		return tx
	}
}

func TestProbes(t *testing.T) {
	paaOnLedger := root("PAACertWithNumericVid", 65521)
	probes := []probe{
		{"ok point", pointTx(nil), paaOnLedger, 0},
		{"signer address bech32", pointTx(nil), paaOnLedger, 0},
		{"signer address not bech32", func(t *testing.T) *Tx {
			tx := pointTx(nil)(t)
			tx.Signer.Address = "cosmos1notanaddress"
			return tx
		}, paaOnLedger, CodeInvalidAddress},
		{"vid 0", pointTx(func(p *Point) { p.VID = 0 }), paaOnLedger, CodeFieldLowerBoundViolated},
		{"vid over 65535", pointTx(func(p *Point) { p.VID = 70000 }), paaOnLedger, CodeFieldUpperBoundViolated},
		{"label missing", pointTx(func(p *Point) { p.Label = "" }), paaOnLedger, CodeRequiredFieldMissing},
		{"label too long", pointTx(func(p *Point) { p.Label = strings.Repeat("é", 65) }), paaOnLedger, CodeFieldMaxLengthExceeded},
		{"label 64 code points", pointTx(func(p *Point) { p.Label = strings.Repeat("é", 64) }), paaOnLedger, 0},
		{"url not http", pointTx(func(p *Point) { p.DataURL = "ftp://x/crl" }), paaOnLedger, CodeFieldNotValid},
		{"url upper-case scheme", pointTx(func(p *Point) { p.DataURL = "HTTPS://x/crl" }), paaOnLedger, 0},
		{"schema version", pointTx(func(p *Point) { p.SchemaVersion = 1 }), paaOnLedger, CodeFieldNotEqual},
		{"revocation type 0", pointTx(func(p *Point) { p.RevocationType = 0 }), paaOnLedger, CodeRequiredFieldMissing},
		{"revocation type 2", pointTx(func(p *Point) { p.RevocationType = 2 }), paaOnLedger, CodeInvalidRevocationType},
		{"digest type 5", pointTx(func(p *Point) { p.DataDigestType = 5 }), paaOnLedger, CodeInvalidDataDigestType},
		{"digest without size", pointTx(func(p *Point) { p.DataDigest = "ab"; p.DataDigestType = 1 }), paaOnLedger, CodeEmptyDataFileSize},
		{"size without digest", pointTx(func(p *Point) { p.DataFileSize = 5 }), paaOnLedger, CodeEmptyDataDigest},
		{"digest type without digest", pointTx(func(p *Point) { p.DataDigestType = 1 }), paaOnLedger, CodeNotEmptyDataDigestType},
		{"digest without type", pointTx(func(p *Point) { p.DataDigest = "ab"; p.DataFileSize = 5 }), paaOnLedger, CodeEmptyDataDigestType},
		{"data fields with a CRL", pointTx(func(p *Point) { p.DataDigest = "ab"; p.DataFileSize = 5; p.DataDigestType = 1 }), paaOnLedger, CodeDataFieldPresented},
		{"issuerSKID lower case", pointTx(func(p *Point) { p.IssuerSubjectKeyID = strings.ToLower(otherISID) }), paaOnLedger, CodeWrongSubjectKeyIDFormat},
		{"issuerSKID with colons", pointTx(func(p *Point) { p.IssuerSubjectKeyID = "5A:88" }), paaOnLedger, CodeWrongSubjectKeyIDFormat},
		{"issuerSKID odd length", pointTx(func(p *Point) { p.IssuerSubjectKeyID = "5A8" }), paaOnLedger, CodeWrongSubjectKeyIDFormat},
		{"pid with isPAA", pointTx(func(p *Point) { p.PID = 1 }), paaOnLedger, CodeNotEmptyPid},
		{"signer vid differs", pointTx(func(p *Point) { p.VID = 0xFFF2 }), paaOnLedger, CodeCRLSignerVidNotEqualMsgVid},
		{"PAI signer pid given, none in cert", func(t *testing.T) *Tx {
			p := pt("PAICertWithVid", 0xFFF2, 5, false)(t)
			return &Tx{Kind: AddRevocationPoint, Point: &p, Signer: vendor(0xFFF2), At: blockTime}
		}, root("PAACertNoVid", 0xFFF2), CodeNotEmptyPid},
		{"PAI signer pid missing", func(t *testing.T) *Tx {
			p := pt("PAICertWithPidVid", 0xFFF2, 0, false)(t)
			return &Tx{Kind: AddRevocationPoint, Point: &p, Signer: vendor(0xFFF2), At: blockTime}
		}, root("PAACertNoVid", 0xFFF2), CodePidNotFound},
		{"PAI signer pid differs", func(t *testing.T) *Tx {
			p := pt("PAICertWithPidVid", 0xFFF2, 0x8005, false)(t)
			return &Tx{Kind: AddRevocationPoint, Point: &p, Signer: vendor(0xFFF2), At: blockTime}
		}, root("PAACertNoVid", 0xFFF2), CodeCRLSignerPidNotEqualMsgPid},
		{"delegated signer without cRLSign", func(t *testing.T) *Tx {
			p := pt("MatterSpecDAC", 0xFFF1, 0x8000, false, delegator("PAICertWithNumericPidVid"))(t)
			return &Tx{Kind: AddRevocationPoint, Point: &p, Signer: vendor(0xFFF1), At: blockTime}
		}, root("PAACertWithNumericVid", 65521), CodeCRLSignerCertificateInvalidFormat},
		{"delegated signer without SKID", func(t *testing.T) *Tx {
			p := pt("LeafCertWithoutBasicConstraints", 0xFFF1, 0, false, delegator("IntermediateCertWithVid1"))(t)
			return &Tx{Kind: AddRevocationPoint, Point: &p, Signer: vendor(0xFFF1), At: blockTime}
		}, root("RootCertWithVid", 65521), CodeWrongSubjectKeyIDFormat},

		// Certificate handlers.
		{"propose ok", certTx(ProposeRoot, "PAACertWithNumericVid", nil), nil, 0},
		{"propose: info too long", certTx(ProposeRoot, "PAACertWithNumericVid", func(tx *Tx) { tx.Info = strings.Repeat("x", 4097) }), nil, CodeFieldMaxLengthExceeded},
		{"propose: cert missing", certTx(ProposeRoot, "PAACertWithNumericVid", func(tx *Tx) { tx.Cert = "" }), nil, CodeRequiredFieldMissing},
		{"propose: cert too long", certTx(ProposeRoot, "PAACertWithNumericVid", func(tx *Tx) { tx.Cert += strings.Repeat(" ", 20480) }), nil, CodeFieldMaxLengthExceeded},
		{"propose: expired", certTx(ProposeRoot, "PAACertExpired", func(tx *Tx) { tx.VID = 0xFFF2 }), nil, CodeInvalidCertificate},
		{"propose: not yet valid", certTx(ProposeRoot, "PAACertWithNumericVid1", func(tx *Tx) { tx.VID = 0xFFF2 }), nil, CodeInvalidCertificate},
		{"propose: PAI pathLen 0", certTx(ProposeRoot, "PAICertWithNumericPidVid", nil), nil, CodeInvalidCertificate},
		{"propose: PID in root", certTx(ProposeRoot, "MatterSpecDAC", nil), nil, CodeInappropriateCertificateType},
		{"propose: not self-signed", certTx(ProposeRoot, "IntermediateCertPem", nil), nil, CodeInvalidCertificate},
		{"add: NOC leaf with EKU under NOC", certTx(AddNOCICA, "NocLeafCert1", nil), nil, CodeInappropriateCertificateType},
		{"add: VVSC depth 3", certTx(AddNOCICA, "VvscLeafCert1", func(tx *Tx) { tx.VVSC, tx.Signer = true, vendor1 }), all(func(e env) { e.noc("VvscRootCert1", 1, VIDSignerPKI) }, func(e env) { e.noc("VvscIcaCert1", 1, VIDSignerPKI) }), 0},
		{"add: VVSC under an RCAC-typed parent", certTx(AddNOCICA, "VvscIcaCert1", func(tx *Tx) { tx.VVSC, tx.Signer = true, vendor1 }), func(e env) { e.noc("VvscRootCert1", 1, OperationalPKI) }, CodeInvalidCertificate},
		{"add: DAC PID differs from PAI", certTx(AddCert, "MatterSpecDAC", nil), all(root("PAACertWithNumericVid", 65521), func(e env) {
			r := e.child("PAICertWithNumericPidVid", vendor(0xFFF1).Address)
			r.SubjectAsText = "CN=Matter Test PAI,pid=0x8001,vid=0xFFF1"
		}), CodeCertPidNotEqualToIssuerPid},
		{"add: DAC VID differs from PAI", certTx(AddCert, "MatterSpecDAC", nil), all(root("PAACertWithNumericVid", 65521), func(e env) {
			r := e.child("PAICertWithNumericPidVid", vendor(0xFFF1).Address)
			r.SubjectAsText = "CN=Matter Test PAI,pid=0x8000,vid=0xFFF3"
		}), CodeCertVidNotEqualToIssuerVid},
	}
	for _, p := range probes {
		for _, target := range []Version{V1_6_0, Head} {
			t.Run(p.name+" "+target.String(), func(t *testing.T) {
				l := &Ledger{}
				if p.l != nil {
					p.l(env{t, l})
				}
				tx := p.tx(t)
				tx.Target = target
				res := Check(tx, l)
				want := p.want
				if target == Head && want == CodeInvalidCertificate && tx.VVSC && strings.Contains(p.name, "RCAC-typed") {
					want = CodeVVSCChainVerificationFailed
				}
				var got Code
				if f := res.First(); f != nil {
					got = f.Code
				}
				if got != want {
					t.Fatalf("got %v, want %v: %+v", got, want, res.Failures)
				}
				if want != 0 {
					var e *Error
					if !errors.As(res.Err(), &e) || e.Code != want || res.First().Citation == "" || res.First().Location == "" {
						t.Errorf("error %v lacks a code, citation or location: %+v", res.Err(), res.First())
					}
				}
			})
		}
	}
}

func TestSubjectText(t *testing.T) {
	tests := []struct {
		text    string
		vid     int32
		wantErr bool
	}{
		{"CN=x,vid=0xFFF1", 0xFFF1, false},
		{"CN=x,vid=0xfff1", 0xFFF1, false},
		{"CN=x,vid=0x65521", 0x65521, false},
		{"CN=x,vid=0x0xFFF1", 0, true},
		{"CN=x,vid=0x", 0, true},
		{"CN=x,vid=0x0000", 0, false},
		{"CN=x,vid=0xFFF1 X", 0xFFF1, false},
		{"CN=Matter PAI Mvid: FFF1", 0xFFF1, false},
		{"CN=Mvid:FFF1 Mpid:8000", 0, false},
		{"O=Mvid:FFF1", 0, false},
		{"CN=a VID:FFF1", 0, false},
		{"CN=Mvid:FFF1Mpid:8000 x", 0, false},
		{"CN=x Mvid:FFF1Mpid:8000", 0, true},
		{"CN=x,vid=0xFFFFFFFF", 0, true},
	}
	for _, tc := range tests {
		v, err := VIDFromSubjectText(tc.text)
		if v != tc.vid || (err != nil) != tc.wantErr {
			t.Errorf("%q: got 0x%X, %v; want 0x%X, error %v", tc.text, v, err, tc.vid, tc.wantErr)
		}
	}
	if s, err := subjectAsText("CN=x,1.3.6.1.4.1.37244.2.1=#0c0446464631"); err != nil || s != "CN=x,vid=0xFFF1" {
		t.Errorf("rewrite: %q %v", s, err)
	}
	if _, err := subjectAsText("1.3.6.1.4.1.37244.2.1=#040446464631"); err == nil {
		t.Error("an OCTET STRING VID must fail FormatOID")
	}
}

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		bad  bool
	}{{"1", 1, false}, {"65521", 65521, false}, {"0xfff1", 65521, false}, {"0XFFF1", 65521, false}, {"A", 10, false}, {"-1", -1, false}, {"", 0, true}, {"0x", 0, true}, {"12g", 0, true}} {
		got, err := ParseNumber(tc.in)
		if got != tc.want || (err != nil) != tc.bad {
			t.Errorf("%q: %d %v", tc.in, got, err)
		}
	}
}

func TestParsePoint(t *testing.T) {
	obj := `{"vid": 65521, "label": "l", "dataFileSize": "0"}`
	for _, s := range []string{obj, `[` + obj + `]`, `{"PkiRevocationDistributionPoint": ` + obj + `}`, `{"PkiRevocationDistributionPoint": [` + obj + `]}`} {
		p, err := ParsePoint([]byte(s))
		if err != nil || p.VID != 65521 || p.Label != "l" {
			t.Errorf("%s: %+v %v", s, p, err)
		}
	}
	for _, s := range []string{`[]`, `[` + obj + `,` + obj + `]`, `{"other": 1}`, `-----BEGIN CERTIFICATE-----`, `{"vid": "x"}`} {
		if _, err := ParsePoint([]byte(s)); !errors.Is(err, ErrNotAPoint) {
			t.Errorf("%s: %v, want ErrNotAPoint", s, err)
		}
	}
}

func TestLoadSnapshot(t *testing.T) {
	dir := t.TempDir()
	l, err := LoadSnapshot(dir, 0)
	if err != nil || l.Certificates() != 0 || l.Points() != 0 {
		t.Fatalf("empty dir: %v", err)
	}
	os.WriteFile(filepath.Join(dir, FileAccounts), []byte(`{"account": [`), 0o644)
	_, err = LoadSnapshot(dir, 0)
	var fe *FileError
	if !errors.As(err, &fe) || !strings.HasSuffix(fe.File, FileAccounts) {
		t.Fatalf("bad JSON: %v", err)
	}
	os.WriteFile(filepath.Join(dir, FileAccounts), []byte(`{"account": []}`), 0o644)
	os.WriteFile(filepath.Join(dir, FileRevocationPoints), []byte(`{"PkiRevocationDistributionPoint": [{"vid": 1, "label": "a", "issuerSubjectKeyID": "AB", "dataFileSize": "0"}], "pagination": {}}`), 0o644)
	if _, err := LoadSnapshot(dir, 10); !errors.Is(err, ErrFileTooLarge) || !strings.Contains(err.Error(), FileRevocationPoints) {
		t.Fatalf("size cap: %v", err)
	}
	l, err = LoadSnapshot(dir, 0)
	if err != nil || l.Points() != 1 {
		t.Fatalf("points: %v %d", err, l.Points())
	}
	if _, err := LoadSnapshot(filepath.Join(dir, "absent"), 0); err == nil {
		t.Fatal("a missing directory must fail")
	}
}

func TestAddParent(t *testing.T) {
	l := &Ledger{}
	bundle := pemOf(t, "PAACertNoVid") + pemOf(t, "PAICertWithNumericVid")
	if err := l.AddParent([]byte(bundle), 0xFFF2, "bundle.pem"); err != nil || l.Certificates() != 2 {
		t.Fatalf("%v %d", err, l.Certificates())
	}
	if err := l.AddParent([]byte("nothing"), 0, "x.pem"); !errors.Is(err, ErrNoCertificate) || !strings.Contains(err.Error(), "x.pem") {
		t.Fatalf("%v", err)
	}
}
