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
"$bin/ag-extract" -q -j 2 --emit-keyed "$@" | "$bin/ag-merge" -o /dev/null
"$bin/ag-analyze" -o "$tmp/graph.json" "$tmp/all.json"
for f in json dot graphml gexf csv; do
    "$bin/ag-render" -f "$f" -o "$tmp/out.$f" "$tmp/graph.json"
done
