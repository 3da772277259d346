#!/bin/sh
# merge-property.sh - the sharding property of issue 7: for several corpora, shard counts
# and option sets, merging the keyed records of per-shard ag-extract runs gives exactly
# (byte for byte) the graph of one ag-extract run over all documents, both directly
# (ag-merge FILES) and through the streaming contract (mapper | sort | reducer | merge).
# Usage: merge-property.sh BIN_DIR
set -u
bin=$(cd "$1" && pwd) || exit 1
src=${AG_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
export PATH="$bin:$PATH" LC_ALL=C
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
command -v python3 >/dev/null || { echo "skipped: python3 is absent"; exit 77; }

# Corpora: the examples, a generated feed (examples replicated with new ids, names
# shuffled between articles so that variants and pairs spread over shards), and the
# shared seed articles when they are there.
mkdir -p "$tmp/c1" "$tmp/c2" "$tmp/c3" "$tmp/c4"
cp "$src"/examples/news/* "$tmp/c1/"
python3 "$src/bench/gen-news.py" "$src/examples/news" "$tmp/c2/feed.jsonl" --count 240 --vary
# c4: the technology desk of the quality cases, where a name is no actor in one article
# and read as a place in another (the corpus vote must see the non-actor mentions of
# every shard, also of a shard where the name is never an actor).
cp "$src"/tests/golden/quality/technology/news/* "$tmp/c4/"
corpora="c1 c2 c4"
if [ -d "${AG_SHARED:-}/corpus/seeds" ]; then
    cp "$AG_SHARED"/corpus/seeds/*.txt "$tmp/c3/"
    corpora="$corpora c3"
fi

# split CORPUS K: round-robin files (text) and lines (JSON Lines) into K shard dirs.
split() {
    rm -rf "$tmp/shards"
    i=0
    while [ $i -lt "$2" ]; do mkdir -p "$tmp/shards/$i"; i=$((i + 1)); done
    n=0
    for f in "$tmp/$1"/*; do
        case $f in
        *.jsonl)
            awk -v k="$2" -v d="$tmp/shards" -v b="$(basename "$f")" \
                '{ print > (d "/" (NR % k) "/" b) }' "$f" ;;
        *) cp "$f" "$tmp/shards/$((n % $2))/"; n=$((n + 1)) ;;
        esac
    done
}

fail=0 cases=0
for c in $corpora; do
    for opts in "" "--scope paragraph --evidence 2 --met-only" "--no-variants --scope window:2"; do
        # shellcheck disable=SC2086
        ag-extract -q $opts "$tmp/$c" >"$tmp/single.json" || { echo "extract failed"; exit 1; }
        mopts=$(echo "$opts" | sed 's/--scope [^ ]*//')
        for k in 2 3; do
            split "$c" $k
            rm -f "$tmp"/part-*
            i=0
            while [ $i -lt $k ]; do
                # shellcheck disable=SC2086
                ag-extract -q -j 2 $opts --emit-keyed "$tmp/shards/$i" >"$tmp/part-$i" || exit 1
                i=$((i + 1))
            done
            # shellcheck disable=SC2086
            ag-merge $mopts "$tmp"/part-* >"$tmp/merged.json" || exit 1
            # shellcheck disable=SC2086
            cat "$tmp"/part-* | sort | ag-merge --sorted | ag-merge $mopts >"$tmp/streamed.json" || exit 1
            for m in merged streamed; do
                cases=$((cases + 1))
                if ! cmp -s "$tmp/single.json" "$tmp/$m.json"; then
                    echo "FAIL: $c, options '$opts', $k shards, $m differs from a single run"
                    diff "$tmp/single.json" "$tmp/$m.json" | head -5
                    fail=1
                fi
            done
        done
    done
done
[ $fail = 0 ] && echo "ok: $cases merges identical to single runs"
exit $fail
