#!/usr/bin/env bash
# Measures `manifestlint lint` over a generated GitOps repository: 10 bases (Deployment, Service, ServiceAccount,
# ConfigMap generator, HPA) and 5 overlays over each (50 roots: namespace, prefix, labels, images, replicas, a
# strategic merge patch, a JSON patch and a ConfigMap merge), all built and linted in one graph.
# Usage: kustomize-bench.sh [manifestlint command...]   default: the JIT build (dotnet src/ManifestLint/bin/Release/net10.0/manifestlint.dll);
# pass the native binary (e.g. src/ManifestLint/bin/Release/net10.0/linux-x64/publish/manifestlint) to time it.
# Prints the median wall time of 5 runs. Not part of CI (timings on a shared CI machine prove nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -gt 0 ]]; then cmd=("$@"); else cmd=(dotnet src/ManifestLint/bin/Release/net10.0/manifestlint.dll); fi
repo="$(mktemp -d)"
trap 'rm -rf "$repo"' EXIT
git -C "$repo" init -q
for b in $(seq 1 10); do
    base="$repo/apps/app$b/base"
    mkdir -p "$base"
    cat >"$base/kustomization.yaml" <<YAML
resources: [deployment.yaml, service.yaml, serviceaccount.yaml, hpa.yaml]
labels:
  - pairs: {app.kubernetes.io/name: app$b}
    includeSelectors: true
configMapGenerator:
  - name: app$b-config
    literals: [LOG_LEVEL=info, PORT=8080]
YAML
    cat >"$base/deployment.yaml" <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app$b
spec:
  replicas: 2
  selector:
    matchLabels: {component: app$b}
  template:
    metadata:
      labels: {component: app$b}
    spec:
      serviceAccountName: app$b
      containers:
        - name: app
          image: registry.example.com/app$b:1.0.0
          ports: [{name: http, containerPort: 8080}]
          envFrom: [{configMapRef: {name: app$b-config}}]
          readinessProbe: {httpGet: {path: /ready, port: http}}
          livenessProbe: {httpGet: {path: /live, port: http}}
          securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true, readOnlyRootFilesystem: true}
YAML
    cat >"$base/service.yaml" <<YAML
apiVersion: v1
kind: Service
metadata: {name: app$b}
spec:
  selector: {component: app$b}
  ports: [{name: http, port: 80, targetPort: http}]
YAML
    printf 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app%s}\n' "$b" >"$base/serviceaccount.yaml"
    cat >"$base/hpa.yaml" <<YAML
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: app$b}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: app$b}
  minReplicas: 2
  maxReplicas: 6
YAML
    for env in dev test staging prod dr; do
        ov="$repo/apps/app$b/overlays/$env"
        mkdir -p "$ov"
        cat >"$ov/kustomization.yaml" <<YAML
namespace: app$b-$env
namePrefix: $env-
commonLabels: {environment: $env}
resources: [../../base]
images:
  - {name: registry.example.com/app$b, newTag: 1.1.0-$env}
replicas:
  - {name: app$b, count: 3}
configMapGenerator:
  - {name: app$b-config, behavior: merge, literals: [ENVIRONMENT=$env]}
patches:
  - path: resources.yaml
  - target: {kind: Deployment}
    patch: |-
      - {op: add, path: /spec/template/spec/containers/0/args, value: [--env=$env]}
YAML
        cat >"$ov/resources.yaml" <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: app$b}
spec:
  template:
    spec:
      containers:
        - name: app
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
YAML
    done
done
"${cmd[@]}" lint "$repo" --format json --fail-on none >"$repo/out.json"
python3 - "$repo/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["summary"]
print(f"resources {s['resources']}, findings {len(d['findings'])}, kustomize-build {sum(f['ruleId']=='kustomize-build' for f in d['findings'])}")
PY
times=()
for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    "${cmd[@]}" lint "$repo" --format json --fail-on none >/dev/null
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "50 overlays over 10 bases: median ${sorted[2]} ms (runs: ${times[*]} ms) with: ${cmd[*]}"
