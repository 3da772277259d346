/*
 * graphml_internal.h - the marks the GraphML writer puts in a key's <desc> and the
 * reader looks for, so that our own files read back exactly (graphml_write.c).
 */
#ifndef AG_GRAPHML_INTERNAL_H
#define AG_GRAPHML_INTERNAL_H

#define MARK_LIST "actorgraph:list"
#define MARK_JSON "actorgraph:json"
#define MARK_NODEID "actorgraph:node-id"
#define MARK_NODEID_INT "actorgraph:node-id integer" /* the ids were JSON integers */
#define MARK_VISUAL "actorgraph:visual"

#endif
