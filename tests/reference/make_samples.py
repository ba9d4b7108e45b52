#!/usr/bin/env python3
"""Writes the otc sample company: samples/customers.csv, samples/invoices.csv, samples/payments.csv.

Deterministic (fixed seed, Python 3 standard library only): running it twice writes the same bytes.
The company is "Brightline Cloud", a small SaaS vendor billing about twenty customers monthly
from 2025-11-01 to 2026-10-31. Each customer follows one payment habit (prompt, late, partial,
batch payer with split remittances, overpayer, on-account cash without references, ...), so that
aging and DSO as of 2026-10-31 exercise every bucket and every kind of payment the importer knows.

Usage: python3 tests/reference/make_samples.py [OUTPUT_DIR]   (default: samples/ in the repository)
"""
import csv
import datetime as dt
import os
import random
import sys

SEED = 20261031
FIRST_DAY = dt.date(2025, 11, 1)
LAST_DAY = dt.date(2026, 10, 31)
# The export was pulled a few days after month end: payments received up to this date are in it,
# so a report as of 2026-10-31 must leave the last few out (point in time).
EXPORT_DAY = dt.date(2026, 11, 4)


# id, name, currency, terms days, credit limit (major units), email, bank account, address,
# habit, monthly fee range in minor units, billing day (31 = last day of the month),
# first and last billing month (inclusive, as (year, month)).
CUSTOMERS = [
    ("C1001", "Acme Analytics, Inc.", "USD", 30, 60000, "ap@acme-analytics.example", "US021000021-4410092231",
     "1 Harbor Way, Boston, MA 02110", "prompt", (980000, 1150000), 1, (2025, 11), (2026, 10)),
    ("C1002", 'The "Blue Heron" Logistics Co.', "USD", 45, 80000, "payables@blueheron.example", "US026009593-7781220045",
     "88 Dock St, Savannah, GA 31401", "late", (1420000, 1610000), 1, (2025, 11), (2026, 10)),
    ("C1003", "Cedar & Pine Dental Group", "USD", 30, 25000, "billing@cedarpine.example", "US011000138-5520019876",
     "402 Elm Ave, Hartford, CT 06103", "partial", (310000, 365000), 5, (2025, 11), (2026, 10)),
    ("C1004", "Driftwood Media LLC", "USD", 15, 10000, "finance@driftwood.example", "",
     "19 Sunset Blvd, Los Angeles, CA 90028", "prompt_card", (125000, 162000), 10, (2025, 11), (2026, 10)),
    ("C1005", "Evergreen Credit Union", "USD", 60, 150000, "ap@evergreencu.example", "US123000220-0099182733",
     "Attn: Accounts Payable\n4100 Evergreen Pkwy, Suite 300\nPortland, OR 97201", "batch",
     (2250000, 2420000), 1, (2025, 11), (2026, 10)),
    ("C1006", "Foxglove Retail Holdings, Corp.", "USD", 30, 40000, "ap@foxglove.example", "US071000013-3345019982",
     "7 Market Sq, Chicago, IL 60606", "delinquent", (640000, 720000), 15, (2025, 11), (2026, 10)),
    ("C1007", "Granite Peak Engineering", "USD", 30, 30000, "accounts@granitepeak.example", "US102000021-6671120034",
     "2200 Summit Rd, Denver, CO 80202", "overpay", (418000, 470000), 20, (2025, 11), (2026, 10)),
    ("C1008", "Harbor Point Marine Supply", "USD", 45, 35000, "office@harborpoint.example", "US211070175-1190023341",
     "55 Wharf Rd, Gloucester, MA 01930", "unreferenced", (230000, 276000), 1, (2025, 11), (2026, 10)),
    ("C1009", "Ironbridge Capital Partners, L.P.", "USD", 30, 250000, "treasury@ironbridge.example", "US021000089-9900114477",
     "500 Park Ave, 21st Floor, New York, NY 10022", "prepay", (185000, 240000), 31, (2025, 11), (2026, 10)),
    ("C1010", "Juniper Health Systems", "USD", 60, 200000, "ap@juniperhealth.example", "US122000661-2233445566",
     "1200 Medical Center Dr, Phoenix, AZ 85006", "late", (3100000, 3380000), 1, (2025, 11), (2026, 10)),
    ("C1011", "Kestrel Aviation Services", "USD", 30, 50000, "billing@kestrelav.example", "US091000019-8800221199",
     "Hangar 4, 10 Airport Rd, Minneapolis, MN 55450", "prompt", (760000, 815000), 1, (2026, 4), (2026, 10)),
    ("C1012", 'Lakeside "Lux" Hotels & Resorts', "USD", 30, 60000, "ap@lakesidelux.example", "US063100277-5566778899",
     "3 Lakeshore Dr, Lake Tahoe, NV 89449", "partial", (890000, 960000), 28, (2025, 11), (2026, 10)),
    ("C1013", "Meridian Freight Brokers", "USD", 15, 20000, "ap@meridianfreight.example", "US111000025-1122334455",
     "900 Industrial Pkwy, Dallas, TX 75207", "churned", (540000, 600000), 1, (2025, 11), (2026, 3)),
    ("C1014", "Northwind Traders, Ltd.", "USD", 30, 45000, "ar@northwind.example", "US121000358-6677889900",
     "12 Pier 39, San Francisco, CA 94133", "prompt", (612000, 655000), 1, (2025, 11), (2026, 10)),
    ("C1015", "Oakhurst Public Schools", "USD", 60, 90000, "purchasing@oakhurst.k12.example", "",
     "Oakhurst District Office, 77 School St, Oakhurst, NJ 07755", "batch", (1180000, 1240000), 1, (2025, 11), (2026, 10)),
    ("C1016", "Pinnacle Legal LLP", "USD", 45, 40000, "accounts@pinnaclelegal.example", "US021300077-3344556677",
     "45 Court St, Brooklyn, NY 11201", "double_pay", (505000, 548000), 10, (2025, 11), (2026, 10)),
    ("C1017", "Quarry Street Bakery Co.", "USD", 15, 3000, "owner@quarrystreet.example", "",
     "210 Quarry St, Quincy, MA 02169", "prompt_card", (19900, 31500), 1, (2025, 11), (2026, 10)),
    ("C1018", "Redwood Veterinary Clinics", "USD", 30, 30000, "ap@redwoodvet.example", "US121042882-4455667788",
     "640 Redwood Hwy, Mill Valley, CA 94941", "late_partial", (352000, 398000), 15, (2025, 11), (2026, 10)),
    ("C1019", "Nordlicht Software GmbH", "EUR", 30, 70000, "buchhaltung@nordlicht.example", "DE89370400440532013000",
     "Friedrichstraße 120, 10117 Berlin, Germany", "prompt", (840000, 905000), 1, (2025, 11), (2026, 10)),
    ("C1020", "Thames Valley Analytics Ltd", "GBP", 45, 50000, "accounts@thamesvalley.example", "GB29NWBK60161331926819",
     "Unit 5, Kings Meadow, Reading RG1 8DQ, United Kingdom", "partial", (515000, 566000), 1, (2025, 11), (2026, 10)),
]

# Extra one-off invoices: (customer, date, amount minor, po). Professional services, usage true-ups, hardware.
ONE_OFFS = [
    ("C1001", dt.date(2026, 3, 31), 1850000, "PO-77120"),
    ("C1002", dt.date(2026, 6, 30), 742550, "PO-BH-2291"),
    ("C1005", dt.date(2026, 2, 27), 3600000, "EV-2026-014"),
    ("C1006", dt.date(2026, 5, 29), 1270000, "FX-5521"),
    ("C1009", dt.date(2025, 11, 14), 15600000, "IB-ANNUAL-26"),  # annual platform license
    ("C1009", dt.date(2026, 7, 1), 2400000, "IB-SOW-7"),         # services SOW, paid in advance
    ("C1010", dt.date(2026, 9, 30), 2213475, "JHS-44810"),
    ("C1012", dt.date(2026, 8, 14), 415025, ""),
    ("C1014", dt.date(2026, 10, 1), 955000, "NW-PO-3310"),
    ("C1018", dt.date(2026, 7, 31), 260000, ""),
    ("C1019", dt.date(2026, 5, 15), 1125000, "NL-BE-0042"),
    ("C1020", dt.date(2026, 9, 1), 830000, "TVA-PO-118"),
]

# Disputed one-off invoices that nobody has paid, given by (customer, due date, amount, po): as of
# 2026-10-31 they are exactly 0, 30, 31, 60, 61, 90, 91, 120 and 121 days past due, the edges of the buckets.
DISPUTED = [
    ("C1003", dt.date(2026, 10, 31), 86000, "CP-ONSITE-0"),     # 0 days: still current
    ("C1007", dt.date(2026, 10, 1), 312500, "GP-TRAIN-30"),     # 30 days: 1-30
    ("C1019", dt.date(2026, 9, 30), 245000, "NL-IMPL-31"),      # 31 days: 31-60 (EUR)
    ("C1016", dt.date(2026, 9, 1), 198000, "PL-EXP-60"),        # 60 days: 31-60
    ("C1020", dt.date(2026, 8, 31), 127550, "TVA-TRV-61"),      # 61 days: 61-90 (GBP)
    ("C1018", dt.date(2026, 8, 2), 93075, "RV-HW-90"),          # 90 days: 61-90
    ("C1010", dt.date(2026, 8, 1), 1480000, "JHS-CONS-91"),     # 91 days: 91-120
    ("C1002", dt.date(2026, 7, 3), 416040, "BH-API-120"),       # 120 days: 91-120
    ("C1012", dt.date(2026, 7, 2), 271990, "LL-SETUP-121"),     # 121 days: 121+
]

# Customers that also get a monthly usage (overage) invoice at month end, with its range in minor units.
USAGE = {
    "C1001": (45000, 230000),
    "C1005": (120000, 380000),
    "C1009": (60000, 145000),
    "C1010": (210000, 540000),
    "C1019": (40000, 119000),
}


METHODS = {"prompt": "ACH", "late": "wire", "partial": "ACH", "prompt_card": "card", "batch": "ACH",
           "delinquent": "check", "overpay": "check", "unreferenced": "ACH", "prepay": "wire",
           "churned": "check", "double_pay": "ACH", "late_partial": "check"}


def month_end(y, m):
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def months(first, last):
    y, m = first
    while (y, m) <= last:
        yield y, m
        y, m = (y + (m == 12), m % 12 + 1)


def billing_date(y, m, day):
    end = month_end(y, m)
    return end if day >= end.day else dt.date(y, m, day)


def fmt_amount(minor, grouped):
    units, cents = divmod(minor, 100)
    whole = f"{units:,}" if grouped else str(units)
    return f"{whole}.{cents:02d}"


class Company:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.cust = {c[0]: c for c in CUSTOMERS}
        self.invoices = []   # dicts
        self.payments = []   # dicts: id, customer, date, amount, currency, method, reference, payer, rows
        self.check_no = 40211

    # ---- invoices -------------------------------------------------------------------------------------
    def make_invoices(self):
        raw = []
        for c in CUSTOMERS:
            cid, ccy, lo_hi, day, first, last = c[0], c[2], c[9], c[10], c[11], c[12]
            for y, m in months(first, last):
                d = billing_date(y, m, day)
                raw.append((d, cid, self.rng.randrange(*lo_hi), "", "subscription"))
            if cid in USAGE:
                for y, m in months(first, last):
                    d = month_end(y, m)
                    raw.append((d, cid, self.rng.randrange(*USAGE[cid]), "", "usage"))
        for cid, d, amount, po in ONE_OFFS:
            raw.append((d, cid, amount, po, "services"))
        for cid, due, amount, po in DISPUTED:
            raw.append((due - dt.timedelta(days=self.cust[cid][3]), cid, amount, po, "disputed"))
        raw.sort(key=lambda r: (r[0], r[1], r[4]))
        for n, (d, cid, amount, po, kind) in enumerate(raw, start=1):
            c = self.cust[cid]
            due = d + dt.timedelta(days=c[3])
            self.invoices.append({
                "id": f"INV-{10000 + n}", "customer": cid, "date": d, "due": due, "amount": amount,
                "currency": c[2], "po": po, "kind": kind, "open": amount,
            })

    # ---- payments -------------------------------------------------------------------------------------
    def reference(self, method, d):
        if method == "check":
            self.check_no += self.rng.randrange(1, 40)
            return f"CHK {self.check_no}"
        if method == "card":
            return f"ch_{self.rng.randrange(16**10):010x}"
        prefix = "WIRE" if method == "wire" else "ACH"
        return f"{prefix}-{d:%y%m%d}-{self.rng.randrange(100000, 999999)}"

    def pay(self, cid, d, amount, rows, method=None):
        """rows: list of (invoice id or None, applied minor or None)."""
        if d > EXPORT_DAY:
            return
        c = self.cust[cid] if cid else None
        method = method or METHODS[c[8]]
        self.payments.append({"customer": cid, "date": d, "amount": amount,
                              "currency": c[2] if c else "USD", "method": method,
                              "reference": self.reference(method, d),
                              "payer": self.payer_name(c), "rows": rows})

    def payer_name(self, c):
        if c is None:
            return ""
        name = c[1]
        # Banks shout and truncate; do it to some payers so that names vary like real remittances.
        if c[0] in ("C1002", "C1006", "C1013"):
            return name.upper().replace('"', "")[:22]
        return name

    def days(self, a, b):
        return dt.timedelta(days=self.rng.randint(a, b))

    def make_payments(self):
        by_cust = {}
        for inv in self.invoices:
            by_cust.setdefault(inv["customer"], []).append(inv)
        for c in CUSTOMERS:
            cid, habit = c[0], c[8]
            invs = [inv for inv in by_cust[cid] if inv["kind"] != "disputed"]
            getattr(self, "habit_" + habit)(cid, invs)
        # Cash nobody can place: no customer, no invoice (a wire with an unreadable remitter).
        self.payments.append({"customer": "", "date": dt.date(2026, 9, 18), "amount": 250000, "currency": "USD",
                              "method": "wire", "reference": "FEDWIRE 20260918 00417", "payer": "J SMITH CONSULTING SVCS",
                              "rows": [(None, None)]})
        self.payments.sort(key=lambda p: (p["date"], p["customer"] or "~", p["reference"]))
        for n, p in enumerate(self.payments, start=1):
            p["id"] = f"PMT-{5000 + n}"

    def habit_prompt(self, cid, invs):
        for inv in invs:
            d = inv["due"] - self.days(0, 9)
            if self.rng.random() < 0.15:
                d = inv["due"] + self.days(3, 20)  # even good payers slip now and then
            d = max(d, inv["date"] + dt.timedelta(days=2))
            self.pay(cid, d, inv["amount"], [(inv["id"], None)])

    def habit_prompt_card(self, cid, invs):
        for inv in invs:
            self.pay(cid, inv["date"] + self.days(1, 6), inv["amount"], [(inv["id"], None)])

    def habit_late(self, cid, invs):
        for inv in invs:
            self.pay(cid, inv["due"] + self.days(12, 75), inv["amount"], [(inv["id"], None)])

    def habit_partial(self, cid, invs):
        for inv in invs:
            first = inv["amount"] * self.rng.randint(40, 80) // 100
            self.pay(cid, inv["due"] + self.days(-4, 8), first, [(inv["id"], None)])
            # The balance follows a month or two later, sometimes not at all yet.
            self.pay(cid, inv["due"] + self.days(35, 95), inv["amount"] - first, [(inv["id"], None)])

    def habit_late_partial(self, cid, invs):
        for i, inv in enumerate(invs):
            if i % 3 == 2:
                short = inv["amount"] - inv["amount"] * 9 // 10
                self.pay(cid, inv["due"] + self.days(20, 50), inv["amount"] - short, [(inv["id"], None)])
            else:
                self.pay(cid, inv["due"] + self.days(5, 45), inv["amount"], [(inv["id"], None)])

    def habit_batch(self, cid, invs):
        # One remittance per quarter covering every invoice already past 30 days old: one payment id,
        # one row per invoice with its applied amount.
        runs = [dt.date(2026, 1, 20), dt.date(2026, 4, 17), dt.date(2026, 7, 21), dt.date(2026, 10, 16)]
        paid = set()
        for k, run in enumerate(runs):
            batch = [inv for inv in invs if inv["id"] not in paid and inv["date"] <= run - dt.timedelta(days=30)]
            if not batch:
                continue
            rows = [(inv["id"], inv["amount"]) for inv in batch]
            total = sum(inv["amount"] for inv in batch)
            if cid == "C1005" and k == 1:
                total += 125000          # paid more than it remitted for: the rest stays on account
            if cid == "C1015" and k == 2:
                total -= 300000          # short-paid: the last row gets only what is left of the payment
            if cid == "C1015" and k == 3:
                # The district's last remittance names an invoice twice; the second row finds it paid.
                rows.append((batch[0]["id"], 50000))
                total += 50000
            paid.update(inv["id"] for inv in batch)
            self.pay(cid, run, total, rows)

    def habit_delinquent(self, cid, invs):
        for inv in invs:
            if inv["date"] < dt.date(2026, 4, 1):
                self.pay(cid, inv["due"] + self.days(0, 15), inv["amount"], [(inv["id"], None)])
        # Then it stops paying, apart from a token cheque on account while it disputes the rest.
        self.pay(cid, dt.date(2026, 8, 12), 500000, [(None, None)])

    def habit_overpay(self, cid, invs):
        for i, inv in enumerate(invs):
            amount = inv["amount"]
            if i % 4 == 1:
                amount = (amount // 100000 + 1) * 100000  # rounds its cheques up to the next thousand
            self.pay(cid, inv["due"] + self.days(-5, 12), amount, [(inv["id"], None)])

    def habit_unreferenced(self, cid, invs):
        # Pays the right amounts but never says which invoice: everything sits as cash on account.
        for inv in invs:
            self.pay(cid, inv["due"] + self.days(2, 30), inv["amount"], [(None, None)])

    def habit_prepay(self, cid, invs):
        for inv in invs:
            if inv["po"] == "IB-SOW-7":
                # Paid before the invoice exists: applies on the invoice date, unapplied until then.
                self.pay(cid, dt.date(2026, 6, 26), inv["amount"], [(inv["id"], None)])
            elif inv["po"] == "IB-ANNUAL-26":
                half = inv["amount"] // 2
                self.pay(cid, inv["due"] + self.days(1, 5), half, [(inv["id"], None)])
                self.pay(cid, dt.date(2026, 5, 14), inv["amount"] - half, [(inv["id"], half)])
            else:
                self.pay(cid, inv["due"] + self.days(-3, 6), inv["amount"], [(inv["id"], None)])

    def habit_churned(self, cid, invs):
        for inv in invs[:-2]:
            self.pay(cid, inv["due"] + self.days(10, 40), inv["amount"], [(inv["id"], None)])
        # Left in March owing its last two invoices; one small part-payment names the older one.
        self.pay(cid, dt.date(2026, 5, 6), 150000, [(invs[-2]["id"], None)])

    def habit_double_pay(self, cid, invs):
        i = 0
        while i < len(invs):
            inv = invs[i]
            d = inv["due"] + self.days(-6, 4)
            if i == 7:
                # One payment for two invoices, no applied amounts: each row takes what is open on its
                # invoice, up to what is left of the payment.
                nxt = invs[i + 1]
                self.pay(cid, nxt["date"] + dt.timedelta(days=20), inv["amount"] + nxt["amount"],
                         [(inv["id"], None), (nxt["id"], None)])
                i += 2
                continue
            self.pay(cid, d, inv["amount"], [(inv["id"], None)])
            if i == 4:
                # AP ran the same invoice again two weeks later: the whole second payment is unapplied.
                self.pay(cid, d + dt.timedelta(days=14), inv["amount"], [(inv["id"], None)])
            i += 1


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "samples")
    os.makedirs(out, exist_ok=True)
    co = Company()
    co.make_invoices()
    co.make_payments()

    write_csv(os.path.join(out, "customers.csv"),
              ["customer_id", "name", "currency", "terms", "credit_limit", "email", "bank_account", "address"],
              [[c[0], c[1], c[2], f"Net {c[3]}", fmt_amount(c[4] * 100, True), c[5], c[6], c[7]] for c in CUSTOMERS])

    write_csv(os.path.join(out, "invoices.csv"),
              ["invoice_id", "customer_id", "customer_name", "invoice_date", "due_date", "amount", "currency", "po_number"],
              [[i["id"], i["customer"], co.cust[i["customer"]][1], i["date"].isoformat(),
                i["due"].isoformat(), fmt_amount(i["amount"], True), i["currency"], i["po"]]
               for i in co.invoices])

    rows = []
    for p in co.payments:
        # Every row of a payment repeats the payment-level fields exactly.
        head = [p["id"], p["customer"], p["date"].isoformat(), fmt_amount(p["amount"], p["amount"] >= 1000000), p["currency"]]
        for inv_id, applied in p["rows"]:
            rows.append(head + [inv_id or "", "" if applied is None else fmt_amount(applied, False),
                                p["method"], p["reference"], p["payer"]])
    write_csv(os.path.join(out, "payments.csv"),
              ["payment_id", "customer_id", "payment_date", "amount", "currency", "invoice_id", "applied_amount",
               "method", "reference", "payer_name"], rows)
    print(f"customers {len(CUSTOMERS)}, invoices {len(co.invoices)}, payments {len(co.payments)} "
          f"({len(rows)} rows) -> {os.path.normpath(out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
