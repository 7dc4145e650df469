#!/usr/bin/env bash
# HTTP benchmark of the two backends (issue #6): the same data served by `ordo serve` on a SQLite
# file and on PostgreSQL (a throw-away cluster, scripts/pg-test-cluster.sh), both under wrk in the
# same run, on the same machine. Prints requests/s, p50 and p99 latency and errors for each, and
# PostgreSQL/SQLite for requests/s.
#
# Builds nothing: it uses the release binary (cmake --preset release && cmake --build --preset
# release -j2). The data: `ordo init` and `ordo simulate --cases 40` (synthetic investigations,
# labelled synthetic) in a SQLite file, a viewer account with an API token, then `ordo
# migrate-data` into PostgreSQL, so both answer from the same rows and accept the same token.
# Targets: the relations list (/api/v1/relations?page_size=50, the registry snapshot) and a 2-hop
# expansion of the best-connected entity (/api/v1/graph/expand, the entity graph), each for
# DURATION (10s) at each of CONNECTIONS (16 128).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${ORDO_BUILD_DIR:-$root/build/release}
ordo=$build/ordo
duration=${DURATION:-10s}
connections=${CONNECTIONS:-16 128}
wrk_threads=${WRK_THREADS:-2}
cases=${CASES:-40}

if [ ! -x "$ordo" ]; then
  echo "bench/http/backends: $ordo is missing; build it first:" >&2
  echo "  cmake --preset release && cmake --build --preset release -j2" >&2
  exit 1
fi
command -v wrk >/dev/null || { echo "bench/http/backends: wrk is not installed" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$root/scripts/pg-test-cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

source "$root/bench/http/lib.sh"

db=$work/ordo.db
"$ordo" --db "$db" init >/dev/null
"$ordo" --db "$db" simulate --cases "$cases" --groups 3 --seed 1 --truth "$work/truth.json" \
  >/dev/null
printf '%s\n' "bench password $$ $RANDOM" |
  "$ordo" --db "$db" user add bench --role viewer --compartment simulated >/dev/null
token=$("$ordo" --db "$db" user token bench 2>/dev/null)
# The best-connected entity (degree), by its own id.
seed=$("$ordo" --db "$db" --format csv graph central --measure degree --top 1 |
  awk -F, 'NR == 2 { print $1 }')

uri=$("$root/scripts/pg-test-cluster.sh" start "$work/pg" | tail -n 1)
"$ordo" migrate-data --from "$db" --to "$uri" >/dev/null 2>"$work/migrate.err" ||
  { cat "$work/migrate.err" >&2; exit 1; }

# --rate-limit 0: wrk is one client sending as fast as it can, which the per-client limit would
# (rightly) answer with 429.
start_server sqlite_url "$work/sqlite.log" "$ordo" --db "$db" serve --listen 127.0.0.1:0 --rate-limit 0
start_server pg_url "$work/pg.log" "$ordo" --db "$uri" serve --listen 127.0.0.1:0 --rate-limit 0

entities=$("$ordo" --db "$db" --format csv graph components | awk -F, 'NR > 1 { n += $2 } END { print n + 0 }')
echo "SQLite $sqlite_url vs PostgreSQL $pg_url; $cases synthetic cases ($entities entities in components); expansion seed $seed"
echo "wrk -t$wrk_threads -d$duration; $(nproc) cores"
printf '%-28s %5s | %10s %9s %9s %6s | %10s %9s %9s %6s | %6s\n' \
  target conns "sqlite r/s" p50 p99 errors "pg r/s" p50 p99 errors pg/sq
for conns in $connections; do
  for target in "api/v1/relations?page_size=50" "api/v1/graph/expand?seed=$seed&hops=2"; do
    read -r s_rps s_p50 s_p99 s_errors < <(measure "$sqlite_url$target" "$conns")
    read -r p_rps p_p50 p_p99 p_errors < <(measure "$pg_url$target" "$conns")
    ratio=$(awk -v a="$p_rps" -v b="$s_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    label=${target%%\?*}
    printf '%-28s %5s | %10s %9s %9s %6s | %10s %9s %9s %6s | %6s\n' "/$label" "$conns" \
      "$s_rps" "$s_p50" "$s_p99" "$s_errors" "$p_rps" "$p_p50" "$p_p99" "$p_errors" "$ratio"
  done
done
