/*
 * write.c - the entries that write a graph in any format: ag_graph_write to a stream
 * (the data formats through their io/ writers, DOT through the styled emitter) and
 * ag_graph_save to a path (every format, pictures and the CSV pair included, committed
 * atomically), the one output path of the tools. They sit in render/ because DOT output
 * is styled (colours, sizes, the title) like the pictures, and io/ must not depend on the
 * styler above it.
 */
#include <string.h>

#include "io/io_internal.h"
#include "render/render_internal.h"

int ag_graph_write(const ag_graph *g, ag_format fmt, FILE *out, const ag_write_opts *opts,
                   ag_error *err)
{
    static const ag_write_opts defaults = AG_WRITE_OPTS_INIT;

    if (!opts)
        opts = &defaults;
    switch (fmt) {
    case AG_FMT_AUTO:
    case AG_FMT_JSON:
        return ag__write_json(g, out, opts, err);
    case AG_FMT_GRAPHML:
        return ag__write_graphml(g, out, opts, err);
    case AG_FMT_GEXF:
        return ag__write_gexf(g, out, opts, err);
    case AG_FMT_GML:
        return ag__write_gml(g, out, opts, err);
    case AG_FMT_DOT:
        return ag__write_dot(g, out, opts, err);
    case AG_FMT_TSV:
        return ag__write_edgelist(g, out, opts, err);
    case AG_FMT_HTML: {
        ag_render_opts ro = AG_RENDER_OPTS_INIT; /* every actor, as for DOT */
        ro.top = 0;
        ro.title = opts->title;
        return ag__render_html(g, out, &ro, err);
    }
    default:
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                            "%s is not a single-stream data format here", ag_format_name(fmt));
    }
}

/* ag_graph_save once fmt is known (and the positions are in g). */
static int save(const ag_graph *g, const char *path, ag_format fmt, ag_render_opts ro,
                ag_error *err)
{
    ag_write_opts wo = AG_WRITE_OPTS_INIT;
    ag_output out;
    int rc;

    if (fmt == AG_FMT_CSV)
        return ag_graph_write_csv(g, path, err); /* refuses stdout: it is two files */
    if (fmt == AG_FMT_NEO4J)
        return ag_graph_write_neo4j(g, path, err); /* likewise */
    ro.format = fmt;
    if (ro.write)
        wo = *ro.write;
    if (!wo.title)
        wo.title = ro.title;
    if (ag_output_open(&out, path, err) < 0)
        return -1;
    if (fmt == AG_FMT_SVG || fmt == AG_FMT_PNG || fmt == AG_FMT_PDF)
        rc = ag_render_picture(g, out.fp, &ro, err);
    else if (fmt == AG_FMT_DOT && !wo.dot_plain)
        rc = ag_render_dot(g, out.fp, &ro, err);
    else if (fmt == AG_FMT_HTML)
        rc = ag__render_html(g, out.fp, &ro, err);
    else
        rc = ag_graph_write(g, fmt, out.fp, &wo, err);
    if (rc < 0 || ag_output_commit(&out, err) < 0) {
        ag_output_abort(&out); /* removes the temporary file; nothing appears at path */
        return -1;
    }
    return 0;
}

int ag_graph_save(const ag_graph *g, const char *path, ag_format fmt, const ag_render_opts *opts,
                  ag_error *err)
{
    ag_render_opts ro = AG_RENDER_OPTS_INIT;
    ag_graph *laid = NULL;
    int rc;

    if (opts)
        ro = *opts;
    if (path && strcmp(path, "-") == 0)
        path = NULL;
    if (fmt == AG_FMT_AUTO && (fmt = ag_format_from_path(path)) == AG_FMT_AUTO)
        fmt = AG_FMT_JSON;
    if (ro.positions && fmt != AG_FMT_SVG && fmt != AG_FMT_PNG && fmt != AG_FMT_PDF &&
        fmt != AG_FMT_HTML) {
        /* The picture's layout of every actor of g (the caller selected already). */
        ag_render_opts lo = ro;
        lo.top = 0;
        lo.met_only = 0;
        if (!(laid = ag_render_positions(g, &lo, err)))
            return -1;
        g = laid;
    }
    rc = save(g, path, fmt, ro, err);
    ag_graph_free(laid);
    return rc;
}
