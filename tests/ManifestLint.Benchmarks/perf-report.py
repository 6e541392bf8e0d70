#!/usr/bin/env python3
"""Self and inclusive CPU shares by function from a `perf record -g` of the Native AOT build.

perf cannot symbolize the published binary (its symbols are in manifestlint.dbg beside it), so this reads
`perf script`, maps each frame of the manifestlint DSO through `nm` of the .dbg file, and counts.
    python3 perf-report.py out/manifestlint.dbg perf.data [top-self] [top-inclusive]
profile.sh runs the whole thing.
"""
import bisect
import collections
import re
import subprocess
import sys

dbg, data = sys.argv[1], sys.argv[2]
top_self = int(sys.argv[3]) if len(sys.argv) > 3 else 40
top_incl = int(sys.argv[4]) if len(sys.argv) > 4 else 80

symbols = []
for line in subprocess.run(["nm", "-n", "-C", dbg], capture_output=True, text=True).stdout.splitlines():
    parts = line.split(" ", 2)
    if len(parts) == 3 and parts[0] and parts[1] in "tTwW":
        symbols.append((int(parts[0], 16), parts[2]))
addresses = [a for a, _ in symbols]


def name(address):
    i = bisect.bisect_right(addresses, address) - 1
    return symbols[i][1] if i >= 0 else hex(address)


script = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym,dso"], capture_output=True, text=True).stdout
self_count, inclusive, total, frames = collections.Counter(), collections.Counter(), 0, []


def flush():
    global total
    if frames:
        total += 1
        self_count[frames[0]] += 1
        for f in set(frames):
            inclusive[f] += 1


for line in script.splitlines():
    text = line.strip()
    if not text:
        flush()
        frames = []
        continue
    m = re.match(r"([0-9a-f]+)\s+(.*)\((.*)\)$", text)
    if not m:
        continue
    ip, sym, dso = int(m.group(1), 16), m.group(2).strip(), m.group(3)
    # perf prints frames of a DSO as offsets into it, which are the .dbg file's addresses here.
    frames.append(name(ip) if dso.endswith("/manifestlint") else sym.split("+")[0] + " [" + dso.split("/")[-1] + "]")
flush()

print(f"{total} samples")
print("--- self")
for k, v in self_count.most_common(top_self):
    print(f"{100 * v / total:5.1f}% {k[:160]}")
print("--- inclusive")
for k, v in inclusive.most_common(top_incl):
    print(f"{100 * v / total:5.1f}% {k[:160]}")
