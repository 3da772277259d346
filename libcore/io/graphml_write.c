/*
 * graphml_write.c - the GraphML writer (our own escaping, see formats.c).
 *
 * Writing. The GraphML schema makes node ids and key names XML name tokens, so actor
 * names ("Giorgia Meloni") cannot be ids: nodes are written as n0, n1, ... (or with their
 * own ids when every id already is an ASCII name token) and the name goes into a string
 * key, "label" (Gephi's label column). Keys are typed from all values of an attribute
 * (formats.c); lists of strings are joined with "; " and anything richer (evidence
 * records) is compact JSON text. A <desc> in such a key says so ("actorgraph:list",
 * "actorgraph:json", "actorgraph:node-id", "actorgraph:visual"), which lets our reader
 * restore the exact graph while networkx, igraph, yEd and Gephi just see typed strings.
 * Gephi's visual keys (size, r, g, b) are derived through style.c and marked visual.
 *
 * Time complexity: O(V + E + attribute bytes) after one typing pass over all
 * attributes.
 */

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <actorgraph/graph/style.h>

#include "util/error_internal.h"
#include "util/array_internal.h"
#include "io/formats_internal.h"
#include "io/io_internal.h"

#include "io/graphml_internal.h"

/* ================================================================== writer */

/* One key as written: its attr.name and where its values come from. */
typedef struct wkey {
    char *name;       /* attr.name, an XML name token */
    const char *type; /* attr.type */
    const char *mark; /* <desc> marker or NULL */
} wkey;

typedef struct gw {
    FILE *f;               /* output */
    const ag_graph *g;     /* the graph written */
    ag__columns col[3];    /* attribute columns: graph, node, edge */
    wkey *key[3];          /* one key per column, same index */
    ag__buf scratch;       /* value text */
    ag_style st;           /* colours and sizes for the visual keys */
    int raw_ids;           /* node ids written as they are (all are name tokens) */
    char *label_name;      /* attr.name of the key holding the node name */
    int vis_size, vis_rgb; /* emit Gephi's size / r,g,b keys */
    int has_weight;        /* some edge has a weight */
    size_t base[3];        /* number of the first attribute key per domain ("d<n>") */
    size_t label_key, size_key, rgb_key, weight_key; /* numbers of the special keys */
    int oom;                                         /* an allocation failed while writing values */
} gw;

/* An XML name token made from an attribute name: every byte or UTF-8 sequence outside
 * [A-Za-z0-9._:-] becomes '_'; a name already used in the domain gets "_2", "_3"... */
static char *token_name(const char *name, char **used, size_t nused)
{
    size_t n = strlen(name);
    char *out = malloc(n + 24), *q = out;
    int suffix = 1;

    if (!out)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '.' || c == '_' || c == ':' || c == '-') {
            *q++ = (char)c;
        } else if (c < 0x80 || (c & 0xC0) == 0xC0) {
            *q++ = '_'; /* one '_' per character: skip continuation bytes below */
        }
    }
    if (q == out)
        *q++ = '_';
    *q = '\0';
    for (;;) {
        int clash = 0;
        for (size_t i = 0; i < nused && !clash; i++)
            clash = used[i] && strcmp(used[i], out) == 0;
        if (!clash)
            return out;
        snprintf(q, 24, "_%d", ++suffix);
    }
}

static const char *key_type(const ag__column *c)
{
    switch (c->kind) {
    case AG__K_BOOL:
        return "boolean";
    case AG__K_INT:
        return c->wide ? "long" : "int";
    case AG__K_REAL:
        return "double";
    default:
        return "string";
    }
}

static const char *key_mark(const ag__column *c)
{
    return c->kind == AG__K_LIST ? MARK_LIST : c->kind == AG__K_JSON ? MARK_JSON : NULL;
}

/* Decide every key name and type. */
static int plan_keys(gw *w, ag_error *err)
{
    const ag_graph *g = w->g;
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g), next = 0;

    if (ag__columns_scan(&w->col[0], ag_graph_attrs_const(g), err) < 0)
        return -1;
    w->raw_ids = 1;
    for (size_t i = 0; i < n; i++) {
        if (ag__columns_scan_row(&w->col[1], g, 0, i, err) < 0)
            return -1;
        if (w->raw_ids && !ag__is_ascii_nmtoken(ag_node_id(g, i)))
            w->raw_ids = 0;
    }
    for (size_t e = 0; e < m; e++) {
        if (ag__columns_scan_row(&w->col[2], g, 1, e, err) < 0)
            return -1;
        if (!w->has_weight && ag_edge_has_weight(g, e))
            w->has_weight = 1;
    }
    if (ag_style_prepare(&w->st, g, NULL, err) < 0)
        return -1;

    for (int d = 0; d < 3; d++) {
        ag__columns *c = &w->col[d];
        char **names;
        size_t nreserved = 0;

        if (!(w->key[d] = calloc(c->n ? c->n : 1, sizeof *w->key[d])) ||
            !(names = calloc(c->n + 8, sizeof *names)))
            goto nomem;
        /* Reserved names first, so attributes that clash with them are renamed. */
        if (d == 2 && w->has_weight)
            names[nreserved++] = "weight";
        for (size_t i = 0; i < c->n; i++) {
            char *t = token_name(c->col[i].name, names, nreserved + i);
            if (!t) {
                free(names);
                goto nomem;
            }
            names[nreserved + i] = t;
            w->key[d][i].name = t;
            w->key[d][i].type = key_type(&c->col[i]);
            w->key[d][i].mark = key_mark(&c->col[i]);
        }
        if (d == 1) {
            /* The name key is "label" unless an attribute has that name already. */
            static const char *cand[] = {"label", "name", "actor", "actorgraph_name"};
            for (size_t k = 0; k < 4 && !w->label_name; k++) {
                int clash = 0;
                for (size_t i = 0; i < c->n; i++)
                    clash |= strcmp(names[i], cand[k]) == 0;
                if (!clash)
                    w->label_name = strdup(cand[k]);
            }
            if (!w->label_name)
                w->label_name = token_name("label", names, c->n);
            if (!w->label_name) {
                free(names);
                goto nomem;
            }
            w->vis_size = w->vis_rgb = 1;
            for (size_t i = 0; i < c->n; i++) {
                if (strcmp(names[i], "size") == 0)
                    w->vis_size = 0;
                if (!strcmp(names[i], "r") || !strcmp(names[i], "g") || !strcmp(names[i], "b"))
                    w->vis_rgb = 0;
            }
        }
        free(names);
    }

    /* Key numbers: graph attributes, node name, node attributes, visual, edge weight,
     * edge attributes. */
    w->base[0] = next;
    next += w->col[0].n;
    w->label_key = next++;
    w->base[1] = next;
    next += w->col[1].n;
    w->size_key = next;
    next += w->vis_size;
    w->rgb_key = next;
    next += w->vis_rgb ? 3 : 0;
    w->weight_key = next;
    next += w->has_weight;
    w->base[2] = next;
    return 0;
nomem:
    return ag__nomem(err);
}

static void put_key(gw *w, size_t num, const char *dom, const char *name, const char *type,
                    const char *mark)
{
    FILE *f = w->f;
    ag__puts(f, "  <key id=\"d");
    ag__put_size(f, num);
    ag__puts(f, "\" for=\"");
    ag__puts(f, dom);
    ag__puts(f, "\" attr.name=\"");
    ag__puts(f, name); /* a name token: nothing to escape */
    ag__puts(f, "\" attr.type=\"");
    ag__puts(f, type);
    if (mark) {
        ag__puts(f, "\"><desc>");
        ag__puts(f, mark);
        ag__puts(f, "</desc></key>\n");
    } else {
        ag__puts(f, "\"/>\n");
    }
}

static void put_data_open(FILE *f, size_t num)
{
    ag__puts(f, "<data key=\"d");
    ag__put_size(f, num);
    ag__puts(f, "\">");
}

/* One <data> element: attribute key in domain d, from a jansson value (j) or else an
 * attribute value (v). */
static void put_data(gw *w, int d, const char *key, const json_t *j, const ag_attr_value *v)
{
    long i = ag__columns_find(&w->col[d], key);
    size_t len;
    const char *text;

    if (i < 0)
        return; /* cannot happen: every key was scanned */
    text = j ? ag__value_text(j, w->col[d].col[i].kind, &w->scratch, &len, &w->oom)
             : ag__attr_text(v, w->col[d].col[i].kind, &w->scratch, &len, &w->oom);
    if (!text)
        return;
    put_data_open(w->f, w->base[d] + (size_t)i);
    ag__xml_escape(w->f, text, len, 0);
    ag__puts(w->f, "</data>");
}

/* <data> elements for every attribute of the graph. */
static void put_graph_data(gw *w, const json_t *attrs)
{
    const char *key;
    json_t *v;

    json_object_foreach((json_t *)attrs, key, v) put_data(w, 0, key, v, NULL);
}

/* <data> elements for every attribute of a node (d 1) or link (d 2). */
static void put_record_data(gw *w, int d, size_t index)
{
    const char *key;
    ag_attr_value v;

    for (size_t k = 0; ag__row_at(w->g, d == 2, index, k, &key, &v) == 0; k++)
        put_data(w, d, key, NULL, &v);
}

static void put_node_ref(gw *w, size_t node)
{
    if (w->raw_ids) {
        ag__puts(w->f, ag_node_id(w->g, node));
    } else {
        ag__puts(w->f, "n");
        ag__put_size(w->f, node);
    }
}

int ag__write_graphml(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err)
{
    gw w;
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    int rc = -1;

    (void)opts;
    memset(&w, 0, sizeof w);
    w.f = out;
    w.g = g;
    w.st = (ag_style)AG_STYLE_INIT;
    if (plan_keys(&w, err) < 0)
        goto out;

    ag__puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                  "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                  "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (size_t i = 0; i < w.col[0].n; i++)
        put_key(&w, w.base[0] + i, "graph", w.key[0][i].name, w.key[0][i].type, w.key[0][i].mark);
    put_key(&w, w.label_key, "node", w.label_name, "string",
            ag_graph_has_integer_ids(g) ? MARK_NODEID_INT : MARK_NODEID);
    for (size_t i = 0; i < w.col[1].n; i++)
        put_key(&w, w.base[1] + i, "node", w.key[1][i].name, w.key[1][i].type, w.key[1][i].mark);
    if (w.vis_size)
        put_key(&w, w.size_key, "node", "size", "double", MARK_VISUAL);
    if (w.vis_rgb) {
        put_key(&w, w.rgb_key, "node", "r", "int", MARK_VISUAL);
        put_key(&w, w.rgb_key + 1, "node", "g", "int", MARK_VISUAL);
        put_key(&w, w.rgb_key + 2, "node", "b", "int", MARK_VISUAL);
    }
    if (w.has_weight)
        put_key(&w, w.weight_key, "edge", "weight", "double", NULL);
    for (size_t i = 0; i < w.col[2].n; i++)
        put_key(&w, w.base[2] + i, "edge", w.key[2][i].name, w.key[2][i].type, w.key[2][i].mark);

    ag__puts(out, ag_graph_is_directed(g) ? "  <graph id=\"G\" edgedefault=\"directed\">\n"
                                          : "  <graph id=\"G\" edgedefault=\"undirected\">\n");
    if (w.col[0].n) {
        ag__puts(out, "    ");
        put_graph_data(&w, ag_graph_attrs_const(g));
        ag__puts(out, "\n");
    }
    for (size_t i = 0; i < n; i++) {
        const char *id = ag_node_id(g, i);
        ag__puts(out, "    <node id=\"");
        put_node_ref(&w, i);
        ag__puts(out, "\">");
        put_data_open(out, w.label_key);
        ag__xml_escape(out, id, strlen(id), 0);
        ag__puts(out, "</data>");
        put_record_data(&w, 1, i);
        if (w.vis_size) {
            put_data_open(out, w.size_key);
            ag__put_double(out, ag_style_node_size(&w.st, g, i));
            ag__puts(out, "</data>");
        }
        if (w.vis_rgb) {
            ag_rgb c = ag_style_node_color(&w.st, g, i);
            put_data_open(out, w.rgb_key);
            ag__put_long(out, c.r);
            ag__puts(out, "</data>");
            put_data_open(out, w.rgb_key + 1);
            ag__put_long(out, c.g);
            ag__puts(out, "</data>");
            put_data_open(out, w.rgb_key + 2);
            ag__put_long(out, c.b);
            ag__puts(out, "</data>");
        }
        ag__puts(out, "</node>\n");
    }
    for (size_t e = 0; e < m; e++) {
        const char *key;
        ag_attr_value v;
        int empty = !ag_edge_has_weight(g, e) && ag_edge_attr_at(g, e, 0, &key, &v) < 0;
        ag__puts(out, "    <edge source=\"");
        put_node_ref(&w, ag_edge_source(g, e));
        ag__puts(out, "\" target=\"");
        put_node_ref(&w, ag_edge_target(g, e));
        if (empty) {
            ag__puts(out, "\"/>\n");
            continue;
        }
        ag__puts(out, "\">");
        if (ag_edge_has_weight(g, e)) {
            put_data_open(out, w.weight_key);
            ag__put_double(out, ag_edge_weight(g, e));
            ag__puts(out, "</data>");
        }
        put_record_data(&w, 2, e);
        ag__puts(out, "</edge>\n");
    }
    ag__puts(out, "  </graph>\n</graphml>\n");
    rc = ag__write_status(out, w.oom, err);
out:
    for (int d = 0; d < 3; d++) {
        if (w.key[d])
            for (size_t i = 0; i < w.col[d].n; i++)
                free(w.key[d][i].name);
        free(w.key[d]);
        ag__columns_free(&w.col[d]);
    }
    free(w.label_name);
    ag__buf_free(&w.scratch);
    ag_style_destroy(&w.st);
    return rc;
}
