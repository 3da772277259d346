"""The same graph through Python as through the tools: byte-identical output."""
import json
import os
import subprocess

import pytest

from conftest import BIN, EXAMPLES, corpora, tool


@pytest.mark.parametrize("corpus", corpora())
@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_paths(ag, corpus, jobs, tmp_path):
    expected = tool("ag-extract", "-q", corpus)
    g = ag.extract(corpus, jobs=jobs)
    assert g.to_bytes() == expected
    g.save(tmp_path / "g.json")
    assert (tmp_path / "g.json").read_bytes() == expected
    assert g.stats["documents"] > 0 and g.stats["skipped"] == 0


@pytest.mark.parametrize("corpus", corpora())
def test_extract_options(ag, corpus):
    args = ["--scope", "paragraph", "--evidence", "1", "--met-only", "--no-variants"]
    expected = tool("ag-extract", "-q", *args, corpus)
    g = ag.extract([corpus], scope="paragraph", evidence=1, met_only=True, variants=False)
    assert g.to_bytes() == expected
    expected = tool("ag-extract", "-q", "--scope", "window:2", corpus)
    assert ag.extract(corpus, scope="window:2").to_bytes() == expected


def test_extract_file_list(ag):
    files = sorted(os.path.join(EXAMPLES, f) for f in os.listdir(EXAMPLES))
    assert ag.extract(files).to_bytes() == tool("ag-extract", "-q", *files)


def _wire_records():
    with open(os.path.join(EXAMPLES, "wire.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_extract_records(ag):
    """(id, text, date) records and dicts give what the same JSON Lines file gives."""
    wire = os.path.join(EXAMPLES, "wire.jsonl")
    expected = tool("ag-extract", "-q", wire)
    recs = _wire_records()
    tuples = [(r["id"], r["text"], r.get("date")) for r in recs]
    assert ag.extract(tuples).to_bytes() == expected
    assert ag.extract(recs).to_bytes() == expected
    assert ag.extract(iter(tuples)).to_bytes() == expected  # any iterable


def test_extract_records_with_files(ag):
    """Records mixed with files: as if the records were one more JSON Lines file."""
    recs = _wire_records()
    others = sorted(os.path.join(EXAMPLES, f) for f in os.listdir(EXAMPLES)
                    if not f.endswith(".jsonl"))
    got = ag.extract(others + [(r["id"], r["text"], r.get("date")) for r in recs])
    assert got.to_bytes() == tool("ag-extract", "-q", EXAMPLES)


def test_extract_fields(ag, tmp_path):
    """fields= renames the JSON Lines fields, for files and for records alike."""
    recs = [{"key": r["id"], "body": r["text"], "when": r.get("date")} for r in _wire_records()]
    p = tmp_path / "renamed.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    expected = tool("ag-extract", "-q", "--field", "id=key", "--field", "text=body",
                    "--field", "date=when", p)
    fields = {"id": "key", "text": "body", "date": "when"}
    assert ag.extract(p, fields=fields).to_bytes() == expected
    assert ag.extract(recs, fields=fields).to_bytes() == expected
    tuples = [(r["key"], r["body"], r["when"]) for r in recs]
    assert ag.extract(tuples, fields=fields).to_bytes() == expected


def test_extract_dataframe(ag):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(_wire_records())
    df["date"] = pd.to_datetime(df["date"], utc=True)  # Timestamps, not text
    assert ag.extract(df).to_bytes() == tool("ag-extract", "-q",
                                             os.path.join(EXAMPLES, "wire.jsonl"))


def test_texts_get_stable_ids(ag):
    texts = ["Giorgia Meloni met Kyriakos Mitsotakis in Rome on Monday.",
             "Robert Abela and Kyriakos Mitsotakis held talks in Valletta."]
    a, b = ag.extract(texts=texts), ag.extract(texts=texts)
    assert a.to_bytes() == b.to_bytes()
    docs = {e["doc"] for link in a.to_dict()["links"] for e in link.get("evidence", [])}
    assert docs == {"records:1", "records:2"}


def test_mentions_and_keyed(ag, tmp_path):
    tool("ag-extract", "-q", "--mentions", tmp_path / "m.jsonl", "-o", tmp_path / "g.json",
         EXAMPLES)
    g = ag.extract(EXAMPLES, mentions=tmp_path / "pm.jsonl")
    assert (tmp_path / "pm.jsonl").read_bytes() == (tmp_path / "m.jsonl").read_bytes()
    assert g.to_bytes() == (tmp_path / "g.json").read_bytes()
    keyed = tool("ag-extract", "-q", "--emit-keyed", EXAMPLES)
    stats = ag.extract_keyed(EXAMPLES, tmp_path / "k.txt")
    assert (tmp_path / "k.txt").read_bytes() == keyed
    assert stats["documents"] == g.stats["documents"]


ANALYSES = [
    ([], {}),
    (["--centrality", "all", "--communities", "louvain", "--seed", "7"],
     dict(centrality="all", communities="louvain", seed=7)),
    (["--met-only", "--top", "8", "--by", "degree", "--communities", "none"],
     dict(filters=["met-only", ("top", 8)], by="degree", communities=None)),
    (["--association", "npmi", "--min-weight", "0.2", "--types", "person,org", "--giant",
      "--centrality", "degree,pagerank", "--unweighted"],
     dict(filters=["association:npmi", ("min-weight", 0.2), ("types", ["person", "org"]),
                   "giant"], centrality=["degree", "pagerank"], weighted=False)),
    (["--ego", "Dimitris Kairidis:2", "--backbone", "0.5", "--trials", "3",
      "--resolution", "0.8"],
     dict(filters=["ego:Dimitris Kairidis:2", "backbone:0.5"], trials=3, resolution=0.8)),
    (["--betweenness-error", "0.1", "--seed", "3", "--communities", "none"],
     dict(betweenness_error=0.1, seed=3, communities=None)),
]


@pytest.mark.parametrize("corpus", corpora())
@pytest.mark.parametrize("args,kwargs", ANALYSES, ids=range(len(ANALYSES)))
def test_analyze(ag, corpus, args, kwargs, tmp_path):
    if corpus != EXAMPLES and "--ego" in args:
        pytest.skip("the ego actor is in the examples")
    p = tmp_path / "g.json"
    p.write_bytes(tool("ag-extract", "-q", corpus))
    expected = tool("ag-analyze", "-q", *args, p)
    g = ag.load(p)
    a = g.analyze(**kwargs)
    assert a.to_bytes() == expected
    assert g.to_bytes() == p.read_bytes()  # a copy was analysed
    assert g.analyze(inplace=True, **kwargs) is g and g.to_bytes() == expected


def test_report(ag, analysed_json, tmp_path):
    p = tmp_path / "a.json"
    p.write_bytes(analysed_json)
    tool("ag-analyze", "-q", "--report-json", tmp_path / "r.json", "-o", tmp_path / "x.json", p)
    # --report-json rounds reals to 12 digits for reading; report() keeps them whole.
    assert _close(ag.load(p).report(), json.loads((tmp_path / "r.json").read_text()))
    r = subprocess.run([os.path.join(BIN, "ag-analyze"), "-q", "--report", "-o", os.devnull,
                        str(p)], stderr=subprocess.PIPE, check=True)
    assert ag.load(p).report(text=True) == r.stderr.decode()


def _close(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return a == pytest.approx(b, rel=1e-11)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(_close, a, b))
    return a == b and type(a) is type(b)


@pytest.mark.parametrize("fmt", ["svg", "dot", "graphml", "gexf", "gml", "tsv", "json"])
def test_render(ag, analysed_json, tmp_path, fmt):
    p = tmp_path / "graph.json"
    p.write_bytes(analysed_json)
    g = ag.load(p)  # titled as ag-render titles it (the graph's own title)
    for opts, args in (({}, []), ({"met_only": True, "top": 10}, ["--met-only", "--top", "10"]),
                       ({"layout": "neato", "color_by": "type", "size_by": "degree",
                         "title": "T", "tooltips": False, "evidence": 1},
                        ["--layout", "neato", "--color-by", "type", "--size-by", "degree",
                         "--title", "T", "--no-tooltips", "--evidence", "1"])):
        renders_as_tool(g, p, tmp_path, fmt, opts, args)


def renders_as_tool(g, p, tmp_path, fmt, opts, args):
    """g.render(fmt, **opts) gives ag-render's bytes, in memory and to a file."""
    expected = tool("ag-render", "-f", fmt, *args, p)
    got = g.render(fmt, **opts)
    assert (got.encode() if isinstance(got, str) else got) == expected, opts
    out = tmp_path / ("out." + fmt)
    tool("ag-render", "-o", out, *args, p)
    g.render(tmp_path / ("py." + fmt), **opts)
    assert (tmp_path / ("py." + fmt)).read_bytes() == out.read_bytes(), opts


def test_render_binary_and_csv(ag, analysed_json, tmp_path):
    p = tmp_path / "graph.json"
    p.write_bytes(analysed_json)
    g = ag.load(p)
    png = g.render("png", met_only=True)
    assert isinstance(png, bytes) and png.startswith(b"\x89PNG")
    assert g.render("pdf").startswith(b"%PDF")
    tool("ag-render", "-o", str(tmp_path / "tools") + "/", p)
    g.render(str(tmp_path / "py") + "/")
    for f in ("nodes.csv", "edges.csv"):
        assert (tmp_path / "py" / f).read_bytes() == (tmp_path / "tools" / f).read_bytes()
    g.save(str(tmp_path / "pre"), "csv")
    assert (tmp_path / "pre_nodes.csv").read_bytes() == (tmp_path / "tools/nodes.csv").read_bytes()


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "gml", "dot", "tsv"])
def test_save_matches_tools(ag, analysed_json, tmp_path, fmt):
    p = tmp_path / "g.json"
    p.write_bytes(analysed_json)
    tool("ag-analyze", "-q", "--centrality", "none", "--communities", "none", "-o",
         tmp_path / ("tools." + fmt), p)
    ag.load(p).analyze(centrality="none", communities=None).save(tmp_path / ("py." + fmt))
    assert (tmp_path / ("py." + fmt)).read_bytes() == (tmp_path / ("tools." + fmt)).read_bytes()


def test_repr_svg_is_who_met_whom(ag, analysed_json, tmp_path):
    p = tmp_path / "graph.json"
    p.write_bytes(analysed_json)
    g = ag.load(p)
    assert g._repr_svg_() == tool("ag-render", "--met-only", p).decode()
    assert "nodes" in repr(g) and ag.Graph()._repr_svg_() is None


def test_html_when_the_library_has_it(ag, analysed_json, tmp_path):
    p = tmp_path / "graph.json"
    p.write_bytes(analysed_json)
    g = ag.load(p)
    try:
        page = g.html(met_only=True)
    except NotImplementedError:
        pytest.skip("this library writes no interactive page")
    assert page.encode() == tool("ag-render", "-f", "html", "--met-only", p)
    g.render(tmp_path / "py.html")
    tool("ag-render", "-o", tmp_path / "tools.html", p)
    assert (tmp_path / "py.html").read_bytes() == (tmp_path / "tools.html").read_bytes()


@pytest.mark.parametrize("fmt,opts,args", [
    ("gexf", {"positions": True}, ["--positions"]),
    ("json", {"positions": True, "met_only": True}, ["--positions", "--met-only"]),
    ("svg", {"caption": "Source: wires"}, ["--caption", "Source: wires"]),
    ("png", {"width": 500, "dpi": 120}, ["--width", "500", "--dpi", "120"]),
])
def test_render_picture_options(ag, analysed_json, tmp_path, fmt, opts, args):
    """The issue 14 options give the library what they give the tool."""
    p = tmp_path / "graph.json"
    p.write_bytes(analysed_json)
    renders_as_tool(ag.load(p), p, tmp_path, fmt, opts, args)
