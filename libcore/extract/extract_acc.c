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
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <utf8proc.h>

#include <actorgraph/nlp/text.h>

#include "util/bytes_internal.h"
#include "util/error_internal.h"
#include "extract/extract_internal.h"

/* ------------------------------------------------------------------ name keys */

static size_t put_byte(char *buf, size_t bufsize, size_t n, char c)
{
    if (n + 1 < bufsize)
        buf[n] = c;
    return n + 1;
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
            } else {
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

static int counts_append(ag__counts *c, const char *s, long long n)
{
    uint64_t k[2];
    ag__prefix_key(s, k);
    if (ag__grow(&c->v, &c->cap, c->n + 1, sizeof *c->v) < 0)
        return -1;
    char *copy = strdup(s);
    if (!copy)
        return -1;
    c->v[c->n++] = (ag__count){copy, n, {k[0], k[1]}};
    return 0;
}

int ag__counts_add(ag__counts *c, const char *s, long long n)
{
    /* Nearly every call repeats a string the multiset holds. Building s's prefix key is a
     * byte loop over up to 16 bytes; matching s's first two bytes against the top of each
     * entry's key and confirming with strcmp is cheaper, and reads an entry's own string
     * only when it very likely is s. s[1] exists when s[0] is not the NUL. */
    unsigned char c0 = (unsigned char)s[0], c1 = c0 ? (unsigned char)s[1] : 0;
    uint64_t top = (uint64_t)c0 << 8 | c1;
    for (size_t i = 0; i < c->n; i++) {
        if (c->v[i].k[0] >> 48 == top && strcmp(c->v[i].s, s) == 0) {
            c->v[i].n += n;
            return 0;
        }
    }
    return counts_append(c, s, n);
}

void ag__counts_free(ag__counts *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->v[i].s);
    free(c->v);
    memset(c, 0, sizeof *c);
}

static uint64_t big_endian64(const unsigned char *b)
{
    uint64_t v;
    memcpy(&v, b, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

size_t ag__prefix_key(const char *s, uint64_t k[2])
{
    unsigned char b[16] = {0};
    size_t n = 0;
    for (; n < 16 && s[n]; n++) /* mostly short strings: cheaper than a strnlen call */
        b[n] = (unsigned char)s[n];
    k[0] = big_endian64(b);
    k[1] = big_endian64(b + 8);
    return n;
}

int ag__prefix_cmp(const char *a, const uint64_t ka[2], size_t na, const char *b,
                   const uint64_t kb[2])
{
    if (ka[0] != kb[0])
        return ka[0] < kb[0] ? -1 : 1;
    if (ka[1] != kb[1])
        return ka[1] < kb[1] ? -1 : 1;
    if (na < 16)
        return 0; /* equal keys with a's NUL among them: equal strings */
    int c = strcmp(a, b);
    return (c > 0) - (c < 0);
}

/* ag__date_keep past its early outs: the strings compared (keys tied over 16 bytes) and
 * the slot replaced. Kept out of line so that the early outs need no stack frame. */
__attribute__((noinline)) static int date_keep_slow(ag__date *slot, const char *date,
                                                    const uint64_t k[2], size_t n, int want_min)
{
    if (slot->s) {
        int c = ag__prefix_cmp(date, k, n, slot->s, slot->k);
        if (want_min ? c >= 0 : c <= 0)
            return 0;
    }
    char *copy = strdup(date);
    if (!copy)
        return -1;
    free(slot->s);
    slot->s = copy;
    slot->k[0] = k[0];
    slot->k[1] = k[1];
    return 0;
}

int ag__date_keep(ag__date *slot, const char *date, const uint64_t k[2], size_t n, int want_min)
{
    if (!date || !*date)
        return 0;
    /* Called for every record a document touches, twice, and the record mostly keeps its
     * date: settle that from the keys alone when they differ or hold a whole short date
     * (then equal: nothing to do). */
    if (slot->s) {
        if (k[0] != slot->k[0] || k[1] != slot->k[1]) {
            int below = k[0] != slot->k[0] ? k[0] < slot->k[0] : k[1] < slot->k[1];
            if (below != (want_min != 0))
                return 0;
        } else if (n < 16) {
            return 0;
        }
    }
    return date_keep_slow(slot, date, k, n, want_min);
}

static int date_keep(ag__date *slot, const char *date, int want_min)
{
    uint64_t k[2];
    size_t n = date ? ag__prefix_key(date, k) : 0;
    return ag__date_keep(slot, date, k, n, want_min);
}

int ag__date_min(ag__date *slot, const char *date) { return date_keep(slot, date, 1); }
int ag__date_max(ag__date *slot, const char *date) { return date_keep(slot, date, 0); }

/* ------------------------------------------------------------------ evidence */

static int evid_cmp(const char *doc, size_t offset, const char *text, const ag__evid *e)
{
    int c = strcmp(doc, e->doc);
    if (c)
        return c;
    if (offset != e->offset)
        return offset < e->offset ? -1 : 1;
    return strcmp(text, e->text);
}

/* The selection is a sorted array of at most max entries: insertion is O(max), and max is
 * small (3 by default). Ties (same doc, offset and text) are kept as separate entries so
 * that the multiset semantics, and with them shard merging, stay exact. */
int ag__evids_offer(ag__evids *e, size_t max, const char *doc, size_t offset, const char *text)
{
    if (max == 0)
        return 0;
    size_t pos = e->n;
    while (pos > 0 && evid_cmp(doc, offset, text, &e->v[pos - 1]) < 0)
        pos--;
    if (pos >= max)
        return 0;
    if (!e->v) {
        e->v = calloc(max, sizeof *e->v);
        if (!e->v)
            return -1;
    }
    char *d = strdup(doc), *t = strdup(text);
    if (!d || !t) {
        free(d);
        free(t);
        return -1;
    }
    if (e->n == max) {
        free(e->v[max - 1].doc);
        free(e->v[max - 1].text);
        e->n--;
    }
    memmove(&e->v[pos + 1], &e->v[pos], (e->n - pos) * sizeof *e->v);
    e->v[pos] = (ag__evid){d, offset, t};
    e->n++;
    ag__prefix_key(e->v[e->n - 1].doc, e->last_k);
    return 0;
}

int ag__evids_closed(const ag__evids *e, size_t max, const char *doc, const uint64_t dk[2],
                     size_t dn, size_t offset)
{
    if (e->n == 0 || e->n < max)
        return 0;
    int c = ag__prefix_cmp(doc, dk, dn, e->v[e->n - 1].doc, e->last_k);
    return c > 0 || (c == 0 && offset > e->v[e->n - 1].offset);
}

void ag__evids_free(ag__evids *e)
{
    for (size_t i = 0; i < e->n; i++) {
        free(e->v[i].doc);
        free(e->v[i].text);
    }
    free(e->v);
    memset(e, 0, sizeof *e);
}

/* ------------------------------------------------------------------ accumulator */

void ag__acc_init(ag__acc *acc, size_t max_evidence)
{
    memset(acc, 0, sizeof *acc);
    acc->max_evidence = max_evidence;
}

void ag__acc_destroy(ag__acc *acc)
{
    for (size_t i = 0; i < acc->nactors; i++) {
        ag__actor *a = &acc->actors[i];
        free(a->key);
        ag__counts_free(&a->names);
        ag__counts_free(&a->forms);
        ag__counts_free(&a->roles);
        ag__counts_free(&a->countries);
        free(a->first_date.s);
        free(a->last_date.s);
    }
    for (size_t i = 0; i < acc->npairs; i++) {
        ag__pair *p = &acc->pairs[i];
        free(p->first_date.s);
        free(p->last_date.s);
        ag__evids_free(&p->evidence);
        ag__evids_free(&p->met_evidence);
    }
    free(acc->actors);
    free(acc->pairs);
    free(acc->settings);
    free(acc->shards);
    ag__strmap_dispose(&acc->actor_index);
    ag__u64map_dispose(&acc->pair_index);
    memset(acc, 0, sizeof *acc);
}

long ag__acc_actor(ag__acc *acc, const char *key)
{
    size_t i = ag__strmap_get(&acc->actor_index, key);
    if (i != (size_t)-1)
        return (long)i;
    /* The map borrows the keys, which live in their own allocations: moving the record
     * array does not invalidate them. */
    if (ag__grow(&acc->actors, &acc->capactors, acc->nactors + 1, sizeof *acc->actors) < 0)
        return -1;
    ag__actor *a = &acc->actors[acc->nactors];
    memset(a, 0, sizeof *a);
    a->key = strdup(key);
    if (!a->key || ag__strmap_put(&acc->actor_index, a->key, acc->nactors) < 0) {
        free(a->key);
        return -1;
    }
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
    if (ag__grow(&acc->pairs, &acc->cappairs, acc->npairs + 1, sizeof *acc->pairs) < 0)
        return -1;
    ag__pair *p = &acc->pairs[acc->npairs];
    memset(p, 0, sizeof *p);
    p->a = a;
    p->b = b;
    if (ag__u64map_put(&acc->pair_index, k, acc->npairs) < 0)
        return -1;
    return (long)acc->npairs++;
}

long ag__acc_pair(ag__acc *acc, size_t a, size_t b)
{
    uint64_t k = a < b ? (((uint64_t)a << 32) | b) + 1 : (((uint64_t)b << 32) | a) + 1;
    size_t i = ag__u64map_get(&acc->pair_index, k);
    if (i != (size_t)-1)
        return (long)i;
    return pair_new(acc, a, b, k);
}

static int counts_merge(ag__counts *dst, const ag__counts *src)
{
    for (size_t i = 0; i < src->n; i++)
        if (ag__counts_add(dst, src->v[i].s, src->v[i].n) < 0)
            return -1;
    return 0;
}

static int actor_merge(ag__actor *d, const ag__actor *s)
{
    d->mentions += s->mentions;
    d->documents += s->documents;
    for (int t = 0; t < 5; t++)
        d->types[t] += s->types[t];
    if (counts_merge(&d->names, &s->names) < 0 || counts_merge(&d->forms, &s->forms) < 0 ||
        counts_merge(&d->roles, &s->roles) < 0 || counts_merge(&d->countries, &s->countries) < 0 ||
        ag__date_min(&d->first_date, s->first_date.s) < 0 ||
        ag__date_max(&d->last_date, s->last_date.s) < 0)
        return -1;
    return 0;
}

static int evids_merge(ag__evids *d, size_t max, const ag__evids *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (ag__evids_offer(d, max, s->v[i].doc, s->v[i].offset, s->v[i].text) < 0)
            return -1;
    return 0;
}

static int pair_merge(ag__pair *d, size_t max, const ag__pair *s)
{
    d->weight += s->weight;
    d->documents += s->documents;
    d->met += s->met;
    if (ag__date_min(&d->first_date, s->first_date.s) < 0 ||
        ag__date_max(&d->last_date, s->last_date.s) < 0 ||
        evids_merge(&d->evidence, max, &s->evidence) < 0 ||
        evids_merge(&d->met_evidence, max, &s->met_evidence) < 0)
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
    for (size_t i = 0; i < src->nactors; i++) {
        long j = ag__acc_actor(dst, src->actors[i].key);
        if (j < 0 || actor_merge(&dst->actors[j], &src->actors[i]) < 0)
            goto out;
        map[i] = (size_t)j;
    }
    for (size_t i = 0; i < src->npairs; i++) {
        const ag__pair *p = &src->pairs[i];
        long j = ag__acc_pair(dst, map[p->a], map[p->b]);
        if (j < 0 || pair_merge(&dst->pairs[j], dst->max_evidence, p) < 0)
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
 */

static json_t *counts_json(const ag__counts *c)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < c->n; i++)
        json_array_append_new(a, json_pack("[sI]", c->v[i].s, (json_int_t)c->v[i].n));
    return a;
}

static json_t *evids_json(const ag__evids *e)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < e->n; i++)
        json_array_append_new(
            a, json_pack("[sIs]", e->v[i].doc, (json_int_t)e->v[i].offset, e->v[i].text));
    return a;
}

static void set_date(json_t *o, const char *k, const char *date)
{
    if (date)
        json_object_set_new(o, k, json_string(date));
}

static int cmp_actor_ptr(const void *pa, const void *pb)
{
    const ag__actor *a = *(const ag__actor *const *)pa, *b = *(const ag__actor *const *)pb;
    return strcmp(a->key, b->key);
}

typedef struct pair_sort {
    const ag__acc *acc; /* owner of the pairs */
    size_t i;           /* pair index */
} pair_sort;

static int cmp_pair_sort(const void *pa, const void *pb)
{
    const pair_sort *x = pa, *y = pb;
    const ag__pair *p = &x->acc->pairs[x->i], *q = &y->acc->pairs[y->i];
    int c = strcmp(x->acc->actors[p->a].key, x->acc->actors[q->a].key);
    return c ? c : strcmp(x->acc->actors[p->b].key, x->acc->actors[q->b].key);
}

static int write_json_line(FILE *out, const char *prefix, json_t *o)
{
    char *s = o ? json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
    json_decref(o);
    if (!s)
        return -1;
    int rc = fprintf(out, "%s\t%s\n", prefix, s) < 0 ? -1 : 0;
    free(s);
    return rc;
}

int ag__acc_write_keyed(const ag__acc *acc, FILE *out, int doc_record, ag_error *err)
{
    const ag__actor **order = NULL;
    pair_sort *pairs = NULL;
    char *prefix = NULL;
    int rc = -1;

    order = malloc((acc->nactors + 1) * sizeof *order);
    pairs = malloc((acc->npairs + 1) * sizeof *pairs);
    if (!order || !pairs)
        goto nomem;
    for (size_t i = 0; i < acc->nactors; i++)
        order[i] = &acc->actors[i];
    qsort(order, acc->nactors, sizeof *order, cmp_actor_ptr);
    for (size_t i = 0; i < acc->nactors; i++) {
        const ag__actor *a = order[i];
        if (!a->mentions && !a->documents)
            continue; /* only named by a pair record (ag-merge --sorted) */
        json_t *o = json_pack("{sIsIs[IIIII]sosososo}", "m", (json_int_t)a->mentions, "d",
                              (json_int_t)a->documents, "t", (json_int_t)a->types[0],
                              (json_int_t)a->types[1], (json_int_t)a->types[2],
                              (json_int_t)a->types[3], (json_int_t)a->types[4], "names",
                              counts_json(&a->names), "forms", counts_json(&a->forms), "roles",
                              counts_json(&a->roles), "countries", counts_json(&a->countries));
        if (o) {
            set_date(o, "fd", a->first_date.s);
            set_date(o, "ld", a->last_date.s);
        }
        free(prefix);
        prefix = malloc(strlen(a->key) + 3);
        if (!prefix)
            goto nomem;
        sprintf(prefix, "A|%s", a->key);
        if (write_json_line(out, prefix, o) < 0)
            goto io;
    }
    if (doc_record) {
        /* The shard header: documents, evidence limit, the settings that change counts
         * and the identities of the shards in these records (an extraction's own, or the
         * ones ag-merge read), so that ag-merge can refuse mixed or repeated shards. */
        json_t *d = json_pack("{sIsI}", "documents", (json_int_t)acc->documents, "evidence",
                              (json_int_t)acc->max_evidence);
        json_t *ids = json_array();
        char hex[17];
        if (!d || !ids) {
            json_decref(d);
            json_decref(ids);
            goto nomem;
        }
        if (acc->settings)
            json_object_set_new(d, "settings", json_string(acc->settings));
        for (size_t i = 0; i < acc->nshards; i++) {
            snprintf(hex, sizeof hex, "%016llx", (unsigned long long)acc->shards[i]);
            json_array_append_new(ids, json_string(hex));
        }
        if (!acc->nshards && acc->shard) {
            snprintf(hex, sizeof hex, "%016llx", (unsigned long long)acc->shard);
            json_array_append_new(ids, json_string(hex));
        }
        if (json_array_size(ids))
            json_object_set_new(d, "shards", ids);
        else
            json_decref(ids);
        if (write_json_line(out, "D|-", d) < 0)
            goto io;
    }
    for (size_t i = 0; i < acc->npairs; i++)
        pairs[i] = (pair_sort){acc, i};
    qsort(pairs, acc->npairs, sizeof *pairs, cmp_pair_sort);
    for (size_t i = 0; i < acc->npairs; i++) {
        const ag__pair *p = &acc->pairs[pairs[i].i];
        const char *ka = acc->actors[p->a].key, *kb = acc->actors[p->b].key;
        json_t *o = json_pack("{sIsIsIsoso}", "w", (json_int_t)p->weight, "d",
                              (json_int_t)p->documents, "met", (json_int_t)p->met, "ev",
                              evids_json(&p->evidence), "mev", evids_json(&p->met_evidence));
        if (o) {
            set_date(o, "fd", p->first_date.s);
            set_date(o, "ld", p->last_date.s);
        }
        free(prefix);
        prefix = malloc(strlen(ka) + strlen(kb) + 4);
        if (!prefix)
            goto nomem;
        sprintf(prefix, "L|%s|%s", ka, kb);
        if (write_json_line(out, prefix, o) < 0)
            goto io;
    }
    rc = 0;
    goto out;
nomem:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory writing records");
    goto out;
io:
    ag_error_set(err, AG_EIO, NULL, 0, 0, "cannot write records");
out:
    free(prefix);
    free(order);
    free(pairs);
    return rc;
}

static int counts_from_json(ag__counts *c, const json_t *a)
{
    size_t i;
    const json_t *e;
    if (!a)
        return 0;
    if (!json_is_array(a))
        return 1;
    json_array_foreach(a, i, e)
    {
        const char *s;
        json_int_t n;
        if (json_unpack((json_t *)e, "[sI]", &s, &n) != 0)
            return 1;
        if (ag__counts_add(c, s, n) < 0)
            return -1;
    }
    return 0;
}

static int evids_from_json(ag__evids *ev, size_t max, const json_t *a)
{
    size_t i;
    const json_t *e;
    if (!a)
        return 0;
    if (!json_is_array(a))
        return 1;
    json_array_foreach(a, i, e)
    {
        const char *doc, *text;
        json_int_t off;
        if (json_unpack((json_t *)e, "[sIs]", &doc, &off, &text) != 0 || off < 0)
            return 1;
        if (ag__evids_offer(ev, max, doc, (size_t)off, text) < 0)
            return -1;
    }
    return 0;
}

/* Split off the next part of the key in line[*pos, len), ended by sep, into a
 * NUL-terminated copy. */
static char *next_field(const char *line, size_t len, size_t *pos, char sep)
{
    const char *end = memchr(line + *pos, sep, len - *pos);
    if (!end)
        return NULL;
    size_t n = (size_t)(end - (line + *pos));
    char *s = strndup(line + *pos, n);
    *pos += n + 1;
    return s;
}

/* The shard header of a D record: its settings must be those of the shards read before
 * (records made with another --scope or other dictionaries count other things), and no
 * shard may come twice (its counts would double). Records without settings (written by
 * hand) are taken as they are. -1 with err set. */
static int shard_header(ag__acc *acc, const json_t *o, const char *name, long lineno, ag_error *err)
{
    const char *set = json_string_value(json_object_get(o, "settings"));
    const json_t *ids = json_object_get(o, "shards"), *v;
    size_t i;
    if (set) {
        if (!acc->settings) {
            if (!(acc->settings = strdup(set)))
                return ag__nomem(err);
        } else if (strcmp(acc->settings, set) != 0) {
            return ag_error_set(err, AG_EINVAL, name, lineno, 0,
                                "shard made with other settings (%s) than the shards before "
                                "it (%s): their counts do not add up",
                                set, acc->settings);
        }
    }
    json_array_foreach(ids, i, v)
    {
        const char *hex = json_string_value(v);
        char *end;
        uint64_t id = hex ? (uint64_t)strtoull(hex, &end, 16) : 0;
        if (!hex || *end)
            return ag_error_set(err, AG_EPARSE, name, lineno, 0, "bad shard id in the header");
        for (size_t k = 0; k < acc->nshards; k++)
            if (acc->shards[k] == id)
                return ag_error_set(err, AG_EINVAL, name, lineno, 0,
                                    "shard %s given twice: its counts would double", hex);
        if (ag__grow(&acc->shards, &acc->capshards, acc->nshards + 1, sizeof *acc->shards) < 0)
            return ag__nomem(err);
        acc->shards[acc->nshards++] = id;
    }
    return 0;
}

int ag__acc_read_keyed_line(ag__acc *acc, const char *line, size_t len, const char *name,
                            long lineno, ag_error *err)
{
    char *k1 = NULL, *k2 = NULL;
    json_t *o = NULL;
    json_error_t jerr;
    size_t pos = 2;
    int bad = 1, rc = -1;

    if (len < 4 || line[1] != '|' || (line[0] != 'A' && line[0] != 'D' && line[0] != 'L'))
        goto out;
    if (line[0] == 'L' && !(k1 = next_field(line, len, &pos, '|')))
        goto out;
    if (!(line[0] == 'L' ? (k2 = next_field(line, len, &pos, '\t'))
                         : (k1 = next_field(line, len, &pos, '\t'))))
        goto out;
    o = json_loadb(line + pos, len - pos, JSON_REJECT_DUPLICATES, &jerr);
    if (!json_is_object(o))
        goto out;
    if (line[0] == 'D') {
        if (shard_header(acc, o, name, lineno, err) < 0) {
            bad = 0;
            goto out;
        }
        acc->documents += json_integer_value(json_object_get(o, "documents"));
        /* The shards' evidence limit, unless pairs were already read with another. */
        json_int_t ev = json_integer_value(json_object_get(o, "evidence"));
        if (acc->npairs == 0 && ev > 0 && ev <= AG__MAX_EVIDENCE && !acc->fixed_evidence)
            acc->max_evidence = (size_t)ev;
        bad = 0;
    } else if (line[0] == 'A') {
        long i = *k1 ? ag__acc_actor(acc, k1) : -1;
        if (i < 0)
            goto out;
        ag__actor *a = &acc->actors[i];
        const json_t *t = json_object_get(o, "t");
        if (!json_is_array(t) || json_array_size(t) != 5)
            goto out;
        a->mentions += json_integer_value(json_object_get(o, "m"));
        a->documents += json_integer_value(json_object_get(o, "d"));
        for (size_t j = 0; j < 5; j++)
            a->types[j] += json_integer_value(json_array_get(t, j));
        int r = counts_from_json(&a->names, json_object_get(o, "names"));
        if (!r)
            r = counts_from_json(&a->forms, json_object_get(o, "forms"));
        if (!r)
            r = counts_from_json(&a->roles, json_object_get(o, "roles"));
        if (!r)
            r = counts_from_json(&a->countries, json_object_get(o, "countries"));
        if (!r && (ag__date_min(&a->first_date, json_string_value(json_object_get(o, "fd"))) < 0 ||
                   ag__date_max(&a->last_date, json_string_value(json_object_get(o, "ld"))) < 0))
            r = -1;
        if (r < 0)
            goto nomem;
        bad = r;
    } else {
        long ia = *k1 ? ag__acc_actor(acc, k1) : -1;
        long ib = *k2 ? ag__acc_actor(acc, k2) : -1;
        if (ia < 0 || ib < 0 || ia == ib)
            goto out;
        long j = ag__acc_pair(acc, (size_t)ia, (size_t)ib);
        if (j < 0)
            goto nomem;
        ag__pair *p = &acc->pairs[j];
        p->weight += json_integer_value(json_object_get(o, "w"));
        p->documents += json_integer_value(json_object_get(o, "d"));
        p->met += json_integer_value(json_object_get(o, "met"));
        int r = evids_from_json(&p->evidence, acc->max_evidence, json_object_get(o, "ev"));
        if (!r)
            r = evids_from_json(&p->met_evidence, acc->max_evidence, json_object_get(o, "mev"));
        if (!r && (ag__date_min(&p->first_date, json_string_value(json_object_get(o, "fd"))) < 0 ||
                   ag__date_max(&p->last_date, json_string_value(json_object_get(o, "ld"))) < 0))
            r = -1;
        if (r < 0)
            goto nomem;
        bad = r;
    }
    rc = bad ? -1 : 0;
    goto out;
nomem:
    bad = 0;
    ag_error_set(err, AG_ENOMEM, name, lineno, 0, "out of memory reading records");
out:
    if (bad)
        ag_error_set(err, AG_EPARSE, name, lineno, 0, "not an ag-extract --emit-keyed record");
    json_decref(o);
    free(k1);
    free(k2);
    return rc;
}
