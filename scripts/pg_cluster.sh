#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: Unix socket only (no network listener), trust
# authentication, data and socket under one directory that can be deleted afterwards.
#
#   scripts/pg_cluster.sh start DIR     initdb (once) into DIR/data, start, wait until ready,
#                                       create the database otc_test; prints the URI
#   scripts/pg_cluster.sh stop DIR      stop the server (fast shutdown); DIR is left for rm -rf
#   scripts/pg_cluster.sh env DIR       prints `export OTC_TEST_PG_URI=...` (eval it)
#   scripts/pg_cluster.sh uri DIR       prints the URI alone
#   scripts/pg_cluster.sh readonly DIR SCHEMA ROLE
#                                       creates ROLE (LOGIN, SELECT only on SCHEMA's tables) and
#                                       prints a URI that connects as ROLE
#   scripts/pg_cluster.sh droprole DIR ROLE
#
# PostgreSQL refuses to run as root: as root the script creates (once) the unprivileged system
# user otc-pg and runs initdb and pg_ctl as that user; as anyone else it runs them as itself.
# The binaries come from /usr/lib/postgresql/*/bin (Debian's postgresql package), newest first,
# or from $PG_BIN.
set -euo pipefail

PG_OS_USER=otc-pg
PG_SUPERUSER=otc_admin   # the cluster's superuser role (not "otc": the default schema is otc)
PG_DB=otc_test

die() { echo "pg_cluster.sh: $*" >&2; exit 1; }

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$d" ] && [ -x "$d/initdb" ] || die "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
  echo "$d"
}

# as_pg CMD...: runs CMD as the cluster's OS user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$PG_OS_USER" -- "$@"; else "$@"; fi
}

ensure_os_user() {
  [ "$(id -u)" = 0 ] || return 0
  id "$PG_OS_USER" >/dev/null 2>&1 && return 0
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_OS_USER" \
    || die "cannot create the system user $PG_OS_USER"
}

uri_for() {  # uri_for DIR USER
  echo "postgresql:///$PG_DB?host=$1&user=$2"
}

psql_super() {  # psql_super DIR SQL...: runs SQL as the superuser on otc_test
  local dir=$1; shift
  "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -U "$PG_SUPERUSER" -d "$PG_DB" "$@"
}

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: pg_cluster.sh start|stop|env|uri DIR | readonly DIR SCHEMA ROLE | droprole DIR ROLE"
BIN=$(pg_bin)
case "$cmd" in start) mkdir -p "$dir" ;; esac
[ -d "$dir" ] || die "$dir: no such directory"
dir=$(readlink -f "$dir")
# A Unix socket path is at most 107 bytes: DIR/.s.PGSQL.5432.
[ "${#dir}" -le 90 ] || die "$dir: too long a path for a Unix socket directory (use a short temporary directory)"

case "$cmd" in
  start)
    ensure_os_user
    if [ "$(id -u)" = 0 ]; then
      chown "$PG_OS_USER" "$dir"
      chmod 755 "$dir"
      as_pg test -w "$dir" || die "$dir: the user $PG_OS_USER cannot write here (is a parent directory private?)"
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_pg "$BIN/initdb" --locale=C -E UTF8 -A trust -U "$PG_SUPERUSER" -D "$dir/data" >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    fi
    # -k DIR: the socket lives beside the data; listen_addresses='': no TCP listener at all.
    as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses='' -c fsync=off -c max_connections=100" start >/dev/null \
      || { cat "$dir/server.log" >&2 2>/dev/null || true; die "pg_ctl start failed"; }
    for _ in $(seq 1 100); do
      "$BIN/pg_isready" -q -h "$dir" -U "$PG_SUPERUSER" -d postgres && break
      sleep 0.1
    done
    "$BIN/pg_isready" -q -h "$dir" -U "$PG_SUPERUSER" -d postgres || die "the server did not become ready (see $dir/server.log)"
    if ! "$BIN/psql" -X -qtA -h "$dir" -U "$PG_SUPERUSER" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -q 1; then
      "$BIN/createdb" -h "$dir" -U "$PG_SUPERUSER" "$PG_DB"
    fi
    uri_for "$dir" "$PG_SUPERUSER"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_pg "$BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    fi
    ;;
  env)
    echo "export OTC_TEST_PG_URI='$(uri_for "$dir" "$PG_SUPERUSER")'"
    ;;
  uri)
    uri_for "$dir" "$PG_SUPERUSER"
    ;;
  readonly)
    schema=${3:-}; role=${4:-}
    [ -n "$schema" ] && [ -n "$role" ] || die "usage: pg_cluster.sh readonly DIR SCHEMA ROLE"
    psql_super "$dir" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE "$role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
END \$\$;
GRANT CONNECT ON DATABASE $PG_DB TO "$role";
GRANT USAGE ON SCHEMA "$schema" TO "$role";
GRANT SELECT ON ALL TABLES IN SCHEMA "$schema" TO "$role";
SQL
    uri_for "$dir" "$role"
    ;;
  droprole)
    role=${3:-}
    [ -n "$role" ] || die "usage: pg_cluster.sh droprole DIR ROLE"
    psql_super "$dir" -c "DROP OWNED BY \"$role\"; DROP ROLE IF EXISTS \"$role\";" 2>/dev/null || true
    ;;
  *) die "unknown command $cmd" ;;
esac
