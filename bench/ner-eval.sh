#!/bin/sh
# ner-eval.sh - score `ag-extract --mentions` on the CoNLL-2003 dev split in ../shared/eval
# (exact-span micro F1 over PER/ORG/LOC; target >= 0.70, see issue 3) and time the
# recogniser on the same text.
#
# Usage: bench/ner-eval.sh [BINDIR]   (BINDIR holds ag-extract; default build/bin)
# Skips (exit 77) when ../shared/eval or python3 is absent. Prints the scorer's table and
# a last line "F1 <exact micro F1>".
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bindir=${1:-$here/../build/bin}
shared=${AG_SHARED:-$here/../../shared}
eval_dir=$shared/eval/conll2003-dev
if [ ! -f "$eval_dir/gold.jsonl" ] || [ ! -f "$shared/eval/score.py" ]; then
    echo "ner-eval: $eval_dir not found; skipped" >&2
    exit 77
fi
command -v python3 >/dev/null 2>&1 || { echo "ner-eval: python3 not found; skipped" >&2; exit 77; }
[ -x "$bindir/ag-extract" ] || { echo "ner-eval: $bindir/ag-extract not built" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
bytes=$(cat "$eval_dir"/docs/*.txt | wc -c)
start=$(date +%s.%N)
"$bindir/ag-extract" -q -j 1 --mentions "$tmp/mentions.jsonl" -o "$tmp/graph.json" \
    "$eval_dir/docs"
end=$(date +%s.%N)
python3 "$shared/eval/score.py" "$eval_dir/gold.jsonl" "$tmp/mentions.jsonl" \
    --docs "$eval_dir/docs" >"$tmp/score.txt"
sed -n '3,9p' "$tmp/score.txt"
awk -v b="$bytes" -v s="$start" -v e="$end" \
    'BEGIN { printf "ag-extract -j 1 with --mentions: %.1f MB in %.2f s = %.1f MB/s (incl. start-up)\n", b / 1e6, e - s, b / 1e6 / (e - s) }'
tail -n 1 "$tmp/score.txt"
