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
 */
#ifndef AG_GRAPH_ATTRS_INTERNAL_H
#define AG_GRAPH_ATTRS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <actorgraph/graph/graph.h>

#include "util/hashmap_internal.h"

/* Slots hold an index + 1 (0: empty) into the store's columns, strings or shapes. */
AG__HASHMAP_TYPE(ag__col_table, uint32_t)
AG__HASHMAP_TYPE(ag__str_table, uint32_t)
AG__HASHMAP_TYPE(ag__shape_table, uint32_t)

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

typedef struct ag__attr_store {
    uint32_t *shape; /* per row: shape index, or AG__OBJECT_ROW */
    json_t **objs;   /* per row: the object of an object-mode row; NULL until one */
    size_t nrows, caprows, capobjs;
    ag__attr_column *cols;
    size_t ncols, capcols;
    ag__attr_shape *shapes; /* shapes[0] is the empty row */
    size_t nshapes, capshapes;
    char **strs; /* interned strings, owned */
    size_t nstrs, capstrs;
    uint32_t *scratch; /* a shape being built */
    size_t capscratch;
    ag__col_table col_tab;     /* key -> column */
    ag__str_table str_tab;     /* text -> string */
    ag__shape_table shape_tab; /* column list -> shape */
} ag__attr_store;

#define AG__OBJECT_ROW UINT32_MAX

int ag__attrs_init(ag__attr_store *s);
void ag__attrs_dispose(ag__attr_store *s);
/* Append an empty row. -1: out of memory. */
int ag__attrs_add_row(ag__attr_store *s);

/* The row's value under key into *v (borrowed). -1 when absent. */
int ag__attrs_get(const ag__attr_store *s, size_t row, const char *key, ag_attr_value *v);
/* Number of entries of the row, and its k-th in insertion order (-1 past the end). */
size_t ag__attrs_count(const ag__attr_store *s, size_t row);
int ag__attrs_at(const ag__attr_store *s, size_t row, size_t k, const char **key, ag_attr_value *v);
/* Store a copy of *v (an AG_ATTR_OTHER value is shared: incref) under key, replacing
 * the old value in its place. key and strings must be UTF-8 already. -1: out of memory. */
int ag__attrs_set(ag__attr_store *s, size_t row, const char *key, const ag_attr_value *v);
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
