"""The Python API over libactorgraph: extract, load, Graph (analyze, render, save)."""
import ctypes
import json
import numbers
import os
import sys
import threading
from collections.abc import Mapping

from . import _lib
from ._lib import fn, global_lock, invalid, new_error, raise_error

__all__ = ["Graph", "extract", "extract_keyed", "load", "loads"]

# ------------------------------------------------------------------ small helpers


def _path(p, what="path"):
    if not isinstance(p, (str, bytes, os.PathLike)):
        raise TypeError("%s must be a str or os.PathLike, not %s" % (what, type(p).__name__))
    b = os.fsencode(p)
    if b"\0" in b:  # C would see only the part before it
        raise invalid("%s contains a NUL character" % what)
    return b


def _cstr(s, what):
    if s is None:
        return None
    if not isinstance(s, str):
        raise TypeError("%s must be a str, not %s" % (what, type(s).__name__))
    if "\0" in s:
        raise invalid("%s contains a NUL character" % what)
    return s.encode("utf-8")


def _int(v, what, lo, hi):
    if isinstance(v, bool) or not isinstance(v, numbers.Integral):
        raise TypeError("%s must be an int, not %s" % (what, type(v).__name__))
    if not lo <= v <= hi:
        raise invalid("%s must be between %d and %d, not %d" % (what, lo, hi, v))
    return int(v)


def _format(name, what="format"):
    """A format name ("json", "svg", ..., also "nodelink") to its ag_format."""
    if not isinstance(name, str):
        raise TypeError("%s must be a str, not %s" % (what, type(name).__name__))
    out = ctypes.c_int()
    if fn.ag_format_parse(name.encode(), ctypes.byref(out)) < 0:
        raise invalid("unknown format '%s'" % name)
    return out.value


def _format_for_path(path, fmt, default):
    """The format to write path in: fmt when given, else its extension, else default;
    an unknown extension is an error (as in the tools: "-o graph.bmp" must not quietly
    produce another format under that name)."""
    if fmt is not None:
        return _format(fmt)
    f = fn.ag_format_from_path(path)
    if f == 0:
        base = path.rsplit(b"/", 1)[-1]
        if b"." in base and not path.endswith(b"/"):
            raise invalid("%s: unknown output format '%s'; pass format=" % (
                os.fsdecode(path), os.fsdecode(base.rsplit(b".", 1)[-1])))
        f = _lib.FMT[default]
    return f


def _check(rc, err, rename=None):
    if rc is None or rc is False or (isinstance(rc, int) and rc < 0):
        raise_error(err, rename)


# ------------------------------------------------------------------ the graph


class Graph:
    """An actor graph held by libactorgraph.

    Make one with actorgraph.extract(), actorgraph.load() / loads(), from_networkx(),
    from_igraph() or from_frames(). Graph() is an empty undirected graph.

    A Graph may be used from several threads: each call on it takes the graph's own lock,
    and calls into the parts of the library with process-global state (analysis: igraph;
    drawing: Graphviz) are serialised. Pickling goes through node-link JSON.
    """

    def __init__(self, *, directed=False):
        self._h = None
        self._lock = threading.RLock()
        self.title = None  # picture title; None: the library's (ag_render_title)
        self.stats = None  # what extract() saw: documents, bytes, mentions, skipped
        h = fn.ag_graph_new(1 if directed else 0)
        if not h:
            raise MemoryError("ag_graph_new failed")
        self._h = h

    @classmethod
    def _wrap(cls, handle, title=None):
        g = cls.__new__(cls)
        g._h, g._lock, g.title, g.stats = handle, threading.RLock(), title, None
        return g

    def __del__(self):
        h, self._h = getattr(self, "_h", None), None
        if h and fn is not None:
            fn.ag_graph_free(h)

    def __reduce__(self):
        return (_unpickle, (self.to_bytes(), self.title))

    # ------------------------------------------------------------ facts

    def number_of_nodes(self):
        with self._lock:
            return fn.ag_graph_node_count(self._h)

    def number_of_links(self):
        with self._lock:
            return fn.ag_graph_edge_count(self._h)

    number_of_edges = number_of_links

    def __len__(self):
        return self.number_of_nodes()

    @property
    def directed(self):
        with self._lock:
            return bool(fn.ag_graph_is_directed(self._h))

    @property
    def multigraph(self):
        with self._lock:
            return bool(fn.ag_graph_is_multigraph(self._h))

    def __repr__(self):
        return "<actorgraph.Graph: %d nodes, %d links%s>" % (
            self.number_of_nodes(), self.number_of_links(),
            ", directed" if self.directed else "")

    def copy(self):
        with self._lock:
            err = new_error()
            h = fn.ag_graph_copy(self._h, ctypes.byref(err))
            _check(h, err)
        g = Graph._wrap(h, self.title)
        g.stats = dict(self.stats) if self.stats else None
        return g

    # ------------------------------------------------------------ writing

    def to_bytes(self, format="json", *, pretty=True, title=None, links_key=None,
                 gexf_version=None, gml_alnum_keys=False, dot_plain=False):
        """The graph written in a single-stream format (json, graphml, gexf, dot, gml,
        tsv; svg, png and pdf draw as render() does with its defaults), as bytes.
        Options as in ag_write_opts: pretty (JSON one record per line), title, links_key
        ("links" or "edges"), gexf_version ("1.3" or "1.2"), gml_alnum_keys, dot_plain."""
        f = _format(format)
        if f in (_lib.FMT["auto"], _lib.FMT["csv"], _lib.FMT["neo4j"]):
            raise invalid("%s is written to files: use save(path, '%s')" % (format, format))
        wo = _lib.new_struct(_lib.ag_write_opts)
        if fn.ag_write_opts_init(ctypes.byref(wo), _lib.OPTS_VERSION) < 0:
            raise _lib.Error("the library does not know ag_write_opts version 1")
        wo.pretty = 1 if pretty else 0
        wo.title = _cstr(title, "title")
        wo.links_key = _cstr(links_key, "links_key")
        if gexf_version is not None:
            if str(gexf_version) not in ("1.3", "1.2", "1.2draft"):
                raise invalid("gexf_version is '1.3' or '1.2', not '%s'" % gexf_version)
            wo.gexf_version = 0 if str(gexf_version) == "1.3" else 1
        wo.gml_alnum_keys = 1 if gml_alnum_keys else 0
        wo.dot_plain = 1 if dot_plain else 0
        # Node-link JSON is plain C and jansson; every other writer may reach Graphviz.
        lock = _NoLock if f == _lib.FMT["json"] else global_lock
        with self._lock, lock:
            ms, err = _lib.MemStream(), new_error()
            if lock is global_lock:
                _lib.reset_layout_rng()
            try:
                rc = fn.ag_graph_write(self._h, f, ms.fp, ctypes.byref(wo), ctypes.byref(err))
            finally:
                data = ms.close()
            _check(rc, err)
        return data

    def to_json(self):
        """Node-link JSON text, byte for byte what the tools write."""
        return self.to_bytes("json").decode("utf-8")

    def to_dict(self):
        """The node-link data: {"directed", "multigraph", "graph", "nodes", "links"},
        with attribute values as JSON gives them (int, float, bool, str, list, dict,
        None)."""
        return json.loads(self.to_bytes("json"))

    def save(self, path, format=None, *, title=None):
        """Write the graph to path, as ag-extract -o / ag-analyze -o do (ag_graph_save):
        atomically, format from format= or the extension (json when there is none).
        csv writes the Gephi pair: a path ending in '/' is a directory, anything else a
        prefix. Pictures (svg, png, pdf) are drawn with render()'s defaults."""
        if path == "-":
            data = self.to_bytes(format or "json", title=title)
            out = getattr(sys.stdout, "buffer", None)
            out.write(data) if out else sys.stdout.write(data.decode("utf-8"))
            return
        p = _path(path)
        f = _format_for_path(p, format, "json")
        ro = None
        if title is not None:
            ro = _render_opts(title=title)
        with self._lock, global_lock:
            err = new_error()
            _lib.reset_layout_rng()
            rc = fn.ag_graph_save(self._h, p, f, ctypes.byref(ro) if ro else None,
                                  ctypes.byref(err))
            _check(rc, err)

    # ------------------------------------------------------------ drawing

    def render(self, target="svg", *, format=None, layout=None, top=None, size_by=None,
               color_by=None, title=None, met_only=False, tooltips=True, evidence=3,
               caption=None, dpi=None, width=None, positions=False):
        """Draw or export the graph as ag-render does.

        target is a format name (svg, png, pdf, html, dot, or a data format) to get the
        result back (str for text formats, bytes for png and pdf), or a path to write
        (format from format= or the extension, svg when there is none); a target
        without '/' or '.' is a format name.
        Pictures draw the top 60 actors unless top= says otherwise (0: all); data
        formats keep every actor unless top or met_only is given. layout: sfdp, neato, fdp,
        dot, circo, twopi (default: neato up to 100 actors, else sfdp); size_by: a numeric
        node attribute (default pagerank, else degree); color_by: "community" or "type"
        (default: community when there is one). caption: a source line under a picture;
        dpi, width: PNG resolution and width in pixels; positions: data formats carry
        the picture's x and y for every actor (GEXF: viz:position)."""
        if not isinstance(target, (str, bytes, os.PathLike)):
            raise TypeError("target must be a format name or a path")
        to_memory = isinstance(target, str) and format is None and \
            "/" not in target and "." not in target
        if to_memory:
            f = _format(target)
        else:
            path = _path(target)
            f = _format_for_path(path, format, "svg")
        fname = _lib.FORMATS[f] if f < len(_lib.FORMATS) else str(f)
        picture = fname in _lib.PICTURES
        page = fname == "html"  # the interactive page: every actor unless top= says
        if top is None:
            top = 60 if picture else 0
        if (dpi is not None or width is not None) and fname != "png":
            raise invalid("dpi and width are for PNG pictures")
        if caption is not None and not picture:
            raise invalid("caption is for pictures (svg, png, pdf)")
        if positions and (picture or page or fname == "tsv"):
            raise invalid("positions is for the data formats with actors")
        ro = _render_opts(format=f, layout=layout, top=top, size_by=size_by,
                          color_by=color_by, title=title if title is not None else self.title,
                          met_only=met_only, tooltips=tooltips, evidence=evidence,
                          caption=caption, dpi=dpi, width=width, positions=positions)
        if to_memory and fname in ("csv", "neo4j"):
            raise invalid("%s is written to files: render(path, format='%s')" % (fname, fname))
        with self._lock, global_lock:
            err = new_error()
            _lib.reset_layout_rng()
            g, sel = self._h, None
            try:
                # A picture or page selects while it draws; a data format is written as
                # selected.
                if not picture and not page and (ro.met_only or ro.top > 0 or
                                                 (positions and to_memory)):
                    # In memory the positions are added here (ag_graph_save does it for
                    # files): the selection laid out as the picture.
                    pick = fn.ag_render_positions if positions and to_memory \
                        else fn.ag_render_select
                    sel = pick(g, ctypes.byref(ro), ctypes.byref(err))
                    _check(sel, err)
                    g = sel
                if not to_memory:
                    _check(fn.ag_graph_save(g, path, f, ctypes.byref(ro), ctypes.byref(err)),
                           err)
                    return None
                if page:  # written by ag_graph_save only
                    import tempfile
                    with tempfile.TemporaryDirectory() as d:
                        tmp = os.path.join(d, "page.html")
                        _check(fn.ag_graph_save(g, os.fsencode(tmp), f, ctypes.byref(ro),
                                                ctypes.byref(err)), err)
                        with open(tmp, encoding="utf-8") as fh:
                            return fh.read()
                ms, rop, errp = _lib.MemStream(), ctypes.byref(ro), ctypes.byref(err)
                try:
                    if picture:
                        rc = fn.ag_render_picture(g, ms.fp, rop, errp)
                    elif fname == "dot":
                        rc = fn.ag_render_dot(g, ms.fp, rop, errp)
                    else:
                        wo = _lib.new_struct(_lib.ag_write_opts)
                        fn.ag_write_opts_init(ctypes.byref(wo), _lib.OPTS_VERSION)
                        wo.title = ro.title
                        rc = fn.ag_graph_write(g, f, ms.fp, ctypes.byref(wo), errp)
                finally:
                    data = ms.close()
                _check(rc, err)
            finally:
                if sel:
                    fn.ag_graph_free(sel)
        return data if fname in ("png", "pdf") else data.decode("utf-8")

    def _has_met(self):
        return any(link.get("met") is True for link in self.to_dict()["links"])

    def _repr_svg_(self):
        """Jupyter: the who-met-whom picture (met links only when there are any; the
        top 60 actors), as `ag-render --met-only` draws it."""
        try:
            if self.number_of_nodes() == 0:
                return None
            return self.render("svg", met_only=self._has_met())
        except Exception:  # a display hook must not raise; Jupyter falls back to repr
            return None

    def html(self, **opts):
        """The interactive who-met-whom page as ag-render -f html writes it (render()'s
        options), as a str; in Jupyter: IPython.display.HTML(g.html()).
        NotImplementedError when the library has no such page."""
        out = ctypes.c_int()
        if fn.ag_format_parse(b"html", ctypes.byref(out)) < 0:
            raise NotImplementedError("this libactorgraph (%s) writes no interactive page"
                                      % _lib.LIBRARY_VERSION)
        return self.render("html", **opts)

    # ------------------------------------------------------------ analysis

    def analyze(self, centrality=None, communities="leiden", filters=(), *, by="pagerank",
                weighted=True, betweenness_samples=None, betweenness_error=None, jobs=1,
                resolution=1.0,
                trials=None, seed=None, inplace=False):
        """Filters in order, then centralities and communities, as ag-analyze does
        (ag_analyze_graph). Returns the analysed graph: a new one, or this one when
        inplace=True.

        centrality: None for the default set (degree, strength, betweenness, pagerank,
        coreness), "all", "none", or measure names (a list or a comma-separated str).
        communities: leiden (default), louvain, labelprop, infomap, walktrap, or
        None/"none". filters: a list of "NAME" or "NAME:ARG" strings or (NAME, ARG)
        pairs, NAME one of association, min-weight, min-degree, types, met-only, top,
        giant, ego, backbone, ARG as on ag-analyze's command line (e.g. "top:30",
        ("types", ["person", "org"]), "ego:Dimitris Kairidis:2"). by: the measure every
        top filter ranks by. seed: for communities and sampled betweenness (default 42).
        betweenness_error: estimate betweenness from sampled pairs within this error
        (0: exact; as --betweenness-error); betweenness_samples wins when both are given."""
        ao = _lib.new_struct(_lib.ag_analyze_opts)
        if fn.ag_analyze_opts_init(ctypes.byref(ao), _lib.OPTS_VERSION) < 0:
            raise _lib.Error("the library does not know ag_analyze_opts version 1")
        err = new_error()
        if centrality is not None:
            if not isinstance(centrality, str):
                centrality = ",".join(_names(centrality, "centrality"))
            mask = ctypes.c_uint()
            _check(fn.ag_measure_list_parse(_cstr(centrality, "centrality"),
                                            ctypes.byref(mask), ctypes.byref(err)), err)
            ao.centrality.measures = mask.value
        algo = ctypes.c_int()
        name = "none" if communities in (None, False) else communities
        if not isinstance(name, str):
            raise TypeError("communities must be an algorithm name or None")
        if fn.ag_community_algo_parse(name.encode(), ctypes.byref(algo)) < 0:
            raise invalid("unknown community algorithm '%s'" % name)
        ao.community.algo = algo.value
        by_m = ctypes.c_int()
        if not isinstance(by, str) or fn.ag_measure_parse(by.encode(), ctypes.byref(by_m)) < 0:
            raise invalid("unknown measure '%s' for by" % (by,))
        flist = [_filter(spec, by_m.value) for spec in (filters or ())]
        farr = (_lib.ag_filter * max(1, len(flist)))(*flist)
        ao.filters, ao.nfilters = farr, len(flist)
        if not weighted:
            ao.centrality.weighted = ao.community.weighted = 0
        if betweenness_error is not None:
            if isinstance(betweenness_error, bool) or \
                    not isinstance(betweenness_error, numbers.Real):
                raise TypeError("betweenness_error must be a number")
            if not 0 <= betweenness_error <= 0.5:
                raise invalid("betweenness_error must be between 0 and 0.5, not %g"
                              % betweenness_error)
            ao.centrality.betweenness_error = float(betweenness_error)
        if betweenness_samples is not None:
            ao.centrality.betweenness_samples = _int(betweenness_samples,
                                                     "betweenness_samples", 0, 1 << 40)
        ao.centrality.jobs = _int(jobs, "jobs", 1, 256)
        if isinstance(resolution, bool) or not isinstance(resolution, numbers.Real):
            raise TypeError("resolution must be a number")
        if not 1e-9 <= resolution <= 1e9:
            raise invalid("resolution must be between 1e-09 and 1e+09, not %g" % resolution)
        ao.community.resolution = float(resolution)
        if trials is not None:
            ao.community.trials = _int(trials, "trials", 1, 1000)
        if seed is not None:
            ao.community.seed = ao.centrality.seed = _int(seed, "seed", 0, 2147483647)
        g = self if inplace else self.copy()
        with g._lock, global_lock, _lib.igraph_host:
            _check(fn.ag_analyze_graph(g._h, ctypes.byref(ao), None, ctypes.byref(err)), err)
        return g

    def report(self, top=10, *, text=False):
        """The summary ag-analyze --report prints (ag_analyze_report_json): counts, the
        top actors by each measure present, communities. A dict, or with text=True the
        text ag-analyze prints."""
        top = _int(top, "top", 0, 1 << 30)
        with self._lock, global_lock, _lib.igraph_host:
            err = new_error()
            rep = fn.ag_analyze_report_json(self._h, top, ctypes.byref(err))
            _check(rep, err)
            if not text:
                return _lib.report_dict(rep)
            ms = _lib.MemStream()
            try:
                rc = fn.ag_analyze_report_print(rep, ms.fp, ctypes.byref(err))
            finally:
                data = ms.close()
                _lib._jansson["json_delete"](rep)
            _check(rc, err)
            return data.decode("utf-8")

    # ------------------------------------------------------------ conversions

    def to_networkx(self):
        """A networkx Graph, DiGraph, MultiGraph or MultiDiGraph with every attribute."""
        from ._convert import to_networkx
        return to_networkx(self.to_dict())

    def to_igraph(self):
        """A python-igraph Graph: vertex attribute "name" holds the ids; an attribute a
        node or link lacks is None there."""
        from ._convert import to_igraph
        return to_igraph(self.to_dict())

    def nodes_frame(self):
        """The nodes as a pandas DataFrame indexed by id (see README "Python" for the
        column types)."""
        from ._convert import nodes_frame
        return nodes_frame(self.to_dict())

    def links_frame(self):
        """The links as a pandas DataFrame: source, target, weight, then attributes."""
        from ._convert import links_frame
        return links_frame(self.to_dict())


class _NoLockType:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


_NoLock = _NoLockType()


def _unpickle(data, title):
    g = loads(data, format="json")
    g.title = title
    return g


def _names(v, what):
    if isinstance(v, str):
        return [v]
    try:
        items = list(v)
    except TypeError:
        raise TypeError("%s must be a str or a list of str" % what) from None
    for x in items:
        if not isinstance(x, str):
            raise TypeError("%s must be a str or a list of str" % what)
    return items


def _filter(spec, by):
    """One filter from "name", "name:arg" or (name, arg)."""
    if isinstance(spec, str):
        name, sep, arg = spec.partition(":")
        arg = arg if sep else None
    elif isinstance(spec, (tuple, list)) and len(spec) in (1, 2) and isinstance(spec[0], str):
        name, arg = spec[0], spec[1] if len(spec) == 2 else None
    else:
        raise TypeError("a filter is 'NAME', 'NAME:ARG' or (NAME, ARG), not %r" % (spec,))
    name = name.strip().replace("_", "-")
    if name not in _lib.FILTER_KINDS:
        raise invalid("unknown filter '%s' (%s)" % (name, ", ".join(_lib.FILTER_KINDS)))
    if name in _lib.FILTERS_WITHOUT_ARG:
        if arg not in (None, "", True):
            raise invalid("filter %s takes no argument" % name)
        arg = ""
    elif arg is None:
        raise invalid("filter %s needs an argument (%s:ARG)" % (name, name))
    elif isinstance(arg, (list, tuple)):
        arg = ",".join(str(a) for a in arg)
    elif isinstance(arg, bool):
        raise TypeError("filter %s: bad argument %r" % (name, arg))
    else:
        arg = str(arg)
    f, err = _lib.ag_filter(), new_error()
    _check(fn.ag_filter_parse(_lib.FILTER_KINDS[name], _cstr(arg, "filter argument"),
                              ctypes.byref(f), ctypes.byref(err)), err)
    if name == "top":
        f.by = by
    return f


def _render_opts(format=None, layout=None, top=None, size_by=None, color_by=None, title=None,
                 met_only=False, tooltips=True, evidence=3, caption=None, dpi=None,
                 width=None, positions=False):
    ro = _lib.new_struct(_lib.ag_render_opts)
    if fn.ag_render_opts_init(ctypes.byref(ro), _lib.OPTS_VERSION) < 0:
        raise _lib.Error("the library does not know ag_render_opts version 1")
    if format is not None:
        ro.format = format
    if layout is not None:
        if not isinstance(layout, str) or not fn.ag_render_layout_known(layout.encode()):
            raise invalid("unknown layout '%s' (sfdp, neato, fdp, dot, circo, twopi)"
                          % (layout,))
        ro.layout = layout.encode()
    if top is not None:
        ro.top = _int(top, "top", 0, 1000000000)
    ro.size_by = _cstr(size_by, "size_by")
    if color_by is not None:
        if color_by not in ("community", "type"):
            raise invalid("color_by takes community or type, not '%s'" % (color_by,))
        ro.color_by = 1 if color_by == "community" else 2
    ro.title = _cstr(title, "title")
    ro.met_only = 1 if met_only else 0
    ro.tooltips = 1 if tooltips else 0
    ro.evidence = _int(evidence, "evidence", 0, 10)
    ro.caption = _cstr(caption, "caption")
    if dpi is not None:
        ro.dpi = _int(dpi, "dpi", 36, 600)
    if width is not None:
        ro.width = _int(width, "width", 100, 10000)
    ro.positions = 1 if positions else 0
    return ro


# ------------------------------------------------------------------ reading


def load(path, format=None):
    """Read a graph file in any format the tools read (sniffed unless format= says),
    like ag_graph_read. The picture title defaults to the graph's own, as in ag-render."""
    p = _path(path)
    if p == b"-":
        raise invalid("'-' (standard input) is not supported; read it and use loads()")
    f = 0 if format is None else _format(format)
    with global_lock:  # DOT is read with cgraph
        err = new_error()
        h = fn.ag_graph_read(p, f, None, ctypes.byref(err))
        _check(h, err)
    return Graph._wrap(h)


def loads(data, format=None, name="<string>"):
    """Read a graph from a str or bytes (ag_graph_read_mem), any format the tools read."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("data must be str or bytes")
    data = bytes(data)
    f = 0 if format is None else _format(format)
    lock = _NoLock if f == _lib.FMT["json"] else global_lock
    with lock:
        err = new_error()
        h = fn.ag_graph_read_mem(data, len(data), _cstr(name, "name"), f, None,
                                 ctypes.byref(err))
        _check(h, err)
    return Graph._wrap(h)


# ------------------------------------------------------------------ extraction


def _json_default(v):
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    raise TypeError("cannot write %s in a record" % type(v).__name__)


def _missing(v):
    if v is None:
        return True
    try:
        return bool(v != v)  # NaN, NaT, pandas.NA (raises TypeError for NA)
    except TypeError:
        return True


def _date(v):
    if _missing(v):
        return None
    if hasattr(v, "isoformat") and not isinstance(v, str):
        return v.isoformat()  # date, datetime, pandas.Timestamp
    return str(v)


def _is_frame(x):
    return hasattr(x, "columns") and hasattr(x, "to_dict") and hasattr(x, "iloc")


class _Inputs:
    """The inputs of one extraction: paths as given, records and texts collected into a
    temporary JSON Lines file (the extractor reads files), removed afterwards."""

    def __init__(self, inputs, texts, fields):
        self.paths, self.tmp, self.rename = [], None, {}
        self.fid, self.ftext, self.fdate = fields
        records = []
        if inputs is None:
            inputs = []
        elif isinstance(inputs, (str, bytes, os.PathLike)):
            inputs = [inputs]
        elif _is_frame(inputs):
            inputs = inputs.to_dict("records")
        for item in inputs:
            if isinstance(item, (str, bytes, os.PathLike)):
                p = _path(item, "an input")
                if p == b"-":
                    raise invalid("'-' (standard input) is not supported; pass texts=")
                self.paths.append(p)
            elif isinstance(item, Mapping):
                # Missing cells (None, NaN, NaT, pandas.NA) are absent fields.
                rec = {k: v for k, v in item.items() if not _missing(v)}
                if self.fdate in rec:
                    rec[self.fdate] = _date(rec[self.fdate])
                records.append(rec)
            elif isinstance(item, (tuple, list)) and len(item) in (2, 3):
                records.append(self._record(*item))
            else:
                raise TypeError("an input is a path, an (id, text[, date]) record or a dict "
                                "record, not %r" % (type(item).__name__,))
        if texts is not None:
            if isinstance(texts, str):
                raise TypeError("texts= takes a list of str; wrap a single text in a list")
            for t in texts:
                records.append(self._record(None, t))
        if records:
            self._write(records)

    def _record(self, rid, text, date=None):
        rec = {}
        if not _missing(rid):
            rec[self.fid] = str(rid)
        if not isinstance(text, str):
            raise TypeError("a record's text must be a str, not %s" % type(text).__name__)
        rec[self.ftext] = text
        d = _date(date)
        if d is not None:
            rec[self.fdate] = d
        return rec

    def _write(self, records):
        import tempfile
        fd, name = tempfile.mkstemp(prefix="actorgraph-", suffix=".jsonl")
        self.tmp = name
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                for n, rec in enumerate(records, 1):
                    if self.fid not in rec:
                        # A stable id (the library would name it after the temporary file).
                        rec = dict(rec)
                        rec[self.fid] = "records:%d" % n
                    out.write(json.dumps(rec, ensure_ascii=False, default=_json_default,
                                         allow_nan=False))
                    out.write("\n")
        except BaseException:
            # Raised from __init__: no `with` block will call close() for us.
            self.close()
            raise
        self.paths.append(os.fsencode(name))
        # Errors name the record, not the temporary file: "<records>:N" is record N.
        self.rename[name] = lambda line: ("<records>", line)

    def close(self):
        if self.tmp:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _extract_opts(scope, jobs, evidence, met_only, variants, dicts, stoplists, fields,
                  skip_bad, default_lexicon, keep):
    o = _lib.new_struct(_lib.ag_extract_opts)
    if fn.ag_extract_opts_init(ctypes.byref(o), _lib.OPTS_VERSION) < 0:
        raise _lib.Error("the library does not know ag_extract_opts version 1")
    sc, win = ctypes.c_int(), ctypes.c_int(o.window)
    if not isinstance(scope, str):
        raise TypeError("scope must be a str")
    if fn.ag_scope_parse(scope.encode(), ctypes.byref(sc), ctypes.byref(win)) < 0:
        raise invalid("invalid scope '%s' (sentence, paragraph, document, window:N)" % scope)
    o.scope, o.window = sc.value, win.value
    o.threads = _int(jobs, "jobs", 1, 256)
    o.evidence = _int(evidence, "evidence", 0, 10)
    o.met_only = 1 if met_only else 0
    o.variants = 1 if variants else 0
    o.skip_bad = 1 if skip_bad else 0
    o.no_default_lexicon = 0 if default_lexicon else 1
    for attr, count, files in (("dicts", "ndicts", dicts), ("stoplists", "nstoplists",
                                                            stoplists)):
        files = [files] if isinstance(files, (str, bytes, os.PathLike)) else list(files or ())
        if len(files) > _lib.AG_EXTRACT_MAX_FILES:
            raise invalid("too many dicts/stoplists files (at most %d)"
                          % _lib.AG_EXTRACT_MAX_FILES)
        arr = getattr(o, attr)
        for i, p in enumerate(files):
            b = _path(p, attr[:-1])
            keep.append(b)
            arr[i] = b
        setattr(o, count, len(files))
    names = {"id": "id", "text": "text", "date": "date"}
    if fields:
        if not isinstance(fields, Mapping):
            raise TypeError("fields must be a dict such as {'text': 'body'}")
        for k, v in fields.items():
            if k not in names:
                raise invalid("fields takes id, text or date, not '%s'" % k)
            if not isinstance(v, str) or not v:
                raise invalid("fields['%s'] must be a non-empty str" % k)
            names[k] = v
    for k, attr in (("id", "field_id"), ("text", "field_text"), ("date", "field_date")):
        b = _cstr(names[k], "fields['%s']" % k)
        keep.append(b)
        setattr(o, attr, b)
    return o, (names["id"], names["text"], names["date"])


def _run_extract(inputs, texts, opts, job):
    keep = []  # the bytes the options point into, alive until the call returns
    o, fields = _extract_opts(keep=keep, **opts)
    with _Inputs(inputs, texts, fields) as ins:
        arr = (ctypes.c_char_p * max(1, len(ins.paths)))(*ins.paths)
        stats, err, mout = _lib.new_extract_stats(), new_error(), _lib.ag_output()
        try:
            if job.mentions is not None:
                mp = _path(job.mentions, "mentions")
                _check(fn.ag_output_open(ctypes.byref(mout), mp, ctypes.byref(err)), err)
                o.mentions = mout.fp
            result = job(arr, len(ins.paths), o, stats, err, ins.rename)
            # The mentions first: a graph in hand promises that they were written too.
            if mout.fp:
                _check(fn.ag_output_commit(ctypes.byref(mout), ctypes.byref(err)), err)
        except BaseException:
            job.cleanup()
            raise
        finally:
            fn.ag_output_abort(ctypes.byref(mout))  # no-op once committed
    return result, {"documents": stats.documents, "bytes": stats.bytes,
                    "mentions": stats.mentions, "skipped": stats.skipped,
                    "repeats": stats.repeats}


class _ToGraph:
    def __init__(self, mentions):
        self.mentions, self.h = mentions, None

    def __call__(self, arr, n, o, stats, err, rename):
        self.h = fn.ag_extract_graph(arr, n, ctypes.byref(o), ctypes.byref(stats),
                                     ctypes.byref(err))
        _check(self.h, err, rename)
        return self.h

    def cleanup(self):
        if self.h:
            fn.ag_graph_free(self.h)
            self.h = None


class _ToKeyed:
    def __init__(self, output, mentions):
        self.output, self.mentions = _path(output, "output"), mentions
        self.out = _lib.ag_output()

    def __call__(self, arr, n, o, stats, err, rename):
        _check(fn.ag_output_open(ctypes.byref(self.out), self.output, ctypes.byref(err)), err)
        _check(fn.ag_extract_keyed(arr, n, ctypes.byref(o), self.out.fp, ctypes.byref(stats),
                                   ctypes.byref(err)), err, rename)
        _check(fn.ag_output_commit(ctypes.byref(self.out), ctypes.byref(err)), err)
        return None

    def cleanup(self):
        fn.ag_output_abort(ctypes.byref(self.out))


def extract(inputs=(), *, texts=None, scope="sentence", jobs=1, evidence=3, met_only=False,
            variants=True, dicts=(), stoplists=(), fields=None, skip_bad=False,
            mentions=None, default_lexicon=True):
    """Extract the actor graph of news articles, as ag-extract does (ag_extract_graph).

    inputs: a path, or an iterable of paths (files: .txt/.md one article each,
    .jsonl/.ndjson one article per line; directories, walked recursively) and records:
    (id, text) or (id, text, date) tuples, or dicts with the JSON Lines fields; a pandas
    DataFrame with id, text and date columns is an iterable of records. texts: article
    texts without ids (given ids "records:N"). A str is always a path: put text in a
    record or in texts=.

    Options as ag-extract's: scope ("sentence", "paragraph", "document", "window:N"),
    jobs (worker threads; the graph is the same for any number), evidence (records kept
    per link, 0-10), met_only, variants (False: --no-variants), dicts and stoplists
    (paths, up to 16 each), fields ({"text": "body"}: JSON Lines field names, also used
    for records), skip_bad, mentions (a path for the JSON Lines of every mention).
    The GIL is released while the library works. Returns a Graph whose .stats says what
    was read.
    """
    opts = dict(scope=scope, jobs=jobs, evidence=evidence, met_only=met_only,
                variants=variants, dicts=dicts, stoplists=stoplists, fields=fields,
                skip_bad=skip_bad, default_lexicon=default_lexicon)
    h, stats = _run_extract(inputs, texts, opts, _ToGraph(mentions))
    g = Graph._wrap(h)
    g.stats = stats
    return g


def extract_keyed(inputs, output, *, texts=None, mentions=None, **options):
    """ag-extract --emit-keyed: write the unresolved key-prefixed records of the inputs
    to output (a path, atomically) for ag-merge. Inputs and options as extract().
    Returns the stats dict."""
    opts = dict(scope="sentence", jobs=1, evidence=3, met_only=False, variants=True,
                dicts=(), stoplists=(), fields=None, skip_bad=False, default_lexicon=True)
    for k, v in options.items():
        if k not in opts:
            raise TypeError("extract_keyed() got an unexpected keyword argument '%s'" % k)
        opts[k] = v
    _, stats = _run_extract(inputs, texts, opts, _ToKeyed(output, mentions))
    return stats
