# --sort COLUMN[:desc] and --customer ID on aging, cash unapplied (and --sort on log): numbers sort
# as numbers; an unknown column is a usage error naming the report's columns.
import_samples
otc aging --as-of 2026-10-31 --sort open_total:desc; expect_rc 0
[ "$(sed -n 2p out.txt | cut -d, -f2)" = "C1010" ] || fail "largest open total first: $(sed -n 2p out.txt)"
[ "$(sed -n 3p out.txt | cut -d, -f2)" = "C1006" ] || fail "second: $(sed -n 3p out.txt)"
otc aging --as-of 2026-10-31 --customer C1002; expect_rc 0
expect_stdout <<'CSV'
as_of,customer_id,customer_name,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-10-31,C1002,"The ""Blue Heron"" Logistics Co.",USD,15607.46,15482.58,0.00,0.00,4160.40,0.00,35250.44,0.00
CSV
otc cash unapplied --as-of 2026-10-31 --customer C1008 --sort age_days; expect_rc 0
python3 - <<'PY' || fail "cash unapplied: not C1008 only, or not by age"
import csv, sys
rows = list(csv.DictReader(open("out.txt")))
assert rows and all(r["customer_id"] == "C1008" for r in rows)
ages = [int(r["age_days"]) for r in rows]
assert ages == sorted(ages), ages
PY
otc log --sort id:desc; expect_rc 0
[ "$(sed -n 2p out.txt | cut -d, -f1)" = "3" ] || fail "log newest first: $(sed -n 2p out.txt)"
otc aging --as-of 2026-10-31 --sort nope; expect_rc 2
expect_stderr <<'TXT'
otc: error: --sort: this report has no column 'nope'
  hint: its columns: as_of, customer_id, customer_name, currency, current, 1-30, 31-60, 61-90, 91-120, 121+, open_total, unapplied_credit
TXT
otc aging --as-of 2026-10-31 --sort open_total:down; expect_rc 2
expect_stderr_has "the order is asc or desc"
