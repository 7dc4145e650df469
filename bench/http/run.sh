#!/usr/bin/env bash
# HTTP benchmark: Ordo's server against a bare Boost.Beast handler with the same settings, in the
# same run, on the same machine (the ratio is the figure to quote: these machines are noisy).
#
# Builds nothing: it uses the release binaries, built with
#   cmake --preset release -DORDO_BUILD_BENCHMARKS=ON && cmake --build --preset release -j2
# Runs wrk for DURATION (10s) at each of CONNECTIONS (16 128 512) against
#   /api/v1/relations?page_size=50 and /api/v1/countries/TUR on `ordo serve` (fresh database), and
#   the bare handler answering a constant body as large as the relations answer,
# and prints requests/s, p50 and p99 latency, errors, and Ordo/bare for requests/s.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${ORDO_BUILD_DIR:-$root/build/release}
ordo=$build/ordo
bare=$build/bench/http/bare_http_server
duration=${DURATION:-10s}
connections=${CONNECTIONS:-16 128 512}
wrk_threads=${WRK_THREADS:-2}

for binary in "$ordo" "$bare"; do
  if [ ! -x "$binary" ]; then
    echo "bench/http: $binary is missing; build it first:" >&2
    echo "  cmake --preset release -DORDO_BUILD_BENCHMARKS=ON && cmake --build --preset release -j2" >&2
    exit 1
  fi
done
command -v wrk >/dev/null || { echo "bench/http: wrk is not installed (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

source "$root/bench/http/lib.sh"

# Content-Length of GET $1 (http://host:port/path), with bash's /dev/tcp (no curl needed).
content_length() {
  local rest=${1#http://} host port path
  host=${rest%%:*}; rest=${rest#*:}; port=${rest%%/*}; path=/${rest#*/}
  exec 3<>"/dev/tcp/$host/$port"
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\nAuthorization: Bearer %s\r\n\r\n' "$path" "$host" "$token" >&3
  tr -d '\r' <&3 | awk -F': ' 'tolower($1) == "content-length" { print $2; exit }'
  exec 3<&-
}

"$ordo" --db "$work/ordo.db" init >/dev/null
# The server answers only a signed-in client (docs/accounts.md): wrk sends an API token, so each
# request also pays for its check against the account store.
printf '%s\n' "bench password $$ $RANDOM" | "$ordo" --db "$work/ordo.db" user add bench --role viewer >/dev/null
token=$("$ordo" --db "$work/ordo.db" user token bench 2>/dev/null)
start_server ordo_url "$work/ordo.log" "$ordo" --db "$work/ordo.db" serve --listen 127.0.0.1:0 --rate-limit 0
relations_bytes=$(content_length "${ordo_url}api/v1/relations?page_size=50")
start_server bare_url "$work/bare.log" "$bare" --listen 127.0.0.1:0 --body-bytes "$relations_bytes"

echo "Ordo $ordo_url vs bare Beast $bare_url (body $relations_bytes bytes); wrk -t$wrk_threads -d$duration; $(nproc) cores"
printf '%-32s %5s | %10s %9s %9s %6s | %10s %9s %9s %6s | %6s\n' \
  target conns "ordo req/s" p50 p99 errors "bare req/s" p50 p99 errors ratio
for conns in $connections; do
  read -r bare_rps bare_p50 bare_p99 bare_errors < <(measure "$bare_url" "$conns")
  for target in "api/v1/relations?page_size=50" "api/v1/countries/TUR"; do
    read -r rps p50 p99 errors < <(measure "$ordo_url$target" "$conns")
    ratio=$(awk -v a="$rps" -v b="$bare_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    printf '%-32s %5s | %10s %9s %9s %6s | %10s %9s %9s %6s | %6s\n' "/$target" "$conns" \
      "$rps" "$p50" "$p99" "$errors" "$bare_rps" "$bare_p50" "$bare_p99" "$bare_errors" "$ratio"
  done
done
