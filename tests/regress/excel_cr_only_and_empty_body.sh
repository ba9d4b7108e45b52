# Bug: an Excel CSV saved with CR-only line endings imported as "imported 0" (one long line), and a
# file whose rows after the header are all total/blank rows said "imported 0" too. CR-only files
# are read line by line; a non-empty body yielding no rows is an error.
otc init; expect_rc 0
otc import invoices "$FIXTURES/exports/excel_cr_only.csv"
expect_rc 0
expect_stderr_has "imported 2 invoices"
printf 'invoice_id,customer_id,invoice_date,due_date,amount,currency\r\n,,,,,\r\nTotal,,,,150.25,\r\n' > totals_only.csv
before=$(ledger_state)
otc import invoices totals_only.csv
expect_rc 1
expect_stderr_has "otc: error: totals_only.csv:1: no invoices in the file: the 2 row(s) after the header on line 1 are all section, total or blank rows"
[ "$before" = "$(ledger_state)" ] || fail "ledger changed"
# A header with no rows is still an empty import, not an error.
printf 'invoice_id,customer_id,invoice_date,due_date,amount,currency\r\n' > header_only.csv
otc import invoices header_only.csv
expect_rc 0
