/*
 * gml_write.c - the GML writer, hand-written like the reader (igraph's reader would need its
 * global error handler and a second attribute model; the format is small).
 *
 * Writing follows what networkx and igraph read: node ids are the indices 0..n-1 and
 * the actor's name is the node's "label"; keys are [A-Za-z][A-Za-z0-9_]* (other
 * characters become '_'), or with opts->gml_alnum_keys letters and digits only as the
 * GML grammar says (graph-tool mangles '_'; see gml_key); strings are ASCII as the GML
 * definition asks (networkx reads nothing else): '"' and '&' as &quot; and &amp;, every
 * other character outside printable ASCII as a &#N; character reference. GML has no
 * booleans (written 1/0) and no lists: lists of strings are joined with "; " and
 * richer values (evidence records) are JSON text, as in GraphML.
 *
 * Time complexity: O(V + E + attribute bytes).
 */

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/error_internal.h"
#include "util/array_internal.h"
#include "io/formats_internal.h"
#include "io/io_internal.h"

/* ================================================================== writer */

typedef struct mw {
    FILE *f;            /* output */
    const ag_graph *g;  /* the graph written */
    ag__columns col[3]; /* graph, node, edge attribute columns */
    char **key[3];      /* GML key per column */
    ag__buf scratch;    /* value text */
    int oom;            /* allocation failure while writing */
} mw;

/*
 * A GML key from an attribute name, unique among used[0..nused) (and the reserved).
 * Default: [A-Za-z][A-Za-z0-9_]*, other characters becoming '_', "_2", "_3"... on a
 * clash. alnum (the GML grammar's [A-Za-z][A-Za-z0-9]*, which graph-tool insists on):
 * other characters are dropped and the letter after them is upper-cased ("first_date"
 * becomes "firstDate", "Modularity Class" "ModularityClass"), "2", "3"... on a clash.
 * Either way a key that would not start with a letter gets an "a" in front.
 */
static char *gml_key(const char *name, char **used, size_t nused, int alnum)
{
    size_t n = strlen(name);
    char *out = malloc(n + 24), *q = out;
    int upper = 0;

    if (!out)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (letter || (c >= '0' && c <= '9') || (c == '_' && !alnum)) {
            if (upper && q > out && c >= 'a' && c <= 'z')
                c = (unsigned char)(c - 'a' + 'A');
            *q++ = (char)c;
            upper = 0;
        } else if (alnum) {
            upper = 1;
        } else if (c < 0x80 || (c & 0xC0) == 0xC0) {
            *q++ = '_';
        }
    }
    *q = '\0';
    if (!((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z'))) {
        memmove(out + 1, out, strlen(out) + 1);
        out[0] = 'a';
        q++;
    }
    for (int suffix = 1;; suffix++) {
        int clash = 0;
        for (size_t i = 0; i < nused && !clash; i++)
            clash = strcmp(used[i], out) == 0;
        if (!clash)
            return out;
        snprintf(q, 24, alnum ? "%d" : "_%d", suffix + 1);
    }
}

static int plan(mw *w, int alnum, ag_error *err)
{
    static const char *reserved[3][5] = {
        {"directed", "multigraph", "node", "edge", NULL},
        {"id", "label", NULL},
        {"source", "target", "weight", "key", NULL},
    };
    const ag_graph *g = w->g;

    if (ag__columns_scan(&w->col[0], ag_graph_attrs_const(g), err) < 0)
        return -1;
    for (size_t i = 0, n = ag_graph_node_count(g); i < n; i++)
        if (ag__columns_scan_row(&w->col[1], g, 0, i, err) < 0)
            return -1;
    for (size_t e = 0, m = ag_graph_edge_count(g); e < m; e++)
        if (ag__columns_scan_row(&w->col[2], g, 1, e, err) < 0)
            return -1;
    for (int d = 0; d < 3; d++) {
        size_t nres = 0, nc = w->col[d].n;
        char **used = calloc(nc + 6, sizeof *used);
        if (!used || !(w->key[d] = calloc(nc + 1, sizeof *w->key[d]))) {
            free(used);
            return ag__nomem(err);
        }
        while (reserved[d][nres]) {
            used[nres] = (char *)reserved[d][nres];
            nres++;
        }
        for (size_t i = 0; i < nc; i++) {
            if (!(w->key[d][i] = gml_key(w->col[d].col[i].name, used, nres + i, alnum))) {
                free(used);
                return ag__nomem(err);
            }
            used[nres + i] = w->key[d][i];
        }
        free(used);
    }
    return 0;
}

/* A GML string in ASCII: &quot; and &amp; (which networkx and igraph both decode) and
 * &#N; for everything outside ' '..'~' (networkx decodes it; igraph 0.10 keeps it as
 * it is, with a warning). */
static void put_gml_string(FILE *f, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n, *run = p;
    char ref[16];

    ag__puts(f, "\"");
    while (p < end) {
        uint32_t c = *p;
        size_t k = 1;
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '&') {
            p++;
            continue;
        }
        if (p > run)
            ag__putn(f, (const char *)run, (size_t)(p - run));
        if (c == '"' || c == '&') {
            ag__puts(f, c == '"' ? "&quot;" : "&amp;");
            run = ++p;
            continue;
        }
        if (c >= 0xC0) {
            /* Decode one UTF-8 sequence; a broken one is written byte by byte. */
            size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            uint32_t cp = c & (0x3F >> (len - 1));
            size_t i;
            for (i = 1; i < len && p + i < end && (p[i] & 0xC0) == 0x80; i++)
                cp = (cp << 6) | (p[i] & 0x3F);
            if (i == len) {
                c = cp;
                k = len;
            }
        }
        snprintf(ref, sizeof ref, "&#%u;", (unsigned)c);
        ag__puts(f, ref);
        p += k;
        run = p;
    }
    if (p > run)
        ag__putn(f, (const char *)run, (size_t)(p - run));
    ag__puts(f, "\"");
}

/* A real that GML readers take as a real: always a '.', INF for infinities. */
static void put_gml_real(FILE *f, double d)
{
    char num[48], *e;
    if (isnan(d)) {
        ag__puts(f, "\"NaN\"");
        return;
    }
    if (isinf(d)) {
        ag__puts(f, d > 0 ? "INF" : "-INF");
        return;
    }
    ag__format_double(d, 0, num, sizeof num);
    if (!strchr(num, '.') && (e = strpbrk(num, "eE"))) {
        /* networkx needs a fraction before the exponent: 1e+20 -> 1.0e+20 */
        memmove(e + 2, e, strlen(e) + 1);
        e[0] = '.';
        e[1] = '0';
    }
    ag__puts(f, num);
}

static void put_value(mw *w, const ag_attr_value *v, ag__kind kind)
{
    size_t len;
    const char *text;

    if (kind != AG__K_JSON)
        switch (v->type) {
        case AG_ATTR_BOOL:
            ag__puts(w->f, v->boolean ? "1" : "0");
            return;
        case AG_ATTR_INTEGER:
            if (kind == AG__K_REAL)
                put_gml_real(w->f, (double)v->integer);
            else
                ag__put_long(w->f, v->integer);
            return;
        case AG_ATTR_REAL:
            put_gml_real(w->f, v->real);
            return;
        default:
            break;
        }
    text = ag__attr_text(v, kind, &w->scratch, &len, &w->oom);
    put_gml_string(w->f, text ? text : "", text ? len : 0);
}

/* One attribute line of domain d (nulls are left out). */
static void put_pair(mw *w, int d, const char *key, const ag_attr_value *v, const char *indent)
{
    long i = ag__columns_find(&w->col[d], key);
    if (i < 0 || (v->type == AG_ATTR_OTHER && json_is_null(v->other)))
        return;
    ag__puts(w->f, indent);
    ag__puts(w->f, w->key[d][i]);
    ag__puts(w->f, " ");
    put_value(w, v, w->col[d].col[i].kind);
    ag__puts(w->f, "\n");
}

/* The attributes of the graph (d 0: the object attrs), a node (1) or a link (2, index). */
static void put_record(mw *w, int d, const json_t *attrs, size_t index, const char *indent)
{
    const char *key;
    ag_attr_value v;

    if (d > 0) {
        for (size_t k = 0; ag__row_at(w->g, d == 2, index, k, &key, &v) == 0; k++)
            put_pair(w, d, key, &v, indent);
        return;
    }
    for (void *it = json_object_iter((json_t *)attrs); it;
         it = json_object_iter_next((json_t *)attrs, it)) {
        ag_attr_value_of_json(json_object_iter_value(it), &v);
        put_pair(w, d, json_object_iter_key(it), &v, indent);
    }
}

/* The GML id of a node: its own integer id when the graph has integer ids (so they
 * come back as integers), else its index. */
static void put_gml_id(FILE *f, const ag_graph *g, size_t node)
{
    if (ag_graph_has_integer_ids(g))
        ag__puts(f, ag_node_id(g, node));
    else
        ag__put_size(f, node);
}

int ag__write_gml(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err)
{
    mw w;
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    int rc = -1;

    memset(&w, 0, sizeof w);
    w.f = out;
    w.g = g;
    if (plan(&w, opts->gml_alnum_keys, err) < 0)
        goto out;
    ag__puts(out, "graph [\n  directed ");
    ag__puts(out, ag_graph_is_directed(g) ? "1\n" : "0\n");
    if (ag_graph_is_multigraph(g))
        ag__puts(out, "  multigraph 1\n");
    put_record(&w, 0, ag_graph_attrs_const(g), 0, "  ");
    for (size_t i = 0; i < n; i++) {
        const char *id = ag_node_id(g, i);
        ag__puts(out, "  node [\n    id ");
        put_gml_id(out, g, i);
        ag__puts(out, "\n    label ");
        put_gml_string(out, id, strlen(id));
        ag__puts(out, "\n");
        put_record(&w, 1, NULL, i, "    ");
        ag__puts(out, "  ]\n");
    }
    for (size_t e = 0; e < m; e++) {
        ag__puts(out, "  edge [\n    source ");
        put_gml_id(out, g, ag_edge_source(g, e));
        ag__puts(out, "\n    target ");
        put_gml_id(out, g, ag_edge_target(g, e));
        ag__puts(out, "\n");
        if (ag_edge_has_weight(g, e)) {
            ag__puts(out, "    weight ");
            put_gml_real(out, ag_edge_weight(g, e));
            ag__puts(out, "\n");
        }
        put_record(&w, 2, NULL, e, "    ");
        ag__puts(out, "  ]\n");
    }
    ag__puts(out, "]\n");
    rc = ag__write_status(out, w.oom, err);
out:
    for (int d = 0; d < 3; d++) {
        if (w.key[d])
            for (size_t i = 0; i < w.col[d].n; i++)
                free(w.key[d][i]);
        free(w.key[d]);
        ag__columns_free(&w.col[d]);
    }
    ag__buf_free(&w.scratch);
    return rc;
}
