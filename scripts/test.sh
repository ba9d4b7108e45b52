#!/usr/bin/env bash
# Installs dependencies, builds, and runs every test: the unit tests under AddressSanitizer and
# UndefinedBehaviorSanitizer, then the end-to-end tests against the release binary, each case
# twice: on SQLite and (pg/NAME) on a throw-away PostgreSQL cluster in a temporary directory
# (scripts/pg_cluster.sh; Unix socket only), stopped and removed at the end, even on failure.
# OTC_TEST_POSTGRES=OFF scripts/test.sh runs the SQLite cases only.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
export TZ=UTC LC_ALL=C
PG=${OTC_TEST_POSTGRES:-ON}
if [ "$PG" = ON ]; then
  PG_DIR=$(mktemp -d /tmp/otc-pg.XXXXXX)
  trap 'scripts/pg_cluster.sh stop "$PG_DIR" || true; rm -rf "$PG_DIR"' EXIT
  OTC_TEST_PG_URI=$(scripts/pg_cluster.sh start "$PG_DIR")
  export OTC_TEST_PG_URI
  echo "test.sh: PostgreSQL test cluster at $OTC_TEST_PG_URI"
fi
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DOTC_SANITIZE=ON >/dev/null
cmake --build build-asan -j2 --target otc_unit_tests
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -R '^unit$')
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOTC_TEST_POSTGRES="$PG" >/dev/null
cmake --build build -j2
(cd build && ctest --output-on-failure -j2)
# Fuzz smoke test: every libFuzzer target (tests/fuzz/) for a few seconds under ASan and UBSan.
# A fixed seed, so the smoke step is repeatable; scripts/fuzz.sh alone explores at random.
OTC_FUZZ_SEED=1 scripts/fuzz.sh 5
