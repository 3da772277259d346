/*
 * render.c - what an actorgraph picture shows: the selection (met-only, top N), the
 * styling of every actor and link, the title and legend, and the tooltips. Graphviz
 * itself is only reached through dot_write.c (render_internal.h), which turns the attribute
 * lists built here into DOT text or an in-memory cgraph graph.
 *
 * The design decision that matters: labels are the nodes. Each actor is drawn as a filled
 * box (shape by type) whose label's font size follows the measure, and Graphviz's overlap
 * removal (overlap=prism) then guarantees that no two labels overlap, whatever the layout
 * engine. Fills are the community colour of style.h lightened towards white, so black
 * text stays readable and the hue still matches Gephi's.
 *
 * Escaping happens at two levels: here, text is put into Graphviz's escString form (for
 * labels "\\" and "\n" are Graphviz escapes and "&" starts an entity; tooltips are
 * unescaped once more and substitute \N, \G, ... — see esc_tooltip); dot_write.c adds the DOT
 * quoting level.
 */
#include <actorgraph/render/render.h>

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <actorgraph/graph/style.h>

#include "util/error_internal.h"
#include "util/opts_internal.h"
#include "util/array_internal.h"
#include "io/formats_internal.h"
#include "render/render_internal.h"

/* ------------------------------------------------------------------ attribute lists */

int ag__attrs_add(ag__attrs *a, const char *key, int html, const char *fmt, ...)
{
    va_list ap;
    char *val = NULL, *k;

    if (ag__grow(&a->v, &a->cap, a->n + 1, sizeof *a->v) < 0)
        return -1;
    va_start(ap, fmt);
    if (vasprintf(&val, fmt, ap) < 0)
        val = NULL;
    va_end(ap);
    if (!val || !(k = strdup(key))) {
        free(val);
        return -1;
    }
    a->v[a->n].key = k;
    a->v[a->n].val = val;
    a->v[a->n].html = html;
    a->n++;
    return 0;
}

int ag__attrs_has(const ag__attrs *a, const char *key)
{
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i].key, key) == 0)
            return 1;
    return 0;
}

void ag__attrs_reset(ag__attrs *a)
{
    for (size_t i = 0; i < a->n; i++) {
        free(a->v[i].key);
        free(a->v[i].val);
    }
    a->n = 0;
}

void ag__attrs_free(ag__attrs *a)
{
    ag__attrs_reset(a);
    free(a->v);
    a->v = NULL;
    a->cap = 0;
}

/* ------------------------------------------------------------------ escaping */

/* The buffer's text; "" when nothing was added (ag__buf leaves p NULL then). */
static const char *buf_text(const ag__buf *b) { return b->p ? b->p : ""; }

static int buf_str(ag__buf *b, const char *s) { return ag__buf_add(b, s, strlen(s)); }

static int buf_printf(ag__buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int buf_printf(ag__buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    return ag__buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Append s[0, n) as label text: Graphviz reads "\\" as a backslash and "\n" as a line
 * break, and decodes entities, so '\' and '&' are escaped and newlines become "\n". */
static int esc_label(ag__buf *b, const char *s, size_t n)
{
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        switch (s[i]) {
        case '\\':
            rc = ag__buf_add(b, "\\\\", 2);
            break;
        case '&':
            rc = ag__buf_add(b, "&amp;", 5);
            break;
        case '\n':
            rc = ag__buf_add(b, "\\n", 2);
            break;
        case '\r':
            break;
        default:
            rc = ag__buf_add(b, s + i, 1);
        }
    }
    return rc;
}

/* Append s[0, n) as tooltip text. Graphviz 2.43 unescapes tooltips ("\\" -> "\", "\n" ->
 * line break) and then substitutes \N, \G, \E, \H, \T, \L, so a backslash in front of one
 * of those letters needs a second level of escaping (checked by tests/golden/render). */
static int esc_tooltip(ag__buf *b, const char *s, size_t n)
{
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        switch (s[i]) {
        case '\\':
            if (i + 1 < n && s[i + 1] && strchr("GNEHTL", s[i + 1]))
                rc = ag__buf_add(b, "\\\\\\\\", 4);
            else
                rc = ag__buf_add(b, "\\\\", 2);
            break;
        case '&':
            rc = ag__buf_add(b, "&amp;", 5);
            break;
        case '\n':
            rc = ag__buf_add(b, "\\n", 2);
            break;
        case '\r':
            break;
        default:
            rc = ag__buf_add(b, s + i, 1);
        }
    }
    return rc;
}

/* Append s as the text of an HTML-like label (entities for & < > "; newlines as spaces). */
static int esc_html(ag__buf *b, const char *s)
{
    int rc = 0;
    for (; *s && rc == 0; s++) {
        switch (*s) {
        case '&':
            rc = buf_str(b, "&amp;");
            break;
        case '<':
            rc = buf_str(b, "&lt;");
            break;
        case '>':
            rc = buf_str(b, "&gt;");
            break;
        case '"':
            rc = buf_str(b, "&quot;");
            break;
        case '\n':
        case '\r':
        case '\t':
            rc = buf_str(b, " ");
            break;
        default:
            rc = ag__buf_add(b, s, 1);
        }
    }
    return rc;
}

/* Length of at most max bytes of s that ends on a UTF-8 character boundary. */
static size_t utf8_cut(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

/* ------------------------------------------------------------------ layout engines */

static const struct {
    const char *name;
    size_t max_nodes; /* beyond this the engine takes minutes or worse */
} engines[] = {
    /* Measured on random graphs with 3 links per actor (the hard case for layered and
     * circular layouts): sfdp 2000 actors 9 s, 5000 155 s; neato 1000 5 s; fdp 1000 8 s;
     * twopi 1000 2 s; dot 300 and circo 500 over 3 minutes. */
    {"sfdp", 2500}, {"neato", 1000}, {"fdp", 1000}, {"dot", 200}, {"circo", 300}, {"twopi", 2000},
};

int ag_render_layout_known(const char *name) { return name && ag_render_layout_limit(name) > 0; }

size_t ag_render_layout_limit(const char *layout)
{
    if (!layout)
        layout = "sfdp"; /* by size: sfdp takes the large graphs */
    for (size_t i = 0; i < sizeof engines / sizeof engines[0]; i++)
        if (strcmp(engines[i].name, layout) == 0)
            return engines[i].max_nodes;
    return 0;
}

const char *ag_render_layout_for(const ag_render_opts *opts, size_t actors)
{
    if (opts && opts->layout)
        return opts->layout;
    /* A plain neato drawing of a few dozen actors is tidier than sfdp's (communities
     * stay together, fewer long links); past a hundred neato slows down and sfdp's
     * multilevel layout reads as well. */
    return actors <= AG_RENDER_NEATO_MAX ? "neato" : "sfdp";
}

const char *ag_render_title(const ag_graph *g, const ag_render_opts *opts)
{
    const char *t;

    if (opts && opts->title)
        return opts->title;
    if ((t = ag_attr_string(ag_graph_attrs_const(g), "title")) && *t)
        return t;
    if ((t = ag_attr_string(ag_graph_attrs_const(g), "corpus")) && *t)
        return t;
    return "Who met whom";
}

/* ------------------------------------------------------------------ selection */

static int is_number(const json_t *v) { return json_is_integer(v) || json_is_real(v); }

/* The attribute nodes are sized and ranked by: opts->size_by when given (it must exist),
 * else pagerank, else degree; NULL means "count links" (no measure attribute at all). */
static int size_measure(const ag_graph *g, const ag_render_opts *o, const char **out, ag_error *err)
{
    static const char *const fallback[] = {"pagerank", "degree"};
    size_t n = ag_graph_node_count(g);
    double x;

    *out = NULL;
    if (o->size_by) {
        for (size_t i = 0; i < n; i++)
            if (ag_node_get_number(g, i, o->size_by, &x) == 0) {
                *out = o->size_by;
                return 0;
            }
        if (n == 0 || strcmp(o->size_by, "degree") == 0)
            return 0; /* degree without the attribute: count the links */
        return ag_error_set(err, AG_ENOTFOUND, NULL, 0, 0,
                            "no actor has a numeric '%s' attribute to size by "
                            "(run ag-analyze first, or use --size-by degree)",
                            o->size_by);
    }
    for (size_t f = 0; f < 2; f++)
        for (size_t i = 0; i < n; i++)
            if (ag_node_get_number(g, i, fallback[f], &x) == 0) {
                *out = fallback[f];
                return 0;
            }
    return 0;
}

typedef struct rank_item {
    double score;   /* the size measure */
    const char *id; /* tie break */
    size_t node;    /* index in the graph */
} rank_item;

static int rank_cmp(const void *a, const void *b)
{
    const rank_item *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return strcmp(x->id, y->id);
}

static int edge_met(const ag_graph *g, size_t e)
{
    int met;
    return ag_edge_get_bool(g, e, "met", &met) == 0 && met;
}

/* Deep-copy the attributes of src (may be NULL) into dst. */
static int copy_into(json_t *dst, const json_t *src)
{
    json_t *d;
    int rc;
    if (!src || !json_object_size(src))
        return 0;
    if (!dst || !(d = json_deep_copy(src)))
        return -1;
    rc = json_object_update(dst, d);
    json_decref(d);
    return rc;
}

/* A new graph with the kept nodes and the kept edges between kept nodes, in the original
 * order: the graph's attributes deep-copied, the records' copied with their lists and
 * objects shared (nothing here changes those). Time O(V + E + kept attributes). */
static ag_graph *copy_selected(const ag_graph *g, const unsigned char *keep_node,
                               const unsigned char *keep_edge, ag_error *err)
{
    size_t nn = ag_graph_node_count(g), ne = ag_graph_edge_count(g);
    ag_graph *c = ag_graph_new(ag_graph_is_directed(g));
    long *map = malloc((nn ? nn : 1) * sizeof *map);

    if (!c || !map)
        goto nomem;
    ag_graph_set_multigraph(c, ag_graph_is_multigraph(g));
    ag_graph_set_integer_ids(c, ag_graph_has_integer_ids(g));
    if (copy_into(ag_graph_attrs(c), ag_graph_attrs_const(g)) < 0)
        goto nomem;
    for (size_t i = 0; i < nn; i++) {
        map[i] = -1;
        if (!keep_node[i])
            continue;
        if ((map[i] = ag_graph_add_node(c, ag_node_id(g, i), err)) < 0)
            goto fail;
        if (ag_node_copy_attrs(c, (size_t)map[i], g, i, NULL, NULL) < 0)
            goto nomem;
    }
    for (size_t e = 0; e < ne; e++) {
        long s = map[ag_edge_source(g, e)], t = map[ag_edge_target(g, e)], k;
        if (!keep_edge[e] || s < 0 || t < 0)
            continue;
        if ((k = ag_graph_add_edge(c, (size_t)s, (size_t)t, err)) < 0)
            goto fail;
        if (ag_edge_has_weight(g, e))
            ag_edge_set_weight(c, (size_t)k, ag_edge_weight(g, e));
        if (ag_edge_copy_attrs(c, (size_t)k, g, e, NULL, NULL) < 0)
            goto nomem;
    }
    free(map);
    return c;
nomem:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory selecting actors to draw");
fail:
    free(map);
    ag_graph_free(c);
    return NULL;
}

/* ag_render_select, also telling how many actors were candidates before the top cut. */
static ag_graph *select_graph(const ag_graph *g, const ag_render_opts *opts, size_t *candidates,
                              ag_error *err)
{
    static const ag_render_opts defaults = AG_RENDER_OPTS_INIT;
    size_t nn = ag_graph_node_count(g), ne = ag_graph_edge_count(g), kept = 0;
    unsigned char *keep_node = NULL, *keep_edge = NULL;
    double *degree = NULL;
    rank_item *rank = NULL;
    const char *measure;
    ag_graph *copy = NULL;

    if (!opts)
        opts = &defaults;
    if (size_measure(g, opts, &measure, err) < 0)
        return NULL;
    keep_node = calloc(nn ? nn : 1, 1);
    keep_edge = calloc(ne ? ne : 1, 1);
    degree = calloc(nn ? nn : 1, sizeof *degree);
    if (!keep_node || !keep_edge || !degree)
        goto nomem;
    /* Time O(E): the links that stay, and the actors they make worth drawing. */
    for (size_t e = 0; e < ne; e++) {
        keep_edge[e] = !opts->met_only || edge_met(g, e);
        if (keep_edge[e]) {
            degree[ag_edge_source(g, e)]++;
            degree[ag_edge_target(g, e)]++;
        }
    }
    for (size_t i = 0; i < nn; i++)
        if ((keep_node[i] = !opts->met_only || degree[i] > 0))
            kept++;
    *candidates = kept;
    if (opts->top > 0 && kept > (size_t)opts->top) {
        /* Time O(V log V): rank the candidates, keep the first `top`. */
        size_t k = 0;
        if (!(rank = malloc(kept * sizeof *rank)))
            goto nomem;
        for (size_t i = 0; i < nn; i++)
            if (keep_node[i]) {
                double x;
                rank[k].score = !measure                                     ? degree[i]
                                : ag_node_get_number(g, i, measure, &x) == 0 ? x
                                                                             : -INFINITY;
                if (isnan(rank[k].score))
                    rank[k].score = -INFINITY;
                rank[k].id = ag_node_id(g, i);
                rank[k++].node = i;
            }
        qsort(rank, k, sizeof *rank, rank_cmp);
        for (size_t j = (size_t)opts->top; j < k; j++)
            keep_node[rank[j].node] = 0;
    }
    /* Build the selection directly rather than copying everything and filtering: the
     * top 60 of a million links should not cost a copy of the million. */
    copy = copy_selected(g, keep_node, keep_edge, err);
    goto out;
nomem:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory selecting actors to draw");
out:
    free(keep_node);
    free(keep_edge);
    free(degree);
    free(rank);
    return copy;
}

ag_graph *ag_render_select(const ag_graph *g, const ag_render_opts *opts, ag_error *err)
{
    size_t candidates;
    return select_graph(g, opts, &candidates, err);
}

/* ------------------------------------------------------------------ styling */

#define MAX_LEGEND 12  /* communities named in the legend; the rest are "other" */
#define LEGEND_NAMES 3 /* members named per community */
#define LABEL_WRAP 18  /* names longer than this (bytes) break at a middle space */
#define LABEL_MAX 120  /* names longer than this (bytes) are cut in pictures */

struct ag__styler {
    const ag_graph *g;   /* borrowed */
    ag_render_opts o;    /* copy of the caller's options */
    ag_style st;         /* colours and sizes shared with GraphML/GEXF */
    size_t total;        /* actors in the graph g was selected from */
    size_t candidates;   /* of those, the ones eligible before the top cut */
    const char *measure; /* size measure name, NULL: link count */
    int by_community;    /* colour rule: community (else type) */
    int any_met;         /* some link has met = true */
    long ncomm;          /* communities seen (max id + 1) */
    long *comm_top;      /* per community (< MAX_LEGEND): LEGEND_NAMES best nodes, -1 */
    size_t *comm_size;   /* per community (< MAX_LEGEND): actors drawn */
    unsigned types;      /* bit set of actor types present */
    const char *engine;  /* the layout engine (ag_render_layout_for) */
    ag__buf a, b;        /* scratch */
};

const char *ag__styler_engine(const ag__styler *s) { return s->engine; }

static long node_community(const ag_graph *g, size_t i)
{
    long long c;
    return ag_node_get_integer(g, i, "community", &c) == 0 && c >= 0 ? (long)c : -1;
}

static double node_score(const ag__styler *s, size_t i)
{
    double x;
    if (!s->measure)
        return s->st.degree ? s->st.degree[i] : 0;
    return ag_node_get_number(s->g, i, s->measure, &x) == 0 ? x : -INFINITY;
}

ag__styler *ag__styler_new(const ag_graph *g, const ag_render_opts *opts, size_t total,
                           size_t candidates, ag_error *err)
{
    static const ag_render_opts defaults = AG_RENDER_OPTS_INIT;
    ag__styler *s = calloc(1, sizeof *s);
    ag_style init = AG_STYLE_INIT;
    size_t nn = ag_graph_node_count(g);

    if (!s) {
        ag__nomem(err);
        return NULL;
    }
    s->g = g;
    s->o = opts ? *opts : defaults;
    s->st = init;
    s->total = total ? total : nn;
    s->candidates = candidates ? candidates : nn;
    s->engine = ag_render_layout_for(&s->o, nn);
    /* Font sizes in points: the smallest stays readable on a laptop, the largest stands
     * out without eating the picture. */
    s->st.min_size = 11;
    s->st.max_size = 24;
    s->st.min_width = 0.8;
    s->st.max_width = 6;
    if (size_measure(g, &s->o, &s->measure, err) < 0)
        goto fail;
    if (ag_style_prepare(&s->st, g, s->measure ? s->measure : "degree", err) < 0)
        goto fail;
    if (!s->measure && !s->st.degree) {
        /* No measure attribute: style.h sized by structural degree; keep it for scores. */
        s->st.size_by = AG_SIZE_BY_DEGREE;
    }
    s->by_community =
        s->o.color_by == AG_RENDER_COLOR_COMMUNITY ||
        (s->o.color_by == AG_RENDER_COLOR_AUTO && s->st.color_by == AG_COLOR_BY_COMMUNITY);
    s->st.color_by = s->by_community ? AG_COLOR_BY_COMMUNITY : AG_COLOR_BY_TYPE;
    for (size_t e = 0; e < ag_graph_edge_count(g); e++)
        if (edge_met(g, e)) {
            s->any_met = 1;
            break;
        }
    /* Legend: the communities drawn, each named by its best-ranked members. */
    s->comm_top = malloc(MAX_LEGEND * LEGEND_NAMES * sizeof *s->comm_top);
    s->comm_size = calloc(MAX_LEGEND, sizeof *s->comm_size);
    if (!s->comm_top || !s->comm_size) {
        ag__nomem(err);
        goto fail;
    }
    for (size_t k = 0; k < MAX_LEGEND * LEGEND_NAMES; k++)
        s->comm_top[k] = -1;
    for (size_t i = 0; i < nn; i++) {
        long c = node_community(g, i);
        s->types |= 1u << ag_node_type(g, i);
        if (c < 0)
            continue;
        if (c + 1 > s->ncomm)
            s->ncomm = c + 1;
        if (c >= MAX_LEGEND)
            continue;
        s->comm_size[c]++;
        /* Insertion into the community's short list of best nodes. */
        long *top = s->comm_top + c * LEGEND_NAMES, cur = (long)i;
        for (int k = 0; k < LEGEND_NAMES; k++) {
            if (top[k] < 0) {
                top[k] = cur;
                break;
            }
            double a = node_score(s, (size_t)cur), b = node_score(s, (size_t)top[k]);
            if (a > b ||
                (a == b && strcmp(ag_node_id(g, (size_t)cur), ag_node_id(g, (size_t)top[k])) < 0)) {
                long t = top[k];
                top[k] = cur;
                cur = t;
            }
        }
    }
    return s;
fail:
    ag__styler_free(s);
    return NULL;
}

void ag__styler_free(ag__styler *s)
{
    if (!s)
        return;
    ag_style_destroy(&s->st);
    free(s->comm_top);
    free(s->comm_size);
    ag__buf_free(&s->a);
    ag__buf_free(&s->b);
    free(s);
}

/* "#rrggbb" of c mixed with white by t (0: c, 1: white). */
static void hex_mix(ag_rgb c, double t, char *buf, size_t size)
{
    ag_rgb m;
    m.r = (unsigned char)lround(c.r + (255 - c.r) * t);
    m.g = (unsigned char)lround(c.g + (255 - c.g) * t);
    m.b = (unsigned char)lround(c.b + (255 - c.b) * t);
    ag_style_hex(m, buf, size);
}

/* How much lighter than the palette colour a fill is: black text must stay readable. */
#define FILL_LIGHTEN 0.55
#define MET_COLOR "#b2182bcc"
#define MENTION_COLOR "#8a8a8a99"

static const char *type_shape(ag_actor_type t, const char **style)
{
    switch (t) {
    case AG_ACTOR_PERSON:
        *style = "rounded,filled";
        return "box";
    case AG_ACTOR_ORG:
        *style = "filled";
        return "box";
    /* Hexagon and octagon look alike at 11 points: a place is round instead, and the
     * rare other actor a dashed box. */
    case AG_ACTOR_COUNTRY:
        *style = "filled";
        return "hexagon";
    case AG_ACTOR_PLACE:
        *style = "filled";
        return "ellipse";
    default:
        *style = "dashed,filled";
        return "box";
    }
}

static const char *type_title(ag_actor_type t)
{
    switch (t) {
    case AG_ACTOR_PERSON:
        return "person";
    case AG_ACTOR_ORG:
        return "organisation";
    case AG_ACTOR_COUNTRY:
        return "country";
    case AG_ACTOR_PLACE:
        return "place";
    default:
        return "other";
    }
}

/* One legend entry: a square in the colour, then the text; LEGEND_PER_ROW entries to a
 * line. Lines of text rather than table cells, because Graphviz stretches table columns
 * to the widest row (the title), which scatters swatches away from their words. */
#define LEGEND_PER_ROW 3
static int legend_entry(ag__buf *b, int *cells, ag_rgb c, const char *text)
{
    char hex[8];
    ag_style_hex(c, hex, sizeof hex);
    if (*cells && buf_str(b, *cells % LEGEND_PER_ROW == 0 ? "</TD></TR><TR><TD ALIGN=\"LEFT\">"
                                                          : "&#160;&#160;&#160;&#160;") < 0)
        return -1;
    (*cells)++;
    if (buf_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"16\">\xE2\x96\xA0</FONT> ", hex) < 0)
        return -1;
    return esc_html(b, text);
}

/* The title and legend as one HTML-like table: Graphviz places a graph label the same way
 * for every engine, where a legend made of nodes would be moved around by the layout. */
static int legend_html(ag__styler *s, ag__buf *b)
{
    const ag_graph *g = s->g;
    const char *title = ag_render_title(g, &s->o);
    size_t nn = ag_graph_node_count(g), ne = ag_graph_edge_count(g);
    int rc = 0, cells = 0;

    rc |= buf_str(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">"
                     "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"24\"><B>");
    rc |= esc_html(b, title);
    rc |= buf_str(b, "</B></FONT></TD></TR><TR><TD ALIGN=\"LEFT\">"
                     "<FONT POINT-SIZE=\"12\" COLOR=\"#444444\">");
    if (s->o.met_only)
        rc |= buf_printf(b, "%zu of %zu actors met another", s->candidates, s->total);
    else
        rc |= buf_printf(b, "%zu actor%s", s->total, s->total == 1 ? "" : "s");
    if (nn < s->candidates)
        rc |= buf_printf(b, "; the %zu ranked highest by %s are drawn", nn,
                         s->measure ? s->measure : "number of links");
    rc |= buf_printf(b, ". %zu link%s. Size: %s. ", ne, ne == 1 ? "" : "s",
                     s->measure ? s->measure : "number of links");
    if (s->o.met_only)
        rc |= buf_str(b, "Links: the actors met. ");
    else
        rc |= buf_str(b, s->any_met ? "Red links: the actors met; grey: named together. "
                                    : "Links: named together. ");
    rc |= buf_str(b, "Width: how often.");
    if (nn == 0)
        rc |= buf_str(b, s->o.met_only ? " No links with met = true." : " Empty graph.");
    rc |= buf_str(b, "</FONT></TD></TR><TR><TD ALIGN=\"LEFT\">");
    if (s->by_community) {
        long shown = s->ncomm < MAX_LEGEND ? s->ncomm : MAX_LEGEND;
        for (long c = 0; c < shown; c++) {
            ag__buf names = {0};
            if (!s->comm_size[c])
                continue;
            for (int k = 0; k < LEGEND_NAMES && s->comm_top[c * LEGEND_NAMES + k] >= 0; k++) {
                rc |= buf_str(&names, k ? ", " : "");
                rc |= buf_str(&names, ag_node_id(g, (size_t)s->comm_top[c * LEGEND_NAMES + k]));
            }
            if (s->comm_size[c] > LEGEND_NAMES)
                rc |= buf_printf(&names, " +%zu", s->comm_size[c] - LEGEND_NAMES);
            rc |= legend_entry(b, &cells, ag_style_palette(c), buf_text(&names));
            ag__buf_free(&names);
        }
        if (s->ncomm > MAX_LEGEND)
            rc |= legend_entry(b, &cells, ag_style_palette(MAX_LEGEND), "smaller communities");
    } else {
        for (int t = AG_ACTOR_PERSON; t <= AG_ACTOR_PLACE + 1; t++) {
            ag_actor_type at = t > AG_ACTOR_PLACE ? AG_ACTOR_OTHER : (ag_actor_type)t;
            if (s->types & (1u << at))
                rc |= legend_entry(b, &cells, ag_style_type_color(at), type_title(at));
        }
    }
    rc |= buf_str(b, "</TD></TR>");
    if (s->by_community && (s->types & ~(1u << AG_ACTOR_OTHER))) {
        /* Shapes tell the types apart when colour tells the communities. */
        int first = 1;
        rc |= buf_str(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"12\" "
                         "COLOR=\"#444444\">Colour: community. Shape: ");
        for (int t = AG_ACTOR_PERSON; t <= AG_ACTOR_PLACE; t++) {
            const char *style, *shape = type_shape((ag_actor_type)t, &style);
            if (!(s->types & (1u << t)))
                continue;
            rc |= buf_printf(b, "%s%s %s", first ? "" : ", ",
                             strcmp(style, "rounded,filled") == 0 ? "rounded box" : shape,
                             type_title((ag_actor_type)t));
            first = 0;
        }
        rc |= buf_str(b, ".</FONT></TD></TR>");
    }
    rc |= buf_str(b, "</TABLE>");
    return rc ? -1 : 0;
}

/* Graph attributes every drawing gets. */
static const char *const graph_attrs[][2] = {
    {"labelloc", "t"},
    {"labeljust", "l"},
    {"fontname", "Helvetica,Arial,sans-serif"},
    /* No two labels may overlap: prism overlap removal after the layout, scaled so the
     * result stays compact, with a little air around each node. */
    {"overlap", "prism"},
    {"overlap_scaling", "2"},
    /* Links drawn in creation order under the nodes: ag__dot_* create the met links
     * last, so they lie over the co-mention links. */
    {"outputorder", "edgesfirst"},
    {"bgcolor", "white"},
    {"ratio", "auto"},
};

/* A laptop screen: 1280x800 pixels at 96 dpi; larger layouts are scaled down. */
#define SIZE_INCHES "13.3,8.3"
#define PAD_INCHES 0.25
#define DEFAULT_DPI 96
/* Links routed around the actors only up to this many (see ag__style_graph). */
#define SPLINES_MAX_LINKS 400

/* Node defaults: the label decides the box's size. */
static const char *const node_defaults[][2] = {
    {"fontname", "Helvetica,Arial,sans-serif"},
    {"margin", "0.08,0.03"},
    {"width", "0.2"},
    {"height", "0.2"},
    {"penwidth", "1.4"},
};

int ag__style_graph(ag__styler *s, ag__attrs *graph, ag__attrs *nd, ag__attrs *ed)
{
    int rc = 0;

    ag__buf_reset(&s->a);
    if (legend_html(s, &s->a) < 0)
        return -1;
    rc |= ag__attrs_add(graph, "label", 1, "%s", buf_text(&s->a));
    for (size_t i = 0; i < sizeof graph_attrs / sizeof graph_attrs[0]; i++)
        rc |= ag__attrs_add(graph, graph_attrs[i][0], 0, "%s", graph_attrs[i][1]);
    rc |= ag__attrs_add(graph, "pad", 0, "%.2f", PAD_INCHES);
    rc |= ag__attrs_add(graph, "layout", 0, "%s", s->engine);
    if (ag_graph_node_count(s->g) <= AG_RENDER_NEATO_MAX &&
        ag_graph_edge_count(s->g) <= SPLINES_MAX_LINKS) {
        /* Links bend around the nodes they do not join (a straight line through a third
         * node reads as a link to it), with more room between the nodes for the curves
         * to pass. Routing is the cost: about 11 ms a link among 100 actors (400 random
         * links: 4.6 s against 0.25 s straight), hence only for small pictures. */
        rc |= ag__attrs_add(graph, "splines", 0, "true");
        rc |= ag__attrs_add(graph, "sep", 0, "+12");
        rc |= ag__attrs_add(graph, "esep", 0, "+6");
    } else {
        rc |= ag__attrs_add(graph, "sep", 0, "+5");
    }
    if (s->o.format == AG_FMT_PNG && s->o.width > 0) {
        /* Exactly width pixels wide (Graphviz counts the pad in): the drawing is scaled
         * up or down to it ("!"); the height follows. */
        int dpi = s->o.dpi > 0 ? s->o.dpi : DEFAULT_DPI;
        double w = (double)s->o.width / dpi;
        rc |= ag__attrs_add(graph, "size", 0, "%.4f,%.4f!", w, 20 * w);
    } else {
        rc |= ag__attrs_add(graph, "size", 0, "%s", SIZE_INCHES);
    }
    if (s->o.format == AG_FMT_PNG)
        rc |= ag__attrs_add(graph, "dpi", 0, "%d", s->o.dpi > 0 ? s->o.dpi : DEFAULT_DPI);
    /* A fixed seed: fdp in-process otherwise starts from a different random layout each
     * run, and the same input must give the same picture. */
    if (strcmp(s->engine, "fdp") == 0)
        rc |= ag__attrs_add(graph, "start", 0, "1");
    for (size_t i = 0; i < sizeof node_defaults / sizeof node_defaults[0]; i++)
        rc |= ag__attrs_add(nd, node_defaults[i][0], 0, "%s", node_defaults[i][1]);
    rc |= ag__attrs_add(ed, "color", 0, MENTION_COLOR);
    return rc ? -1 : 0;
}

/* A name as a label: long names break at the space nearest their middle, so the boxes
 * stay compact. */
static int node_label(ag__buf *b, const char *id)
{
    size_t n = strlen(id), brk = 0;
    if (n > LABEL_MAX) {
        /* A name longer than a picture can show (a million characters make Pango give
         * up) is cut at a character boundary and marked. */
        size_t cut = LABEL_MAX;
        while (cut > 0 && ((unsigned char)id[cut] & 0xC0) == 0x80)
            cut--;
        return esc_label(b, id, cut) < 0 || ag__buf_add(b, "\u2026", 3) < 0 ? -1 : 0;
    }
    if (n > LABEL_WRAP && !strchr(id, '\n')) {
        size_t best = n;
        for (size_t i = 1; i + 1 < n; i++)
            if (id[i] == ' ') {
                size_t d = i > n / 2 ? i - n / 2 : n / 2 - i;
                if (d < best)
                    best = d, brk = i;
            }
    }
    if (!brk)
        return esc_label(b, id, n);
    if (esc_label(b, id, brk) < 0 || ag__buf_add(b, "\\n", 2) < 0)
        return -1;
    return esc_label(b, id + brk + 1, n - brk - 1);
}

/* Append the strings of a JSON list joined by ", " (non-strings skipped). */
static int tip_list(ag__buf *b, const char *title, const json_t *list)
{
    size_t i, k = 0;
    const json_t *v;
    int rc = 0;

    if (!json_is_array(list) || json_array_size(list) == 0)
        return 0;
    rc |= esc_tooltip(b, title, strlen(title));
    json_array_foreach(list, i, v)
    {
        const char *str = json_string_value(v);
        if (!str)
            continue;
        rc |= k ? ag__buf_add(b, ", ", 2) : ag__buf_add(b, " ", 1);
        k++;
        rc |= esc_tooltip(b, str, strlen(str));
    }
    return rc | ag__buf_add(b, "\\n", 2);
}

static const char *const measure_names[] = {"pagerank",  "degree",   "strength",    "betweenness",
                                            "closeness", "harmonic", "eigenvector", "coreness"};

static int node_tooltip(ag__styler *s, size_t i, ag__buf *b)
{
    const ag_graph *g = s->g;
    const json_t *a = ag_node_attrs_const(g, i), *v;
    const char *id = ag_node_id(g, i), *country;
    long c = node_community(g, i);
    int rc = 0, first = 1;

    rc |= esc_tooltip(b, id, strlen(id));
    rc |= buf_printf(b, " (%s", ag_actor_type_name(ag_node_type(g, i)));
    if (c >= 0)
        rc |= buf_printf(b, ", community %ld", c);
    rc |= buf_str(b, ")\\n");
    rc |= tip_list(b, "roles:", json_object_get(a, "roles"));
    rc |= tip_list(b, "aliases:", json_object_get(a, "aliases"));
    if ((country = ag_attr_string(a, "country"))) {
        rc |= buf_str(b, "country: ");
        rc |= esc_tooltip(b, country, strlen(country));
        rc |= buf_str(b, "\\n");
    }
    v = json_object_get(a, "mentions");
    if (is_number(v))
        rc |= buf_printf(b, "mentions: %.0f in %.0f document(s)\\n", json_number_value(v),
                         ag_attr_number(a, "documents", 1));
    for (size_t k = 0; k < sizeof measure_names / sizeof measure_names[0]; k++) {
        v = json_object_get(a, measure_names[k]);
        if (!is_number(v))
            continue;
        rc |= buf_printf(b, "%s%s %.4g", first ? "" : ", ", measure_names[k], json_number_value(v));
        first = 0;
    }
    if (!first)
        rc |= buf_str(b, "\\n");
    /* Graphviz shows a trailing line break as an empty line: drop it. */
    if (b->len >= 2 && memcmp(b->p + b->len - 2, "\\n", 2) == 0 &&
        !(b->len >= 3 && b->p[b->len - 3] == '\\'))
        b->p[b->len -= 2] = '\0';
    return rc;
}

int ag__style_node(ag__styler *s, size_t i, ag__attrs *out)
{
    const ag_graph *g = s->g;
    ag_actor_type t = ag_node_type(g, i);
    const char *style, *shape = type_shape(s->by_community ? t : AG_ACTOR_PERSON, &style);
    ag_rgb c = ag_style_node_color(&s->st, g, i);
    char fill[8], line[8];
    int rc = 0;

    ag__attrs_reset(out);
    hex_mix(c, FILL_LIGHTEN, fill, sizeof fill);
    ag_style_hex(c, line, sizeof line);
    ag__buf_reset(&s->a);
    if (node_label(&s->a, ag_node_id(g, i)) < 0)
        return -1;
    rc |= ag__attrs_add(out, "label", 0, "%s", buf_text(&s->a));
    rc |= ag__attrs_add(out, "shape", 0, "%s", shape);
    rc |= ag__attrs_add(out, "style", 0, "%s", style);
    rc |= ag__attrs_add(out, "fillcolor", 0, "%s", fill);
    rc |= ag__attrs_add(out, "color", 0, "%s", line);
    rc |= ag__attrs_add(out, "fontsize", 0, "%.1f", ag_style_node_size(&s->st, g, i));
    if (s->o.tooltips) {
        ag__buf_reset(&s->a);
        if (node_tooltip(s, i, &s->a) < 0)
            return -1;
        rc |= ag__attrs_add(out, "tooltip", 0, "%s", buf_text(&s->a));
    }
    return rc ? -1 : 0;
}

const char *ag__styler_caption(const ag__styler *s)
{
    return s->o.caption && *s->o.caption ? s->o.caption : NULL;
}

int ag__style_caption(ag__styler *s, ag__attrs *out)
{
    const char *c = ag__styler_caption(s);
    int rc = 0;

    ag__attrs_reset(out);
    ag__buf_reset(&s->a);
    for (const char *p = c; p && *p; p++) /* one line */
        rc |= esc_label(&s->a, *p == '\n' || *p == '\r' ? " " : p, 1);
    rc |= ag__attrs_add(out, "label", 0, "%s", buf_text(&s->a));
    rc |= ag__attrs_add(out, "shape", 0, "plaintext");
    rc |= ag__attrs_add(out, "fontsize", 0, "11");
    rc |= ag__attrs_add(out, "fontcolor", 0, "#444444");
    rc |= ag__attrs_add(out, "margin", 0, "0,0");
    rc |= ag__attrs_add(out, "tooltip", 0, " ");
    return rc ? -1 : 0;
}

/* Evidence sentences: the meeting evidence first when the actors met. */
static int edge_evidence(ag__styler *s, const json_t *a, int met, ag__buf *b)
{
    const char *lists[2] = {met ? "met_evidence" : "evidence", met ? "evidence" : NULL};
    int rc = 0, shown = 0;

    for (int l = 0; l < 2 && lists[l]; l++) {
        const json_t *list = json_object_get(a, lists[l]), *ev;
        size_t i;
        json_array_foreach(list, i, ev)
        {
            const char *text = ag_attr_string(ev, "text"), *doc = ag_attr_string(ev, "doc");
            size_t len, cut;
            int dup = 0;
            if (shown >= s->o.evidence)
                return rc;
            if (!text)
                continue;
            /* met_evidence sentences usually reappear in evidence: show each once. */
            if (l == 1) {
                const json_t *prev;
                size_t j;
                json_array_foreach(json_object_get(a, lists[0]), j, prev)
                {
                    const char *pt = ag_attr_string(prev, "text");
                    if (pt && strcmp(pt, text) == 0)
                        dup = 1;
                }
            }
            if (dup)
                continue;
            len = strlen(text);
            cut = utf8_cut(text, len, 300);
            rc |= buf_str(b, "\\n\xE2\x80\xA2 ");
            rc |= esc_tooltip(b, text, cut);
            if (cut < len)
                rc |= buf_str(b, "\xE2\x80\xA6");
            if (doc) {
                rc |= buf_str(b, " [");
                rc |= esc_tooltip(b, doc, strlen(doc));
                rc |= buf_str(b, "]");
            }
            shown++;
        }
    }
    return rc;
}

int ag__style_edge(ag__styler *s, size_t e, ag__attrs *out)
{
    const ag_graph *g = s->g;
    const json_t *a = ag_edge_attrs_const(g, e);
    int met = edge_met(g, e), rc = 0;
    double w = ag_edge_weight(g, e);

    ag__attrs_reset(out);
    rc |= ag__attrs_add(out, "penwidth", 0, "%.2f", ag_style_edge_width(&s->st, g, e));
    if (met)
        rc |= ag__attrs_add(out, "color", 0, MET_COLOR);
    if (s->o.tooltips) {
        const char *u = ag_node_id(g, ag_edge_source(g, e)),
                   *v = ag_node_id(g, ag_edge_target(g, e));
        ag__buf *b = &s->a;
        ag__buf_reset(b);
        rc |= esc_tooltip(b, u, strlen(u));
        rc |= buf_str(b, ag_graph_is_directed(g) ? " \xE2\x86\x92 " : " \xE2\x80\x94 ");
        rc |= esc_tooltip(b, v, strlen(v));
        /* Co-mention graphs (ag-extract) count how often a pair is named together;
         * for a graph from elsewhere the weight is just a weight. */
        if (json_object_get(a, "documents") || json_object_get(a, "evidence") ||
            json_object_get(a, "met"))
            rc |= buf_printf(b, "\\nnamed together %g time%s", w, w == 1 ? "" : "s");
        else
            rc |= buf_printf(b, "\\nweight %g", w);
        if (is_number(json_object_get(a, "documents")))
            rc |= buf_printf(b, " in %.0f document(s)", ag_attr_number(a, "documents", 0));
        if (met)
            rc |= buf_str(b, "; they met");
        rc |= edge_evidence(s, a, met, b);
        rc |= ag__attrs_add(out, "tooltip", 0, "%s", buf_text(b));
    }
    return rc ? -1 : 0;
}

/* ------------------------------------------------------------------ entry points */

int ag_render_dot(const ag_graph *g, FILE *out, const ag_render_opts *opts, ag_error *err)
{
    ag__styler *s = ag__styler_new(g, opts, 0, 0, err);
    int rc;

    if (!s)
        return -1;
    rc = ag__dot_emit(g, s, 1, out, err);
    ag__styler_free(s);
    return rc;
}

int ag_render_picture(const ag_graph *g, FILE *out, const ag_render_opts *opts, ag_error *err)
{
    static const ag_render_opts defaults = AG_RENDER_OPTS_INIT;
    ag_graph *sel = NULL;
    ag__styler *s = NULL;
    size_t candidates;
    int rc = -1;

    if (!opts)
        opts = &defaults;
    if (opts->format != AG_FMT_SVG && opts->format != AG_FMT_PNG && opts->format != AG_FMT_PDF)
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "%s is not a picture format",
                            ag_format_name(opts->format));
    if (!(sel = ag__render_prepare(g, opts, 0, &candidates, err)))
        return -1;
    if (!(s = ag__styler_new(sel, opts, ag_graph_node_count(g), candidates, err)))
        goto out;
    rc = ag__dot_render(sel, s, opts->format, out, err);
out:
    ag__styler_free(s);
    ag_graph_free(sel);
    return rc;
}

ag_graph *ag__render_prepare(const ag_graph *g, const ag_render_opts *opts, size_t max,
                             size_t *candidates, ag_error *err)
{
    size_t limit, nn, ne;
    const char *engine;
    ag_graph *sel;

    if (opts->layout && !ag_render_layout_known(opts->layout)) {
        ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                     "unknown layout '%s' (use sfdp, neato, fdp, dot, circo or twopi)",
                     opts->layout);
        return NULL;
    }
    if (!(sel = select_graph(g, opts, candidates, err)))
        return NULL;
    nn = ag_graph_node_count(sel);
    ne = ag_graph_edge_count(sel);
    engine = ag_render_layout_for(opts, nn);
    limit = ag_render_layout_limit(engine);
    if (max && max < limit)
        limit = max;
    if (opts->max_nodes)
        limit = opts->max_nodes;
    /* Refuse before Graphviz starts: a layout cannot be interrupted once running. */
    if (nn > limit || ne > 10 * limit) {
        ag_error_set(err, AG_ELIMIT, NULL, 0, 0,
                     "%zu actors and %zu links are too many %s %s%s (limit %zu actors, %zu "
                     "links); draw the top ones with --top N (for example --top %zu)",
                     nn, ne, max ? "for an interactive page laid out with" : "to lay out with",
                     engine, max ? "" : " in reasonable time", limit, 10 * limit,
                     limit < 200 ? limit : (size_t)200);
        ag_graph_free(sel);
        return NULL;
    }
    return sel;
}

ag_graph *ag_render_positions(const ag_graph *g, const ag_render_opts *opts, ag_error *err)
{
    static const ag_render_opts defaults = AG_RENDER_OPTS_INIT;
    ag_render_opts o = opts ? *opts : defaults;
    ag__styler *s = NULL;
    ag__place *pl = NULL;
    ag_graph *sel;
    size_t nn, candidates;
    int rc = -1;

    o.format = AG_FMT_SVG; /* laid out as the SVG picture and the page */
    o.tooltips = 0;
    if (!(sel = ag__render_prepare(g, &o, 0, &candidates, err)))
        return NULL;
    nn = ag_graph_node_count(sel);
    if (!(s = ag__styler_new(sel, &o, ag_graph_node_count(g), candidates, err)))
        goto out;
    if (!(pl = calloc(nn ? nn : 1, sizeof *pl))) {
        ag__nomem(err);
        goto out;
    }
    if (nn && ag__dot_layout(sel, s, pl, err) < 0)
        goto out;
    for (size_t i = 0; i < nn; i++) {
        if (ag_node_set_number(sel, i, "x", round(pl[i].x * 100) / 100, err) < 0 ||
            ag_node_set_number(sel, i, "y", round(-pl[i].y * 100) / 100, err) < 0)
            goto out;
    }
    rc = 0;
out:
    ag__places_free(pl, nn);
    ag__styler_free(s);
    if (rc < 0) {
        ag_graph_free(sel);
        sel = NULL;
    }
    return sel;
}

int ag_render_opts_init(ag_render_opts *opts, unsigned int version)
{
    static const ag_render_opts defaults = AG_RENDER_OPTS_INIT;
    return ag__opts_init(opts, version, &defaults, sizeof defaults);
}
