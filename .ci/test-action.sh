#!/usr/bin/env bash
# Runs the composite action's shell steps the way a GitHub runner would (GITHUB_* and RUNNER_* set, GITHUB_ENV
# carried from step to step), on a copy of the example repository, and checks outputs, annotations, SARIF and the
# failing step. Times a cold run (empty cache: the native build) and a warm one (the folder actions/cache restores),
# and, when ML_TOOL_PACKAGES holds packed tool packages (.ci/test-tool.sh), the `version:` path that installs one.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export GITHUB_ACTION_PATH="$repo" GITHUB_WORKSPACE="$tmp/workspace" RUNNER_TEMP="$tmp/runner"
export GITHUB_OUTPUT="$tmp/output" GITHUB_STEP_SUMMARY="$tmp/summary" GITHUB_ACTIONS=true CI=true
export RUNNER_TOOL_CACHE="$tmp/toolcache" RUNNER_OS=Linux RUNNER_ARCH=X64
mkdir -p "$GITHUB_WORKSPACE" "$RUNNER_TEMP" "$RUNNER_TOOL_CACHE"
cp -r "$repo/testdata/examples/shop" "$GITHUB_WORKSPACE/deploy"
git -C "$GITHUB_WORKSPACE" init -q

get() { grep "^$1=" "$GITHUB_OUTPUT" | tail -1 | cut -d= -f2-; }
# One job: the steps of action.yml in order; each `run:` step sees what earlier ones appended to GITHUB_ENV.
job() {
  : > "$GITHUB_OUTPUT"; export GITHUB_ENV="$tmp/env.$1"; : > "$GITHUB_ENV"
  local started; started=$(date +%s%N)
  if [[ -z "${ML_VERSION:-}" ]]; then
    bash "$repo/action/key.sh"
    ML_BIN_DIR="$(get dir)" bash "$repo/action/build.sh"
  else
    ML_BIN_DIR="" bash "$repo/action/build.sh"
  fi
  set -a; source "$GITHUB_ENV"; set +a
  ML_PATH="deploy" ML_CONFIG="" ML_FORMAT=github ML_FAIL_ON=error ML_VALUES="" ML_SARIF_FILE="results/manifestlint.sarif" \
    ML_CATEGORY="manifests" ML_ARGS="--namespace shop" bash "$repo/action/lint.sh" > "$tmp/log"
  echo "$1 run: $(( ($(date +%s%N) - started) / 1000000 )) ms (build or install step and lint step)"
}

job cold
key="$(get key)"
[[ "$key" == manifestlint-Linux-X64-* ]] || { echo "unexpected cache key: $key" >&2; exit 1; }
file "$MANIFESTLINT_BIN" 2>/dev/null | grep -q ELF || head -c 4 "$MANIFESTLINT_BIN" | grep -q ELF || { echo "the cold run did not build a native binary" >&2; exit 1; }
# actions/cache saves the folder after the job and restores it before the next one under the same key.
job warm 2>&1 | tee "$tmp/warm.log"
grep -q "cached build" "$tmp/warm.log" || { echo "the warm run did not use the cached binary" >&2; exit 1; }
[[ "$(get key)" == "$key" ]] || { echo "the cache key changed between two runs of one action commit" >&2; exit 1; }

sarif="$(get sarif-file)"; findings="$(get findings)"; code="$(get exit-code)"
echo "outputs: sarif-file=$sarif findings=$findings exit-code=$code"
[[ "$sarif" == "results/manifestlint.sarif" && -s "$GITHUB_WORKSPACE/$sarif" ]] || { echo "no SARIF written" >&2; exit 1; }
[[ "$code" == "1" ]] || { echo "expected exit-code 1 for the example's errors, got $code" >&2; exit 1; }
[[ "$findings" -gt 0 ]] || { echo "expected findings > 0" >&2; exit 1; }
grep -q '^::error file=deploy/' "$tmp/log" || { echo "no ::error annotations with workspace-relative paths" >&2; cat "$tmp/log"; exit 1; }
grep -q '"id": "manifests/"' "$GITHUB_WORKSPACE/$sarif" || { echo "SARIF lacks the category" >&2; exit 1; }
grep -q "ManifestLint" "$GITHUB_STEP_SUMMARY" || { echo "no job summary" >&2; exit 1; }
if [[ -x "$repo/../shared/tools/sarif-validate" ]]; then
  "$repo/../shared/tools/sarif-validate" "$GITHUB_WORKSPACE/$sarif"
else
  echo "skipped sarif-validate: ../shared/tools/sarif-validate missing"
fi
if ML_EXIT_CODE="$code" ML_FAIL_ON=error bash "$repo/action/fail.sh" > "$tmp/fail.log"; then
  echo "the fail step should fail the job" >&2; exit 1
fi
grep -q '^::error title=ManifestLint::findings' "$tmp/fail.log"

# version: installs the released tool package instead of building (here from the packages .ci/test-tool.sh packed).
if [[ -n "${ML_TOOL_PACKAGES:-}" && -d "$ML_TOOL_PACKAGES" ]]; then
  cat > "$tmp/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="local" value="$ML_TOOL_PACKAGES" /></packageSources></configuration>
XML
  version="$(ls "$ML_TOOL_PACKAGES" | sed -n 's/^ManifestLint\.\([0-9][^a-z]*\)\.nupkg$/\1/p' | head -1)"
  ML_VERSION="$version" ML_NUGET_CONFIG="$tmp/nuget.config" job "version-$version" 2>&1 | tee "$tmp/version.log"
  grep -q "installed tool package $version" "$tmp/version.log" || { echo "version: did not install the tool package" >&2; exit 1; }
  [[ "$(get exit-code)" == "1" ]] || { echo "version: the installed tool gave exit code $(get exit-code)" >&2; exit 1; }
else
  echo "skipped the version: input: ML_TOOL_PACKAGES (packages from .ci/test-tool.sh) not set"
fi
echo "action: cold build, warm cache, version install, lint, outputs, annotations, SARIF and fail step OK"
