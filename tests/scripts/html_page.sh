#!/bin/sh
# ag-render -f html in a real browser (issue 14): Debian's chromium, chromium-driver and
# python3-selenium drive the page headless (tests/scripts/html_page.py says what is
# checked). Skips (77) when any of them is missing or the browser cannot start.
# Keeps the page's screenshot as a CI artefact: BUILD_DIR/artifacts/html-page.png (beside
# the bin directory; AG_HTML_SCREENSHOT overrides, empty: not kept); .ci/run names it.
# Usage: html_page.sh BIN_DIR
set -eu
bin=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
src=${AG_SOURCE:-$here/../..}
export LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8

. "$(dirname "$0")/lib/python.sh"
need_py selenium python3-selenium
for tool in chromium chromedriver; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "skipped: $tool is not installed (apt-get install chromium chromium-driver)"
        exit 77
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shot=${AG_HTML_SCREENSHOT-$(dirname "$bin")/artifacts/html-page.png}
[ -z "$shot" ] || mkdir -p "$(dirname "$shot")"
"$py" "$here/html_page.py" "$bin" "$src" "$tmp" "$shot"
