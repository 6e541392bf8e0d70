#!/usr/bin/env bash
# Packs the dotnet tool, installs it into a temporary tool path from that package alone, and lints testdata/.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dotnet pack "$repo/src/ManifestLint/ManifestLint.csproj" -c Release -o "$tmp/nupkg" --nologo -v quiet
cat > "$tmp/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="local" value="$tmp/nupkg" /></packageSources></configuration>
XML
dotnet tool install ManifestLint --tool-path "$tmp/tools" --configfile "$tmp/nuget.config" >/dev/null
version="$("$tmp/tools/manifestlint" --version)"
echo "installed manifestlint $version"
set +e
"$tmp/tools/manifestlint" lint "$repo/testdata" --format json --fail-on error --output "$tmp/out.json" --quiet
status=$?
set -e
if [[ $status -ne 1 ]]; then
  echo "expected exit code 1 (findings) from the installed tool, got $status" >&2
  exit 1
fi
grep -q '"ruleId": "privileged-container"' "$tmp/out.json" || { echo "installed tool reported no privileged-container finding" >&2; exit 1; }
echo "tool: pack, install and lint OK"
