/*
 * actorgraph/graph/graph.h - the actor-graph model every tool shares.
 *
 * Ownership: the graph owns its nodes, edges, ids and attribute objects. Pointers it
 * hands out (ids, attribute objects) are borrowed and stay valid until the graph is
 * modified structurally (ag_graph_filter, ag_graph_sort) or freed.
 * Attribute values are jansson values: the pipeline format is JSON, so open-ended
 * attributes (strings, integers, reals, booleans, lists, evidence objects) round-trip
 * without a second value model. Set them with jansson's stealing calls, e.g.
 *     json_object_set_new(ag_node_attrs(g, i), "mentions", json_integer(3));
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

/* Index of the node with this id, adding it when absent. -1 on allocation failure.
 * Average time O(1) (hash table). */
AG_API long ag_graph_add_node(ag_graph *g, const char *id, ag_error *err);
/* Index of the node with this id, or -1 when there is none. Average time O(1). */
AG_API long ag_graph_find_node(const ag_graph *g, const char *id);

/* The node's id; borrowed. */
AG_API const char *ag_node_id(const ag_graph *g, size_t node);
/* The node's attribute object, created on first use; borrowed; NULL only when out of
 * memory. */
AG_API json_t *ag_node_attrs(ag_graph *g, size_t node);
/* The node's attribute object or NULL when it has none; borrowed. */
AG_API const json_t *ag_node_attrs_const(const ag_graph *g, size_t node);

/* Attribute "type" parsed; AG_ACTOR_OTHER when missing or unknown. */
AG_API ag_actor_type ag_node_type(const ag_graph *g, size_t node);

/* ---------------------------------------------------------------- edges */

/* Append an edge; returns its index or -1. On a graph that is not a multigraph the
 * caller is expected to check ag_graph_find_edge first (readers do). */
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

/* ---------------------------------------------------------------- attribute helpers */

/* Number attribute (integer or real) as double; def when missing or not a number. */
AG_API double ag_attr_number(const json_t *attrs, const char *key, double def);
/* String attribute; NULL when missing or not a string. Borrowed. */
AG_API const char *ag_attr_string(const json_t *attrs, const char *key);

#ifdef __cplusplus
}
#endif
#endif
