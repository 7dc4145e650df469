#!/usr/bin/env bash
# Installs every Debian package Ordo's build, tests and `make run` need. Idempotent: it asks apt only
# for what is missing, so a second run is quick and needs no network.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build make pkg-config
  # libraries (see docs/architecture.md for why each)
  libsqlite3-dev libfmt-dev nlohmann-json3-dev libcli11-dev
  # tests and benchmarks
  googletest libgtest-dev libgmock-dev libbenchmark-dev sqlite3
  # reference data: ISO 3166-1 names and their ru/ky gettext catalogs
  iso-codes
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} Debian packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}"
