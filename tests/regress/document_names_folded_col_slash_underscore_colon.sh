# Bug (issue 15 #5): `invoice render` wrote invoices COL/1, COL_1 and COL:1 all to COL_1.html, each
# overwriting the last, exit 0. File names now escape (report::document_file_stem): three files.
otc init; expect_rc 0
otc import contracts "$SAMPLES/contracts.csv"; expect_rc 0
otc -q invoice run --through 2026-11-01 --prefix COL/; expect_rc 0
otc -q invoice run --through 2026-12-01 --prefix COL_; expect_rc 0
otc -q invoice run --through 2027-01-01 --prefix COL:; expect_rc 0
otc -q invoice render --all --out docs; expect_rc 0
for f in COL%2F000001.html COL_000001.html COL%3A000001.html; do
  [ -f "docs/$f" ] || { ls docs | head; fail "docs/$f is missing"; }
done
grep -q 'COL/000001' 'docs/COL%2F000001.html' || fail "COL/000001's file holds another invoice"
grep -q 'COL:000001' 'docs/COL%3A000001.html' || fail "COL:000001's file holds another invoice"
[ "$(ls docs | wc -l)" = "$(sqlite3 "$OTC_LEDGER" 'select count(*) from invoices where invoice_number is not null')" ] ||
  [ "$(ls docs | wc -l)" = "$(($(wc -l < out.txt) - 1))" ] || fail "one file per invoice"
