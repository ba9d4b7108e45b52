#!/usr/bin/env bash
# Builds a release otc and runs the benchmark: seeded, skewed data at 100k and 1M invoices;
# rows/s, wall time and peak RSS for import, aging and dso. Usage: scripts/bench.sh [N ...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target otc otc_bench remit_gen
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
args=(); for n in "${sizes[@]}"; do args+=(--invoices "$n"); done
build/otc_bench build/otc --dir "${BENCH_DIR:-bench-data}" "${args[@]}"
# Billing: 100k contracts (mixed models, 10% usage) -> one monthly invoice run.
cmake --build build -j2 --target billing_bench
build/billing_bench build/otc --contracts 100000 --dir "${BENCH_DIR:-bench-data}/billing"
# Billing reconciliation, 1M CRM vs 1M ERP lines, 1% of each break type planted: the engine with
# a truth check (recon_bench), then the same files through `otc reconcile billing` (exit 3: breaks).
cmake --build build -j2 --target recon_gen recon_bench; recon_dir="${BENCH_DIR:-bench-data}/recon"; mkdir -p "$recon_dir"
build/recon_gen --lines 1000000 --seed 42 --rate 0.01 --noise 0.01 --out "$recon_dir" && build/recon_bench --crm "$recon_dir/crm.csv" --erp "$recon_dir/erp.csv" --truth "$recon_dir/truth.csv" --tolerance 1
( time build/otc -o "$recon_dir/breaks.csv" reconcile billing --crm "$recon_dir/crm.csv" --erp "$recon_dir/erp.csv" --tolerance 1 ) || [ $? -eq 3 ]
# Cash application: 100k receipts against 1M open invoices, scored against the generator's truth.
BENCH_DIR=${BENCH_DIR:-bench-data} bench/apply_cash_bench.sh build 1000000 100000 50000
