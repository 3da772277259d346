/*
 * hashmap_internal.h - the library's one hash table, specialised per use by a macro.
 *
 * Open addressing with linear probing over a power-of-two array of slots, kept at most
 * half full (three quarters with _reserve_dense), with no deletion (tables are emptied whole or
 * rebuilt). The slot type is the user's: AG__HASHMAP generates the table type and inline functions
 * for it, as libgit2's hashmap.h does, so that each table keeps the slot layout its hot loop wants
 * (an index into an array the graph owns, a key pointer with its length and a cached hash, a
 * generation stamp that empties the table in O(1)) while the probing, growing and
 * emptying exist once.
 *
 *   AG__HASHMAP(name, slot_t, key_t, ctx_t, EMPTY, MATCH, REHASH)
 *
 *   EMPTY(t, s)           slot s of table t holds nothing. A zero-filled slot must be
 *                         empty for every generation of t (t->gen starts at 1).
 *   MATCH(ctx, s, k, h)   the full slot s holds key k, whose hash is h.
 *   REHASH(ctx, s)        the hash of the key in the full slot s (when growing).
 *
 * ctx is whatever MATCH and REHASH need to see beyond the slot (the graph whose nodes
 * the slots index), or an unused pointer. The caller computes a key's hash once, with
 * ag__hash_bytes or ag__hash_u64 (util/bytes_internal.h); the home slot is its low bits.
 *
 * Ownership: the table owns its slot array (name##_dispose frees it); what slots point
 * to belongs to the caller. Outputs never depend on where a key sits: tables only answer
 * lookups, and everything written is ordered by the arrays the slots index.
 */
#ifndef AG_UTIL_HASHMAP_INTERNAL_H
#define AG_UTIL_HASHMAP_INTERNAL_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A key of n bytes that need not be NUL-terminated, for tables keyed by text. */
typedef struct ag__span {
    const char *p;
    size_t n;
} ag__span;

#define AG__HASHMAP(name, slot_t, key_t, ctx_t, EMPTY, MATCH, REHASH)                              \
    AG__HASHMAP_TYPE(name, slot_t)                                                                 \
    AG__HASHMAP_FUNCTIONS(name, slot_t, key_t, ctx_t, EMPTY, MATCH, REHASH)

/* The two halves of AG__HASHMAP, for a table that must be a member of a struct its
 * MATCH or REHASH reads (the graph). */
#define AG__HASHMAP_TYPE(name, slot_t)                                                             \
    typedef struct name {                                                                          \
        slot_t *v;    /* slots, cap of them */                                                     \
        size_t cap;   /* a power of two, 0 before the first reserve */                             \
        size_t n;     /* full slots */                                                             \
        uint32_t gen; /* generation: for EMPTY tests that use it; 1 after name##_init */           \
    } name;

#define AG__HASHMAP_FUNCTIONS(name, slot_t, key_t, ctx_t, EMPTY, MATCH, REHASH)                    \
    __attribute__((unused)) static inline void name##_init(name *t)                                \
    {                                                                                              \
        memset(t, 0, sizeof *t);                                                                   \
        t->gen = 1;                                                                                \
    }                                                                                              \
                                                                                                   \
    /* The slot holding k, or the empty slot where k would go. t->cap must be non-zero. */         \
    __attribute__((unused)) static inline slot_t *name##_probe(const name *t, ctx_t ctx, key_t k,  \
                                                               uint64_t h)                         \
    {                                                                                              \
        size_t mask = t->cap - 1;                                                                  \
        for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {                                   \
            slot_t *s = &t->v[i];                                                                  \
            if (EMPTY(t, s) || MATCH(ctx, s, k, h))                                                \
                return s;                                                                          \
        }                                                                                          \
    }                                                                                              \
                                                                                                   \
    /* The first empty slot of h's probe sequence, for a key known to be new or one kept           \
     * beside equal ones (parallel edges: later ones lie further along, so a probe meets           \
     * equal keys in the order they were added). t->cap must be non-zero. */                       \
    __attribute__((unused)) static inline slot_t *name##_empty_slot(const name *t, uint64_t h)     \
    {                                                                                              \
        size_t mask = t->cap - 1, i = (size_t)h & mask;                                            \
        while (!EMPTY(t, &t->v[i]))                                                                \
            i = (i + 1) & mask;                                                                    \
        return &t->v[i];                                                                           \
    }                                                                                              \
                                                                                                   \
    /* The slot holding k, or NULL. */                                                             \
    __attribute__((unused)) static inline slot_t *name##_find(const name *t, ctx_t ctx, key_t k,   \
                                                              uint64_t h)                          \
    {                                                                                              \
        if (!t->cap)                                                                               \
            return NULL;                                                                           \
        slot_t *s = name##_probe(t, ctx, k, h);                                                    \
        return EMPTY(t, s) ? NULL : s;                                                             \
    }                                                                                              \
                                                                                                   \
    /* Re-place every full slot into an array of cap slots (a power of two with room for them).    \
     * The old array is kept when allocation fails (-1). */                                        \
    __attribute__((unused)) static int name##_rehash(name *t, ctx_t ctx, size_t cap)               \
    {                                                                                              \
        name nt = {calloc(cap, sizeof(slot_t)), cap, t->n, t->gen};                                \
        if (!nt.v)                                                                                 \
            return -1;                                                                             \
        for (size_t i = 0; i < t->cap; i++) {                                                      \
            slot_t *s = &t->v[i];                                                                  \
            if (EMPTY(t, s))                                                                       \
                continue;                                                                          \
            *name##_empty_slot(&nt, REHASH(ctx, s)) = *s;                                          \
        }                                                                                          \
        free(t->v);                                                                                \
        *t = nt;                                                                                   \
        return 0;                                                                                  \
    }                                                                                              \
                                                                                                   \
    /* Re-place every full slot into an array of at least min_cap slots with room for want         \
     * entries. The old array is kept when allocation fails (-1). */                               \
    __attribute__((unused)) static int name##_resize(name *t, ctx_t ctx, size_t want,              \
                                                     size_t min_cap)                               \
    {                                                                                              \
        size_t cap = min_cap;                                                                      \
        while (cap < 2 * want)                                                                     \
            cap *= 2;                                                                              \
        return name##_rehash(t, ctx, cap);                                                         \
    }                                                                                              \
                                                                                                   \
    /* Room for n entries at load <= 1/2, growing by doubling from min_cap. -1: no memory. */      \
    __attribute__((unused)) static inline int name##_reserve(name *t, ctx_t ctx, size_t n,         \
                                                             size_t min_cap)                       \
    {                                                                                              \
        return 2 * n <= t->cap ? 0 : name##_resize(t, ctx, n, t->cap ? 2 * t->cap : min_cap);      \
    }                                                                                              \
                                                                                                   \
    /* name##_reserve at load <= 3/4, for a big table whose slots hold their key's hash, so        \
     * that the longer probes read no keys: half the memory at some sizes. */                      \
    __attribute__((unused)) static inline int name##_reserve_dense(name *t, ctx_t ctx, size_t n,   \
                                                                   size_t min_cap)                 \
    {                                                                                              \
        size_t cap = t->cap ? t->cap : min_cap;                                                    \
        if (t->cap && 4 * n <= 3 * t->cap)                                                         \
            return 0;                                                                              \
        while (3 * cap < 4 * n)                                                                    \
            cap *= 2;                                                                              \
        return cap == t->cap ? 0 : name##_rehash(t, ctx, cap);                                     \
    }                                                                                              \
                                                                                                   \
    /* Empty t, keeping its memory. */                                                             \
    __attribute__((unused)) static inline void name##_clear(name *t)                               \
    {                                                                                              \
        if (t->n)                                                                                  \
            memset(t->v, 0, t->cap * sizeof(slot_t));                                              \
        t->n = 0;                                                                                  \
    }                                                                                              \
                                                                                                   \
    /* Empty t in O(1), for tables whose EMPTY reads the generation: a new one makes every         \
     * slot stale. */                                                                              \
    __attribute__((unused)) static inline void name##_next_gen(name *t)                            \
    {                                                                                              \
        t->n = 0;                                                                                  \
        if (++t->gen == 0) { /* wrapped: really empty */                                           \
            if (t->v)                                                                              \
                memset(t->v, 0, t->cap * sizeof(slot_t));                                          \
            t->gen = 1;                                                                            \
        }                                                                                          \
    }                                                                                              \
                                                                                                   \
    __attribute__((unused)) static inline void name##_dispose(name *t)                             \
    {                                                                                              \
        free(t->v);                                                                                \
        name##_init(t);                                                                            \
    }

#endif
