# Bug (issue 15 #8): reports failed on a read-only ledger (a read-only mount, an immutable file)
# and so did --dry-runs. Reports now open the ledger read-only (immutable when nobody can write
# it), and a dry run on a ledger it cannot write works on a scratch copy in memory.
# backend: sqlite-only — about a read-only ledger file, directory or mount (chattr, WAL checkpoint)
import_samples
otc import contracts "$SAMPLES/contracts.csv"; expect_rc 0
otc aging --as-of 2026-03-31; expect_rc 0; cp out.txt aging_rw.csv
sqlite3 "$OTC_LEDGER" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
mkdir ro; mv "$OTC_LEDGER" ro/ledger.db; rm -f "$OTC_LEDGER-wal" "$OTC_LEDGER-shm"
export OTC_LEDGER=$WORK/ro/ledger.db
before=$(sha256sum ro/ledger.db)
made_ro=
# As root, permissions do not stop writes: make the file and its directory immutable, or mount
# the directory read-only, whichever this machine allows.
if chattr +i ro/ledger.db 2>/dev/null && chattr +i ro 2>/dev/null; then made_ro=chattr
elif mount --bind ro ro 2>/dev/null && mount -o remount,ro,bind ro 2>/dev/null; then made_ro=mount
else chmod 444 ro/ledger.db; chmod 555 ro; fi
undo() { case $made_ro in chattr) chattr -i ro ro/ledger.db ;; mount) umount ro ;; *) chmod 755 ro; chmod 644 ro/ledger.db ;; esac; }
trap 'undo; rm -rf "$WORK"' EXIT
otc aging --as-of 2026-03-31; expect_rc 0
cmp -s out.txt aging_rw.csv || fail "aging on the read-only ledger differs"
otc dso --as-of 2026-03-31; expect_rc 0
otc unbilled --as-of 2026-03-31; expect_rc 0
otc log; expect_rc 0
otc invoice run --through 2026-11-30 --dry-run; expect_rc 0
expect_stdout_has "INV-000001"
otc import invoices "$SAMPLES/invoices.csv" --dry-run; expect_rc 0
# A real write still fails, and says so.
otc invoice run --through 2026-11-30; expect_rc 1
[ -z "$(ls ro | grep -v '^ledger.db$')" ] || { ls ro; fail "files appeared beside the read-only ledger"; }
undo; trap 'rm -rf "$WORK"' EXIT
[ "$before" = "$(sha256sum ro/ledger.db)" ] || fail "the read-only ledger changed"
