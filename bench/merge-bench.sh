#!/bin/sh
# merge-bench.sh - sharded extraction with GNU parallel + ag-merge against one ag-extract
# run (issue 7 and 18 targets).
#
# Usage: bench/merge-bench.sh [BIN_DIR] [SIZE_MB] [SHARDS] [PARTS] [LINKS] [ROUNDS]
#   SIZE_MB  corpus size (default 200; the target is stated for 1024)
#   SHARDS   shards of the corpus (default 2, one per job of `parallel -j 2`: every shard
#            pays an ag-extract start, about 20 ms of CPU, and its records repeat actors
#            and pairs the others hold; 8 shards of 20 MB took 16% more instructions to
#            extract and 8% more to merge than 2)
#   PARTS, LINKS  reducer memory test: PARTS keyed files of LINKS pair records each
#            (default 100 x 100000, the target; drawn from 400k possible pairs); PARTS=0
#            skips it
#   ROUNDS   timed rounds of the comparison (default 2)
#   CORPUS=zipf (default): bench/gen-news.py --zipf, 200k invented actors by a Zipf law in
#            topical clusters (a graph of hundreds of thousands of links at 1 GB);
#            CORPUS=examples: the example articles replicated (23 actors)
#   OLD_BIN=DIR  tools of another version (a build of an earlier commit): its ag-merge and
#            ag-extract run on the same shards and corpus beside these, for before/after
#            figures (time, peak RSS, bytes per link)
# Prints, for every round, each timed command with the load average just before it and
# `wc -w` over the same corpus run beside it (the load reference: a pass over the bytes
# that the machine's other load slows down as it slows the extraction):
#   wall ratio  = (parallel -j 2 ag-extract --emit-keyed per shard + ag-merge) / (ag-extract -j 1)
#                 target <= 0.6, and whether the merged graph equals the single run
#   the same ratio with each side divided by its own wc -w (load-normalised), and as it
#                 would be on two idle cores (from CPU times: parallel / 2 + the merge's
#                 critical path, from ag-merge --timings: each step's main-thread CPU or
#                 the other threads', whichever is larger; ag-merge runs with -j 2)
#   memory per link: peak RSS of ag-extract -j 1, ag-merge and ag-merge --emit-keyed (the
#                 records alone, no graph) over the links of the graph, also with the
#                 distinct evidence text taken off (target <= 300 bytes per link plus it)
#   peak RSS of ag-merge on PARTS x LINKS records, and of `sort | ag-merge --sorted`
#                 target < 1 GB
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/bin}
size_mb=${2:-200}
shards=${3:-2}
parts=${4:-100}
links=${5:-100000}
rounds=${6:-2}
corpus=${CORPUS:-zipf}
old=${OLD_BIN:-}
[ -z "$old" ] || old=$(cd "$old" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C PATH="$bin:$PATH"
command -v parallel >/dev/null || { echo "GNU parallel is not installed"; exit 77; }

case $corpus in
zipf) python3 "$here/bench/gen-news.py" --zipf "$tmp/corpus.jsonl" --mb "$size_mb" ;;
examples) python3 "$here/bench/gen-news.py" "$here/examples/news" "$tmp/corpus.jsonl" --mb "$size_mb" ;;
*) echo "CORPUS must be zipf or examples" >&2; exit 2 ;;
esac
mkdir "$tmp/shards"
split -n "l/$shards" -d "$tmp/corpus.jsonl" "$tmp/shards/s"
for f in "$tmp"/shards/s*; do mv "$f" "$f.jsonl"; done
echo "corpus: $corpus, $size_mb MB, $(wc -l <"$tmp/corpus.jsonl") articles, in $shards shards"
echo "machine: $(nproc) cores, shared with other work: wall clocks follow its load"

load() { cut -d' ' -f1 /proc/loadavg; }
# -j 2 for an ag-merge that has it (OLD_BIN's may not), and --timings with "all": the
# critical path below
jobs() {
    "$1" --help | grep -q -- '--jobs' || return 0
    echo "-j 2${2:+ --timings}"
}
run() { # run a command; append "wall cpu load rss_kb" (load average before it) to $tmp/times
    l=$(load)
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$@" >/dev/null
    awk -v l="$l" '{ print $1, $2 + $3, l, $4 }' "$tmp/t" >>"$tmp/times"
}
# The commands timed (/usr/bin/time runs no shell function).
# shellcheck disable=SC2016 # expanded by the sh -c that runs it
wcw='wc -w "$0"'
: >"$tmp/times"
: >"$tmp/crit"
r=0
while [ $r -lt "$rounds" ]; do # each round: wc, single, wc, parallel, merge: 5 lines of times
    run sh -c "$wcw" "$tmp/corpus.jsonl"
    run ag-extract -q -j 1 -o "$tmp/single.json" "$tmp/corpus.jsonl"
    run sh -c "$wcw" "$tmp/corpus.jsonl"
    rm -f "$tmp"/shards/*.keyed
    run parallel -j 2 'ag-extract -q --emit-keyed {} > {}.keyed' ::: "$tmp"/shards/*.jsonl
    # shellcheck disable=SC2046 # "-j 2" is two words
    run ag-merge $(jobs ag-merge all) -o "$tmp/merged.json" "$tmp"/shards/*.keyed 2>"$tmp/timings"
    # The merge's critical path on idle cores (2 threads): per step the larger of the
    # main thread's CPU and the other's; the whole CPU when the tool has no --timings.
    awk '/ timings: / { cpu = $(NF - 8); own = $(NF - 5); c += own > cpu - own ? own : cpu - own }
         END { print c + 0 }' "$tmp/timings" >>"$tmp/crit"
    r=$((r + 1))
done
python3 -c 'import json, sys
g = json.load(open(sys.argv[1]))
print("graph: %d actors, %d links (%d met)" % (len(g["nodes"]), len(g["links"]),
      sum(1 for l in g["links"] if l.get("met"))))' "$tmp/single.json"
cmp -s "$tmp/single.json" "$tmp/merged.json" && same=identical || same=DIFFERENT
awk -v same="$same" -v crit="$(tr '\n' ' ' <"$tmp/crit")" '
function line(name, i) {
    printf "  %-38s %7.2f s wall %7.2f s CPU   load %5.2f\n", name, w[i], c[i], l[i]
}
{ w[NR] = $1; c[NR] = $2; l[NR] = $3 }
END {
    split(crit, cp, " ")
    best = 1e9; bestn = 1e9
    for (b = 0; b * 5 < NR; b++) {
        i = b * 5
        printf "round %d:\n", b + 1
        line("wc -w (load reference)", i + 1)
        line("ag-extract -j 1", i + 2)
        line("wc -w (load reference)", i + 3)
        line("parallel -j 2 ag-extract --emit-keyed", i + 4)
        line("ag-merge -j 2", i + 5)
        if (cp[b + 1] > 0)
            printf "  %-38s %7.2f s CPU (from --timings)\n", "ag-merge critical path", cp[b + 1]
        sw = w[i + 4] + w[i + 5]
        ratio = sw / w[i + 2]
        norm = (sw / w[i + 3]) / (w[i + 2] / w[i + 1])
        printf "  sharded (parallel + merge): %7.2f s wall %7.2f s CPU\n", sw, c[i + 4] + c[i + 5]
        printf "  wall ratio sharded / single:      %6.2f (target <= 0.6)\n", ratio
        printf "  same, each over its wc -w:        %6.2f\n", norm
        printf "  CPU ratio sharded / single:       %6.2f (the sharding overhead)\n", (c[i + 4] + c[i + 5]) / c[i + 2]
        merge = cp[b + 1] > 0 ? cp[b + 1] : c[i + 5]
        idle = (c[i + 4] / 2 + merge) / c[i + 2]
        printf "  wall ratio on two idle cores:     %6.2f (from CPU times: parallel / 2 + merge critical path)\n", idle
        printf "  the same with all merge CPU:      %6.2f (parallel / 2 + merge CPU)\n", (c[i + 4] / 2 + c[i + 5]) / c[i + 2]
        if (ratio < best) best = ratio
        if (norm < bestn) bestn = norm
        if (b == 0 || idle < besti) besti = idle
    }
    printf "best wall ratio: %.2f, load-normalised: %.2f, on two idle cores: %.2f (target <= 0.6)\n", best, bestn, besti
    printf "merged graph vs single run: %s\n", same
}' "$tmp/times"

# Memory per link and, with OLD_BIN, the same runs with the other version's tools: each
# side's parallel extraction of the shards, ag-merge of them (graph, and records alone)
# and ag-extract -j 1, one after the other, so that old and new see about the same load.
nlinks=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["links"]))' "$tmp/single.json")
ag-merge --emit-keyed -o "$tmp/records" "$tmp"/shards/*.keyed
text=$(python3 -c 'import json, sys
seen = set()
for line in open(sys.argv[1], encoding="utf-8"):
    key, rec = line.split("\t", 1)
    if key.startswith("L|"):
        r = json.loads(rec)
        seen.update(e[2] for e in r.get("ev", []) + r.get("mev", []))
print(sum(len(t.encode()) for t in seen))' "$tmp/records")
echo "memory ($nlinks links; distinct evidence text $((text / 1024)) KB):"
for side in new old; do
    [ $side = new ] && dir=$bin || dir=$old
    [ -n "$dir" ] || continue
    : >"$tmp/times"
    rm -f "$tmp"/shards/*.keyed
    run parallel -j 2 "'$dir/ag-extract' -q --emit-keyed {} > {}.keyed" ::: "$tmp"/shards/*.jsonl
    # shellcheck disable=SC2046
    run "$dir/ag-merge" $(jobs "$dir/ag-merge") -o "$tmp/m.$side.json" "$tmp"/shards/*.keyed
    run "$dir/ag-merge" --emit-keyed -o "$tmp/r.$side" "$tmp"/shards/*.keyed
    run "$dir/ag-extract" -q -j 1 -o "$tmp/s.$side.json" "$tmp/corpus.jsonl"
    mv "$tmp/times" "$tmp/times.$side"
    cmp -s "$tmp/m.$side.json" "$tmp/single.json" && same=identical || same=DIFFERENT
    echo "  $side: $dir (merged graph vs single run: $same)"
    awk -v links="$nlinks" -v text="$text" '
    BEGIN { split("parallel -j 2 --emit-keyed|ag-merge|ag-merge --emit-keyed|ag-extract -j 1", name, "|") }
    { w[NR] = $1; m = $4 * 1024
      printf "    %-26s %6.2f s wall %6.2f s CPU  load %5.2f  peak %5.0f MB", name[NR], $1, $2, $3, m / 1048576
      if (NR > 1)
          printf "  %5.0f B/link, %5.0f beside the evidence text", m / links, (m - text) / links
      printf "\n" }
    END { printf "    wall ratio sharded / single: %.2f\n", (w[1] + w[2]) / w[4] }' "$tmp/times.$side"
done
[ -z "$old" ] || paste -d' ' "$tmp/times.old" "$tmp/times.new" | awk '
    BEGIN { split("parallel -j 2 --emit-keyed|ag-merge|ag-merge --emit-keyed|ag-extract -j 1", name, "|") }
    { printf "  old/new %-26s %5.2fx the wall time, %5.2fx the CPU, %5.2fx the peak RSS\n",
             name[NR], $1 / $5, $2 / $6, $4 / $8 }'
[ "$parts" -gt 0 ] || exit 0

# Reducer memory: PARTS keyed files of LINKS pair records over a shared pool of pairs.
python3 - "$tmp/parts" "$parts" "$links" <<'PY'
import json, os, random, sys
d, parts, links = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(d)
rng = random.Random(1)
actors = ["actor %05d" % i for i in range(900)]          # ~400k possible pairs
for p in range(parts):
    with open(os.path.join(d, "part-%03d" % p), "w") as out:
        out.write('D|-\t{"documents":1000,"evidence":3}\n')
        for a in actors[p % 9::9]:
            out.write('A|%s\t{"m":2,"d":1,"t":[0,2,0,0,0],"names":[["%s",2]],"forms":[["%s",2]],'
                      '"roles":[],"countries":[]}\n' % (a, a.title(), a.title()))
        for i in range(links):
            x, y = sorted(rng.sample(actors, 2))
            out.write('L|%s|%s\t{"w":1,"d":1,"met":0,"ev":[["doc%d-%d",%d,"%s and %s met."]],"mev":[]}\n'
                      % (x, y, p, i, i * 7, x, y))
PY
mem() { /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >/dev/null; echo $(( $(cat "$tmp/rss") / 1024 )); }
l0=$(load)
m1=$(mem ag-merge -o "$tmp/big.json" "$tmp"/parts/part-*)
cat "$tmp"/parts/part-* | sort -o "$tmp/sorted"
m2=$(mem ag-merge --sorted -o "$tmp/reduced" "$tmp/sorted")
[ -z "$old" ] || m0=$(mem "$old/ag-merge" -o "$tmp/big.old.json" "$tmp"/parts/part-*)
echo "ag-merge of $parts x $links pair records: peak RSS $m1 MB (target < 1024 MB; load $l0)"
[ -z "$old" ] || echo "  the same with OLD_BIN's ag-merge:        peak RSS $m0 MB"
echo "ag-merge --sorted (streaming reducer):    peak RSS $m2 MB"
