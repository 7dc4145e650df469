#!/usr/bin/env bash
# A bounded libFuzzer run of every target under tests/fuzz (docs/reliability.md, "Fuzzing"):
# configures the clang "fuzz" preset into build/fuzz, builds the targets, then runs each one for
# FUZZ_SECONDS on a scratch copy of its saved corpus. A crash input is written to
# tests/fuzz/crashes/<target>/, where `make test` replays it from then on. Exits 1 when any target
# found something.
#
#   FUZZ_SECONDS=60        seconds per target (libFuzzer -max_total_time)
#   FUZZ_TARGETS="a b"     only these targets (names without _fuzz; default: every target)
#   FUZZ_MERGE=1           merge inputs that add coverage back into tests/fuzz/corpus/<target>
#   FUZZ_SKIP_BUILD=1      run the targets already in build/fuzz
#   JOBS=2                 build parallelism
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${FUZZ_SECONDS:-60}
build=build/fuzz

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ is missing (scripts/install-deps.sh installs clang and libclang-rt-14-dev)" >&2
  exit 2
fi
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  cmake --preset fuzz >/dev/null
  cmake --build "$build" -j "${JOBS:-2}" --target fuzz_targets
fi

if [ -n "${FUZZ_TARGETS:-}" ]; then
  read -r -a targets <<<"$FUZZ_TARGETS"
else
  targets=()
  for source in tests/fuzz/*_fuzz.cc; do
    name=$(basename "$source" _fuzz.cc)
    targets+=("$name")
  done
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
summary=()
failed=0
for name in "${targets[@]}"; do
  binary="$build/tests/fuzz/${name}_fuzz"
  corpus="$scratch/$name"
  crashes="tests/fuzz/crashes/$name"
  mkdir -p "$corpus" "$crashes"
  if [ -d "tests/fuzz/corpus/$name" ]; then cp -r "tests/fuzz/corpus/$name/." "$corpus/"; fi
  log="$scratch/$name.log"
  echo "fuzz: $name for ${seconds}s"
  status=0
  # ASan's leak check stays on; the targets' process-wide tables are reachable, not leaked.
  "$binary" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$( (grep -o 'cov: [0-9]*' "$log" || true) | tail -1 | cut -d' ' -f2)
  if [ "$status" -ne 0 ]; then
    failed=1
    summary+=("$name: FINDING after ${runs:-?} runs (exit $status), see $crashes/")
    (grep -E 'ERROR:|runtime error|fuzz property violated|SUMMARY|Test unit written' "$log" || true) |
      head -8 >&2
  else
    summary+=("$name: ${runs:-?} runs in ${seconds}s, coverage ${coverage:-?}, no finding")
  fi
  if [ "${FUZZ_MERGE:-0}" = 1 ]; then
    "$binary" -merge=1 "tests/fuzz/corpus/$name" "$corpus" >/dev/null 2>&1 || true
  fi
done

printf '%s\n' "fuzz: summary" "${summary[@]/#/  }"
exit "$failed"
