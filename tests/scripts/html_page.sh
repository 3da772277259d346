#!/bin/sh
# ag-render -f html in a real browser (issue 14): Debian's chromium, chromium-driver and
# python3-selenium drive the page headless (tests/scripts/html_page.py says what is
# checked). Skips (77) when any of them is missing or the browser cannot start.
# Leaves a screenshot in the temporary directory and copies it to /tmp/html-page.png
# (AG_HTML_SCREENSHOT overrides; empty: no copy) for a person to look at.
# Usage: html_page.sh BIN_DIR
set -eu
bin=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
src=${AG_SOURCE:-$here/../..}
export LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8

py=
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import selenium' 2>/dev/null; then
        py=$p
        break
    fi
done
if [ -z "$py" ]; then
    echo "skipped: python3-selenium is not installed"
    exit 77
fi
for tool in chromium chromedriver; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "skipped: $tool is not installed (apt-get install chromium chromium-driver)"
        exit 77
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$py" "$here/html_page.py" "$bin" "$src" "$tmp" "${AG_HTML_SCREENSHOT-/tmp/html-page.png}"
