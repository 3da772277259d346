"""Process-wide state a host may have changed does not change results, and is left as
the host set it: igraph's default RNG and hooks (python-igraph built against the shared
libigraph installs its own), libc's rand() that Graphviz's sfdp draws from."""
import ctypes

import pytest

from conftest import EXAMPLES, tool


def test_igraph_hooks_and_rng_of_the_host(ag, tmp_path):
    lib = ag._lib.lib  # symbols resolve through libactorgraph's own libigraph
    try:
        rng_default, rng_init = lib.igraph_rng_default, lib.igraph_rng_init
        set_interrupt = lib.igraph_set_interruption_handler
        mt = ctypes.c_char.in_dll(lib, "igraph_rngtype_mt19937")
    except (AttributeError, ValueError):
        pytest.skip("libigraph symbols not reachable")
    rng_default.restype, rng_default.argtypes = ctypes.c_void_p, []
    rng_init.restype, rng_init.argtypes = ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p]
    lib.igraph_rng_set_default.restype = None
    lib.igraph_rng_set_default.argtypes = [ctypes.c_void_p]
    set_interrupt.restype, set_interrupt.argtypes = ctypes.c_void_p, [ctypes.c_void_p]
    calls = []
    HOOK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)
    hook = HOOK(lambda data: calls.append(1) or 0)
    host_rng = ctypes.create_string_buffer(64)
    assert rng_init(host_rng, ctypes.addressof(mt)) == 0
    saved = ctypes.create_string_buffer(64)
    ctypes.memmove(saved, rng_default(), 24)
    old_hook = set_interrupt(ctypes.cast(hook, ctypes.c_void_p))
    lib.igraph_rng_set_default(host_rng)
    try:
        p = tmp_path / "g.json"
        p.write_bytes(tool("ag-extract", "-q", EXAMPLES))
        for algo in ("leiden", "louvain", "labelprop"):
            want = tool("ag-analyze", "-q", "--communities", algo, "--betweenness-samples",
                        "5", p)
            got = ag.load(p).analyze(communities=algo, betweenness_samples=5).to_bytes()
            assert got == want, algo
        assert calls == []  # the host's hook was never called from the library
        # ...and the host finds its own RNG and hook in place
        mine = (ctypes.c_void_p * 1).from_address(rng_default())[0]
        assert mine == ctypes.addressof(mt)
        assert set_interrupt(ctypes.cast(hook, ctypes.c_void_p)) == \
            ctypes.cast(hook, ctypes.c_void_p).value
    finally:
        set_interrupt(old_hook)
        lib.igraph_rng_set_default(saved)


def test_pictures_do_not_depend_on_earlier_ones(ag, analysed_json, tmp_path):
    p = tmp_path / "graph.json"
    p.write_bytes(analysed_json)
    want = tool("ag-render", p)
    g = ag.load(p)
    libc = ag._lib._libc
    for _ in range(3):
        libc.rand()  # a host (or an earlier picture) moved libc's generator on
        assert g.render("svg").encode() == want
