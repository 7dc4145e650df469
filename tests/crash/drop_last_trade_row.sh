#!/usr/bin/env bash
# A broken `ordo` for the crash harness's own test: `import trade FILE` imports FILE without its
# last row and still exits 0, as an importer that lost acknowledged data would. Everything else
# goes to the real binary, named by $ORDO_REAL. The harness must report the missing row.
set -euo pipefail
args=("$@")
for ((i = 0; i + 2 < ${#args[@]}; i++)); do
  if [ "${args[i]}" = import ] && [ "${args[i + 1]}" = trade ]; then
    file=${args[i + 2]}
    head -n -1 "$file" >"$file.short"
    args[i + 2]=$file.short
    break
  fi
done
exec "$ORDO_REAL" "${args[@]}"
