#!/bin/sh
# Client checks of the exports (issue 5): what we write loads in networkx (GraphML, GML,
# GEXF 1.3 with networkx >= 3, Gephi CSV with Python's csv module) and in python-igraph
# (GraphML, GML), with the same actors and links, names exactly as in the input, and
# types preserved (integers stay int, measures float, booleans bool; in igraph, where
# every number is a double, numbers stay numeric and booleans stay bool).
# Uses whichever python3 on PATH or /usr/bin/python3 has each library; skips (77) when
# neither networkx nor igraph is installed. The tests never require them.
# Usage: clients_formats.sh BIN_DIR
set -eu
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
src=${AG_SOURCE:-$here/../..}
export LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8

. "$here/lib/python.sh"
nx3=$(find_py networkx "int(networkx.__version__.split('.')[0]) >= 3") || nx3=
nx=$nx3
[ -n "$nx" ] || nx=$(find_py networkx) || nx=
ig=$(find_py igraph) || ig=
if [ -z "$nx" ] && [ -z "$ig" ]; then
    echo "skipped: neither networkx nor python-igraph is installed"
    exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/tests/golden/formats/fixtures/tricky.json" "$tmp/tricky.json"
"$bin/ag-extract" -q "$src/examples" | "$bin/ag-analyze" -q >"$tmp/examples.json"
for g in tricky examples; do
    for f in graphml gexf gml; do
        "$bin/ag-render" -f $f -o "$tmp/$g.$f" "$tmp/$g.json"
    done
    "$bin/ag-render" -f csv -o "$tmp/$g-csv/" "$tmp/$g.json"
done

# Expectations come from our own node-link JSON, read with Python's json module.
cat >"$tmp/expect.py" <<'PY'
import json, math, sys

def load(path):
    d = json.load(open(path, encoding="utf-8"))
    nodes = {n["id"]: {k: v for k, v in n.items() if k != "id"} for n in d["nodes"]}
    links = {}
    for l in d["links"]:
        key = (l["source"], l["target"]) if d["directed"] else frozenset((l["source"], l["target"]))
        links[key] = l
    return d, nodes, links

def scalar(v):
    return isinstance(v, (bool, int, float, str))

def joinable(v):
    return isinstance(v, list) and all(isinstance(x, str) and x and "; " not in x for x in v)

def json_columns(records):
    # a column is JSON text when any of its lists cannot be joined with "; " (formats.c)
    cols = set()
    for a in records.values():
        for k, v in a.items():
            if isinstance(v, dict) or (isinstance(v, list) and not joinable(v)):
                cols.add(k)
    return cols

def check_value(want, got, where, numbers_are_float=False, as_json=False):
    if isinstance(want, list):
        if as_json:
            assert json.loads(got) == want, (where, want, got)
        else:
            assert got == "; ".join(want), (where, want, got)
    elif isinstance(want, dict):
        assert json.loads(got) == want, (where, want, got)
    elif isinstance(want, bool):
        assert isinstance(got, bool) and got == want, (where, want, got)
    elif isinstance(want, int):
        if numbers_are_float:
            assert isinstance(got, float) and got == want, (where, want, got)
        else:
            assert isinstance(got, int) and not isinstance(got, bool) and got == want, (where, want, got)
    elif isinstance(want, float):
        assert isinstance(got, float) and (got == want or (math.isnan(got) and math.isnan(want))), (where, want, got)
    else:
        assert got == want, (where, want, got)
PY

status=0
if [ -n "$nx" ]; then
    echo "networkx: $($nx -c 'import networkx; print(networkx.__version__)') ($nx)"
    $nx - "$tmp" "$nx3" <<'PY' || status=1
import csv, os, sys
sys.path.insert(0, sys.argv[1])
from expect import load, check_value, json_columns
import networkx as nx
tmp, have_nx3 = sys.argv[1], bool(sys.argv[2])
VISUAL = {"size", "r", "g", "b", "label"}

def same_columns(nodes, col):
    # a column holding both integers and reals is typed double in GraphML/GEXF
    kinds = {type(a[col]) for a in nodes.values() if col in a and a[col] is not None}
    return float if kinds == {int, float} else None

for name in ("tricky", "examples"):
    d, nodes, links = load(os.path.join(tmp, name + ".json"))
    njson, ejson = json_columns(nodes), json_columns(links)

    # GraphML: ids are n0..; the actor name is the "label" key
    G = nx.read_graphml(os.path.join(tmp, name + ".graphml"))
    assert G.is_directed() == d["directed"]
    names = {v: a["label"] for v, a in G.nodes(data=True)}
    assert sorted(names.values()) == sorted(nodes), "graphml names"
    for v, a in G.nodes(data=True):
        want = nodes[names[v]]
        for k, x in want.items():
            if x is None:
                continue
            if same_columns(nodes, k) is float:
                x = float(x)
            if k not in a and x in ([], ""):
                continue  # networkx 2 drops empty <data> elements
            check_value(x, a[k], ("graphml", names[v], k), as_json=k in njson)
        assert isinstance(a["size"], float) and all(isinstance(a[c], int) for c in "rgb")
    assert G.number_of_edges() == len(links)
    for u, v, a in G.edges(data=True):
        key = (names[u], names[v]) if d["directed"] else frozenset((names[u], names[v]))
        want = links[key]
        for k, x in want.items():
            if k in ("source", "target"):
                continue
            if k == "weight":
                x = float(x)
            check_value(x, a[k], ("graphml edge", k), as_json=k in ejson)

    # GML: nodes by label, numbers as numbers, lists joined, booleans 1/0
    G = nx.read_gml(os.path.join(tmp, name + ".gml"))
    assert sorted(G.nodes) == sorted(nodes), "gml names"
    assert G.number_of_edges() == len(links)
    for v, a in G.nodes(data=True):
        for k, x in nodes[v].items():
            if isinstance(x, (int, float)) and not isinstance(x, bool):
                assert a[k] == x and type(a[k]) in (int, float), ("gml", v, k, x, a[k])

    # GEXF 1.3 needs networkx 3
    if have_nx3:
        G = nx.read_gexf(os.path.join(tmp, name + ".gexf"), version="1.3")
        assert sorted(G.nodes) == sorted(nodes), "gexf names"
        assert G.number_of_edges() == len(links)
        for v, a in G.nodes(data=True):
            for k, x in nodes[v].items():
                if x is None:
                    continue
                if same_columns(nodes, k) is float:
                    x = float(x)
                check_value(x, a[k], ("gexf", v, k), as_json=k in njson)
            viz = a["viz"]
            assert set(viz["color"]) >= {"r", "g", "b"} and isinstance(viz["size"], float)
            if "first_date" in nodes[v] and len(nodes[v]["first_date"]) == 10 and nodes[v]["first_date"][5:7] <= "12":
                assert a["spells"][0][0] == nodes[v]["first_date"], (v, a.get("spells"))
            if "x" in nodes[v] and "y" in nodes[v]:
                assert viz["position"]["x"] == float(nodes[v]["x"])
        for u, v, a in G.edges(data=True):
            for k in ("met", "documents"):
                key = (u, v) if d["directed"] else frozenset((u, v))
                if k in links[key]:
                    check_value(links[key][k], a[k], ("gexf edge", k))

    # Gephi CSV: the same names and links through Python's csv module
    with open(os.path.join(tmp, name + "-csv", "nodes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["Id"] for r in rows) == sorted(nodes), "csv names"
    with open(os.path.join(tmp, name + "-csv", "edges.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(links) and all(r["Type"] in ("Undirected", "Directed") for r in rows)
    for r in rows:
        key = (r["Source"], r["Target"]) if d["directed"] else frozenset((r["Source"], r["Target"]))
        assert float(r["Weight"]) == float(links[key].get("weight", 1.0))
    print(name, "ok in networkx", nx.__version__, "(GEXF checked)" if have_nx3 else "(GEXF needs networkx 3: not checked)")
PY
else
    echo "networkx is not installed: its checks are skipped"
fi

if [ -n "$ig" ]; then
    echo "python-igraph: $($ig -c 'import igraph; print(igraph.__version__)') ($ig)"
    $ig - "$tmp" <<'PY' || status=1
import os, sys, warnings
sys.path.insert(0, sys.argv[1])
from expect import load, check_value, json_columns
import igraph
tmp = sys.argv[1]
for name in ("tricky", "examples"):
    d, nodes, links = load(os.path.join(tmp, name + ".json"))
    njson = json_columns(nodes)
    g = igraph.Graph.Read_GraphML(os.path.join(tmp, name + ".graphml"))
    assert g.is_directed() == d["directed"]
    assert sorted(g.vs["label"]) == sorted(nodes), "igraph graphml names"
    assert g.ecount() == len(links)
    for vx in g.vs:
        want = nodes[vx["label"]]
        for k, x in want.items():
            if x is None:
                continue
            check_value(x, vx[k], ("igraph graphml", vx["label"], k), numbers_are_float=True,
                        as_json=k in njson)
    for e in g.es:
        s, t = g.vs[e.source]["label"], g.vs[e.target]["label"]
        want = links[(s, t) if d["directed"] else frozenset((s, t))]
        assert e["weight"] == float(want.get("weight", 1.0))
        if "met" in want:
            assert isinstance(e["met"], bool) and e["met"] == want["met"]
    # GML: igraph 0.10 keeps &#N; references as they are, so compare ASCII names only
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = igraph.Graph.Read_GML(os.path.join(tmp, name + ".gml"))
    assert g.vcount() == len(nodes) and g.ecount() == len(links)
    ascii_names = {n for n in nodes if n.isascii() and '"' not in n and "&" not in n and "\n" not in n}
    assert ascii_names <= set(g.vs["label"]), "igraph gml names"
    print(name, "ok in python-igraph", igraph.__version__)
PY
else
    echo "python-igraph is not installed: its checks are skipped"
fi
exit $status
