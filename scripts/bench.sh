#!/usr/bin/env bash
# Builds a release otc and runs the benchmark: seeded data shaped like real exports (rows in no
# particular order, ~28% of invoices open, 10k+ customers, four currencies) at 100k and 1M invoices
# (scripts/bench.sh 100000 1000000 5000000 for the 5M row too); rows/s, wall time and peak RSS for
# import, aging and dso, with the peers timed on the same files in the same run: the sqlite3 CLI's
# .import into keyed tables, and DuckDB (npm @duckdb/node-api, installed into a cache folder)
# computing aging from the CSVs; prints the ratios and checks the aging totals against DuckDB's.
# BENCH_ORDER=friendly uses the old, friendlier generator. Usage: scripts/bench.sh [N ...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target otc otc_bench remit_gen
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
args=(); for n in "${sizes[@]}"; do args+=(--invoices "$n"); done
# The DuckDB peer: its Node.js client from the npm registry, cached between runs.
peers="${XDG_CACHE_HOME:-$HOME/.cache}/otc-bench/duckdb"
mkdir -p "$peers"
if [ ! -d "$peers/node_modules/@duckdb/node-api" ]; then
  echo '{"name":"otc-bench-peers","private":true,"type":"module"}' > "$peers/package.json"
  (cd "$peers" && npm install --no-audit --no-fund --silent @duckdb/node-api@1.5.6-r.1)
fi
cp bench/duckdb_aging.mjs "$peers/"
build/otc_bench build/otc --dir "${BENCH_DIR:-bench-data}" --order "${BENCH_ORDER:-shuffled}" --duckdb "$peers" "${args[@]}"
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
