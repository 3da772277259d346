#!/bin/sh
# ag-render -f html benchmark (issue 14): the page of a 1,000-actor, 10,000-link graph
# must be under 4 MB and become interactive in under 1 s in Chromium on this machine.
#
# Usage: bench/html-bench.sh [BIN_DIR]      (default: build/bin)
# Environment: AG_BENCH_DIR (graphs and pages, default /tmp/ag-bench),
#              AG_BENCH_RUNS (page loads measured, default 5).
#
# The graph: bench/gen-graph.py's co-mention-like graph (seed 1), given what ag-extract
# writes besides (aliases, roles, dates, and min(weight, 3) evidence sentences of 100 to
# 250 bytes per link from 2,000 dated articles, every sentence different: no sentence
# is shared between links, which real extractions do, so the page is larger than
# theirs), then ag-analyze's measures and communities.
# Measured: ag-render's time (layout included), the page's size, and in headless
# Chromium (Debian's chromium, chromium-driver, python3-selenium, /usr/bin/python3) the
# time from navigation start until the page has drawn every actor and link and painted
# that frame (page.js sets window.agPageReadyMs then), plus the time one hover highlight
# and one met-only toggle take until the next frame. A 1,001-actor graph is refused.
# When ../shared/corpus/agnews is there, its four desks' page (--top 1000) is measured too.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/bin}
bin=$(cd "$bin" && pwd) || exit 1
dir=${AG_BENCH_DIR:-/tmp/ag-bench}
runs=${AG_BENCH_RUNS:-5}
shared=${AG_SHARED:-$here/../../shared}
py=/usr/bin/python3
mkdir -p "$dir" || exit 1
export LC_ALL=C.UTF-8

if ! $py -c 'import selenium' 2>/dev/null || ! command -v chromium >/dev/null ||
    ! command -v chromedriver >/dev/null; then
    echo "html-bench: needs chromium, chromium-driver and python3-selenium" >&2
    exit 77
fi

graph=$dir/html-1000-10000.json
if [ ! -s "$graph" ]; then
    echo "generating $graph ..."
    $py "$here/gen-graph.py" 1000 10000 --seed 1 --json "$dir/html-raw.json" || exit 1
    $py - "$dir/html-raw.json" "$dir/html-dressed.json" <<'PY' || exit 1
import json, random, sys
rnd = random.Random(7)
g = json.load(open(sys.argv[1]))
words = ("minister talks border trade summit agreed capital security energy plan "
         "president visit office meeting said foreign deal crisis aid press week").split()
def sentence():
    out = []
    while sum(len(w) + 1 for w in out) < rnd.randint(100, 250):
        out.append(rnd.choice(words))
    return " ".join(out).capitalize() + "."
for n in g["nodes"]:
    n["aliases"] = [n["id"].lower()] + (["Mr " + n["id"][-4:]] if rnd.random() < .3 else [])
    n["roles"] = ["Minister"] if n["type"] == "person" and rnd.random() < .3 else []
    n["first_date"] = "2024-%02d-%02d" % (rnd.randint(1, 6), rnd.randint(1, 28))
    n["last_date"] = "2024-%02d-%02d" % (rnd.randint(7, 12), rnd.randint(1, 28))
docs = ["2024-%02d-%02d-story-%d" % (rnd.randint(1, 12), rnd.randint(1, 28), k)
        for k in range(2000)]
for l in g["links"]:
    ev = [{"doc": rnd.choice(docs), "offset": rnd.randint(0, 5000), "text": sentence()}
          for _ in range(min(l["weight"], 3))]
    l["evidence"] = ev
    if l["met"]:
        l["met_evidence"] = ev[:1]
    d = sorted(e["doc"][:10] for e in ev)
    l["first_date"], l["last_date"] = d[0], d[-1]
json.dump(g, open(sys.argv[2], "w"))
PY
    "$bin/ag-analyze" -q -o "$graph" "$dir/html-dressed.json" || exit 1
fi

# seconds COMMAND...: "CPU wall" seconds of one run, "fail" when it fails
seconds() {
    /usr/bin/time -f "T %U %S %e" -o "$dir/time.txt" "$@" >/dev/null 2>"$dir/err.txt" ||
        { echo fail; return; }
    awk '$1 == "T" { printf "%.2f %.2f", $2 + $3, $4 }' "$dir/time.txt"
}

measure_page() { # measure_page PAGE
    $py - "$1" "$runs" "$dir/profile" <<'PY'
import os, shutil, statistics, sys
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait
page, runs, profile = sys.argv[1], int(sys.argv[2]), sys.argv[3]
shutil.rmtree(profile, ignore_errors=True)
o = webdriver.ChromeOptions()
o.binary_location = shutil.which("chromium")
for f in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--no-first-run", "--window-size=1400,900",
          "--user-data-dir=" + profile):
    o.add_argument(f)
d = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=o)
ready, hover, toggle = [], [], []
# One frame after an action: how long the browser needed to react and repaint.
frame = """var cb = arguments[arguments.length - 1], t = performance.now(); %s;
requestAnimationFrame(function () { setTimeout(function () { cb(performance.now() - t); }, 0); });"""
try:
    d.set_script_timeout(30)
    for _ in range(runs):
        d.get("file://" + os.path.abspath(page))
        WebDriverWait(d, 30).until(lambda x: x.execute_script("return window.agPageReadyMs"))
        ready.append(d.execute_script("return window.agPageReadyMs") / 1000)
        hover.append(d.execute_async_script(frame % "document.querySelector('#ag-svg g.node')"
                     ".dispatchEvent(new MouseEvent('mouseenter'))") / 1000)
        toggle.append(d.execute_async_script(frame % "document.getElementById('ag-met-only')"
                      ".click()") / 1000)
    n = d.execute_script("return document.querySelectorAll('#ag-svg g.node').length")
    m = d.execute_script("return document.querySelectorAll('#ag-svg line.link').length")
finally:
    d.quit()
fmt = lambda v: " ".join("%.3f" % x for x in v)
print("  in the DOM: %d actors, %d links" % (n, m))
print("  interactive after: median %.3f s (runs: %s)" % (statistics.median(ready), fmt(ready)))
print("  hover highlight:   median %.3f s; met-only toggle: median %.3f s"
      % (statistics.median(hover), statistics.median(toggle)))
PY
}

page=$dir/html-1000-10000.html
t=$(seconds "$bin/ag-render" -f html -o "$page" "$graph")
echo "1,000 actors, 10,000 links ($graph)"
echo "  ag-render -f html: CPU/wall $t s (sfdp layout included)"
echo "  page: $(wc -c <"$page") bytes (limit 4194304)"
measure_page "$page" || exit 1

# One actor too many: refused at once, with the hint.
$py - "$graph" "$dir/html-1001.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
g["nodes"].append({"id": "one too many", "type": "other"})
json.dump(g, open(sys.argv[2], "w"))
PY
echo "1,001 actors: $("$bin/ag-render" -f html -o "$dir/html-1001.html" "$dir/html-1001.json" 2>&1)"

corpus=$shared/corpus/agnews
if [ -d "$corpus" ]; then
    news=$dir/html-agnews.json
    [ -s "$news" ] || "$bin/ag-extract" -q "$corpus" | "$bin/ag-analyze" -q -o "$news"
    page=$dir/html-agnews.html
    t=$(seconds "$bin/ag-render" -f html --top 1000 -o "$page" "$news")
    echo "AG News, four desks, top 1,000 actors"
    echo "  ag-render -f html --top 1000: CPU/wall $t s"
    echo "  page: $(wc -c <"$page") bytes"
    measure_page "$page"
fi
