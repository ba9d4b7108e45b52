# Bug (issue 15 #3): -o replaced what was there: a FIFO, a character device (as root, -o /dev/full
# replaced the device node with a regular file) or a symlink (the link replaced, its target never
# written). Now FIFOs and devices are written through, a symlink's target is written, and a
# directory is refused.
import_samples
otc aging --as-of 2026-03-31 > expected.csv; expect_rc 0
cp out.txt expected.csv

mkfifo pipe
timeout 20 cat pipe > from_pipe.csv & reader=$!
otc aging --as-of 2026-03-31 -o pipe; expect_rc 0
wait $reader || true
[ -p pipe ] || fail "the FIFO was replaced"
cmp -s from_pipe.csv expected.csv || fail "the FIFO's reader did not get the report"

mknod null_dev c 1 3 2>/dev/null || ln -s /dev/null null_dev
otc aging --as-of 2026-03-31 -o null_dev; expect_rc 0
[ -c null_dev ] || [ -L null_dev ] || fail "the device node was replaced"
[ -c /dev/full ] || fail "precondition: /dev/full"
otc aging --as-of 2026-03-31 -o /dev/full; expect_rc 1
[ -c /dev/full ] || fail "/dev/full was replaced"

mkdir reports
echo old > reports/aging.csv
ln -s reports/aging.csv latest.csv
otc aging --as-of 2026-03-31 -o latest.csv; expect_rc 0
[ -L latest.csv ] || fail "the symlink was replaced"
cmp -s reports/aging.csv expected.csv || fail "the symlink's target was not written"
ls reports | grep -q otc-tmp && fail "a temporary file was left beside the target"

otc aging --as-of 2026-03-31 -o reports; expect_rc 1
expect_stderr_has "reports: cannot write output file: it is a directory"
true
# /dev/stdout is this process's own stdout: written through, in append mode.
echo first > appended.csv
"$OTC_BIN" -q aging --as-of 2026-03-31 -o /dev/stdout >> appended.csv || fail "-o /dev/stdout failed"
[ "$(head -1 appended.csv)" = first ] || fail "-o /dev/stdout replaced what >> kept"
[ "$(tail -n +2 appended.csv)" = "$(cat expected.csv)" ] || fail "-o /dev/stdout wrote another report"
