#!/bin/sh
# Configure and build into BUILD_DIR (default: build). Extra arguments go to cmake.
#
# An optimised build with GCC is profile-guided, as CPython's --enable-optimizations is:
# the tree is built instrumented (-DAG_PGO=GENERATE), runs scripts/pgo-train.sh, and is
# built again with the measured branch counts (-DAG_PGO=USE). The counts belong to the
# sources they were measured on (GCC warns about, and -Werror fails on, counts of edited
# code), so the training runs again whenever the sources changed since. Both stages also
# optimise the library at link time (CMakeLists.txt). ag-extract runs about 10% fewer
# instructions than without (callgrind; CPU time on a shared machine varies more than
# that). AG_PGO=0 builds without (quicker while editing); Debug, sanitizer and coverage
# builds never use it.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
"$top/scripts/setup.sh"
pgo=${AG_PGO:-1}
case " $* " in
*CMAKE_BUILD_TYPE=Debug* | *AG_SANITIZE=ON* | *AG_COVERAGE=ON* | *AG_FUZZ=ON*) pgo=0 ;;
esac
command -v gcc >/dev/null 2>&1 || pgo=0
case "${CC:-gcc}" in *gcc*) ;; *) pgo=0 ;; esac
# What the counts were measured on: every file that is compiled or generates code, and
# the training run itself.
sources=$(cd "$top" && find CMakeLists.txt include libcore tools data scripts/gen-lexicon.c \
    scripts/pgo-train.sh -type f -print | LC_ALL=C sort | xargs cat | cksum)
if [ "$pgo" = 1 ] && { ! grep -qs '^AG_PGO:STRING=USE$' "$build/CMakeCache.txt" ||
    [ "$(cat "$build/pgo-sources" 2>/dev/null)" != "$sources" ]; }; then
    echo "profile-guided build: instrumented build and training run first (AG_PGO=0 skips)" >&2
    cmake -S "$top" -B "$build" "$@" -DAG_PGO=GENERATE >/dev/null
    cmake --build "$build" -j "$(nproc)" --target ag-extract ag-merge ag-analyze ag-render
    find "$build" -name '*.gcda' -exec rm -f {} +
    "$top/scripts/pgo-train.sh" "$build/bin"
    echo "$sources" >"$build/pgo-sources"
fi
[ "$pgo" = 1 ] && set -- "$@" -DAG_PGO=USE || set -- "$@" -DAG_PGO=OFF
cmake -S "$top" -B "$build" "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
