#!/bin/sh
# CI: every golden test (tests/golden/<tool>/<case>/) with each ag-* tool run under
# valgrind memcheck; fails on any memory error or leak (definite, indirect or possible)
# as well as on the case's usual expectations.
#
# Usage: scripts/ci-valgrind.sh BUILD_DIR [CASE_GLOB]
#   BUILD_DIR  a built tree (.ci/run passes its release build); its bin/ holds the tools
#   CASE_GLOB  which cases, e.g. 'hardening/*' (default: all)
# How: the golden driver (tests/golden/run.sh) puts its second argument first on PATH,
# so we hand it a directory of wrappers named like the tools, each exec'ing valgrind on
# the real binary with its log in a per-process file; the cases run unchanged and the
# logs are checked afterwards. The hardening cases that generate big inputs are scaled
# down (AG_HARDENING_MB, AG_HARDENING_NAMES): memcheck is ~30x slower, and what it
# checks does not depend on the size.
# Environment: AG_VALGRIND_JOBS (parallel cases, default: nproc).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
pattern=${2:-*/*}
jobs=${AG_VALGRIND_JOBS:-$(nproc)}

if ! command -v valgrind >/dev/null 2>&1; then
    echo "ci-valgrind: skipped: valgrind is not installed (apt-get install valgrind)"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
mkdir "$work/bin" "$work/logs" "$work/results"
# The unreadable case runs the tools as nobody: wrappers and logs must be open to them.
chmod 755 "$work" "$work/bin" "$work/results"
chmod 1777 "$work/logs"

for tool in "$build"/bin/ag-*; do
    [ -x "$tool" ] || continue
    cat >"$work/bin/${tool##*/}" <<EOF
#!/bin/sh
exec valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect,possible \\
    --errors-for-leak-kinds=definite,indirect,possible --track-fds=no \\
    --suppressions="$top/scripts/valgrind.supp" \\
    --log-file="$work/logs/\$AG_VG_CASE.%p.log" "$tool" "\$@"
EOF
    chmod 755 "$work/bin/${tool##*/}"
done

# One case: run it through the golden driver, then look at its valgrind logs.
cat >"$work/one.sh" <<EOF
#!/bin/sh
case_dir=\$1
name=\$(echo "\${case_dir#$top/tests/golden/}" | tr / _)
export AG_VG_CASE=\$name AG_HARDENING_MB=2 AG_HARDENING_NAMES=3000
out=\$(sh "$top/tests/golden/run.sh" "\$case_dir" "$work/bin" 2>&1)
rc=\$?
bad=""
for log in "$work/logs/\$name".*.log; do
    [ -f "\$log" ] || continue
    if grep -q 'Process terminating with default action of signal' "\$log"; then
        # Killed on purpose (interrupt, SIGPIPE cases): what it held is not a leak, but
        # memory errors still count.
        grep -q '^==[0-9]*== \(Invalid\|Conditional jump\|Use of uninitialised\|Syscall param\|Mismatched free\|Source and destination overlap\)' "\$log" &&
            bad="\$bad \$log"
    else
        grep -q 'ERROR SUMMARY: 0 errors' "\$log" || bad="\$bad \$log"
    fi
done
if [ "\$rc" = 77 ]; then
    echo "skip \$name" >"$work/results/\$name"
elif [ "\$rc" != 0 ] || [ -n "\$bad" ]; then
    { echo "FAIL \$name (golden exit \$rc)"; printf '%s\n' "\$out" | head -20
      for log in \$bad; do echo "--- \$log"; grep -v '^==[0-9]*== *\$' "\$log" | head -60; done
    } >"$work/results/\$name"
else
    echo "ok   \$name" >"$work/results/\$name"
fi
EOF

start=$(date +%s)
ls -d "$top"/tests/golden/$pattern/ 2>/dev/null | while IFS= read -r d; do
    [ -f "$d/cmd" ] && printf '%s\0' "${d%/}"
done | xargs -0 -r -n 1 -P "$jobs" sh "$work/one.sh"

fail=0
for r in "$work"/results/*; do
    [ -f "$r" ] || continue
    head -1 "$r"
    case $(head -1 "$r") in FAIL*) tail -n +2 "$r" | sed 's/^/    /'; fail=1 ;; esac
done
echo "ci-valgrind: $(grep -l '^ok' "$work"/results/* 2>/dev/null | wc -l) clean," \
    "$(grep -l '^FAIL' "$work"/results/* 2>/dev/null | wc -l) failed," \
    "$(grep -l '^skip' "$work"/results/* 2>/dev/null | wc -l) skipped" \
    "in $(($(date +%s) - start)) s"
exit $fail
