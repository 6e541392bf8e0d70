#!/usr/bin/env bash
# Runs the composite action's shell steps the way a GitHub runner would (GITHUB_* and RUNNER_* set),
# on a copy of the example repository, and checks outputs, annotations, SARIF and the failing step.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export GITHUB_ACTION_PATH="$repo" GITHUB_WORKSPACE="$tmp/workspace" RUNNER_TEMP="$tmp/runner"
export GITHUB_OUTPUT="$tmp/output" GITHUB_STEP_SUMMARY="$tmp/summary" GITHUB_ACTIONS=true CI=true
mkdir -p "$GITHUB_WORKSPACE" "$RUNNER_TEMP"
cp -r "$repo/testdata/examples/shop" "$GITHUB_WORKSPACE/deploy"
git -C "$GITHUB_WORKSPACE" init -q

bash "$repo/action/build.sh"
ML_PATH="deploy" ML_CONFIG="" ML_FORMAT=github ML_FAIL_ON=error ML_VALUES="" ML_SARIF_FILE="results/manifestlint.sarif" \
  ML_CATEGORY="manifests" ML_ARGS="--namespace shop" bash "$repo/action/lint.sh" > "$tmp/log"

get() { grep "^$1=" "$GITHUB_OUTPUT" | tail -1 | cut -d= -f2-; }
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
echo "action: build, lint, outputs, annotations, SARIF and fail step OK"
