#!/bin/sh
# API hygiene: every public header compiles on its own under strict flags (so none depends
# on include order), and the shared library exports nothing but ag_ symbols.
# Usage: api_hygiene.sh BIN_DIR
set -eu
bin=$1
src=${AG_SOURCE:-$(dirname "$0")/../..}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cflags="-std=c11 -Wall -Wextra -pedantic -Werror -I$src/include $(pkg-config --cflags jansson)"
fail=0
for h in "$src"/include/actorgraph.h "$src"/include/actorgraph/*.h "$src"/include/actorgraph/*/*.h; do
    printf '#include <%s>\ntypedef int ag_hygiene_unit; /* a header of macros only */\n' \
        "${h#"$src"/include/}" >"$tmp/t.c"
    if ! cc $cflags -D_POSIX_C_SOURCE=200809L -c "$tmp/t.c" -o "$tmp/t.o" 2>"$tmp/err"; then
        echo "header does not compile alone: $h"
        cat "$tmp/err"
        fail=1
    fi
done
lib=$bin/../libactorgraph.so
if [ -f "$lib" ]; then
    bad=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' |
          grep -v '^ag_' | grep -v '^_' || true)
    if [ -n "$bad" ]; then
        echo "libactorgraph.so exports symbols outside the ag_ namespace:"
        echo "$bad"
        fail=1
    fi
fi
exit $fail
