/*
 * edgelist.c - edge lists: `source<TAB>target[<TAB>weight]` (TSV), the same with commas
 * and RFC 4180 quoting (CSV), or with runs of spaces when a line has no tab.
 *
 * The header is optional: a first line whose third field is not a number, or whose first
 * two fields read "source" and "target", names the columns. Columns after the weight
 * become edge attributes (numbers when they parse as numbers, strings otherwise).
 * TSV fields may carry the escapes \t \n \r \\ so any node name survives a round trip.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/io_internal.h"

#define MAX_FIELDS 64

typedef struct field {
    char *text; /* unescaped, NUL-terminated, owned by the line buffer */
    size_t col; /* 1-based byte column where the field starts */
} field;

typedef struct line_state {
    const char *name; /* input name for messages */
    long lineno;      /* 1-based */
    ag_error *err;
} line_state;

/* Split one line (without its newline) into fields, unescaping into out (which has room
 * for len + 1 bytes per the caller). Returns the number of fields or -1. */
static int split_line(const line_state *ls, const char *s, size_t len, char sep, char *out,
                      field *fields)
{
    int n = 0;
    size_t i = 0, o = 0;
    int spaces = sep == '\t' && !memchr(s, '\t', len);

    if (spaces)
        while (i < len && s[i] == ' ')
            i++;
    while (i <= len) {
        size_t start = i;
        if (n == MAX_FIELDS)
            return ag_error_set(ls->err, AG_ELIMIT, ls->name, ls->lineno, (long)i + 1,
                                "more than %d fields on a line", MAX_FIELDS);
        fields[n].text = out + o;
        fields[n].col = i + 1;
        if (sep == ',' && i < len && s[i] == '"') {
            for (i++;; i++) {
                if (i >= len)
                    return ag_error_set(ls->err, AG_EPARSE, ls->name, ls->lineno, (long)start + 1,
                                        "unterminated quoted field");
                if (s[i] == '"') {
                    if (i + 1 < len && s[i + 1] == '"') {
                        out[o++] = '"';
                        i++;
                        continue;
                    }
                    i++;
                    break;
                }
                out[o++] = s[i];
            }
            if (i < len && s[i] != ',')
                return ag_error_set(ls->err, AG_EPARSE, ls->name, ls->lineno, (long)i + 1,
                                    "unexpected text after a quoted field");
        } else if (spaces) {
            while (i < len && s[i] != ' ')
                out[o++] = s[i++];
        } else {
            while (i < len && s[i] != sep) {
                if (sep == '\t' && s[i] == '\\' && i + 1 < len) {
                    char c = s[++i];
                    out[o++] = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
                    i++;
                    continue;
                }
                out[o++] = s[i++];
            }
        }
        out[o++] = '\0';
        n++;
        if (spaces)
            while (i < len && s[i] == ' ')
                i++;
        else
            i++; /* the separator */
        if (i > len || (spaces && i == len))
            break;
    }
    return n;
}

static int parse_number(const char *s, double *out)
{
    char *end;
    if (!*s)
        return -1;
    errno = 0;
    *out = strtod(s, &end);
    /* "inf" and "nan" parse with strtod but are not weights (and JSON cannot carry them). */
    return (*end || errno == ERANGE || !isfinite(*out)) ? -1 : 0;
}

/* An extra column's value: an integer, a real, or else the text itself (borrowed). */
static ag_attr_value typed_value(const char *s)
{
    ag_attr_value v = {.type = AG_ATTR_STRING, .string = s};
    char *end;
    long long ll;

    if (parse_number(s, &v.real) < 0)
        return v;
    errno = 0;
    ll = strtoll(s, &end, 10);
    if (!*end && !errno) {
        v.type = AG_ATTR_INTEGER;
        v.integer = ll;
    } else {
        v.type = AG_ATTR_REAL;
    }
    return v;
}

ag_graph *ag__read_edgelist(const char *buf, size_t len, const char *name, char sep,
                            const ag_read_limits *limits, ag_error *err)
{
    line_state ls = {name, 0, err};
    ag_graph *g = ag_graph_new(0);
    field fields[MAX_FIELDS];
    char *header[MAX_FIELDS] = {0};
    int nheader = 0, first = 1;
    char *work = malloc(len + MAX_FIELDS + 1);
    size_t pos = 0;

    if (!g || !work) {
        ag_error_set(err, AG_ENOMEM, name, 0, 0, "out of memory");
        goto fail;
    }
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < len) {
        const char *s = buf + pos, *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        long node[2], e;
        long long bad;
        double w;
        int nf;

        pos += n + 1;
        ls.lineno++;
        if (n > 0 && s[n - 1] == '\r')
            n--;
        if (n == 0 || s[0] == '#')
            continue;
        if (memchr(s, '\0', n)) {
            ag_error_set(err, AG_EPARSE, name, ls.lineno,
                         (long)((const char *)memchr(s, 0, n) - s) + 1,
                         "NUL byte in an edge list: this is not a text file");
            goto fail;
        }
        /* Node names go out as JSON strings, which must be UTF-8. */
        if ((bad = ag__utf8_invalid(s, n)) >= 0) {
            ag_error_set(err, AG_EPARSE, name, ls.lineno, (long)bad + 1,
                         "invalid UTF-8 (byte 0x%02x): edge lists must be UTF-8 text",
                         (unsigned char)s[bad]);
            goto fail;
        }
        if ((nf = split_line(&ls, s, n, sep, work, fields)) < 0)
            goto fail;
        if (first) {
            first = 0;
            if ((nf >= 2 && !strcasecmp(fields[0].text, "source") &&
                 !strcasecmp(fields[1].text, "target")) ||
                (nf >= 3 && parse_number(fields[2].text, &w) < 0)) {
                for (int i = 0; i < nf; i++)
                    if (!(header[i] = strdup(fields[i].text))) {
                        ag_error_set(err, AG_ENOMEM, name, 0, 0, "out of memory");
                        goto fail;
                    }
                nheader = nf;
                continue;
            }
        }
        if (nf < 2) {
            ag_error_set(err, AG_EPARSE, name, ls.lineno, 1,
                         "expected 'source%starget[%sweight]', found one field",
                         sep == ',' ? "," : "<TAB>", sep == ',' ? "," : "<TAB>");
            goto fail;
        }
        if (nf > 3 && nf > nheader) {
            ag_error_set(err, AG_EPARSE, name, ls.lineno, (long)fields[3].col,
                         "%d fields but the header names %d", nf, nheader ? nheader : 3);
            goto fail;
        }
        for (int k = 0; k < 2; k++) {
            if (!fields[k].text[0]) {
                ag_error_set(err, AG_EPARSE, name, ls.lineno, (long)fields[k].col,
                             "empty node name");
                goto fail;
            }
            if (ag_graph_find_node(g, fields[k].text) < 0 &&
                ag_graph_node_count(g) >= limits->max_nodes) {
                ag_error_set(err, AG_ELIMIT, name, ls.lineno, 1, "more than %zu nodes",
                             limits->max_nodes);
                goto fail;
            }
            if ((node[k] = ag_graph_add_node(g, fields[k].text, err)) < 0)
                goto fail;
        }
        if (nf >= 3 && parse_number(fields[2].text, &w) < 0) {
            ag_error_set(err, AG_EINVAL, name, ls.lineno, (long)fields[2].col,
                         "weight '%.40s' is not a finite number", fields[2].text);
            goto fail;
        }
        e = ag_graph_find_edge(g, (size_t)node[0], (size_t)node[1]);
        if (e < 0 && (e = ag_graph_add_edge(g, (size_t)node[0], (size_t)node[1], err)) < 0)
            goto fail;
        if (nf >= 3)
            ag_edge_set_weight(g, (size_t)e, w);
        for (int i = 3; i < nf; i++) {
            ag_attr_value v = typed_value(fields[i].text);
            if (ag_edge_set_value(g, (size_t)e, header[i], &v, NULL) < 0) {
                ag_error_set(err, AG_ENOMEM, name, 0, 0, "out of memory");
                goto fail;
            }
        }
    }
    goto out;
fail:
    ag_graph_free(g);
    g = NULL;
out:
    for (int i = 0; i < nheader; i++)
        free(header[i]);
    free(work);
    return g;
}

static void put_field(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\t':
            fputs("\\t", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        default:
            putc(*s, out);
        }
    }
}

int ag__write_edgelist(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err)
{
    char num[40];

    fputs("source\ttarget\tweight\n", out);
    for (size_t e = 0; e < ag_graph_edge_count(g); e++) {
        put_field(out, ag_node_id(g, ag_edge_source(g, e)));
        putc('\t', out);
        put_field(out, ag_node_id(g, ag_edge_target(g, e)));
        ag__format_double(ag_edge_weight(g, e), 1, num, sizeof num);
        fprintf(out, "\t%s\n", num);
    }
    if (ferror(out))
        return ag_error_set(err, AG_EIO, NULL, 0, 0, "write error");
    return 0;
}
