"""The ctypes declarations match the C headers: every struct size and field offset, and
the enum values the package hard-codes, as the C compiler sees them."""
import ctypes
import os
import shutil
import subprocess

import pytest

from conftest import SRC

ENUMS = {
    "FMT": ["AG_FMT_AUTO", "AG_FMT_JSON", "AG_FMT_GRAPHML", "AG_FMT_GEXF", "AG_FMT_DOT",
            "AG_FMT_GML", "AG_FMT_TSV", "AG_FMT_CSV", "AG_FMT_SVG", "AG_FMT_PNG",
            "AG_FMT_PDF", "AG_FMT_NEO4J", "AG_FMT_HTML"],
    "FILTER_KINDS": ["AG_FILTER_ASSOCIATION", "AG_FILTER_MIN_WEIGHT", "AG_FILTER_MIN_DEGREE",
                     "AG_FILTER_TYPES", "AG_FILTER_MET_ONLY", "AG_FILTER_TOP",
                     "AG_FILTER_GIANT", "AG_FILTER_EGO", "AG_FILTER_BACKBONE"],
    "ERRCODES": ["AG_OK", "AG_EIO", "AG_EPARSE", "AG_EINVAL", "AG_ENOMEM", "AG_ELIMIT",
                 "AG_EINTR", "AG_ENOTFOUND", "AG_EINTERNAL"],
}
CONSTANTS = ["AG_ERR_FILE", "AG_ERR_MSG", "AG_EXTRACT_MAX_FILES", "AG_FILTER_NAME_MAX",
             "AG_MEASURE_COUNT", "AG_EXTRACT_OPTS_VERSION", "AG_WRITE_OPTS_VERSION",
             "AG_CENTRALITY_OPTS_VERSION", "AG_COMMUNITY_OPTS_VERSION",
             "AG_ANALYZE_OPTS_VERSION", "AG_RENDER_OPTS_VERSION", "AG_RENDER_COLOR_COMMUNITY",
             "AG_RENDER_COLOR_TYPE"]


@pytest.fixture(scope="module")
def c_layout(tmp_path_factory):
    cc = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc")
    if not cc:
        pytest.skip("no C compiler")
    from actorgraph import _lib
    lines = ['#include <stddef.h>', '#include <stdio.h>', '#include <actorgraph.h>',
             'int main(void) {']
    for name, cls in _lib.STRUCTS.items():
        lines.append('printf("%s %%zu\\n", sizeof(%s));' % (name, name))
        for field, _ in cls._fields_:
            lines.append('printf("%s.%s %%zu\\n", offsetof(%s, %s));'
                         % (name, field, name, field))
    for names in ENUMS.values():
        for n in names:
            lines.append('printf("%s %%d\\n", (int)%s);' % (n, n))
    for n in CONSTANTS:
        lines.append('printf("%s %%d\\n", (int)(%s));' % (n, n))
    lines.append("return 0; }")
    d = tmp_path_factory.mktemp("abi")
    (d / "abi.c").write_text("\n".join(lines) + "\n")
    try:
        cflags = subprocess.run(["pkg-config", "--cflags", "jansson"], stdout=subprocess.PIPE,
                                check=True).stdout.decode().split()
    except (OSError, subprocess.CalledProcessError):
        cflags = []
    subprocess.run([cc, "-I", os.path.join(SRC, "include"), *cflags, str(d / "abi.c"), "-o",
                    str(d / "abi")], check=True)
    out = subprocess.run([str(d / "abi")], stdout=subprocess.PIPE, check=True).stdout.decode()
    return dict((k, int(v)) for k, v in (line.split() for line in out.splitlines()))


def test_struct_layouts(c_layout):
    from actorgraph import _lib
    for name, cls in _lib.STRUCTS.items():
        assert ctypes.sizeof(cls) == c_layout[name], name
        for field, _ in cls._fields_:
            assert getattr(cls, field).offset == c_layout["%s.%s" % (name, field)], \
                (name, field)


def test_enums_and_constants(c_layout):
    from actorgraph import _lib
    assert [c_layout[n] for n in ENUMS["FMT"]] == [_lib.FMT[f] for f in _lib.FORMATS]
    assert [c_layout[n] for n in ENUMS["FILTER_KINDS"]] == list(_lib.FILTER_KINDS.values())
    assert [c_layout[n] for n in ENUMS["ERRCODES"]] == list(range(len(_lib.ERRCODES)))
    for n in ("AG_ERR_FILE", "AG_ERR_MSG", "AG_EXTRACT_MAX_FILES", "AG_FILTER_NAME_MAX",
              "AG_MEASURE_COUNT"):
        assert c_layout[n] == getattr(_lib, n), n
    for n in CONSTANTS:
        if n.endswith("_OPTS_VERSION"):
            assert c_layout[n] == _lib.OPTS_VERSION, n
    assert (c_layout["AG_RENDER_COLOR_COMMUNITY"], c_layout["AG_RENDER_COLOR_TYPE"]) == (1, 2)
