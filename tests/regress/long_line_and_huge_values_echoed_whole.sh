# Bug (issue 15 #7): a line over 16 MiB gave fast-cpp-csv-parser's own message instead of
# FILE:LINE:COL; a bad 10 MB value was echoed whole to stderr; a 10 MB invoice id was accepted.
# Now a line over 1 MiB is an error at FILE:LINE:COL, at most 200 characters of input are echoed,
# and ids are at most 128 bytes (docs/limits.md).
otc init; expect_rc 0
python3 - <<'PY'
head = "invoice_id,customer_id,invoice_date,due_date,amount,currency\n"
with open("longline.csv", "w") as f:
    f.write(head + "I-1,C-1,2026-01-15,2026-02-14,10.00,USD\n")
    f.write("I-2,C-1,2026-01-15,2026-02-14,10.00," + "X" * (17 << 20) + "\n")
with open("bigvalue.csv", "w") as f:
    f.write(head + "I-1,C-1," + "9" * 1000000 + ",2026-02-14,10.00,USD\n")
with open("bigid.csv", "w") as f:
    f.write(head + "I" * 1000000 + ",C-1,2026-01-15,2026-02-14,10.00,USD\n")
with open("cr.csv", "w") as f:
    f.write(head.replace("\n", "\r") + "I-1,C-1,2026-01-15,2026-02-14,10.00,USD\rI-2,C-1,2026-01-15,2026-02-14,5.00,USD\r")
PY
otc import invoices longline.csv; expect_rc 1
expect_stderr_has "otc: error: longline.csv:3:6: line is longer than 1048576 bytes, the limit"
[ "$(wc -c < err.txt)" -lt 2000 ] || fail "the error echoes too much: $(wc -c < err.txt) bytes"
otc import invoices bigvalue.csv; expect_rc 1
expect_stderr_has "bigvalue.csv:2:3:"
[ "$(wc -c < err.txt)" -lt 2000 ] || fail "the bad value was echoed whole: $(wc -c < err.txt) bytes"
otc import invoices bigid.csv; expect_rc 1
expect_stderr_has "bigid.csv:2:1: invoice_id is 1000000 bytes long; ids may be at most 128"
[ "$(wc -c < err.txt)" -lt 2000 ] || fail "the id was echoed whole: $(wc -c < err.txt) bytes"
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from invoices')" = 0 ] || fail "a bad file imported rows"
# CR-only line ends (old Mac exports) read as lines.
otc import invoices cr.csv; expect_rc 0
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from invoices')" = 2 ] || fail "CR-only file: wrong row count"
