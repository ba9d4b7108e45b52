# --format table fits $COLUMNS: low-value columns go first (aging: as_of, invoice_date,
# unapplied_credit, customer_name), amounts keep thousands separators and are never cut.
import_samples
COLUMNS=120 otc aging --as-of 2026-10-31 --format table; expect_rc 0
python3 -c "import sys; sys.exit(any(len(l.rstrip('\n')) > 120 for l in open('out.txt', encoding='utf-8')))" ||
  fail "a line is wider than 120 characters"
head -1 out.txt | grep -q '^customer_id  customer_name' || fail "header: $(head -1 out.txt)"
grep -q '35,250.44' out.txt || fail "amounts lack thousands separators"
COLUMNS=200 otc aging --as-of 2026-10-31 --format table; expect_rc 0
head -1 out.txt | grep -q '^as_of       customer_id' || fail "wide terminal: as_of is dropped"
COLUMNS=80 otc cash unapplied --as-of 2026-10-31 --format table; expect_rc 0
head -1 out.txt | grep -q 'suggestions' && fail "suggestions kept at 80 columns"
grep -q 'payment_id' out.txt || fail "no payment_id column"
