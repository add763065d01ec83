package main

import (
	"fmt"
	"os"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/report"
	"github.com/matterlint/matterlint/verify"
	"github.com/spf13/pflag"
)

func revocationSetCommand() *command {
	return &command{name: "revocation-set", args: "[--points] FILE...",
		summary: "build the SDK's revocation set from DCL revocation points and their CRLs, offline",
		details: "The set (byte-compatible with generate_revocation_set.py) goes to -o FILE or standard output;\n" +
			"the report of every point goes to standard output with -o, to standard error without it.",
		ci: true, failOn: "none", setup: setupRevocationSet}
}

func setupRevocationSet(fs *pflag.FlagSet) func(*env) int {
	pointsFiles := fs.StringArray("points", nil, "DCL revocation points (the DCL's JSON; repeatable, or give the files as arguments)")
	crlDir := fs.String("crl-dir", "", "directory of CRL files, named as the last path segment of each point's dataURL")
	crlMap := fs.String("crl-map", "", "JSON object mapping dataURL to CRL file (paths relative to the map file)")
	paaFiles := fs.StringArray("paa", nil, "a trusted PAA (repeatable)")
	paaDirs := fs.StringArray("paa-dir", nil, "a directory of trusted PAAs (repeatable); default: the embedded production PAAs")
	out := fs.StringP("output", "o", "", "write the revocation set here (default: standard output)")
	atFlag := fs.String("at", "", "time the CRLs must be current at (RFC 3339; default now)")
	return func(e *env) int {
		stderr := e.stderr
		files := append(append([]string(nil), *pointsFiles...), e.inputs...)
		if len(files) == 0 || (*crlDir == "" && *crlMap == "") {
			fmt.Fprintln(stderr, "matterlint revocation-set: give the points (--points FILE) and the CRLs (--crl-dir D or --crl-map FILE)")
			return exitUsage
		}
		var points []matterext.RevocationPoint
		type origin struct {
			file  string
			index int
		}
		var from []origin
		// The report goes where the set does not.
		re := *e
		if *out == "" {
			re.stdout = stderr
		}
		prog := newProgress(stderr, re.stdout, files, nil)
		for _, f := range files {
			b, err := input.ReadFileLimit(f, input.MaxJSONSize, "revocation points")
			if err != nil {
				fmt.Fprintln(stderr, "matterlint revocation-set:", err)
				return exitUsage
			}
			ps, err := matterext.ParseRevocationPoints(b)
			if err != nil {
				fmt.Fprintf(stderr, "matterlint revocation-set: %s: %v\n", f, err)
				return exitNotCertificate
			}
			for i := range ps {
				from = append(from, origin{f, i})
			}
			points = append(points, ps...)
			prog.item(f, int64(len(b)))
		}
		store, code := buildStore(*paaFiles, *paaDirs, false, stderr)
		if store == nil {
			return code
		}
		opts := verify.BuildOptions{Store: store}
		if *atFlag != "" {
			var err error
			if opts.At, err = parseAt(*atFlag); err != nil {
				fmt.Fprintln(stderr, "matterlint revocation-set: --at:", err)
				return exitUsage
			}
		}
		fetch, err := crlFetcher(*crlDir, *crlMap)
		if err != nil {
			fmt.Fprintln(stderr, "matterlint revocation-set:", err)
			return exitUsage
		}
		opts.FetchCRL = fetch
		res := verify.BuildRevocationSet(points, opts)
		prog.finish()
		set := matterext.MarshalRevocationSet(res.Set)
		if *out != "" {
			err = os.WriteFile(*out, set, 0o644)
		} else {
			_, err = e.stdout.Write(append(set, '\n'))
		}
		if err != nil {
			fmt.Fprintln(stderr, "matterlint revocation-set:", err)
			return exitUsage
		}
		w := e.ci.writer(&re, "revocation-set", report.PointRules())
		for _, p := range res.Points {
			o := from[p.Index]
			if err := w.Write(&report.PointResult{Input: o.file, Index: o.index, Report: p}); err != nil {
				return exitUsage
			}
		}
		if err := w.Close(); err != nil {
			fmt.Fprintln(stderr, "matterlint revocation-set:", err)
			return exitUsage
		}
		return finish(w.Summary(), stderr, "revocation-set", "revocation point")
	}
}
