# otc against the independent reference implementation on the sample company, every 7th day of the
# year: aging, and DSO (standard and countback) over 30-, 90- and 365-day windows, to the cent.
python3 "$SRC/tests/reference/compare_otc.py" "$OTC_BIN" --step 7 > compare.txt 2>&1 || { tail -30 compare.txt; fail "otc differs from the reference"; }
tail -1 compare.txt
