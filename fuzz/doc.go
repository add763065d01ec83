// Package fuzz holds the native Go fuzz targets for every decoder and entry
// point of matterlint, and the hostile-input tests. Run one target with
// e.g. `go test ./fuzz -run '^$' -fuzz '^FuzzParseCertificate$' -fuzztime 10m`.
//
// Seeds come from testdata/ and the shared corpus; crashers found are kept
// under testdata/fuzz/<Target>/ and run as regression tests by `go test`.
package fuzz
