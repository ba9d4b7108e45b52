# Usage errors exit 2; a missing ledger is a clear error with exit 1; --help teaches.
otc
expect_rc 2
otc frobnicate
expect_rc 2
otc aging --help
expect_rc 0
expect_stdout_has "Example: otc aging --as-of 2026-10-31"
otc --ledger nowhere.db aging
expect_rc 1
expect_stderr_has "otc: error: nowhere.db: cannot open ledger: unable to open database file"
[ ! -s nowhere.db ] || fail "a report created a ledger"
echo "not a database" > junk.db
otc --ledger junk.db aging
expect_rc 1
otc import invoices missing.csv
expect_rc 1
expect_stderr_has "missing.csv: cannot open: No such file or directory"
