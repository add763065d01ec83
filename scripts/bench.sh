#!/usr/bin/env bash
# Whole-process throughput on this machine: generate a bundle of N distinct
# valid DACs (default 100,000), then time `matterlint lint` and
# `matterlint verify` on it (wall, CPU, peak RSS), and run the Go benchmarks
# that compare matterlint with the crypto/x509 floor in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/matterlint" ./cmd/matterlint
go run ./internal/fixtures/cmd/genfixtures -dacs "$n" -out "$dir/dacs.pem"
echo "bundle: $n DACs, $(du -h "$dir/dacs.pem" | cut -f1), $(nproc) CPUs, $(go version | cut -d' ' -f3)"
for i in 1 2 3; do
  /usr/bin/time -f "lint   run $i: %e s wall, %U s user, %M KB peak RSS" "$dir/matterlint" lint --quiet "$dir/dacs.pem" >/dev/null
done
for i in 1 2 3; do
  /usr/bin/time -f "verify run $i: %e s wall, %U s user, %M KB peak RSS" "$dir/matterlint" verify --no-current-time \
    --pai testdata/certs/valid/pai.pem --paa testdata/certs/valid/paa.pem "$dir/dacs.pem" >/dev/null
done
go test -run '^$' -bench 'Bundle' -benchtime 3x ./cmd/matterlint | grep Benchmark
go test -run '^$' -bench 'VerifyBatch' -benchtime 5x ./verify | grep Benchmark
