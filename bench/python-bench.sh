#!/bin/sh
# python-bench.sh - what calling libactorgraph through the Python package costs (issue 16).
#
# Usage: bench/python-bench.sh [BIN_DIR] [SIZE_MB] [SOURCE_DIR]
#   BIN_DIR     where ag-extract lives (default: build/bin); the package binds
#               BIN_DIR/../libactorgraph.so, the same library the tool uses
#   SIZE_MB     size of the generated corpus (default 200, as bench/extract-bench.sh)
#   SOURCE_DIR  articles to replicate (default examples/news)
#
# The corpus is bench/gen-news.py's JSON Lines feed. Each round runs, in turn, the tool
# and the same extraction from Python, as whole processes (the interpreter's start and
# `import actorgraph` count against Python):
#   ag-extract -q -j J -o OUT corpus.jsonl
#   python3 -c 'import actorgraph as ag; ag.extract("corpus.jsonl", jobs=J).save(OUT)'
# for J = 1 and 2, and prints medians of RUNS (default 3) rounds and the overhead
#   overhead = (Python seconds - tool seconds) / tool seconds     target < 5%
# in wall-clock and CPU seconds, and checks that both wrote the same bytes.
# PYTHON (default /usr/bin/python3, else python3) chooses the interpreter.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "${1:-$here/build/bin}" && pwd)
size_mb=${2:-200}
src=${3:-$here/examples/news}
py=${PYTHON:-}
[ -n "$py" ] || { [ -x /usr/bin/python3 ] && py=/usr/bin/python3 || py=python3; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C ACTORGRAPH_LIBRARY="$bin/../libactorgraph.so" PYTHONPATH="$here/python"
export PYTHONPYCACHEPREFIX="$tmp/pycache" # compiled once, as an installed package is

"$py" "$here/bench/gen-news.py" "$src" "$tmp/corpus.jsonl" --mb "$size_mb"
bytes=$(wc -c <"$tmp/corpus.jsonl")
mb=$(echo "$bytes" | awk '{printf "%.1f", $1 / 1048576}')
echo "corpus: $mb MB of JSON Lines ($(wc -l <"$tmp/corpus.jsonl") articles)"
echo "library: $("$py" -c 'import actorgraph as ag; print(ag.LIBRARY_PATH, ag.LIBRARY_VERSION)')"
echo "python: $("$py" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (wall-clock ratios need an otherwise idle machine); medians of ${RUNS:-3} rounds"

secs() { # run a command, print its wall seconds and CPU seconds
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" >/dev/null
    awk '{ print $1, $2 + $3 }' "$tmp/time"
}
median() { # median of column $1 of file $2
    cut -d' ' -f"$1" "$2" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
cat "$tmp/corpus.jsonl" >/dev/null # warm the page cache
runs=${RUNS:-3}
status=0
for j in 1 2; do
    : >"$tmp/tool.t"; : >"$tmp/py.t"
    for r in $(seq "$runs"); do
        secs "$bin/ag-extract" -q -j "$j" -o "$tmp/tool.json" "$tmp/corpus.jsonl" >>"$tmp/tool.t"
        secs "$py" -c "import actorgraph as ag; ag.extract('$tmp/corpus.jsonl', jobs=$j).save('$tmp/py.json')" >>"$tmp/py.t"
    done
    cmp -s "$tmp/tool.json" "$tmp/py.json" && same=identical || { same=DIFFERENT; status=1; }
    awk -v j="$j" -v tw="$(median 1 "$tmp/tool.t")" -v tc="$(median 2 "$tmp/tool.t")" \
        -v pw="$(median 1 "$tmp/py.t")" -v pc="$(median 2 "$tmp/py.t")" -v same="$same" 'BEGIN {
        printf "-j %d  ag-extract %6.2f s (CPU %6.2f s)   Python %6.2f s (CPU %6.2f s)   graphs %s\n", j, tw, tc, pw, pc, same
        printf "      overhead of Python: %+.1f%% wall, %+.1f%% CPU (target < 5%%)\n", 100 * (pw - tw) / (tw > 0 ? tw : 0.01), 100 * (pc - tc) / (tc > 0 ? tc : 0.01)
    }'
done
# What the interpreter and the import cost on their own, for reading the figures above.
: >"$tmp/imp.t"
for r in $(seq "$runs"); do secs "$py" -c "import actorgraph" >>"$tmp/imp.t"; done
echo "python3 -c 'import actorgraph' alone: $(median 1 "$tmp/imp.t") s"
exit $status
