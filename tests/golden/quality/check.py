#!/usr/bin/env python3
"""Score an ag-extract graph against a desk's hand-written expectations.

Usage: ag-extract -q news | python3 ../check.py expect.json

Reads the graph (node-link JSON) on stdin and the expectations file named as argument,
and prints one line per expectation, "ok   <what>" or "FAIL <what>", in the file's order
(sections in the order they appear, entries in list order), then "score: P/T".
Always exits 0: the golden transcript records passes and failures alike.

A name resolves to the node whose id equals it, else to the first node (in graph order)
whose aliases contain it; matching is case-sensitive. Sections:
  actors    {"Name": "person|org|country|place"}  a node of that type
  not_nodes ["Name"]                               neither a node id nor any node's alias
  same      [["A", "B"]]                           both resolve, to the same node
  distinct  [["A", "B"]]                           both resolve, to different nodes
  met       [["A", "B"]]                           a link with met=true between their nodes
  not_met   [["A", "B"]]                           no such link (fine if either is absent)
Keys starting with "_" (such as "_why") are ignored.
"""
import json
import sys


def load_graph():
    try:
        g = json.load(sys.stdin)
        return g.get("nodes", []), g.get("links", []), None
    except (ValueError, AttributeError) as e:
        return [], [], "graph: unreadable input (%s)" % e.__class__.__name__


nodes, links, error = load_graph()
expect = json.load(open(sys.argv[1], encoding="utf-8"))

by_id = {n["id"]: n for n in nodes}
alias_of = {}
for n in nodes:
    for a in n.get("aliases", []):
        alias_of.setdefault(a, n["id"])
met_pairs = {frozenset((l["source"], l["target"])) for l in links if l.get("met")}


def node_for(name):
    if name in by_id:
        return name
    return alias_of.get(name)


def show(name):
    nid = node_for(name)
    if nid is None:
        return "%s: no node" % name
    if nid == name:
        return "%s: node (%s)" % (name, by_id[nid]["type"])
    return "%s: alias of '%s' (%s)" % (name, nid, by_id[nid]["type"])


passed = total = 0


def check(ok, what, why=""):
    global passed, total
    total += 1
    passed += bool(ok)
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not why else "  [" + why + "]"))


if error:
    print("note " + error)

for section, body in expect.items():
    if section.startswith("_"):
        continue
    if section == "actors":
        for name, want in body.items():
            nid = node_for(name)
            got = by_id[nid]["type"] if nid is not None else None
            check(got == want, "actor %s is %s" % (name, want), show(name))
    elif section == "not_nodes":
        for name in body:
            check(node_for(name) is None, "not a node: %s" % name, show(name))
    elif section == "same":
        for a, b in body:
            na, nb = node_for(a), node_for(b)
            check(na is not None and na == nb, "same: %s = %s" % (a, b),
                  "%s; %s" % (show(a), show(b)))
    elif section == "distinct":
        for a, b in body:
            na, nb = node_for(a), node_for(b)
            check(na is not None and nb is not None and na != nb,
                  "distinct: %s / %s" % (a, b), "%s; %s" % (show(a), show(b)))
    elif section == "met":
        for a, b in body:
            na, nb = node_for(a), node_for(b)
            ok = na is not None and nb is not None and frozenset((na, nb)) in met_pairs
            check(ok, "met: %s -- %s" % (a, b),
                  "%s; %s; no met link" % (show(a), show(b)))
    elif section == "not_met":
        for a, b in body:
            na, nb = node_for(a), node_for(b)
            ok = na is None or nb is None or frozenset((na, nb)) not in met_pairs
            check(ok, "not met: %s -- %s" % (a, b),
                  "met link between '%s' and '%s'" % (na, nb))
    else:
        print("note unknown section ignored: %s" % section)

print("score: %d/%d" % (passed, total))
sys.exit(0)
