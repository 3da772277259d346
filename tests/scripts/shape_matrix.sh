#!/bin/sh
# Graph-shape matrix: every measure, every community algorithm, every filter and every
# writer over a set of generated shapes that break naive code (empty, one node, one
# self-loop, self-loops only, two nodes, parallel links, directed graphs balanced and
# not, in- and out-stars, disconnected, weights at 1e-320 and 1e308, missing weights).
# Each run must end within its time limit and either succeed or fail with a one-line
# error (exit 1): a crash, a hang or a sanitizer report fails the test. Run by CI under
# AddressSanitizer too, where a stray write aborts the run.
# Usage: shape_matrix.sh BIN_DIR
set -u
bin=$(cd "$1" && pwd) || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

# shape NAME: write shapes/NAME (a TSV edge list, a DOT or a JSON graph)
mkdir shapes
: >shapes/empty.tsv
printf '{"directed": false, "multigraph": false, "graph": {}, "nodes": [{"id": "a"}], "links": []}\n' >shapes/one-node.json
printf 'a\ta\n' >shapes/self-loop.tsv
printf 'a\ta\nb\tb\t3\nc\tc\n' >shapes/loops-only.tsv
printf 'a\tb\n' >shapes/two.tsv
printf 'graph { a -- b; a -- b; b -- c; a -- c }\n' >shapes/parallel.dot
printf 'digraph { a -> b; b -> c; c -> a; c -> d; d -> c }\n' >shapes/directed-balanced.dot
printf 'digraph { a -> b; b -> c; a -> c; d -> c; e -> c }\n' >shapes/directed-unbalanced.dot
printf 'digraph { b -> a; c -> a; d -> a; e -> a; f -> a }\n' >shapes/in-star.dot
printf 'digraph { a -> b; a -> c; a -> d; a -> e; a -> f }\n' >shapes/out-star.dot
printf 'digraph { a -> b; a -> b; b -> c }\n' >shapes/directed-parallel.dot
printf 'a\tb\nb\tc\nd\te\nf\tf\n' >shapes/disconnected.tsv
printf 'a\tb\t1e-320\nb\tc\t1\nc\ta\t2\n' >shapes/subnormal.tsv
printf 'a\tb\t1e308\nb\tc\t1e308\nc\td\t1\n' >shapes/huge.tsv
printf '{"directed": false, "multigraph": false, "graph": {}, "nodes": [{"id": "a"}, {"id": "b"}, {"id": "c"}],\n"links": [{"source": "a", "target": "b", "weight": 2}, {"source": "b", "target": "c"}]}\n' >shapes/mixed-weights.json

fail=0
runs=0
# check LABEL CMD...: run with a time limit; exit 0 or 1 with one line on stderr is fine
check() {
    label=$1
    shift
    timeout 60 "$@" >out 2>err
    rc=$?
    runs=$((runs + 1))
    lines=$(wc -l <err)
    if [ "$rc" -gt 1 ] || { [ "$rc" = 1 ] && [ "$lines" != 1 ]; } ||
        grep -q -e 'Sanitizer' -e 'runtime error' err; then
        echo "FAIL ($rc): $label"
        head -5 err
        fail=1
    fi
}

for s in shapes/*; do
    for m in degree strength betweenness closeness harmonic eigenvector pagerank coreness; do
        check "$s --centrality $m" "$bin/ag-analyze" --centrality "$m" --communities none "$s"
        check "$s --centrality $m --unweighted" "$bin/ag-analyze" --unweighted --centrality "$m" --communities none "$s"
    done
    check "$s betweenness -j 2" "$bin/ag-analyze" -j 2 --centrality betweenness --communities none "$s"
    check "$s sampled betweenness" "$bin/ag-analyze" --betweenness-samples 2 --centrality betweenness --communities none "$s"
    for c in leiden louvain labelprop infomap walktrap; do
        check "$s --communities $c" "$bin/ag-analyze" --centrality none --communities "$c" "$s"
    done
    for f in "--association npmi" "--association jaccard" "--min-weight 2" "--min-degree 1" \
             "--types person,other" "--met-only" "--top 2" "--giant" "--ego a:2" "--backbone 0.5"; do
        # shellcheck disable=SC2086
        check "$s $f" "$bin/ag-analyze" $f "$s"
    done
    check "$s defaults + report" "$bin/ag-analyze" --report "$s"
    for w in json graphml gexf gml dot tsv svg; do
        check "$s -f $w" "$bin/ag-render" -f "$w" "$s"
    done
    check "$s -f csv" "$bin/ag-render" -f csv -o csv "$s"
done
echo "shape matrix: $runs runs"
exit $fail
