#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests (no docker): Debian's postgresql 15 binaries, a
# cluster in a fresh temporary directory, listening only on a Unix socket in that directory (no
# TCP port, so clusters of parallel builds never collide), trust authentication for the `postgres`
# role. ctest starts it before the PostgreSQL tests and stops it after them, even when they fail
# (fixture ordo_postgres_cluster, src/storage/postgres/CMakeLists.txt).
#
#   scripts/pg-test-cluster.sh start STATE_DIR   creates and starts a cluster; writes its URI to
#                                                STATE_DIR/uri and prints it
#   scripts/pg-test-cluster.sh env STATE_DIR     prints `export ORDO_TEST_POSTGRES_URI=...`
#   scripts/pg-test-cluster.sh stop STATE_DIR    stops the cluster and deletes it
#
# STATE_DIR keeps only small pointer files (uri, cluster); the cluster lives under $TMPDIR (/tmp),
# so its socket path stays short (Unix socket paths are limited to 107 bytes) and an unprivileged
# server user can reach it. initdb refuses to run as root: as root, the cluster belongs to the
# `postgres` system user the postgresql package creates, and is run through runuser.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop|env STATE_DIR" >&2
  exit 2
}
(($# == 2)) || usage
command=$1
state_dir=$2

pg_bin=${ORDO_PG_BIN:-}
if [ -z "$pg_bin" ]; then
  for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/initdb" ]; then
      pg_bin=$candidate
      break
    fi
  done
fi

# Runs a command as the cluster's owner: ourselves, or `postgres` when we are root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "pg-test-cluster: no PostgreSQL server binaries (initdb) under /usr/lib/postgresql;" \
      "run scripts/install-deps.sh (package postgresql)" >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "pg-test-cluster: running as root but there is no 'postgres' user to own the cluster" >&2
    exit 1
  fi
  mkdir -p "$state_dir"
  # A cluster left by an interrupted run is stopped first.
  if [ -f "$state_dir/cluster" ]; then stop; fi
  local cluster
  cluster=$(mktemp -d "${TMPDIR:-/tmp}/ordo-pg.XXXXXX")
  echo "$cluster" >"$state_dir/cluster"
  chmod 755 "$cluster"
  mkdir "$cluster/data" "$cluster/socket"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$cluster" "$cluster/data" "$cluster/socket"; fi
  chmod 700 "$cluster/data"
  if ! as_owner "$pg_bin/initdb" --pgdata="$cluster/data" --username=postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$cluster/initdb.log" 2>&1; then
    cat "$cluster/initdb.log" >&2
    echo "pg-test-cluster: initdb failed" >&2
    exit 1
  fi
  # No TCP listener; fsync off (a test cluster is thrown away, a crash loses nothing of value);
  # connections for ctest's parallel jobs, each test opening a few.
  if ! as_owner "$pg_bin/pg_ctl" --pgdata="$cluster/data" --log="$cluster/server.log" --wait \
    --timeout=60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$cluster/socket' -c port=5432 \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start >/dev/null; then
    cat "$cluster/server.log" >&2 || true
    echo "pg-test-cluster: the server did not start" >&2
    exit 1
  fi
  local uri="postgresql://postgres@/postgres?host=$cluster/socket&port=5432"
  echo "$uri" >"$state_dir/uri"
  echo "$uri"
}

stop() {
  [ -f "$state_dir/cluster" ] || return 0
  local cluster
  cluster=$(cat "$state_dir/cluster")
  case "$cluster" in
    "${TMPDIR:-/tmp}"/ordo-pg.*) ;;
    *)
      echo "pg-test-cluster: $state_dir/cluster names '$cluster', not a cluster of this script" >&2
      exit 1
      ;;
  esac
  if [ -f "$cluster/data/postmaster.pid" ] && [ -n "$pg_bin" ]; then
    as_owner "$pg_bin/pg_ctl" --pgdata="$cluster/data" --mode=immediate --wait stop \
      >/dev/null 2>&1 || true
  fi
  rm -rf "$cluster"
  rm -f "$state_dir/cluster" "$state_dir/uri"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  env)
    [ -f "$state_dir/uri" ] || {
      echo "pg-test-cluster: no cluster started in $state_dir" >&2
      exit 1
    }
    echo "export ORDO_TEST_POSTGRES_URI='$(cat "$state_dir/uri")'"
    ;;
  *) usage ;;
esac
