#!/bin/sh
# Build the seed corpora of the fuzz harnesses from files already in the repository (the
# golden test inputs and expectations, examples/, data/) plus a few tiny inline samples
# of each format, so nothing binary is committed.
# Usage: fuzz/make-seeds.sh OUTDIR      -> OUTDIR/<harness>/<sha1 of content>
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=$1
max=65536 # larger files are left out: the fuzzers work on small inputs
harnesses="json graphml dot gml sniff edgelist dict stoplist text extract merge analyze"
for h in $harnesses; do mkdir -p "$out/$h"; done

# add HARNESS FILE [PREFIX]: copy FILE, optionally behind control bytes given as octal
# escapes without the first backslash ('011' is one byte, '001\\010' two)
add() {
    [ -s "$2" ] || return 0
    [ "$(wc -c <"$2")" -le "$max" ] || return 0
    t=$out/$1/.tmp.$$
    if [ $# -ge 3 ]; then
        { printf "\\$3"; cat "$2"; } >"$t"
    else
        cp "$2" "$t"
    fi
    mv "$t" "$out/$1/$(sha1sum "$t" | cut -c1-40)"
}

# add_text HARNESS TEXT: a seed from a literal
add_text() {
    f=$(mktemp)
    printf '%s' "$2" >"$f"
    add "$1" "$f"
    rm -f "$f"
}

# What a file holds, from its name and first bytes (like ag_format_sniff, roughly).
classify() {
    case $1 in
    *.graphml | *.xml) echo graphml; return ;;
    *.dot | *.gv) echo dot; return ;;
    *.gml) echo gml; return ;;
    *.tsv | *.csv | *.edges) echo edgelist; return ;;
    *.dict) echo dict; return ;;
    *.stop | *.stoplist) echo stoplist; return ;;
    *.jsonl | *.ndjson) echo jsonl; return ;;
    *.keyed | *.lines) echo keyed; return ;;
    *.txt | *.md) echo text; return ;;
    *.svg | *.png | *.pdf | *.gexf | *.py | *.sh | cmd | expected.rc) echo none; return ;;
    esac
    head=$(head -c 200 "$1" | tr -d '\r' | tr '\n' ' ' | sed 's/^[[:space:]]*//')
    case $head in
    '{"directed"'* | '{ "directed"'*) echo json ;;
    '{'*) echo jsonl ;;
    '<?xml'*graphml* | '<graphml'*) echo graphml ;;
    digraph* | graph\ *{* | strict*) echo dot ;;
    graph\ \[* | Creator* | creator*) echo gml ;;
    *) echo none ;;
    esac
}

find "$top/tests/golden" "$top/tests/unit" "$top/examples" -type f 2>/dev/null | sort |
while IFS= read -r f; do
    case $(classify "$f") in
    json) add json "$f"; add sniff "$f" ;;
    graphml) add graphml "$f"; add sniff "$f" ;;
    dot) add dot "$f"; add sniff "$f" ;;
    gml) add gml "$f"; add sniff "$f" ;;
    edgelist) add edgelist "$f"; add sniff "$f" ;;
    dict) add dict "$f" ;;
    stoplist) add stoplist "$f" ;;
    text) add text "$f"; add extract "$f" 000 ;;
    jsonl) add text "$f"; add extract "$f" 001; add extract "$f" 011 ;;
    keyed) add merge "$f" 000; add merge "$f" 001; add merge "$f" 002 ;;
    esac
done
# The project's word lists are one entry per line: the stoplist format.
for f in "$top"/data/*.txt; do add stoplist "$f"; done

# Inline samples, so every harness starts from a valid input even before the golden
# tests of its format exist.
add_text json '{"directed": false, "multigraph": false, "graph": {"name": "g"},
"nodes": [{"id": "Ana Ruiz", "type": "person", "aliases": ["Ruiz"]}, {"id": 7}],
"links": [{"source": "Ana Ruiz", "target": 7, "weight": 2.5, "met": true,
"evidence": [{"doc": "d1", "offset": 10, "text": "Ana Ruiz met 7."}]}]}'
add_text json '{"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id": 1}, {"id": 2}], "links": [{"source": 1, "target": 2}, {"source": 1, "target": 2, "key": 1}]}'
add_text graphml '<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="d0" for="node" attr.name="type" attr.type="string"/>
<key id="d1" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected"><node id="a"><data key="d0">person</data></node>
<node id="b"/><edge source="a" target="b"><data key="d1">3</data></edge></graph></graphml>'
add_text dot 'graph G { a [type=person, label="Ana"]; a -- b [weight=2]; "c d" -- a; }'
add_text dot 'strict digraph { node [shape=box]; x -> y -> z; y [label=<<b>HTML</b>>]; }'
add_text gml 'graph [ directed 0 node [ id 0 label "a" type "person" ] node [ id 1 label "b" ]
edge [ source 0 target 1 weight 2.0 ] ]'
add_text edgelist "$(printf 'source\ttarget\tweight\tmet\nAna\tBo\t2\ttrue\nBo\tCy\t1.5\tfalse\n')"
add_text edgelist 'source,target,weight
"Ruiz, Ana",Bo,2
Bo,"Cy ""the"" Third",1'
add_text dict "$(printf '# actors\nAna Ruiz\tperson\tRuiz|A. Ruiz\nNorland\tcountry\tNRL|+Norlandic\nVesk\tcapital\t\tNorland\nHarbour Guild\torg\tHG\tNorland\n')"
add_text stoplist "$(printf '# stop\nMonday\n  Harbour Guild  \n\nAna Ruiz\n')"
add_text text 'VESK - Foreign Minister Ana Ruiz met Gen. Bo Lind in Vesk on Monday, the Harbour Guild said.

Ruiz told reporters that Norland and the U.S. would meet again. "We agreed," Lind said.'
f=$(mktemp)
printf '\001{"id": "a1", "date": "2024-03-04", "text": "Ana Ruiz met Bo Lind in Vesk."}\n{"id": "a2", "text": "Lind and Ruiz spoke."}\n' >"$f"
add extract "$f"
rm -f "$f"
# Sniffing sees every graph format.
for h in json graphml dot gml edgelist; do cp "$out/$h"/* "$out/sniff/"; done

# Analysis (fuzz_analyze.c): every graph behind two control bytes, rotating through
# communities x filters x options so that each combination starts from some graphs.
set -- '000\000' '001\010' '002\004' '003\000' '004\010' '040\001' '221\002' \
    '312\010' '344\004' '203\000' '125\011' '176\010' '267\003' '010\010'
i=0
for f in "$out"/sniff/*; do
    eval "a=\${$((i % $# + 1))} b=\${$(((i + 5) % $# + 1))}"
    add analyze "$f" "$a"
    add analyze "$f" "$b"
    i=$((i + 1))
done
# The shapes that broke analysis in issue 12 (tests/scripts/shape_matrix.sh has them
# all), each with every community algorithm and the state check.
f=$(mktemp)
for shape in '' 'a\ta\n' 'a\ta\nb\tb\t3\nc\tc\n' 'a\tb\n' \
    'graph { a -- b; a -- b; b -- c; a -- c }\n' \
    'digraph { a -> b; b -> c; c -> a; c -> d; d -> c }\n' \
    'digraph { a -> b; b -> c; a -> c; d -> c; e -> c }\n' \
    'digraph { b -> a; c -> a; d -> a; e -> a; f -> a }\n' \
    'digraph { a -> b; a -> c; a -> d; a -> e; a -> f }\n' \
    'digraph { a -> b; a -> b; b -> c }\n' 'a\tb\nb\tc\nd\te\nf\tf\n' \
    'a\tb\t1e-320\nb\tc\t1\nc\ta\t2\n' 'a\tb\t1e308\nb\tc\t1e308\nc\td\t1\n' \
    'a\tb\t1.797e308\na\tc\t1.797e308\n' \
    '{"directed": false, "multigraph": false, "graph": {}, "nodes": [{"id": "a"}], "links": []}\n' \
    '{"directed": false, "multigraph": false, "graph": {}, "nodes": [{"id": "a", "type": "person"}, {"id": "b", "type": "org"}, {"id": "c"}],\n"links": [{"source": "a", "target": "b", "weight": 2, "met": true}, {"source": "b", "target": "c"}]}\n'; do
    # shellcheck disable=SC2059
    printf "$shape" >"$f"
    for c in 000 001 002 003 004 005 006; do
        { printf "\\$c\\010"; cat "$f"; } >"$f.seed"
        t=$out/analyze/$(sha1sum "$f.seed" | cut -c1-40)
        mv "$f.seed" "$t"
    done
done
rm -f "$f"
for h in $harnesses; do
    printf '%s: %s seeds\n' "$h" "$(ls "$out/$h" | wc -l)"
done
