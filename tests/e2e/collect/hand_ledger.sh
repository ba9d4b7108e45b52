# The hand-made ledger of tests/fixtures/collections (figures in docs/collections.md): the work
# list's order, dunning twice (the second run writes nothing), the .eml files parsed back by
# Python's email module, promises kept and broken, a write-off in aging, the roll-forward and the log.
F=$FIXTURES/collections
otc init; expect_rc 0
otc import customers "$F/customers.csv"; expect_rc 0
otc import invoices "$F/invoices.csv"; expect_rc 0
otc --as-of 2026-11-01 dispute open INV-D1 --reason pricing --owner dana; expect_rc 0
expect_stdout <<'EOT'
1
EOT
otc --as-of 2026-11-10 collect promise F6 --amount 1000 --date 2026-11-20; expect_rc 0
otc --as-of 2026-11-20 collect promise E5 --amount 2000 --date 2026-11-25; expect_rc 0
otc import payments "$F/payments.csv"; expect_rc 0

otc collect list --as-of 2026-11-30; expect_rc 0
expect_stdout <<'EOT'
as_of,rank,customer_id,customer_name,currency,past_due,oldest_days_past_due,disputed_open,promise_status,promise_date,promise_amount,dunning_level,next_dunning_level,last_contact_date,last_contact_type,owner,credit_hold,score,reasons
2026-11-30,1,B2,Bravo GmbH,USD,4500.00,91,0.00,,,,0,1,,,unassigned,"yes: past due 91 days (4500.00 USD), policy holds beyond 60",105,oldest 91 days past due (+91); 4500.00 past due (+4); never contacted (+10)
2026-11-30,2,A1,Alpha Ltd,USD,12000.00,60,0.00,,,,0,1,,,unassigned,no,82,oldest 60 days past due (+60); 12000.00 past due (+12); never contacted (+10)
2026-11-30,3,F6,Foxtrot SA,USD,1000.00,21,0.00,broken,2026-11-20,1000.00,0,1,,,unassigned,no,82,oldest 21 days past due (+21); 1000.00 past due (+1); promise of 2026-11-20 broken (+50); never contacted (+10)
2026-11-30,4,E5,Echo Corp,USD,3000.00,30,0.00,kept,2026-11-25,2000.00,0,1,,,unassigned,no,43,oldest 30 days past due (+30); 3000.00 past due (+3); never contacted (+10)
2026-11-30,5,C3,Charlie & Co,USD,800.00,16,0.00,,,,0,1,,,unassigned,no,26,oldest 16 days past due (+16); 800.00 past due (+0); never contacted (+10)
EOT

mkdir mail
before=$(ledger_state)
otc --as-of 2026-11-30 collect dunning --out mail --dry-run; expect_rc 0
[ "$(ledger_state)" = "$before" ] || fail "a dry run changed the ledger"
[ -z "$(ls mail)" ] || fail "a dry run wrote files"
otc --as-of 2026-11-30 collect dunning --out mail; expect_rc 0
expect_stdout <<'EOT'
as_of,customer_id,customer_name,currency,past_due,disputed_past_due,oldest_days_past_due,level_before,level,action,reason,channel,to,file
2026-11-30,A1,Alpha Ltd,USD,12000.00,0.00,60,0,3,sent,,email,ap@alpha.example,2026-11-30_A1_USD_level3.eml
2026-11-30,B2,Bravo GmbH,USD,4500.00,0.00,91,0,3,sent,,email,ap@bravo.example,2026-11-30_B2_USD_level3.eml
2026-11-30,C3,Charlie & Co,USD,800.00,0.00,16,0,0,skipped,no address,,,
2026-11-30,D4,Delta Inc,USD,0.00,2000.00,0,0,0,skipped,disputed,,ap@delta.example,
2026-11-30,E5,Echo Corp,USD,3000.00,0.00,30,0,2,sent,,email,ap@echo.example,2026-11-30_E5_USD_level2.eml
2026-11-30,F6,Foxtrot SA,USD,1000.00,0.00,21,0,1,sent,,email,ap@foxtrot.example,2026-11-30_F6_USD_level1.eml
EOT
expect_stderr <<'EOT'
otc: skipped C3 USD: no address
otc: skipped D4 USD: disputed
otc: sent 4 notice(s), skipped 2, 0 already at their level, as of 2026-11-30
EOT
[ "$(ls mail | wc -l)" = 4 ] || fail "expected 4 .eml files"
python3 - mail <<'PY' || fail ".eml files do not parse back"
import email, email.policy, pathlib, sys
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.eml")):
    raw = p.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), f"{p}: not CRLF"
    m = email.message_from_bytes(raw, policy=email.policy.default)
    for h in ("To", "From", "Subject", "Date", "Message-ID", "MIME-Version"):
        assert m[h], f"{p}: no {h}"
    assert m.get_content_type() == "text/plain" and m.get_content_charset() == "utf-8", p
    assert m["Date"].datetime.isoformat() == "2026-11-30T00:00:00+00:00", m["Date"]
    body = m.get_content()
    assert "Total past due:" in body, p
a1 = email.message_from_bytes(pathlib.Path(sys.argv[1], "2026-11-30_A1_USD_level3.eml").read_bytes(), policy=email.policy.default)
assert a1["To"].addresses[0].addr_spec == "ap@alpha.example"
assert a1["To"].addresses[0].display_name == "Alpha Ltd"
assert str(a1["Subject"]) == "Final notice: 12000.00 USD past due", a1["Subject"]
assert "INV-A1" in a1.get_content() and "INV-A2" not in a1.get_content()
PY
# The second run on the same date writes nothing.
before=$(ledger_state)
otc --as-of 2026-11-30 collect dunning --out mail; expect_rc 0
[ "$(ledger_state)" = "$before" ] || fail "the second dunning run changed the ledger"
[ "$(ls mail | wc -l)" = 4 ] || fail "the second run wrote files"
expect_stderr_has "sent 0 notice(s), skipped 2, 4 already at their level"

otc collect promises --as-of 2026-11-30; expect_rc 0
expect_stdout <<'EOT'
as_of,promise_id,customer_id,customer_name,currency,amount,paid,made_on,due_date,status,kept_on,invoices,plan_id,installment
2026-11-30,2,E5,Echo Corp,USD,2000.00,2000.00,2026-11-20,2026-11-25,kept,2026-11-24,,,
2026-11-30,1,F6,Foxtrot SA,USD,1000.00,0.00,2026-11-10,2026-11-20,broken,,,,
EOT

# A write-off dated 2026-11-30: aging as of 11-29 is unchanged, as of 11-30 50.00 less.
otc --as-of 2026-11-30 collect write-off INV-C1 --amount 50 --reason "small balance"; expect_rc 0
otc aging --as-of 2026-11-29 --by invoice; expect_stdout_has "INV-C1,2026-10-15,2026-11-14,15,USD,0.00,800.00"
otc aging --as-of 2026-11-30 --by invoice; expect_stdout_has "INV-C1,2026-10-15,2026-11-14,16,USD,0.00,750.00"
otc log --command write-off; expect_stdout_has "50.00 USD written off on 2026-11-30"
# Disputes separate: D4's 2,000.00 in the disputed column, its row total unchanged.
otc aging --as-of 2026-11-30 --disputes separate; expect_rc 0
expect_stdout_has "as_of,customer_id,customer_name,currency,current,1-30,31-60,61-90,91-120,121+,disputed,open_total,unapplied_credit"
expect_stdout_has "2026-11-30,D4,Delta Inc,USD,0.00,0.00,0.00,0.00,0.00,0.00,2000.00,2000.00,0.00"
