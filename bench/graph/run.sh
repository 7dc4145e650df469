#!/usr/bin/env bash
# Graph benchmarks of issue #5 (bench/README.md): graph_benchmark generates one R-MAT graph (scale
# SCALE, EDGES edges, seed SEED; by default 2^20 = 1,048,576 nodes and 10,000,000 edges), builds it
# as Ordo's Graph and as igraph's igraph_t, and times BFS, connected components, PageRank, 2-hop
# expansion (p50, p99 over QUERIES nodes) and shortest paths (p50, p99 over QUERIES pairs) on
# both in the same run, then prints every ratio Ordo/igraph against its target, checks that both
# found the same answers, and prints the bytes per edge; then the same on a graph with planted
# communities (1,048,576 nodes, PLANTED_EDGES edges), with the adjusted Rand index of both sides'
# communities. Then graph_store_benchmark writes an R-MAT graph of STORE_SCALE / STORE_EDGES into
# a fresh SQLite store in a temporary directory and times BuildLinkGraph from it against sqlite3
# stepping the same rows and igraph_create (STORE=0 skips it). Needs about 2 GB of memory at the
# default size and a few hundred MB in TMPDIR.
#
# Builds nothing: build first with
#   cmake --preset release -DORDO_BUILD_BENCHMARKS=ON && cmake --build --preset release -j2
# Environment: SCALE, EDGES, PLANTED_EDGES, GRAPHS (rmat,planted), SEED, QUERIES, REPETITIONS (3),
# STORE, STORE_SCALE, STORE_EDGES, ORDO_BUILD_DIR; extra arguments go to graph_benchmark (e.g.
# --benchmark_filter=PageRank).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${ORDO_BUILD_DIR:-$root/build/release}
benchmark=$build/bench/graph/graph_benchmark

if [ ! -x "$benchmark" ]; then
  echo "bench/graph: $benchmark is missing; build it first:" >&2
  echo "  cmake --preset release -DORDO_BUILD_BENCHMARKS=ON && cmake --build --preset release -j2" >&2
  exit 1
fi

echo "bench/graph: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, igraph" \
  "$(pkg-config --modversion igraph 2>/dev/null || echo '?'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$benchmark" --scale="${SCALE:-20}" --edges="${EDGES:-10000000}" --seed="${SEED:-20261201}" \
  --planted-edges="${PLANTED_EDGES:-12000000}" --graphs="${GRAPHS:-rmat,planted}" \
  --queries="${QUERIES:-200}" --benchmark_repetitions="${REPETITIONS:-3}" \
  --benchmark_color=false "$@"

if [ "${STORE:-1}" != 0 ]; then
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  echo
  echo "bench/graph store: load average $(cut -d' ' -f1-3 /proc/loadavg)"
  "$build/bench/graph/graph_store_benchmark" --db="$scratch/links.db" \
    --scale="${STORE_SCALE:-16}" --edges="${STORE_EDGES:-600000}" --seed="${SEED:-20261201}" \
    --repetitions="${STORE_REPETITIONS:-3}"
fi
