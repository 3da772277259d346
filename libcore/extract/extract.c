/*
 * extract.c - the ag-extract driver: lexicon, reader, worker threads, and the two ends
 * (a resolved graph, or unresolved key-prefixed records for a sharded run).
 *
 * Threads. Documents are read in input order into batches (up to 64 documents or 1 MB, so
 * that locking costs little per document). Each worker reads its next batch itself, under
 * a lock, and analyses it: no reader thread hands batches over, because with as many
 * workers as cores a third thread would preempt a worker and cost context switches at
 * every hand-over (measured: 10-30% more CPU time at -j 2). Memory holds one batch per
 * worker, never the corpus. Each worker
 * analyses documents into its OWN accumulator; at the end the accumulators are combined.
 * Because every record field combines commutatively (extract_acc.c), the combined
 * records, and hence the output, are identical for any number of threads. The only thing
 * that must follow input order is the --mentions stream: a worker holding batch k waits
 * until batches 0..k-1 have been written before writing its lines.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <actorgraph/io/io.h>

#include "util/bytes_internal.h"
#include "util/error_internal.h"
#include "util/opts_internal.h"
#include "extract/extract_internal.h"
#include "nlp/lexicon_internal.h"

int ag_scope_parse(const char *s, ag_scope *scope, int *window)
{
    if (strcmp(s, "sentence") == 0) {
        *scope = AG_SCOPE_SENTENCE;
        *window = 1;
    } else if (strcmp(s, "paragraph") == 0) {
        *scope = AG_SCOPE_PARAGRAPH;
    } else if (strcmp(s, "document") == 0) {
        *scope = AG_SCOPE_DOCUMENT;
    } else if (strncmp(s, "window:", 7) == 0) {
        char *end;
        long n = strtol(s + 7, &end, 10);
        if (end == s + 7 || *end || n < 1 || n > 1000)
            return -1;
        *scope = AG_SCOPE_WINDOW;
        *window = (int)n;
    } else {
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ shared state */

typedef struct worker worker;

#define BATCH_DOCS 64                 /* documents per batch at most */
#define BATCH_BYTES ((size_t)1 << 20) /* text bytes per batch at most */

/* Consecutive documents handed to one worker at once. */
typedef struct batch {
    ag__doc docs[BATCH_DOCS]; /* the documents, owned */
    size_t n;                 /* used */
    size_t bytes;             /* input bytes they were read from */
    unsigned long long seq;   /* 0-based batch number in input order */
} batch;

static void batch_free(batch *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        ag__doc_free(&b->docs[i]);
    free(b);
}

typedef struct run {
    const ag_extract_opts *opts;   /* borrowed */
    const ag_lexicon *lex;         /* borrowed or owned_lex */
    ag_lexicon *owned_lex;         /* built from opts, freed at the end */
    pthread_mutex_t read_mu;       /* the reader, next_seq and eof (taken before mu) */
    ag__reader *rd;                /* the input */
    unsigned long long next_seq;   /* seq of the next batch to read */
    int eof;                       /* the input is read to its end (or failed) */
    pthread_mutex_t mu;            /* everything below */
    pthread_cond_t turn;           /* next_write advanced */
    int failed;                    /* someone failed: everyone stops */
    ag_error err;                  /* first failure */
    unsigned long long err_seq;    /* batch it happened in */
    unsigned long long next_write; /* seq of the next batch whose mentions go out */
    unsigned long long docs_done, bytes_done, mentions;
} run;

struct worker {
    run *r;           /* shared state */
    ag__analyser *an; /* per-thread scratch */
    ag__acc acc;      /* per-thread records */
    char *mbuf;       /* mention lines of the current batch */
    size_t mlen, mcap;
    unsigned long long skipped; /* malformed records skipped (--skip-bad) */
    pthread_t tid;
    int started; /* tid is valid */
};

/* Record a failure of batch seq. Batches before it were all read before it and run to
 * their end, so keeping the failure of the smallest batch reports the first bad record
 * whatever the number of threads. */
static void fail_locked(run *r, const ag_error *e, unsigned long long seq)
{
    if (!r->failed || seq < r->err_seq) {
        r->failed = 1;
        r->err = *e;
        r->err_seq = seq;
    }
    pthread_cond_broadcast(&r->turn);
}

static void fail(run *r, const ag_error *e, unsigned long long seq)
{
    pthread_mutex_lock(&r->mu);
    fail_locked(r, e, seq);
    pthread_mutex_unlock(&r->mu);
}

/* Analyse a batch; with threads, writes its mentions in input order. */
static int process(worker *w, batch *b, int threaded, ag_error *err)
{
    run *r = w->r;
    FILE *mf = r->opts->mentions;
    unsigned long long nm = 0;
    w->mlen = 0;
    for (size_t i = 0; i < b->n; i++) {
        int ok = ag__doc_parse(&b->docs[i], r->opts, err);
        if (ok < 0 || (ok == 0 && !r->opts->skip_bad))
            return -1;
        if (ok == 0) {
            w->skipped++;
            ag_error_clear(err);
            continue;
        }
        long k =
            ag__analyse(w->an, &b->docs[i], &w->acc, mf ? &w->mbuf : NULL, &w->mlen, &w->mcap, err);
        if (k < 0)
            return -1;
        nm += (unsigned long long)k;
    }
    if (threaded) {
        pthread_mutex_lock(&r->mu);
        while (mf && r->next_write != b->seq && !r->failed)
            pthread_cond_wait(&r->turn, &r->mu);
    }
    int rc = 0;
    if (mf && w->mlen && fwrite(w->mbuf, 1, w->mlen, mf) != w->mlen)
        rc = ag_error_set(err, AG_EIO, NULL, 0, 0, "cannot write the mentions file");
    r->next_write++;
    r->docs_done += b->n;
    r->bytes_done += b->bytes;
    r->mentions += nm;
    if (threaded) {
        pthread_cond_broadcast(&r->turn);
        pthread_mutex_unlock(&r->mu);
    }
    return rc;
}

/* Read the next batch: 1 (*out set), 0 at the end, -1 on error. */
static int read_batch(ag__reader *rd, unsigned long long seq, batch **out, ag_error *err)
{
    batch *b = calloc(1, sizeof *b);
    if (!b)
        return ag__nomem(err);
    b->seq = seq;
    while (b->n < BATCH_DOCS && b->bytes < BATCH_BYTES) {
        int got = ag__reader_next(rd, &b->docs[b->n], err);
        if (got < 0) {
            batch_free(b);
            return -1;
        }
        if (got == 0)
            break;
        b->bytes += b->docs[b->n].inbytes;
        b->n++;
    }
    if (b->n == 0) {
        free(b);
        return 0;
    }
    *out = b;
    return 1;
}

/* ------------------------------------------------------------------ the run */

static void report(run *r, ag__reader *rd, int threaded);

/* A worker of a threaded run: read the next batch, analyse it, until the input ends or
 * someone fails. */
static void *work(void *arg)
{
    worker *w = arg;
    run *r = w->r;
    for (;;) {
        batch *b = NULL;
        ag_error e;
        ag_error_clear(&e);
        pthread_mutex_lock(&r->read_mu);
        pthread_mutex_lock(&r->mu);
        int stop = r->failed;
        pthread_mutex_unlock(&r->mu);
        unsigned long long seq = r->next_seq;
        int got = stop || r->eof ? 0 : read_batch(r->rd, seq, &b, &e);
        if (got > 0) {
            r->next_seq++;
            report(r, r->rd, 1);
        } else {
            r->eof = 1;
        }
        pthread_mutex_unlock(&r->read_mu);
        if (got < 0)
            fail(r, &e, seq);
        if (got <= 0)
            break;
        int rc = process(w, b, 1, &e);
        batch_free(b);
        if (rc < 0) {
            fail(r, &e, seq);
            break;
        }
    }
    return NULL;
}

static int build_lexicon(run *r, ag_error *err)
{
    const ag_extract_opts *o = r->opts;
    if (o->lexicon) {
        r->lex = o->lexicon;
        return 0;
    }
    if (!o->ndicts && !o->nstoplists && !o->no_default_lexicon)
        return (r->lex = ag__lexicon_default(err)) ? 0 : -1; /* shared, built once */
    r->owned_lex = ag_lexicon_new(!o->no_default_lexicon, err);
    if (!r->owned_lex)
        return -1;
    for (int i = 0; i < o->ndicts; i++)
        if (ag_lexicon_load_dict(r->owned_lex, o->dicts[i], err) < 0)
            return -1;
    for (int i = 0; i < o->nstoplists; i++)
        if (ag_lexicon_load_stoplist(r->owned_lex, o->stoplists[i], err) < 0)
            return -1;
    r->lex = r->owned_lex;
    return 0;
}

static void report(run *r, ag__reader *rd, int threaded)
{
    const ag_extract_opts *o = r->opts;
    if (!o->progress)
        return;
    unsigned long long d, b;
    if (threaded)
        pthread_mutex_lock(&r->mu);
    d = r->docs_done;
    b = r->bytes_done;
    if (threaded)
        pthread_mutex_unlock(&r->mu);
    o->progress(o->progress_ctx, d, b, ag__reader_total(rd));
}

/* Read, analyse and accumulate everything into *acc. */
/* keyed: the records are for ag-merge, so the documents' hashes make the shard's id. */
static int extract_all(const char *const *inputs, size_t ninputs, const ag_extract_opts *opts,
                       int keyed, ag__acc *acc, ag_extract_stats *stats, ag_error *err)
{
    run r;
    ag__reader *rd = NULL;
    worker *ws = NULL;
    int nthreads = opts->threads < 1 ? 1 : opts->threads > 256 ? 256 : opts->threads;
    int threaded = nthreads > 1, rc = -1, sync_ok = 0;
    size_t maxev = opts->evidence < 0                  ? 0
                   : opts->evidence > AG__MAX_EVIDENCE ? AG__MAX_EVIDENCE
                                                       : (size_t)opts->evidence;

    memset(&r, 0, sizeof r);
    r.opts = opts;
    ag_error_clear(&r.err);
    ag__acc_init(acc, maxev);
    if (pthread_mutex_init(&r.mu, NULL) != 0)
        return ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "cannot create a mutex");
    if (pthread_mutex_init(&r.read_mu, NULL) != 0) {
        pthread_mutex_destroy(&r.mu);
        return ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "cannot create a mutex");
    }
    pthread_cond_init(&r.turn, NULL);
    sync_ok = 1;
    if (build_lexicon(&r, err) < 0)
        goto out;
    if (!(rd = ag__reader_open(inputs, ninputs, opts, err)))
        goto out;
    r.rd = rd;
    ws = calloc((size_t)nthreads, sizeof *ws);
    if (!ws) {
        ag__nomem(err);
        goto out;
    }
    for (int i = 0; i < nthreads; i++) {
        ws[i].r = &r;
        ag__acc_init(&ws[i].acc, maxev);
        ws[i].acc.keyed = keyed;
        ws[i].acc.evindex_doc = 1; /* the analyser offers evidence document by document */
        if (!(ws[i].an = ag__analyser_new(r.lex, opts, err)))
            goto out;
    }
    report(&r, rd, 0);
    if (!threaded) {
        for (unsigned long long seq = 0;; seq++) {
            batch *b = NULL;
            int got = read_batch(rd, seq, &b, err);
            if (got <= 0) {
                if (got < 0)
                    goto out;
                break;
            }
            int prc = process(&ws[0], b, 0, err);
            batch_free(b);
            if (prc < 0)
                goto out;
            report(&r, rd, 0);
        }
    } else {
        for (int i = 0; i < nthreads; i++) {
            if (pthread_create(&ws[i].tid, NULL, work, &ws[i]) != 0) {
                ag_error e;
                ag_error_clear(&e);
                ag_error_set(&e, AG_EINTERNAL, NULL, 0, 0, "cannot start a thread");
                fail(&r, &e, 0);
                break;
            }
            ws[i].started = 1;
        }
        for (int i = 0; i < nthreads; i++)
            if (ws[i].started)
                pthread_join(ws[i].tid, NULL);
        ws[0].started = 0;
        if (r.failed) {
            *err = r.err;
            goto out;
        }
    }
    report(&r, rd, 0);
    /* The other workers' records go into the first worker's, which then becomes *acc:
     * copying it into an empty accumulator was 5% of a -j 1 run. */
    for (int i = 1; i < nthreads; i++)
        if (ag__acc_combine(&ws[0].acc, &ws[i].acc, err) < 0)
            goto out;
    ag__acc_destroy(acc);
    *acc = ws[0].acc;
    ag__acc_init(&ws[0].acc, maxev);
    if (stats) {
        stats->documents = r.docs_done;
        stats->bytes = r.bytes_done;
        stats->mentions = r.mentions;
        stats->skipped = 0;
        for (int i = 0; i < nthreads; i++)
            stats->skipped += ws[i].skipped;
        stats->repeats = ag__reader_repeats(rd);
    }
    rc = 0;
out:
    for (int i = 0; ws && i < nthreads; i++) {
        ag__analyser_free(ws[i].an);
        ag__acc_destroy(&ws[i].acc);
        free(ws[i].mbuf);
    }
    free(ws);
    ag__reader_close(rd);
    ag_lexicon_free(r.owned_lex);
    if (sync_ok) {
        pthread_mutex_destroy(&r.mu);
        pthread_mutex_destroy(&r.read_mu);
        pthread_cond_destroy(&r.turn);
    }
    return rc;
}

ag_graph *ag_extract_graph(const char *const *inputs, size_t ninputs, const ag_extract_opts *opts,
                           ag_extract_stats *stats, ag_error *err)
{
    ag__acc acc;
    ag_graph *g = NULL;
    if (extract_all(inputs, ninputs, opts, 0, &acc, stats, err) == 0) {
        ag__resolve_opts ro = {opts->variants, opts->met_only, 0, NULL, NULL};
        ag__acc_seal(&acc); /* every record is in: the pool index is only memory now */
        g = ag__acc_to_graph(&acc, &ro, err);
    }
    ag__acc_destroy(&acc);
    return g;
}

/* Hash of the contents of files (dictionaries, stop lists): shards must use the same
 * ones, wherever they lie on each machine. 0 when there are none. */
static int files_hash(const char *const *paths, int n, uint64_t *h, ag_error *err)
{
    *h = 0;
    for (int i = 0; i < n; i++) {
        size_t len;
        char *text = ag_read_file(paths[i], (size_t)1 << 30, &len, err);
        if (!text)
            return -1;
        *h = *h * 0x100000001B3ull ^ ag__hash_bytes(text, len);
        free(text);
    }
    return 0;
}

/* The settings that change what a shard counts, for its header: ag-merge refuses to add
 * up shards whose settings differ. */
static char *keyed_settings(const ag_extract_opts *o, ag_error *err)
{
    static const char *const scopes[] = {"sentence", "paragraph", "document", "window"};
    uint64_t dh, sh;
    char *s = NULL;
    if (files_hash(o->dicts, o->ndicts, &dh, err) < 0 ||
        files_hash(o->stoplists, o->nstoplists, &sh, err) < 0)
        return NULL;
    unsigned sc = (unsigned)o->scope < 4 ? (unsigned)o->scope : 0;
    if (asprintf(&s,
                 "format=1 version=%s scope=%s window=%d fields=%s,%s,%s dicts=%016llx "
                 "stoplists=%016llx",
                 ag_version(), scopes[sc], o->scope == AG_SCOPE_WINDOW ? o->window : 0,
                 o->field_id ? o->field_id : "id", o->field_text ? o->field_text : "text",
                 o->field_date ? o->field_date : "date", (unsigned long long)dh,
                 (unsigned long long)sh) < 0) {
        ag__nomem(err);
        return NULL;
    }
    return s;
}

int ag_extract_keyed(const char *const *inputs, size_t ninputs, const ag_extract_opts *opts,
                     FILE *out, ag_extract_stats *stats, ag_error *err)
{
    ag__acc acc;
    int rc = extract_all(inputs, ninputs, opts, 1, &acc, stats, err);
    if (rc == 0 && !(acc.settings = keyed_settings(opts, err)))
        rc = -1;
    ag__acc_seal(&acc); /* writing adds no string: the pool index is only memory now */
    if (rc == 0)
        rc = ag__acc_write_keyed(&acc, out, 1, err);
    ag__acc_destroy(&acc);
    return rc;
}

int ag_extract_opts_init(ag_extract_opts *opts, unsigned int version)
{
    static const ag_extract_opts defaults = AG_EXTRACT_OPTS_INIT;
    return ag__opts_init(opts, version, &defaults, sizeof defaults);
}
