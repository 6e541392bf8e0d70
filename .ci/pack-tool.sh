#!/usr/bin/env bash
# Packs the release tool packages into a folder: the pointer package `ManifestLint`, the Native AOT package for this
# machine's runtime and the framework-dependent fallback `ManifestLint.any`.
#   bash .ci/pack-tool.sh <out-dir> [rid...]
# Native AOT cannot cross OSes: linux-arm64, osx-arm64, osx-x64 and win-x64 are packed by running this script on a
# runner of that OS and architecture (clang/Xcode/MSVC present), each adding its package to the same feed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$1"; shift
project="$repo/src/ManifestLint/ManifestLint.csproj"
rids=("$@")
if [[ ${#rids[@]} -eq 0 ]]; then
  rids=("$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')")
fi
mkdir -p "$out"
dotnet pack "$project" -c Release -p:ToolPackages=native -o "$out" --nologo -v quiet
for rid in "${rids[@]}" any; do
  dotnet pack "$project" -c Release -p:ToolPackages=native -r "$rid" -o "$out" --nologo -v quiet
done
ls -l "$out"
