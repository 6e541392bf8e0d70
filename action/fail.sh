#!/usr/bin/env bash
# Fails the job after the SARIF upload: 1 means findings at or above fail-on, 2 a usage or configuration error.
set -euo pipefail
case "${ML_EXIT_CODE:?}" in
  1) echo "::error title=ManifestLint::findings at or above '${ML_FAIL_ON:-error}' (see the annotations and the code scanning alerts)";;
  2) echo "::error title=ManifestLint::usage or configuration error (see the Lint step)";;
  *) echo "::error title=ManifestLint::manifestlint failed with exit code $ML_EXIT_CODE";;
esac
exit 1
