#!/usr/bin/env bash
# Admission policies at scale: 1,000 Deployments against 20 ValidatingAdmissionPolicies (tools/generate-admission-bench.py),
# linted once with the Release build. Prints the wall time beside a lint of the same input without policies, so the
# cost of the policies is visible in the CI log; fails only if the run fails or reports no admission-policy finding.
# Takes about 5 s on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 tools/generate-admission-bench.py "$tmp/bench" 1000
cli=(dotnet src/ManifestLint/bin/Release/net10.0/manifestlint.dll)
run() {
    local start end
    start=$(date +%s%N)
    "${cli[@]}" lint "$tmp/bench/manifests" "$@" --format json --output "$tmp/out.json" --fail-on none 2>"$tmp/stderr" || { cat "$tmp/stderr" >&2; exit 1; }
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 )) ms"
}
echo "1,000 Deployments, no policies: $(run)"
echo "1,000 Deployments, 20 policies: $(run --policy "$tmp/bench/policies")"
grep -q '"admission-policy"' "$tmp/out.json"
