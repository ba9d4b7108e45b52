# The sample company: aging and DSO as of 2026-10-31 (and a point-in-time aging as of 2026-06-30)
# must equal, byte for byte, what the independent reference (tests/reference/reference_ar.py) computed.
HERE=$SRC/tests/e2e/samples
import_samples
otc aging --as-of 2026-10-31; expect_rc 0; expect_stdout "$HERE/expected_aging_2026-10-31.csv"
otc aging --as-of 2026-06-30; expect_rc 0; expect_stdout "$HERE/expected_aging_2026-06-30.csv"
otc dso --as-of 2026-10-31; expect_rc 0; expect_stdout "$HERE/expected_dso_2026-10-31.csv"
otc dso --as-of 2026-10-31 --method countback; expect_rc 0; expect_stdout "$HERE/expected_dso_countback_2026-10-31.csv"
