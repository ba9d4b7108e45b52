# otc kpi on the sample company: each month's AR and DSO family equal `otc dso` and `otc aging` as of
# the month's last day, per currency (and per customer with --by customer); the collection rate
# is collected / (opening AR + billed) of the same row, and opening AR is the month before's open AR.
import_samples
otc kpi --as-of 2026-10-31 --months 12; expect_rc 0; cp out.txt kpi.csv
head -1 kpi.csv | grep -qF 'month,as_of,currency,opening_ar,billed,collected,collection_rate_percent,open_ar' || fail "kpi header"
[ "$(tail -n +2 kpi.csv | cut -d, -f1 | sort -u | wc -l)" = 12 ] || fail "expected 12 months"
for d in $(tail -n +2 kpi.csv | cut -d, -f2 | sort -u); do
  otc dso --as-of "$d"; expect_rc 0; cp out.txt "dso-$d.csv"
  otc dso --as-of "$d" --method countback; expect_rc 0; cp out.txt "cb-$d.csv"
  otc aging --as-of "$d" --totals; expect_rc 0; cp out.txt "aging-$d.csv"
done
python3 - <<'PY' || fail "kpi differs from dso/aging"
import csv, glob
def rows(p): return list(csv.DictReader(open(p, newline='')))
bad = 0
kpi = rows('kpi.csv')
prev = {}
for r in kpi:
    d, c = r['as_of'], r['currency']
    dso = {x['currency']: x for x in rows('dso-%s.csv' % d)}
    cb = {x['currency']: x for x in rows('cb-%s.csv' % d)}
    ag = {x['currency']: x for x in rows('aging-%s.csv' % d) if x['customer_id'] == 'TOTAL'}
    checks = [('open_ar', dso.get(c, {}).get('open_ar', '0.00')), ('current_ar', dso.get(c, {}).get('current_ar', '0.00')),
              ('dso', dso.get(c, {}).get('dso', '')), ('best_possible_dso', dso.get(c, {}).get('best_possible_dso', '')),
              ('average_days_delinquent', dso.get(c, {}).get('average_days_delinquent', '')),
              ('cei_percent', dso.get(c, {}).get('cei_percent', '')), ('countback_dso', cb.get(c, {}).get('dso', '0.00'))]
    if c in ag: checks.append(('open_ar', ag[c]['open_total']))
    for col, want in checks:
        if r[col] != want:
            print(d, c, col, 'kpi', r[col], 'want', want); bad += 1
    if c in prev and r['opening_ar'] != prev[c]:
        print(d, c, 'opening_ar', r['opening_ar'], 'want', prev[c]); bad += 1
    prev[c] = r['open_ar']
    base = float(r['opening_ar']) + float(r['billed'])
    if base > 0 and abs(float(r['collected']) / base * 100 - float(r['collection_rate_percent'])) > 0.006:
        print(d, c, 'collection rate', r['collection_rate_percent']); bad += 1
raise SystemExit(1 if bad else 0)
PY
otc kpi --as-of 2026-10-31 --months 3 --by customer; expect_rc 0
expect_stdout_has "2026-10,2026-10-31,C1006,"
otc kpi --months 0
expect_rc 2
expect_stderr_has "--months must be between 1 and 120"
