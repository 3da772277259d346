/*
 * actorgraph/extract/merge.h - combining the records of sharded ag-extract runs into the graph
 * one run over all documents would give.
 *
 * Ownership: inputs and options are borrowed for the duration of a call; ag_merge_graph
 * returns a new graph the caller frees with ag_graph_free (attribute values shared as in
 * ag_extract_graph's); FILE streams are never closed.
 *
 * The partial results are not graphs but their unresolved records, written by
 * `ag-extract --emit-keyed` (ag_extract_keyed), one per line as KEY <TAB> JSON. KEY is a
 * single field (Hadoop Streaming's default key), so that `LC_ALL=C sort` or a shuffle
 * brings all records of one key together:
 *
 *     A|actor-key <TAB> {JSON: mentions, documents, type votes, names, forms, roles,
 *                        countries, first/last date}
 *     D|- <TAB> {"documents": N, "evidence": max evidence per link}
 *     L|key-a|key-b <TAB> {JSON: weight, documents, met, dates, evidence}
 *
 * Actor keys are normalised names (ag_extract_name_key: letters, digits, single spaces).
 * Every field combines by a sum, a min/max or "the smallest N pieces of evidence by (doc
 * id, offset, text)", so records of disjoint shards combine, in any grouping and order,
 * into exactly the records of a single run; resolution and graph building then run on
 * the combined records as in ag-extract. Hence
 *     ag_merge_graph(extract_keyed(shard 1), ..., extract_keyed(shard k))
 *         == ag_extract_graph(all documents), byte for byte when written,
 * provided document ids are unique across shards (file names, or "id" fields; a JSON
 * Lines record without an id is named FILE:LINE, which changes when a file is split).
 */
#ifndef ACTORGRAPH_MERGE_H
#define ACTORGRAPH_MERGE_H

#include <stdio.h>
#include <actorgraph/util/error.h>
#include <actorgraph/graph/graph.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ag_merge_opts {
    unsigned int version; /* AG_MERGE_OPTS_VERSION */
    int variants;         /* resolution: merge spelling variants etc. (as ag-extract) */
    int met_only;         /* keep only met links */
    int evidence;         /* evidence per link; -1: as the shards were extracted (default) */
    int threads;          /* threads (>= 1; default 1) reading, each the records of its keys
                           * (from 4 MiB of files, not stdin); ag-merge writes JSON on them */
    /* Version 2. step: NULL, or called on the calling thread as each step of
     * ag_merge_graph ends, the step's threads done: "read", "combine" (of the threads'
     * records), "resolve" (the actors, and the pairs into links), "links" (into the
     * graph), so that a caller can time them (ag-merge --timings). */
    void (*step)(void *ctx, const char *name);
    void *step_ctx; /* borrowed, passed to step */
} ag_merge_opts;

#define AG_MERGE_OPTS_VERSION 2
#define AG_MERGE_OPTS_INIT                                                                         \
    {                                                                                              \
        .version = AG_MERGE_OPTS_VERSION, .variants = 1, .met_only = 0, .evidence = -1,            \
        .threads = 1                                                                               \
    }

/* Fill *opts with the defaults of AG_MERGE_OPTS_INIT for the struct layout of `version`
 * (pass AG_MERGE_OPTS_VERSION; 1 fills the fields before step alone). 0, or -1 leaving
 * *opts untouched for an unknown version. */
AG_API int ag_merge_opts_init(ag_merge_opts *opts, unsigned int version);

/*
 * Read keyed record files (any order; "-" or NULL list: stdin), combine, resolve and
 * return the sorted graph, or NULL with err naming FILE:LINE of a bad record.
 * Time complexity: O(R) to combine R records plus the resolution (actorgraph/extract/extract.h).
 * Memory: the combined records, i.e. the size of the graph; with threads, while
 * reading, each thread's records also name the actors of its pairs that other threads
 * hold (with 2 threads, 3% more peak memory on 8 shards of 1 GB).
 * Thread safety: opts->threads > 1 starts threads that are joined before the call
 * returns; the result is the same bytes for any number, and so is an error.
 */
AG_API ag_graph *ag_merge_graph(const char *const *inputs, size_t ninputs,
                                const ag_merge_opts *opts, ag_error *err);

/*
 * Combine records without resolving and write them, one per key, as keyed lines to out.
 * sorted = 0: inputs in any order (memory: all records; read on opts->threads threads as
 * by ag_merge_graph). sorted = 1: the inputs are the
 * key-sorted stream of a shuffle (Hadoop Streaming / Spark pipe reducers); consecutive
 * records of a key are combined and written as soon as the key changes, so memory is
 * bounded by one key's records; input out of order is an error.
 * The output can be fed to another ag_merge_* call (partial reductions compose).
 */
AG_API int ag_merge_keyed(const char *const *inputs, size_t ninputs, int sorted,
                          const ag_merge_opts *opts, FILE *out, ag_error *err);

#ifdef __cplusplus
}
#endif
#endif
