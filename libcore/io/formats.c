/*
 * formats.c - helpers shared by the GraphML, GEXF, GML, CSV and neo4j writers.
 *
 * Typed formats need one type per attribute column, but our attributes are open-ended
 * JSON values. A first pass over all records merges the kind of every value into its
 * column (ag__columns_scan); the lattice only ever widens (int -> real, scalar -> mixed,
 * list -> JSON), so the declared type always fits every value written under it.
 *
 * XML escaping is done here and not with libxml2's writer: it is the hot loop of the
 * exporters, and a scan that copies runs of harmless bytes with one fwrite is several
 * times faster than building a tree or going through xmlTextWriter.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/error_internal.h"
#include "util/array_internal.h"
#include "io/formats_internal.h"
#include "io/io_internal.h"

/* ------------------------------------------------------------------ column kinds */

ag__kind ag__value_kind(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_TRUE:
    case JSON_FALSE:
        return AG__K_BOOL;
    case JSON_INTEGER:
        return AG__K_INT;
    case JSON_REAL:
        return AG__K_REAL;
    case JSON_STRING:
        return AG__K_STRING;
    case JSON_ARRAY:
        /* Joinable only when splitting the joined text gives the same list back. */
        for (size_t i = 0; i < json_array_size(v); i++) {
            const json_t *x = json_array_get(v, i);
            const char *s;
            if (!json_is_string(x))
                return AG__K_JSON;
            s = json_string_value(x);
            if (!*s || strstr(s, AG__LIST_SEP) || strlen(s) != json_string_length(x))
                return AG__K_JSON;
        }
        return AG__K_LIST;
    case JSON_OBJECT:
        return AG__K_JSON;
    default:
        return AG__K_NONE;
    }
}

static ag__kind kind_merge(ag__kind a, ag__kind b)
{
    if (a == AG__K_NONE || a == b)
        return b;
    if (b == AG__K_NONE)
        return a;
    if ((a == AG__K_INT && b == AG__K_REAL) || (a == AG__K_REAL && b == AG__K_INT))
        return AG__K_REAL;
    if (a == AG__K_JSON || b == AG__K_JSON || a == AG__K_LIST || b == AG__K_LIST)
        return AG__K_JSON;
    return AG__K_MIXED;
}

long ag__columns_find(ag__columns *c, const char *name)
{
    for (size_t k = 0; k < c->n; k++) {
        size_t i = (c->hint + k) % c->n;
        if (strcmp(c->col[i].name, name) == 0) {
            c->hint = i + 1 < c->n ? i + 1 : 0;
            return (long)i;
        }
    }
    return -1;
}

/* One value of kind k under key into the columns; x is its value when an integer. */
static int columns_add(ag__columns *c, const char *key, ag__kind k, long long x, ag_error *err)
{
    long i = ag__columns_find(c, key);

    if (i < 0) {
        if (ag__grow(&c->col, &c->cap, c->n + 1, sizeof *c->col) < 0)
            return ag__nomem(err);
        i = (long)c->n;
        c->col[i].name = strdup(key);
        c->col[i].kind = AG__K_NONE;
        c->col[i].wide = 0;
        if (!c->col[i].name)
            return ag__nomem(err);
        c->n++;
        c->hint = 0;
    }
    c->col[i].kind = kind_merge(c->col[i].kind, k);
    if (k == AG__K_INT && (x < INT32_MIN || x > INT32_MAX))
        c->col[i].wide = 1;
    return 0;
}

int ag__columns_scan(ag__columns *c, const json_t *attrs, ag_error *err)
{
    const char *key;
    json_t *v;

    if (!attrs)
        return 0;
    json_object_foreach((json_t *)attrs, key, v)
    {
        if (columns_add(c, key, ag__value_kind(v), json_is_integer(v) ? json_integer_value(v) : 0,
                        err) < 0)
            return -1;
    }
    return 0;
}

int ag__row_at(const ag_graph *g, int is_link, size_t index, size_t k, const char **key,
               ag_attr_value *v)
{
    return is_link ? ag_edge_attr_at(g, index, k, key, v) : ag_node_attr_at(g, index, k, key, v);
}

int ag__row_get(const ag_graph *g, int is_link, size_t index, const char *key, ag_attr_value *v)
{
    return is_link ? ag_edge_get_value(g, index, key, v) : ag_node_get_value(g, index, key, v);
}

int ag__row_update(ag_graph *g, int is_link, size_t index, const json_t *obj)
{
    const char *key;
    json_t *v;

    json_object_foreach((json_t *)obj, key, v)
    {
        if ((is_link ? ag_edge_set_json(g, index, key, v, NULL)
                     : ag_node_set_json(g, index, key, v, NULL)) < 0)
            return -1;
    }
    return 0;
}

/* The column kind of an attribute value. */
static ag__kind attr_kind(const ag_attr_value *v)
{
    switch (v->type) {
    case AG_ATTR_BOOL:
        return AG__K_BOOL;
    case AG_ATTR_INTEGER:
        return AG__K_INT;
    case AG_ATTR_REAL:
        return AG__K_REAL;
    case AG_ATTR_STRING:
        return AG__K_STRING;
    case AG_ATTR_OTHER:
        return ag__value_kind(v->other);
    default:
        return AG__K_NONE;
    }
}

int ag__columns_scan_row(ag__columns *c, const ag_graph *g, int is_link, size_t index,
                         ag_error *err)
{
    const char *key;
    ag_attr_value v;

    for (size_t k = 0; ag__row_at(g, is_link, index, k, &key, &v) == 0; k++)
        if (columns_add(c, key, attr_kind(&v), v.type == AG_ATTR_INTEGER ? v.integer : 0, err) < 0)
            return -1;
    return 0;
}

void ag__columns_free(ag__columns *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->col[i].name);
    free(c->col);
    memset(c, 0, sizeof *c);
}

/* ------------------------------------------------------------------ value text */

static int dump_cb(const char *buffer, size_t size, void *data)
{
    return ag__buf_add(data, buffer, size);
}

char *ag__digits(long long v, char *end)
{
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    char *p = end;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return p;
}

/* Text of a number, an integer (is_int: x) or a real (d), in a column of kind `kind`,
 * into scratch. */
static const char *number_text(int is_int, long long x, double d, ag__kind kind, ag__buf *scratch,
                               size_t *len, int *oom)
{
    char num[48];

    if (is_int && kind != AG__K_REAL) {
        char *p = ag__digits(x, num + sizeof num - 1);
        num[sizeof num - 1] = '\0';
        memmove(num, p, (size_t)(num + sizeof num - p));
    } else {
        ag__format_double(is_int ? (double)x : d, 0, num, sizeof num);
    }
    *len = strlen(num);
    if (ag__buf_add(scratch, num, *len) < 0) {
        *oom = 1;
        return NULL;
    }
    return scratch->p;
}

const char *ag__value_text(const json_t *v, ag__kind kind, ag__buf *scratch, size_t *len, int *oom)
{
    ag__buf_reset(scratch);
    if (kind == AG__K_JSON && !json_is_null(v)) {
        if (json_dump_callback(v, dump_cb, scratch, JSON_COMPACT | JSON_ENCODE_ANY) < 0)
            goto nomem;
        *len = scratch->len;
        return scratch->p ? scratch->p : "";
    }
    switch (json_typeof(v)) {
    case JSON_STRING:
        *len = json_string_length(v);
        return json_string_value(v);
    case JSON_TRUE:
        *len = 4;
        return "true";
    case JSON_FALSE:
        *len = 5;
        return "false";
    case JSON_INTEGER:
        return number_text(1, json_integer_value(v), 0, kind, scratch, len, oom);
    case JSON_REAL:
        return number_text(0, 0, json_real_value(v), kind, scratch, len, oom);
    case JSON_ARRAY:
        for (size_t i = 0; i < json_array_size(v); i++) {
            const json_t *x = json_array_get(v, i);
            if ((i && ag__buf_add(scratch, AG__LIST_SEP, AG__LIST_SEP_LEN) < 0) ||
                ag__buf_add(scratch, json_string_value(x), json_string_length(x)) < 0)
                goto nomem;
        }
        *len = scratch->len;
        return scratch->p ? scratch->p : "";
    case JSON_OBJECT: /* only in a JSON column, handled above */
    default:
        return NULL;
    }
nomem:
    *oom = 1;
    return NULL;
}

const char *ag__attr_text(const ag_attr_value *v, ag__kind kind, ag__buf *scratch, size_t *len,
                          int *oom)
{
    if (v->type == AG_ATTR_OTHER)
        return ag__value_text(v->other, kind, scratch, len, oom);
    if (kind == AG__K_JSON) { /* a scalar in a JSON column: written as JSON */
        json_t *j = ag_attr_value_json(v);
        const char *text = j ? ag__value_text(j, kind, scratch, len, oom) : NULL;
        if (!j)
            *oom = 1;
        json_decref(j); /* the text is in scratch */
        return text;
    }
    ag__buf_reset(scratch);
    switch (v->type) {
    case AG_ATTR_STRING:
        *len = v->length ? v->length : strlen(v->string);
        return v->string;
    case AG_ATTR_BOOL:
        *len = v->boolean ? 4 : 5;
        return v->boolean ? "true" : "false";
    case AG_ATTR_INTEGER:
        return number_text(1, v->integer, 0, kind, scratch, len, oom);
    case AG_ATTR_REAL:
        return number_text(0, 0, v->real, kind, scratch, len, oom);
    default:
        return NULL;
    }
}

/* ------------------------------------------------------------------ numbers */

void ag__put_long(FILE *f, long long v)
{
    char buf[24], *p = ag__digits(v, buf + sizeof buf);
    ag__putn(f, p, (size_t)(buf + sizeof buf - p));
}

void ag__put_size(FILE *f, size_t v)
{
    char buf[24], *p = buf + sizeof buf;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    ag__putn(f, p, (size_t)(buf + sizeof buf - p));
}

void ag__put_double(FILE *f, double d)
{
    char num[48];
    ag__format_double(d, 0, num, sizeof num);
    ag__puts(f, num);
}

/* ------------------------------------------------------------------ XML */

/* Length of the valid UTF-8 sequence XML can carry at p (at most n bytes), 0 if none. */
static size_t utf8_xml_len(const unsigned char *p, size_t n)
{
    uint32_t c;
    size_t len;

    if (p[0] < 0x80)
        return 1;
    if (p[0] >= 0xC2 && p[0] <= 0xDF)
        len = 2, c = p[0] & 0x1F;
    else if (p[0] >= 0xE0 && p[0] <= 0xEF)
        len = 3, c = p[0] & 0x0F;
    else if (p[0] >= 0xF0 && p[0] <= 0xF4)
        len = 4, c = p[0] & 0x07;
    else
        return 0;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF)
        return 0;
    return len;
}

void ag__xml_escape(FILE *f, const char *s, size_t n, int in_attr)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n, *run = p;

    while (p < end) {
        unsigned char c = *p;
        const char *rep;

        if (c >= 0x20 && c < 0x80 && c != '<' && c != '>' && c != '&' && c != '"') {
            p++;
            continue;
        }
        if (c >= 0x80) {
            size_t k = utf8_xml_len(p, (size_t)(end - p));
            if (k) {
                p += k;
                continue;
            }
            rep = "\xEF\xBF\xBD"; /* invalid UTF-8: one replacement per bad byte */
        } else {
            switch (c) {
            case '<':
                rep = "&lt;";
                break;
            case '>':
                rep = "&gt;";
                break;
            case '&':
                rep = "&amp;";
                break;
            case '"':
                rep = in_attr ? "&quot;" : "\"";
                break;
            case '\n':
                rep = in_attr ? "&#10;" : "\n";
                break;
            case '\t':
                rep = in_attr ? "&#9;" : "\t";
                break;
            case '\r':
                rep = "&#13;";
                break;
            default:
                rep = "\xEF\xBF\xBD";
                break; /* not representable in XML 1.0 */
            }
        }
        if (p > run)
            ag__putn(f, (const char *)run, (size_t)(p - run));
        ag__puts(f, rep);
        run = ++p;
    }
    if (p > run)
        ag__putn(f, (const char *)run, (size_t)(p - run));
}

int ag__write_status(FILE *out, int oom, ag_error *err)
{
    if (oom)
        return ag__nomem(err);
    if (ferror(out))
        return ag_error_set(err, AG_EIO, NULL, 0, 0, "write error: %s", strerror(errno));
    return 0;
}

int ag__is_ascii_nmtoken(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == ':' || c == '-'))
            return 0;
    }
    return 1;
}

int ag__is_iso_date(const char *s)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d;

    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    if (s[10] != '\0')
        return 0;
    y = atoi(s);
    m = atoi(s + 5);
    d = atoi(s + 8);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return 1;
}

/* ------------------------------------------------------------------ CSV */

/* A CSV field: quoted when it holds a comma, quote, CR, LF or leading/trailing space. */
void ag__csv_field(FILE *f, const char *s, size_t n)
{
    int quote = n && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        ag__putn(f, s, n);
        return;
    }
    ag__puts(f, "\"");
    for (const char *p = s, *end = s + n; p < end;) {
        const char *q = memchr(p, '"', (size_t)(end - p));
        if (!q) {
            ag__putn(f, p, (size_t)(end - p));
            break;
        }
        ag__putn(f, p, (size_t)(q - p + 1));
        ag__puts(f, "\"");
        p = q + 1;
    }
    ag__puts(f, "\"");
}

/* DEST/nodes.csv or DEST_nodes.csv (a trailing ".csv" of a prefix is dropped). */
char *ag__table_path(const char *dest, const char *table)
{
    size_t n = strlen(dest);
    char *p = malloc(n + strlen(table) + 8);
    if (!p)
        return NULL;
    if (n && dest[n - 1] == '/') {
        sprintf(p, "%s%s.csv", dest, table);
    } else {
        if (n > 4 && strcasecmp(dest + n - 4, ".csv") == 0)
            n -= 4;
        sprintf(p, "%.*s_%s.csv", (int)n, dest, table);
    }
    return p;
}

int ag__commit_pair(ag_output *a, ag_output *b, int oom, const char *dest, ag_error *err)
{
    if (oom)
        return ag_error_set(err, AG_ENOMEM, dest, 0, 0, "out of memory");
    if (fflush(a->fp) != 0 || ferror(a->fp) || fflush(b->fp) != 0 || ferror(b->fp))
        return ag_error_set(err, AG_EIO, dest, 0, 0, "write error: %s", strerror(errno));
    return ag_output_commit(a, err) < 0 || ag_output_commit(b, err) < 0 ? -1 : 0;
}
