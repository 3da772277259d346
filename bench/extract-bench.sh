#!/bin/sh
# extract-bench.sh - ag-extract speed and memory against the issue-3 targets.
#
# Usage: bench/extract-bench.sh [BIN_DIR] [SIZE_MB] [SOURCE_DIR]
#   BIN_DIR  where ag-extract lives (default: build/bin)
#   SIZE_MB  size of the generated corpus (default 200; the 1 GB memory target is
#            checked with SIZE_MB=1024, which takes a few minutes on 2 cores)
#   SOURCE_DIR  .txt articles to replicate (default examples/news; ../shared/corpus/seeds
#            holds real articles)
#
# The corpus is SOURCE_DIR replicated as JSON Lines with distinct ids (and a
# counter in every sentence, so actors and pairs recur like in a real feed without the
# corpus being one repeated article). Prints, with /usr/bin/time, medians of RUNS (default
# 3) rounds:
#   throughput ratio = (ag-extract -j 1 MB/s) / (wc -w MB/s)      target >= 0.30 (issue 17),
#                      against wc -w in C.UTF-8 and, as the issue was first measured, in C
#   -j 2 speed-up    = (time -j 1) / (time -j 2)                  target >= 1.7
#   peak RSS of ag-extract -j 2 on the corpus                      target < 300 MB at 1 GB
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/bin}
size_mb=${2:-200}
src=${3:-$here/examples/news}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C

python3 "$here/bench/gen-news.py" "$src" "$tmp/corpus.jsonl" --mb "$size_mb"
bytes=$(wc -c <"$tmp/corpus.jsonl")
mb=$(echo "$bytes" | awk '{printf "%.1f", $1 / 1048576}')
echo "corpus: $mb MB of JSON Lines ($(wc -l <"$tmp/corpus.jsonl") articles)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (wall-clock ratios need an otherwise idle machine); medians of ${RUNS:-3} rounds"

secs() { # run a command, print its wall seconds, peak RSS (kB) and CPU seconds
    /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$@" >/dev/null
    awk '{ print $1, $2, $3 + $4 }' "$tmp/time"
}
cat "$tmp/corpus.jsonl" >/dev/null # warm the page cache
# wc -w in a UTF-8 locale, as the text is UTF-8: coreutils is faster there (about 1.6x
# here) than under LC_ALL=C, and the faster peer is the honest yardstick.
wc_locale=C.UTF-8
locale -a 2>/dev/null | grep -qix 'c.utf-\{0,1\}8' || wc_locale=C
# RUNS rounds of the three commands in turn (so a change in the machine's speed touches
# all three alike); each figure below is the median of its RUNS runs.
runs=${RUNS:-3}
: >"$tmp/wc.t"; : >"$tmp/wcc.t"; : >"$tmp/j1.t"; : >"$tmp/j2.t"
for r in $(seq "$runs"); do
    secs env LC_ALL=$wc_locale wc -w "$tmp/corpus.jsonl" >>"$tmp/wc.t"
    secs env LC_ALL=C wc -w "$tmp/corpus.jsonl" >>"$tmp/wcc.t"
    secs "$bin/ag-extract" -q -j 1 -o "$tmp/g1.json" "$tmp/corpus.jsonl" >>"$tmp/j1.t"
    secs "$bin/ag-extract" -q -j 2 -o "$tmp/g2.json" "$tmp/corpus.jsonl" >>"$tmp/j2.t"
done
median() { # median of column $1 of file $2
    cut -d' ' -f"$1" "$2" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
t_wc=$(median 1 "$tmp/wc.t") c_wc=$(median 3 "$tmp/wc.t") t_wcc=$(median 1 "$tmp/wcc.t")
t_j1=$(median 1 "$tmp/j1.t") rss1=$(median 2 "$tmp/j1.t") c_j1=$(median 3 "$tmp/j1.t")
t_j2=$(median 1 "$tmp/j2.t") rss2=$(median 2 "$tmp/j2.t")
cmp -s "$tmp/g1.json" "$tmp/g2.json" && same=identical || same=DIFFERENT


awk -v mb="$mb" -v wc="$t_wc" -v wcc="$t_wcc" -v j1="$t_j1" -v j2="$t_j2" -v r1="$rss1" -v r2="$rss2" \
    -v cwc="$c_wc" -v cj1="$c_j1" -v same="$same" -v loc="$wc_locale" 'BEGIN {
    f = "%-34s %10s %12s\n"
    printf f, "", "seconds", "MB/s"
    printf f, "wc -w (LC_ALL=" loc ")", wc, sprintf("%.1f", mb / (wc > 0 ? wc : 0.01))
    printf f, "ag-extract -j 1", j1, sprintf("%.1f", mb / (j1 > 0 ? j1 : 0.01))
    printf f, "ag-extract -j 2", j2, sprintf("%.1f", mb / (j2 > 0 ? j2 : 0.01))
    printf "throughput ratio -j 1 / wc -w: %.2f (target >= 0.30)\n", (wc > 0 ? wc : 0.01) / (j1 > 0 ? j1 : 0.01)
    printf "  against LC_ALL=C wc -w:       %.2f (%s s)\n", (wcc > 0 ? wcc : 0.01) / (j1 > 0 ? j1 : 0.01), wcc
    printf "  same in CPU seconds:          %.2f (%.2f s vs %.2f s; less disturbed by other load)\n", (cwc > 0 ? cwc : 0.01) / (cj1 > 0 ? cj1 : 0.01), cwc, cj1
    printf "speed-up -j 2 over -j 1:       %.2f (target >= 1.7)\n", j1 / (j2 > 0 ? j2 : 0.01)
    printf "peak RSS -j 1 / -j 2:          %.0f MB / %.0f MB (target < 300 MB at 1 GB input)\n", r1 / 1024, r2 / 1024
    printf "graphs of -j 1 and -j 2:       %s\n", same
}'
