#!/usr/bin/env bash
# Whole-process throughput on this machine: generate a bundle of N distinct
# valid DACs (default 1,000,000), then time `matterlint lint` and
# `matterlint verify` on it (wall, CPU, peak RSS), check that --jobs 1 and
# --jobs 2 give byte-identical output, and run the Go benchmarks that compare
# matterlint with the crypto/x509 floor in the same run; then lint's CPU as a
# ratio to pem.Decode + x509.ParseCertificate over the same bundle, and the
# batch rules' state at 10,000,000 DACs.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/matterlint" ./cmd/matterlint
go run ./internal/fixtures/cmd/genfixtures -dacs "$n" -out "$dir/dacs.pem"
echo "bundle: $n DACs, $(du -h "$dir/dacs.pem" | cut -f1), $(nproc) CPUs, $(go version | cut -d' ' -f3)"
for i in 1 2 3; do
  /usr/bin/time -f "lint   run $i: %e s wall, %U s user, %M KB peak RSS" "$dir/matterlint" lint --quiet "$dir/dacs.pem" >/dev/null
done
"$dir/matterlint" lint --jobs 1 --format ndjson "$dir/dacs.pem" > "$dir/one.ndjson"
"$dir/matterlint" lint --jobs 2 --format ndjson "$dir/dacs.pem" > "$dir/two.ndjson"
cmp "$dir/one.ndjson" "$dir/two.ndjson" && echo "lint --jobs 1 and --jobs 2: byte-identical ndjson ($(wc -l < "$dir/one.ndjson") lines)"
for i in 1 2; do
  /usr/bin/time -f "verify run $i: %e s wall, %U s user, %M KB peak RSS" "$dir/matterlint" verify --no-current-time \
    --pai testdata/certs/valid/pai.pem --paa testdata/certs/valid/paa.pem "$dir/dacs.pem" >/dev/null
done
go test -run '^$' -bench 'Bundle' -benchtime 3x ./cmd/matterlint | grep Benchmark

# Linting for the price of a parse: CPU (user+sys) of `matterlint lint`,
# output on (text to /dev/null) and --quiet, as a ratio to its floor measured
# in the same run, interleaved: pem.Decode + crypto/x509.ParseCertificate
# over the same PEM on one core (the program below).
mkdir -p "$dir/floor"
cat > "$dir/floor/floor.go" <<'GO'
// Command floor is pem.Decode + crypto/x509.ParseCertificate over a PEM
// bundle on one core, read in 64 MiB pieces: the CPU floor that
// `matterlint lint` is compared with in scripts/bench.sh.
package main

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
	"os"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1)
	f, err := os.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	buf := make([]byte, 64<<20)
	have, n := 0, 0
	for {
		m, err := io.ReadFull(f, buf[have:])
		have += m
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !eof {
			panic(err)
		}
		chunk := buf[:have]
		if !eof { // decode up to the end of the last complete block
			i := bytes.LastIndex(chunk, []byte("-----END"))
			j := bytes.IndexByte(chunk[max(i, 0):], '\n')
			if i < 0 || j < 0 {
				panic("no complete PEM block in 64 MiB")
			}
			chunk = chunk[:i+j+1]
		}
		rest := chunk
		for {
			var blk *pem.Block
			if blk, rest = pem.Decode(rest); blk == nil {
				break
			}
			if _, err := x509.ParseCertificate(blk.Bytes); err != nil {
				panic(err)
			}
			n++
		}
		if eof {
			break
		}
		have = copy(buf, buf[len(chunk)-len(rest):have])
	}
	fmt.Println(n, "certificates parsed")
}
GO
(cd "$dir/floor" && go build -o "$dir/floorbin" floor.go)
cpu() { /usr/bin/time -f "%U %S %M %e" -o "$dir/t" "$@" >/dev/null || true; awk 'END {printf "%.2f %d %.2f", $1+$2, $3, $4}' "$dir/t"; }
for i in 1 2 3; do
  read -r f _ _ <<<"$(cpu "$dir/floorbin" "$dir/dacs.pem")"
  read -r l lm lw <<<"$(cpu "$dir/matterlint" lint "$dir/dacs.pem")"
  read -r q qm _ <<<"$(cpu "$dir/matterlint" lint --quiet "$dir/dacs.pem")"
  awk -v f="$f" -v l="$l" -v q="$q" -v lm="$lm" -v qm="$qm" -v lw="$lw" -v i="$i" 'BEGIN {
    printf "lint vs parse floor, run %d: floor %.2f s CPU; lint %.2f s CPU (%.2fx), %.2f s wall, %d KB peak RSS; --quiet %.2f s CPU (%.2fx), %d KB\n",
      i, f, l, l/f, lw, lm, q, q/f, qm }'
done

# Batch state that scales: the duplicate-serial and duplicate-key states over
# BATCH_STATE_N synthetic DACs (default 10,000,000; one issuer, distinct
# serials and keys): table and record-file bytes per certificate and the
# peak RSS of the test binary, beside its floor, the same binary adding one.
go test -c -o "$dir/lint.test" ./lint
for n_state in 1 "${BATCH_STATE_N:-10000000}"; do
  BATCH_STATE_N=$n_state /usr/bin/time -f "batch state, $n_state DACs: %e s wall, %U s user, %M KB peak RSS" \
    "$dir/lint.test" -test.run '^$' -test.bench BatchState -test.benchtime 1x 2>&1 | grep -E 'Benchmark|RSS'
done
go test -run '^$' -bench 'VerifyBatch' -benchtime 5x ./verify | grep Benchmark

# Revocation at fleet scale: the same DACs verified against a revocation set
# and against a 1,000,000-entry CRL of their PAI, neither of which revokes
# them (every DAC costs a full lookup), each beside a run without revocation
# (the floor) so that the ratio is measured in one sitting; then `matterlint
# crl` on that CRL (35 MB of DER). The set has 1,000,000 serials (21 MB of
# JSON, under the 48 MiB cap on JSON inputs, input.MaxJSONSize).
set_serials=${SET_SERIALS:-1000000}
go run ./internal/fixtures/cmd/genrevocation -crl "$dir/big.crl" -crl-entries 1000000 -set "$dir/set.json" -set-serials "$set_serials"
echo "revocation: a set of $set_serials serials ($(du -h "$dir/set.json" | cut -f1)), a CRL of 1,000,000 entries ($(du -h "$dir/big.crl" | cut -f1))"
for i in 1 2; do
  for rev in none set crl; do
    args=()
    case $rev in
      set) args=(--revocation-set "$dir/set.json") ;;
      crl) args=(--crl "$dir/big.crl") ;;
    esac
    /usr/bin/time -f "verify, revocation $rev, run $i: %e s wall, %U s user, %M KB peak RSS" "$dir/matterlint" verify --no-current-time \
      --pai testdata/certs/valid/pai.pem --paa testdata/certs/valid/paa.pem ${args[@]+"${args[@]}"} "$dir/dacs.pem" >/dev/null
  done
done
for i in 1 2 3; do
  /usr/bin/time -f "crl, 1,000,000 entries, run $i: %e s wall, %U s user, %M KB peak RSS" "$dir/matterlint" crl "$dir/big.crl" >/dev/null
done
go test -run '^$' -bench 'VerifyRevocation' -benchtime 10x -count 2 ./verify | grep Benchmark
go test -run '^$' -bench 'RevocationLookup' -count 2 ./verify | grep Benchmark
go test -run '^$' -bench 'ParseLintCRL' -benchtime 3x -count 2 ./lint | grep Benchmark
