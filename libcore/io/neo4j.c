/*
 * neo4j.c - CSV for `neo4j-admin database import`: a nodes file and a relationships
 * file whose header rows follow the import tool's header format, <name>:<type>.
 *
 *   nodes.csv          id:ID,:LABEL,type,mentions:int,pagerank:double,aliases:string[],...
 *   relationships.csv  :START_ID,:END_ID,:TYPE,weight:double,met:boolean,...
 *
 * The node id is both the import id and the property "id". Every node has the label
 * Actor, plus its type capitalised (Person, Org, Country, Place) when the type is a
 * plain word. Every link is a relationship of type LINK from source to target (an
 * undirected graph's links are still stored with a direction: query them without one).
 * Property columns are typed from all their values (formats.c): booleans boolean,
 * integers int (long past 32 bits), other numbers double, strings that are all valid
 * dates date, lists of strings string[] (elements joined with ';', the import tool's
 * array delimiter, when no element holds one), anything else string (records and other
 * lists as compact JSON text). Empty cells are absent properties. Fields are RFC 4180
 * CSV in UTF-8; a value with a line break needs --multiline-fields=true.
 *
 * Both files are complete before either is renamed into place (as csv.c does).
 *
 * Time complexity: O(V + E) times the number of attribute columns.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <actorgraph/io/io.h>

#include "io/formats_internal.h"
#include "io/io_internal.h"

/* How one property column is written. */
enum { N_PLAIN, N_DATE, N_ARRAY, N_JSON };

typedef struct ncol {
    char *header; /* "name:type" as written */
    int how;      /* N_* */
} ncol;

static int is_null(const ag_attr_value *v)
{
    return v->type == AG_ATTR_OTHER && json_is_null(v->other);
}

/* Does the column `name` of kind `kind` hold only valid dates (N_DATE), lists whose
 * elements hold no ';' (N_ARRAY; else N_JSON), or neither (N_PLAIN)? */
static int column_how(const ag_graph *g, int edges, const ag__column *c)
{
    size_t count = edges ? ag_graph_edge_count(g) : ag_graph_node_count(g);
    int all_dates = c->kind == AG__K_STRING;

    if (c->kind != AG__K_STRING && c->kind != AG__K_LIST)
        return c->kind == AG__K_JSON ? N_JSON : N_PLAIN;
    for (size_t i = 0; i < count; i++) {
        ag_attr_value v;
        if (ag__row_get(g, edges, i, c->name, &v) < 0 || is_null(&v))
            continue;
        if (c->kind == AG__K_STRING) {
            if (!ag__is_iso_date(v.string))
                all_dates = 0;
            continue;
        }
        for (size_t k = 0; k < json_array_size(v.other); k++)
            if (strchr(json_string_value(json_array_get(v.other, k)), ';'))
                return N_JSON;
    }
    return c->kind == AG__K_LIST ? N_ARRAY : all_dates ? N_DATE : N_PLAIN;
}

static const char *type_suffix(const ag__column *c, int how)
{
    switch (how) {
    case N_DATE:
        return ":date";
    case N_ARRAY:
        return ":string[]";
    case N_JSON:
        return "";
    default:
        break;
    }
    switch (c->kind) {
    case AG__K_BOOL:
        return ":boolean";
    case AG__K_INT:
        return c->wide ? ":long" : ":int";
    case AG__K_REAL:
        return ":double";
    default:
        return ""; /* string, the import tool's default */
    }
}

/* The columns' headers: the name with ':' (the type separator) as '_', '_' appended
 * while it clashes (case-sensitively, as property keys are) with a reserved name or an
 * earlier column, then the type. */
static ncol *plan(const ag_graph *g, int edges, const ag__columns *c, const char *const *reserved)
{
    ncol *cols = calloc(c->n + 1, sizeof *cols);
    char **names = calloc(c->n + 1, sizeof *names);

    if (!cols || !names)
        goto fail;
    for (size_t i = 0; i < c->n; i++) {
        size_t n = strlen(c->col[i].name);
        int how = column_how(g, edges, &c->col[i]), clash;
        const char *suffix = type_suffix(&c->col[i], how);
        char *s = malloc(n + c->n + 4 + strlen(suffix));
        if (!s)
            goto fail;
        memcpy(s, c->col[i].name, n + 1);
        for (char *p = s; *p; p++)
            if (*p == ':')
                *p = '_';
        do {
            clash = 0;
            for (size_t k = 0; reserved[k] && !clash; k++)
                clash = strcmp(s, reserved[k]) == 0;
            for (size_t k = 0; k < i && !clash; k++)
                clash = strcmp(s, names[k]) == 0;
            if (clash)
                strcat(s, "_");
        } while (clash);
        names[i] = strdup(s);
        strcat(s, suffix);
        cols[i].header = s;
        cols[i].how = how;
        if (!names[i])
            goto fail;
    }
    for (size_t i = 0; i < c->n; i++)
        free(names[i]);
    free(names);
    return cols;
fail:
    for (size_t i = 0; cols && i < c->n; i++)
        free(cols[i].header);
    for (size_t i = 0; names && i < c->n; i++)
        free(names[i]);
    free(cols);
    free(names);
    return NULL;
}

static void free_cols(ncol *cols, size_t n)
{
    for (size_t i = 0; cols && i < n; i++)
        free(cols[i].header);
    free(cols);
}

/* The property cells of one record, in column order. */
/* The cells of node or link (edges) index, in column order. */
static void put_cells(FILE *f, const ag__columns *c, const ncol *cols, const ag_graph *g, int edges,
                      size_t index, ag__buf *scratch, int *oom)
{
    for (size_t i = 0; i < c->n; i++) {
        ag_attr_value v;
        const char *text;
        size_t len;

        ag__puts(f, ",");
        if (ag__row_get(g, edges, index, c->col[i].name, &v) < 0 || is_null(&v) ||
            (v.type == AG_ATTR_REAL && !isfinite(v.real)))
            continue;
        if (cols[i].how == N_ARRAY) {
            ag__buf_reset(scratch);
            for (size_t k = 0; k < json_array_size(v.other); k++) {
                const json_t *x = json_array_get(v.other, k);
                if ((k && ag__buf_add(scratch, ";", 1) < 0) ||
                    ag__buf_add(scratch, json_string_value(x), json_string_length(x)) < 0) {
                    *oom = 1;
                    return;
                }
            }
            if (scratch->len)
                ag__csv_field(f, scratch->p, scratch->len);
            continue;
        }
        text = ag__attr_text(&v, cols[i].how == N_JSON ? AG__K_JSON : c->col[i].kind, scratch, &len,
                             oom);
        if (text)
            ag__csv_field(f, text, len);
    }
}

/* The node's labels: Actor, and its type capitalised when it is a plain word. */
static void put_labels(FILE *f, const ag_graph *g, size_t node)
{
    const char *t = NULL;
    int word;

    ag_node_get_string(g, node, "type", &t);
    word = t && ((*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z'));

    for (const char *p = t; word && *p; p++)
        word = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
               *p == '_';
    ag__puts(f, "Actor");
    if (word && strcmp(t, "Actor") != 0 && strcasecmp(t, "actor") != 0) {
        char first = *t >= 'a' && *t <= 'z' ? (char)(*t - 'a' + 'A') : *t;
        ag__puts(f, ";");
        ag__putn(f, &first, 1);
        ag__puts(f, t + 1);
    }
}

int ag_graph_write_neo4j(const ag_graph *g, const char *dest, ag_error *err)
{
    static const char *const node_reserved[] = {"id", NULL};
    static const char *const edge_reserved[] = {"weight", NULL};
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    ag__columns nc = {0}, ec = {0};
    ncol *ncols = NULL, *ecols = NULL;
    char *npath = NULL, *epath = NULL;
    ag_output no = {0}, eo = {0};
    ag__buf scratch = {0};
    int oom = 0, rc = -1;

    if (!dest || !*dest || strcmp(dest, "-") == 0)
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                            "neo4j output is two files: give a directory ending in '/' or a "
                            "file prefix (-o DIR/ or -o PREFIX)");
    if (dest[strlen(dest) - 1] == '/' && mkdir(dest, 0777) < 0 && errno != EEXIST)
        return ag_error_set(err, AG_EIO, dest, 0, 0, "cannot create directory: %s",
                            strerror(errno));
    for (size_t i = 0; i < n; i++)
        if (ag__columns_scan_row(&nc, g, 0, i, err) < 0)
            goto out;
    for (size_t e = 0; e < m; e++)
        if (ag__columns_scan_row(&ec, g, 1, e, err) < 0)
            goto out;
    if (!(ncols = plan(g, 0, &nc, node_reserved)) || !(ecols = plan(g, 1, &ec, edge_reserved)) ||
        !(npath = ag__table_path(dest, "nodes")) ||
        !(epath = ag__table_path(dest, "relationships"))) {
        ag_error_set(err, AG_ENOMEM, dest, 0, 0, "out of memory");
        goto out;
    }
    if (ag_output_open(&no, npath, err) < 0 || ag_output_open(&eo, epath, err) < 0)
        goto out;

    ag__puts(no.fp, "id:ID,:LABEL");
    for (size_t i = 0; i < nc.n; i++) {
        ag__puts(no.fp, ",");
        ag__csv_field(no.fp, ncols[i].header, strlen(ncols[i].header));
    }
    ag__puts(no.fp, "\n");
    for (size_t i = 0; i < n; i++) {
        const char *id = ag_node_id(g, i);
        ag__csv_field(no.fp, id, strlen(id));
        ag__puts(no.fp, ",");
        put_labels(no.fp, g, i);
        put_cells(no.fp, &nc, ncols, g, 0, i, &scratch, &oom);
        ag__puts(no.fp, "\n");
    }

    ag__puts(eo.fp, ":START_ID,:END_ID,:TYPE,weight:double");
    for (size_t i = 0; i < ec.n; i++) {
        ag__puts(eo.fp, ",");
        ag__csv_field(eo.fp, ecols[i].header, strlen(ecols[i].header));
    }
    ag__puts(eo.fp, "\n");
    for (size_t e = 0; e < m; e++) {
        const char *s = ag_node_id(g, ag_edge_source(g, e));
        const char *t = ag_node_id(g, ag_edge_target(g, e));
        double w = ag_edge_weight(g, e);
        ag__csv_field(eo.fp, s, strlen(s));
        ag__puts(eo.fp, ",");
        ag__csv_field(eo.fp, t, strlen(t));
        ag__puts(eo.fp, ",LINK,");
        if (isfinite(w))
            ag__put_double(eo.fp, w);
        put_cells(eo.fp, &ec, ecols, g, 1, e, &scratch, &oom);
        ag__puts(eo.fp, "\n");
    }
    if (ag__commit_pair(&no, &eo, oom, dest, err) < 0)
        goto out;
    rc = 0;
out:
    ag_output_abort(&no);
    ag_output_abort(&eo);
    free_cols(ncols, nc.n);
    free_cols(ecols, ec.n);
    free(npath);
    free(epath);
    ag__columns_free(&nc);
    ag__columns_free(&ec);
    ag__buf_free(&scratch);
    return rc;
}
