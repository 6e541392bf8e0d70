#!/usr/bin/env bash
# Uses the real pre-commit with this repository's hook: a commit with a privileged container is
# refused, the fixed commit goes through. The hook is built from the committed HEAD of this repository.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v pre-commit >/dev/null; then
  echo "pre-commit is not installed" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/cache"
sha="$(git -C "$repo" rev-parse HEAD)"
cd "$tmp" && mkdir project && cd project
git init -q && git config user.email ci@example.com && git config user.name CI
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $sha
    hooks:
      - id: manifestlint
YAML
mkdir -p deploy
cat > deploy/service.yaml <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
YAML
write_pod() {
cat > deploy/pod.yaml <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  automountServiceAccountToken: false
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        privileged: $1
YAML
}
git add .pre-commit-config.yaml deploy/service.yaml
git commit -q -m "service" --no-verify
pre-commit install >/dev/null
write_pod true
git add deploy/pod.yaml
if git commit -q -m "privileged pod" > "$tmp/first.log" 2>&1; then
  cat "$tmp/first.log"; echo "the commit with a privileged container was accepted" >&2; exit 1
fi
grep -q "privileged-container" "$tmp/first.log" || { cat "$tmp/first.log"; echo "hook output does not name privileged-container" >&2; exit 1; }
write_pod false
git add deploy/pod.yaml
if ! git commit -q -m "unprivileged pod" > "$tmp/second.log" 2>&1; then
  cat "$tmp/second.log"; echo "the fixed commit was refused" >&2; exit 1
fi
pre-commit try-repo "$repo" manifestlint --files deploy/pod.yaml > "$tmp/try.log" 2>&1 || { cat "$tmp/try.log"; exit 1; }
echo "pre-commit: failing commit refused, fixed commit accepted, try-repo OK"
