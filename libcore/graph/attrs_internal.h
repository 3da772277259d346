/*
 * attrs_internal.h - the columnar attribute store behind node and link attributes.
 *
 * Ownership: a store owns its columns, key names, interned strings, row shapes and the
 * jansson values it holds; ag__attrs_dispose frees them. Keys and strings it hands out are
 * borrowed and live as long as the store (columns and interned strings are never freed
 * before it); an object-mode row's keys and values are jansson's and live as long as
 * their entry.
 *
 * One store holds the attributes of every row (node or link) of a graph: one column per
 * key, values kept by kind (integer, real, bool, interned string, or a json_t * cell for
 * lists, objects, null and columns of mixed kind). A row's "shape" is the list of its
 * keys in insertion order, shared by every row with the same keys: it gives presence and
 * the order writers print, at 4 bytes a row. A row whose jansson object was asked for
 * (ag_node_attrs) is materialised once and stays in "object mode": that object is then
 * its attributes, so pointers into it keep the contract jansson callers rely on.
 *
 * Two kinds of list have a kind of their own that no public call sees: lists of records
 * ({"doc", "offset", "text"}: the extractor's evidence), AG__ATTR_RECORDS, and lists of
 * strings (its aliases and roles), AG__ATTR_STRINGS. A cell is a run of indices into the
 * store's table of distinct records, or into its interned strings. One sentence backs
 * many links, and a jansson list of shared record objects cost about 700 bytes a link
 * where a run costs 8 bytes a cell and 4 an entry. Writers that know the kinds read them
 * with ag__attrs_at_native; any other reader (ag__attrs_get, ag__attrs_at, the row's
 * object) first turns the whole column into jansson cells, so the public API and every
 * other writer see the lists they always saw. Runs of replaced or dropped cells are not
 * reclaimed before the store is freed.
 */
#ifndef AG_GRAPH_ATTRS_INTERNAL_H
#define AG_GRAPH_ATTRS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <actorgraph/graph/graph.h>

#include "util/arena_internal.h"
#include "util/hashmap_internal.h"

/* Slots hold an index + 1 (0: empty) into the store's columns, strings or shapes. */
AG__HASHMAP_TYPE(ag__col_table, uint32_t)
AG__HASHMAP_TYPE(ag__str_table, uint32_t)
AG__HASHMAP_TYPE(ag__shape_table, uint32_t)
AG__HASHMAP_TYPE(ag__rec_table, uint32_t)

/* A column kind beside the ag_attr_type ones, internal to libcore (see top). */
#define AG__ATTR_RECORDS 16
#define AG__ATTR_STRINGS 17
/* The longest list a run holds; a longer one is a jansson cell. */
#define AG__MAX_RUN 255

/* One record of a list, as set and read: strings UTF-8, NUL-terminated, borrowed. */
typedef struct ag__attr_record {
    const char *doc;
    long long offset;
    const char *text;
} ag__attr_record;

/* A distinct record of a store: its strings by interned index. */
typedef struct ag__attr_rec {
    uint32_t doc, text;
    long long offset;
} ag__attr_rec;

typedef struct ag__attr_column {
    char *key;   /* owned, NUL-terminated */
    int kind;    /* an ag_attr_type; AG_ATTR_NONE while no row holds a value */
    void *vals;  /* cap cells of the kind's size; rows past cap hold nothing */
    size_t cap;  /* cells allocated */
    size_t live; /* rows holding a value */
} ag__attr_column;

typedef struct ag__attr_shape {
    uint32_t n;        /* keys */
    uint32_t *cols;    /* owned; column indices in insertion order */
    uint32_t next_col; /* cache of the last transition: adding next_col gives */
    uint32_t next;     /* shape next (UINT32_MAX: none yet) */
} ag__attr_shape;

#define AG__COL_MEMO_BITS 5 /* ag__attr_store.col_memo has 1 << this many slots */

typedef struct ag__attr_store {
    uint32_t *shape; /* per row: shape index, or AG__OBJECT_ROW */
    json_t **objs;   /* per row: the object of an object-mode row; NULL until one */
    size_t nrows, caprows, capobjs;
    ag__attr_column *cols;
    size_t ncols, capcols;
    ag__attr_shape *shapes; /* shapes[0] is the empty row */
    size_t nshapes, capshapes;
    char **strs; /* interned strings, in arena or adopted */
    size_t nstrs, capstrs;
    uint32_t *scratch; /* a shape being built */
    size_t capscratch;
    ag__col_table col_tab; /* key -> column */
    struct {
        const char *key; /* the caller's pointer, as passed */
        uint32_t col;
    } col_memo[1 << AG__COL_MEMO_BITS]; /* add_col's last keys by address (see there) */
    ag__str_table str_tab;              /* text -> string */
    ag__shape_table shape_tab;          /* column list -> shape */
    ag__attr_rec *recs;                 /* distinct records of AG__ATTR_RECORDS cells */
    size_t nrecs, caprecs;
    uint32_t *runs; /* record or string indices of every run, run after run */
    size_t nruns, capruns;
    ag__rec_table rec_tab; /* record -> index */
    ag__arena arena;       /* the interned strings' bytes */
    ag__arena adopted;     /* blocks handed over by ag__attrs_adopt */
} ag__attr_store;

/* A list as ag__attrs_at_native hands it out: n records or strings of s, by index,
 * borrowed (valid until the store is freed). */
typedef struct ag__attr_list {
    const ag__attr_store *s;
    int kind; /* AG__ATTR_RECORDS or AG__ATTR_STRINGS */
    const uint32_t *ids;
    size_t n;
} ag__attr_list;

#define AG__OBJECT_ROW UINT32_MAX

int ag__attrs_init(ag__attr_store *s);
void ag__attrs_dispose(ag__attr_store *s);
/* Room for n rows in all, so that a builder that knows how many it will add grows the
 * row arrays, and the columns after them, once and to that size. -1: out of memory. */
int ag__attrs_reserve_rows(ag__attr_store *s, size_t n);
/* Append an empty row. -1: out of memory. */
int ag__attrs_add_row(ag__attr_store *s);

/* The row's value under key into *v (borrowed). -1 when absent. */
int ag__attrs_get(const ag__attr_store *s, size_t row, const char *key, ag_attr_value *v);
/* Number of entries of the row, and its k-th in insertion order (-1 past the end). */
size_t ag__attrs_count(const ag__attr_store *s, size_t row);
int ag__attrs_at(const ag__attr_store *s, size_t row, size_t k, const char **key, ag_attr_value *v);
/* As ag__attrs_at, but a list of one of the kinds above stays as it is held: v->type is
 * then AG_ATTR_NONE and *list gives it (list may be NULL when only the key is wanted). */
int ag__attrs_at_native(const ag__attr_store *s, size_t row, size_t k, const char **key,
                        ag_attr_value *v, ag__attr_list *list);
/* Entry i of a records list, into *out; of a strings list (strings borrowed). */
void ag__attr_list_record(const ag__attr_list *l, size_t i, ag__attr_record *out);
const char *ag__attr_list_string(const ag__attr_list *l, size_t i);
/* Store the list v[0..n) under key, as ag__attrs_set would the jansson list of
 * {"doc", "offset", "text"} objects it stands for. Strings must be UTF-8; adopted 1: they
 * all lie in blocks the store adopted, and are interned without a copy. -1: out of
 * memory. */
int ag__attrs_set_records(ag__attr_store *s, size_t row, const char *key, const ag__attr_record *v,
                          size_t n, int adopted);
/* The index of record r in the store's table of distinct records, added when new
 * (strings as ag__attrs_set_records takes them), for ag__attrs_set_record_ids: a
 * builder that holds its records in a table of its own hands each over once, not once
 * per list it is in. -1: out of memory. */
long ag__attrs_add_record(ag__attr_store *s, const ag__attr_record *r, int adopted);
/* Start loading the string table's slots of r's strings into the cache, for a builder
 * that adds many records in an order it knows: asked a few records ahead, the slots are
 * there when the records go in. Only a hint: it changes nothing. */
void ag__attrs_prefetch_record(const ag__attr_store *s, const ag__attr_record *r);
/* Room for nrecs more distinct records and nstrs more strings, so that a builder that
 * knows how many it will add grows the tables once, not by doubling (when the old and
 * the new table are both whole). -1: out of memory. */
int ag__attrs_reserve_records(ag__attr_store *s, size_t nrecs, size_t nstrs);
/* Store the list of records ids[0..n) (indices from ag__attrs_add_record) under key, as
 * ag__attrs_set_records would the records. -1: out of memory. */
int ag__attrs_set_record_ids(ag__attr_store *s, size_t row, const char *key, const uint32_t *ids,
                             size_t n);
/* Store the list of strings v[0..n) (UTF-8) under key, as ag__attrs_set would the
 * jansson list of them. -1: out of memory. */
int ag__attrs_set_strings(ag__attr_store *s, size_t row, const char *key, const char *const *v,
                          size_t n);
/* Take over a's blocks (a is left empty): they live as long as the store, so strings in
 * them can be interned where they are. The records builder's string pool holds every
 * evidence text already; adopting it keeps the text once instead of twice. */
void ag__attrs_adopt(ag__attr_store *s, ag__arena *a);
/* Store a copy of *v (an AG_ATTR_OTHER value is shared: incref) under key, replacing
 * the old value in its place. key and strings must be UTF-8 already. -1: out of memory. */
int ag__attrs_set(ag__attr_store *s, size_t row, const char *key, const ag_attr_value *v);
/* The index of str (UTF-8) among the interned strings, a copy added when new; -1: out of
 * memory. With ag__attrs_set_string_id, a builder that sets the same few strings on many
 * rows looks each up once. */
long ag__attrs_intern(ag__attr_store *s, const char *str);
/* ag__attrs_set of the interned string with index id. -1: out of memory, or no such id. */
int ag__attrs_set_string_id(ag__attr_store *s, size_t row, const char *key, uint32_t id);
/* Remove key: 0, or -1 when absent. */
int ag__attrs_unset(ag__attr_store *s, size_t row, const char *key);
/* The row's jansson object, switching the row to object mode (see top). create 0: NULL
 * for a row without attributes. NULL also when out of memory. */
json_t *ag__attrs_object(ag__attr_store *s, size_t row, int create);

/* Rows become from[0..n): new row j is old row from[j]; rows not named are released.
 * from must not name a row twice. -1: out of memory (the store is unchanged). */
int ag__attrs_permute(ag__attr_store *s, const size_t *from, size_t n);
/* A deep copy of src into the uninitialised dst. -1: out of memory (dst disposed). */
int ag__attrs_copy(ag__attr_store *dst, const ag__attr_store *src);

/* *v as a value of its own (a new reference), or NULL when out of memory. */
json_t *ag__value_json(const ag_attr_value *v);
/* A jansson value seen as an attribute value; borrowed. */
void ag__json_value(const json_t *j, ag_attr_value *v);

#endif
