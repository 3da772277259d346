/*
 * json_write.c - networkx node-link JSON, the pipeline format, written.
 *
 * Writing streams one record per line with our own serialiser instead of building one big
 * jansson tree: a million links would otherwise need a second copy of the graph in
 * memory, and we want shortest round-trip numbers ("0.1", not "0.10000000000000001").
 * The link list is "links" (networkx before 3.6, and node_link_graph(edges="links")
 * after) or, with opts->links_key, "edges" (networkx 3.6's default); the JSON reader
 * takes either.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/io_internal.h"

/* ------------------------------------------------------------------ numbers */

void ag__format_double(double d, int as_integer, char *buf, size_t size)
{
    if (!isfinite(d)) {
        /* The spelling Python and GML use; the JSON writer never gets here (it writes
         * null for non-finite numbers). */
        snprintf(buf, size, "%s", isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        return;
    }
    if (d == floor(d) && fabs(d) < 1e15) {
        snprintf(buf, size, as_integer ? "%.0f" : "%.1f", d);
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    if (!as_integer && !strpbrk(buf, ".eEn"))
        strncat(buf, ".0", size - strlen(buf) - 1);
}

/* ------------------------------------------------------------------ writing */

static void put_string(FILE *out, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;

    putc('"', out);
    for (; *p; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        case '\b':
            fputs("\\b", out);
            break;
        case '\f':
            fputs("\\f", out);
            break;
        default:
            if (*p < 0x20) {
                fputs("\\u00", out);
                putc(hex[*p >> 4], out);
                putc(hex[*p & 15], out);
            } else {
                putc(*p, out);
            }
        }
    }
    putc('"', out);
}

static void put_value(FILE *out, const json_t *v)
{
    char num[40];

    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *key;
        json_t *val;
        int first = 1;
        putc('{', out);
        json_object_foreach((json_t *)v, key, val)
        {
            if (!first)
                fputs(", ", out);
            first = 0;
            put_string(out, key);
            fputs(": ", out);
            put_value(out, val);
        }
        putc('}', out);
        break;
    }
    case JSON_ARRAY:
        putc('[', out);
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (i)
                fputs(", ", out);
            put_value(out, json_array_get(v, i));
        }
        putc(']', out);
        break;
    case JSON_STRING:
        put_string(out, json_string_value(v));
        break;
    case JSON_INTEGER:
        fprintf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        break;
    case JSON_REAL:
        /* JSON has no NaN or Infinity (a GML or GraphML input can hold them): null keeps
         * the output readable by every JSON parser. */
        if (!isfinite(json_real_value(v))) {
            fputs("null", out);
            break;
        }
        ag__format_double(json_real_value(v), 0, num, sizeof num);
        fputs(num, out);
        break;
    case JSON_TRUE:
        fputs("true", out);
        break;
    case JSON_FALSE:
        fputs("false", out);
        break;
    case JSON_NULL:
        fputs("null", out);
        break;
    }
}

static void put_id(FILE *out, const ag_graph *g, size_t node)
{
    if (ag_graph_has_integer_ids(g))
        fputs(ag_node_id(g, node), out);
    else
        put_string(out, ag_node_id(g, node));
}

/* One attribute value, as put_value writes the jansson value it stands for. */
static void put_attr_value(FILE *out, const ag_attr_value *v)
{
    char num[40];

    switch (v->type) {
    case AG_ATTR_STRING:
        put_string(out, v->string);
        break;
    case AG_ATTR_INTEGER:
        fprintf(out, "%lld", v->integer);
        break;
    case AG_ATTR_REAL:
        if (!isfinite(v->real)) {
            fputs("null", out);
            break;
        }
        ag__format_double(v->real, 0, num, sizeof num);
        fputs(num, out);
        break;
    case AG_ATTR_BOOL:
        fputs(v->boolean ? "true" : "false", out);
        break;
    default:
        put_value(out, v->other);
        break;
    }
}

/* The rest of a record (a node, or a link when is_link): ", key: value" for each
 * attribute, in insertion order. Attributes named like the record's own fields
 * (reserved, NULL-terminated) are left out: a second "id" or "weight" key would make the
 * record ambiguous, and such names reach the model from other formats (an edge-list
 * column called "weight"). */
static void put_attrs(FILE *out, const ag_graph *g, int is_link, size_t index,
                      const char *const *reserved)
{
    const char *key;
    ag_attr_value val;

    for (size_t k = 0; (is_link ? ag_edge_attr_at(g, index, k, &key, &val)
                                : ag_node_attr_at(g, index, k, &key, &val)) == 0;
         k++) {
        int skip = 0;
        for (const char *const *r = reserved; *r; r++)
            skip |= strcmp(key, *r) == 0;
        if (skip)
            continue;
        fputs(", ", out);
        put_string(out, key);
        fputs(": ", out);
        put_attr_value(out, &val);
    }
}

int ag__write_json(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err)
{
    static const char *const node_keys[] = {"id", NULL};
    static const char *const link_keys[] = {"source", "target", "weight", NULL};
    const char *nl = opts->pretty ? "\n" : "";
    const char *links = opts->links_key ? opts->links_key : "links";
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    char num[40];

    if (strcmp(links, "links") != 0 && strcmp(links, "edges") != 0)
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                            "node-link JSON: the link list is 'links' or 'edges', not '%.40s'",
                            links);

    fprintf(out, "{\"directed\": %s, \"multigraph\": %s, \"graph\": ",
            ag_graph_is_directed(g) ? "true" : "false",
            ag_graph_is_multigraph(g) ? "true" : "false");
    put_value(out, ag_graph_attrs_const(g));
    fprintf(out, ",%s\"nodes\": [%s", nl, nl);
    for (size_t i = 0; i < n; i++) {
        fputs("{\"id\": ", out);
        put_id(out, g, i);
        put_attrs(out, g, 0, i, node_keys);
        fprintf(out, "}%s%s", i + 1 < n ? "," : "", nl);
    }
    fprintf(out, "],%s\"%s\": [%s", nl, links, nl);
    for (size_t e = 0; e < m; e++) {
        fputs("{\"source\": ", out);
        put_id(out, g, ag_edge_source(g, e));
        fputs(", \"target\": ", out);
        put_id(out, g, ag_edge_target(g, e));
        if (ag_edge_has_weight(g, e)) {
            if (isfinite(ag_edge_weight(g, e)))
                ag__format_double(ag_edge_weight(g, e), 1, num, sizeof num);
            else
                strcpy(num, "null"); /* refused when read back, never invalid JSON */
            fprintf(out, ", \"weight\": %s", num);
        }
        put_attrs(out, g, 1, e, link_keys);
        fprintf(out, "}%s%s", e + 1 < m ? "," : "", nl);
    }
    fprintf(out, "]}\n");
    if (ferror(out))
        return ag_error_set(err, AG_EIO, NULL, 0, 0, "write error");
    return 0;
}
