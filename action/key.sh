#!/usr/bin/env bash
# Names the cache entry for the built binary: the runner's OS and architecture and a digest of the action's own
# source (what a commit of the action changes), so a new action commit builds once and every later run restores it.
set -euo pipefail
root="${GITHUB_ACTION_PATH:?}"
digest=$(cd "$root" && find src Directory.Build.props Directory.Packages.props -type f \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' -o -name '*.yaml' -o -name '*.txt' \) \
    -not -path '*/bin/*' -not -path '*/obj/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
dir="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:?}}/manifestlint-bin"
echo "key=manifestlint-${RUNNER_OS:-$(uname -s)}-${RUNNER_ARCH:-$(uname -m)}-${digest}" >> "${GITHUB_OUTPUT:?}"
echo "dir=$dir" >> "$GITHUB_OUTPUT"
