/*
 * node_names.c - names instead of generated node ids, for the readers of formats whose
 * writers number the nodes (GraphML from python-igraph, graph-tool, yEd and Gephi; GEXF
 * from Gephi): when every id is generated ("n0", "n1", ... or "0", "1", ...) and a
 * string attribute gives every node a distinct name, the names become the ids, as if
 * the graph had been written with them. The decision is all or nothing, so a graph never
 * mixes names and numbers.
 *
 * Time complexity: O(V + E) plus one copy of the graph when nodes are renamed.
 */
#include <stdlib.h>
#include <string.h>

#include "io/io_internal.h"

/* Is s a generated id: digits ("12"), "n" and digits ("n12"), or yEd's nested form
 * ("n1::n0")? Leading zeros ("007") are names, not numbers. *with_n says which form. */
static int generated_id(const char *s, int *with_n)
{
    int n_form = *s == 'n';

    for (;;) {
        const char *d;
        if (*s == 'n')
            s++;
        else if (n_form)
            return 0;
        d = s;
        while (*s >= '0' && *s <= '9')
            s++;
        if (s == d || (*d == '0' && s - d > 1))
            return 0;
        if (*s == '\0')
            break;
        if (!n_form || s[0] != ':' || s[1] != ':')
            return 0;
        s += 2;
    }
    *with_n = n_form;
    return 1;
}

int ag__ids_generated(const ag_graph *g)
{
    size_t n = ag_graph_node_count(g);
    int first = -1;

    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        int with_n;
        if (!generated_id(ag_node_id(g, i), &with_n))
            return 0;
        if (first < 0)
            first = with_n;
        else if (first != with_n)
            return 0; /* "n0" beside "1": not one numbering */
    }
    return 1;
}

/* Is every node's attribute `key` a non-empty string, each one different? */
static int names_unique(const ag_graph *g, const char *key)
{
    size_t n = ag_graph_node_count(g);
    ag_graph *seen = ag_graph_new(0);
    int ok = seen != NULL;

    for (size_t i = 0; ok && i < n; i++) {
        const char *s = NULL;
        ag_node_get_string(g, i, key, &s);
        ok = s && *s && ag_graph_find_node(seen, s) < 0 && ag_graph_add_node(seen, s, NULL) >= 0;
    }
    ag_graph_free(seen);
    return ok;
}

const char *ag__names_key(const ag_graph *g, const char *const *keys)
{
    if (!ag__ids_generated(g))
        return NULL;
    for (; *keys; keys++)
        if (names_unique(g, *keys))
            return *keys;
    return NULL;
}

ag_graph *ag__rename_nodes(const ag_graph *g, const char *const *names, const char *name_key,
                           int integer_ids, const char *src, ag_error *err)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    ag_graph *h;
    long *map = NULL;

    if (!(h = ag_graph_new(ag_graph_is_directed(g))) || !(map = malloc((n ? n : 1) * sizeof *map)))
        goto nomem;
    ag_graph_set_multigraph(h, ag_graph_is_multigraph(g));
    ag_graph_set_integer_ids(h, integer_ids);
    if (json_object_update(ag_graph_attrs(h), (json_t *)ag_graph_attrs_const(g)) < 0)
        goto nomem;
    for (size_t i = 0; i < n; i++) {
        const char *id = names && names[i] ? names[i] : NULL;
        if (!id && name_key)
            ag_node_get_string(g, i, name_key, &id);
        if (!id)
            id = ag_node_id(g, i);
        if (ag_graph_find_node(h, id) >= 0) {
            ag_error_set(err, AG_EINVAL, src, 0, 0, "two nodes are named '%.80s'", id);
            goto fail;
        }
        if ((map[i] = ag_graph_add_node(h, id, err)) < 0)
            goto fail;
        if (ag_node_copy_attrs(h, (size_t)map[i], g, i, name_key, NULL) < 0)
            goto nomem;
    }
    for (size_t e = 0; e < m; e++) {
        long f = ag_graph_add_edge(h, (size_t)map[ag_edge_source(g, e)],
                                   (size_t)map[ag_edge_target(g, e)], err);
        if (f < 0)
            goto fail;
        if (ag_edge_has_weight(g, e))
            ag_edge_set_weight(h, (size_t)f, ag_edge_weight(g, e));
        if (ag_edge_copy_attrs(h, (size_t)f, g, e, NULL, NULL) < 0)
            goto nomem;
    }
    free(map);
    return h;
nomem:
    ag_error_set(err, AG_ENOMEM, src, 0, 0, "out of memory");
fail:
    free(map);
    ag_graph_free(h);
    return NULL;
}
