"""Conversions between actorgraph graphs and networkx, python-igraph and pandas.

Everything goes through the node-link data the library writes and reads (ag_graph_write
and ag_graph_read_mem with node-link JSON): one C call each way, the library's own
validation on the way in, and JSON's value types map one to one onto Python's (int,
float, bool, str, list, dict, None), so an integer stays an int and a real a float
through every conversion. Only "weight" is special: the library keeps a link's weight
as a double and writes whole weights as integers, as in the tools' JSON.
"""
import json
import numbers

from . import _lib
from ._graph import _json_default, loads

__all__ = ["from_networkx", "from_igraph", "from_frames"]


def _key_order(records, skip):
    """One order of attribute names that keeps every record's own order wherever the
    records agree: a new name goes right after the name it follows in the first record
    that has it (or, first in its record, before the next name already placed). So a
    table with one column per attribute gives each record its keys back in its order."""
    order, seen = [], set()
    for rec in records:
        keys = [k for k in rec if k not in skip]
        for i, k in enumerate(keys):
            if k in seen:
                continue
            if i:
                pos = order.index(keys[i - 1]) + 1
            else:
                pos = next((order.index(q) for q in keys[1:] if q in seen), len(order))
            order.insert(pos, k)
            seen.add(k)
    return order


def _from_data(data, name):
    kinds = {type(n["id"]) for n in data["nodes"]}
    if len(kinds) > 1:  # the library would read them all as text: say so instead
        raise _lib.InvalidError("%s: node ids are all str or all int in node-link JSON, "
                                "not a mixture" % name)
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, default=_json_default)
    except ValueError as e:  # NaN or infinity: node-link JSON has no such numbers
        raise _lib.InvalidError("%s: %s (attribute values must be finite numbers)" % (name, e))
    return loads(text.encode("utf-8"), format="json", name=name)


def _node_id(n):
    if isinstance(n, str):
        return n
    if isinstance(n, numbers.Integral) and not isinstance(n, bool):
        return int(n)
    raise TypeError("node ids must be str or int (node-link JSON), not %s: %r"
                    % (type(n).__name__, n))


def _check_attrs(attrs, reserved, what):
    for r in reserved:
        if r in attrs:
            raise _lib.InvalidError("%s has an attribute named '%s', which node-link JSON "
                                    "reserves" % (what, r))


# ------------------------------------------------------------------ networkx


def to_networkx(d):
    import networkx as nx
    cls = {(False, False): nx.Graph, (True, False): nx.DiGraph,
           (False, True): nx.MultiGraph, (True, True): nx.MultiDiGraph}
    G = cls[(bool(d["directed"]), bool(d["multigraph"]))]()
    G.graph.update(d["graph"])
    G.add_nodes_from((n.pop("id"), n) for n in d["nodes"])
    links = d["links"]
    if G.is_multigraph():
        for link in links:
            s, t, key = link.pop("source"), link.pop("target"), link.pop("key", None)
            key = G.add_edge(s, t, key=key)
            G.edges[s, t, key].update(link)
    else:
        G.add_edges_from((link.pop("source"), link.pop("target"), link) for link in links)
    return G


def from_networkx(G):
    """An actorgraph Graph from a networkx graph (any of the four classes). Node ids must
    be str or int; attribute values anything JSON holds (numpy scalars are converted,
    tuples become lists). A multigraph's edge keys are kept as the link attribute "key"
    unless they are the 0, 1, ... networkx gives parallel edges by itself."""
    multi = G.is_multigraph()
    data = {"directed": G.is_directed(), "multigraph": multi, "graph": dict(G.graph),
            "nodes": [], "links": []}
    for n, attrs in G.nodes(data=True):
        _check_attrs(attrs, ("id",), "node %r" % (n,))
        rec = {"id": _node_id(n)}
        rec.update(attrs)
        data["nodes"].append(rec)
    if multi:
        edges = G.edges(keys=True, data=True)
        counts = {}
    else:
        edges = ((u, v, None, a) for u, v, a in G.edges(data=True))
    for u, v, k, attrs in edges:
        _check_attrs(attrs, ("source", "target"), "link %r-%r" % (u, v))
        rec = {"source": _node_id(u), "target": _node_id(v)}
        if multi:
            pair = (u, v) if G.is_directed() else frozenset((u, v))
            default = counts.get(pair, 0)
            counts[pair] = default + 1
            if k != default:
                rec["key"] = k
        rec.update(attrs)
        data["links"].append(rec)
    return _from_data(data, "<networkx>")


# ------------------------------------------------------------------ python-igraph


def to_igraph(d, id_attr="name"):
    import igraph
    nodes, links = d["nodes"], d["links"]
    index = {n["id"]: i for i, n in enumerate(nodes)}
    G = igraph.Graph(n=len(nodes), edges=[(index[l["source"]], index[l["target"]])
                                          for l in links], directed=bool(d["directed"]))
    for k, v in d["graph"].items():
        G[k] = v
    vkeys = _key_order(nodes, ("id",))
    if id_attr in vkeys:
        raise _lib.InvalidError("a node attribute is named '%s'; pass id_attr= another name"
                                % id_attr)
    G.vs[id_attr] = [n["id"] for n in nodes]
    for k in vkeys:
        G.vs[k] = [n.get(k) for n in nodes]
    for k in _key_order(links, ("source", "target")):
        G.es[k] = [l.get(k) for l in links]
    return G


def from_igraph(G, id_attr="name", multigraph=None):
    """An actorgraph Graph from a python-igraph Graph: ids from the vertex attribute
    id_attr (vertex indices when there is none), attributes that are None left out (that
    is how to_igraph marks an attribute a node or link lacks). multigraph: None keeps
    parallel links when the graph has any."""
    vattrs = [a for a in G.vs.attributes() if a != id_attr]
    ids = G.vs[id_attr] if id_attr in G.vs.attributes() else list(range(G.vcount()))
    ids = [_node_id(i) for i in ids]
    vcols = [(a, G.vs[a]) for a in vattrs]
    nodes = []
    for i, nid in enumerate(ids):
        rec = {"id": nid}
        for a, col in vcols:
            if col[i] is not None:
                rec[a] = col[i]
        nodes.append(rec)
    ecols = [(a, G.es[a]) for a in G.es.attributes()]
    links = []
    for j, (s, t) in enumerate(G.get_edgelist()):
        rec = {"source": ids[s], "target": ids[t]}
        for a, col in ecols:
            if col[j] is not None:
                rec[a] = col[j]
        links.append(rec)
    if multigraph is None:
        multigraph = G.has_multiple()
    data = {"directed": G.is_directed(), "multigraph": bool(multigraph),
            "graph": {a: G[a] for a in G.attributes()}, "nodes": nodes, "links": links}
    return _from_data(data, "<igraph>")


# ------------------------------------------------------------------ pandas


def _column(pd, values, present, force_float=False):
    """A column of attribute values with the dtype that keeps their type: int64 / Int64
    (nullable) for integers, bool / boolean for booleans, float64 (NaN missing) for
    reals, object (pandas.NA missing) for text, lists, objects and mixtures."""
    vals = [v for v, p in zip(values, present) if p]
    missing = len(vals) < len(values)
    if force_float and all(isinstance(v, numbers.Real) and not isinstance(v, bool)
                           for v in vals):
        return pd.array([float(v) if p else float("nan") for v, p in zip(values, present)],
                        dtype="float64")
    if vals and all(isinstance(v, bool) for v in vals):
        return pd.array([v if p else pd.NA for v, p in zip(values, present)],
                        dtype="boolean" if missing else "bool")
    if vals and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return pd.array([v if p else pd.NA for v, p in zip(values, present)],
                        dtype="Int64" if missing else "int64")
    if vals and all(isinstance(v, float) for v in vals):
        return pd.array([v if p else float("nan") for v, p in zip(values, present)],
                        dtype="float64")
    col = pd.array([None] * len(values), dtype="object")
    for i, (v, p) in enumerate(zip(values, present)):
        col[i] = v if p else pd.NA
    return col


def _frame(pd, records, skip, first, float_cols=()):
    cols = {}
    for k in first:
        cols[k] = [r[k] for r in records]
    for k in _key_order(records, skip):
        present = [k in r for r in records]
        cols[k] = _column(pd, [r.get(k) for r in records], present, k in float_cols)
    return cols


def _meta(d):
    return {"directed": bool(d["directed"]), "multigraph": bool(d["multigraph"]),
            "graph": d["graph"]}


def nodes_frame(d):
    import pandas as pd
    nodes = d["nodes"]
    cols = _frame(pd, nodes, ("id",), ())
    df = pd.DataFrame(cols, index=pd.Index([n["id"] for n in nodes], name="id"))
    df.attrs["actorgraph"] = _meta(d)
    return df


def links_frame(d):
    import pandas as pd
    links = d["links"]
    cols = _frame(pd, links, ("source", "target"), ("source", "target"), ("weight",))
    df = pd.DataFrame(cols, columns=list(cols))
    df.attrs["actorgraph"] = _meta(d)
    return df


def _missing(v):
    if v is None or isinstance(v, (list, dict, str)):
        return False
    try:
        import pandas as pd
        if v is pd.NA or v is pd.NaT:
            return True
    except ImportError:
        pass
    return isinstance(v, float) and v != v


def _plain(v):
    if hasattr(v, "item") and not isinstance(v, (list, dict, str)):
        return v.item()  # numpy scalar
    if hasattr(v, "tolist") and not isinstance(v, (list, dict, str)):
        return v.tolist()  # numpy array in an object column
    return v


def _records(df, first):
    """Rows as attribute dicts: missing cells (pandas.NA, NaN, NaT) left out, numpy
    scalars as Python numbers, None kept (JSON null)."""
    cols = [(c, df[c].tolist()) for c in df.columns]
    out = []
    for i in range(len(df)):
        rec = {}
        for c, vals in cols:
            v = vals[i]
            if c in first or not _missing(v):
                rec[str(c)] = _plain(v)
        out.append(rec)
    return out


def from_frames(nodes=None, links=None, *, directed=None, multigraph=None, graph=None):
    """An actorgraph Graph from pandas DataFrames as nodes_frame() and links_frame()
    make them: nodes indexed by id (or with an "id" column), links with source and
    target columns; every other column is an attribute, and a missing cell (NA, NaN)
    means the attribute is absent. directed, multigraph and graph attributes default to
    what the frames' .attrs carry (set by nodes_frame/links_frame), else undirected."""
    meta = {}
    for df in (nodes, links):
        if df is not None and isinstance(getattr(df, "attrs", None), dict):
            meta = df.attrs.get("actorgraph", meta) or meta
            if meta:
                break
    data = {"directed": bool(meta.get("directed", False) if directed is None else directed),
            "multigraph": bool(meta.get("multigraph", False) if multigraph is None
                               else multigraph),
            "graph": dict(meta.get("graph", {}) if graph is None else graph),
            "nodes": [], "links": []}
    known = set()
    if nodes is not None:
        df = nodes
        if "id" not in df.columns:
            if df.index.name not in (None, "id"):
                raise _lib.InvalidError("nodes frame: no 'id' column and the index is named "
                                        "'%s'" % df.index.name)
            df = df.reset_index().rename(columns={df.index.name or "index": "id"})
        for rec in _records(df, ("id",)):
            rec["id"] = _node_id(rec["id"])
            known.add(rec["id"])
            data["nodes"].append(rec)
    if links is not None:
        for c in ("source", "target"):
            if c not in links.columns:
                raise _lib.InvalidError("links frame: no '%s' column" % c)
        for rec in _records(links, ("source", "target")):
            for c in ("source", "target"):
                rec[c] = _node_id(rec[c])
                if rec[c] not in known:  # a link's actor without a row of its own
                    known.add(rec[c])
                    data["nodes"].append({"id": rec[c]})
            data["links"].append(rec)
    return _from_data(data, "<pandas>")
