#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp) with clang, -fsanitize=fuzzer,address,
# undefined, in build-fuzz/, and runs each for SECONDS (default 60) on a seed corpus made from
# tests/fixtures (and the repository's samples). A crash, a sanitizer report or a hang stops the
# script with the target's output and the input that did it (build-fuzz/crashes/TARGET/);
# turn that input into a case in tests/regress/.
# Usage: scripts/fuzz.sh [SECONDS]      (OTC_FUZZ_JOBS=N runs N targets at once; default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
BUILD=${OTC_FUZZ_BUILD:-build-fuzz}
export TZ=UTC LC_ALL=C
CXX=clang++ CC=clang cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOTC_FUZZ=ON -DOTC_TESTS=OFF >/dev/null
targets=()
for src in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$src" .cpp)"); done
cmake --build "$BUILD" -j2 --target "${targets[@]}" >"$BUILD/build.log" 2>&1 || { tail -40 "$BUILD/build.log"; exit 1; }

# Seed corpora: one directory per target, from the repository only. A target whose first byte
# picks a mode gets each seed once per mode byte.
seed() {  # seed TARGET MODE_BYTES FILES...
  local dir=$BUILD/corpus/$1 modes=$2; shift 2
  mkdir -p "$dir"
  local i=0 f m
  for f in "$@"; do
    [ -f "$f" ] || continue
    [ "$(stat -c %s "$f")" -le 65536 ] || continue
    i=$((i + 1))
    if [ -z "$modes" ]; then cp "$f" "$dir/seed-$i"; continue; fi
    for m in $modes; do { printf "\\x$m"; cat "$f"; } > "$dir/seed-$i-$m"; done
  done
}
rm -rf "$BUILD/corpus"
shopt -s nullglob globstar
csvs=(tests/fixtures/**/*.csv samples/*.csv)
bank=(tests/fixtures/bank/** tests/fixtures/corpus/** samples/bank/*)
seed fuzz_csv_reader "" "${csvs[@]}"
seed fuzz_import_rows "00 01 02 03 04 05 06 07 08 09 0a" "${csvs[@]}"
seed fuzz_bank_readers "00 01 02 03 04 05 06 07 08 10 12 13" "${bank[@]}"
seed fuzz_gateway "00 01 02 10" tests/fixtures/gateway/**/*
seed fuzz_mapping "" tests/fixtures/**/*.map tests/fixtures/**/*.ini tests/fixtures/**/*mapping*
mkdir -p "$BUILD/corpus/fuzz_money_date"
i=0
for v in "1,234.56" "(12.00)" "-0.05" "USD 12.00" "999999999999.99" "1.234,56" "2026-03-31" "1900-01-01" "2199-12-31" "9999-12-31" "Net 30" "2% 10 Net 30" "2026-03"; do
  i=$((i + 1)); printf '\x02%s' "$v" > "$BUILD/corpus/fuzz_money_date/seed-$i"
done
printf '\x02%%m/%%d/%%Y\n03/31/2026' > "$BUILD/corpus/fuzz_money_date/seed-fmt"
for t in "${targets[@]}"; do mkdir -p "$BUILD/corpus/$t"; [ -n "$(ls -A "$BUILD/corpus/$t")" ] || printf 'a,b\n1,2\n' > "$BUILD/corpus/$t/seed-0"; done

status=0
run_one() {
  local t=$1 out=$BUILD/crashes/$1
  mkdir -p "$out" "$BUILD/work/$t"
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
     "$BUILD/$t" -max_total_time="$SECONDS_EACH" ${OTC_FUZZ_SEED:+-seed=$OTC_FUZZ_SEED} -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$out/" -print_final_stats=0 "$BUILD/work/$t" "$BUILD/corpus/$t" >"$out.log" 2>&1; then
    echo "fuzz: $t ok ($(grep -o 'Done [0-9]* runs' "$out.log" | tail -1 | grep -o '[0-9]*') runs in ${SECONDS_EACH}s)"
  else
    echo "fuzz: $t FAILED; the input is in $out/, the log in $out.log" >&2
    tail -30 "$out.log" >&2
    return 1
  fi
}
jobs=${OTC_FUZZ_JOBS:-1}
pids=()
for t in "${targets[@]}"; do
  run_one "$t" & pids+=($!)
  if [ "${#pids[@]}" -ge "$jobs" ]; then wait "${pids[0]}" || status=1; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
