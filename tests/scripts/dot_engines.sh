#!/bin/sh
# ag-render's DOT is accepted by Graphviz's own programs: dot, neato and sfdp lay out the
# DOT written for the bundled examples, for a graph of awkward names, and (when
# ../shared is there) for the seeds, without an error or warning, and each result is
# well-formed SVG. Then the same DOT reads back through ag-render with the same nodes
# and links. Usage: dot_engines.sh BIN_DIR
set -eu
bin=$1
top=${AG_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v dot >/dev/null || { echo "skipped: graphviz programs absent"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin/ag-extract" -q "$top/examples/news" | "$bin/ag-analyze" -o "$tmp/examples.json"
cp "$top/tests/golden/render/escape-dot/weird.json" "$tmp/weird.json"
shared=${AG_SHARED:-$top/../shared}
if [ -d "$shared/corpus/seeds" ]; then
    "$bin/ag-extract" -q "$shared/corpus/seeds" | "$bin/ag-analyze" -o "$tmp/seeds.json"
fi
fail=0
for json in "$tmp"/*.json; do
    name=$(basename "$json" .json)
    "$bin/ag-render" -f dot -o "$tmp/$name.dot" "$json"
    for engine in dot neato sfdp; do
        if ! "$engine" -Tsvg -o "$tmp/$name.$engine.svg" "$tmp/$name.dot" 2>"$tmp/err" ||
            [ -s "$tmp/err" ] || ! xmllint --noout "$tmp/$name.$engine.svg"; then
            echo "FAIL: $engine on $name.dot"
            head -5 "$tmp/err"
            fail=1
        else
            echo "ok: $engine lays out $name.dot"
        fi
    done
    "$bin/ag-render" -f tsv "$json" >"$tmp/a.tsv"
    "$bin/ag-render" -f tsv "$tmp/$name.dot" >"$tmp/b.tsv"
    if cmp -s "$tmp/a.tsv" "$tmp/b.tsv"; then
        echo "ok: $name.dot reads back with the same links"
    else
        echo "FAIL: $name.dot reads back differently"
        diff "$tmp/a.tsv" "$tmp/b.tsv" | head -5
        fail=1
    fi
done
exit $fail
