#!/bin/sh
# The installed library runs (issue 15): `cmake --install` into a temporary prefix, then
# a small C program is built against that tree with pkg-config and with CMake's
# find_package(actorgraph), and run; `pkg-config --static` lists igraph's static
# dependencies; an installed tool runs and finds its library without LD_LIBRARY_PATH;
# the shell completions are installed.
# Skips (77) without a C compiler, in a sanitizer build (the program would need the
# sanitizer runtimes) and in a coverage build. Usage: installed_tree.sh BIN_DIR
set -eu
build=$(cd "$1/.." && pwd)
cc=${CC:-cc}
if ! command -v "$cc" >/dev/null 2>&1; then
    echo "skipped: no C compiler ($cc)"
    exit 77
fi
if ldd "$build/libactorgraph.so" 2>/dev/null | grep -q libasan; then
    echo "skipped: a sanitizer build"
    exit 77
fi
if nm -D --defined-only "$build/libactorgraph.so" 2>/dev/null | grep -q __gcov; then
    echo "skipped: a coverage build (programs would need libgcov)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; exit 1; }
fail() { echo "installed_tree: $*"; exit 1; }
unset LD_LIBRARY_PATH

cat >"$tmp/prog.c" <<'C'
#include <stdio.h>
#include <actorgraph.h>

int main(void)
{
    static const char json[] = "{\"nodes\": [{\"id\": \"Ann\"}, {\"id\": \"Bo\"}],"
                               " \"links\": [{\"source\": \"Ann\", \"target\": \"Bo\"}]}";
    ag_error err;
    ag_error_clear(&err);
    ag_graph *g = ag_graph_read_mem(json, sizeof json - 1, "prog", AG_FMT_AUTO, NULL, &err);
    if (!g) {
        ag_error_print("prog", &err, stderr);
        return 1;
    }
    printf("actorgraph %s: %zu nodes\n", ag_version(), ag_graph_node_count(g));
    ag_graph_free(g);
    return 0;
}
C
want="actorgraph $("$build/bin/ag-extract" --version | sed 's/.* //'): 2 nodes"

# 1. pkg-config, against the shared library.
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
libdir=$(pkg-config --variable=libdir actorgraph)
# shellcheck disable=SC2046
"$cc" -o "$tmp/prog-pc" "$tmp/prog.c" $(pkg-config --cflags --libs actorgraph) \
    -Wl,-rpath,"$libdir" || fail "build with pkg-config failed"
got=$("$tmp/prog-pc") || fail "program built with pkg-config failed"
[ "$got" = "$want" ] || fail "pkg-config program printed '$got', expected '$want'"
case $(readlink -f "$(ldd "$tmp/prog-pc" | awk '/libactorgraph/ { print $3 }')") in
"$(readlink -f "$prefix")"/*) ;;
*) fail "the pkg-config program did not load the installed library" ;;
esac

# 2. pkg-config --static: everything igraph needs to link statically is listed.
static=" $(pkg-config --static --libs actorgraph) "
for flag in $(pkg-config --static --libs igraph libcgraph libgvc jansson libutf8proc); do
    case $static in
    *" $flag "*) ;;
    *) fail "pkg-config --static --libs actorgraph lacks $flag" ;;
    esac
done
# A static link of libactorgraph.a itself, when every static dependency's development
# file is installed (Debian ships libarpack without libarpack.so unless -dev is in).
# shellcheck disable=SC2046
if "$cc" -o "$tmp/prog-static" "$tmp/prog.c" $(pkg-config --cflags actorgraph) \
    "$libdir/libactorgraph.a" $(pkg-config --static --libs actorgraph | sed 's/-lactorgraph//') \
    2>"$tmp/static.log"; then
    got=$("$tmp/prog-static") || fail "program linked with libactorgraph.a failed"
    [ "$got" = "$want" ] || fail "static program printed '$got'"
elif grep -q "cannot find -l" "$tmp/static.log"; then
    echo "note: static link not tried to the end: $(grep -o 'cannot find -l[^:]*' "$tmp/static.log" | head -1)"
else
    cat "$tmp/static.log"
    fail "static link with libactorgraph.a failed"
fi

# 3. CMake: find_package(actorgraph) and the imported target actorgraph::actorgraph.
mkdir "$tmp/cm"
cat >"$tmp/cm/CMakeLists.txt" <<'CM'
cmake_minimum_required(VERSION 3.18)
project(uses_actorgraph C)
find_package(actorgraph REQUIRED)
add_executable(prog ../prog.c)
target_link_libraries(prog PRIVATE actorgraph::actorgraph)
CM
cmake -S "$tmp/cm" -B "$tmp/cm/build" -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/cm.log" 2>&1 &&
    cmake --build "$tmp/cm/build" >>"$tmp/cm.log" 2>&1 || { cat "$tmp/cm.log"; fail "find_package build failed"; }
got=$("$tmp/cm/build/prog") || fail "program built with find_package failed"
[ "$got" = "$want" ] || fail "find_package program printed '$got'"

# 4. The installed tools find the installed library (RPATH $ORIGIN/../lib).
case $(readlink -f "$(ldd "$prefix/bin/ag-analyze" | awk '/libactorgraph/ { print $3 }')") in
"$(readlink -f "$prefix")"/*) ;;
*) fail "installed ag-analyze does not load the installed library" ;;
esac
out=$(echo "Ann Lee met Bo Chan in Paris." | "$prefix/bin/ag-extract" -q |
    "$prefix/bin/ag-analyze" -f tsv) || fail "installed tools failed"
echo "$out" | grep -q "Ann Lee" || fail "installed tools gave: $out"
for f in bash-completion/completions/ag-extract zsh/vendor-completions/_ag-extract \
    fish/vendor_completions.d/ag-extract.fish; do
    [ -s "$prefix/share/$f" ] || fail "completion script share/$f not installed"
done
echo "ok: pkg-config, pkg-config --static, find_package(actorgraph) and the installed tools"
