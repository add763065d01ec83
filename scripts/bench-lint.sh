#!/usr/bin/env bash
# Whole-process lint throughput: generate a bundle of N distinct valid DACs
# (default 100,000), lint it with the matterlint binary and report wall time,
# CPU and peak RSS, beside the crypto/x509 parse floor measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/matterlint" ./cmd/matterlint
go run ./internal/fixtures/cmd/genfixtures -dacs "$n" -out "$dir/dacs.pem"
echo "bundle: $n DACs, $(du -h "$dir/dacs.pem" | cut -f1), $(nproc) CPUs"
for i in 1 2 3; do
  /usr/bin/time -f "lint run $i: %e s wall, %U s user, %M KB peak RSS" "$dir/matterlint" lint --quiet "$dir/dacs.pem" >/dev/null
done
go test -run '^$' -bench 'Bundle' -benchtime 3x ./cmd/matterlint | grep Benchmark
