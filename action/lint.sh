#!/usr/bin/env bash
# Runs ManifestLint twice over the same input: once to SARIF (for upload), once in the log format
# (annotations by default). Records the outcome as step outputs; never fails the step itself on
# findings, so the SARIF upload runs first. Inputs arrive as environment variables, never spliced
# into the script, so they cannot inject shell code.
set -uo pipefail
tool=("${MANIFESTLINT_BIN:?set by action/build.sh}")
cd "${GITHUB_WORKSPACE:?}"

args=(lint)
read -r -a paths <<< "$(echo "${ML_PATH:-.}" | tr '\n' ' ')"
args+=("${paths[@]}")
[[ -n "${ML_CONFIG:-}" ]] && args+=(--config "$ML_CONFIG")
if [[ -n "${ML_VALUES:-}" ]]; then
  read -r -a values <<< "$(echo "$ML_VALUES" | tr '\n' ' ')"
  for v in "${values[@]}"; do args+=(--values "$v"); done
fi
if [[ -n "${ML_ARGS:-}" ]]; then
  read -r -a extra <<< "$ML_ARGS"
  args+=("${extra[@]}")
fi

sarif="${ML_SARIF_FILE:-manifestlint.sarif}"
mkdir -p "$(dirname "$sarif")"
"${tool[@]}" "${args[@]}" --format sarif --output "$sarif" --fail-on none --sarif-category "${ML_CATEGORY:-manifestlint}" --quiet
status=$?
if [[ $status -ne 0 ]]; then
  echo "::error title=ManifestLint::manifestlint could not run (exit code $status); see the log above"
  echo "exit-code=$status" >> "$GITHUB_OUTPUT"
  exit 0
fi
echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"

log="$(mktemp)"
"${tool[@]}" "${args[@]}" --format "${ML_FORMAT:-github}" --fail-on "${ML_FAIL_ON:-error}" --no-color > "$log"
status=$?
cat "$log"
# Count unsuppressed findings from a machine-readable run of the same input.
findings=$("${tool[@]}" "${args[@]}" --format json --fail-on none --quiet | grep -c '"suppressed": null' || true)
echo "findings=$findings" >> "$GITHUB_OUTPUT"
echo "exit-code=$status" >> "$GITHUB_OUTPUT"
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  {
    echo "### ManifestLint"
    echo ""
    echo "$findings unsuppressed finding(s); SARIF written to \`$sarif\` (category \`${ML_CATEGORY:-manifestlint}\`)."
  } >> "$GITHUB_STEP_SUMMARY"
fi
exit 0
