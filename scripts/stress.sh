#!/usr/bin/env bash
# Reliability runs of issue #7 (`make stress`, after `make build-release`; docs/reliability.md):
#
#  1. Crash safety, long run: tests/crash/crash_harness kills the release binary's imports, backups
#     and restores with SIGKILL STRESS_KILLS times (200) and checks the database after each kill.
#  2. Load: `ordo serve` on a fresh database filled by `ordo simulate --import`; wrk with 64
#     connections for STRESS_SECONDS (60) against the read routes (scripts/stress_routes.lua)
#     while a loop imports seizures, trade and narcotics records into the same database. Reports
#     requests/s, p50/p99, non-2xx answers and socket errors, and the server's RSS every
#     STRESS_RSS_INTERVAL seconds (2). ORDO_BINARY overrides the binary under test.
#
# Fails (exit 1) on: a crash-harness failure, any socket error or non-2xx answer, a failed import,
# a failed reload of the database in the server's log, a server that died or did not stop cleanly
# on SIGTERM, or RSS growth: after STRESS_WARMUP seconds (10), the median sample of the last third of the run may exceed the median of the first third by
# at most STRESS_RSS_GROWTH_PCT percent (10) plus STRESS_RSS_SLACK_KB (4096). Medians, not maxima:
# one heavy request swings the RSS by 10 MB for a moment; a leak raises the level.
#
# Other settings: STRESS_SEED (the crash harness's seed; random when unset, always printed),
# STRESS_SEIZURE_ROWS (rows per killed seizure import, 20000), STRESS_ROWS (seizures the served
# database starts with, 20000), STRESS_CONNECTIONS (64), STRESS_SKIP_CRASH=1 (load only).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
ordo=${ORDO_BINARY:-$root/build/release/ordo}
harness_build=$root/build/stress
kills=${STRESS_KILLS:-200}
seconds=${STRESS_SECONDS:-60}
connections=${STRESS_CONNECTIONS:-64}
rss_interval=${STRESS_RSS_INTERVAL:-2}
warmup=${STRESS_WARMUP:-10}
growth_pct=${STRESS_RSS_GROWTH_PCT:-10}
rss_slack=${STRESS_RSS_SLACK_KB:-4096}
served_rows=${STRESS_ROWS:-20000}

[ -x "$ordo" ] || { echo "stress: $ordo is missing; run make build-release first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "stress: wrk is not installed (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/ordo-stress.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "${failed:-1}" = 0 ]; then rm -rf "$work"; else echo "stress: files kept in $work" >&2; fi
}
trap cleanup EXIT
failed=0
fail() { echo "stress: FAIL: $*"; failed=1; }

# 1. Crash safety ---------------------------------------------------------------------------------
if [ "${STRESS_SKIP_CRASH:-0}" != 1 ]; then
  # The harness links only SQLite; its own build directory keeps the release tree free of tests.
  cmake --preset release -B "$harness_build" -DORDO_BUILD_TESTS=ON >/dev/null
  cmake --build "$harness_build" --target crash_harness -j "${JOBS:-2}" >/dev/null
  seed_args=()
  [ -n "${STRESS_SEED:-}" ] && seed_args=(--seed "$STRESS_SEED")
  echo "== crash safety: $kills kills of $ordo"
  if ! "$harness_build/tests/crash/crash_harness" --ordo "$ordo" --data-dir "$root/data" \
      --work "$work/crash" --kills "$kills" --seizure-rows "${STRESS_SEIZURE_ROWS:-20000}" \
      "${seed_args[@]}"; then
    fail "crash harness (replay with STRESS_SEED=<the seed printed above>)"
  fi
fi

# 2. Load -----------------------------------------------------------------------------------------
db=$work/load.db
echo "== load: $served_rows simulated seizures, wrk -c$connections -d${seconds}s while imports run"
"$ordo" --db "$db" init >/dev/null
"$ordo" --db "$db" simulate --out "$work/served.csv" --count "$served_rows" --seed 1 --import \
  --quiet >/dev/null

# The server answers only a signed-in client (docs/accounts.md): wrk sends an API token.
printf '%s\n' "stress password $$ $RANDOM" | "$ordo" --db "$db" user add stress --role viewer >/dev/null
token=$("$ordo" --db "$db" user token stress 2>/dev/null)
"$ordo" --db "$db" serve --listen 127.0.0.1:0 --rate-limit 0 >"$work/serve.log" 2>"$work/serve.err" &
server=$!
pids+=("$server")
url=""
for _ in $(seq 300); do
  url=$(grep -o 'http://[^ ]*/' "$work/serve.log" | head -n 1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "stress: ordo serve did not start: $(cat "$work/serve.err")" >&2; exit 1; }

# RSS of the server while wrk runs, one line per sample: seconds since start, kB.
(
  start=$SECONDS
  while kill -0 "$server" 2>/dev/null && [ ! -e "$work/stop-imports" ]; do
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$server/status" 2>/dev/null || true)
    [ -n "$rss" ] && echo "$((SECONDS - start)) $rss"
    sleep "$rss_interval"
  done
) >"$work/rss.txt" &
pids+=($!)

# Imports into the served database until told to stop: every record new (own seed or tag), so
# each import must succeed. Counts go to imports.txt: "ok N" / "failed N".
(
  ok=0 bad=0 round=0
  while [ ! -e "$work/stop-imports" ]; do
    round=$((round + 1))
    tag=stress-$round
    printf 'year,country_iso3,region,crop,kind,hectares,synthetic,source,note\n2020,KGZ,,cannabis,cultivated,%d,true,%s,made up\n' \
      "$round" "$tag" >"$work/cultivation.csv"
    printf 'partner_iso3,year,flow,value_usd,source_url,notes,period,reporter\nKAZ,2020,total,%d,https://stress.invalid/%s,made up,full year,stress\n' \
      "$round" "$tag" >"$work/trade.csv"
    for command in "simulate --out $work/round.csv --count 500 --seed $((1000 + round)) --import --quiet" \
                   "narcotics import cultivation $work/cultivation.csv" \
                   "import trade $work/trade.csv"; do
      # shellcheck disable=SC2086
      if "$ordo" --db "$db" $command >>"$work/imports.log" 2>&1; then ok=$((ok + 1)); else bad=$((bad + 1)); fi
    done
    echo "ok $ok failed $bad" >"$work/imports.txt"
    sleep 1
  done
) &
importer=$!
pids+=("$importer")

wrk_out=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -H "Authorization: Bearer $token" \
  -s "$root/scripts/stress_routes.lua" "$url" 2>&1) || fail "wrk exited with $?"
touch "$work/stop-imports"
wait "$importer" || true

echo "$wrk_out" | sed 's/^/  wrk| /'
rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$wrk_out")
p50=$(awk '$1 == "50%" { print $2 }' <<<"$wrk_out")
p99=$(awk '$1 == "99%" { print $2 }' <<<"$wrk_out")
socket_errors=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$wrk_out")
non_2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$wrk_out")
read -r _ imports_ok _ imports_failed <"$work/imports.txt" || { imports_ok=0; imports_failed=0; }

alive=yes
kill -0 "$server" 2>/dev/null || { alive=no; fail "ordo serve died during the run: $(tail -n 5 "$work/serve.err")"; }
if [ "$alive" = yes ]; then
  kill -TERM "$server"
  status=0
  wait "$server" || status=$?
  [ "$status" = 0 ] || fail "ordo serve exited with $status on SIGTERM"
fi
sleep 0.2

# The server keeps answering from its last snapshot when a reload fails; that is still an error.
if grep -q "could not be re-read" "$work/serve.err"; then
  fail "the server could not re-read the database: $(grep -m1 "could not be re-read" "$work/serve.err")"
fi

echo "server RSS (s kB): $(awk '{ printf "%s:%s ", $1, $2 }' "$work/rss.txt")"
# Medians and maxima of the first and last third of the samples after the warm-up.
read -r first_median last_median first_max last_max samples < <(sort -n -k1,1 "$work/rss.txt" |
  awk -v warmup="$warmup" '
    function median(from, to,   count, i, j, v, s) {
      count = 0
      for (i = from; i < to; i++) s[count++] = r[i]
      for (i = 1; i < count; i++) { v = s[i]; for (j = i - 1; j >= 0 && s[j] > v; j--) s[j + 1] = s[j]; s[j + 1] = v }
      return count % 2 ? s[int(count / 2)] : (s[count / 2 - 1] + s[count / 2]) / 2
    }
    function maximum(from, to,   i, m) { m = 0; for (i = from; i < to; i++) if (r[i] > m) m = r[i]; return m }
    $1 >= warmup { r[n++] = $2 + 0 }
    END {
      third = int(n / 3)
      if (third < 1) { print 0, 0, 0, 0, n + 0; exit }
      print median(0, third), median(n - third, n), maximum(0, third), maximum(n - third, n), n
    }')
if [ "$first_median" = 0 ]; then
  fail "too few RSS samples after the warm-up ($samples); run longer (STRESS_SECONDS)"
else
  limit=$(awk -v a="$first_median" -v p="$growth_pct" -v s="$rss_slack" 'BEGIN { printf "%d", a * (1 + p / 100) + s }')
  echo "server RSS after the ${warmup}s warm-up ($samples samples): median ${first_median} kB in the first third, ${last_median} kB in the last (limit ${limit} kB = +${growth_pct}% + ${rss_slack} kB); maxima ${first_max} and ${last_max} kB"
  awk -v b="$last_median" -v l="$limit" 'BEGIN { exit !(b > l) }' && fail "server RSS grew: median ${first_median} -> ${last_median} kB"
fi

echo "load: ${rps:-0} requests/s, p50 ${p50:-?}, p99 ${p99:-?}, non-2xx ${non_2xx:-0}, socket errors ${socket_errors:-0}; imports during the run: ${imports_ok} ok, ${imports_failed} failed"
[ "${socket_errors:-0}" = 0 ] || fail "$socket_errors socket errors"
[ "${non_2xx:-0}" = 0 ] || fail "$non_2xx non-2xx answers"
[ "${imports_failed}" = 0 ] || fail "$imports_failed imports failed during the load run (see $work/imports.log)"
[ "${imports_ok}" -gt 0 ] || fail "no import finished during the load run"
[ -n "$rps" ] || fail "wrk reported no requests/s"

if [ "$failed" = 0 ]; then echo "stress: all checks passed"; else echo "stress: FAILED"; fi
exit "$failed"
