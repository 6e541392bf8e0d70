#!/usr/bin/env bash
# Builds ManifestLint from the action's own checkout into the runner's temp folder.
set -euo pipefail
out="${RUNNER_TEMP:?}/manifestlint"
if [[ -f "$out/manifestlint.dll" ]]; then
  echo "ManifestLint already built in $out"
  exit 0
fi
dotnet publish "${GITHUB_ACTION_PATH:?}/src/ManifestLint/ManifestLint.csproj" -c Release -o "$out" --nologo -v quiet
echo "Built $(dotnet "$out/manifestlint.dll" --version)"
