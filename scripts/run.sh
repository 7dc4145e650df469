#!/usr/bin/env bash
# `make run`: open (and on first use create) the default embedded database, show what it holds, then
# serve the web application and the API until Ctrl-C.
set -euo pipefail
ordo=${1:-build/release/ordo}
"$ordo" summary
echo
if "$ordo" serve --help >/dev/null 2>&1; then
  exec "$ordo" serve
fi
"$ordo" --help
