# -o FILE names the format by its extension (.json, .csv, .xlsx, .txt); an explicit --format wins.
import_samples
otc aging --as-of 2026-10-31 -o aging.json; expect_rc 0
head -c 1 aging.json | grep -q '\[' || fail "aging.json is not JSON"
grep -q '"open_total": 1440.91' aging.json || fail "aging.json lacks C1001's open total as a number"
otc aging --as-of 2026-10-31 -o aging.csv; expect_rc 0
head -1 aging.csv | grep -q '^as_of,customer_id,' || fail "aging.csv is not CSV"
otc aging --as-of 2026-10-31 --format csv -o forced.json; expect_rc 0
head -1 forced.json | grep -q '^as_of,customer_id,' || fail "--format csv did not win over the extension"
otc aging --as-of 2026-10-31 -o aging.txt; expect_rc 0
head -2 aging.txt | tail -1 | grep -q '^-----' || fail "aging.txt is not a table"
otc aging --as-of 2026-10-31 -o aging.out; expect_rc 0
head -1 aging.out | grep -q '^as_of,customer_id,' || fail "an unknown extension is not CSV"
otc aging --as-of 2026-10-31 -o AGING.XLSX; expect_rc 0
unzip -tq AGING.XLSX >/dev/null || fail "AGING.XLSX is not a zip"
otc aging --as-of 2026-10-31 --format xlsx; expect_rc 0
[ "$(head -c 2 out.txt)" = "PK" ] || fail "--format xlsx to a pipe is not a workbook"
