/*
 * gexf.c - GEXF 1.3 writer for Gephi (validates against the RELAX NG schema gexf.rng),
 * or GEXF 1.2draft for networkx 2 and older Gephi (opts->gexf_version; the same
 * document in the 1.2draft namespaces, which it validates against too). The reader is
 * gexf_read.c.
 *
 * Attributes are declared per class with the narrowest GEXF type that fits every value
 * (formats.c): integer/long, double, boolean, string; lists of strings are joined with
 * "; " and evidence records become compact JSON text, so nothing is dropped. Each node
 * carries viz:color (community, else type; style.c), viz:size (pagerank, else degree),
 * and viz:position when it has numeric x and y. Nodes and links with first_date /
 * last_date get a spell and the graph is declared dynamic with timeformat="date", which
 * is what Gephi's timeline needs. GEXF has no graph-level attributes: those are not
 * written (the description says what the graph is).
 *
 * No lastmodifieddate is written: the same graph must give byte-identical output.
 *
 * Time complexity: O(V + E + attribute bytes), after one typing pass over the attributes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <actorgraph/graph/style.h>

#include "io/formats_internal.h"
#include "io/io_internal.h"

typedef struct xw {
    FILE *f;            /* output */
    const ag_graph *g;  /* the graph written */
    ag__columns col[2]; /* node and edge attribute columns */
    long label_col[2];  /* column used as label (string "label"), or -1 */
    ag__buf scratch;    /* value text */
    ag_style st;        /* colours and sizes */
    int oom;            /* an allocation failed while writing values */
} xw;

static const char *gexf_type(const ag__column *c)
{
    switch (c->kind) {
    case AG__K_BOOL:
        return "boolean";
    case AG__K_INT:
        return c->wide ? "long" : "integer";
    case AG__K_REAL:
        return "double";
    default:
        return "string";
    }
}

static void put_attr(FILE *f, const char *name, const char *value)
{
    ag__puts(f, " ");
    ag__puts(f, name);
    ag__puts(f, "=\"");
    ag__xml_escape(f, value, strlen(value), 1);
    ag__puts(f, "\"");
}

static void put_declarations(xw *w, int d)
{
    const ag__columns *c = &w->col[d];
    if (c->n == 0 || (c->n == 1 && w->label_col[d] == 0))
        return;
    ag__puts(w->f, d == 0 ? "    <attributes class=\"node\" mode=\"static\">\n"
                          : "    <attributes class=\"edge\" mode=\"static\">\n");
    for (size_t i = 0; i < c->n; i++) {
        if ((long)i == w->label_col[d])
            continue;
        ag__puts(w->f, "      <attribute id=\"");
        ag__put_size(w->f, i);
        ag__puts(w->f, "\"");
        put_attr(w->f, "title", c->col[i].name);
        ag__puts(w->f, " type=\"");
        ag__puts(w->f, gexf_type(&c->col[i]));
        ag__puts(w->f, "\"/>\n");
    }
    ag__puts(w->f, "    </attributes>\n");
}

/* <attvalues> of node (d 0) or link (d 1) index. */
static void put_attvalues(xw *w, int d, size_t index)
{
    const char *key;
    ag_attr_value v;
    int open = 0;

    for (size_t k = 0; ag__row_at(w->g, d, index, k, &key, &v) == 0; k++) {
        long i = ag__columns_find(&w->col[d], key);
        size_t len;
        const char *text;
        if (i < 0 || i == w->label_col[d])
            continue;
        text = ag__attr_text(&v, w->col[d].col[i].kind, &w->scratch, &len, &w->oom);
        if (!text)
            continue;
        if (!open) {
            ag__puts(w->f, "<attvalues>");
            open = 1;
        }
        ag__puts(w->f, "<attvalue for=\"");
        ag__put_size(w->f, (size_t)i);
        ag__puts(w->f, "\" value=\"");
        ag__xml_escape(w->f, text, len, 1);
        ag__puts(w->f, "\"/>");
    }
    if (open)
        ag__puts(w->f, "</attvalues>");
}

/* A string attribute of node (d 0) or link (d 1) index, or NULL. */
static const char *string_attr(const ag_graph *g, int d, size_t index, const char *key)
{
    ag_attr_value v;
    return ag__row_get(g, d, index, key, &v) == 0 && v.type == AG_ATTR_STRING ? v.string : NULL;
}

/* A valid xsd:date attribute or NULL. */
static const char *date_attr(const ag_graph *g, int d, size_t index, const char *key)
{
    const char *s = string_attr(g, d, index, key);
    return s && ag__is_iso_date(s) ? s : NULL;
}

static int has_spell(const ag_graph *g, int d, size_t index)
{
    return date_attr(g, d, index, "first_date") || date_attr(g, d, index, "last_date");
}

static void put_spell(FILE *f, const ag_graph *g, int d, size_t index)
{
    const char *a = date_attr(g, d, index, "first_date"), *b = date_attr(g, d, index, "last_date");
    if (!a && !b)
        return;
    ag__puts(f, "<spells><spell");
    if (a) {
        ag__puts(f, " start=\"");
        ag__puts(f, a);
        ag__puts(f, "\"");
    }
    if (b) {
        ag__puts(f, " end=\"");
        ag__puts(f, b);
        ag__puts(f, "\"");
    }
    ag__puts(f, "/></spells>");
}

/* The label of a record: its string attribute "label" when that is a column in use. */
static const char *record_label(xw *w, int d, size_t index, const char *fallback)
{
    const char *s;
    if (w->label_col[d] < 0)
        return fallback;
    s = string_attr(w->g, d, index, "label");
    return s ? s : fallback;
}

/* A node's finite number attribute: 1 and *out set, or 0. */
static int finite_number(const ag_graph *g, size_t node, const char *key, double *out)
{
    return ag_node_get_number(g, node, key, out) == 0 && isfinite(*out);
}

static void put_node(xw *w, size_t i)
{
    FILE *f = w->f;
    const char *id = ag_node_id(w->g, i);
    ag_rgb c = ag_style_node_color(&w->st, w->g, i);
    double x, y;

    ag__puts(f, "      <node");
    put_attr(f, "id", id);
    put_attr(f, "label", record_label(w, 0, i, id));
    ag__puts(f, ">");
    put_attvalues(w, 0, i);
    put_spell(f, w->g, 0, i);
    ag__puts(f, "<viz:color r=\"");
    ag__put_long(f, c.r);
    ag__puts(f, "\" g=\"");
    ag__put_long(f, c.g);
    ag__puts(f, "\" b=\"");
    ag__put_long(f, c.b);
    ag__puts(f, "\"/><viz:size value=\"");
    ag__put_double(f, ag_style_node_size(&w->st, w->g, i));
    ag__puts(f, "\"/>");
    if (finite_number(w->g, i, "x", &x) && finite_number(w->g, i, "y", &y)) {
        ag__puts(f, "<viz:position x=\"");
        ag__put_double(f, x);
        ag__puts(f, "\" y=\"");
        ag__put_double(f, y);
        ag__puts(f, "\" z=\"0.0\"/>");
    }
    ag__puts(f, "</node>\n");
}

static void put_edge(xw *w, size_t e)
{
    FILE *f = w->f;
    const char *label = record_label(w, 1, e, NULL), *key;
    ag_attr_value v;

    ag__puts(f, "      <edge id=\"");
    ag__put_size(f, e);
    ag__puts(f, "\"");
    put_attr(f, "source", ag_node_id(w->g, ag_edge_source(w->g, e)));
    put_attr(f, "target", ag_node_id(w->g, ag_edge_target(w->g, e)));
    if (label)
        put_attr(f, "label", label);
    if (ag_edge_has_weight(w->g, e) && isfinite(ag_edge_weight(w->g, e))) {
        ag__puts(f, " weight=\"");
        ag__put_double(f, ag_edge_weight(w->g, e));
        ag__puts(f, "\"");
    }
    if (ag_edge_attr_at(w->g, e, 0, &key, &v) < 0) { /* no attributes */
        ag__puts(f, "/>\n");
        return;
    }
    ag__puts(f, ">");
    put_attvalues(w, 1, e);
    put_spell(f, w->g, 1, e);
    ag__puts(f, "</edge>\n");
}

int ag__write_gexf(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err)
{
    xw w;
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    int dynamic = 0, rc = -1;
    char desc[160];

    memset(&w, 0, sizeof w);
    w.f = out;
    w.g = g;
    w.st = (ag_style)AG_STYLE_INIT;
    for (size_t i = 0; i < n; i++) {
        if (ag__columns_scan_row(&w.col[0], g, 0, i, err) < 0)
            goto out;
        dynamic = dynamic || has_spell(g, 0, i);
    }
    for (size_t e = 0; e < m; e++) {
        if (ag__columns_scan_row(&w.col[1], g, 1, e, err) < 0)
            goto out;
        dynamic = dynamic || has_spell(g, 1, e);
    }
    for (int d = 0; d < 2; d++) {
        w.label_col[d] = ag__columns_find(&w.col[d], "label");
        if (w.label_col[d] >= 0 && w.col[d].col[w.label_col[d]].kind != AG__K_STRING)
            w.label_col[d] = -1; /* not a plain string: keep it as an attribute */
    }
    if (opts->gexf_version != AG_GEXF_1_3 && opts->gexf_version != AG_GEXF_1_2) {
        ag_error_set(err, AG_EINVAL, NULL, 0, 0, "unknown GEXF version %d (1.3 or 1.2)",
                     (int)opts->gexf_version);
        goto out;
    }
    if (ag_style_prepare(&w.st, g, NULL, err) < 0)
        goto out;

    ag__puts(out, opts->gexf_version == AG_GEXF_1_2
                      ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
                        "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n"
                        "  <meta>\n    <creator>actorgraph "
                      : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
                        "version=\"1.3\">\n  <meta>\n    <creator>actorgraph ");
    ag__puts(out, ag_version());
    ag__puts(out, "</creator>\n    <description>");
    if (opts->title) {
        ag__xml_escape(out, opts->title, strlen(opts->title), 0);
    } else {
        snprintf(desc, sizeof desc, "actor graph: %zu actors, %zu links", n, m);
        ag__puts(out, desc);
    }
    ag__puts(out, "</description>\n  </meta>\n  <graph defaultedgetype=\"");
    ag__puts(out, ag_graph_is_directed(g) ? "directed" : "undirected");
    ag__puts(out, dynamic ? "\" mode=\"dynamic\" timeformat=\"date\">\n" : "\" mode=\"static\">\n");
    put_declarations(&w, 0);
    put_declarations(&w, 1);
    ag__puts(out, "    <nodes count=\"");
    ag__put_size(out, n);
    ag__puts(out, "\">\n");
    for (size_t i = 0; i < n; i++)
        put_node(&w, i);
    ag__puts(out, "    </nodes>\n    <edges count=\"");
    ag__put_size(out, m);
    ag__puts(out, "\">\n");
    for (size_t e = 0; e < m; e++)
        put_edge(&w, e);
    ag__puts(out, "    </edges>\n  </graph>\n</gexf>\n");
    rc = ag__write_status(out, w.oom, err);
out:
    ag__columns_free(&w.col[0]);
    ag__columns_free(&w.col[1]);
    ag__buf_free(&w.scratch);
    ag_style_destroy(&w.st);
    return rc;
}
