#!/usr/bin/env bash
# Installs dependencies, builds, and runs every test: the unit tests under AddressSanitizer and
# UndefinedBehaviorSanitizer, then the end-to-end tests against the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
export TZ=UTC LC_ALL=C
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DOTC_SANITIZE=ON >/dev/null
cmake --build build-asan -j2 --target otc_unit_tests
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -R '^unit$')
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2
(cd build && ctest --output-on-failure -j2)
# Fuzz smoke test: every libFuzzer target (tests/fuzz/) for a few seconds under ASan and UBSan.
# A fixed seed, so the smoke step is repeatable; scripts/fuzz.sh alone explores at random.
OTC_FUZZ_SEED=1 scripts/fuzz.sh 5
