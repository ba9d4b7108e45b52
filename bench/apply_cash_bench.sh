#!/usr/bin/env bash
# apply-cash end to end on remit_gen data: import customers and open invoices, apply the bank
# file, score against the truth. Usage: bench/apply_cash_bench.sh BUILD_DIR [INVOICES] [RECEIPTS] [CUSTOMERS]
set -euo pipefail
BUILD=$(readlink -f "$1"); N=${2:-1000000}; R=${3:-100000}; C=${4:-50000}
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${BENCH_DIR:-bench-data}/apply-cash-$N
rm -rf "$DIR"; mkdir -p "$DIR"; cd "$DIR"
"$BUILD/remit_gen" --seed 42 --customers "$C" --invoices "$N" --receipts "$R" --out . >/dev/null
export OTC_LEDGER=$PWD/ledger.db
"$BUILD/otc" -q init
"$BUILD/otc" -q import customers customers.csv --map "$HERE/remit_customers.map"
"$BUILD/otc" -q import invoices invoices.csv --map "$HERE/remit_invoices.map"
/usr/bin/time -f "apply-cash: %e s wall, %M KB peak RSS" "$BUILD/otc" -q apply-cash bank.csv --tolerance 2.5% -o applications.csv || [ $? = 3 ]
python3 "$HERE/score_apply_cash.py" . applications.csv
