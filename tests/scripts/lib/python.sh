# Sourced by the script tests that drive a Python library (not a test itself: the test
# glob takes tests/scripts/*.sh only). Debian's /usr/bin/python3 holds the python3-*
# packages even when a virtualenv's python3 comes first on PATH, so both are tried.

# The first interpreter that can import module $1 (with an optional version test $2),
# printed; fails when none can.
find_py() {
    for p in python3 /usr/bin/python3; do
        command -v "$p" >/dev/null 2>&1 || continue
        if "$p" -c "import $1, sys; sys.exit(0 if ${2:-True} else 1)" 2>/dev/null; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

# Sets py to an interpreter that imports module $1, or skips the test (exit 77) naming
# the package $2 that is missing.
need_py() {
    py=$(find_py "$1") || { echo "skipped: $2 is not installed"; exit 77; }
}
