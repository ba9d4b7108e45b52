# backend: sqlite-only — the kept open items (derived_open_items) are the SQLite ledger's own rows
# Aging, DSO and the statements read the open items the SQLite ledger keeps per customer (issue 12);
# with every customer marked dirty they read the invoices instead. Both must give the same bytes,
# now and at past dates, after imports, a billing run (voids and credits included) and apply-cash,
# and the kept rows must be current after each committed write (no customer left dirty).
otc init --seller-file "$SAMPLES/seller.toml"; expect_rc 0
otc import customers "$SAMPLES/customers.csv"; expect_rc 0
otc import invoices "$SAMPLES/invoices.csv"; expect_rc 0
otc import payments "$SAMPLES/payments.csv"; expect_rc 0
otc import contracts "$SAMPLES/contracts.csv"; expect_rc 0
otc import usage "$SAMPLES/usage.csv"; expect_rc 0
otc invoice run --through 2026-11-03; expect_rc 0
otc --as-of 2026-11-03 apply-cash "$SAMPLES/bank/bank_2026-11-03.csv" --tolerance 10.00
[ "$RC" = 0 ] || [ "$RC" = 3 ] || fail "apply-cash exit $RC"
dirty() { sqlite3 "$OTC_LEDGER" "SELECT count(*) FROM derived_open_dirty"; }
[ "$(dirty)" = 0 ] || fail "customers left dirty after the commits: $(dirty)"
[ "$(sqlite3 "$OTC_LEDGER" "SELECT count(*) FROM derived_open_items")" -gt 0 ] || fail "no kept open items"
reports() {
  local tag=$1 d
  for d in 2026-11-03 2026-10-31 2026-10-15 2026-09-30 2026-08-31 2026-06-30 2026-01-31; do
    otc aging --as-of $d --totals; expect_rc 0; cp out.txt "$tag-aging-$d.csv"
    otc aging --as-of $d --by invoice --totals; expect_rc 0; cp out.txt "$tag-invoice-$d.csv"
    otc aging --as-of $d --basis invoice --buckets 15,45,90 --disputes separate; expect_rc 0; cp out.txt "$tag-basis-$d.csv"
    otc dso --as-of $d --method countback --by customer; expect_rc 0; cp out.txt "$tag-dso-$d.csv"
  done
}
reports kept
sqlite3 "$OTC_LEDGER" "INSERT INTO derived_open_dirty VALUES (-1)"
reports read
for f in kept-*.csv; do
  cmp -s "$f" "read-${f#kept-}" || { diff "$f" "read-${f#kept-}" | head -20; fail "$f differs from the invoices' answer"; }
done
# The next write rebuilds every customer's row; the answers before its date stay the same.
printf 'invoice_id,customer_id,customer_name,invoice_date,due_date,amount,currency,po_number\nINV-K1,C1001,"Acme Analytics, Inc.",2026-11-03,2026-12-03,10.00,USD,\n' > more.csv
otc import invoices more.csv; expect_rc 0
[ "$(dirty)" = 0 ] || fail "the all-customers mark survived a commit"
otc aging --as-of 2026-10-15 --totals; expect_rc 0
cmp -s out.txt kept-aging-2026-10-15.csv || fail "aging after the rebuild differs"
otc aging --as-of 2026-11-03 --by invoice; expect_rc 0
expect_stdout_has "C1001,\"Acme Analytics, Inc.\",INV-K1,2026-11-03,2026-12-03,-30,USD,10.00,"
