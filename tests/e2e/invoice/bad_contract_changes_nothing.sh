# A bad contract row (unknown frequency, end before start, a bad price) fails the import with
# FILE:LINE:COLUMN, exit 1, and changes nothing; --skip-bad imports the good rows and writes the bad
# ones with a reason column; amendments that break the rules are refused at the offending column.
cp "$FIXTURES/billing/bad_contracts.csv" .
otc init; expect_rc 0
before=$(ledger_state)
otc import contracts bad_contracts.csv
expect_rc 1
expect_stdout </dev/null
expect_stderr <<'ERR'
otc: error: bad_contracts.csv:3:7: frequency 'weekly' is not one of monthly, quarterly, semiannual, annual
otc: error: bad_contracts.csv:4:6: end_date 2025-12-31 is before start_date 2026-01-01
otc: error: bad_contracts.csv:5:10: unit_price '12.3.4' is not a price (a non-negative decimal with up to 6 places)
otc: error: bad_contracts.csv: 3 bad row(s); nothing was imported
  hint: fix the rows above, or import the good ones with --skip-bad --rejects FILE
ERR
[ "$before" = "$(ledger_state)" ] || fail "ledger changed after a bad contracts file"
otc invoice run --through 2026-01-31
expect_rc 0
expect_stderr_has "nothing to bill"

otc import contracts bad_contracts.csv --skip-bad --rejects rejects.csv
expect_rc 0
expect_stderr_has "otc: rejected: bad_contracts.csv:3:7: frequency 'weekly'"
expect_stderr_has "imported 1 contracts rows from bad_contracts.csv (batch 1; 4 rows, 0 already present, 3 rejected to rejects.csv)"
diff -u - rejects.csv <<'OUT' || fail "rejects differ"
line,contract_id,line_id,customer,product,start_date,end_date,frequency,timing,price_model,unit_price,quantity,currency,reason
3,K-WEEKLY,1,CX,WIDGET,2026-01-01,,weekly,advance,flat,10.00,,USD,"frequency 'weekly' is not one of monthly, quarterly, semiannual, annual"
4,K-BACKWARDS,1,CX,WIDGET,2026-01-01,2025-12-31,monthly,advance,flat,10.00,,USD,end_date 2025-12-31 is before start_date 2026-01-01
5,K-PRICE,1,CX,WIDGET,2026-01-01,,monthly,advance,flat,12.3.4,,USD,unit_price '12.3.4' is not a price (a non-negative decimal with up to 6 places)
OUT

# Amendments: what they may not change, a line that does not exist, the same key with other content.
cat > amend.csv <<'CSV'
contract_id,line_id,customer,effective_date,frequency,quantity,unit_price,end_date
K-OK,1,CY,2026-03-01,,,,
K-OK,1,,2026-03-01,annual,,,
K-NEW,1,,2026-03-01,,,11.00,
K-OK,1,,2026-03-01,,,11.00,
K-OK,1,,2026-01-01,,,11.00,2025-06-30
K-OK,1,,2026-01-01,,,11.00,
CSV
before=$(ledger_state)
otc import contracts amend.csv
expect_rc 1
expect_stderr <<'ERR'
otc: error: amend.csv:2:3: contract K-OK line 1: an amendment cannot change the customer
otc: error: amend.csv:3:5: contract K-OK line 1: an amendment cannot change the billing frequency
otc: error: amend.csv:4:4: contract K-NEW line 1 has no base row: an amendment (effective 2026-03-01) needs the line's first row, in the ledger or earlier in this file
otc: error: amend.csv:6:8: end_date 2025-06-30 is before start_date 2026-01-01
otc: error: amend.csv:7:4: contract K-OK line 1: effective date 2026-01-01 is not after the line's start date 2026-01-01
otc: error: amend.csv: 5 bad row(s); nothing was imported
  hint: fix the rows above, or import the good ones with --skip-bad --rejects FILE
ERR
[ "$before" = "$(ledger_state)" ] || fail "ledger changed after a bad amendments file"
# A re-export of the base row with a different price names the row it conflicts with.
printf 'contract_id,customer,product,start_date,frequency,price_model,unit_price,currency\nK-OK,CX,WIDGET,2026-01-01,monthly,flat,10.50,USD\n' > changed.csv
otc import contracts changed.csv
expect_rc 1
expect_stderr_has "otc: error: changed.csv:2:1: contract K-OK line 1 is already in the ledger with different content (from bad_contracts.csv:2)"
# A header without the required column.
printf 'id,customer\nK-1,C1\n' > nohead.csv
otc import contracts nohead.csv
expect_rc 1
expect_stderr_has "otc: error: nohead.csv:1: no column for required field(s): contract_id"
