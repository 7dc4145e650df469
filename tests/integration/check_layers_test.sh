#!/usr/bin/env bash
# The layer check must pass on the tree and fail on a copy with one upward include.
set -euo pipefail
root=$1
"$root/scripts/check-layers" "$root" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/scripts"
cp -r "$root/src" "$work/src"
cp "$root/scripts/check-layers" "$work/scripts/"
echo '#include "analytics/relations_query.h"' >>"$work/src/core/partial_date.cc"
if out=$("$work/scripts/check-layers" "$work" 2>&1); then
  echo "check-layers accepted core including analytics"; exit 1
fi
grep -q "layer 'core' may not depend on 'analytics'" <<<"$out" || { echo "$out"; exit 1; }
echo "ok"
