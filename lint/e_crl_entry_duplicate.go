package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CRLRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crl_entry_duplicate", "A serial number must not be listed twice for the same certificate issuer", citeCRL+".1.2.6; zlint e_crl_unique_revoked_certificate", SourceRFC5280),
			Quote:        "Certificates revoked by the CA are uniquely identified by the certificate serial number.",
			QuoteSource:  "RFC 5280 §5.1.2.6 (no explicit MUST NOT repeat; zlint e_crl_unique_revoked_certificate rests on the same text)",
		},
		Check: func(l *matterext.CRL, r *Reporter) {
			seen := map[string]int{}
			for _, e := range l.Entries {
				k := string(e.Issuer) + "\x00" + matterext.SerialHex(e.Serial.Bytes)
				if j, dup := seen[k]; dup {
					r.Add("tbsCertList.revokedCertificates["+itoa(int64(e.Index))+"]", matterext.SerialHex(e.Serial.Bytes), "each serial once",
						"serial "+matterext.SerialHex(e.Serial.Bytes)+" is listed again (first at entry "+itoa(int64(j))+")")
					continue
				}
				seen[k] = e.Index
			}
		},
	})
}
