/*
 * graphml_read.c - the GraphML reader (libxml2's streaming xmlTextReader, set up and
 * its errors translated in xml_read.c). What the writer puts in <desc> (see
 * graphml_write.c) lets this reader restore the exact graph.
 *
 * Reading. The reader streams (a million-link file never becomes a DOM) and accepts
 * what networkx, igraph, graph-tool, yEd and Gephi write: typed keys with defaults,
 * directed and undirected graphs, edge weights, nested graphs (flattened), yEd node
 * labels. Node names: our own files name the key that holds them (actorgraph:node-id);
 * in files from programs that number their nodes (igraph's n0, n1, ..., yEd's n1::n0,
 * Gephi's 0, 1, ...) a string key "name" (igraph), else "label" (graph-tool, Gephi,
 * yEd's node labels), that names every node uniquely supplies the ids (node_names.c).
 * Every key keeps its declared type. Security (no DOCTYPE, no entity expansion, no
 * network) is xml_read.c's.
 *
 * Time complexity: O(input bytes) plus one O(V + E) copy when nodes are renamed.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <actorgraph/graph/style.h>

#include "util/array_internal.h"
#include "io/formats_internal.h"
#include "io/io_internal.h"
#include "io/xml_internal.h"

#include "io/graphml_internal.h"

/* ================================================================== reader */

enum { DOM_GRAPH = 1, DOM_NODE = 2, DOM_EDGE = 4, DOM_ALL = 7 };
enum { T_STRING, T_BOOL, T_INT, T_REAL };
enum { M_NONE, M_LIST, M_JSON, M_NODEID, M_VISUAL, M_YNODE, M_YOTHER };

typedef struct rkey {
    char *id;    /* key id */
    char *name;  /* attr.name, or the id when there is none */
    int domain;  /* DOM_* bits it applies to */
    int type;    /* T_* */
    int mark;    /* M_*: how values are decoded */
    char *deflt; /* <default> text or NULL */
} rkey;

typedef struct rd {
    ag__xml x;                   /* the reader, the source name, the limits and *err */
    ag_graph *g;                 /* built with GraphML ids as node ids */
    rkey *keys;                  /* declared keys */
    size_t nkeys, capkeys, hint; /* count, allocated, lookup hint */
    long nodeid_key;             /* index of the node-id key, -1 */
    json_t **names;              /* per node: value of the node-id key (owned) or NULL */
    size_t capnames;             /* allocated entries of names */
    int graphs;                  /* top-level <graph> elements seen */
    ag__buf text;                /* text of the current <data> */
    int integer_ids;             /* the node-id key says the names were integers */
    long *refline;               /* per node: 0 once a <node> declares it, else the line of the
                                  * first <edge> naming it (an undeclared node is an error) */
    size_t caprefline;           /* allocated entries of refline */
} rd;

/* The reader's steps (xml_read.c), named as this file uses them. */
static long cur_line(rd *s) { return ag__xml_line(&s->x); }

__attribute__((format(printf, 3, 4))) static int fail(rd *s, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ag_error_setv(s->x.err, code, s->x.name, cur_line(s), 0, fmt, ap);
    va_end(ap);
    return -1;
}

static const char *lname(rd *s) { return ag__xml_lname(&s->x); }

static char *get_attr(rd *s, const char *name) { return ag__xml_attr(&s->x, name); }

static int next(rd *s) { return ag__xml_next(&s->x); }

static int skip_element(rd *s) { return ag__xml_skip(&s->x); }

static int next_child(rd *s, int depth) { return ag__xml_next_child(&s->x, depth); }

/* Text content of the current element (start tag), concatenated, into s->text. When
 * `ynode` is set, yEd's graphics: take the first NodeLabel's text instead, and the
 * Geometry's x, y into *x, *y. */
static int element_text(rd *s, int ynode, double *x, double *y, int *has_xy)
{
    int depth = xmlTextReaderDepth(s->x.r), rc, in_label = 0, got_label = 0;

    ag__buf_reset(&s->text);
    if (xmlTextReaderIsEmptyElement(s->x.r))
        return 0;
    while ((rc = next(s)) == 1) {
        int type = xmlTextReaderNodeType(s->x.r);
        if (type == XML_READER_TYPE_END_ELEMENT) {
            if (xmlTextReaderDepth(s->x.r) == depth)
                return 0;
            if (in_label && strcmp(lname(s), "NodeLabel") == 0)
                in_label = 0, got_label = 1;
            continue;
        }
        if (type == XML_READER_TYPE_ELEMENT) {
            if (!ynode)
                continue; /* text of children is still collected below */
            if (!got_label && strcmp(lname(s), "NodeLabel") == 0 &&
                !xmlTextReaderIsEmptyElement(s->x.r)) {
                ag__buf_reset(&s->text);
                in_label = 1;
            } else if (strcmp(lname(s), "Geometry") == 0 && !*has_xy) {
                char *ax = get_attr(s, "x"), *ay = get_attr(s, "y");
                if (ax && ay) {
                    *x = strtod(ax, NULL);
                    *y = strtod(ay, NULL);
                    *has_xy = 1;
                }
                xmlFree(ax);
                xmlFree(ay);
            }
            continue;
        }
        if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
             type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
             type == XML_READER_TYPE_WHITESPACE) &&
            (!ynode || in_label)) {
            const char *v = (const char *)xmlTextReaderConstValue(s->x.r);
            if (v && ag__buf_add(&s->text, v, strlen(v)) < 0)
                return fail(s, AG_ENOMEM, "out of memory");
        }
    }
    return rc < 0 ? -1 : fail(s, AG_EPARSE, "unexpected end of document");
}

static int parse_domain(const char *f)
{
    if (!f || strcmp(f, "all") == 0)
        return DOM_ALL;
    if (strcmp(f, "node") == 0)
        return DOM_NODE;
    if (strcmp(f, "edge") == 0)
        return DOM_EDGE;
    if (strcmp(f, "graph") == 0)
        return DOM_GRAPH;
    return 0; /* graphml, hyperedge, port, endpoint: nothing we keep */
}

static int parse_type(const char *t)
{
    if (!t || strcmp(t, "string") == 0)
        return T_STRING;
    if (strcmp(t, "boolean") == 0)
        return T_BOOL;
    if (strcmp(t, "int") == 0 || strcmp(t, "long") == 0 || strcmp(t, "integer") == 0)
        return T_INT;
    if (strcmp(t, "float") == 0 || strcmp(t, "double") == 0)
        return T_REAL;
    return -1;
}

static long find_key(rd *s, const char *id);

static int read_key(rd *s)
{
    char *id = get_attr(s, "id"), *dom = get_attr(s, "for"), *name = get_attr(s, "attr.name"),
         *type = get_attr(s, "attr.type"), *yf = get_attr(s, "yfiles.type");
    rkey *k;
    int rc = -1, depth;

    if (!id) {
        fail(s, AG_EPARSE, "<key> without an id");
        goto out;
    }
    if (find_key(s, id) >= 0) {
        fail(s, AG_EPARSE, "key '%s' declared twice", id);
        goto out;
    }
    if (ag__grow(&s->keys, &s->capkeys, s->nkeys + 1, sizeof *s->keys) < 0) {
        fail(s, AG_ENOMEM, "out of memory");
        goto out;
    }
    k = &s->keys[s->nkeys];
    memset(k, 0, sizeof *k);
    k->type = parse_type(type);
    if (k->type < 0) {
        fail(s, AG_EPARSE, "key '%s': unknown attr.type '%s'", id, type);
        goto out;
    }
    k->domain = parse_domain(dom);
    k->mark = yf ? (strcmp(yf, "nodegraphics") == 0 ? M_YNODE : M_YOTHER) : M_NONE;
    k->id = strdup(id);
    k->name = strdup(name ? name : id);
    if (!k->id || !k->name) {
        free(k->id);
        free(k->name);
        fail(s, AG_ENOMEM, "out of memory");
        goto out;
    }
    s->nkeys++;
    /* Children: <desc> (our markers) and <default>. */
    depth = xmlTextReaderDepth(s->x.r);
    if (!xmlTextReaderIsEmptyElement(s->x.r)) {
        int r2;
        while ((r2 = next_child(s, depth)) == 1) {
            if (strcmp(lname(s), "default") == 0 || strcmp(lname(s), "desc") == 0) {
                int is_default = strcmp(lname(s), "default") == 0;
                const char *d;
                if (element_text(s, 0, NULL, NULL, NULL) < 0)
                    goto out;
                d = s->text.p ? s->text.p : "";
                if (is_default) {
                    free(k->deflt);
                    if (!(k->deflt = strdup(d))) {
                        fail(s, AG_ENOMEM, "out of memory");
                        goto out;
                    }
                } else if (strcmp(d, MARK_VISUAL) == 0) {
                    k->mark = M_VISUAL;
                } else if (k->type == T_STRING) {
                    /* Our markers; other descriptions are just documentation. */
                    if (strcmp(d, MARK_LIST) == 0)
                        k->mark = M_LIST;
                    else if (strcmp(d, MARK_JSON) == 0)
                        k->mark = M_JSON;
                    else if ((strcmp(d, MARK_NODEID) == 0 || strcmp(d, MARK_NODEID_INT) == 0) &&
                             (k->domain & DOM_NODE)) {
                        k->mark = M_NODEID;
                        s->integer_ids = strcmp(d, MARK_NODEID_INT) == 0;
                    }
                }
            } else if (skip_element(s) < 0) {
                goto out;
            }
        }
        if (r2 < 0)
            goto out;
    }
    if (k->mark == M_NODEID && s->nodeid_key < 0)
        s->nodeid_key = (long)(s->nkeys - 1);
    rc = 0;
out:
    xmlFree(id);
    xmlFree(dom);
    xmlFree(name);
    xmlFree(type);
    xmlFree(yf);
    return rc;
}

static long find_key(rd *s, const char *id)
{
    for (size_t k = 0; k < s->nkeys; k++) {
        size_t i = (s->hint + k) % s->nkeys;
        if (strcmp(s->keys[i].id, id) == 0) {
            s->hint = i + 1 < s->nkeys ? i + 1 : 0;
            return (long)i;
        }
    }
    return -1;
}

/* Trimmed copy bounds of a number's text. */
static const char *trim(const char *t, size_t *n)
{
    const char *e;
    while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
        t++;
    e = t + strlen(t);
    while (e > t && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
        e--;
    *n = (size_t)(e - t);
    return t;
}

/* The JSON value of text under key k; NULL with *err set when it does not fit the type. */
static json_t *decode_value(rd *s, const rkey *k, const char *text, const char *what)
{
    size_t n;
    const char *t;
    char buf[64], *end;

    switch (k->type) {
    case T_BOOL:
        t = trim(text, &n);
        if ((n == 4 && strncasecmp(t, "true", 4) == 0) || (n == 1 && *t == '1'))
            return json_true();
        if ((n == 5 && strncasecmp(t, "false", 5) == 0) || (n == 1 && *t == '0'))
            return json_false();
        fail(s, AG_EINVAL, "%skey '%s' (boolean): '%.40s' is not true or false", what, k->name,
             text);
        return NULL;
    case T_INT:
    case T_REAL:
        t = trim(text, &n);
        if (n == 0 || n >= sizeof buf)
            goto bad_number;
        memcpy(buf, t, n);
        buf[n] = '\0';
        if (k->type == T_INT) {
            long long v;
            errno = 0;
            v = strtoll(buf, &end, 10);
            if (*end == '\0' && errno == 0)
                return json_integer(v);
            /* "3.0" from writers that type integers loosely: keep integral values. */
        }
        {
            double d = strtod(buf, &end);
            if (*end != '\0')
                goto bad_number;
            if (k->type == T_INT && d == floor(d) && fabs(d) < 9.2e18)
                return json_integer((json_int_t)d);
            if (k->type == T_INT)
                goto bad_number;
            /* jansson holds no NaN or infinity (json_real gives NULL for them): "inf",
             * "nan" and "1e999" failed with no error at all ("unknown error"). */
            if (!isfinite(d)) {
                fail(s, AG_EINVAL, "%skey '%s' (double): '%.40s' is not a finite number", what,
                     k->name, text);
                return NULL;
            }
            {
                json_t *v = json_real(d);
                if (!v)
                    goto nomem;
                return v;
            }
        }
    bad_number:
        fail(s, AG_EINVAL, "%skey '%s' (%s): '%.40s' is not a number", what, k->name,
             k->type == T_INT ? "integer" : "double", text);
        return NULL;
    default:
        if (k->mark == M_LIST) {
            json_t *arr = json_array();
            const char *p = text, *q;
            if (!arr)
                goto nomem;
            while (*p) {
                q = strstr(p, AG__LIST_SEP);
                if (!q)
                    q = p + strlen(p);
                if (json_array_append_new(arr, json_stringn(p, (size_t)(q - p))) < 0) {
                    json_decref(arr);
                    goto nomem;
                }
                p = *q ? q + AG__LIST_SEP_LEN : q;
            }
            return arr;
        }
        if (k->mark == M_JSON) {
            json_t *v = json_loads(text, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
            if (v)
                return v;
            /* Not JSON after all (edited by hand?): keep the text. */
        }
        {
            json_t *v = json_string(text);
            if (!v)
                v = json_stringn_nocheck(text, strlen(text)); /* libxml2 gave UTF-8 */
            if (!v)
                goto nomem;
            return v;
        }
    }
nomem:
    fail(s, AG_ENOMEM, "out of memory");
    return NULL;
}

/* Keep the node-id key's value of node i. */
static int set_name(rd *s, size_t i, json_t *v)
{
    if (i >= s->capnames) {
        size_t cap = s->capnames ? s->capnames : 1024;
        json_t **p;
        while (cap <= i)
            cap *= 2;
        if (!(p = realloc(s->names, cap * sizeof *p))) {
            json_decref(v);
            return fail(s, AG_ENOMEM, "out of memory");
        }
        memset(p + s->capnames, 0, (cap - s->capnames) * sizeof *p);
        s->names = p;
        s->capnames = cap;
    }
    json_decref(s->names[i]);
    s->names[i] = v;
    return 0;
}

/* Attribute key of the graph (dom DOM_GRAPH), node or edge idx: takes v (also on
 * failure). -1 when out of memory. */
static int put_value(rd *s, int dom, long idx, const char *key, json_t *v)
{
    int rc;

    if (dom == DOM_GRAPH)
        return json_object_set_new(ag_graph_attrs(s->g), key, v);
    rc = !v                ? -1
         : dom == DOM_NODE ? ag_node_set_json(s->g, (size_t)idx, key, v, NULL)
                           : ag_edge_set_json(s->g, (size_t)idx, key, v, NULL);
    json_decref(v);
    return rc;
}

/* One <data> element for the record of domain `dom` (node or edge index `idx`). */
static int read_data(rd *s, int dom, long idx)
{
    char *keyid = get_attr(s, "key");
    long ki;
    rkey *k;
    json_t *v;
    double x = 0, y = 0;
    int has_xy = 0, rc = -1;

    if (!keyid) {
        fail(s, AG_EPARSE, "<data> without a key");
        goto out;
    }
    if ((ki = find_key(s, keyid)) < 0) {
        fail(s, AG_EINVAL, "<data> refers to undeclared key '%s'", keyid);
        goto out;
    }
    k = &s->keys[ki];
    if (k->mark == M_YOTHER || k->mark == M_VISUAL || !(k->domain & dom) ||
        (k->mark == M_YNODE && dom != DOM_NODE)) {
        rc = skip_element(s);
        goto out;
    }
    if (element_text(s, k->mark == M_YNODE, &x, &y, &has_xy) < 0)
        goto out;
    if (k->mark == M_YNODE) {
        if (s->text.len && put_value(s, dom, idx, "label", json_string(s->text.p)) < 0)
            goto nomem;
        if (has_xy && (put_value(s, dom, idx, "x", json_real(x)) < 0 ||
                       put_value(s, dom, idx, "y", json_real(y)) < 0))
            goto nomem;
        rc = 0;
        goto out;
    }
    {
        char what[160];
        if (dom == DOM_NODE)
            snprintf(what, sizeof what, "node '%.100s': ", ag_node_id(s->g, (size_t)idx));
        else if (dom == DOM_EDGE)
            snprintf(what, sizeof what, "edge '%.60s' - '%.60s': ",
                     ag_node_id(s->g, ag_edge_source(s->g, (size_t)idx)),
                     ag_node_id(s->g, ag_edge_target(s->g, (size_t)idx)));
        else
            what[0] = '\0';
        if (!(v = decode_value(s, k, s->text.p ? s->text.p : "", what)))
            goto out;
    }
    if (dom == DOM_EDGE && strcmp(k->name, "weight") == 0 && json_is_number(v)) {
        ag_edge_set_weight(s->g, (size_t)idx, json_number_value(v));
        json_decref(v);
    } else if (dom == DOM_NODE && ki == s->nodeid_key) {
        if (set_name(s, (size_t)idx, v) < 0)
            goto out;
    } else if (put_value(s, dom, idx, k->name, v) < 0) {
        goto nomem;
    }
    rc = 0;
    goto out;
nomem:
    fail(s, AG_ENOMEM, "out of memory");
out:
    xmlFree(keyid);
    return rc;
}

/* Children of a <node> or <edge>: data elements, and nested graphs in nodes. */
static int read_graph_body(rd *s);

static int read_record(rd *s, int dom, long idx)
{
    int depth = xmlTextReaderDepth(s->x.r), rc;

    if (xmlTextReaderIsEmptyElement(s->x.r))
        return 0;
    while ((rc = next_child(s, depth)) == 1) {
        const char *nm = lname(s);
        if (strcmp(nm, "data") == 0)
            rc = read_data(s, dom, idx);
        else if (strcmp(nm, "graph") == 0 && dom == DOM_NODE)
            rc = read_graph_body(s); /* a nested graph (yEd groups) joins the main graph */
        else
            rc = skip_element(s);
        if (rc < 0)
            return -1;
    }
    return rc;
}

/* The node with GraphML id `id`, created on first sight. declared: a <node> names it,
 * else an <edge> does (the <node> may come later in the file; one that never comes is an
 * error, as in the JSON reader). */
static long node_ref(rd *s, const char *id, int declared)
{
    long i = ag_graph_find_node(s->g, id);
    if (i < 0) {
        if (ag_graph_node_count(s->g) >= s->x.limits->max_nodes)
            return fail(s, AG_ELIMIT, "more than %zu nodes", s->x.limits->max_nodes);
        if ((i = ag_graph_add_node(s->g, id, s->x.err)) < 0 ||
            ag__grow(&s->refline, &s->caprefline, (size_t)i + 1, sizeof *s->refline) < 0)
            return fail(s, AG_ENOMEM, "out of memory");
        s->refline[i] = declared ? 0 : (cur_line(s) > 0 ? cur_line(s) : 1);
    } else if (declared) {
        s->refline[i] = 0;
    }
    return i;
}

static int read_node(rd *s)
{
    char *id = get_attr(s, "id");
    long i;
    int rc = -1;

    if (!id)
        return fail(s, AG_EPARSE, "<node> without an id");
    if ((i = node_ref(s, id, 1)) >= 0)
        rc = read_record(s, DOM_NODE, i);
    xmlFree(id);
    return rc;
}

static int read_edge(rd *s)
{
    char *src = get_attr(s, "source"), *dst = get_attr(s, "target");
    long a, b, e;
    int rc = -1;

    if (!src || !dst) {
        fail(s, AG_EPARSE, "<edge> without %s", src ? "a target" : "a source");
        goto out;
    }
    if ((a = node_ref(s, src, 0)) < 0 || (b = node_ref(s, dst, 0)) < 0)
        goto out;
    /* GraphML has no multigraph flag: parallel edges make one (as networkx does). */
    if (!ag_graph_is_multigraph(s->g) && ag_graph_find_edge(s->g, (size_t)a, (size_t)b) >= 0)
        ag_graph_set_multigraph(s->g, 1);
    if ((e = ag_graph_add_edge(s->g, (size_t)a, (size_t)b, s->x.err)) < 0) {
        fail(s, AG_ENOMEM, "out of memory");
        goto out;
    }
    rc = read_record(s, DOM_EDGE, e);
out:
    xmlFree(src);
    xmlFree(dst);
    return rc;
}

/* The current node is a <graph> start tag. */
static int read_graph_body(rd *s)
{
    int depth = xmlTextReaderDepth(s->x.r), rc;

    if (xmlTextReaderIsEmptyElement(s->x.r))
        return 0;
    while ((rc = next_child(s, depth)) == 1) {
        const char *nm = lname(s);
        if (strcmp(nm, "node") == 0)
            rc = read_node(s);
        else if (strcmp(nm, "edge") == 0)
            rc = read_edge(s);
        else if (strcmp(nm, "data") == 0)
            rc = read_data(s, DOM_GRAPH, 0);
        else if (strcmp(nm, "hyperedge") == 0)
            rc = fail(s, AG_EINVAL, "hyperedges are not supported");
        else
            rc = skip_element(s);
        if (rc < 0)
            return -1;
    }
    return rc;
}

static int read_document(rd *s)
{
    int rc, seen_root = 0;

    while ((rc = next(s)) == 1) {
        int t = xmlTextReaderNodeType(s->x.r);
        const char *nm;
        if (t != XML_READER_TYPE_ELEMENT)
            continue;
        nm = lname(s);
        if (!seen_root) {
            if (strcmp(nm, "graphml") != 0)
                return fail(s, AG_EPARSE, "not GraphML: the root element is <%s>", nm);
            seen_root = 1;
            continue;
        }
        if (strcmp(nm, "key") == 0) {
            rc = read_key(s);
        } else if (strcmp(nm, "graph") == 0) {
            if (s->graphs++ > 0)
                return fail(s, AG_EPARSE, "a second <graph>: one graph per input");
            char *ed = get_attr(s, "edgedefault");
            if (ed && strcmp(ed, "undirected") != 0 && strcmp(ed, "directed") != 0) {
                fail(s, AG_EPARSE, "edgedefault '%.40s': expected 'directed' or 'undirected'", ed);
                xmlFree(ed);
                return -1;
            }
            ag_graph_set_directed(s->g, !ed || strcmp(ed, "undirected") != 0);
            xmlFree(ed);
            rc = read_graph_body(s);
        } else {
            rc = skip_element(s); /* top-level data, desc */
        }
        if (rc < 0)
            return -1;
    }
    if (rc < 0)
        return -1;
    if (!seen_root)
        return ag_error_set(s->x.err, AG_EPARSE, s->x.name, 0, 0, "not GraphML: no root element");
    if (!s->graphs)
        return ag_error_set(s->x.err, AG_EINVAL, s->x.name, 0, 0,
                            "GraphML document has no <graph>");
    return 0;
}

/* Defaults of keys apply to every record that lacks the attribute. */
static int apply_defaults(rd *s)
{
    size_t n = ag_graph_node_count(s->g), m = ag_graph_edge_count(s->g);

    for (size_t ki = 0; ki < s->nkeys; ki++) {
        rkey *k = &s->keys[ki];
        json_t *v;
        if (!k->deflt || k->mark == M_VISUAL || k->mark >= M_YNODE || (long)ki == s->nodeid_key)
            continue;
        if (!(v = decode_value(s, k, k->deflt, "default of ")))
            return -1;
        if (k->domain & DOM_NODE)
            for (size_t i = 0; i < n; i++) {
                ag_attr_value had;
                if (ag__row_get(s->g, 0, i, k->name, &had) < 0 &&
                    ag_node_set_json(s->g, i, k->name, v, NULL) < 0)
                    goto nomem;
            }
        if (k->domain & DOM_EDGE)
            for (size_t e = 0; e < m; e++) {
                ag_attr_value had;
                if (strcmp(k->name, "weight") == 0 && json_is_number(v)) {
                    if (!ag_edge_has_weight(s->g, e))
                        ag_edge_set_weight(s->g, e, json_number_value(v));
                    continue;
                }
                if (ag__row_get(s->g, 1, e, k->name, &had) < 0 &&
                    ag_edge_set_json(s->g, e, k->name, v, NULL) < 0)
                    goto nomem;
            }
        if ((k->domain & DOM_GRAPH) && !json_object_get(ag_graph_attrs(s->g), k->name) &&
            json_object_set(ag_graph_attrs(s->g), k->name, v) < 0)
            goto nomem;
        json_decref(v);
        continue;
    nomem:
        json_decref(v);
        return ag_error_set(s->x.err, AG_ENOMEM, s->x.name, 0, 0, "out of memory");
    }
    return 0;
}

/* Our own files carry names in the node-id key: rebuild the graph with them as ids. */
static ag_graph *rename_nodes(rd *s)
{
    size_t n = ag_graph_node_count(s->g);
    const char **names = calloc(n ? n : 1, sizeof *names);
    ag_graph *h;

    if (!names) {
        ag_error_set(s->x.err, AG_ENOMEM, s->x.name, 0, 0, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < n && i < s->capnames; i++)
        if (json_is_string(s->names[i]))
            names[i] = json_string_value(s->names[i]);
    h = ag__rename_nodes(s->g, names, NULL, s->integer_ids, s->x.name, s->x.err);
    free(names);
    return h;
}

ag_graph *ag__read_graphml(const char *buf, size_t len, const char *name,
                           const ag_read_limits *limits, ag_error *err)
{
    /* Keys whose strings name the nodes of programs that number them: igraph's
     * "name", else the "label" of graph-tool, Gephi and yEd. */
    static const char *const name_keys[] = {"name", "label", NULL};
    rd s;
    ag_graph *result = NULL;
    const char *key;

    memset(&s, 0, sizeof s);
    s.nodeid_key = -1;
    if (ag__xml_open(&s.x, buf, len, name, "GraphML", limits, err) < 0)
        return NULL;
    if (!(s.g = ag_graph_new(1))) {
        ag_error_set(err, AG_ENOMEM, name, 0, 0, "out of memory");
        goto out;
    }
    /* An error libxml2 recovered from still fails the read: a graph is returned only
     * when *err stays clear. */
    if (read_document(&s) < 0 || s.x.failed || apply_defaults(&s) < 0)
        goto out;
    for (size_t i = 0; i < ag_graph_node_count(s.g); i++)
        if (s.refline[i]) {
            ag_error_set(err, AG_EPARSE, name, s.refline[i], 0,
                         "an edge names node '%.80s', which no <node> declares",
                         ag_node_id(s.g, i));
            goto out;
        }
    if (s.nodeid_key >= 0) {
        result = rename_nodes(&s);
    } else if ((key = ag__names_key(s.g, name_keys)) != NULL) {
        result = ag__rename_nodes(s.g, NULL, key, 0, name, err);
    } else {
        result = s.g;
        s.g = NULL;
    }
out:
    ag__xml_close(&s.x);
    ag_graph_free(s.g);
    for (size_t i = 0; i < s.nkeys; i++) {
        free(s.keys[i].id);
        free(s.keys[i].name);
        free(s.keys[i].deflt);
    }
    free(s.keys);
    for (size_t i = 0; i < s.capnames; i++)
        json_decref(s.names[i]);
    free(s.names);
    free(s.refline);
    ag__buf_free(&s.text);
    return result;
}
