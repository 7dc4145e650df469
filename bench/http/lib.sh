# Shared by bench/http/run.sh and bench/http/backends.sh (sourced): starting a server and reading
# wrk's figures. Uses the caller's globals: pids (started servers, for its cleanup), wrk_threads,
# duration and token (the API token every request carries).

# Starts "$@" with stdout to a file, waits for it to print an http:// URL and stores the URL in the
# variable named by $1. Runs in this shell (not a $(...) subshell) so that cleanup knows the pid.
start_server() {
  local var=$1 log=$2; shift 2
  "$@" >"$log" 2>"$log.err" &
  pids+=($!)
  for _ in $(seq 300); do
    local url
    url=$(grep -o 'http://[^ ]*/' "$log" | head -n 1 || true)
    if [ -n "$url" ]; then printf -v "$var" '%s' "$url"; return 0; fi
    sleep 0.1
  done
  echo "bench/http: $* did not start: $(cat "$log.err")" >&2
  exit 1
}

# Runs wrk; prints "requests_per_s p50 p99 errors".
measure() {
  local url=$1 conns=$2 out
  out=$(wrk -t"$wrk_threads" -c"$conns" -d"$duration" --latency -H "Authorization: Bearer $token" "$url" 2>&1)
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Socket errors:/ { gsub(",", ""); e = $4 + $6 + $8 + $10 }
                /Non-2xx or 3xx responses:/ { e += $5 }
                END { print e + 0 }' <<<"$out")
  echo "${rps:-0} ${p50:-?} ${p99:-?} ${errors}"
}
