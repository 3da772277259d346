#!/bin/sh
# Regenerate the README's picture, docs/whomet.svg: who met whom in the bundled examples
# (examples/news) through the pipeline. tests/scripts/docs_picture.sh fails when the
# committed file differs from what this makes (rendering is deterministic: seeded).
# Usage: scripts/docs-picture.sh [BIN_DIR [OUT]]   (default: build/bin, docs/whomet.svg)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$top/build/bin}
out=${2:-$top/docs/whomet.svg}
export LC_ALL=C TZ=UTC
"$bin/ag-extract" -q "$top/examples/news" | "$bin/ag-analyze" -q |
    "$bin/ag-render" --met-only --title "Who met whom in examples/news" \
        --caption "Source: four articles written for actorgraph (examples/news)." -o "$out"
