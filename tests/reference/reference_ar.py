#!/usr/bin/env python3
"""An independent reference computation of AR aging and DSO, to check otc against.

Written from the definitions in PRODUCT.md ("Definitions") and issue 2, not from otc's engine.
Python 3 standard library only; money is integer minor units, ratios are fractions.Fraction: no floats.

Usage:
  reference_ar.py aging --as-of DATE CUSTOMERS INVOICES PAYMENTS
  reference_ar.py dso   --as-of DATE [--days N] [--method standard|countback] CUSTOMERS INVOICES PAYMENTS
  reference_ar.py applications CUSTOMERS INVOICES PAYMENTS      (every application, for hand checks)

Input: the generic column layout (see docs/samples.md). Output: CSV in otc's layout on stdout.

Semantics of the payments file (what `otc import payments` does):
  * rows sharing a payment_id are one payment and repeat its payment-level fields;
  * a row that names an invoice applies min(applied_amount or else amount, the invoice's open balance,
    what is left of the payment), in file order, dated max(payment date, invoice date);
  * whatever is not applied stays on the customer as unapplied credit (no customer: unidentified cash).
Point in time as of D: only invoices, payments and applications dated on or before D count.
"""
import argparse
import csv
import datetime as dt
import re
import sys
from fractions import Fraction

EXPONENTS = {"JPY": 0, "KRW": 0, "CLP": 0, "ISK": 0, "VND": 0,
             "KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3, "TND": 3, "LYD": 3, "IQD": 3}
BUCKETS = ["current", "1-30", "31-60", "61-90", "91-120", "121+"]


def exponent(ccy):
    return EXPONENTS.get(ccy, 2)


def parse_amount(text, ccy, where):
    """'1,234.56', '$1,234.56', '(1,234.56)', '-1234.56' -> minor units (int). Too many decimals is an error."""
    s = text.strip()
    neg = False
    if s.startswith("(") and s.endswith(")"):
        neg, s = True, s[1:-1].strip()
    if s.startswith("-"):
        neg, s = True, s[1:].strip()
    s = s.lstrip("$€£").replace(",", "")
    m = re.fullmatch(r"(\d+)(?:\.(\d*))?", s)
    if not m:
        raise ValueError(f"{where}: not an amount: {text!r}")
    e = exponent(ccy)
    frac = m.group(2) or ""
    if len(frac) > e:
        raise ValueError(f"{where}: {text!r} has more decimals than {ccy} allows")
    minor = int(m.group(1)) * 10 ** e + (int(frac.ljust(e, "0")) if e else 0)
    return -minor if neg else minor


def fmt_amount(minor, ccy):
    e = exponent(ccy)
    sign = "-" if minor < 0 else ""
    whole, part = divmod(abs(minor), 10 ** e)
    return f"{sign}{whole}.{part:0{e}d}" if e else f"{sign}{whole}"


def parse_date(text):
    return dt.date.fromisoformat(text.strip())


def parse_terms(text):
    t = text.strip().lower()
    if not t:
        return None
    if t == "due on receipt":
        return 0
    m = re.search(r"net\s*(\d+)", t) or re.fullmatch(r"(\d+)", t)
    return int(m.group(1)) if m else None


def round_half_up(q):
    """Fraction -> text with 2 decimals, halves away from zero."""
    cents = abs(q) * 100
    n = int(cents)                 # floor of a non-negative Fraction
    if cents - n >= Fraction(1, 2):
        n += 1
    sign = "-" if q < 0 and n else ""
    return f"{sign}{n // 100}.{n % 100:02d}"


def rows_of(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        for line_no, row in enumerate(csv.DictReader(f), start=2):
            yield line_no, {k.strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}


class Ledger:
    def __init__(self, customers_csv, invoices_csv, payments_csv):
        self.customers = {}   # id -> dict(name, currency, terms)
        self.invoices = {}    # id -> dict(customer, date, due, amount, currency, open)
        self.payments = {}    # id -> dict(customer, date, amount, currency, left, fields)
        self.applications = []  # (payment id, invoice id, amount, date)
        for _, r in rows_of(customers_csv):
            self.customers[r["customer_id"]] = {"name": r.get("name", ""), "currency": r.get("currency", ""),
                                                "terms": parse_terms(r.get("terms", ""))}
        for line, r in rows_of(invoices_csv):
            where = f"{invoices_csv}:{line}"
            cust = self.customers.setdefault(r["customer_id"], {"name": r.get("customer_name", ""),
                                                                "currency": "", "terms": None})
            ccy = r.get("currency") or cust["currency"]
            date = parse_date(r["invoice_date"])
            if r.get("due_date"):
                due = parse_date(r["due_date"])
            elif cust["terms"] is not None:
                due = date + dt.timedelta(days=cust["terms"])
            else:
                raise ValueError(f"{where}: no due date and no terms")
            amount = parse_amount(r["amount"], ccy, where)
            self.invoices[r["invoice_id"]] = {"customer": r["customer_id"], "date": date, "due": due,
                                              "amount": amount, "currency": ccy, "open": amount}
        for line, r in rows_of(payments_csv):
            where = f"{payments_csv}:{line}"
            cid = r.get("customer_id", "")
            if cid and cid not in self.customers:
                self.customers[cid] = {"name": r.get("customer_name", ""), "currency": "", "terms": None}
            ccy = r.get("currency") or (self.customers[cid]["currency"] if cid else "")
            fields = (cid, r["payment_date"], r["amount"], ccy, r.get("method", ""), r.get("reference", ""))
            pid = r["payment_id"]
            p = self.payments.get(pid)
            if p is None:
                amount = parse_amount(r["amount"], ccy, where)
                p = self.payments[pid] = {"customer": cid, "date": parse_date(r["payment_date"]), "amount": amount,
                                          "currency": ccy, "left": amount, "fields": fields}
            elif p["fields"] != fields:
                raise ValueError(f"{where}: payment {pid} repeats with different payment-level fields")
            inv_id = r.get("invoice_id", "")
            if not inv_id:
                continue
            inv = self.invoices[inv_id]
            if inv["currency"] != p["currency"]:
                raise ValueError(f"{where}: payment in {p['currency']} names an invoice in {inv['currency']}")
            want = parse_amount(r["applied_amount"], ccy, where) if r.get("applied_amount") else p["amount"]
            amount = min(want, inv["open"], p["left"])
            if amount > 0:
                inv["open"] -= amount
                p["left"] -= amount
                self.applications.append((pid, inv_id, amount, max(p["date"], inv["date"])))

    # ---- point in time --------------------------------------------------------------------------------
    def open_items(self, as_of):
        """(invoice id, invoice, open balance at as_of) for invoices dated <= as_of with a balance."""
        applied = {}
        for _, inv_id, amount, date in self.applications:
            if date <= as_of:
                applied[inv_id] = applied.get(inv_id, 0) + amount
        for inv_id, inv in self.invoices.items():
            if inv["date"] <= as_of:
                bal = inv["amount"] - applied.get(inv_id, 0)
                if bal:
                    yield inv_id, inv, bal

    def unapplied(self, as_of):
        """(customer, currency) -> cash received by as_of and not applied by as_of."""
        out = {}
        for pid, p in self.payments.items():
            if p["date"] <= as_of:
                key = (p["customer"], p["currency"])
                out[key] = out.get(key, 0) + p["amount"]
        for pid, _, amount, date in self.applications:
            if date <= as_of:
                p = self.payments[pid]
                out[(p["customer"], p["currency"])] -= amount
        return out

    def name(self, cid):
        return self.customers[cid]["name"] if cid else ""


def bucket_of(days_past_due):
    if days_past_due <= 0:
        return 0
    for i, edge in enumerate((30, 60, 90, 120), start=1):
        if days_past_due <= edge:
            return i
    return 5


def text_cell(s):
    if s[:1] in ("=", "+", "-", "@"):
        raise ValueError(f"formula-like text {s!r}: the reference does not model otc's neutralisation")
    return s


def aging(led, as_of, out):
    rows = {}
    for _, inv, bal in led.open_items(as_of):
        r = rows.setdefault((inv["customer"], inv["currency"]), [0] * 6 + [0])
        r[bucket_of((as_of - inv["due"]).days)] += bal
    for key, credit in led.unapplied(as_of).items():
        if credit:
            rows.setdefault(key, [0] * 6 + [0])[6] += credit
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["as_of", "customer_id", "customer_name", "currency"] + BUCKETS + ["open_total", "unapplied_credit"])
    for (cid, ccy), r in sorted(rows.items()):
        if not any(r):
            continue
        w.writerow([as_of.isoformat(), text_cell(cid), text_cell(led.name(cid)), ccy]
                   + [fmt_amount(v, ccy) for v in r[:6]] + [fmt_amount(sum(r[:6]), ccy), fmt_amount(r[6], ccy)])


def month_start(d, back):
    """First day of the month `back` months before d's month."""
    k = d.year * 12 + d.month - 1 - back
    return dt.date(k // 12, k % 12 + 1, 1)


def countback(led, ccy, as_of, open_ar):
    """PRODUCT.md countback: walk back from D's month (its days up to D) until AR < a month's sales.

    When the AR is used up exactly at a month boundary the walk stops there (nothing is left to count
    back); when it runs past the first month with an invoice the figure is undefined.
    """
    earliest = min((i["date"] for i in led.invoices.values() if i["currency"] == ccy), default=as_of)
    remaining, days = Fraction(open_ar), Fraction(0)
    back = 0
    while True:
        if remaining == 0:
            return days  # the AR is exactly covered by the months walked so far
        first = month_start(as_of, back)
        if back == 0:
            last, n_days = as_of, as_of.day
        else:
            last = month_start(as_of, back - 1) - dt.timedelta(days=1)
            n_days = last.day
        if last < earliest:
            return None  # ran out of history before the AR was covered
        sales = sum(i["amount"] for i in led.invoices.values()
                    if i["currency"] == ccy and first <= i["date"] <= last)
        if remaining < sales:
            return days + remaining / sales * n_days
        remaining -= sales
        days += n_days
        back += 1


def dso(led, as_of, n, method, out):
    start = as_of - dt.timedelta(days=n)          # D - N; the window is D-N+1 .. D
    currencies = sorted({i["currency"] for i in led.invoices.values() if i["date"] <= as_of})
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["as_of", "currency", "method", "window_days", "open_ar", "open_ar_at_window_start", "current_ar",
                "credit_sales", "dso", "best_possible_dso", "average_days_delinquent", "cei_percent"])
    for ccy in currencies:
        items = [(inv, bal) for _, inv, bal in led.open_items(as_of) if inv["currency"] == ccy]
        open_ar = sum(bal for _, bal in items)
        current = sum(bal for inv, bal in items if inv["due"] >= as_of)
        open_start = sum(bal for _, inv, bal in led.open_items(start) if inv["currency"] == ccy)
        sales = sum(i["amount"] for i in led.invoices.values()
                    if i["currency"] == ccy and start < i["date"] <= as_of)
        std = best = add = cei = None
        if sales:
            std = Fraction(open_ar, sales) * n
            best = Fraction(current, sales) * n
            add = std - best
        denom = open_start + sales - current
        if denom:
            cei = Fraction(open_start + sales - open_ar, denom) * 100
        shown = countback(led, ccy, as_of, open_ar) if method == "countback" else std
        f = lambda q: "" if q is None else round_half_up(q)
        w.writerow([as_of.isoformat(), ccy, method, n, fmt_amount(open_ar, ccy), fmt_amount(open_start, ccy),
                    fmt_amount(current, ccy), fmt_amount(sales, ccy), f(shown), f(best), f(add), f(cei)])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report", choices=["aging", "dso", "applications"])
    ap.add_argument("--as-of", type=parse_date)
    ap.add_argument("--days", type=int, default=90)
    ap.add_argument("--method", choices=["standard", "countback"], default="standard")
    ap.add_argument("customers")
    ap.add_argument("invoices")
    ap.add_argument("payments")
    a = ap.parse_args()
    led = Ledger(a.customers, a.invoices, a.payments)
    if a.report == "applications":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["payment_id", "invoice_id", "amount", "date"])
        for pid, inv_id, amount, date in led.applications:
            w.writerow([pid, inv_id, fmt_amount(amount, led.invoices[inv_id]["currency"]), date.isoformat()])
        return
    if a.as_of is None:
        ap.error("--as-of is required")
    if a.report == "aging":
        aging(led, a.as_of, sys.stdout)
    else:
        dso(led, a.as_of, a.days, a.method, sys.stdout)


if __name__ == "__main__":
    main()
