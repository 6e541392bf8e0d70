#!/usr/bin/env bash
# Lints every chart of ../shared/charts-corpus (default values, one run) and compares the schema findings
# (schema-*, api-*, crd-schema-violation) per chart with .ci/schema-corpus-expected.txt, where each one
# is a true problem of that chart, inspected. A new finding is a false positive to fix or a problem to record.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/charts-corpus
if [ ! -d "$corpus" ]; then
    echo "skipped: $corpus not found (../shared is not beside this clone)"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dotnet run --project src/ManifestLint -c Release --no-build -- \
    lint "$corpus" --format json --output "$tmp/corpus.json" --fail-on none --quiet
python3 - "$tmp/corpus.json" > "$tmp/actual.txt" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
rules = ("schema-", "api-", "crd-schema-violation")
for f in sorted(report["findings"], key=lambda f: (f["path"], f["startLine"], f["ruleId"])):
    if f["ruleId"].startswith(rules):
        print(f'{f["path"].split("charts-corpus/")[-1]}:{f["startLine"]} {f["ruleId"]}')
print(f'# {report["summary"]["charts"]} charts, {report["summary"]["resources"]} resources', file=sys.stderr)
PY
grep -v '^#' .ci/schema-corpus-expected.txt | sed '/^$/d' > "$tmp/expected.txt"
if diff -u "$tmp/expected.txt" "$tmp/actual.txt"; then
    echo "schema findings over the chart corpus: $(wc -l < "$tmp/actual.txt"), all expected"
else
    echo "schema findings over the chart corpus differ from .ci/schema-corpus-expected.txt (see the diff above)"
    exit 1
fi
