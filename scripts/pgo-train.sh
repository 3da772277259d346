#!/bin/sh
# The training run of a profile-guided build (scripts/build.sh): the tools of BIN_DIR,
# built with -DAG_PGO=GENERATE, over the project's own articles (the examples and the
# quality cases of every news desk) through the whole pipeline: extraction with one
# thread and with two, the shard merge, analysis and the file formats. Only the branch
# counts the run leaves beside the objects matter.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
set -- "$top/examples/news" "$top"/tests/golden/quality/*/news
"$bin/ag-extract" -q -j 1 --mentions "$tmp/mentions.jsonl" -o "$tmp/all.json" "$@"
# The same articles again, 20 copies under new names (distinct documents, ~2 MB): a run
# builds its lexicon once, which costs as much as recognising 200 KB, so over the
# articles alone that build dominated the counts, and GCC laid out parts of the
# per-document code (sentence splitter, small helpers) as cold. A real feed is megabytes.
mkdir "$tmp/copies"
for r in $(seq 20); do
    for f in "$top"/examples/news/* "$top"/tests/golden/quality/*/news/*; do
        cp "$f" "$tmp/copies/r$r-$(basename "$f")"
    done
done
"$bin/ag-extract" -q -j 1 -o /dev/null "$tmp/copies"
"$bin/ag-extract" -q -j 2 --emit-keyed "$@" | "$bin/ag-merge" -o /dev/null
"$bin/ag-analyze" -o "$tmp/graph.json" "$tmp/all.json"
for f in json dot graphml gexf csv; do
    "$bin/ag-render" -f "$f" -o "$tmp/out.$f" "$tmp/graph.json"
done
