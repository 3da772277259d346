/*
 * actorgraph/extract/extract.h - news text in, actor graph out: who is mentioned with whom, and
 * who met whom.
 *
 * Ownership: options and the input path list are borrowed for the duration of a call.
 * ag_extract_graph returns a new graph the caller frees with ag_graph_free. Its list
 * values share what repeats in them (one evidence object in every link the sentence
 * backs): replace an attribute value, never modify one in place (the graph's setters
 * replace). FILE streams passed in (mentions, keyed output) are written to but never
 * closed.
 * Thread safety: a call may start its own worker threads (opts.threads) and joins them
 * before it returns; separate calls share nothing.
 *
 * The pipeline (see libcore/extract.c for the design):
 *   inputs (files, directories, "-") -> documents (.txt/.md whole file, .jsonl/.ndjson one
 *   article per line) -> sentences and mentions (actorgraph/nlp/ner.h) -> per-document actor
 *   and pair records -> an accumulator of records keyed by normalised actor name ->
 *   cross-document resolution (spelling variants, dropped middle names, surnames, type
 *   voting) -> the graph.
 *
 * Everything accumulated is a sum, a minimum/maximum or a "smallest N by (doc id,
 * offset)" selection, so the result does not depend on the order documents are processed
 * in: output is byte-identical for any number of threads, and accumulators of disjoint
 * shards combine into exactly the single-run result (actorgraph/extract/merge.h).
 */
#ifndef ACTORGRAPH_EXTRACT_H
#define ACTORGRAPH_EXTRACT_H

#include <stdio.h>
#include <actorgraph/util/error.h>
#include <actorgraph/graph/graph.h>
#include <actorgraph/nlp/lexicon.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Which mentions count as co-mentioned. */
typedef enum ag_scope {
    AG_SCOPE_SENTENCE = 0, /* in the same sentence (default) */
    AG_SCOPE_PARAGRAPH,    /* in the same paragraph */
    AG_SCOPE_DOCUMENT,     /* anywhere in the same document */
    AG_SCOPE_WINDOW        /* within opts.window consecutive sentences */
} ag_scope;

/* Parse "sentence", "paragraph", "document" or "window:N" (N >= 1); -1 when invalid. */
AG_API int ag_scope_parse(const char *s, ag_scope *scope, int *window);

/* Progress callback: documents and bytes done so far, total input bytes (0 if unknown).
 * Called from the calling thread only. */
typedef void (*ag_extract_progress_fn)(void *ctx, unsigned long long docs, unsigned long long bytes,
                                       unsigned long long total);

#define AG_EXTRACT_MAX_FILES 16 /* --dict / --stoplist files per run */

typedef struct ag_extract_opts {
    unsigned int version;   /* AG_EXTRACT_OPTS_VERSION */
    ag_scope scope;         /* co-mention scope */
    int window;             /* sentences in a window when scope is AG_SCOPE_WINDOW */
    int evidence;           /* evidence records kept per link (0..100) */
    int met_only;           /* keep only links with met = true */
    int variants;           /* merge spelling variants / dropped middle names / surnames */
    int threads;            /* worker threads (>= 1) */
    int skip_bad;           /* skip malformed JSON Lines records and binary text files */
    const char *field_id;   /* JSON Lines field holding the document id ("id") */
    const char *field_text; /* the required text field ("text") */
    const char *field_date; /* ISO 8601 date field ("date"); title, url and source are
                             * accepted in records but not used */
    const char *dicts[AG_EXTRACT_MAX_FILES];     /* --dict files, in order */
    int ndicts;                                  /* used entries of dicts */
    const char *stoplists[AG_EXTRACT_MAX_FILES]; /* --stoplist files */
    int nstoplists;                              /* used entries of stoplists */
    int no_default_lexicon;                      /* 1: start from an empty lexicon (tests) */
    const ag_lexicon *lexicon;       /* a ready lexicon to use instead (borrowed), or NULL */
    FILE *mentions;                  /* --mentions: JSON Lines of every mention, or NULL */
    ag_extract_progress_fn progress; /* may be NULL */
    void *progress_ctx;              /* passed to progress */
} ag_extract_opts;

#define AG_EXTRACT_OPTS_VERSION 1
#define AG_EXTRACT_OPTS_INIT                                                                       \
    {                                                                                              \
        .version = AG_EXTRACT_OPTS_VERSION, .scope = AG_SCOPE_SENTENCE, .window = 1,               \
        .evidence = 3, .met_only = 0, .variants = 1, .threads = 1, .skip_bad = 0,                  \
        .field_id = "id", .field_text = "text", .field_date = "date", .ndicts = 0,                 \
        .nstoplists = 0, .no_default_lexicon = 0, .lexicon = NULL, .mentions = NULL,               \
        .progress = NULL, .progress_ctx = NULL                                                     \
    }

/* Fill *opts with the defaults of AG_EXTRACT_OPTS_INIT for the struct layout of `version`
 * (pass AG_EXTRACT_OPTS_VERSION). 0, or -1 leaving *opts untouched when the library does
 * not know that version. */
AG_API int ag_extract_opts_init(ag_extract_opts *opts, unsigned int version);

/* What a run saw, for messages and tests. */
typedef struct ag_extract_stats {
    unsigned long long documents; /* documents read */
    unsigned long long bytes;     /* input bytes read (files, JSON Lines records) */
    unsigned long long mentions;  /* mentions recognised (datelines included) */
    unsigned long long skipped;   /* malformed records and binary files skipped (--skip-bad) */
    unsigned long long repeats;   /* documents given again (same id and text), counted once */
} ag_extract_stats;

/*
 * Extract the actor graph of the documents found in inputs[0, ninputs) (files,
 * directories walked recursively in byte order of names, "-" for stdin). stats may be
 * NULL. Returns a new, sorted graph, or NULL with err set (a malformed JSON Lines record
 * is reported as FILE:LINE, a text file with a NUL byte as FILE:LINE:COL, unless
 * opts->skip_bad).
 * Time complexity: O(text + mentions + pairs * log(evidence)) plus the resolution,
 * O(A log A + L) for A actor records and L pair records. Memory: the records (bounded by
 * the graph) plus one document per worker thread and a short queue.
 */
AG_API ag_graph *ag_extract_graph(const char *const *inputs, size_t ninputs,
                                  const ag_extract_opts *opts, ag_extract_stats *stats,
                                  ag_error *err);

/*
 * Same input, but instead of resolving and building the graph, write the unresolved
 * records as sortable key-prefixed lines to out (the mapper side of a sharded run; the
 * format is described in actorgraph/extract/merge.h). Returns 0 or -1.
 */
AG_API int ag_extract_keyed(const char *const *inputs, size_t ninputs, const ag_extract_opts *opts,
                            FILE *out, ag_extract_stats *stats, ag_error *err);

/*
 * The key that actor records are accumulated under: the name case-folded, stripped of
 * diacritics, with every run of non-alphanumeric characters turned into one space and
 * no leading or trailing space ("Al-Qaeda" -> "al qaeda"); a dotted acronym is one word
 * ("I.B.M." -> "ibm", "U.S." -> "us", as "IBM" and "US"; "J. Smith" -> "j smith"). Writes a
 * NUL-terminated key into buf (truncated to bufsize - 1) and returns its full length.
 */
AG_API size_t ag_extract_name_key(const char *name, size_t len, char *buf, size_t bufsize);

#ifdef __cplusplus
}
#endif
#endif
