#!/usr/bin/env bash
# Makes `manifestlint` available to the next steps (MANIFESTLINT_BIN in GITHUB_ENV), in this order:
#   1. ML_VERSION set: installs that released version of the dotnet tool (the native package for the runner where
#      one is published, else the portable one) - no build;
#   2. the native binary restored by actions/cache into ML_BIN_DIR (keyed on the action's source and the runner);
#   3. else builds it from the action's own checkout into ML_BIN_DIR: Native AOT, or, where the runner cannot
#      link native code, the portable ReadyToRun build; actions/cache saves the folder after the job.
set -euo pipefail
dir="${ML_BIN_DIR:-${RUNNER_TEMP:?}/manifestlint-bin}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
use() {
  echo "MANIFESTLINT_BIN=$1" >> "${GITHUB_ENV:?}"
  echo "ManifestLint $("$1" --version) ($2)"
}

if [[ -n "${ML_VERSION:-}" ]]; then
  tools="${RUNNER_TEMP:?}/manifestlint-tool-${ML_VERSION}"
  args=(tool install ManifestLint --version "$ML_VERSION" --tool-path "$tools")
  [[ -n "${ML_NUGET_CONFIG:-}" ]] && args+=(--configfile "$ML_NUGET_CONFIG")
  [[ -x "$tools/manifestlint" ]] || dotnet "${args[@]}" >/dev/null
  use "$tools/manifestlint" "installed tool package $ML_VERSION"
  exit 0
fi

exe=manifestlint
[[ "${RUNNER_OS:-}" == "Windows" ]] && exe=manifestlint.exe
if [[ -x "$dir/$exe" ]]; then
  use "$dir/$exe" "cached build"
  exit 0
fi

project="${GITHUB_ACTION_PATH:?}/src/ManifestLint/ManifestLint.csproj"
rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
mkdir -p "$dir"
if dotnet publish "$project" -c Release -r "$rid" -p:PublishAot=true -o "$dir.tmp" --nologo -v quiet >"$dir.log" 2>&1; then
  how="built natively for $rid"
else
  tail -20 "$dir.log" >&2
  echo "::warning title=ManifestLint::Native AOT build failed on this runner; using the portable ReadyToRun build"
  rm -rf "$dir.tmp"
  dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$dir.tmp" --nologo -v quiet
  how="built ReadyToRun for $rid"
fi
# Only the executable (and, for the portable build, its assemblies) goes into the cache: no debug symbols.
find "$dir.tmp" \( -name '*.dbg' -o -name '*.pdb' -o -name '*.dSYM' \) -prune -exec rm -rf {} +
rm -rf "$dir" && mv "$dir.tmp" "$dir"
use "$dir/$exe" "$how"
