#!/usr/bin/env bash
# The same generated receipts as CSV, BAI2, MT940, camt.053, NACHA and a US bank's CSV export, each applied end to end
# with `otc apply-cash` on a copy of one ledger (customers and open invoices imported once), scored
# against the truth: precision and auto-apply per format.
#
#   bench/remit_formats.sh BUILD_DIR [RECEIPTS=2000] [INVOICES=20000] [CUSTOMERS=2000] [SEED=42]
set -euo pipefail
BUILD=$(readlink -f "$1"); R=${2:-2000}; N=${3:-20000}; C=${4:-2000}; SEED=${5:-42}
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${BENCH_DIR:-bench-data}/remit-formats-$SEED
rm -rf "$DIR"; mkdir -p "$DIR"; cd "$DIR"
export TZ=UTC LC_ALL=C
"$BUILD/remit_gen" --seed "$SEED" --customers "$C" --invoices "$N" --receipts "$R" --all-formats --out . 2>/dev/null
OTC_LEDGER=$PWD/base.db "$BUILD/otc" -q init
OTC_LEDGER=$PWD/base.db "$BUILD/otc" -q import customers customers.csv --map "$HERE/remit_customers.map"
OTC_LEDGER=$PWD/base.db "$BUILD/otc" -q import invoices invoices.csv --map "$HERE/remit_invoices.map"
printf '%-8s %13s %7s %10s %14s %10s %8s\n' format applications wrong precision auto-applied auto-apply seconds
for f in csv:bank.csv bai2:bank.bai2 mt940:bank.mt940 camt053:bank.camt053.xml nacha:bank.ach csv-us:bank_us.csv; do
  name=${f%%:*}; file=${f#*:}
  cp base.db "$name.db"
  start=$(date +%s.%N)
  OTC_LEDGER=$PWD/$name.db "$BUILD/otc" -q apply-cash "$file" --tolerance 2.5% -o "$name-applications.csv" 2>"$name.stderr" || [ $? = 3 ]
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  extra=(); [ "$name" = nacha ] && extra=(--nacha)
  read -r apps wrong prec auto payable rate < <(python3 "$HERE/score_apply_cash.py" . "$name-applications.csv" --row "${extra[@]}")
  printf '%-8s %13s %7s %10s %14s %10s %8.2f\n' "$name" "$apps" "$wrong" "$prec" "$auto/$payable" "$rate" "$secs"
done
