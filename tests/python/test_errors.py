"""Errors are Python exceptions carrying the library's message and FILE:LINE; a bad path
or option never crashes the interpreter."""
import math
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import EXAMPLES, SRC


@pytest.fixture(scope="module")
def g(ag):
    return ag.extract(EXAMPLES)


def test_missing_input(ag, tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(ag.FileError) as e:
        ag.extract([EXAMPLES, missing])
    assert e.value.file == missing and "No such file" in e.value.message
    assert str(e.value).startswith(missing + ": ")
    assert isinstance(e.value, OSError) and isinstance(e.value, ag.Error)


def test_malformed_record_names_file_and_line(ag, tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": "a", "text": "Hello"}\n{"id": "b", "text": 3}\n')
    with pytest.raises(ag.ParseError) as e:
        ag.extract(p)
    assert (e.value.file, e.value.line) == (str(p), 2)
    assert str(e.value) == "%s:2: record has no string field 'text'" % p
    g = ag.extract(p, skip_bad=True)
    assert g.stats["skipped"] == 1


def test_bad_record_names_the_record(ag):
    with pytest.raises(ag.ParseError) as e:
        ag.extract([("a", "Rome."), ("b", "Paris.", "not a date")])
    assert (e.value.file, e.value.line) == ("<records>", 2)
    assert "ISO 8601" in str(e.value) and str(e.value).startswith("<records>:2: ")
    with pytest.raises(TypeError):
        ag.extract([("a", 42)])
    with pytest.raises(TypeError):
        ag.extract(texts="a single text, not a list")
    with pytest.raises(TypeError):
        ag.extract([3.5])


def test_bad_graph_file_names_line_and_column(ag, tmp_path):
    p = tmp_path / "bad.json"
    p.write_text('{"nodes": [ {"id": 1}, \n oops')
    with pytest.raises(ag.ParseError) as e:
        ag.load(p)
    assert (e.value.file, e.value.line, e.value.col) == (str(p), 2, 5)
    assert str(e.value).startswith("%s:2:5: " % p)
    with pytest.raises(ag.Error):
        ag.load(tmp_path / "missing.json")
    with pytest.raises(ag.InvalidError) as e:
        ag.loads('{"directed": false, "nodes": [{"id": "a"}],\n'
                 ' "links": [{"source": "a", "target": "b"}]}')
    assert e.value.line == 2 and "'b' is not a node" in e.value.message


BAD_EXTRACT = [
    (dict(scope="bogus"), "invalid scope"), (dict(scope="window:0"), "invalid scope"),
    (dict(jobs=0), "jobs must be between"), (dict(evidence=11), "evidence must be between"),
    (dict(fields={"body": "text"}), "fields takes id, text or date"),
    (dict(dicts=["x.dict"] * 17), "too many"), (dict(fields={"text": ""}), "non-empty"),
]


@pytest.mark.parametrize("opts,msg", BAD_EXTRACT)
def test_bad_extract_options(ag, opts, msg):
    with pytest.raises(ag.InvalidError, match=msg):
        ag.extract(EXAMPLES, **opts)


def test_bad_option_types(ag, g):
    for call in (lambda: ag.extract(EXAMPLES, jobs="2"), lambda: ag.extract(EXAMPLES, jobs=True),
                 lambda: ag.extract(EXAMPLES, scope=1), lambda: g.analyze(communities=3),
                 lambda: g.analyze(filters=[3]), lambda: g.render(3),
                 lambda: ag.extract(EXAMPLES, fields="text=body")):
        with pytest.raises(TypeError):
            call()


def test_missing_dict_file(ag, tmp_path):
    with pytest.raises(ag.FileError) as e:
        ag.extract(EXAMPLES, dicts=[tmp_path / "missing.dict"])
    assert e.value.file == str(tmp_path / "missing.dict")


ag_invalid = "InvalidError"
BAD_ANALYZE = [
    (dict(centrality="degree,bogus"), ag_invalid, "unknown measure 'bogus'"),
    (dict(communities="bogus"), ag_invalid, "unknown community algorithm"),
    (dict(by="bogus", filters=["top:3"]), ag_invalid, "unknown measure"),
    (dict(filters=["bogus"]), ag_invalid, "unknown filter"),
    (dict(filters=["top"]), ag_invalid, "needs an argument"),
    (dict(filters=["top:x"]), ag_invalid, "whole number"),
    (dict(filters=["giant:3"]), ag_invalid, "takes no argument"),
    (dict(filters=["types:person,robot"]), ag_invalid, "robot"),
    (dict(filters=["backbone:2"]), ag_invalid, ""),
    (dict(filters=["ego:Nobody At All"]), "NotFoundError", "Nobody At All"),
    (dict(filters=["ego:" + "x" * 600]), "Error", ""),
    (dict(resolution=0), ag_invalid, "resolution"), (dict(seed=-1), ag_invalid, "seed"),
    (dict(trials=0), ag_invalid, "trials"), (dict(jobs=1000), ag_invalid, "jobs"),
    (dict(betweenness_error=0.9), ag_invalid, "betweenness_error"),
]


@pytest.mark.parametrize("opts,cls,msg", BAD_ANALYZE)
def test_bad_analyze_options(ag, g, opts, cls, msg):
    before = g.to_bytes()
    with pytest.raises(getattr(ag, cls), match=msg):
        g.analyze(**opts)
    assert g.to_bytes() == before


def test_bad_render_and_save(ag, g, tmp_path):
    with pytest.raises(ag.InvalidError, match="unknown format 'bmp'"):
        g.render("bmp")
    with pytest.raises(ag.InvalidError, match="unknown output format 'bmp'"):
        g.save(tmp_path / "x.bmp")
    with pytest.raises(ag.InvalidError, match="unknown layout"):
        g.render("svg", layout="nope")
    with pytest.raises(ag.InvalidError, match="color_by"):
        g.render("svg", color_by="size")
    with pytest.raises(ag.InvalidError, match="top must be"):
        g.render("svg", top=-1)
    with pytest.raises(ag.NotFoundError, match="nope"):
        g.render("svg", size_by="nope")
    with pytest.raises(ag.InvalidError, match="written to files"):
        g.to_bytes("csv")
    with pytest.raises(ag.FileError) as e:
        g.save(tmp_path / "no" / "such" / "dir.json")
    assert "cannot create output" in e.value.message
    assert not (tmp_path / "no").exists()
    with pytest.raises(ag.InvalidError):
        g.render("svg", title="a\0b")


def test_bad_conversions(ag):
    nx = pytest.importorskip("networkx")
    G = nx.Graph()
    G.add_edge((1, 2), (3, 4))
    with pytest.raises(TypeError, match="node ids"):
        ag.from_networkx(G)
    G = nx.Graph()
    G.add_edge("a", 1)
    with pytest.raises(ag.InvalidError, match="mixture"):
        ag.from_networkx(G)
    G = nx.Graph()
    G.add_edge("a", "b", weight="heavy")
    with pytest.raises(ag.InvalidError, match="weight"):
        ag.from_networkx(G)
    G = nx.Graph()
    G.add_edge("a", "b", x=math.nan)
    with pytest.raises(ag.InvalidError, match="finite"):
        ag.from_networkx(G)
    G = nx.Graph()
    G.add_node("a", id="clash")
    with pytest.raises(ag.InvalidError, match="reserves"):
        ag.from_networkx(G)
    G = nx.Graph()
    G.add_node("a", x=object())
    with pytest.raises(TypeError):
        ag.from_networkx(G)


def test_hostile_inputs_never_crash(tmp_path):
    """Everything a careless call could hand the library, in a child interpreter: it
    must end normally (a crash would be a signal), each call raising an exception."""
    (tmp_path / "bin.txt").write_bytes(b"Rome\0\xff\xfe" * 1000)
    (tmp_path / "lone.jsonl").write_bytes(b'{"id": "x", "text": "\\ud800"}\n')
    (tmp_path / "deep.json").write_text("[" * 100000)
    code = textwrap.dedent("""
        import sys, actorgraph as ag
        d = sys.argv[1]
        calls = [
            lambda: ag.extract(d + "/bin.txt"), lambda: ag.extract(d + "/lone.jsonl"),
            lambda: ag.extract(texts=["\\ud800 lone surrogate"]),
            lambda: ag.load("/dev/null"), lambda: ag.load(d), lambda: ag.load(d + "/deep.json"),
            lambda: ag.loads(b""), lambda: ag.loads(b"\\xff\\xfe\\x00"),
            lambda: ag.loads("graph { a -- b [label=<<b>>] "),
            lambda: ag.loads("<graphml><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"),
            lambda: ag.extract("-"), lambda: ag.load("-"),
            lambda: ag.extract(d, dicts=[d + "/bin.txt"]),
            lambda: ag.Graph().analyze(filters=["ego:x"]),
            lambda: ag.Graph().render("svg", size_by="pagerank"),
            lambda: ag.Graph().save(d + "/x/"),
            lambda: ag.Graph().html(),
        ]
        for c in calls:
            try:
                c()
            except Exception as e:
                print(type(e).__name__, str(e)[:100])
            else:
                print("ok")
        print("survived")
    """)
    env = dict(os.environ, PYTHONPATH=os.path.join(SRC, "python"))
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path)], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    out = r.stdout.decode()
    assert r.returncode == 0 and out.rstrip().endswith("survived"), out + r.stderr.decode()


def test_failed_records_leave_no_temporary_file(ag, tmp_path, monkeypatch):
    # Records are written to a temporary file before the extraction: a record that cannot
    # be written (here, a value JSON has no form for) must not leave it behind.
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises((TypeError, ValueError)):
        ag.extract([{"text": "Rome.", "extra": object()}])
    with pytest.raises((TypeError, ValueError)):
        ag.extract([{"text": "Rome.", "score": float("inf")}])
    assert os.listdir(tmp_path) == []
