#!/bin/sh
# Foundation acceptance: the reference TSV graphs in ../shared/reference/graphs load and
# re-export as node-link JSON with the same nodes, edges and weights; when networkx is
# installed, networkx reads our JSON (node_link_graph) and what networkx writes back reads
# through our tools unchanged (node_link_data -> ag-render -f json -> same graph).
# Usage: reference_roundtrip.sh BIN_DIR
set -eu
bin=$1
graphs=${AG_SHARED:-$(dirname "$0")/../../../shared}/reference/graphs
[ -d "$graphs" ] || { echo "skipped: $graphs is absent"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for tsv in "$graphs"/*.tsv; do
    name=$(basename "$tsv" .tsv)
    "$bin/ag-render" -f json -o "$tmp/$name.json" "$tsv"
    python3 - "$tsv" "$tmp/$name.json" "$tmp/$name.nx.json" <<'PY'
import json, sys
tsv, ours, back = sys.argv[1:4]
want = {}
for i, line in enumerate(open(tsv, encoding="utf-8")):
    f = line.rstrip("\n").split("\t")
    if i == 0 and f[:2] == ["source", "target"]:
        continue
    want[frozenset(f[:2])] = float(f[2])
nodes = {n for e in want for n in e}
d = json.load(open(ours, encoding="utf-8"))
got = {frozenset((l["source"], l["target"])): l["weight"] for l in d["links"]}
assert {n["id"] for n in d["nodes"]} == nodes, "node ids differ"
assert got == want, "links or weights differ"
try:
    import networkx as nx
except ImportError:
    print(tsv, "ok (networkx not installed: client check skipped)")
    sys.exit(0)
# networkx >= 3.4 takes the key name (its default becomes "edges"); 2.x knows only "links".
try:
    g = nx.node_link_graph(d, edges="links")
except TypeError:
    g = nx.node_link_graph(d)
assert g.number_of_nodes() == len(nodes) and g.number_of_edges() == len(want)
assert all(g[u][v]["weight"] == want[frozenset((u, v))] for u, v in g.edges())
try:
    back_data = nx.node_link_data(g, edges="links")
except TypeError:
    back_data = nx.node_link_data(g)
json.dump(back_data, open(back, "w", encoding="utf-8"))
print(tsv, "ok with networkx", nx.__version__)
PY
    if [ -s "$tmp/$name.nx.json" ]; then
        # networkx's own JSON through our reader and writer: the same graph comes out.
        "$bin/ag-render" -f json -o "$tmp/$name.again.json" "$tmp/$name.nx.json"
        python3 - "$tmp/$name.json" "$tmp/$name.again.json" <<'PY'
import json, sys
def canon(path):
    d = json.load(open(path, encoding="utf-8"))
    nodes = sorted(json.dumps(n, sort_keys=True) for n in d["nodes"])
    links = sorted(json.dumps(dict(l, source=min(l["source"], l["target"]),
                                   target=max(l["source"], l["target"])), sort_keys=True)
                   for l in d["links"])
    return d["directed"], d["multigraph"], nodes, links
assert canon(sys.argv[1]) == canon(sys.argv[2]), "networkx round trip changed the graph"
PY
    fi
done
