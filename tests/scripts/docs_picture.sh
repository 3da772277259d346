#!/bin/sh
# The README's picture (docs/whomet.svg) is what scripts/docs-picture.sh makes from the
# examples with the tools as built: regenerate it (and commit) when the drawing changes.
# Usage: docs_picture.sh BIN_DIR
set -eu
bin=$1
top=${AG_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sh "$top/scripts/docs-picture.sh" "$bin" "$tmp/whomet.svg"
if cmp -s "$tmp/whomet.svg" "$top/docs/whomet.svg"; then
    echo "ok: docs/whomet.svg is up to date"
else
    echo "FAIL: docs/whomet.svg is out of date: run scripts/docs-picture.sh and commit it"
    exit 1
fi
