package dcl_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/dcl"
	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/matterext"
)

func record(t *testing.T, pemText string, typ dcl.CertType) *dcl.Record {
	t.Helper()
	r, err := dcl.NewRecord(pemText)
	if err != nil {
		t.Fatal(err)
	}
	r.Type = typ
	return r
}

// TestLedgerRoots: only approved, unrevoked device-attestation roots are
// trust anchors; proposed and revoked roots are listed apart; a record
// whose PEM does not decode is an error naming its file.
func TestLedgerRoots(t *testing.T) {
	paa := string(fixtures.PEM(fixtures.ValidPAA().DER()))
	pai := string(fixtures.PEM(fixtures.ValidPAI().DER()))
	names := map[string]string{}
	for _, n := range []string{"PAACertWithNumericVid", "PAACertNoVid", "PAACertExpired", "NocRootCert1", "VvscRootCert1", "RootCertWithSameSubjectAndSKID1", "RootCertWithSameSubjectAndSKID2"} {
		names[n] = fixtures.DCLPEM(n)
	}
	l := &dcl.Ledger{}
	l.AddCertificate(record(t, paa, dcl.DeviceAttestationPKI))
	l.AddCertificate(record(t, pai, dcl.DeviceAttestationPKI))                         // not a root
	l.AddCertificate(record(t, names["NocRootCert1"], dcl.OperationalPKI))             // NOC root
	l.AddCertificate(record(t, names["VvscRootCert1"], dcl.VIDSignerPKI))              // VVSC root
	l.AddCertificate(record(t, names["PAACertNoVid"], ""))                             // untyped: DA
	l.AddProposed(record(t, names["PAACertWithNumericVid"], dcl.DeviceAttestationPKI)) // only proposed
	l.AddRevoked(record(t, names["PAACertExpired"], dcl.DeviceAttestationPKI))         // only revoked
	// Same subject and SKID: serial 1 approved and revoked (an inconsistent
	// snapshot: the revocation wins), serial 2 approved.
	same1 := record(t, names["RootCertWithSameSubjectAndSKID1"], dcl.DeviceAttestationPKI)
	l.AddCertificate(same1)
	l.AddRevoked(same1)
	l.AddCertificate(record(t, names["RootCertWithSameSubjectAndSKID2"], dcl.DeviceAttestationPKI))
	broken := record(t, paa, dcl.DeviceAttestationPKI)
	broken.PEM, broken.SubjectKeyID = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "00:11"
	l.AddCertificate(broken)

	roots, errs := l.ApprovedRoots()
	got := map[string]dcl.RootState{}
	for _, r := range roots {
		got[r.Record.SerialNumber] = r.State
		if src := r.Source("snap"); r.File != dcl.FileAllCertificates || !strings.HasPrefix(src, filepath.Join("snap", dcl.FileAllCertificates)+": ") ||
			!strings.Contains(src, r.Record.SubjectKeyID) {
			t.Errorf("source %q", src)
		}
	}
	want := []string{
		record(t, paa, "").SerialNumber, record(t, names["PAACertNoVid"], "").SerialNumber,
		record(t, names["RootCertWithSameSubjectAndSKID2"], "").SerialNumber,
	}
	if len(roots) != len(want) {
		t.Errorf("%d approved roots, want %d: %v", len(roots), len(want), got)
	}
	for _, s := range want {
		if got[s] != dcl.RootApproved {
			t.Errorf("serial %s: not an approved root (%v)", s, got)
		}
	}
	if len(errs) != 1 || !errors.Is(errs[0], dcl.ErrRecordCertificate) || errs[0].File != dcl.FileAllCertificates {
		t.Errorf("errors %v", errs)
	}
	var re *dcl.RecordError
	if len(errs) == 1 && !errors.As(error(errs[0]), &re) {
		t.Error("not a *RecordError")
	}

	un, errs := l.UnapprovedRoots()
	states := map[string]dcl.RootState{}
	for _, r := range un {
		states[r.Record.SerialNumber] = r.State
	}
	if len(errs) != 0 || len(un) != 3 ||
		states[record(t, names["PAACertWithNumericVid"], "").SerialNumber] != dcl.RootProposed ||
		states[record(t, names["PAACertExpired"], "").SerialNumber] != dcl.RootRevoked ||
		states[same1.SerialNumber] != dcl.RootRevoked {
		t.Errorf("unapproved %v, errors %v", states, errs)
	}

	var empty *dcl.Ledger
	if r, e := empty.ApprovedRoots(); r != nil || e != nil {
		t.Error("nil ledger has roots")
	}
}

// TestLedgerRevocationPoints: the points convert field for field, with
// their certificates decoded; out-of-range VIDs are errors.
func TestLedgerRevocationPoints(t *testing.T) {
	signer := string(fixtures.PEM(fixtures.ValidPAI().DER()))
	l := &dcl.Ledger{}
	l.AddPoint(dcl.Point{VID: 0xA0B1, PID: 0x8000, Label: "pai", CRLSignerCertificate: signer, IssuerSubjectKeyID: "AB",
		DataURL: "https://example.com/a.crl", DataFileSize: 12, DataDigest: "d", DataDigestType: 1, RevocationType: 1, SchemaVersion: 0})
	l.AddPoint(dcl.Point{VID: -1, Label: "bad"})
	l.AddPoint(dcl.Point{VID: 1, Label: "no signer", RevocationType: 1})
	ps, errs := l.RevocationPoints()
	if len(ps) != 2 || len(errs) != 1 {
		t.Fatalf("%d points, errors %v", len(ps), errs)
	}
	p := ps[0]
	if p.Index != 0 || p.VID != 0xA0B1 || p.PID != 0x8000 || p.Label != "pai" || p.DataFileSize != 12 || p.DataDigestType != 1 ||
		p.RevocationType != 1 || p.IssuerSubjectKeyID != "AB" || p.DataURL != "https://example.com/a.crl" || p.Signer == nil || p.SignerErr != nil {
		t.Errorf("point %+v", p)
	}
	if ps[1].Index != 2 || ps[1].Signer != nil || !errors.Is(ps[1].SignerErr, matterext.ErrNoPEMCertificate) {
		t.Errorf("point 2: index %d, signer error %v", ps[1].Index, ps[1].SignerErr)
	}
	if !errors.Is(errs[0], dcl.ErrPointField) || errs[0].Index != 1 || errs[0].Label != "bad" {
		t.Errorf("error %v", errs[0])
	}
}
