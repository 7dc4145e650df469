#!/usr/bin/env bash
# `make run`: open (and on first use create) the default embedded database, then show what Ordo
# holds and how to ask it questions. The web application arrives with `ordo serve` (issue #3).
set -euo pipefail
ordo=${1:-build/release/ordo}
"$ordo" summary
echo
"$ordo" --help
