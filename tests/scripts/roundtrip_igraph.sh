#!/bin/sh
# Client round trip with python-igraph (issue 15): igraph writes GraphML (node ids n0,
# n1, ... and the names in its "name" key) and GML; our reader must give back the
# names as ids, the same links and weights, and every attribute with its declared type
# (igraph declares every number double, so integers come back as reals). Skips (77)
# when python-igraph is not installed.
# Usage: roundtrip_igraph.sh BIN_DIR
set -eu
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8
. "$(dirname "$0")/lib/python.sh"
need_py igraph python-igraph
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PYTHONPATH=$here "$py" - "$bin" "$tmp" <<'PY'
import warnings
import igraph
from clients_common import NODES, LINKS, compare, ours, path

print("python-igraph", igraph.__version__)
names = sorted(NODES)
g = igraph.Graph(n=len(names), directed=False)
g.vs["name"] = names
for k in ("type", "mentions", "pagerank", "met_anyone"):
    g.vs[k] = [NODES[n][k] for n in names]
pairs = list(LINKS)
g.add_edges([(names.index(s), names.index(t)) for s, t in pairs])
g.es["weight"] = [LINKS[p][0] for p in pairs]
g.es["met"] = [LINKS[p][1]["met"] for p in pairs]
g.es["first_date"] = [LINKS[p][1]["first_date"] for p in pairs]

def as_igraph(v):
    # igraph keeps every number as a double; booleans and strings stay
    return float(v) if isinstance(v, int) and not isinstance(v, bool) else v

want = {"directed": False,
        "nodes": {n: {k: as_igraph(v) for k, v in a.items()} for n, a in NODES.items()},
        "links": LINKS}
g.write_graphml(path("ig.graphml"))
text = open(path("ig.graphml"), encoding="utf-8").read()
assert '<node id="n0">' in text and 'attr.name="name"' in text  # the case of issue 15
compare(want, ours(path("ig.graphml")), "python-igraph GraphML (n0.. ids, name key)")

# GML: igraph writes booleans as numbers (with a warning), names in "name", and keys
# with letters and digits only (first_date becomes firstdate, as the GML grammar asks)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    g.write_gml(path("ig.gml"))
def gml_key(k):
    return k.replace("_", "")
def gml_value(v):
    return int(v) if isinstance(v, bool) else as_igraph(v)
gml = {"directed": False,
       "nodes": {n: {gml_key(k): gml_value(v) for k, v in a.items()} for n, a in NODES.items()},
       "links": {p: (w, {gml_key(k): gml_value(v) for k, v in a.items()})
                 for p, (w, a) in LINKS.items()}}
got = ours(path("ig.gml"))
# GML has one number syntax: igraph's integral doubles ("7") read back as integers
for rec in got["nodes"] + got["links"]:
    for k, v in rec.items():
        if isinstance(v, int) and not isinstance(v, bool) and k not in ("metanyone", "met"):
            rec[k] = float(v)
compare(gml, got, "python-igraph GML")
PY
