#!/usr/bin/env python3
"""Compares otc's aging and dso with reference_ar.py over a range of as-of dates.

Usage: compare_otc.py OTC_BINARY [--from DATE] [--to DATE] [--step DAYS] [--samples DIR]

Imports the three sample files into a fresh temporary ledger, then for every as-of date in the range
compares, byte for byte, `otc aging`, `otc dso` (standard and countback, windows of 30, 90 and 365 days)
with the reference. Prints each difference and a closing line 'N passed, N failed'; exits 1 on any failure.
"""
import argparse
import datetime as dt
import io
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_ar  # noqa: E402


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("otc")
    ap.add_argument("--from", dest="start", type=dt.date.fromisoformat, default=dt.date(2025, 10, 31))
    ap.add_argument("--to", dest="end", type=dt.date.fromisoformat, default=dt.date(2026, 11, 5))
    ap.add_argument("--step", type=int, default=1)
    ap.add_argument("--samples", default=os.path.join(here, "..", "..", "samples"))
    a = ap.parse_args()
    files = [os.path.join(a.samples, f) for f in ("customers.csv", "invoices.csv", "payments.csv")]
    led = reference_ar.Ledger(*files)

    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "ledger.db")
        otc = lambda *args: subprocess.run([a.otc, "--ledger", db, *args], check=True, capture_output=True,
                                           text=True).stdout
        otc("init")
        for kind, path in zip(("customers", "invoices", "payments"), files):
            otc("import", kind, path)
        d = a.start
        while d <= a.end:
            checks = [(["aging", "--as-of", d.isoformat()], lambda out: reference_ar.aging(led, d, out))]
            for n in (30, 90, 365):
                for method in ("standard", "countback"):
                    checks.append((["dso", "--as-of", d.isoformat(), "--days", str(n), "--method", method],
                                   lambda out, n=n, method=method: reference_ar.dso(led, d, n, method, out)))
            for args, ref in checks:
                buf = io.StringIO()
                ref(buf)
                got = otc(*args)
                if got == buf.getvalue():
                    passed += 1
                    continue
                failed += 1
                print(f"DIFF otc {' '.join(args)}")
                want_lines, got_lines = buf.getvalue().splitlines(), got.splitlines()
                for i in range(max(len(want_lines), len(got_lines))):
                    w = want_lines[i] if i < len(want_lines) else "<none>"
                    g = got_lines[i] if i < len(got_lines) else "<none>"
                    if w != g:
                        print(f"  reference: {w}\n  otc:       {g}")
            d += dt.timedelta(days=a.step)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
