# The dashboard built from samples/: its headline figures are those of the CSV reports (aging,
# dso, cash unapplied), it is self-contained (nothing fetched), and it renders in a real browser.
import_samples
otc import contracts "$SAMPLES/contracts.csv"; expect_rc 0
otc import usage "$SAMPLES/usage.csv"; expect_rc 0
otc dashboard --as-of 2026-10-31 --out dash.html; expect_rc 0
[ -s dash.html ] || fail "no dash.html"
grep -q 'wrote dash.html' err.txt || fail "no note on stderr"

figure() {  # figure KEY CCY -> the plain value the page shows
  grep -o "data-figure=\"$1\" data-currency=\"$2\" data-value=\"[^\"]*\"" dash.html | sed 's/.*data-value="\([^"]*\)"/\1/'
}
same() { [ "$2" = "$3" ] || fail "$1: dashboard shows '$2', the report says '$3'"; }

otc aging --as-of 2026-10-31 --totals; expect_rc 0; cp out.txt aging.csv
otc dso --as-of 2026-10-31; expect_rc 0; cp out.txt dso.csv
otc dso --as-of 2026-10-31 --method countback; expect_rc 0; cp out.txt countback.csv
otc cash unapplied --as-of 2026-10-31; expect_rc 0; cp out.txt unapplied.csv
otc unbilled --as-of 2026-10-31; expect_rc 0; cp out.txt unbilled.csv
otc kpi --as-of 2026-10-31 --months 12; expect_rc 0; cp out.txt kpi.csv
kpi() {  # kpi COLUMN CCY MONTH
  python3 - "$1" "$2" "$3" <<'PY'
import csv, sys
col, ccy, month = sys.argv[1:]
print(next(r[col] for r in csv.DictReader(open("kpi.csv")) if r["currency"] == ccy and r["month"] == month))
PY
}

for ccy in USD EUR GBP; do
  # aging: TOTAL row, open_total is the 11th column
  total=$(awk -F, -v c=$ccy '$2=="TOTAL" && $4==c {print $11}' aging.csv)
  same "total AR $ccy" "$(figure total_ar $ccy)" "$total"
  current=$(awk -F, -v c=$ccy '$2=="TOTAL" && $4==c {print $5}' aging.csv)
  pct=$(python3 -c "from decimal import Decimal as D, ROUND_HALF_UP as H; t=D('$total'); c=D('$current'); print(((t-c)*100/t).quantize(D('0.01'), H))")
  same "% past due $ccy" "$(figure past_due_pct $ccy)" "$pct"
  # kpi: the as-of month's collection rate and % past due, September's DSO as the prior figure
  same "collection rate $ccy" "$(figure collection_rate $ccy)" "$(kpi collection_rate_percent $ccy 2026-10)"
  same "% past due (kpi) $ccy" "$(figure past_due_pct $ccy)" "$(kpi past_due_percent $ccy 2026-10)"
  same "DSO (kpi) $ccy" "$(figure dso $ccy)" "$(kpi dso $ccy 2026-10)"
  prior_dso=$(grep -o "data-figure=\"dso\" data-currency=\"$ccy\" data-value=\"[^\"]*\"><div class=\"label\">DSO</div><div class=\"value\">[^<]*</div><div class=\"[^\"]*\">[^<]*" dash.html | sed 's/.*>//')
  [ -n "$prior_dso" ] || fail "no DSO change for $ccy"
  # dso: dso is column 9, best possible 10, add 11, cei 12
  same "DSO $ccy" "$(figure dso $ccy)" "$(awk -F, -v c=$ccy '$2==c {print $9}' dso.csv)"
  same "best possible DSO $ccy" "$(figure best_possible_dso $ccy)" "$(awk -F, -v c=$ccy '$2==c {print $10}' dso.csv)"
  same "ADD $ccy" "$(figure add $ccy)" "$(awk -F, -v c=$ccy '$2==c {print $11}' dso.csv)"
  same "CEI $ccy" "$(figure cei $ccy)" "$(awk -F, -v c=$ccy '$2==c {print $12}' dso.csv)"
  same "countback DSO $ccy" "$(figure dso_countback $ccy)" "$(awk -F, -v c=$ccy '$2==c {print $9}' countback.csv)"
  unapplied=$(python3 - "$ccy" <<'PY'
import csv, sys
from decimal import Decimal
rows = list(csv.DictReader(open("unapplied.csv")))
print(sum((Decimal(r["unapplied"]) for r in rows if r["currency"] == sys.argv[1]), Decimal("0.00")))
PY
)
  same "unapplied cash $ccy" "$(figure unapplied_cash $ccy)" "$unapplied"
  unbilled=$(python3 - "$ccy" <<'PY'
import csv, sys
from decimal import Decimal
rows = list(csv.DictReader(open("unbilled.csv")))
print(sum((Decimal(r["amount"]) for r in rows if r["currency"] == sys.argv[1]), Decimal("0.00")))
PY
)
  same "unbilled $ccy" "$(figure unbilled $ccy)" "$unbilled"
done
# the functional currency comes first
first=$(grep -o '<section class="panel" data-currency="[A-Z]*"' dash.html | head -1)
[ "$first" = '<section class="panel" data-currency="USD"' ] || fail "USD is not first: $first"
# self-contained: no scripts, nothing fetched
if grep -qiE '<script|<link|<img|@import|url\(|src=|href=' dash.html; then fail "the page fetches or runs something"; fi
[ "$(grep -o 'https\?://[^"]*' dash.html | sort -u)" = "http://www.w3.org/2000/svg" ] || fail "an address other than the SVG namespace"
grep -q 'made by <code>otc dashboard --as-of 2026-10-31 --out dash.html</code>' dash.html || fail "footer lacks the command"
# the tables without data say so
grep -q 'No dispute is open at' dash.html || fail "no empty state for disputes"

# rendered by a real browser to a PNG that is not blank
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then
  echo "chromium is not installed: the rendering check is skipped" >&2
else
  echo '<!DOCTYPE html><html><body></body></html>' > blank.html
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --screenshot="$WORK/dash.png" --window-size=1400,1000 "file://$WORK/dash.html" >/dev/null 2>&1 || true
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --screenshot="$WORK/blank.png" --window-size=1400,1000 "file://$WORK/blank.html" >/dev/null 2>&1 || true
  [ -s dash.png ] || fail "chromium wrote no screenshot"
  dash_size=$(stat -c %s dash.png); blank_size=$(stat -c %s blank.png 2>/dev/null || echo 0)
  [ "$dash_size" -gt $((blank_size * 5 + 20000)) ] || fail "the screenshot looks blank ($dash_size bytes; a blank page is $blank_size)"
fi
