#!/bin/sh
# ag-analyze benchmark (issue 4): ratios against python-igraph, graph-tool and networkx,
# all measured in this one run on seeded synthetic co-mention-like graphs.
#
# Usage: bench/analyze-bench.sh [BIN_DIR]      (default: build/bin)
# Environment: AG_BENCH_DIR (graphs and outputs, default /tmp/ag-bench),
#              AG_BENCH_NETWORKX=0 to skip networkx (its betweenness takes ~20 s),
#              AG_BENCH_BIG=0 to skip the 100k/1M graph.
#
# What is compared, and why:
#  * Each measure is timed as the call alone on both sides: ag-analyze --timings reports
#    the time of each measure's igraph call (plus copying results), the peers are timed
#    around the same library call after loading. Single-thread comparisons use CPU time
#    (robust when other work shares the machine); the 2-thread betweenness comparison
#    and networkx use wall time. Ratio = peer / ours; >= 1 means at least as fast.
#  * The all-pairs measures (betweenness, closeness, harmonic) are compared on 1k/20k:
#    exact weighted betweenness on 10k/100k takes minutes in every library, hours on
#    100k/1M. For those graphs ag-analyze estimates it from sampled sources; its error
#    against the exact values is measured on 1k/20k.
#  * Both sides are timed on the first call after loading (ag-analyze: best of several
#    processes; the peer: one call), since later calls in a warm process skip the page
#    faults of first allocations. Communities: 5 runs in one process on each side
#    (ag-analyze --trials 5; the peer seeds 1-5), total CPU time of the igraph calls
#    (a run's length depends on its random stream); ag-analyze's default keeps the best
#    of 10 runs on graphs up to 200k links, timed separately.
#  * PageRank is OpenMP-parallel in Debian's igraph: both sides run it on one thread
#    (OMP_NUM_THREADS=1; ag-analyze -j 1), so the ratio compares the same work.
#  * Betweenness from sampled pairs (--betweenness-error, the default above 20000 nodes)
#    against exact on 10k/100k: top-100 overlap, Spearman and the largest error in units
#    of the pair count, which --betweenness-error bounds; the older source sampling beside.
#  * PageRank with -j 1 and -j 2, with the other core idle and busy (a shell loop).
#  * End to end on 100k/1M with defaults: wall time and peak memory from /usr/bin/time,
#    and the --timings steps added up (startup, read, ..., write, free) against the wall.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/bin}
bin=$(cd "$bin" && pwd) || exit 1
dir=${AG_BENCH_DIR:-/tmp/ag-bench}
py=/usr/bin/python3
mkdir -p "$dir" || exit 1
export LC_ALL=C

if ! $py -c 'import graph_tool' 2>/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        echo "installing python3-graph-tool (Debian) ..."
        apt-get install -y -q python3-graph-tool >/dev/null 2>&1 ||
            { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q python3-graph-tool >/dev/null 2>&1; }
    fi
fi
have_gt=0; $py -c 'import graph_tool' 2>/dev/null && have_gt=1
have_ig=0; $py -c 'import igraph' 2>/dev/null && have_ig=1
[ $have_ig = 1 ] || echo "note: python3-igraph missing (apt-get install python3-igraph); no igraph ratios"

gen() { # name nodes edges
    [ -s "$dir/$1.json" ] && [ -s "$dir/$1.tsv" ] && return 0
    echo "generating $1 ($2 nodes, $3 links) ..."
    $py "$here/gen-graph.py" "$2" "$3" --seed 1 --json "$dir/$1.json" --tsv "$dir/$1.tsv" || exit 1
}
gen g1k 1000 20000
gen g10k 10000 100000
[ "${AG_BENCH_BIG:-1}" = 1 ] && gen g100k 100000 1000000

# ours ARGS...: run ag-analyze --timings ARGS $reps times; the timings lines go to $dir/t.txt
ours() {
    : >"$dir/t.txt"
    i=0
    while [ $i -lt "$reps" ]; do
        "$bin/ag-analyze" --timings "$@" -o /dev/null 2>>"$dir/t.txt" || { echo "ag-analyze $* failed" >&2; return 1; }
        i=$((i + 1))
    done
}
# pick NAME: best time of NAME in $dir/t.txt; sum NAME: total over the lines
pick() { sed -n "s/.*[ ,]$1 \([0-9.]*\) s.*/\1/p" "$dir/t.txt" | sort -g | head -1; }
sum() { sed -n "s/.*[ ,]$1 \([0-9.]*\) s.*/\1/p" "$dir/t.txt" | awk '{s += $1} END {print s + 0}'; }

peer() { # library graph measure... -> "measure seconds" lines
    lib=$1; g=$2; shift 2
    $py "$here/analyze-peers.py" "$lib" "$dir/$g.tsv" "$@" --repeat "$reps" --seeds $seeds --cpu 2>/dev/null
}
seeds=5

fails=0
row() { # graph measure ours peer_name peer_time
    awk -v g="$1" -v m="$2" -v o="$3" -v p="$4" -v t="$5" 'BEGIN {
        r = (o > 0) ? t / o : 0; ok = (r >= 1) ? "ok" : "SLOWER";
        printf "%-6s %-24s ours %8.4f s  %-16s %8.4f s  ratio %6.2f  %s\n", g, m, o, p, t, r, ok }'
    awk -v o="$3" -v t="$5" 'BEGIN { exit !(t < o) }' && fails=$((fails + 1))
}

echo
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "== per-measure call CPU times, weighted, one thread each (ratio = peer / ours) =="
export OMP_NUM_THREADS=1 # the same for both sides: PRPACK is OpenMP-parallel
for g in g1k g10k g100k; do
    [ -s "$dir/$g.json" ] || continue
    case $g in g100k) reps=2 ;; *) reps=3 ;; esac
    cheap="degree strength eigenvector pagerank coreness"
    reps=1 # the peers' first call after loading, as each ag-analyze run's is
    [ $have_ig = 1 ] && peer igraph $g $cheap leiden louvain >"$dir/peer-$g.txt"
    case $g in g100k) reps=2 ;; *) reps=3 ;; esac
    ours --centrality $(echo $cheap | tr ' ' ',') --communities none "$dir/$g.json" || exit 1
    for m in $cheap; do
        [ $have_ig = 1 ] && row $g $m "$(pick ${m}_cpu)" python-igraph "$(awk -v m=$m '$1==m {print $2}' "$dir/peer-$g.txt")"
    done
    if [ $g = g1k ]; then
        r=$reps
        reps=1
        [ $have_ig = 1 ] && peer igraph $g betweenness closeness harmonic >"$dir/peer-$g-ap.txt"
        reps=$r
        for m in betweenness closeness harmonic; do
            ours --centrality $m --communities none "$dir/$g.json" || exit 1
            [ $have_ig = 1 ] && row $g $m "$(pick ${m}_cpu)" python-igraph "$(awk -v m=$m '$1==m {print $2}' "$dir/peer-$g-ap.txt")"
        done
    fi
    r=$reps
    reps=1
    for c in leiden louvain; do
        ours --centrality none --communities $c --trials $seeds "$dir/$g.json" || exit 1
        [ $have_ig = 1 ] && row $g "$c ($seeds runs)" "$(sum ${c}_call_cpu)" python-igraph "$(awk -v m=$c '$1==m {print $2}' "$dir/peer-$g.txt")"
    done
    ours --centrality none "$dir/$g.json" && echo "$g    Leiden with the default trials: $(pick leiden) s"
done
unset OMP_NUM_THREADS

echo
echo "== weighted betweenness on 1k/20k: ag-analyze -j 2 against graph-tool, 2 OpenMP threads =="
reps=5
ours --centrality betweenness -j 2 --communities none "$dir/g1k.json" && o2=$(pick betweenness)
ours --centrality betweenness -j 1 --communities none "$dir/g1k.json" && o1=$(pick betweenness)
echo "ag-analyze -j 1: $o1 s, -j 2: $o2 s"
if [ $have_gt = 1 ]; then
    t=$($py "$here/analyze-peers.py" graphtool "$dir/g1k.tsv" betweenness --threads 2 --repeat 5 | awk '{print $2}')
    row g1k "betweenness -j2" "$o2" "graph-tool 2thr" "$t"
else
    echo "graph-tool not available (apt-get install python3-graph-tool)"
fi
if [ "${AG_BENCH_NETWORKX:-1}" = 1 ]; then
    reps=1
    peer networkx g1k betweenness pagerank >"$dir/nx-g1k.txt"
    row g1k "betweenness -j2" "$o2" networkx "$(awk '$1=="betweenness" {print $2}' "$dir/nx-g1k.txt")"
    ours --centrality pagerank --communities none "$dir/g1k.json" && o=$(pick pagerank)
    row g1k pagerank "$o" networkx "$(awk '$1=="pagerank" {print $2}' "$dir/nx-g1k.txt")"
fi

echo
echo "== sampled betweenness (--betweenness-samples K) against exact, 1k/20k =="
"$bin/ag-analyze" --centrality betweenness --communities none --betweenness-samples 0 -j 2 \
    "$dir/g1k.json" -o "$dir/bw-exact.json" || exit 1
for k in 50 200; do
    "$bin/ag-analyze" --centrality betweenness --communities none --betweenness-samples $k -j 2 \
        "$dir/g1k.json" -o "$dir/bw-$k.json" || exit 1
    $py - "$dir/bw-exact.json" "$dir/bw-$k.json" $k <<'EOF'
import json, sys
def load(p):
    return {n["id"]: n["betweenness"] for n in json.load(open(p))["nodes"]}
ex, es, k = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
top = sorted(ex, key=lambda v: -ex[v])[:20]
rel = [abs(es[v] - ex[v]) / ex[v] for v in top]
top_es = set(sorted(es, key=lambda v: -es[v])[:20])
print("K=%-4s top-20 by exact: median rel. error %.3f, max %.3f; top-20 overlap %d/20"
      % (k, sorted(rel)[len(rel) // 2], max(rel), len(top_es & set(top))))
EOF
done

# overlap EXACT.json ESTIMATE.json LABEL: top-100 overlap, Spearman over the exact top
# 100, and the largest error in units of the pair count (what --betweenness-error bounds)
overlap() {
    $py - "$@" <<'EOF'
import json, sys
def load(p):
    d = json.load(open(p))
    return {n["id"]: n["betweenness"] for n in d["nodes"]}, d["graph"]
ex, _ = load(sys.argv[1])
es, ga = load(sys.argv[2])
n = len(ex)
pairs = n * (n - 1) / 2
top_ex = sorted(ex, key=lambda v: (-ex[v], v))[:100]
top_es = sorted(es, key=lambda v: (-es[v], v))[:100]
# Spearman between exact and estimated values over the exact top 100
rank = {v: i for i, v in enumerate(sorted(top_ex, key=lambda v: (-es[v], v)))}
d2 = sum((i - rank[v]) ** 2 for i, v in enumerate(top_ex))
rho = 1 - 6 * d2 / (100 * (100 ** 2 - 1))
err = max(abs(es[v] - ex[v]) for v in ex) / pairs
print("%-30s samples %6s eps %-6s max|err|/pairs %.4f top-100 overlap %3d Spearman %.3f"
      % (sys.argv[3], ga.get("betweenness_samples", "-"),
         ("%.4f" % ga["betweenness_error"]) if "betweenness_error" in ga else "-",
         err, len(set(top_ex) & set(top_es)), rho))
EOF
}

echo
echo "== betweenness from sampled pairs (--betweenness-error) against exact, 10k/100k (target: top-100 overlap >= 90) =="
[ -s "$dir/bw10k-exact.json" ] ||
    "$bin/ag-analyze" --centrality betweenness --communities none --betweenness-error 0 -j 2 \
        "$dir/g10k.json" -o "$dir/bw10k-exact.json" || exit 1
for spec in "error 0.05" "error 0.03" "error 0.02" "samples 100" "samples 1000"; do
    set -- $spec
    for seed in 1 2; do
        "$bin/ag-analyze" --timings --centrality betweenness --communities none \
            --betweenness-$1 $2 --seed $seed "$dir/g10k.json" -o "$dir/bw10k-est.json" \
            2>"$dir/t.txt" || exit 1
        printf "%s  cpu %6.2f s\n" "$(overlap "$dir/bw10k-exact.json" "$dir/bw10k-est.json" \
            "--betweenness-$1 $2 --seed $seed")" "$(pick betweenness_cpu)"
    done
done

# pagerank_pair GRAPH LABEL: PageRank with -j 1 and -j 2, best wall time of 3 each
pagerank_pair() {
    reps=3
    ours -j 1 --centrality pagerank --communities none "$dir/$1.json" && p1=$(pick pagerank)
    ours -j 2 --centrality pagerank --communities none "$dir/$1.json" && p2=$(pick pagerank)
    awk -v g="$1" -v a="$p1" -v b="$p2" -v l="$2" 'BEGIN { r = b / a;
        printf "%-6s PageRank %-18s -j 1 %7.4f s  -j 2 %7.4f s  ratio -j2/-j1 %5.2f  %s\n",
            g, l, a, b, r, (r <= 1.25 ? "ok" : "SLOWER") }'
}
echo
echo "== PageRank: -j 2 must never be slower than -j 1 (PRPACK runs on one thread whatever -j) =="
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for g in g10k g100k; do
    [ -s "$dir/$g.json" ] || continue
    pagerank_pair $g "(machine as is)"
    sh -c 'while :; do :; done' &
    hog=$!
    pagerank_pair $g "(+1 busy loop)"
    kill $hog
done

if [ -s "$dir/g100k.json" ]; then
    echo
    echo "== 100k/1M: the default estimate against one from 20 times the pairs (exact takes hours) =="
    [ -s "$dir/bw100k-ref.json" ] ||
        "$bin/ag-analyze" --centrality betweenness --communities none --betweenness-error 0.01 \
            --seed 99 -j 2 "$dir/g100k.json" -o "$dir/bw100k-ref.json" || exit 1
    "$bin/ag-analyze" --centrality betweenness --communities none "$dir/g100k.json" \
        -o "$dir/bw100k-est.json" || exit 1
    overlap "$dir/bw100k-ref.json" "$dir/bw100k-est.json" "default vs eps 0.01"

    echo
    echo "== 100k nodes / 1M links, defaults, read to write (target < 7 s) =="
    /usr/bin/time -f "%e %M %U %S" -o "$dir/time.txt" "$bin/ag-analyze" --timings \
        "$dir/g100k.json" -o "$dir/g100k-out.json" 2>"$dir/big.err"
    cat "$dir/big.err"
    grep -o '"betweenness_[a-z]*": [0-9.e-]*' "$dir/g100k-out.json" | tr '\n' ' '
    echo
    read -r secs kb user sys <"$dir/time.txt"
    # the --timings steps (startup, read, ..., write, free) added up, against the wall;
    # CPU time beside, since other work on the machine stretches the wall time
    steps=$(sed -n 's/.*, total \([0-9.]*\) s$/\1/p' "$dir/big.err")
    awk -v s="$secs" -v k="$kb" -v t="$steps" -v c="$user + $sys" -v u="$user" -v y="$sys" 'BEGIN {
        printf "wall %.2f s (%s), in the steps %.2f s, in none %.2f s; CPU %.2f s; peak %.0f MB\n",
            s, (s < 7 ? "ok" : "OVER 7 s"), t, s - t, u + y, k / 1024 }'
fi
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (wall times above are only comparable on an idle machine)"
echo "measures slower than a peer: $fails"
