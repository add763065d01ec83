package dcl

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/matterlint/matterlint/internal/fixtures"
)

// blockTime is the block time of every case: the DCL's keeper tests run
// at "now"; a fixed time keeps ours reproducible.
var blockTime = time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)

// bech32 encodes a test address (BIP 173), so that ValidateBasic's
// address check passes.
func bech32(hrp string, data []byte) string {
	const charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
	var five []byte
	acc, bits := 0, 0
	for _, b := range data {
		acc = acc<<8 | int(b)
		bits += 8
		for bits >= 5 {
			bits -= 5
			five = append(five, byte(acc>>bits&31))
		}
	}
	if bits > 0 {
		five = append(five, byte(acc<<(5-bits)&31))
	}
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	poly := func(vs []byte) uint32 {
		chk := uint32(1)
		for _, v := range vs {
			top := chk >> 25
			chk = (chk&0x1ffffff)<<5 ^ uint32(v)
			for i := 0; i < 5; i++ {
				if (top>>i)&1 == 1 {
					chk ^= gen[i]
				}
			}
		}
		return chk
	}
	var exp []byte
	for i := 0; i < len(hrp); i++ {
		exp = append(exp, hrp[i]>>5)
	}
	exp = append(exp, 0)
	for i := 0; i < len(hrp); i++ {
		exp = append(exp, hrp[i]&31)
	}
	p := poly(append(append(exp, five...), 0, 0, 0, 0, 0, 0)) ^ 1
	out := hrp + "1"
	for _, v := range five {
		out += string(charset[v])
	}
	for i := 0; i < 6; i++ {
		out += string(charset[(p>>(5*(5-i)))&31])
	}
	return out
}

func addr(name string) string {
	b := make([]byte, 20)
	copy(b, name)
	return bech32("cosmos", b)
}

func pemOf(t *testing.T, name string) string {
	t.Helper()
	p := fixtures.DCLPEM(name)
	if p == "" {
		t.Fatalf("no fixture %s", name)
	}
	return p
}

func record(t *testing.T, name string) *Record {
	t.Helper()
	r, err := NewRecord(pemOf(t, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

// env builds ledger states as the DCL's test helpers do.
type env struct {
	t *testing.T
	l *Ledger
}

func (e env) root(name string, vid int32) *Record {
	r := record(e.t, name)
	r.VID, r.Owner = vid, addr("trustee1")
	e.l.AddCertificate(r)
	return r
}

func (e env) child(name string, owner string) *Record {
	r := record(e.t, name)
	r.Owner = owner
	e.l.AddCertificate(r)
	return r
}

func (e env) noc(name string, vid int32, typ CertType) *Record {
	r := record(e.t, name)
	r.VID, r.Type, r.Owner = vid, typ, addr("vendor1")
	e.l.AddCertificate(r)
	return r
}

func (e env) point(p Point) { e.l.AddPoint(p) }

func vendor(vid int32) Account {
	return Account{Address: addr("vendor-" + string(rune('a'+vid%26)) + strings.Repeat("x", int(vid%7))), VendorID: vid, Roles: []string{"Vendor"}}
}

func with(a Account, roles ...string) Account { a.Roles = roles; return a }

var (
	trustee1 = Account{Address: addr("trustee1"), VendorID: 65521, Roles: []string{"Trustee"}}
	trustee2 = Account{Address: addr("trustee2"), VendorID: 1, Roles: []string{"Trustee"}}
	vendor1  = Account{Address: addr("vendor1"), VendorID: 1, Roles: []string{"Vendor"}}
)

const otherISID = "5A880E6C3653D07FB08971A3F473790930E62BDB"

// dclCase is one of the DCL's own handler test cases (docs/research/
// dcl-test-cases.md §B), replayed on our fixtures.
type dclCase struct {
	id     string // the inventory row
	name   string
	kind   Kind
	cert   string // fixture name
	vid    int64
	vvsc   bool
	point  func(t *testing.T) Point
	signer Account
	setup  func(e env)
	want   Code // 0: accepted
	head   Code // the code at head when it differs
}

func isidOf(t *testing.T, name string) string {
	return strings.ReplaceAll(record(t, name).SubjectKeyID, ":", "")
}

// Revocation point templates (revocation_message_utils_test.go).
func pt(signer string, vid, pid int64, isPAA bool, mods ...func(t *testing.T, p *Point)) func(t *testing.T) Point {
	return func(t *testing.T) Point {
		p := Point{VID: vid, PID: pid, IsPAA: isPAA, Label: "label", CRLSignerCertificate: fixtures.DCLPEM(signer),
			IssuerSubjectKeyID: otherISID, DataURL: "https://url.data.dclmodel", RevocationType: 1}
		if signer == "invalidpem" || signer == "" {
			p.CRLSignerCertificate = signer
		}
		for _, m := range mods {
			m(t, &p)
		}
		return p
	}
}

func delegator(name string) func(t *testing.T, p *Point) {
	return func(t *testing.T, p *Point) {
		if name == "invalid" {
			p.CRLSignerDelegator = "invalid"
			return
		}
		p.CRLSignerDelegator = pemOf(t, name)
		p.IssuerSubjectKeyID = isidOf(t, name)
	}
}

func label(l string) func(t *testing.T, p *Point) {
	return func(_ *testing.T, p *Point) { p.Label = l }
}
func dataURL(u string) func(t *testing.T, p *Point) {
	return func(_ *testing.T, p *Point) { p.DataURL = u }
}
func isid(name string) func(t *testing.T, p *Point) {
	return func(t *testing.T, p *Point) { p.IssuerSubjectKeyID = isidOf(t, name) }
}

var (
	paaWithNumericVid    = pt("PAACertWithNumericVid", 0xFFF1, 0, true)
	paiWithNumericVidPid = pt("PAICertWithNumericPidVid", 0xFFF1, 0x8000, false)
	paiWithVidPid        = pt("PAICertWithPidVid", 0xFFF2, 0x8004, false)
	paiWithVid           = pt("PAICertWithVid", 0xFFF2, 0, false)
	paaNoVid             = func(v int64) func(t *testing.T) Point { return pt("PAACertNoVid", v, 0, true) }
	leafWithVid          = pt("LeafCertWithVid", 0xFFF1, 0, false, delegator("IntermediateCertWithVid1"))
)

func stored(p func(t *testing.T) Point) func(e env) {
	return func(e env) { e.point(p(e.t)) }
}

func all(fs ...func(e env)) func(e env) {
	return func(e env) {
		for _, f := range fs {
			f(e)
		}
	}
}

func root(name string, vid int32) func(e env) { return func(e env) { e.root(name, vid) } }

func dclCases() []dclCase {
	v := vendor
	mock := func(f func(e env)) func(e env) { return f }
	return []dclCase{
		// B.1 MsgProposeAddX509RootCert
		{id: "B.1.1", name: "ProposeAddDaRootCert", kind: ProposeRoot, cert: "RootCertPem", vid: 1, signer: trustee1},
		{id: "B.1.3", name: "DifferentSerialNumber", kind: ProposeRoot, cert: "RootCertPem", vid: 1, signer: trustee1, setup: mock(func(e env) {
			r := record(e.t, "RootCertPem")
			r.SerialNumber, r.Owner = "12345678", trustee1.Address
			e.l.AddCertificate(r)
		})},
		{id: "B.1.4", name: "PreviouslyRejected", kind: ProposeRoot, cert: "RootCertPem", vid: 1, signer: trustee1},
		{id: "B.1.5a", name: "ByNotTrustee/Vendor", kind: ProposeRoot, cert: "RootCertPem", vid: 1, signer: with(vendor1, "Vendor"), want: CodeUnauthorized},
		{id: "B.1.5b", name: "ByNotTrustee/CertificationCenter", kind: ProposeRoot, cert: "RootCertPem", vid: 1, signer: with(vendor1, "CertificationCenter"), want: CodeUnauthorized},
		{id: "B.1.5c", name: "ByNotTrustee/NodeAdmin", kind: ProposeRoot, cert: "RootCertPem", vid: 1, signer: with(vendor1, "NodeAdmin"), want: CodeUnauthorized},
		{id: "B.1.6", name: "ForInvalidCertificate", kind: ProposeRoot, cert: "StubCertPem", vid: 1, signer: trustee1, want: CodeInvalidCertificate},
		{id: "B.1.7", name: "ForNonRootCertificate", kind: ProposeRoot, cert: "LeafCertPem", vid: 1, signer: trustee1, want: CodeInappropriateCertificateType},
		{id: "B.1.8", name: "Duplicate", kind: ProposeRoot, cert: "RootCertPem", vid: 1, signer: trustee2, want: CodeProposedCertificateAlreadyExists, setup: mock(func(e env) {
			r := record(e.t, "RootCertPem")
			r.Owner, r.VID = trustee1.Address, 1
			e.l.AddProposed(r)
		})},
		{id: "B.1.9", name: "CertificateAlreadyExists", kind: ProposeRoot, cert: "RootCertPem", vid: 1, signer: trustee1, setup: root("RootCertPem", 1), want: CodeCertificateAlreadyExists},
		{id: "B.1.10", name: "ExistingCertIsNotRoot", kind: ProposeRoot, cert: "RootCertPem", vid: 1, signer: trustee1, want: CodeUnauthorized, head: CodeUnauthorizedCertIssuer, setup: mock(func(e env) {
			r := record(e.t, "RootCertPem")
			r.SerialNumber, r.IsRoot, r.Issuer, r.AuthorityKeyID, r.Owner = "12345678", false, "CN=other", "AA:BB", trustee1.Address
			e.l.AddCertificate(r)
		})},
		{id: "B.1.12", name: "ForDifferentSigner", kind: ProposeRoot, cert: "RootCertPem", vid: 1, signer: trustee2, want: CodeUnauthorized, setup: mock(func(e env) {
			r := record(e.t, "RootCertPem")
			r.SerialNumber, r.Owner = "12345678", trustee1.Address
			e.l.AddCertificate(r)
		})},
		{id: "B.1.13", name: "WithDifferentVid", kind: ProposeRoot, cert: "PAACertWithNumericVid", vid: 1, signer: trustee2, want: CodeCertificateVidNotEqualMsgVid},
		{id: "B.1.14", name: "MatterSpecExample_PAA", kind: ProposeRoot, cert: "PAACertWithNumericVid", vid: 0xFFF1, signer: trustee1},

		// B.2 MsgAddX509Cert
		{id: "B.2.1", name: "AddDaIntermediateCert", kind: AddCert, cert: "IntermediateCertPem", signer: vendor1, setup: root("RootCertPem", 1)},
		{id: "B.2.2", name: "VidScoped", kind: AddCert, cert: "PAICertWithNumericPidVid", signer: v(65521), setup: root("PAACertWithNumericVid", 65521)},
		{id: "B.2.3a", name: "SameSubjectAndSkid/first", kind: AddCert, cert: "IntermediateWithSameSubjectAndSKID1", signer: v(65521), setup: root("RootCertWithSameSubjectAndSKID1", 65521)},
		{id: "B.2.3b", name: "SameSubjectAndSkid/second", kind: AddCert, cert: "IntermediateWithSameSubjectAndSKID2", signer: v(65521), setup: func(e env) {
			e.root("RootCertWithSameSubjectAndSKID1", 65521)
			e.l.AddAccount(v(65521))
			e.child("IntermediateWithSameSubjectAndSKID1", v(65521).Address)
		}},
		{id: "B.2.4", name: "ForTree/DAC", kind: AddCert, cert: "LeafCertPem", signer: vendor1, setup: func(e env) {
			e.root("RootCertPem", 1)
			e.child("IntermediateCertPem", vendor1.Address)
		}},
		{id: "B.2.5", name: "ByNotOwnerButSameVendor", kind: AddCert, cert: "IntermediateWithSameSubjectAndSKID2", signer: Account{Address: addr("vendorB"), VendorID: 65521, Roles: []string{"Vendor"}}, setup: func(e env) {
			e.root("RootCertWithSameSubjectAndSKID1", 65521)
			e.l.AddAccount(Account{Address: addr("vendorA"), VendorID: 65521, Roles: []string{"Vendor"}})
			e.child("IntermediateWithSameSubjectAndSKID1", addr("vendorA"))
		}},
		{id: "B.2.7a", name: "NonVIDScopedRoot/VidScopedChild", kind: AddCert, cert: "PAICertWithNumericVid", signer: v(0xFFF2), setup: root("PAACertNoVid", 0xFFF2)},
		{id: "B.2.7b", name: "NonVIDScopedRoot/NonVidScopedChild", kind: AddCert, cert: "IntermediateCertPem", signer: vendor1, setup: root("RootCertPem", 1)},
		{id: "B.2.8", name: "ForInvalidCertificate", kind: AddCert, cert: "StubCertPem", signer: vendor1, want: CodeInvalidCertificate},
		{id: "B.2.9", name: "ForRootCertificate", kind: AddCert, cert: "RootCertPem", signer: vendor1, want: CodeInvalidCertificate},
		{id: "B.2.10", name: "ForDuplicate", kind: AddCert, cert: "IntermediateCertPem", signer: vendor1, want: CodeCertificateAlreadyExists, setup: func(e env) {
			e.root("RootCertPem", 1)
			e.child("IntermediateCertPem", vendor1.Address)
		}},
		{id: "B.2.11", name: "RootIsNoc", kind: AddCert, cert: "NocCert1", signer: vendor1, want: CodeInvalidCertificate, setup: func(e env) { e.noc("NocRootCert1", 1, OperationalPKI) }},
		{id: "B.2.12", name: "ExistingCertUnauthorizedIssuer", kind: AddCert, cert: "IntermediateCertPem", signer: vendor1, want: CodeUnauthorized, head: CodeUnauthorizedCertIssuer, setup: func(e env) {
			e.root("RootCertPem", 1)
			r := record(e.t, "IntermediateCertPem")
			r.SerialNumber, r.Issuer, r.AuthorityKeyID, r.Owner = "12345678", "CN=different-issuer", "AA:BB:CC", vendor1.Address
			e.l.AddCertificate(r)
		}},
		{id: "B.2.13", name: "ExistingCertIsNoc", kind: AddCert, cert: "IntermediateCertPem", signer: vendor1, want: CodeInappropriateCertificateType, setup: func(e env) {
			e.root("RootCertPem", 1)
			r := record(e.t, "IntermediateCertPem")
			r.SerialNumber, r.Type, r.Owner = "12345678", OperationalPKI, vendor1.Address
			e.l.AddCertificate(r)
		}},
		{id: "B.2.14", name: "RootIsNocTyped", kind: AddCert, cert: "IntermediateCertPem", signer: vendor1, want: CodeInappropriateCertificateType, setup: func(e env) {
			e.root("RootCertPem", 1).Type = OperationalPKI
		}},
		{id: "B.2.15a", name: "RootWithMalformedSubject/RootSubjectDerMalformed", kind: AddCert, cert: "IntermediateCertPem", signer: vendor1, want: CodeInvalidCertificate, setup: func(e env) {
			e.root("RootCertPem", 1).SubjectAsText = "1.3.6.1.4.1.37244.2.1=#ZZ"
		}},
		{id: "B.2.15b", name: "RootWithMalformedSubject/RootVidNotHex", kind: AddCert, cert: "IntermediateCertPem", signer: vendor1, want: CodeInvalidVidFormat, setup: func(e env) {
			e.root("RootCertPem", 1).SubjectAsText = "vid=0xZZ"
		}},
		{id: "B.2.16", name: "ImmediateIssuerWithMalformedSubject", kind: AddCert, cert: "LeafCertPem", signer: vendor1, want: CodeInvalidCertificate, setup: func(e env) {
			e.root("RootCertPem", 1)
			e.child("IntermediateCertPem", vendor1.Address).SubjectAsText = "1.3.6.1.4.1.37244.2.1=#ZZ"
		}},
		{id: "B.2.17", name: "ForAbsentDirectParentCert", kind: AddCert, cert: "IntermediateCertPem", signer: vendor1, want: CodeCertificateDoesNotExist},
		{id: "B.2.18", name: "ByOtherVendor (VendorAdmin)", kind: AddCert, cert: "IntermediateWithSameSubjectAndSKID2", signer: Account{Address: addr("vendoradmin"), VendorID: 1000, Roles: []string{"VendorAdmin"}}, want: CodeUnauthorized, setup: func(e env) {
			e.root("RootCertWithSameSubjectAndSKID1", 65521)
			e.child("IntermediateWithSameSubjectAndSKID1", v(65521).Address)
		}},
		{id: "B.2.19", name: "SenderNotVendor", kind: AddCert, cert: "IntermediateCertWithVid1", signer: trustee1, want: CodeUnauthorized, setup: root("RootCertWithVid", 65521)},
		{id: "B.2.20a", name: "VIDScopedRoot/IncorrectChildVid", kind: AddCert, cert: "IntermediateCertWithVid2", signer: v(65521), want: CodeCertVidNotEqualToRootVid, setup: root("RootCertWithVid", 65521)},
		{id: "B.2.20b", name: "VIDScopedRoot/IncorrectAccountVid", kind: AddCert, cert: "IntermediateCertWithVid1", signer: vendor1, want: CodeCertVidNotEqualAccountVid, setup: root("RootCertWithVid", 65521)},
		{id: "B.2.21a", name: "NonVIDScopedRoot/IncorrectChildVid", kind: AddCert, cert: "PAICertWithNumericVid", signer: vendor1, want: CodeCertVidNotEqualToRootVid, setup: root("PAACertNoVid", 1)},
		{id: "B.2.21b", name: "NonVIDScopedRoot/IncorrectAccountVid", kind: AddCert, cert: "PAICertWithNumericVid", signer: vendor1, want: CodeCertVidNotEqualAccountVid, setup: root("PAACertNoVid", 0xFFF2)},
		{id: "B.2.22", name: "MatterSpecExample_PAI", kind: AddCert, cert: "PAICertWithNumericPidVid", signer: v(0xFFF1), setup: root("PAACertWithNumericVid", 0xFFF1)},
		{id: "B.2.23", name: "MatterSpecExample_DAC", kind: AddCert, cert: "MatterSpecDAC", signer: v(0xFFF1), setup: func(e env) {
			e.root("PAACertWithNumericVid", 0xFFF1)
			e.child("PAICertWithNumericPidVid", v(0xFFF1).Address)
		}},
		{id: "B.2.24", name: "NocRootCert via MsgAddX509Cert", kind: AddCert, cert: "NocRootCert1", signer: vendor1, want: CodeInvalidCertificate},

		// B.3 MsgAddNocX509RootCert
		{id: "B.3.1", name: "AddNocRootCert", kind: AddNOCRoot, cert: "NocRootCert1", signer: vendor1},
		{id: "B.3.2", name: "AddNocRootCert_VVSC", kind: AddNOCRoot, cert: "VvscRootCert1", vvsc: true, signer: vendor1},
		{id: "B.3.3", name: "SameSubjectAndSkid_DifferentSerialNumber", kind: AddNOCRoot, cert: "NocRootCert1Copy", signer: vendor1, setup: func(e env) { e.noc("NocRootCert1", 1, OperationalPKI) }},
		{id: "B.3.4", name: "SameSubjectAndSkid_DifferentSerialNumber_VVSC", kind: AddNOCRoot, cert: "VvscRootCert1Copy", vvsc: true, signer: vendor1, setup: func(e env) { e.noc("VvscRootCert1", 1, VIDSignerPKI) }},
		{id: "B.3.5", name: "ByNotOwnerButSameVendor", kind: AddNOCRoot, cert: "NocRootCert1Copy", signer: Account{Address: addr("vendorB"), VendorID: 1, Roles: []string{"Vendor"}}, setup: func(e env) { e.noc("NocRootCert1", 1, OperationalPKI) }},
		{id: "B.3.6", name: "ByNotOwnerButSameVendor_VVSC", kind: AddNOCRoot, cert: "VvscRootCert1Copy", vvsc: true, signer: Account{Address: addr("vendorB"), VendorID: 1, Roles: []string{"Vendor"}}, setup: func(e env) { e.noc("VvscRootCert1", 1, VIDSignerPKI) }},
		{id: "B.3.7a", name: "SenderNotVendor", kind: AddNOCRoot, cert: "RootCertPem", signer: trustee1, want: CodeUnauthorized},
		{id: "B.3.7b", name: "SenderNotVendor_VVSC", kind: AddNOCRoot, cert: "RootCertPem", vvsc: true, signer: trustee1, want: CodeUnauthorized},
		{id: "B.3.8a", name: "InvalidCertificate/NotValidPem", kind: AddNOCRoot, cert: "StubCertPem", signer: vendor1, want: CodeInvalidCertificate},
		{id: "B.3.8b", name: "InvalidCertificate/NonRootCertificate", kind: AddNOCRoot, cert: "NocCert2", signer: vendor1, want: CodeRootCertificateIsNotSelfSigned},
		{id: "B.3.8c", name: "InvalidCertificate/NonCACertificate", kind: AddNOCRoot, cert: "LeafCertPem", signer: vendor1, want: CodeInappropriateCertificateType},
		{id: "B.3.8d", name: "InvalidCertificate/ExpiredCertificate", kind: AddNOCRoot, cert: "PAACertExpired", signer: vendor1, want: CodeInvalidCertificate},
		{id: "B.3.9a", name: "InvalidCertificate_VVSC/NotValidPem", kind: AddNOCRoot, cert: "StubCertPem", vvsc: true, signer: vendor1, want: CodeInvalidCertificate},
		{id: "B.3.9b", name: "InvalidCertificate_VVSC/NonRootCertificate", kind: AddNOCRoot, cert: "VvscIcaCert1", vvsc: true, signer: vendor1, want: CodeRootCertificateIsNotSelfSigned},
		{id: "B.3.9c", name: "InvalidCertificate_VVSC/CA_True", kind: AddNOCRoot, cert: "NocCert2", vvsc: true, signer: vendor1, want: CodeInappropriateCertificateType},
		{id: "B.3.10a", name: "CertificateExist/Duplicate", kind: AddNOCRoot, cert: "NocRootCert3", signer: vendor1, want: CodeCertificateAlreadyExists, setup: func(e env) {
			r := record(e.t, "NocRootCert3")
			e.l.AddUsedSerial(r.Subject, r.SerialNumber)
		}},
		{id: "B.3.10b", name: "CertificateExist/ExistingNonRootCert", kind: AddNOCRoot, cert: "NocRootCert3", signer: vendor1, want: CodeUnauthorized, head: CodeUnauthorizedCertIssuer, setup: func(e env) {
			r := record(e.t, "NocRootCert3")
			r.IsRoot, r.Issuer, r.AuthorityKeyID, r.SerialNumber, r.Type, r.VID = false, "TestIssuer", "AA", "1", OperationalPKI, 1
			e.l.AddCertificate(r)
		}},
		{id: "B.3.10c", name: "CertificateExist/ExistingNotNocCert", kind: AddNOCRoot, cert: "NocRootCert3", signer: vendor1, want: CodeInappropriateCertificateType, setup: func(e env) {
			r := record(e.t, "NocRootCert3")
			r.SerialNumber, r.VID = "1", 1
			e.l.AddCertificate(r)
		}},
		{id: "B.3.10d", name: "CertificateExist/ExistingCertWithDifferentVid", kind: AddNOCRoot, cert: "NocRootCert3", signer: vendor1, want: CodeUnauthorized, setup: func(e env) {
			r := record(e.t, "NocRootCert3")
			r.SerialNumber, r.VID, r.Type = "1", 1000, OperationalPKI
			e.l.AddCertificate(r)
		}},
		{id: "B.3.11a", name: "CertificateExist_VVSC/Duplicate", kind: AddNOCRoot, cert: "VvscRootCert2", vvsc: true, signer: vendor1, want: CodeCertificateAlreadyExists, setup: func(e env) {
			r := record(e.t, "VvscRootCert2")
			e.l.AddUsedSerial(r.Subject, r.SerialNumber)
		}},
		{id: "B.3.11b", name: "CertificateExist_VVSC/ExistingNonRootCert", kind: AddNOCRoot, cert: "VvscRootCert2", vvsc: true, signer: vendor1, want: CodeUnauthorized, head: CodeUnauthorizedCertIssuer, setup: func(e env) {
			r := record(e.t, "VvscRootCert2")
			r.IsRoot, r.Issuer, r.AuthorityKeyID, r.SerialNumber, r.Type, r.VID = false, "TestIssuer", "AA", "1", VIDSignerPKI, 1
			e.l.AddCertificate(r)
		}},
		{id: "B.3.11c", name: "CertificateExist_VVSC/ExistingNotNocCert", kind: AddNOCRoot, cert: "VvscRootCert2", vvsc: true, signer: vendor1, want: CodeInappropriateCertificateType, setup: func(e env) {
			r := record(e.t, "VvscRootCert2")
			r.SerialNumber, r.VID = "1", 1
			e.l.AddCertificate(r)
		}},
		{id: "B.3.11d", name: "CertificateExist_VVSC/ExistingCertWithDifferentVid", kind: AddNOCRoot, cert: "VvscRootCert2", vvsc: true, signer: vendor1, want: CodeUnauthorized, setup: func(e env) {
			r := record(e.t, "VvscRootCert2")
			r.SerialNumber, r.VID, r.Type = "1", 1000, VIDSignerPKI
			e.l.AddCertificate(r)
		}},
		{id: "B.3.12", name: "MatterSpecExample_RCAC", kind: AddNOCRoot, cert: "MatterSpecRCAC", signer: vendor1},

		// B.4 MsgAddNocX509IcaCert
		{id: "B.4.1", name: "AddNocIntermediateCert", kind: AddNOCICA, cert: "NocCert1", signer: vendor1, setup: func(e env) { e.noc("NocRootCert1", 1, OperationalPKI) }},
		{id: "B.4.2", name: "AddNocIntermediateCert_VVSC", kind: AddNOCICA, cert: "VvscIcaCert1", vvsc: true, signer: vendor1, setup: func(e env) { e.noc("VvscRootCert1", 1, VIDSignerPKI) }},
		{id: "B.4.3", name: "SameSubjectAndSkid_DifferentSerialNumber", kind: AddNOCICA, cert: "NocCert1Copy", signer: vendor1, setup: func(e env) {
			e.noc("NocRootCert1", 1, OperationalPKI)
			e.noc("NocCert1", 1, OperationalPKI)
		}},
		{id: "B.4.4", name: "SameSubjectAndSkid_DifferentSerialNumber_VVSC", kind: AddNOCICA, cert: "VvscIcaCert1Copy", vvsc: true, signer: vendor1, setup: func(e env) {
			e.noc("VvscRootCert1", 1, VIDSignerPKI)
			e.noc("VvscIcaCert1", 1, VIDSignerPKI)
		}},
		{id: "B.4.5", name: "ByNotOwnerButSameVendor", kind: AddNOCICA, cert: "NocCert1Copy", signer: Account{Address: addr("vendorB"), VendorID: 1, Roles: []string{"Vendor"}}, setup: func(e env) {
			e.noc("NocRootCert1", 1, OperationalPKI)
			e.noc("NocCert1", 1, OperationalPKI)
		}},
		{id: "B.4.6", name: "ByNotOwnerButSameVendor_VVSC", kind: AddNOCICA, cert: "VvscIcaCert1Copy", vvsc: true, signer: Account{Address: addr("vendorB"), VendorID: 1, Roles: []string{"Vendor"}}, setup: func(e env) {
			e.noc("VvscRootCert1", 1, VIDSignerPKI)
			e.noc("VvscIcaCert1", 1, VIDSignerPKI)
		}},
		{id: "B.4.7", name: "SenderNotVendor", kind: AddNOCICA, cert: "NocCert1", signer: trustee1, want: CodeUnauthorized, setup: func(e env) { e.noc("NocRootCert1", 1, OperationalPKI) }},
		{id: "B.4.8", name: "Root_VID_Does_Not_Equal_To_AccountVID", kind: AddNOCICA, cert: "NocCert1", signer: v(1111), want: CodeCertVidNotEqualAccountVid, setup: func(e env) { e.noc("NocRootCert1", 1, OperationalPKI) }},
		{id: "B.4.9", name: "Root_VID_Does_Not_Equal_To_AccountVID_VVSC", kind: AddNOCICA, cert: "VvscIcaCert1", vvsc: true, signer: v(1111), want: CodeCertVidNotEqualAccountVid, setup: func(e env) { e.noc("VvscRootCert1", 1, VIDSignerPKI) }},
		{id: "B.4.10a", name: "ForInvalidCertificate", kind: AddNOCICA, cert: "StubCertPem", signer: vendor1, want: CodeInvalidCertificate},
		{id: "B.4.10b", name: "ForInvalidCertificate_VVSC", kind: AddNOCICA, cert: "StubCertPem", vvsc: true, signer: vendor1, want: CodeInvalidCertificate},
		{id: "B.4.11a", name: "ForNonCACertificate", kind: AddNOCICA, cert: "LeafCertWithoutBasicConstraints", signer: vendor1, want: CodeInappropriateCertificateType},
		{id: "B.4.11b", name: "ForNonCACertificate_VVSC", kind: AddNOCICA, cert: "LeafCertWithoutBasicConstraints", vvsc: true, signer: vendor1, want: CodeInvalidCertificate},
		{id: "B.4.12a", name: "ForRootNonNocCertificate", kind: AddNOCICA, cert: "IntermediateCertWithVid1", signer: vendor1, want: CodeInappropriateCertificateType, setup: root("RootCertWithVid", 65521)},
		{id: "B.4.12b", name: "ForRootNonNocCertificate_VVSC", kind: AddNOCICA, cert: "IntermediateCertWithVid1", vvsc: true, signer: vendor1, want: CodeInappropriateCertificateType, setup: root("RootCertWithVid", 65521)},
		{id: "B.4.13", name: "WhenNocRootCertIsAbsent", kind: AddNOCICA, cert: "NocCert1", signer: vendor1, want: CodeCertificateDoesNotExist},
		{id: "B.4.14", name: "WhenNocRootCertIsAbsent_VVSC", kind: AddNOCICA, cert: "VvscIcaCert1", vvsc: true, signer: vendor1, want: CodeCertificateDoesNotExist},
		{id: "B.4.15a", name: "CertificateExist/Duplicate", kind: AddNOCICA, cert: "NocCert1", signer: vendor1, want: CodeCertificateAlreadyExists, setup: func(e env) {
			e.noc("NocRootCert1", 1, OperationalPKI)
			r := record(e.t, "NocCert1")
			e.l.AddUsedSerial(r.Issuer, r.SerialNumber)
		}},
		{id: "B.4.15b", name: "CertificateExist/ExistingIsRootCert", kind: AddNOCICA, cert: "NocCert1", signer: vendor1, want: CodeUnauthorized, head: CodeUnauthorizedCertIssuer, setup: existingICA("NocCert1", OperationalPKI, func(r *Record) { r.IsRoot, r.Issuer, r.AuthorityKeyID = true, "", "" })},
		{id: "B.4.15c", name: "CertificateExist/ExistingWithDifferentIssuer", kind: AddNOCICA, cert: "NocCert1", signer: vendor1, want: CodeUnauthorized, head: CodeUnauthorizedCertIssuer, setup: existingICA("NocCert1", OperationalPKI, func(r *Record) { r.Issuer = "RootIssuer" })},
		{id: "B.4.15d", name: "CertificateExist/ExistingWithDifferentAuthorityKeyId", kind: AddNOCICA, cert: "NocCert1", signer: vendor1, want: CodeUnauthorized, head: CodeUnauthorizedCertIssuer, setup: existingICA("NocCert1", OperationalPKI, func(r *Record) { r.AuthorityKeyID = "AA:BB" })},
		{id: "B.4.15e", name: "CertificateExist/ExistingNotNocCert", kind: AddNOCICA, cert: "NocCert1", signer: vendor1, want: CodeInappropriateCertificateType, setup: existingICA("NocCert1", OperationalPKI, func(r *Record) { r.Type = DeviceAttestationPKI })},
		{id: "B.4.15f", name: "CertificateExist/ExistingCertWithDifferentVid", kind: AddNOCICA, cert: "NocCert1", signer: vendor1, want: CodeUnauthorized, setup: existingICA("NocCert1", OperationalPKI, func(r *Record) { r.VID = 1000 })},
		{id: "B.4.15g", name: "CertificateExist_VVSC/Duplicate", kind: AddNOCICA, cert: "VvscIcaCert1", vvsc: true, signer: vendor1, want: CodeCertificateAlreadyExists, setup: func(e env) {
			e.noc("VvscRootCert1", 1, VIDSignerPKI)
			r := record(e.t, "VvscIcaCert1")
			e.l.AddUsedSerial(r.Issuer, r.SerialNumber)
		}},
		{id: "B.4.15h", name: "CertificateExist_VVSC/ExistingIsRootCert", kind: AddNOCICA, cert: "VvscIcaCert1", vvsc: true, signer: vendor1, want: CodeUnauthorized, head: CodeUnauthorizedCertIssuer, setup: existingICA("VvscIcaCert1", VIDSignerPKI, func(r *Record) { r.IsRoot, r.Issuer, r.AuthorityKeyID = true, "", "" })},
		{id: "B.4.15i", name: "CertificateExist_VVSC/ExistingWithDifferentIssuer", kind: AddNOCICA, cert: "VvscIcaCert1", vvsc: true, signer: vendor1, want: CodeUnauthorized, head: CodeUnauthorizedCertIssuer, setup: existingICA("VvscIcaCert1", VIDSignerPKI, func(r *Record) { r.Issuer = "RootIssuer" })},
		{id: "B.4.15j", name: "CertificateExist_VVSC/ExistingWithDifferentAuthorityKeyId", kind: AddNOCICA, cert: "VvscIcaCert1", vvsc: true, signer: vendor1, want: CodeUnauthorized, head: CodeUnauthorizedCertIssuer, setup: existingICA("VvscIcaCert1", VIDSignerPKI, func(r *Record) { r.AuthorityKeyID = "AA:BB" })},
		{id: "B.4.15k", name: "CertificateExist_VVSC/ExistingNotNocCert", kind: AddNOCICA, cert: "VvscIcaCert1", vvsc: true, signer: vendor1, want: CodeInappropriateCertificateType, setup: existingICA("VvscIcaCert1", VIDSignerPKI, func(r *Record) { r.Type = DeviceAttestationPKI })},
		{id: "B.4.15l", name: "CertificateExist_VVSC/ExistingCertWithDifferentVid", kind: AddNOCICA, cert: "VvscIcaCert1", vvsc: true, signer: vendor1, want: CodeUnauthorized, setup: existingICA("VvscIcaCert1", VIDSignerPKI, func(r *Record) { r.VID = 1000 })},
		{id: "B.4.16", name: "MatterSpecExample_ICAC", kind: AddNOCICA, cert: "MatterSpecICAC", signer: vendor1, setup: func(e env) { e.noc("MatterSpecRCAC", 1, OperationalPKI) }},
		{id: "B.4.17", name: "MatterSpecExample_NOC_Rejected", kind: AddNOCICA, cert: "MatterSpecNOC", signer: vendor1, want: CodeInappropriateCertificateType, setup: func(e env) {
			e.noc("MatterSpecRCAC", 1, OperationalPKI)
			e.noc("MatterSpecICAC", 1, OperationalPKI)
		}},

		// B.5 MsgAddPkiRevocationDistributionPoint
		{id: "B.5.2", name: "SameCertificateWithDifferentWhitespaces", kind: AddRevocationPoint, point: pt("PAACertWithNumericVidDifferentWhitespaces", 0xFFF1, 0, true, dataURL("https://url.data.dclmodel/1")), signer: v(65521), setup: root("PAACertWithNumericVid", 65521)},
		{id: "B.5.3a", name: "PAASenderNotVendor", kind: AddRevocationPoint, point: paaWithNumericVid, signer: with(v(0xFFF1), "CertificationCenter"), want: CodeUnauthorized},
		{id: "B.5.3b", name: "PAISenderNotVendor", kind: AddRevocationPoint, point: paiWithNumericVidPid, signer: with(v(0xFFF1), "CertificationCenter"), want: CodeUnauthorized},
		{id: "B.5.3c", name: "PAACertEncodesVidSenderVidNotEqualVidField", kind: AddRevocationPoint, point: paaWithNumericVid, signer: vendor1, want: CodeMessageVidNotEqualAccountVid},
		{id: "B.5.3d", name: "PAACertNotFound", kind: AddRevocationPoint, point: paaWithNumericVid, signer: v(0xFFF1), want: CodeCertificateDoesNotExist},
		{id: "B.5.3e", name: "PAINotChainedBackToDCLCerts", kind: AddRevocationPoint, point: paiWithNumericVidPid, signer: v(0xFFF1), want: CodeCertNotChainedBack},
		{id: "B.5.3f", name: "InvalidCertificate", kind: AddRevocationPoint, point: pt("invalidpem", 0xFFF1, 0, true), signer: v(0xFFF1), want: CodeInvalidCertificate},
		{id: "B.5.3g", name: "PAANotOnLedger", kind: AddRevocationPoint, point: paaWithNumericVid, signer: v(0xFFF1), want: CodeCertificateDoesNotExist, setup: root("RootCertPem", 1)},
		{id: "B.5.3h", name: "PAANoVid_LedgerPAANoVid", kind: AddRevocationPoint, point: paaNoVid(1), signer: vendor1, want: CodeMessageVidNotEqualRootCertVid, setup: root("PAACertNoVid", 1000)},
		{id: "B.5.3j", name: "Invalid PAI Delegator certificate", kind: AddRevocationPoint, point: pt("LeafCertWithVid", 0xFFF1, 0, false, delegator("invalid"), isid("IntermediateCertWithVid1")), signer: v(0xFFF1), want: CodeInvalidCertificate, setup: root("RootCertWithVid", 65521)},
		{id: "B.5.3k", name: "CRL Signer not chained back to Delegator PAI", kind: AddRevocationPoint, point: pt("LeafCertWithVid", 0xFFF1, 0, false, delegator("IntermediateCertPem")), signer: v(0xFFF1), want: CodeCertNotChainedBack, setup: root("RootCertWithVid", 65521)},
		{id: "B.5.3l", name: "Delegated CRL Signer not chained back to root", kind: AddRevocationPoint, point: leafWithVid, signer: v(0xFFF1), want: CodeCertNotChainedBack, setup: root("RootCertPem", 1)},
		{id: "B.5.4", name: "PAAAlreadyExists", kind: AddRevocationPoint, point: paaWithNumericVid, signer: v(0xFFF1), want: CodeRevocationPointAlreadyExists, setup: all(root("PAACertWithNumericVid", 65521), stored(paaWithNumericVid))},
		{id: "B.5.5a", name: "PositiveCases/PAAWithVid", kind: AddRevocationPoint, point: paaWithNumericVid, signer: v(0xFFF1), setup: root("PAACertWithNumericVid", 65521)},
		{id: "B.5.5b", name: "PositiveCases/PAIWithNumericVidPid", kind: AddRevocationPoint, point: paiWithNumericVidPid, signer: v(0xFFF1), setup: root("PAACertWithNumericVid", 65521)},
		{id: "B.5.5c", name: "PositiveCases/PAIWithStringVidPid", kind: AddRevocationPoint, point: paiWithVidPid, signer: v(0xFFF2), setup: root("PAACertNoVid", 0xFFF2)},
		{id: "B.5.5d", name: "PositiveCases/PAANoVid", kind: AddRevocationPoint, point: paaNoVid(1000), signer: v(1000), setup: root("PAACertNoVid", 1000)},
		{id: "B.5.5e", name: "PositiveCases/PAIWithVid", kind: AddRevocationPoint, point: paiWithVid, signer: v(0xFFF2), setup: root("PAACertNoVid", 0xFFF2)},
		{id: "B.5.5f", name: "PositiveCases/CrlSignerDelegatedByPAI", kind: AddRevocationPoint, point: leafWithVid, signer: v(0xFFF1), setup: root("RootCertWithVid", 65521)},
		{id: "B.5.5g", name: "PositiveCases/CrlSignerDelegatedByPAA", kind: AddRevocationPoint, point: pt("PAICertWithVid", 65522, 0, false, isid("RootCertPem")), signer: v(65522), setup: root("PAACertNoVid", 65522)},
		{id: "B.5.6a", name: "DataURLNotUnique/same URL new label", kind: AddRevocationPoint, point: pt("PAICertWithPidVid", 0xFFF2, 0x8004, false, label("label-new")), signer: v(0xFFF2), want: CodeRevocationPointAlreadyExists, setup: all(root("PAACertNoVid", 1), stored(paiWithVidPid))},
		{id: "B.5.6b", name: "DataURLNotUnique/same URL other vid", kind: AddRevocationPoint, point: paaNoVid(1), signer: vendor1, setup: all(root("PAACertNoVid", 1), stored(paiWithVidPid))},

		// B.6 MsgUpdatePkiRevocationDistributionPoint
		{id: "B.6.1", name: "PAASenderNotVendor", kind: UpdateRevocationPoint, point: paaWithNumericVid, signer: with(v(0xFFF1), "CertificationCenter"), want: CodeUnauthorized, setup: all(root("PAACertWithNumericVid", 65521), stored(paaWithNumericVid))},
		{id: "B.6.2", name: "PAISenderNotVendor", kind: UpdateRevocationPoint, point: paiWithNumericVidPid, signer: with(v(0xFFF1), "CertificationCenter"), want: CodeUnauthorized, setup: all(root("PAACertWithNumericVid", 65521), stored(paiWithNumericVidPid))},
		{id: "B.6.3", name: "PAASenderVidNotEqualCertVid", kind: UpdateRevocationPoint, point: paaWithNumericVid, signer: v(1000), want: CodeMessageVidNotEqualAccountVid, setup: all(root("PAACertWithNumericVid", 65521), stored(paaWithNumericVid))},
		{id: "B.6.4", name: "PAISenderVidNotEqualCertVid", kind: UpdateRevocationPoint, point: paiWithVidPid, signer: v(1000), want: CodeMessageVidNotEqualAccountVid, setup: all(root("PAACertNoVid", 0xFFF2), stored(paiWithVidPid))},
		{id: "B.6.5", name: "PAIPidNotFound", kind: UpdateRevocationPoint, point: pt("PAICertWithVid", 0xFFF2, 0, false), signer: v(0xFFF2), want: CodePidNotFound, setup: all(root("PAACertNoVid", 0xFFF2), stored(paiWithVidPid))},
		{id: "B.6.6", name: "DistributionPointNotFound", kind: UpdateRevocationPoint, point: paaWithNumericVid, signer: v(0xFFF1), want: CodeRevocationPointDoesNotExist},
		{id: "B.6.7", name: "PAANewCertificateNotPAA", kind: UpdateRevocationPoint, point: pt("PAICertWithNumericPidVid", 0xFFF1, 0, true), signer: v(0xFFF1), want: CodeRootCertificateIsNotSelfSigned, setup: all(root("PAACertWithNumericVid", 65521), stored(paaWithNumericVid))},
		{id: "B.6.8", name: "PAANotOnLedger", kind: UpdateRevocationPoint, point: pt("PAACertWithNumericVid", 0xFFF1, 0, true), signer: v(0xFFF1), want: CodeCertificateDoesNotExist, setup: all(root("PAACertNoVid", 0xFFF1), stored(paaNoVid(0xFFF1)))},
		{id: "B.6.9", name: "DataFieldsProvidedWhenRevocationType1", kind: UpdateRevocationPoint, point: pt("", 0xFFF1, 0, true, dataURL("https://url.data.dclmodel/new"), func(_ *testing.T, p *Point) {
			p.DataFileSize, p.DataDigest, p.DataDigestType = 123, "digest", 1
		}), signer: v(0xFFF1), want: CodeDataFieldPresented, setup: all(root("PAACertWithNumericVid", 65521), stored(paaWithNumericVid))},
		{id: "B.6.10", name: "Invalid PAI Delegator certificate", kind: UpdateRevocationPoint, point: pt("LeafCertWithVid", 0xFFF1, 0, false, delegator("invalid"), isid("IntermediateCertWithVid1")), signer: v(0xFFF1), want: CodeInvalidCertificate, setup: all(root("RootCertWithVid", 65521), stored(pt("LeafCertWithVid", 0xFFF1, 0, false, delegator("IntermediateCertWithVid1"))))},
		{id: "B.6.11", name: "CRL Signer not chained back to Delegator PAI", kind: UpdateRevocationPoint, point: pt("LeafCertWithVid", 0xFFF1, 0, false, delegator("IntermediateCertPem"), isid("IntermediateCertWithVid1")), signer: v(0xFFF1), want: CodeCertNotChainedBack, setup: all(root("RootCertWithVid", 65521), stored(leafWithVid))},
		{id: "B.6.12", name: "PAANewCertificateInvalid", kind: UpdateRevocationPoint, point: pt("StubCertPem", 0xFFF1, 0, true), signer: v(0xFFF1), want: CodeInvalidCertificate, setup: all(root("PAACertWithNumericVid", 65521), stored(paaWithNumericVid))},
		{id: "B.6.13", name: "PAINewCertificateInvalid", kind: UpdateRevocationPoint, point: pt("StubCertPem", 0xFFF1, 0x8000, false), signer: v(0xFFF1), want: CodeInvalidCertificate, setup: all(root("PAACertWithNumericVid", 65521), stored(paiWithNumericVidPid))},
		{id: "B.6.14", name: "PAINewCertificateSelfSigned", kind: UpdateRevocationPoint, point: pt("PAACertWithNumericVid", 0xFFF1, 0x8000, false), signer: v(0xFFF1), want: CodeNonRootCertificateSelfSigned, setup: all(root("PAACertWithNumericVid", 65521), stored(paiWithNumericVidPid))},
		{id: "B.6.15", name: "SameCertificateWithDifferentWhitespaces", kind: UpdateRevocationPoint, point: pt("PAACertWithNumericVidDifferentWhitespaces", 0xFFF1, 0, true), signer: v(0xFFF1), setup: all(root("PAACertWithNumericVid", 65521), stored(paaWithNumericVid))},
		{id: "B.6.16", name: "NotUniqueDataURLForIssuer", kind: UpdateRevocationPoint, point: pt("", 0xFFF1, 0, true, dataURL("https://url.data.dclmodel/2")), signer: v(0xFFF1), want: CodeRevocationPointAlreadyExists, setup: all(root("PAACertWithNumericVid", 65521),
			stored(pt("PAACertWithNumericVid", 0xFFF1, 0, true, dataURL("https://url.data.dclmodel/1"))), stored(pt("PAACertWithNumericVid", 0xFFF1, 0, true, label("label1"), dataURL("https://url.data.dclmodel/2"))))},
		{id: "B.6.17", name: "DataURLNotUnique (per vid)", kind: UpdateRevocationPoint, point: pt("", 1, 0, true), signer: vendor1, setup: all(root("PAACertNoVid", 1),
			stored(pt("PAICertWithPidVid", 0xFFF2, 0x8004, false, dataURL("https://url.data.dclmodel/fff2"))), stored(paaNoVid(1)))},
		{id: "B.6.18", name: "PAI_NotChainedOnLedger (root revoked)", kind: UpdateRevocationPoint, point: paiWithNumericVidPid, signer: v(0xFFF1), want: CodeCertNotChainedBack, setup: all(func(e env) {
			e.l.AddRevoked(record(e.t, "PAACertWithNumericVid"))
		}, stored(paiWithNumericVidPid))},
		{id: "B.6.19", name: "PAI_VID_TO_PAI_DifferentVID", kind: UpdateRevocationPoint, point: pt("IntermediateCertWithVid2", 0xFFF1, 0x8000, false), signer: v(0xFFF1), want: CodeCRLSignerVidNotEqualPointVid, setup: all(root("PAACertWithNumericVid", 65521), root("RootCertPem", 1), stored(paiWithNumericVidPid))},
		{id: "B.6.20", name: "PAI_VID_TO_PAI_NOVID", kind: UpdateRevocationPoint, point: pt("IntermediateCertPem", 65521, 0, false), signer: v(65521), setup: all(root("RootCertPem", 1), stored(pt("IntermediateCertPem", 65521, 0, false)))},
		{id: "B.6.21", name: "PAA_NOVID_DifferentVID", kind: UpdateRevocationPoint, point: pt("RootCertPem", 1000, 0, true), signer: v(1000), want: CodeMessageVidNotEqualRootCertVid, setup: all(root("PAACertNoVid", 1000), root("RootCertPem", 1), stored(paaNoVid(1000)))},
		{id: "B.6.22a", name: "PAA_VID/same cert and URL", kind: UpdateRevocationPoint, point: paaWithNumericVid, signer: v(0xFFF1), setup: all(root("PAACertWithNumericVid", 65521), stored(paaWithNumericVid))},
		{id: "B.6.22b", name: "PAA_VID/no cert", kind: UpdateRevocationPoint, point: pt("", 0xFFF1, 0, true), signer: v(0xFFF1), setup: all(root("PAACertWithNumericVid", 65521), stored(paaWithNumericVid))},
		{id: "B.6.22c", name: "PAA_VID/new URL", kind: UpdateRevocationPoint, point: pt("", 0xFFF1, 0, true, dataURL("https://url.data.dclmodel/new")), signer: v(0xFFF1), setup: all(root("PAACertWithNumericVid", 65521), stored(paaWithNumericVid))},
		{id: "B.6.23", name: "PAA_NOVID/same cert", kind: UpdateRevocationPoint, point: paaNoVid(1000), signer: v(1000), setup: all(root("PAACertNoVid", 1000), stored(paaNoVid(1000)))},
		{id: "B.6.24", name: "PAI_VIDPID/same cert", kind: UpdateRevocationPoint, point: paiWithNumericVidPid, signer: v(0xFFF1), setup: all(root("PAACertWithNumericVid", 65521), stored(paiWithNumericVidPid))},
		{id: "B.6.25", name: "PAIWithoutPid", kind: UpdateRevocationPoint, point: paiWithVid, signer: v(0xFFF2), setup: all(root("PAACertNoVid", 0xFFF2), stored(paiWithVid))},
		{id: "B.6.26a", name: "PAA_NOVID_TO_PAA_NOVID", kind: UpdateRevocationPoint, point: pt("RootCertPem", 1, 0, true), signer: vendor1, setup: all(root("PAACertNoVid", 1), root("RootCertPem", 1), stored(paaNoVid(1)))},
		{id: "B.6.26b", name: "PAA_NOVID_TO_PAA_VID", kind: UpdateRevocationPoint, point: paaWithNumericVid, signer: v(0xFFF1), setup: all(root("PAACertNoVid", 0xFFF1), root("PAACertWithNumericVid", 0xFFF1), stored(paaWithNumericVid))},
		{id: "B.6.26c", name: "PAA_VID_TO_PAA_NOVID", kind: UpdateRevocationPoint, point: pt("PAACertNoVid", 0xFFF1, 0, true), signer: v(0xFFF1), setup: all(root("PAACertNoVid", 0xFFF1), root("PAACertWithNumericVid", 0xFFF1), stored(paaWithNumericVid))},
		{id: "B.6.26d", name: "CrlSignerDelegatedByPAI", kind: UpdateRevocationPoint, point: leafWithVid, signer: v(0xFFF1), setup: all(root("RootCertPem", 1), root("RootCertWithVid", 0xFFF1), stored(leafWithVid))},
		{id: "B.6.27", name: "StoredCertificateUndecodable", kind: UpdateRevocationPoint, point: paaWithNumericVid, signer: v(0xFFF1), want: CodeInvalidCertificate, setup: all(root("PAACertWithNumericVid", 65521), func(e env) {
			p := paaWithNumericVid(e.t)
			p.CRLSignerCertificate = "not a certificate"
			e.point(p)
		})},
	}
}

func existingICA(name string, typ CertType, f func(r *Record)) func(e env) {
	return func(e env) {
		if typ == VIDSignerPKI {
			e.noc("VvscRootCert1", 1, VIDSignerPKI)
		} else {
			e.noc("NocRootCert1", 1, OperationalPKI)
		}
		r := record(e.t, name)
		r.SerialNumber, r.Type, r.VID = "99", typ, 1
		f(r)
		e.l.AddCertificate(r)
	}
}

func (tc dclCase) tx(t *testing.T, target Version) *Tx {
	tx := &Tx{Kind: tc.kind, VID: tc.vid, VVSC: tc.vvsc, Signer: tc.signer, At: blockTime, Target: target}
	if tc.cert != "" {
		tx.Cert = pemOf(t, tc.cert)
	}
	if tc.point != nil {
		p := tc.point(t)
		tx.Point = &p
	}
	return tx
}

// TestDCLHandlerCases replays the DCL's own keeper handler tests: same
// message, account, ledger state and expected error, on our fixtures, for
// both releases.
func TestDCLHandlerCases(t *testing.T) {
	for _, tc := range dclCases() {
		for _, target := range []Version{V1_6_0, Head} {
			t.Run(tc.id+" "+tc.name+" "+target.String(), func(t *testing.T) {
				l := &Ledger{}
				if tc.setup != nil {
					tc.setup(env{t, l})
				}
				res := Check(tc.tx(t, target), l)
				want := tc.want
				if target == Head && tc.head != 0 {
					want = tc.head
				}
				var got Code
				if f := res.First(); f != nil {
					got = f.Code
				}
				if got != want || res.Accepted != (want == 0) {
					t.Fatalf("got %v (accepted %v), want %v\nfailures: %+v", got, res.Accepted, want, res.Failures)
				}
				if want != 0 && !errors.Is(res.Err(), want) {
					t.Errorf("errors.Is(res.Err(), %v) is false", want)
				}
			})
		}
	}
}
