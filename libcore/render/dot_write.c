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
    static const char *const keywords[] = {"node", "edge", "graph", "digraph", "subgraph",
                                           "strict", NULL};
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
static int put_data_as(FILE *f, int *first, const json_t *attrs, const ag__attrs *style,
                       int plain)
{
    const char *key;
    json_t *v;

    json_object_foreach((json_t *)attrs, key, v)
    {
        char num[40];
        const char *text = num;
        char *dumped = NULL;
        if ((style && ag__attrs_has(style, key)) || json_is_null(v) || ag__gv_names_file(key))
            continue;
        switch (json_typeof(v)) {
        case JSON_STRING: text = json_string_value(v); break;
        case JSON_INTEGER: snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v)); break;
        case JSON_REAL: ag__format_double(json_real_value(v), 0, num, sizeof num); break;
        case JSON_TRUE: text = "true"; break;
        case JSON_FALSE: text = "false"; break;
        default:
            /* Lists and objects as compact JSON, which the reader turns back. */
            if (!(dumped = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY)) ||
                (plain && !(dumped = quotes_as_escapes(dumped))))
                return -1;
            text = dumped;
        }
        if (plain)
            put_plain_attr(f, first, key, text);
        else
            put_attr(f, first, key, text, 0);
        free(dumped);
    }
    return 0;
}

static int put_data(FILE *f, int *first, const json_t *attrs, const ag__attrs *style)
{
    return put_data_as(f, first, attrs, style, 0);
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

int ag__dot_emit(const ag_graph *g, ag__styler *s, int with_data, FILE *out, ag_error *err)
{
    lists l = {0};
    ag__attrs *ga = &l.ga, *nd = &l.nd, *ed = &l.ed, *el = &l.el;
    size_t nn = ag_graph_node_count(g), ne = ag_graph_edge_count(g);
    int directed = ag_graph_is_directed(g), rc = -1;
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
        if (with_data && put_data(out, &first, ag_node_attrs_const(g, i), el) < 0)
            goto nomem;
        ag__puts(out, first ? ";\n" : "];\n");
    }
    for (size_t e = 0; e < ne; e++) {
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
        if (with_data && put_data(out, &first, ag_edge_attrs_const(g, e), el) < 0)
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

    ag__puts(out, ag_graph_is_directed(g) ? "digraph \"actorgraph\" {\n"
                                          : "graph \"actorgraph\" {\n");
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
        if (put_data_as(out, &first, ag_node_attrs_const(g, i), NULL, 1) < 0)
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
        if (put_data_as(out, &first, ag_edge_attrs_const(g, e), NULL, 1) < 0)
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
    case AG_FMT_PNG: return "png:cairo";
    case AG_FMT_PDF: return "pdf:cairo";
    default: return "svg";
    }
}

int ag__dot_render(const ag_graph *g, ag__styler *s, const char *engine, ag_format fmt,
                   FILE *out, ag_error *err)
{
    agusererrf prev = ag__gv_capture_start();
    lists l = {0};
    ag__attrs *ga = &l.ga, *nd = &l.nd, *ed = &l.ed, *el = &l.el;
    size_t nn = ag_graph_node_count(g), ne = ag_graph_edge_count(g);
    Agnode_t **nodes = NULL;
    Agraph_t *dg = NULL;
    GVC_t *gvc = NULL;
    int rc = -1, laid_out = 0;
    char msg[AG_ERR_MSG], *data = NULL;
    unsigned int len = 0;
    long line;

    if (!(nodes = malloc((nn ? nn : 1) * sizeof *nodes)) ||
        ag__style_graph(s, ga, nd, ed) < 0)
        goto nomem;
    if (!(gvc = gvContext()) ||
        !(dg = agopen("actorgraph", ag_graph_is_directed(g) ? Agdirected : Agundirected, NULL)))
        goto nomem;
    for (size_t i = 0; i < ga->n; i++)
        if (set_attr(dg, dg, AGRAPH, &ga->v[i]) < 0)
            goto nomem;
    for (size_t i = 0; i < nd->n; i++)
        if (!agattr(dg, AGNODE, nd->v[i].key, nd->v[i].val))
            goto nomem;
    for (size_t i = 0; i < ed->n; i++)
        if (!agattr(dg, AGEDGE, ed->v[i].key, ed->v[i].val))
            goto nomem;
    for (size_t i = 0; i < nn; i++) {
        if (!(nodes[i] = agnode(dg, (char *)ag_node_id(g, i), 1)) || ag__style_node(s, i, el) < 0)
            goto nomem;
        for (size_t k = 0; k < el->n; k++)
            if (set_attr(dg, nodes[i], AGNODE, &el->v[k]) < 0)
                goto nomem;
    }
    for (size_t e = 0; e < ne; e++) {
        Agedge_t *de = agedge(dg, nodes[ag_edge_source(g, e)], nodes[ag_edge_target(g, e)],
                              NULL, 1);
        if (!de || ag__style_edge(s, e, el) < 0)
            goto nomem;
        for (size_t k = 0; k < el->n; k++)
            if (set_attr(dg, de, AGEDGE, &el->v[k]) < 0)
                goto nomem;
    }
    /* sfdp takes its start positions from rand(), unseeded: the seed a fresh process has,
     * set again, makes every picture of a process the one the tools draw. */
    srand(1);
    if (gvLayout(gvc, dg, engine) != 0) {
        if (ag__gv_captured_error(NULL, msg, sizeof msg, &line))
            ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "%s layout failed: %s", engine, msg);
        else
            ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "%s layout failed", engine);
        goto out;
    }
    laid_out = 1;
    /* Render into memory and write it ourselves: Graphviz's own writer calls exit() when
     * a write fails (a full disk), which a library must never let happen. */
    if (gvRenderData(gvc, dg, render_format(fmt), &data, &len) != 0 || !data) {
        if (ag__gv_captured_error(NULL, msg, sizeof msg, &line))
            ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "rendering %s failed: %s",
                         ag_format_name(fmt), msg);
        else
            ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "rendering %s failed (is the "
                         "Graphviz cairo plugin installed?)", ag_format_name(fmt));
        goto out;
    }
    /* A short write leaves the stream's error flag set; ag_output_commit reports it
     * with the output's name. */
    fwrite(data, 1, len, out);
    rc = 0;
    goto out;
nomem:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory preparing the picture");
out:
    if (data)
        gvFreeRenderData(data);
    if (laid_out)
        gvFreeLayout(gvc, dg);
    if (dg)
        agclose(dg);
    if (gvc)
        gvFreeContext(gvc);
    free(nodes);
    lists_free(&l);
    ag__gv_capture_stop(prev);
    return rc;
}
