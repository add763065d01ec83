package lint

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
)

// The DCL's certificate-alone checks as x/pki/x509/x509.go (and
// msg_server_add_pki_revocation_distribution_point.go for the CRL signer)
// run them on Go's *x509.Certificate, at commit 7319bed3. Each function
// returns every rule the certificate breaks in the DCL's order (the DCL
// returns the first); the e_dcl_… rules (and the few DCL rules with older
// names) report the issues of their error code, and package dcl runs those
// rules in the handlers' order. Nothing here is restated in package dcl.

// dclIssue is one failed rule of a DCL check with the code the DCL returns
// for it.
type dclIssue struct {
	code     int
	location string
	msg      string
}

// The DCL error codes of the certificate checks (types/pki/errors.go).
const (
	dclInappropriateCertificateType       = 408
	dclInvalidCertificate                 = 409
	dclNotEmptyPid                        = 412
	dclRootCertificateIsNotSelfSigned     = 414
	dclNonRootCertificateSelfSigned       = 420
	dclWrongSubjectKeyIDFormat            = 426
	dclInvalidVidFormat                   = 433
	dclInvalidPidFormat                   = 434
	dclCRLSignerCertificateInvalidFormat  = 441
	dclCRLSignerCertificateInvalidVersion = 443
)

const (
	dclX509Go      = "x/pki/x509/x509.go:"
	dclCRLSignerGo = "x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go:VerifyCRLSignerCertFormat"
	dclMaxSANs     = 100
	dclMaxSubject  = 50
)

var (
	dclOIDBasicConstraints = asn1.ObjectIdentifier{2, 5, 29, 19}
	dclOIDKeyUsage         = asn1.ObjectIdentifier{2, 5, 29, 15}
	dclOIDExtKeyUsage      = asn1.ObjectIdentifier{2, 5, 29, 37}
	dclOIDVID              = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 37244, 2, 1}
	dclOIDPID              = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 37244, 2, 2}
)

const (
	dclLocBC   = "tbsCertificate.extensions[basicConstraints]"
	dclLocKU   = "tbsCertificate.extensions[keyUsage]"
	dclLocSKID = "tbsCertificate.extensions[subjectKeyIdentifier]"
	dclLocAKID = "tbsCertificate.extensions[authorityKeyIdentifier]"
	dclLocEKU  = "tbsCertificate.extensions[extKeyUsage]"
)

// dclFindExt is x509.go:FindExtCritical.
func dclFindExt(c *x509.Certificate, oid asn1.ObjectIdentifier) (present, critical bool) {
	for _, e := range c.Extensions {
		if e.Id.Equal(oid) {
			return true, e.Critical
		}
	}
	return false, false
}

func issuef(code int, loc, format string, args ...any) dclIssue {
	return dclIssue{code: code, location: loc, msg: fmt.Sprintf(format, args...)}
}

// dclFieldCounts is the SAN and subject-field limits of
// ParseAndValidateCertificate.
func dclFieldCounts(c *x509.Certificate) []dclIssue {
	var out []dclIssue
	if san := len(c.DNSNames) + len(c.EmailAddresses) + len(c.IPAddresses) + len(c.URIs); san > dclMaxSANs {
		out = append(out, issuef(dclInvalidCertificate, "tbsCertificate.extensions[subjectAltName]", "SAN count (%d) exceeds maximum limit of %d", san, dclMaxSANs))
	}
	if n := len(c.Subject.Names); n > dclMaxSubject {
		out = append(out, issuef(dclInvalidCertificate, "tbsCertificate.subject", "subject field count (%d) exceeds maximum limit of %d", n, dclMaxSubject))
	}
	return out
}

// dclVersionV3 is VerifyVersionV3.
func dclVersionV3(c *x509.Certificate) []dclIssue {
	if c.Version != 3 {
		return []dclIssue{issuef(dclInvalidCertificate, "tbsCertificate.version", "certificate version SHALL be v3, got v%d", c.Version)}
	}
	return nil
}

func dclIsP256(c *x509.Certificate) (ecdsaKey, p256 bool) {
	k, ok := c.PublicKey.(*ecdsa.PublicKey)
	if !ok {
		return false, false
	}
	return true, k.Curve == elliptic.P256()
}

// dclECDSAP256SHA256 is VerifyECDSAP256SHA256.
func dclECDSAP256SHA256(c *x509.Certificate) []dclIssue {
	var out []dclIssue
	if c.SignatureAlgorithm != x509.ECDSAWithSHA256 {
		out = append(out, issuef(dclInvalidCertificate, "signatureAlgorithm", "signatureAlgorithm SHALL be ecdsa-with-SHA256; found %v", c.SignatureAlgorithm))
	}
	switch isEC, p256 := dclIsP256(c); {
	case !isEC:
		out = append(out, issuef(dclInvalidCertificate, "tbsCertificate.subjectPublicKeyInfo.algorithm",
			"subjectPublicKeyInfo algorithm SHALL be ECDSA on prime256v1; found %v", c.PublicKeyAlgorithm))
	case !p256:
		out = append(out, issuef(dclInvalidCertificate, "tbsCertificate.subjectPublicKeyInfo.algorithm.parameters", "subjectPublicKeyInfo curve SHALL be prime256v1 (P-256)"))
	}
	return out
}

// Key usage predicates shared with the Matter rules (matterext.KeyUsage.Bits
// and x509.KeyUsage number the bits alike: bit i is 1<<i).
const (
	kuDigitalSignature = 1 << 0
	kuCertSign         = 1 << 5
	kuCRLSign          = 1 << 6
)

// caKeyUsageMissing returns the bits of keyCertSign|cRLSign a CA's keyUsage
// lacks; caKeyUsageForbidden the bits beyond those and digitalSignature.
func caKeyUsageMissing(bits uint16) uint16 { return (kuCertSign | kuCRLSign) &^ bits }
func caKeyUsageForbidden(bits uint16) uint16 {
	return bits &^ (kuCertSign | kuCRLSign | kuDigitalSignature)
}

// endEntityKeyUsageOK: exactly digitalSignature (DAC, VVSC).
func endEntityKeyUsageOK(bits uint16) bool { return bits == kuDigitalSignature }

// crlSignerKeyUsageForbidden returns the bits beyond cRLSign and
// digitalSignature.
func crlSignerKeyUsageForbidden(bits uint16) uint16 { return bits &^ (kuCRLSign | kuDigitalSignature) }

// keyIDLengthOK: SKID and AKID keyIdentifier are 20 octets.
func keyIDLengthOK(n int) bool { return n == 20 }

// dclCAExtensions is VerifyCAExtensions.
func dclCAExtensions(c *x509.Certificate) []dclIssue {
	var out []dclIssue
	if !c.BasicConstraintsValid || !c.IsCA {
		out = append(out, issuef(dclInappropriateCertificateType, dclLocBC+".cA",
			"certificate is not a CA: BasicConstraints extension must be present and cA must be set to TRUE (found %s)", dclBCFound(c)))
	}
	if _, crit := dclFindExt(c, dclOIDBasicConstraints); !crit && c.BasicConstraintsValid {
		out = append(out, issuef(dclInvalidCertificate, dclLocBC+".critical", "BasicConstraints extension SHALL be marked critical; found not critical"))
	}
	out = append(out, dclKUIssues(c, "KeyUsage extension SHALL be present for CA certificates")...)
	if present, _ := dclFindExt(c, dclOIDKeyUsage); present {
		if caKeyUsageMissing(uint16(c.KeyUsage)) != 0 {
			out = append(out, issuef(dclInvalidCertificate, dclLocKU+".extnValue",
				"KeyUsage SHALL include both keyCertSign and cRLSign bits; found %s", dclKUString(c.KeyUsage)))
		}
		if caKeyUsageForbidden(uint16(c.KeyUsage)) != 0 {
			out = append(out, issuef(dclInvalidCertificate, dclLocKU+".extnValue",
				"KeyUsage SHALL NOT include bits other than keyCertSign, cRLSign, and digitalSignature; found %s", dclKUString(c.KeyUsage)))
		}
	}
	return append(out, dclKeyIDIssues("", c, string(c.RawIssuer) != string(c.RawSubject), " for CA certificates", " for non-self-signed CA certificates")...)
}

// dclKUIssues checks that keyUsage is present and critical.
func dclKUIssues(c *x509.Certificate, absentMsg string) []dclIssue {
	present, crit := dclFindExt(c, dclOIDKeyUsage)
	if !present {
		return []dclIssue{issuef(dclInvalidCertificate, dclLocKU, "%s; found absent", absentMsg)}
	}
	if !crit {
		return []dclIssue{issuef(dclInvalidCertificate, dclLocKU+".critical", "KeyUsage extension SHALL be marked critical; found not critical")}
	}
	return nil
}

// dclKeyIDIssues checks the SKID (always) and the AKID (when wantAKID):
// present and 20 octets.
func dclKeyIDIssues(prefix string, c *x509.Certificate, wantAKID bool, skidWhere, akidWhere string) []dclIssue {
	var out []dclIssue
	switch {
	case len(c.SubjectKeyId) == 0:
		out = append(out, issuef(dclInvalidCertificate, dclLocSKID, "%sSubjectKeyIdentifier extension SHALL be present%s; found absent", prefix, skidWhere))
	case !keyIDLengthOK(len(c.SubjectKeyId)):
		out = append(out, issuef(dclInvalidCertificate, dclLocSKID+".extnValue", "%sSubjectKeyIdentifier SHALL be 20 octets (160-bit SHA-1), got %d", prefix, len(c.SubjectKeyId)))
	}
	if wantAKID {
		switch {
		case len(c.AuthorityKeyId) == 0:
			out = append(out, issuef(dclInvalidCertificate, dclLocAKID, "%sAuthorityKeyIdentifier extension SHALL be present%s; found absent", prefix, akidWhere))
		case !keyIDLengthOK(len(c.AuthorityKeyId)):
			out = append(out, issuef(dclInvalidCertificate, dclLocAKID+".extnValue.keyIdentifier", "%sAuthorityKeyIdentifier keyIdentifier SHALL be 20 octets (160-bit SHA-1), got %d", prefix, len(c.AuthorityKeyId)))
		}
	}
	return out
}

func dclBCFound(c *x509.Certificate) string {
	switch {
	case !c.BasicConstraintsValid:
		return "no basicConstraints"
	case c.IsCA:
		return "cA TRUE"
	}
	return "cA FALSE"
}

// dclPathLenPresent is the DCL's reading of Go's fields: present when
// MaxPathLen > 0 or MaxPathLenZero.
func dclPathLenPresent(c *x509.Certificate) bool { return c.MaxPathLen > 0 || c.MaxPathLenZero }

// paaPathLenOK (PAA, shared with e_paa_path_len_invalid): absent or 1.
func paaPathLenOK(present bool, n int64) bool { return !present || n == 1 }

// paiPathLenOK (PAI, shared with e_pai_path_len_not_zero): present and 0.
func paiPathLenOK(present bool, n int64) bool { return present && n == 0 }

// dclPAAPathLen is VerifyPAAPathLen.
func dclPAAPathLen(c *x509.Certificate) []dclIssue {
	if !paaPathLenOK(dclPathLenPresent(c), int64(c.MaxPathLen)) {
		return []dclIssue{issuef(dclInvalidCertificate, dclLocBC+".extnValue.pathLenConstraint",
			"PAA: BasicConstraints pathLenConstraint MAY be omitted; if present SHALL be 1, got %d", c.MaxPathLen)}
	}
	return nil
}

// dclPAIPathLen is VerifyPAIPathLen (Go's MaxPathLenZero is "present and
// 0").
func dclPAIPathLen(c *x509.Certificate) []dclIssue {
	if !paiPathLenOK(c.MaxPathLenZero, int64(c.MaxPathLen)) {
		found := "absent"
		if dclPathLenPresent(c) {
			found = fmt.Sprint(c.MaxPathLen)
		}
		return []dclIssue{issuef(dclInvalidCertificate, dclLocBC+".extnValue.pathLenConstraint",
			"PAI: BasicConstraints pathLenConstraint SHALL be present and set to 0; found %s", found)}
	}
	return nil
}

// dclDAChainNonRoot is VerifyDAChainNonRoot's own check: basicConstraints
// present. It then applies the PAI profile (VerifyCAExtensions,
// VerifyPAIPathLen) to a CA and the DAC profile (verifyDACExtensions)
// otherwise: dclAddCertCA says which.
func dclDAChainNonRoot(c *x509.Certificate) []dclIssue {
	if !c.BasicConstraintsValid {
		return []dclIssue{issuef(dclInvalidCertificate, dclLocBC, "BasicConstraints extension SHALL be present; found absent")}
	}
	return nil
}

// dclAddCertCA is VerifyDAChainNonRoot's branch for MsgAddX509Cert: a
// certificate with basicConstraints cA TRUE takes the PAI profile, one with
// cA FALSE the DAC profile, whatever role it is linted as.
func dclAddCertCA(c *x509.Certificate) bool { return c.BasicConstraintsValid && c.IsCA }

// dclEndEntity is verifyEndEntityExtensions (kind "DAC" from
// verifyDACExtensions, "VVSC" from VerifyVVSCExtensions).
func dclEndEntity(c *x509.Certificate, kind string) []dclIssue {
	p := kind + ": "
	var out []dclIssue
	if !c.BasicConstraintsValid {
		out = append(out, issuef(dclInvalidCertificate, dclLocBC, "%sBasicConstraints extension SHALL be present; found absent", p))
	} else {
		if c.IsCA {
			out = append(out, issuef(dclInappropriateCertificateType, dclLocBC+".extnValue.cA", "%sBasicConstraints cA SHALL be set to FALSE; found TRUE", p))
		}
		if _, crit := dclFindExt(c, dclOIDBasicConstraints); !crit {
			out = append(out, issuef(dclInvalidCertificate, dclLocBC+".critical", "%sBasicConstraints extension SHALL be marked critical; found not critical", p))
		}
	}
	present, crit := dclFindExt(c, dclOIDKeyUsage)
	switch {
	case !present:
		out = append(out, issuef(dclInvalidCertificate, dclLocKU, "%sKeyUsage extension SHALL be present; found absent", p))
	case !crit:
		out = append(out, issuef(dclInvalidCertificate, dclLocKU+".critical", "%sKeyUsage extension SHALL be marked critical; found not critical", p))
	}
	if present && !endEntityKeyUsageOK(uint16(c.KeyUsage)) {
		out = append(out, issuef(dclInvalidCertificate, dclLocKU+".extnValue", "%sKeyUsage SHALL be exactly digitalSignature; found %s", p, dclKUString(c.KeyUsage)))
	}
	return append(out, dclKeyIDIssues(p, c, true, "", "")...)
}

// dclNoPIDInSubject is VerifyNoPIDInSubject on the subject text.
func dclNoPIDInSubject(text string) []dclIssue {
	pid, err := DCLPIDFromSubjectText(text)
	if err != nil {
		return []dclIssue{issuef(dclInvalidPidFormat, "tbsCertificate.subject", "Could not parse pid: %v", err)}
	}
	if pid != 0 {
		return []dclIssue{issuef(dclNotEmptyPid, "tbsCertificate.subject", "Product ID (pid) must be empty for root certificates; found pid 0x%X", pid)}
	}
	return nil
}

// dclNoEKU is VerifyNoEKU.
func dclNoEKU(c *x509.Certificate) []dclIssue {
	if present, _ := dclFindExt(c, dclOIDExtKeyUsage); present {
		return []dclIssue{issuef(dclInvalidCertificate, dclLocEKU, "ExtendedKeyUsage extension SHALL NOT be present on RCAC/ICAC certificates; found present")}
	}
	return nil
}

// attributeRepeated (shared with e_matter_vid_pid_attribute_duplicate, on
// matterext's reading of the same names): more than one attribute of a type.
func attributeRepeated(n int) bool { return n > 1 }

// dclAtMostOneVIDAndPID is VerifyAtMostOneVIDAndPID.
func dclAtMostOneVIDAndPID(c *x509.Certificate) []dclIssue {
	var out []dclIssue
	count := func(names []pkix.AttributeTypeAndValue, oid asn1.ObjectIdentifier) int {
		n := 0
		for _, a := range names {
			if a.Type.Equal(oid) {
				n++
			}
		}
		return n
	}
	for _, side := range []struct {
		name  string
		attrs []pkix.AttributeTypeAndValue
	}{{"subject", c.Subject.Names}, {"issuer", c.Issuer.Names}} {
		for _, a := range []struct {
			label string
			oid   asn1.ObjectIdentifier
		}{{"matter-vid", dclOIDVID}, {"matter-pid", dclOIDPID}} {
			if n := count(side.attrs, a.oid); attributeRepeated(n) {
				out = append(out, issuef(dclInvalidCertificate, "tbsCertificate."+side.name, "%s SHALL contain at most one %s attribute, found %d", side.name, a.label, n))
			}
		}
	}
	return out
}

// dclCRLSignerFormat is VerifyCRLSignerCertFormat, the delegated CRL
// signer's profile.
func dclCRLSignerFormat(c *x509.Certificate) []dclIssue {
	bad := func(loc, format string, args ...any) dclIssue {
		return issuef(dclCRLSignerCertificateInvalidFormat, loc, "Invalid CRL Signer Certificate format: "+format, args...)
	}
	var out []dclIssue
	if len(c.SubjectKeyId) == 0 {
		out = append(out, issuef(dclWrongSubjectKeyIDFormat, dclLocSKID, "Wrong SubjectKeyID format: the CRL signer has no subjectKeyIdentifier"))
	}
	if c.Version != 3 {
		out = append(out, issuef(dclCRLSignerCertificateInvalidVersion, "tbsCertificate.version",
			"Invalid CRL Signer Certificate version: The version field SHALL be set to 2 to indicate v3 certificate; found v%d", c.Version))
	}
	if c.SignatureAlgorithm != x509.ECDSAWithSHA256 {
		out = append(out, bad("signatureAlgorithm", "The signature algorithm SHALL be ecdsa-with-SHA256; found %v", c.SignatureAlgorithm))
	}
	if isEC, p256 := dclIsP256(c); !isEC {
		out = append(out, bad("tbsCertificate.subjectPublicKeyInfo.algorithm", "The public key SHALL be ECDSA; found %v", c.PublicKeyAlgorithm))
	} else if !p256 {
		out = append(out, bad("tbsCertificate.subjectPublicKeyInfo.algorithm.parameters", "The public key curve SHALL be prime256v1"))
	}
	if !c.BasicConstraintsValid || c.IsCA {
		out = append(out, bad(dclLocBC+".extnValue.cA", "Basic Constraint extension's cA field SHALL be set to FALSE; found %s", dclBCFound(c)))
	} else if _, crit := dclFindExt(c, dclOIDBasicConstraints); !crit {
		out = append(out, bad(dclLocBC+".critical", "Basic Constraint extension SHALL be marked critical; found not critical"))
	}
	if present, crit := dclFindExt(c, dclOIDKeyUsage); !present || !crit {
		out = append(out, bad(dclLocKU, "Key Usage extension SHALL be present and marked critical; found %s", dclPresence(present, crit)))
	}
	if c.KeyUsage&x509.KeyUsageCRLSign == 0 {
		out = append(out, bad(dclLocKU+".extnValue", "Key Usage SHALL include cRLSign; found %s", dclKUString(c.KeyUsage)))
	}
	if crlSignerKeyUsageForbidden(uint16(c.KeyUsage)) != 0 {
		out = append(out, bad(dclLocKU+".extnValue", "Key Usage SHALL NOT include bits other than cRLSign and digitalSignature; found %s", dclKUString(c.KeyUsage)))
	}
	return out
}

func dclPresence(present, crit bool) string {
	switch {
	case !present:
		return "absent"
	case !crit:
		return "not critical"
	}
	return "critical"
}

func dclKUString(ku x509.KeyUsage) string {
	names := []string{"digitalSignature", "contentCommitment", "keyEncipherment", "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"}
	s := ""
	for i, n := range names {
		if ku&(1<<i) != 0 {
			if s != "" {
				s += "|"
			}
			s += n
		}
	}
	if s == "" {
		return "no bits"
	}
	return s
}
