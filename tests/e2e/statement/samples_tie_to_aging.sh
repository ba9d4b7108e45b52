# Every sample customer's statement closes at its aging balance (open AR - unapplied cash), per
# currency, on several dates: open-item statements, and activity statements from the first day of
# the books and from a day in the middle (opening balance + lines = closing balance).
import_samples
cat > seller.toml <<'TOML'
[seller]
name = "Brightline Cloud, Inc."
address = ["1 Main St", "Springfield, IL 62701"]
email = "ar@brightline.example"
[remittance]
bank = "First Bank"
routing = "021000021"
account_number = "4410092231"
TOML
for d in 2026-10-31 2026-06-30 2026-03-15 2025-12-01; do
  otc aging --as-of $d --by customer; expect_rc 0; cp out.txt aging.csv
  otc statement --all --as-of $d --out "st-$d" --format csv; expect_rc 0; cp out.txt open.csv
  otc statement --all --as-of $d --since 2025-11-01 --out "act-$d" --format both; expect_rc 0; cp out.txt act.csv
  if [[ $d > 2026-02-10 ]]; then
    otc statement --all --as-of $d --since 2026-02-10 --out "mid-$d" --format csv; expect_rc 0; cp out.txt mid.csv
  else cp act.csv mid.csv; fi
  python3 - "$d" <<'PY' || fail "statements do not tie to aging as of $1"
import csv, sys
def rows(p): return list(csv.DictReader(open(p, newline='')))
def cents(s): return round(float(s) * 100) if s else 0
want = {}
for r in rows('aging.csv'):
    if r['customer_id']:
        want[(r['customer_id'], r['currency'])] = cents(r['open_total']) - cents(r['unapplied_credit'])
bad = 0
for name in ('open.csv', 'act.csv', 'mid.csv'):
    got = {}
    for r in rows(name):
        if r['currency']:
            got[(r['customer_id'], r['currency'])] = cents(r['closing_balance'])
    for k in sorted(set(want) | set(got)):
        if want.get(k, 0) != got.get(k, 0):
            print(sys.argv[1], name, k, 'aging', want.get(k, 0), 'statement', got.get(k, 0)); bad += 1
    if name == 'open.csv' and set(got) != set(k for k, v in want.items()) | set(k for k in got if got[k] == 0):
        print(sys.argv[1], 'customers differ', sorted(set(want) ^ set(got))); bad += 1
sys.exit(1 if bad else 0)
PY
done
# The documents carry the seller block, and the customer's balance; C1006's check on account shows.
f=act-2026-10-31/activity_C1006.html
[ -s "$f" ] || fail "no activity statement for C1006"
grep -qF 'Brightline Cloud, Inc.' "$f" || fail "no seller block"
grep -qF 'Routing: 021000021' "$f" || fail "no remittance"
grep -qF 'Opening balance' "$f" || fail "no opening balance"
grep -qF 'PMT-5195' st-2026-10-31/statement_C1006.csv || fail "open-item CSV lacks C1006's unapplied check"
! grep -qiE '<script|<link|<img|src=|https?://' "$f" || fail "the document is not self-contained"
# PMT-5272 (2026-11-02) is after 2026-10-31: no statement as of 10-31 shows it.
! grep -rq 'PMT-5272' act-2026-10-31 || fail "a payment after the as-of date shows"
# The same command twice writes the same bytes.
cp -r act-2026-10-31 again
otc statement --all --as-of 2026-10-31 --since 2025-11-01 --out again --format both; expect_rc 0
diff -r act-2026-10-31 again >/dev/null || fail "statements differ between two runs"
