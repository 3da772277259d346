#!/bin/sh
# Property test for directed measures: on random digraphs (parallel arcs, self-loops,
# sinks with many in-arcs, weights 1, 2 and 4 whose inverse path lengths are exact in
# binary), ag-analyze's betweenness, unweighted and weighted, equals python-igraph's
# (igraph takes weights as lengths: it gets 1/w). Skips (77) when no python3 has igraph.
# Usage: directed_property.sh BIN_DIR
set -u
bin=$(cd "$1" && pwd) || exit 1
. "$(dirname "$0")/lib/python.sh"
need_py igraph python-igraph
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$py" - "$bin" "$tmp" <<'PY'
import json, random, subprocess, sys
import igraph
bin_dir, tmp = sys.argv[1], sys.argv[2]
rng = random.Random(20261206)
bad = 0
for case in range(40):
    n = rng.randint(2, 30)
    m = rng.randint(1, 4 * n)
    arcs = []
    for _ in range(m):
        a, b = rng.randrange(n), rng.randrange(n)
        if rng.random() < 0.2:
            b = 0  # a sink with many in-arcs: the parent slots that once overflowed
        arcs.append((a, b, rng.choice([1, 2, 4])))
    nodes = ["v%02d" % i for i in range(n)]
    doc = {"directed": True, "multigraph": True, "graph": {},
           "nodes": [{"id": v} for v in nodes],
           "links": [{"source": nodes[a], "target": nodes[b], "weight": w} for a, b, w in arcs]}
    path = "%s/g%d.json" % (tmp, case)
    json.dump(doc, open(path, "w"))
    g = igraph.Graph(n=n, edges=[(a, b) for a, b, _ in arcs], directed=True)
    lengths = [1.0 / w for _, _, w in arcs]
    for weighted in (False, True):
        args = [bin_dir + "/ag-analyze", "--centrality", "betweenness", "--communities", "none"]
        if not weighted:
            args.append("--unweighted")
        out = subprocess.run(args + [path], capture_output=True, text=True)
        if out.returncode != 0:
            print("case %d: ag-analyze failed: %s" % (case, out.stderr.strip()))
            bad += 1
            continue
        ours = {x["id"]: x["betweenness"] for x in json.loads(out.stdout)["nodes"]}
        ref = g.betweenness(directed=True, weights=lengths if weighted else None)
        for i, v in enumerate(nodes):
            if abs(ours[v] - ref[i]) > 1e-9 * max(1.0, abs(ref[i])):
                print("case %d (%s): %s betweenness %r, igraph %r"
                      % (case, "weighted" if weighted else "unweighted", v, ours[v], ref[i]))
                bad += 1
                break
print("directed betweenness: 40 random digraphs, %d mismatches" % bad)
sys.exit(1 if bad else 0)
PY
