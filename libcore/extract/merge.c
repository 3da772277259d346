/*
 * merge.c - ag-merge: combine the keyed records of sharded ag-extract runs.
 *
 * The records and their combining rules live in extract_acc.c, resolution in
 * extract_resolve.c; this file only reads record streams. Two ways:
 *  - everything into one accumulator (any input order; memory = the graph), then either
 *    resolve into the graph or write the combined records back out;
 *  - the streaming reducer for key-sorted input (the contract of Hadoop Streaming and
 *    Spark's pipe()): records of one key are adjacent, so a one-key accumulator is
 *    filled, written out when the key changes, and emptied. Memory: one key's records.
 *
 * Threads (opts->threads > 1) do not read: a thread's records would have to be combined
 * into the others', which costs about what reading them saved (measured on 8 Zipf shards:
 * reading runs of files on two threads took a quarter more CPU and, on 100 MB, a third
 * more memory, for a critical path 2% shorter on 1 GB). One thread builds the resolver's lexicon
 * meanwhile; the writer formats the graph on the threads (actorgraph/io/io.h, ag_write_opts).
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <actorgraph/extract/merge.h>

#include "util/error_internal.h"
#include "util/opts_internal.h"
#include "extract/extract_internal.h"
#include "nlp/lexicon_internal.h"

typedef int (*line_fn)(void *ctx, const char *line, size_t len, const char *name, long lineno,
                       ag_error *err);

/* Call fn for every non-blank line of every input ("-": stdin; none: stdin). */
static int each_line(const char *const *inputs, size_t ninputs, line_fn fn, void *ctx,
                     ag_error *err)
{
    static const char *const std_in[] = {"-"};
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;

    if (ninputs == 0) {
        inputs = std_in;
        ninputs = 1;
    }
    for (size_t i = 0; i < ninputs && rc == 0; i++) {
        int is_stdin = strcmp(inputs[i], "-") == 0;
        const char *name = is_stdin ? "<stdin>" : inputs[i];
        FILE *f = is_stdin ? stdin : fopen(inputs[i], "rb");
        ssize_t n;
        long lineno = 0;
        if (!f) {
            rc = ag_error_set(err, AG_EIO, name, 0, 0, "cannot open: %s", strerror(errno));
            break;
        }
        while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
            lineno++;
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                line[--n] = '\0';
            if (n == 0)
                continue;
            rc = fn(ctx, line, (size_t)n, name, lineno, err);
        }
        if (rc == 0 && ferror(f))
            rc = ag_error_set(err, AG_EIO, name, lineno, 0, "read error: %s", strerror(errno));
        if (!is_stdin)
            fclose(f);
    }
    free(line);
    return rc;
}

static int into_acc(void *ctx, const char *line, size_t len, const char *name, long lineno,
                    ag_error *err)
{
    return ag__acc_read_keyed_line(ctx, line, len, name, lineno, err);
}

static void init_acc(ag__acc *acc, const ag_merge_opts *o)
{
    ag__acc_init(acc, o->evidence >= 0 ? (size_t)o->evidence : 3);
    acc->fixed_evidence = o->evidence >= 0;
}

static int read_all(const char *const *inputs, size_t ninputs, const ag_merge_opts *o, ag__acc *acc,
                    ag_error *err)
{
    init_acc(acc, o);
    return each_line(inputs, ninputs, into_acc, acc, err);
}

/* The default lexicon, shared and built once: resolution finds it ready. A failure is
 * kept and reported to the resolution's own call. */
static void *build_lexicon(void *arg)
{
    ag_error e;
    (void)arg;
    ag_error_clear(&e);
    (void)ag__lexicon_default(&e);
    return NULL;
}

ag_graph *ag_merge_graph(const char *const *inputs, size_t ninputs, const ag_merge_opts *opts,
                         ag_error *err)
{
    static const ag_merge_opts defaults = AG_MERGE_OPTS_INIT;
    ag__acc acc;
    ag_graph *g = NULL;
    pthread_t lex;
    if (!opts)
        opts = &defaults;
    /* Only variants need it; without a thread, resolution builds it. */
    int lex_thread =
        opts->threads > 1 && opts->variants && pthread_create(&lex, NULL, build_lexicon, NULL) == 0;
    int rc = read_all(inputs, ninputs, opts, &acc, err);
    if (lex_thread)
        pthread_join(lex, NULL);
    if (rc == 0) {
        ag__resolve_opts ro = {opts->variants, opts->met_only};
        ag__acc_seal(&acc); /* every record is in: the pool index is only memory now */
        g = ag__acc_to_graph(&acc, &ro, err);
    }
    ag__acc_destroy(&acc);
    return g;
}

/* ------------------------------------------------------------------ streaming reducer */

typedef struct reducer {
    const ag_merge_opts *opts; /* borrowed */
    FILE *out;                 /* where combined records go */
    ag__acc cur;               /* records of the current key */
    char *key;                 /* current key ("A|name", "L|a|b", "D|-") */
    size_t keylen;             /* its bytes (a key may hold a NUL byte) */
    size_t evidence;           /* evidence limit learnt from the D records */
    int fixed;                 /* the user chose the limit */
} reducer;

static int flush(reducer *r, ag_error *err)
{
    if (!r->key)
        return 0;
    int rc = ag__acc_write_keyed(&r->cur, r->out, r->key[0] == 'D', err);
    if (r->key[0] == 'D')
        r->evidence = r->cur.max_evidence;
    ag__acc_destroy(&r->cur);
    ag__acc_init(&r->cur, r->evidence);
    r->cur.fixed_evidence = r->fixed;
    free(r->key);
    r->key = NULL;
    return rc;
}

static int reduce_line(void *ctx, const char *line, size_t len, const char *name, long lineno,
                       ag_error *err)
{
    reducer *r = ctx;
    /* The key is everything before the first TAB. */
    const char *tab = memchr(line, '\t', len);
    if (!tab || tab == line)
        return ag_error_set(err, AG_EPARSE, name, lineno, 0,
                            "not an ag-extract --emit-keyed record");
    size_t klen = (size_t)(tab - line);
    int cmp = 1;
    if (r->key) { /* byte order, as LC_ALL=C sort; a proper prefix comes first */
        cmp = memcmp(line, r->key, klen < r->keylen ? klen : r->keylen);
        if (cmp == 0)
            cmp = (klen > r->keylen) - (klen < r->keylen);
    }
    if (cmp < 0)
        return ag_error_set(err, AG_EINVAL, name, lineno, 0,
                            "input is not sorted by key (sort it with LC_ALL=C sort)");
    if (cmp > 0) {
        if (flush(r, err) < 0)
            return -1;
        if (!(r->key = malloc(klen + 1)))
            return ag__nomem(err);
        memcpy(r->key, line, klen);
        r->key[klen] = '\0';
        r->keylen = klen;
    }
    return ag__acc_read_keyed_line(&r->cur, line, len, name, lineno, err);
}

int ag_merge_keyed(const char *const *inputs, size_t ninputs, int sorted, const ag_merge_opts *opts,
                   FILE *out, ag_error *err)
{
    static const ag_merge_opts defaults = AG_MERGE_OPTS_INIT;
    int rc;
    if (!opts)
        opts = &defaults;
    if (!sorted) {
        ag__acc acc;
        rc = read_all(inputs, ninputs, opts, &acc, err);
        ag__acc_seal(&acc); /* writing adds no string: the pool index is only memory now */
        if (rc == 0)
            rc = ag__acc_write_keyed(&acc, out, 1, err);
        ag__acc_destroy(&acc);
        return rc;
    }
    reducer r;
    memset(&r, 0, sizeof r);
    r.opts = opts;
    r.out = out;
    r.fixed = opts->evidence >= 0;
    r.evidence = r.fixed ? (size_t)opts->evidence : 3;
    ag__acc_init(&r.cur, r.evidence);
    r.cur.fixed_evidence = r.fixed;
    rc = each_line(inputs, ninputs, reduce_line, &r, err);
    if (rc == 0)
        rc = flush(&r, err);
    ag__acc_destroy(&r.cur);
    free(r.key);
    return rc;
}

int ag_merge_opts_init(ag_merge_opts *opts, unsigned int version)
{
    static const ag_merge_opts defaults = AG_MERGE_OPTS_INIT;
    return ag__opts_init(opts, version, &defaults, sizeof defaults);
}
