package lint_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/matterlint/matterlint/dcl"
	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// dclBlockTime is the block time of the dcl package's replayed cases.
var dclBlockTime = time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)

func dclProfile(t *testing.T) *lint.Registry {
	t.Helper()
	reg, err := lint.Default().Select("dcl", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// TestDCLProfileAcceptsWhatTheDCLAccepts: every fixture certificate the
// DCL accepts in the dcl package's replay of its own handler tests
// (dcl/cases_test.go: the cases with no error), linted as the role of its
// message with --profile dcl and the block time as --at, has no error.
func TestDCLProfileAcceptsWhatTheDCLAccepts(t *testing.T) {
	reg := dclProfile(t)
	for _, tc := range []struct {
		role  string
		certs []string
	}{
		{"paa", []string{"RootCertPem", "PAACertWithNumericVid"}}, // propose-root
		{"pai", []string{"IntermediateCertPem", "PAICertWithNumericPidVid", "PAICertWithNumericVid", // add-cert
			"IntermediateWithSameSubjectAndSKID1", "IntermediateWithSameSubjectAndSKID2"}},
		{"dac", []string{"LeafCertPem", "MatterSpecDAC"}},                                            // add-cert
		{"rcac", []string{"NocRootCert1", "NocRootCert1Copy", "MatterSpecRCAC"}},                     // add-noc-root
		{"icac", []string{"NocCert1", "NocCert1Copy", "MatterSpecICAC"}},                             // add-noc-ica
		{"vvsc", []string{"VvscRootCert1", "VvscRootCert1Copy", "VvscIcaCert1", "VvscIcaCert1Copy"}}, // --vvsc
	} {
		role, err := matterext.ParseRole(tc.role)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range tc.certs {
			c := testutilParsePEM(t, fixtures.DCLPEM(name))
			for _, f := range reg.Lint(c, lint.Options{Role: role, At: dclBlockTime}).Findings {
				if f.Severity() == lint.Error {
					t.Errorf("%s as %s: %s: %s", name, tc.role, f.Rule.Name, f.Message)
				}
			}
		}
	}
}

// dclTx is the message a certificate of role r is submitted with.
func dclTx(r matterext.Role, c *matterext.Certificate, pemText string) *dcl.Tx {
	tx := &dcl.Tx{Cert: pemText, VID: 0xA0B1, At: dclBlockTime}
	switch r {
	case matterext.RolePAA:
		tx.Kind = dcl.ProposeRoot
	case matterext.RolePAI, matterext.RoleDAC:
		tx.Kind = dcl.AddCert
	case matterext.RoleRCAC:
		tx.Kind = dcl.AddNOCRoot
	case matterext.RoleICAC:
		tx.Kind = dcl.AddNOCICA
	case matterext.RoleVVSC:
		tx.Kind, tx.VVSC = dcl.AddNOCICA, true
		if c.SelfIssued() {
			tx.Kind = dcl.AddNOCRoot
		}
	default:
		return nil
	}
	return tx
}

// TestDCLProfileRejectionsHaveAFinding: every rule fixture that the DCL
// rejects from the certificate alone — a failure of ParseAndValidateCertificate
// and the profile options of x/pki/x509/x509.go, the root self-signed checks
// (414, 420) and crypto/x509 Verify of a self-signed certificate at block
// time — submitted with the message of its role, has an error finding of
// --profile dcl. The valid certificates of each role are accepted.
func TestDCLProfileRejectionsHaveAFinding(t *testing.T) {
	reg := dclProfile(t)
	fromCert := func(f dcl.Failure) bool {
		return strings.Contains(f.Citation, "x/pki/x509/x509.go") || f.Code == 414 || f.Code == 420 ||
			(f.Code == 409 && strings.Contains(f.Message, "self-signed certificate"))
	}
	rejected := 0
	for _, tc := range fixtures.AllCases() {
		if tc.Build == nil {
			continue
		}
		role, err := matterext.ParseRole(tc.Role)
		if err != nil {
			t.Fatal(err)
		}
		der := tc.Build().DER()
		c, err := matterext.ParseCertificate(der)
		if err != nil {
			t.Fatal(err)
		}
		tx := dclTx(role, c, string(fixtures.PEM(der)))
		if tx == nil {
			continue
		}
		var first *dcl.Failure
		for _, f := range dcl.Check(tx, &dcl.Ledger{}).Failures {
			if fromCert(f) {
				first = &f
				break
			}
		}
		if first == nil {
			continue
		}
		rejected++
		errs := 0
		for _, f := range reg.Lint(c, lint.Options{Role: role, At: dclBlockTime}).Findings {
			if f.Severity() == lint.Error {
				errs++
			}
		}
		if errs == 0 {
			t.Errorf("%s (%s): the DCL rejects it (%s %s: %s), lint --profile dcl has no error", tc.Rule, tc.Role, first.Code, first.Citation, first.Message)
		}
	}
	if rejected < 10 {
		t.Errorf("only %d fixtures rejected by the DCL's profile checks", rejected)
	}
	t.Logf("%d rule fixtures rejected by the DCL from the certificate alone", rejected)
}

// TestDCLProfileVerifyChecks: what the DCL's crypto/x509 Verify of a
// self-signed root at block time rejects (409) — expired, an unknown
// critical extension, an extKeyUsage without serverAuth — is an error of
// --profile dcl, for a PAA and for a VVSC trust anchor.
func TestDCLProfileVerifyChecks(t *testing.T) {
	reg := dclProfile(t)
	ekuClientAuth := fixtures.Ext{OID: []byte{0x55, 0x1D, 0x25}, Value: []byte{0x30, 0x0A, 0x06, 0x08, 0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02}}
	unknownCritical := fixtures.Ext{OID: []byte{0x2A, 0x03, 0x04}, CriticalRaw: []byte{0x01, 0x01, 0xFF}, Value: []byte{0x05, 0x00}}
	utc := func(s string) []byte { return append([]byte{0x17, byte(len(s))}, s...) }
	expired := append([]byte{0x30, 0x1E}, append(utc("200101000000Z"), utc("210101000000Z")...)...)
	for _, base := range []struct {
		role  matterext.Role
		build func() *fixtures.Cert
	}{{matterext.RolePAA, fixtures.ValidPAA}, {matterext.RoleVVSC, fixtures.ValidVVSC}} {
		for what, mod := range map[string]func(c *fixtures.Cert){
			"expired":                func(c *fixtures.Cert) { c.Validity = expired },
			"unknown critical":       func(c *fixtures.Cert) { c.Extensions = append(c.Extensions, unknownCritical) },
			"EKU without serverAuth": func(c *fixtures.Cert) { c.Extensions = append(c.Extensions, ekuClientAuth) },
		} {
			fc := base.build()
			mod(fc)
			der := fc.DER()
			c, err := matterext.ParseCertificate(der)
			if err != nil {
				t.Fatal(err)
			}
			res := dcl.Check(dclTx(base.role, c, string(fixtures.PEM(der))), &dcl.Ledger{})
			if res.Accepted || res.Failures[0].Code != 409 {
				t.Errorf("%v %s: the DCL gives %+v, want 409", base.role, what, res.Failures)
			}
			var errs []string
			for _, f := range reg.Lint(c, lint.Options{Role: base.role, At: dclBlockTime}).Findings {
				if f.Severity() == lint.Error {
					errs = append(errs, f.Rule.Name)
				}
			}
			if len(errs) == 0 {
				t.Errorf("%v %s: no error of --profile dcl", base.role, what)
			}
		}
	}
}

// variantLedger is the ledger the generated variants are submitted to: the
// valid PAA (assigned VID A0B1) and PAI approved as DA certificates, the
// valid RCAC as an operational root and the valid VVSC as a VID-signer root,
// all owned by vendor VID A0B1.
func variantLedger(t *testing.T) *dcl.Ledger {
	t.Helper()
	l := &dcl.Ledger{}
	for _, c := range []struct {
		b   func() *fixtures.Cert
		typ dcl.CertType
	}{{fixtures.ValidPAA, dcl.DeviceAttestationPKI}, {fixtures.ValidPAI, dcl.DeviceAttestationPKI},
		{fixtures.ValidRCAC, dcl.OperationalPKI}, {fixtures.ValidVVSC, dcl.VIDSignerPKI}} {
		r, err := dcl.NewRecord(string(fixtures.PEM(c.b().DER())))
		if err != nil {
			t.Fatal(err)
		}
		r.VID, r.Type, r.Owner = 0xA0B1, c.typ, "vendor-a0b1"
		l.AddCertificate(r)
	}
	l.AddAccount(dcl.Account{Address: "vendor-a0b1", VendorID: 0xA0B1, Roles: []string{"Vendor"}})
	return l
}

// variantTx is the message a variant of role r is submitted with, by a
// vendor of VID A0B1 (a trustee for propose-root).
func variantTx(r matterext.Role, c *matterext.Certificate, pemText string) *dcl.Tx {
	tx := &dcl.Tx{Cert: pemText, VID: 0xA0B1, At: dclBlockTime, Signer: dcl.Account{VendorID: 0xA0B1}}
	switch r {
	case matterext.RoleCRLSigner:
		tx.Kind, tx.Cert = dcl.AddRevocationPoint, ""
		tx.Point = &dcl.Point{VID: 0xA0B1, Label: "variant", DataURL: "https://example.com/pai.crl", RevocationType: 1,
			IssuerSubjectKeyID: "ABCD", CRLSignerCertificate: pemText, CRLSignerDelegator: string(fixtures.PEM(fixtures.ValidPAI().DER()))}
		return tx
	}
	dtx := dclTx(r, c, pemText)
	if dtx != nil {
		dtx.Signer = tx.Signer
	}
	return dtx
}

// certAlone reports whether a DCL failure comes from the certificate alone
// (not from a message field, the signer or what the ledger holds): the
// ledger of variantLedger holds valid parents, so a failed chain
// verification is the certificate's own (validity, critical extensions,
// extKeyUsage at block time).
func certAlone(f dcl.Failure) bool {
	if strings.HasPrefix(f.Location, "msg.") || strings.Contains(f.Location, "root.") || strings.Contains(f.Location, "issuer.") {
		return false
	}
	switch f.Code {
	case 401, 403, 404, 446, 4, 7, 436, 437, 439, 440, 444, 445, 415, 416, 417, 418, 419, 428:
		return false
	}
	return true
}

// TestDCLProfileAgreesOnVariants: every generated variant (fixtures.DCLVariants:
// each combination of a subject change — lowercase, short, 5-digit or
// PrintableString VIDs, Mvid:/vid= text, repeated or malformed VID/PID —
// with an extension or encoding change — critical certificatePolicies or
// nameConstraints, EKUs, DER defects crypto/x509 tolerates or refuses,
// validity, key usages, key identifiers — on the valid certificate of each
// role the DCL takes) is submitted with the message of its role to
// dcl.Check, our replica of the DCL's keeper (the oracle). Where the DCL
// accepts it, lint --profile dcl --role R --at <block time> has no error;
// where the DCL rejects it from the certificate alone, lint has an error,
// and one of them names the DCL's first reason (its error code).
func TestDCLProfileAgreesOnVariants(t *testing.T) {
	reg := dclProfile(t)
	l := variantLedger(t)
	var accepted, rejected, other int
	perRole := map[string][2]int{}
	for _, v := range fixtures.DCLVariants() {
		role, err := matterext.ParseRole(v.Role)
		if err != nil {
			t.Fatal(err)
		}
		der := v.Cert.DER()
		c, err := matterext.ParseCertificate(der)
		if err != nil {
			continue // matterlint cannot read it at all (lint exits 3)
		}
		res := dcl.Check(variantTx(role, c, string(fixtures.PEM(der))), l)
		var errs []lint.Finding
		for _, f := range reg.Lint(c, lint.Options{Role: role, At: dclBlockTime}).Findings {
			if f.Severity() == lint.Error {
				errs = append(errs, f)
			}
		}
		n := perRole[v.Role]
		switch {
		case res.Accepted:
			accepted++
			n[0]++
			for _, f := range errs {
				t.Errorf("%s: the DCL accepts it; lint --profile dcl: %s: %s", v.Name, f.Rule.Name, f.Message)
			}
		default:
			var first *dcl.Failure
			for i := range res.Failures {
				if certAlone(res.Failures[i]) {
					first = &res.Failures[i]
					break
				}
			}
			if first == nil {
				other++
				t.Logf("%s: rejected for a reason outside the certificate: %s %s", v.Name, res.Failures[0].Code, res.Failures[0].Message)
				continue
			}
			rejected++
			n[1]++
			if len(errs) == 0 {
				t.Errorf("%s: the DCL rejects it (%s %s: %s); lint --profile dcl has no error", v.Name, first.Code, first.Citation, first.Message)
				break
			}
			named := false
			for _, f := range errs {
				if f.Rule.DCLCheck.Code == int(first.Code) || strings.Contains(f.Message, fmt.Sprint(int(first.Code))) {
					named = true
				}
			}
			if !named {
				t.Errorf("%s: the DCL rejects it with %s (%s); no error of lint --profile dcl names it: %v", v.Name, first.Code, first.Message, errs[0].Rule.Name)
			}
		}
		perRole[v.Role] = n
	}
	t.Logf("%d variants accepted by the DCL and clean under --profile dcl, %d rejected from the certificate alone and flagged, %d rejected for other reasons; per role (accepted, rejected): %v", accepted, rejected, other, perRole)
	if accepted < 300 || rejected < 300 || other > 0 {
		t.Errorf("accepted %d, rejected %d, other %d: the variants no longer cover both directions", accepted, rejected, other)
	}
}
