#!/bin/sh
# same-bytes.sh - prove that a change left every output byte-identical.
#
# Usage: scripts/same-bytes.sh OLD_BINDIR NEW_BINDIR
# Runs the reference runs with the tools of both directories and compares the outputs:
# ag-extract on the examples with every --scope (graph and --mentions), the seed articles
# the AG News desks and CoNLL dev --mentions (when ../shared is there), the reference graphs through every
# ag-analyze measure and community algorithm, and every ag-render format. Prints one line
# per run that differs and exits 1 if any did; 0 when all are identical.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
old=$(cd "$1" && pwd) || exit 2
new=$(cd "$2" && pwd) || exit 2
shared=${AG_SHARED:-$top/../shared}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
export LC_ALL=C TZ=UTC

# run NAME CMD...: CMD with ag-* from each directory; stdout, stderr and status compared.
n=0
bad=0
run() {
    name=$1
    shift
    for side in old new; do
        eval "dir=\$$side"
        mkdir -p "$tmp/$side"
        (PATH="$dir:$PATH"; cd "$tmp/$side" && "$@") >"$tmp/$side/$name.out" 2>"$tmp/$side/$name.err"
        echo $? >>"$tmp/$side/$name.out"
    done
    n=$((n + 1))
    for s in out err; do
        if ! cmp -s "$tmp/old/$name.$s" "$tmp/new/$name.$s"; then
            echo "differs: $name ($s)"
            bad=$((bad + 1))
        fi
    done
}

ex=$top/examples/news
for scope in sentence paragraph document window:3; do
    run "extract-$scope" ag-extract -q --scope "$scope" --mentions m.jsonl "$ex"
    run "mentions-$scope" cat m.jsonl
done
run extract-met ag-extract -q --met-only "$ex"
run extract-graphml ag-extract -q -f graphml "$ex"
if [ -d "$shared/corpus/seeds" ]; then
    run seeds ag-extract -q --mentions seeds.m "$shared/corpus/seeds"
    run seeds-mentions cat seeds.m
    run seeds-novariants ag-extract -q --no-variants "$shared/corpus/seeds"
fi
# The AG News desks: short real news of four kinds (sport words, datelines, agencies).
for desk in "$shared"/corpus/agnews/*.jsonl; do
    [ -f "$desk" ] || continue
    d=$(basename "$desk" .jsonl)
    run "agnews-$d" ag-extract -q --mentions "agnews-$d.m" "$desk"
    run "agnews-$d-m" cat "agnews-$d.m"
done
if [ -d "$shared/eval/conll2003-dev/docs" ]; then
    run conll ag-extract -q -j 2 --mentions conll.m -o /dev/null "$shared/eval/conll2003-dev/docs"
    run conll-mentions cat conll.m
fi
graphs=""
if [ -d "$shared/reference/graphs" ]; then
    graphs=$(ls "$shared/reference/graphs"/*.tsv)
fi
ag_json=$tmp/examples.json
PATH="$old:$PATH" ag-extract -q "$ex" >"$ag_json"
for g in $graphs $ag_json; do
    b=$(basename "$g")
    for algo in leiden louvain labelprop infomap walktrap; do
        run "analyze-$b-$algo" ag-analyze --centrality all --communities "$algo" --report "$g"
        run "analyze-$b-$algo-unw" ag-analyze --unweighted --centrality all --communities "$algo" "$g"
    done
done
PATH="$old:$PATH" ag-analyze "$ag_json" >"$tmp/analysed.json"
for f in json graphml gexf gml dot tsv svg png; do
    run "render-$f" ag-render -f "$f" "$tmp/analysed.json"
    run "render-met-$f" ag-render --met-only -f "$f" "$tmp/analysed.json"
done
for f in json graphml gexf gml dot tsv; do
    run "analyze-format-$f" ag-analyze -f "$f" "$ag_json"
done
run render-csv sh -c "ag-render -f csv -o csvout $tmp/analysed.json && cat csvout/*"
echo "same-bytes: $n runs, $bad differ"
[ "$bad" = 0 ]
