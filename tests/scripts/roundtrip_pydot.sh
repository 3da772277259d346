#!/bin/sh
# Client round trip with pydot (issue 15): pydot writes DOT with quoted names and data
# attributes; our reader (cgraph) must give back the same names, links, weights and
# attribute values. Then the other way once ag-render offers --dot-plain: pydot's parser
# reads our data DOT with every name and link. Skips (77) when pydot is not installed
# (Debian: python3-pydot).
# Usage: roundtrip_pydot.sh BIN_DIR
set -eu
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8
. "$(dirname "$0")/lib/python.sh"
need_py pydot pydot
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PYTHONPATH=$here "$py" - "$bin" "$tmp" <<'PY'
import json
import pydot
from clients_common import NODES, LINKS, compare, ours, path, has_flag, render

print("pydot", pydot.__version__)

def quote(s):
    return '"' + s.replace('"', '\\"') + '"'

def text(v):
    return quote("true" if v is True else "false" if v is False else str(v))

g = pydot.Dot("g", graph_type="graph")
for n, a in NODES.items():
    g.add_node(pydot.Node(quote(n), **{k: text(v) for k, v in a.items()}))
for (s, t), (w, a) in LINKS.items():
    g.add_edge(pydot.Edge(quote(s), quote(t), weight=text(w), **{k: text(v) for k, v in a.items()}))
g.write_raw(path("pydot.dot"))
compare({"directed": False, "nodes": NODES, "links": LINKS}, ours(path("pydot.dot")),
        "pydot DOT")

if has_flag("--dot-plain"):
    src = path("ours.json")
    json.dump({"directed": False, "multigraph": False, "graph": {},
               "nodes": [dict(id=n, **a) for n, a in NODES.items()],
               "links": [dict(source=s, target=t, weight=w, **a)
                         for (s, t), (w, a) in LINKS.items()]},
              open(src, "w", encoding="utf-8"), ensure_ascii=False)
    render(src, path("plain.dot"), "-f", "dot", "--dot-plain")
    (back,) = pydot.graph_from_dot_file(path("plain.dot"), encoding="utf-8")
    def unquote(s):
        return s[1:-1].replace('\\"', '"') if s.startswith('"') else s
    # pydot lists the graph's attribute statement and a stray "\n" among the nodes
    names = {unquote(n.get_name()) for n in back.get_nodes()} - {"graph", "node", "edge", "\\n"}
    assert names == set(NODES), names
    links = {tuple(sorted((unquote(e.get_source()), unquote(e.get_destination()))))
             for e in back.get_edges()}
    assert links == {tuple(sorted(k)) for k in LINKS}, links
    for e in back.get_edges():
        key = (unquote(e.get_source()), unquote(e.get_destination()))
        w = LINKS[key][0] if key in LINKS else LINKS[key[::-1]][0]
        assert float(unquote(e.get("weight"))) == w
    print("our plain DOT reads in pydot: names, links and weights ok")
else:
    print("ag-render has no --dot-plain yet: DOT for pydot not checked")
PY
