package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/matterlint/matterlint/report"
)

var update = flag.Bool("update", false, "rewrite docs/schema from report.Schema")

// TestSchemaFilesUpToDate: docs/schema holds what Schema returns (go test
// ./report -run SchemaFiles -update rewrites it).
func TestSchemaFilesUpToDate(t *testing.T) {
	for _, c := range report.Commands() {
		for _, nd := range []bool{false, true} {
			want, err := report.Schema(c, nd)
			if err != nil {
				t.Fatal(err)
			}
			name := c + "-output.schema.json"
			if nd {
				name = c + "-ndjson.schema.json"
			}
			p := filepath.Join("..", "docs", "schema", name)
			if *update {
				if err := os.WriteFile(p, want, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(p)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s is not what report.Schema(%q, %v) returns (go test ./report -run SchemaFiles -update): %v", p, c, nd, err)
			}
		}
	}
	if _, err := report.Schema("explain", false); err == nil {
		t.Error("Schema(explain): no error")
	}
}
