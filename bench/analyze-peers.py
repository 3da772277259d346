#!/usr/bin/python3
"""Time the peer libraries on the calls ag-analyze makes (used by analyze-bench.sh).

Usage: analyze-peers.py LIBRARY EDGELIST.tsv MEASURE...
  LIBRARY  igraph | graphtool | networkx
  MEASURE  degree strength betweenness closeness harmonic eigenvector pagerank coreness
           leiden louvain   (graph-tool: betweenness only, with --threads N)
Prints one line per measure: "NAME SECONDS" (best of --repeat runs, wall time or with
--cpu the process's CPU time, the call alone:
loading and conversion are not timed; communities: the total over seeds 1..--seeds). Weighted as ag-analyze: path lengths are
1/weight, eigenvector, PageRank and communities use the weight.
"""
import argparse
import random
import sys
import time


CLOCK = time.perf_counter  # --cpu: time.process_time


def best(fn, repeat):
    t = None
    for _ in range(repeat):
        t0 = CLOCK()
        fn()
        d = CLOCK() - t0
        t = d if t is None or d < t else t
    return t


def run_igraph(path, measures, repeat, seeds):
    import igraph as ig
    g = ig.Graph.Read_Ncol(path, weights=True, directed=False)
    w = g.es["weight"]
    g.es["len"] = [1.0 / x for x in w]
    calls = {
        "degree": lambda: g.degree(),
        "strength": lambda: g.strength(weights="weight"),
        "betweenness": lambda: g.betweenness(weights="len"),
        "closeness": lambda: g.closeness(weights="len"),
        "harmonic": lambda: g.harmonic_centrality(weights="len", normalized=False),
        "eigenvector": lambda: g.eigenvector_centrality(weights="weight", scale=True),
        "pagerank": lambda: g.pagerank(weights="weight"),
        "coreness": lambda: g.coreness(),
    }
    # Communities: one run per seed 1..seeds, total time of the calls (how long a run
    # takes depends on the random stream, so one seed alone says little).
    def seeded(call):
        def run():
            t = 0.0
            for seed in range(1, seeds + 1):
                random.seed(seed)
                t0 = CLOCK()
                call()
                t += CLOCK() - t0
            return t
        return run
    comm = {
        "leiden": seeded(lambda: g.community_leiden(
            objective_function="modularity", weights="weight", n_iterations=-1)),
        "louvain": seeded(lambda: g.community_multilevel(weights="weight")),
    }
    for m in measures:
        if m in comm:
            print(m, "%.4f" % comm[m](), flush=True)
        else:
            print(m, "%.4f" % best(calls[m], repeat), flush=True)


def run_graphtool(path, measures, repeat, threads):
    import graph_tool.all as gt
    g = gt.load_graph_from_csv(path, directed=False, csv_options={"delimiter": "\t"},
                               eprop_types=["double"], eprop_names=["weight"])
    length = g.new_ep("double")
    length.a = 1.0 / g.ep["weight"].a
    gt.openmp_set_num_threads(threads)
    for m in measures:
        if m != "betweenness":
            sys.exit("graph-tool: only betweenness is benchmarked")
        print(m, "%.4f" % best(lambda: gt.betweenness(g, weight=length, norm=False), repeat),
              flush=True)


def run_networkx(path, measures, repeat):
    import networkx as nx
    g = nx.Graph()
    with open(path) as f:
        for line in f:
            a, b, w = line.split("\t")
            w = float(w)
            g.add_edge(a, b, weight=w, length=1.0 / w)
    calls = {
        "degree": lambda: dict(g.degree()),
        "strength": lambda: dict(g.degree(weight="weight")),
        "betweenness": lambda: nx.betweenness_centrality(g, weight="length", normalized=False),
        "pagerank": lambda: nx.pagerank(g, weight="weight"),
        "eigenvector": lambda: nx.eigenvector_centrality_numpy(g, weight="weight"),
        "coreness": lambda: nx.core_number(g),
        "louvain": lambda: nx.community.louvain_communities(g, weight="weight", seed=42),
    }
    for m in measures:
        print(m, "%.4f" % best(calls[m], repeat), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("library", choices=["igraph", "graphtool", "networkx"])
    ap.add_argument("edgelist")
    ap.add_argument("measures", nargs="+")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seeds", type=int, default=5, help="community runs (seeds 1..N)")
    ap.add_argument("--cpu", action="store_true", help="CPU time instead of wall time")
    a = ap.parse_args()
    if a.cpu:
        global CLOCK
        CLOCK = time.process_time
    if a.library == "igraph":
        run_igraph(a.edgelist, a.measures, a.repeat, a.seeds)
    elif a.library == "graphtool":
        run_graphtool(a.edgelist, a.measures, a.repeat, a.threads)
    else:
        run_networkx(a.edgelist, a.measures, a.repeat)


if __name__ == "__main__":
    main()
