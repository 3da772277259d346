#!/bin/sh
# Shell completions (issue 15): the build writes bash, zsh and fish scripts for every tool
# from its option table. Every option --help lists (long and short) must be in each
# script; the bash script must parse (bash -n) and complete; zsh and fish check syntax
# only when those shells are installed. Usage: completions.sh BIN_DIR
set -eu
bin=$(cd "$1" && pwd)
dir=$(dirname "$bin")/completions
fail=0
for tool in "$bin"/ag-*; do
    name=$(basename "$tool")
    case $name in ag-gen-*) continue ;; esac
    b=$dir/bash/$name z=$dir/zsh/_$name f=$dir/fish/$name.fish
    for s in "$b" "$z" "$f"; do
        [ -s "$s" ] || { echo "completions: $s is missing"; fail=1; continue 2; }
    done
    longs=$("$tool" --help | sed -n 's/^  *\(-[A-Za-z], \)\{0,1\}--\([a-z][a-z0-9-]*\).*/\2/p')
    shorts=$("$tool" --help | sed -n 's/^  *-\([A-Za-z]\), --.*/\1/p')
    [ -n "$longs" ] || { echo "completions: no options in $name --help"; fail=1; }
    for o in $longs; do
        grep -q -- "--$o\\b" "$b" || { echo "completions: $name --$o not in $b"; fail=1; }
        grep -q -- "--$o\\b" "$z" || { echo "completions: $name --$o not in $z"; fail=1; }
        grep -q -- "-l $o\\b" "$f" || { echo "completions: $name --$o not in $f"; fail=1; }
    done
    for o in $shorts; do
        grep -q -- "-$o\\b" "$b" || { echo "completions: $name -$o not in $b"; fail=1; }
        grep -q -- "{-$o," "$z" || { echo "completions: $name -$o not in $z"; fail=1; }
        grep -q -- "-s $o " "$f" || { echo "completions: $name -$o not in $f"; fail=1; }
    done
    if command -v bash >/dev/null 2>&1; then
        bash -n "$b" || { echo "completions: bash -n $b failed"; fail=1; }
        # complete "--he" and "-f g" as bash would
        fn=_$(echo "$name" | tr - _)
        got=$(bash -c '. "$1"; COMP_WORDS=("$2" --he); COMP_CWORD=1; "$3"; echo "${COMPREPLY[*]}"' \
            sh "$b" "$name" "$fn")
        [ "$got" = "--help" ] || { echo "completions: bash '$name --he' gave '$got'"; fail=1; }
        got=$(bash -c '. "$1"; COMP_WORDS=("$2" -f gr); COMP_CWORD=2; "$3"; echo "${COMPREPLY[*]}"' \
            sh "$b" "$name" "$fn")
        [ "$got" = "graphml" ] || { echo "completions: bash '$name -f gr' gave '$got'"; fail=1; }
    fi
    if command -v zsh >/dev/null 2>&1; then
        zsh -n "$z" || { echo "completions: zsh -n $z failed"; fail=1; }
    fi
    if command -v fish >/dev/null 2>&1; then
        fish -n "$f" || { echo "completions: fish -n $f failed"; fail=1; }
    fi
done
[ "$fail" = 0 ] && echo "ok: completions list every option of every tool"
exit "$fail"
