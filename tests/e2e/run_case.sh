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
#
# Backends: OTC_TEST_BACKEND=sqlite (the default) runs the case against $WORK/ledger.db;
# OTC_TEST_BACKEND=postgresql runs it against a fresh schema case_<random> in the database named
# by OTC_TEST_PG_URI (OTC_LEDGER=the URI, OTC_PG_SCHEMA=the schema), dropped at the end. A case
# about the SQLite file itself carries the line `# backend: sqlite-only — REASON`; a case that
# needs PostgreSQL `# backend: postgresql-only — REASON`. A case that does not apply exits 77
# (ctest's SKIP_RETURN_CODE) saying why.
set -euo pipefail
OTC_BIN=$(readlink -f "$1")
CASE=$(readlink -f "$2")
export TZ=UTC LC_ALL=C
if [ -n "${OTC_SOURCE_DIR:-}" ]; then SRC=$OTC_SOURCE_DIR; else
  SRC=$(dirname "$CASE"); while [ "$SRC" != / ] && [ ! -f "$SRC/CMakeLists.txt" ]; do SRC=$(dirname "$SRC"); done
fi
SAMPLES=$SRC/samples
FIXTURES=$SRC/tests/fixtures
BACKEND=${OTC_TEST_BACKEND:-sqlite}
skip() { echo "skip $(basename "$CASE"): $*"; exit 77; }
marker() { sed -n "s/^# backend: $1[[:space:]]*\(—\|--\|-\)\?[[:space:]]*//p" "$CASE" | head -1; }
case "$BACKEND" in
  sqlite) if grep -q '^# backend: postgresql-only' "$CASE"; then skip "postgresql-only: $(marker postgresql-only)"; fi ;;
  postgresql)
    if grep -q '^# backend: sqlite-only' "$CASE"; then skip "sqlite-only: $(marker sqlite-only)"; fi
    [ -n "${OTC_TEST_PG_URI:-}" ] || skip "OTC_TEST_BACKEND=postgresql without OTC_TEST_PG_URI"
    ;;
  *) echo "run_case.sh: OTC_TEST_BACKEND must be sqlite or postgresql, not $BACKEND" >&2; exit 2 ;;
esac
WORK=$(mktemp -d "${TMPDIR:-/tmp}/otc-e2e.XXXXXX")
# Schemas and roles this case created, one "schema NAME" / "role NAME" a line, dropped at exit
# (a file, so that helpers called in $(...) can add to it).
PG_CLEANUP=$WORK.pg-cleanup
cleanup() {
  local kind name
  if [ -f "$PG_CLEANUP" ]; then
    while read -r kind name; do
      case $kind in
        schema) pg_sql "DROP SCHEMA IF EXISTS \"$name\" CASCADE" >/dev/null 2>&1 || true ;;
        role) pg_sql "DROP OWNED BY \"$name\"; DROP ROLE IF EXISTS \"$name\"" >/dev/null 2>&1 || true ;;
      esac
    done < <(tac "$PG_CLEANUP")
    rm -f "$PG_CLEANUP"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"
unset OTC_BUSY_TIMEOUT_MS OTC_PG_SCHEMA

# pg_sql SQL [SCHEMA]: runs SQL on the test database (as the URI's user), search_path SCHEMA.
pg_sql() {
  PGOPTIONS="-c search_path=\"${2:-public}\" -c client_min_messages=warning" \
    psql -X -q -At -v ON_ERROR_STOP=1 "$OTC_TEST_PG_URI" -c "$1"
}
# need_pg: skips the case when no PostgreSQL test database is configured.
need_pg() { [ -n "${OTC_TEST_PG_URI:-}" ] || skip "needs PostgreSQL: set OTC_TEST_PG_URI (scripts/pg_cluster.sh)"; }
# pg_new_schema: a fresh schema name, dropped when the case ends (otc init creates it).
pg_new_schema() {
  local s
  s=case_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
  echo "schema $s" >>"$PG_CLEANUP"
  echo "$s"
}
# pg_reader_uri SCHEMA: a URI for a new login role that may only SELECT in SCHEMA (dropped at the end).
pg_reader_uri() {
  local r
  r=reader_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
  echo "role $r" >>"$PG_CLEANUP"
  pg_sql "CREATE ROLE \"$r\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT" >/dev/null
  pg_sql "GRANT USAGE ON SCHEMA \"$1\" TO \"$r\"; GRANT SELECT ON ALL TABLES IN SCHEMA \"$1\" TO \"$r\"" >/dev/null
  local db=${OTC_TEST_PG_URI%%\?*}
  local rest=${OTC_TEST_PG_URI#*\?}
  [ "$rest" != "$OTC_TEST_PG_URI" ] || rest=
  rest=$(echo "$rest" | tr '&' '\n' | grep -v '^user=' | paste -sd'&' -)
  echo "$db?${rest:+$rest&}user=$r"
}

if [ "$BACKEND" = postgresql ]; then
  OTC_PG_SCHEMA=$(pg_new_schema)
  export OTC_PG_SCHEMA OTC_LEDGER=$OTC_TEST_PG_URI
else
  export OTC_LEDGER=$WORK/ledger.db
fi
# is_pg_ledger: true when the case's ledger is PostgreSQL.
is_pg_ledger() { [ "$BACKEND" = postgresql ]; }

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
# ledger_state: a stable dump of everything in the ledger (for "nothing changed" checks); on
# PostgreSQL every table of the case's schema, by name, its rows in a fixed order (sequences are
# left out: PostgreSQL does not roll them back).
ledger_state() {
  if is_pg_ledger; then
    local t script=
    for t in $(pg_sql "SELECT table_name FROM information_schema.tables WHERE table_schema = '$OTC_PG_SCHEMA'
                       AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\""); do
      script+="\\echo -- $t"$'\n'"COPY (SELECT * FROM \"$t\" x ORDER BY x::text COLLATE \"C\") TO STDOUT;"$'\n'
    done
    # One session for every table (a psql per table costs a connection each).
    printf '%s' "$script" | PGOPTIONS="-c search_path=\"$OTC_PG_SCHEMA\"" psql -X -q -At -v ON_ERROR_STOP=1 "$OTC_TEST_PG_URI"
  else
    command sqlite3 "$OTC_LEDGER" .dump | grep -v '^PRAGMA'
  fi
}
# sqlite3 [-csv] FILE [SQL]: the sqlite3 shell; on a PostgreSQL case, when FILE is "$OTC_LEDGER",
# the same query through psql in the case's schema, printed as the sqlite3 shell prints it
# (no header; `|` between values or CSV with the shell's quoting; NULL empty; booleans 1/0).
sqlite3() {
  local a mode=list
  local -a opts=()
  while [ $# -gt 0 ] && [ "${1#-}" != "$1" ]; do
    case $1 in -csv) mode=csv ;; -list) mode=list ;; esac
    opts+=("$1"); shift
  done
  if ! is_pg_ledger || [ "${1:-}" != "$OTC_LEDGER" ]; then command sqlite3 "${opts[@]}" "$@"; return; fi
  shift
  local sql
  if [ $# -gt 0 ]; then sql=$1; else sql=$(cat); fi
  for a in "${opts[@]}"; do
    case $a in -csv|-list|-batch|-bail|-noheader) ;; *) fail "sqlite3 $a: not emulated on PostgreSQL" ;; esac
  done
  case $sql in
    .dump) ledger_state; return ;;
    .*|[Pp][Rr][Aa][Gg][Mm][Aa]*) fail "sqlite3 '$sql': SQLite-only (mark the case '# backend: sqlite-only — REASON')" ;;
  esac
  # SQLite spellings PostgreSQL lacks.
  sql=$(printf '%s' "$sql" | sed -e 's/[[:space:];]*$//' -e 's/\bifnull(/coalesce(/gI')
  if ! printf '%s' "$sql" | grep -qiE '^[[:space:]]*(select|with|values)\b'; then
    pg_sql "$sql" "$OTC_PG_SCHEMA"; return
  fi
  pg_sql "SELECT row_to_json(q)::text FROM ($sql) q" "$OTC_PG_SCHEMA" | python3 -c '
import json, sys
csv = sys.argv[1] == "csv"
def text(v):
    if v is None: return None
    if v is True: return "1"
    if v is False: return "0"
    if isinstance(v, float) and v.is_integer(): return repr(v)
    return str(v)
def quote(s):
    if s is None: return ""
    if s == "" or any(c <= " " or c in "\",\x7f" or ord(c) > 127 for c in s):
        return "\"" + s.replace("\"", "\"\"") + "\""
    return s
out = sys.stdout
for line in sys.stdin:
    row = [text(v) for _, v in json.loads(line, object_pairs_hook=lambda p: p)]
    if csv: out.write(",".join(quote(v) for v in row) + "\n")
    else: out.write("|".join("" if v is None else v for v in row) + "\n")
' "$mode"
}
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
