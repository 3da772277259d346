#!/bin/sh
# agnews-top.sh - extract each AG News desk in ../shared/corpus/agnews (world, sports,
# business, scitech; 1,900 unlabelled snippets each) and list the most-mentioned actors,
# for judging the graph by hand the way a newspaper reader would (see the corpus README:
# there is no gold).
#
# Usage: bench/agnews-top.sh [BINDIR] [N]   (BINDIR holds ag-extract; default build/bin;
# N top nodes per desk, default 40)
# Skips (exit 77) when ../shared/corpus/agnews (AG_SHARED overrides ../shared) or python3
# is absent. For each desk prints "== desk", a line "nodes <n> links <n> met <n>", then the
# top N nodes by mentions (ties by id) as "mentions<TAB>type<TAB>id<TAB>alias|alias...".
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bindir=${1:-$here/../build/bin}
top=${2:-40}
shared=${AG_SHARED:-$here/../../shared}
corpus=$shared/corpus/agnews
if [ ! -d "$corpus" ]; then
    echo "agnews-top: $corpus not found; skipped" >&2
    exit 77
fi
command -v python3 >/dev/null 2>&1 || { echo "agnews-top: python3 not found; skipped" >&2; exit 77; }
[ -x "$bindir/ag-extract" ] || { echo "agnews-top: $bindir/ag-extract not built" >&2; exit 1; }
case $top in
    '' | *[!0-9]*) echo "agnews-top: N must be a number, not '$top'" >&2; exit 2 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
for desk in world sports business scitech; do
    if [ ! -f "$corpus/$desk.jsonl" ]; then
        echo "agnews-top: $corpus/$desk.jsonl missing" >&2
        exit 1
    fi
    "$bindir/ag-extract" -q -j 2 -o "$tmp/$desk.json" "$corpus/$desk.jsonl"
    echo "== $desk"
    python3 - "$tmp/$desk.json" "$top" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    g = json.load(f)
nodes, links = g.get("nodes", []), g.get("links", [])
print("nodes %d links %d met %d" % (len(nodes), len(links), sum(1 for l in links if l.get("met"))))
for n in sorted(nodes, key=lambda n: (-n["mentions"], n["id"]))[:int(sys.argv[2])]:
    print("%d\t%s\t%s\t%s" % (n["mentions"], n["type"], n["id"], "|".join(n.get("aliases") or [])))
PY
done
