/*
 * dot_write.c - writing styled DOT text, and laying out and rendering pictures with gvc.
 *
 * DOT is emitted directly rather than through agwrite, because cgraph 2.43 has no way to
 * quote a string that ends in a backslash or holds a backslash before a quote or newline;
 * such strings are written as HTML-like <...> IDs, which the lexer takes verbatim (when
 * their angle brackets balance). Graphviz's messages are captured as the DOT reader does
 * (io/graphviz_internal.h).
 *
 * Plain DOT (ag_write_opts.dot_plain) is for data exchange: the data attributes and the
 * weights only, every ID a double-quoted string, no styling and nothing HTML-like, which
 * graph-tool's (Boost) and pydot's parsers need and cgraph still reads back.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/formats_internal.h"
#include "io/graphviz_internal.h"
#include "io/io_internal.h"
#include "render/render_internal.h"

/* ------------------------------------------------------------------ writing DOT text */

/* Do s's angle brackets balance (so it can be written as an HTML-like <...> ID)? */
static int brackets_balance(const char *s)
{
    long depth = 0;
    for (; *s; s++) {
        if (*s == '<')
            depth++;
        else if (*s == '>' && --depth < 0)
            return 0;
    }
    return depth == 0;
}

/* Can s go between double quotes? cgraph's lexer keeps "\\" as two characters and reads
 * "\"" as a quote and backslash-newline as a line continuation, so a backslash that
 * is not part of a pair must not stand before a quote, a newline or the end. */
static int quotable(const char *s)
{
    for (; *s; s++)
        if (*s == '\\') {
            if (s[1] == '\\')
                s++;
            else if (s[1] == '"' || s[1] == '\n' || s[1] == '\0')
                return 0;
        }
    return 1;
}

/* Write s double-quoted, '"' escaped; when it is not quotable (ok is 0), a space goes
 * after each stray backslash (the one lossy case). */
static void put_quoted(FILE *f, const char *s, int ok)
{
    const char *p;

    fputc_unlocked('"', f);
    for (p = s; *p; p++) {
        const char *q = p;
        while (*q && *q != '"' && *q != '\\')
            q++;
        ag__putn(f, p, (size_t)(q - p));
        p = q;
        if (!*p)
            break;
        if (*p == '"') {
            ag__puts(f, "\\\"");
        } else if (p[1] == '\\') {
            ag__puts(f, "\\\\");
            p++;
        } else {
            fputc_unlocked('\\', f);
            if (!ok && (p[1] == '"' || p[1] == '\n' || p[1] == '\0'))
                fputc_unlocked(' ', f);
        }
    }
    fputc_unlocked('"', f);
}

/* Write s as a DOT ID: quoted with '"' escaped when quotable, else as an HTML-like <...>
 * ID (taken verbatim) when its angle brackets balance, else quoted with a space after
 * the stray backslash (the one lossy case). */
static void put_id(FILE *f, const char *s)
{
    int ok = quotable(s);

    if (!ok && brackets_balance(s)) {
        fputc_unlocked('<', f);
        ag__puts(f, s);
        fputc_unlocked('>', f);
        return;
    }
    put_quoted(f, s, ok);
}

static void put_attr(FILE *f, int *first, const char *key, const char *val, int html)
{
    ag__puts(f, *first ? " [" : ", ");
    *first = 0;
    put_id(f, key);
    fputc_unlocked('=', f);
    if (html) {
        fputc_unlocked('<', f);
        ag__puts(f, val);
        fputc_unlocked('>', f);
    } else {
        put_id(f, val);
    }
}

static void put_attrs(FILE *f, int *first, const ag__attrs *a)
{
    for (size_t i = 0; i < a->n; i++)
        put_attr(f, first, a->v[i].key, a->v[i].val, a->v[i].html);
}

/* JSON text with every escaped quote inside its strings (\") written \u0022, so that
 * the text is a DOT quoted string without a backslash before a quote (which cgraph's
 * and Boost's lexers cannot read back). Takes json and returns the new text, or NULL
 * (json freed either way). */
static char *quotes_as_escapes(char *json)
{
    size_t n = 0;
    char *out, *q;

    for (const char *p = json; *p; p++)
        n += p[0] == '\\' && p[1] == '"' ? 6 : 1;
    if ((out = malloc(n + 1))) {
        q = out;
        for (const char *p = json; *p; p++) {
            if (p[0] == '\\' && p[1] == '"') {
                memcpy(q, "\\u0022", 6);
                q += 6;
                p++;
            } else if (p[0] == '\\' && p[1]) {
                *q++ = *p++; /* another escape ("\\\\", "\\n"): kept whole, so the
                              * quote after an escaped backslash stays the string's end */
                *q++ = *p;
            } else {
                *q++ = *p;
            }
        }
        *q = '\0';
    }
    free(json);
    return out;
}

/* Is s a DOT identifier ([A-Za-z_][A-Za-z0-9_]*, not a keyword), written bare? */
static int bare_id(const char *s)
{
    static const char *const keywords[] = {"node",     "edge",   "graph", "digraph",
                                           "subgraph", "strict", NULL};
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_'))
            return 0;
    for (size_t i = 0; keywords[i]; i++)
        if (strcasecmp(s, keywords[i]) == 0)
            return 0;
    return 1;
}

/* key=val in an attribute list (plain DOT): the key bare when it is an identifier (as
 * pydot wants to look it up), else double-quoted; the value always double-quoted. */
static void put_plain_attr(FILE *f, int *first, const char *key, const char *val)
{
    ag__puts(f, *first ? " [" : ", ");
    *first = 0;
    if (bare_id(key))
        ag__puts(f, key);
    else
        put_quoted(f, key, quotable(key));
    fputc_unlocked('=', f);
    put_quoted(f, val, quotable(val));
}

/* The data attributes of one element, skipping keys the styling already set (style may
 * be NULL); plain: every ID double-quoted. */
/* One attribute as DOT data, unless style sets it, it is null, or Graphviz would read it
 * as a file name. -1 when out of memory. */
static int put_datum(FILE *f, int *first, const char *key, const ag_attr_value *v,
                     const ag__attrs *style, int plain)
{
    char num[40];
    const char *text = num;
    char *dumped = NULL;

    if ((style && ag__attrs_has(style, key)) ||
        (v->type == AG_ATTR_OTHER && json_is_null(v->other)) || ag__gv_names_file(key))
        return 0;
    switch (v->type) {
    case AG_ATTR_STRING:
        text = v->string;
        break;
    case AG_ATTR_INTEGER:
        snprintf(num, sizeof num, "%lld", v->integer);
        break;
    case AG_ATTR_REAL:
        ag__format_double(v->real, 0, num, sizeof num);
        break;
    case AG_ATTR_BOOL:
        text = v->boolean ? "true" : "false";
        break;
    default:
        /* Lists and objects as compact JSON, which the reader turns back. */
        if (!(dumped = json_dumps(v->other, JSON_COMPACT | JSON_ENCODE_ANY)) ||
            (plain && !(dumped = quotes_as_escapes(dumped))))
            return -1;
        text = dumped;
    }
    if (plain)
        put_plain_attr(f, first, key, text);
    else
        put_attr(f, first, key, text, 0);
    free(dumped);
    return 0;
}

/* The attributes of a jansson object (the graph's, or defaults) as DOT data. */
static int put_data_as(FILE *f, int *first, const json_t *attrs, const ag__attrs *style, int plain)
{
    for (void *it = json_object_iter((json_t *)attrs); it;
         it = json_object_iter_next((json_t *)attrs, it)) {
        ag_attr_value v;
        ag_attr_value_of_json(json_object_iter_value(it), &v);
        if (put_datum(f, first, json_object_iter_key(it), &v, style, plain) < 0)
            return -1;
    }
    return 0;
}

static int put_data(FILE *f, int *first, const json_t *attrs, const ag__attrs *style)
{
    return put_data_as(f, first, attrs, style, 0);
}

/* The attributes of node or link (is_link) index of g as DOT data. */
static int put_row_data(FILE *f, int *first, const ag_graph *g, int is_link, size_t index,
                        const ag__attrs *style, int plain)
{
    const char *key;
    ag_attr_value v;

    for (size_t k = 0; (is_link ? ag_edge_attr_at(g, index, k, &key, &v)
                                : ag_node_attr_at(g, index, k, &key, &v)) == 0;
         k++)
        if (put_datum(f, first, key, &v, style, plain) < 0)
            return -1;
    return 0;
}

/* The statement a default-attribute list opens with ("graph", "node", "edge"). */
static int put_defaults(FILE *f, const char *what, const ag__attrs *a, const json_t *data)
{
    int first = 1;
    if (!a->n && !(data && json_object_size(data)))
        return 0;
    ag__puts(f, "  ");
    ag__puts(f, what);
    put_attrs(f, &first, a);
    if (data && put_data(f, &first, data, a) < 0)
        return -1;
    ag__puts(f, first ? "\n" : "];\n");
    return 0;
}

/* The attribute lists one emit or render call works with. */
typedef struct lists {
    ag__attrs ga; /* graph attributes */
    ag__attrs nd; /* node defaults */
    ag__attrs ed; /* edge defaults */
    ag__attrs el; /* the current node or edge */
} lists;

static void lists_free(lists *l)
{
    ag__attrs_free(&l->ga);
    ag__attrs_free(&l->nd);
    ag__attrs_free(&l->ed);
    ag__attrs_free(&l->el);
}

static int edge_met(const ag_graph *g, size_t e)
{
    int met;
    return ag_edge_get_bool(g, e, "met", &met) == 0 && met;
}

/* The k-th link in drawing order: the co-mention links in g's order, then the met links
 * (outputorder=edgesfirst draws links in creation order, so these end on top). *pass
 * and *next start at 0; returns 0 when there are no more. */
static int next_edge(const ag_graph *g, int *pass, size_t *next, size_t *e)
{
    size_t ne = ag_graph_edge_count(g);
    for (; *pass < 2; (*pass)++, *next = 0)
        while (*next < ne) {
            size_t k = (*next)++;
            if (edge_met(g, k) == *pass) {
                *e = k;
                return 1;
            }
        }
    return 0;
}

int ag__dot_emit(const ag_graph *g, ag__styler *s, int with_data, FILE *out, ag_error *err)
{
    lists l = {0};
    ag__attrs *ga = &l.ga, *nd = &l.nd, *ed = &l.ed, *el = &l.el;
    size_t nn = ag_graph_node_count(g), e, next = 0;
    int directed = ag_graph_is_directed(g), rc = -1, pass = 0;
    const char *op = directed ? " -> " : " -- ";

    if (ag__style_graph(s, ga, nd, ed) < 0 ||
        (with_data && ag__attrs_add(ga, AG__STYLE_MARK, 0, "%s", AG__STYLE_KEYS) < 0))
        goto nomem;
    ag__puts(out, directed ? "digraph \"actorgraph\" {\n" : "graph \"actorgraph\" {\n");
    if (put_defaults(out, "graph", ga, with_data ? ag_graph_attrs_const(g) : NULL) < 0 ||
        put_defaults(out, "node", nd, NULL) < 0 || put_defaults(out, "edge", ed, NULL) < 0)
        goto nomem;
    for (size_t i = 0; i < nn; i++) {
        int first = 1;
        if (ag__style_node(s, i, el) < 0)
            goto nomem;
        ag__puts(out, "  ");
        put_id(out, ag_node_id(g, i));
        put_attrs(out, &first, el);
        if (with_data && put_row_data(out, &first, g, 0, i, el, 0) < 0)
            goto nomem;
        ag__puts(out, first ? ";\n" : "];\n");
    }
    while (next_edge(g, &pass, &next, &e)) {
        int first = 1;
        if (ag__style_edge(s, e, el) < 0)
            goto nomem;
        ag__puts(out, "  ");
        put_id(out, ag_node_id(g, ag_edge_source(g, e)));
        ag__puts(out, op);
        put_id(out, ag_node_id(g, ag_edge_target(g, e)));
        if (with_data && ag_edge_has_weight(g, e)) {
            char num[40];
            ag__format_double(ag_edge_weight(g, e), 1, num, sizeof num);
            put_attr(out, &first, "weight", num, 0);
        }
        put_attrs(out, &first, el);
        if (with_data && put_row_data(out, &first, g, 1, e, el, 0) < 0)
            goto nomem;
        ag__puts(out, first ? ";\n" : "];\n");
    }
    ag__puts(out, "}\n");
    rc = 0; /* write errors: ag_output_commit reports them with the output's name */
    goto out;
nomem:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory writing DOT");
out:
    lists_free(&l);
    return rc;
}

/* Plain DOT: the graph's, nodes' and links' data, nothing else. O(V + E). */
static int write_plain_dot(const ag_graph *g, FILE *out, ag_error *err)
{
    size_t nn = ag_graph_node_count(g), ne = ag_graph_edge_count(g);
    const char *op = ag_graph_is_directed(g) ? " -> " : " -- ";
    const json_t *ga = ag_graph_attrs_const(g);
    int first;

    ag__puts(out,
             ag_graph_is_directed(g) ? "digraph \"actorgraph\" {\n" : "graph \"actorgraph\" {\n");
    if (ga && json_object_size(ga)) {
        first = 1;
        ag__puts(out, "  graph");
        if (put_data_as(out, &first, ga, NULL, 1) < 0)
            goto nomem;
        ag__puts(out, first ? ";\n" : "];\n");
    }
    for (size_t i = 0; i < nn; i++) {
        const char *id = ag_node_id(g, i);
        first = 1;
        ag__puts(out, "  ");
        put_quoted(out, id, quotable(id));
        if (put_row_data(out, &first, g, 0, i, NULL, 1) < 0)
            goto nomem;
        ag__puts(out, first ? ";\n" : "];\n");
    }
    for (size_t e = 0; e < ne; e++) {
        const char *a = ag_node_id(g, ag_edge_source(g, e));
        const char *b = ag_node_id(g, ag_edge_target(g, e));
        first = 1;
        ag__puts(out, "  ");
        put_quoted(out, a, quotable(a));
        ag__puts(out, op);
        put_quoted(out, b, quotable(b));
        if (ag_edge_has_weight(g, e)) {
            char num[40];
            ag__format_double(ag_edge_weight(g, e), 1, num, sizeof num);
            put_plain_attr(out, &first, "weight", num);
        }
        if (put_row_data(out, &first, g, 1, e, NULL, 1) < 0)
            goto nomem;
        ag__puts(out, first ? ";\n" : "];\n");
    }
    ag__puts(out, "}\n");
    return 0; /* write errors: ag_output_commit reports them with the output's name */
nomem:
    return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory writing DOT");
}

int ag__write_dot(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err)
{
    ag_render_opts ro = AG_RENDER_OPTS_INIT;

    if (opts->dot_plain)
        return write_plain_dot(g, out, err);
    ro.format = AG_FMT_DOT;
    ro.top = 0;
    ro.title = opts->title;
    return ag_render_dot(g, out, &ro, err);
}

/* ------------------------------------------------------------------ pictures */

/* Set key=val on obj, declaring the attribute (default "") when it is new. */
static int set_attr(Agraph_t *g, void *obj, int kind, const ag__attr *a)
{
    Agsym_t *sym = agattr(g, kind, a->key, NULL);
    char *val = a->val;
    int rc;

    if (!sym && !(sym = agattr(g, kind, a->key, "")))
        return -1;
    if (a->html)
        val = agstrdup_html(g, a->val);
    rc = agxset(obj, sym, val);
    if (a->html)
        agstrfree(g, val);
    return rc;
}

static const char *render_format(ag_format fmt)
{
    switch (fmt) {
    case AG_FMT_PNG:
        return "png:cairo";
    case AG_FMT_PDF:
        return "pdf:cairo";
    default:
        return "svg";
    }
}

/* gvLayout, its failure reported with Graphviz's message. */
static int layout(GVC_t *gvc, Agraph_t *dg, const char *engine, ag_error *err)
{
    char msg[AG_ERR_MSG];
    long line;

    /* sfdp takes its start positions from rand(), unseeded: the seed a fresh process has,
     * set again, makes every picture of a process the one the tools draw. */
    srand(1);
    if (gvLayout(gvc, dg, engine) == 0)
        return 0;
    if (ag__gv_captured_error(NULL, msg, sizeof msg, &line))
        return ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "%s layout failed: %s", engine, msg);
    return ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "%s layout failed", engine);
}

/* The process's one Graphviz context, made on first use and never freed. Graphviz 2.43's
 * pango plugin keeps a font name from the first context it measured text for, so a
 * second picture drawn in a later context read freed memory (AddressSanitizer, the
 * unit tests); one context is also how Graphviz expects to be used. Not thread-safe,
 * like the rest of cgraph (render.h says so). */
static GVC_t *context(void)
{
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    return gvc;
}

/* One picture being made: g built in cgraph, styled by s. */
typedef struct drawing {
    GVC_t *gvc;
    Agraph_t *dg;
    Agnode_t **nodes; /* g's node i is nodes[i] */
    int laid_out;     /* gvLayout succeeded: gvFreeLayout is due */
    lists l;
} drawing;

static void drawing_free(drawing *d)
{
    if (d->laid_out)
        gvFreeLayout(d->gvc, d->dg);
    if (d->dg)
        agclose(d->dg);
    free(d->nodes);
    lists_free(&d->l);
}

/* Build g in cgraph, styled by s, and lay it out with s's engine: the one construction
 * the pictures, the page and the positions share, so they agree. */
static int draw(const ag_graph *g, ag__styler *s, drawing *d, ag_error *err)
{
    ag__attrs *ga = &d->l.ga, *nd = &d->l.nd, *ed = &d->l.ed, *el = &d->l.el;
    size_t nn = ag_graph_node_count(g), e, next = 0;
    int pass = 0;

    if (!(d->nodes = malloc((nn ? nn : 1) * sizeof *d->nodes)) ||
        ag__style_graph(s, ga, nd, ed) < 0)
        goto nomem;
    if (!(d->gvc = context()) ||
        !(d->dg = agopen("actorgraph", ag_graph_is_directed(g) ? Agdirected : Agundirected, NULL)))
        goto nomem;
    for (size_t i = 0; i < ga->n; i++)
        if (set_attr(d->dg, d->dg, AGRAPH, &ga->v[i]) < 0)
            goto nomem;
    for (size_t i = 0; i < nd->n; i++)
        if (!agattr(d->dg, AGNODE, nd->v[i].key, nd->v[i].val))
            goto nomem;
    for (size_t i = 0; i < ed->n; i++)
        if (!agattr(d->dg, AGEDGE, ed->v[i].key, ed->v[i].val))
            goto nomem;
    for (size_t i = 0; i < nn; i++) {
        if (!(d->nodes[i] = agnode(d->dg, (char *)ag_node_id(g, i), 1)) ||
            ag__style_node(s, i, el) < 0)
            goto nomem;
        for (size_t k = 0; k < el->n; k++)
            if (set_attr(d->dg, d->nodes[i], AGNODE, &el->v[k]) < 0)
                goto nomem;
    }
    while (next_edge(g, &pass, &next, &e)) {
        Agedge_t *de =
            agedge(d->dg, d->nodes[ag_edge_source(g, e)], d->nodes[ag_edge_target(g, e)], NULL, 1);
        if (!de || ag__style_edge(s, e, el) < 0)
            goto nomem;
        for (size_t k = 0; k < el->n; k++)
            if (set_attr(d->dg, de, AGEDGE, &el->v[k]) < 0)
                goto nomem;
    }
    if ((size_t)agnnodes(d->dg) != nn)
        return ag_error_set(err, AG_EINTERNAL, NULL, 0, 0,
                            "the layout has %zu actors, not "
                            "%zu (names Graphviz cannot tell apart)",
                            (size_t)agnnodes(d->dg), nn);
    if (layout(d->gvc, d->dg, ag__styler_engine(s), err) < 0)
        return -1;
    d->laid_out = 1;
    return 0;
nomem:
    return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory preparing the picture");
}

/* Set key=value on node n (a transient attribute list entry). */
static int set_node_attr(drawing *d, Agnode_t *n, const char *key, const char *value)
{
    ag__attr a = {(char *)key, (char *)value, 0};
    return set_attr(d->dg, n, AGNODE, &a);
}

/*
 * Put the caption under the finished layout. Graphviz has one graph label (the title and
 * legend, on top), so the caption is a text node below the drawing's box. The drawing is
 * laid out a second time with every actor pinned where the first layout put it (neato
 * moves no pinned node; positions in inches) and overlap removal off, so the picture is
 * the one without a caption, plus the caption; only the links are routed again.
 */
static int add_caption(const ag_graph *g, drawing *d, ag__styler *s, ag_error *err)
{
    size_t nn = ag_graph_node_count(g);
    double lly = 0, minx = 0, maxx = 0;
    char pos[96], name[32];
    Agnode_t *n;
    int k = 0;

    for (size_t i = 0; i < nn; i++) {
        Agnode_t *v = d->nodes[i];
        double x = ND_coord(v).x, y = ND_coord(v).y, hw = ND_width(v) * 36, hh = ND_height(v) * 36;
        if (i == 0 || x - hw < minx)
            minx = x - hw;
        if (i == 0 || x + hw > maxx)
            maxx = x + hw;
        if (i == 0 || y - hh < lly)
            lly = y - hh;
    }
    /* A name no actor has (SVG shows it as the element's title). */
    do
        snprintf(name, sizeof name, k ? "caption %d" : "caption", k);
    while (agnode(d->dg, name, 0) && ++k < 1000);
    for (size_t i = 0; i < nn; i++) {
        snprintf(pos, sizeof pos, "%.5f,%.5f!", ND_coord(d->nodes[i]).x / 72,
                 ND_coord(d->nodes[i]).y / 72);
        if (set_node_attr(d, d->nodes[i], "pos", pos) < 0)
            goto nomem;
    }
    gvFreeLayout(d->gvc, d->dg);
    d->laid_out = 0;
    snprintf(pos, sizeof pos, "%.5f,%.5f!", (minx + maxx) / 2 / 72, (lly - 16) / 72);
    if (!(n = agnode(d->dg, name, 1)) || ag__style_caption(s, &d->l.el) < 0 ||
        ag__attrs_add(&d->l.el, "pos", 0, "%s", pos) < 0)
        goto nomem;
    for (size_t i = 0; i < d->l.el.n; i++)
        if (set_attr(d->dg, n, AGNODE, &d->l.el.v[i]) < 0)
            goto nomem;
    if (agsafeset(d->dg, "overlap", "true", "") != 0)
        goto nomem;
    if (layout(d->gvc, d->dg, "neato", err) < 0)
        return -1;
    d->laid_out = 1;
    return 0;
nomem:
    return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory placing the caption");
}

int ag__dot_render(const ag_graph *g, ag__styler *s, ag_format fmt, FILE *out, ag_error *err)
{
    agusererrf prev = ag__gv_capture_start();
    drawing d = {0};
    int rc = -1;
    char msg[AG_ERR_MSG], *data = NULL;
    unsigned int len = 0;
    long line;

    if (draw(g, s, &d, err) < 0 || (ag__styler_caption(s) && add_caption(g, &d, s, err) < 0))
        goto out;
    /* Render into memory and write it ourselves: Graphviz's own writer calls exit() when
     * a write fails (a full disk), which a library must never let happen. */
    if (gvRenderData(d.gvc, d.dg, render_format(fmt), &data, &len) != 0 || !data) {
        if (ag__gv_captured_error(NULL, msg, sizeof msg, &line))
            ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "rendering %s failed: %s",
                         ag_format_name(fmt), msg);
        else
            ag_error_set(err, AG_EINTERNAL, NULL, 0, 0,
                         "rendering %s failed (is the "
                         "Graphviz cairo plugin installed?)",
                         ag_format_name(fmt));
        goto out;
    }
    /* A short write leaves the stream's error flag set; ag_output_commit reports it
     * with the output's name. */
    fwrite(data, 1, len, out);
    rc = 0;
out:
    if (data)
        gvFreeRenderData(data);
    drawing_free(&d);
    ag__gv_capture_stop(prev);
    return rc;
}

/* The lines of a node's label after Graphviz's escape processing and line breaking;
 * NULL for an HTML-like label (then the page shows the id). */
static char *label_lines(Agnode_t *n)
{
    textlabel_t *lab = ND_label(n);
    ag__buf b = {0};

    if (!lab || lab->html)
        return NULL;
    for (short k = 0; k < lab->u.txt.nspans; k++) {
        const char *str = lab->u.txt.span[k].str ? lab->u.txt.span[k].str : "";
        if ((k && ag__buf_add(&b, "\n", 1) < 0) || ag__buf_add(&b, str, strlen(str)) < 0) {
            ag__buf_free(&b);
            return NULL;
        }
    }
    return b.p ? b.p : strdup("");
}

void ag__places_free(ag__place *pl, size_t n)
{
    for (size_t i = 0; pl && i < n; i++)
        free(pl[i].label);
    free(pl);
}

int ag__dot_layout(const ag_graph *g, ag__styler *s, ag__place *pl, ag_error *err)
{
    agusererrf prev = ag__gv_capture_start();
    size_t nn = ag_graph_node_count(g);
    drawing d = {0};
    int rc = -1;

    if (draw(g, s, &d, err) < 0)
        goto out;
    for (size_t i = 0; i < nn; i++) {
        Agnode_t *n = d.nodes[i];
        pl[i].x = ND_coord(n).x;
        pl[i].y = -ND_coord(n).y;
        pl[i].w = ND_width(n) * 72;
        pl[i].h = ND_height(n) * 72;
        pl[i].label = label_lines(n);
    }
    rc = 0;
out:
    drawing_free(&d);
    ag__gv_capture_stop(prev);
    return rc;
}
