#!/usr/bin/env bash
# `make run`: open (and on first use create) the default embedded database, show what it holds, then
# serve the web application and the API until Ctrl-C.
set -euo pipefail
ordo=${1:-build/release/ordo}
"$ordo" summary
echo
# The link chart needs something to show: a database without entities gets a small seeded set of
# synthetic cases (every entity, link and seizure marked synthetic; docs/cli.md, "Simulated cases").
"$ordo" simulate --cases 12 --groups 3 --seed 1 --if-empty ||
  echo "run.sh: could not add the synthetic cases; the link chart starts empty" >&2
echo
if "$ordo" serve --help >/dev/null 2>&1; then
  exec "$ordo" serve
fi
"$ordo" --help
