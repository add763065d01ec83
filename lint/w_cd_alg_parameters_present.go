package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_cd_alg_parameters_present",
				"The CD's AlgorithmIdentifiers should carry no parameters, as the SDK writes them",
				citeCMS+" (CMS_Sign); matter-pki-rules.md §8 item 10", SourceMatter),
			SDK:         SDKNotChecked,
			Note:        "Whether the SDK's parser tolerates NULL parameters (05 00) is unverified: it reads only the OID.",
			Quote:       "Implementations MUST generate SHA2 AlgorithmIdentifiers with absent parameters.",
			QuoteSource: "RFC 5754 §2 (verified via public code comments quoting it); for ecdsa-with-SHA256 see RFC 5758 §3.2 'the encoding MUST omit the parameters field'; SDK writer: connectedhomeip src/credentials/CertificationDeclaration.cpp CMS_Sign/EncodeSignerInfo PutObjectId only",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			sd := cd.CMS
			check := func(loc string, a matterext.AlgorithmIdentifier) {
				if a.Params != nil {
					r.Add(loc+".parameters", "0x"+matterext.HexColon(a.Params), "absent", loc+" has parameters")
				}
			}
			for _, a := range sd.DigestAlgorithms {
				check("SignedData.digestAlgorithms", a)
			}
			if si := signerInfo(cd); si != nil {
				check(siLoc+".digestAlgorithm", si.DigestAlgorithm)
				check(siLoc+".signatureAlgorithm", si.SignatureAlgorithm)
			}
		},
	})
}
