/*
 * fuzz/common.h - helpers shared by the libFuzzer harnesses (header-only, each harness
 * is its own executable).
 *
 * Ownership: every helper frees what it allocates before returning; the graphs passed
 * in are borrowed.
 *
 * Beyond "no crash, no leak, no undefined behaviour" (the sanitizers' job) the harnesses
 * check the promises the public headers make, and abort() when one is broken so that
 * libFuzzer keeps the input: whatever a reader accepts must survive being written as
 * node-link JSON and read back with the same node and edge counts, because that is what
 * the pipeline does with it (`ag-analyze foo.graphml | ag-render`).
 */
#ifndef AG_FUZZ_COMMON_H
#define AG_FUZZ_COMMON_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <actorgraph/util/error.h>
#include <actorgraph/graph/graph.h>
#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/allocator_interface.h>
#define AG_FUZZ_ALLOC_STATS 1
#endif
#endif

/* Limits small enough that a fuzz input cannot make an iteration slow: the defaults are
 * tested by the golden hardening cases, here we want many executions per second. */
static const ag_read_limits ag_fuzz_limits = {1 << 20, 64, 100000};

/* Report a broken promise and stop, so libFuzzer records the input as a crash. */
#define AG_FUZZ_ASSERT(cond, ...)                                                                  \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz invariant broken: %s: ", #cond);                                 \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/*
 * State carried from one input to the next. libFuzzer runs every input in one process,
 * so whatever a library keeps in globals (cgraph's lexer and string dictionary, igraph's
 * RNG, jansson's hash seed) can make an input behave differently after others: a find
 * that does not reproduce alone (issue 12). The harnesses therefore
 *  - fix jansson's hash seed before main (it is random per process otherwise, which
 *    makes any slowdown from hash collisions unreproducible);
 *  - bracket every input with ag_fuzz_state_begin/end, which adds up the bytes the
 *    library kept allocated after an input and aborts once that passes
 *    AG_FUZZ_MAX_RETAINED_MB (default 64): memory that stays reachable (so LeakSanitizer
 *    is silent) but grows with every input, as cgraph's string dictionary did for text
 *    ahead of "graph", ends as an out-of-memory on whichever input comes last
 *    (AG_FUZZ_RETAINED_TRACE=1 prints what each input leaves behind);
 *  - read a fixed DOT graph after every DOT or sniffed input (ag_fuzz_dot_canary), which
 *    must always give the same graph, whatever the input left in cgraph's lexer;
 *  - fuzz_analyze also seeds igraph's RNG per input and checks that scrambling it changes
 *    nothing.
 */
__attribute__((constructor)) static void ag_fuzz_fix_hash_seed(void) { json_object_seed(1); }

#ifdef AG_FUZZ_ALLOC_STATS
static size_t ag_fuzz_bytes_before;
static long long ag_fuzz_retained; /* bytes kept by the library across all inputs */
#endif

static inline void ag_fuzz_state_begin(void)
{
#ifdef AG_FUZZ_ALLOC_STATS
    ag_fuzz_bytes_before = __sanitizer_get_current_allocated_bytes();
#endif
}

static inline void ag_fuzz_state_end(void)
{
#ifdef AG_FUZZ_ALLOC_STATS
    static long long limit;
    size_t now = __sanitizer_get_current_allocated_bytes();
    if (!limit) {
        const char *mb = getenv("AG_FUZZ_MAX_RETAINED_MB");
        limit = (mb && atoll(mb) > 0 ? atoll(mb) : 64) << 20;
    }
    long long kept = (long long)now - (long long)ag_fuzz_bytes_before;
    if (kept > 0 && getenv("AG_FUZZ_RETAINED_TRACE"))
        fprintf(stderr, "ag_fuzz: this input left %lld more bytes allocated\n", kept);
    ag_fuzz_retained += kept;
    AG_FUZZ_ASSERT(ag_fuzz_retained < limit,
                   "the library kept %lld bytes allocated across inputs (limit %lld MiB): "
                   "reachable memory growing with every input. This input need not be the "
                   "cause: run the corpus files with AG_FUZZ_RETAINED_TRACE=1 to see which "
                   "inputs leave memory behind",
                   ag_fuzz_retained, limit >> 20);
#endif
}

/* libFuzzer's optional initialiser, for the harnesses that have one. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The libFuzzer entry point of a harness whose work for one input is fn(data, size):
 * every input bracketed by ag_fuzz_state_begin and ag_fuzz_state_end. */
#define AG_FUZZ_ENTRY(fn)                                                                          \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);                                  \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)                                   \
    {                                                                                              \
        ag_fuzz_state_begin();                                                                     \
        (void)fn(data, size);                                                                      \
        ag_fuzz_state_end();                                                                       \
        return 0;                                                                                  \
    }

/* A private temporary directory for a harness whose library calls take paths, in
 * $TMPDIR or /tmp, made into dir (at least 64 bytes); aborts when it cannot be made. */
static inline void ag_fuzz_tmpdir(char *dir, size_t size, const char *who)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, size, "%.40s/ag-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "%s: mkdtemp: %s\n", who, strerror(errno));
        abort();
    }
}

/* An error the library reports must be a proper one: a code, a one-line message. */
static inline void ag_fuzz_check_error(const ag_error *err)
{
    AG_FUZZ_ASSERT(err->code != AG_OK, "failure without an error code");
    AG_FUZZ_ASSERT(err->msg[0] != '\0', "error without a message");
    AG_FUZZ_ASSERT(!strchr(err->msg, '\n'), "multi-line error message: %s", err->msg);
    AG_FUZZ_ASSERT(err->line >= 0 && err->col >= 0, "negative position %ld:%ld", err->line,
                   err->col);
}

/*
 * Write g in fmt to memory, read the bytes back in the same format and compare node and
 * edge counts. A writer may legitimately refuse a graph (for example a node id it cannot
 * represent), but then with a proper error; what it writes, its reader must accept.
 */
static inline void ag_fuzz_roundtrip(const ag_graph *g, ag_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    ag_error err;
    ag_graph *back;
    int rc;

    if (!mem)
        return;
    ag_error_clear(&err);
    rc = ag_graph_write(g, fmt, mem, NULL, &err);
    fclose(mem);
    if (rc < 0) {
        ag_fuzz_check_error(&err);
        free(buf);
        return;
    }
    if (fmt == AG_FMT_JSON && !memmem(buf, len, "NaN", 3) && !memmem(buf, len, "Infinity", 8)) {
        /* Valid JSON for everyone, not just for our own reader (networkx, jq). Non-finite
         * numbers are written as networkx writes them (bare NaN, Infinity), which strict
         * parsers reject by design. */
        json_error_t jerr;
        json_t *doc = json_loadb(buf, len, JSON_ALLOW_NUL, &jerr);
        AG_FUZZ_ASSERT(doc != NULL, "JSON writer output is not JSON: %d:%d: %s", jerr.line,
                       jerr.column, jerr.text);
        json_decref(doc);
    }
    ag_error_clear(&err);
    back = ag_graph_read_mem(buf, len, "<roundtrip>", fmt, NULL, &err);
    AG_FUZZ_ASSERT(back != NULL, "%s writer output does not read back: %s:%ld:%ld: %s",
                   ag_format_name(fmt), err.file, err.line, err.col, err.msg);
    AG_FUZZ_ASSERT(ag_graph_node_count(back) == ag_graph_node_count(g),
                   "%s round trip changed the node count %zu -> %zu", ag_format_name(fmt),
                   ag_graph_node_count(g), ag_graph_node_count(back));
    AG_FUZZ_ASSERT(ag_graph_edge_count(back) == ag_graph_edge_count(g),
                   "%s round trip changed the edge count %zu -> %zu", ag_format_name(fmt),
                   ag_graph_edge_count(g), ag_graph_edge_count(back));
    ag_graph_free(back);
    free(buf);
}

/*
 * A fixed DOT graph (quoted, escaped and HTML strings, a comment, a #line directive)
 * read after an input: the same graph every time, or cgraph kept state from the input.
 */
static inline void ag_fuzz_dot_canary(void)
{
    static const char canary[] = "# 1 \"canary\"\n/* c */ strict digraph \"c\" {\n"
                                 "  a -> b [weight=2, label=<<b>x</b>>]; \"q\\\"x\" -> a }\n";
    ag_error err;
    ag_graph *g;

    ag_error_clear(&err);
    g = ag_graph_read_mem(canary, sizeof canary - 1, "<canary>", AG_FMT_DOT, NULL, &err);
    AG_FUZZ_ASSERT(g != NULL,
                   "the DOT canary failed after this input (state carried "
                   "in cgraph): %ld:%ld: %s",
                   err.line, err.col, err.msg);
    AG_FUZZ_ASSERT(ag_graph_node_count(g) == 3 && ag_graph_edge_count(g) == 2 &&
                       ag_graph_is_directed(g) && ag_graph_find_node(g, "q\"x") >= 0,
                   "the DOT canary read differently after this input (state carried in "
                   "cgraph): %zu nodes, %zu links",
                   ag_graph_node_count(g), ag_graph_edge_count(g));
    ag_graph_free(g);
}

/*
 * Read data as fmt; on success exercise the graph (sort, copy, JSON round trip and, for
 * formats that can hold any graph, a round trip in fmt itself), on failure check the
 * error. The buffer is passed exactly as libFuzzer hands it over (not NUL-terminated):
 * ag_graph_read_mem promises that this is fine.
 */
static inline void ag_fuzz_read(const uint8_t *data, size_t size, ag_format fmt)
{
    ag_error err;
    ag_graph *g, *copy;

    ag_error_clear(&err);
    g = ag_graph_read_mem((const char *)data, size, "<fuzz>", fmt, &ag_fuzz_limits, &err);
    if (!g) {
        ag_fuzz_check_error(&err);
        if (fmt == AG_FMT_DOT || fmt == AG_FMT_AUTO)
            ag_fuzz_dot_canary();
        return;
    }
    /* AG_FUZZ_LENIENT=1 lets a run look past this one (a known GraphML issue: libxml2
     * warnings recorded on success) to whatever else is there. */
    AG_FUZZ_ASSERT(!ag_error_isset(&err) || getenv("AG_FUZZ_LENIENT"),
                   "success with an error set: %s", err.msg);
    for (size_t e = 0; e < ag_graph_edge_count(g); e++)
        AG_FUZZ_ASSERT(ag_edge_source(g, e) < ag_graph_node_count(g) &&
                           ag_edge_target(g, e) < ag_graph_node_count(g),
                       "edge %zu points outside the node table", e);
    ag_error_clear(&err);
    AG_FUZZ_ASSERT(ag_graph_sort(g, &err) == 0, "sort failed: %s", err.msg);
    ag_error_clear(&err);
    copy = ag_graph_copy(g, &err);
    AG_FUZZ_ASSERT(copy != NULL, "copy failed: %s", err.msg);
    ag_graph_free(copy);
    ag_fuzz_roundtrip(g, AG_FMT_JSON);
    /* Edge lists cannot hold isolated nodes, so only the graph formats go round. */
    if (fmt == AG_FMT_GRAPHML || fmt == AG_FMT_GML || fmt == AG_FMT_DOT)
        ag_fuzz_roundtrip(g, fmt);
    ag_graph_free(g);
    if (fmt == AG_FMT_DOT || fmt == AG_FMT_AUTO)
        ag_fuzz_dot_canary();
}

/* Promises of ner.h about a document's mentions (only where the harness includes it). */
#ifdef ACTORGRAPH_NER_H
static inline void ag_fuzz_check_mentions(const ag_mentions *m, const ag_sentence *sents,
                                          size_t nsents, size_t len)
{
    for (size_t i = 0; i < m->n; i++) {
        const ag_mention *x = &m->v[i];
        AG_FUZZ_ASSERT(x->start < x->end && x->end <= len, "mention %zu out of bounds", i);
        AG_FUZZ_ASSERT(x->sentence < nsents && sents[x->sentence].start <= x->start &&
                           x->end <= sents[x->sentence].end,
                       "mention %zu [%zu, %zu) outside its sentence", i, x->start, x->end);
        AG_FUZZ_ASSERT(i == 0 || m->v[i - 1].start <= x->start, "mentions out of order");
        AG_FUZZ_ASSERT(x->name && x->name[0], "mention %zu has no name", i);
        AG_FUZZ_ASSERT(x->type != AG_ACTOR_OTHER, "mention %zu typed other", i);
    }
}
#endif

#endif
