# init --functional sets the currency rates convert to; an unknown code is a usage error; once
# rates are held it cannot change.
otc init --functional EUR; expect_rc 0
printf 'date,currency,rate\n2026-10-31,USD,0.92\n' > r.csv
otc fx import r.csv; expect_rc 0
otc fx rates; expect_rc 0
expect_stdout <<'TXT'
date,currency,rate,functional_currency
2026-10-31,USD,0.92,EUR
TXT
otc init --functional GBP; expect_rc 2
expect_stderr_has "the ledger's functional currency is EUR and it holds rates to it; it stays EUR"
otc init --functional EUR; expect_rc 0
otc init --functional ZZZ; expect_rc 2
expect_stderr_has "--functional 'ZZZ' is not an ISO 4217 currency code"
