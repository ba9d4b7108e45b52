# fx import: rates to the functional currency, idempotent, bad rows all reported and nothing
# written; the dashboard --in USD converts at the as-of date's rates and names them; a missing
# rate is an error naming the currency and the date.
import_samples
cat > rates.csv <<'CSV'
date,currency,rate
2026-09-30,EUR,1.0750
2026-10-31,EUR,1.0825
2026-09-30,GBP,1.2700
2026-10-30,GBP,1.2650
CSV
otc fx import rates.csv; expect_rc 0
expect_stderr <<'TXT'
otc: 4 rate(s) added, 0 already held, from rates.csv
TXT
otc fx import rates.csv; expect_rc 0
expect_stderr <<'TXT'
otc: rates.csv was already imported; nothing to do
TXT
otc fx rates --currency EUR; expect_rc 0
expect_stdout <<'TXT'
date,currency,rate,functional_currency
2026-09-30,EUR,1.075,USD
2026-10-31,EUR,1.0825,USD
TXT
before=$(ledger_state)
cat > bad.csv <<'CSV'
date,currency,rate
2026-10-31,EUR,1.09
2026-13-01,GBP,1.2
2026-10-31,XXX,1
2026-10-31,GBP,-1
2026-10-31,USD,1
CSV
otc fx import bad.csv; expect_rc 1
expect_stderr_has "bad.csv:2:3"
expect_stderr_has "the ledger holds 1.0825 for EUR on 2026-10-31, not 1.09 (a rate is never edited)"
expect_stderr_has "bad.csv:3:1"
expect_stderr_has "'XXX' is not an ISO 4217 currency code"
expect_stderr_has "'-1' is not a rate"
expect_stderr_has "USD is the functional currency"
expect_stderr_has "5 bad row(s) in bad.csv; nothing was imported"
[ "$before" = "$(ledger_state)" ] || fail "a failed import changed the ledger"

otc dashboard --as-of 2026-10-31 --in USD --out usd.html; expect_rc 0
grep -q 'EUR→USD 1.082500 (2026-10-31); GBP→USD 1.265000 (2026-10-30)' usd.html || fail "rates used are not shown"
[ "$(grep -c '<section class="panel"' usd.html)" = 1 ] || fail "--in makes one panel"
# total AR in USD = USD + EUR x 1.0825 + GBP x 1.2650, each rounded half-up to the cent
want=$(python3 - <<'PY'
from decimal import Decimal as D, ROUND_HALF_UP as H
usd, eur, gbp = D("351876.26"), D("3476.26"), D("15964.49")
print(usd + (eur * D("1.0825")).quantize(D("0.01"), H) + (gbp * D("1.2650")).quantize(D("0.01"), H))
PY
)
got=$(grep -o 'data-figure="total_ar" data-currency="USD" data-value="[^"]*"' usd.html | sed 's/.*data-value="//; s/"//')
[ "$got" = "$want" ] || fail "total AR in USD: $got, want $want"

otc dashboard --as-of 2026-09-15 --in USD --out early.html; expect_rc 1
expect_stderr_has "no fx rate for EUR on or before 2026-09-15"
[ ! -e early.html ] || fail "a failed dashboard left a file"
otc dashboard --as-of 2026-10-31 --in XYZ --out x.html; expect_rc 2
expect_stderr_has "--in 'XYZ' is not an ISO 4217 currency code"

# kpi --in USD: the same conversion, one row per month, the rates used in an fx_rates column
otc kpi --as-of 2026-10-31 --months 1 --in USD; expect_rc 0
expect_stdout_has "2026-10,2026-10-31,USD,"
python3 - "$want" <<'PY' || fail "kpi --in USD: $(cat out.txt)"
import csv, sys
rows = list(csv.DictReader(open("out.txt")))
assert len(rows) == 1, rows
assert rows[0]["open_ar"] == sys.argv[1], rows[0]["open_ar"]
assert rows[0]["fx_rates"] == "EUR→USD 1.082500 (2026-10-31); GBP→USD 1.265000 (2026-10-30)", rows[0]["fx_rates"]
PY
# aging --in USD: each row converted, with the currency it was in and the rate beside it
otc aging --as-of 2026-10-31 --in USD --totals; expect_rc 0
expect_stdout_has "2026-10-31,C1019,Nordlicht Software GmbH,USD,1110.93,0.00,2652.12,0.00,0.00,0.00,3763.05,0.00,EUR,1.082500,2026-10-31"
expect_stdout_has "2026-10-31,TOTAL,,USD,"
awk -F, '$2=="TOTAL" {print $11}' out.txt | grep -qx "$want" || fail "aging --in USD total: $(grep TOTAL out.txt)"
