#!/usr/bin/env python3
"""Scores `otc apply-cash` output against remit_gen's truth.csv.

Usage: score_apply_cash.py DATA_DIR APPLICATIONS.csv
Precision = 1 - wrong applications / applications; auto-apply = receipts fully applied as the
truth says / receipts the truth says pay invoices. Exact integers, no floats for money.
"""
import csv
import sys
from collections import Counter, defaultdict

data, apps_path = sys.argv[1], sys.argv[2]
# --nacha: the applications name receipts by their NACHA trace number (truth column nacha_trace).
key = "nacha_trace" if "--nacha" in sys.argv[3:] else "bank_reference"
quiet = "--row" in sys.argv[3:]
number = {r["invoice_id"]: r["invoice_number"] for r in csv.DictReader(open(f"{data}/invoices.csv"))}
# A bank reference can appear on several lines (a duplicated bank line pays nothing): compare
# multisets of invoices per bank reference.
truth = defaultdict(Counter)
for r in csv.DictReader(open(f"{data}/truth.csv")):
    for i in r["invoice_ids"].split(";"):
        if i and i != "none" and i in number:
            truth[r[key]][number[i]] += 1
applied = defaultdict(Counter)
for r in csv.DictReader(open(apps_path)):
    if r["invoice_id"]:
        applied[r["bank_reference"]][r["invoice_id"]] += 1
apps = sum(sum(v.values()) for v in applied.values())
wrong = sum(sum((v - truth.get(ref, Counter())).values()) for ref, v in applied.items())
payable = [ref for ref, inv in truth.items() if inv]
auto = sum(1 for ref in payable if applied.get(ref) == truth[ref])
if quiet:
    print(f"{apps} {wrong} {100 * (apps - wrong) / max(apps, 1):.3f}% {auto} {len(payable)} {100 * auto / max(len(payable), 1):.2f}%")
    sys.exit(0)
print(f"applications {apps}, wrong {wrong}, precision {100 * (apps - wrong) / max(apps, 1):.3f}%, "
      f"auto-applied {auto} of {len(payable)} payable receipts ({100 * auto / max(len(payable), 1):.2f}%)")
