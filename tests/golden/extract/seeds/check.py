#!/usr/bin/env python3
"""Check ag-extract's graph of the shared seed articles against the hand annotation.

Reads the graph (node-link JSON) on stdin and the annotation file named as argument, and
prints one line per check: the targets of issue 3 (persons, organisations and countries
found under their canonical name or an alias, every non-planned met pair found, the traps
handled, no junk node). Prints nothing from the annotation itself beyond actor names.
"""
import json
import sys

graph = json.load(sys.stdin)
gold = json.load(open(sys.argv[1], encoding="utf-8"))
nodes = {n["id"]: n for n in graph["nodes"]}
alias_of = {}
for n in graph["nodes"]:
    alias_of.setdefault(n["id"], n["id"])
    for a in n.get("aliases", []):
        alias_of.setdefault(a, n["id"])
met = {frozenset((l["source"], l["target"])) for l in graph["links"] if l.get("met")}


def node_for(name):
    return name if name in nodes else alias_of.get(name)


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)


# 1. recall of actors under canonical name or alias
want = found = 0
missing = []
for doc in gold["docs"].values():
    for name, a in doc["actors"].items():
        if a["type"] not in ("person", "org", "country"):
            continue
        want += 1
        if node_for(name) or any(node_for(f) for f in a["forms"]):
            found += 1
        else:
            missing.append(name)
ok = found >= 0.9 * want
check(ok, "at least 90% of gold persons/orgs/countries found" + ("" if ok else
      " (%d/%d; missing: %s)" % (found, want, ", ".join(sorted(set(missing))))))

# 2. every non-planned met pair
for doc in gold["docs"].values():
    for pair in doc["met"]:
        if len(pair) > 2 and pair[2] == "planned":
            continue
        a, b = node_for(pair[0]), node_for(pair[1])
        check(a is not None and b is not None and frozenset((a, b)) in met,
              "met: %s -- %s" % (pair[0], pair[1]))

# 3. traps
def same(a, b):
    return node_for(a) is not None and node_for(a) == node_for(b)

check(node_for("Khalilzad") == "Zalmay Khalilzad", "Khalilzad resolves to Zalmay Khalilzad")
check(same("Shah Mehmood Qureshi", "Shah Mahmood Qureshi"), "Mehmood/Mahmood Qureshi are one")
check("Mohammad Faisal" in nodes and same("Mohammad Faisal", "Mohammed Faisal"),
      "Mohammad/Mohammed Faisal are one node named Mohammad Faisal")
check(same("Qamar Javed Bajwa", "Qamar Bajwa"), "Qamar Bajwa is Qamar Javed Bajwa")
check(node_for("Ghani") == "Ashraf Ghani", "Ghani is Ashraf Ghani")
check("Ghani" not in nodes.get("Abdul Ghani Baradar", {}).get("aliases", []),
      "Ghani is not an alias of Abdul Ghani Baradar")
check(same("US", "United States") and same("Afghan", "Afghanistan"),
      "US = United States, Afghan = Afghanistan")
check(nodes.get("Zalmay Khalilzad", {}).get("type") == "person"
      and nodes.get("Taliban", {}).get("type") == "org"
      and nodes.get("Pakistan", {}).get("type") == "country", "types of key actors")
roles = set(nodes.get("Zalmay Khalilzad", {}).get("roles", []))
check(any("Special Representative" in r or "Ambassador" in r or "Amb" == r for r in roles),
      "titles kept as roles of Zalmay Khalilzad")

# 4. no junk nodes
junk_words = {"The", "Earlier", "Over", "According", "Later", "Recently", "Another", "Senior",
              "He", "She", "It", "We", "They", "This", "In", "During", "President",
              "Foreign Minister", "Ambassador", "Dr", "Gen", "Amb", "ISLAMABAD"}
junk = sorted(n for n in nodes if n in junk_words or n.split()[0] in
              {"The", "Earlier", "Over", "According", "Later", "Recently", "Another", "Senior"}
              and n != "The Nation")
check(not junk, "no junk nodes" + (": " + ", ".join(junk) if junk else ""))
titled = sorted(n for n in nodes if n.split()[0] in
                {"President", "Foreign", "Prime", "Ambassador", "Amb", "Dr", "Gen", "General",
                 "Mullah", "Special", "Army"} and nodes[n]["type"] == "person")
check(not titled, "no person node keeps its title" + (": " + ", ".join(titled) if titled else ""))
dateline = [l for l in graph["links"] if "ISLAMABAD" in (l["source"], l["target"])]
check(not dateline, "datelines take no part in links")
