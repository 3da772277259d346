"""Browser checks of ag-render -f html (issue 14), run by html_page.sh.

Usage: html_page.py BIN_DIR SOURCE_DIR TMP_DIR [SCREENSHOT_COPY]

Drives Debian's headless Chromium through chromedriver (python3-selenium) over pages made
from the project's examples and from a hostile graph, and checks that: the page loads
from disk with no console errors; the DOM holds one node per actor; clicking an actor
opens the side panel with its evidence; the search finds an actor by an alias; met-only
hides the co-mention links; names, aliases, titles and evidence stay text (nothing in
them runs or becomes markup). Saves a screenshot (TMP_DIR/page.png, also copied to
SCREENSHOT_COPY when given). Exits 77 when the browser cannot start.
"""
import json
import os
import shutil
import subprocess
import sys

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

BIN, SRC, TMP = sys.argv[1:4]
SHOT_COPY = sys.argv[4] if len(sys.argv) > 4 else None
failures = []


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


def run(*args, **kw):
    return subprocess.run(args, check=True, **kw)


def start_browser():
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--window-size=1400,900",
                 "--user-data-dir=" + os.path.join(TMP, "profile")):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=opts)


def load(driver, path):
    driver.get("file://" + os.path.abspath(path))
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready"))


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def node_element(driver, name):
    """The <g class=node> of the actor called name (nodes are in the data's order)."""
    return driver.execute_script(
        "var d = JSON.parse(document.getElementById('ag-data').textContent), name = arguments[0];"
        "var i = d.nodes.findIndex(function (n) { return n.id === name; });"
        "return i < 0 ? null : document.querySelectorAll('#ag-svg g.node')[i];", name)


def panel_title(driver):
    return driver.execute_script(
        "var p = document.getElementById('ag-panel');"
        "return p.hidden ? null : p.querySelector('h2').textContent;")


def panel_text(driver):
    return driver.execute_script("return document.getElementById('ag-panel').textContent;")


def examples_page(driver):
    graph = os.path.join(TMP, "examples.json")
    page = os.path.join(TMP, "examples.html")
    with open(graph, "wb") as f:
        ex = subprocess.Popen([os.path.join(BIN, "ag-extract"), "-q",
                               os.path.join(SRC, "examples")], stdout=subprocess.PIPE)
        run(os.path.join(BIN, "ag-analyze"), "-q", stdin=ex.stdout, stdout=f)
        ex.wait()
    run(os.path.join(BIN, "ag-render"), "-f", "html", "-o", page, graph)
    with open(graph, encoding="utf-8") as f:
        g = json.load(f)
    nodes, links = g["nodes"], g.get("links", g.get("edges"))
    size = os.path.getsize(page)
    check(size < 1_000_000, "the examples page is small (%d bytes)" % size)

    load(driver, page)
    errors = console_errors(driver)
    check(not errors, "no console errors on load %s" % (errors or ""))
    dom_nodes = len(driver.find_elements(By.CSS_SELECTOR, "#ag-svg g.node"))
    check(dom_nodes == len(nodes), "one DOM node per actor (%d, graph %d)"
          % (dom_nodes, len(nodes)))
    dom_links = len(driver.find_elements(By.CSS_SELECTOR, "#ag-svg line.link"))
    check(dom_links == len(links), "one DOM line per link (%d, graph %d)"
          % (dom_links, len(links)))

    # Clicking the actor with the most meetings opens its panel with a met sentence.
    met = [l for l in links if l.get("met") and l.get("met_evidence")]
    count = {}
    for l in met:
        for end in (l["source"], l["target"]):
            count[end] = count.get(end, 0) + 1
    actor = sorted(count, key=lambda a: (-count[a], a))[0]
    sentence = next(l["met_evidence"][0]["text"] for l in met if actor in (l["source"], l["target"]))
    node_element(driver, actor).click()
    check(panel_title(driver) == actor, "clicking %s opens its panel" % actor)
    check(sentence in panel_text(driver), "the panel shows its meeting evidence")
    doc = next(l["met_evidence"][0]["doc"] for l in met if actor in (l["source"], l["target"]))
    check(doc in panel_text(driver), "the panel names the evidence's document")
    driver.save_screenshot(os.path.join(TMP, "page.png"))
    if SHOT_COPY:
        shutil.copyfile(os.path.join(TMP, "page.png"), SHOT_COPY)

    # The search finds an actor by an alias that is not part of its name.
    target = alias = None
    for n in nodes:
        for a in n.get("aliases", []):
            if a.lower() not in n["id"].lower():
                target, alias = n["id"], a
                break
        if target:
            break
    if target is None:  # every alias is part of its name: use the first one
        n = next(n for n in nodes if n.get("aliases"))
        target, alias = n["id"], n["aliases"][0]
    box = driver.find_element(By.CSS_SELECTOR, "#ag-tools input[type=search]")
    box.clear()
    box.send_keys(alias)
    shown = [b.text for b in driver.find_elements(By.CSS_SELECTOR, ".search li button")]
    check(any(s.startswith(target) for s in shown),
          "searching '%s' lists %s (%s)" % (alias, target, shown))
    box.send_keys(Keys.ENTER)
    check(panel_title(driver) == target, "Enter opens the panel of %s" % target)

    # Met-only hides every co-mention link, and only those.
    n_met = sum(1 for l in links if l.get("met"))
    driver.find_element(By.ID, "ag-met-only").click()
    visible = driver.execute_script(
        "return Array.from(document.querySelectorAll('#ag-svg line.link'))"
        ".filter(function (e) { return getComputedStyle(e).display !== 'none'; })"
        ".map(function (e) { return e.classList.contains('met'); });")
    check(len(visible) == n_met and all(visible),
          "met-only shows the %d met links only (%d shown, %d of them met)"
          % (n_met, len(visible), sum(visible)))
    driver.find_element(By.ID, "ag-met-only").click()
    errors = console_errors(driver)
    check(not errors, "no console errors after the interactions %s" % (errors or ""))


HOSTILE = '</script><img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'


def escaping_page(driver):
    evil_alias = "<b>bold</b> & <!-- comment"
    evil_text = ('He said "</script><script>window.pwned=3</script>" & left. '
                 '<img src=x onerror=window.pwned=4> \u2028 -->')
    title = "</title><script>window.pwned=5</script> & Co"
    graph = {
        "directed": False, "multigraph": False, "graph": {},
        "nodes": [
            {"id": HOSTILE, "type": "person", "aliases": [evil_alias], "roles": ["<i>role</i>"]},
            {"id": "Plain Name", "type": "org"},
        ],
        "links": [{"source": HOSTILE, "target": "Plain Name", "weight": 2, "met": True,
                   "evidence": [{"doc": "<doc>", "offset": 0, "text": evil_text}],
                   "met_evidence": [{"doc": "<doc>", "offset": 0, "text": evil_text}]}],
    }
    src = os.path.join(TMP, "hostile.json")
    page = os.path.join(TMP, "hostile.html")
    with open(src, "w", encoding="utf-8") as f:
        json.dump(graph, f)
    run(os.path.join(BIN, "ag-render"), "-f", "html", "--title", title, "-o", page, src)
    load(driver, page)
    check(driver.execute_script("return window.pwned === undefined;"),
          "nothing from the data ran")
    check(not driver.find_elements(By.CSS_SELECTOR, "img, b, i, title ~ title")
          and driver.execute_script("return document.scripts.length;") == 3,
          "no element was made from the data")
    check(driver.title == title, "the title is text (%r)" % driver.title)
    check(driver.find_element(By.CSS_SELECTOR, "#ag-head h1").text == title,
          "the heading is the title as text")
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));",
                          node_element(driver, HOSTILE))
    check(panel_title(driver) == HOSTILE, "the hostile name shows as text in the panel")
    text = panel_text(driver)
    check(evil_alias in text and evil_text in text and "<i>role</i>" in text,
          "alias, role and evidence show as text")
    box = driver.find_element(By.CSS_SELECTOR, "#ag-tools input[type=search]")
    box.send_keys("<b>bold")
    shown = [b.text for b in driver.find_elements(By.CSS_SELECTOR, ".search li button")]
    check(shown and shown[0].startswith(HOSTILE), "the search shows the hostile name as text")
    errors = console_errors(driver)
    check(not errors, "no console errors on the hostile page %s" % (errors or ""))


def main():
    try:
        driver = start_browser()
    except WebDriverException as e:
        print("skipped: the browser cannot start: %s" % str(e).strip().splitlines()[0])
        return 77
    try:
        examples_page(driver)
        escaping_page(driver)
    finally:
        driver.quit()
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
