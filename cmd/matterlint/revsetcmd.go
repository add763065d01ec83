package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
	"github.com/spf13/pflag"
)

func runRevocationSet(args []string, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("revocation-set", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	pointsFile := fs.String("points", "", "DCL revocation points (the DCL's JSON)")
	crlDir := fs.String("crl-dir", "", "directory of CRL files, named as the last path segment of each point's dataURL")
	crlMap := fs.String("crl-map", "", "JSON object mapping dataURL to CRL file (paths relative to the map file)")
	paaFiles := fs.StringArray("paa", nil, "a trusted PAA (repeatable)")
	paaDirs := fs.StringArray("paa-dir", nil, "a directory of trusted PAAs (repeatable); default: the embedded production PAAs")
	out := fs.StringP("output", "o", "", "write the revocation set here (default: standard output)")
	atFlag := fs.String("at", "", "time the CRLs must be current at (RFC 3339; default now)")
	format := fs.String("format", "text", "report format on standard error: text or json")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: matterlint revocation-set --points FILE (--crl-dir D | --crl-map FILE) [--paa-dir D ...] [-o FILE]\n\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *pointsFile == "" || (*crlDir == "" && *crlMap == "") || (*format != "text" && *format != "json") {
		fs.Usage()
		return exitUsage
	}
	b, err := input.ReadFileLimit(*pointsFile, input.MaxJSONSize, "revocation points")
	if err != nil {
		fmt.Fprintln(stderr, "matterlint revocation-set:", err)
		return exitUsage
	}
	points, err := matterext.ParseRevocationPoints(b)
	if err != nil {
		fmt.Fprintf(stderr, "matterlint revocation-set: %s: %v\n", *pointsFile, err)
		return exitNotCertificate
	}
	store, code := buildStore(*paaFiles, *paaDirs, false, stderr)
	if store == nil {
		return code
	}
	opts := verify.BuildOptions{Store: store}
	if *atFlag != "" {
		if opts.At, err = parseAt(*atFlag); err != nil {
			fmt.Fprintln(stderr, "matterlint revocation-set: --at:", err)
			return exitUsage
		}
	}
	mapping := map[string]string{}
	if *crlMap != "" {
		mb, err := input.ReadFileLimit(*crlMap, input.MaxJSONSize, "dataURL map")
		if err == nil {
			err = json.Unmarshal(mb, &mapping)
		}
		if err != nil {
			fmt.Fprintln(stderr, "matterlint revocation-set: --crl-map:", err)
			return exitUsage
		}
		for k, v := range mapping {
			if !filepath.IsAbs(v) {
				mapping[k] = filepath.Join(filepath.Dir(*crlMap), v)
			}
		}
	}
	opts.FetchCRL = func(dataURL string) ([]byte, error) {
		if f, ok := mapping[dataURL]; ok {
			return input.ReadFileLimit(f, input.MaxCRLSize, "CRL")
		}
		if *crlDir == "" {
			return nil, fmt.Errorf("not in --crl-map")
		}
		u, err := url.Parse(dataURL)
		if err != nil || path.Base(u.Path) == "/" || path.Base(u.Path) == "." {
			return nil, fmt.Errorf("cannot name a file after dataURL %q", dataURL)
		}
		return input.ReadFileLimit(filepath.Join(*crlDir, path.Base(u.Path)), input.MaxCRLSize, "CRL")
	}
	res := verify.BuildRevocationSet(points, opts)
	set := matterext.MarshalRevocationSet(res.Set)
	if *out != "" {
		err = os.WriteFile(*out, set, 0o644)
	} else {
		_, err = stdout.Write(append(set, '\n'))
	}
	if err != nil {
		fmt.Fprintln(stderr, "matterlint revocation-set:", err)
		return exitUsage
	}
	rejected := 0
	for _, p := range res.Points {
		if !p.Accepted {
			rejected++
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(stderr)
		enc.SetIndent("", "  ")
		enc.Encode(map[string]any{"points": res.Points, "accepted": len(res.Points) - rejected, "rejected": rejected})
	} else {
		for _, p := range res.Points {
			status := "accepted"
			if !p.Accepted {
				status = "REJECTED"
			}
			fmt.Fprintf(stderr, "point %d %q: %s", p.Index, p.Label, status)
			if p.Entry != nil {
				fmt.Fprintf(stderr, " (issuer %s, %d revoked serials)", p.Entry.IssuerSubjectKeyID, len(p.Entry.RevokedSerialNumbers))
			}
			fmt.Fprintln(stderr)
			for _, r := range p.Reasons {
				fmt.Fprintf(stderr, "  - %s\n", r)
			}
			for _, n := range p.Notes {
				fmt.Fprintf(stderr, "  note: %s\n", n)
			}
		}
		fmt.Fprintf(stderr, "%d points: %d accepted, %d rejected\n", len(res.Points), len(res.Points)-rejected, rejected)
	}
	if rejected > 0 {
		return exitFindings
	}
	return exitOK
}
