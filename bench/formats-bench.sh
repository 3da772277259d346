#!/bin/sh
# Export speed of the data formats (issue 5): ag-render writing a 100k-actor / 1M-link
# graph to GraphML, GEXF, GML and Gephi CSV, against networkx's writer for the same
# format on the same graph (write_graphml, write_gexf, write_gml; for CSV, which
# networkx has no writer for, write_edgelist with delimiter="," plus csv.DictWriter for
# the nodes table). Prints seconds, peak memory and the ratio networkx / ours (>= 1
# means we are at least as fast).
#
# Two comparisons, both printed:
#  - writer:     networkx's writer alone (graph already in memory) against our writer
#                alone (bench/formats-writers.c, built here against the library next to
#                AG_BIN: reads the graph once, then times each writer);
#  - conversion: JSON file to export file: networkx's json.load + node_link_graph +
#                writer against our whole ag-render command.
# Both wall-clock and CPU time (user + system) are measured; on a shared, loaded
# machine the CPU ratios are the ones to trust.
#
# The graph comes from bench/gen-graph.py (seeded, co-mention-like), run through
# ag-analyze for pagerank, degree and communities, so the exports carry measures,
# colours and sizes as real ones do.
#
# Usage: bench/formats-bench.sh [NODES [LINKS]]   (default 100000 1000000)
# Env:   AG_BIN (default build/bin), PYTHON (default: a python3 with networkx, newest
#        first), KEEP=1 to keep the work directory, GRAPH=FILE to reuse a graph.json
#        made by an earlier run (KEEP=1) instead of generating one.
set -eu
nodes=${1:-100000}
links=${2:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
bin=${AG_BIN:-$here/../build/bin}
[ -x "$bin/ag-render" ] || { echo "formats-bench: no ag-render in $bin (set AG_BIN)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "formats-bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
if [ -z "${PYTHON:-}" ]; then
    for py in python3 /usr/bin/python3; do
        if "$py" -c 'import networkx' 2>/dev/null; then PYTHON=$py; break; fi
    done
fi
[ -n "${PYTHON:-}" ] || { echo "formats-bench: networkx is not installed" >&2; exit 2; }

work=$(mktemp -d)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
if [ -n "${GRAPH:-}" ]; then
    cp "$GRAPH" "$work/graph.json"
    echo "graph: $GRAPH; work dir $work"
else
    echo "graph: $nodes actors, $links links (seed 1); work dir $work"
    python3 "$here/gen-graph.py" "$nodes" "$links" --seed 1 --json "$work/raw.json"
    "$bin/ag-analyze" -q --centrality degree,pagerank --communities louvain -o "$work/graph.json" "$work/raw.json"
    rm -f "$work/raw.json"
fi
ls -l "$work/graph.json" | awk '{printf "input: %.0f MB of node-link JSON\n", $5 / 1e6}'
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"

# ------------------------------------------------------------------ ours
ours() { # format, output
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.$1" "$bin/ag-render" -f "$1" -o "$2" "$work/graph.json"
    cat "$work/time.$1"
}
for f in graphml gexf gml; do
    ours $f "$work/ours.$f" >"$work/ours.$f.t"
done
ours csv "$work/ours-csv/" >"$work/ours.csv.t"
# the writers alone, the graph read once
cc -O2 -I"$here/../include" -o "$work/formats-writers" "$here/formats-writers.c" \
    -L"$bin/.." -lactorgraph -Wl,-rpath,"$(cd "$bin/.." && pwd)" $(pkg-config --libs jansson)
"$work/formats-writers" "$work/graph.json" "$work" >"$work/writers.t"

# ------------------------------------------------------------------ networkx
"$PYTHON" - "$work" <<'PY' >"$work/nx.t"
import csv, json, os, resource, sys, time
import networkx as nx
work = sys.argv[1]
def load():
    global G
    with open(os.path.join(work, "graph.json")) as f:
        d = json.load(f)
    try:
        G = nx.node_link_graph(d, edges="links")
    except TypeError:  # networkx < 3.4
        G = nx.node_link_graph(d)
def timed(name, fn):
    t, c = time.perf_counter(), time.process_time()
    fn()
    print(name, "%.2f %.2f" % (time.perf_counter() - t, time.process_time() - c),
          resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    sys.stdout.flush()
timed("load", load)
timed("graphml", lambda: nx.write_graphml(G, os.path.join(work, "nx.graphml")))
major = int(nx.__version__.split(".")[0])
timed("gexf", lambda: nx.write_gexf(G, os.path.join(work, "nx.gexf"),
                                    **({"version": "1.3"} if major >= 3 else {})))
timed("gml", lambda: nx.write_gml(G, os.path.join(work, "nx.gml")))
def write_csv():
    cols = sorted({k for _, a in G.nodes(data=True) for k in a})
    with open(os.path.join(work, "nx_nodes.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, ["Id"] + cols)
        w.writeheader()
        for v, a in G.nodes(data=True):
            w.writerow(dict(a, Id=v))
    nx.write_edgelist(G, os.path.join(work, "nx_edges.csv"), delimiter=",", data=True)
timed("csv", write_csv)
PY

# ------------------------------------------------------------------ report
echo "networkx $("$PYTHON" -c 'import networkx; print(networkx.__version__)') ($PYTHON)"
set -- $(grep "^load " "$work/nx.t")
ls=$2 lc=$3
echo "networkx load (json.load + node_link_graph): ${ls}s wall, ${lc}s CPU"
printf '%-8s %8s %8s %8s %8s %8s %8s %7s %7s | %8s %8s\n' format "ours" "ours" "writer" "writer" "nx wr." "nx wr." "nx MB" "ours MB" "writer" "convert"
printf '%-8s %8s %8s %8s %8s %8s %8s %7s %7s | %8s %8s\n' "" "wall s" "CPU s" "wall s" "CPU s" "wall s" "CPU s" "" "" "CPU x" "CPU x"
for f in graphml gexf gml csv; do
    read os ou osy ok <"$work/ours.$f.t"
    set -- $(grep "^$f " "$work/writers.t")
    ws=$2 wc=$3
    set -- $(grep "^$f " "$work/nx.t")
    ns=$2 nc=$3 nk=$4
    awk -v f=$f -v os="$os" -v oc="$(awk "BEGIN{print $ou+$osy}")" -v ok="$ok" -v ns="$ns" \
        -v nc="$nc" -v nk="$nk" -v ws="$ws" -v wc="$wc" -v lc="$lc" 'BEGIN {
        w = wc < 0.01 ? 0.01 : wc
        printf "%-8s %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %7.0f %7.0f | %7.1fx %7.1fx\n", f, os, oc,
               ws, wc, ns, nc, nk / 1024, ok / 1024, nc / w, (lc + nc) / oc }'
done
for f in graphml gexf gml; do
    printf '%s: %.0f MB  ' $f "$(wc -c <"$work/ours.$f" | awk '{print $1 / 1e6}')"
done
echo "csv: $(cat "$work/ours-csv/nodes.csv" "$work/ours-csv/edges.csv" | wc -c | awk '{printf "%.0f", $1 / 1e6}') MB"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "writer x = networkx writer CPU / our writer CPU (graph in memory on both sides);"
echo "convert x = networkx (load + writer) CPU / our whole command CPU; >= 1.0 is the target"
