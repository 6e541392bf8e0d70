#!/usr/bin/env bash
# Coverage-guided fuzzing of one ManifestLint component with AFL++ and SharpFuzz.
#   fuzz/run.sh TARGET SECONDS
# Installs afl++ (apt, as root) and the SharpFuzz instrumenter (dotnet tool, into artifacts/fuzz/tools) when
# missing, publishes tests/ManifestLint.Fuzz, instruments the product assemblies and YamlDotNet, builds the seed
# corpus, runs afl-fuzz (nice'd) for SECONDS and prints executions, coverage, crashes and hangs.
# Environment: MANIFESTLINT_FUZZ_WORK (default artifacts/fuzz), MANIFESTLINT_SHARED (default ../shared),
# MANIFESTLINT_FUZZ_NO_BUILD=1 (reuse the instrumented build), MANIFESTLINT_FUZZ_RESUME=1 (continue the last
# run's queue instead of starting from the seeds), MANIFESTLINT_FUZZ_TIMEOUT_MS (afl -t, default 5000).
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: fuzz/run.sh TARGET SECONDS   (targets: yaml yaml-block template values chart config lint)" >&2
    exit 2
fi
target=$1
seconds=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${MANIFESTLINT_FUZZ_WORK:-$repo/artifacts/fuzz}
shared=${MANIFESTLINT_SHARED:-$repo/../shared}
timeout_ms=${MANIFESTLINT_FUZZ_TIMEOUT_MS:-5000}
sharpfuzz_version=2.3.0
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$work"

# --- tools -----------------------------------------------------------------------------------------------------
if ! command -v afl-fuzz >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "==> installing afl++ (apt)"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++) >/dev/null
    else
        echo "afl-fuzz not found: install AFL++ (Debian: apt-get install afl++)" >&2
        exit 1
    fi
fi
if [ ! -x "$work/tools/sharpfuzz" ]; then
    echo "==> installing SharpFuzz.CommandLine $sharpfuzz_version"
    dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$work/tools" >/dev/null
fi

# --- build and instrument --------------------------------------------------------------------------------------
bin=$work/bin
if [ "${MANIFESTLINT_FUZZ_NO_BUILD:-0}" != 1 ] || [ ! -f "$bin/.instrumented" ]; then
    echo "==> publishing tests/ManifestLint.Fuzz"
    # A fresh folder: publish skips files that look newer than their source, and an assembly must not be
    # instrumented twice.
    rm -rf "$bin"
    dotnet publish "$repo/tests/ManifestLint.Fuzz/ManifestLint.Fuzz.csproj" -c Release -o "$bin" --nologo -v quiet >/dev/null
    echo "==> instrumenting"
    # Our assemblies and the YAML library; never System.*, Microsoft.*, SharpFuzz or the harness itself.
    for dll in "$bin"/ManifestLint.*.dll "$bin"/manifestlint.dll "$bin"/YamlDotNet.dll; do
        case $(basename "$dll") in
            ManifestLint.Fuzz.dll) continue ;;
        esac
        "$work/tools/sharpfuzz" "$dll" >/dev/null
        echo "    $(basename "$dll")"
    done
    touch "$bin/.instrumented"
fi

# --- seeds -----------------------------------------------------------------------------------------------------
seeds=$work/seeds/$target
rm -rf "$seeds"
shared_arg=()
if [ -d "$shared" ]; then shared_arg=(--shared "$shared"); else echo "note: $shared not found; seeds come from testdata/ only"; fi
dotnet "$bin/ManifestLint.Fuzz.dll" seeds "$target" "$seeds" --repo "$repo" "${shared_arg[@]}"

# --- fuzz ------------------------------------------------------------------------------------------------------
out=$work/out/$target
input=(-i "$seeds")
if [ "${MANIFESTLINT_FUZZ_RESUME:-0}" = 1 ] && [ -f "$out/default/fuzzer_stats" ]; then
    input=(-i -)
else
    rm -rf "$out"
fi
mkdir -p "$out"
dict=()
if [ -f "$repo/fuzz/dict/$target.dict" ]; then dict=(-x "$repo/fuzz/dict/$target.dict"); fi

echo "==> afl-fuzz $target for ${seconds}s (log: $out/afl.log)"
set +e
AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 \
    AFL_NO_AFFINITY=1 AFL_AUTORESUME=1 MANIFESTLINT_FUZZ_SCRATCH=${MANIFESTLINT_FUZZ_SCRATCH:-} \
    nice -n 10 timeout --kill-after=30 $((seconds + 120)) \
    afl-fuzz -V "$seconds" "${input[@]}" -o "$out" -t "$timeout_ms" -m none "${dict[@]}" \
    -- dotnet "$bin/ManifestLint.Fuzz.dll" run "$target" >"$out/afl.log" 2>&1
status=$?
set -e
rm -rf /dev/shm/manifestlint-fuzz-* 2>/dev/null || true

stats=$out/default/fuzzer_stats
if [ ! -f "$stats" ]; then
    echo "afl-fuzz did not start (exit $status); last lines of $out/afl.log:" >&2
    tail -20 "$out/afl.log" >&2
    exit 1
fi
get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
crashes=$(get saved_crashes)
hangs=$(get saved_hangs)
printf '%-9s execs=%s execs/s=%s edges=%s/%s bitmap=%s corpus=%s crashes=%s hangs=%s\n' \
    "$target" "$(get execs_done)" "$(get execs_per_sec)" "$(get edges_found)" "$(get total_edges)" \
    "$(get bitmap_cvg)" "$(get corpus_count)" "$crashes" "$hangs"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$(get execs_done)" "$(get edges_found)" \
    "$(get bitmap_cvg)" "$crashes" "$hangs" >>"$work/runs.tsv"
if [ "${crashes:-0}" != 0 ] || [ "${hangs:-0}" != 0 ]; then
    echo "    findings in $out/default/crashes and $out/default/hangs; triage with:"
    echo "    dotnet $bin/ManifestLint.Fuzz.dll replay $target $out/default/crashes"
fi
