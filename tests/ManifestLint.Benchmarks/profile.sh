#!/usr/bin/env bash
# Profiles one whole `manifestlint lint` of a generated corpus with perf, on the Native AOT build:
#   bash tests/ManifestLint.Benchmarks/profile.sh [resources] [top-self] [top-inclusive]
# Publishes the native binary, writes the corpus, records at 4 kHz with call graphs and prints self and inclusive
# CPU shares by function (perf-report.py). Needs perf (linux-tools) and nm (binutils).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
n="${1:-10000}"
dotnet publish "$repo/src/ManifestLint/ManifestLint.csproj" -c Release -r linux-x64 -p:PublishAot=true -o "$work/native" --nologo -v quiet >/dev/null
dotnet run --project "$repo/tests/ManifestLint.Benchmarks" -c Release -- corpus "$n" "$work/in" >/dev/null
perf record -F 4000 -g -o "$work/perf.data" "$work/native/manifestlint" lint "$work/in" --format sarif --output "$work/out.sarif" --fail-on none --quiet 2>/dev/null
python3 "$repo/tests/ManifestLint.Benchmarks/perf-report.py" "$work/native/manifestlint.dbg" "$work/perf.data" "${2:-40}" "${3:-80}"
