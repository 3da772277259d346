"""The package installs both ways and finds its library: `cmake --install` into the
prefix's site-packages, and `pip install ./python` against an installed library."""
import importlib.util
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import BIN, EXAMPLES, SRC

BUILD = os.path.dirname(os.path.abspath(BIN))
PROBE = ("import actorgraph as ag; g = ag.extract(%r); "
         "print(ag.LIBRARY_PATH); print(g.number_of_nodes())" % EXAMPLES)


def test_version_is_the_library_version(ag):
    with open(os.path.join(SRC, "include", "actorgraph", "version.h")) as f:
        header = re.search(r'#define AG_VERSION "([^"]+)"', f.read()).group(1)
    assert ag.__version__ == header
    assert ag.LIBRARY_VERSION == header


def _env(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("ACTORGRAPH_LIBRARY", "PYTHONPATH", "LD_LIBRARY_PATH")}
    env.update(extra)
    return env


def _probe(env, cwd):
    r = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=cwd,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    path, nodes = r.stdout.decode().split()
    assert int(nodes) > 0
    return path


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """This build installed with `cmake --install --prefix`."""
    if not os.path.isfile(os.path.join(BUILD, "CMakeCache.txt")) or not shutil.which("cmake"):
        pytest.skip("not run from a CMake build directory")
    with open(os.path.join(BUILD, "CMakeCache.txt")) as f:
        m = re.search(r"^AG_PYTHON_SITEDIR:\w+=(.*)$", f.read(), re.M)
    if not m:
        pytest.skip("the build installs no Python package (AG_PYTHON=OFF or no python3)")
    prefix = tmp_path_factory.mktemp("prefix")
    subprocess.run(["cmake", "--install", BUILD, "--prefix", str(prefix)], check=True,
                   stdout=subprocess.DEVNULL)
    site = m.group(1) if os.path.isabs(m.group(1)) else os.path.join(str(prefix), m.group(1))
    return prefix, site


def test_cmake_install(installed, tmp_path):
    prefix, site = installed
    assert os.path.isfile(os.path.join(site, "actorgraph", "_install.py"))
    # No hint but the package's own place: it finds the library of its prefix.
    path = _probe(_env(PYTHONPATH=site), tmp_path)
    libdir = os.path.dirname(os.path.realpath(path))
    assert os.path.realpath(path).startswith(os.path.realpath(str(prefix)))
    assert os.path.isfile(os.path.join(libdir, "libactorgraph.so.0"))
    # The tree moved elsewhere still finds its own library.
    moved = tmp_path / "moved"
    shutil.copytree(str(prefix), str(moved), symlinks=True)
    path = _probe(_env(PYTHONPATH=site.replace(str(prefix), str(moved))), tmp_path)
    assert os.path.realpath(path).startswith(str(moved))


def test_pip_install(installed, tmp_path):
    """pip install ./python (offline: no build isolation, setuptools from the system) into
    a virtual environment, then the library found by $ACTORGRAPH_LIBRARY and by
    ctypes.util.find_library."""
    prefix, _ = installed
    if not all(importlib.util.find_spec(m) for m in ("pip", "setuptools", "venv")):
        pytest.skip("pip, setuptools or venv is not installed")
    src = tmp_path / "src"
    shutil.copytree(os.path.join(SRC, "python"), str(src),
                    ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
    venv = tmp_path / "venv"
    r = subprocess.run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages",
                        str(venv)], stderr=subprocess.PIPE)
    if r.returncode != 0:
        pytest.skip("no venv module: " + r.stderr.decode()[-200:])
    py = str(venv / "bin" / "python")
    r = subprocess.run([py, "-m", "pip", "install", "--no-build-isolation", "--no-deps",
                        "--no-index", "--disable-pip-version-check", "-q", str(src)],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    assert r.returncode == 0, r.stdout.decode()
    lib = os.path.join(str(prefix), "lib", "libactorgraph.so.0")
    if not os.path.exists(lib):
        lib = next(os.path.join(d, "libactorgraph.so.0") for d, _, files in
                   os.walk(str(prefix)) if "libactorgraph.so.0" in files)
    probe = ("import sys, actorgraph; assert actorgraph.__file__.startswith(sys.prefix); "
             + PROBE)
    for env in (_env(ACTORGRAPH_LIBRARY=lib), _env(LD_LIBRARY_PATH=os.path.dirname(lib))):
        r = subprocess.run([py, "-c", probe], env=env, cwd=str(tmp_path),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        assert r.returncode == 0, r.stderr.decode()
        assert os.path.realpath(r.stdout.decode().split()[0]) == os.path.realpath(lib)


def test_no_library_is_an_import_error(tmp_path):
    env = _env(PYTHONPATH=os.path.join(SRC, "python"),
               ACTORGRAPH_LIBRARY=str(tmp_path / "missing.so"))
    r = subprocess.run([sys.executable, "-c", "import actorgraph"], env=env,
                       stderr=subprocess.PIPE)
    assert r.returncode == 1 and b"ImportError" in r.stderr
    assert b"ACTORGRAPH_LIBRARY" in r.stderr
