"""The ctypes boundary: find and load libactorgraph, declare the structs and prototypes of
the public headers (include/actorgraph/), and turn an ag_error into a Python exception.

Nothing here knows about graphs beyond handles; actorgraph/_graph.py builds the API.

Every prototype is declared on a ctypes.CDLL, and ctypes releases the GIL for the
duration of each foreign call made through a CDLL (only PyDLL keeps it), so other Python
threads run while the library extracts, analyses or draws.
"""
import ctypes
import os
import sys
import threading

from ._version import __version__

# ------------------------------------------------------------------ finding the library

_SONAME = "libactorgraph.so.0"


def _candidates():
    """Where to look for libactorgraph, in order (see README "Python")."""
    env = os.environ.get("ACTORGRAPH_LIBRARY")
    if env:
        # An explicit choice: it alone is tried, so a typo is an error, not a fallback.
        yield env
        return
    try:  # written by `cmake --install` next to this file: the library of that install
        from . import _install  # type: ignore
        here = os.path.dirname(os.path.abspath(__file__))
        yield os.path.normpath(os.path.join(here, _install.LIBRARY))
    except ImportError:
        pass
    import ctypes.util  # only now: it imports subprocess, shutil and re
    found = ctypes.util.find_library("actorgraph")
    if found:
        yield found
    # pip-installed package against a library in a prefix ldconfig does not know yet.
    seen = set()
    for prefix in (sys.prefix, sys.base_prefix, "/usr/local", "/usr"):
        for libdir in ("lib", "lib64", "lib/x86_64-linux-gnu", "lib/aarch64-linux-gnu"):
            path = os.path.join(prefix, libdir, _SONAME)
            if path not in seen:
                seen.add(path)
                yield path


def _load():
    tried = []
    for cand in _candidates():
        try:
            return ctypes.CDLL(cand), cand
        except OSError as e:
            tried.append("%s (%s)" % (cand, e))
    raise ImportError(
        "actorgraph: cannot load libactorgraph; install the C library (cmake --install) or "
        "set ACTORGRAPH_LIBRARY to its path. Tried: " + "; ".join(tried or ["nothing"]))


lib, LIBRARY_PATH = _load()

# libc through the process's global namespace (dlopen(NULL)), not libc.so.6's own handle:
# free() must be the one that pairs with the malloc() open_memstream and jansson used,
# which is not libc's when an allocator is interposed (a sanitizer runtime, jemalloc).
_libc = ctypes.CDLL(None)


class _DlInfo(ctypes.Structure):
    _fields_ = [("dli_fname", ctypes.c_char_p), ("dli_fbase", ctypes.c_void_p),
                ("dli_sname", ctypes.c_char_p), ("dli_saddr", ctypes.c_void_p)]


def _loaded_path():
    """The file the dynamic loader actually opened (find_library gives only a name)."""
    try:
        info = _DlInfo()
        addr = ctypes.cast(lib.ag_version, ctypes.c_void_p)
        if _libc.dladdr(addr, ctypes.byref(info)) and info.dli_fname:
            return os.path.abspath(os.fsdecode(info.dli_fname))
    except (AttributeError, OSError):
        pass
    return LIBRARY_PATH


LIBRARY_PATH = _loaded_path()

# ------------------------------------------------------------------ types

c_char_p = ctypes.c_char_p
c_int = ctypes.c_int
c_uint = ctypes.c_uint
c_long = ctypes.c_long
c_size_t = ctypes.c_size_t
c_double = ctypes.c_double
c_void_p = ctypes.c_void_p
c_ull = ctypes.c_ulonglong

AG_ERR_FILE = 256
AG_ERR_MSG = 512
AG_EXTRACT_MAX_FILES = 16
AG_FILTER_NAME_MAX = 512
AG_MEASURE_COUNT = 8

# The struct layouts of version 1 of each options struct (AG_*_OPTS_VERSION). The library
# fills them with its defaults (ag_*_opts_init(opts, 1)); tests/python/test_abi.py
# compiles the headers and checks every size and offset below against the C compiler.
OPTS_VERSION = 1


class ag_error(ctypes.Structure):
    _fields_ = [("code", c_int), ("file", ctypes.c_char * AG_ERR_FILE), ("line", c_long),
                ("col", c_long), ("offset", ctypes.c_longlong),
                ("msg", ctypes.c_char * AG_ERR_MSG)]


class ag_extract_opts(ctypes.Structure):
    _fields_ = [("version", c_uint), ("scope", c_int), ("window", c_int), ("evidence", c_int),
                ("met_only", c_int), ("variants", c_int), ("threads", c_int),
                ("skip_bad", c_int), ("field_id", c_char_p), ("field_text", c_char_p),
                ("field_date", c_char_p), ("dicts", c_char_p * AG_EXTRACT_MAX_FILES),
                ("ndicts", c_int), ("stoplists", c_char_p * AG_EXTRACT_MAX_FILES),
                ("nstoplists", c_int), ("no_default_lexicon", c_int), ("lexicon", c_void_p),
                ("mentions", c_void_p), ("progress", c_void_p), ("progress_ctx", c_void_p)]


class ag_extract_stats(ctypes.Structure):
    _fields_ = [("documents", c_ull), ("bytes", c_ull), ("mentions", c_ull),
                ("skipped", c_ull), ("repeats", c_ull)]


def new_struct(cls):
    """A zeroed cls with room to spare behind it. The library fills these structs
    (ag_*_opts_init, the extraction stats); should one grow at its end in a newer
    library, it must not write past memory Python owns."""
    buf = ctypes.create_string_buffer(ctypes.sizeof(cls) + 256)
    obj = cls.from_buffer(buf)
    obj._buf = buf
    return obj


def new_extract_stats():
    return new_struct(ag_extract_stats)


class ag_write_opts(ctypes.Structure):
    _fields_ = [("version", c_uint), ("pretty", c_int), ("title", c_char_p),
                ("gexf_version", c_int), ("links_key", c_char_p), ("gml_alnum_keys", c_int),
                ("dot_plain", c_int), ("threads", c_int)]


class ag_centrality_opts(ctypes.Structure):
    _fields_ = [("version", c_uint), ("measures", c_uint), ("weighted", c_int),
                ("betweenness_samples", c_long), ("jobs", c_int), ("seed", ctypes.c_ulong),
                ("betweenness_error", c_double), ("betweenness_confidence", c_double)]


class ag_community_opts(ctypes.Structure):
    _fields_ = [("version", c_uint), ("algo", c_int), ("resolution", c_double),
                ("weighted", c_int), ("seed", ctypes.c_ulong), ("trials", c_int)]


class ag_filter(ctypes.Structure):
    _fields_ = [("kind", c_int), ("num", c_double), ("count", c_long), ("mask", c_uint),
                ("by", c_int), ("name", ctypes.c_char * AG_FILTER_NAME_MAX)]


class ag_analyze_opts(ctypes.Structure):
    _fields_ = [("version", c_uint), ("filters", ctypes.POINTER(ag_filter)),
                ("nfilters", c_size_t), ("centrality", ag_centrality_opts),
                ("community", ag_community_opts)]


class ag_render_opts(ctypes.Structure):
    _fields_ = [("version", c_uint), ("format", c_int), ("layout", c_char_p), ("top", c_long),
                ("size_by", c_char_p), ("color_by", c_int), ("title", c_char_p),
                ("met_only", c_int), ("tooltips", c_int), ("evidence", c_int),
                ("max_nodes", c_size_t), ("write", ctypes.POINTER(ag_write_opts)),
                ("dpi", c_int), ("width", c_int), ("caption", c_char_p), ("positions", c_int)]


class ag_output(ctypes.Structure):
    _fields_ = [("fp", c_void_p), ("path", c_void_p), ("tmp", c_void_p)]


# C struct name -> ctypes class, for the layout test.
STRUCTS = {"ag_error": ag_error, "ag_extract_opts": ag_extract_opts,
           "ag_extract_stats": ag_extract_stats, "ag_write_opts": ag_write_opts,
           "ag_centrality_opts": ag_centrality_opts, "ag_community_opts": ag_community_opts,
           "ag_filter": ag_filter, "ag_analyze_opts": ag_analyze_opts,
           "ag_render_opts": ag_render_opts, "ag_output": ag_output}

# Enum values (include/actorgraph/): formats, filters, errors.
FORMATS = ["auto", "json", "graphml", "gexf", "dot", "gml", "tsv", "csv", "svg", "png",
           "pdf", "neo4j", "html"]
FMT = {name: i for i, name in enumerate(FORMATS)}
PICTURES = ("svg", "png", "pdf")
FILTER_KINDS = {"association": 0, "min-weight": 1, "min-degree": 2, "types": 3,
                "met-only": 4, "top": 5, "giant": 6, "ego": 7, "backbone": 8}
FILTERS_WITHOUT_ARG = ("met-only", "giant")
ERRCODES = ["OK", "EIO", "EPARSE", "EINVAL", "ENOMEM", "ELIMIT", "EINTR", "ENOTFOUND",
            "EINTERNAL"]
AG_EINVAL = 3

# ------------------------------------------------------------------ prototypes

G = c_void_p  # ag_graph *
E = ctypes.POINTER(ag_error)
_PROTOS = {
    "ag_version": (c_char_p, []),
    "ag_error_clear": (None, [E]),
    "ag_graph_new": (G, [c_int]),
    "ag_graph_free": (None, [G]),
    "ag_graph_copy": (G, [G, E]),
    "ag_graph_node_count": (c_size_t, [G]),
    "ag_graph_edge_count": (c_size_t, [G]),
    "ag_graph_is_directed": (c_int, [G]),
    "ag_graph_is_multigraph": (c_int, [G]),
    "ag_format_parse": (c_int, [c_char_p, ctypes.POINTER(c_int)]),
    "ag_format_from_path": (c_int, [c_char_p]),
    "ag_graph_read": (G, [c_char_p, c_int, c_void_p, E]),
    "ag_graph_read_mem": (G, [c_char_p, c_size_t, c_char_p, c_int, c_void_p, E]),
    "ag_write_opts_init": (c_int, [ctypes.POINTER(ag_write_opts), c_uint]),
    "ag_graph_write": (c_int, [G, c_int, c_void_p, ctypes.POINTER(ag_write_opts), E]),
    "ag_output_open": (c_int, [ctypes.POINTER(ag_output), c_char_p, E]),
    "ag_output_commit": (c_int, [ctypes.POINTER(ag_output), E]),
    "ag_output_abort": (None, [ctypes.POINTER(ag_output)]),
    "ag_scope_parse": (c_int, [c_char_p, ctypes.POINTER(c_int), ctypes.POINTER(c_int)]),
    "ag_extract_opts_init": (c_int, [ctypes.POINTER(ag_extract_opts), c_uint]),
    "ag_extract_graph": (G, [ctypes.POINTER(c_char_p), c_size_t,
                             ctypes.POINTER(ag_extract_opts),
                             ctypes.POINTER(ag_extract_stats), E]),
    "ag_extract_keyed": (c_int, [ctypes.POINTER(c_char_p), c_size_t,
                                 ctypes.POINTER(ag_extract_opts), c_void_p,
                                 ctypes.POINTER(ag_extract_stats), E]),
    "ag_measure_parse": (c_int, [c_char_p, ctypes.POINTER(c_int)]),
    "ag_measure_list_parse": (c_int, [c_char_p, ctypes.POINTER(c_uint), E]),
    "ag_community_algo_parse": (c_int, [c_char_p, ctypes.POINTER(c_int)]),
    "ag_filter_parse": (c_int, [c_int, c_char_p, ctypes.POINTER(ag_filter), E]),
    "ag_analyze_opts_init": (c_int, [ctypes.POINTER(ag_analyze_opts), c_uint]),
    "ag_analyze_graph": (c_int, [G, ctypes.POINTER(ag_analyze_opts), c_void_p, E]),
    "ag_analyze_report_json": (c_void_p, [G, c_int, E]),
    "ag_analyze_report_print": (c_int, [c_void_p, c_void_p, E]),
    "ag_render_opts_init": (c_int, [ctypes.POINTER(ag_render_opts), c_uint]),
    "ag_render_layout_known": (c_int, [c_char_p]),
    "ag_render_select": (G, [G, ctypes.POINTER(ag_render_opts), E]),
    "ag_render_positions": (G, [G, ctypes.POINTER(ag_render_opts), E]),
    "ag_render_dot": (c_int, [G, c_void_p, ctypes.POINTER(ag_render_opts), E]),
    "ag_render_picture": (c_int, [G, c_void_p, ctypes.POINTER(ag_render_opts), E]),
    "ag_graph_save": (c_int, [G, c_char_p, c_int, ctypes.POINTER(ag_render_opts), E]),
}


class _Funcs:
    pass


fn = _Funcs()
_missing = []
for _name, (_res, _args) in _PROTOS.items():
    try:
        _f = getattr(lib, _name)
    except AttributeError:
        _missing.append(_name)
        continue
    _f.restype, _f.argtypes = _res, _args
    setattr(fn, _name, _f)
if _missing:
    raise ImportError("actorgraph: %s is too old for this package (it lacks %s); install "
                      "libactorgraph %s or newer" % (LIBRARY_PATH, ", ".join(_missing),
                                                     __version__))

LIBRARY_VERSION = fn.ag_version().decode()

# The report is a jansson object: turned into text by jansson itself and freed with
# json_delete (a new report holds the only reference, so this is json_decref).
_jansson = {}
for _name, _res, _args in (("json_dumps", c_void_p, [c_void_p, ctypes.c_size_t]),
                           ("json_delete", None, [c_void_p])):
    _f = getattr(lib, _name)  # resolved through libactorgraph's own dependency, libjansson
    _f.restype, _f.argtypes = _res, _args
    _jansson[_name] = _f

_libc.open_memstream.restype = c_void_p
_libc.open_memstream.argtypes = [ctypes.POINTER(c_void_p), ctypes.POINTER(c_size_t)]
_libc.fclose.restype = c_int
_libc.fclose.argtypes = [c_void_p]
_libc.free.restype = None
_libc.free.argtypes = [c_void_p]
_libc.srand.restype = None
_libc.srand.argtypes = [c_uint]


def reset_layout_rng():
    """Graphviz's sfdp draws its start positions from libc's rand() without seeding it,
    so only the first picture of a process is the one the tools draw (each tool draws
    once); later ones continue the sequence and come out different. Reseeding with
    glibc's initial seed before each picture makes every picture the tools' picture.
    Call with global_lock held."""
    _libc.srand(1)

# ------------------------------------------------------------------ errors


class Error(Exception):
    """An error reported by libactorgraph (or an option it would refuse).

    str(e) reads like the tools' messages without the program name, "FILE:LINE:COL:
    message"; the parts are in .file, .line, .col (0 when not known), .offset (-1),
    .message, and .code ("EIO", "EPARSE", ...)."""

    def __init__(self, message, file="", line=0, col=0, offset=-1, code="EINVAL"):
        self.message, self.file, self.line, self.col = message, file, line, col
        self.offset, self.code = offset, code
        where = file
        if file and line:
            where += ":%d" % line
            if col:
                where += ":%d" % col
        super().__init__("%s: %s" % (where, message) if where else message)


class FileError(Error, OSError):
    """Reading or writing failed (missing file, full disk, ...): AG_EIO."""


class ParseError(Error, ValueError):
    """Input is not in the format it claims or was sniffed as: AG_EPARSE."""


class InvalidError(Error, ValueError):
    """A bad option, or input that parses but makes no sense: AG_EINVAL."""


class LimitError(Error):
    """A documented limit was exceeded: AG_ELIMIT."""


class NotFoundError(Error, LookupError):
    """A named thing (node, format, file) does not exist: AG_ENOTFOUND."""


_CLASSES = {"EIO": FileError, "EPARSE": ParseError, "EINVAL": InvalidError,
            "ELIMIT": LimitError, "ENOTFOUND": NotFoundError}


def new_error():
    err = new_struct(ag_error)
    fn.ag_error_clear(ctypes.byref(err))
    return err


def _text(b):
    return b.decode("utf-8", "replace")


def raise_error(err, rename=None):
    """Raise the exception of a filled ag_error. rename maps a file name the caller
    invented (a temporary file) to the (name, line_map) the user knows it by."""
    code = ERRCODES[err.code] if 0 <= err.code < len(ERRCODES) else "EINTERNAL"
    file, line = _text(err.file), err.line
    if rename and file in rename:
        file, line = rename[file](line)
    if code == "ENOMEM":
        raise MemoryError(_text(err.msg))
    raise _CLASSES.get(code, Error)(_text(err.msg), file, line, err.col, err.offset, code)


def invalid(message):
    """An option the library (or its command-line twin) refuses."""
    return InvalidError(message)


# ------------------------------------------------------------------ memory streams


class MemStream:
    """A FILE * writing into memory (open_memstream); .value() closes it and gives the
    bytes. Used where the library writes to a FILE (ag_graph_write, pictures, report)."""

    def __init__(self):
        self._buf, self._size = c_void_p(), c_size_t()
        self.fp = _libc.open_memstream(ctypes.byref(self._buf), ctypes.byref(self._size))
        if not self.fp:
            raise MemoryError("open_memstream failed")

    def close(self):
        data = b""
        if self.fp:
            _libc.fclose(self.fp)
            self.fp = None
            if self._buf:
                data = ctypes.string_at(self._buf, self._size.value)
                _libc.free(self._buf)
                self._buf = c_void_p()
        return data

    value = close

    def __del__(self):
        self.close()


def report_dict(report_ptr):
    """A jansson report object as Python data (the object is freed)."""
    import json
    try:
        s = _jansson["json_dumps"](report_ptr, 0)
        if not s:
            raise MemoryError("json_dumps failed")
        try:
            return json.loads(ctypes.string_at(s).decode("utf-8"))
        finally:
            _libc.free(s)
    finally:
        _jansson["json_delete"](report_ptr)


# ------------------------------------------------------------------ process-wide state

# igraph (analysis) and cgraph/gvc (DOT, layout) keep process-global state, so the
# library documents that analysis and drawing calls must not overlap
# (actorgraph/analyze/analyze.h, actorgraph/render/render.h). This lock serialises them;
# extraction and node-link JSON reading and writing do not take it.
global_lock = threading.RLock()


class _IgraphHost:
    """Keep a host's igraph hooks out of the library's igraph calls.

    A python-igraph built against the shared libigraph (Debian's python3-igraph is not:
    it carries its own copy, so nothing is shared there) replaces igraph's default random
    number generator with one that calls Python's `random` module and installs
    interruption, progress and status hooks that call the Python C API. The library swaps
    igraph's error and warning handlers around its calls, but seeds and uses the default
    RNG (community detection) and leaves the other hooks in place: called without the
    GIL those hooks would crash the interpreter, and even with it the communities would
    come from Python's RNG and differ from the tools'. So around every analysis call this
    installs a plain PCG32 generator (the one igraph starts with, which the tools get)
    and clears the three hooks, then puts the host's back. The library seeds the
    generator itself, so results are the tools' whatever the host did.
    """

    def __init__(self):
        self.ok = False
        try:
            self.rng_default = lib.igraph_rng_default
            self.rng_set_default = lib.igraph_rng_set_default
            self.rng_init = lib.igraph_rng_init
            self.hooks = [lib.igraph_set_interruption_handler,
                          lib.igraph_set_progress_handler, lib.igraph_set_status_handler]
            self.pcg32 = ctypes.c_char.in_dll(lib, "igraph_rngtype_pcg32")
        except (AttributeError, ValueError):
            return
        self.rng_default.restype, self.rng_default.argtypes = c_void_p, []
        self.rng_set_default.restype, self.rng_set_default.argtypes = None, [c_void_p]
        self.rng_init.restype, self.rng_init.argtypes = c_int, [c_void_p, c_void_p]
        for h in self.hooks:
            h.restype, h.argtypes = c_void_p, [c_void_p]
        # igraph_rng_t is {type *, state *, bool}: 24 bytes; room to spare.
        self.own = ctypes.create_string_buffer(64)
        self.saved = ctypes.create_string_buffer(64)
        if self.rng_init(self.own, ctypes.addressof(self.pcg32)) != 0:
            return
        self.ok = True

    def __enter__(self):
        if self.ok:
            ctypes.memmove(self.saved, self.rng_default(), 24)
            self.rng_set_default(self.own)
            self.saved_hooks = [h(None) for h in self.hooks]
        return self

    def __exit__(self, *exc):
        if self.ok:
            for h, old in zip(self.hooks, self.saved_hooks):
                h(old)
            self.rng_set_default(self.saved)


igraph_host = _IgraphHost()
