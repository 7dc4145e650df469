#!/usr/bin/env bash
# Installs every Debian package Ordo's build, tests and `make run` need. Idempotent: it asks apt only
# for what is missing, so a second run is quick and needs no network.
set -euo pipefail

packages=(
  # toolchain; lld links the debug preset's executables (docs/testing.md)
  g++ cmake ninja-build make pkg-config lld
  # libraries (see docs/architecture.md for why each)
  libsqlite3-dev libssl-dev libargon2-dev libfmt-dev nlohmann-json3-dev libcli11-dev libboost-dev
  # ICU: transliteration of names across scripts (Russian and Kyrgyz Cyrillic, Latin)
  libicu-dev
  # expat: the streaming XML reader of `ordo import graphml` (small, no DTD loading)
  libexpat1-dev
  # the PostgreSQL backend: libpq, and the server a throw-away test cluster runs on
  # (scripts/pg-test-cluster.sh)
  libpq-dev postgresql
  # tests and benchmarks: browser tests drive Debian's chromium; wrk loads the HTTP server
  googletest libgtest-dev libgmock-dev libbenchmark-dev sqlite3 chromium wrk
  # igraph: the independent max-flow oracle in the interdiction tests (and the graph tests of #5)
  libigraph-dev
  # networkx: the third-party reader of Ordo's GraphML and GEXF exports in tests/interchange
  python3-networkx
  # reference data: ISO 3166-1 names and their ru/ky gettext catalogs
  iso-codes
  # make fuzz: clang and its libFuzzer/sanitizer runtimes (scripts/fuzz.sh)
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# The web application's toolchain: Node.js and npm (the machine image ships them; Debian's are the
# fallback).
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]} == 0)); then
  echo "install-deps: all Debian packages present"
else
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi

# Front-end packages, exactly as the committed lockfile says. Skipped when node_modules already
# matches the lockfile (a stamp holds the lockfile's checksum).
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -f "$root/web/package-lock.json" ]; then
  sum=$(sha256sum "$root/web/package-lock.json" | cut -d' ' -f1)
  stamp="$root/web/node_modules/.ordo-lock-sha256"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    echo "install-deps: npm ci in web/"
    (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sum" >"$stamp"
  fi
fi
