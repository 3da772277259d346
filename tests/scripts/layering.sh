#!/bin/sh
# Layering: every dependency inside the library points one way,
#     util <- graph <- io, nlp <- extract, analyze, render <- tools
# A file in libcore/CAP/ (or a public header in include/actorgraph/CAP/) may include
# headers of its own capability and of the layers below it, never of its peers or of the
# layers above. Fails, naming the file and the include, on the first such edge.
# Usage: layering.sh [BIN_DIR]  (the argument is ignored: the check reads the sources)
set -eu
src=${AG_SOURCE:-$(dirname "$0")/../..}

rank() {
    case $1 in
    util) echo 0 ;;
    graph) echo 1 ;;
    io | nlp) echo 2 ;;
    extract | analyze | render) echo 3 ;;
    *) echo unknown ;;
    esac
}

fail=0
for f in "$src"/libcore/*/*.[ch] "$src"/include/actorgraph/*/*.h; do
    cap=$(basename "$(dirname "$f")")
    mine=$(rank "$cap")
    if [ "$mine" = unknown ]; then
        echo "layering: $f is in a folder that names no layer ($cap)"
        fail=1
        continue
    fi
    # "CAP/x_internal.h" and <actorgraph/CAP/x.h>
    for dep in $(sed -n -e 's|^#include "\([a-z]*\)/[a-z_]*\.h".*|\1|p' \
                        -e 's|^#include <actorgraph/\([a-z]*\)/[a-z_]*\.h>.*|\1|p' "$f"); do
        theirs=$(rank "$dep")
        if [ "$dep" != "$cap" ] && { [ "$theirs" = unknown ] || [ "$theirs" -ge "$mine" ]; }; then
            echo "layering: $f ($cap) includes a header of $dep"
            fail=1
        fi
    done
    # quoted includes without a folder would bypass the check
    if grep -q '^#include "[a-z_]*\.h"' "$f"; then
        echo "layering: $f includes a header without its folder: $(grep '^#include "[a-z_]*\.h"' "$f" | head -1)"
        fail=1
    fi
done
[ "$fail" = 0 ] && echo "layering: ok"
exit $fail
