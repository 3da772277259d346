#!/usr/bin/python3
"""Seeded synthetic co-mention-like graphs for the ag-analyze benchmark.

Usage: gen-graph.py NODES EDGES [--seed S] --json FILE [--tsv FILE]

What makes it "co-mention-like" (and not an Erdos-Renyi graph, on which most measures
behave untypically):
  * actors have heavy-tailed popularity (a few are mentioned everywhere), so degrees and
    strengths are skewed;
  * actors belong to topical groups of power-law sizes, and most co-mentions stay inside
    a group, so there is community structure for Leiden/Louvain to find;
  * a link's weight is the number of times its pair was drawn, so weights are small
    integers with a long tail, as co-mention counts are.
The node and link attributes ag-extract writes (type, mentions, documents, met) are
filled in plausibly so that reading the JSON costs what reading real output costs.

Same arguments and seed -> the same bytes (only Python's seeded `random` is used).
"""
import argparse
import bisect
import itertools
import json
import random
import sys


def build(n, m, seed):
    rnd = random.Random(seed)
    pop = [rnd.paretovariate(1.2) for _ in range(n)]
    # groups: sizes from a power law, about n/40 of them
    groups = []
    left = list(range(n))
    rnd.shuffle(left)
    while left:
        size = min(len(left), max(3, int(rnd.paretovariate(1.1) * 10)))
        groups.append(left[:size])
        left = left[size:]
    group_of = [0] * n
    for gi, members in enumerate(groups):
        for v in members:
            group_of[v] = gi
    cum_all = list(itertools.accumulate(pop))
    cum_group = [list(itertools.accumulate(pop[v] for v in g)) for g in groups]

    def pick_global():
        return bisect.bisect_left(cum_all, rnd.random() * cum_all[-1])

    def pick_in(gi):
        c = cum_group[gi]
        return groups[gi][bisect.bisect_left(c, rnd.random() * c[-1])]

    counts = {}
    tries = 0
    while len(counts) < m:
        tries += 1
        if tries > 200 * m:
            sys.exit("gen-graph: cannot place %d distinct edges on %d nodes" % (m, n))
        u = pick_global()
        gi = group_of[u]
        if rnd.random() < 0.8 and len(groups[gi]) > 1:
            v = pick_in(gi)
        else:
            v = pick_global()
        if u == v:
            continue
        key = (u, v) if u < v else (v, u)
        counts[key] = counts.get(key, 0) + 1
    return rnd, counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("nodes", type=int)
    ap.add_argument("edges", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", required=True, help="node-link JSON output")
    ap.add_argument("--tsv", help="also write a headerless source<TAB>target<TAB>weight "
                    "edge list (for the peer libraries' readers)")
    a = ap.parse_args()
    rnd, counts = build(a.nodes, a.edges, a.seed)
    n = a.nodes
    strength = [0] * n
    for (u, v), w in counts.items():
        strength[u] += w
        strength[v] += w
    types = ["person"] * 6 + ["org"] * 2 + ["country", "place"]
    ndocs = max(10, sum(strength) // 3)
    name = ["A%07d" % i for i in range(n)]
    with open(a.json, "w") as f:
        f.write('{"directed": false, "multigraph": false, "graph": {"documents": %d},\n'
                '"nodes": [\n' % ndocs)
        for i in range(n):
            mentions = strength[i] + 1 + rnd.randrange(3)
            docs = max(1, (mentions * 2) // 3)
            f.write(json.dumps({"id": name[i], "type": rnd.choice(types),
                                "mentions": mentions, "documents": docs}))
            f.write(",\n" if i + 1 < n else "\n")
        f.write('],\n"links": [\n')
        items = sorted(counts.items())
        for k, ((u, v), w) in enumerate(items):
            f.write(json.dumps({"source": name[u], "target": name[v], "weight": w,
                                "documents": max(1, (w * 3 + 3) // 4),
                                "met": rnd.random() < 0.05}))
            f.write(",\n" if k + 1 < len(items) else "\n")
        f.write("]}\n")
    if a.tsv:
        with open(a.tsv, "w") as f:
            for (u, v), w in sorted(counts.items()):
                f.write("%s\t%s\t%d\n" % (name[u], name[v], w))


if __name__ == "__main__":
    main()
