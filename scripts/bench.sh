#!/usr/bin/env bash
# Whole-process throughput on this machine: generate a bundle of N distinct
# valid DACs (default 1,000,000), then time `matterlint lint` and
# `matterlint verify` on it (wall, CPU, peak RSS), check that --jobs 1 and
# --jobs 2 give byte-identical output, and run the Go benchmarks that compare
# matterlint with the crypto/x509 floor in the same run.
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
