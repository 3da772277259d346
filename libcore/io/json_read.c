/*
 * json_read.c - networkx node-link JSON, the pipeline format, read with jansson (and a
 * fast path for what our own writer puts out).
 *
 * Reading parses the whole document with json_loadb (jansson reports line/column of
 * syntax errors). Semantic errors (a link to an unknown node, a non-numeric weight) have
 * no position in jansson's tree, so locate_element() re-scans the text to find where the
 * offending record starts: errors point at a line even in a 1 GB file.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph_internal.h"
#include "io/io_internal.h"

/* ------------------------------------------------------------------ reading */

/*
 * Byte offset where element `index` of the top-level array `key` starts, or -1.
 * A small scanner that only tracks strings and nesting depth; run only on the error path.
 */
static long long locate_element(const char *buf, size_t len, const char *key, size_t index)
{
    size_t klen = strlen(key), i = 0, count = 0;
    int depth = 0, in_target = 0, expect_elem = 0;

    while (i < len) {
        char c = buf[i];
        if (c == '"') {
            size_t start = ++i;
            while (i < len && buf[i] != '"')
                i += buf[i] == '\\' ? 2 : 1;
            if (depth == 2 && in_target && expect_elem) {
                if (count == index)
                    return (long long)start - 1;
                count++;
                expect_elem = 0;
            }
            /* A key of the root object: is it the array we are looking for? */
            if (depth == 1 && i - start == klen && memcmp(buf + start, key, klen) == 0) {
                size_t j = i + 1;
                while (j < len && (buf[j] == ' ' || buf[j] == '\n' || buf[j] == '\r' ||
                                   buf[j] == '\t' || buf[j] == ':'))
                    j++;
                if (j < len && buf[j] == '[')
                    in_target = 1;
            }
            i++;
            continue;
        }
        if (c == '{' || c == '[') {
            if (depth == 2 && in_target && expect_elem) {
                if (count == index)
                    return (long long)i;
                count++;
                expect_elem = 0;
            }
            depth++;
            if (depth == 2 && in_target)
                expect_elem = 1;
        } else if (c == '}' || c == ']') {
            depth--;
            if (depth == 1 && in_target)
                return -1;
        } else if (c == ',' && depth == 2 && in_target) {
            expect_elem = 1;
        } else if (depth == 2 && in_target && expect_elem && c != ' ' && c != '\n' && c != '\r' &&
                   c != '\t') {
            if (count == index)
                return (long long)i;
            count++;
            expect_elem = 0;
        }
        i++;
    }
    return -1;
}

typedef struct reader {
    const char *buf; /* the whole input */
    size_t len;
    const char *name; /* for messages */
    ag_error *err;
} reader;

/* Report an error at element `index` of array `key`. Returns -1. */
static int fail_at(const reader *r, const char *key, size_t index, int code, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static int fail_at(const reader *r, const char *key, size_t index, int code, const char *fmt, ...)
{
    char msg[AG_ERR_MSG];
    va_list ap;
    long long off = key ? locate_element(r->buf, r->len, key, index) : -1;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ag_error_set_at(r->err, code, r->name, off, "%s", msg);
    ag_error_locate(r->err, r->buf, r->len);
    return -1;
}

/* Node ids are strings or integers (networkx graphs often use integers). */
static int id_text(const json_t *v, char *num, size_t size, const char **out, int *is_int)
{
    if (json_is_string(v)) {
        *out = json_string_value(v);
        *is_int = 0;
        return 0;
    }
    if (json_is_integer(v)) {
        snprintf(num, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        *out = num;
        *is_int = 1;
        return 0;
    }
    return -1;
}

static const char *type_word(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
        return "an integer";
    case JSON_REAL:
        return "a real number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    default:
        return "null";
    }
}

static int read_nodes(const reader *r, ag_graph *g, const json_t *nodes, size_t max_nodes,
                      int *all_int)
{
    char num[32];

    for (size_t i = 0; i < json_array_size(nodes); i++) {
        json_t *rec = json_array_get(nodes, i), *val;
        const char *id, *key;
        int is_int;
        long idx;

        if (!json_is_object(rec))
            return fail_at(r, "nodes", i, AG_EINVAL, "node record is %s, expected an object",
                           type_word(rec));
        if (id_text(json_object_get(rec, "id"), num, sizeof num, &id, &is_int) < 0)
            return fail_at(r, "nodes", i, AG_EINVAL,
                           "node record needs an \"id\" that is a string or an integer");
        *all_int &= is_int;
        if (ag_graph_node_count(g) >= max_nodes)
            return fail_at(r, "nodes", i, AG_ELIMIT, "more than %zu nodes", max_nodes);
        if ((idx = ag_graph_add_node(g, id, r->err)) < 0)
            return -1;
        json_object_foreach(rec, key, val)
        {
            if (strcmp(key, "id") == 0)
                continue;
            if (ag_node_set_json(g, (size_t)idx, key, val, r->err) < 0)
                return -1;
        }
    }
    return 0;
}

static int read_links(const reader *r, ag_graph *g, const json_t *links, const char *lkey)
{
    char num[2][32];

    for (size_t i = 0; i < json_array_size(links); i++) {
        json_t *rec = json_array_get(links, i), *val, *w;
        const char *end[2], *key;
        long node[2], e = -1;
        int is_int;

        if (!json_is_object(rec))
            return fail_at(r, lkey, i, AG_EINVAL, "link record is %s, expected an object",
                           type_word(rec));
        for (int k = 0; k < 2; k++) {
            const char *which = k ? "target" : "source";
            if (id_text(json_object_get(rec, which), num[k], sizeof num[k], &end[k], &is_int) < 0)
                return fail_at(r, lkey, i, AG_EINVAL,
                               "link record needs a \"%s\" that is a string or an integer", which);
            if ((node[k] = ag_graph_find_node(g, end[k])) < 0)
                return fail_at(r, lkey, i, AG_EINVAL, "link %s '%.100s' is not a node", which,
                               end[k]);
        }
        w = json_object_get(rec, "weight");
        if (w && !json_is_number(w))
            return fail_at(r, lkey, i, AG_EINVAL, "link weight is %s, expected a number",
                           type_word(w));
        /* networkx's add_edge on a simple graph updates the existing edge: same here. */
        if (!ag_graph_is_multigraph(g))
            e = ag_graph_find_edge(g, (size_t)node[0], (size_t)node[1]);
        if (e < 0 && (e = ag_graph_add_edge(g, (size_t)node[0], (size_t)node[1], r->err)) < 0)
            return -1;
        if (w)
            ag_edge_set_weight(g, (size_t)e, json_number_value(w));
        json_object_foreach(rec, key, val)
        {
            if (!strcmp(key, "source") || !strcmp(key, "target") || !strcmp(key, "weight"))
                continue;
            if (ag_edge_set_json(g, (size_t)e, key, val, r->err) < 0)
                return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ fast path */

/*
 * Most inputs are what ag-* tools and networkx write: nodes before links, flat records.
 * For those, scan the outer structure ourselves and hand only attribute values to
 * jansson, instead of building jansson's tree of a million small objects first: that
 * tree costs more time than everything else in a pipeline stage. Anything unexpected
 * makes the scan give up (return NULL without an error) and the full jansson reader runs,
 * so error messages stay jansson's.
 */
typedef struct scan {
    const char *p, *end; /* cursor and end of input */
} scan;

static void ws(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
        s->p++;
}

static int eat(scan *s, char c)
{
    ws(s);
    if (s->p < s->end && *s->p == c) {
        s->p++;
        return 1;
    }
    return 0;
}

/* A string token: on success [*a, *b) is its raw body; *esc tells whether it has escapes. */
static int str_token(scan *s, const char **a, const char **b, int *esc)
{
    ws(s);
    if (s->p >= s->end || *s->p != '"')
        return -1;
    *a = ++s->p;
    *esc = 0;
    while (s->p < s->end && *s->p != '"') {
        if (*s->p == '\\') {
            *esc = 1;
            s->p++;
        } else if ((unsigned char)*s->p < 0x20) {
            return -1;
        }
        s->p++;
    }
    if (s->p >= s->end)
        return -1;
    *b = s->p++;
    return 0;
}

/* Skip one value; [*a, s->p) is its text. Only counts brackets: jansson validates it. */
static int skip_value(scan *s, const char **a)
{
    int depth = 0;
    const char *x, *y;
    int esc;

    ws(s);
    *a = s->p;
    do {
        if (s->p >= s->end)
            return -1;
        switch (*s->p) {
        case '"':
            if (str_token(s, &x, &y, &esc) < 0)
                return -1;
            continue;
        case '{':
        case '[':
            depth++;
            break;
        case '}':
        case ']':
            if (depth == 0)
                return s->p > *a ? 0 : -1;
            depth--;
            break;
        case ',':
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            if (depth == 0)
                return s->p > *a ? 0 : -1;
            break;
        }
        s->p++;
    } while (depth > 0 || (s->p < s->end && !strchr(",}] \n\r\t", *s->p)));
    return 0;
}

/* The value text [a, b) when it is one of the values that are by far the most common:
 * a boolean, a small integer or a plain ASCII string (copied into text, of size
 * PLAIN_MAX). 0, or -1 for anything else. */
#define PLAIN_MAX 256
static int plain_value(const char *a, const char *b, ag_attr_value *v, char *text)
{
    size_t n = (size_t)(b - a);

    memset(v, 0, sizeof *v);
    if ((n == 4 && !memcmp(a, "true", 4)) || (n == 5 && !memcmp(a, "false", 5))) {
        v->type = AG_ATTR_BOOL;
        v->boolean = n == 4;
        return 0;
    }
    if (n > 0 && n < 16 && ((*a >= '0' && *a <= '9') || *a == '-')) {
        const char *q = a + (*a == '-');
        long long x = 0;
        int plain = q < b && (*q != '0' || q + 1 == b);
        for (; plain && q < b; q++) {
            if (*q < '0' || *q > '9')
                plain = 0;
            else
                x = x * 10 + (*q - '0');
        }
        if (plain) {
            v->type = AG_ATTR_INTEGER;
            v->integer = *a == '-' ? -x : x;
            return 0;
        }
    }
    if (n >= 2 && *a == '"' && n < PLAIN_MAX) {
        const char *q = a + 1;
        while (q < b - 1 && *q >= 0x20 && *q < 0x7f && *q != '\\' && *q != '"')
            q++;
        if (q == b - 1) {
            memcpy(text, a + 1, n - 2);
            text[n - 2] = '\0';
            v->type = AG_ATTR_STRING;
            v->string = text;
            return 0;
        }
    }
    return -1;
}

/* One attribute value as jansson's: plain values built directly, everything else parsed
 * by jansson, which also validates it. */
static json_t *decode(const char *a, const char *b)
{
    json_error_t jerr;
    ag_attr_value v;
    char text[PLAIN_MAX];

    if (plain_value(a, b, &v, text) == 0)
        return v.type == AG_ATTR_BOOL      ? json_boolean(v.boolean)
               : v.type == AG_ATTR_INTEGER ? json_integer((json_int_t)v.integer)
                                           : json_string_nocheck(v.string);
    return json_loadb(a, (size_t)(b - a), JSON_DECODE_ANY, &jerr);
}

/* A node id (string or integer) into buf; NULL when it is something else. */
static const char *id_token(scan *s, char *buf, size_t size, int *is_int)
{
    const char *a, *b;
    int esc;

    ws(s);
    if (s->p < s->end && *s->p == '"') {
        json_t *v;
        if (str_token(s, &a, &b, &esc) < 0 || (size_t)(b - a) >= size)
            return NULL;
        *is_int = 0;
        if (!esc) {
            /* jansson validates UTF-8 on the slow path; here we must, or invalid bytes
             * would reach the writer and make output that no JSON parser accepts. */
            if (ag__utf8_invalid(a, (size_t)(b - a)) >= 0)
                return NULL;
            memcpy(buf, a, (size_t)(b - a));
            buf[b - a] = '\0';
            return buf;
        }
        if (!(v = decode(a - 1, b + 1)) || strlen(json_string_value(v)) >= size ||
            json_string_length(v) != strlen(json_string_value(v))) {
            json_decref(v);
            return NULL;
        }
        strcpy(buf, json_string_value(v));
        json_decref(v);
        return buf;
    }
    if (skip_value(s, &a) < 0 || (size_t)(s->p - a) >= size || s->p - a > 18)
        return NULL;
    for (const char *q = a; q < s->p; q++)
        if (!((*q >= '0' && *q <= '9') || (q == a && *q == '-')))
            return NULL;
    /* JSON integers: at least one digit, no leading zero ("-", "02" are not numbers, and
     * would be written back verbatim). */
    {
        const char *d = a + (*a == '-');
        if (d == s->p || (*d == '0' && d + 1 < s->p))
            return NULL;
    }
    if (s->p - a == 2 && a[0] == '-' && a[1] == '0')
        a++; /* -0 is the integer 0, as jansson reads it on the slow path */
    memcpy(buf, a, (size_t)(s->p - a));
    buf[s->p - a] = '\0';
    *is_int = 1;
    return buf;
}

/* Iterate "key": value pairs of one record object; calls back for each key. */
typedef int (*field_fn)(scan *s, const char *key, size_t klen, void *ctx);

static int record(scan *s, field_fn fn, void *ctx)
{
    const char *a, *b;
    int esc;

    if (!eat(s, '{'))
        return -1;
    if (eat(s, '}'))
        return 0;
    do {
        if (str_token(s, &a, &b, &esc) < 0 || esc || !eat(s, ':') ||
            fn(s, a, (size_t)(b - a), ctx) < 0)
            return -1;
    } while (eat(s, ','));
    return eat(s, '}') ? 0 : -1;
}

typedef struct fast_ctx {
    ag_graph *g;
    char id[2][4096];    /* id / source, target */
    int have[2], is_int; /* which of them were seen */
    double weight;
    int has_weight;
    long node, edge; /* the record's node or edge once known, else -1 */
    int is_link;     /* reading links (else nodes) */
    json_t *attrs;   /* fields seen before the record's node/edge was known */
    int all_int;
    char last_src[4096]; /* links come grouped by source: remember the last lookup */
    long last_src_node;  /* its node, -1 when none */
} fast_ctx;

/* Where a record's attributes go: straight onto its node or edge once the id (or both
 * endpoints) have been read, which is the usual order; NULL before that. */
static void resolve_edge(fast_ctx *c)
{
    long a, b;

    if (c->edge >= 0 || !c->have[0] || !c->have[1])
        return;
    if (c->last_src_node >= 0 && strcmp(c->last_src, c->id[0]) == 0) {
        a = c->last_src_node;
    } else {
        if ((a = ag_graph_find_node(c->g, c->id[0])) < 0)
            return;
        strcpy(c->last_src, c->id[0]);
        c->last_src_node = a;
    }
    if ((b = ag_graph_find_node(c->g, c->id[1])) < 0)
        return;
    if (!ag_graph_is_multigraph(c->g))
        c->edge = ag_graph_find_edge(c->g, (size_t)a, (size_t)b);
    if (c->edge < 0)
        c->edge = ag_graph_add_edge(c->g, (size_t)a, (size_t)b, NULL);
}

/* The record's node or link index, or -1 while it is not known yet. */
static long record_target(fast_ctx *c)
{
    if (c->is_link) {
        resolve_edge(c);
        return c->edge;
    }
    return c->node;
}

/* s of a jansson string when it has no NUL inside (a native list keeps C strings). */
static const char *plain_string(const json_t *s)
{
    const char *p = json_string_value(s);
    return p && strlen(p) == json_string_length(s) ? p : NULL;
}

/* Record i of link list v as the graph holds records natively: an object of "doc" (a
 * string), "offset" (an integer) and "text" (a string) in that order, which is how they
 * are written back. 0, or -1 when it is something else. */
static int evidence_record(const json_t *v, size_t i, ag__attr_record *out)
{
    static const char *const keys[] = {"doc", "offset", "text"};
    const json_t *o = json_array_get(v, i), *f[3];
    void *it = json_object_iter((json_t *)o);

    if (json_object_size(o) != 3)
        return -1;
    for (int k = 0; k < 3; k++, it = json_object_iter_next((json_t *)o, it))
        if (!it || strcmp(json_object_iter_key(it), keys[k]) != 0 ||
            !(f[k] = json_object_iter_value(it)))
            return -1;
    *out = (ag__attr_record){plain_string(f[0]), (long long)json_integer_value(f[1]),
                             plain_string(f[2])};
    return out->doc && out->text && json_is_integer(f[1]) ? 0 : -1;
}

/* A list the graph holds natively (graph/graph_internal.h), as the extractor writes them:
 * a node's list of strings (aliases, roles), a link's list of evidence records. Kept as
 * jansson, a link's evidence is most of the graph's memory. 1 when v was stored so, 0
 * when it is no such list, -1 when storing failed. */
static int set_native(fast_ctx *c, long target, const char *key, const json_t *v)
{
    size_t n = json_array_size(v);

    if (!json_is_array(v) || n > AG__MAX_RUN)
        return 0;
    if (!c->is_link) {
        const char *strs[AG__MAX_RUN];
        for (size_t i = 0; i < n; i++)
            if (!(strs[i] = plain_string(json_array_get(v, i))))
                return 0;
        return ag__node_set_strings(c->g, (size_t)target, key, strs, n, NULL) < 0 ? -1 : 1;
    }
    ag__attr_record recs[AG__MAX_RUN];
    for (size_t i = 0; i < n; i++)
        if (evidence_record(v, i, &recs[i]) < 0)
            return 0;
    return ag__edge_set_records(c->g, (size_t)target, key, recs, n, 0, NULL) < 0 ? -1 : 1;
}

static int set_json(fast_ctx *c, long target, const char *key, const json_t *v)
{
    int rc = set_native(c, target, key, v);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    return c->is_link ? ag_edge_set_json(c->g, (size_t)target, key, v, NULL)
                      : ag_node_set_json(c->g, (size_t)target, key, v, NULL);
}

/* A field onto the record's node or link, straight into the graph's columns when the
 * value is plain; kept in c->attrs while the record's id is still to come. */
static int set_attr(scan *s, const char *key, size_t klen, fast_ctx *c)
{
    const char *a;
    json_t *v;
    char k[256], text[PLAIN_MAX];
    ag_attr_value pv;
    long target;
    int rc;

    if (klen >= sizeof k || skip_value(s, &a) < 0)
        return -1;
    memcpy(k, key, klen);
    k[klen] = '\0';
    target = record_target(c);
    if (target >= 0 && plain_value(a, s->p, &pv, text) == 0)
        return c->is_link ? ag_edge_set_value(c->g, (size_t)target, k, &pv, NULL)
                          : ag_node_set_value(c->g, (size_t)target, k, &pv, NULL);
    if (!(v = decode(a, s->p)))
        return -1;
    if (target >= 0) {
        rc = set_json(c, target, k, v);
        json_decref(v);
        return rc;
    }
    if (!c->attrs && !(c->attrs = json_object())) {
        json_decref(v);
        return -1;
    }
    return json_object_set_new(c->attrs, k, v);
}

#define KEY_IS(lit) (klen == sizeof(lit) - 1 && memcmp(key, lit, klen) == 0)

static int node_field(scan *s, const char *key, size_t klen, void *ctx)
{
    fast_ctx *c = ctx;
    int is_int;

    if (KEY_IS("id")) {
        if (!id_token(s, c->id[0], sizeof c->id[0], &is_int))
            return -1;
        c->have[0] = 1;
        c->all_int &= is_int;
        c->node = ag_graph_add_node(c->g, c->id[0], NULL);
        return c->node < 0 ? -1 : 0;
    }
    return set_attr(s, key, klen, c);
}

static int link_field(scan *s, const char *key, size_t klen, void *ctx)
{
    fast_ctx *c = ctx;
    int k = KEY_IS("source") ? 0 : KEY_IS("target") ? 1 : -1, is_int;

    if (k >= 0) {
        if (c->have[k])
            return -1; /* a repeated endpoint: let jansson's reader sort it out */
        c->have[k] = 1;
        return id_token(s, c->id[k], sizeof c->id[k], &is_int) ? 0 : -1;
    }
    if (KEY_IS("weight")) {
        const char *a;
        char *e;
        if (skip_value(s, &a) < 0)
            return -1;
        c->weight = strtod(a, &e);
        c->has_weight = 1;
        /* strtod also takes "Infinity" and "nan", which are not JSON: leave those to
         * jansson's reader, which refuses them with a position. */
        return (e == s->p && (*a == '-' || (*a >= '0' && *a <= '9')) && isfinite(c->weight)) ? 0
                                                                                             : -1;
    }
    return set_attr(s, key, klen, c);
}

/* Move the collected attributes of a record onto its node or edge (target). */
static int take_attrs(long target, fast_ctx *c)
{
    const char *key;
    json_t *v;
    int rc = 0;

    if (c->attrs) {
        if (target < 0)
            rc = -1;
        json_object_foreach(c->attrs, key, v)
        {
            if (rc == 0 && set_json(c, target, key, v) < 0)
                rc = -1;
        }
        json_decref(c->attrs);
        c->attrs = NULL;
    }
    return rc;
}

static int fast_nodes(scan *s, fast_ctx *c, size_t max_nodes)
{
    if (!eat(s, '['))
        return -1;
    if (eat(s, ']'))
        return 0;
    do {
        c->have[0] = 0;
        c->node = -1;
        c->is_link = 0;
        if (record(s, node_field, c) < 0 || !c->have[0] || ag_graph_node_count(c->g) > max_nodes ||
            take_attrs(c->attrs ? record_target(c) : -1, c) < 0)
            return -1;
    } while (eat(s, ','));
    return eat(s, ']') ? 0 : -1;
}

static int fast_links(scan *s, fast_ctx *c)
{
    if (!eat(s, '['))
        return -1;
    if (eat(s, ']'))
        return 0;
    do {
        c->have[0] = c->have[1] = c->has_weight = 0;
        c->edge = -1;
        c->is_link = 1;
        if (record(s, link_field, c) < 0 || !c->have[0] || !c->have[1])
            return -1;
        resolve_edge(c); /* if no attribute did */
        if (c->edge < 0)
            return -1;
        if (c->has_weight)
            ag_edge_set_weight(c->g, (size_t)c->edge, c->weight);
        if (take_attrs(c->edge, c) < 0)
            return -1;
    } while (eat(s, ','));
    return eat(s, ']') ? 0 : -1;
}

static int fast_root_field(scan *s, const char *key, size_t klen, void *ctx)
{
    fast_ctx *c = ctx;
    const char *a;

    if (KEY_IS("nodes"))
        return c->have[1] ? -1 : fast_nodes(s, c, (size_t)-1); /* links first: give up */
    if (KEY_IS("links") || KEY_IS("edges")) {
        c->have[1] = 1;
        return fast_links(s, c);
    }
    if (skip_value(s, &a) < 0)
        return -1;
    if (KEY_IS("directed") || KEY_IS("multigraph")) {
        int t = s->p - a == 4 && !memcmp(a, "true", 4);
        if (!t && !(s->p - a == 5 && !memcmp(a, "false", 5)))
            return -1;
        if (KEY_IS("directed"))
            ag_graph_set_directed(c->g, t);
        else
            ag_graph_set_multigraph(c->g, t);
        return 0;
    }
    if (KEY_IS("graph")) {
        json_t *v = decode(a, s->p);
        int rc = json_is_object(v) ? json_object_update(ag_graph_attrs(c->g), v) : -1;
        json_decref(v);
        return rc;
    }
    return 0;
}

/* Only records (not nodes before links, flags before records) make this order-sensitive:
 * "directed" must come before links for the edge table, which networkx guarantees. */
static ag_graph *read_json_fast(const char *buf, size_t len, const ag_read_limits *limits)
{
    scan s = {buf, buf + len};
    fast_ctx *c = calloc(1, sizeof *c);
    ag_graph *g = NULL;

    if (!c || !(c->g = ag_graph_new(0)))
        goto out;
    c->all_int = 1;
    c->last_src_node = -1;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        s.p += 3;
    if (record(&s, fast_root_field, c) < 0 || (ws(&s), s.p != s.end) ||
        ag_graph_node_count(c->g) > limits->max_nodes)
        goto out;
    ag_graph_set_integer_ids(c->g, c->all_int && ag_graph_node_count(c->g) > 0);
    g = c->g;
    c->g = NULL;
out:
    if (c) {
        json_decref(c->attrs);
        ag_graph_free(c->g);
    }
    free(c);
    return g;
}

ag_graph *ag__read_json(const char *buf, size_t len, const char *name, const ag_read_limits *limits,
                        ag_error *err)
{
    reader r = {buf, len, name, err};
    json_error_t jerr;
    json_t *root, *v, *nodes, *links;
    const char *lkey = "links";
    ag_graph *g = NULL;
    int all_int = 1;

    if ((g = read_json_fast(buf, len, limits)))
        return g;
    root = json_loadb(buf, len, 0, &jerr);
    if (!root) {
        ag_error_set(err, AG_EPARSE, name, jerr.line > 0 ? jerr.line : 0,
                     jerr.column > 0 ? jerr.column : 0, "%s", jerr.text);
        if (err && err->offset < 0 && jerr.position >= 0)
            err->offset = jerr.position;
        return NULL;
    }
    if (!json_is_object(root)) {
        ag_error_set(err, AG_EINVAL, name, 1, 1, "node-link JSON must be an object, not %s",
                     type_word(root));
        goto out;
    }
    nodes = json_object_get(root, "nodes");
    links = json_object_get(root, "links");
    if (!links && (links = json_object_get(root, "edges")))
        lkey = "edges"; /* networkx >= 3.4 can be told to write "edges" */
    if (!nodes || !json_is_array(nodes) || (links && !json_is_array(links))) {
        ag_error_set(err, AG_EINVAL, name, 1, 1,
                     "node-link JSON needs a \"nodes\" array (and a \"links\" array)");
        goto out;
    }
    /* "directed": "yes" must not quietly become an undirected graph. */
    for (int i = 0; i < 2; i++) {
        const char *key = i ? "multigraph" : "directed";
        if ((v = json_object_get(root, key)) && !json_is_boolean(v)) {
            ag_error_set(err, AG_EINVAL, name, 1, 1, "\"%s\" must be true or false, not %s", key,
                         type_word(v));
            goto out;
        }
    }
    if (!(g = ag_graph_new(json_is_true(json_object_get(root, "directed"))))) {
        ag_error_set(err, AG_ENOMEM, name, 0, 0, "out of memory");
        goto out;
    }
    ag_graph_set_multigraph(g, json_is_true(json_object_get(root, "multigraph")));
    if ((v = json_object_get(root, "graph"))) {
        if (!json_is_object(v)) {
            ag_error_set(err, AG_EINVAL, name, 1, 1, "\"graph\" must be an object, not %s",
                         type_word(v));
            goto fail;
        }
        if (json_object_update(ag_graph_attrs(g), v) < 0)
            goto fail;
    }
    if (read_nodes(&r, g, nodes, limits->max_nodes, &all_int) < 0 ||
        (links && read_links(&r, g, links, lkey) < 0))
        goto fail;
    ag_graph_set_integer_ids(g, all_int && ag_graph_node_count(g) > 0);
    goto out;
fail:
    ag_graph_free(g);
    g = NULL;
out:
    json_decref(root);
    return g;
}
