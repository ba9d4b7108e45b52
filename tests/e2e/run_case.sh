#!/usr/bin/env bash
# Runs one end-to-end case in a fresh temporary directory, against the real otc binary.
# Usage: run_case.sh OTC_BINARY CASE_FILE
#
# A `.case` file is one command and what it must do, in sections:
#   # what the case checks (comment lines before the first section)
#   --- setup      bash run first, with the helpers below (optional)
#   --- args       the arguments after `otc` (one line; $SAMPLES, $FIXTURES and quotes work)
#   --- exit       the exit code
#   --- stdout     exact expected stdout (an absent section means: empty)
#   --- stderr     exact expected stderr (an absent section means: empty)
#   --- after      bash run last, to check the ledger or files (optional)
# A `.sh` file is a scenario: several commands and assertions, using the helpers below.
set -euo pipefail
OTC_BIN=$(readlink -f "$1")
CASE=$(readlink -f "$2")
export TZ=UTC LC_ALL=C
if [ -n "${OTC_SOURCE_DIR:-}" ]; then SRC=$OTC_SOURCE_DIR; else
  SRC=$(dirname "$CASE"); while [ "$SRC" != / ] && [ ! -f "$SRC/CMakeLists.txt" ]; do SRC=$(dirname "$SRC"); done
fi
SAMPLES=$SRC/samples
FIXTURES=$SRC/tests/fixtures
WORK=$(mktemp -d "${TMPDIR:-/tmp}/otc-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export OTC_LEDGER=$WORK/ledger.db
unset OTC_BUSY_TIMEOUT_MS

fail() { echo "FAIL ($(basename "$CASE")): $*" >&2; exit 1; }

# otc ARGS... : runs the binary; stdout -> out.txt, stderr -> err.txt, exit code -> $RC (never aborts the case)
otc() {
  set +e
  "$OTC_BIN" "$@" >out.txt 2>err.txt
  RC=$?
  set -e
  return 0
}
expect_rc() {
  [ "$RC" = "$1" ] || { echo "--- stdout"; cat out.txt; echo "--- stderr"; cat err.txt; fail "exit code $RC, expected $1"; }
}
# expect_stdout FILE | expect_stdout <<'EOF' ... : exact comparison
expect_stdout() {
  local want=${1:--}
  if ! diff -u "$want" out.txt >diff.txt; then cat diff.txt; fail "stdout differs"; fi
}
expect_stderr() {
  local want=${1:--}
  if ! diff -u "$want" err.txt >diff.txt; then cat diff.txt; fail "stderr differs"; fi
}
expect_stderr_has() { grep -qF -- "$1" err.txt || { cat err.txt; fail "stderr lacks: $1"; }; }
expect_stdout_has() { grep -qF -- "$1" out.txt || { cat out.txt; fail "stdout lacks: $1"; }; }
# ledger_state: a stable dump of everything in the ledger (for "nothing changed" checks)
ledger_state() { sqlite3 "$OTC_LEDGER" .dump | grep -v '^PRAGMA' ; }
# import_samples: a ledger holding the sample company
import_samples() {
  otc init; expect_rc 0
  otc import customers "$SAMPLES/customers.csv"; expect_rc 0
  otc import invoices "$SAMPLES/invoices.csv"; expect_rc 0
  otc import payments "$SAMPLES/payments.csv"; expect_rc 0
}

run_dot_case() {
  awk -v dir="$WORK/case" 'BEGIN { system("mkdir -p " dir); f = dir "/header" }
    /^--- [a-z]+[ \t]*$/ { close(f); f = dir "/" $2; printf "" > f; next }
    { print > f }' "$CASE"
  local c=$WORK/case
  [ -f "$c/args" ] || fail "no '--- args' section"
  [ -f "$c/exit" ] || fail "no '--- exit' section"
  [ -f "$c/stdout" ] || : > "$c/stdout"
  [ -f "$c/stderr" ] || : > "$c/stderr"
  if [ -f "$c/setup" ]; then source "$c/setup"; fi
  local args
  args=$(grep -v '^[[:space:]]*$' "$c/args" | head -1)
  eval "otc $args"
  expect_rc "$(tr -d '[:space:]' < "$c/exit")"
  expect_stdout "$c/stdout"
  expect_stderr "$c/stderr"
  if [ -f "$c/after" ]; then source "$c/after"; fi
}

case "$CASE" in
  *.case) run_dot_case ;;
  *) source "$CASE" ;;
esac
echo "ok $(basename "$CASE")"
