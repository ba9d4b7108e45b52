#!/usr/bin/env bash
# Installs dependencies, builds, and runs the main job end to end on samples/:
# init -> import -> invoice run -> apply-cash -> aging -> dso -> collections -> credit -> statements
# -> kpi -> dashboard -> reconcile -> close. Reports go to out/.
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
"$OTC" init --seller-file samples/seller.toml
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
# Collections: the work list, dunning notices (.eml, one per customer whose level went up), aging
# with disputed amounts apart.
"$OTC" collect list --as-of $AS_OF -o "$OUT/worklist.csv"
mkdir -p "$OUT/dunning"
"$OTC" --as-of $AS_OF collect dunning --out "$OUT/dunning" -o "$OUT/dunning.csv"
"$OTC" aging --as-of $AS_OF --disputes separate -o "$OUT/aging_disputes_separate.csv"
# Credit: limits, exposure and holds (exit 3: someone is over the limit or on hold); risk scores.
"$OTC" credit check --as-of $AS_OF -o "$OUT/credit_check.csv" || [ $? = 3 ]
"$OTC" credit risk --as-of $AS_OF -o "$OUT/credit_risk.csv"
# Statements of account for every customer (HTML to print, CSV to send), and monthly KPIs.
"$OTC" statement --all --as-of $AS_OF --out "$OUT/statements" --format both
"$OTC" kpi --as-of $AS_OF --months 6 -o "$OUT/kpi.csv"
# The AR dashboard (one self-contained HTML page with its charts) and the same tables for Excel.
"$OTC" dashboard --as-of $AS_OF --months 12 --out "$OUT/dashboard.html" --xlsx "$OUT/dashboard.xlsx"
"$OTC" aging --as-of $AS_OF --totals -o "$OUT/aging_by_customer.xlsx"
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
echo "Dunning e-mails: $OUT/dunning/"
echo "Statements: $OUT/statements/"
echo "Dashboard: $OUT/dashboard.html (tables for Excel: $OUT/dashboard.xlsx)"
echo "Ledger: $OTC_LEDGER"
