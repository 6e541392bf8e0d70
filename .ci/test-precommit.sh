#!/usr/bin/env bash
# Uses the real pre-commit with this repository's hook: a commit with a privileged container is
# refused, the fixed commit goes through. The hook is built from the committed HEAD of this repository, on a PATH
# without any native toolchain (no clang, gcc or cc, as on a machine with only the .NET SDK), and the tool it
# installs is checked to be the ReadyToRun-compiled package.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v pre-commit >/dev/null; then
  echo "pre-commit is not installed" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/cache"

# A PATH of links to every command on the real PATH except C/C++ compilers and linker drivers.
mkdir "$tmp/path"
IFS=: read -r -a dirs <<< "$PATH"
for d in "${dirs[@]}"; do
  [[ -d "$d" ]] || continue
  for f in "$d"/*; do
    name="${f##*/}"
    case "$name" in clang*|gcc*|g++*|cc|c++|c89*|c99*|*-gcc|*-gcc-*|*-g++|*-g++-*|lld*|ld.lld) continue ;; esac
    [[ -x "$f" && ! -d "$f" && ! -e "$tmp/path/$name" ]] && ln -s "$f" "$tmp/path/$name"
  done
done
export PATH="$tmp/path"
if command -v clang >/dev/null || command -v gcc >/dev/null || command -v cc >/dev/null; then
  echo "a C toolchain is still on the PATH" >&2; exit 1
fi
echo "PATH has no clang, gcc or cc"
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

# The hook's tool is the framework-dependent package for this machine, its assemblies compiled ReadyToRun.
dll="$(find "$PRE_COMMIT_HOME" -path '*dotnetenv*' -name manifestlint.dll | head -1)"
[[ -n "$dll" ]] || { echo "the hook's tool has no manifestlint.dll" >&2; exit 1; }
python3 - "$dll" "$(dirname "$dll")/ManifestLint.Core.dll" <<'PY'
import struct, sys
# A ReadyToRun image has a ManagedNativeHeader in its CLI header (ECMA-335 II.25.3.3, offset 64) pointing at "RTR".
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    magic = struct.unpack_from("<H", data, pe + 24)[0]
    dirs = pe + 24 + (96 if magic == 0x10B else 112)
    cli_rva = struct.unpack_from("<I", data, dirs + 14 * 8)[0]
    sections = pe + 24 + struct.unpack_from("<H", data, pe + 20)[0]
    def offset(rva):
        for i in range(struct.unpack_from("<H", data, pe + 6)[0]):
            vsize, va, rsize, raw = struct.unpack_from("<IIII", data, sections + i * 40 + 8)
            if va <= rva < va + max(vsize, rsize):
                return raw + rva - va
        raise SystemExit(f"{path}: RVA {rva:#x} outside every section")
    native_rva = struct.unpack_from("<I", data, offset(cli_rva) + 64)[0]
    if native_rva == 0 or data[offset(native_rva):offset(native_rva) + 4] != b"RTR\0":
        raise SystemExit(f"{path} is not a ReadyToRun image")
    print(f"ReadyToRun: {path.split('/')[-1]}")
PY
echo "pre-commit (no C toolchain): failing commit refused, fixed commit accepted, try-repo OK, ReadyToRun tool"
