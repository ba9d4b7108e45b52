#!/usr/bin/env bash
# Builds a release otc and runs the benchmark: seeded, skewed data at 100k and 1M invoices;
# rows/s, wall time and peak RSS for import, aging and dso. Usage: scripts/bench.sh [N ...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target otc otc_bench
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
args=(); for n in "${sizes[@]}"; do args+=(--invoices "$n"); done
build/otc_bench build/otc --dir "${BENCH_DIR:-bench-data}" "${args[@]}"
