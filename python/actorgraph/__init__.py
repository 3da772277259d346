"""actorgraph for Python: libactorgraph from a notebook.

    import actorgraph as ag
    g = ag.extract("examples/news")               # who is mentioned with whom, who met whom
    g = g.analyze(filters=["giant"])             # centralities and communities (igraph)
    g                                             # in Jupyter: the who-met-whom picture
    g.save("graph.gexf"); g.render("whomet.svg", met_only=True)
    G = g.to_networkx(); nodes = g.nodes_frame()  # networkx, python-igraph, pandas

The package binds the installed shared library with ctypes (no copy of the C code): the
graph lives in C, and every call is one call of the public API in include/actorgraph.h.
It finds libactorgraph through $ACTORGRAPH_LIBRARY, the prefix `cmake --install` put it
in, ctypes.util.find_library, or the usual prefixes (see README "Python").
"""
from ._version import __version__
from ._lib import (Error, FileError, InvalidError, LimitError, NotFoundError, ParseError,
                   LIBRARY_PATH, LIBRARY_VERSION)
from ._graph import Graph, extract, extract_keyed, load, loads
from ._convert import from_frames, from_igraph, from_networkx

__all__ = ["Graph", "extract", "extract_keyed", "load", "loads", "from_networkx",
           "from_igraph", "from_frames", "Error", "FileError", "ParseError", "InvalidError",
           "LimitError", "NotFoundError", "LIBRARY_PATH", "LIBRARY_VERSION", "__version__"]
