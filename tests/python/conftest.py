"""Fixtures of the Python package tests (tests/scripts/python_package.sh runs them).

The package is imported from the source tree (python/) and binds the library of the
build under test: $ACTORGRAPH_LIBRARY, set by the wrapper to BUILD/libactorgraph.so.
Run by hand: ACTORGRAPH_LIBRARY=build/libactorgraph.so AG_BIN=build/bin \
    PYTHONPATH=python python3 -m pytest tests/python
"""
import os
import subprocess
import sys

import pytest

SRC = os.environ.get("AG_SOURCE") or os.path.abspath(os.path.join(os.path.dirname(__file__),
                                                                  "..", ".."))
sys.path.insert(0, os.path.join(SRC, "python"))
BIN = os.environ.get("AG_BIN") or os.path.join(SRC, "build", "bin")
if not os.environ.get("ACTORGRAPH_LIBRARY"):
    os.environ["ACTORGRAPH_LIBRARY"] = os.path.join(BIN, "..", "libactorgraph.so")
SHARED = os.environ.get("AG_SHARED") or os.path.join(SRC, "..", "shared")
EXAMPLES = os.path.join(SRC, "examples", "news")
SEEDS = os.path.join(SHARED, "corpus", "seeds")


def tool(name, *args, stdin=None):
    """Run a built tool; its stdout as bytes (a failure fails the test)."""
    r = subprocess.run([os.path.join(BIN, name), *map(str, args)], input=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    assert r.returncode == 0, "%s %s: %s" % (name, args, r.stderr.decode(errors="replace"))
    return r.stdout


def corpora():
    """The corpora that must give the same graph through Python as through the tools:
    examples/news always, the seed articles when ../shared is there."""
    out = [pytest.param(EXAMPLES, id="examples")]
    out.append(pytest.param(SEEDS, id="seeds", marks=pytest.mark.skipif(
        not os.path.isdir(SEEDS), reason="../shared/corpus/seeds is absent")))
    return out


@pytest.fixture(scope="session")
def ag():
    import actorgraph
    return actorgraph


@pytest.fixture(scope="session")
def examples_json():
    return tool("ag-extract", "-q", EXAMPLES)


@pytest.fixture(scope="session")
def analysed_json(tmp_path_factory, examples_json):
    p = tmp_path_factory.mktemp("an") / "graph.json"
    p.write_bytes(examples_json)
    return tool("ag-analyze", "-q", p)
