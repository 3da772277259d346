/*
 * gml_read.c - the GML reader, hand-written like the writer (igraph's reader would need its
 * global error handler and a second attribute model; the format is small).
 *
 * Reading accepts what gml_write.c writes that and what networkx and igraph write: repeated keys
 * become lists (with networkx's "_networkx_list_start" marker), nested [ ] lists become JSON
 * objects, strings may span lines, character references are decoded, and a node's
 * label (networkx), else its name (igraph), else its GML id becomes its id in the model.
 * Errors carry line and column.
 *
 * Time complexity: O(input bytes), edges
 * being resolved through a hash of GML ids once all nodes are known.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/array_internal.h"
#include "io/formats_internal.h"
#include "io/io_internal.h"

/* ================================================================== reader */

enum tok { T_EOF, T_KEY, T_INT, T_REAL, T_STRING, T_OPEN, T_CLOSE };

typedef struct mr {
    const char *p, *end;          /* cursor and end of input */
    const char *line_start;       /* start of the current line, for columns */
    long line;                    /* current line (1-based) */
    const char *name;             /* source name */
    const ag_read_limits *limits; /* never NULL */
    ag_error *err;                /* where errors go */
    /* the current token */
    enum tok t;        /* its kind */
    const char *a, *b; /* its text */
    long tline, tcol;  /* where it starts */
    ag__buf str;       /* decoded T_STRING text */
    int depth;         /* nesting of [ ] */
} mr;

__attribute__((format(printf, 2, 3))) static int rfail(mr *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ag_error_setv(r->err, AG_EPARSE, r->name, r->tline, r->tcol, fmt, ap);
    va_end(ap);
    return -1;
}

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Append the UTF-8 encoding of code point c. */
static int add_utf8(ag__buf *b, uint32_t c)
{
    char u[4];
    size_t n;
    if (c < 0x80)
        u[0] = (char)c, n = 1;
    else if (c < 0x800)
        u[0] = (char)(0xC0 | c >> 6), u[1] = (char)(0x80 | (c & 0x3F)), n = 2;
    else if (c < 0x10000)
        u[0] = (char)(0xE0 | c >> 12), u[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
        u[2] = (char)(0x80 | (c & 0x3F)), n = 3;
    else
        u[0] = (char)(0xF0 | c >> 18), u[1] = (char)(0x80 | ((c >> 12) & 0x3F)),
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F)), u[3] = (char)(0x80 | (c & 0x3F)), n = 4;
    return ag__buf_add(b, u, n);
}

/* Decode a string body [a, b) into r->str: character references and the five XML
 * entities; anything else is kept as it is. */
static int decode_string(mr *r, const char *a, const char *b)
{
    static const struct {
        const char *name;
        char c;
    } ents[] = {{"amp;", '&'}, {"quot;", '"'}, {"lt;", '<'}, {"gt;", '>'}, {"apos;", '\''}};

    ag__buf_reset(&r->str);
    if (ag__buf_add(&r->str, "", 0) < 0)
        return -1;
    while (a < b) {
        const char *amp = memchr(a, '&', (size_t)(b - a));
        if (!amp)
            return ag__buf_add(&r->str, a, (size_t)(b - a));
        if (ag__buf_add(&r->str, a, (size_t)(amp - a)) < 0)
            return -1;
        a = amp + 1;
        if (a < b && *a == '#') {
            const char *q = a + 1;
            int hex = q < b && (*q == 'x' || *q == 'X');
            uint32_t c = 0;
            int digits = 0;
            if (hex)
                q++;
            for (; q < b && digits < 8; q++, digits++) {
                int v = is_digit(*q)                    ? *q - '0'
                        : hex && *q >= 'a' && *q <= 'f' ? *q - 'a' + 10
                        : hex && *q >= 'A' && *q <= 'F' ? *q - 'A' + 10
                                                        : -1;
                if (v < 0)
                    break;
                c = c * (hex ? 16 : 10) + (uint32_t)v;
            }
            if (digits && q < b && *q == ';' && c > 0 && c <= 0x10FFFF &&
                !(c >= 0xD800 && c <= 0xDFFF)) {
                if (add_utf8(&r->str, c) < 0)
                    return -1;
                a = q + 1;
                continue;
            }
        } else {
            size_t i;
            for (i = 0; i < sizeof ents / sizeof ents[0]; i++) {
                size_t k = strlen(ents[i].name);
                if ((size_t)(b - a) >= k && memcmp(a, ents[i].name, k) == 0) {
                    if (ag__buf_add(&r->str, &ents[i].c, 1) < 0)
                        return -1;
                    a += k;
                    break;
                }
            }
            if (i < sizeof ents / sizeof ents[0])
                continue;
        }
        if (ag__buf_add(&r->str, "&", 1) < 0)
            return -1;
    }
    return 0;
}

/* Read the next token into r. */
static int lex(mr *r)
{
    for (;;) {
        while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\r' || *r->p == '\n')) {
            if (*r->p == '\n') {
                r->line++;
                r->line_start = r->p + 1;
            }
            r->p++;
        }
        if (r->p < r->end && *r->p == '#') {
            while (r->p < r->end && *r->p != '\n')
                r->p++;
            continue;
        }
        break;
    }
    r->tline = r->line;
    r->tcol = (long)(r->p - r->line_start) + 1;
    r->a = r->p;
    if (r->p >= r->end || *r->p == '\0') {
        r->t = T_EOF;
        return 0;
    }
    switch (*r->p) {
    case '[':
        r->p++;
        r->t = T_OPEN;
        return 0;
    case ']':
        r->p++;
        r->t = T_CLOSE;
        return 0;
    case '"': {
        const char *q = r->p + 1;
        while (q < r->end && *q != '"') {
            if (*q == '\n') {
                r->line++;
                r->line_start = q + 1;
            }
            q++;
        }
        if (q >= r->end)
            return rfail(r, "string not closed");
        if (decode_string(r, r->p + 1, q) < 0) {
            ag_error_set(r->err, AG_ENOMEM, r->name, 0, 0, "out of memory");
            return -1;
        }
        r->p = q + 1;
        r->b = r->p;
        r->t = T_STRING;
        return 0;
    }
    default:
        break;
    }
    if (is_alpha(*r->p) || *r->p == '_') {
        while (r->p < r->end && (is_alpha(*r->p) || is_digit(*r->p) || *r->p == '_'))
            r->p++;
        r->b = r->p;
        r->t = T_KEY;
        return 0;
    }
    if (*r->p == '+' || *r->p == '-' || *r->p == '.' || is_digit(*r->p)) {
        const char *q = r->p;
        int real = 0;
        if (*q == '+' || *q == '-')
            q++;
        if ((size_t)(r->end - q) >= 3 && strncasecmp(q, "INF", 3) == 0) {
            q += 3;
            real = 1;
        } else {
            while (q < r->end && is_digit(*q))
                q++;
            if (q < r->end && *q == '.') {
                real = 1;
                q++;
                while (q < r->end && is_digit(*q))
                    q++;
            }
            if (q < r->end && (*q == 'e' || *q == 'E')) {
                const char *e = q + 1;
                if (e < r->end && (*e == '+' || *e == '-'))
                    e++;
                if (e < r->end && is_digit(*e)) {
                    real = 1;
                    q = e;
                    while (q < r->end && is_digit(*q))
                        q++;
                }
            }
        }
        r->p = q;
        r->b = q;
        r->t = real ? T_REAL : T_INT;
        if (r->b - r->a == 1 && !is_digit(*r->a))
            return rfail(r, "unexpected '%c'", *r->a);
        return 0;
    }
    return rfail(r, "unexpected character '%c'", *r->p);
}

static json_t *parse_list(mr *r);

/* A string that is not UTF-8: GML's own definition says ISO 8859-1, so take it as that. */
static json_t *latin1_string(const char *s, size_t n)
{
    ag__buf b = {0};
    json_t *v = NULL;
    for (size_t i = 0; i < n; i++)
        if (add_utf8(&b, (unsigned char)s[i]) < 0)
            goto out;
    v = json_stringn(b.p ? b.p : "", b.len);
out:
    ag__buf_free(&b);
    return v;
}

/* jansson has no NaN or infinities: those are kept as the strings our JSON writer
 * would print for them. */
static json_t *real_value(double d)
{
    if (isnan(d))
        return json_string("NaN");
    if (isinf(d))
        return json_string(d > 0 ? "Infinity" : "-Infinity");
    return json_real(d);
}

/* The value of the current token (already lexed) as JSON; nested lists as objects. */
static json_t *parse_value(mr *r)
{
    char num[64];
    size_t n = (size_t)(r->b - r->a);

    switch (r->t) {
    case T_STRING: {
        json_t *v = json_stringn(r->str.p, r->str.len);
        if (!v)
            v = latin1_string(r->str.p, r->str.len);
        if (!v)
            ag_error_set(r->err, AG_ENOMEM, r->name, 0, 0, "out of memory");
        return v;
    }
    case T_INT:
    case T_REAL:
        if (n >= sizeof num) {
            rfail(r, "number too long");
            return NULL;
        }
        memcpy(num, r->a, n);
        num[n] = '\0';
        if (r->t == T_INT) {
            long long v;
            errno = 0;
            v = strtoll(num, NULL, 10);
            if (errno == 0)
                return json_integer(v);
        }
        return real_value(strtod(num, NULL));
    case T_KEY:
        /* Bare NaN / INF as some writers put them. */
        if ((n == 3 && strncasecmp(r->a, "NAN", 3) == 0))
            return real_value(NAN);
        if (n == 3 && strncasecmp(r->a, "INF", 3) == 0)
            return real_value(INFINITY);
        rfail(r, "expected a value, found '%.*s'", (int)(n > 40 ? 40 : n), r->a);
        return NULL;
    case T_OPEN:
        if ((size_t)++r->depth > r->limits->max_depth) {
            rfail(r, "lists nested deeper than the limit of %zu", r->limits->max_depth);
            return NULL;
        }
        {
            json_t *o = parse_list(r);
            r->depth--;
            return o;
        }
    default:
        rfail(r, "expected a value");
        return NULL;
    }
}

#define LIST_START "_networkx_list_start"

/* Add key = v to obj; a repeated key makes a list (networkx writes lists that way). */
static int add_pair(json_t *obj, const char *key, json_t *v)
{
    json_t *old = json_object_get(obj, key);
    if (json_is_string(v) && strcmp(json_string_value(v), LIST_START) == 0) {
        json_decref(v);
        if (!old)
            return json_object_set_new(obj, key, json_array());
        if (!json_is_array(old)) {
            json_t *arr = json_array();
            if (json_array_append(arr, old) < 0)
                return json_decref(arr), -1;
            return json_object_set_new(obj, key, arr);
        }
        return 0;
    }
    if (!old)
        return json_object_set_new(obj, key, v);
    if (json_is_array(old))
        return json_array_append_new(old, v);
    {
        json_t *arr = json_array();
        if (!arr || json_array_append(arr, old) < 0 || json_array_append_new(arr, v) < 0) {
            json_decref(arr);
            return -1;
        }
        return json_object_set_new(obj, key, arr);
    }
}

/* KEY value pairs up to the closing ']' (consumed) as an object. */
static json_t *parse_list(mr *r)
{
    json_t *obj = json_object();
    char key[256];

    if (!obj)
        goto nomem;
    for (;;) {
        json_t *v;
        size_t n;
        if (lex(r) < 0)
            goto fail;
        if (r->t == T_CLOSE)
            return obj;
        if (r->t != T_KEY) {
            rfail(r, r->t == T_EOF ? "missing ']'" : "expected a key");
            goto fail;
        }
        n = (size_t)(r->b - r->a);
        if (n >= sizeof key) {
            rfail(r, "key too long");
            goto fail;
        }
        memcpy(key, r->a, n);
        key[n] = '\0';
        if (lex(r) < 0 || !(v = parse_value(r))) {
            if (!ag_error_isset(r->err))
                ag_error_set(r->err, AG_ENOMEM, r->name, 0, 0, "out of memory");
            goto fail;
        }
        if (add_pair(obj, key, v) < 0)
            goto nomem;
    }
nomem:
    ag_error_set(r->err, AG_ENOMEM, r->name, 0, 0, "out of memory");
fail:
    json_decref(obj);
    return NULL;
}

/* A pending edge: endpoints by GML id text, resolved when all nodes are known. */
typedef struct pedge {
    char *src, *dst; /* GML ids as text */
    json_t *attrs;   /* remaining attributes (owned) */
    long line, col;  /* where the edge starts, for messages */
} pedge;

/* Text form of a node id value (int or string), into buf. */
static const char *id_text(const json_t *v, char *buf, size_t size)
{
    if (json_is_integer(v)) {
        snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf;
    }
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_real(v) && json_real_value(v) == floor(json_real_value(v))) {
        snprintf(buf, size, "%.0f", json_real_value(v));
        return buf;
    }
    return NULL;
}

typedef struct gml_state {
    ag_graph *g;             /* result, ids are labels (or GML ids) */
    ag_graph *ids;           /* index: GML id text -> node index (same numbering as g) */
    pedge *edges;            /* pending edges */
    size_t nedges, capedges; /* pending edges in use, allocated */
    int any_label;           /* some node had a label that differs from its integer id */
    int all_int_ids;         /* every GML id is an integer */
} gml_state;

static int take_node(mr *r, gml_state *st, json_t *obj)
{
    char buf[32];
    const json_t *idv = json_object_get(obj, "id"), *lab = json_object_get(obj, "label");
    const char *id = id_text(idv, buf, sizeof buf), *name;
    long i, k;

    if (!id && json_is_real(idv))
        return rfail(r, "node id %g is not an integer or a string", json_real_value(idv));
    if (!id)
        return rfail(r, "node without an id");
    if (!json_is_integer(idv))
        st->all_int_ids = 0;
    if (ag_graph_find_node(st->ids, id) >= 0)
        return rfail(r, "node id %s defined twice", id);
    if (ag_graph_node_count(st->g) >= r->limits->max_nodes) {
        ag_error_set(r->err, AG_ELIMIT, r->name, r->tline, 0, "more than %zu nodes",
                     r->limits->max_nodes);
        return -1;
    }
    /* networkx names nodes by "label", igraph by "name". */
    if (!json_is_string(lab) && json_is_string(json_object_get(obj, "name")))
        lab = json_object_get(obj, "name");
    name = json_is_string(lab) ? json_string_value(lab) : id;
    st->any_label |= json_is_string(lab) && !(json_is_integer(idv) && strcmp(name, id) == 0);
    if (ag_graph_find_node(st->g, name) >= 0)
        return rfail(r, "two nodes are labelled '%.80s'", name);
    if ((i = ag_graph_add_node(st->g, name, r->err)) < 0 ||
        (k = ag_graph_add_node(st->ids, id, r->err)) < 0)
        return -1;
    if (json_is_string(lab))
        json_object_del(obj, lab == json_object_get(obj, "label") ? "label" : "name");
    json_object_del(obj, "id");
    if (json_object_size(obj)) {
        if (ag__row_update(st->g, 0, (size_t)i, obj) < 0) {
            ag_error_set(r->err, AG_ENOMEM, r->name, 0, 0, "out of memory");
            return -1;
        }
    }
    return 0;
}

static int take_edge(mr *r, gml_state *st, json_t *obj, long line, long col)
{
    char b1[32], b2[32];
    const char *s = id_text(json_object_get(obj, "source"), b1, sizeof b1);
    const char *t = id_text(json_object_get(obj, "target"), b2, sizeof b2);
    pedge *pe;

    if (!s || !t) {
        r->tline = line, r->tcol = col;
        return rfail(r, "edge without a %s", s ? "target" : "source");
    }
    if (ag__grow(&st->edges, &st->capedges, st->nedges + 1, sizeof *st->edges) < 0)
        goto nomem;
    pe = &st->edges[st->nedges];
    pe->src = strdup(s);
    pe->dst = strdup(t);
    pe->line = line;
    pe->col = col;
    if (!pe->src || !pe->dst) {
        free(pe->src);
        free(pe->dst);
        goto nomem;
    }
    json_object_del(obj, "source");
    json_object_del(obj, "target");
    pe->attrs = json_incref(obj);
    st->nedges++;
    return 0;
nomem:
    ag_error_set(r->err, AG_ENOMEM, r->name, 0, 0, "out of memory");
    return -1;
}

static int resolve_edges(mr *r, gml_state *st)
{
    for (size_t k = 0; k < st->nedges; k++) {
        pedge *pe = &st->edges[k];
        long a = ag_graph_find_node(st->ids, pe->src), b = ag_graph_find_node(st->ids, pe->dst), e;
        json_t *w;
        if (a < 0 || b < 0) {
            r->tline = pe->line, r->tcol = pe->col;
            return rfail(r, "edge refers to undefined node %s", a < 0 ? pe->src : pe->dst);
        }
        e = ag_graph_is_multigraph(st->g) ? -1 : ag_graph_find_edge(st->g, (size_t)a, (size_t)b);
        if (e < 0 && (e = ag_graph_add_edge(st->g, (size_t)a, (size_t)b, r->err)) < 0)
            return -1;
        w = json_object_get(pe->attrs, "weight");
        if (json_is_number(w)) {
            ag_edge_set_weight(st->g, (size_t)e, json_number_value(w));
            json_object_del(pe->attrs, "weight");
        }
        if (json_object_size(pe->attrs)) {
            if (ag__row_update(st->g, 1, (size_t)e, pe->attrs) < 0) {
                ag_error_set(r->err, AG_ENOMEM, r->name, 0, 0, "out of memory");
                return -1;
            }
        }
    }
    return 0;
}

/* After "graph" "[": the graph's pairs up to its ']'. */
static int parse_graph(mr *r, gml_state *st)
{
    char key[256];

    for (;;) {
        long line, col;
        size_t n;
        json_t *v;
        int rc;

        if (lex(r) < 0)
            return -1;
        if (r->t == T_CLOSE)
            return 0;
        if (r->t != T_KEY)
            return rfail(r,
                         r->t == T_EOF ? "missing ']' at the end of the graph" : "expected a key");
        n = (size_t)(r->b - r->a);
        if (n >= sizeof key)
            return rfail(r, "key too long");
        memcpy(key, r->a, n);
        key[n] = '\0';
        line = r->tline;
        col = r->tcol;
        if (lex(r) < 0)
            return -1;
        if ((strcmp(key, "node") == 0 || strcmp(key, "edge") == 0) && r->t != T_OPEN)
            return rfail(r, "expected '[' after %s", key);
        if (!(v = parse_value(r)))
            return -1;
        if (strcmp(key, "node") == 0) {
            rc = take_node(r, st, v);
        } else if (strcmp(key, "edge") == 0) {
            rc = take_edge(r, st, v, line, col);
        } else if (strcmp(key, "directed") == 0) {
            ag_graph_set_directed(st->g, json_is_number(v) && json_number_value(v) != 0);
            rc = 0;
        } else if (strcmp(key, "multigraph") == 0) {
            ag_graph_set_multigraph(st->g, json_is_number(v) && json_number_value(v) != 0);
            rc = 0;
        } else {
            rc = add_pair(ag_graph_attrs(st->g), key, json_incref(v));
            if (rc < 0)
                ag_error_set(r->err, AG_ENOMEM, r->name, 0, 0, "out of memory");
        }
        json_decref(v);
        if (rc < 0)
            return -1;
    }
}

ag_graph *ag__read_gml(const char *buf, size_t len, const char *name, const ag_read_limits *limits,
                       ag_error *err)
{
    mr r;
    gml_state st;
    ag_graph *result = NULL;
    int seen_graph = 0;

    memset(&r, 0, sizeof r);
    memset(&st, 0, sizeof st);
    r.p = r.line_start = buf;
    r.end = buf + len;
    r.line = 1;
    r.name = name;
    r.limits = limits;
    r.err = err;
    st.all_int_ids = 1;
    if (!(st.g = ag_graph_new(0)) || !(st.ids = ag_graph_new(0))) {
        ag_error_set(err, AG_ENOMEM, name, 0, 0, "out of memory");
        goto out;
    }
    /* Top level: Creator, Version, ... and one graph [ ... ]. */
    for (;;) {
        if (lex(&r) < 0)
            goto out;
        if (r.t == T_EOF)
            break;
        if (r.t != T_KEY) {
            rfail(&r, "expected a key");
            goto out;
        }
        if (r.b - r.a == 5 && memcmp(r.a, "graph", 5) == 0 && seen_graph) {
            rfail(&r, "a second graph: one graph per input");
            goto out;
        }
        if (r.b - r.a == 5 && memcmp(r.a, "graph", 5) == 0) {
            if (lex(&r) < 0)
                goto out;
            if (r.t != T_OPEN) {
                rfail(&r, "expected '[' after graph");
                goto out;
            }
            if (parse_graph(&r, &st) < 0)
                goto out;
            seen_graph = 1;
        } else {
            json_t *v;
            if (lex(&r) < 0 || !(v = parse_value(&r)))
                goto out;
            json_decref(v);
        }
    }
    if (!seen_graph) {
        ag_error_set(err, AG_EPARSE, name, r.line, 0, "no 'graph [ ... ]' in GML input");
        goto out;
    }
    if (resolve_edges(&r, &st) < 0)
        goto out;
    if (!st.any_label && st.all_int_ids && ag_graph_node_count(st.g) > 0)
        ag_graph_set_integer_ids(st.g, 1);
    result = st.g;
    st.g = NULL;
out:
    for (size_t k = 0; k < st.nedges; k++) {
        free(st.edges[k].src);
        free(st.edges[k].dst);
        json_decref(st.edges[k].attrs);
    }
    free(st.edges);
    ag_graph_free(st.g);
    ag_graph_free(st.ids);
    ag__buf_free(&r.str);
    return result;
}
