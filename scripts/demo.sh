#!/bin/sh
# The main job on the bundled example: install what is missing, build, then run the whole
# pipeline over examples/ and draw who met whom.
#   examples/out/graph.json   the analysed actor graph (node-link JSON)
#   examples/out/whomet.svg   the who-met-whom picture
#   examples/out/graph.gexf   the same graph for Gephi
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
"$top/scripts/build.sh" >&2
bin=$build/bin
out=$top/examples/out
mkdir -p "$out"
"$bin/ag-extract" -q "$top/examples/news" | "$bin/ag-analyze" -o "$out/graph.json"
"$bin/ag-render" -f svg --met-only --title "Who met whom (examples/news)" \
    -o "$out/whomet.svg" "$out/graph.json"
"$bin/ag-render" -o "$out/graph.gexf" "$out/graph.json"
"$bin/ag-analyze" --report -o /dev/null "$out/graph.json"
echo "wrote $out/graph.json, $out/whomet.svg and $out/graph.gexf" >&2

# The five real articles beside the project, when they are there: the picture the
# README shows (generated, never committed: it carries sentences of the articles).
seeds=$top/../shared/corpus/seeds
if [ -d "$seeds" ]; then
    "$bin/ag-extract" -q "$seeds" | "$bin/ag-analyze" |
        "$bin/ag-render" -f svg --met-only --title "Who met whom (shared/corpus/seeds)" \
            -o "$out/seeds-whomet.svg"
    echo "wrote $out/seeds-whomet.svg" >&2
fi
