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

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <actorgraph/util/error.h>
#include <actorgraph/graph/graph.h>
#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>

/* Limits small enough that a fuzz input cannot make an iteration slow: the defaults are
 * tested by the golden hardening cases, here we want many executions per second. */
static const ag_read_limits ag_fuzz_limits = {1 << 20, 64, 100000};

/* Report a broken promise and stop, so libFuzzer records the input as a crash. */
#define AG_FUZZ_ASSERT(cond, ...)                                                            \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            fprintf(stderr, "fuzz invariant broken: %s: ", #cond);                          \
            fprintf(stderr, __VA_ARGS__);                                                    \
            fputc('\n', stderr);                                                             \
            abort();                                                                         \
        }                                                                                    \
    } while (0)

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
