/*
 * csv.c - Gephi's spreadsheet import: a nodes table (Id,Label,...) and an edges table
 * (Source,Target,Weight,Type,...), RFC 4180 CSV in UTF-8
 * (with Unix line ends, which Gephi and every CSV reader accept).
 *
 * Gephi matches the special column names case-insensitively, so attribute columns
 * whose names collide with them (an edge attribute "type" would become the edge
 * direction) get a trailing '_'. Values are written as in the other untyped formats:
 * lists of strings joined with "; ", evidence records as JSON text, booleans
 * true/false; Gephi detects column types itself.
 *
 * Both files go through ag_output, and both are fully written before either is renamed
 * into place, so a failure leaves no half-written table (it can, at worst, leave a
 * complete new nodes table beside the old edges table if the second rename fails).
 *
 * Time complexity: O(V + E) times the number of attribute columns.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <actorgraph/io/io.h>

#include "io/formats_internal.h"
#include "io/io_internal.h"

/* Column header: the attribute name, with '_' appended while it collides (case-
 * insensitively) with one of Gephi's special columns or an earlier header. */
static char **headers(const ag__columns *c, const char *const *special)
{
    char **h = calloc(c->n + 1, sizeof *h);
    if (!h)
        return NULL;
    for (size_t i = 0; i < c->n; i++) {
        size_t n = strlen(c->col[i].name);
        char *s = malloc(n + c->n + 8);
        int clash;
        if (!s)
            goto fail;
        memcpy(s, c->col[i].name, n + 1);
        do {
            clash = 0;
            for (size_t k = 0; special[k] && !clash; k++)
                clash = strcasecmp(s, special[k]) == 0;
            for (size_t k = 0; k < i && !clash; k++)
                clash = strcasecmp(s, h[k]) == 0;
            if (clash)
                strcat(s, "_");
        } while (clash);
        h[i] = s;
    }
    return h;
fail:
    for (size_t i = 0; i < c->n; i++)
        free(h[i]);
    free(h);
    return NULL;
}

static void free_headers(char **h, size_t n)
{
    if (!h)
        return;
    for (size_t i = 0; i < n; i++)
        free(h[i]);
    free(h);
}

/* The cells of the attributes of node or link (is_link) index, in column order (empty
 * for missing ones). */
static void put_cells(FILE *f, ag__columns *c, const ag_graph *g, int is_link, size_t index,
                      ag__buf *scratch, int *oom, long skip)
{
    for (size_t i = 0; i < c->n; i++) {
        ag_attr_value v;
        const char *text;
        size_t len;
        int found;
        if ((long)i == skip)
            continue;
        ag__puts(f, ",");
        found = ag__row_get(g, is_link, index, c->col[i].name, &v);
        if (found < 0 || !(text = ag__attr_text(&v, c->col[i].kind, scratch, &len, oom)))
            continue;
        ag__csv_field(f, text, len);
    }
}

int ag_graph_write_csv(const ag_graph *g, const char *dest, ag_error *err)
{
    static const char *const node_special[] = {"id", "label", "timeset", "interval", NULL};
    static const char *const edge_special[] = {"source", "target", "weight",  "type",     "id",
                                               "label",  "kind",   "timeset", "interval", NULL};
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    ag__columns nc = {0}, ec = {0};
    char **nh = NULL, **eh = NULL, *npath = NULL, *epath = NULL;
    ag_output no = {0}, eo = {0};
    ag__buf scratch = {0};
    long label_col;
    int oom = 0, rc = -1;
    const char *etype = ag_graph_is_directed(g) ? "Directed" : "Undirected";

    if (!dest || !*dest || strcmp(dest, "-") == 0)
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                            "CSV output is two files: give a directory ending in '/' or a "
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
    /* A string attribute "label" is the Label column itself. */
    label_col = ag__columns_find(&nc, "label");
    if (label_col >= 0 && nc.col[label_col].kind != AG__K_STRING)
        label_col = -1;
    if (!(nh = headers(&nc, node_special)) || !(eh = headers(&ec, edge_special)) ||
        !(npath = ag__table_path(dest, "nodes")) || !(epath = ag__table_path(dest, "edges"))) {
        ag_error_set(err, AG_ENOMEM, dest, 0, 0, "out of memory");
        goto out;
    }
    if (ag_output_open(&no, npath, err) < 0 || ag_output_open(&eo, epath, err) < 0)
        goto out;

    ag__puts(no.fp, "Id,Label");
    for (size_t i = 0; i < nc.n; i++)
        if ((long)i != label_col) {
            ag__puts(no.fp, ",");
            ag__csv_field(no.fp, nh[i], strlen(nh[i]));
        }
    ag__puts(no.fp, "\n");
    for (size_t i = 0; i < n; i++) {
        const char *id = ag_node_id(g, i), *label = NULL;
        if (label_col >= 0)
            ag_node_get_string(g, i, "label", &label);
        ag__csv_field(no.fp, id, strlen(id));
        ag__puts(no.fp, ",");
        ag__csv_field(no.fp, label ? label : id, strlen(label ? label : id));
        put_cells(no.fp, &nc, g, 0, i, &scratch, &oom, label_col);
        ag__puts(no.fp, "\n");
    }

    ag__puts(eo.fp, "Source,Target,Weight,Type");
    for (size_t i = 0; i < ec.n; i++) {
        ag__puts(eo.fp, ",");
        ag__csv_field(eo.fp, eh[i], strlen(eh[i]));
    }
    ag__puts(eo.fp, "\n");
    for (size_t e = 0; e < m; e++) {
        const char *s = ag_node_id(g, ag_edge_source(g, e)),
                   *t = ag_node_id(g, ag_edge_target(g, e));
        ag__csv_field(eo.fp, s, strlen(s));
        ag__puts(eo.fp, ",");
        ag__csv_field(eo.fp, t, strlen(t));
        ag__puts(eo.fp, ",");
        ag__put_double(eo.fp, ag_edge_weight(g, e));
        ag__puts(eo.fp, ",");
        ag__puts(eo.fp, etype);
        put_cells(eo.fp, &ec, g, 1, e, &scratch, &oom, -1);
        ag__puts(eo.fp, "\n");
    }
    if (ag__commit_pair(&no, &eo, oom, dest, err) < 0)
        goto out;
    rc = 0;
out:
    ag_output_abort(&no);
    ag_output_abort(&eo);
    free_headers(nh, nc.n);
    free_headers(eh, ec.n);
    free(npath);
    free(epath);
    ag__columns_free(&nc);
    ag__columns_free(&ec);
    ag__buf_free(&scratch);
    return rc;
}
