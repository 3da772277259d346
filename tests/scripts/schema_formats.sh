#!/bin/sh
# Schema conformance of the XML exports (issue 5): every GraphML we write validates against
# the GraphML 1.1 XSD (xmllint, offline through the catalog beside it) and every GEXF
# against the GEXF 1.3 RELAX NG schema (jing, else xmllint --relaxng). Inputs: names that
# need escaping, a directed graph with a layout and no dates (static GEXF, viz:position),
# the bundled examples run through the pipeline, and the shared seed corpus.
# Skips (77) when ../shared/schemas or both validators are absent.
# Usage: schema_formats.sh BIN_DIR
set -eu
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
src=${AG_SOURCE:-$here/../..}
shared=${AG_SHARED:-$src/../shared}
schemas=$shared/schemas
[ -f "$schemas/graphml/graphml.xsd" ] && [ -f "$schemas/gexf-1.3/gexf.rng" ] ||
    { echo "skipped: $schemas is absent"; exit 77; }
have() { command -v "$1" >/dev/null 2>&1; }
have xmllint || have jing || { echo "skipped: neither xmllint nor jing is installed"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C

# ---------------------------------------------------------------- inputs
cp "$src/tests/golden/formats/fixtures/tricky.json" "$tmp/tricky.json"
cat >"$tmp/layout.json" <<'EOF'
{"directed": true, "multigraph": false, "graph": {"layout": "hand"},
"nodes": [{"id": "a b", "x": 0.5, "y": -1, "viz_size": 12, "viz_r": 10, "viz_g": 20, "viz_b": 30},
{"id": "c", "x": 1e30, "y": 2.25, "size": 3, "label": "C label"}],
"links": [{"source": "a b", "target": "c", "label": "knows"}, {"source": "c", "target": "a b", "weight": 0}]}
EOF
"$bin/ag-extract" -q "$src/examples" | "$bin/ag-analyze" -q >"$tmp/examples.json"
if [ -d "$shared/corpus/seeds" ]; then
    "$bin/ag-extract" -q "$shared/corpus/seeds" | "$bin/ag-analyze" -q >"$tmp/seeds.json"
fi

# ---------------------------------------------------------------- validators
graphml_ok() {
    if have xmllint; then
        XML_CATALOG_FILES=$schemas/graphml/catalog.xml \
            xmllint --nonet --noout --schema "$schemas/graphml/graphml.xsd" "$1"
    else
        echo "(xmllint absent: $1 not validated against the XSD)"
    fi
}
gexf_ok() {
    if have jing; then
        # jing's launcher warns about optional jars on stderr; only its verdict matters.
        jing "$schemas/gexf-1.3/gexf.rng" "$1" 2>/dev/null || {
            jing "$schemas/gexf-1.3/gexf.rng" "$1" 2>&1 | grep -v '^\[warning\]' >&2; return 1; }
        echo "$1 validates (jing)"
    else
        xmllint --nonet --noout --relaxng "$schemas/gexf-1.3/gexf.rng" "$1"
    fi
}

fail=0
for json in "$tmp"/*.json; do
    name=${json%.json}
    "$bin/ag-render" -f graphml -o "$name.graphml" "$json"
    "$bin/ag-render" -f gexf -o "$name.gexf" "$json"
    graphml_ok "$name.graphml" || fail=1
    gexf_ok "$name.gexf" || fail=1
done
# A GraphML that breaks the schema must be caught (the check itself works).
if have xmllint; then
    sed 's/edgedefault="undirected"/edgedefault="sideways"/' "$tmp/tricky.graphml" >"$tmp/bad.graphml"
    if graphml_ok "$tmp/bad.graphml" 2>/dev/null; then
        echo "the XSD check accepted an invalid document"; fail=1
    fi
fi
sed 's/<viz:size value="[^"]*"\/>/<viz:size\/>/' "$tmp/tricky.gexf" >"$tmp/bad.gexf"
if gexf_ok "$tmp/bad.gexf" >/dev/null 2>&1; then
    echo "the RELAX NG check accepted an invalid document"; fail=1
fi
exit $fail
