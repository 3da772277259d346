/*
 * extract_internal.h - what the extract_*.c files and merge.c share: hash maps, the
 * record accumulator, the document reader and the per-document analyser.
 *
 * Ownership: the strings of an accumulator's records live in it and are borrowed by the
 * records: keys and names in its pool (ag__acc_intern), evidence texts, document ids and
 * the pairs' dates in its kept strings (ag__acc_keep), which the graph adopts; its evidence
 * records and their blocks (ag__evlist) are its own, and a pair only names them; the
 * other structures own the strings they hold. The free and destroy functions release
 * everything and accept zeroed structures. Nothing here is thread-safe by
 * itself; the driver gives each worker its own accumulator and combines them at the end.
 */
#ifndef AG_EXTRACT_INTERNAL_H
#define AG_EXTRACT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <actorgraph/util/error.h>
#include <actorgraph/extract/extract.h>
#include <actorgraph/graph/graph.h>
#include <actorgraph/nlp/lexicon.h>
#include <actorgraph/nlp/ner.h>

#include "util/arena_internal.h"
#include "util/array_internal.h"
#include "util/buf_internal.h"
#include "util/bytes_internal.h"
#include "util/hashmap_internal.h"

/* ---------------------------------------------------------------- hash maps */

/* Map from a NUL-terminated string (borrowed: the caller keeps it alive, normally inside
 * the record it indexes) to a 32-bit index. The slot keeps the low 32 bits of the key's
 * hash, so a probe reads the key's bytes only when the hashes agree: 16 bytes a slot
 * (a 64-bit hash and a size_t made 24; the resolver's maps are built while the records
 * are largest). */
typedef struct ag__strslot {
    const char *key; /* borrowed; NULL for an empty slot */
    uint32_t hash;   /* low 32 bits of ag__hash_bytes of key */
    uint32_t val;
} ag__strslot;

#define AG__STRSLOT_EMPTY(t, s) ((s)->key == NULL)
#define AG__STRSLOT_MATCH(ctx, s, k, h) ((s)->hash == (uint32_t)(h) && strcmp((s)->key, (k)) == 0)
#define AG__STRSLOT_REHASH(ctx, s) ((uint64_t)(s)->hash)
AG__HASHMAP(ag__strmap, ag__strslot, const char *, const void *, AG__STRSLOT_EMPTY,
            AG__STRSLOT_MATCH, AG__STRSLOT_REHASH)

/* Index stored for key, or (size_t)-1. */
static inline size_t ag__strmap_get(const ag__strmap *m, const char *key)
{
    const ag__strslot *s =
        ag__strmap_find(m, NULL, key, (uint32_t)ag__hash_bytes(key, strlen(key)));
    return s ? s->val : (size_t)-1;
}

/* Insert key -> val (key must be absent, val < 2^32); -1 on allocation failure. */
static inline int ag__strmap_put(ag__strmap *m, const char *key, size_t val)
{
    if (val > UINT32_MAX || ag__strmap_reserve(m, NULL, m->n + 1, 64) < 0)
        return -1;
    uint32_t h = (uint32_t)ag__hash_bytes(key, strlen(key));
    *ag__strmap_probe(m, NULL, key, h) = (ag__strslot){key, h, (uint32_t)val};
    m->n++;
    return 0;
}

/* Map from a non-zero 64-bit key to an index. */
typedef struct ag__u64slot {
    uint64_t key; /* 0 for an empty slot */
    size_t val;
} ag__u64slot;

#define AG__U64SLOT_EMPTY(t, s) ((s)->key == 0)
#define AG__U64SLOT_MATCH(ctx, s, k, h) ((s)->key == (k))
#define AG__U64SLOT_REHASH(ctx, s) ag__hash_u64((s)->key)
AG__HASHMAP(ag__u64map, ag__u64slot, uint64_t, const void *, AG__U64SLOT_EMPTY, AG__U64SLOT_MATCH,
            AG__U64SLOT_REHASH)

static inline size_t ag__u64map_get(const ag__u64map *m, uint64_t key)
{
    const ag__u64slot *s = ag__u64map_find(m, NULL, key, ag__hash_u64(key));
    return s ? s->val : (size_t)-1;
}

static inline int ag__u64map_put(ag__u64map *m, uint64_t key, size_t val)
{
    if (ag__u64map_reserve(m, NULL, m->n + 1, 64) < 0)
        return -1;
    *ag__u64map_probe(m, NULL, key, ag__hash_u64(key)) = (ag__u64slot){key, val};
    m->n++;
    return 0;
}

/* ---------------------------------------------------------------- records */

#define AG__MAX_EVIDENCE 10 /* most evidence records per link and kind (--evidence) */

/* A string with a count: surface forms, names, roles and countries of an actor. */
typedef struct ag__count {
    const char *s; /* borrowed from a string pool, valid UTF-8 */
    long long n;   /* occurrences */
    uint32_t top;  /* s's first two bytes (s[0] << 8 | s[1]): most lookups are decided
                      without touching the string (a likely cache miss) */
} ag__count;

/* A small multiset of strings (linear search: an actor has few distinct forms). */
typedef struct ag__counts {
    ag__count *v; /* entries in insertion order */
    uint32_t n;   /* used */
    uint32_t cap; /* allocated: 16 bytes where two sizes made 24, four lists an actor */
} ag__counts;

/* Add n occurrences of s, which is borrowed: it must outlive c (a string of the pool of
 * the accumulator c belongs to, or of one that outlives it). -1 on ENOMEM. */
int ag__counts_add(ag__counts *c, const char *s, long long n);
void ag__counts_free(ag__counts *c);

/* An optional date (any string; ISO 8601 sorts right). Set only through ag__date_min/max. */
typedef struct ag__date {
    const char *s; /* borrowed from a string pool, NULL when none */
} ag__date;

/* One distinct piece of evidence of an accumulator: the sentence (or scope unit) where
 * pairs were seen. Pairs hold evidence by record number (ag__evlist): one sentence backs
 * every pair of the actors it names, and a number costs 4 bytes where a copy cost 24. */
typedef struct ag__evrec {
    const char *doc;  /* document id, in the accumulator's pool */
    const char *text; /* the unit's text, white space collapsed, truncated; in the pool */
    uint64_t offset;  /* byte offset of the unit in the document */
} ag__evrec;

/* A pair's selection of up to max_evidence pieces of evidence, the smallest by (doc,
 * offset, text), kept sorted: 0 when empty; AG__EVLIST_ONE | r for the one record r (most
 * pairs are seen once); else the number of a block of the accumulator's evidence slab, of
 * max_evidence + 1 numbers: how many records it holds, then their numbers. A block per
 * pair instead of a malloc'ed array saves the array's header and rounding, and the
 * pointer and sizes in the pair. */
typedef uint32_t ag__evlist;
#define AG__EVLIST_ONE 0x80000000u /* record and block numbers stay below it */

/* Everything known about one actor key. */
typedef struct ag__actor {
    const char *key;      /* ag_extract_name_key of the name; in the pool */
    long long mentions;   /* mentions, datelines included */
    long long documents;  /* documents that mention it */
    long long types[5];   /* mentions per ag_actor_type */
    ag__counts names;     /* canonical names as the recogniser resolved them */
    ag__counts forms;     /* surface forms as written */
    ag__counts roles;     /* titles stripped from before the name */
    ag__counts countries; /* country of a place / organisation */
    ag__date first_date;  /* earliest document date */
    ag__date last_date;   /* latest document date */
} ag__actor;

/* Everything known about one pair of actor keys (a < b by key bytes): 40 bytes, with
 * the strings in the pool, the dates in the accumulator's table and the evidence in the
 * slab. Its counts are read through
 * ag__pair_weight, _documents and _met and added with ag__pair_add: 32 bits hold every
 * count a corpus gives, and a pair whose counts they do not hold (records written by
 * hand can carry any up to 2^53, and sums saturate) keeps them in the accumulator's
 * wide table. */
typedef struct ag__pair {
    uint32_t a, b;           /* actor indices in the accumulator (< 2^32: ag__acc_pair) */
    uint32_t weight;         /* co-mentions (scope units) */
    uint32_t documents;      /* documents with at least one co-mention */
    uint32_t met;            /* sentences saying they met (0: never) */
    uint32_t wide;           /* 0, or 1 + the index of the three counts in acc->wide */
    uint32_t first_date;     /* earliest document date: ag__acc_date_id; 0: none */
    uint32_t last_date;      /* latest */
    ag__evlist evidence;     /* co-mention evidence */
    ag__evlist met_evidence; /* meeting evidence */
} ag__pair;

/* A slot of a map from a string to the number of the record that holds it: the number
 * plus one (0: empty) beside the low 32 bits of the string's hash, so that a probe reads
 * a string only when the hashes agree: 8 bytes a slot where a string pointer, a hash and
 * a number took 24. The map's MATCH finds the string in the record. */
typedef struct ag__numslot {
    uint32_t i; /* record number + 1; 0 for an empty slot */
    uint32_t h; /* low 32 bits of ag__hash_bytes of the record's string */
} ag__numslot;

#define AG__NUMSLOT_EMPTY(t, s) ((s)->i == 0)
#define AG__NUMSLOT_REHASH(ctx, s) ((uint64_t)(s)->h)

/* The functions of such a map, and name##_slot(t, ctx, k): the slot for string k, room
 * made for one more entry: the full slot holding k, or the empty one where it goes, its
 * hash already in (a new entry: s->i = its number + 1, then t->n++); NULL when out of
 * memory. */
#define AG__NUMMAP_FUNCTIONS(name, ctx_t, MATCH)                                                   \
    AG__HASHMAP_FUNCTIONS(name, ag__numslot, const char *, ctx_t, AG__NUMSLOT_EMPTY, MATCH,        \
                          AG__NUMSLOT_REHASH)                                                      \
    static inline ag__numslot *name##_slot(name *t, ctx_t ctx, const char *k)                      \
    {                                                                                              \
        uint32_t h = (uint32_t)ag__hash_bytes(k, strlen(k));                                       \
        if (t->n >= UINT32_MAX - 1 || name##_reserve(t, ctx, t->n + 1, 64) < 0)                    \
            return NULL;                                                                           \
        ag__numslot *s = name##_probe(t, ctx, k, h);                                               \
        if (!s->i)                                                                                 \
            s->h = h;                                                                              \
        return s;                                                                                  \
    }

/* The accumulator's actor index: the actor records by key. */
AG__HASHMAP_TYPE(ag__actormap, ag__numslot)

/* The accumulator's pair index: a slot holds an index into pairs plus one (0: empty); the
 * key, (min << 32 | max) + 1 of the two actor indices, is computed from that record, so a
 * slot costs 4 bytes instead of a key and a value's 16. */
AG__HASHMAP_TYPE(ag__pairmap, uint32_t)

/* The accumulator's evidence record index: a slot holds a record number plus one (0:
 * empty); the key is the record itself (ag__evkey), whose hash is that of its document
 * (a pool string: its address, one copy per document read, or per id in ag-merge) and
 * offset: a unit's text follows from them but for the rare unit of two kinds, and
 * hashing the text was the index's whole cost. */
AG__HASHMAP_TYPE(ag__evmap, uint32_t)

/* The accumulator's string pool index: a pool string by its bytes. 16-byte slots, the
 * hash cut to 32 bits (tables stay far below 2^32 slots). */
typedef struct ag__poolslot {
    const char *s; /* NUL-terminated, in the pool; NULL for an empty slot */
    uint32_t n;    /* bytes of s */
    uint32_t h;    /* low 32 bits of ag__hash_bytes(s, n) */
} ag__poolslot;

#define AG__POOLSLOT_EMPTY(t, slot) ((slot)->s == NULL)
#define AG__POOLSLOT_MATCH(ctx, slot, k, hh)                                                       \
    ((slot)->h == (hh) && (slot)->n == (k).n && ag__bytes_eq((slot)->s, (k).p, (k).n))
#define AG__POOLSLOT_REHASH(ctx, slot) ((uint64_t)(slot)->h)
AG__HASHMAP(ag__poolmap, ag__poolslot, ag__span, const void *, AG__POOLSLOT_EMPTY,
            AG__POOLSLOT_MATCH, AG__POOLSLOT_REHASH)

typedef struct ag__acc {
    ag__actor *actors; /* records, in insertion order */
    size_t nactors, capactors;
    ag__actormap actor_index; /* the actors by key */
    ag__pair *pairs;          /* pair records, in insertion order */
    size_t npairs, cappairs;
    ag__pairmap pair_index; /* the pairs by their actors */
    const char **dates;     /* the pair records' dates (pool strings), by number - 1: a
                             * corpus has a few thousand, its pairs hold 4 bytes, not 8 */
    size_t ndates, capdates;
    uint64_t (*date_keys)[2]; /* per date number - 1: its first 16 bytes, big-endian and
                               * NUL-padded, so that ordering two dates mostly needs no
                               * strcmp of strings far apart in the pool */
    size_t capdate_keys;
    ag__u64map date_ids;             /* a date's pool address -> its number */
    struct ag__date_memo *date_memo; /* keyed lines: dates read lately, by their bytes
                                      * (NULL until the first) */
    struct ag__key_memo *key_memo;   /* keyed lines: actor keys read lately, by their
                                      * bytes (NULL until pairs enough are read) */
    long long (*wide)[3];            /* counts of pairs that 32 bits do not hold: weight, documents,
                                      * met */
    size_t nwide, capwide;
    ag__evrec *evrecs; /* distinct evidence records, in insertion order */
    size_t nevrecs, capevrecs;
    ag__evmap evrec_index; /* the records by content (gone once sealed) */
    int evindex_doc;       /* 1: it holds only the records of document evdoc, because
                            * pieces of evidence come document by document (extraction:
                            * each document's pairs, its id a copy of its own): a
                            * document's units back many of its pairs, never another's */
    const char *evdoc;
    uint32_t *evslab;          /* evidence blocks (ag__evlist), evstride numbers each */
    size_t nevslab, capevslab; /* numbers used / allocated */
    size_t evstride;           /* 1 + max_evidence, fixed by the first block */
    ag__evlist evfree;         /* a freed block to reuse (its first number: the next) */
    size_t max_evidence;       /* evidence kept per pair and kind */
    int fixed_evidence;        /* 1: max_evidence was chosen by the user, keep it */
    long long documents;       /* documents seen */
    /* Keyed records carry what makes shards combinable (issue: shards made with other
     * settings, or one shard given twice, merged in silence): */
    uint64_t shard;   /* extraction: sum of the documents' hashes, the shard's id */
    int keyed;        /* extraction for keyed records: compute shard */
    char *settings;   /* the settings that change counts ("scope=sentence ..."),
                       * owned; NULL when unknown (hand-written records) */
    uint64_t *shards; /* ids of the shards read (ag-merge) */
    size_t nshards, capshards;
    /* The strings of the records: names, dates and document ids each stored once (one
     * date and one document id back thousands of records); evidence texts once per
     * distinct record, outside the pool's index (evrec_index finds them). */
    ag__arena pool;
    ag__poolmap pooled; /* pool strings by content */
    /* The strings the links show: their evidence and dates. Apart from the names, so
     * that the names go once the nodes are made, before the links. */
    ag__arena kept;
    ag__poolmap kept_index; /* kept strings by content (evidence texts are not in it) */
    ag__buf scratch;        /* keyed lines: a line being written, a string being decoded */
    int other_pairs;        /* ag-merge's threads: pair lines before this point went to
                             * another thread's accumulator (the evidence limit is the
                             * last header's before any pair line) */
    size_t last_first;      /* keyed lines: 1 + the actor of the last pair line's first key
                             * (0: none); a shard's pair lines come sorted, so it mostly
                             * repeats and its lookup is saved */
    int pairs_unordered;    /* keyed lines: a pair line named the greater key first (no
                             * ag-extract writes one), so that ag-merge's threads, which
                             * take a pair line by its first key, may share a pair */
} ag__acc;

/* The pair index's key of pair record p. */
static inline uint64_t ag__pair_key(const ag__pair *p)
{
    return p->a < p->b ? ((uint64_t)p->a << 32 | p->b) + 1 : ((uint64_t)p->b << 32 | p->a) + 1;
}

#define AG__PAIRSLOT_EMPTY(t, s) (*(s) == 0)
#define AG__PAIRSLOT_MATCH(acc, s, k, h) (ag__pair_key(&(acc)->pairs[*(s)-1]) == (k))
#define AG__PAIRSLOT_REHASH(acc, s) ag__hash_u64(ag__pair_key(&(acc)->pairs[*(s)-1]))
AG__HASHMAP_FUNCTIONS(ag__pairmap, uint32_t, uint64_t, const ag__acc *, AG__PAIRSLOT_EMPTY,
                      AG__PAIRSLOT_MATCH, AG__PAIRSLOT_REHASH)

#define AG__ACTORSLOT_MATCH(acc, s, k, hh)                                                         \
    ((s)->h == (uint32_t)(hh) && strcmp((acc)->actors[(s)->i - 1].key, (k)) == 0)
AG__NUMMAP_FUNCTIONS(ag__actormap, const ag__acc *, AG__ACTORSLOT_MATCH)

/* The same index looked up by bytes that are not NUL-terminated (a field of a keyed
 * line), which must hold no NUL byte: the key it is compared with ends at its first. */
typedef ag__actormap ag__actorspans;
#define AG__ACTORSPAN_MATCH(acc, s, k, hh)                                                         \
    ((s)->h == (uint32_t)(hh) && strncmp((acc)->actors[(s)->i - 1].key, (k).p, (k).n) == 0 &&      \
     (acc)->actors[(s)->i - 1].key[(k).n] == '\0')
AG__HASHMAP_FUNCTIONS(ag__actorspans, ag__numslot, ag__span, const ag__acc *, AG__NUMSLOT_EMPTY,
                      AG__ACTORSPAN_MATCH, AG__NUMSLOT_REHASH)

/* The index of the actor record with this key, or (size_t)-1. */
static inline size_t ag__acc_find_actor(const ag__acc *acc, const char *key)
{
    const ag__numslot *s =
        ag__actormap_find(&acc->actor_index, acc, key, (uint32_t)ag__hash_bytes(key, strlen(key)));
    return s ? (size_t)s->i - 1 : (size_t)-1;
}

/* An evidence record looked up by content; text[0, n) need not be NUL-terminated. */
typedef struct ag__evkey {
    const char *doc; /* in the pool */
    uint64_t offset;
    const char *text;
    size_t n;
} ag__evkey;

static inline uint64_t ag__evrec_hash(const char *doc, uint64_t offset)
{
    return ag__hash_u64((uint64_t)(uintptr_t)doc ^ offset * 0x9E3779B97F4A7C15ull);
}

static inline int ag__evrec_is(const ag__evrec *r, const ag__evkey *k)
{
    return r->doc == k->doc && r->offset == k->offset && strncmp(r->text, k->text, k->n) == 0 &&
           r->text[k->n] == '\0';
}

#define AG__EVSLOT_EMPTY(t, s) (*(s) == 0)
#define AG__EVSLOT_MATCH(acc, s, k, h) ag__evrec_is(&(acc)->evrecs[*(s)-1], (k))
#define AG__EVSLOT_REHASH(acc, s)                                                                  \
    ag__evrec_hash((acc)->evrecs[*(s)-1].doc, (acc)->evrecs[*(s)-1].offset)
AG__HASHMAP_FUNCTIONS(ag__evmap, uint32_t, const ag__evkey *, const ag__acc *, AG__EVSLOT_EMPTY,
                      AG__EVSLOT_MATCH, AG__EVSLOT_REHASH)

static inline long long ag__pair_weight(const ag__acc *acc, const ag__pair *p)
{
    return p->wide ? acc->wide[p->wide - 1][0] : p->weight;
}

static inline long long ag__pair_documents(const ag__acc *acc, const ag__pair *p)
{
    return p->wide ? acc->wide[p->wide - 1][1] : p->documents;
}

static inline long long ag__pair_met(const ag__acc *acc, const ag__pair *p)
{
    return p->wide ? acc->wide[p->wide - 1][2] : p->met;
}

/* The number of pool string date in acc's table of pair dates, added when new; 0 for
 * NULL or "" (no date); -1 on ENOMEM. */
long ag__acc_date_id(ag__acc *acc, const char *date);
/* The date of number id (NULL for 0). */
static inline const char *ag__acc_date(const ag__acc *acc, uint32_t id)
{
    return id ? acc->dates[id - 1] : NULL;
}
/* The earlier of p's first date and date number first into it, the later of its last
 * date and last into that. */
void ag__pair_dates(const ag__acc *acc, ag__pair *p, uint32_t first, uint32_t last);

/* Add to p's counts (sums saturate at the ends of long long). -1 on ENOMEM. */
int ag__pair_add(ag__acc *acc, ag__pair *p, long long weight, long long documents, long long met);

void ag__acc_init(ag__acc *acc, size_t max_evidence);
void ag__acc_destroy(ag__acc *acc);
/* Free a's four lists (names, forms, roles, countries), each left empty. */
void ag__actor_free_lists(ag__actor *a);
/* Free the actor records and their index (acc->nactors becomes 0); their strings stay in
 * the pool. */
void ag__acc_free_actors(ag__acc *acc);

/* The copy of s[0, n) in acc's pool (the same pointer for the same bytes, until
 * ag__acc_destroy), or NULL on ENOMEM. */
const char *ag__acc_intern(ag__acc *acc, const char *s, size_t n);
/* The same among acc's kept strings (ag__acc above): for document ids and dates. */
const char *ag__acc_keep(ag__acc *acc, const char *s, size_t n);
/* Forget which strings the pool holds (they stay valid): once no more records are
 * read, the index is only memory. */
void ag__acc_seal(ag__acc *acc);
/* ag__counts_add of a string that need not outlive the call (copied into acc's pool
 * when c does not hold it yet). */
int ag__acc_count(ag__acc *acc, ag__counts *c, const char *s, long long n);

/* Index of the actor record with this key, created empty when absent; -1 on ENOMEM. */
long ag__acc_actor(ag__acc *acc, const char *key);
/* Index of the pair record for actors a != b (any order), created when absent. */
long ag__acc_pair(ag__acc *acc, size_t a, size_t b);
/* The lower / higher of *slot and an optional date (NULL or "": none) into *slot. The
 * date is borrowed like ag__counts_add's strings: a record mostly keeps its date, and
 * one pool holds one copy of it, so most calls end at a pointer compare. 0 (it cannot
 * fail; int for the callers' chains of calls that can). */
int ag__date_min(ag__date *slot, const char *date);
int ag__date_max(ag__date *slot, const char *date);
/* Both at once for one date: the earliest into *first, the latest into *last. Documents
 * mostly come in date order, so one compare against *last mostly decides. */
void ag__date_span(ag__date *first, ag__date *last, const char *date);
/* Offer one piece of evidence to acc's selection *e: doc must be one of acc's kept
 * strings; text[0, n) is stored (as a record of acc) only when it enters the selection.
 * -1 on ENOMEM. */
int ag__acc_offer(ag__acc *acc, ag__evlist *e, const char *doc, uint64_t offset, const char *text,
                  size_t n);
/* The same for record rec of acc (resolution folding the selections of two pairs). */
int ag__acc_offer_rec(ag__acc *acc, ag__evlist *e, uint32_t rec);
/* Offer every record of acc's selection from to its selection *to. -1 on ENOMEM. */
int ag__acc_fold_evidence(ag__acc *acc, ag__evlist *to, ag__evlist from);
/* 1 when acc's selection e is full and nothing from document doc (best a pool string:
 * compared by pointer first) at offset or later could enter it. */
int ag__acc_evidence_closed(const ag__acc *acc, ag__evlist e, const char *doc, uint64_t offset);
/* Empty the selection *e, its block kept for another (the slab never shrinks). */
void ag__acc_evidence_free(ag__acc *acc, ag__evlist *e);
/* Free the evidence records alone, once no selection is read or changed any more (the
 * graph holds what they said); the blocks stay. */
void ag__acc_drop_evrecs(ag__acc *acc);
/* Free the evidence records and blocks at once (every selection becomes invalid); their
 * strings stay in the pool. */
void ag__acc_free_evidence(ag__acc *acc);

/* The number of records in selection e, and the number of its record i. */
static inline size_t ag__evlist_n(const ag__acc *acc, ag__evlist e)
{
    return !e ? 0 : e & AG__EVLIST_ONE ? 1 : acc->evslab[(size_t)(e - 1) * acc->evstride];
}

static inline uint32_t ag__evlist_id(const ag__acc *acc, ag__evlist e, size_t i)
{
    return e & AG__EVLIST_ONE ? e & ~AG__EVLIST_ONE
                              : acc->evslab[(size_t)(e - 1) * acc->evstride + 1 + i];
}

/* Add every record of src into dst (sums, min/max, evidence selection). */
int ag__acc_combine(ag__acc *dst, const ag__acc *src, ag_error *err);
/* The same for records of keys dst mostly lacks (ag-merge's threads, each of which read
 * its own keys): src's strings, evidence records and selections, and the records of
 * actors and pairs dst lacks are moved instead of added one by one. With
 * disjoint_pairs the caller knows that no pair is in both (its threads took pairs by
 * their first actor, and every pair line named the lesser key first): src's pairs are
 * appended, not looked up. src is left empty (destroy it); documents and shard ids are
 * not touched. */
int ag__acc_absorb(ag__acc *dst, ag__acc *src, int disjoint_pairs, ag_error *err);

/* Write the records of acc as key-prefixed lines, sorted (format: actorgraph/extract/merge.h);
 * doc_record: also the D line. Actor records with no mention (created only as the
 * endpoints of pair records) are left out. */
int ag__acc_write_keyed(const ag__acc *acc, FILE *out, int doc_record, ag_error *err);
/* Read one key-prefixed line (without its newline) into acc. name/line for errors.
 * A D line sets acc->max_evidence from the shards unless fixed_evidence. */
int ag__acc_read_keyed_line(ag__acc *acc, const char *line, size_t len, const char *name,
                            long lineno, ag_error *err);

/* ---------------------------------------------------------------- resolution */

typedef struct ag__resolve_opts {
    int variants; /* merge spelling variants, dropped middle names, surnames */
    int met_only; /* keep only met links */
    int threads;  /* > 1: the evidence records go into the graph on a thread of their own */
    void (*step)(void *ctx, const char *name); /* NULL, or told as steps end ("resolve",
                                                * "links"), on the calling thread */
    void *step_ctx;
} ag__resolve_opts;

/* Resolve the records of acc across documents and build the sorted graph. The actor and
 * pair records are consumed (freed once used: acc->nactors and acc->npairs become 0) to
 * bound peak memory, the pool goes with the actors, and the graph takes over acc's kept
 * strings (the evidence strings and the pairs' dates must be kept ones, as
 * ag__acc_offer and the keyed reader make them); destroy acc afterwards. */
ag_graph *ag__acc_to_graph(ag__acc *acc, const ag__resolve_opts *opts, ag_error *err);

/* ---------------------------------------------------------------- documents */

/* One document as read. Strings are owned by the reader and valid until the next read. */
typedef struct ag__doc {
    char *id;               /* document id */
    char *text;             /* the text (NUL-terminated copy) */
    size_t len;             /* bytes of text */
    char *date;             /* date or NULL */
    unsigned long long seq; /* 0-based position in input order */
    int raw;                /* 1: text is a JSON Lines record not parsed yet (ag__doc_parse) */
    const char *src;        /* file the record came from (NULL: stdin); borrowed from the reader */
    long lineno;            /* its line number */
    size_t inbytes;         /* bytes of input this document was read from (progress) */
} ag__doc;

typedef struct ag__reader ag__reader;

/* Collect the input files (directories walked in byte order). NULL on error. */
ag__reader *ag__reader_open(const char *const *inputs, size_t ninputs, const ag_extract_opts *opts,
                            ag_error *err);
/* Documents skipped because the same one (same id and text) was read before. */
unsigned long long ag__reader_repeats(const ag__reader *r);
/* Total bytes of the regular input files (0 when unknown, e.g. stdin). */
unsigned long long ag__reader_total(const ag__reader *r);
/* Next document: 1 and *doc filled (the reader's strings are moved to the caller, who
 * frees them with ag__doc_free), 0 at the end, -1 on error. */
int ag__reader_next(ag__reader *r, ag__doc *doc, ag_error *err);
/* Parse a raw JSON Lines document in place: 1 done (or nothing to do), 0 a malformed
 * record (err says FILE:LINE why), -1 out of memory. */
int ag__doc_parse(ag__doc *doc, const ag_extract_opts *opts, ag_error *err);
void ag__reader_close(ag__reader *r);

/* The article text of an HTML page (extract_html.c): the title as the first paragraph,
 * then the body without scripts, styles, navigation, headers, footers, asides and forms,
 * one paragraph per block element, entities decoded. A malloc'ed NUL-terminated string
 * of *outlen bytes, or NULL with *err set (name, or "<stdin>" when NULL, in messages). */
char *ag__html_text(const char *buf, size_t len, const char *name, size_t *outlen, ag_error *err);
/* Does buf open like an HTML page ('<' first, then a doctype, <html>, <body>, ...)? */
int ag__looks_html(const char *buf, size_t len);
void ag__doc_free(ag__doc *doc);

/* ---------------------------------------------------------------- analysis */

/* Per-thread scratch for analysing documents. */
typedef struct ag__analyser ag__analyser;

ag__analyser *ag__analyser_new(const ag_lexicon *lex, const ag_extract_opts *opts, ag_error *err);
void ag__analyser_free(ag__analyser *an);
/*
 * Analyse one document into acc; when mbuf is not NULL, the document's mention lines are
 * appended to it (a growing buffer: *mbuf, *mlen, *mcap). Returns the number of mentions
 * or -1. The analyser remembers which record of acc each name it has seen belongs to, so
 * every call on one analyser must pass the same accumulator.
 */
long ag__analyse(ag__analyser *an, const ag__doc *doc, ag__acc *acc, char **mbuf, size_t *mlen,
                 size_t *mcap, ag_error *err);

/* Append s[0, len) to a growing buffer as a JSON string body (quotes not included),
 * replacing invalid UTF-8 with U+FFFD. -1 on ENOMEM. */
int ag__ebuf_json_string(char **buf, size_t *len, size_t *cap, const char *s, size_t n);
int ag__ebuf_add(char **buf, size_t *len, size_t *cap, const char *s, size_t n);
/* A malloc'ed copy of s[0, n) with invalid UTF-8 replaced by U+FFFD. */
char *ag__utf8_clean(const char *s, size_t n);

#endif
