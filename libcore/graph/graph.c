/*
 * graph.c - the in-memory actor graph.
 *
 * Nodes and edges live in dense arrays so analysis can walk them by index; two
 * open-addressing hash tables (id -> node, endpoint pair -> edge) give O(1) lookup.
 * Node and link attributes live in two columnar stores (attrs.c), one row per node or
 * link, so that a million links with the same few keys cost a few value arrays instead of
 * a million jansson objects. The typed calls (end of file) read and write the columns; a
 * caller that asks for a row's jansson object gets it materialised (and the row then
 * stays an object), so a caller without jansson and one with it see one store.
 */
#include <actorgraph/graph/graph.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "graph/attrs_internal.h"
#include "graph/graph_internal.h"
#include "util/error_internal.h"
#include "util/array_internal.h"
#include "util/bytes_internal.h"
#include "util/hashmap_internal.h"

/* ------------------------------------------------------------------ types */

typedef struct node {
    char *id; /* owned, NUL-terminated */
} node;

/* The tables' slots hold an index into nodes or edges plus one (0: empty), so a table
 * costs one word per slot and the records keep insertion order, the order every writer
 * uses. */
#define SLOT_EMPTY(t, s) (*(s) == 0)
AG__HASHMAP_TYPE(node_table, size_t)
AG__HASHMAP_TYPE(edge_table, uint32_t)

/* Links are most of a big graph: 16 bytes each, and 4 a table slot, since node and link
 * counts stay below 2^32 (ag_graph_add_node and ag_graph_add_edge refuse more). */
#define MAX_COUNT (UINT32_MAX - 1)
typedef struct edge {
    uint32_t src, dst; /* node indices */
    double weight;     /* NAN: the edge has no weight */
} edge;

struct ag_graph {
    int directed;    /* edges have a direction */
    int multigraph;  /* parallel edges are kept */
    int integer_ids; /* ids came in as JSON integers */
    json_t *attrs;   /* graph attributes, never NULL */
    node *nodes;     /* nnodes used of capnodes */
    size_t nnodes, capnodes;
    edge *edges; /* nedges used of capedges */
    size_t nedges, capedges;
    node_table node_tab;   /* id -> node */
    edge_table edge_tab;   /* endpoint pair -> edge */
    ag__attr_store nattrs; /* node attributes, row i for node i */
    ag__attr_store eattrs; /* link attributes, row e for link e (the weight is not here) */
};

/* ------------------------------------------------------------------ hashing */

static uint64_t hash_str(const char *s) { return ag__hash_bytes(s, strlen(s)); }

static uint64_t hash_pair(const ag_graph *g, size_t a, size_t b)
{
    if (!g->directed && a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    return ag__hash_u64(((uint64_t)a << 32) ^ (uint64_t)b ^ ((uint64_t)b >> 32));
}

static int pair_matches(const ag_graph *g, const edge *e, const size_t *ab)
{
    if (e->src == ab[0] && e->dst == ab[1])
        return 1;
    return !g->directed && e->src == ab[1] && e->dst == ab[0];
}

#define NODE_MATCH(g, s, key, h) (strcmp((g)->nodes[*(s)-1].id, (key)) == 0)
#define NODE_REHASH(g, s) hash_str((g)->nodes[*(s)-1].id)
#define EDGE_MATCH(g, s, ab, h) pair_matches((g), &(g)->edges[*(s)-1], (ab))
#define EDGE_REHASH(g, s) hash_pair((g), (g)->edges[*(s)-1].src, (g)->edges[*(s)-1].dst)
AG__HASHMAP_FUNCTIONS(node_table, size_t, const char *, const ag_graph *, SLOT_EMPTY, NODE_MATCH,
                      NODE_REHASH)
AG__HASHMAP_FUNCTIONS(edge_table, uint32_t, const size_t *, const ag_graph *, SLOT_EMPTY,
                      EDGE_MATCH, EDGE_REHASH)

/* Rebuild a table from its array, with room for want entries: in index order, so that a
 * probe meets parallel edges in the order they were added. The old table is kept when
 * allocation fails. */
#define REINDEX(table_t, tab, count, hash_of)                                                      \
    do {                                                                                           \
        table_t nt;                                                                                \
        table_t##_init(&nt);                                                                       \
        if (table_t##_reserve(&nt, g, want, 16) < 0)                                               \
            return -1;                                                                             \
        for (size_t i = 0; i < (count); i++)                                                       \
            *table_t##_empty_slot(&nt, (hash_of)) = (uint32_t)i + 1;                               \
        nt.n = (count);                                                                            \
        table_t##_dispose(&(tab));                                                                 \
        (tab) = nt;                                                                                \
        return 0;                                                                                  \
    } while (0)

static int reindex_nodes(ag_graph *g, size_t want)
{
    REINDEX(node_table, g->node_tab, g->nnodes, hash_str(g->nodes[i].id));
}

static int reindex_edges(ag_graph *g, size_t want)
{
    REINDEX(edge_table, g->edge_tab, g->nedges, hash_pair(g, g->edges[i].src, g->edges[i].dst));
}

/* ------------------------------------------------------------------ actor types */

static const char *const type_names[] = {"other", "person", "org", "country", "place"};

const char *ag_actor_type_name(ag_actor_type t)
{
    if ((unsigned)t >= sizeof type_names / sizeof type_names[0])
        return "other";
    return type_names[t];
}

int ag_actor_type_parse(const char *name, ag_actor_type *out)
{
    static const struct {
        const char *name;
        ag_actor_type type;
    } alias[] = {
        {"other", AG_ACTOR_OTHER},      {"misc", AG_ACTOR_OTHER},
        {"person", AG_ACTOR_PERSON},    {"per", AG_ACTOR_PERSON},
        {"org", AG_ACTOR_ORG},          {"organization", AG_ACTOR_ORG},
        {"organisation", AG_ACTOR_ORG}, {"country", AG_ACTOR_COUNTRY},
        {"gpe", AG_ACTOR_COUNTRY},      {"place", AG_ACTOR_PLACE},
        {"location", AG_ACTOR_PLACE},   {"loc", AG_ACTOR_PLACE},
    };
    if (!name)
        return -1;
    for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
        if (strcasecmp(name, alias[i].name) == 0) {
            *out = alias[i].type;
            return 0;
        }
    return -1;
}

/* ------------------------------------------------------------------ graph */

ag_graph *ag_graph_new(int directed)
{
    ag_graph *g = calloc(1, sizeof *g);

    if (!g)
        return NULL;
    g->directed = directed != 0;
    g->attrs = json_object();
    if (ag__attrs_init(&g->nattrs) < 0 || ag__attrs_init(&g->eattrs) < 0 || !g->attrs ||
        reindex_nodes(g, 0) < 0 || reindex_edges(g, 0) < 0) {
        ag_graph_free(g);
        return NULL;
    }
    return g;
}

void ag_graph_free(ag_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->nnodes; i++)
        free(g->nodes[i].id);
    ag__attrs_dispose(&g->nattrs);
    ag__attrs_dispose(&g->eattrs);
    json_decref(g->attrs);
    free(g->nodes);
    free(g->edges);
    node_table_dispose(&g->node_tab);
    edge_table_dispose(&g->edge_tab);
    free(g);
}

int ag_graph_is_directed(const ag_graph *g) { return g->directed; }
int ag_graph_is_multigraph(const ag_graph *g) { return g->multigraph; }
int ag_graph_has_integer_ids(const ag_graph *g) { return g->integer_ids; }
void ag_graph_set_multigraph(ag_graph *g, int multigraph) { g->multigraph = multigraph != 0; }
void ag_graph_set_integer_ids(ag_graph *g, int integer_ids) { g->integer_ids = integer_ids != 0; }
json_t *ag_graph_attrs(ag_graph *g) { return g->attrs; }
const json_t *ag_graph_attrs_const(const ag_graph *g) { return g->attrs; }
size_t ag_graph_node_count(const ag_graph *g) { return g->nnodes; }
size_t ag_graph_edge_count(const ag_graph *g) { return g->nedges; }

void ag_graph_set_directed(ag_graph *g, int directed)
{
    directed = directed != 0;
    if (g->directed == directed)
        return;
    g->directed = directed;
    /* The pair hash is symmetric only for undirected graphs; rebuild. Cannot fail in
     * practice (same size table); on failure lookups fall back to a stale table, so
     * keep the old one by rebuilding only on success. */
    reindex_edges(g, g->nedges);
}

/* ------------------------------------------------------------------ nodes */

long ag_graph_find_node(const ag_graph *g, const char *id)
{
    const size_t *s = node_table_find(&g->node_tab, g, id, hash_str(id));
    return s ? (long)*s - 1 : -1;
}

long ag_graph_add_node(ag_graph *g, const char *id, ag_error *err)
{
    long found = ag_graph_find_node(g, id);
    char *copy;

    if (found >= 0)
        return found;
    if (g->nnodes >= MAX_COUNT) {
        ag_error_set(err, AG_ELIMIT, NULL, 0, 0, "more than %zu nodes", (size_t)MAX_COUNT);
        return -1;
    }
    if (ag__grow(&g->nodes, &g->capnodes, g->nnodes + 1, sizeof *g->nodes) < 0)
        goto nomem;
    if (2 * (g->nnodes + 1) > g->node_tab.cap && reindex_nodes(g, 2 * (g->nnodes + 1)) < 0)
        goto nomem;
    if (!(copy = strdup(id)))
        goto nomem;
    if (ag__attrs_add_row(&g->nattrs) < 0) {
        free(copy);
        goto nomem;
    }
    g->nodes[g->nnodes].id = copy;
    *node_table_empty_slot(&g->node_tab, hash_str(id)) = g->nnodes + 1;
    g->node_tab.n++;
    return (long)g->nnodes++;
nomem:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory adding node '%.80s'", id);
    return -1;
}

const char *ag_node_id(const ag_graph *g, size_t i) { return g->nodes[i].id; }
/* The const variant materialises too: the store is the graph's private business, and the
 * object, once made, is the row's attributes for good (see attrs_internal.h). */
const json_t *ag_node_attrs_const(const ag_graph *g, size_t i)
{
    return ag__attrs_object((ag__attr_store *)&g->nattrs, i, 0);
}

json_t *ag_node_attrs(ag_graph *g, size_t i) { return ag__attrs_object(&g->nattrs, i, 1); }

ag_actor_type ag_node_type(const ag_graph *g, size_t i)
{
    ag_actor_type t = AG_ACTOR_OTHER;
    const char *s;

    if (ag_node_get_string(g, i, "type", &s) == 0)
        ag_actor_type_parse(s, &t);
    return t;
}

/* ------------------------------------------------------------------ edges */

long ag_graph_find_edge(const ag_graph *g, size_t a, size_t b)
{
    /* With parallel edges the first match is the first added (reindex_edges). */
    size_t ab[2] = {a, b};
    const uint32_t *s = edge_table_find(&g->edge_tab, g, ab, hash_pair(g, a, b));
    return s ? (long)*s - 1 : -1;
}

long ag_graph_add_edge(ag_graph *g, size_t a, size_t b, ag_error *err)
{
    if (a >= g->nnodes || b >= g->nnodes) {
        ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "edge endpoint out of range");
        return -1;
    }
    if (g->nedges >= MAX_COUNT) {
        ag_error_set(err, AG_ELIMIT, NULL, 0, 0, "more than %zu links", (size_t)MAX_COUNT);
        return -1;
    }
    if (ag__grow(&g->edges, &g->capedges, g->nedges + 1, sizeof *g->edges) < 0)
        goto nomem;
    if (2 * (g->nedges + 1) > g->edge_tab.cap && reindex_edges(g, 2 * (g->nedges + 1)) < 0)
        goto nomem;
    if (ag__attrs_add_row(&g->eattrs) < 0)
        goto nomem;
    g->edges[g->nedges] = (edge){(uint32_t)a, (uint32_t)b, NAN};
    *edge_table_empty_slot(&g->edge_tab, hash_pair(g, a, b)) = (uint32_t)g->nedges + 1;
    g->edge_tab.n++;
    return (long)g->nedges++;
nomem:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory adding an edge");
    return -1;
}

size_t ag_edge_source(const ag_graph *g, size_t e) { return g->edges[e].src; }
size_t ag_edge_target(const ag_graph *g, size_t e) { return g->edges[e].dst; }
int ag_edge_has_weight(const ag_graph *g, size_t e) { return !isnan(g->edges[e].weight); }
void ag_edge_set_weight(ag_graph *g, size_t e, double w) { g->edges[e].weight = w; }
void ag_edge_clear_weight(ag_graph *g, size_t e) { g->edges[e].weight = NAN; }
const json_t *ag_edge_attrs_const(const ag_graph *g, size_t e)
{
    return ag__attrs_object((ag__attr_store *)&g->eattrs, e, 0);
}

double ag_edge_weight(const ag_graph *g, size_t e)
{
    double w = g->edges[e].weight;
    return isnan(w) ? 1.0 : w;
}

json_t *ag_edge_attrs(ag_graph *g, size_t e) { return ag__attrs_object(&g->eattrs, e, 1); }

/* ------------------------------------------------------------------ whole-graph edits */

/* Apply a node permutation/selection: map[old] = new index or -1. Edges follow, and are
 * dropped when an endpoint goes or keep_edge says so. Tables are rebuilt. */
static int remap(ag_graph *g, const long *map, const unsigned char *keep_edge, ag_error *err)
{
    node *nodes = malloc((g->nnodes ? g->nnodes : 1) * sizeof *nodes);
    size_t *from = malloc((g->nnodes > g->nedges ? g->nnodes : g->nedges + 1) * sizeof *from);
    size_t nn = 0, ne = 0;

    if (!nodes || !from)
        goto nomem;
    /* The attribute rows move first: they are the part that can fail. */
    for (size_t i = 0; i < g->nnodes; i++)
        if (map[i] >= 0) {
            from[map[i]] = i;
            nn++;
        }
    if (ag__attrs_permute(&g->nattrs, from, nn) < 0)
        goto nomem;
    for (size_t e = 0; e < g->nedges; e++) {
        const edge *ed = &g->edges[e];
        if (!((keep_edge && !keep_edge[e]) || map[ed->src] < 0 || map[ed->dst] < 0))
            from[ne++] = e;
    }
    if (ag__attrs_permute(&g->eattrs, from, ne) < 0)
        goto nomem;
    free(from);
    for (size_t i = 0; i < g->nnodes; i++) {
        if (map[i] >= 0)
            nodes[map[i]] = g->nodes[i];
        else
            free(g->nodes[i].id);
    }
    ne = 0;
    for (size_t e = 0; e < g->nedges; e++) {
        edge *ed = &g->edges[e];
        if ((keep_edge && !keep_edge[e]) || map[ed->src] < 0 || map[ed->dst] < 0)
            continue;
        ed->src = (uint32_t)map[ed->src];
        ed->dst = (uint32_t)map[ed->dst];
        g->edges[ne++] = *ed;
    }
    free(g->nodes);
    g->nodes = nodes;
    g->nnodes = g->capnodes = nn;
    g->nedges = ne;
    if (nn == 0)
        g->capnodes = 1;
    if (reindex_nodes(g, nn) < 0 || reindex_edges(g, ne) < 0)
        return ag__nomem(err);
    return 0;
nomem:
    free(nodes);
    free(from);
    return ag__nomem(err);
}

int ag_graph_filter(ag_graph *g, const unsigned char *keep_node, const unsigned char *keep_edge,
                    ag_error *err)
{
    long *map = malloc((g->nnodes ? g->nnodes : 1) * sizeof *map);
    long next = 0;
    int rc;

    if (!map)
        return ag__nomem(err);
    for (size_t i = 0; i < g->nnodes; i++)
        map[i] = (!keep_node || keep_node[i]) ? next++ : -1;
    rc = remap(g, map, keep_edge, err);
    free(map);
    return rc;
}

/* qsort has no context argument in C11; sorting is not done concurrently on one graph,
 * but two graphs may be sorted from two threads, so the context is thread-local. */
static _Thread_local const ag_graph *sort_graph;

/* Integer ids compare numerically ("2" < "10"); everything else bytewise. */
static int cmp_ids(const char *a, const char *b, int integer_ids)
{
    if (integer_ids) {
        long long x = strtoll(a, NULL, 10), y = strtoll(b, NULL, 10);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return strcmp(a, b);
}

static int cmp_node_index(const void *pa, const void *pb)
{
    const ag_graph *g = sort_graph;
    return cmp_ids(g->nodes[*(const size_t *)pa].id, g->nodes[*(const size_t *)pb].id,
                   g->integer_ids);
}

/* Edges are sorted as (endpoint key, old position) pairs: the old position as the last
 * key makes the sort stable (parallel edges keep the order they were added in), and the
 * packed key keeps the comparisons in cache. */
typedef struct edge_key {
    uint64_t key; /* source << 32 | target (node counts stay below 2^32) */
    size_t pos;   /* old index */
} edge_key;

static int cmp_edge_key(const void *pa, const void *pb)
{
    const edge_key *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
}

int ag_graph_sort(ag_graph *g, ag_error *err)
{
    size_t *order = malloc((g->nnodes ? g->nnodes : 1) * sizeof *order);
    long *map = malloc((g->nnodes ? g->nnodes : 1) * sizeof *map);
    int rc = -1, moved = 0;

    if (!order || !map) {
        ag__nomem(err);
        goto out;
    }
    for (size_t i = 0; i < g->nnodes; i++)
        order[i] = i;
    sort_graph = g;
    /* A graph built in order (the extractor's, ag-merge's) is checked in one pass, not
     * sorted again (ids are unique: a graph in order is its own sort). */
    for (size_t i = 1; i < g->nnodes; i++)
        if (cmp_node_index(&order[i - 1], &order[i]) > 0) {
            qsort(order, g->nnodes, sizeof *order, cmp_node_index);
            break;
        }
    for (size_t i = 0; i < g->nnodes; i++) {
        map[order[i]] = (long)i;
        moved |= order[i] != i;
    }
    /* A graph built in order (the extractor's) is not moved: moving the attribute rows
     * copies every column, at the time the graph is largest. */
    if (moved && remap(g, map, NULL, err) < 0)
        goto out;
    if (!g->directed)
        for (size_t e = 0; e < g->nedges; e++)
            if (g->edges[e].src > g->edges[e].dst) {
                uint32_t t = g->edges[e].src;
                g->edges[e].src = g->edges[e].dst;
                g->edges[e].dst = t;
            }
    for (size_t e = 1; e < g->nedges && !moved; e++)
        moved = ((uint64_t)g->edges[e - 1].src << 32 | g->edges[e - 1].dst) >
                ((uint64_t)g->edges[e].src << 32 | g->edges[e].dst);
    if (moved && g->nedges > 0) {
        edge_key *keys = malloc(g->nedges * sizeof *keys);
        edge *sorted = malloc(g->nedges * sizeof *sorted);
        size_t *from = malloc(g->nedges * sizeof *from);
        if (!keys || !sorted || !from) {
            free(keys);
            free(sorted);
            free(from);
            ag__nomem(err);
            goto out;
        }
        for (size_t e = 0; e < g->nedges; e++)
            keys[e] = (edge_key){(uint64_t)g->edges[e].src << 32 | g->edges[e].dst, e};
        qsort(keys, g->nedges, sizeof *keys, cmp_edge_key);
        for (size_t e = 0; e < g->nedges; e++) {
            sorted[e] = g->edges[keys[e].pos];
            from[e] = keys[e].pos;
        }
        free(keys);
        rc = ag__attrs_permute(&g->eattrs, from, g->nedges);
        free(from);
        if (rc < 0) {
            free(sorted);
            ag__nomem(err);
            goto out;
        }
        free(g->edges);
        g->edges = sorted;
        g->capedges = g->nedges;
    }
    /* (turning an undirected edge round keeps its hash) */
    rc = moved ? reindex_edges(g, g->nedges) : 0;
    if (rc < 0)
        ag__nomem(err);
out:
    free(order);
    free(map);
    return rc;
}

ag_graph *ag_graph_copy(const ag_graph *g, ag_error *err)
{
    ag_graph *c = ag_graph_new(g->directed);

    if (!c)
        goto nomem;
    c->multigraph = g->multigraph;
    c->integer_ids = g->integer_ids;
    if (json_object_update(c->attrs, g->attrs) < 0)
        goto nomem;
    for (size_t i = 0; i < g->nnodes; i++)
        if (ag_graph_add_node(c, g->nodes[i].id, err) < 0)
            goto fail;
    for (size_t e = 0; e < g->nedges; e++) {
        if (ag_graph_add_edge(c, g->edges[e].src, g->edges[e].dst, err) < 0)
            goto fail;
        c->edges[e].weight = g->edges[e].weight;
    }
    /* The stores are copied whole (their rows were added empty above). */
    ag__attrs_dispose(&c->nattrs);
    ag__attrs_dispose(&c->eattrs);
    if (ag__attrs_copy(&c->nattrs, &g->nattrs) < 0 || ag__attrs_copy(&c->eattrs, &g->eattrs) < 0)
        goto nomem; /* a failed copy leaves its store disposed, which frees again safely */
    return c;
nomem:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory copying a graph");
fail:
    ag_graph_free(c);
    return NULL;
}

/* ------------------------------------------------------------------ attribute helpers */

json_t *ag_attr_value_json(const ag_attr_value *v) { return v ? ag__value_json(v) : NULL; }
void ag_attr_value_of_json(const json_t *j, ag_attr_value *out) { ag__json_value(j, out); }

double ag_attr_number(const json_t *attrs, const char *key, double def)
{
    json_t *v = attrs ? json_object_get(attrs, key) : NULL;
    return json_is_number(v) ? json_number_value(v) : def;
}

const char *ag_attr_string(const json_t *attrs, const char *key)
{
    json_t *v = attrs ? json_object_get(attrs, key) : NULL;
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* ------------------------------------------------------------------ typed attributes */

/* 1 when s is well-formed UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF): jansson refuses anything else as a key or a string, and checking first lets
 * the setters tell a bad argument (AG_EINVAL) from a failed allocation. */
static int utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);

    while (*p) {
        unsigned long cp;
        size_t n;
        if (*p < 0x80) {
            /* ASCII eight bytes at a time: the evidence sentences every link of an
             * extraction or merge stores are checked here, and are nearly all ASCII. */
            for (p++; end - p >= 8; p += 8) {
                uint64_t w;
                memcpy(&w, p, 8);
                if (w & 0x8080808080808080ull)
                    break;
            }
            continue;
        }
        if (*p >= 0xc2 && *p <= 0xdf)
            n = 1, cp = *p & 0x1fu;
        else if (*p >= 0xe0 && *p <= 0xef)
            n = 2, cp = *p & 0x0fu;
        else if (*p >= 0xf0 && *p <= 0xf4)
            n = 3, cp = *p & 0x07u;
        else
            return 0;
        for (size_t i = 1; i <= n; i++) { /* stops at the NUL: it is no continuation byte */
            if ((p[i] & 0xc0) != 0x80)
                return 0;
            cp = cp << 6 | (p[i] & 0x3fu);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
        p += n + 1;
    }
    return 1;
}

/* Check a key and a value before they are stored (jansson refuses text that is not
 * UTF-8, and the store keeps what jansson would). 0, or -1 with err set. */
static int check_value(const char *key, const ag_attr_value *v, ag_error *err)
{
    if (!key || !utf8_valid(key))
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "attribute name is not UTF-8");
    switch (v->type) {
    case AG_ATTR_STRING:
        if (!v->string || !utf8_valid(v->string))
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                                "attribute '%.80s': the value is not a UTF-8 string", key);
        return 0;
    case AG_ATTR_REAL:
        if (!isfinite(v->real))
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                                "attribute '%.80s': %g is not a finite number", key, v->real);
        return 0;
    case AG_ATTR_INTEGER:
    case AG_ATTR_BOOL:
        return 0;
    case AG_ATTR_OTHER:
        if (v->other)
            return 0;
        /* fall through */
    default:
        return ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "no value to set");
    }
}

static int get_number(int found, const ag_attr_value *v, double *out)
{
    if (found < 0 || (v->type != AG_ATTR_INTEGER && v->type != AG_ATTR_REAL))
        return -1;
    *out = v->type == AG_ATTR_INTEGER ? (double)v->integer : v->real;
    return 0;
}

static int get_integer(int found, const ag_attr_value *v, long long *out)
{
    if (found < 0 || v->type != AG_ATTR_INTEGER)
        return -1;
    *out = v->integer;
    return 0;
}

static int get_string(int found, const ag_attr_value *v, const char **out)
{
    if (found < 0 || v->type != AG_ATTR_STRING)
        return -1;
    *out = v->string;
    return 0;
}

static int get_bool(int found, const ag_attr_value *v, int *out)
{
    if (found < 0 || v->type != AG_ATTR_BOOL)
        return -1;
    *out = v->boolean;
    return 0;
}

/* Store *v (checked) under key in row `index` of st; st NULL: the index of a `what` is
 * out of range. */
static int store_value(ag__attr_store *st, const char *what, size_t index, const char *key,
                       const ag_attr_value *v, ag_error *err)
{
    if (!st)
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "%s index %zu out of range", what, index);
    if (check_value(key, v, err) < 0)
        return -1;
    if (ag__attrs_set(st, index, key, v) < 0)
        return ag__nomem(err);
    return 0;
}

/* Store *v (checked) under key in the graph's attribute object. */
static int set_graph_value(ag_graph *g, const char *key, const ag_attr_value *v, ag_error *err)
{
    json_t *j;

    if (check_value(key, v, err) < 0)
        return -1;
    if (!(j = ag__value_json(v)) || json_object_set_new_nocheck(g->attrs, key, j) < 0)
        return ag__nomem(err);
    return 0;
}

/* The value each typed setter passes on. */
#define VAL_REAL(x)                                                                                \
    (ag_attr_value) { .type = AG_ATTR_REAL, .real = (x) }
#define VAL_INTEGER(x)                                                                             \
    (ag_attr_value) { .type = AG_ATTR_INTEGER, .integer = (x) }
#define VAL_STRING(x)                                                                              \
    (ag_attr_value) { .type = AG_ATTR_STRING, .string = (x) }
#define VAL_BOOL(x)                                                                                \
    (ag_attr_value) { .type = AG_ATTR_BOOL, .boolean = (x) != 0 }

/* Names of row `row` of st other than skip, appended to keys[n, max); the new count. */
static size_t list_keys(const ag__attr_store *st, size_t row, const char *skip, const char **keys,
                        size_t n, size_t max)
{
    for (size_t k = 0, m = ag__attrs_count(st, row); k < m; k++) {
        const char *key;
        ag_attr_value v;
        ag__attrs_at_native(st, row, k, &key, &v, NULL); /* the key alone: no conversion */
        if (skip && strcmp(key, skip) == 0)
            continue;
        if (n < max)
            keys[n] = key;
        n++;
    }
    return n;
}

/* Row j of dst gets every entry of row i of src but skip, in order. The entries are
 * read one at a time, so src may be dst (a key, once read, is the column's or jansson's
 * and outlives the set). */
static int copy_row(ag__attr_store *dst, size_t j, const char *what, size_t ndst,
                    const ag__attr_store *src, size_t i, const char *skip, ag_error *err)
{
    const char *key;
    ag_attr_value v;

    for (size_t k = 0; ag__attrs_at(src, i, k, &key, &v) == 0; k++)
        if ((!skip || strcmp(key, skip) != 0) &&
            store_value(j < ndst ? dst : NULL, what, j, key, &v, err) < 0)
            return -1;
    return 0;
}

/* Entry j of a list of records (recs) or strings (strs) is UTF-8 (jansson takes it). */
static int entry_valid(const ag__attr_record *recs, const char *const *strs, size_t j)
{
    return recs ? utf8_valid(recs[j].doc) && utf8_valid(recs[j].text) : utf8_valid(strs[j]);
}

/* Store the list of n records (recs) or strings (strs) under key in row `index` of st
 * (NULL: the index of a `what` is out of range), leaving out entries that are not UTF-8. */
static int set_list(ag__attr_store *st, const char *what, size_t index, const char *key,
                    const ag__attr_record *recs, const char *const *strs, size_t n, int adopted,
                    ag_error *err)
{
    ag__attr_record *okr = NULL;
    const char **oks = NULL;
    size_t nok = 0;
    int rc;

    if (!st)
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "%s index %zu out of range", what, index);
    if (!key || !utf8_valid(key))
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "attribute name is not UTF-8");
    for (size_t j = 0; j < n; j++)
        nok += entry_valid(recs, strs, j);
    if (nok < n) { /* rare: copy the entries that stay */
        if (recs ? !(okr = malloc((nok + 1) * sizeof *okr))
                 : !(oks = malloc((nok + 1) * sizeof *oks)))
            return ag__nomem(err);
        for (size_t j = 0, m = 0; j < n; j++)
            if (entry_valid(recs, strs, j)) {
                if (recs)
                    okr[m++] = recs[j];
                else
                    oks[m++] = strs[j];
            }
    }
    rc = recs ? ag__attrs_set_records(st, index, key, okr ? okr : recs, nok, adopted)
              : ag__attrs_set_strings(st, index, key, oks ? oks : strs, nok);
    free(okr);
    free(oks);
    return rc < 0 ? ag__nomem(err) : 0;
}

/* ---- nodes */

static int node_value(const ag_graph *g, size_t i, const char *key, ag_attr_value *v)
{
    return ag__attrs_get(&g->nattrs, i, key, v);
}

static int set_node(ag_graph *g, size_t i, const char *key, const ag_attr_value *v, ag_error *err)
{
    return store_value(i < g->nnodes ? &g->nattrs : NULL, "node", i, key, v, err);
}

ag_attr_type ag_node_attr_type(const ag_graph *g, size_t i, const char *key)
{
    ag_attr_value v;
    return node_value(g, i, key, &v) < 0 ? AG_ATTR_NONE : v.type;
}

int ag_node_get_number(const ag_graph *g, size_t i, const char *key, double *out)
{
    ag_attr_value v;
    return get_number(node_value(g, i, key, &v), &v, out);
}

int ag_node_get_integer(const ag_graph *g, size_t i, const char *key, long long *out)
{
    ag_attr_value v;
    return get_integer(node_value(g, i, key, &v), &v, out);
}

int ag_node_get_string(const ag_graph *g, size_t i, const char *key, const char **out)
{
    ag_attr_value v;
    return get_string(node_value(g, i, key, &v), &v, out);
}

int ag_node_get_bool(const ag_graph *g, size_t i, const char *key, int *out)
{
    ag_attr_value v;
    return get_bool(node_value(g, i, key, &v), &v, out);
}

int ag_node_get_value(const ag_graph *g, size_t i, const char *key, ag_attr_value *out)
{
    return node_value(g, i, key, out);
}

int ag_node_set_number(ag_graph *g, size_t i, const char *key, double x, ag_error *err)
{
    return set_node(g, i, key, &VAL_REAL(x), err);
}

int ag_node_set_integer(ag_graph *g, size_t i, const char *key, long long x, ag_error *err)
{
    return set_node(g, i, key, &VAL_INTEGER(x), err);
}

int ag_node_set_string(ag_graph *g, size_t i, const char *key, const char *x, ag_error *err)
{
    return set_node(g, i, key, &VAL_STRING(x), err);
}

int ag_node_set_bool(ag_graph *g, size_t i, const char *key, int x, ag_error *err)
{
    return set_node(g, i, key, &VAL_BOOL(x), err);
}

int ag_node_set_value(ag_graph *g, size_t i, const char *key, const ag_attr_value *v, ag_error *err)
{
    return set_node(g, i, key, v, err);
}

int ag_node_set_json(ag_graph *g, size_t i, const char *key, const json_t *value, ag_error *err)
{
    ag_attr_value v = {0};
    if (value)
        ag__json_value(value, &v);
    return set_node(g, i, key, &v, err);
}

int ag_node_copy_attrs(ag_graph *dst, size_t j, const ag_graph *src, size_t i, const char *skip,
                       ag_error *err)
{
    return copy_row(&dst->nattrs, j, "node", dst->nnodes, &src->nattrs, i, skip, err);
}

int ag_node_unset(ag_graph *g, size_t i, const char *key)
{
    return ag__attrs_unset(&g->nattrs, i, key);
}

size_t ag_node_attr_keys(const ag_graph *g, size_t i, const char **keys, size_t max)
{
    return list_keys(&g->nattrs, i, NULL, keys, 0, max);
}

int ag_node_attr_at(const ag_graph *g, size_t i, size_t k, const char **key, ag_attr_value *v)
{
    return ag__attrs_at(&g->nattrs, i, k, key, v);
}

int ag__node_attr_at_native(const ag_graph *g, size_t i, size_t k, const char **key,
                            ag_attr_value *v, ag__attr_list *list)
{
    return ag__attrs_at_native(&g->nattrs, i, k, key, v, list);
}

int ag__node_set_strings(ag_graph *g, size_t i, const char *key, const char *const *v, size_t n,
                         ag_error *err)
{
    return set_list(i < g->nnodes ? &g->nattrs : NULL, "node", i, key, NULL, v, n, 0, err);
}

/* ---- edges: "weight" is the weight field, never an entry of the attribute store
 * (writers leave such an entry out, so the typed calls hide it too) */

static int is_weight(const char *key) { return key && strcmp(key, "weight") == 0; }

static int edge_value(const ag_graph *g, size_t e, const char *key, ag_attr_value *v)
{
    if (e < g->nedges && is_weight(key)) {
        if (isnan(g->edges[e].weight))
            return -1;
        *v = VAL_REAL(g->edges[e].weight);
        return 0;
    }
    return ag__attrs_get(&g->eattrs, e, key, v);
}

static int set_edge(ag_graph *g, size_t e, const char *key, const ag_attr_value *v, ag_error *err)
{
    if (e < g->nedges && is_weight(key)) {
        double w = v->type == AG_ATTR_INTEGER ? (double)v->integer : v->real;
        if (v->type != AG_ATTR_REAL && v->type != AG_ATTR_INTEGER)
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "a link weight is a number");
        if (!isfinite(w))
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "link weight %g is not a finite number",
                                w);
        g->edges[e].weight = w;
        return 0;
    }
    return store_value(e < g->nedges ? &g->eattrs : NULL, "link", e, key, v, err);
}

ag_attr_type ag_edge_attr_type(const ag_graph *g, size_t e, const char *key)
{
    ag_attr_value v;
    return edge_value(g, e, key, &v) < 0 ? AG_ATTR_NONE : v.type;
}

int ag_edge_get_number(const ag_graph *g, size_t e, const char *key, double *out)
{
    ag_attr_value v;
    return get_number(edge_value(g, e, key, &v), &v, out);
}

int ag_edge_get_integer(const ag_graph *g, size_t e, const char *key, long long *out)
{
    ag_attr_value v;
    return get_integer(edge_value(g, e, key, &v), &v, out);
}

int ag_edge_get_string(const ag_graph *g, size_t e, const char *key, const char **out)
{
    ag_attr_value v;
    return get_string(edge_value(g, e, key, &v), &v, out);
}

int ag_edge_get_bool(const ag_graph *g, size_t e, const char *key, int *out)
{
    ag_attr_value v;
    return get_bool(edge_value(g, e, key, &v), &v, out);
}

/* The value calls work on the entries, as ag_edge_attrs holds them (a "weight" there is
 * an entry): they are how a row is copied or read back whole. */
int ag_edge_get_value(const ag_graph *g, size_t e, const char *key, ag_attr_value *out)
{
    return ag__attrs_get(&g->eattrs, e, key, out);
}

int ag_edge_set_number(ag_graph *g, size_t e, const char *key, double x, ag_error *err)
{
    return set_edge(g, e, key, &VAL_REAL(x), err);
}

int ag_edge_set_integer(ag_graph *g, size_t e, const char *key, long long x, ag_error *err)
{
    return set_edge(g, e, key, &VAL_INTEGER(x), err);
}

int ag_edge_set_string(ag_graph *g, size_t e, const char *key, const char *x, ag_error *err)
{
    return set_edge(g, e, key, &VAL_STRING(x), err);
}

int ag_edge_set_bool(ag_graph *g, size_t e, const char *key, int x, ag_error *err)
{
    return set_edge(g, e, key, &VAL_BOOL(x), err);
}

int ag_edge_set_value(ag_graph *g, size_t e, const char *key, const ag_attr_value *v, ag_error *err)
{
    return store_value(e < g->nedges ? &g->eattrs : NULL, "link", e, key, v, err);
}

int ag_edge_set_json(ag_graph *g, size_t e, const char *key, const json_t *value, ag_error *err)
{
    ag_attr_value v = {0};
    if (value)
        ag__json_value(value, &v);
    return store_value(e < g->nedges ? &g->eattrs : NULL, "link", e, key, &v, err);
}

int ag_edge_copy_attrs(ag_graph *dst, size_t j, const ag_graph *src, size_t i, const char *skip,
                       ag_error *err)
{
    return copy_row(&dst->eattrs, j, "link", dst->nedges, &src->eattrs, i, skip, err);
}

int ag_edge_unset(ag_graph *g, size_t e, const char *key)
{
    if (e >= g->nedges)
        return -1;
    if (is_weight(key)) {
        if (isnan(g->edges[e].weight))
            return -1;
        g->edges[e].weight = NAN;
        return 0;
    }
    return ag__attrs_unset(&g->eattrs, e, key);
}

size_t ag_edge_attr_keys(const ag_graph *g, size_t e, const char **keys, size_t max)
{
    size_t n = 0;

    if (e >= g->nedges)
        return 0;
    if (!isnan(g->edges[e].weight)) {
        if (max > 0)
            keys[0] = "weight";
        n = 1;
    }
    return list_keys(&g->eattrs, e, "weight", keys, n, max);
}

int ag_edge_attr_at(const ag_graph *g, size_t e, size_t k, const char **key, ag_attr_value *v)
{
    return ag__attrs_at(&g->eattrs, e, k, key, v);
}

int ag__edge_attr_at_native(const ag_graph *g, size_t e, size_t k, const char **key,
                            ag_attr_value *v, ag__attr_list *list)
{
    return ag__attrs_at_native(&g->eattrs, e, k, key, v, list);
}

void ag__edge_adopt_strings(ag_graph *g, ag__arena *a) { ag__attrs_adopt(&g->eattrs, a); }

int ag__edge_set_records(ag_graph *g, size_t e, const char *key, const ag__attr_record *v, size_t n,
                         int adopted, ag_error *err)
{
    return set_list(e < g->nedges ? &g->eattrs : NULL, "link", e, key, v, NULL, n, adopted, err);
}

int ag__graph_reserve(ag_graph *g, size_t nodes, size_t edges, ag_error *err)
{
    /* The arrays and tables as ag_graph_add_node and _edge would grow them, but once. */
    if (ag__reserve_exact(&g->nodes, &g->capnodes, nodes, sizeof *g->nodes) < 0 ||
        ag__reserve_exact(&g->edges, &g->capedges, edges, sizeof *g->edges) < 0 ||
        (2 * nodes > g->node_tab.cap && reindex_nodes(g, nodes) < 0) ||
        (2 * edges > g->edge_tab.cap && reindex_edges(g, edges) < 0) ||
        ag__attrs_reserve_rows(&g->nattrs, nodes) < 0 ||
        ag__attrs_reserve_rows(&g->eattrs, edges) < 0)
        return ag__nomem(err);
    return 0;
}

int ag__edge_reserve_records(ag_graph *g, size_t nrecs, size_t nstrs, ag_error *err)
{
    return ag__attrs_reserve_records(&g->eattrs, nrecs, nstrs) < 0 ? ag__nomem(err) : 0;
}

long ag__edge_add_record(ag_graph *g, const ag__attr_record *r, int adopted, ag_error *err)
{
    if (!entry_valid(r, NULL, 0))
        return -2;
    long k = ag__attrs_add_record(&g->eattrs, r, adopted);
    return k < 0 ? ag__nomem(err) : k;
}

void ag__edge_prefetch_record(const ag_graph *g, const ag__attr_record *r)
{
    ag__attrs_prefetch_record(&g->eattrs, r);
}

long ag__edge_string_id(ag_graph *g, const char *s, ag_error *err)
{
    if (!s || !utf8_valid(s))
        return -2;
    long k = ag__attrs_intern(&g->eattrs, s);
    return k < 0 ? ag__nomem(err) : k;
}

int ag__edge_set_string_id(ag_graph *g, size_t e, const char *key, long id, ag_error *err)
{
    if (e >= g->nedges)
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "link index %zu out of range", e);
    if (!key) /* (a name the caller knows is UTF-8: see graph_internal.h) */
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "no attribute name");
    if (id < 0 || is_weight(key))
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "not a string of the links: %ld", id);
    return ag__attrs_set_string_id(&g->eattrs, e, key, (uint32_t)id) < 0 ? ag__nomem(err) : 0;
}

int ag__edge_set_scalar(ag_graph *g, size_t e, const char *key, const ag_attr_value *v,
                        ag_error *err)
{
    if (e >= g->nedges)
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "link index %zu out of range", e);
    if (!key || (v->type != AG_ATTR_INTEGER && v->type != AG_ATTR_BOOL))
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "not an integer or bool to set");
    return ag__attrs_set(&g->eattrs, e, key, v) < 0 ? ag__nomem(err) : 0;
}

int ag__edge_set_record_ids(ag_graph *g, size_t e, const char *key, const uint32_t *ids, size_t n,
                            ag_error *err)
{
    if (e >= g->nedges)
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "link index %zu out of range", e);
    if (!key) /* (a name the caller knows is UTF-8: see graph_internal.h) */
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "no attribute name");
    return ag__attrs_set_record_ids(&g->eattrs, e, key, ids, n) < 0 ? ag__nomem(err) : 0;
}

/* ---- the graph: one jansson object (a few keys; the JSON boundary as it is) */

static int graph_value(const ag_graph *g, const char *key, ag_attr_value *v)
{
    const json_t *j = key ? json_object_get(g->attrs, key) : NULL;
    if (!j)
        return -1;
    ag__json_value(j, v);
    return 0;
}

ag_attr_type ag_graph_attr_type(const ag_graph *g, const char *key)
{
    ag_attr_value v;
    return graph_value(g, key, &v) < 0 ? AG_ATTR_NONE : v.type;
}

int ag_graph_get_number(const ag_graph *g, const char *key, double *out)
{
    ag_attr_value v;
    return get_number(graph_value(g, key, &v), &v, out);
}

int ag_graph_get_integer(const ag_graph *g, const char *key, long long *out)
{
    ag_attr_value v;
    return get_integer(graph_value(g, key, &v), &v, out);
}

int ag_graph_get_string(const ag_graph *g, const char *key, const char **out)
{
    ag_attr_value v;
    return get_string(graph_value(g, key, &v), &v, out);
}

int ag_graph_get_bool(const ag_graph *g, const char *key, int *out)
{
    ag_attr_value v;
    return get_bool(graph_value(g, key, &v), &v, out);
}

int ag_graph_set_number(ag_graph *g, const char *key, double x, ag_error *err)
{
    return set_graph_value(g, key, &VAL_REAL(x), err);
}

int ag_graph_set_integer(ag_graph *g, const char *key, long long x, ag_error *err)
{
    return set_graph_value(g, key, &VAL_INTEGER(x), err);
}

int ag_graph_set_string(ag_graph *g, const char *key, const char *x, ag_error *err)
{
    return set_graph_value(g, key, &VAL_STRING(x), err);
}

int ag_graph_set_bool(ag_graph *g, const char *key, int x, ag_error *err)
{
    return set_graph_value(g, key, &VAL_BOOL(x), err);
}

int ag_graph_unset(ag_graph *g, const char *key)
{
    return key && json_object_del(g->attrs, key) == 0 ? 0 : -1;
}

size_t ag_graph_attr_keys(const ag_graph *g, const char **keys, size_t max)
{
    const char *k;
    json_t *v;
    size_t n = 0;

    json_object_foreach(g->attrs, k, v)
    {
        if (n < max)
            keys[n] = k;
        n++;
    }
    return n;
}
