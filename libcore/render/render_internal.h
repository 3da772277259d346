/*
 * render_internal.h - the seam between render.c (what a picture shows: selection,
 * styling, legend, tooltips) and dot_write.c (which talks to cgraph/gvc, as io/dot_read.c does: DOT
 * text, in-memory cgraph graphs, layout and rendering). Private to libcore.
 *
 * render.c describes every element as a list of Graphviz attributes (ag__attrs) whose
 * values are already in Graphviz's "escString" form (labels and tooltips escaped for
 * Graphviz's own backslash and entity processing) but not DOT-quoted; dot_write.c either
 * quotes them into DOT text or sets them on a cgraph object. Elements are described one
 * at a time into a reused list, so a million links never exist as attribute objects at
 * once.
 */
#ifndef AG_RENDER_INTERNAL_H
#define AG_RENDER_INTERNAL_H

#include <stdio.h>
#include <actorgraph/render/render.h>

#include "io/graphviz_internal.h"

/* One Graphviz attribute. */
typedef struct ag__attr {
    char *key; /* attribute name; owned */
    char *val; /* value in escString form; owned */
    int html;  /* value is an HTML-like label (written <...>, set with agstrdup_html) */
} ag__attr;

/* A reusable list of attributes; zero-initialise, ag__attrs_free when done. */
typedef struct ag__attrs {
    ag__attr *v; /* items */
    size_t n;    /* items in use */
    size_t cap;  /* items allocated */
} ag__attrs;

/* Append key=value (printf-style value). -1 when out of memory. */
int ag__attrs_add(ag__attrs *a, const char *key, int html, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* 1 when key is in the list. */
int ag__attrs_has(const ag__attrs *a, const char *key);
/* Empty the list, keeping its storage. */
void ag__attrs_reset(ag__attrs *a);
void ag__attrs_free(ag__attrs *a);

/* Styling of one graph, prepared once (render.c). */
typedef struct ag__styler ag__styler;

/* Prepare styling for g (borrowed; must outlive the styler). total is the number of
 * actors of the graph g was selected from and candidates those eligible before the top
 * cut (for the legend's "N of M" line); 0 when g is everything. */
ag__styler *ag__styler_new(const ag_graph *g, const ag_render_opts *opts, size_t total,
                           size_t candidates, ag_error *err);
void ag__styler_free(ag__styler *s);
/* The layout engine the styled graph is drawn with (ag_render_layout_for its size). */
const char *ag__styler_engine(const ag__styler *s);
/* Graph-level, default node and default edge attributes. */
int ag__style_graph(ag__styler *s, ag__attrs *graph, ag__attrs *node_defaults,
                    ag__attrs *edge_defaults);
/* The caption (opts->caption) or NULL; the attributes of its text node (list reset). */
const char *ag__styler_caption(const ag__styler *s);
int ag__style_caption(ag__styler *s, ag__attrs *out);
/* The attributes of one node / edge (the list is reset first). */
int ag__style_node(ag__styler *s, size_t node, ag__attrs *out);
int ag__style_edge(ag__styler *s, size_t edge, ag__attrs *out);

/* render.c: check opts->layout, select (as ag_render_select, *candidates as for the
 * styler) and refuse with AG_ELIMIT and the --top hint a selection too large for the
 * engine it gets, or for max actors when max > 0 (a page: the message says so). A new
 * graph or NULL. */
ag_graph *ag__render_prepare(const ag_graph *g, const ag_render_opts *opts, size_t max,
                             size_t *candidates, ag_error *err);

/* dot_write.c: write g as DOT text styled by s, plus its data attributes (when with_data).
 * Links in g's order, except that met links come after the others (drawn over them). */
int ag__dot_emit(const ag_graph *g, ag__styler *s, int with_data, FILE *out, ag_error *err);
/* dot_write.c: build g in cgraph styled by s, lay it out with s's engine and render it as
 * fmt (AG_FMT_SVG, AG_FMT_PNG or AG_FMT_PDF) to out, with opts->caption under it. */
int ag__dot_render(const ag_graph *g, ag__styler *s, ag_format fmt, FILE *out, ag_error *err);

/* Where Graphviz put one actor, in points (y grows downwards, as in SVG). */
typedef struct ag__place {
    double x, y; /* centre */
    double w, h; /* size of the node's box */
    char *label; /* the label's lines as Graphviz set them, joined by '\n'; owned; NULL
                    for an HTML-like label */
} ag__place;

/* dot_write.c: lay g out as the pictures are laid out (styled by s, s's engine, the
 * same start); pl[i] (zeroed, ag_graph_node_count(g) of them) gets node i's place. */
int ag__dot_layout(const ag_graph *g, ag__styler *s, ag__place *pl, ag_error *err);
void ag__places_free(ag__place *pl, size_t n);

/* html.c: select (as ag_render_select), lay out as the SVG picture and write the
 * self-contained interactive page. Fails with AG_ELIMIT, suggesting --top, when the
 * selection is too large for a page or for the engine. */
int ag__render_html(const ag_graph *g, FILE *out, const ag_render_opts *opts, ag_error *err);

/* DOT for data exchange: every actor, styled as ag_render_dot styles it. */
int ag__write_dot(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err);

#endif
