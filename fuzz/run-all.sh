#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS each (one afl-fuzz at a time) and prints the totals.
#   fuzz/run-all.sh SECONDS [TARGET...]
set -euo pipefail
if [ $# -lt 1 ]; then
    echo "usage: fuzz/run-all.sh SECONDS [TARGET...]" >&2
    exit 2
fi
seconds=$1
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(yaml yaml-block template values chart config lint); fi
here=$(cd "$(dirname "$0")" && pwd)
work=${MANIFESTLINT_FUZZ_WORK:-$here/../artifacts/fuzz}
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
first=1
for t in "${targets[@]}"; do
    if [ $first = 1 ]; then
        MANIFESTLINT_FUZZ_NO_BUILD=${MANIFESTLINT_FUZZ_NO_BUILD:-0} bash "$here/run.sh" "$t" "$seconds" | tee -a "$summary"
        first=0
    else
        MANIFESTLINT_FUZZ_NO_BUILD=1 bash "$here/run.sh" "$t" "$seconds" | tee -a "$summary"
    fi
done
echo
echo "==> summary"
grep -E '^[a-z]+ +execs=' "$summary" || true
awk '/^[a-z]+ +execs=/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "execs") e += kv[2]; if (kv[1] == "crashes") c += kv[2]; if (kv[1] == "hangs") h += kv[2] } }
    END { printf "total: %d executions, %d crashes, %d hangs\n", e, c, h }' "$summary"
