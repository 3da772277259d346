/*
 * write.c - the one entry that writes a graph in any single-stream format: the data
 * formats through their io/ writers, DOT through the styled emitter. It sits in render/
 * because DOT output is styled (colours, sizes, the title) like the pictures, and io/
 * must not depend on the styler above it.
 */
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
    default:
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                            "%s is not a single-stream data format here", ag_format_name(fmt));
    }
}
