# An xlsx report read back from its XML: one sheet named after the file, bold frozen header,
# autofilter, amounts as numbers with 2 decimals, dates as Excel dates, ids and formula-like text
# as strings (never formulas).
otc init; expect_rc 0
cat > customers.csv <<'CSV'
customer_id,name,currency,terms
00042,=HYPERLINK("http://x"),USD,NET30
C-7,Kyoto Ltd,JPY,NET30
CSV
cat > invoices.csv <<'CSV'
invoice_id,customer_id,invoice_date,due_date,amount,currency
0001234,00042,2026-09-01,2026-10-01,"1,234.50",USD
J-1,C-7,2026-10-01,2026-10-31,150000,JPY
CSV
otc import customers customers.csv; expect_rc 0
otc import invoices invoices.csv; expect_rc 0
otc aging --as-of 2026-10-31 --by invoice -o aging-2026-10.xlsx; expect_rc 0
sheet=$(unzip -p aging-2026-10.xlsx xl/worksheets/sheet1.xml)
strings=$(unzip -p aging-2026-10.xlsx xl/sharedStrings.xml)
styles=$(unzip -p aging-2026-10.xlsx xl/styles.xml)
book=$(unzip -p aging-2026-10.xlsx xl/workbook.xml)
has() { grep -qF -- "$2" <<<"$1" || fail "lacks: $2"; }
hasnt() { if grep -qF -- "$2" <<<"$1"; then fail "has: $2"; fi; }
has "$book" 'name="aging-2026-10"'
has "$sheet" 'state="frozen"'
has "$sheet" '<autoFilter ref="A1:P3"/>'
has "$sheet" '<cols>'
hasnt "$sheet" '<f>'
has "$strings" '<t>00042</t>'
has "$strings" '<t>0001234</t>'
has "$strings" '<t>=HYPERLINK("http://x")</t>'
has "$styles" 'formatCode="#,##0.00"'
has "$styles" 'formatCode="#,##0"'
has "$styles" 'formatCode="yyyy-mm-dd"'
has "$styles" '<b/>'
# row 2 (the USD invoice): A as_of is a date serial (46326 = 2026-10-31), B the id a string,
# the open total a plain number cell
cell() { grep -o "<c r=\"$1\"[^>]*>\(<v>[^<]*</v>\)\?" <<<"$sheet"; }
[[ "$(cell A2)" =~ ^\<c\ r=\"A2\"\ s=\"[0-9]+\"\>\<v\>46326\</v\>$ ]] || fail "A2 is not a date: $(cell A2)"
[[ "$(cell B2)" == *'t="s"'* ]] || fail "B2 (customer id) is not a string: $(cell B2)"
[[ "$(cell D2)" == *'t="s"'* ]] || fail "D2 (invoice id) is not a string: $(cell D2)"
[[ "$(cell O2)" =~ \<v\>1234.5\</v\>$ && "$(cell O2)" != *'t="'* ]] || fail "O2 (open_total) is not a number: $(cell O2)"
[[ "$(cell O3)" =~ \<v\>150000\</v\>$ ]] || fail "O3 (JPY open_total) is not 150000: $(cell O3)"
