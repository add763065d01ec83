package dcl

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
)

// issue is one failed rule of a profile option, with the code the DCL
// returns for it.
type issue struct {
	code     Code
	msg      string
	location string
	citation string
}

// option is one of x509.go's ParseAndValidateCertificate options; it
// returns every rule the certificate breaks, the DCL's (first) one first.
type option func(c *x509.Certificate) []issue

const x509go = "x/pki/x509/x509.go:"

var (
	oidBasicConstraints = asn1.ObjectIdentifier{2, 5, 29, 19}
	oidKeyUsage         = asn1.ObjectIdentifier{2, 5, 29, 15}
	oidExtKeyUsage      = asn1.ObjectIdentifier{2, 5, 29, 37}
	oidVID              = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 37244, 2, 1}
	oidPID              = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 37244, 2, 2}
)

const (
	locBC   = "tbsCertificate.extensions[basicConstraints]"
	locKU   = "tbsCertificate.extensions[keyUsage]"
	locSKID = "tbsCertificate.extensions[subjectKeyIdentifier]"
	locAKID = "tbsCertificate.extensions[authorityKeyIdentifier]"
	locEKU  = "tbsCertificate.extensions[extKeyUsage]"
)

func findExt(c *x509.Certificate, oid asn1.ObjectIdentifier) (present, critical bool) {
	for _, e := range c.Extensions {
		if e.Id.Equal(oid) {
			return true, e.Critical
		}
	}
	return false, false
}

func mk(fn string, code Code, loc, format string, args ...any) issue {
	return issue{code: code, msg: fmt.Sprintf(format, args...), location: loc, citation: x509go + fn}
}

func versionV3(c *x509.Certificate) []issue {
	if c.Version != 3 {
		return []issue{mk("VerifyVersionV3", CodeInvalidCertificate, "tbsCertificate.version",
			"certificate version SHALL be v3, got v%d", c.Version)}
	}
	return nil
}

func ecdsaP256SHA256(c *x509.Certificate) []issue {
	var out []issue
	if c.SignatureAlgorithm != x509.ECDSAWithSHA256 {
		out = append(out, mk("VerifyECDSAP256SHA256", CodeInvalidCertificate, "signatureAlgorithm",
			"signatureAlgorithm SHALL be ecdsa-with-SHA256; found %v", c.SignatureAlgorithm))
	}
	isEC, p256 := isP256(c)
	switch {
	case !isEC:
		out = append(out, mk("VerifyECDSAP256SHA256", CodeInvalidCertificate, "tbsCertificate.subjectPublicKeyInfo.algorithm",
			"subjectPublicKeyInfo algorithm SHALL be ECDSA on prime256v1; found %v", c.PublicKeyAlgorithm))
	case !p256:
		out = append(out, mk("VerifyECDSAP256SHA256", CodeInvalidCertificate, "tbsCertificate.subjectPublicKeyInfo.algorithm.parameters",
			"subjectPublicKeyInfo curve SHALL be prime256v1 (P-256)"))
	}
	return out
}

func caExtensions(c *x509.Certificate) []issue {
	const fn = "VerifyCAExtensions"
	var out []issue
	if !c.BasicConstraintsValid || !c.IsCA {
		out = append(out, mk(fn, CodeInappropriateCertificateType, locBC+".cA",
			"certificate is not a CA: BasicConstraints extension must be present and cA must be set to TRUE (found %s)", bcFound(c)))
	}
	if _, crit := findExt(c, oidBasicConstraints); !crit && c.BasicConstraintsValid {
		out = append(out, mk(fn, CodeInvalidCertificate, locBC+".critical", "BasicConstraints extension SHALL be marked critical; found not critical"))
	}
	out = append(out, kuIssues(fn, c, "KeyUsage extension SHALL be present for CA certificates")...)
	if present, _ := findExt(c, oidKeyUsage); present {
		const req = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
		if c.KeyUsage&req != req {
			out = append(out, mk(fn, CodeInvalidCertificate, locKU+".extnValue",
				"KeyUsage SHALL include both keyCertSign and cRLSign bits; found %s", kuString(c.KeyUsage)))
		}
		if c.KeyUsage&^(req|x509.KeyUsageDigitalSignature) != 0 {
			out = append(out, mk(fn, CodeInvalidCertificate, locKU+".extnValue",
				"KeyUsage SHALL NOT include bits other than keyCertSign, cRLSign, and digitalSignature; found %s", kuString(c.KeyUsage)))
		}
	}
	out = append(out, keyIDIssues(fn, "", c, string(c.RawIssuer) != string(c.RawSubject), " for CA certificates", " for non-self-signed CA certificates")...)
	return out
}

// kuIssues checks that keyUsage is present and critical.
func kuIssues(fn string, c *x509.Certificate, absentMsg string) []issue {
	present, crit := findExt(c, oidKeyUsage)
	if !present {
		return []issue{mk(fn, CodeInvalidCertificate, locKU, "%s; found absent", absentMsg)}
	}
	if !crit {
		return []issue{mk(fn, CodeInvalidCertificate, locKU+".critical", "KeyUsage extension SHALL be marked critical; found not critical")}
	}
	return nil
}

// keyIDIssues checks the SKID (always) and the AKID (when wantAKID): present
// and 20 octets.
func keyIDIssues(fn, prefix string, c *x509.Certificate, wantAKID bool, skidWhere, akidWhere string) []issue {
	var out []issue
	switch {
	case len(c.SubjectKeyId) == 0:
		out = append(out, mk(fn, CodeInvalidCertificate, locSKID, "%sSubjectKeyIdentifier extension SHALL be present%s; found absent", prefix, skidWhere))
	case len(c.SubjectKeyId) != 20:
		out = append(out, mk(fn, CodeInvalidCertificate, locSKID+".extnValue", "%sSubjectKeyIdentifier SHALL be 20 octets (160-bit SHA-1), got %d", prefix, len(c.SubjectKeyId)))
	}
	if wantAKID {
		switch {
		case len(c.AuthorityKeyId) == 0:
			out = append(out, mk(fn, CodeInvalidCertificate, locAKID, "%sAuthorityKeyIdentifier extension SHALL be present%s; found absent", prefix, akidWhere))
		case len(c.AuthorityKeyId) != 20:
			out = append(out, mk(fn, CodeInvalidCertificate, locAKID+".extnValue.keyIdentifier", "%sAuthorityKeyIdentifier keyIdentifier SHALL be 20 octets (160-bit SHA-1), got %d", prefix, len(c.AuthorityKeyId)))
		}
	}
	return out
}

func bcFound(c *x509.Certificate) string {
	switch {
	case !c.BasicConstraintsValid:
		return "no basicConstraints"
	case c.IsCA:
		return "cA TRUE"
	}
	return "cA FALSE"
}

// pathLenPresent is the DCL's reading of Go's fields: present when
// MaxPathLen > 0 or MaxPathLenZero.
func pathLenPresent(c *x509.Certificate) bool { return c.MaxPathLen > 0 || c.MaxPathLenZero }

func pathLenString(c *x509.Certificate) string {
	if !pathLenPresent(c) {
		return "absent"
	}
	return fmt.Sprint(c.MaxPathLen)
}

func paaPathLen(c *x509.Certificate) []issue {
	if pathLenPresent(c) && c.MaxPathLen != 1 {
		return []issue{mk("VerifyPAAPathLen", CodeInvalidCertificate, locBC+".extnValue.pathLenConstraint",
			"PAA: BasicConstraints pathLenConstraint MAY be omitted; if present SHALL be 1, got %d", c.MaxPathLen)}
	}
	return nil
}

func paiPathLen(c *x509.Certificate) []issue {
	if !c.MaxPathLenZero {
		return []issue{mk("VerifyPAIPathLen", CodeInvalidCertificate, locBC+".extnValue.pathLenConstraint",
			"PAI: BasicConstraints pathLenConstraint SHALL be present and set to 0; found %s", pathLenString(c))}
	}
	return nil
}

// daChainNonRoot is VerifyDAChainNonRoot: the PAI profile for a CA, the DAC
// profile otherwise.
func daChainNonRoot(c *x509.Certificate) []issue {
	if !c.BasicConstraintsValid {
		return []issue{mk("VerifyDAChainNonRoot", CodeInvalidCertificate, locBC, "BasicConstraints extension SHALL be present; found absent")}
	}
	if c.IsCA {
		return append(caExtensions(c), paiPathLen(c)...)
	}
	return endEntity(c, "DAC", "verifyDACExtensions")
}

func vvscExtensions(c *x509.Certificate) []issue { return endEntity(c, "VVSC", "VerifyVVSCExtensions") }

// endEntity is verifyEndEntityExtensions.
func endEntity(c *x509.Certificate, kind, fn string) []issue {
	p := kind + ": "
	if !c.BasicConstraintsValid {
		return append([]issue{mk(fn, CodeInvalidCertificate, locBC, "%sBasicConstraints extension SHALL be present; found absent", p)},
			endEntityRest(c, p, fn)...)
	}
	var out []issue
	if c.IsCA {
		out = append(out, mk(fn, CodeInappropriateCertificateType, locBC+".extnValue.cA", "%sBasicConstraints cA SHALL be set to FALSE; found TRUE", p))
	}
	if _, crit := findExt(c, oidBasicConstraints); !crit {
		out = append(out, mk(fn, CodeInvalidCertificate, locBC+".critical", "%sBasicConstraints extension SHALL be marked critical; found not critical", p))
	}
	return append(out, endEntityRest(c, p, fn)...)
}

func endEntityRest(c *x509.Certificate, p, fn string) []issue {
	var out []issue
	present, crit := findExt(c, oidKeyUsage)
	switch {
	case !present:
		out = append(out, mk(fn, CodeInvalidCertificate, locKU, "%sKeyUsage extension SHALL be present; found absent", p))
	case !crit:
		out = append(out, mk(fn, CodeInvalidCertificate, locKU+".critical", "%sKeyUsage extension SHALL be marked critical; found not critical", p))
	}
	if present && c.KeyUsage != x509.KeyUsageDigitalSignature {
		out = append(out, mk(fn, CodeInvalidCertificate, locKU+".extnValue", "%sKeyUsage SHALL be exactly digitalSignature; found %s", p, kuString(c.KeyUsage)))
	}
	return append(out, keyIDIssues(fn, p, c, true, "", "")...)
}

func noPIDInSubject(d *dclCert) []issue {
	pid, err := d.pid()
	if err != nil {
		return []issue{mk("VerifyNoPIDInSubject", CodeInvalidPidFormat, "tbsCertificate.subject", "Could not parse pid: %v", err)}
	}
	if pid != 0 {
		return []issue{mk("VerifyNoPIDInSubject", CodeNotEmptyPid, "tbsCertificate.subject",
			"Product ID (pid) must be empty for root certificates; found pid 0x%X", pid)}
	}
	return nil
}

func noEKU(c *x509.Certificate) []issue {
	if present, _ := findExt(c, oidExtKeyUsage); present {
		return []issue{mk("VerifyNoEKU", CodeInvalidCertificate, locEKU,
			"ExtendedKeyUsage extension SHALL NOT be present on RCAC/ICAC certificates; found present")}
	}
	return nil
}

func atMostOneVIDAndPID(c *x509.Certificate) []issue {
	var out []issue
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
		}{{"matter-vid", oidVID}, {"matter-pid", oidPID}} {
			if n := count(side.attrs, a.oid); n > 1 {
				out = append(out, mk("VerifyAtMostOneVIDAndPID", CodeInvalidCertificate, "tbsCertificate."+side.name,
					"%s SHALL contain at most one %s attribute, found %d", side.name, a.label, n))
			}
		}
	}
	return out
}

// crlSignerFormat is msg_server_add_pki_revocation_distribution_point.go:
// VerifyCRLSignerCertFormat, the delegated CRL signer's profile.
func crlSignerFormat(c *x509.Certificate) []issue {
	const fn = "x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go:VerifyCRLSignerCertFormat"
	f := func(code Code, loc, format string, args ...any) issue {
		return issue{code: code, msg: fmt.Sprintf(format, args...), location: loc, citation: fn}
	}
	bad := func(loc, format string, args ...any) issue {
		return f(CodeCRLSignerCertificateInvalidFormat, loc, "Invalid CRL Signer Certificate format: "+format, args...)
	}
	var out []issue
	if len(c.SubjectKeyId) == 0 {
		out = append(out, f(CodeWrongSubjectKeyIDFormat, locSKID, "Wrong SubjectKeyID format: the CRL signer has no subjectKeyIdentifier"))
	}
	if c.Version != 3 {
		out = append(out, f(CodeCRLSignerCertificateInvalidVersion, "tbsCertificate.version",
			"Invalid CRL Signer Certificate version: The version field SHALL be set to 2 to indicate v3 certificate; found v%d", c.Version))
	}
	if c.SignatureAlgorithm != x509.ECDSAWithSHA256 {
		out = append(out, bad("signatureAlgorithm", "The signature algorithm SHALL be ecdsa-with-SHA256; found %v", c.SignatureAlgorithm))
	}
	isEC, p256 := isP256(c)
	if !isEC {
		out = append(out, bad("tbsCertificate.subjectPublicKeyInfo.algorithm", "The public key SHALL be ECDSA; found %v", c.PublicKeyAlgorithm))
	} else if !p256 {
		out = append(out, bad("tbsCertificate.subjectPublicKeyInfo.algorithm.parameters", "The public key curve SHALL be prime256v1"))
	}
	if !c.BasicConstraintsValid || c.IsCA {
		out = append(out, bad(locBC+".extnValue.cA", "Basic Constraint extension's cA field SHALL be set to FALSE; found %s", bcFound(c)))
	} else if _, crit := findExt(c, oidBasicConstraints); !crit {
		out = append(out, bad(locBC+".critical", "Basic Constraint extension SHALL be marked critical; found not critical"))
	}
	if present, crit := findExt(c, oidKeyUsage); !present || !crit {
		out = append(out, bad(locKU, "Key Usage extension SHALL be present and marked critical; found %s", presence(present, crit)))
	}
	if c.KeyUsage&x509.KeyUsageCRLSign == 0 {
		out = append(out, bad(locKU+".extnValue", "Key Usage SHALL include cRLSign; found %s", kuString(c.KeyUsage)))
	}
	if c.KeyUsage&^(x509.KeyUsageCRLSign|x509.KeyUsageDigitalSignature) != 0 {
		out = append(out, bad(locKU+".extnValue", "Key Usage SHALL NOT include bits other than cRLSign and digitalSignature; found %s", kuString(c.KeyUsage)))
	}
	return out
}

func presence(present, crit bool) string {
	switch {
	case !present:
		return "absent"
	case !crit:
		return "not critical"
	}
	return "critical"
}

func kuString(ku x509.KeyUsage) string {
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
