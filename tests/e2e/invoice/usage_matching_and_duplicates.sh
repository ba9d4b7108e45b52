# Usage: an event id seen before (in the same file or an earlier one) is ignored, never billed twice; a
# record naming only a customer goes to exactly one line: the first, by contract and line id, with its
# metric that is in service on the record's date; a record naming a contract line goes to that line.
cat > contracts.csv <<'CSV'
contract_id,line_id,customer,product,metric,start_date,end_date,frequency,price_model,unit_price,currency
K-OLD,1,C1,API,api,2026-01-01,2026-01-31,monthly,usage_volume,1.00,USD
K-NEW,1,C1,API,api,2026-02-01,,monthly,usage_volume,2.00,USD
K-NEW,2,C1,API (burst),api,2026-02-01,,monthly,usage_volume,3.00,USD
CSV
cat > usage1.csv <<'CSV'
event_id,customer,contract_id,line_id,metric,quantity,usage_date
u1,C1,,,api,10,2026-01-15
u2,C1,,,api,20,2026-02-10
u3,,K-NEW,2,,5,2026-02-11
u3,,K-NEW,2,,5,2026-02-11
CSV
cat > usage2.csv <<'CSV'
event_id,customer,metric,quantity,usage_date
u2,C1,api,20,2026-02-10
u4,C1,api,1,2026-02-12
CSV
otc init; expect_rc 0
otc import contracts contracts.csv; expect_rc 0
otc import usage usage1.csv; expect_rc 0
expect_stderr_has "imported 3 usage rows from usage1.csv (batch 2; 4 rows, 1 duplicate event ids ignored)"
otc import usage usage2.csv; expect_rc 0
expect_stderr_has "imported 1 usage rows from usage2.csv (batch 3; 2 rows, 1 duplicate event ids ignored)"
otc invoice run --through 2026-03-01 --lines
expect_rc 0
expect_stdout <<'OUT'
invoice_number,line_no,customer_id,contract_id,line_id,kind,charge_date,description,service_from,service_to,quantity,unit_price,amount,discount,tax_rate_pct,tax,total,currency
INV-000001,1,C1,K-OLD,1,usage,2026-01-01,API: usage 10 api,2026-01-01,2026-01-31,10,1.00,10.00,0.00,0,0.00,10.00,USD
INV-000002,1,C1,K-NEW,1,usage,2026-02-01,API: usage 21 api,2026-02-01,2026-02-28,21,2.00,42.00,0.00,0,0.00,42.00,USD
INV-000002,2,C1,K-NEW,2,usage,2026-02-01,API (burst): usage 5 api,2026-02-01,2026-02-28,5,3.00,15.00,0.00,0,0.00,15.00,USD
OUT
# Usage recorded after its period was billed is not billed again (docs/billing.md, Limits).
printf 'event_id,customer,metric,quantity,usage_date\nu5,C1,api,100,2026-01-20\n' > late.csv
otc import usage late.csv; expect_rc 0
otc invoice run --through 2026-03-01
expect_rc 0
expect_stderr_has "nothing to bill"
# Bad usage rows fail the whole file at FILE:LINE:COLUMN.
printf 'event_id,contract_id,customer,metric,quantity,usage_date\nb1,K-NOPE,,,1,2026-02-01\nb2,,C1,api,1,2026-02-30\n' > bad.csv
before=$(ledger_state)
otc import usage bad.csv
expect_rc 1
expect_stderr <<'ERR'
otc: error: bad.csv:2:2: contract 'K-NOPE' is not in the ledger (import contracts first)
otc: error: bad.csv:3:6: usage_date '2026-02-30' is not a date (expected YYYY-MM-DD)
otc: error: bad.csv: 2 bad row(s); nothing was imported
  hint: fix the rows above, or import the good ones with --skip-bad --rejects FILE
ERR
[ "$before" = "$(ledger_state)" ] || fail "ledger changed after a bad usage file"
