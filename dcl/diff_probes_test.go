package dcl

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Regression probes for the disagreements the differential run against the
// DCL's keeper (x/pki at 7319bed3) found: each has a transaction the DCL
// accepts and one it rejects, on the fixtures' deterministic keys.

// A signer address that the ledger's accounts do not list has no account:
// the DCL's HasRole is false, so every handler answers sdk
// ErrUnauthorized (4) before looking at the certificate.
func TestDiffProbeUnknownSigner(t *testing.T) {
	for _, tc := range []struct {
		name     string
		accounts []Account
		signer   Account
		want     Code
	}{
		{"listed trustee", []Account{trustee1, trustee2}, Account{Address: trustee1.Address}, 0},
		{"not listed", []Account{trustee1, trustee2}, Account{Address: addr("stranger")}, CodeUnauthorized},
		{"not listed, --signer-vid given", []Account{trustee1}, Account{Address: addr("stranger"), VendorID: 65521}, CodeUnauthorized},
		{"ledger without accounts", nil, Account{Address: addr("stranger")}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := &Ledger{}
			for _, a := range tc.accounts {
				l.AddAccount(a)
			}
			tx := &Tx{Kind: ProposeRoot, Cert: pemOf(t, "PAACertWithNumericVid"), VID: 0xFFF1, Signer: tc.signer, At: blockTime}
			res := Check(tx, l)
			if got := firstCode(res); got != tc.want {
				t.Fatalf("got %v, want %v (%+v)", got, tc.want, res.Failures)
			}
		})
	}
	// The same for a vendor message.
	l := &Ledger{}
	l.AddAccount(vendor1)
	e := env{t, l}
	e.noc("NocRootCert1", 1, OperationalPKI)
	tx := &Tx{Kind: AddNOCICA, Cert: pemOf(t, "NocCert1"), Signer: Account{Address: addr("stranger")}, At: blockTime}
	if got := firstCode(Check(tx, l)); got != CodeUnauthorized {
		t.Fatalf("add-noc-ica by an unlisted signer: got %v", got)
	}
	tx.Signer = Account{Address: vendor1.Address}
	if got := firstCode(Check(tx, l)); got != 0 {
		t.Fatalf("add-noc-ica by the listed vendor: got %v", got)
	}
}

// A revoked NOC certificate keeps its (issuer, serial) in the DCL's
// UniqueCertificate index: a new NOC certificate reusing them is rejected
// with ErrCertificateAlreadyExists (403). The snapshot reads the revoked
// NOC listings for that.
func TestDiffProbeRevokedNOCSerial(t *testing.T) {
	for _, tc := range []struct {
		name, file, key, revoked, submit string
		kind                             Kind
		want                             Code
	}{
		{"ica, serial of a revoked ica", FileRevokedNOCICAs, "revokedNocIcaCertificates", "NocCert1", "NocCert1", AddNOCICA, CodeCertificateAlreadyExists},
		{"ica, other serial", FileRevokedNOCICAs, "revokedNocIcaCertificates", "NocCert1", "NocCert1Copy", AddNOCICA, 0},
		{"root, serial of a revoked root", FileRevokedNOCRoots, "revokedNocRootCertificates", "NocRootCert2", "NocRootCert2", AddNOCRoot, CodeCertificateAlreadyExists},
		{"root, other serial", FileRevokedNOCRoots, "revokedNocRootCertificates", "NocRootCert2", "NocRootCert3", AddNOCRoot, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			r := record(t, tc.revoked)
			issuer := r.Issuer
			if issuer == "" {
				issuer = r.Subject
			}
			list := map[string]any{
				tc.key: []any{map[string]any{
					"subject": r.Subject, "subjectKeyId": r.SubjectKeyID,
					"certs": []any{map[string]any{"pemCert": r.PEM, "issuer": issuer, "serialNumber": r.SerialNumber,
						"subject": r.Subject, "subjectKeyId": r.SubjectKeyID, "isRoot": r.IsRoot, "vid": 1, "certificateType": "OperationalPKI"}},
				}},
				"pagination": map[string]any{"next_key": nil, "total": "1"},
			}
			b, err := json.Marshal(list)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, tc.file), b, 0o644); err != nil {
				t.Fatal(err)
			}
			l, err := LoadSnapshot(dir, 0)
			if err != nil {
				t.Fatal(err)
			}
			if tc.kind == AddNOCICA {
				env{t, l}.noc("NocRootCert1", 1, OperationalPKI)
			}
			tx := &Tx{Kind: tc.kind, Cert: pemOf(t, tc.submit), Signer: vendor1, At: blockTime}
			res := Check(tx, l)
			if got := firstCode(res); got != tc.want {
				t.Fatalf("got %v, want %v (%+v)", got, tc.want, res.Failures)
			}
		})
	}
}

func firstCode(res *Result) Code {
	if f := res.First(); f != nil {
		return f.Code
	}
	return 0
}
