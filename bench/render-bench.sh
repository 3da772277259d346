#!/bin/sh
# ag-render benchmark (issue 5): DOT export of a 100k-actor / 1M-link graph against
# networkx's DOT writers (nx_pydot.write_dot and nx_agraph.write_dot), and the time a
# picture of the top 60 actors of that graph takes.
#
# Usage: bench/render-bench.sh [BIN_DIR]      (default: build/bin)
# Environment: AG_BENCH_DIR (graphs and outputs, default /tmp/ag-bench),
#              AG_BENCH_NODES / AG_BENCH_LINKS (default 100000 / 1000000),
#              AG_BENCH_TIMEOUT (seconds a peer may take, default 600).
#
# What is compared: ours is the whole ag-render run (read the node-link JSON, style every
# actor and link, write DOT with tooltips and all data attributes); networkx's is the
# write_dot call alone, after the graph was loaded (node_link_graph, not timed). So the
# ratio (peer / ours, >= 1 means we are at least as fast) is in networkx's favour.
# Times are CPU seconds (user + system; Python's process_time), which stay meaningful on
# a machine shared with other work; wall seconds are shown beside ours.
# networkx, pydot and pygraphviz are Debian's (python3-networkx, python3-pydot,
# python3-pygraphviz, run with /usr/bin/python3).
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/bin}
bin=$(cd "$bin" && pwd) || exit 1
dir=${AG_BENCH_DIR:-/tmp/ag-bench}
nodes=${AG_BENCH_NODES:-100000}
links=${AG_BENCH_LINKS:-1000000}
limit=${AG_BENCH_TIMEOUT:-600}
py=/usr/bin/python3
mkdir -p "$dir" || exit 1
export LC_ALL=C

graph=$dir/render-$nodes-$links.json
if [ ! -s "$graph" ]; then
    echo "generating $graph ($nodes actors, $links links) ..."
    $py "$here/gen-graph.py" "$nodes" "$links" --seed 1 --json "$graph" || exit 1
fi

# seconds COMMAND...: "CPU wall" seconds of one run, "fail" when it fails
seconds() {
    /usr/bin/time -f "T %U %S %e" -o "$dir/time.txt" "$@" >/dev/null 2>"$dir/err.txt" ||
        { echo fail; return; }
    awk '$1 == "T" { printf "%.2f %.2f", $2 + $3, $4 }' "$dir/time.txt"
}

ours=$(seconds "$bin/ag-render" -f dot -o "$dir/ours.dot" "$graph")
ours_nt=$(seconds "$bin/ag-render" -f dot --no-tooltips -o "$dir/ours-nt.dot" "$graph")
pic=$(seconds "$bin/ag-render" -f svg -o "$dir/top60.svg" "$graph")
echo "ag-render -f dot:               CPU/wall $ours s ($(wc -c <"$dir/ours.dot") bytes)"
echo "ag-render -f dot --no-tooltips: CPU/wall $ours_nt s"
echo "ag-render top-60 picture (svg): CPU/wall $pic s"
ours=${ours%% *}

for writer in pydot agraph; do
    t=$(timeout "$limit" $py - "$graph" "$dir/nx-$writer.dot" "$writer" <<'PY' 2>"$dir/err.txt"
import json, sys, time
import networkx as nx
src, dst, writer = sys.argv[1:4]
with open(src, encoding="utf-8") as f:
    g = nx.node_link_graph(json.load(f))
t = time.process_time()
if writer == "pydot":
    nx.nx_pydot.write_dot(g, dst)
else:
    nx.nx_agraph.write_dot(g, dst)
print("%.2f" % (time.process_time() - t))
PY
    ) || t=""
    if [ -z "$t" ]; then
        echo "networkx $writer write_dot: did not finish within ${limit} s wall (or failed: $(head -c 200 "$dir/err.txt"))"
        [ "$ours" != fail ] && echo "ratio $writer/ours: > $(awk -v a="$limit" -v b="$ours" 'BEGIN { printf "%.1f", a / b }')"
    else
        echo "networkx $writer write_dot:   CPU $t s"
        [ "$ours" != fail ] && echo "ratio $writer/ours: $(awk -v a="$t" -v b="$ours" 'BEGIN { printf "%.1f", a / b }')"
    fi
done
rm -f "$dir/ours.dot" "$dir/ours-nt.dot" "$dir/nx-pydot.dot" "$dir/nx-agraph.dot"
