/*
 * gexf_read.c - the GEXF reader: GEXF 1.1, 1.2 and 1.3 as Gephi, networkx and we write
 * them, streamed with libxml2's xmlTextReader (set up, and its errors translated with
 * line numbers, in xml_read.c: no DOCTYPE, no entity expansion, no network).
 *
 * What is kept. Nodes and edges with their declared attributes, typed as declared
 * (integer, long, short, byte: integers; float, double: reals; boolean; string and the
 * rest: strings; liststring and the other list types: lists, written "[a, b]" or
 * "a|b"); <default> values; edge weights, the graph's defaultedgetype (an edge whose
 * own type differs keeps it as the attribute "type"); parallel edges (a multigraph);
 * nested nodes (flattened). Gephi's visual data becomes the attributes our visual
 * encoding reads (actorgraph-formats(5)): viz:color as viz_r, viz_g, viz_b (and viz_a
 * below 1), viz:size as viz_size, viz:position as x and y (z when not 0), viz:shape
 * and viz:thickness as viz_shape and viz_thickness. Time as networkx keeps it: start
 * and end as attributes, <spells> as "spells", a list of [start, end] pairs, and
 * dynamic attribute values as a list of [value, start, end]; times are numbers when
 * the graph's timeformat is integer or double.
 *
 * Names. A node's label is its attribute "label" when it differs from the id. When the
 * ids are generated ("0", "1", ... or "n0", "n1", ...) and the labels name every node
 * uniquely, the labels become the ids (node_names.c, as the GraphML reader does).
 *
 * Our own files (creator "actorgraph"): viz and spells are derived from attributes the
 * file also holds (community, pagerank, x, y, first_date, last_date), so they are not
 * read again, and ids are never replaced: what ag__write_gexf wrote reads back as the
 * graph it was written from, lists and records as the strings they were written as.
 *
 * Time complexity: O(input bytes) plus one O(V + E) copy when nodes are renamed.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/array_internal.h"
#include "io/formats_internal.h"
#include "io/io_internal.h"
#include "io/xml_internal.h"

enum { CL_NODE = 0, CL_EDGE = 1 };
enum { T_STRING, T_INT, T_REAL, T_BOOL };

/* One declared attribute. */
typedef struct gattr {
    char *id;    /* what <attvalue for="..."> names */
    char *title; /* the attribute's name in the model (the id when untitled) */
    int type;    /* T_*: of the value, or of each element of a list */
    int list;    /* a list type (liststring, listinteger, ...) */
    char *deflt; /* <default> text, or NULL */
} gattr;

typedef struct gx {
    ag__xml x;      /* the reader, the source name, the limits and *err */
    ag_graph *g;    /* built with GEXF ids as node ids */
    gattr *attr[2]; /* declared node and edge attributes */
    size_t nattr[2], capattr[2];
    int own;           /* written by actorgraph: viz and spells are derived data */
    int numeric_time;  /* times are numbers: 1 timeformat integer, 2 double */
    int integer_ids;   /* idtype integer or long */
    int graphs;        /* <graph> elements seen */
    long *refline;     /* per node: 0 once a <node> declares it, else the line of the
                        * first <edge> naming it (an undeclared node is an error) */
    size_t caprefline; /* allocated entries of refline */
    ag__buf text;      /* element text (creator, default) */
} gx;

/* ================================================================== small helpers */

static int nomem(gx *s) { return ag__xml_fail(&s->x, AG_ENOMEM, "out of memory"); }

/* A node (cl CL_NODE) or edge, the record whose attributes are being read. */
typedef struct rec {
    int cl;
    size_t idx;
} rec;

/* Attribute key of the record: takes v, which may be NULL (then it fails), and reports
 * out of memory. As json_object_set on the record's attributes: a "weight" is an entry. */
static int put(gx *s, const rec *r, const char *key, json_t *v)
{
    int rc = !v                 ? -1
             : r->cl == CL_NODE ? ag_node_set_json(s->g, r->idx, key, v, NULL)
                                : ag_edge_set_json(s->g, r->idx, key, v, NULL);
    json_decref(v);
    return rc < 0 ? nomem(s) : 0;
}

/* Set key to v only when the record does not have it (attvalues win over viz data). */
static int put_missing(gx *s, const rec *r, const char *key, json_t *v)
{
    ag_attr_value had;

    if (ag__row_get(s->g, r->cl == CL_EDGE, r->idx, key, &had) == 0) {
        json_decref(v);
        return 0;
    }
    return put(s, r, key, v);
}

static json_t *string_value(const char *t)
{
    json_t *v = json_string(t);
    return v ? v : json_stringn_nocheck(t, strlen(t)); /* libxml2 gives UTF-8 */
}

/* t[0, *n) without leading and trailing white space: the new start, *n updated. */
static const char *trimn(const char *t, size_t *n)
{
    while (*n && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r'))
        t++, (*n)--;
    while (*n && (t[*n - 1] == ' ' || t[*n - 1] == '\t' || t[*n - 1] == '\n' || t[*n - 1] == '\r'))
        (*n)--;
    return t;
}

/* The NUL-terminated t without leading and trailing white space: start and *n. */
static const char *trim(const char *t, size_t *n)
{
    *n = strlen(t);
    return trimn(t, n);
}

/* A number in t[0, n): 1 and *d, or 0 when it is not one. */
static int parse_double(const char *t, size_t n, double *d)
{
    char buf[64], *end;
    if (n == 0 || n >= sizeof buf)
        return 0;
    memcpy(buf, t, n);
    buf[n] = '\0';
    *d = strtod(buf, &end);
    return *end == '\0';
}

/* The value of text t[0, n) as type `type`; NULL when it does not fit (no error set). */
static json_t *scalar(const char *t, size_t n, int type)
{
    char buf[64], *end;
    double d;

    switch (type) {
    case T_BOOL:
        t = trimn(t, &n);
        if ((n == 4 && strncasecmp(t, "true", 4) == 0) || (n == 1 && *t == '1'))
            return json_true();
        if ((n == 5 && strncasecmp(t, "false", 5) == 0) || (n == 1 && *t == '0'))
            return json_false();
        return NULL;
    case T_INT:
        t = trimn(t, &n);
        if (n > 0 && n < sizeof buf) {
            long long v;
            memcpy(buf, t, n);
            buf[n] = '\0';
            errno = 0;
            v = strtoll(buf, &end, 10);
            if (*end == '\0' && errno == 0)
                return json_integer(v);
        }
        /* "3.0" from writers that type integers loosely: keep integral values. */
        if (parse_double(t, n, &d) && d == floor(d) && fabs(d) < 9.2e18)
            return json_integer((json_int_t)d);
        return NULL;
    case T_REAL:
        t = trimn(t, &n);
        return parse_double(t, n, &d) ? json_real(d) : NULL;
    default: {
        json_t *v = json_stringn(t, n);
        return v ? v : json_stringn_nocheck(t, n);
    }
    }
}

/* A list value: "[a, b, c]" (Gephi 0.9 and later; elements may be quoted) or "a|b|c"
 * (the GEXF 1.2 primer); "" and "[]" are empty lists. NULL when an element does not fit
 * the type. */
static json_t *list_value(const char *text, int type)
{
    size_t n;
    const char *t = trim(text, &n), *end;
    char sep = '|';
    json_t *arr = json_array();

    if (!arr)
        return NULL;
    if (n >= 2 && t[0] == '[' && t[n - 1] == ']') {
        n -= 2;
        t = trimn(t + 1, &n);
        sep = ',';
    }
    if (n == 0)
        return arr;
    end = t + n;
    for (;;) {
        const char *q, *a;
        size_t k;
        json_t *v;
        while (t < end && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r'))
            t++;
        if (sep == ',' && t < end && (*t == '"' || *t == '\'') &&
            (q = memchr(t + 1, *t, (size_t)(end - t - 1))) != NULL) {
            /* a quoted element: commas inside it are its own */
            a = t + 1;
            k = (size_t)(q - a);
            q = memchr(q, sep, (size_t)(end - q));
        } else {
            /* (t < end: the same as memchr of 0 bytes at the end, and GCC's link-time
             * optimiser, not knowing that memchr's answer lies below end, warned) */
            q = t < end ? memchr(t, sep, (size_t)(end - t)) : NULL;
            k = (size_t)((q ? q : end) - t);
            a = trimn(t, &k);
        }
        if (!q)
            q = end;
        if (!(v = scalar(a, k, type)) || json_array_append_new(arr, v) < 0) {
            json_decref(arr);
            return NULL;
        }
        if (q == end)
            return arr;
        t = q + 1;
    }
}

static const char *type_name(const gattr *a)
{
    static const char *const names[] = {"string", "integer", "double", "boolean"};
    return names[a->type];
}

/* The value of attribute a for `what` ("node 'x': "); NULL with the error set. */
static json_t *decode(gx *s, const gattr *a, const char *text, const char *what)
{
    json_t *v = a->list ? list_value(text, a->type) : scalar(text, strlen(text), a->type);
    if (!v)
        ag__xml_fail(&s->x, AG_EINVAL, "%sattribute '%s' (%s%s): '%.40s' is not %s", what, a->title,
                     a->list ? "list of " : "", type_name(a), text,
                     a->type == T_BOOL ? "true or false" : "a number");
    return v;
}

/* A time (start, end, spells): a number when the timeformat is numeric, else text. */
static json_t *time_value(gx *s, const char *t)
{
    double d;
    size_t n;
    const char *p = trim(t, &n);
    if (s->numeric_time && parse_double(p, n, &d))
        return s->numeric_time == 1 && d == floor(d) && fabs(d) < 9.2e18
                   ? json_integer((json_int_t)d)
                   : json_real(d);
    return string_value(t);
}

/* "node 'x': " or "edge 'a' - 'b': " for messages. */
static void what_of(gx *s, int cl, size_t idx, char *buf, size_t size)
{
    if (cl == CL_NODE)
        snprintf(buf, size, "node '%.100s': ", ag_node_id(s->g, idx));
    else
        snprintf(buf, size, "edge '%.60s' - '%.60s': ", ag_node_id(s->g, ag_edge_source(s->g, idx)),
                 ag_node_id(s->g, ag_edge_target(s->g, idx)));
}

/* Concatenated text of the current element into s->text. */
static int element_text(gx *s)
{
    int depth = ag__xml_depth(&s->x), rc;

    ag__buf_reset(&s->text);
    if (ag__xml_is_empty(&s->x))
        return 0;
    while ((rc = ag__xml_next(&s->x)) == 1) {
        int t = xmlTextReaderNodeType(s->x.r);
        if (t == XML_READER_TYPE_END_ELEMENT && ag__xml_depth(&s->x) == depth)
            return 0;
        if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
            t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || t == XML_READER_TYPE_WHITESPACE) {
            const char *v = (const char *)xmlTextReaderConstValue(s->x.r);
            if (v && ag__buf_add(&s->text, v, strlen(v)) < 0)
                return nomem(s);
        }
    }
    return rc < 0 ? -1 : ag__xml_fail(&s->x, AG_EPARSE, "unexpected end of document");
}

/* ================================================================== declarations */

static int parse_type(const char *t, int *type, int *list)
{
    static const struct {
        const char *name;
        int type;
    } types[] = {
        {"integer", T_INT},    {"long", T_INT},      {"short", T_INT},   {"byte", T_INT},
        {"biginteger", T_INT}, {"float", T_REAL},    {"double", T_REAL}, {"bigdecimal", T_REAL},
        {"boolean", T_BOOL},   {"string", T_STRING}, {"char", T_STRING}, {"anyURI", T_STRING},
    };
    *list = 0;
    *type = T_STRING;
    if (!t)
        return 0;
    if (strncmp(t, "list", 4) == 0) {
        *list = 1;
        t += 4;
    }
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcasecmp(t, types[i].name) == 0) {
            *type = types[i].type;
            return 0;
        }
    /* Other types of later versions (dates, times, ...): kept as their text. */
    return 0;
}

static long find_attr(gx *s, int cl, const char *id)
{
    for (size_t i = 0; i < s->nattr[cl]; i++)
        if (strcmp(s->attr[cl][i].id, id) == 0)
            return (long)i;
    return -1;
}

/* One <attribute> of class cl. */
static int read_attribute(gx *s, int cl)
{
    char *id = ag__xml_attr(&s->x, "id"), *title = ag__xml_attr(&s->x, "title"),
         *type = ag__xml_attr(&s->x, "type");
    gattr *a;
    int rc = -1, depth, r2;

    if (!id) {
        ag__xml_fail(&s->x, AG_EPARSE, "<attribute> without an id");
        goto out;
    }
    if (find_attr(s, cl, id) >= 0) {
        ag__xml_fail(&s->x, AG_EPARSE, "%s attribute '%s' declared twice",
                     cl == CL_NODE ? "node" : "edge", id);
        goto out;
    }
    if (ag__grow(&s->attr[cl], &s->capattr[cl], s->nattr[cl] + 1, sizeof *s->attr[cl]) < 0) {
        nomem(s);
        goto out;
    }
    a = &s->attr[cl][s->nattr[cl]];
    memset(a, 0, sizeof *a);
    parse_type(type, &a->type, &a->list);
    a->id = strdup(id);
    a->title = strdup(title && *title ? title : id);
    if (!a->id || !a->title) {
        free(a->id);
        free(a->title);
        nomem(s);
        goto out;
    }
    s->nattr[cl]++;
    depth = ag__xml_depth(&s->x);
    if (!ag__xml_is_empty(&s->x)) {
        while ((r2 = ag__xml_next_child(&s->x, depth)) == 1) {
            if (strcmp(ag__xml_lname(&s->x), "default") == 0) {
                if (element_text(s) < 0)
                    goto out;
                free(a->deflt);
                if (!(a->deflt = strdup(s->text.p ? s->text.p : ""))) {
                    nomem(s);
                    goto out;
                }
            } else if (ag__xml_skip(&s->x) < 0) {
                goto out; /* <options> and the like */
            }
        }
        if (r2 < 0)
            goto out;
    }
    rc = 0;
out:
    xmlFree(id);
    xmlFree(title);
    xmlFree(type);
    return rc;
}

static int read_attributes(gx *s)
{
    char *cls = ag__xml_attr(&s->x, "class");
    int cl = cls && strcmp(cls, "node") == 0   ? CL_NODE
             : cls && strcmp(cls, "edge") == 0 ? CL_EDGE
                                               : -1;
    int depth = ag__xml_depth(&s->x), rc = 0;

    xmlFree(cls);
    if (cl < 0)
        return ag__xml_skip(&s->x); /* no other class holds data we keep */
    if (ag__xml_is_empty(&s->x))
        return 0;
    while ((rc = ag__xml_next_child(&s->x, depth)) == 1) {
        if (strcmp(ag__xml_lname(&s->x), "attribute") == 0)
            rc = read_attribute(s, cl);
        else
            rc = ag__xml_skip(&s->x);
        if (rc < 0)
            return -1;
    }
    return rc;
}

/* ================================================================== records */

/* The start/end of an element or spell: startopen/endopen when start/end are absent. */
static char *bound(gx *s, const char *closed, const char *open)
{
    char *v = ag__xml_attr(&s->x, closed);
    return v ? v : ag__xml_attr(&s->x, open);
}

/* start and end (or the open forms, or a timestamp) of the current record element,
 * as attributes. */
static int record_times(gx *s, const rec *attrs)
{
    static const char *const names[][2] = {
        {"start", "startopen"}, {"end", "endopen"}, {"timestamp", NULL}, {"timestamps", NULL}};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        char *v =
            names[k][1] ? bound(s, names[k][0], names[k][1]) : ag__xml_attr(&s->x, names[k][0]);
        int rc = v ? put(s, attrs, names[k][0], time_value(s, v)) : 0;
        xmlFree(v);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* One <attvalue>. Dynamic values (with start or end) go to *dyn (title -> list of
 * [value, start, end]), created on first use. */
static int read_attvalue(gx *s, int cl, size_t idx, const rec *attrs, json_t **dyn)
{
    char *for_ = ag__xml_attr(&s->x, "for"), *value = ag__xml_attr(&s->x, "value"),
         *start = bound(s, "start", "startopen"), *end = bound(s, "end", "endopen");
    long ai;
    const gattr *a;
    json_t *v = NULL;
    char what[160];
    int rc = -1;

    if (!for_)
        for_ = ag__xml_attr(&s->x, "id"); /* GEXF 1.0 */
    if (!for_) {
        ag__xml_fail(&s->x, AG_EPARSE, "<attvalue> without 'for'");
        goto out;
    }
    if ((ai = find_attr(s, cl, for_)) < 0) {
        ag__xml_fail(&s->x, AG_EINVAL, "<attvalue> refers to undeclared %s attribute '%.60s'",
                     cl == CL_NODE ? "node" : "edge", for_);
        goto out;
    }
    a = &s->attr[cl][ai];
    what_of(s, cl, idx, what, sizeof what);
    if (!(v = decode(s, a, value ? value : "", what)))
        goto out;
    if (start || end) {
        /* A dynamic value: [value, start, end], collected per title (as networkx). */
        json_t *list, *triple;
        if (!*dyn && !(*dyn = json_object())) {
            nomem(s);
            goto out;
        }
        list = json_object_get(*dyn, a->title);
        if (!list &&
            ((list = json_array()) == NULL || json_object_set_new(*dyn, a->title, list) < 0))
            goto oom;
        if (!(triple = json_array()))
            goto oom;
        /* json_array_append_new takes its value even when it fails */
        if (json_array_append_new(triple, v) < 0 ||
            json_array_append_new(triple, start ? time_value(s, start) : json_null()) < 0 ||
            json_array_append_new(triple, end ? time_value(s, end) : json_null()) < 0) {
            v = NULL;
            json_decref(triple);
            goto oom;
        }
        v = NULL;
        if (json_array_append_new(list, triple) < 0)
            goto oom;
    } else if (cl == CL_EDGE && strcmp(a->title, "weight") == 0 && json_is_number(v)) {
        if (!ag_edge_has_weight(s->g, idx))
            ag_edge_set_weight(s->g, idx, json_number_value(v));
        json_decref(v);
        v = NULL;
    } else {
        rc = put(s, attrs, a->title, v);
        v = NULL;
        if (rc < 0)
            goto out;
    }
    rc = 0;
    goto out;
oom:
    nomem(s);
out:
    json_decref(v);
    xmlFree(for_);
    xmlFree(value);
    xmlFree(start);
    xmlFree(end);
    return rc;
}

/* <spells>: "spells" as a list of [start, end]. */
static int read_spells(gx *s, const rec *attrs)
{
    int depth = ag__xml_depth(&s->x), rc;
    json_t *list = json_array();

    if (!list)
        return nomem(s);
    if (ag__xml_is_empty(&s->x))
        goto done;
    while ((rc = ag__xml_next_child(&s->x, depth)) == 1) {
        if (strcmp(ag__xml_lname(&s->x), "spell") == 0) {
            char *a = bound(s, "start", "startopen"), *b = bound(s, "end", "endopen"),
                 *t = ag__xml_attr(&s->x, "timestamp");
            json_t *pair = json_array();
            /* json_array_append_new takes its value even when it fails */
            int bad = !pair ||
                      json_array_append_new(pair, a   ? time_value(s, a)
                                                  : t ? time_value(s, t)
                                                      : json_null()) < 0 ||
                      json_array_append_new(pair, b   ? time_value(s, b)
                                                  : t ? time_value(s, t)
                                                      : json_null()) < 0;
            if (bad)
                json_decref(pair);
            else
                bad = json_array_append_new(list, pair) < 0;
            xmlFree(a);
            xmlFree(b);
            xmlFree(t);
            if (bad) {
                json_decref(list);
                return nomem(s);
            }
        }
        if (ag__xml_skip(&s->x) < 0) {
            json_decref(list);
            return -1;
        }
    }
    if (rc < 0) {
        json_decref(list);
        return -1;
    }
done:
    return put(s, attrs, "spells", list);
}

/* A number attribute of the current element into key (when absent from the record). */
static int viz_number(gx *s, const rec *attrs, const char *xml_attr, const char *key, int skip_zero)
{
    char *v = ag__xml_attr(&s->x, xml_attr);
    double d;
    size_t n;
    const char *t;
    int rc = 0;

    if (!v)
        return 0;
    t = trim(v, &n);
    if (!parse_double(t, n, &d))
        rc = ag__xml_fail(&s->x, AG_EINVAL, "viz:%s: %s '%.40s' is not a number",
                          ag__xml_lname(&s->x), xml_attr, v);
    else if (!(skip_zero && d == 0))
        rc = put_missing(s, attrs, key, json_real(d));
    xmlFree(v);
    return rc;
}

/* viz:color: viz_r, viz_g, viz_b (integers 0..255; or from hex="#rrggbb"), viz_a when
 * below 1. */
static int viz_color(gx *s, const rec *attrs)
{
    static const char *const ch[3][2] = {{"r", "viz_r"}, {"g", "viz_g"}, {"b", "viz_b"}};
    char *hex = ag__xml_attr(&s->x, "hex"), *alpha = ag__xml_attr(&s->x, "a");
    int rc = 0;

    for (int k = 0; k < 3 && rc == 0; k++) {
        char *v = ag__xml_attr(&s->x, ch[k][0]);
        long c = -1;
        if (v) {
            char *end;
            c = strtol(v, &end, 10);
            if (*end != '\0' || c < 0 || c > 255)
                rc = ag__xml_fail(&s->x, AG_EINVAL, "viz:color: %s '%.40s' is not 0..255", ch[k][0],
                                  v);
        } else if (hex && strlen(hex) == 7 && hex[0] == '#') {
            char two[3] = {hex[1 + 2 * k], hex[2 + 2 * k], '\0'}, *end;
            c = strtol(two, &end, 16);
            if (*end != '\0')
                c = -1;
        }
        xmlFree(v);
        if (rc == 0 && c >= 0)
            rc = put_missing(s, attrs, ch[k][1], json_integer(c));
    }
    if (rc == 0 && alpha) {
        double a;
        size_t n;
        const char *t = trim(alpha, &n);
        if (parse_double(t, n, &a) && a < 1)
            rc = put_missing(s, attrs, "viz_a", json_real(a));
    }
    xmlFree(hex);
    xmlFree(alpha);
    return rc;
}

static int viz_string(gx *s, const rec *attrs, const char *key)
{
    char *v = ag__xml_attr(&s->x, "value");
    int rc = v ? put_missing(s, attrs, key, string_value(v)) : 0;
    xmlFree(v);
    return rc;
}

/* A viz element (color, size, position, shape, thickness) of a node or edge. */
static int read_viz(gx *s, const rec *attrs)
{
    const char *nm = ag__xml_lname(&s->x);
    int rc = 0;

    if (!s->own) {
        if (strcmp(nm, "color") == 0)
            rc = viz_color(s, attrs);
        else if (strcmp(nm, "size") == 0)
            rc = viz_number(s, attrs, "value", "viz_size", 0);
        else if (strcmp(nm, "thickness") == 0)
            rc = viz_number(s, attrs, "value", "viz_thickness", 0);
        else if (strcmp(nm, "position") == 0)
            rc = viz_number(s, attrs, "x", "x", 0) < 0 || viz_number(s, attrs, "y", "y", 0) < 0 ||
                         viz_number(s, attrs, "z", "z", 1) < 0
                     ? -1
                     : 0;
        else if (strcmp(nm, "shape") == 0)
            rc = viz_string(s, attrs, "viz_shape");
    }
    return rc < 0 ? -1 : ag__xml_skip(&s->x);
}

static int is_viz(const char *nm)
{
    return strcmp(nm, "color") == 0 || strcmp(nm, "size") == 0 || strcmp(nm, "position") == 0 ||
           strcmp(nm, "shape") == 0 || strcmp(nm, "thickness") == 0;
}

static int read_nodes(gx *s);
static int read_edges(gx *s);

/* The children of a <node> or <edge>: attvalues, spells, viz, nested nodes and edges. */
static int read_record(gx *s, int cl, size_t idx)
{
    int depth = ag__xml_depth(&s->x), rc = 0;
    rec r = {cl, idx}, *attrs = &r;
    json_t *dyn = NULL, *v;
    const char *key;

    if (ag__xml_is_empty(&s->x))
        return 0;
    while ((rc = ag__xml_next_child(&s->x, depth)) == 1) {
        const char *nm = ag__xml_lname(&s->x);
        if (strcmp(nm, "attvalues") == 0) {
            int d2 = ag__xml_depth(&s->x);
            rc = 0;
            if (!ag__xml_is_empty(&s->x))
                while ((rc = ag__xml_next_child(&s->x, d2)) == 1)
                    if ((strcmp(ag__xml_lname(&s->x), "attvalue") == 0 &&
                         read_attvalue(s, cl, idx, attrs, &dyn) < 0) ||
                        ag__xml_skip(&s->x) < 0) {
                        rc = -1;
                        break;
                    }
        } else if (strcmp(nm, "spells") == 0) {
            rc = s->own ? ag__xml_skip(&s->x) : read_spells(s, attrs);
        } else if (is_viz(nm)) {
            rc = read_viz(s, attrs);
        } else if (cl == CL_NODE && strcmp(nm, "nodes") == 0) {
            rc = read_nodes(s); /* a hierarchy: the children join the graph */
        } else if (cl == CL_NODE && strcmp(nm, "edges") == 0) {
            rc = read_edges(s);
        } else {
            rc = ag__xml_skip(&s->x); /* <parents>, and what later versions add */
        }
        if (rc < 0)
            break;
    }
    if (rc == 0 && dyn)
        json_object_foreach(dyn, key, v) if (put(s, attrs, key, json_incref(v)) < 0)
        {
            rc = -1;
            break;
        }
    json_decref(dyn);
    return rc < 0 ? -1 : 0;
}

/* The node with GEXF id `id`, created on first sight; declared: a <node> names it. */
static long node_ref(gx *s, const char *id, int declared)
{
    long i = ag_graph_find_node(s->g, id);

    if (i < 0) {
        if (ag_graph_node_count(s->g) >= s->x.limits->max_nodes)
            return ag__xml_fail(&s->x, AG_ELIMIT, "more than %zu nodes", s->x.limits->max_nodes);
        if ((i = ag_graph_add_node(s->g, id, s->x.err)) < 0 ||
            ag__grow(&s->refline, &s->caprefline, (size_t)i + 1, sizeof *s->refline) < 0)
            return nomem(s);
        s->refline[i] = declared ? 0 : (ag__xml_line(&s->x) > 0 ? ag__xml_line(&s->x) : 1);
    } else if (declared) {
        if (s->refline[i] == 0)
            return ag__xml_fail(&s->x, AG_EINVAL, "two <node> elements have the id '%.80s'", id);
        s->refline[i] = 0;
    }
    return i;
}

static int read_node(gx *s)
{
    char *id = ag__xml_attr(&s->x, "id"), *label = ag__xml_attr(&s->x, "label"),
         *pid = ag__xml_attr(&s->x, "pid");
    long i;
    int rc = -1;
    rec r = {CL_NODE, 0}, *attrs = &r;

    if (!id) {
        ag__xml_fail(&s->x, AG_EPARSE, "<node> without an id");
        goto out;
    }
    if ((i = node_ref(s, id, 1)) < 0)
        goto out;
    r.idx = (size_t)i;
    /* The label first: an attvalue titled "label" replaces it. */
    if ((label && put(s, attrs, "label", string_value(label)) < 0) ||
        (pid && put(s, attrs, "pid", string_value(pid)) < 0) ||
        (!s->own && record_times(s, attrs) < 0))
        goto out;
    rc = read_record(s, CL_NODE, (size_t)i);
out:
    xmlFree(id);
    xmlFree(label);
    xmlFree(pid);
    return rc;
}

static int read_edge(gx *s)
{
    char *src = ag__xml_attr(&s->x, "source"), *dst = ag__xml_attr(&s->x, "target"),
         *type = ag__xml_attr(&s->x, "type"), *weight = ag__xml_attr(&s->x, "weight"),
         *label = ag__xml_attr(&s->x, "label"), *kind = ag__xml_attr(&s->x, "kind");
    long a, b, e;
    int rc = -1;
    rec r = {CL_EDGE, 0}, *attrs = &r;

    if (!src || !dst) {
        ag__xml_fail(&s->x, AG_EPARSE, "<edge> without %s", src ? "a target" : "a source");
        goto out;
    }
    if (type && strcmp(type, "directed") != 0 && strcmp(type, "undirected") != 0 &&
        strcmp(type, "mutual") != 0) {
        ag__xml_fail(&s->x, AG_EPARSE,
                     "edge type '%.40s': expected 'directed', 'undirected' or 'mutual'", type);
        goto out;
    }
    if ((a = node_ref(s, src, 0)) < 0 || (b = node_ref(s, dst, 0)) < 0)
        goto out;
    /* Parallel edges make a multigraph (as networkx reads them). */
    if (!ag_graph_is_multigraph(s->g) && ag_graph_find_edge(s->g, (size_t)a, (size_t)b) >= 0)
        ag_graph_set_multigraph(s->g, 1);
    if ((e = ag_graph_add_edge(s->g, (size_t)a, (size_t)b, s->x.err)) < 0) {
        nomem(s);
        goto out;
    }
    r.idx = (size_t)e;
    if (weight) {
        size_t n;
        const char *t = trim(weight, &n);
        double w;
        if (!parse_double(t, n, &w)) {
            ag__xml_fail(&s->x, AG_EINVAL, "edge '%.60s' - '%.60s': weight '%.40s' is not a number",
                         src, dst, weight);
            goto out;
        }
        ag_edge_set_weight(s->g, (size_t)e, w);
    }
    /* An edge whose type is not the graph's keeps it (the model has one direction). */
    if (type && (strcmp(type, "directed") == 0) != ag_graph_is_directed(s->g) &&
        put(s, attrs, "type", string_value(type)) < 0)
        goto out;
    if ((label && put(s, attrs, "label", string_value(label)) < 0) ||
        (kind && put(s, attrs, "kind", string_value(kind)) < 0) ||
        (!s->own && record_times(s, attrs) < 0))
        goto out;
    rc = read_record(s, CL_EDGE, (size_t)e);
out:
    xmlFree(src);
    xmlFree(dst);
    xmlFree(type);
    xmlFree(weight);
    xmlFree(label);
    xmlFree(kind);
    return rc;
}

/* The children of <nodes> (or <edges>): each <node> (<edge>). */
static int read_list(gx *s, const char *child, int (*one)(gx *))
{
    int depth = ag__xml_depth(&s->x), rc = 0;

    if (ag__xml_is_empty(&s->x))
        return 0;
    while ((rc = ag__xml_next_child(&s->x, depth)) == 1) {
        rc = strcmp(ag__xml_lname(&s->x), child) == 0 ? one(s) : ag__xml_skip(&s->x);
        if (rc < 0)
            return -1;
    }
    return rc;
}

static int read_nodes(gx *s) { return read_list(s, "node", read_node); }

static int read_edges(gx *s) { return read_list(s, "edge", read_edge); }

/* ================================================================== document */

static int read_graph(gx *s)
{
    char *ed = ag__xml_attr(&s->x, "defaultedgetype"), *tf = ag__xml_attr(&s->x, "timeformat"),
         *idtype = ag__xml_attr(&s->x, "idtype");
    int depth = ag__xml_depth(&s->x), rc = -1;

    if (s->graphs++ > 0) {
        ag__xml_fail(&s->x, AG_EPARSE, "a second <graph>: one graph per input");
        goto out;
    }
    if (ed && strcmp(ed, "undirected") != 0 && strcmp(ed, "directed") != 0 &&
        strcmp(ed, "mutual") != 0) {
        ag__xml_fail(&s->x, AG_EPARSE,
                     "defaultedgetype '%.40s': expected 'directed', 'undirected' or 'mutual'", ed);
        goto out;
    }
    /* GEXF's default is undirected; "mutual" (both ways) is undirected too. */
    ag_graph_set_directed(s->g, ed && strcmp(ed, "directed") == 0);
    s->numeric_time = !tf                                                     ? 0
                      : strcmp(tf, "integer") == 0                            ? 1
                      : strcmp(tf, "double") == 0 || strcmp(tf, "float") == 0 ? 2
                                                                              : 0;
    s->integer_ids = idtype && (strcmp(idtype, "integer") == 0 || strcmp(idtype, "long") == 0);
    if (ag__xml_is_empty(&s->x)) {
        rc = 0;
        goto out;
    }
    while ((rc = ag__xml_next_child(&s->x, depth)) == 1) {
        const char *nm = ag__xml_lname(&s->x);
        if (strcmp(nm, "attributes") == 0)
            rc = read_attributes(s);
        else if (strcmp(nm, "nodes") == 0)
            rc = read_nodes(s);
        else if (strcmp(nm, "edges") == 0)
            rc = read_edges(s);
        else
            rc = ag__xml_skip(&s->x);
        if (rc < 0)
            goto out;
    }
out:
    xmlFree(ed);
    xmlFree(tf);
    xmlFree(idtype);
    return rc;
}

/* <meta>: only who wrote the file matters (our own files carry derived viz data). */
static int read_meta(gx *s)
{
    int depth = ag__xml_depth(&s->x), rc;

    if (ag__xml_is_empty(&s->x))
        return 0;
    while ((rc = ag__xml_next_child(&s->x, depth)) == 1) {
        if (strcmp(ag__xml_lname(&s->x), "creator") == 0) {
            if (element_text(s) < 0)
                return -1;
            s->own = s->text.p && strncmp(s->text.p, "actorgraph", 10) == 0;
        } else if (ag__xml_skip(&s->x) < 0) {
            return -1;
        }
    }
    return rc;
}

static int read_document(gx *s)
{
    int rc, seen_root = 0;

    while ((rc = ag__xml_next(&s->x)) == 1) {
        const char *nm;
        if (xmlTextReaderNodeType(s->x.r) != XML_READER_TYPE_ELEMENT)
            continue;
        nm = ag__xml_lname(&s->x);
        if (!seen_root) {
            if (strcmp(nm, "gexf") != 0)
                return ag__xml_fail(&s->x, AG_EPARSE, "not GEXF: the root element is <%s>", nm);
            seen_root = 1;
            continue;
        }
        if (strcmp(nm, "meta") == 0)
            rc = read_meta(s);
        else if (strcmp(nm, "graph") == 0)
            rc = read_graph(s);
        else
            rc = ag__xml_skip(&s->x);
        if (rc < 0)
            return -1;
    }
    if (rc < 0)
        return -1;
    if (!seen_root)
        return ag_error_set(s->x.err, AG_EPARSE, s->x.name, 0, 0, "not GEXF: no root element");
    if (!s->graphs)
        return ag_error_set(s->x.err, AG_EINVAL, s->x.name, 0, 0, "GEXF document has no <graph>");
    return 0;
}

/* Defaults of attributes apply to every record that lacks the attribute. */
static int apply_defaults(gx *s)
{
    for (int cl = 0; cl < 2; cl++) {
        size_t count = cl == CL_NODE ? ag_graph_node_count(s->g) : ag_graph_edge_count(s->g);
        for (size_t k = 0; k < s->nattr[cl]; k++) {
            const gattr *a = &s->attr[cl][k];
            json_t *v;
            int weight = cl == CL_EDGE && strcmp(a->title, "weight") == 0;
            if (!a->deflt)
                continue;
            if (!(v = decode(s, a, a->deflt, "default of ")))
                return -1;
            for (size_t i = 0; i < count; i++) {
                ag_attr_value had;
                if (weight && json_is_number(v)) {
                    if (!ag_edge_has_weight(s->g, i))
                        ag_edge_set_weight(s->g, i, json_number_value(v));
                    continue;
                }
                if (ag__row_get(s->g, cl == CL_EDGE, i, a->title, &had) < 0 &&
                    (cl == CL_NODE ? ag_node_set_json(s->g, i, a->title, v, NULL)
                                   : ag_edge_set_json(s->g, i, a->title, v, NULL)) < 0) {
                    json_decref(v);
                    return ag_error_set(s->x.err, AG_ENOMEM, s->x.name, 0, 0, "out of memory");
                }
            }
            json_decref(v);
        }
    }
    return 0;
}

/* Labels: the ids when generated ids have unique labels (not in our own files), else
 * kept only where they differ from the id. The result replaces s->g when renamed. */
static ag_graph *settle_names(gx *s)
{
    static const char *const label_key[] = {"label", NULL};
    ag_graph *g = s->g;

    if (!s->own && ag__names_key(g, label_key))
        return ag__rename_nodes(g, NULL, "label", 0, s->x.name, s->x.err);
    for (size_t i = 0, n = ag_graph_node_count(g); i < n; i++) {
        const char *label;
        if (ag_node_get_string(g, i, "label", &label) == 0 && strcmp(label, ag_node_id(g, i)) == 0)
            ag_node_unset(g, i, "label");
    }
    ag_graph_set_integer_ids(g, s->integer_ids);
    s->g = NULL;
    return g;
}

ag_graph *ag__read_gexf(const char *buf, size_t len, const char *name, const ag_read_limits *limits,
                        ag_error *err)
{
    gx s;
    ag_graph *result = NULL;

    memset(&s, 0, sizeof s);
    if (ag__xml_open(&s.x, buf, len, name, "GEXF", limits, err) < 0)
        return NULL;
    if (!(s.g = ag_graph_new(0))) {
        ag_error_set(err, AG_ENOMEM, name, 0, 0, "out of memory");
        goto out;
    }
    /* An error libxml2 recovered from still fails the read. */
    if (read_document(&s) < 0 || s.x.failed || apply_defaults(&s) < 0)
        goto out;
    for (size_t i = 0; i < ag_graph_node_count(s.g); i++)
        if (s.refline[i]) {
            ag_error_set(err, AG_EPARSE, name, s.refline[i], 0,
                         "an edge names node '%.80s', which no <node> declares",
                         ag_node_id(s.g, i));
            goto out;
        }
    result = settle_names(&s);
out:
    ag__xml_close(&s.x);
    ag_graph_free(s.g);
    for (int cl = 0; cl < 2; cl++) {
        for (size_t i = 0; i < s.nattr[cl]; i++) {
            free(s.attr[cl][i].id);
            free(s.attr[cl][i].title);
            free(s.attr[cl][i].deflt);
        }
        free(s.attr[cl]);
    }
    free(s.refline);
    ag__buf_free(&s.text);
    return result;
}
