package testutil_test

import (
	"bytes"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/internal/testutil"
)

// TestExamplesCompileOutsideTheModule copies every test file that holds an
// Example into a module of its own that requires matterlint (replaced by
// this checkout) and vets it there: an Example that used an internal
// package or a helper of another test file would not compile, so every
// Example is code a user can copy.
func TestExamplesCompileOutsideTheModule(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root, _ := filepath.Abs(testutil.Root())
	dst := t.TempDir()
	n := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(b, []byte("\nfunc Example")) {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if strings.HasPrefix(rel, "internal"+string(filepath.Separator)) {
			return nil // internal packages are not the public API
		}
		if f, err := parser.ParseFile(token.NewFileSet(), p, b, parser.PackageClauseOnly); err != nil || !strings.HasSuffix(f.Name.Name, "_test") {
			t.Errorf("%s: Examples must be in an external test package (package x_test) to use only the public API", rel)
		}
		out := filepath.Join(dst, rel)
		os.MkdirAll(filepath.Dir(out), 0o755)
		n++
		return os.WriteFile(out, b, 0o644)
	})
	if n < 8 {
		t.Fatalf("only %d files with Examples found", n)
	}
	gomod, _ := os.ReadFile(filepath.Join(root, "go.mod"))
	gosum, _ := os.ReadFile(filepath.Join(root, "go.sum"))
	mod := strings.Replace(string(gomod), "module github.com/matterlint/matterlint", "module example.com/copied\n\nrequire github.com/matterlint/matterlint v0.0.0\n\nreplace github.com/matterlint/matterlint => "+root, 1)
	os.WriteFile(filepath.Join(dst, "go.mod"), []byte(mod), 0o644)
	os.WriteFile(filepath.Join(dst, "go.sum"), gosum, 0o644)
	cmd := exec.Command(goTool, "vet", "./...")
	cmd.Dir = dst
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off", "GOFLAGS=-buildvcs=false")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the Examples do not compile outside the module (%d files copied to %s):\n%s", n, dst, out)
	}
}
