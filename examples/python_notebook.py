# %% [markdown]
# # actorgraph from Python: who met whom in the example news
#
# A notebook in percent format: open it in Jupyter (with jupytext), VS Code or Spyder and
# run it cell by cell, or run it whole with `python3 examples/python_notebook.py`.
# Needs the library installed (`cmake --install build`) or, from a build tree,
# `ACTORGRAPH_LIBRARY=build/libactorgraph.so PYTHONPATH=python`. networkx and pandas are
# optional. Files go to examples/out/ (or $AG_OUT).

# %%
import os

import actorgraph as ag

here = os.path.dirname(os.path.abspath(__file__))
out = os.environ.get("AG_OUT", os.path.join(here, "out"))
os.makedirs(out, exist_ok=True)

# Extract: the same options as ag-extract; the GIL is released while the library works.
g = ag.extract(os.path.join(here, "news"), jobs=2)
print(g, g.stats)

# %% [markdown]
# Articles need not be files: records of (id, text, date) - or a DataFrame with id, text
# and date columns - go straight in.

# %%
extra = ag.extract([
    ("note-1", "Giorgia Meloni met Kyriakos Mitsotakis in Rome on Monday.", "2024-05-06"),
    ("note-2", "Robert Abela held talks with Ursula von der Leyen in Brussels.", "2024-05-07"),
])
print(extra, "-", [(l["source"], l["target"]) for l in extra.to_dict()["links"] if l["met"]])

# %% [markdown]
# Analyse: filters in order, then centralities and communities (igraph), as ag-analyze.

# %%
a = g.analyze(filters=["giant"], centrality="all", communities="leiden")
print(a.report(top=5, text=True))

# %% [markdown]
# In Jupyter the graph shows itself as its who-met-whom picture (the top 60 actors);
# render() draws or exports like ag-render, save() writes like ag-analyze -o.

# %%
a  # noqa: B018 - displayed by Jupyter (Graph._repr_svg_)
a.render(os.path.join(out, "py-whomet.svg"), met_only=True, title="Who met whom")
a.save(os.path.join(out, "py-graph.gexf"))  # for Gephi
print("wrote", sorted(f for f in os.listdir(out) if f.startswith("py-")))

# %% [markdown]
# networkx and pandas: every attribute keeps its type (mentions int, pagerank float,
# met bool, aliases list, evidence list of objects).

# %%
try:
    import networkx as nx
except ImportError:
    nx = None
if nx:
    G = a.to_networkx()
    met = nx.Graph([(u, v) for u, v, d in G.edges(data=True) if d.get("met")])
    print("who met whom, by degree:", sorted(met.degree, key=lambda x: -x[1])[:5])
    print("Meloni to Camilleri:", nx.shortest_path(G, "Giorgia Meloni", "Byron Camilleri"))
    b = ag.from_networkx(G)  # and back, byte for byte the same graph
    assert b.to_bytes() == a.to_bytes()

# %%
try:
    import pandas  # noqa: F401
except ImportError:
    pandas = None
if pandas:
    nodes = a.nodes_frame()
    print(nodes[["type", "mentions", "pagerank", "community"]]
          .sort_values("pagerank", ascending=False).head(8))
    links = a.links_frame()
    met = links[links["met"]]
    print(met[["source", "target", "weight", "first_date"]].head(8).to_string())

# %% [markdown]
# Errors are exceptions with the library's message and position.

# %%
try:
    ag.load(os.path.join(here, "news", "wire.jsonl"))
except ag.Error as e:
    print("not a graph:", e)
