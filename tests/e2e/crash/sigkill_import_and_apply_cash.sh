# Crash consistency: an import and an apply-cash killed with SIGKILL at random points (a few
# trials each). After each kill the ledger passes PRAGMA integrity_check, holds either none or
# all of the batch's rows, and a re-run gives the same aging as a clean run.
# backend: sqlite-only — copies and restores the ledger file and checks it with PRAGMA integrity_check
python3 - <<'PY'
import random
random.seed(15)
with open("customers.csv", "w") as f:
    f.write("customer_id,name,currency,terms\n")
    for c in range(200):
        f.write(f"K{c:04d},Customer {c},USD,Net 30\n")
with open("invoices.csv", "w") as f:
    f.write("invoice_id,customer_id,invoice_date,due_date,amount,currency\n")
    for i in range(20000):
        f.write(f"X-{i:06d},K{i % 200:04d},2026-0{1 + i % 9}-{1 + i % 28:02d},2026-1{i % 3}-{1 + i % 28:02d},{100 + i % 977}.{i % 100:02d},USD\n")
with open("bank.csv", "w") as f:
    f.write("date,amount,currency,bank_reference,payer,payer_account,description\n")
    for n, i in enumerate(random.sample(range(20000), 1500)):
        f.write(f"2026-11-02,{100 + i % 977}.{i % 100:02d},USD,FT{n:08d},Customer {i % 200},,PAYMENT X-{i:06d}\n")
PY
otc init; expect_rc 0
otc import customers customers.csv; expect_rc 0
cp "$OTC_LEDGER" base.db
q() { sqlite3 "$1" "$2"; }

# The clean run: the figures every crashed-then-rerun ledger must reach.
t0=$(date +%s%N)
otc import invoices invoices.csv; expect_rc 0
t1=$(date +%s%N)
otc --as-of 2026-11-03 apply-cash bank.csv; [ "$RC" = 0 ] || [ "$RC" = 3 ] || expect_rc 0
t2=$(date +%s%N)
otc aging --as-of 2026-11-30 --by invoice; expect_rc 0; cp out.txt clean_aging.csv
clean_invoices=$(q "$OTC_LEDGER" 'select count(*) from invoices')
clean_payments=$(q "$OTC_LEDGER" 'select count(*) from payments')
clean_apps=$(q "$OTC_LEDGER" 'select count(*) from applications')
[ "$clean_invoices" = 20000 ] || fail "clean import: $clean_invoices invoices"
[ "$clean_payments" -gt 0 ] || fail "clean apply-cash posted nothing"
import_ms=$(( (t1 - t0) / 1000000 + 1 )); cash_ms=$(( (t2 - t1) / 1000000 + 1 ))
cp "$OTC_LEDGER" imported.db

# kill_at MS ARGS...: starts otc, kills it with SIGKILL after MS milliseconds (if still running).
kill_at() {
  local ms=$1; shift
  "$OTC_BIN" "$@" >/dev/null 2>&1 & local pid=$!
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
check_integrity() {
  [ "$(q "$OTC_LEDGER" 'PRAGMA integrity_check')" = ok ] || fail "$1: integrity_check failed"
  [ "$(q "$OTC_LEDGER" 'PRAGMA foreign_key_check' | wc -l)" = 0 ] || fail "$1: foreign keys broken"
}
reset_ledger() { rm -f "$OTC_LEDGER" "$OTC_LEDGER-wal" "$OTC_LEDGER-shm"; cp "$1" "$OTC_LEDGER"; }

for trial in 1 2 3 4; do
  reset_ledger base.db
  ms=$(( RANDOM % (import_ms + 20) ))
  kill_at "$ms" import invoices invoices.csv
  check_integrity "import killed at ${ms}ms"
  n=$(q "$OTC_LEDGER" 'select count(*) from invoices')
  [ "$n" = 0 ] || [ "$n" = 20000 ] || fail "import killed at ${ms}ms left $n invoices (not all or nothing)"
  otc import invoices invoices.csv; [ "$RC" = 0 ] || { cat err.txt; fail "re-run after the import kill failed"; }
  [ "$(q "$OTC_LEDGER" 'select count(*) from invoices')" = 20000 ] || fail "re-run after the import kill: wrong count"

  reset_ledger imported.db
  ms=$(( RANDOM % (cash_ms + 20) ))
  kill_at "$ms" --as-of 2026-11-03 apply-cash bank.csv
  check_integrity "apply-cash killed at ${ms}ms"
  p=$(q "$OTC_LEDGER" 'select count(*) from payments'); a=$(q "$OTC_LEDGER" 'select count(*) from applications')
  { [ "$p" = 0 ] && [ "$a" = 0 ]; } || { [ "$p" = "$clean_payments" ] && [ "$a" = "$clean_apps" ]; } ||
    fail "apply-cash killed at ${ms}ms left $p payments, $a applications (clean: $clean_payments, $clean_apps)"
  otc --as-of 2026-11-03 apply-cash bank.csv; [ "$RC" = 0 ] || [ "$RC" = 3 ] || { cat err.txt; fail "re-run after the apply-cash kill failed"; }
  otc aging --as-of 2026-11-30 --by invoice; expect_rc 0
  cmp -s out.txt clean_aging.csv || fail "aging after a killed apply-cash and a re-run differs from the clean run"
done
