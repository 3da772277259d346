/*
 * dot_read.c - reading DOT with cgraph, and the capture of cgraph/gvc messages that the
 * picture renderer (render/dot_write.c) shares. These two files are the only ones that
 * include cgraph/gvc headers, so their process-global state (the error callback, the
 * lexer's file name) and their non-const char * signatures stay here.
 *
 * Reading: cgraph parses (agmemread); its messages are captured with agseterrf instead
 * of going to stderr, and "in line N" becomes the ag_error line. Attribute values are
 * strings in DOT; ones that read as a number, a boolean or JSON text (how the writer puts
 * lists) come back typed, so a graph written here reads back with the same attributes.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/graphviz_internal.h"
#include "io/io_internal.h"

void aglexbad(void); /* libcgraph: flush the scanner's buffered input (see ag__read_dot) */

/* ------------------------------------------------------------------ captured messages */

/* What cgraph/gvc said during the current call. cgraph hands its callback pieces
 * ("Error", ": ", text), so the pieces are concatenated and split into lines later. */
static char msgs[2048];
static size_t msgs_len;

static int capture(char *piece)
{
    size_t n = strlen(piece);
    if (n > sizeof msgs - 1 - msgs_len)
        n = sizeof msgs - 1 - msgs_len;
    memcpy(msgs + msgs_len, piece, n);
    msgs_len += n;
    msgs[msgs_len] = '\0';
    return 0;
}

agusererrf ag__gv_capture_start(void)
{
    msgs_len = 0;
    msgs[0] = '\0';
    agreseterrors();
    return agseterrf(capture);
}

void ag__gv_capture_stop(agusererrf previous) { agseterrf(previous); }

/* The first captured "Error: " message, its "NAME: " prefix and trailing newline gone,
 * into buf; *line gets N from "in line N" (removed from the text), else 0. Returns 0 when
 * no error was captured. */
int ag__gv_captured_error(const char *name, char *buf, size_t size, long *line)
{
    const char *p = strstr(msgs, "Error: "), *end;
    char *at;
    size_t n, nl = name ? strlen(name) : 0;

    *line = 0;
    if (!p)
        return 0;
    p += 7;
    if (nl && strncmp(p, name, nl) == 0 && p[nl] == ':' && p[nl + 1] == ' ')
        p += nl + 2;
    end = strchr(p, '\n');
    n = end ? (size_t)(end - p) : strlen(p);
    if (n >= size)
        n = size - 1;
    memcpy(buf, p, n);
    buf[n] = '\0';
    if ((at = strstr(buf, " in line "))) {
        char *num_end;
        long l = strtol(at + 9, &num_end, 10);
        if (num_end > at + 9) {
            *line = l;
            memmove(at, num_end, strlen(num_end) + 1);
        }
    }
    return 1;
}

/* ------------------------------------------------------------------ reading */

/* A DOT attribute value as a typed JSON value: canonical integers, finite reals,
 * true/false and JSON arrays/objects come back typed; anything else stays a string. */
static json_t *dot_value(const char *s)
{
    size_t n = strlen(s);
    const char *p = s;
    char *end;

    if (strcmp(s, "true") == 0)
        return json_true();
    if (strcmp(s, "false") == 0)
        return json_false();
    if ((s[0] == '[' && s[n - 1] == ']') || (s[0] == '{' && s[n - 1] == '}')) {
        json_t *v = json_loadb(s, n, JSON_DECODE_ANY, NULL);
        if (v)
            return v;
    }
    if (*p == '-')
        p++;
    if (isdigit((unsigned char)*p)) {
        const char *q = p;
        while (isdigit((unsigned char)*q))
            q++;
        /* Integers without leading zeros ("007" stays a string) that fit in 64 bits. */
        if (*q == '\0' && (q - p == 1 || *p != '0') && q - p <= 18)
            return json_integer(strtoll(s, NULL, 10));
    }
    /* Reals: "0.5", "-2e3", ".5"; not "007.5" or "1." style oddities that are names. */
    if ((isdigit((unsigned char)*p) && !(p[0] == '0' && isdigit((unsigned char)p[1]))) ||
        (*p == '.' && isdigit((unsigned char)p[1]))) {
        double d;
        errno = 0;
        d = strtod(s, &end);
        if (*end == '\0' && errno == 0 && isfinite(d))
            return json_real(d);
    }
    return json_string(s);
}

/* Is word one of the space-separated words of list? */
static int has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    if (n == 0) /* DOT allows "" as an attribute name; strstr would find it everywhere */
        return 0;
    for (const char *p = list; p && (p = strstr(p, word)); p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return 1;
    return 0;
}

/* Copy the non-empty attributes of a cgraph object of kind AGRAPH, AGNODE (our node
 * idx) or AGEDGE (our link idx) into out, except `skip` and the words of `drop` (the
 * drawing attributes of a DOT file ag-render wrote). */
static int copy_attrs(Agraph_t *g, void *obj, int kind, ag_graph *out, long idx, const char *skip,
                      const char *drop)
{
    Agsym_t *sym = NULL;
    while ((sym = agnxtattr(g, kind, sym))) {
        const char *v = agxget(obj, sym);
        json_t *jv;
        int rc;
        if (!v || !*v || (skip && strcmp(sym->name, skip) == 0) || ag__gv_names_file(sym->name) ||
            (drop && (has_word(drop, sym->name) || strcmp(sym->name, AG__STYLE_MARK) == 0)))
            continue;
        if (!(jv = dot_value(v)))
            return -1;
        if (kind == AGRAPH) {
            rc = json_object_set_new(ag_graph_attrs(out), sym->name, jv);
        } else {
            rc = kind == AGNODE ? ag_node_set_json(out, (size_t)idx, sym->name, jv, NULL)
                                : ag_edge_set_json(out, (size_t)idx, sym->name, jv, NULL);
            json_decref(jv);
        }
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Line and column (1-based) where attribute key is first set to value in the DOT text
 * buf ("weight=abc", "weight = \"1e999\""); 0 and 0 when not found (cgraph keeps no
 * positions, so an error names the place by finding it again). */
static void locate_value(const char *buf, const char *key, const char *value, long *line, long *col)
{
    size_t kl = strlen(key), vl = strlen(value);
    long ln = 1;
    const char *bol = buf;
    *line = *col = 0;
    for (const char *p = buf; *p; p++) {
        if (*p == '\n') {
            ln++;
            bol = p + 1;
            continue;
        }
        if (strncmp(p, key, kl) != 0 ||
            (p > buf && (isalnum((unsigned char)p[-1]) || p[-1] == '_')))
            continue;
        const char *q = p + kl;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q != '=')
            continue;
        q++;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q == '"')
            q++;
        if (strncmp(q, value, vl) == 0) {
            *line = ln;
            *col = (long)(q - bol) + 1;
            return;
        }
    }
}

/* Past white space and comments (//, slash-star, and '#' lines) from p. */
static const char *skip_blank(const char *p, const char *end)
{
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++;
        if (p + 1 < end && p[0] == '/' && p[1] == '/') {
            while (p < end && *p != '\n')
                p++;
        } else if (p + 1 < end && p[0] == '/' && p[1] == '*') {
            const char *q = p + 2;
            while (q + 1 < end && !(q[0] == '*' && q[1] == '/'))
                q++;
            p = q + 1 < end ? q + 2 : end;
        } else if (p < end && *p == '#') {
            while (p < end && *p != '\n')
                p++;
        } else {
            return p;
        }
    }
}

/* Where text follows the first graph of buf (its closing brace matched outside quoted
 * and HTML strings and comments), after white space and comments; NULL when nothing
 * does. cgraph reads the first graph only and ignores the rest, which would lose a
 * second graph in silence. */
static const char *after_first_graph(const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len;
    long depth = 0;
    int opened = 0;
    while (p < end) {
        const char *q = skip_blank(p, end);
        if (q != p) {
            p = q;
            continue;
        }
        if (*p == '"') {
            for (p++; p < end && *p != '"'; p++)
                if (*p == '\\' && p + 1 < end)
                    p++;
            p++;
        } else if (*p == '<') {
            long html = 0;
            for (; p < end; p++) {
                html += *p == '<' ? 1 : *p == '>' ? -1 : 0;
                if (html == 0)
                    break;
            }
            p++;
        } else if (*p == '{') {
            depth++, opened = 1, p++;
        } else if (*p == '}') {
            p++;
            if (--depth == 0 && opened) {
                p = skip_blank(p, end);
                return p < end ? p : NULL;
            }
        } else {
            p++;
        }
    }
    return NULL;
}

/* Case-insensitive "p starts with the DOT keyword word" (cgraph's keywords are; a
 * letter, digit, '_' or byte >= 0x80 after it would make it part of a longer name). */
static int dot_keyword(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    unsigned char c;
    if ((size_t)(end - p) < n || strncasecmp(p, word, n) != 0)
        return 0;
    if ((size_t)(end - p) == n)
        return 1;
    c = (unsigned char)p[n];
    return !(isalnum(c) || c == '_' || c >= 0x80);
}

/* Where the text of buf stops being a DOT graph header ([strict] graph|digraph, after
 * white space and comments), NULL when it is one or when nothing but blanks is there. */
static const char *bad_header(const char *buf, const char *end)
{
    const char *p = skip_blank(buf, end);
    if (p < end && dot_keyword(p, end, "strict"))
        p = skip_blank(p + 6, end);
    if (p == end || dot_keyword(p, end, "graph") || dot_keyword(p, end, "digraph"))
        return NULL;
    return p;
}

/* Where a quoted string, an HTML string or a comment that the input never closes
 * starts, with *what naming it; NULL when everything is closed. The scan follows
 * cgraph's lexer (scan.l) over what cgraph reads (up to end or a NUL): in a quoted
 * string a backslash escapes a quote, a backslash or a newline, HTML strings nest, and
 * '//' and '#' comment out the rest of the line. */
static const char *unclosed(const char *p, const char *end, const char **what)
{
    while (p < end && *p) {
        const char *start = p;
        if (p[0] == '/' && p + 1 < end && p[1] == '*') {
            for (p += 2; p < end && *p && !(p[0] == '*' && p + 1 < end && p[1] == '/'); p++)
                ;
            if (p >= end || !*p)
                return *what = "comment", start;
            p += 2;
        } else if ((p[0] == '/' && p + 1 < end && p[1] == '/') || p[0] == '#') {
            while (p < end && *p && *p != '\n')
                p++;
        } else if (*p == '"') {
            for (p++; p < end && *p && *p != '"'; p++)
                if (p[0] == '\\' && p + 1 < end && (p[1] == '"' || p[1] == '\\' || p[1] == '\n'))
                    p++;
            if (p >= end || !*p)
                return *what = "quoted string", start;
            p++;
        } else if (*p == '<') {
            long nest = 1;
            for (p++; p < end && *p && nest > 0; p++)
                nest += *p == '<' ? 1 : *p == '>' ? -1 : 0;
            if (nest > 0)
                return *what = "HTML string", start;
        } else {
            p++;
        }
    }
    return NULL;
}

ag_graph *ag__read_dot(const char *buf, size_t len, const char *name, const ag_read_limits *limits,
                       ag_error *err)
{
    agusererrf prev;
    Agraph_t *dg;
    ag_graph *g = NULL;
    Agnode_t *n;
    Agedge_t *e;
    char msg[AG_ERR_MSG];
    long line;
    const char *drop = NULL;
    Agsym_t *mark;
    const char *text = buf; /* what cgraph reads: buf past a byte order mark */
    const char *bad_at;

    long long bad = ag__utf8_invalid(buf, len); /* buf is NUL-terminated at buf[len] */

    /* cgraph passes any bytes through, but every name and value we keep ends up in JSON,
     * which must be UTF-8; a Latin-1 DOT file is refused here, with its position. */
    if (bad >= 0) {
        ag_error_set_at(err, AG_EPARSE, name, bad, "DOT: invalid UTF-8 (byte 0x%02x)",
                        (unsigned char)buf[bad]);
        ag_error_locate(err, buf, len);
        return NULL;
    }
    /* A UTF-8 byte order mark (as other readers, io.c) is not part of the first word. */
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        text += 3;
    /* cgraph keeps every name it reads before a graph is open (a word, a quoted or an
     * HTML string ahead of "graph") in its process-global string dictionary, and a
     * syntax error leaves it there for good: a long-running caller (a server, a fuzzer)
     * grew by each such input until it ran out of memory. Such text is never a graph,
     * so it is refused here, before cgraph sees it. */
    if ((bad_at = bad_header(text, buf + len)) != NULL) {
        ag_error_set_at(err, AG_EPARSE, name, bad_at - buf,
                        "DOT: a graph starts with 'graph', 'digraph' or 'strict'");
        ag_error_locate(err, buf, len);
        return NULL;
    }
    /* An input that ends inside a string or a comment left cgraph's lexer inside it
     * (its start condition is global and only the closing quote, '>' or star-slash resets
     * it), so the next DOT read in the process began in the middle of a string. Such an
     * input is refused before cgraph sees it. */
    {
        const char *what = NULL;
        if ((bad_at = unclosed(text, buf + len, &what)) != NULL) {
            ag_error_set_at(err, AG_EPARSE, name, bad_at - buf, "DOT: %s never closed", what);
            ag_error_locate(err, buf, len);
            return NULL;
        }
    }
    prev = ag__gv_capture_start();
    agsetfile((char *)name);
    dg = agmemread(text);
    /* cgraph reads only the first graph and leaves what follows in its (global) scanner
     * buffer, where the next agmemread in this process would start. aglexbad() flushes
     * that buffer: it is exported by libcgraph but missing from the 2.43 header. */
    aglexbad();
    if (!dg || agerrors()) {
        if (ag__gv_captured_error(name, msg, sizeof msg, &line))
            ag_error_set(err, AG_EPARSE, name, line, 0, "DOT: %s", msg);
        else
            ag_error_set(err, AG_EPARSE, name, 0, 0, "DOT: not a graph cgraph can read");
        goto out;
    }
    {
        const char *rest = after_first_graph(text, len - (size_t)(text - buf));
        if (rest) {
            long at = 1;
            for (const char *q = buf; q < rest; q++)
                at += *q == '\n';
            ag_error_set(err, AG_EPARSE, name, at, 0,
                         "text after the first graph: one graph per input");
            goto out;
        }
    }
    if ((size_t)agnnodes(dg) > limits->max_nodes) {
        ag_error_set(err, AG_ELIMIT, name, 0, 0, "more than %zu nodes", limits->max_nodes);
        goto out;
    }
    if (!(g = ag_graph_new(agisdirected(dg))))
        goto nomem;
    if ((mark = agattr(dg, AGRAPH, AG__STYLE_MARK, NULL)) && *agxget(dg, mark))
        drop = agxget(dg, mark);
    if (copy_attrs(dg, dg, AGRAPH, g, 0, NULL, drop) < 0)
        goto nomem;
    for (n = agfstnode(dg); n; n = agnxtnode(dg, n)) {
        long i = ag_graph_add_node(g, agnameof(n), err);
        if (i < 0)
            goto fail;
        if (copy_attrs(dg, n, AGNODE, g, i, NULL, drop) < 0)
            goto nomem;
    }
    for (n = agfstnode(dg); n; n = agnxtnode(dg, n)) {
        for (e = agfstout(dg, n); e; e = agnxtout(dg, e)) {
            long s = ag_graph_find_node(g, agnameof(agtail(e)));
            long t = ag_graph_find_node(g, agnameof(aghead(e)));
            const char *w = agget(e, "weight");
            long k;
            if (ag_graph_find_edge(g, (size_t)s, (size_t)t) >= 0)
                ag_graph_set_multigraph(g, 1); /* DOT allows parallel edges: keep them */
            if ((k = ag_graph_add_edge(g, (size_t)s, (size_t)t, err)) < 0)
                goto fail;
            if (copy_attrs(dg, e, AGEDGE, g, k, "weight", drop) < 0)
                goto nomem;
            if (w && *w) {
                char *end;
                double d = strtod(w, &end);
                /* A weight must be a finite number, as in the other readers. */
                if (*end != '\0' || end == w || !isfinite(d)) {
                    long wl = 0, wc = 0;
                    locate_value(buf, "weight", w, &wl, &wc);
                    ag_error_set(err, AG_EPARSE, name, wl, wc,
                                 "weight '%.40s' of link %.80s %s %.80s is not a finite number", w,
                                 agnameof(agtail(e)), agisdirected(dg) ? "->" : "--",
                                 agnameof(aghead(e)));
                    goto fail;
                }
                ag_edge_set_weight(g, (size_t)k, d);
            }
        }
    }
    goto out;
nomem:
    ag_error_set(err, AG_ENOMEM, name, 0, 0, "out of memory reading DOT");
fail:
    ag_graph_free(g);
    g = NULL;
out:
    if (dg)
        agclose(dg);
    ag__gv_capture_stop(prev);
    return g;
}
