#!/usr/bin/env bash
# Measures whole `manifestlint lint` processes, before and after a change, in one sitting:
#   bash tests/ManifestLint.Benchmarks/compare.sh <inputs-dir> <runs> <label>=<command> [<label>=<command> ...]
# e.g. compare.sh /tmp/perf-in 5 native-before=/tmp/perf-before/native/manifestlint "jit-before=dotnet /tmp/perf-before/jit/manifestlint.dll"
# <inputs-dir> holds corpora written by `ManifestLint.Benchmarks corpus` (c1000, c10000, c100000, big).
# For each input and command it runs the lint <runs> times to SARIF and prints one TSV line with the medians of
# wall seconds, user+system CPU seconds and peak resident memory (MiB), and the 1-minute load average
# before the runs (the machine is shared: CPU time and peak memory are robust to load, wall time is not).
set -euo pipefail
inputs=$1; runs=$2; shift 2
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
printf 'input\tbuild\twall_s\tcpu_s\tpeak_mib\tload1\n'
for input in c1000 c10000 c100000 big; do
  [[ -d "$inputs/$input" ]] || continue
  for spec in "$@"; do
    label=${spec%%=*}; cmd=${spec#*=}
    load=$(cut -d' ' -f1 /proc/loadavg)
    : > /tmp/compare.$$
    for _ in $(seq "$runs"); do
      # shellcheck disable=SC2086
      (cd "$inputs" && /usr/bin/time -f '%e %U %S %M' -a -o /tmp/compare.$$ $cmd lint "$input" --format sarif --output "/tmp/compare.$$.sarif" --fail-on none --quiet)
    done
    wall=$(awk '{ print $1 }' /tmp/compare.$$ | median)
    cpu=$(awk '{ print $2 + $3 }' /tmp/compare.$$ | median)
    mem=$(awk '{ print $4 / 1024 }' /tmp/compare.$$ | median)
    printf '%s\t%s\t%.2f\t%.2f\t%.0f\t%s\n' "$input" "$label" "$wall" "$cpu" "$mem" "$load"
  done
done
rm -f /tmp/compare.$$ /tmp/compare.$$.sarif
