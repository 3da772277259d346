#!/bin/sh
# CI: a short fuzz run of every harness (fuzz/run.sh), AG_FUZZ_SECONDS each (default 20):
# 12 harnesses, about 4 minutes plus the build. Longer runs are local (fuzz/run.sh BUILD
# 600); the smoke run is there to catch a harness that no longer builds or crashes at once.
# Called by .ci/run with the release build directory as $1; the fuzz build goes next to it
# (clang, libFuzzer, ASan+UBSan), corpora and crashing inputs inside that build directory.
# Skips (exit 0, with a message) when clang or its libFuzzer runtime is not installed.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
release=${1:-$top/build-ci}
build=${release%/}-fuzz
secs=${AG_FUZZ_SECONDS:-20}

if ! command -v clang >/dev/null 2>&1; then
    echo "ci-fuzz: skipped: clang is not installed (apt-get install clang libclang-rt-14-dev)"
    exit 0
fi
if ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' |
    clang -x c -fsanitize=fuzzer -o /dev/null - 2>/dev/null; then
    echo "ci-fuzz: skipped: clang cannot link libFuzzer (apt-get install libclang-rt-14-dev)"
    exit 0
fi

CC=clang cmake -S "$top" -B "$build" -DAG_FUZZ=ON -DAG_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
# Only the harnesses: the tools and tests of this build directory are not run.
cmake --build "$build" -j "$(nproc)" --target fuzz_json fuzz_graphml fuzz_dot fuzz_gml \
    fuzz_sniff fuzz_edgelist fuzz_dict fuzz_stoplist fuzz_text fuzz_extract fuzz_merge fuzz_analyze >/dev/null
# Exploration is random: what a 20-second run finds depends on luck and machine load, and
# a CI verdict must not. So new finds are reported loudly (with the inputs kept under
# $build/fuzz-artifacts) but do not fail the run; every find we fix becomes a golden
# regression case (tests/golden/hardening/fuzz-regressions), and those are strict.
if ! AG_FUZZ_CORPUS=$build/fuzz-corpus AG_FUZZ_ARTIFACTS=$build/fuzz-artifacts \
    sh "$top/fuzz/run.sh" "$build" "$secs"; then
    echo "ci-fuzz: NEW FINDS above (inputs in $build/fuzz-artifacts): turn each into a"
    echo "ci-fuzz: golden regression case and fix it. Exploration does not fail CI."
fi
