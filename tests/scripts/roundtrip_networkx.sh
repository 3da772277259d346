#!/bin/sh
# Client round trip with networkx (issue 15): networkx writes GraphML, GEXF (1.2draft,
# its default before 3; 1.3 too with networkx 3), GML and node-link JSON; our reader
# must give back the same names, links, weights and typed attributes. Then the other
# way for the writer options meant for networkx, once ag-render offers them:
# --gexf-version 1.2 (networkx 2 reads no GEXF 1.3) and --links-key edges (networkx 3.6's
# node_link_graph default). Runs with every interpreter among python3 on PATH and
# /usr/bin/python3 that has networkx (say networkx 3 in a virtualenv and Debian's 2.8);
# skips (77) when none has.
# Usage: roundtrip_networkx.sh BIN_DIR
set -eu
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ran=0
seen=
for py in python3 /usr/bin/python3; do
    command -v "$py" >/dev/null 2>&1 || continue
    v=$("$py" -c 'import networkx, sys; print(sys.executable, networkx.__version__)' 2>/dev/null) || continue
    case "$seen" in *"|$v|"*) continue ;; esac
    seen="$seen|$v|"
    ran=1
    rm -rf "$tmp"/*
PYTHONPATH=$here "$py" - "$bin" "$tmp" <<'PY'
import json
import networkx as nx
from clients_common import NODES, LINKS, compare, ours, path, has_flag, render

version = tuple(int(x) for x in nx.__version__.split(".")[:2])
print("networkx", nx.__version__)
G = nx.Graph()
for name, attrs in NODES.items():
    G.add_node(name, **attrs)
for (s, t), (w, attrs) in LINKS.items():
    G.add_edge(s, t, weight=w, **attrs)
want = {"directed": False, "nodes": NODES, "links": LINKS}

nx.write_graphml(G, path("nx.graphml"))
compare(want, ours(path("nx.graphml")), "networkx GraphML")

nx.write_gexf(G, path("nx12.gexf"))  # 1.2draft: networkx 2's only GEXF, 3's default
compare(want, ours(path("nx12.gexf")), "networkx GEXF 1.2")
if version >= (3, 0):
    nx.write_gexf(G, path("nx13.gexf"), version="1.3")
    compare(want, ours(path("nx13.gexf")), "networkx GEXF 1.3")

# GML has no booleans: networkx refuses to write them, so they go as 1/0 integers.
H = G.copy()
for _, a in H.nodes(data=True):
    a["met_anyone"] = int(a["met_anyone"])
for _, _, a in H.edges(data=True):
    a["met"] = int(a["met"])
nx.write_gml(H, path("nx.gml"))
gml = {"directed": False,
       "nodes": {n: dict(a, met_anyone=int(a["met_anyone"])) for n, a in NODES.items()},
       "links": {k: (w, dict(a, met=int(a["met"]))) for k, (w, a) in LINKS.items()}}
compare(gml, ours(path("nx.gml")), "networkx GML")

data = nx.node_link_data(G)
json.dump(data, open(path("nx.json"), "w", encoding="utf-8"), ensure_ascii=False)
compare(want, ours(path("nx.json")), "networkx node-link JSON")

# Our writers, read by networkx (the options once ag-render has them).
ours_json = path("ours.json")
json.dump(data, open(ours_json, "w", encoding="utf-8"), ensure_ascii=False)
if has_flag("--gexf-version"):
    render(ours_json, path("ours12.gexf"), "-f", "gexf", "--gexf-version", "1.2")
    back = nx.read_gexf(path("ours12.gexf"))  # version="1.2draft", networkx's default
    assert sorted(back.nodes) == sorted(NODES), sorted(back.nodes)
    for name, attrs in NODES.items():
        for k, v in attrs.items():
            assert type(back.nodes[name][k]) is type(v) and back.nodes[name][k] == v, (name, k)
    for (s, t), (w, attrs) in LINKS.items():
        assert back.edges[s, t]["weight"] == w and back.edges[s, t]["met"] == attrs["met"]
    print("our GEXF 1.2 reads in networkx", nx.__version__)
else:
    print("ag-render has no --gexf-version yet: GEXF 1.2 for networkx not checked")
if has_flag("--links-key"):
    render(ours_json, path("edges.json"), "-f", "json", "--links-key", "edges")
    d = json.load(open(path("edges.json"), encoding="utf-8"))
    assert "edges" in d and "links" not in d
    back = nx.node_link_graph(d, edges="edges") if version >= (3, 4) else None
    if back is not None:
        assert sorted(back.nodes) == sorted(NODES) and back.number_of_edges() == len(LINKS)
    compare(want, ours(path("edges.json")), "our node-link JSON with 'edges'")
else:
    print("ag-render has no --links-key yet: 'edges' not checked")
PY
done
if [ "$ran" = 0 ]; then
    echo "skipped: networkx is not installed"
    exit 77
fi
