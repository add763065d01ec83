package matterext

import (
	"strconv"
	"strings"
)

// ResultCode is the reference SDK's AttestationVerificationResult
// (DeviceAttestationVerifier.h), the number a commissioner reports when
// attestation fails.
type ResultCode uint16

// The AttestationVerificationResult values (matter-pki-rules.md §4.2).
const (
	Success                                  ResultCode = 0
	PaaUntrusted                             ResultCode = 100
	PaaNotFound                              ResultCode = 101
	PaaExpired                               ResultCode = 102
	PaaSignatureInvalid                      ResultCode = 103
	PaaRevoked                               ResultCode = 104
	PaaFormatInvalid                         ResultCode = 105
	PaaArgumentInvalid                       ResultCode = 106
	PaiExpired                               ResultCode = 200
	PaiSignatureInvalid                      ResultCode = 201
	PaiRevoked                               ResultCode = 202
	PaiFormatInvalid                         ResultCode = 203
	PaiArgumentInvalid                       ResultCode = 204
	PaiVendorIDMismatch                      ResultCode = 205
	PaiAuthorityNotFound                     ResultCode = 206
	PaiMissing                               ResultCode = 207
	PaiAndDacRevoked                         ResultCode = 208
	DacExpired                               ResultCode = 300
	DacSignatureInvalid                      ResultCode = 301
	DacRevoked                               ResultCode = 302
	DacFormatInvalid                         ResultCode = 303
	DacArgumentInvalid                       ResultCode = 304
	DacVendorIDMismatch                      ResultCode = 305
	DacProductIDMismatch                     ResultCode = 306
	DacAuthorityNotFound                     ResultCode = 307
	FirmwareInformationMismatch              ResultCode = 400
	FirmwareInformationMissing               ResultCode = 401
	AttestationSignatureInvalid              ResultCode = 500
	AttestationElementsMalformed             ResultCode = 501
	AttestationNonceMismatch                 ResultCode = 502
	AttestationSignatureInvalidFormat        ResultCode = 503
	CertificationDeclarationNoKeyID          ResultCode = 600
	CertificationDeclarationNoCertFound      ResultCode = 601
	CertificationDeclarationInvalidSignature ResultCode = 602
	CertificationDeclarationInvalidFormat    ResultCode = 603
	CertificationDeclarationInvalidVendorID  ResultCode = 604
	CertificationDeclarationInvalidProductID ResultCode = 605
	CertificationDeclarationInvalidPAA       ResultCode = 606
	NoMemory                                 ResultCode = 700
	InvalidArgument                          ResultCode = 800
	InternalError                            ResultCode = 900
	NotImplemented                           ResultCode = 0xFFFF
)

var resultNames = map[ResultCode]string{
	Success: "kSuccess", PaaUntrusted: "kPaaUntrusted", PaaNotFound: "kPaaNotFound",
	PaaExpired: "kPaaExpired", PaaSignatureInvalid: "kPaaSignatureInvalid", PaaRevoked: "kPaaRevoked",
	PaaFormatInvalid: "kPaaFormatInvalid", PaaArgumentInvalid: "kPaaArgumentInvalid",
	PaiExpired: "kPaiExpired", PaiSignatureInvalid: "kPaiSignatureInvalid", PaiRevoked: "kPaiRevoked",
	PaiFormatInvalid: "kPaiFormatInvalid", PaiArgumentInvalid: "kPaiArgumentInvalid",
	PaiVendorIDMismatch: "kPaiVendorIdMismatch", PaiAuthorityNotFound: "kPaiAuthorityNotFound",
	PaiMissing: "kPaiMissing", PaiAndDacRevoked: "kPaiAndDacRevoked", DacExpired: "kDacExpired",
	DacSignatureInvalid: "kDacSignatureInvalid", DacRevoked: "kDacRevoked", DacFormatInvalid: "kDacFormatInvalid",
	DacArgumentInvalid: "kDacArgumentInvalid", DacVendorIDMismatch: "kDacVendorIdMismatch",
	DacProductIDMismatch: "kDacProductIdMismatch", DacAuthorityNotFound: "kDacAuthorityNotFound",
	FirmwareInformationMismatch: "kFirmwareInformationMismatch", FirmwareInformationMissing: "kFirmwareInformationMissing",
	AttestationSignatureInvalid: "kAttestationSignatureInvalid", AttestationElementsMalformed: "kAttestationElementsMalformed",
	AttestationNonceMismatch: "kAttestationNonceMismatch", AttestationSignatureInvalidFormat: "kAttestationSignatureInvalidFormat",
	CertificationDeclarationNoKeyID:          "kCertificationDeclarationNoKeyId",
	CertificationDeclarationNoCertFound:      "kCertificationDeclarationNoCertificateFound",
	CertificationDeclarationInvalidSignature: "kCertificationDeclarationInvalidSignature",
	CertificationDeclarationInvalidFormat:    "kCertificationDeclarationInvalidFormat",
	CertificationDeclarationInvalidVendorID:  "kCertificationDeclarationInvalidVendorId",
	CertificationDeclarationInvalidProductID: "kCertificationDeclarationInvalidProductId",
	CertificationDeclarationInvalidPAA:       "kCertificationDeclarationInvalidPAA",
	NoMemory:                                 "kNoMemory", InvalidArgument: "kInvalidArgument", InternalError: "kInternalError",
	NotImplemented: "kNotImplemented",
}

// String returns the SDK's enumerator name, e.g. "kDacFormatInvalid".
func (c ResultCode) String() string {
	if n, ok := resultNames[c]; ok {
		return n
	}
	return "ResultCode(" + strconv.Itoa(int(c)) + ")"
}

// ParseResultCode accepts a number ("303", "0x12F") or an enumerator name
// with or without the leading k ("kDacFormatInvalid", "DacFormatInvalid").
func ParseResultCode(s string) (ResultCode, bool) {
	if n, err := strconv.ParseUint(s, 0, 16); err == nil {
		c := ResultCode(n)
		_, ok := resultNames[c]
		return c, ok
	}
	for c, n := range resultNames {
		if strings.EqualFold(n, s) || strings.EqualFold(n[1:], s) {
			return c, true
		}
	}
	return 0, false
}

// FormatInvalidFor returns the format-invalid code the SDK reports for a
// certificate of the given role (PAA 105, PAI 203, DAC 303), or Success for
// roles the SDK does not format-check.
func FormatInvalidFor(r Role) ResultCode {
	switch r {
	case RolePAA:
		return PaaFormatInvalid
	case RolePAI:
		return PaiFormatInvalid
	case RoleDAC:
		return DacFormatInvalid
	}
	return Success
}

// Error makes a ResultCode usable as an error value, so that callers can
// test verification errors with errors.Is(err, matterext.DacExpired).
func (c ResultCode) Error() string { return c.String() }
