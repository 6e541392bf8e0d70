#!/usr/bin/env bash
# Times whole `manifestlint lint` processes (to SARIF, every rule) over generated corpora of 1,000, 10,000 and 100,000
# resources (200 resources per 4 MB, 50 per file) and one 50 MB file of 125,000 resources, for the JIT build and,
# if given, a native binary:
#   bash tests/ManifestLint.Benchmarks/bench.sh [path/to/native/manifestlint] [runs]
# Prints medians of wall time, user+system CPU time and peak resident memory, then the CPU and memory per 1,000
# resources, which stay flat when growth is linear. compare.sh does the timing; pass it older builds as well to put
# figures before and after a change side by side, measured in one sitting.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs="${2:-3}"
dotnet build "$repo/src/ManifestLint" -c Release -o "$work/jit" --nologo -v quiet >/dev/null
gen() { dotnet run --project "$repo/tests/ManifestLint.Benchmarks" -c Release -- corpus "$@" >/dev/null; }
gen 1000 "$work/in/c1000"
gen 10000 "$work/in/c10000"
gen 100000 "$work/in/c100000"
gen 125000 "$work/in/big" 1
builds=("jit=dotnet $work/jit/manifestlint.dll")
[[ $# -gt 0 && -n "$1" ]] && builds+=("native=$1")
bash "$repo/tests/ManifestLint.Benchmarks/compare.sh" "$work/in" "$runs" "${builds[@]}" | tee "$work/results.tsv"
echo
echo "per 1,000 resources (flat = linear growth):"
awk -F'\t' 'NR > 1 { n = $1 == "big" ? 125 : substr($1, 2) / 1000; printf "%-8s %-8s cpu %.3f s  peak %.1f MiB\n", $1, $2, $4 / n, $5 / n }' "$work/results.tsv"
