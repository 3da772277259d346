/*
 * actorgraph/render/render.h - styled DOT and finished pictures (SVG, PNG, PDF) of an actor
 * graph, laid out by Graphviz in-process (the library behind ag-render).
 *
 * Ownership: the graph and the options are borrowed for the duration of a call; the FILE
 * is borrowed and never closed. ag_render_select returns a new graph the caller frees
 * with ag_graph_free.
 * Thread safety: none of these calls may run concurrently with another DOT or picture
 * call (cgraph and gvc keep process-global state such as the error callback).
 *
 * The picture is meant to be read by a person: by default only the 60 actors ranked
 * highest by the size measure are drawn, labels never overlap (Graphviz overlap removal),
 * node size follows the measure (pagerank, else degree), colour follows the community
 * (else the actor type), shape follows the type, pen width follows the link weight, and
 * links whose actors met are drawn in a strong colour. A title and a legend sit on top.
 * In SVG every actor and link carries a tooltip (roles, aliases, measures; evidence
 * sentences), so hovering shows why a link is there.
 */
#ifndef ACTORGRAPH_RENDER_H
#define ACTORGRAPH_RENDER_H

#include <stdio.h>
#include <actorgraph/util/error.h>
#include <actorgraph/graph/graph.h>
#include <actorgraph/io/io.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What decides a node's fill colour. */
typedef enum ag_render_color {
    AG_RENDER_COLOR_AUTO = 0,  /* community when the graph has one, else type */
    AG_RENDER_COLOR_COMMUNITY, /* integer attribute "community" (0 = largest) */
    AG_RENDER_COLOR_TYPE       /* attribute "type" */
} ag_render_color;

typedef struct ag_render_opts {
    unsigned int version;       /* AG_RENDER_OPTS_VERSION */
    ag_format format;           /* AG_FMT_SVG, AG_FMT_PNG, AG_FMT_PDF, or AG_FMT_DOT (styled,
                                   not laid out) */
    const char *layout;         /* Graphviz engine: sfdp, neato, fdp, dot, circo, twopi;
                                   NULL (default): by size, see ag_render_layout_for */
    long top;                   /* draw the N actors ranked highest by size_by; 0: all */
    const char *size_by;        /* numeric node attribute; NULL: pagerank, else degree */
    ag_render_color color_by;   /* colour rule */
    const char *title;          /* title line; NULL: ag_render_title */
    int met_only;               /* keep only links with met = true and the actors they join */
    int tooltips;               /* SVG/DOT tooltips with roles, aliases, measures, evidence */
    int evidence;               /* evidence sentences per link tooltip */
    size_t max_nodes;           /* refuse to lay out more actors than this; 0: the engine's
                                   limit (see ag_render_layout_limit) */
    const ag_write_opts *write; /* ag_graph_save's data formats (GEXF version, JSON links
                                   key, GML keys, plain DOT); NULL: AG_WRITE_OPTS_INIT */
    int dpi;                    /* PNG: dots per inch; 0: 96 */
    int width;                  /* PNG: width in pixels (the drawing is scaled to it); 0: as
                                   laid out, at most 13.3 x 8.3 inches (1280 x 800 at 96 dpi) */
    const char *caption;        /* a source line under the picture; NULL: none */
    int positions;              /* ag_graph_save, data formats: lay the graph out as a picture
                                   and write each actor's x and y (ag_render_positions) */
} ag_render_opts;

#define AG_RENDER_OPTS_VERSION 1
#define AG_RENDER_OPTS_INIT                                                                        \
    {                                                                                              \
        .version = AG_RENDER_OPTS_VERSION, .format = AG_FMT_SVG, .layout = NULL, .top = 60,        \
        .size_by = NULL, .color_by = AG_RENDER_COLOR_AUTO, .title = NULL, .met_only = 0,           \
        .tooltips = 1, .evidence = 3, .max_nodes = 0, .write = NULL, .dpi = 0, .width = 0,         \
        .caption = NULL, .positions = 0                                                            \
    }

/* Fill *opts with the defaults of AG_RENDER_OPTS_INIT for the struct layout of `version`
 * (pass AG_RENDER_OPTS_VERSION). 0, or -1 leaving *opts untouched for an unknown version. */
AG_API int ag_render_opts_init(ag_render_opts *opts, unsigned int version);

/* 1 when name is a layout engine ag_render_picture accepts ("sfdp", "neato", "fdp",
 * "dot", "circo", "twopi"), else 0. */
AG_API int ag_render_layout_known(const char *name);

/* The number of actors beyond which a layout engine is refused because it would not
 * finish in reasonable time (a few seconds to a minute on a laptop); 0 for an unknown
 * engine. */
AG_API size_t ag_render_layout_limit(const char *layout);

/* The engine a picture of `actors` actors is laid out with when opts->layout is NULL:
 * neato (stress majorization, tidier for a small graph) up to AG_RENDER_NEATO_MAX actors,
 * sfdp (multilevel, fast) above. Else opts->layout. */
#define AG_RENDER_NEATO_MAX 100
AG_API const char *ag_render_layout_for(const ag_render_opts *opts, size_t actors);

/* The picture's title: opts->title, else g's string graph attribute "title", else
 * "corpus" (the name of the collection it came from), else "Who met whom" (never the
 * file's name: "graph", "g"). Borrowed from opts or g. */
AG_API const char *ag_render_title(const ag_graph *g, const ag_render_opts *opts);

/*
 * The part of g that is drawn: with met_only, the links whose "met" is true and the
 * actors they join; then, when top > 0, the `top` actors ranked highest by the size
 * measure (ties by id) and the links among them. Attributes are kept. A new graph, or
 * NULL with *err set (AG_ENOTFOUND when size_by names an attribute no actor has).
 * Time complexity: O(V log V + E).
 */
AG_API ag_graph *ag_render_select(const ag_graph *g, const ag_render_opts *opts, ag_error *err);

/*
 * Write a styled DOT description of g to out: every data attribute (lists and objects as
 * JSON text) plus label, colours, sizes, pen widths, tooltips and a title/legend label.
 * `dot`, `neato` and `sfdp` accept it; ag_graph_read reads it back. The whole of g is
 * written (call ag_render_select first to reduce it). Time complexity: O(V + E).
 */
AG_API int ag_render_dot(const ag_graph *g, FILE *out, const ag_render_opts *opts, ag_error *err);

/*
 * Select (as ag_render_select), style, lay out with opts->layout and write the picture
 * in opts->format (svg, png or pdf) to out. Fails with AG_ELIMIT, suggesting --top, when
 * the selection is too large for the engine; with AG_EINVAL for an unknown engine or a
 * format that is not a picture.
 */
AG_API int ag_render_picture(const ag_graph *g, FILE *out, const ag_render_opts *opts,
                             ag_error *err);

/*
 * Select (as ag_render_select), lay out as ag_render_picture lays out the picture, and
 * return the selection with numeric node attributes "x" and "y": the centre of each
 * actor in points, y pointing up (Graphviz's and Gephi's convention). A new graph, or
 * NULL with *err set (AG_ELIMIT, suggesting --top, as for pictures).
 */
AG_API ag_graph *ag_render_positions(const ag_graph *g, const ag_render_opts *opts, ag_error *err);

/* Write g in a data format (json, graphml, gexf, dot, gml, tsv) to out. opts may be NULL.
 * DOT is styled as ag_render_dot styles it, with every actor; pictures go through
 * ag_render_picture and CSV pairs through ag_graph_write_csv. */
AG_API int ag_graph_write(const ag_graph *g, ag_format fmt, FILE *out, const ag_write_opts *opts,
                          ag_error *err);

/*
 * Save g at path in fmt: the one output path of the tools. Nothing appears at path
 * unless all of it was written (a temporary sibling renamed into place; see
 * ag_output_open); path "-" or NULL is standard output.
 *   fmt: AG_FMT_AUTO takes the format from path's extension (ag_format_from_path: "DIR/"
 *        is CSV), else JSON.
 *   CSV: the Gephi pair (ag_graph_write_csv): path ending in '/' is a directory that gets
 *        nodes.csv and edges.csv, any other path a prefix (PATH_nodes.csv,
 *        PATH_edges.csv); both complete before either is renamed. Never standard output.
 *   SVG, PNG, PDF: drawn as ag_render_picture draws them with opts (selection included).
 *   DOT: styled as ag_render_dot styles it with opts, every actor of g; with
 *        opts->write->dot_plain, data only (ag_graph_write).
 *   HTML: the interactive page (actorgraph-formats(5), ag-render(1)).
 *   NEO4J: neo4j-admin import CSV (ag_graph_write_neo4j), path as for CSV.
 *   Other formats: ag_graph_write with opts->write, opts->title as the title.
 *   opts->positions: for the data formats, g is laid out first (ag_render_positions, every
 *        actor) and written with x and y (GEXF: viz:position).
 * opts may be NULL for AG_RENDER_OPTS_INIT; its format field is ignored (fmt says).
 */
AG_API int ag_graph_save(const ag_graph *g, const char *path, ag_format fmt,
                         const ag_render_opts *opts, ag_error *err);

#ifdef __cplusplus
}
#endif
#endif
