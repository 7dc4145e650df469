#!/usr/bin/env bash
# Seizure benchmarks of issue #4, in one run on the release binaries (bench/README.md):
#
#  1. Import: `ordo simulate` writes ROWS (1,000,000) seizures with a fixed seed into a temporary
#     directory; then, RUNS (3) times each and alternating so that load elsewhere on the machine
#     hits both alike, `ordo seizures import` into a fresh Ordo database and `sqlite3` `.import` of the
#     same CSV into a fresh database holding an equivalent table (DDL below). Prints the median wall
#     time, rows/s and user+sys CPU of each, and Ordo/sqlite3 of the medians (target <= 1.0);
#     and, beside it but not the target's peer, the same .import with the secondary indexes built
#     after the rows ("sqlite3+").
#  2. Analyses: seizure_analysis_benchmark on the last Ordo database: a plain read of every row
#     (ForEachSeizure), hotspots and trends, with each analysis's time / the read's (target < 2.0).
#
# Builds nothing: build first with
#   cmake --preset release -DORDO_BUILD_BENCHMARKS=ON && cmake --build --preset release -j2
# Environment: ROWS, SEED, RUNS, ONLY=import|analysis (one part alone), ORDO_BUILD_DIR, TMPDIR
# (needs about 1 GB free for a million rows).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${ORDO_BUILD_DIR:-$root/build/release}
ordo=$build/ordo
analysis=$build/bench/seizures/seizure_analysis_benchmark
rows=${ROWS:-1000000}
seed=${SEED:-20240401}
runs=${RUNS:-3}
only=${ONLY:-}

for binary in "$ordo" "$analysis"; do
  if [ ! -x "$binary" ]; then
    echo "bench/seizures: $binary is missing; build it first:" >&2
    echo "  cmake --preset release -DORDO_BUILD_BENCHMARKS=ON && cmake --build --preset release -j2" >&2
    exit 1
  fi
done
if ! command -v sqlite3 >/dev/null; then
  echo "bench/seizures: sqlite3 is not installed (apt-get install sqlite3)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv=$work/seizures.csv

# The durability both sides run with: Ordo's (src/storage/sqlite/sqlite_store.cc,
# ConfigureConnection): WAL, a sync of the log at commit, and the checkpoint when the last
# connection closes. Both write every row in one transaction (sqlite3's .import opens one itself)
# with the 64 MB page cache Ordo's bulk writes use (SqliteStore::AppendSeizuresFrom).
durability="PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -65536;"

# The sqlite3 peer's table: the CSV's own columns, in its order, typed and constrained as Ordo's
# migrations type them (src/storage/sqlite/schema/0003_seizures.sql, 0004_seizure_routes.sql), as
# a STRICT table with the rowid as key, seizure_id UNIQUE and the same three secondary indexes (on
# the written date, drug and country). A column this list does not know (the CSV gained one) becomes nullable TEXT.
# What differs, all of it work Ordo does and sqlite3 does not:
#  - Ordo validates every value as it writes it (drug vocabulary, units, dates not in the future,
#    coordinates in range, country codes known, ids unique) and rolls back on any problem; .import
#    checks only the types and constraints below;
#  - Ordo stores parsed values: first_day/last_day (indexed instead of the text date), drug and unit
#    names in canonical form, quantity_kg and its conversion note, synthetic as 0/1;
#  - Ordo checks every country code of every row (country, origin, departure, destination and
#    each transit code) against the countries stored, inside its transaction; here nothing is
#    checked (.import writes an empty field as '', not NULL, so an empty origin could not even
#    reference anything);
#  - sqlite3 binds each field as text and lets the column's type convert it.
# How Ordo writes a bulk import (docs/architecture.md, "Storage"): it reads and validates on a
# second thread, and into an empty table it builds the secondary indexes after the last row.
# sqlite3's .import does neither: it uses one thread and fills the indexes row by row.
sqlite_ddl() {
  local header columns=() column type
  IFS=, read -r -a header < <(head -n 1 "$1" | tr -d '\r')
  for column in "${header[@]}"; do
    case $column in
      seizure_id) type="TEXT NOT NULL UNIQUE" ;;
      lat | lon) type="REAL" ;;
      quantity) type="REAL NOT NULL" ;;
      synthetic) type="TEXT NOT NULL CHECK (synthetic IN ('true', 'false'))" ;;
      date | place | admin_region | country_iso3 | drug | unit | conveyance | concealment | agency | \
        case_id | source | route) type="TEXT NOT NULL" ;;
      *) type="TEXT" ;;
    esac
    columns+=("  $column $type")
  done
  local IFS=$'\n'
  printf 'CREATE TABLE seizures (\n%s\n) STRICT;\n' "$(sed '$!s/$/,/' <<<"${columns[*]}")"
}

# The peer's secondary indexes.
peer_indexes="CREATE INDEX seizures_by_day ON seizures (date);
CREATE INDEX seizures_by_drug ON seizures (drug);
CREATE INDEX seizures_by_country ON seizures (country_iso3);"

# Runs "$@" and prints "wall_seconds cpu_seconds" (cpu = user + sys of the command and its children).
timed() {
  local start end before after stat=/proc/$BASHPID/stat
  before=$(awk '{ print $14 + $15 + $16 + $17 }' "$stat")
  start=$(date +%s.%N)
  "$@" >"$work/last.out" 2>"$work/last.err" || {
    echo "bench/seizures: $* failed:" >&2
    cat "$work/last.out" "$work/last.err" >&2
    exit 1
  }
  end=$(date +%s.%N)
  after=$(awk '{ print $14 + $15 + $16 + $17 }' "$stat")
  awk -v s="$start" -v e="$end" -v b="$before" -v a="$after" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.3f %.3f\n", e - s, (a - b) / hz }'
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# Both sides must have stored every row, or the comparison means nothing.
check_rows() {
  local stored
  stored=$(sqlite3 "$1" "SELECT count(*) FROM seizures")
  if [ "$stored" != "$rows" ]; then
    echo "bench/seizures: $2 stored $stored of $rows rows" >&2
    exit 1
  fi
}

ordo_import() {
  rm -f "$1" "$1-wal" "$1-shm"
  "$ordo" --db "$1" init >/dev/null
  timed "$ordo" --db "$1" seizures import "$csv"
}

sqlite_import() {
  rm -f "$1" "$1-wal" "$1-shm"
  sqlite3 "$1" <"$work/peer.sql" >/dev/null
  sqlite3 "$1" "$peer_indexes"
  timed sqlite3 -bail "$1" "$durability" ".mode csv" ".import --skip 1 $csv seizures"
}

# Not the target's peer, shown beside it: the same .import with the secondary indexes built after
# the rows in the same transaction, as Ordo does into an empty table.
sqlite_import_indexes_after() {
  rm -f "$1" "$1-wal" "$1-shm"
  sqlite3 "$1" <"$work/peer.sql" >/dev/null
  timed sqlite3 -bail "$1" "$durability" "BEGIN" ".mode csv" ".import --skip 1 $csv seizures" \
    "$peer_indexes" "COMMIT"
}

echo "bench/seizures: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
  "sqlite $(sqlite3 --version | cut -d' ' -f1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "generating $rows seizures (ordo simulate --seed $seed) ..."
"$ordo" simulate --count "$rows" --seed "$seed" --out "$csv" >/dev/null 2>&1
echo "  $(($(wc -l <"$csv") - 1)) rows, $(du -m "$csv" | cut -f1) MB"
ordo_db=$work/ordo.db

if [ "$only" != analysis ]; then
  { echo "$durability"; sqlite_ddl "$csv"; } >"$work/peer.sql"
  printf '\n%-8s %3s %10s %10s %12s\n' import run "wall s" "cpu s" "rows/s"
  : >"$work/ordo.times"
  : >"$work/sqlite.times"
  : >"$work/late.times"
  for run in $(seq "$runs"); do
    ordo_import "$ordo_db" >"$work/run.time"
    read -r wall cpu <"$work/run.time"
    check_rows "$ordo_db" Ordo
    echo "$wall $cpu" >>"$work/ordo.times"
    printf '%-8s %3s %10s %10s %12.0f\n' ordo "$run" "$wall" "$cpu" "$(awk -v n="$rows" -v t="$wall" 'BEGIN { print n / t }')"
    sqlite_import "$work/peer.db" >"$work/run.time"
    read -r wall cpu <"$work/run.time"
    check_rows "$work/peer.db" sqlite3
    echo "$wall $cpu" >>"$work/sqlite.times"
    printf '%-8s %3s %10s %10s %12.0f\n' sqlite3 "$run" "$wall" "$cpu" "$(awk -v n="$rows" -v t="$wall" 'BEGIN { print n / t }')"
    sqlite_import_indexes_after "$work/peer.db" >"$work/run.time"
    read -r wall cpu <"$work/run.time"
    check_rows "$work/peer.db" "sqlite3 (indexes after)"
    echo "$wall $cpu" >>"$work/late.times"
    printf '%-8s %3s %10s %10s %12.0f\n' sqlite3+ "$run" "$wall" "$cpu" "$(awk -v n="$rows" -v t="$wall" 'BEGIN { print n / t }')"
  done
  rm -f "$work"/peer.db*
  ordo_wall=$(cut -d' ' -f1 "$work/ordo.times" | median)
  ordo_cpu=$(cut -d' ' -f2 "$work/ordo.times" | median)
  sqlite_wall=$(cut -d' ' -f1 "$work/sqlite.times" | median)
  sqlite_cpu=$(cut -d' ' -f2 "$work/sqlite.times" | median)
  late_wall=$(cut -d' ' -f1 "$work/late.times" | median)
  late_cpu=$(cut -d' ' -f2 "$work/late.times" | median)
  awk -v n="$rows" -v ow="$ordo_wall" -v oc="$ordo_cpu" -v sw="$sqlite_wall" -v sc="$sqlite_cpu" \
    -v lw="$late_wall" -v lc="$late_cpu" -v r="$runs" 'BEGIN {
    printf "\nimport of %d rows, median of %d   %10s %10s %12s\n", n, r, "wall s", "cpu s", "rows/s"
    printf "  ordo seizures import            %10.2f %10.2f %12.0f\n", ow, oc, n / ow
    printf "  sqlite3 .import                 %10.2f %10.2f %12.0f\n", sw, sc, n / sw
    ratio = ow / sw
    printf "  Ordo / sqlite3 (wall)           %10.2f   target <= 1.00: %s   (cpu: %.2f)\n", ratio, ratio <= 1.0 ? "met" : "MISSED", oc / sc
    printf "  sqlite3+ .import, indexes after %10.2f %10.2f %12.0f\n", lw, lc, n / lw
    printf "  Ordo / sqlite3+ (wall)          %10.2f   not the target, shown beside it (cpu: %.2f)\n", ow / lw, oc / lc
  }'
fi

if [ "$only" != import ]; then
  if [ ! -f "$ordo_db" ]; then
    "$ordo" --db "$ordo_db" init >/dev/null
    "$ordo" --db "$ordo_db" seizures import "$csv" >/dev/null
  fi
  echo
  "$analysis" --db="$ordo_db" --benchmark_color=false
fi
