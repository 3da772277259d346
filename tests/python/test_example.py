"""examples/python_notebook.py runs from start to end."""
import os
import subprocess
import sys

from conftest import SRC


def test_notebook_example(tmp_path):
    env = dict(os.environ, AG_OUT=str(tmp_path), PYTHONPATH=os.path.join(SRC, "python"))
    r = subprocess.run([sys.executable, os.path.join(SRC, "examples", "python_notebook.py")],
                       env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    assert (tmp_path / "py-whomet.svg").read_bytes().startswith(b"<?xml")
    assert b"Communities (leiden)" in r.stdout and b"not a graph:" in r.stdout
