/*
 * extract_acc.c - the record accumulator behind ag-extract and ag-merge.
 *
 * Extraction reduces every document to records keyed by normalised actor name: one actor
 * record per key and one pair record per pair of keys. The design decision that matters:
 * every field of a record combines by an operation that is commutative and associative
 * (sums, min/max of dates, multiset union of forms and roles, "the smallest N pieces of
 * evidence by (doc id, offset, text)"). Hence the records of a corpus are the same
 * whatever order documents are processed in and however the corpus is split into shards:
 * worker threads each fill their own accumulator and ag__acc_combine folds them, and
 * ag-merge folds the accumulators of separate runs the same way. Cross-document
 * resolution (extract_resolve.c) only ever looks at the combined records.
 *
 * This file also holds the key-prefixed line format records travel in between a mapper
 * and a reducer (actorgraph/extract/merge.h).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include <actorgraph/nlp/text.h>

#include "util/bytes_internal.h"
#include "util/error_internal.h"
#include "util/sort_internal.h"
#include "extract/extract_internal.h"

/* ------------------------------------------------------------------ name keys */

static size_t put_byte(char *buf, size_t bufsize, size_t n, char c)
{
    if (n + 1 < bufsize)
        buf[n] = c;
    return n + 1;
}

/* name[p] is an ASCII letter (letter_at), or a letter or a digit (alnum_at); 0 past the
 * end. */
static int letter_at(const char *name, size_t len, size_t p)
{
    return p < len && ((name[p] | 32) >= 'a' && (name[p] | 32) <= 'z');
}

static int alnum_at(const char *name, size_t len, size_t p)
{
    return letter_at(name, len, p) || (p < len && name[p] >= '0' && name[p] <= '9');
}

/* The period at name[p] joins two single letters of a dotted acronym ("I.B.M.", the
 * first period of "U.S."): the key writes the acronym as one word, as "IBM" and "US". */
static int dotted_inner(const char *name, size_t len, size_t p)
{
    return p >= 1 && letter_at(name, len, p - 1) && (p < 2 || !alnum_at(name, len, p - 2)) &&
           letter_at(name, len, p + 1) && !alnum_at(name, len, p + 2);
}

size_t ag_extract_name_key(const char *name, size_t len, char *buf, size_t bufsize)
{
    size_t n = 0;
    int pending_space = 0;

    for (size_t pos = 0; pos < len;) {
        unsigned char c = (unsigned char)name[pos];
        if (c < 0x80) {
            pos++;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
                if (pending_space && n > 0)
                    n = put_byte(buf, bufsize, n, ' ');
                pending_space = 0;
                n = put_byte(buf, bufsize, n, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
            } else if (!(c == '.' && dotted_inner(name, len, pos - 1))) {
                pending_space = 1;
            }
            continue;
        }
        int32_t cp;
        pos += ag_text_decode(name, len, pos, &cp);
        if (cp == 0xFFFD || !(ag_text_is_letter(cp) || ag_text_is_digit(cp))) {
            pending_space = 1;
            continue;
        }
        /* Fold case and drop combining marks: "Ö" -> "o", "ß" -> "ss". */
        utf8proc_int32_t dec[8];
        int last_bound = 0;
        utf8proc_ssize_t k = utf8proc_decompose_char(
            cp, dec, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, &last_bound);
        if (k < 0 || k > 8) {
            dec[0] = cp;
            k = 1;
        }
        if (pending_space && n > 0)
            n = put_byte(buf, bufsize, n, ' ');
        pending_space = 0;
        for (utf8proc_ssize_t j = 0; j < k; j++) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t m = utf8proc_encode_char(dec[j], enc);
            for (utf8proc_ssize_t b = 0; b < m; b++)
                n = put_byte(buf, bufsize, n, (char)enc[b]);
        }
    }
    if (bufsize)
        buf[n < bufsize ? n : bufsize - 1] = '\0';
    return n;
}

/* ------------------------------------------------------------------ counts, dates */

/* Counts are JSON's exact integers, at most 2^53 in magnitude: the keyed reader takes no
 * more (scan_int). */
#define COUNT_MAX (1LL << 53)

/* a + b, held at +-COUNT_MAX: counts read from records written by hand can be anything,
 * a sum must never overflow, and what --emit-keyed writes must read back. */
static long long sat_add(long long a, long long b)
{
    long long r;
    if (__builtin_add_overflow(a, b, &r))
        r = b > 0 ? COUNT_MAX : -COUNT_MAX;
    return r > COUNT_MAX ? COUNT_MAX : r < -COUNT_MAX ? -COUNT_MAX : r;
}

/* s's first two bytes as ag__count keeps them (s[1] exists when s[0] is not the NUL). */
static uint32_t top_bytes(const char *s)
{
    unsigned char c0 = (unsigned char)s[0], c1 = c0 ? (unsigned char)s[1] : 0;
    return (uint32_t)c0 << 8 | c1;
}

static int counts_append(ag__counts *c, const char *s, long long n)
{
    /* An actor has one or two names and forms, and mostly no role or country: grow from
     * two entries, not ag__grow's sixteen (an actor record would be a kilobyte). */
    if (c->n == c->cap) {
        uint32_t cap = c->cap ? 2 * c->cap : 2;
        ag__count *v = c->n < UINT32_MAX / 2 ? realloc(c->v, cap * sizeof *v) : NULL;
        if (!v)
            return -1;
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = (ag__count){s, n, top_bytes(s)};
    return 0;
}

static ag__count *counts_find(const ag__counts *c, const char *s)
{
    /* Nearly every call repeats a string the multiset holds: matching s's first two bytes
     * against each entry's and confirming with strcmp reads an entry's own string only
     * when it very likely is s. */
    uint32_t top = top_bytes(s);
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].s == s || (c->v[i].top == top && strcmp(c->v[i].s, s) == 0))
            return &c->v[i];
    return NULL;
}

int ag__counts_add(ag__counts *c, const char *s, long long n)
{
    ag__count *e = counts_find(c, s);
    if (e) {
        e->n = sat_add(e->n, n);
        return 0;
    }
    return counts_append(c, s, n);
}

int ag__acc_count(ag__acc *acc, ag__counts *c, const char *s, long long n)
{
    ag__count *e = counts_find(c, s);
    if (e) {
        e->n = sat_add(e->n, n);
        return 0;
    }
    const char *p = ag__acc_intern(acc, s, strlen(s));
    return p ? counts_append(c, p, n) : -1;
}

void ag__counts_free(ag__counts *c)
{
    free(c->v);
    memset(c, 0, sizeof *c);
}

static int date_keep(ag__date *slot, const char *date, int want_min)
{
    if (!date || !*date || slot->s == date)
        return 0;
    if (slot->s) {
        int c = strcmp(date, slot->s);
        if (want_min ? c >= 0 : c <= 0)
            return 0;
    }
    slot->s = date;
    return 0;
}

int ag__date_min(ag__date *slot, const char *date) { return date_keep(slot, date, 1); }
int ag__date_max(ag__date *slot, const char *date) { return date_keep(slot, date, 0); }

void ag__date_span(ag__date *first, ag__date *last, const char *date)
{
    if (!date || !*date || last->s == date)
        return;
    if (!last->s || strcmp(date, last->s) > 0) {
        last->s = date; /* later than all so far: no earlier than the first either */
        if (!first->s)
            first->s = date;
        return;
    }
    date_keep(first, date, 1);
}

long ag__acc_date_id(ag__acc *acc, const char *date)
{
    if (!date || !*date)
        return 0;
    uint64_t key = (uint64_t)(uintptr_t)date; /* pool strings: one address per date */
    size_t id = ag__u64map_get(&acc->date_ids, key);
    if (id != (size_t)-1)
        return (long)id;
    if (acc->ndates >= UINT32_MAX - 1 ||
        ag__grow(&acc->dates, &acc->capdates, acc->ndates + 1, sizeof *acc->dates) < 0 ||
        ag__grow(&acc->date_keys, &acc->capdate_keys, acc->ndates + 1, sizeof(uint64_t[2])) < 0 ||
        ag__u64map_put(&acc->date_ids, key, acc->ndates + 1) < 0)
        return -1;
    acc->dates[acc->ndates] = date;
    uint64_t *k = acc->date_keys[acc->ndates];
    k[0] = k[1] = 0;
    for (size_t i = 0; i < 16 && date[i]; i++)
        k[i / 8] |= (uint64_t)(unsigned char)date[i] << (56 - 8 * (i % 8));
    return (long)++acc->ndates;
}

/* Date numbers a against b by their dates (0: none is neither). Every pair of every
 * document asks (so always inline): the keys order as strcmp orders the first 16 bytes
 * (NUL-padded), so strcmp runs only for dates alike in all of them. */
static inline __attribute__((always_inline)) int date_id_cmp(const ag__acc *acc, uint32_t a,
                                                             uint32_t b)
{
    if (a == b)
        return 0;
    const uint64_t *x = acc->date_keys[a - 1], *y = acc->date_keys[b - 1];
    if (x[0] != y[0])
        return x[0] < y[0] ? -1 : 1;
    if (x[1] != y[1])
        return x[1] < y[1] ? -1 : 1;
    return strcmp(acc->dates[a - 1], acc->dates[b - 1]);
}

void ag__pair_dates(const ag__acc *acc, ag__pair *p, uint32_t first, uint32_t last)
{
    /* Documents mostly come in date order: one compare against the last mostly decides. */
    if (last && (!p->last_date || date_id_cmp(acc, last, p->last_date) > 0))
        p->last_date = last;
    if (first && (!p->first_date || date_id_cmp(acc, first, p->first_date) < 0))
        p->first_date = first;
}

int ag__pair_add(ag__acc *acc, ag__pair *p, long long weight, long long documents, long long met)
{
    /* Nearly every call adds a document's few co-mentions to a narrow pair: sums of two
     * 32-bit counts stay far below COUNT_MAX, so nothing saturates, and 32 bits mostly
     * still hold them. */
    if (!p->wide && weight >= 0 && weight <= UINT32_MAX && documents >= 0 &&
        documents <= UINT32_MAX && met >= 0 && met <= UINT32_MAX) {
        uint64_t w = (uint64_t)p->weight + (uint64_t)weight,
                 d = (uint64_t)p->documents + (uint64_t)documents,
                 m = (uint64_t)p->met + (uint64_t)met;
        if (w <= UINT32_MAX && d <= UINT32_MAX && m <= UINT32_MAX) {
            p->weight = (uint32_t)w;
            p->documents = (uint32_t)d;
            p->met = (uint32_t)m;
            return 0;
        }
    }
    long long v[3] = {sat_add(ag__pair_weight(acc, p), weight),
                      sat_add(ag__pair_documents(acc, p), documents),
                      sat_add(ag__pair_met(acc, p), met)};
    if (!p->wide && v[0] >= 0 && v[0] <= UINT32_MAX && v[1] >= 0 && v[1] <= UINT32_MAX &&
        v[2] >= 0 && v[2] <= UINT32_MAX) {
        p->weight = (uint32_t)v[0];
        p->documents = (uint32_t)v[1];
        p->met = (uint32_t)v[2];
        return 0;
    }
    if (!p->wide) { /* once wide, a pair stays so */
        if (acc->nwide >= UINT32_MAX - 1 ||
            ag__grow(&acc->wide, &acc->capwide, acc->nwide + 1, sizeof *acc->wide) < 0)
            return -1;
        p->wide = (uint32_t)++acc->nwide;
    }
    memcpy(acc->wide[p->wide - 1], v, sizeof v);
    return 0;
}

/* ------------------------------------------------------------------ evidence */

/* strcmp of s[0, n) (no NUL in it) and z, for strings still in the line they were read
 * from. */
static int span_cmp(const char *s, size_t n, const char *z)
{
    int c = strncmp(s, z, n);
    return c ? c : z[n] ? -1 : 0;
}

#define IN_POOL ((size_t)-1) /* evkey_cmp's docn for a document id of the pool */

/* Order of the piece of evidence k (its document id docn bytes, or IN_POOL) against
 * record r: by (doc, offset, text). Equal pointers are equal strings, and the pool holds
 * one copy of most strings (of a document id, one per document read). */
static int evkey_cmp(const ag__evkey *k, size_t docn, const ag__evrec *r)
{
    int c = k->doc == r->doc  ? 0
            : docn == IN_POOL ? strcmp(k->doc, r->doc)
                              : span_cmp(k->doc, docn, r->doc);
    if (c)
        return c;
    if (k->offset != r->offset)
        return k->offset < r->offset ? -1 : 1;
    return k->text == r->text ? 0 : span_cmp(k->text, k->n, r->text);
}

/* Where k would go in the selection e: max_evidence or more when it stays out. */
static size_t evlist_pos(const ag__acc *acc, ag__evlist e, const ag__evkey *k, size_t docn)
{
    size_t pos = ag__evlist_n(acc, e);
    while (pos > 0 && evkey_cmp(k, docn, &acc->evrecs[ag__evlist_id(acc, e, pos - 1)]) < 0)
        pos--;
    return pos;
}

/* The number of the record k (its document in the pool), added when new. -1 on
 * ENOMEM. */
static long evrec_find_add(ag__acc *acc, const ag__evkey *k)
{
    uint64_t h = ag__evrec_hash(k->doc, k->offset);
    if (acc->evindex_doc && k->doc != acc->evdoc) { /* a new document: see ag__acc */
        ag__evmap_clear(&acc->evrec_index);
        acc->evdoc = k->doc;
    }
    if (acc->nevrecs >= AG__EVLIST_ONE - 1 ||
        ag__evmap_reserve_dense(&acc->evrec_index, acc, acc->evrec_index.n + 1, 64) < 0)
        return -1;
    uint32_t *slot = ag__evmap_probe(&acc->evrec_index, acc, k, h);
    if (*slot)
        return (long)*slot - 1;
    if (ag__grow(&acc->evrecs, &acc->capevrecs, acc->nevrecs + 1, sizeof *acc->evrecs) < 0)
        return -1;
    /* Outside the kept strings' index: evrec_index finds the text by its record. */
    const char *text = ag__arena_strdup(&acc->kept, k->text, k->n);
    if (!text)
        return -1;
    acc->evrecs[acc->nevrecs] = (ag__evrec){k->doc, text, k->offset};
    *slot = (uint32_t)acc->nevrecs + 1;
    acc->evrec_index.n++;
    return (long)acc->nevrecs++;
}

/* A block for an empty selection: a freed one, or one more at the slab's end. 0 on
 * ENOMEM. */
static ag__evlist evlist_new(ag__acc *acc)
{
    if (!acc->evstride)
        acc->evstride = acc->max_evidence + 1; /* max_evidence is fixed by now */
    ag__evlist e = acc->evfree;
    if (e) {
        acc->evfree = acc->evslab[(size_t)(e - 1) * acc->evstride];
    } else {
        if (acc->nevslab / acc->evstride >= AG__EVLIST_ONE - 1 ||
            ag__grow(&acc->evslab, &acc->capevslab, acc->nevslab + acc->evstride,
                     sizeof *acc->evslab) < 0)
            return 0;
        acc->nevslab += acc->evstride;
        e = (ag__evlist)(acc->nevslab / acc->evstride);
    }
    acc->evslab[(size_t)(e - 1) * acc->evstride] = 0;
    return e;
}

/* The selection is a sorted array of at most max entries: insertion is O(max), and max is
 * small (3 by default). Ties (same doc, offset and text) are kept as separate entries so
 * that the multiset semantics, and with them shard merging, stay exact. */
static int evlist_insert(ag__acc *acc, ag__evlist *e, size_t pos, uint32_t rec)
{
    size_t had = ag__evlist_n(acc, *e);
    if (had == 0 || (had == 1 && acc->max_evidence == 1)) { /* pos is 0 */
        *e = AG__EVLIST_ONE | rec;
        return 0;
    }
    if (*e & AG__EVLIST_ONE) { /* a second record: the two go into a block */
        ag__evlist b = evlist_new(acc);
        if (!b)
            return -1;
        uint32_t *blk = &acc->evslab[(size_t)(b - 1) * acc->evstride];
        blk[0] = 1;
        blk[1] = *e & ~AG__EVLIST_ONE;
        *e = b;
    }
    uint32_t *n = &acc->evslab[(size_t)(*e - 1) * acc->evstride], *ids = n + 1;
    if (*n == acc->max_evidence)
        (*n)--;
    memmove(&ids[pos + 1], &ids[pos], (*n - pos) * sizeof *ids);
    ids[pos] = rec;
    (*n)++;
    return 0;
}

int ag__acc_offer(ag__acc *acc, ag__evlist *e, const char *doc, uint64_t offset, const char *text,
                  size_t n)
{
    ag__evkey k = {doc, offset, text, n};
    size_t max = acc->max_evidence, pos = max ? evlist_pos(acc, *e, &k, IN_POOL) : 0;
    if (pos >= max)
        return 0;
    long rec = evrec_find_add(acc, &k);
    return rec < 0 ? -1 : evlist_insert(acc, e, pos, (uint32_t)rec);
}

int ag__acc_offer_rec(ag__acc *acc, ag__evlist *e, uint32_t rec)
{
    const ag__evrec *r = &acc->evrecs[rec];
    ag__evkey k = {r->doc, r->offset, r->text, strlen(r->text)};
    size_t max = acc->max_evidence, pos = max ? evlist_pos(acc, *e, &k, IN_POOL) : 0;
    return pos >= max ? 0 : evlist_insert(acc, e, pos, rec);
}

int ag__acc_fold_evidence(ag__acc *acc, ag__evlist *to, ag__evlist from)
{
    size_t n = ag__evlist_n(acc, from);
    for (size_t e = 0; e < n; e++)
        if (ag__acc_offer_rec(acc, to, ag__evlist_id(acc, from, e)) < 0)
            return -1;
    return 0;
}

int ag__acc_evidence_closed(const ag__acc *acc, ag__evlist e, const char *doc, uint64_t offset)
{
    size_t n = ag__evlist_n(acc, e);
    if (n == 0 || n < acc->max_evidence)
        return 0;
    const ag__evrec *last = &acc->evrecs[ag__evlist_id(acc, e, n - 1)];
    int c = doc == last->doc ? 0 : strcmp(doc, last->doc);
    return c > 0 || (c == 0 && offset > last->offset);
}

void ag__acc_evidence_free(ag__acc *acc, ag__evlist *e)
{
    if (!*e || *e & AG__EVLIST_ONE) {
        *e = 0;
        return;
    }
    acc->evslab[(size_t)(*e - 1) * acc->evstride] = acc->evfree;
    acc->evfree = *e;
    *e = 0;
}

void ag__acc_drop_evrecs(ag__acc *acc)
{
    free(acc->evrecs);
    acc->evrecs = NULL;
    acc->nevrecs = acc->capevrecs = 0;
}

void ag__acc_free_evidence(ag__acc *acc)
{
    ag__acc_drop_evrecs(acc);
    ag__evmap_dispose(&acc->evrec_index);
    free(acc->evslab);
    acc->evslab = NULL;
    acc->nevslab = acc->capevslab = 0;
    acc->evfree = 0;
    acc->evstride = 0;
}

/* ------------------------------------------------------------------ accumulator */

void ag__acc_init(ag__acc *acc, size_t max_evidence)
{
    memset(acc, 0, sizeof *acc);
    acc->max_evidence = max_evidence;
    ag__poolmap_init(&acc->pooled);
    ag__poolmap_init(&acc->kept_index);
    ag__evmap_init(&acc->evrec_index);
}

void ag__actor_free_lists(ag__actor *a)
{
    ag__counts_free(&a->names);
    ag__counts_free(&a->forms);
    ag__counts_free(&a->roles);
    ag__counts_free(&a->countries);
}

void ag__acc_free_actors(ag__acc *acc)
{
    for (size_t i = 0; i < acc->nactors; i++)
        ag__actor_free_lists(&acc->actors[i]);
    free(acc->actors);
    acc->actors = NULL;
    acc->nactors = acc->capactors = 0;
    acc->last_first = 0;
    ag__actormap_dispose(&acc->actor_index);
    free(acc->key_memo); /* its record numbers are gone */
    acc->key_memo = NULL;
}

void ag__acc_destroy(ag__acc *acc)
{
    ag__acc_free_actors(acc);
    ag__acc_free_evidence(acc);
    free(acc->pairs);
    free(acc->wide);
    free(acc->dates);
    free(acc->date_keys);
    ag__u64map_dispose(&acc->date_ids);
    free(acc->date_memo);
    free(acc->settings);
    free(acc->shards);
    ag__pairmap_dispose(&acc->pair_index);
    ag__poolmap_dispose(&acc->pooled);
    ag__poolmap_dispose(&acc->kept_index);
    ag__arena_free(&acc->pool);
    ag__arena_free(&acc->kept);
    ag__buf_free(&acc->scratch);
    memset(acc, 0, sizeof *acc);
}

/* The copy of s[0, n) in arena a, found through index m: the same pointer for the same
 * bytes. */
static const char *intern_in(ag__arena *a, ag__poolmap *m, const char *s, size_t n)
{
    /* The pool's index is the biggest table of an extraction (a slot per name and form):
     * filled to 3/4, which its slots' hashes keep cheap to probe. */
    if (n > UINT32_MAX || ag__poolmap_reserve_dense(m, NULL, m->n + 1, 64) < 0)
        return NULL;
    uint32_t h = (uint32_t)ag__hash_bytes(s, n);
    ag__poolslot *slot = ag__poolmap_probe(m, NULL, (ag__span){s, n}, h);
    if (!slot->s) {
        char *p = ag__arena_strdup(a, s, n);
        if (!p)
            return NULL;
        *slot = (ag__poolslot){p, (uint32_t)n, h};
        m->n++;
    }
    return slot->s;
}

const char *ag__acc_intern(ag__acc *acc, const char *s, size_t n)
{
    return intern_in(&acc->pool, &acc->pooled, s, n);
}

const char *ag__acc_keep(ag__acc *acc, const char *s, size_t n)
{
    return intern_in(&acc->kept, &acc->kept_index, s, n);
}

void ag__acc_seal(ag__acc *acc)
{
    free(acc->key_memo);
    acc->key_memo = NULL;
    ag__poolmap_dispose(&acc->pooled);
    ag__poolmap_dispose(&acc->kept_index);
    ag__evmap_dispose(&acc->evrec_index);
}

long ag__acc_actor(ag__acc *acc, const char *key)
{
    ag__numslot *slot = ag__actormap_slot(&acc->actor_index, acc, key);
    if (!slot || slot->i)
        return slot ? (long)slot->i - 1 : -1;
    /* A key is stored once anyway (its record is), so it bypasses the pool's index. */
    if (ag__grow(&acc->actors, &acc->capactors, acc->nactors + 1, sizeof *acc->actors) < 0)
        return -1;
    ag__actor *a = &acc->actors[acc->nactors];
    memset(a, 0, sizeof *a);
    a->key = ag__arena_strdup(&acc->pool, key, strlen(key));
    if (!a->key)
        return -1;
    slot->i = (uint32_t)acc->nactors + 1;
    acc->actor_index.n++;
    return (long)acc->nactors++;
}

/* ag__acc_pair for a pair not recorded yet (k: its map key). Out of line, so that the
 * lookup, which nearly every call ends with, needs no stack frame. */
__attribute__((noinline)) static long pair_new(ag__acc *acc, size_t a, size_t b, uint64_t k)
{
    /* The map is keyed by index order; the record by key order, which needs the two key
     * strings (likely cache misses), so it is decided only when the record is made. */
    if (strcmp(acc->actors[a].key, acc->actors[b].key) > 0) {
        size_t t = a;
        a = b;
        b = t;
    }
    if (acc->npairs >= UINT32_MAX - 1 ||
        ag__pairmap_reserve(&acc->pair_index, acc, acc->npairs + 1, 64) < 0 ||
        ag__grow(&acc->pairs, &acc->cappairs, acc->npairs + 1, sizeof *acc->pairs) < 0)
        return -1;
    ag__pair *p = &acc->pairs[acc->npairs];
    memset(p, 0, sizeof *p);
    p->a = (uint32_t)a;
    p->b = (uint32_t)b;
    *ag__pairmap_empty_slot(&acc->pair_index, ag__hash_u64(k)) = (uint32_t)acc->npairs + 1;
    acc->pair_index.n++;
    return (long)acc->npairs++;
}

/* The pair index made again from the records, which ag__acc_absorb appended without it.
 * -1 when out of memory. */
__attribute__((noinline)) static int pair_reindex(ag__acc *acc)
{
    ag__pairmap_dispose(&acc->pair_index);
    if (acc->npairs >= UINT32_MAX - 1 ||
        ag__pairmap_reserve(&acc->pair_index, acc, acc->npairs + 1, 64) < 0)
        return -1;
    for (size_t i = 0; i < acc->npairs; i++)
        *ag__pairmap_empty_slot(&acc->pair_index, ag__hash_u64(ag__pair_key(&acc->pairs[i]))) =
            (uint32_t)i + 1;
    acc->pair_index.n = acc->npairs;
    return 0;
}

long ag__acc_pair(ag__acc *acc, size_t a, size_t b)
{
    if (acc->pair_index.n != acc->npairs && pair_reindex(acc) < 0)
        return -1;
    uint64_t k = a < b ? (((uint64_t)a << 32) | b) + 1 : (((uint64_t)b << 32) | a) + 1;
    const uint32_t *slot = ag__pairmap_find(&acc->pair_index, acc, k, ag__hash_u64(k));
    if (slot)
        return (long)*slot - 1;
    return pair_new(acc, a, b, k);
}

/* A string of another accumulator's records as one of acc's pool, or of its kept strings
 * (keep; NULL stays NULL). */
static int intern_opt(ag__acc *acc, const char *s, const char **out, int keep)
{
    *out = !s ? NULL : keep ? ag__acc_keep(acc, s, strlen(s)) : ag__acc_intern(acc, s, strlen(s));
    return s && !*out ? -1 : 0;
}

static int counts_merge(ag__acc *acc, ag__counts *dst, const ag__counts *src)
{
    for (size_t i = 0; i < src->n; i++)
        if (ag__acc_count(acc, dst, src->v[i].s, src->v[i].n) < 0)
            return -1;
    return 0;
}

static int dates_merge(ag__acc *acc, ag__date *first, ag__date *last, const ag__date *sfirst,
                       const ag__date *slast)
{
    const char *f, *l;
    if (intern_opt(acc, sfirst->s, &f, 0) < 0 || intern_opt(acc, slast->s, &l, 0) < 0)
        return -1;
    return ag__date_min(first, f) < 0 || ag__date_max(last, l) < 0 ? -1 : 0;
}

static int actor_merge(ag__acc *acc, ag__actor *d, const ag__actor *s)
{
    d->mentions += s->mentions;
    d->documents += s->documents;
    for (int t = 0; t < 5; t++)
        d->types[t] += s->types[t];
    if (counts_merge(acc, &d->names, &s->names) < 0 ||
        counts_merge(acc, &d->forms, &s->forms) < 0 ||
        counts_merge(acc, &d->roles, &s->roles) < 0 ||
        counts_merge(acc, &d->countries, &s->countries) < 0 ||
        dates_merge(acc, &d->first_date, &d->last_date, &s->first_date, &s->last_date) < 0)
        return -1;
    return 0;
}

/* src's selection se into acc's *d: src's records as acc's. */
static int evidence_merge(ag__acc *acc, ag__evlist *d, const ag__acc *src, ag__evlist se)
{
    size_t n = ag__evlist_n(src, se);
    for (size_t i = 0; i < n; i++) {
        const ag__evrec *r = &src->evrecs[ag__evlist_id(src, se, i)];
        const char *doc = ag__acc_keep(acc, r->doc, strlen(r->doc));
        if (!doc || ag__acc_offer(acc, d, doc, r->offset, r->text, strlen(r->text)) < 0)
            return -1;
    }
    return 0;
}

static int pair_merge(ag__acc *acc, ag__pair *d, const ag__acc *src, const ag__pair *s)
{
    const char *f, *l;
    long fi, li;
    if (ag__pair_add(acc, d, ag__pair_weight(src, s), ag__pair_documents(src, s),
                     ag__pair_met(src, s)) < 0 ||
        intern_opt(acc, ag__acc_date(src, s->first_date), &f, 1) < 0 ||
        intern_opt(acc, ag__acc_date(src, s->last_date), &l, 1) < 0 ||
        (fi = ag__acc_date_id(acc, f)) < 0 || (li = ag__acc_date_id(acc, l)) < 0)
        return -1;
    ag__pair_dates(acc, d, (uint32_t)fi, (uint32_t)li);
    if (evidence_merge(acc, &d->evidence, src, s->evidence) < 0 ||
        evidence_merge(acc, &d->met_evidence, src, s->met_evidence) < 0)
        return -1;
    return 0;
}

int ag__acc_combine(ag__acc *dst, const ag__acc *src, ag_error *err)
{
    size_t *map = NULL;
    int rc = -1;

    if (src->nactors) {
        map = malloc(src->nactors * sizeof *map);
        if (!map)
            goto out;
    }
    /* src's records are offered to dst's pairs in no order of documents: the index
     * finds every record from here on (dst's own never match src's: their documents are
     * other copies, other documents). */
    if (dst->evindex_doc) {
        ag__evmap_clear(&dst->evrec_index);
        dst->evindex_doc = 0;
    }
    for (size_t i = 0; i < src->nactors; i++) {
        long j = ag__acc_actor(dst, src->actors[i].key);
        if (j < 0 || actor_merge(dst, &dst->actors[j], &src->actors[i]) < 0)
            goto out;
        map[i] = (size_t)j;
    }
    for (size_t i = 0; i < src->npairs; i++) {
        const ag__pair *p = &src->pairs[i];
        long j = ag__acc_pair(dst, map[p->a], map[p->b]);
        if (j < 0 || pair_merge(dst, &dst->pairs[j], src, p) < 0)
            goto out;
    }
    dst->documents += src->documents;
    dst->shard += src->shard;
    rc = 0;
out:
    if (rc < 0)
        ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory combining records");
    free(map);
    return rc;
}

/* src's evidence records and blocks appended to dst's; *recoff and *blkoff: what src's
 * record and block numbers become in dst, by adding them. */
static int evidence_append(ag__acc *dst, const ag__acc *src, uint32_t *recoff, uint32_t *blkoff)
{
    size_t stride = src->evstride ? src->evstride : dst->evstride;
    if (dst->evstride && src->evstride && dst->evstride != src->evstride)
        return 1; /* other limits: the selections are added one by one */
    if (dst->nevrecs + src->nevrecs >= AG__EVLIST_ONE - 1 ||
        (stride && (dst->nevslab + src->nevslab) / stride >= AG__EVLIST_ONE - 1) ||
        ag__reserve_exact(&dst->evrecs, &dst->capevrecs, dst->nevrecs + src->nevrecs,
                          sizeof *dst->evrecs) < 0 ||
        ag__reserve_exact(&dst->evslab, &dst->capevslab, dst->nevslab + src->nevslab,
                          sizeof *dst->evslab) < 0)
        return -1;
    *recoff = (uint32_t)dst->nevrecs;
    *blkoff = stride ? (uint32_t)(dst->nevslab / stride) : 0;
    memcpy(dst->evrecs + dst->nevrecs, src->evrecs, src->nevrecs * sizeof *src->evrecs);
    dst->nevrecs += src->nevrecs;
    for (size_t i = 0; i < src->nevslab; i += stride) { /* a block: count, record numbers */
        uint32_t *blk = dst->evslab + dst->nevslab + i;
        memcpy(blk, src->evslab + i, stride * sizeof *blk);
        /* (reading frees no block: blk[0] is the count, not a free-list link) */
        for (size_t k = 1; k <= blk[0] && k < stride; k++)
            blk[k] += *recoff;
    }
    dst->nevslab += src->nevslab;
    if (stride)
        dst->evstride = stride;
    return 0;
}

/* src's selection e as a selection of dst after evidence_append. */
static ag__evlist evlist_moved(ag__evlist e, uint32_t recoff, uint32_t blkoff)
{
    return !e                   ? 0
           : e & AG__EVLIST_ONE ? AG__EVLIST_ONE | ((e & ~AG__EVLIST_ONE) + recoff)
                                : e + blkoff;
}

/* An actor record made only as the end of pair records: nothing counted. */
static int actor_empty(const ag__actor *a)
{
    for (int t = 0; t < 5; t++)
        if (a->types[t])
            return 0;
    return !a->mentions && !a->documents && !a->names.n && !a->forms.n && !a->roles.n &&
           !a->countries.n && !a->first_date.s && !a->last_date.s;
}

int ag__acc_absorb(ag__acc *dst, ag__acc *src, int disjoint_pairs, ag_error *err)
{
    size_t *map = NULL;
    uint32_t *dates = NULL, recoff = 0, blkoff = 0;
    int rc = -1, moved;

    if (src->fixed_evidence != dst->fixed_evidence || src->max_evidence != dst->max_evidence)
        return ag__acc_combine(dst, src, err);
    /* src's indexes go first: its records are walked in order, never looked up. */
    ag__acc_seal(src);
    ag__actormap_dispose(&src->actor_index);
    ag__pairmap_dispose(&src->pair_index);
    if ((src->nactors && !(map = malloc(src->nactors * sizeof *map))) ||
        !(dates = malloc((src->ndates + 1) * sizeof *dates)))
        goto out;
    /* Every string of src's records, as it lies: the pool and the kept strings. */
    ag__arena_take(&dst->pool, &src->pool);
    ag__arena_take(&dst->kept, &src->kept);
    if ((moved = evidence_append(dst, src, &recoff, &blkoff)) < 0)
        goto out;
    if (moved == 0) /* src's evidence is dst's now: its arrays go before dst grows more */
        ag__acc_free_evidence(src);
    dates[0] = 0;
    for (size_t i = 0; i < src->ndates; i++) {
        long id = ag__acc_date_id(dst, src->dates[i]);
        if (id < 0)
            goto out;
        dates[i + 1] = (uint32_t)id;
    }
    for (size_t i = 0; i < src->nactors; i++) {
        ag__actor *s = &src->actors[i];
        size_t had = dst->nactors;
        long j = ag__acc_actor(dst, s->key);
        if (j < 0)
            goto out;
        if ((size_t)j == had || actor_empty(&dst->actors[j])) {
            /* new to dst, or only named by its pairs: the record moves, lists and all */
            ag__actor *d = &dst->actors[j];
            const char *key = d->key;
            ag__actor_free_lists(d);
            *d = *s;
            d->key = key;
            s->names = s->forms = s->roles = s->countries = (ag__counts){0};
        } else if (actor_merge(dst, &dst->actors[j], s) < 0) {
            goto out;
        }
        map[i] = (size_t)j;
    }
    ag__acc_free_actors(src); /* likewise: the pairs need only the map now */
    if (disjoint_pairs && moved == 0) {
        /* Every pair is new to dst: its index goes (ag__acc_pair makes it again if ever
         * needed), and src's keys keep their order, so the records need no lookup. */
        ag__pairmap_dispose(&dst->pair_index);
        if (ag__grow(&dst->pairs, &dst->cappairs, dst->npairs + src->npairs, sizeof *dst->pairs) <
            0)
            goto out;
    } else {
        disjoint_pairs = 0;
    }
    for (size_t i = 0; i < src->npairs; i++) {
        const ag__pair *p = &src->pairs[i];
        size_t had = dst->npairs;
        long j = disjoint_pairs ? (long)dst->npairs++ : ag__acc_pair(dst, map[p->a], map[p->b]);
        if (j < 0)
            goto out;
        if (disjoint_pairs)
            dst->pairs[j] = (ag__pair){.a = (uint32_t)map[p->a], .b = (uint32_t)map[p->b]};
        ag__pair *d = &dst->pairs[j];
        if (moved != 0) { /* other evidence limits: offered one by one */
            if (pair_merge(dst, d, src, p) < 0)
                goto out;
            continue;
        }
        ag__evlist ev = evlist_moved(p->evidence, recoff, blkoff),
                   mev = evlist_moved(p->met_evidence, recoff, blkoff);
        if (ag__pair_add(dst, d, ag__pair_weight(src, p), ag__pair_documents(src, p),
                         ag__pair_met(src, p)) < 0)
            goto out;
        if ((size_t)j == had) { /* new to dst: src's dates and selections as they are */
            d->first_date = dates[p->first_date];
            d->last_date = dates[p->last_date];
            d->evidence = ev;
            d->met_evidence = mev;
            continue;
        }
        ag__pair_dates(dst, d, dates[p->first_date], dates[p->last_date]);
        if (ag__acc_fold_evidence(dst, &d->evidence, ev) < 0 ||
            ag__acc_fold_evidence(dst, &d->met_evidence, mev) < 0)
            goto out;
    }
    rc = 0;
out:
    if (rc < 0)
        ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory combining records");
    free(map);
    free(dates);
    return rc;
}

/* ------------------------------------------------------------------ keyed lines */

/*
 * Line format: one record per line, KEY <TAB> JSON, where KEY is the record kind and
 * its actor keys joined by '|'. The key is one field, as Hadoop Streaming's default
 * key/value split (at the first TAB) expects, and LC_ALL=C sort brings all records of
 * one key together:
 *   A|key <TAB> {"m":mentions,"d":documents,"t":[5 type counts],"names":[[s,n]..],
 *                "forms":[..],"roles":[..],"countries":[..],"fd":date,"ld":date}
 *   D|- <TAB> {"documents":n,"evidence":max evidence per link}
 *   L|keyA|keyB <TAB> {"w":weight,"d":documents,"met":n,"fd","ld",
 *                "ev":[[doc,offset,text]..],"mev":[..]}
 * Keys hold only letters, digits and single spaces (ag_extract_name_key): never a '|',
 * a TAB or a newline.
 *
 * The lines are written and read here without jansson: a merge reads little else, and
 * building a JSON tree per record (a dozen allocations, freed at once) was half of
 * ag-merge's time. The bytes are jansson's compact, ASCII-only dump, as before, so
 * shards of earlier versions read the same; strings that are not valid UTF-8, which
 * jansson refused to hold, are left out as it left them out.
 */

static int utf8_valid(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t k = ag_text_decode(s, n, i, &cp);
        if (cp == 0xFFFD && k == 1)
            return 0;
        i += k;
    }
    return 1;
}

/* ag__buf_add with its common case inline: records are written a few bytes at a time. */
static inline int put_n(ag__buf *b, const char *s, size_t n)
{
    if (b->len + n >= b->cap)
        return ag__buf_add(b, s, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

/* Take back what was written to b since it held mark bytes. */
static void unput(ag__buf *b, size_t mark)
{
    b->len = mark;
    b->p[mark] = '\0';
}

/* s as a JSON string the way jansson dumps it with JSON_ENSURE_ASCII: \" \\ \b \f \n \r
 * \t, other controls and every non-ASCII character as \uXXXX (upper-case hex; UTF-16
 * surrogate pairs beyond the BMP). 1 and nothing written when s is not valid UTF-8
 * (utf8_valid), which jansson refused to hold. */
static int put_str(ag__buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    static const char from[] = "\"\\\b\f\n\r\t", to[] = "\"\\bfnrt"; /* two-byte escapes */
    size_t n = strlen(s), run = 0, mark = b->len, i = ag__json_run(s, n, 1);
    if (i == n) { /* nothing to escape, as most strings: quotes and bytes in one go */
        if (b->len + n + 2 >= b->cap && ag__buf_reserve(b, n + 2) < 0)
            return -1;
        char *o = b->p + b->len;
        o[0] = '"';
        memcpy(o + 1, s, n);
        o[n + 1] = '"';
        o[n + 2] = '\0';
        b->len += n + 2;
        return 0;
    }
    if (put_n(b, "\"", 1) < 0)
        return -1;
    for (; i < n; i += ag__json_run(s + i, n - i, 1)) {
        unsigned char c = (unsigned char)s[i];
        char esc[12];
        size_t en = 2, k = 1;
        int32_t cp = c;
        if (c >= 0x80) {
            k = ag_text_decode(s, n, i, &cp);
            if (cp == 0xFFFD && k == 1) {
                unput(b, mark);
                return 1;
            }
        }
        const char *short_esc = cp < 0x80 ? memchr(from, (int)cp, sizeof from - 1) : NULL;
        esc[0] = '\\';
        if (short_esc) {
            esc[1] = to[short_esc - from];
        } else {
            uint32_t u[2] = {(uint32_t)cp, 0};
            size_t nu = 1;
            if (cp >= 0x10000) {
                uint32_t v = (uint32_t)cp - 0x10000;
                u[0] = 0xD800 | (v >> 10);
                u[1] = 0xDC00 | (v & 0x3FF);
                nu = 2;
            }
            en = 0;
            for (size_t j = 0; j < nu; j++) {
                esc[en++] = '\\';
                esc[en++] = 'u';
                for (int sh = 12; sh >= 0; sh -= 4)
                    esc[en++] = hex[(u[j] >> sh) & 0xF];
            }
        }
        if (put_n(b, s + run, i - run) < 0 || put_n(b, esc, en) < 0)
            return -1;
        i += k;
        run = i;
    }
    return put_n(b, s + run, n - run) < 0 || put_n(b, "\"", 1) < 0 ? -1 : 0;
}

/* v in decimal ("%lld", which cost a tenth of writing records through snprintf). */
static int put_int(ag__buf *b, long long v)
{
    char num[24], *p = num + sizeof num;
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    return put_n(b, p, (size_t)(num + sizeof num - p));
}

static inline int put(ag__buf *b, const char *s) { return put_n(b, s, strlen(s)); }

/* Multiset entries by more occurrences first, then byte order (the graph's order). */
static int cmp_count_ptr(const void *pa, const void *pb)
{
    const ag__count *a = *(const ag__count *const *)pa, *b = *(const ag__count *const *)pb;
    if (a->n != b->n)
        return a->n > b->n ? -1 : 1;
    return strcmp(a->s, b->s);
}

/* head (',"name":[') then [["s",n],..], in cmp_count_ptr order: a multiset's insertion
 * order depends on which worker of -j N saw a string first, and keyed output must not. */
static int put_counts(ag__buf *b, const char *head, const ag__counts *c)
{
    int first = 1, rc = -1;
    const ag__count *small[16], **order = small;
    if (c->n > 16 && !(order = malloc(c->n * sizeof *order)))
        return -1;
    for (size_t i = 0; i < c->n; i++)
        order[i] = &c->v[i];
    if (c->n > 16) {
        qsort(order, c->n, sizeof *order, cmp_count_ptr);
    } else { /* most lists hold a string or two: qsort's setup would outweigh the sort */
        for (size_t i = 1; i < c->n; i++) {
            const ag__count *x = order[i];
            size_t j = i;
            for (; j > 0 && cmp_count_ptr(&order[j - 1], &x) > 0; j--)
                order[j] = order[j - 1];
            order[j] = x;
        }
    }
    if (put(b, head) < 0)
        goto out;
    for (size_t i = 0; i < c->n; i++) {
        const ag__count *next = order[i];
        size_t mark = b->len;
        int r;
        if ((!first && put(b, ",") < 0) || put(b, "[") < 0 || (r = put_str(b, next->s)) < 0)
            goto out;
        if (r) { /* not UTF-8: left out */
            unput(b, mark);
            continue;
        }
        if (put(b, ",") < 0 || put_int(b, next->n) < 0 || put(b, "]") < 0)
            goto out;
        first = 0;
    }
    rc = put(b, "]");
out:
    if (order != small)
        free(order);
    return rc;
}

/* head (',"name":[') then [["doc",offset,"text"],..] for acc's selection e */
static int put_evids(ag__buf *b, const char *head, const ag__acc *acc, ag__evlist e)
{
    int first = 1;
    size_t n = ag__evlist_n(acc, e);
    if (put(b, head) < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const ag__evrec *x = &acc->evrecs[ag__evlist_id(acc, e, i)];
        size_t mark = b->len;
        int r1 = 0, r2 = 0;
        if ((!first && put(b, ",") < 0) || put(b, "[") < 0 || (r1 = put_str(b, x->doc)) < 0 ||
            (!r1 && (put(b, ",") < 0 || put_int(b, (long long)x->offset) < 0 || put(b, ",") < 0 ||
                     (r2 = put_str(b, x->text)) < 0)))
            return -1;
        if (r1 || r2) { /* not UTF-8: left out */
            unput(b, mark);
            continue;
        }
        if (put(b, "]") < 0)
            return -1;
        first = 0;
    }
    return put(b, "]");
}

/* head (',"name":') then "s", when s is set (and valid UTF-8). */
static int put_opt(ag__buf *b, const char *head, const char *s)
{
    if (!s)
        return 0;
    size_t mark = b->len;
    int r = 0;
    if (put(b, head) < 0 || (r = put_str(b, s)) < 0)
        return -1;
    if (r) /* not UTF-8: left out */
        unput(b, mark);
    return 0;
}

static int put_dates(ag__buf *b, const ag__date *first, const ag__date *last)
{
    return put_opt(b, ",\"fd\":", first->s) < 0 || put_opt(b, ",\"ld\":", last->s) < 0 ? -1 : 0;
}

/* Actors in the order of their keys' bytes (strcmp), as their indexes: by the keys'
 * first eight bytes (a radix sort), then by strcmp where those are alike. tmp: room for
 * nactors records. */
static int cmp_actor_key(const void *pa, const void *pb, void *acc)
{
    const ag__actor *actors = ((const ag__acc *)acc)->actors;
    return strcmp(actors[((const ag__keyed64 *)pa)->val].key,
                  actors[((const ag__keyed64 *)pb)->val].key);
}

static void sort_actors(const ag__acc *acc, ag__keyed64 *order, ag__keyed64 *tmp)
{
    for (size_t i = 0; i < acc->nactors; i++)
        order[i] = (ag__keyed64){ag__str_prefix64(acc->actors[i].key), i};
    ag__sort_by_string(order, tmp, acc->nactors, cmp_actor_key, (void *)acc);
}

/* Write b out once it holds a good amount (or at the end), and empty it. */
static int drain(ag__buf *b, FILE *out, int all)
{
    if (b->len < (all ? 1 : 1 << 16))
        return 0;
    size_t n = b->len;
    int rc = fwrite(b->p, 1, n, out) == n ? 0 : -1;
    ag__buf_reset(b);
    return rc;
}

static int actor_line(ag__buf *b, const ag__actor *a)
{
    if (put(b, "A|") < 0 || put(b, a->key) < 0 || put(b, "\t{\"m\":") < 0 ||
        put_int(b, a->mentions) < 0 || put(b, ",\"d\":") < 0 || put_int(b, a->documents) < 0 ||
        put(b, ",\"t\":[") < 0)
        return -1;
    for (int t = 0; t < 5; t++)
        if ((t && put(b, ",") < 0) || put_int(b, a->types[t]) < 0)
            return -1;
    if (put(b, "]") < 0 || put_counts(b, ",\"names\":[", &a->names) < 0 ||
        put_counts(b, ",\"forms\":[", &a->forms) < 0 ||
        put_counts(b, ",\"roles\":[", &a->roles) < 0 ||
        put_counts(b, ",\"countries\":[", &a->countries) < 0 ||
        put_dates(b, &a->first_date, &a->last_date) < 0)
        return -1;
    return put(b, "}\n");
}

/* The shard header: documents, evidence limit, the settings that change counts and the
 * identities of the shards in these records (an extraction's own, or the ones ag-merge
 * read), so that ag-merge can refuse mixed or repeated shards. */
static int doc_line(ag__buf *b, const ag__acc *acc)
{
    char hex[20];
    if (put(b, "D|-\t{\"documents\":") < 0 || put_int(b, acc->documents) < 0 ||
        put(b, ",\"evidence\":") < 0 || put_int(b, (long long)acc->max_evidence) < 0 ||
        put_opt(b, ",\"settings\":", acc->settings) < 0)
        return -1;
    size_t n = acc->nshards ? acc->nshards : acc->shard ? 1 : 0;
    for (size_t i = 0; i < n; i++) {
        snprintf(hex, sizeof hex, "\"%016llx\"",
                 (unsigned long long)(acc->nshards ? acc->shards[i] : acc->shard));
        if (put(b, i ? "," : ",\"shards\":[") < 0 || put(b, hex) < 0)
            return -1;
    }
    return (n && put(b, "]") < 0) || put(b, "}\n") < 0 ? -1 : 0;
}

static int pair_line(ag__buf *b, const ag__acc *acc, const ag__pair *p)
{
    if (put(b, "L|") < 0 || put(b, acc->actors[p->a].key) < 0 || put(b, "|") < 0 ||
        put(b, acc->actors[p->b].key) < 0 || put(b, "\t{\"w\":") < 0 ||
        put_int(b, ag__pair_weight(acc, p)) < 0 || put(b, ",\"d\":") < 0 ||
        put_int(b, ag__pair_documents(acc, p)) < 0 || put(b, ",\"met\":") < 0 ||
        put_int(b, ag__pair_met(acc, p)) < 0 || put_evids(b, ",\"ev\":[", acc, p->evidence) < 0 ||
        put_evids(b, ",\"mev\":[", acc, p->met_evidence) < 0 ||
        put_opt(b, ",\"fd\":", ag__acc_date(acc, p->first_date)) < 0 ||
        put_opt(b, ",\"ld\":", ag__acc_date(acc, p->last_date)) < 0)
        return -1;
    return put(b, "}\n");
}

int ag__acc_write_keyed(const ag__acc *acc, FILE *out, int doc_record, ag_error *err)
{
    size_t most = (acc->nactors > acc->npairs ? acc->nactors : acc->npairs) + 1;
    ag__keyed64 *order = NULL, *tmp = NULL; /* the actors' order, then the pairs' */
    uint32_t *rank = NULL;
    ag__buf b = {0};
    int rc = -1;

    order = malloc(most * sizeof *order);
    tmp = malloc(most * sizeof *tmp);
    rank = malloc((acc->nactors + 1) * sizeof *rank);
    if (!order || !tmp || !rank || ag__buf_reserve(&b, 1 << 17) < 0)
        goto nomem;
    sort_actors(acc, order, tmp);
    for (size_t i = 0; i < acc->nactors; i++) {
        const ag__actor *a = &acc->actors[order[i].val];
        rank[order[i].val] = (uint32_t)i; /* < 2^32 actors: ag__acc_pair */
        if (!a->mentions && !a->documents && !a->types[AG_ACTOR_OTHER])
            continue; /* only named by a pair record (ag-merge --sorted); a name that was
                       * no actor (misc, types[0]) still votes in the resolution */
        if (actor_line(&b, a) < 0)
            goto nomem;
        if (drain(&b, out, 0) < 0)
            goto io;
    }
    if (doc_record && doc_line(&b, acc) < 0)
        goto nomem;
    /* A pair in the order of its keys: the ranks of its two actors' keys among all keys
     * (unique, so the ranks are the strcmp order of the keys), as one number. */
    for (size_t i = 0; i < acc->npairs; i++)
        order[i] = (ag__keyed64){(uint64_t)rank[acc->pairs[i].a] << 32 | rank[acc->pairs[i].b], i};
    ag__sort_keyed64(order, tmp, acc->npairs);
    for (size_t i = 0; i < acc->npairs; i++) {
        if (pair_line(&b, acc, &acc->pairs[order[i].val]) < 0)
            goto nomem;
        if (drain(&b, out, 0) < 0)
            goto io;
    }
    if (drain(&b, out, 1) < 0)
        goto io;
    rc = 0;
    goto out;
nomem:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory writing records");
    goto out;
io:
    ag_error_set(err, AG_EIO, NULL, 0, 0, "cannot write records");
out:
    ag__buf_free(&b);
    free(order);
    free(tmp);
    free(rank);
    return rc;
}

/*
 * Reading: a scanner for the JSON of these records. It accepts what jansson accepted
 * of them (white space anywhere, keys in any order, unknown keys, escapes) and refuses
 * what it refused (duplicate keys, invalid UTF-8, \u0000, trailing bytes), but wants
 * each known field to have its type (jansson read a mistyped number as 0). Strings go
 * straight from the line into the pool, or through acc->scratch when they hold escapes.
 * Every scan_* function returns 0, 1 for a malformed record, or -1 out of memory.
 */

typedef struct scan {
    const char *p, *end; /* the rest of the record */
    ag__acc *acc;        /* where records go; its scratch holds decoded strings */
} scan;

#define SCAN_DEPTH 64 /* nesting that skipping unknown values follows */

static void skip_ws(scan *sc)
{
    /* One test for the common case: the records as written hold no white space. */
    while (sc->p < sc->end && (unsigned char)*sc->p <= ' ' &&
           (*sc->p == ' ' || *sc->p == '\t' || *sc->p == '\n' || *sc->p == '\r'))
        sc->p++;
}

/* Consume c (after white space): 1 when it was there. */
static inline int eat(scan *sc, char c)
{
    /* As written, the records hold no white space: the byte is mostly right there, and
     * this is a reader's most frequent test (a 32 MB merge: 13 million). */
    if (sc->p < sc->end && *sc->p == c) {
        sc->p++;
        return 1;
    }
    skip_ws(sc);
    if (sc->p < sc->end && *sc->p == c) {
        sc->p++;
        return 1;
    }
    return 0;
}

static int hex4(const char *p, uint32_t *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return 0;
        *v = *v << 4 | (uint32_t)d;
    }
    return 1;
}

/* One \u escape (sc->p after the 'u'), a surrogate pair joined, as UTF-8 into b. */
static int scan_unicode(scan *sc, ag__buf *b)
{
    uint32_t cp, lo;
    if (sc->end - sc->p < 4 || !hex4(sc->p, &cp))
        return 1;
    sc->p += 4;
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return 1;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (sc->end - sc->p < 6 || sc->p[0] != '\\' || sc->p[1] != 'u' || !hex4(sc->p + 2, &lo) ||
            lo < 0xDC00 || lo > 0xDFFF)
            return 1;
        sc->p += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    if (cp == 0)
        return 1;
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | cp >> 12);
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | cp >> 18);
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return ag__buf_add(b, u, n);
}

/* scan_string past its plain start (sc->p after the opening quote, q where the plain
 * run ended): escapes, UTF-8 and errors. */
static __attribute__((noinline)) int scan_string_rest(scan *sc, const char *q, const char **s,
                                                      size_t *n)
{
    const char *start = sc->p;
    ag__buf *b = NULL;
    for (;;) {
        while (q < sc->end && *q != '"' && *q != '\\') {
            unsigned char c = (unsigned char)*q;
            if (c < 0x20)
                return 1;
            if (c < 0x80) {
                q++;
                continue;
            }
            int32_t cp;
            size_t k = ag_text_decode(q, (size_t)(sc->end - q), 0, &cp);
            if (cp == 0xFFFD && k == 1)
                return 1;
            q += k;
        }
        if (q >= sc->end)
            return 1;
        if (*q == '"' && !b) { /* no escape: the bytes are the line's */
            *s = start;
            *n = (size_t)(q - start);
            sc->p = q + 1;
            return 0;
        }
        if (!b) {
            b = &sc->acc->scratch;
            ag__buf_reset(b);
        }
        if (ag__buf_add(b, start, (size_t)(q - start)) < 0)
            return -1;
        if (*q == '"') {
            *s = b->p;
            *n = b->len;
            sc->p = q + 1;
            return 0;
        }
        if (sc->end - q < 2)
            return 1;
        char e = q[1], c;
        sc->p = q + 2;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            c = e;
            break;
        case 'b':
            c = '\b';
            break;
        case 'f':
            c = '\f';
            break;
        case 'n':
            c = '\n';
            break;
        case 'r':
            c = '\r';
            break;
        case 't':
            c = '\t';
            break;
        case 'u': {
            int r = scan_unicode(sc, b);
            if (r)
                return r;
            start = q = sc->p;
            q += ag__json_run(q, (size_t)(sc->end - q), 1);
            continue;
        }
        default:
            return 1;
        }
        if (ag__buf_add(b, &c, 1) < 0)
            return -1;
        start = q = sc->p;
        q += ag__json_run(q, (size_t)(sc->end - q), 1);
    }
}

/* A JSON string: *s, *n its bytes (in the line, or in acc->scratch until the next
 * string). Inline for the plain ASCII string that ends in the run, as the records'
 * strings mostly do: a million calls a 32 MB merge, most of them keys of a byte or a
 * few, where the call and the loops of the rest cost more than the scan. */
static inline int scan_string(scan *sc, const char **s, size_t *n)
{
    if (!eat(sc, '"'))
        return 1;
    const char *q = sc->p + ag__json_run(sc->p, (size_t)(sc->end - sc->p), 1);
    if (q < sc->end && *q == '"') {
        *s = sc->p;
        *n = (size_t)(q - sc->p);
        sc->p = q + 1;
        return 0;
    }
    return scan_string_rest(sc, q, s, n);
}

/* A JSON string interned into the pool, or with keep among the kept strings. */
static int scan_pooled(scan *sc, const char **out, int keep)
{
    const char *s;
    size_t n;
    int r = scan_string(sc, &s, &n);
    if (r)
        return r;
    *out = keep ? ag__acc_keep(sc->acc, s, n) : ag__acc_intern(sc->acc, s, n);
    return *out ? 0 : -1;
}

/* A JSON integer (no fraction or exponent) of at most COUNT_MAX in magnitude. */
static int scan_int(scan *sc, long long *v)
{
    skip_ws(sc);
    const char *p = sc->p;
    int neg = p < sc->end && *p == '-';
    unsigned long long u = 0;
    p += neg;
    if (p >= sc->end || *p < '0' || *p > '9' ||
        (*p == '0' && p + 1 < sc->end && p[1] >= '0' && p[1] <= '9'))
        return 1;
    for (; p < sc->end && *p >= '0' && *p <= '9'; p++)
        if ((u = u * 10 + (unsigned long long)(*p - '0')) > (unsigned long long)COUNT_MAX)
            return 1;
    if (p < sc->end && (*p == '.' || *p == 'e' || *p == 'E'))
        return 1;
    sc->p = p;
    *v = neg ? (long long)(0 - u) : (long long)u;
    return 0;
}

static inline int scan_word(scan *sc, const char *w)
{
    size_t n = strlen(w);
    skip_ws(sc);
    /* (the first byte mostly tells: a date's "null" is tried before its string) */
    if ((size_t)(sc->end - sc->p) < n || *sc->p != *w || memcmp(sc->p, w, n) != 0)
        return 1;
    sc->p += n;
    return 0;
}

/* Any JSON value, passed over (unknown keys). */
static int scan_skip(scan *sc, int depth)
{
    const char *s;
    size_t n;
    long long v;
    skip_ws(sc);
    if (sc->p >= sc->end || depth > SCAN_DEPTH)
        return 1;
    switch (*sc->p) {
    case '"':
        return scan_string(sc, &s, &n);
    case 't':
        return scan_word(sc, "true");
    case 'f':
        return scan_word(sc, "false");
    case 'n':
        return scan_word(sc, "null");
    case '[':
    case '{': {
        char close = *sc->p == '[' ? ']' : '}';
        int obj = close == '}';
        sc->p++;
        if (eat(sc, close))
            return 0;
        do {
            int r = obj ? scan_string(sc, &s, &n) : 0;
            if (!r && obj && !eat(sc, ':'))
                r = 1;
            if (!r)
                r = scan_skip(sc, depth + 1);
            if (r)
                return r;
        } while (eat(sc, ','));
        return eat(sc, close) ? 0 : 1;
    }
    default:
        if (scan_int(sc, &v) == 0)
            return 0;
        /* A number with a fraction or an exponent. */
        if (*sc->p == '-')
            sc->p++;
        const char *p = sc->p;
        while (sc->p < sc->end &&
               ((*sc->p >= '0' && *sc->p <= '9') || *sc->p == '.' || *sc->p == 'e' ||
                *sc->p == 'E' || *sc->p == '+' || *sc->p == '-'))
            sc->p++;
        return sc->p > p && p[0] >= '0' && p[0] <= '9' ? 0 : 1;
    }
}

/* An optional date (a string or null) kept in *slot when lower (want_min) or higher. */
static int scan_date(scan *sc, ag__date *slot, int want_min)
{
    const char *date = NULL;
    int r = scan_word(sc, "null") == 0 ? 0 : scan_pooled(sc, &date, 0);
    if (!r)
        date_keep(slot, date, want_min);
    return r;
}

/* [["s",n],..] into c. */
static int scan_counts(scan *sc, ag__counts *c)
{
    if (!eat(sc, '['))
        return 1;
    if (eat(sc, ']'))
        return 0;
    do {
        const char *s;
        long long n;
        int r;
        if (!eat(sc, '['))
            return 1;
        if ((r = scan_pooled(sc, &s, 0)) != 0)
            return r;
        if (!eat(sc, ',') || scan_int(sc, &n) || !eat(sc, ']'))
            return 1;
        if (ag__counts_add(c, s, n) < 0)
            return -1;
    } while (eat(sc, ','));
    return eat(sc, ']') ? 0 : 1;
}

/* [["doc",offset,"text"],..] offered to e. Most pieces stay out of a full selection: the
 * strings go into the pool only when they enter. */
static int scan_evids(scan *sc, ag__evlist *e)
{
    ag__acc *acc = sc->acc;
    if (!eat(sc, '['))
        return 1;
    if (eat(sc, ']'))
        return 0;
    do {
        ag__evkey k;
        size_t docn, max = acc->max_evidence;
        long long off;
        int r;
        if (!eat(sc, '['))
            return 1;
        if ((r = scan_string(sc, &k.doc, &docn)) != 0)
            return r;
        /* An escaped id sits in the scratch buffer, which the text may need. */
        if (k.doc == acc->scratch.p && !(k.doc = ag__acc_keep(acc, k.doc, docn)))
            return -1;
        if (!eat(sc, ',') || scan_int(sc, &off) || off < 0 || !eat(sc, ','))
            return 1;
        if ((r = scan_string(sc, &k.text, &k.n)) != 0)
            return r;
        if (!eat(sc, ']'))
            return 1;
        k.offset = (uint64_t)off;
        size_t pos = max ? evlist_pos(acc, *e, &k, docn) : 0;
        if (pos >= max)
            continue;
        long rec;
        if (!(k.doc = ag__acc_keep(acc, k.doc, docn)) || (rec = evrec_find_add(acc, &k)) < 0 ||
            evlist_insert(acc, e, pos, (uint32_t)rec) < 0)
            return -1;
    } while (eat(sc, ','));
    return eat(sc, ']') ? 0 : 1;
}

/* 1 when s[0, n) (no NUL in it: scan_string refuses one) is the key name. */
static int key_is(const char *name, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) /* a shorter name stops at its NUL */
        if (name[i] != s[i])
            return 0;
    return name[n] == '\0';
}

/* The bytes of name in quotes when they are next (name holds nothing to escape, so
 * they are the JSON string of name), else 0. */
static size_t quoted_at(const scan *sc, const char *name)
{
    const char *p = sc->p;
    size_t i = 0;
    if (p >= sc->end || *p != '"')
        return 0;
    for (p++; name[i]; i++)
        if (p + i >= sc->end || p[i] != name[i])
            return 0;
    return p + i < sc->end && p[i] == '"' ? i + 2 : 0;
}

/* The index of name in the list of known keys (names, a NULL-ended list), or -1 for an
 * unknown key (its value is skipped); 1 for a key given twice. *which comes in as the
 * index after the previous key's: records as written list their keys in the order of
 * names, so that one is tried first. */
static int scan_key(scan *sc, const char *const *names, unsigned *seen, int *which)
{
    const char *s;
    size_t n;
    int r, i = *which;
    *which = -1;
    skip_ws(sc);
    if (i >= 0 && names[i] && (n = quoted_at(sc, names[i])) > 0) {
        /* the key expected, as written: no string to scan, no list to search */
        sc->p += n;
        if (!eat(sc, ':'))
            return 1;
    } else {
        if ((r = scan_string(sc, &s, &n)) != 0)
            return r;
        if (!eat(sc, ':'))
            return 1;
        if (!n)
            return 0;
        if (i < 0 || !names[i] || !key_is(names[i], s, n))
            for (i = 0; names[i] && !key_is(names[i], s, n); i++)
                ;
    }
    if (names[i]) {
        if (*seen & 1u << i)
            return 1;
        *seen |= 1u << i;
        *which = i;
    }
    return 0;
}

/* A known field of an object: names[which]'s value, for ctx. */
typedef int (*field_fn)(scan *sc, int which, void *ctx);

/* A JSON object: the values of the keys in names (a NULL-ended list; bit i of *seen set
 * for names[i]) go to fn, the others are passed over. */
static int scan_object(scan *sc, const char *const *names, unsigned *seen, field_fn fn, void *ctx)
{
    int r, which = -1;
    if (!eat(sc, '{'))
        return 1;
    if (eat(sc, '}'))
        return 0;
    do {
        which = which < 0 ? 0 : which + 1; /* the key that should come next */
        if ((r = scan_key(sc, names, seen, &which)) != 0 ||
            (r = which < 0 ? scan_skip(sc, 0) : fn(sc, which, ctx)) != 0)
            return r;
    } while (eat(sc, ','));
    return eat(sc, '}') ? 0 : 1;
}

static const char *const actor_keys[] = {"m",     "d",         "t",  "names", "forms",
                                         "roles", "countries", "fd", "ld",    NULL};

static int actor_field(scan *sc, int which, void *ctx)
{
    ag__actor *a = ctx;
    ag__counts *lists[] = {&a->names, &a->forms, &a->roles, &a->countries};
    long long v;
    if (which == 0 || which == 1) {
        if (scan_int(sc, &v))
            return 1;
        long long *d = which ? &a->documents : &a->mentions;
        *d = sat_add(*d, v);
        return 0;
    }
    if (which == 2) { /* "t": five type votes */
        if (!eat(sc, '['))
            return 1;
        for (int t = 0; t < 5; t++) {
            if ((t && !eat(sc, ',')) || scan_int(sc, &v))
                return 1;
            a->types[t] = sat_add(a->types[t], v);
        }
        return eat(sc, ']') ? 0 : 1;
    }
    if (which >= 7)
        return scan_date(sc, which == 7 ? &a->first_date : &a->last_date, which == 7);
    return scan_counts(sc, lists[which - 3]);
}

/* A pair line's date (the bytes s[0, n) of its JSON string) as a date number. Every pair
 * line has two, of a few thousand days: a direct-mapped table of the last ones seen saves
 * most lookups in the kept strings' index, the biggest table of ag-merge (every evidence
 * string is in it), where each cost cache misses. Not for the few pairs of the streaming
 * reducer's one key, which would pay for the table at every key. -1: out of memory. */
#define DATE_MEMO 4096  /* slots, a power of two: 64 KiB */
#define MEMO_PAIRS 4096 /* pairs read before a memo (dates, keys) pays */

struct ag__date_memo {
    const char *s; /* a kept string, NULL: the slot is empty */
    uint32_t n, id;
};

static long keyed_date_id(ag__acc *acc, const char *s, size_t n)
{
    struct ag__date_memo *m = NULL;
    if (n && n < 64 && acc->npairs >= MEMO_PAIRS) { /* dates are short */
        if (!acc->date_memo && !(acc->date_memo = calloc(DATE_MEMO, sizeof *acc->date_memo)))
            return -1;
        m = &acc->date_memo[ag__hash_bytes(s, n) & (DATE_MEMO - 1)];
        if (m->s && m->n == n && memcmp(m->s, s, n) == 0)
            return (long)m->id;
    }
    const char *date = ag__acc_keep(acc, s, n);
    long id = date ? ag__acc_date_id(acc, date) : -1;
    if (m && id >= 0)
        *m = (struct ag__date_memo){date, (uint32_t)n, (uint32_t)id};
    return id;
}

static const char *const pair_keys[] = {"w", "d", "met", "ev", "mev", "fd", "ld", NULL};

static int pair_field(scan *sc, int which, void *ctx)
{
    ag__pair *p = ctx;
    long long v;
    if (which <= 2) {
        if (scan_int(sc, &v))
            return 1;
        return ag__pair_add(sc->acc, p, which == 0 ? v : 0, which == 1 ? v : 0,
                            which == 2 ? v : 0) < 0
                   ? -1
                   : 0;
    }
    if (which <= 4)
        return scan_evids(sc, which == 3 ? &p->evidence : &p->met_evidence);
    const char *date = NULL;
    size_t n = 0;
    long id = 0;
    if (scan_word(sc, "null") != 0) {
        int r = scan_string(sc, &date, &n);
        if (r)
            return r;
        if ((id = keyed_date_id(sc->acc, date, n)) < 0)
            return -1;
    }
    ag__pair_dates(sc->acc, p, which == 5 ? (uint32_t)id : 0, which == 5 ? 0 : (uint32_t)id);
    return 0;
}

/* A shard id (16 hex digits as written; anything strtoull reads, as before). */
static int scan_shard_id(scan *sc, char *hex, size_t hexsize, uint64_t *id)
{
    const char *s;
    size_t n;
    char *end;
    int r = scan_string(sc, &s, &n);
    if (r)
        return r;
    if (n == 0 || n >= hexsize)
        return 1;
    memcpy(hex, s, n);
    hex[n] = '\0';
    *id = (uint64_t)strtoull(hex, &end, 16);
    return *end ? 1 : 0;
}

#define ERR_SET (-2) /* header_field: refused, with the reason in err */

typedef struct header {
    const char *name; /* input name and line, for errors */
    long lineno;
    ag_error *err;
    long long documents, evidence; /* the header's fields */
} header;

static const char *const header_keys[] = {"documents", "evidence", "settings", "shards", NULL};

/* A shard header field: settings must be those of the shards read before (records made
 * with another --scope or other dictionaries count other things), and no shard may come
 * twice (its counts would double). */
static int header_field(scan *sc, int which, void *ctx)
{
    header *h = ctx;
    ag__acc *acc = sc->acc;
    const char *set;
    size_t n;
    char hex[64];
    uint64_t id;
    int r;
    if (which <= 1)
        return scan_int(sc, which ? &h->evidence : &h->documents);
    if (which == 2) {
        if ((r = scan_string(sc, &set, &n)) != 0)
            return r;
        if (!acc->settings)
            return (acc->settings = strndup(set, n)) ? 0 : -1;
        if (strlen(acc->settings) == n && memcmp(acc->settings, set, n) == 0)
            return 0;
        ag_error_set(h->err, AG_EINVAL, h->name, h->lineno, 0,
                     "shard made with other settings (%.*s) than the shards before it (%s): "
                     "their counts do not add up",
                     (int)n, set, acc->settings);
        return ERR_SET;
    }
    if (!eat(sc, '['))
        return 1;
    if (eat(sc, ']'))
        return 0;
    do {
        if ((r = scan_shard_id(sc, hex, sizeof hex, &id)) != 0) {
            if (r < 0)
                return r;
            ag_error_set(h->err, AG_EPARSE, h->name, h->lineno, 0, "bad shard id in the header");
            return ERR_SET;
        }
        for (size_t k = 0; k < acc->nshards; k++) {
            if (acc->shards[k] == id) {
                ag_error_set(h->err, AG_EINVAL, h->name, h->lineno, 0,
                             "shard %s given twice: its counts would double", hex);
                return ERR_SET;
            }
        }
        if (ag__grow(&acc->shards, &acc->capshards, acc->nshards + 1, sizeof *acc->shards) < 0)
            return -1;
        acc->shards[acc->nshards++] = id;
    } while (eat(sc, ','));
    return eat(sc, ']') ? 0 : 1;
}

/* The shard header of a D record. Records without settings (written by hand) are taken
 * as they are. 1 malformed, -1 with err set. */
static int scan_header(scan *sc, const char *name, long lineno, ag_error *err)
{
    header h = {name, lineno, err, 0, 0};
    unsigned seen = 0;
    int r = scan_object(sc, header_keys, &seen, header_field, &h);
    if (r == ERR_SET)
        return -1;
    if (r)
        return r < 0 ? ag__nomem(err) : r;
    sc->acc->documents = sat_add(sc->acc->documents, h.documents);
    /* The shards' evidence limit, unless pairs were already read with another. */
    if (sc->acc->npairs == 0 && !sc->acc->other_pairs && h.evidence > 0 &&
        h.evidence <= AG__MAX_EVIDENCE && !sc->acc->fixed_evidence)
        sc->acc->max_evidence = (size_t)h.evidence;
    return 0;
}

/* Keyed lines: the actor keys read lately, by their bytes, beside their record numbers.
 * Nearly every pair line's second key is an actor read before, whose lookup in the actor
 * index cost three cache misses (the slot, the actor record, its key's bytes): a fifth
 * of ag-merge's reading (1 GB of Zipf shards). Popular actors' keys come back often, and
 * a direct-mapped table of 16,384 slots holds two thirds of a shard's second keys (4,096:
 * half). Only once there are pairs enough to pay for its 512 KiB (not for the streaming
 * reducer's one key). */
#define KEY_MEMO 16384 /* slots, a power of two */
#define KEY_MEMO_LEN 27

struct ag__key_memo {
    uint32_t i; /* record number + 1; 0: the slot is empty */
    uint8_t n;  /* bytes of key */
    char key[KEY_MEMO_LEN];
};

/* The memo slot for the key of n bytes and hash h, or NULL (no memo, or too long). -1 in
 * *rc when out of memory. */
static struct ag__key_memo *key_memo_slot(ag__acc *acc, uint32_t h, size_t n, int *rc)
{
    if (n > KEY_MEMO_LEN || acc->npairs < MEMO_PAIRS)
        return NULL;
    if (!acc->key_memo && !(acc->key_memo = calloc(KEY_MEMO, sizeof *acc->key_memo))) {
        *rc = -1;
        return NULL;
    }
    return &acc->key_memo[h & (KEY_MEMO - 1)];
}

/* The actor key line[*pos, end of the field ended by sep) as a record index; *pos past
 * the separator. 1 when there is no such field, or it is empty, holds a control
 * character or is not UTF-8 (a key can become a node id, which the writers need as
 * text). */
static int key_field(ag__acc *acc, const char *line, size_t len, size_t *pos, char sep, long *idx)
{
    const char *end = memchr(line + *pos, sep, len - *pos);
    if (!end || end == line + *pos)
        return 1;
    const char *k = line + *pos;
    size_t n = (size_t)(end - k);
    int rc = 0;
    if (sep == '|' && acc->last_first && acc->last_first <= acc->nactors) {
        /* The bytes of a key accepted before: no checks, no lookup. */
        const char *key = acc->actors[acc->last_first - 1].key;
        if (strncmp(key, k, n) == 0 && key[n] == '\0') {
            *pos += n + 1;
            *idx = (long)acc->last_first - 1;
            return 0;
        }
    }
    uint32_t h = (uint32_t)ag__hash_bytes(k, n);
    struct ag__key_memo *m = key_memo_slot(acc, h, n, &rc);
    if (rc < 0)
        return -1;
    if (m && m->i && m->n == n && memcmp(m->key, k, n) == 0) {
        *idx = (long)m->i - 1; /* accepted before, as below */
    } else {
        for (const char *p = k; p < end; p++)
            if ((unsigned char)*p < 0x20)
                return 1;
        /* A key seen before was checked then: nearly every pair line's second key is. */
        const ag__numslot *s = ag__actorspans_find(&acc->actor_index, acc, (ag__span){k, n}, h);
        if (s) {
            *idx = (long)s->i - 1;
        } else {
            ag__buf_reset(&acc->scratch);
            if (ag__buf_add(&acc->scratch, k, n) < 0)
                return -1;
            if (!utf8_valid(acc->scratch.p))
                return 1;
            if ((*idx = ag__acc_actor(acc, acc->scratch.p)) < 0)
                return -1;
        }
        if (m) {
            m->i = (uint32_t)*idx + 1;
            m->n = (uint8_t)n;
            memcpy(m->key, k, n);
        }
    }
    *pos += n + 1;
    if (sep == '|')
        acc->last_first = (size_t)*idx + 1;
    return 0;
}

int ag__acc_read_keyed_line(ag__acc *acc, const char *line, size_t len, const char *name,
                            long lineno, ag_error *err)
{
    size_t pos = 2;
    long ia = -1, ib = -1;
    int r = 1;
    scan sc = {NULL, line + len, acc};

    if (len < 4 || line[1] != '|' || (line[0] != 'A' && line[0] != 'D' && line[0] != 'L'))
        goto out;
    if (line[0] == 'D') {
        const char *tab = memchr(line + pos, '\t', len - pos);
        if (!tab)
            goto out;
        sc.p = tab + 1;
        if ((r = scan_header(&sc, name, lineno, err)) < 0)
            return -1;
    } else if (line[0] == 'A') {
        if ((r = key_field(acc, line, len, &pos, '\t', &ia)) != 0)
            goto out;
        unsigned seen = 0;
        sc.p = line + pos;
        r = scan_object(&sc, actor_keys, &seen, actor_field, &acc->actors[ia]);
        if (!r && !(seen & 1u << 2))
            r = 1; /* the type votes are required */
    } else {
        size_t second = 0;
        if ((r = key_field(acc, line, len, &pos, '|', &ia)) != 0 ||
            (second = pos, r = key_field(acc, line, len, &pos, '\t', &ib)) != 0)
            goto out;
        if (!acc->pairs_unordered) { /* the keys as bytes: "a" before "ab" before "b" */
            size_t n1 = second - 3, n2 = pos - 1 - second, n = n1 < n2 ? n1 : n2;
            int c = memcmp(line + 2, line + second, n);
            acc->pairs_unordered = c > 0 || (c == 0 && n1 > n2);
        }
        if (ia == ib) {
            r = 1;
            goto out;
        }
        long j = ag__acc_pair(acc, (size_t)ia, (size_t)ib);
        if (j < 0) {
            r = -1;
            goto out;
        }
        unsigned seen = 0;
        sc.p = line + pos;
        r = scan_object(&sc, pair_keys, &seen, pair_field, &acc->pairs[j]);
    }
    if (r == 0) {
        skip_ws(&sc);
        if (sc.p != sc.end)
            r = 1;
    }
out:
    if (r < 0)
        return ag_error_set(err, AG_ENOMEM, name, lineno, 0, "out of memory reading records");
    if (r > 0)
        return ag_error_set(err, AG_EPARSE, name, lineno, 0,
                            "not an ag-extract --emit-keyed record");
    return 0;
}
