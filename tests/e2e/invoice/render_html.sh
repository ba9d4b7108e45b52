# invoice render: one self-contained printable HTML document per invoice, with seller and customer
# blocks, lines with service periods, discount, tax, total, due date, remittance instructions and the
# reference to quote; every text from the ledger is escaped.
cat > customers.csv <<'CSV'
customer_id,name,terms,email
C1,"<script>alert(""x"")</script> Fish & Chips ""Ltd""",Net 15,ap@fish.example
CSV
cat > contracts.csv <<'CSV'
contract_id,line_id,customer,product,description,start_date,anchor_day,frequency,price_model,unit_price,quantity,discount,currency,tax_rate
K-1,1,C1,SEATS,Seats <b>bold</b>,2026-01-15,1,monthly,per_seat,25.00,10,10%,USD,8.875
CSV
otc init; expect_rc 0
otc import customers customers.csv; expect_rc 0
otc import contracts contracts.csv; expect_rc 0
otc invoice run --through 2026-02-01
expect_rc 0
expect_stdout <<'OUT'
invoice_number,customer_id,invoice_date,due_date,currency,subtotal,discount,tax,total,lines
INV-000001,C1,2026-01-15,2026-01-30,USD,137.10,13.71,10.95,134.34,1
INV-000002,C1,2026-02-01,2026-02-16,USD,250.00,25.00,19.97,244.97,1
OUT
otc invoice render --out docs
expect_rc 2
expect_stderr_has "give one invoice number, or --all"
otc invoice render INV-000001 --out docs --seller-name "Brightline Cloud, Inc." --seller-address "1 Main St;Springfield" --remit-to "ACH: First Bank;Account 4410092231"
expect_rc 0
expect_stdout <<'OUT'
invoice_number,status,file
INV-000001,open,docs/INV-000001.html
OUT
f=docs/INV-000001.html
[ -s "$f" ] || fail "no document"
for want in '<!DOCTYPE html>' '<h1>Invoice INV-000001</h1>' 'Brightline Cloud, Inc.' '1 Main St<br>Springfield' \
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Fish &amp; Chips &quot;Ltd&quot;' 'ap@fish.example' \
    'Seats &lt;b&gt;bold&lt;/b&gt; (17/31 days)' '2026-01-15 to 2026-01-31' '137.10' '-13.71' '10.95' '8.875%' \
    '<tr><td>Due date</td><td>2026-01-30</td></tr>' 'Amount due by 2026-01-30</td><td class="n">134.34 USD' \
    'Please quote <strong>INV-000001</strong> as the payment reference.' 'ACH: First Bank<br>Account 4410092231'; do
  grep -qF -- "$want" "$f" || fail "document lacks: $want"
done
! grep -q '<script' "$f" || fail "unescaped script tag"
! grep -qiE '<link|<img|src=|https?://' "$f" || fail "the document is not self-contained"
# A voided invoice is marked; --all renders every billed invoice.
otc invoice void INV-000002 --reason "test" --date 2026-02-02; expect_rc 0
otc invoice render --all --out all
expect_rc 0
expect_stdout <<'OUT'
invoice_number,status,file
INV-000001,open,all/INV-000001.html
INV-000002,void,all/INV-000002.html
OUT
grep -qF '<p class="void">VOID</p>' all/INV-000002.html || fail "void not marked"
grep -qF 'Amount due by 2026-02-16</td><td class="n">0.00 USD' all/INV-000002.html || fail "void shows an amount due"

# The seller block comes from the seller profile, as statements' does (here --seller-file; the
# ledger's stored profile and seller.toml beside the ledger are the defaults), and a --seller-* flag
# replaces only its own part.
otc invoice render INV-000002 --out prof --seller-file "$SAMPLES/seller.toml"
expect_rc 0
grep -qF '<strong>Brightline Cloud, Inc.</strong>' prof/INV-000002.html || fail "profile name missing"
grep -qF '500 Market Street, Suite 1200<br>San Francisco, CA 94105' prof/INV-000002.html || fail "profile address missing"
grep -qF 'First Bank of California' prof/INV-000002.html || fail "profile remittance missing"
otc invoice render INV-000002 --out prof2 --seller-file "$SAMPLES/seller.toml" --seller-name "Other Co"
expect_rc 0
grep -qF '<strong>Other Co</strong>' prof2/INV-000002.html || fail "--seller-name did not replace the name"
grep -qF '500 Market Street, Suite 1200' prof2/INV-000002.html || fail "--seller-name dropped the profile's address"
otc invoice render INV-000002 --out none
expect_rc 0
expect_stderr_has "no seller profile"
