# otc migrate copies into a new ledger only: an existing target file, a PostgreSQL schema that
# already holds a ledger with rows, and the same ledger on both sides are refused, exit 1,
# nothing written to either side. Needs PostgreSQL for the schema part (OTC_TEST_PG_URI).
L=$WORK/a.db
otc --ledger "$L" init; expect_rc 0
otc --ledger "$L" import customers "$SAMPLES/customers.csv"; expect_rc 0
otc --ledger b.db init; expect_rc 0
before=$(command sqlite3 b.db .dump)
otc migrate --from "$L" --to b.db
expect_rc 1
expect_stderr_has "b.db: the target ledger exists; otc migrate copies into a new ledger"
[ "$before" = "$(command sqlite3 b.db .dump)" ] || fail "the existing target changed"
otc migrate --from "$L" --to "$L"
expect_rc 2
expect_stderr_has "--from and --to name the same ledger"
otc migrate --from nowhere.db --to c.db
expect_rc 1
[ ! -e c.db ] || fail "a failed migrate left a target file"

need_pg
SCHEMA=$(pg_new_schema)
otc --ledger "$OTC_TEST_PG_URI" --pg-schema "$SCHEMA" init; expect_rc 0
otc --ledger "$OTC_TEST_PG_URI" --pg-schema "$SCHEMA" import invoices "$SAMPLES/invoices.csv"; expect_rc 0
n=$(pg_sql "select count(*) from invoices" "$SCHEMA"); c=$(pg_sql "select count(*) from customers" "$SCHEMA")
otc migrate --from "$L" --to "$OTC_TEST_PG_URI" --to-schema "$SCHEMA"
expect_rc 1
expect_stderr_has "the target ledger is not empty"
expect_stdout </dev/null
[ "$(pg_sql "select count(*) from invoices" "$SCHEMA")" = "$n" ] || fail "the refused target changed"
[ "$(pg_sql "select count(*) from customers" "$SCHEMA")" = "$c" ] || fail "customers were copied into the refused target"
