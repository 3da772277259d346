#!/bin/sh
# Run every fuzz harness (or the ones named) for SECONDS each, one after the other, and
# print a table: executions, executions per second, coverage, crashes, and the distinct
# UndefinedBehaviorSanitizer reports that did not stop the run (see fuzz/CMakeLists.txt).
#
# Usage: fuzz/run.sh BUILD_DIR [SECONDS [HARNESS...]]
#   BUILD_DIR  configured with CC=clang -DAG_FUZZ=ON -DAG_SANITIZE=ON and built
#   SECONDS    per harness (default 60)
#   HARNESS    json graphml dot gml sniff edgelist dict stoplist text extract merge analyze
#              (default all)
# Environment:
#   AG_FUZZ_CORPUS  where the growing corpora live (default fuzz/corpus-<harness>, ignored
#                   by git); seeds are rebuilt from the repository on every run
#   AG_FUZZ_ARTIFACTS  where crashing inputs go (default fuzz/artifacts)
#   AG_FUZZ_MAX_LEN    longest input tried (default 16384)
#   AG_FUZZ_TIMEOUT    seconds one input may take before it counts as a hang (default
#                      10; ASan and a loaded machine make inputs slow, so not too tight)
#   AG_FUZZ_FLAGS      more libFuzzer flags (for example -seed=1); one harness runs at
#                      a time in one process, so never more than one core is busy
# Exit status: 0 when no harness crashed, 1 otherwise (the crashing inputs are kept;
# reproduce one with BUILD_DIR/fuzz/fuzz_<harness> FILE).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [SECONDS [HARNESS...]]" >&2; exit 2; }
build=$(cd "$1" && pwd) || exit 2
secs=${2:-60}
[ $# -ge 2 ] && shift 2 || shift $#
harnesses=${*:-json graphml dot gml sniff edgelist dict stoplist text extract merge analyze}
corpus_root=${AG_FUZZ_CORPUS:-$top/fuzz}
artifacts=${AG_FUZZ_ARTIFACTS:-$top/fuzz/artifacts}
max_len=${AG_FUZZ_MAX_LEN:-16384}
timeout=${AG_FUZZ_TIMEOUT:-10}

work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$artifacts"
sh "$top/fuzz/make-seeds.sh" "$work/seeds" >/dev/null || exit 1

# Leaks are errors; UBSan reports that recover are logged and counted, not fatal.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

dict_for() {
    case $1 in
    json | sniff) echo "$top/fuzz/json.dict" ;;
    graphml) echo "$top/fuzz/xml.dict" ;;
    dot) echo "$top/fuzz/dot.dict" ;;
    gml) echo "$top/fuzz/gml.dict" ;;
    analyze) echo "$work/analyze.dict" ;;
    *) echo "$top/fuzz/text.dict" ;;
    esac
}
# Analysis reads every graph format: its dictionary has the entries of all of them.
(cd "$top/fuzz" && cat analyze.dict json.dict dot.dict gml.dict xml.dict) >"$work/analyze.dict"

status=0
printf '%-10s %10s %8s %6s %7s %5s\n' harness execs exec/s cov crashes ubsan
for h in $harnesses; do
    bin=$build/fuzz/fuzz_$h
    if [ ! -x "$bin" ]; then
        echo "$h: $bin not built" >&2
        status=1
        continue
    fi
    corpus=$corpus_root/corpus-$h
    mkdir -p "$corpus"
    before=$(ls "$artifacts" | grep -c "^$h-" || true)
    log=$work/$h.log
    # shellcheck disable=SC2086
    "$bin" -max_total_time="$secs" -max_len="$max_len" -timeout="$timeout" \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$h-" \
        -dict="$(dict_for "$h")" ${AG_FUZZ_FLAGS:-} "$corpus" "$work/seeds/$h" >"$log" 2>&1
    rc=$?
    after=$(ls "$artifacts" | grep -c "^$h-" || true)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    ubsan=$(grep -o '[^ ]*: runtime error: .*' "$log" | sort -u)
    printf '%-10s %10s %8s %6s %7s %5s\n' "$h" "${execs:-?}" "${rate:-?}" "${cov:-?}" \
        "$((after - before))" "$(printf '%s' "$ubsan" | grep -c . || true)"
    if [ -n "$ubsan" ]; then
        printf '%s\n' "$ubsan" | sed 's/^/    ubsan: /'
    fi
    if [ "$rc" != 0 ] || [ "$after" != "$before" ]; then
        status=1
        echo "    $h crashed (exit $rc); last lines of its log:"
        grep -E 'ERROR|SUMMARY|invariant|runtime error|Test unit written| in ag_| in ag__|/libcore/' "$log" |
            grep -v 'in ag_fuzz' | head -14 |
            sed 's/^/    /'
    fi
done
exit $status
