#!/usr/bin/env bash
# CI's bounded fuzz check, without AFL: builds the harness, then replays every target's seeds (from testdata/
# and ../shared when present) and the saved crash reproducers in fuzz/regressions/TARGET/. Fails on any crash
# or hang. Takes seconds; long runs are fuzz/run.sh and fuzz/run-all.sh, by hand.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${MANIFESTLINT_SHARED:-$repo/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${MANIFESTLINT_FUZZ_SMOKE_NO_BUILD:-0}" != 1 ]; then
    dotnet build "$repo/tests/ManifestLint.Fuzz/ManifestLint.Fuzz.csproj" -c Release --nologo -v quiet >/dev/null
fi
harness=$repo/tests/ManifestLint.Fuzz/bin/Release/net10.0/ManifestLint.Fuzz.dll
shared_arg=()
if [ -d "$shared" ]; then shared_arg=(--shared "$shared"); fi
status=0
for t in yaml yaml-block template values chart config lint; do
    dotnet "$harness" seeds "$t" "$tmp/$t" --repo "$repo" "${shared_arg[@]}" >/dev/null
    inputs=("$tmp/$t")
    if [ -d "$repo/fuzz/regressions/$t" ]; then inputs+=("$repo/fuzz/regressions/$t"); fi
    dotnet "$harness" replay "$t" "${inputs[@]}" || status=1
done
exit $status
