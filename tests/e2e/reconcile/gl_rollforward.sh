# reconcile gl: the ledger's AR roll-forward for 2026-10 against a GL AR control account export.
# Ledger (USD): opening 2,300.00 (INV-1 600 + INV-2 500 + INV-4 1,200) - collected 900.00 (P3)
# - unapplied cash 75.00 (P4) = closing 1,325.00; EUR: invoiced 250.50 (INV-3) - unapplied cash
# 50.00 (P2) = 200.50. As in the GL, AR is net of unapplied cash: the GL credits AR with every
# receipt, so collected and unapplied cash are compared together.
cp "$FIXTURES/import/invoices_small.csv" "$FIXTURES/import/payments_small.csv" .
otc init; expect_rc 0
otc import invoices invoices_small.csv; expect_rc 0
otc import payments payments_small.csv; expect_rc 0
# The GL: a balance-forward row before the period, the period's postings, rows of other accounts
# (revenue) and a row after the period, which must all be left out.
cat > gl.csv <<'EOF2'
date,account,debit,credit,currency,source,journal_id
2026-09-30,1200,"2,300.00",,USD,Balance forward,BF-2026-09
2026-10-01,1200,250.50,,EUR,Invoice,INV-3
2026-10-01,4000,,250.50,EUR,Invoice,INV-3
2026-10-05,1200,,900.00,USD,Customer Payment,P3
2026-10-20,1200,,50.00,EUR,Customer Payment,P2
2026-10-30,1200,,75.00,USD,Customer Payment,P4
2026-11-02,1200,100.00,,USD,Invoice,INV-9
EOF2

# 1. Ties to the cent: no breaks, exit 0; the detail shows each component by source.
otc reconcile gl gl.csv --period 2026-10 --account 1200 --detail rollforward.csv
expect_rc 0
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
EOF2
expect_stderr_has "reconcile gl 2026-10: 5 GL rows used, 1 of other accounts left out, 1 after the period left out; EUR closing AR: ledger 200.50, GL 200.50, difference 0.00; USD closing AR: ledger 1325.00, GL 1325.00, difference 0.00; 0 breaks"
diff -u - rollforward.csv <<'EOF2' || fail "roll-forward detail differs"
period,currency,component,ledger,gl,difference,gl_sources
2026-10,EUR,opening,0.00,0.00,0.00,
2026-10,EUR,invoiced,250.50,250.50,0.00,Invoice 250.50 (1 row)
2026-10,EUR,collected,0.00,50.00,-50.00,Customer Payment 50.00 (1 row)
2026-10,EUR,unapplied_cash,50.00,0.00,50.00,
2026-10,EUR,credited,0.00,0.00,0.00,
2026-10,EUR,written_off,0.00,0.00,0.00,
2026-10,EUR,fx,0.00,0.00,0.00,
2026-10,EUR,closing,200.50,200.50,0.00,
2026-10,USD,opening,2300.00,2300.00,0.00,before 2026-10-01 2300.00 (1 row)
2026-10,USD,invoiced,0.00,0.00,0.00,
2026-10,USD,collected,900.00,975.00,-75.00,Customer Payment 975.00 (2 rows)
2026-10,USD,unapplied_cash,75.00,0.00,75.00,
2026-10,USD,credited,0.00,0.00,0.00,
2026-10,USD,written_off,0.00,0.00,0.00,
2026-10,USD,fx,0.00,0.00,0.00,
2026-10,USD,closing,1325.00,1325.00,0.00,
EOF2
# The run is in the audit trail, with the GL file's checksum; nothing else was written.
otc log --command "reconcile gl"
expect_stdout_has ",reconcile,gl,2026-10,"
expect_stdout_has ",gl.csv,$(sha256sum gl.csv | cut -d' ' -f1),"

# 2. Off by a planted amount: the GL took 890.00 for P3. One break, on collected, with the GL's
#    sources; the closing differs by the same 10.00 but is not a break of its own.
sed 's/,,900.00,USD,Customer Payment,P3/,,890.00,USD,Customer Payment,P3/' gl.csv > gl_off.csv
otc reconcile gl gl_off.csv --period 2026-10 --account 1200
expect_rc 3
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
rollforward_difference,currency=USD|component=collected,975.00,965.00,10.00,USD,"the ledger has more collected (with unapplied cash) than the other side; GL by source: Customer Payment 965.00 (2 rows); find the postings in one and not the other (cut-off, manual journals)"
EOF2
expect_stderr_has "USD closing AR: ledger 1325.00, GL 1335.00, difference -10.00; 1 break (rollforward_difference 1)"

# 3. A manual journal on the AR account whose source maps to no component; mapped with --source
#    it becomes a write-off the ledger does not have.
cp gl.csv gl_manual.csv
echo "2026-10-15,1200,,12.34,USD,Manual journal,JE-77" >> gl_manual.csv
otc reconcile gl gl_manual.csv --period 2026-10 --account 1200
expect_rc 3
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
unmapped_gl_source,currency=USD|source=Manual journal,,-12.34,12.34,USD,1 GL row of source 'Manual journal' (e.g. JE-77) moves AR outside the ledger's components; map the source to a component or reverse the manual entry
EOF2
otc reconcile gl gl_manual.csv --period 2026-10 --account 1200 --source "manual=written_off"
expect_rc 3
expect_stdout_has "rollforward_difference,currency=USD|component=written_off,0.00,12.34,-12.34,USD,"

# 4. A ledger whose kept balances disagree with its own movements (planted by editing a balance
#    behind the ledger's back) is out of balance, whatever the GL says.
#    (On PostgreSQL the copy to break is an SQLite ledger made by otc migrate.)
if is_pg_ledger; then otc migrate --from "$OTC_LEDGER" --to broken.db; expect_rc 0; else cp "$OTC_LEDGER" broken.db; fi
sqlite3 broken.db "UPDATE invoices SET open_minor = open_minor - 10000 WHERE external_id='INV-4'"
otc --ledger broken.db reconcile gl gl.csv --period 2026-10 --account 1200
expect_rc 3
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
rollforward_out_of_balance,currency=USD|component=closing,1225.00,1325.00,-100.00,USD,the ledger's open balances at period end differ from opening + invoiced - collected - credited - written off + fx; a posting is missing from the period's movements (back-dated entry?)
EOF2

# 5. A bad GL file: every bad row named FILE:LINE:COLUMN, exit 1, no report and no audit entry.
cat > gl_bad.csv <<'EOF2'
date,account,debit,credit,currency,source,journal_id
2026-10-01,1200,250.50,,EUR,Invoice,INV-3
2026-10-32,1200,,900.00,USD,Customer Payment,P3
2026-10-05,1200,,9x0.00,USD,Customer Payment,P3
2026-10-06,1200,1.00,,XYZ,Invoice,INV-7
EOF2
before=$(ledger_state)
otc reconcile gl gl_bad.csv --period 2026-10
expect_rc 1
expect_stdout < /dev/null
expect_stderr <<'EOF2'
otc: error: gl_bad.csv:3:1: date '2026-10-32' is not a date (expected YYYY-MM-DD; declare another format with --date-format)
  2026-10-32,1200,,900.00,USD,Customer Payment,P3
  ^
otc: error: gl_bad.csv:4:4: credit '9x0.00': not an amount
  2026-10-05,1200,,9x0.00,USD,Customer Payment,P3
                   ^
otc: error: gl_bad.csv:5:5: currency 'XYZ' is not an ISO 4217 code
  2026-10-06,1200,1.00,,XYZ,Invoice,INV-7
                        ^
otc: error: gl_bad.csv: 3 bad rows; nothing was reconciled
  hint: fix the rows (or name the columns with --map) and run again
EOF2
[ "$before" = "$(ledger_state)" ] || fail "a failed reconciliation changed the ledger"
printf 'when,what\n2026-10-01,1\n' > gl_nodate.csv
otc reconcile gl gl_nodate.csv --period 2026-10
expect_rc 1
expect_stderr_has "otc: error: gl_nodate.csv:1: no column for required field(s): date"

# 6. Another layout through a mapping file: one signed amount, US dates, no currency column
#    (--currency; a ledger with one currency would be used by default). This USD-only export
#    ties for USD, and the ledger's EUR invoicing and receipt are missing from it (named).
cat > gl_qb.csv <<'EOF2'
Posting Date,Acct,Txn Type,Num,Amount
09/30/2026,1200,Balance forward,,"2,300.00"
10/05/2026,1200,Payment,P3,-900.00
10/30/2026,1200,Payment,P4,-75.00
EOF2
cat > qb.map <<'EOF2'
date = Posting Date
account = Acct
source = Txn Type
journal_id = Num
date_format = %m/%d/%Y
EOF2
otc reconcile gl gl_qb.csv --period 2026-10 --account 1200 --map qb.map --currency USD
expect_rc 3
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
rollforward_difference,currency=EUR|component=collected,50.00,0.00,50.00,EUR,"the ledger has more collected (with unapplied cash) than the other side; GL by source: no GL rows; in the ledger, not in the GL: P2; find the postings in one and not the other (cut-off, manual journals)"
rollforward_difference,currency=EUR|component=invoiced,250.50,0.00,250.50,EUR,"the ledger has more invoiced than the other side; GL by source: no GL rows; in the ledger, not in the GL: INV-3; find the postings in one and not the other (cut-off, manual journals)"
EOF2

# Usage errors exit 2.
otc reconcile gl gl.csv --period 2026-13
expect_rc 2
otc reconcile gl gl.csv
expect_rc 2
