# A large invoices and payments file takes the bulk path (the store holds back balance changes
# and builds its random-order indexes again after the load): the balances are those of applying
# the rows one by one in file order (several payments of one invoice, the last capped by what is
# still open), the indexes are all there afterwards, and a bad row on the last line still gives
# FILE:LINE:COL and leaves the ledger unchanged.
python3 - <<'PY'
import random
random.seed(12)
n = 60000
cust = [f"B{c:05d}" for c in range(3000)]
inv = []
with open("invoices.csv", "w") as f:
    f.write("invoice_id,customer_id,invoice_date,due_date,amount,currency\n")
    rows = []
    for i in range(n):
        c = cust[(i * 7919) % len(cust)]
        total = 1000 + (i * 37) % 90000
        rows.append((f"BI-{i:07d}", c, f"2026-0{1 + i % 9}-{1 + i % 28:02d}", f"2026-1{i % 2}-{1 + i % 28:02d}", total))
    random.shuffle(rows)
    for r in rows:
        f.write(f"{r[0]},{r[1]},{r[2]},{r[3]},{r[4] // 100}.{r[4] % 100:02d},USD\n")
opens = {r[0]: r[4] for r in rows}
owner = {r[0]: r[1] for r in rows}
pays = []
for k, r in enumerate(rows[: n * 3 // 4]):
    # two payments for every third invoice: 60%, then 60% again (capped at the 40% left)
    parts = [r[4] * 6 // 10, r[4] * 6 // 10] if k % 3 == 0 else [r[4]]
    for j, amt in enumerate(parts):
        pays.append((f"BP-{k:07d}-{j}", r[1], f"2026-10-{1 + k % 28:02d}", amt, r[0]))
random.shuffle(pays)
pays.sort(key=lambda p: p[0].endswith("-1"))  # stable: every first payment before every second
unapplied = 0
with open("payments.csv", "w") as f:
    f.write("payment_id,customer_id,payment_date,amount,currency,invoice_id\n")
    for p in pays:
        f.write(f"{p[0]},{p[1]},{p[2]},{p[3] // 100}.{p[3] % 100:02d},USD,{p[4]}\n")
        applied = min(p[3], opens[p[4]])
        opens[p[4]] -= applied
        unapplied += p[3] - applied
with open("payments_bad.csv", "w") as f:
    f.write(open("payments.csv").read().replace("BP-", "BQ-"))
    f.write("BQ-bad,B00001,2026-10-05,12.x5,USD,BI-0000001\n")
with open("expected.txt", "w") as f:
    t = sum(opens.values())
    f.write(f"{t // 100}.{t % 100:02d} {len(pays)} {unapplied}\n")
PY
read -r want_open want_pays want_unapplied < expected.txt
otc init; expect_rc 0
otc import invoices invoices.csv; expect_rc 0
otc import payments payments.csv; expect_rc 0
otc aging --as-of 2026-12-31 --totals; expect_rc 0
got=$(grep ',TOTAL,' out.txt | cut -d, -f11)
[ "$got" = "$want_open" ] || fail "open AR $got, expected $want_open"
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from payments')" = "$want_pays" ] || fail "payment count"
[ "$(sqlite3 "$OTC_LEDGER" 'select sum(unapplied_minor) from payments')" = "$want_unapplied" ] || fail "unapplied cash"
idx="'invoices_customer','invoices_open','payments_customer','payments_unapplied','applications_invoice'"
if is_pg_ledger; then
  # PostgreSQL: the indexes and the foreign keys the bulk path drops are back (and validated).
  [ "$(pg_sql "select count(*) from pg_indexes where schemaname='$OTC_PG_SCHEMA' and indexname in ($idx)")" = 5 ] || fail "an index is missing after the load"
  [ "$(pg_sql "select count(*) from pg_constraint c join pg_namespace n on n.oid=c.connamespace where n.nspname='$OTC_PG_SCHEMA' and c.contype='f' and not c.convalidated")" = 0 ] || fail "a foreign key is not validated"
  fks=$(pg_sql "select count(*) from pg_constraint c join pg_namespace n on n.oid=c.connamespace where n.nspname='$OTC_PG_SCHEMA' and c.contype='f'")
  [ "$fks" -gt 0 ] || fail "no foreign keys after the load"
  schema_objects() { pg_sql "select (select count(*) from pg_indexes where schemaname='$OTC_PG_SCHEMA') || '/' || (select count(*) from pg_constraint c join pg_namespace n on n.oid=c.connamespace where n.nspname='$OTC_PG_SCHEMA')"; }
else
  [ "$(sqlite3 "$OTC_LEDGER" "select count(*) from sqlite_master where type='index' and name in ($idx)")" = 5 ] || fail "an index is missing after the load"
  [ "$(sqlite3 "$OTC_LEDGER" 'pragma integrity_check')" = ok ] || fail "integrity_check"
  # The open items read through invoices_open agree with the table.
  [ "$(sqlite3 "$OTC_LEDGER" "select count(*) from invoices indexed by invoices_open where open_minor <> 0 and status='open'")" = \
    "$(sqlite3 "$OTC_LEDGER" "select count(*) from invoices not indexed where open_minor <> 0 and status='open'")" ] || fail "invoices_open differs from the table"
  schema_objects() { sqlite3 "$OTC_LEDGER" "select count(*) from sqlite_master"; }
fi
before="$(sqlite3 "$OTC_LEDGER" "select count(*), sum(open_minor) from invoices; select count(*) from payments; select count(*) from applications") $(schema_objects)"
last=$(wc -l < payments_bad.csv)
otc import payments payments_bad.csv; expect_rc 1
expect_stderr_has "payments_bad.csv:$last:"
after="$(sqlite3 "$OTC_LEDGER" "select count(*), sum(open_minor) from invoices; select count(*) from payments; select count(*) from applications") $(schema_objects)"
[ "$before" = "$after" ] || fail "a failed bulk import changed the ledger"
