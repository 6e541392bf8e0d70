#!/usr/bin/env bash
# Differential test against real Helm: installs the reference helm (.ci/install-helm.sh), then renders every chart of
# ../shared/charts-corpus (and testdata/'s charts), with default values and with each ci/*.yaml values file, with both
# `helm template` and `manifestlint render`, and compares them document by document (tests/ManifestLint.HelmDiff).
# Usage: .ci/helm-diff.sh [3|4] [extra ManifestLint.HelmDiff arguments...]
#   3 (default): Helm v3.17.2 against `manifestlint render`;
#   4: Helm v4.1.4 against `manifestlint render --helm-version 4` (set HELM_DIFF_ML_ARGS to override the extra render flags).
# Exits non-zero when a case differs and is not listed in tests/ManifestLint.HelmDiff/known-differences.txt.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
major="${1:-3}"
[[ $# -gt 0 ]] && shift

if [[ ! -d ../shared/charts-corpus ]]; then
    echo "helm-diff: skipped: ../shared/charts-corpus not found (the chart corpus beside the repository)"
    exit 0
fi

case "$major" in
    3) helm="$(bash .ci/install-helm.sh 3)"; ml_args="${HELM_DIFF_ML_ARGS-}" ;;
    4) helm="$(bash .ci/install-helm.sh 4)"; ml_args="${HELM_DIFF_ML_ARGS---helm-version=4}" ;;
    *) echo "usage: helm-diff.sh [3|4] [ManifestLint.HelmDiff arguments]" >&2; exit 2 ;;
esac

extra=()
for a in $ml_args; do extra+=(--ml-arg "$a"); done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
tool="tests/ManifestLint.HelmDiff/bin/Release/net10.0/ManifestLint.HelmDiff"
# CI has just built the solution; elsewhere an incremental build keeps the tool in step with the sources.
if [[ "${CI:-}" != true || ! -x "$tool" ]]; then
    dotnet build tests/ManifestLint.HelmDiff/ManifestLint.HelmDiff.csproj -c Release --nologo -v quiet
fi
"$tool" --self-test
started=$(date +%s)
status=0
"$tool" --helm "$helm" --corpus ../shared/charts-corpus "${extra[@]}" "$@" || status=$?
echo "helm-diff: Helm $major comparison took $(( $(date +%s) - started ))s (exit $status)"
exit "$status"
