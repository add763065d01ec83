package verify_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/matterext/tlv"
	"github.com/matterlint/matterlint/verify"
)

func seeded(label string, n int) []byte {
	s := sha256.Sum256([]byte(label))
	return s[:n]
}

// response builds the attestation response a device holding key sends for
// the vector's CD.
func response(t *testing.T, key *ecdsa.PrivateKey, cd []byte, name string) *verify.AttestationResponse {
	t.Helper()
	r := &verify.AttestationResponse{Nonce: seeded("nonce "+name, 32), Challenge: seeded("challenge "+name, 16)}
	r.Elements = matterext.EncodeAttestationElements(cd, r.Nonce, 0, nil, nil)
	sign(t, key, r)
	return r
}

func genuineElements(t *testing.T, key *ecdsa.PrivateKey, cd []byte, name string) []byte {
	return response(t, key, cd, name).Elements
}

func sign(t *testing.T, key *ecdsa.PrivateKey, r *verify.AttestationResponse) {
	t.Helper()
	sig, err := matterext.SignAttestation(rand.Reader, key, r.Elements, r.Challenge)
	if err != nil {
		t.Fatal(err)
	}
	r.Signature = sig
}

func failure(res *verify.Result, check string) *verify.Finding {
	for i := range res.Findings {
		if f := &res.Findings[i]; f.Check == check && f.Failure() {
			return f
		}
	}
	return nil
}

// TestAttestationResponseVectors builds, for every SDK vector, the
// attestation response its device would send (signed with the vector's
// dac_private_key, carrying its CD) and checks it as the SDK's test checks
// the vector: the genuine response gives the vector's verdict and code;
// each tampered response fails its check with the SDK's code, which is the
// primary result unless the vector already fails at an earlier SDK step.
func TestAttestationResponseVectors(t *testing.T) {
	store := testPAAs(t)
	now := time.Now().UTC()
	tampers := []struct {
		name  string
		check string
		code  matterext.ResultCode
		do    func(t *testing.T, key *ecdsa.PrivateKey, r *verify.AttestationResponse)
	}{
		{"wrong nonce", verify.CheckResponseNonce, matterext.AttestationNonceMismatch, func(t *testing.T, _ *ecdsa.PrivateKey, r *verify.AttestationResponse) {
			r.Nonce = bytes.Clone(r.Nonce)
			r.Nonce[31] ^= 1
		}},
		{"flipped signature bit", verify.CheckResponseSignature, matterext.AttestationSignatureInvalid, func(t *testing.T, _ *ecdsa.PrivateKey, r *verify.AttestationResponse) {
			r.Signature[7] ^= 0x10
		}},
		{"signed with another challenge", verify.CheckResponseSignature, matterext.AttestationSignatureInvalid, func(t *testing.T, _ *ecdsa.PrivateKey, r *verify.AttestationResponse) {
			r.Challenge = seeded("another challenge", 16)
		}},
		{"signature longer than 64 bytes", verify.CheckResponseSigFormat, matterext.AttestationSignatureInvalidFormat, func(t *testing.T, _ *ecdsa.PrivateKey, r *verify.AttestationResponse) {
			r.Signature = append(r.Signature, 0)
		}},
		{"elements over 900 bytes", verify.CheckResponseLength, matterext.InvalidArgument, func(t *testing.T, key *ecdsa.PrivateKey, r *verify.AttestationResponse) {
			el := matterext.DecodeAttestationElements(r.Elements)
			pad := matterext.MaxAttestationElementsLength + 1 - len(r.Elements) - 9
			r.Elements = matterext.EncodeAttestationElements(el.CertificationDeclaration, el.Nonce, 0, nil,
				[]matterext.VendorReservedElement{{VendorID: 0xFFF1, ProfileNumber: 1, TagNumber: 1, Data: make([]byte, max(pad, 0))}})
			if len(r.Elements) != matterext.MaxAttestationElementsLength+1 {
				t.Fatalf("padded elements are %d bytes", len(r.Elements))
			}
			sign(t, key, r)
		}},
		{"truncated TLV", verify.CheckResponseElements, matterext.AttestationElementsMalformed, func(t *testing.T, key *ecdsa.PrivateKey, r *verify.AttestationResponse) {
			r.Elements = r.Elements[:len(r.Elements)-2] // cuts into the timestamp's value
			sign(t, key, r)
		}},
		{"empty signature", verify.CheckResponseArguments, matterext.InvalidArgument, func(t *testing.T, _ *ecdsa.PrivateKey, r *verify.AttestationResponse) {
			r.Signature = nil
		}},
		{"signature shorter than 64 bytes", verify.CheckResponseSignature, matterext.AttestationSignatureInvalid, func(t *testing.T, _ *ecdsa.PrivateKey, r *verify.AttestationResponse) {
			r.Signature = r.Signature[:63]
		}},
		{"nonce of the wrong length", verify.CheckResponseNonce, matterext.AttestationNonceMismatch, func(t *testing.T, key *ecdsa.PrivateKey, r *verify.AttestationResponse) {
			el := matterext.DecodeAttestationElements(r.Elements)
			r.Elements = matterext.EncodeAttestationElements(el.CertificationDeclaration, r.Nonce[:31], 0, nil, nil)
			sign(t, key, r)
		}},
		{"elements without the timestamp", verify.CheckResponseElements, matterext.AttestationElementsMalformed, func(t *testing.T, key *ecdsa.PrivateKey, r *verify.AttestationResponse) {
			el := matterext.DecodeAttestationElements(r.Elements)
			b := tlv.AppendStructure(nil, tlv.Tag{})
			b = tlv.AppendBytes(b, tlv.Context(1), el.CertificationDeclaration)
			b = tlv.AppendBytes(b, tlv.Context(2), el.Nonce)
			r.Elements = tlv.AppendEnd(b)
			sign(t, key, r)
		}},
	}
	vectors := testutil.Vectors(t)
	if len(vectors) != 159 {
		t.Errorf("%d vectors, want 159", len(vectors))
	}
	for _, v := range vectors {
		t.Run(v.Name, func(t *testing.T) {
			dac, pai := testutil.Load(t, filepath.Join(v.Dir, "dac.der")), testutil.Load(t, filepath.Join(v.Dir, "pai.der"))
			cd, err := os.ReadFile(filepath.Join(v.Dir, "cd.der"))
			if err != nil {
				t.Fatal(err)
			}
			key := v.VectorKey(t)
			run := func(r *verify.AttestationResponse) *verify.Result {
				res, err := verify.Verify(dac, pai, verify.Options{Store: store, Device: v.Device(), At: now, AllowTestCDKey: true, Attestation: r, Release: v.Release(t)})
				if err != nil {
					t.Fatal(err)
				}
				return res
			}
			genuine := run(response(t, key, cd, v.Name))
			if !v.Agrees(verdict(genuine), int(genuine.Code)) {
				t.Fatalf("genuine response: %s %v (%d), want %s %d; findings %v", verdict(genuine), genuine.Code, genuine.Code, v.Verdict, v.Code, genuine.Findings)
			}
			// The fuzzed DAC vectors' certificates do not carry the key of
			// their dac_private_key (the fuzzing changed the key bytes), so no
			// device can sign for them; the SDK rejects them at the format
			// check (step 7) first.
			pub, keyErr := dac.ECDSAPublicKey()
			keyMatches := keyErr == nil && pub.Equal(&key.PublicKey)
			for _, f := range genuine.Findings {
				if f.Cert == "response" && f.Failure() && (keyMatches || f.Check != verify.CheckResponseSignature) {
					t.Errorf("genuine response: %s: %s", f.Check, f.Message)
				}
			}
			if !keyMatches && (genuine.Pass() || (keyErr == nil && failure(genuine, verify.CheckResponseSignature) == nil)) {
				t.Errorf("the DAC does not carry the vector's key, yet the response verifies: %v", genuine.Findings)
			}
			if genuine.Elements == nil || !bytes.Equal(genuine.Elements.CertificationDeclaration, cd) {
				t.Errorf("the decoded elements do not carry the vector's CD")
			}
			if f := failure(run(&verify.AttestationResponse{Elements: genuineElements(t, key, cd, v.Name), Signature: make([]byte, 64)}), verify.CheckResponseSignature); f != nil {
				t.Errorf("without a challenge the signature was checked: %v", f)
			}
			firstStep := 1 << 30
			if !genuine.Pass() {
				firstStep = genuine.Findings[0].Step
			}
			for _, tc := range tampers {
				r := response(t, key, cd, v.Name)
				tc.do(t, key, r)
				res := run(r)
				f := failure(res, tc.check)
				if f == nil {
					if tc.code == matterext.AttestationSignatureInvalid && keyErr != nil {
						continue // no DAC key to check with: the DAC format failure (303) comes first
					}
					t.Errorf("%s: no %s failure; findings %v", tc.name, tc.check, res.Findings)
					continue
				}
				if f.Code != tc.code {
					t.Errorf("%s: %s has code %v, want %v", tc.name, tc.check, f.Code, tc.code)
				}
				want := genuine.Code
				if f.Step < firstStep {
					want = tc.code
				}
				if res.Code != want {
					t.Errorf("%s: primary %v (%d), want %v (%d)", tc.name, res.Code, res.Code, want, want)
				}
			}
		})
	}
}

// TestAttestationConflictingCD: a CD given beside the response must be the
// one the response carries.
func TestAttestationConflictingCD(t *testing.T) {
	vs := testutil.Vectors(t)
	v := vs[0]
	dac, pai := testutil.Load(t, filepath.Join(v.Dir, "dac.der")), testutil.Load(t, filepath.Join(v.Dir, "pai.der"))
	cdDER, err := os.ReadFile(filepath.Join(v.Dir, "cd.der"))
	if err != nil {
		t.Fatal(err)
	}
	other, err := os.ReadFile(filepath.Join(vs[1].Dir, "cd.der"))
	if err != nil {
		t.Fatal(err)
	}
	cd, err := matterext.ParseCD(other)
	if err != nil {
		t.Fatal(err)
	}
	r := response(t, v.VectorKey(t), cdDER, v.Name)
	_, err = verify.Verify(dac, pai, verify.Options{Store: testPAAs(t), CD: cd, AllowTestCDKey: true, Attestation: r})
	if !errors.Is(err, verify.ErrConflictingCD) {
		t.Errorf("err = %v, want ErrConflictingCD", err)
	}
}
