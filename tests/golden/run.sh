#!/bin/sh
# Golden test driver: run one case directory and compare what came out with what the
# case expects. Usage: run.sh CASE_DIR TOOL_BIN_DIR
#   CASE_DIR/cmd           shell command, run in CASE_DIR (tools on PATH, $AG_SHARED set)
#   CASE_DIR/expected.out  expected stdout (compared when present)
#   CASE_DIR/expected.err  expected stderr (compared when present)
#   CASE_DIR/expected.rc   expected exit status (default 0)
#   CASE_DIR/needs-shared  marker: skip (77) when ../shared is absent
# Set AG_GOLDEN_UPDATE=1 to rewrite the expected files from the actual output.
set -u
case_dir=$1
bin_dir=$2
export PATH="$bin_dir:$PATH" LC_ALL=C TZ=UTC
: "${AG_SHARED:=$case_dir/../../../../../shared}"
export AG_SHARED
if [ -e "$case_dir/needs-shared" ] && [ ! -d "$AG_SHARED/corpus" ]; then
    echo "skipped: $AG_SHARED is absent"
    exit 77
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$case_dir" || exit 1
sh ./cmd >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" = 77 ] && [ ! -f expected.rc ]; then
    # the case says it cannot run here (say, a file it needs is unreadable to root only)
    echo "skipped: $(head -1 "$tmp/err")"
    exit 77
fi
want_rc=0
[ -f expected.rc ] && want_rc=$(cat expected.rc)
if [ "${AG_GOLDEN_UPDATE:-0}" = 1 ]; then
    [ -f expected.out ] || [ -s "$tmp/out" ] && cp "$tmp/out" expected.out
    [ -f expected.err ] || [ -s "$tmp/err" ] && cp "$tmp/err" expected.err
    [ "$rc" != 0 ] && echo "$rc" >expected.rc
    exit 0
fi
fail=0
if [ "$rc" != "$want_rc" ]; then
    echo "exit status $rc, expected $want_rc"
    fail=1
fi
for s in out err; do
    if [ -f "expected.$s" ] && ! cmp -s "expected.$s" "$tmp/$s"; then
        echo "=== std$s differs (expected.$s vs actual) ==="
        diff -u "expected.$s" "$tmp/$s" | head -60
        fail=1
    fi
done
if [ "$fail" != 0 ] && [ ! -f expected.err ]; then
    echo "=== stderr ==="
    head -20 "$tmp/err"
fi
exit $fail
