"""Every conversion round-trips, and attribute types survive it."""
import json
import pickle

import pytest

from conftest import corpora

nx = pytest.importorskip("networkx")


@pytest.fixture(scope="module", params=corpora())
def analysed(request, ag):
    """Extracted and analysed graphs: str, int, real, bool, list and object attributes."""
    return ag.extract(request.param).analyze()


def _typed(x):
    """x with the type of every value made visible (1 and 1.0 and True differ)."""
    if isinstance(x, dict):
        return {k: _typed(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_typed(v) for v in x]
    return (type(x).__name__, x)


def test_networkx_round_trip(ag, analysed):
    G = analysed.to_networkx()
    assert type(G) is nx.Graph
    assert ag.from_networkx(G).to_bytes() == analysed.to_bytes()


def test_networkx_agrees_with_node_link_graph(analysed):
    """to_networkx() is what networkx's own reader makes of the tools' JSON."""
    ref = nx.node_link_graph(json.loads(analysed.to_bytes()))
    G = analysed.to_networkx()
    assert _typed(dict(G.nodes(data=True))) == _typed(dict(ref.nodes(data=True)))
    assert _typed([(u, v, d) for u, v, d in G.edges(data=True)]) == \
        _typed([(u, v, d) for u, v, d in ref.edges(data=True)])
    assert _typed(G.graph) == _typed(ref.graph)


def test_igraph_round_trip(ag, analysed):
    ig = pytest.importorskip("igraph")
    G = analysed.to_igraph()
    assert isinstance(G, ig.Graph) and G.vcount() == analysed.number_of_nodes()
    v = G.vs[0]
    assert isinstance(v["mentions"], int) and isinstance(v["pagerank"], float)
    assert ag.from_igraph(G).to_bytes() == analysed.to_bytes()


def test_frames_round_trip(ag, analysed):
    pytest.importorskip("pandas")
    nodes, links = analysed.nodes_frame(), analysed.links_frame()
    assert nodes.index.name == "id" and list(links.columns[:3]) == ["source", "target",
                                                                    "weight"]
    assert str(nodes["mentions"].dtype) == "int64"
    assert str(nodes["pagerank"].dtype) == "float64"
    assert str(links["met"].dtype) == "bool"
    assert isinstance(nodes["aliases"].iloc[0], list)
    assert ag.from_frames(nodes, links).to_bytes() == analysed.to_bytes()


def test_pickle(ag, analysed):
    g = pickle.loads(pickle.dumps(analysed))
    assert g.to_bytes() == analysed.to_bytes()


ATTRS = {"i": 3, "neg": -2**62, "r": 2.5, "whole_real": 4.0, "b": True, "f": False,
         "s": "Åsa \u201cquoted\u201d \U0001F600", "empty": "", "l": [1, "two", 3.0, None],
         "o": {"k": [True, {"deep": 1}]}, "null": None}


def _rich(cls, ids, attrs=ATTRS):
    G = cls(name="rich", year=2024, ratio=0.5, flags=[1, 2])
    a, b, c = ids
    G.add_node(a, **attrs)
    G.add_node(b, type="person", mentions=1)
    G.add_node(c)
    G.add_edge(a, b, weight=2.5, met=True, evidence=[{"doc": "d", "offset": 0, "text": "t"}])
    G.add_edge(b, c, count=7)
    if G.is_multigraph():
        G.add_edge(a, b, weight=1.5, note="second")
        G.add_edge(b, c, key="named", real=1.0)
    return G


def _data(G):
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)
    return _typed([G.graph, list(G.nodes(data=True)), sorted(edges, key=repr),
                   G.is_directed(), G.is_multigraph()])


@pytest.mark.parametrize("cls", [nx.Graph, nx.DiGraph, nx.MultiGraph, nx.MultiDiGraph])
@pytest.mark.parametrize("ids", [("a", "b", "c"), (10, 2, 30)], ids=["str", "int"])
def test_networkx_types_survive(ag, cls, ids):
    G = _rich(cls, ids)
    g = ag.from_networkx(G)
    assert g.directed == G.is_directed() and g.multigraph == G.is_multigraph()
    assert _data(g.to_networkx()) == _data(G)
    # ...and through the other conversions and back
    assert _data(ag.from_networkx(g.to_networkx()).to_networkx()) == _data(G)
    # python-igraph marks an attribute a vertex lacks with None, so a null attribute is
    # absent after that trip; every other value keeps its type.
    pytest.importorskip("igraph")
    G = _rich(cls, ids, {k: v for k, v in ATTRS.items() if v is not None})
    g = ag.from_networkx(G)
    assert _data(ag.from_igraph(g.to_igraph(), multigraph=G.is_multigraph())
                 .to_networkx()) == _data(G)


def test_igraph_and_frames_keep_types(ag):
    G = _rich(nx.Graph, ("a", "b", "c"))
    g = ag.from_networkx(G)
    want = _typed({k: v for k, v in ATTRS.items() if v is not None})
    ig = pytest.importorskip("igraph")
    back = ag.from_igraph(g.to_igraph()).to_networkx()
    assert _typed({k: v for k, v in back.nodes["a"].items()}) == want
    assert isinstance(g.to_igraph(), ig.Graph)
    pd = pytest.importorskip("pandas")
    nodes, links = g.nodes_frame(), g.links_frame()
    assert str(nodes["mentions"].dtype) == "Int64"  # missing on some nodes: nullable
    assert nodes.loc["a", "null"] is None and nodes.loc["b", "null"] is pd.NA
    back = ag.from_frames(nodes, links).to_networkx()
    assert _typed(back.nodes["a"]) == _typed(G.nodes["a"])
    assert _typed(back.nodes["b"]) == _typed(G.nodes["b"])
    assert _typed(back.graph) == _typed(G.graph)
    assert ag.from_frames(nodes, links).to_bytes() == g.to_bytes()


def test_weight_is_a_number(ag):
    """The library keeps a weight as a double and writes whole ones as integers, as the
    tools' JSON does; any other attribute keeps int and float apart."""
    G = nx.Graph()
    G.add_edge("a", "b", weight=2.0, other=2.0)
    back = ag.from_networkx(G).to_networkx()
    assert back.edges["a", "b"]["weight"] == 2 and _typed(back.edges["a", "b"]["other"]) == \
        ("float", 2.0)


def test_igraph_origin(ag):
    ig = pytest.importorskip("igraph")
    G = ig.Graph.Famous("Zachary")
    G.vs["club"] = ["a" if i % 2 else "b" for i in range(G.vcount())]
    G.es["weight"] = [1.5] * G.ecount()
    G["title"] = "karate"
    g = ag.from_igraph(G)
    assert g.number_of_nodes() == 34 and g.number_of_links() == 78
    H = g.to_igraph()
    assert H.get_edgelist() == G.get_edgelist()
    assert H.vs["club"] == G.vs["club"] and H.es["weight"] == G.es["weight"]
    assert H["title"] == "karate" and H.vs["name"] == list(range(34))
    a = g.analyze()
    assert len(set(a.to_igraph().vs["community"])) > 1


def test_frames_origin(ag):
    pd = pytest.importorskip("pandas")
    links = pd.DataFrame({"source": ["x", "y"], "target": ["y", "z"], "weight": [1.0, 3.0],
                          "kind": ["a", None]})
    g = ag.from_frames(links=links)
    assert g.number_of_nodes() == 3
    d = g.to_dict()
    assert d["links"][0]["kind"] == "a" and d["links"][1]["kind"] is None
    nodes = pd.DataFrame({"id": ["x", "y", "z"], "n": [1, 2, float("nan")]})
    g = ag.from_frames(nodes, links)
    assert [n.get("n") for n in g.to_dict()["nodes"]] == [1.0, 2.0, None]
