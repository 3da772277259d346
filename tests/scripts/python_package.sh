#!/bin/sh
# The Python package (issue 16): pytest runs tests/python/ with the package imported from
# python/ and bound to this build's libactorgraph.so (ACTORGRAPH_LIBRARY), the tools of
# BIN_DIR as the reference. Skips (77) when pytest is not installed (Debian
# python3-pytest) or the build has no shared library. In a sanitizer build the sanitizer
# runtimes are preloaded into the interpreter (leak checking off: CPython keeps its
# objects until exit by design; tests/python/asan.supp names a Graphviz bug).
# Usage: python_package.sh BIN_DIR
set -eu
bin=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "${AG_SOURCE:-$here/../..}" && pwd)
lib=$(dirname "$bin")/libactorgraph.so
if [ ! -f "$lib" ]; then
    echo "skipped: no shared library at $lib"
    exit 77
fi
py=
for cand in /usr/bin/python3 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import pytest' 2>/dev/null; then
        py=$cand
        break
    fi
done
if [ -z "$py" ]; then
    echo "skipped: pytest is not installed (apt-get install python3-pytest)"
    exit 77
fi
if ldd "$lib" | grep -q 'libasan'; then
    preload=
    for rt in libasan.so libubsan.so; do
        f=$(ldd "$lib" | awk -v rt="$rt" 'index($1, rt) == 1 { print $3 }')
        [ -n "$f" ] && preload="$preload $f"
    done
    export LD_PRELOAD="${preload# }"
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0:suppressions=$src/tests/python/asan.supp"
fi
export ACTORGRAPH_LIBRARY="$lib" AG_BIN="$bin" AG_SOURCE="$src" PYTHONPATH="$src/python"
export PYTHONDONTWRITEBYTECODE=1 LC_ALL=C.UTF-8
exec "$py" -m pytest -q -p no:cacheprovider --rootdir "$src/tests/python" "$src/tests/python"
