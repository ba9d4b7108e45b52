#!/usr/bin/env bash
# Installs dependencies, builds, and runs the main job end to end on samples/:
# init -> import customers, invoices, payments -> aging -> dso. Reports go to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOTC_TESTS=OFF >/dev/null
cmake --build build -j2 --target otc
OTC=$PWD/build/otc
OUT=$PWD/out
AS_OF=2026-11-03
mkdir -p "$OUT"
export OTC_LEDGER=$OUT/otc.db
rm -f "$OTC_LEDGER" "$OTC_LEDGER-wal" "$OTC_LEDGER-shm"
"$OTC" init
"$OTC" import customers samples/customers.csv
"$OTC" import invoices samples/invoices.csv
"$OTC" import payments samples/payments.csv
# Monthly billing run from the contracts and metered usage.
"$OTC" import contracts samples/contracts.csv
"$OTC" import usage samples/usage.csv
"$OTC" invoice run --through 2026-11-03 -o "$OUT/invoice_register.csv"
"$OTC" invoice render --all --out "$OUT/invoices"
"$OTC" unbilled --as-of 2026-11-03 -o "$OUT/unbilled.csv"
# Nightly cash application on the bank file; exit 3 means some cash is left for a person.
"$OTC" --as-of 2026-11-03 apply-cash samples/bank/bank_2026-11-03.csv --tolerance 10.00 -o "$OUT/applications.csv" || [ $? = 3 ]
"$OTC" --as-of 2026-11-03 cash unapplied -o "$OUT/unapplied.csv"
"$OTC" aging --as-of $AS_OF --totals -o "$OUT/aging_by_customer.csv"
"$OTC" aging --as-of $AS_OF --by invoice -o "$OUT/aging_by_invoice.csv"
"$OTC" dso --as-of $AS_OF -o "$OUT/dso.csv"
"$OTC" dso --as-of $AS_OF --method countback --by customer -o "$OUT/dso_countback_by_customer.csv"
# Prove the cash: bank deposits against the receipts in the ledger (exit 3 if breaks remain).
"$OTC" reconcile bank samples/bank/bank_2026-11-03.csv --from 2026-11-01 --to 2026-11-03 -o "$OUT/reconcile_bank.csv" || [ $? = 3 ]
# Month-end close of October: roll-forward and aging at period end, then the period is locked.
mkdir -p "$OUT/close"
"$OTC" close --period 2026-10 --out-dir "$OUT/close" -o "$OUT/rollforward_2026-10.csv"
"$OTC" log -o "$OUT/audit_log.csv"
"$OTC" --format table aging --as-of $AS_OF --totals | tail -4
echo
echo "Reports are in $OUT/:"
ls -1 "$OUT"/*.csv "$OUT"/close/*.csv | sed 's/^/  /'
echo "Invoice documents: $OUT/invoices/"
echo "Ledger: $OTC_LEDGER"
