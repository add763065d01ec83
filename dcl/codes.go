package dcl

import (
	"fmt"
	"strconv"
)

// Code is an error code the DCL returns for a transaction: the x/pki codes
// 401-447 (codespace "pki", types/pki/errors.go), the validator codes
// 900-906 (codespace "validation", utils/validator/errors.go) and the two
// cosmos-sdk codes the handlers use, 4 (ErrUnauthorized) and 7
// (ErrInvalidAddress), codespace "sdk".
//
// A Code is an error: errors.Is(res.Err(), dcl.CodeInvalidCertificate)
// reports whether a Result's DCL error has that code.
type Code int

// The codes the six certificate and revocation-point handlers return.
const (
	CodeUnauthorized                       Code = 4
	CodeInvalidAddress                     Code = 7
	CodeProposedCertificateAlreadyExists   Code = 401
	CodeCertificateAlreadyExists           Code = 403
	CodeCertificateDoesNotExist            Code = 404
	CodeInappropriateCertificateType       Code = 408
	CodeInvalidCertificate                 Code = 409
	CodeInvalidDataDigestType              Code = 410
	CodeInvalidRevocationType              Code = 411
	CodeNotEmptyPid                        Code = 412
	CodeRootCertificateIsNotSelfSigned     Code = 414
	CodeCRLSignerPidNotEqualPointPid       Code = 415
	CodeCRLSignerVidNotEqualPointVid       Code = 416
	CodeCRLSignerPidNotEqualMsgPid         Code = 417
	CodeCRLSignerVidNotEqualMsgVid         Code = 418
	CodeMessageVidNotEqualAccountVid       Code = 419
	CodeNonRootCertificateSelfSigned       Code = 420
	CodeEmptyDataFileSize                  Code = 421
	CodeEmptyDataDigest                    Code = 422
	CodeEmptyDataDigestType                Code = 423
	CodeNotEmptyDataDigestType             Code = 424
	CodeDataFieldPresented                 Code = 425
	CodeWrongSubjectKeyIDFormat            Code = 426
	CodePidNotFound                        Code = 428
	CodePemValuesNotEqual                  Code = 429
	CodeRevocationPointAlreadyExists       Code = 430
	CodeRevocationPointDoesNotExist        Code = 431
	CodeInvalidVidFormat                   Code = 433
	CodeInvalidPidFormat                   Code = 434
	CodeCertificateVidNotEqualMsgVid       Code = 436
	CodeMessageVidNotEqualRootCertVid      Code = 437
	CodeCertNotChainedBack                 Code = 438
	CodeCertVidNotEqualAccountVid          Code = 439
	CodeCertVidNotEqualToRootVid           Code = 440
	CodeCRLSignerCertificateInvalidFormat  Code = 441
	CodeCRLSignerCertificateInvalidVersion Code = 443
	CodeCertVidNotEqualToIssuerVid         Code = 444
	CodeCertPidNotEqualToIssuerPid         Code = 445
	CodeUnauthorizedCertIssuer             Code = 446
	CodeVVSCChainVerificationFailed        Code = 447
	CodeRequiredFieldMissing               Code = 900
	CodeFieldMaxLengthExceeded             Code = 901
	CodeFieldNotValid                      Code = 902
	CodeFieldLowerBoundViolated            Code = 903
	CodeFieldUpperBoundViolated            Code = 904
	CodeFieldNotEqual                      Code = 906
)

var codeNames = map[Code]string{
	CodeUnauthorized:                       "ErrUnauthorized",
	CodeInvalidAddress:                     "ErrInvalidAddress",
	CodeProposedCertificateAlreadyExists:   "ErrProposedCertificateAlreadyExists",
	CodeCertificateAlreadyExists:           "ErrCertificateAlreadyExists",
	CodeCertificateDoesNotExist:            "ErrCertificateDoesNotExist",
	CodeInappropriateCertificateType:       "ErrInappropriateCertificateType",
	CodeInvalidCertificate:                 "ErrInvalidCertificate",
	CodeInvalidDataDigestType:              "ErrInvalidDataDigestType",
	CodeInvalidRevocationType:              "ErrInvalidRevocationType",
	CodeNotEmptyPid:                        "ErrNotEmptyPid",
	CodeRootCertificateIsNotSelfSigned:     "ErrRootCertificateIsNotSelfSigned",
	CodeCRLSignerPidNotEqualPointPid:       "ErrCRLSignerCertificatePidNotEqualRevocationPointPid",
	CodeCRLSignerVidNotEqualPointVid:       "ErrCRLSignerCertificateVidNotEqualRevocationPointVid",
	CodeCRLSignerPidNotEqualMsgPid:         "ErrCRLSignerCertificatePidNotEqualMsgPid",
	CodeCRLSignerVidNotEqualMsgVid:         "ErrCRLSignerCertificateVidNotEqualMsgVid",
	CodeMessageVidNotEqualAccountVid:       "ErrMessageVidNotEqualAccountVid",
	CodeNonRootCertificateSelfSigned:       "ErrNonRootCertificateSelfSigned",
	CodeEmptyDataFileSize:                  "ErrEmptyDataFileSize",
	CodeEmptyDataDigest:                    "ErrEmptyDataDigest",
	CodeEmptyDataDigestType:                "ErrEmptyDataDigestType",
	CodeNotEmptyDataDigestType:             "ErrNotEmptyDataDigestType",
	CodeDataFieldPresented:                 "ErrDataFieldPresented",
	CodeWrongSubjectKeyIDFormat:            "ErrWrongSubjectKeyIDFormat",
	CodePidNotFound:                        "ErrPidNotFound",
	CodePemValuesNotEqual:                  "ErrPemValuesNotEqual",
	CodeRevocationPointAlreadyExists:       "ErrPkiRevocationDistributionPointAlreadyExists",
	CodeRevocationPointDoesNotExist:        "ErrPkiRevocationDistributionPointDoesNotExists",
	CodeInvalidVidFormat:                   "ErrInvalidVidFormat",
	CodeInvalidPidFormat:                   "ErrInvalidPidFormat",
	CodeCertificateVidNotEqualMsgVid:       "ErrCertificateVidNotEqualMsgVid",
	CodeMessageVidNotEqualRootCertVid:      "ErrMessageVidNotEqualRootCertVid",
	CodeCertNotChainedBack:                 "ErrCertNotChainedBack",
	CodeCertVidNotEqualAccountVid:          "ErrCertVidNotEqualAccountVid",
	CodeCertVidNotEqualToRootVid:           "ErrCertVidNotEqualToRootVid",
	CodeCRLSignerCertificateInvalidFormat:  "ErrCRLSignerCertificateInvalidFormat",
	CodeCRLSignerCertificateInvalidVersion: "ErrCRLSignerCertificateInvalidVersion",
	CodeCertVidNotEqualToIssuerVid:         "ErrCertVidNotEqualToIssuerVid",
	CodeCertPidNotEqualToIssuerPid:         "ErrCertPidNotEqualToIssuerPid",
	CodeUnauthorizedCertIssuer:             "ErrUnauthorizedCertIssuer",
	CodeVVSCChainVerificationFailed:        "ErrVVSCChainVerificationFailed",
	CodeRequiredFieldMissing:               "ErrRequiredFieldMissing",
	CodeFieldMaxLengthExceeded:             "ErrFieldMaxLengthExceeded",
	CodeFieldNotValid:                      "ErrFieldNotValid",
	CodeFieldLowerBoundViolated:            "ErrFieldLowerBoundViolated",
	CodeFieldUpperBoundViolated:            "ErrFieldUpperBoundViolated",
	CodeFieldNotEqual:                      "ErrFieldNotEqual",
}

// Name returns the DCL's Go name of the sentinel error, e.g.
// "ErrInvalidCertificate", or "Err<code>" for a code this package does not
// know.
func (c Code) Name() string {
	if n, ok := codeNames[c]; ok {
		return n
	}
	return "Err" + strconv.Itoa(int(c))
}

// Codespace returns the codespace the code is registered in: "sdk", "pki"
// or "validation".
func (c Code) Codespace() string {
	switch {
	case c < 100:
		return "sdk"
	case c >= 900:
		return "validation"
	}
	return "pki"
}

// String returns the name and the number, e.g. "ErrInvalidCertificate (409)".
func (c Code) String() string { return fmt.Sprintf("%s (%d)", c.Name(), int(c)) }

// Error makes a Code usable as the target of errors.Is.
func (c Code) Error() string { return c.String() }

// Version is the DCL release whose handlers are predicted. The releases
// differ in two codes only (see Check).
type Version int

// The releases Check knows.
const (
	// V1_6_0 is the release the networks run (tag v1.6.0, d111bdfe).
	V1_6_0 Version = iota
	// Head is the development head followed by this package (7319bed3).
	Head
)

// String returns "v1.6.0" or "head".
func (v Version) String() string {
	if v == Head {
		return "head"
	}
	return "v1.6.0"
}

// ParseVersion reads "v1.6.0" (or "1.6.0") and "head".
func ParseVersion(s string) (Version, error) {
	switch s {
	case "v1.6.0", "1.6.0", "":
		return V1_6_0, nil
	case "head", "HEAD", "7319bed3":
		return Head, nil
	}
	return 0, fmt.Errorf("dcl: unknown DCL version %q (want v1.6.0 or head)", s)
}

// unauthorizedIssuer is the code of NewErrUnauthorizedCertIssuer: sdk 4 in
// v1.6.0, 446 from 7319bed3.
func (v Version) unauthorizedIssuer() Code {
	if v == Head {
		return CodeUnauthorizedCertIssuer
	}
	return CodeUnauthorized
}

// vvscChainFailed is the code of a failed VVSC chain walk: 409 in v1.6.0,
// 447 from 7319bed3.
func (v Version) vvscChainFailed() Code {
	if v == Head {
		return CodeVVSCChainVerificationFailed
	}
	return CodeInvalidCertificate
}
