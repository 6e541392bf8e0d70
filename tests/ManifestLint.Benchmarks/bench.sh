#!/usr/bin/env bash
# Times whole `manifestlint lint` processes over generated corpora of 1,000 and 10,000 resources,
# with every rule and without the graph-aware rules, for the JIT build and (if given) a native binary.
#   bash tests/ManifestLint.Benchmarks/bench.sh [path/to/native/manifestlint]
# Prints the best of three runs: wall seconds and peak resident memory (KB).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$repo/src/ManifestLint" -c Release -o "$work/jit" --nologo -v quiet >/dev/null
for n in 1000 10000; do
  dotnet run --project "$repo/tests/ManifestLint.Benchmarks" -c Release -- "$n" "$work/corpus-$n" >/dev/null
done
graph_rules=$(dotnet "$work/jit/manifestlint.dll" rules --format json | python3 -c '
import json, sys
rules = json.load(sys.stdin)["rules"]
print(" ".join("--disable " + r["id"] for r in rules if r["category"] in ("rbac", "network", "references", "namespaces")))')
best() {
  local out=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" "$@" >/dev/null 2>>"$work/t" || true
  done
  sort -n "$work/t" | head -1
  rm -f "$work/t"
}
run() {
  local label=$1; shift
  for n in 1000 10000; do
    echo "$label, $n resources, all rules:      $(best "$@" lint "$work/corpus-$n" --format sarif --output "$work/out.sarif" --fail-on none --quiet)"
  done
  # shellcheck disable=SC2086
  echo "$label, 10000 resources, no graph rules: $(best "$@" lint "$work/corpus-10000" --format sarif --output "$work/out.sarif" --fail-on none --quiet $graph_rules)"
}
echo "(wall seconds, peak KB; best of 3)"
run jit dotnet "$work/jit/manifestlint.dll"
if [[ $# -gt 0 ]]; then run native "$1"; fi
