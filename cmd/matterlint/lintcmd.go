package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/lint/zlintbridge"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/report"
	"github.com/spf13/pflag"
)

func lintCommand() *command {
	return &command{name: "lint", args: "PATH...", summary: "lint certificates (PAA, PAI, DAC, CRL signer) against every rule",
		details: "PATH is a PEM file (bundles of any size), a DER file, a hex or base64 file, a directory (read\n" +
			"recursively: *.pem *.der *.crt *.cer *.cert) or - for standard input. Batch rules compare the\n" +
			"certificates of one run (repeated serials and keys; with --pai, DACs of another PAI).",
		ci: true, failOn: "error", setup: setupLint}
}

func setupLint(fs *pflag.FlagSet) func(*env) int {
	roleFlag := fs.String("role", "auto", "certificate role: auto, paa, pai, dac, crl-signer, rcac, icac, noc or vvsc (a VVSC is never detected)")
	fs.SetAnnotation("role", completionValues, []string{"auto", "paa", "pai", "dac", "crl-signer", "rcac", "icac", "noc", "vvsc"})
	atFlag := fs.String("at", "", "evaluation time for validity checks (RFC 3339, or \"now\"); none by default")
	profile := fs.String("profile", "spec-strict", "rule selection: "+strings.Join(profileNames(), ", ")+
		" (the default leaves out the DCL's submission rules, which re-parse every certificate with crypto/x509: --profile dcl or all)")
	fs.SetAnnotation("profile", completionValues, profileNames())
	include := fs.StringSlice("include", nil, "run only these rules or sources (comma-separated)")
	exclude := fs.StringSlice("exclude", nil, "do not run these rules or sources (comma-separated)")
	jobs := fs.Int("jobs", 0, "parallel workers (0: one per CPU)")
	pais := fs.StringArray("pai", nil, "a PAI the DACs must be issued by (repeatable; enables e_batch_issuer_not_given)")
	zlintPass := fs.Bool("zlint", false, "also run zlint's RFC 5280 lints (an allow-list; see list-lints --zlint)")
	zlintNames := fs.StringSlice("zlint-lints", nil, "zlint lints to run instead of the default allow-list (implies --zlint)")
	return func(e *env) int {
		usageErr := func(format string, a ...any) int {
			fmt.Fprintf(e.stderr, "matterlint lint: "+format+"\n", a...)
			return exitUsage
		}
		if len(e.inputs) == 0 {
			return usageErr("no input given (a path, a directory or - for stdin)")
		}
		opts := lint.Options{}
		if *roleFlag != "auto" {
			r, err := matterext.ParseRole(*roleFlag)
			if slices.Contains([]string{"cd", "crl", "revocation-point"}, *roleFlag) {
				err = errors.New("not a certificate role; CDs are linted with `matterlint cd`, CRLs with `matterlint crl`")
			}
			if err != nil {
				return usageErr("--role %q: %v", *roleFlag, err)
			}
			opts.Role = r
		}
		if *atFlag != "" {
			t, err := parseAt(*atFlag)
			if err != nil {
				return usageErr("--at: %v", err)
			}
			opts.At = t
		}
		reg, code := selectRules(*profile, *include, *exclude, e.stderr, "lint")
		if reg == nil {
			return code
		}
		var paiCerts []*matterext.Certificate
		for _, p := range *pais {
			c, code := loadOne(p, "--pai", matterext.RolePAI, e.stderr)
			if c == nil {
				return code
			}
			paiCerts = append(paiCerts, c)
		}
		rules := report.Rules(reg)
		var pass *zlintbridge.Pass
		if *zlintPass || len(*zlintNames) > 0 {
			p, err := zlintbridge.NewPass(*zlintNames)
			if err != nil {
				return usageErr("--zlint-lints: %v", err)
			}
			pass = p
			for _, r := range p.Rules() {
				rules = append(rules, report.Rule{Name: r.Name, Description: r.Description, Citation: r.Citation, Source: string(r.Source), Severity: r.Severity()})
			}
		}
		tuneGC()
		cross := lint.NewBatch(reg, paiCerts)
		defer cross.Close()
		batchRules := batchRoleRules(reg)
		var issuers nameCache
		var certs certPool
		return inputRun[*report.CertResult]{command: "lint", what: "certificate", reader: &input.Reader{Stdin: e.stdin}, paths: e.inputs, jobs: *jobs,
			check: func(it input.Item) (*report.CertResult, error) {
				r := lintItem(reg, pass, it, opts, certs.parse)
				if r.Cert != nil {
					r.Issuer = issuers.text(&r.Cert.Issuer)
				}
				return r, nil
			},
			ahead: func(cs []checked[*report.CertResult]) {
				if batchRules {
					for _, c := range cs {
						if r := c.res; c.err == nil && r.Err == nil {
							cross.Ahead(r.Cert, r.Lint.Role)
						}
					}
				}
			},
			inOrder: func(r *report.CertResult) {
				if r.Err == nil && batchRules {
					r.Lint.Findings = append(r.Lint.Findings, cross.Add(r.Cert, r.Lint.Role)...)
				}
			},
			// Written, nothing refers to the certificate any more (the
			// result's names and findings are strings of their own).
			written: func(r *report.CertResult) {
				if r.Cert != nil {
					certs.put(r.Cert)
					r.Cert = nil
				}
			}}.run(e, e.ci.writer(e, "lint", rules))
	}
}

// tuneGC sets the garbage collector for a stream of certificates: the live
// heap is small (the items in flight, under batch.DefaultBudget, and the
// batch rules' buffers; their tables are outside the heap), so the default
// goal (twice the live heap, 12-35 MB) makes the collector run every few
// thousand certificates, about a sixth of the CPU. A goal of five times the
// live heap, capped at 64 MiB of Go memory, collects far less often and
// keeps the process under 100 MB. GOGC or GOMEMLIMIT in the environment win.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(64 << 20)
}

// finish is the exit code of a command that checked objects of what kind.
func finish(s report.Summary, stderr io.Writer, command, what string) int {
	if s.Inputs == 0 {
		return noObjects(stderr, command, what)
	}
	return exitFor(s)
}

// profileNames lists lint's rule profiles.
func profileNames() []string {
	var out []string
	for _, p := range lint.Profiles() {
		out = append(out, p.Name)
	}
	return out
}

// selectRules is the registry of a --profile, --include and --exclude; nil
// with an exit code after a usage error (which lists the valid profiles).
func selectRules(profile string, include, exclude []string, stderr io.Writer, command string) (*lint.Registry, int) {
	if !contains(profileNames(), profile) {
		fmt.Fprintf(stderr, "matterlint %s: --profile %q: unknown profile (want %s)\n", command, profile, strings.Join(profileNames(), ", "))
		return nil, exitUsage
	}
	reg, err := lint.Default().Select(profile, include, exclude)
	if err != nil {
		fmt.Fprintf(stderr, "matterlint %s: %v\n", command, err)
		return nil, exitUsage
	}
	return reg, exitOK
}

// itemWeight is the memory an input holds until its result is written: its
// DER (the decoded model's slices alias it), the model (a certificate's is
// 2.5 KiB) and the result with its findings.
func itemWeight(it input.Item) int64 { return int64(len(it.DER)) + 4096 }

// ignoredFiles counts the files directory walks skip for their extension.
type ignoredFiles struct {
	n     int
	first string
}

func (g *ignoredFiles) add(p string) {
	if g.n == 0 {
		g.first = p
	}
	g.n++
}

// report says on stderr how many files were not read, with the first.
func (g *ignoredFiles) report(stderr io.Writer, command string) {
	if g.n > 0 {
		fmt.Fprintf(stderr, "matterlint %s: %d file%s in the directories not read for their extension (e.g. %s)\n",
			command, g.n, report.Plural(g.n), report.SafeText(g.first))
	}
}

// batchRoleRules reports whether any batch rule is selected.
func batchRoleRules(reg *lint.Registry) bool {
	for _, r := range reg.Rules() {
		if r.Kind == lint.KindBatch {
			return true
		}
	}
	return false
}

func parseAt(s string) (time.Time, error) {
	if strings.EqualFold(s, "now") {
		return time.Now().UTC(), nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an RFC 3339 time (e.g. 2026-01-31T12:00:00Z) or \"now\"", s)
}

// nameCache renders names, remembering the last one rendered: the
// certificates of a batch share a few issuers. It is safe for concurrent use.
type nameCache struct{ last atomic.Pointer[renderedName] }

type renderedName struct {
	raw  []byte
	text string
}

// text is n.String(), reused when n is the name last rendered.
func (c *nameCache) text(n *matterext.Name) string {
	if !n.Present || len(n.Raw) == 0 {
		return n.String()
	}
	if last := c.last.Load(); last != nil && bytes.Equal(last.raw, n.Raw) {
		return last.text
	}
	t := n.String()
	c.last.Store(&renderedName{bytes.Clone(n.Raw), t})
	return t
}

// certPool recycles decoded certificates once their results are written: a
// batch of a million DACs then decodes into a few thousand Certificates
// instead of allocating (and collecting) one each.
type certPool struct{ p sync.Pool }

// parse is matterext.ParseCertificate into a recycled Certificate.
func (c *certPool) parse(der []byte) (*matterext.Certificate, error) {
	dst, _ := c.p.Get().(*matterext.Certificate)
	cert, err := matterext.ParseCertificateInto(dst, der)
	if err != nil && dst != nil {
		c.p.Put(dst)
	}
	return cert, err
}

// put gives back a certificate nothing refers to any more.
func (c *certPool) put(cert *matterext.Certificate) { c.p.Put(cert) }

// lintItem decodes (with parse) and lints one input object; pass, when not
// nil, adds zlint's findings.
func lintItem(reg *lint.Registry, pass *zlintbridge.Pass, it input.Item, opts lint.Options, parse func([]byte) (*matterext.Certificate, error)) *report.CertResult {
	r := &report.CertResult{Input: it.Source, Format: it.Format}
	c, index, ierr := decodeItem(it, input.KindCertificate, report.KindCertificate, parse)
	if r.Index, r.Err = index, ierr; ierr != nil {
		return r
	}
	res := reg.Lint(c, opts)
	if pass != nil {
		res.Findings = append(res.Findings, pass.LintOrNotice(c)...)
	}
	r.Lint = res
	r.Cert = c // the names and the SHA-256 are written from it
	return r
}

// decodeItem decodes an input item as an object of kind want with parse;
// an item that is a read error, another kind of object or does not decode
// gives an InputError. index is the item's index (-1 when a read error
// concerns the whole input).
func decodeItem[T any](it input.Item, want input.ObjectKind, kind report.ObjectKind, parse func([]byte) (T, error)) (v T, index int, _ *report.InputError) {
	if it.Err != nil {
		k := report.NotA(kind)
		if it.Err.Kind == input.KindIO {
			k = report.ErrorIO
		}
		return v, it.Err.Index, report.NewInputError(k, it.Source, it.Err)
	}
	one, _ := kind.Noun()
	if err := wrongObject(it.DER, want); err != nil {
		return v, it.Index, report.NewInputError(report.NotA(kind), it.Source, fmt.Errorf("%s [%d]: not a %s: %w", it.Source, it.Index, one, err))
	}
	v, err := parse(it.DER)
	if err != nil {
		return v, it.Index, report.NewInputError(report.NotA(kind), it.Source, fmt.Errorf("%s [%d]: %w", it.Source, it.Index, err))
	}
	return v, it.Index, nil
}
