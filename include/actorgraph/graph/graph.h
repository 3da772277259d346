/*
 * actorgraph/graph/graph.h - the actor-graph model every tool shares.
 *
 * Ownership: the graph owns its nodes, edges, ids and attribute values. Pointers it
 * hands out (ids, names, strings, attribute objects) are borrowed and stay valid until
 * the graph is modified structurally (ag_graph_filter, ag_graph_sort) or freed, and
 * attribute names and values also until that attribute is set or unset.
 *
 * Node and link attributes are kept by column (libcore/graph/attrs.c): one column per
 * name, integers, reals and booleans as such, strings interned, lists and objects as
 * jansson values. The typed calls at the end of this header read and set them without
 * jansson (ag_node_get_number(g, i, "pagerank", &pr), ag_node_set_string(g, i, "color",
 * "#ff0000", &err)), and ag_node_attr_at walks a record's attributes in insertion order,
 * the order writers print. jansson is the JSON boundary: ag_node_set_json takes a
 * jansson value, and ag_node_attrs gives a record's attributes as one jansson object,
 *     json_object_set_new(ag_node_attrs(g, i), "mentions", json_integer(3));
 * That object is made on first request and from then on *is* that record's attributes
 * (the typed calls read and write it too), so it costs what the columns save: code that
 * visits every node or link uses the typed calls. Attribute values are those of JSON
 * (strings, integers, reals, booleans, lists, objects, null), so the pipeline format
 * round-trips without loss.
 *
 * Nodes and edges are addressed by dense indices 0..count-1. Insertion order is kept
 * until ag_graph_sort() puts the graph in its canonical order (nodes by id, edges by
 * endpoint ids), which is what makes output byte-identical for identical input.
 */
#ifndef ACTORGRAPH_GRAPH_H
#define ACTORGRAPH_GRAPH_H

#include <stddef.h>
#include <jansson.h>
#include <actorgraph/util/error.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ag_graph ag_graph;

/* Actor types, stored on nodes as the string attribute "type". */
typedef enum ag_actor_type {
    AG_ACTOR_OTHER = 0,
    AG_ACTOR_PERSON,
    AG_ACTOR_ORG,
    AG_ACTOR_COUNTRY,
    AG_ACTOR_PLACE
} ag_actor_type;

/* "other", "person", "org", "country", "place". Static storage. */
AG_API const char *ag_actor_type_name(ag_actor_type t);
/* Parse a type name (also accepts "organization", "location", "loc", "per", "gpe");
 * returns -1 for an unknown name. */
AG_API int ag_actor_type_parse(const char *name, ag_actor_type *out);

/* ---------------------------------------------------------------- the graph */

/* A new empty graph; NULL only when out of memory. Free with ag_graph_free. */
AG_API ag_graph *ag_graph_new(int directed);
/* Free g and everything it owns. Accepts NULL. */
AG_API void ag_graph_free(ag_graph *g);

AG_API int ag_graph_is_directed(const ag_graph *g);
AG_API void ag_graph_set_directed(ag_graph *g, int directed);
/* A multigraph keeps parallel edges; otherwise readers merge them (last attribute wins). */
AG_API int ag_graph_is_multigraph(const ag_graph *g);
AG_API void ag_graph_set_multigraph(ag_graph *g, int multigraph);
/* Set when every node id came in as a JSON integer, so writers can give integers back
 * (networkx graphs with integer nodes round-trip unchanged). */
AG_API int ag_graph_has_integer_ids(const ag_graph *g);
AG_API void ag_graph_set_integer_ids(ag_graph *g, int integer_ids);

/* Graph-level attributes: a borrowed JSON object, never NULL. */
AG_API json_t *ag_graph_attrs(ag_graph *g);
AG_API const json_t *ag_graph_attrs_const(const ag_graph *g);

AG_API size_t ag_graph_node_count(const ag_graph *g);
AG_API size_t ag_graph_edge_count(const ag_graph *g);

/* ---------------------------------------------------------------- nodes */

/* Index of the node with this id, adding it when absent. -1 with err set on allocation
 * failure, or AG_ELIMIT past 2^32 - 2 nodes. Average time O(1) (hash table). */
AG_API long ag_graph_add_node(ag_graph *g, const char *id, ag_error *err);
/* Index of the node with this id, or -1 when there is none. Average time O(1). */
AG_API long ag_graph_find_node(const ag_graph *g, const char *id);

/* The node's id; borrowed. */
AG_API const char *ag_node_id(const ag_graph *g, size_t node);
/* The node's attributes as a jansson object (see the top: made on first use, then the
 * node's attributes for good); borrowed; NULL only when out of memory. */
AG_API json_t *ag_node_attrs(ag_graph *g, size_t node);
/* The same, or NULL when the node has no attributes; borrowed. Makes the object as
 * ag_node_attrs does (a graph is not safe to read from two threads while it does). */
AG_API const json_t *ag_node_attrs_const(const ag_graph *g, size_t node);

/* Attribute "type" parsed; AG_ACTOR_OTHER when missing or unknown. */
AG_API ag_actor_type ag_node_type(const ag_graph *g, size_t node);

/* ---------------------------------------------------------------- edges */

/* Append an edge; returns its index or -1 (out of memory, or AG_ELIMIT past 2^32 - 2
 * edges). On a graph that is not a multigraph the caller is expected to check
 * ag_graph_find_edge first (readers do). */
AG_API long ag_graph_add_edge(ag_graph *g, size_t source, size_t target, ag_error *err);
/* Index of an edge source-target (either direction when undirected), or -1.
 * Average time O(1). With parallel edges, the first one added. */
AG_API long ag_graph_find_edge(const ag_graph *g, size_t source, size_t target);

AG_API size_t ag_edge_source(const ag_graph *g, size_t edge);
AG_API size_t ag_edge_target(const ag_graph *g, size_t edge);
/* The edge weight; 1.0 when the edge has none. */
AG_API double ag_edge_weight(const ag_graph *g, size_t edge);
AG_API int ag_edge_has_weight(const ag_graph *g, size_t edge);
AG_API void ag_edge_set_weight(ag_graph *g, size_t edge, double weight);
AG_API void ag_edge_clear_weight(ag_graph *g, size_t edge);
/* Like ag_node_attrs; "weight" is not among them (see ag_edge_weight). */
AG_API json_t *ag_edge_attrs(ag_graph *g, size_t edge);
AG_API const json_t *ag_edge_attrs_const(const ag_graph *g, size_t edge);

/* ---------------------------------------------------------------- whole-graph edits */

/*
 * Keep only the nodes with keep_node[i] != 0 and the edges with keep_edge[e] != 0 whose
 * endpoints are both kept (either mask may be NULL: keep all). Indices are renumbered in
 * their old order; attributes are kept. Time O(V + E).
 */
AG_API int ag_graph_filter(ag_graph *g, const unsigned char *keep_node,
                           const unsigned char *keep_edge, ag_error *err);

/*
 * Canonical order: nodes by id (byte order, or numerically when ids are integers),
 * undirected edges with source < target by node order, edges by (source, target) then
 * insertion order. Time O(V log V + E log E).
 */
AG_API int ag_graph_sort(ag_graph *g, ag_error *err);

/* A deep copy of g (attributes copied), or NULL. */
AG_API ag_graph *ag_graph_copy(const ag_graph *g, ag_error *err);

/* ---------------------------------------------------------------- typed attributes */

/*
 * Node, link and graph attributes by name, without jansson. Each family comes three
 * times: ag_node_*(g, node, key, ...), ag_edge_*(g, edge, key, ...) and
 * ag_graph_*(g, key, ...).
 *
 * Getters return 0 and store the value in *out, or -1 when the attribute is absent, has
 * another type, or the index is out of range (*out is then left alone). A number is an
 * integer or a real: get_number gives either as a double, get_integer only an integer.
 * A string is borrowed: valid until that attribute is set or unset, or the graph is
 * modified structurally or freed.
 * Setters replace whatever the key held and return 0, or -1 with err set (err may be
 * NULL): AG_EINVAL for an index out of range, a key or string value that is not UTF-8,
 * or a number that is not finite; AG_ENOMEM.
 * A link's "weight" is its weight (ag_edge_weight), not an entry of its attribute
 * object: the ag_edge_* calls read it as a real (absent when the link has none), set it
 * only to a number (ag_edge_set_weight; an integer is stored as a real), unset it with
 * ag_edge_clear_weight, and list it first among the keys.
 */

/* The type of an attribute's value. */
typedef enum ag_attr_type {
    AG_ATTR_NONE = 0, /* absent (or the index is out of range) */
    AG_ATTR_STRING,   /* UTF-8 text */
    AG_ATTR_INTEGER,  /* a whole number (long long) */
    AG_ATTR_REAL,     /* a double */
    AG_ATTR_BOOL,     /* true or false */
    AG_ATTR_OTHER     /* a list, an object or null: read it from ag_node_attrs_const etc. */
} ag_attr_type;

/* One attribute value, as the key iteration (ag_node_attr_at) hands it out and the
 * value setters (ag_node_set_value) take it: type says which member holds it. string
 * and other are borrowed (lifetimes as for the getters). */
typedef struct ag_attr_value {
    ag_attr_type type;
    const char *string;  /* AG_ATTR_STRING */
    size_t length;       /* AG_ATTR_STRING: its bytes, which a string from JSON may hold a
                            NUL among ("\u0000"); 0 stands for strlen(string) */
    long long integer;   /* AG_ATTR_INTEGER */
    double real;         /* AG_ATTR_REAL */
    int boolean;         /* AG_ATTR_BOOL: 1 or 0 */
    const json_t *other; /* AG_ATTR_OTHER: a list, an object or null */
} ag_attr_value;

AG_API ag_attr_type ag_node_attr_type(const ag_graph *g, size_t node, const char *key);
AG_API int ag_node_get_number(const ag_graph *g, size_t node, const char *key, double *out);
AG_API int ag_node_get_integer(const ag_graph *g, size_t node, const char *key, long long *out);
AG_API int ag_node_get_string(const ag_graph *g, size_t node, const char *key, const char **out);
/* *out is 1 for true, 0 for false. */
AG_API int ag_node_get_bool(const ag_graph *g, size_t node, const char *key, int *out);
/* Stored as a real ("1.0" in JSON); use set_integer for counts. */
AG_API int ag_node_set_number(ag_graph *g, size_t node, const char *key, double value,
                              ag_error *err);
AG_API int ag_node_set_integer(ag_graph *g, size_t node, const char *key, long long value,
                               ag_error *err);
/* The string is copied. */
AG_API int ag_node_set_string(ag_graph *g, size_t node, const char *key, const char *value,
                              ag_error *err);
/* Any non-zero value is true. */
AG_API int ag_node_set_bool(ag_graph *g, size_t node, const char *key, int value, ag_error *err);
/* Remove the attribute: 0, or -1 when it was absent. */
AG_API int ag_node_unset(ag_graph *g, size_t node, const char *key);
/*
 * The node's attribute names in insertion order: keys[0, min(n, max)) receives borrowed
 * names (valid until that attribute is unset or the graph is modified structurally or
 * freed), and the return value n is the number of attributes, so a caller may ask with
 * max 0 first. keys may be NULL when max is 0. Time O(n).
 */
AG_API size_t ag_node_attr_keys(const ag_graph *g, size_t node, const char **keys, size_t max);
/*
 * The node's k-th attribute in insertion order, k from 0: the name into *key and the
 * value into *value (both borrowed, as above), 0; or -1 when k is past the last one.
 * for (k = 0; ag_node_attr_at(g, node, k, &key, &v) == 0; k++) walks a row without ever
 * making its jansson object, which is what writers do. O(1) a call, except for a row
 * whose object was asked for (O(k)).
 */
AG_API int ag_node_attr_at(const ag_graph *g, size_t node, size_t k, const char **key,
                           ag_attr_value *value);
/* The value under key into *out (borrowed): 0, or -1 when absent. */
AG_API int ag_node_get_value(const ag_graph *g, size_t node, const char *key, ag_attr_value *out);
/* Set from a value as ag_node_attr_at gives it (an AG_ATTR_OTHER value is shared: its
 * reference count goes up). Errors as for the typed setters. */
AG_API int ag_node_set_value(ag_graph *g, size_t node, const char *key, const ag_attr_value *value,
                             ag_error *err);
/* Set from a jansson value, borrowed: a scalar is copied into the store, a list, object
 * or null is shared (incref), as json_object_set would. The call readers use. */
AG_API int ag_node_set_json(ag_graph *g, size_t node, const char *key, const json_t *value,
                            ag_error *err);

/* Set every attribute of node src_node of src (but skip, which may be NULL) on node
 * dst_node of dst, in their order, as json_object_update would: a list or object is
 * shared, not copied. src may be dst. Errors as for the setters. */
AG_API int ag_node_copy_attrs(ag_graph *dst, size_t dst_node, const ag_graph *src, size_t src_node,
                              const char *skip, ag_error *err);

AG_API ag_attr_type ag_edge_attr_type(const ag_graph *g, size_t edge, const char *key);
AG_API int ag_edge_get_number(const ag_graph *g, size_t edge, const char *key, double *out);
AG_API int ag_edge_get_integer(const ag_graph *g, size_t edge, const char *key, long long *out);
AG_API int ag_edge_get_string(const ag_graph *g, size_t edge, const char *key, const char **out);
AG_API int ag_edge_get_bool(const ag_graph *g, size_t edge, const char *key, int *out);
AG_API int ag_edge_set_number(ag_graph *g, size_t edge, const char *key, double value,
                              ag_error *err);
AG_API int ag_edge_set_integer(ag_graph *g, size_t edge, const char *key, long long value,
                               ag_error *err);
AG_API int ag_edge_set_string(ag_graph *g, size_t edge, const char *key, const char *value,
                              ag_error *err);
AG_API int ag_edge_set_bool(ag_graph *g, size_t edge, const char *key, int value, ag_error *err);
AG_API int ag_edge_unset(ag_graph *g, size_t edge, const char *key);
AG_API size_t ag_edge_attr_keys(const ag_graph *g, size_t edge, const char **keys, size_t max);
/* The value calls of links (attr_at, get_value, set_value, set_json) work on the
 * link's entries as ag_edge_attrs holds them: the weight is not among them (read it
 * with ag_edge_has_weight/ag_edge_weight), and a key "weight" there is an entry. */
AG_API int ag_edge_attr_at(const ag_graph *g, size_t edge, size_t k, const char **key,
                           ag_attr_value *value);
AG_API int ag_edge_get_value(const ag_graph *g, size_t edge, const char *key, ag_attr_value *out);
AG_API int ag_edge_set_value(ag_graph *g, size_t edge, const char *key, const ag_attr_value *value,
                             ag_error *err);
AG_API int ag_edge_set_json(ag_graph *g, size_t edge, const char *key, const json_t *value,
                            ag_error *err);
AG_API int ag_edge_copy_attrs(ag_graph *dst, size_t dst_edge, const ag_graph *src, size_t src_edge,
                              const char *skip, ag_error *err);

AG_API ag_attr_type ag_graph_attr_type(const ag_graph *g, const char *key);
AG_API int ag_graph_get_number(const ag_graph *g, const char *key, double *out);
AG_API int ag_graph_get_integer(const ag_graph *g, const char *key, long long *out);
AG_API int ag_graph_get_string(const ag_graph *g, const char *key, const char **out);
AG_API int ag_graph_get_bool(const ag_graph *g, const char *key, int *out);
AG_API int ag_graph_set_number(ag_graph *g, const char *key, double value, ag_error *err);
AG_API int ag_graph_set_integer(ag_graph *g, const char *key, long long value, ag_error *err);
AG_API int ag_graph_set_string(ag_graph *g, const char *key, const char *value, ag_error *err);
AG_API int ag_graph_set_bool(ag_graph *g, const char *key, int value, ag_error *err);
AG_API int ag_graph_unset(ag_graph *g, const char *key);
AG_API size_t ag_graph_attr_keys(const ag_graph *g, const char **keys, size_t max);

/* ---------------------------------------------------------------- attribute helpers */

/* *value as a jansson value of its own (a new reference; an AG_ATTR_OTHER value is the
 * same one, incref'd), or NULL for AG_ATTR_NONE or when out of memory. */
AG_API json_t *ag_attr_value_json(const ag_attr_value *value);
/* The attribute value a jansson value stands for, into *out (borrowed from j). */
AG_API void ag_attr_value_of_json(const json_t *j, ag_attr_value *out);

/* Number attribute (integer or real) as double; def when missing or not a number. */
AG_API double ag_attr_number(const json_t *attrs, const char *key, double def);
/* String attribute; NULL when missing or not a string. Borrowed. */
AG_API const char *ag_attr_string(const json_t *attrs, const char *key);

#ifdef __cplusplus
}
#endif
#endif
