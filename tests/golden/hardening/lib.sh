# Sourced by the cmd of every hardening case (tests/golden/hardening/*/cmd): a scratch
# directory that is removed on exit, and `run`, which runs one command and prints what
# a user would see - its stderr, its exit status, how much came out on stdout - so that
# expected.out reads as a transcript of the bad-input matrix.
#
# Inputs are generated into the scratch directory and tools are run from inside it with
# relative names, so messages do not depend on where the tree is checked out.
set -u
T=$(mktemp -d) || exit 1
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
CASE=$(pwd)
mkdir "$T/out"
cd "$T" || exit 1

# run CMD...: run it (stdin as given to run), print the transcript.
run() {
    "$@" >"$T/.stdout" 2>"$T/.stderr"
    _rc=$?
    printf '$ %s\n' "$*"
    sed 's/^/  stderr: /' "$T/.stderr"
    printf '  exit %s, %s bytes on stdout\n' "$_rc" "$(wc -c <"$T/.stdout" | tr -d ' ')"
}

# run_in FILE CMD...: the same with stdin from FILE.
run_in() {
    _in=$1
    shift
    "$@" <"$_in" >"$T/.stdout" 2>"$T/.stderr"
    _rc=$?
    printf '$ %s < %s\n' "$*" "$_in"
    sed 's/^/  stderr: /' "$T/.stderr"
    printf '  exit %s, %s bytes on stdout\n' "$_rc" "$(wc -c <"$T/.stdout" | tr -d ' ')"
}

# left: what the failed runs left in out/ (should be nothing, not even a temporary file).
left() {
    printf 'left in out/: [%s]\n' "$(ls -A out | tr '\n' ' ')"
}

# bytes N SEED: N deterministic pseudo-random bytes on stdout (a small LCG; no
# /dev/urandom, so the case is the same on every run).
bytes() {
    awk -v n="$1" -v x="$2" 'BEGIN {
        for (i = 0; i < n; i++) { x = (x * 75 + 74) % 65537; printf "\\%03o", x % 256 }
    }' | xargs -0 printf '%b'
}

# status CMD...: run it, show only stderr and the exit status (for runs whose output
# is some other test's business).
status() {
    "$@" >/dev/null 2>"$T/.stderr"
    _rc=$?
    printf '$ %s\n' "$*"
    sed 's/^/  stderr: /' "$T/.stderr"
    printf '  exit %s\n' "$_rc"
}
