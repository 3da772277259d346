/*
 * html.c - ag-render -f html: one self-contained page to explore an actor graph in a
 * browser (pan and zoom, hover, a side panel with the evidence, search, filters), opened
 * from disk with no network and no server.
 *
 * The page is the picture plus the data: the same selection (met-only, top N), the same
 * styling (render.c's ag__style_node: colours, shapes, font sizes) and the same Graphviz
 * layout, computed here in-process from the styled DOT that the pictures are made of
 * (ag__dot_emit, then agmemread and gvLayout, then each node's position, size and label
 * lines read back). The page's script is Debian's d3 v5 bundle and page/page.js, with
 * page/page.css, all embedded at build time (cmake/parts/d3.cmake).
 *
 * The design decision that matters is the escaping: names, aliases and evidence are data,
 * never markup. The graph travels as JSON inside <script type="application/json"> with
 * every '<', '>' and '&' written as \u003c, \u003e, \u0026 (so "</script>" in a name
 * cannot end the element), and page.js builds the DOM with textContent only. The one piece
 * of text outside the JSON, the <title>, is entity-escaped.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <actorgraph/render/render.h>

#include "util/error_internal.h"
#include "util/array_internal.h"
#include "io/formats_internal.h"
#include "io/graphviz_internal.h"
#include "render/render_internal.h"

/* The page's limits: a 1,000-actor, 10,000-link page is under 4 MB and interactive in
 * under a second in Chromium (bench/html-bench.sh). The layout engine's own limit
 * applies when it is lower. */
#define PAGE_MAX_NODES 1000
/* Bytes of one evidence sentence kept (cut at a character boundary). */
#define SENTENCE_MAX 1000

/* The embedded assets (generated/ag_page_assets.c). */
extern const unsigned char ag__page_d3[], ag__page_js[], ag__page_css[];
extern const size_t ag__page_d3_len, ag__page_js_len, ag__page_css_len;

/* ------------------------------------------------------------------ text */

/* Text for the HTML <title>: entities for & < > ". */
static void put_html_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&':
            ag__puts(f, "&amp;");
            break;
        case '<':
            ag__puts(f, "&lt;");
            break;
        case '>':
            ag__puts(f, "&gt;");
            break;
        case '"':
            ag__puts(f, "&quot;");
            break;
        default:
            fputc_unlocked(*s, f);
        }
    }
}

/* Length of the well-formed UTF-8 character at s[0, n) (no overlong forms, surrogates
 * or code points past U+10FFFF), 0 when it is not one. */
static size_t utf8_char(const unsigned char *s, size_t n)
{
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;

    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        len = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        len = 3, lo = s[0] == 0xE0 ? 0xA0 : 0x80, hi = s[0] == 0xED ? 0x9F : 0xBF;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        len = 4, lo = s[0] == 0xF0 ? 0x90 : 0x80, hi = s[0] == 0xF4 ? 0x8F : 0xBF;
    else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return len;
}

/*
 * s as a JSON string that is safe inside a <script> element: '<', '>' and '&' as
 * \u003c, \u003e, \u0026, control characters and U+2028/U+2029 escaped, bytes that are
 * not UTF-8 as U+FFFD. At most max bytes of s (0: all), cut at a character and marked
 * with an ellipsis.
 */
static void put_jstr_max(FILE *f, const char *str, size_t max)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    size_t n = strlen(str), i = 0, end = max && n > max ? max : n;

    fputc_unlocked('"', f);
    while (i < end) {
        size_t k = utf8_char(s + i, n - i);
        if (k > 1 && i + k > end)
            break; /* a character the cut would split */
        if (k == 0) {
            ag__puts(f, "\\ufffd");
            i++;
            continue;
        }
        if (k == 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
            ag__puts(f, s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
        } else if (k > 1) {
            ag__putn(f, str + i, k);
        } else {
            switch (s[i]) {
            case '"':
                ag__puts(f, "\\\"");
                break;
            case '\\':
                ag__puts(f, "\\\\");
                break;
            case '\n':
                ag__puts(f, "\\n");
                break;
            case '\t':
                ag__puts(f, "\\t");
                break;
            default:
                if (s[i] < 0x20 || s[i] == '<' || s[i] == '>' || s[i] == '&') {
                    ag__puts(f, "\\u00");
                    fputc_unlocked(hex[s[i] >> 4], f);
                    fputc_unlocked(hex[s[i] & 15], f);
                } else {
                    fputc_unlocked(s[i], f);
                }
            }
        }
        i += k;
    }
    if (end < n)
        ag__puts(f, "\\u2026");
    fputc_unlocked('"', f);
}

static void put_jstr(FILE *f, const char *s) { put_jstr_max(f, s, 0); }

/* ,"key": */
static void put_key(FILE *f, const char *key)
{
    fputc_unlocked(',', f);
    put_jstr(f, key);
    fputc_unlocked(':', f);
}

/* A finite number compactly ("%.*g"); null when it is not finite. */
static void put_num(FILE *f, double d, int digits)
{
    char buf[40];
    if (!isfinite(d)) {
        ag__puts(f, "null");
        return;
    }
    snprintf(buf, sizeof buf, "%.*g", digits, d);
    ag__puts(f, buf);
}

/* ,"key":[strings...] when attrs has a list under name (non-strings skipped). */
static void put_string_list(FILE *f, const char *key, const json_t *list)
{
    const json_t *v;
    size_t i;
    int first = 1;

    if (!json_is_array(list) || !json_array_size(list))
        return;
    put_key(f, key);
    fputc_unlocked('[', f);
    json_array_foreach(list, i, v)
    {
        if (!json_is_string(v))
            continue;
        if (!first)
            fputc_unlocked(',', f);
        first = 0;
        put_jstr(f, json_string_value(v));
    }
    fputc_unlocked(']', f);
}

/* ,"key":"value" when attrs has a string under name. */
static void put_string_attr(FILE *f, const char *key, const json_t *attrs, const char *name)
{
    const char *v = ag_attr_string(attrs, name);
    if (v) {
        put_key(f, key);
        put_jstr(f, v);
    }
}

/* ,"key":number when attrs has a number under name. */
static void put_number_attr(FILE *f, const char *key, const json_t *attrs, const char *name)
{
    const json_t *v = json_object_get(attrs, name);
    if (json_is_number(v)) {
        put_key(f, key);
        put_num(f, json_number_value(v), 10);
    }
}

/* ,"first":date,"last":date from first_date and last_date; last is left out when it
 * is the same day (most links are seen on one day). */
static void put_dates(FILE *f, const json_t *attrs)
{
    const char *first = ag_attr_string(attrs, "first_date"),
               *last = ag_attr_string(attrs, "last_date");
    if (first) {
        put_key(f, "first");
        put_jstr(f, first);
    }
    if (last && !(first && strcmp(first, last) == 0)) {
        put_key(f, "last");
        put_jstr(f, last);
    }
}

/* The value of key in a styled attribute list, "" when absent. */
static const char *style_of(const ag__attrs *a, const char *key)
{
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i].key, key) == 0)
            return a->v[i].val;
    return "";
}

/* ------------------------------------------------------------------ evidence tables */

/* Documents and sentences are written once each and referred to by index: a sentence
 * that names four actors is the evidence of six links. */
typedef struct doc_entry {
    const char *id;   /* borrowed from the graph */
    const char *date; /* YYYY-MM-DD when known; borrowed; NULL otherwise */
} doc_entry;

typedef struct tables {
    json_t *doc_index;  /* doc id -> index in docs */
    json_t *sent_index; /* sentence -> index in sents */
    doc_entry *docs;
    size_t ndocs, docs_cap;
    const char **sents; /* borrowed from the graph */
    size_t nsents, sents_cap;
} tables;

static void tables_free(tables *t)
{
    json_decref(t->doc_index);
    json_decref(t->sent_index);
    free(t->docs);
    free(t->sents);
}

/* Index of s in the table (index: map, items: array of n), added when new; -1 on ENOMEM. */
static long intern(json_t *index, const char ***items, size_t *n, size_t *cap, const char *s)
{
    const json_t *v = json_object_get(index, s);
    if (v)
        return (long)json_integer_value(v);
    if (ag__grow(items, cap, *n + 1, sizeof **items) < 0 ||
        json_object_set_new_nocheck(index, s, json_integer((json_int_t)*n)) < 0)
        return -1;
    (*items)[*n] = s;
    return (long)(*n)++;
}

static long intern_doc(tables *t, const char *id, const char *date)
{
    const json_t *v = json_object_get(t->doc_index, id);
    long k;

    if (v) {
        k = (long)json_integer_value(v);
    } else {
        if (ag__grow(&t->docs, &t->docs_cap, t->ndocs + 1, sizeof *t->docs) < 0 ||
            json_object_set_new_nocheck(t->doc_index, id, json_integer((json_int_t)t->ndocs)) < 0)
            return -1;
        t->docs[t->ndocs].id = id;
        t->docs[t->ndocs].date = NULL;
        k = (long)t->ndocs++;
    }
    if (date && !t->docs[k].date)
        t->docs[k].date = date;
    return k;
}

/* "YYYY-MM-DD..." */
static int starts_with_date(const char *s)
{
    for (int i = 0; i < 10; i++) {
        char c = s[i];
        if (i == 4 || i == 7 ? c != '-' : !(c >= '0' && c <= '9'))
            return 0;
    }
    return 1;
}

/*
 * ,"key":[[doc,sentence],...]: up to max items of the evidence list, skipping sentences
 * already in skip (indexes, nskip of them). A document's date is the item's "date", or
 * the link's date when the link was seen in that one document, or the ISO date its id
 * starts with (ag-extract dates files named that way). Writes the sentence indexes used
 * into used[] (*nused of them, at most max).
 */
static int put_evidence(FILE *f, tables *t, const char *key, const json_t *list, int max,
                        const char *one_doc_date, const long *skip, size_t nskip, long *used,
                        size_t *nused)
{
    const json_t *ev;
    size_t i;
    int shown = 0;

    *nused = 0;
    json_array_foreach(list, i, ev)
    {
        const char *text = ag_attr_string(ev, "text"), *doc = ag_attr_string(ev, "doc");
        const char *date = ag_attr_string(ev, "date");
        long d = -1, k;
        int dup = 0;

        if (shown >= max)
            break;
        if (!text)
            continue;
        if ((k = intern(t->sent_index, &t->sents, &t->nsents, &t->sents_cap, text)) < 0)
            return -1;
        for (size_t j = 0; j < nskip; j++)
            dup |= skip[j] == k;
        for (size_t j = 0; j < *nused; j++)
            dup |= used[j] == k;
        if (dup)
            continue;
        if (doc) {
            if (!date)
                date = one_doc_date ? one_doc_date : starts_with_date(doc) ? doc : NULL;
            if ((d = intern_doc(t, doc, date)) < 0)
                return -1;
        }
        if (!shown) {
            put_key(f, key);
            fputc_unlocked('[', f);
        }
        fprintf(f, "%s[%ld,%ld]", shown ? "," : "", d, k);
        used[(*nused)++] = k;
        shown++;
    }
    if (shown)
        fputc_unlocked(']', f);
    return 0;
}

/* ------------------------------------------------------------------ the data */

/* Node attributes that are not measures (the page shows them elsewhere). */
static int is_measure(const char *key, const json_t *v)
{
    static const char *const not_measures[] = {"mentions", "documents", "community", "viz_size",
                                               "viz_r",    "viz_g",     "viz_b",     NULL};
    if (!json_is_number(v))
        return 0;
    for (const char *const *k = not_measures; *k; k++)
        if (strcmp(key, *k) == 0)
            return 0;
    return 1;
}

/* The size measure the styler uses (render.c's rule): --size-by, else pagerank, else
 * degree; NULL when the size is the number of links. */
static const char *size_measure(const ag_graph *g, const ag_render_opts *o)
{
    static const char *const fallback[] = {"pagerank", "degree"};
    size_t nn = ag_graph_node_count(g);
    for (size_t f = 0; f < 2; f++) {
        const char *m = f == 0 && o->size_by ? o->size_by : fallback[f];
        for (size_t i = 0; i < nn; i++)
            if (ag_node_attr_type(g, i, m) == AG_ATTR_INTEGER ||
                ag_node_attr_type(g, i, m) == AG_ATTR_REAL)
                return m;
        if (o->size_by)
            return NULL;
    }
    return NULL;
}

static int put_node(FILE *f, const ag_graph *g, ag__styler *s, size_t i, const ag__place *p,
                    ag__attrs *st)
{
    const json_t *a = ag_node_attrs_const(g, i), *c = json_object_get(a, "community"), *v;
    const char *key, *style;
    int first = 1;

    if (ag__style_node(s, i, st) < 0)
        return -1;
    style = style_of(st, "style");
    ag__puts(f, i ? ",\n{\"id\":" : "{\"id\":");
    put_jstr(f, ag_node_id(g, i));
    put_key(f, "label");
    put_jstr(f, p->label ? p->label : ag_node_id(g, i));
    put_key(f, "type");
    put_jstr(f, ag_actor_type_name(ag_node_type(g, i)));
    put_key(f, "c");
    fprintf(f, "%lld",
            json_is_integer(c) && json_integer_value(c) >= 0 ? (long long)json_integer_value(c)
                                                             : -1LL);
    fprintf(f, ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f", p->x, p->y, p->w, p->h);
    put_key(f, "fs");
    ag__puts(f, style_of(st, "fontsize"));
    put_key(f, "shape");
    put_jstr(f, strstr(style, "rounded") ? "rounded" : style_of(st, "shape"));
    put_key(f, "fill");
    put_jstr(f, style_of(st, "fillcolor"));
    put_key(f, "line");
    put_jstr(f, style_of(st, "color"));
    put_string_list(f, "roles", json_object_get(a, "roles"));
    put_string_list(f, "aliases", json_object_get(a, "aliases"));
    put_string_attr(f, "country", a, "country");
    put_number_attr(f, "mentions", a, "mentions");
    put_number_attr(f, "docs", a, "documents");
    put_dates(f, a);
    json_object_foreach((json_t *)a, key, v)
    {
        if (!is_measure(key, v))
            continue;
        if (first)
            put_key(f, "m");
        fputc_unlocked(first ? '{' : ',', f);
        first = 0;
        put_jstr(f, key);
        fputc_unlocked(':', f);
        put_num(f, json_number_value(v), 6);
    }
    if (!first)
        fputc_unlocked('}', f);
    fputc_unlocked('}', f);
    return 0;
}

static int put_link(FILE *f, const ag_graph *g, ag__styler *s, size_t e, tables *t, int evidence,
                    ag__attrs *st)
{
    const json_t *a = ag_edge_attrs_const(g, e);
    const char *first = ag_attr_string(a, "first_date"), *last = ag_attr_string(a, "last_date");
    const char *one_doc_date = NULL;
    long met_used[10], used[10];
    size_t nmet = 0, n = 0;
    int met = json_is_true(json_object_get(a, "met"));

    if (evidence > 10)
        evidence = 10; /* ag-extract's range; the index arrays hold 10 */
    if (evidence < 0)
        evidence = 0;
    if (ag__style_edge(s, e, st) < 0)
        return -1;
    if (first && last && strcmp(first, last) == 0 && ag_attr_number(a, "documents", 0) == 1)
        one_doc_date = first;
    fprintf(f, "%s{\"s\":%zu,\"t\":%zu,\"w\":", e ? ",\n" : "", ag_edge_source(g, e),
            ag_edge_target(g, e));
    put_num(f, ag_edge_weight(g, e), 10);
    put_key(f, "pw");
    ag__puts(f, style_of(st, "penwidth"));
    if (met)
        ag__puts(f, ",\"met\":true");
    put_number_attr(f, "docs", a, "documents");
    put_dates(f, a);
    if (met && put_evidence(f, t, "mev", json_object_get(a, "met_evidence"), evidence, one_doc_date,
                            NULL, 0, met_used, &nmet) < 0)
        return -1;
    if (put_evidence(f, t, "ev", json_object_get(a, "evidence"), evidence, one_doc_date, met_used,
                     nmet, used, &n) < 0)
        return -1;
    fputc_unlocked('}', f);
    return 0;
}

/* The graph as the page's JSON (see page.js for the fields). */
static int put_data(FILE *f, const ag_graph *g, ag__styler *s, const ag__place *pl,
                    const ag_render_opts *o, size_t total, size_t candidates, ag_error *err)
{
    size_t nn = ag_graph_node_count(g), ne = ag_graph_edge_count(g);
    const char *measure = size_measure(g, o);
    int by_community = o->color_by == AG_RENDER_COLOR_COMMUNITY, any_met = 0, rc = -1;
    ag__attrs st = {0};
    tables t = {0};

    for (size_t i = 0; i < nn && o->color_by == AG_RENDER_COLOR_AUTO && !by_community; i++)
        by_community = ag_node_attr_type(g, i, "community") == AG_ATTR_INTEGER;
    for (size_t e = 0; e < ne && !any_met; e++) {
        int met;
        any_met = ag_edge_get_bool(g, e, "met", &met) == 0 && met;
    }
    if (!(t.doc_index = json_object()) || !(t.sent_index = json_object()))
        goto nomem;
    ag__puts(f, "{\"title\":");
    put_jstr(f, ag_render_title(g, o));
    fprintf(f,
            ",\"directed\":%s,\"colorBy\":\"%s\",\"metOnly\":%s,\"anyMet\":%s,"
            "\"total\":%zu,\"candidates\":%zu,\"measure\":",
            ag_graph_is_directed(g) ? "true" : "false", by_community ? "community" : "type",
            o->met_only ? "true" : "false", any_met ? "true" : "false", total, candidates);
    if (measure)
        put_jstr(f, measure);
    else
        ag__puts(f, "null");
    ag__puts(f, ",\n\"nodes\":[\n");
    for (size_t i = 0; i < nn; i++)
        if (put_node(f, g, s, i, &pl[i], &st) < 0)
            goto nomem;
    ag__puts(f, "],\n\"links\":[\n");
    for (size_t e = 0; e < ne; e++)
        if (put_link(f, g, s, e, &t, o->evidence, &st) < 0)
            goto nomem;
    ag__puts(f, "],\n\"docs\":[");
    for (size_t d = 0; d < t.ndocs; d++) {
        ag__puts(f, d ? ",[" : "[");
        put_jstr(f, t.docs[d].id);
        fputc_unlocked(',', f);
        if (t.docs[d].date)
            put_jstr_max(f, t.docs[d].date, 10);
        else
            ag__puts(f, "null");
        fputc_unlocked(']', f);
    }
    ag__puts(f, "],\n\"sents\":[\n");
    for (size_t k = 0; k < t.nsents; k++) {
        if (k)
            ag__puts(f, ",\n");
        put_jstr_max(f, t.sents[k], SENTENCE_MAX);
    }
    ag__puts(f, "]}");
    rc = 0;
    goto out;
nomem:
    ag__nomem(err);
out:
    ag__attrs_free(&st);
    tables_free(&t);
    return rc;
}

/* ------------------------------------------------------------------ the page */

static void put_page(FILE *f, const ag_graph *g, ag__styler *s, const ag__place *pl,
                     const ag_render_opts *o, size_t total, size_t candidates, int *rc,
                     ag_error *err)
{
    ag__puts(f, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                /* Nothing is ever fetched: the page works from disk, offline. */
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "script-src 'unsafe-inline'; style-src 'unsafe-inline'\">\n"
                "<meta name=\"generator\" content=\"actorgraph " AG_VERSION_STRING "\">\n"
                "<title>");
    put_html_text(f, ag_render_title(g, o));
    ag__puts(f, "</title>\n<style>\n");
    ag__putn(f, (const char *)ag__page_css, ag__page_css_len);
    ag__puts(f, "</style>\n</head>\n<body>\n"
                "<noscript>This page needs JavaScript to show the graph.</noscript>\n"
                "<script type=\"application/json\" id=\"ag-data\">\n");
    *rc = put_data(f, g, s, pl, o, total, candidates, err);
    ag__puts(f, "\n</script>\n<script>\n");
    ag__putn(f, (const char *)ag__page_d3, ag__page_d3_len);
    ag__puts(f, "\n</script>\n<script>\n");
    ag__putn(f, (const char *)ag__page_js, ag__page_js_len);
    ag__puts(f, "</script>\n</body>\n</html>\n");
}

int ag__render_html(const ag_graph *g, FILE *out, const ag_render_opts *opts, ag_error *err)
{
    static const ag_render_opts defaults = AG_RENDER_OPTS_INIT;
    ag_render_opts o = opts ? *opts : defaults;
    ag_graph *sel = NULL;
    ag__styler *s = NULL;
    ag__place *pl = NULL;
    size_t nn = 0, candidates;
    int rc = -1;

    /* Laid out and styled exactly as the SVG picture; the page shows the data itself. */
    o.format = AG_FMT_SVG;
    o.tooltips = 0;
    if (!(sel = ag__render_prepare(g, &o, PAGE_MAX_NODES, &candidates, err)))
        return -1;
    nn = ag_graph_node_count(sel);
    if (!(s = ag__styler_new(sel, &o, ag_graph_node_count(g), candidates, err)))
        goto out;
    if (!(pl = calloc(nn ? nn : 1, sizeof *pl))) {
        ag__nomem(err);
        goto out;
    }
    if (nn && ag__dot_layout(sel, s, pl, err) < 0)
        goto out;
    put_page(out, sel, s, pl, &o, ag_graph_node_count(g), candidates, &rc, err);
out:
    ag__places_free(pl, nn);
    ag__styler_free(s);
    ag_graph_free(sel);
    return rc;
}
