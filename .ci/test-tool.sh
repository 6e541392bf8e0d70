#!/usr/bin/env bash
# Packs the release tool packages (pointer, Native AOT for this machine, portable fallback), installs ManifestLint into
# a temporary tool path from those packages alone, proves that the installed command is the native executable (an ELF
# binary, no managed assembly or .NET host involved), times `manifestlint --version` and lints testdata/.
# ML_TOOL_PACKAGES=<dir> keeps the packages there (the Action test installs a "released version" from them).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
packages="${ML_TOOL_PACKAGES:-$tmp/nupkg}"
started=$(date +%s)
bash "$repo/.ci/pack-tool.sh" "$packages" >/dev/null
echo "packed in $(( $(date +%s) - started ))s: $(cd "$packages" && ls ./*.nupkg | xargs -n1 basename | tr '\n' ' ')"
cat > "$tmp/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="local" value="$packages" /></packageSources></configuration>
XML
dotnet tool install ManifestLint --tool-path "$tmp/tools" --configfile "$tmp/nuget.config" >/dev/null
version="$("$tmp/tools/manifestlint" --version)"
echo "installed manifestlint $version"

# The command on the PATH and what it runs must be native code: an ELF executable with no manifestlint.dll beside it.
cmd="$(readlink -f "$tmp/tools/manifestlint")"
target="$cmd"
if [[ -d "$tmp/tools/.store" ]]; then
  target="$(find "$tmp/tools/.store" -type f -name manifestlint -perm -u+x | head -1)"
fi
echo "command: $cmd; tool executable: ${target#"$tmp/tools/"}"
for f in "$cmd" "$target"; do
  head -c 4 "$f" | od -An -c | tr -d ' \n' | grep -q '177ELF' || { echo "$f is not an ELF executable" >&2; exit 1; }
done
if find "$tmp/tools" -name 'manifestlint.dll' | grep -q .; then
  echo "the installed tool contains manifestlint.dll: it is the managed build, not the native one" >&2; exit 1
fi
case "$target" in
  */linux-x64/*|*/linux-arm64/*|*/osx-*/*) ;;
  *) echo "the installed tool is not a runtime-specific package: $target" >&2; exit 1 ;;
esac
# The native executable is self-contained: the .NET host (libhostfxr) is never loaded.
if command -v ldd >/dev/null && ldd "$target" | grep -q hostfxr; then
  echo "the installed tool links the .NET host" >&2; exit 1
fi

# Start-up time of the installed command, median of 21 runs (reported, not asserted tightly: the machine is shared).
times=()
for _ in $(seq 21); do
  s=$(date +%s%N); "$tmp/tools/manifestlint" --version >/dev/null; e=$(date +%s%N)
  times+=($(( (e - s) / 1000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 11p)
echo "manifestlint --version through the installed tool: median ${median} us of 21 runs (target: under 20 ms)"
if (( median > 200000 )); then
  echo "--version took over 200 ms: the installed command is not the native build" >&2; exit 1
fi

set +e
"$tmp/tools/manifestlint" lint "$repo/testdata" --format json --fail-on error --output "$tmp/out.json" --quiet
status=$?
set -e
if [[ $status -ne 1 ]]; then
  echo "expected exit code 1 (findings) from the installed tool, got $status" >&2
  exit 1
fi
grep -q '"ruleId": "privileged-container"' "$tmp/out.json" || { echo "installed tool reported no privileged-container finding" >&2; exit 1; }
echo "tool: pack, install (native), start-up time and lint OK"
