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
 * Threads (opts->threads > 1) read by key: every thread reads every line, and takes the
 * actor records whose key hashes to it and the pair records whose first key does, into
 * an accumulator of its own; the shard headers it takes all. So each key's records are
 * summed by one thread in input order, exactly as one reader sums them, and combining
 * the threads' accumulators only adds records to empty ones. (Cutting the files into
 * runs per thread instead put popular keys' records in every run: combining them cost
 * what the threads saved.) Should a thread fail, one thread reads everything again and
 * reports the first bad record as it always did. The resolution puts the links' evidence
 * into the graph on one more thread, beside the actors' steps and the folding of the
 * pairs (extract_resolve.c), and the writer formats the graph on the threads too
 * (ag_write_opts). The resolver's
 * lexicon is built after the reading, not beside it: the 20 ms saved cost 5 MB of peak
 * memory on 100 MB of Zipf shards.
 */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <actorgraph/extract/merge.h>

#include "util/buf_internal.h"
#include "util/error_internal.h"
#include "util/opts_internal.h"
#include "extract/extract_internal.h"

typedef int (*line_fn)(void *ctx, const char *line, size_t len, const char *name, long lineno,
                       ag_error *err);

/* Bytes read at a time: lines are cut from the block in place. */
#define READ_BLOCK ((size_t)1 << 20)

/* Call fn for every non-blank line of every input ("-": stdin; none: stdin), NUL-
 * terminated in place, its line ending gone. The lines are cut from big blocks rather
 * than read by getline: with threads every thread reads every line, and getline's lock
 * and copy per line were a tenth of a thread's reading (Zipf shards). */
static int each_line(const char *const *inputs, size_t ninputs, line_fn fn, void *ctx,
                     ag_error *err)
{
    static const char *const std_in[] = {"-"};
    ag__buf b = {0};
    int rc = 0;

    if (ninputs == 0) {
        inputs = std_in;
        ninputs = 1;
    }
    for (size_t i = 0; i < ninputs && rc == 0; i++) {
        int is_stdin = strcmp(inputs[i], "-") == 0;
        const char *name = is_stdin ? "<stdin>" : inputs[i];
        FILE *f = is_stdin ? stdin : fopen(inputs[i], "rb");
        size_t start = 0; /* b.p[start, b.len): bytes not yet cut into lines */
        long lineno = 0;
        int eof = 0;
        if (!f) {
            rc = ag_error_set(err, AG_EIO, name, 0, 0, "cannot open: %s", strerror(errno));
            break;
        }
        ag__buf_reset(&b);
        while (rc == 0) {
            /* (no pointer arithmetic on b.p before the first block: it may be NULL) */
            char *line = start < b.len ? b.p + start : NULL, *nl;
            while (rc == 0 && start < b.len && (nl = memchr(line, '\n', b.len - start))) {
                size_t n = (size_t)(nl - line);
                lineno++;
                start += n + 1;
                while (n > 0 && line[n - 1] == '\r')
                    n--;
                line[n] = '\0';
                if (n > 0)
                    rc = fn(ctx, line, n, name, lineno, err);
                line = nl + 1;
            }
            if (rc != 0 || eof)
                break;
            /* The cut line moves to the front, and the next block goes after it. */
            if (start > 0) { /* (none before the first block: b.p may be NULL) */
                memmove(b.p, b.p + start, b.len - start);
                b.len -= start;
                start = 0;
            }
            if (ag__buf_reserve(&b, READ_BLOCK + 1) < 0) {
                rc = ag__nomem(err);
                break;
            }
            size_t got = fread(b.p + b.len, 1, READ_BLOCK, f);
            b.len += got;
            if (got == 0) {
                if (ferror(f)) {
                    rc = ag_error_set(err, AG_EIO, name, lineno, 0, "read error: %s",
                                      strerror(errno));
                    break;
                }
                eof = 1;
                b.p[b.len++] = '\n'; /* the last line may have no line ending */
            }
            b.p[b.len] = '\0';
        }
        if (!is_stdin)
            fclose(f);
    }
    ag__buf_free(&b);
    return rc;
}

static int into_acc(void *ctx, const char *line, size_t len, const char *name, long lineno,
                    ag_error *err)
{
    return ag__acc_read_keyed_line(ctx, line, len, name, lineno, err);
}

/* Step `name` of ag_merge_graph has ended: the caller's callback, which version 1 of the
 * options does not hold. */
static void step_ended(void *opts, const char *name)
{
    const ag_merge_opts *o = opts;
    if (o->version >= 2 && o->step)
        o->step(o->step_ctx, name);
}

static void init_acc(ag__acc *acc, const ag_merge_opts *o)
{
    ag__acc_init(acc, o->evidence >= 0 ? (size_t)o->evidence : 3);
    acc->fixed_evidence = o->evidence >= 0;
}

/* ------------------------------------------------------------------ threads */

/* Input bytes below which one thread reads: the threads' records must be combined
 * afterwards, which pays only when there is much to read. */
#define THREAD_MIN_BYTES ((unsigned long long)4 << 20)
#define MAX_PARTS 8 /* every thread reads all the lines: more would mostly read */

/* One thread's share of the keys. */
typedef struct part {
    const char *const *inputs; /* borrowed: all of them */
    size_t ninputs;
    size_t index, nparts; /* takes the keys that hash to index mod nparts */
    int *failed;          /* shared: a thread failed, the others stop (atomic) */
    ag__acc acc;
    ag_error err;
    int rc;
    pthread_t tid;
} part;

/* The record of a line for this part: its key's, or the header every part takes. */
static int part_line(void *ctx, const char *line, size_t len, const char *name, long lineno,
                     ag_error *err)
{
    part *p = ctx;
    size_t owner = 0; /* a malformed line: the first part reports it */
    if (__atomic_load_n(p->failed, __ATOMIC_RELAXED))
        return ag_error_set(err, AG_EINTERNAL, name, lineno, 0, "another thread failed");
    if (len > 2 && line[1] == '|' && (line[0] == 'A' || line[0] == 'L')) {
        /* The actor's key, or the pair's first one. */
        const char *end = memchr(line + 2, line[0] == 'A' ? '\t' : '|', len - 2);
        if (end)
            owner = (size_t)(ag__hash_bytes(line + 2, (size_t)(end - line - 2)) % p->nparts);
    } else if (line[0] == 'D') {
        owner = p->index;
    }
    if (owner != p->index) {
        p->acc.other_pairs |= line[0] == 'L';
        return 0;
    }
    return ag__acc_read_keyed_line(&p->acc, line, len, name, lineno, err);
}

static void *read_part(void *arg)
{
    part *p = arg;
    p->rc = each_line(p->inputs, p->ninputs, part_line, p, &p->err);
    if (p->rc != 0)
        __atomic_store_n(p->failed, 1, __ATOMIC_RELAXED);
    return NULL;
}

/* How many parts to read the inputs in: 1 (one thread) for stdin, anything stat cannot
 * size, or too few bytes. */
static size_t count_parts(const char *const *inputs, size_t ninputs, int threads)
{
    unsigned long long total = 0;
    struct stat st;
    if (threads < 2 || ninputs == 0)
        return 1;
    for (size_t i = 0; i < ninputs; i++) {
        if (strcmp(inputs[i], "-") == 0 || stat(inputs[i], &st) != 0 || !S_ISREG(st.st_mode))
            return 1;
        total += (unsigned long long)st.st_size;
    }
    return total < THREAD_MIN_BYTES ? 1 : threads > MAX_PARTS ? MAX_PARTS : (size_t)threads;
}

/* Read the inputs in nparts parts on as many threads (this one the first) and combine
 * them into *acc: 1 done; 0 when a part failed (one thread must read again, to report
 * the first bad record); -1 with err set. */
static int read_parts(const char *const *inputs, size_t ninputs, size_t nparts,
                      const ag_merge_opts *o, ag__acc *acc, ag_error *err)
{
    part parts[MAX_PARTS];
    int failed = 0, rc = 1;
    size_t started = 1;
    memset(parts, 0, sizeof parts);
    for (size_t k = 0; k < nparts; k++) {
        parts[k].inputs = inputs;
        parts[k].ninputs = ninputs;
        parts[k].index = k;
        parts[k].nparts = nparts;
        parts[k].failed = &failed;
        init_acc(&parts[k].acc, o);
        ag_error_clear(&parts[k].err);
    }
    for (; started < nparts; started++)
        if (pthread_create(&parts[started].tid, NULL, read_part, &parts[started]) != 0)
            break;
    for (size_t k = 0; k < nparts; k++) /* a part whose thread did not start: here */
        if (k == 0 || k >= started)
            read_part(&parts[k]);
    for (size_t k = 1; k < started; k++)
        pthread_join(parts[k].tid, NULL);
    for (size_t k = 0; k < nparts && rc == 1; k++)
        if (parts[k].rc != 0)
            rc = 0;
    if (rc == 1)
        step_ended((void *)o, "read");
    /* Every part read every header: the documents count once. No more lines: the
     * indexes of strings and evidence records are only memory now. */
    ag__acc_seal(&parts[0].acc);
    int disjoint = 1; /* a pair's lines all went to the part of its lesser key */
    for (size_t k = 0; k < nparts; k++)
        disjoint &= !parts[k].acc.pairs_unordered;
    for (size_t k = 1; k < nparts && rc == 1; k++) {
        parts[k].acc.documents = 0;
        if (ag__acc_absorb(&parts[0].acc, &parts[k].acc, disjoint, err) < 0)
            rc = -1;
        ag__acc_destroy(&parts[k].acc); /* before the next one grows the first */
    }
    if (rc == 1) {
        *acc = parts[0].acc;
        init_acc(&parts[0].acc, o);
        step_ended((void *)o, "combine");
    }
    for (size_t k = 0; k < nparts; k++)
        ag__acc_destroy(&parts[k].acc);
    return rc;
}

/* Everything into *acc (initialised even on failure). */
static int read_all(const char *const *inputs, size_t ninputs, const ag_merge_opts *o, ag__acc *acc,
                    ag_error *err)
{
    size_t nparts = count_parts(inputs, ninputs, o->threads);
    int rc = nparts > 1 ? read_parts(inputs, ninputs, nparts, o, acc, err) : 0;
    if (rc > 0)
        return 0;
    init_acc(acc, o);
    if (rc < 0 || each_line(inputs, ninputs, into_acc, acc, err) < 0)
        return -1;
    step_ended((void *)o, "read");
    return 0;
}

ag_graph *ag_merge_graph(const char *const *inputs, size_t ninputs, const ag_merge_opts *opts,
                         ag_error *err)
{
    static const ag_merge_opts defaults = AG_MERGE_OPTS_INIT;
    ag__acc acc;
    ag_graph *g = NULL;
    if (!opts)
        opts = &defaults;
    if (read_all(inputs, ninputs, opts, &acc, err) == 0) {
        ag__resolve_opts ro = {opts->variants, opts->met_only, opts->threads, step_ended,
                               (void *)opts};
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
    if (version == 1) { /* the struct as it ended before step */
        if (!opts)
            return -1;
        memcpy(opts, &defaults, offsetof(ag_merge_opts, step));
        opts->version = 1;
        return 0;
    }
    return ag__opts_init(opts, version, &defaults, sizeof defaults);
}
