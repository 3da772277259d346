/*
 * graph_internal.h - what libcore's own writers and builders use of a graph beyond the
 * public API: lists held natively in the attribute store (the extractor's evidence
 * records, aliases and roles; see attrs_internal.h for why and how).
 *
 * Ownership: records are copied into the graph (their strings interned); what the
 * readers hand out is borrowed from the graph, valid until it is freed.
 */
#ifndef AG_GRAPH_GRAPH_INTERNAL_H
#define AG_GRAPH_GRAPH_INTERNAL_H

#include <stddef.h>

#include <actorgraph/graph/graph.h>

#include "graph/attrs_internal.h"

/* Set link e's key to the list of {"doc", "offset", "text"} objects v[0..n) stands for,
 * as ag_edge_set_json would that list, with the records kept natively. A record whose
 * doc or text is not UTF-8 is left out (jansson would refuse it). adopted 1: every string
 * of v lies in blocks handed to ag__edge_adopt_strings, and stays where it is. 0, or -1
 * with err set (AG_EINVAL: e out of range or key not UTF-8; AG_ENOMEM). */
int ag__edge_set_records(ag_graph *g, size_t e, const char *key, const ag__attr_record *v, size_t n,
                         int adopted, ag_error *err);
/* Room for nodes and edges in all (arrays, indexes and attribute rows), for a builder
 * that knows how many it will add: grown once to that size, not doubled past it. 0, or
 * -1 with err set. */
int ag__graph_reserve(ag_graph *g, size_t nodes, size_t edges, ag_error *err);
/* Room for nrecs more distinct link records of at most nstrs more strings
 * (ag__attrs_reserve_records). 0, or -1 with err set. */
int ag__edge_reserve_records(ag_graph *g, size_t nrecs, size_t nstrs, ag_error *err);
/* The index of record r among the links' distinct records, added when new, for
 * ag__edge_set_record_ids (strings and adopted as for ag__edge_set_records); -2 when its
 * doc or text is not UTF-8 (a list leaves it out); -1 with err set (AG_ENOMEM). */
long ag__edge_add_record(ag_graph *g, const ag__attr_record *r, int adopted, ag_error *err);
/* ag__attrs_prefetch_record for the links' records: a hint, a few records ahead. */
void ag__edge_prefetch_record(const ag_graph *g, const ag__attr_record *r);
/* The link builders' setters below take key as a name they know is UTF-8 and not the
 * weight's (they pass literals), unchecked: checking it cost a tenth of setting a merged
 * graph's link attributes. */
/* Set link e's key to the list of records ids[0..n) (indices from ag__edge_add_record).
 * 0, or -1 with err set (AG_EINVAL: e out of range; AG_ENOMEM). */
int ag__edge_set_record_ids(ag_graph *g, size_t e, const char *key, const uint32_t *ids, size_t n,
                            ag_error *err);
/* The index of string s among the links' strings (a copy added when new), for
 * ag__edge_set_string_id: a builder that sets the same few strings on many links (the
 * extractor's dates) looks each up once. -2 when s is not UTF-8; -1 with err set
 * (AG_ENOMEM). */
long ag__edge_string_id(ag_graph *g, const char *s, ag_error *err);
/* ag_edge_set_string of the string with index id (from ag__edge_string_id). 0, or -1 with
 * err set (AG_EINVAL: e or id out of range, key the weight's; AG_ENOMEM). */
int ag__edge_set_string_id(ag_graph *g, size_t e, const char *key, long id, ag_error *err);
/* ag_edge_set_value of *v, an integer or a bool. 0, or -1 with err set (AG_EINVAL: e out
 * of range or another kind of value; AG_ENOMEM). */
int ag__edge_set_scalar(ag_graph *g, size_t e, const char *key, const ag_attr_value *v,
                        ag_error *err);
/* Set node i's key to the list of strings v[0..n), as ag_node_set_json would the jansson
 * list of them, kept natively. A string that is not UTF-8 is left out. Errors as for
 * ag__edge_set_records. */
int ag__node_set_strings(ag_graph *g, size_t node, const char *key, const char *const *v, size_t n,
                         ag_error *err);
/* The graph takes over a's blocks, freed with it (a is left empty), so that link records
 * can point into them (see ag__attrs_adopt). */
void ag__edge_adopt_strings(ag_graph *g, ag__arena *a);

/* As ag_node_attr_at and ag_edge_attr_at, but a list held natively is handed out as it
 * is: value->type is then AG_ATTR_NONE and *list gives it. Writers that read lists this
 * way never turn the column into jansson values. */
int ag__node_attr_at_native(const ag_graph *g, size_t node, size_t k, const char **key,
                            ag_attr_value *value, ag__attr_list *list);
int ag__edge_attr_at_native(const ag_graph *g, size_t edge, size_t k, const char **key,
                            ag_attr_value *value, ag__attr_list *list);

#endif
