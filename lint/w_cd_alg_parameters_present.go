package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_cd_alg_parameters_present",
				"The CD's AlgorithmIdentifiers should carry no parameters, as the SDK writes them",
				citeCMS+" (CMS_Sign); matter-pki-rules.md §8 item 10", SourceMatter),
			SDK:  SDKNotChecked,
			Note: "Whether the SDK's parser tolerates NULL parameters (05 00) is unverified: it reads only the OID.",
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
