/*
 * attrs.c - the columnar attribute store (see attrs_internal.h).
 *
 * A million links with the same three keys cost three value arrays and one shape, not a
 * million jansson objects of three entries each: an integer cell is 8 bytes, a bool 1,
 * a string 4 (an index into the interned strings), against about 200 bytes an entry of a
 * jansson object. Columns are filled lazily (a column only grows to the last row that
 * set it) and change kind at most once: a value of another kind turns the column into
 * json_t * cells, which keep every value as it came.
 */
#include "graph/attrs_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/array_internal.h"
#include "util/bytes_internal.h"

/* ------------------------------------------------------------------ tables */

static uint64_t hash_str(const char *s) { return ag__hash_bytes(s, strlen(s)); }

static uint64_t hash_cols(const uint32_t *cols, uint32_t n)
{
    return ag__hash_bytes((const char *)cols, n * sizeof *cols);
}

/* A shape key: its columns and their count. */
typedef struct cols_key {
    const uint32_t *cols;
    uint32_t n;
} cols_key;

#define ID_EMPTY(t, slot) (*(slot) == 0)
#define COL_MATCH(s, slot, k, h) (strcmp((s)->cols[*(slot)-1].key, (k)) == 0)
#define COL_REHASH(s, slot) hash_str((s)->cols[*(slot)-1].key)
#define STR_MATCH(s, slot, k, h) (strcmp((s)->strs[*(slot)-1], (k)) == 0)
#define STR_REHASH(s, slot) hash_str((s)->strs[*(slot)-1])
#define SHAPE_MATCH(s, slot, k, h)                                                                 \
    ((s)->shapes[*(slot)-1].n == (k).n &&                                                          \
     memcmp((s)->shapes[*(slot)-1].cols, (k).cols, (k).n * sizeof *(k).cols) == 0)
#define SHAPE_REHASH(s, slot) hash_cols((s)->shapes[*(slot)-1].cols, (s)->shapes[*(slot)-1].n)

AG__HASHMAP_FUNCTIONS(ag__col_table, uint32_t, const char *, const ag__attr_store *, ID_EMPTY,
                      COL_MATCH, COL_REHASH)
AG__HASHMAP_FUNCTIONS(ag__str_table, uint32_t, const char *, const ag__attr_store *, ID_EMPTY,
                      STR_MATCH, STR_REHASH)
AG__HASHMAP_FUNCTIONS(ag__shape_table, uint32_t, cols_key, const ag__attr_store *, ID_EMPTY,
                      SHAPE_MATCH, SHAPE_REHASH)

static uint64_t hash_rec(const ag__attr_rec *r)
{
    return ag__hash_u64((uint64_t)r->text << 32 ^ (uint64_t)r->doc ^ (uint64_t)r->offset << 17);
}

#define REC_MATCH(s, slot, k, h)                                                                   \
    ((s)->recs[*(slot)-1].text == (k)->text && (s)->recs[*(slot)-1].doc == (k)->doc &&             \
     (s)->recs[*(slot)-1].offset == (k)->offset)
#define REC_REHASH(s, slot) hash_rec(&(s)->recs[*(slot)-1])
AG__HASHMAP_FUNCTIONS(ag__rec_table, uint32_t, const ag__attr_rec *, const ag__attr_store *,
                      ID_EMPTY, REC_MATCH, REC_REHASH)

/* ------------------------------------------------------------------ values */

static size_t cell_size(int kind)
{
    switch (kind) {
    case AG_ATTR_STRING:
        return sizeof(uint32_t);
    case AG_ATTR_INTEGER:
        return sizeof(long long);
    case AG_ATTR_REAL:
        return sizeof(double);
    case AG_ATTR_BOOL:
        return 1;
    case AG__ATTR_RECORDS:
    case AG__ATTR_STRINGS:
        return sizeof(uint64_t);
    default:
        return sizeof(json_t *);
    }
}

json_t *ag__value_json(const ag_attr_value *v)
{
    switch (v->type) {
    case AG_ATTR_STRING:
        return v->length ? json_stringn_nocheck(v->string, v->length)
                         : json_string_nocheck(v->string);
    case AG_ATTR_INTEGER:
        return json_integer((json_int_t)v->integer);
    case AG_ATTR_REAL:
        return json_real(v->real);
    case AG_ATTR_BOOL:
        return json_boolean(v->boolean);
    case AG_ATTR_OTHER:
        return json_incref((json_t *)v->other);
    default:
        return NULL;
    }
}

void ag__json_value(const json_t *j, ag_attr_value *v)
{
    memset(v, 0, sizeof *v);
    switch (json_typeof(j)) {
    case JSON_STRING:
        v->type = AG_ATTR_STRING;
        v->string = json_string_value(j);
        v->length = json_string_length(j);
        return;
    case JSON_INTEGER:
        v->type = AG_ATTR_INTEGER;
        v->integer = (long long)json_integer_value(j);
        return;
    case JSON_REAL:
        v->type = AG_ATTR_REAL;
        v->real = json_real_value(j);
        return;
    case JSON_TRUE:
    case JSON_FALSE:
        v->type = AG_ATTR_BOOL;
        v->boolean = json_is_true(j);
        return;
    default:
        break;
    }
    v->type = AG_ATTR_OTHER;
    v->other = j;
}

/* The value in cell row of column c (which the row holds). */
static void cell_get(const ag__attr_store *s, const ag__attr_column *c, size_t row,
                     ag_attr_value *v)
{
    memset(v, 0, sizeof *v);
    v->type = c->kind;
    switch (c->kind) {
    case AG_ATTR_STRING:
        v->string = s->strs[((const uint32_t *)c->vals)[row]];
        break;
    case AG_ATTR_INTEGER:
        v->integer = ((const long long *)c->vals)[row];
        break;
    case AG_ATTR_REAL:
        v->real = ((const double *)c->vals)[row];
        break;
    case AG_ATTR_BOOL:
        v->boolean = ((const unsigned char *)c->vals)[row];
        break;
    default:
        /* a scalar in a mixed column is still that scalar */
        ag__json_value(((json_t *const *)c->vals)[row], v);
        break;
    }
}

static int is_list(int kind) { return kind == AG__ATTR_RECORDS || kind == AG__ATTR_STRINGS; }

/* A list cell: the run's start in the high bits, its length in the low 8. (An empty list
 * in a store that has no runs yet points nowhere: no offset from NULL.) */
static ag__attr_list run_of(const ag__attr_store *s, int kind, uint64_t cell)
{
    return (ag__attr_list){s, kind, s->runs ? s->runs + (cell >> 8) : NULL,
                           (size_t)(cell & AG__MAX_RUN)};
}

void ag__attr_list_record(const ag__attr_list *l, size_t i, ag__attr_record *out)
{
    const ag__attr_rec *rec = &l->s->recs[l->ids[i]];
    *out = (ag__attr_record){l->s->strs[rec->doc], rec->offset, l->s->strs[rec->text]};
}

const char *ag__attr_list_string(const ag__attr_list *l, size_t i) { return l->s->strs[l->ids[i]]; }

/* {"doc", "offset", "text"} of a record (keys in the order the writers list them), a new
 * reference, or NULL when out of memory. Made from a store's list, with shared: NULL or an
 * array of references (one a record or string) made on demand, so that an entry in many
 * lists is one value. */
static json_t *record_object(const ag__attr_record *r)
{
    json_t *o = json_object();

    if (!o || json_object_set_new_nocheck(o, "doc", json_string_nocheck(r->doc)) < 0 ||
        json_object_set_new_nocheck(o, "offset", json_integer((json_int_t)r->offset)) < 0 ||
        json_object_set_new_nocheck(o, "text", json_string_nocheck(r->text)) < 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Entry i of a list, a new reference (shared: as for record_object). */
static json_t *entry_json(const ag__attr_store *s, int kind, uint32_t i, json_t **shared)
{
    json_t *o;

    if (shared && shared[i])
        return json_incref(shared[i]);
    if (kind == AG__ATTR_STRINGS) {
        o = json_string_nocheck(s->strs[i]);
    } else {
        const ag__attr_rec *r = &s->recs[i];
        o = record_object(&(ag__attr_record){s->strs[r->doc], r->offset, s->strs[r->text]});
    }
    if (o && shared)
        shared[i] = json_incref(o);
    return o;
}

/* The jansson list a list cell stands for, a new reference; NULL when out of memory. */
static json_t *list_json(const ag__attr_store *s, int kind, uint64_t cell, json_t **shared)
{
    ag__attr_list run = run_of(s, kind, cell);
    json_t *a = json_array();

    for (size_t i = 0; a && i < run.n; i++)
        if (json_array_append_new(a, entry_json(s, kind, run.ids[i], shared)) < 0) {
            json_decref(a);
            a = NULL;
        }
    return a;
}

/* The value in cell row of column c as a new reference: a json_t * cell itself, so that
 * a string with an embedded NUL stays whole. NULL when out of memory. */
static json_t *cell_json(const ag__attr_store *s, const ag__attr_column *c, size_t row,
                         json_t **shared)
{
    ag_attr_value v;

    if (c->kind == AG_ATTR_OTHER)
        return json_incref(((json_t *const *)c->vals)[row]);
    if (is_list(c->kind))
        return list_json(s, c->kind, ((const uint64_t *)c->vals)[row], shared);
    cell_get(s, c, row, &v);
    return ag__value_json(&v);
}

/* ------------------------------------------------------------------ the store */

int ag__attrs_init(ag__attr_store *s)
{
    memset(s, 0, sizeof *s);
    ag__col_table_init(&s->col_tab);
    ag__str_table_init(&s->str_tab);
    ag__shape_table_init(&s->shape_tab);
    ag__rec_table_init(&s->rec_tab);
    if (ag__grow(&s->shapes, &s->capshapes, 1, sizeof *s->shapes) < 0)
        return -1;
    s->shapes[0] = (ag__attr_shape){0, NULL, 0, UINT32_MAX};
    s->nshapes = 1;
    return 0;
}

/* Drop the jansson values row holds (its cells or its object); the row is then empty. */
static void release_row(ag__attr_store *s, size_t row)
{
    if (s->shape[row] == AG__OBJECT_ROW) {
        json_decref(s->objs[row]);
        s->objs[row] = NULL;
    } else {
        const ag__attr_shape *sh = &s->shapes[s->shape[row]];
        for (uint32_t k = 0; k < sh->n; k++) {
            ag__attr_column *c = &s->cols[sh->cols[k]];
            if (c->kind == AG_ATTR_OTHER) {
                json_t **cell = &((json_t **)c->vals)[row];
                json_decref(*cell);
                *cell = NULL;
            }
            c->live--;
        }
    }
    s->shape[row] = 0;
}

void ag__attrs_dispose(ag__attr_store *s)
{
    /* Cells of rows that hold nothing are NULL, so every cell and object can go as is
     * (also for a store a failed copy left half filled). */
    for (size_t r = 0; s->objs && r < s->capobjs; r++)
        json_decref(s->objs[r]);
    for (size_t i = 0; i < s->ncols; i++) {
        if (s->cols[i].kind == AG_ATTR_OTHER)
            for (size_t r = 0; r < s->cols[i].cap; r++)
                json_decref(((json_t **)s->cols[i].vals)[r]);
        free(s->cols[i].key);
        free(s->cols[i].vals);
    }
    for (size_t i = 0; i < s->nshapes; i++)
        free(s->shapes[i].cols);
    free(s->shape);
    free(s->objs);
    free(s->cols);
    free(s->shapes);
    free(s->strs);
    free(s->scratch);
    free(s->recs);
    free(s->runs);
    ag__arena_free(&s->arena);
    ag__arena_free(&s->adopted);
    ag__col_table_dispose(&s->col_tab);
    ag__str_table_dispose(&s->str_tab);
    ag__shape_table_dispose(&s->shape_tab);
    ag__rec_table_dispose(&s->rec_tab);
    memset(s, 0, sizeof *s);
}

/* Room for the row arrays (objs as well, once there) to hold n rows. */
static int rows_room(ag__attr_store *s, size_t n)
{
    if (s->objs && s->capobjs < n) {
        json_t **o = realloc(s->objs, n * sizeof *o);
        if (!o)
            return -1;
        memset(o + s->capobjs, 0, (n - s->capobjs) * sizeof *o);
        s->objs = o;
        s->capobjs = n;
    }
    return 0;
}

int ag__attrs_reserve_rows(ag__attr_store *s, size_t n)
{
    if (ag__reserve_exact(&s->shape, &s->caprows, n, sizeof *s->shape) < 0)
        return -1;
    return rows_room(s, s->caprows);
}

int ag__attrs_add_row(ag__attr_store *s)
{
    if (ag__grow(&s->shape, &s->caprows, s->nrows + 1, sizeof *s->shape) < 0 ||
        rows_room(s, s->caprows) < 0)
        return -1;
    s->shape[s->nrows++] = 0;
    return 0;
}

/* Index of key's column, or -1. */
static long find_col(const ag__attr_store *s, const char *key)
{
    const uint32_t *slot = ag__col_table_find(&s->col_tab, s, key, hash_str(key));
    return slot ? (long)*slot - 1 : -1;
}

static long add_col(ag__attr_store *s, const char *key)
{
    /* The column of the key last passed at this address, when its name is still the
     * key: the graph's builders pass the same literal keys row after row, and one
     * comparison costs less than hashing the key and probing (a tenth of building a
     * merged graph's attributes). Only here, where the store is the caller's alone. */
    size_t slot =
        (size_t)(((uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15ull) >> (64 - AG__COL_MEMO_BITS));
    /* Two slots a key: two keys of a row in one slot took turns missing (the link dates,
     * set on every link of a merged graph, did). */
    if (s->col_memo[slot].key != key && s->col_memo[slot ^ 1].key == key)
        slot ^= 1;
    if (s->col_memo[slot].key == key && strcmp(s->cols[s->col_memo[slot].col].key, key) == 0)
        return (long)s->col_memo[slot].col;
    long c = find_col(s, key);
    char *copy;

    if (c >= 0) {
        /* into the pair's free slot, else this one */
        if (s->col_memo[slot].key && s->col_memo[slot].key != key && !s->col_memo[slot ^ 1].key)
            slot ^= 1;
        s->col_memo[slot].key = key;
        s->col_memo[slot].col = (uint32_t)c;
        return c;
    }
    if (s->ncols >= UINT32_MAX - 1 ||
        ag__grow(&s->cols, &s->capcols, s->ncols + 1, sizeof *s->cols) < 0 ||
        ag__col_table_reserve(&s->col_tab, s, s->ncols + 1, 16) < 0 || !(copy = strdup(key)))
        return -1;
    s->cols[s->ncols] = (ag__attr_column){copy, AG_ATTR_NONE, NULL, 0, 0};
    *ag__col_table_empty_slot(&s->col_tab, hash_str(key)) = (uint32_t)s->ncols + 1;
    s->col_tab.n++;
    return (long)s->ncols++;
}

/* Index of the interned str (a copy, or str itself when adopted: it lies in blocks the
 * store adopted), or -1 when out of memory. */
static long intern_str(ag__attr_store *s, const char *str, int adopted)
{
    uint64_t h = hash_str(str);
    const uint32_t *slot = ag__str_table_find(&s->str_tab, s, str, h);
    char *copy;

    if (slot)
        return (long)*slot - 1;
    if (s->nstrs >= UINT32_MAX - 1 ||
        ag__grow(&s->strs, &s->capstrs, s->nstrs + 1, sizeof *s->strs) < 0 ||
        ag__str_table_reserve(&s->str_tab, s, s->nstrs + 1, 16) < 0 ||
        !(copy = adopted ? (char *)str : ag__arena_strdup(&s->arena, str, strlen(str))))
        return -1;
    s->strs[s->nstrs] = copy;
    *ag__str_table_empty_slot(&s->str_tab, h) = (uint32_t)s->nstrs + 1;
    s->str_tab.n++;
    return (long)s->nstrs++;
}

static long intern(ag__attr_store *s, const char *str) { return intern_str(s, str, 0); }

void ag__attrs_adopt(ag__attr_store *s, ag__arena *a)
{
    ag__arena_block **tail = &s->adopted.first;
    while (*tail)
        tail = &(*tail)->next;
    *tail = a->first;
    a->first = a->cur = NULL;
}

/* Index of the shape with these columns, added when new; -1 when out of memory. */
static long find_shape(ag__attr_store *s, const uint32_t *cols, uint32_t n)
{
    cols_key k = {cols, n};
    uint64_t h = hash_cols(cols, n);
    const uint32_t *slot = ag__shape_table_find(&s->shape_tab, s, k, h);
    uint32_t *copy;

    if (slot)
        return (long)*slot - 1;
    if (n == 0)
        return 0;
    if (s->nshapes >= UINT32_MAX - 1 ||
        ag__grow(&s->shapes, &s->capshapes, s->nshapes + 1, sizeof *s->shapes) < 0 ||
        ag__shape_table_reserve(&s->shape_tab, s, s->nshapes + 1, 16) < 0 ||
        !(copy = malloc(n * sizeof *copy)))
        return -1;
    memcpy(copy, cols, n * sizeof *copy);
    s->shapes[s->nshapes] = (ag__attr_shape){n, copy, 0, UINT32_MAX};
    *ag__shape_table_empty_slot(&s->shape_tab, h) = (uint32_t)s->nshapes + 1;
    s->shape_tab.n++;
    return (long)s->nshapes++;
}

/* Position of column c in shape sh, or -1. */
static long shape_pos(const ag__attr_shape *sh, uint32_t c)
{
    for (uint32_t k = 0; k < sh->n; k++)
        if (sh->cols[k] == c)
            return (long)k;
    return -1;
}

/* The shape of shape `from` with column c added at the end (cached: rows are mostly
 * filled key by key in the same order). */
static long shape_with(ag__attr_store *s, uint32_t from, uint32_t c)
{
    long to;
    uint32_t n = s->shapes[from].n;

    if (s->shapes[from].next != UINT32_MAX && s->shapes[from].next_col == c)
        return (long)s->shapes[from].next;
    if (ag__grow(&s->scratch, &s->capscratch, n + 1, sizeof *s->scratch) < 0)
        return -1;
    if (n)
        memcpy(s->scratch, s->shapes[from].cols, n * sizeof *s->scratch);
    s->scratch[n] = c;
    if ((to = find_shape(s, s->scratch, n + 1)) < 0)
        return -1;
    s->shapes[from].next_col = c;
    s->shapes[from].next = (uint32_t)to;
    return to;
}

/* Room in column c for cell row, new cells zeroed (a NULL json_t *). */
static int col_reserve(ag__attr_column *c, size_t row, size_t rows)
{
    size_t size = cell_size(c->kind), cap = c->cap ? c->cap : 8;
    void *v;

    if (row < c->cap)
        return 0;
    while (cap <= row)
        cap *= 2;
    /* No more cells than the store has rows room for: the cells are zeroed, so room past
     * the last row would cost memory, and a builder that reserved its rows knows them. */
    if (cap > rows && rows > row)
        cap = rows;
    if (!(v = realloc(c->vals, cap * size)))
        return -1;
    memset((char *)v + c->cap * size, 0, (cap - c->cap) * size);
    c->vals = v;
    c->cap = cap;
    return 0;
}

/* Turn column ci into json_t * cells, keeping every value. -1: out of memory (unchanged). */
static int col_to_json(ag__attr_store *s, uint32_t ci)
{
    ag__attr_column *c = &s->cols[ci];
    json_t **cells = calloc(c->cap ? c->cap : 1, sizeof *cells);
    unsigned char *has = calloc(s->nshapes, 1);
    /* records in many lists stay one object each, as the extractor shared them */
    size_t nshared = c->kind == AG__ATTR_RECORDS ? s->nrecs : s->nstrs;
    json_t **shared = is_list(c->kind) ? calloc(nshared + 1, sizeof *shared) : NULL;
    int rc = -1;

    if (!cells || !has || (is_list(c->kind) && !shared))
        goto out;
    for (size_t i = 0; i < s->nshapes; i++)
        has[i] = shape_pos(&s->shapes[i], ci) >= 0;
    for (size_t r = 0; r < s->nrows; r++) {
        if (s->shape[r] == AG__OBJECT_ROW || !has[s->shape[r]])
            continue;
        if (!(cells[r] = cell_json(s, c, r, shared))) {
            for (size_t q = 0; q < r; q++)
                json_decref(cells[q]);
            goto out;
        }
    }
    free(c->vals);
    c->vals = cells;
    cells = NULL;
    c->kind = AG_ATTR_OTHER;
    rc = 0;
out:
    for (size_t i = 0; shared && i < nshared; i++)
        json_decref(shared[i]);
    free(shared);
    free(cells);
    free(has);
    return rc;
}

/* ------------------------------------------------------------------ reading */

/* Column ci made fit for a reader of jansson values: a records column turns into
 * jansson cells (see attrs_internal.h), which is why a const reader may change the
 * store, as ag__attrs_object does. -1: out of memory. */
static int readable(const ag__attr_store *s, uint32_t ci)
{
    return is_list(s->cols[ci].kind) ? col_to_json((ag__attr_store *)s, ci) : 0;
}

int ag__attrs_get(const ag__attr_store *s, size_t row, const char *key, ag_attr_value *v)
{
    long c;

    if (row >= s->nrows || !key)
        return -1;
    if (s->shape[row] == AG__OBJECT_ROW) {
        const json_t *j = json_object_get(s->objs[row], key);
        if (!j)
            return -1;
        ag__json_value(j, v);
        return 0;
    }
    if (s->shape[row] == 0 || (c = find_col(s, key)) < 0 ||
        shape_pos(&s->shapes[s->shape[row]], (uint32_t)c) < 0 || readable(s, (uint32_t)c) < 0)
        return -1;
    cell_get(s, &s->cols[c], row, v);
    return 0;
}

size_t ag__attrs_count(const ag__attr_store *s, size_t row)
{
    if (row >= s->nrows)
        return 0;
    if (s->shape[row] == AG__OBJECT_ROW)
        return json_object_size(s->objs[row]);
    return s->shapes[s->shape[row]].n;
}

int ag__attrs_at(const ag__attr_store *s, size_t row, size_t k, const char **key, ag_attr_value *v)
{
    if (row < s->nrows && s->shape[row] != AG__OBJECT_ROW && k < s->shapes[s->shape[row]].n &&
        readable(s, s->shapes[s->shape[row]].cols[k]) < 0)
        return -1;
    return ag__attrs_at_native(s, row, k, key, v, NULL);
}

int ag__attrs_at_native(const ag__attr_store *s, size_t row, size_t k, const char **key,
                        ag_attr_value *v, ag__attr_list *list)
{
    if (row >= s->nrows)
        return -1;
    if (s->shape[row] == AG__OBJECT_ROW) {
        void *it = json_object_iter(s->objs[row]);
        for (; it && k > 0; k--)
            it = json_object_iter_next(s->objs[row], it);
        if (!it)
            return -1;
        *key = json_object_iter_key(it);
        ag__json_value(json_object_iter_value(it), v);
        return 0;
    }
    const ag__attr_shape *sh = &s->shapes[s->shape[row]];
    if (k >= sh->n)
        return -1;
    const ag__attr_column *c = &s->cols[sh->cols[k]];
    *key = c->key;
    if (is_list(c->kind)) {
        memset(v, 0, sizeof *v);
        if (list)
            *list = run_of(s, c->kind, ((const uint64_t *)c->vals)[row]);
        return 0;
    }
    cell_get(s, c, row, v);
    return 0;
}

/* ------------------------------------------------------------------ writing */

/* *v as a jansson value of its own (a records cell: the list it stands for). */
static json_t *value_json(const ag__attr_store *s, const ag_attr_value *v)
{
    if (is_list((int)v->type))
        return list_json(s, (int)v->type, (uint64_t)v->integer, NULL);
    return ag__value_json(v);
}

/* ag__attrs_set; str: the index of v->string among the interned strings, or -1 (looked up
 * when the column holds strings). */
static int attrs_set(ag__attr_store *s, size_t row, const char *key, const ag_attr_value *v,
                     long str)
{
    long ci, pos, to = -1;
    ag__attr_column *c;
    json_t *j = NULL;
    int kind = v->type;

    if (row >= s->nrows || kind == AG_ATTR_NONE)
        return -1;
    if (kind == AG_ATTR_STRING && v->length && strlen(v->string) != v->length) {
        /* a NUL inside: only a jansson cell keeps the string whole */
        ag_attr_value cell = {.type = AG_ATTR_OTHER};
        int rc = -1;
        if ((cell.other = j = ag__value_json(v)) != NULL)
            rc = ag__attrs_set(s, row, key, &cell);
        json_decref(j);
        return rc;
    }
    if (s->shape[row] == AG__OBJECT_ROW) {
        j = value_json(s, v);
        return j && json_object_set_new_nocheck(s->objs[row], key, j) == 0 ? 0 : -1;
    }
    if ((ci = add_col(s, key)) < 0)
        return -1;
    c = &s->cols[ci];
    pos = shape_pos(&s->shapes[s->shape[row]], (uint32_t)ci);
    if (c->live == 0 && c->kind != kind) {
        /* no row holds a value: the column takes this one's kind afresh */
        free(c->vals);
        c->vals = NULL;
        c->cap = 0;
        c->kind = kind;
    } else if (c->kind != kind && c->kind != AG_ATTR_OTHER && col_to_json(s, (uint32_t)ci) < 0) {
        return -1;
    }
    if (pos < 0 && (to = shape_with(s, s->shape[row], (uint32_t)ci)) < 0)
        return -1;
    if (col_reserve(c, row, s->caprows) < 0)
        return -1;
    if (c->kind == AG_ATTR_STRING && str < 0 && (str = intern(s, v->string)) < 0)
        return -1;
    if (c->kind == AG_ATTR_OTHER && !(j = value_json(s, v)))
        return -1;
    switch (c->kind) {
    case AG_ATTR_STRING:
        ((uint32_t *)c->vals)[row] = (uint32_t)str;
        break;
    case AG_ATTR_INTEGER:
        ((long long *)c->vals)[row] = v->integer;
        break;
    case AG_ATTR_REAL:
        ((double *)c->vals)[row] = v->real;
        break;
    case AG_ATTR_BOOL:
        ((unsigned char *)c->vals)[row] = v->boolean != 0;
        break;
    case AG__ATTR_RECORDS:
    case AG__ATTR_STRINGS:
        ((uint64_t *)c->vals)[row] = (uint64_t)v->integer;
        break;
    default:
        json_decref(((json_t **)c->vals)[row]);
        ((json_t **)c->vals)[row] = j;
        break;
    }
    if (pos < 0) {
        c->live++;
        s->shape[row] = (uint32_t)to;
    }
    return 0;
}

int ag__attrs_set(ag__attr_store *s, size_t row, const char *key, const ag_attr_value *v)
{
    return attrs_set(s, row, key, v, -1);
}

long ag__attrs_intern(ag__attr_store *s, const char *str) { return intern(s, str); }

int ag__attrs_set_string_id(ag__attr_store *s, size_t row, const char *key, uint32_t id)
{
    if (id >= s->nstrs)
        return -1;
    ag_attr_value v = {.type = AG_ATTR_STRING, .string = s->strs[id]};
    return attrs_set(s, row, key, &v, (long)id);
}

/* Index of the record with these strings and offset, added when new; -1: out of memory. */
static long add_record(ag__attr_store *s, const ag__attr_record *r, int adopted)
{
    long doc = intern_str(s, r->doc, adopted), text = intern_str(s, r->text, adopted);
    ag__attr_rec rec = {(uint32_t)doc, (uint32_t)text, r->offset};
    uint64_t h = hash_rec(&rec);
    uint32_t *slot;

    if (doc < 0 || text < 0 || s->nrecs >= UINT32_MAX - 1 ||
        ag__rec_table_reserve(&s->rec_tab, s, s->nrecs + 1, 16) < 0)
        return -1;
    slot = ag__rec_table_probe(&s->rec_tab, s, &rec, h);
    if (*slot)
        return (long)*slot - 1;
    if (ag__grow(&s->recs, &s->caprecs, s->nrecs + 1, sizeof *s->recs) < 0)
        return -1;
    s->recs[s->nrecs] = rec;
    *slot = (uint32_t)s->nrecs + 1;
    s->rec_tab.n++;
    return (long)s->nrecs++;
}

int ag__attrs_reserve_records(ag__attr_store *s, size_t nrecs, size_t nstrs)
{
    nrecs += s->nrecs;
    nstrs += s->nstrs;
    if (ag__reserve_exact(&s->recs, &s->caprecs, nrecs, sizeof *s->recs) < 0 ||
        ag__reserve_exact(&s->strs, &s->capstrs, nstrs, sizeof *s->strs) < 0)
        return -1;
    return ag__rec_table_reserve(&s->rec_tab, s, nrecs, 16) < 0 ||
                   ag__str_table_reserve(&s->str_tab, s, nstrs, 16) < 0
               ? -1
               : 0;
}

void ag__attrs_prefetch_record(const ag__attr_store *s, const ag__attr_record *r)
{
    size_t mask = s->str_tab.cap - 1;
    if (!s->str_tab.cap)
        return;
    __builtin_prefetch(&s->str_tab.v[hash_str(r->doc) & mask]);
    __builtin_prefetch(&s->str_tab.v[hash_str(r->text) & mask]);
}

long ag__attrs_add_record(ag__attr_store *s, const ag__attr_record *r, int adopted)
{
    return add_record(s, r, adopted);
}

/* Store the run ids[0..n) (n <= AG__MAX_RUN) of kind under key; the ids are copied. */
static int set_run(ag__attr_store *s, size_t row, const char *key, int kind, const uint32_t *ids,
                   size_t n)
{
    ag_attr_value cell = {.type = (ag_attr_type)kind};
    if (ag__grow(&s->runs, &s->capruns, s->nruns + n, sizeof *s->runs) < 0)
        return -1;
    if (n) /* an empty run of a store that has none yet: runs is NULL */
        memcpy(s->runs + s->nruns, ids, n * sizeof *ids);
    cell.integer = (long long)((uint64_t)s->nruns << 8 | n);
    if (ag__attrs_set(s, row, key, &cell) < 0)
        return -1;
    s->nruns += n;
    return 0;
}

/* Store the list of n records (kind AG__ATTR_RECORDS, recs) or strings (strs) under key. */
static int set_list(ag__attr_store *s, size_t row, const char *key, int kind,
                    const ag__attr_record *recs, const char *const *strs, size_t n, int adopted)
{
    if (row >= s->nrows)
        return -1;
    if (n > AG__MAX_RUN) { /* too long for a run: the jansson list */
        ag_attr_value cell = {.type = AG_ATTR_OTHER};
        json_t *a = json_array();
        int rc = -1;
        for (size_t i = 0; a && i < n; i++)
            if (json_array_append_new(a, kind == AG__ATTR_RECORDS
                                             ? record_object(&recs[i])
                                             : json_string_nocheck(strs[i])) < 0) {
                json_decref(a);
                a = NULL;
            }
        if ((cell.other = a) != NULL)
            rc = ag__attrs_set(s, row, key, &cell);
        json_decref(a);
        return rc;
    }
    uint32_t ids[AG__MAX_RUN];
    for (size_t i = 0; i < n; i++) {
        long r = kind == AG__ATTR_RECORDS ? add_record(s, &recs[i], adopted)
                                          : intern_str(s, strs[i], adopted);
        if (r < 0)
            return -1;
        ids[i] = (uint32_t)r;
    }
    return set_run(s, row, key, kind, ids, n);
}

int ag__attrs_set_record_ids(ag__attr_store *s, size_t row, const char *key, const uint32_t *ids,
                             size_t n)
{
    if (row >= s->nrows)
        return -1;
    if (n <= AG__MAX_RUN)
        return set_run(s, row, key, AG__ATTR_RECORDS, ids, n);
    ag__attr_record *v = malloc(n * sizeof *v); /* too long for a run: as records */
    if (!v)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const ag__attr_rec *r = &s->recs[ids[i]];
        v[i] = (ag__attr_record){s->strs[r->doc], r->offset, s->strs[r->text]};
    }
    int rc = set_list(s, row, key, AG__ATTR_RECORDS, v, NULL, n, 0);
    free(v);
    return rc;
}

int ag__attrs_set_records(ag__attr_store *s, size_t row, const char *key, const ag__attr_record *v,
                          size_t n, int adopted)
{
    return set_list(s, row, key, AG__ATTR_RECORDS, v, NULL, n, adopted);
}

int ag__attrs_set_strings(ag__attr_store *s, size_t row, const char *key, const char *const *v,
                          size_t n)
{
    return set_list(s, row, key, AG__ATTR_STRINGS, NULL, v, n, 0);
}

int ag__attrs_unset(ag__attr_store *s, size_t row, const char *key)
{
    const ag__attr_shape *sh;
    long ci, pos, to;

    if (row >= s->nrows || !key)
        return -1;
    if (s->shape[row] == AG__OBJECT_ROW)
        return json_object_del(s->objs[row], key) == 0 ? 0 : -1;
    sh = &s->shapes[s->shape[row]];
    if ((ci = find_col(s, key)) < 0 || (pos = shape_pos(sh, (uint32_t)ci)) < 0)
        return -1;
    if (ag__grow(&s->scratch, &s->capscratch, sh->n, sizeof *s->scratch) < 0)
        return -1;
    memcpy(s->scratch, sh->cols, (size_t)pos * sizeof *s->scratch);
    memcpy(s->scratch + pos, sh->cols + pos + 1, (sh->n - (size_t)pos - 1) * sizeof *s->scratch);
    if ((to = find_shape(s, s->scratch, sh->n - 1)) < 0)
        return -1;
    if (s->cols[ci].kind == AG_ATTR_OTHER) {
        json_t **cell = &((json_t **)s->cols[ci].vals)[row];
        json_decref(*cell);
        *cell = NULL;
    }
    s->cols[ci].live--;
    s->shape[row] = (uint32_t)to;
    return 0;
}

json_t *ag__attrs_object(ag__attr_store *s, size_t row, int create)
{
    json_t *obj;

    if (row >= s->nrows)
        return NULL;
    if (s->shape[row] == AG__OBJECT_ROW)
        return s->objs[row];
    if (s->shape[row] == 0 && !create)
        return NULL;
    for (uint32_t k = 0; k < s->shapes[s->shape[row]].n; k++)
        if (readable(s, s->shapes[s->shape[row]].cols[k]) < 0)
            return NULL;
    if (!s->objs) {
        if (!(s->objs = calloc(s->caprows, sizeof *s->objs)))
            return NULL;
        s->capobjs = s->caprows;
    }
    if (!(obj = json_object()))
        return NULL;
    for (uint32_t k = 0; k < s->shapes[s->shape[row]].n; k++) {
        const ag__attr_column *c = &s->cols[s->shapes[s->shape[row]].cols[k]];
        if (json_object_set_new_nocheck(obj, c->key, cell_json(s, c, row, NULL)) < 0) {
            json_decref(obj);
            return NULL;
        }
    }
    release_row(s, row);
    s->shape[row] = AG__OBJECT_ROW;
    s->objs[row] = obj;
    return obj;
}

/* ------------------------------------------------------------------ whole-store edits */

int ag__attrs_permute(ag__attr_store *s, const size_t *from, size_t n)
{
    unsigned char *kept = calloc(s->nrows ? s->nrows : 1, 1);
    uint32_t *shape = malloc((n ? n : 1) * sizeof *shape);
    json_t **objs = s->objs ? calloc(n ? n : 1, sizeof *objs) : NULL;
    void **vals = calloc(s->ncols ? s->ncols : 1, sizeof *vals);
    int rc = -1;

    if (!kept || !shape || (s->objs && !objs) || !vals)
        goto out;
    for (size_t i = 0; i < s->ncols; i++) {
        ag__attr_column *c = &s->cols[i];
        size_t size = cell_size(c->kind);
        if (!c->vals || !n)
            continue;
        if (!(vals[i] = calloc(n, size)))
            goto out;
        for (size_t j = 0; j < n; j++)
            if (from[j] < c->cap)
                memcpy((char *)vals[i] + j * size, (char *)c->vals + from[j] * size, size);
    }
    /* Nothing can fail from here. */
    for (size_t j = 0; j < n; j++) {
        kept[from[j]] = 1;
        shape[j] = s->shape[from[j]];
        if (objs)
            objs[j] = s->objs[from[j]];
    }
    for (size_t r = 0; r < s->nrows; r++)
        if (!kept[r])
            release_row(s, r);
    for (size_t i = 0; i < s->ncols; i++) {
        free(s->cols[i].vals);
        s->cols[i].vals = vals[i];
        s->cols[i].cap = vals[i] ? n : 0;
    }
    free(s->shape);
    free(s->objs);
    s->shape = shape;
    s->objs = objs;
    s->nrows = s->caprows = n;
    s->capobjs = objs ? n : 0;
    if (n == 0) {
        s->caprows = 1;
        s->capobjs = objs ? 1 : 0;
    }
    shape = NULL;
    objs = NULL;
    rc = 0;
out:
    if (rc < 0)
        for (size_t i = 0; i < s->ncols; i++)
            free(vals[i]);
    free(kept);
    free(shape);
    free(objs);
    free(vals);
    return rc;
}

int ag__attrs_copy(ag__attr_store *d, const ag__attr_store *s)
{
    if (ag__attrs_init(d) < 0)
        goto fail;
    for (size_t i = 1; i < s->nshapes; i++)
        if (find_shape(d, s->shapes[i].cols, s->shapes[i].n) != (long)i)
            goto fail;
    for (size_t i = 0; i < s->nstrs; i++)
        if (intern(d, s->strs[i]) != (long)i)
            goto fail;
    for (size_t i = 0; i < s->ncols; i++) {
        const ag__attr_column *c = &s->cols[i];
        size_t size = cell_size(c->kind);
        if (add_col(d, c->key) != (long)i)
            goto fail;
        if (c->cap && !(d->cols[i].vals = calloc(c->cap, size)))
            goto fail;
        d->cols[i].kind = c->kind;
        d->cols[i].cap = c->cap;
        d->cols[i].live = c->live;
        if (c->kind != AG_ATTR_OTHER) { /* a records cell's run is copied below */
            if (c->cap)
                memcpy(d->cols[i].vals, c->vals, c->cap * size);
            continue;
        }
        for (size_t r = 0; r < c->cap; r++) {
            json_t *j = ((json_t **)c->vals)[r];
            if (j && !(((json_t **)d->cols[i].vals)[r] = json_deep_copy(j)))
                goto fail;
        }
    }
    for (size_t i = 0; i < s->nrecs; i++)
        if (add_record(d,
                       &(ag__attr_record){s->strs[s->recs[i].doc], s->recs[i].offset,
                                          s->strs[s->recs[i].text]},
                       0) != (long)i)
            goto fail;
    if (s->nruns && (ag__grow(&d->runs, &d->capruns, s->nruns, sizeof *d->runs) < 0))
        goto fail;
    if (s->nruns)
        memcpy(d->runs, s->runs, s->nruns * sizeof *d->runs);
    d->nruns = s->nruns;
    if (s->nrows && (ag__grow(&d->shape, &d->caprows, s->nrows, sizeof *d->shape) < 0 ||
                     (s->objs && !(d->objs = calloc(d->caprows, sizeof *d->objs)))))
        goto fail;
    d->capobjs = d->objs ? d->caprows : 0;
    for (size_t r = 0; r < s->nrows; r++) {
        d->shape[r] = s->shape[r];
        d->nrows = r + 1;
        if (s->shape[r] == AG__OBJECT_ROW && !(d->objs[r] = json_deep_copy(s->objs[r])))
            goto fail;
    }
    return 0;
fail:
    ag__attrs_dispose(d);
    return -1;
}
