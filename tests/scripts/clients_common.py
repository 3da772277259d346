# clients_common.py - what the client round-trip scripts (roundtrip_*.sh) share: read a
# file with our tools and compare the graph that comes back with the one the client
# wrote: the same node names, the same links, the same weights, and every attribute with
# the same value and the same Python type (int stays int, float float, bool bool).
import json
import math
import os
import subprocess
import sys

BIN = sys.argv[1]
TMP = sys.argv[2]


def path(name):
    return os.path.join(TMP, name)


def ours(file, *args):
    """The graph our reader makes of file, as node-link JSON (a dict)."""
    out = subprocess.run([os.path.join(BIN, "ag-render"), "-f", "json", *args, file],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise AssertionError(f"ag-render could not read {file}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def has_flag(flag):
    """Does ag-render offer this option yet? (The writer options of issue 15.)"""
    out = subprocess.run([os.path.join(BIN, "ag-render"), "--help"], capture_output=True,
                         text=True)
    return flag in out.stdout


def render(src, dest, *args):
    subprocess.run([os.path.join(BIN, "ag-render"), *args, "-o", dest, src], check=True)


def same_value(want, got, where):
    if isinstance(want, float) and isinstance(got, float) and math.isnan(want):
        assert math.isnan(got), (where, want, got)
        return
    assert type(got) is type(want) and got == want, (where, want, got)


def compare(want, got, where, ignore=()):
    """want: {"directed", "nodes": {name: attrs}, "links": {(s, t): (weight, attrs)}};
    got: our node-link JSON. A weight of None means the link has none."""
    assert got["directed"] == want["directed"], (where, "directed")
    nodes = {n["id"]: {k: v for k, v in n.items() if k != "id"} for n in got["nodes"]}
    assert sorted(nodes) == sorted(want["nodes"]), (where, "names", sorted(nodes))
    for name, attrs in want["nodes"].items():
        have = {k: v for k, v in nodes[name].items() if k not in ignore}
        assert sorted(have) == sorted(attrs), (where, name, "keys", sorted(have), sorted(attrs))
        for k, v in attrs.items():
            same_value(v, have[k], (where, name, k))
    links = {}
    for l in got["links"]:
        key = (l["source"], l["target"])
        if not got["directed"]:
            key = tuple(sorted(key))
        assert key not in links, (where, "parallel link", key)
        links[key] = l
    assert len(links) == len(want["links"]), (where, "link count", len(links), len(want["links"]))
    for key, (weight, attrs) in want["links"].items():
        if not want["directed"]:
            key = tuple(sorted(key))
        assert key in links, (where, "missing link", key)
        l = links[key]
        if weight is None:
            assert "weight" not in l, (where, key, "weight")
        else:
            assert float(l["weight"]) == float(weight), (where, key, "weight", l["weight"])
        have = {k: v for k, v in l.items()
                if k not in ("source", "target", "weight") and k not in ignore}
        assert sorted(have) == sorted(attrs), (where, key, "keys", sorted(have), sorted(attrs))
        for k, v in attrs.items():
            same_value(v, have[k], (where, key, k))
    print(f"{where}: {len(nodes)} nodes, {len(links)} links, attributes and types ok")


# A small graph every client can hold: names with spaces, quotes, '&' and non-ASCII
# letters; integer, real, boolean and string attributes; weighted and unweighted links.
NODES = {
    "Giorgia Meloni": {"type": "person", "mentions": 7, "pagerank": 0.25, "met_anyone": True},
    "Zoë \"Z\" & Co": {"type": "org", "mentions": 2, "pagerank": 0.125, "met_anyone": False},
    "Malta": {"type": "country", "mentions": 11, "pagerank": 0.5, "met_anyone": True},
    "Valletta": {"type": "place", "mentions": 1, "pagerank": 0.0625, "met_anyone": False},
}
LINKS = {
    ("Giorgia Meloni", "Malta"): (3.0, {"met": True, "first_date": "2024-03-04"}),
    ("Malta", "Valletta"): (1.5, {"met": False, "first_date": "2024-04-02"}),
    ("Zoë \"Z\" & Co", "Giorgia Meloni"): (2.0, {"met": False, "first_date": "2024-04-20"}),
}
