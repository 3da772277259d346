/*
 * actorgraph/graph/style.h - the visual encoding every styled output shares: node colour from
 * the community (else the actor type), node size from a measure, link width from the
 * weight. The GraphML and GEXF writers (Gephi's visual keys, viz:color, viz:size) and
 * ag-render's DOT and pictures all call these, so a community has the same colour in
 * Gephi as in the SVG.
 *
 * Ownership: an ag_style is caller-owned; ag_style_prepare fills it from a graph it
 * borrows and may allocate a degree table that ag_style_destroy frees. The graph must
 * not change between ag_style_prepare and the last query. Colours are returned by value.
 *
 * Usage:
 *     ag_style st = AG_STYLE_INIT;
 *     if (ag_style_prepare(&st, g, NULL, &err) < 0) ...
 *     ag_rgb c = ag_style_node_color(&st, g, i);
 *     double sz = ag_style_node_size(&st, g, i);
 *     ag_style_destroy(&st);
 */
#ifndef ACTORGRAPH_STYLE_H
#define ACTORGRAPH_STYLE_H

#include <stddef.h>
#include <actorgraph/util/error.h>
#include <actorgraph/graph/graph.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An opaque 8-bit sRGB colour. */
typedef struct ag_rgb {
    unsigned char r; /* red 0..255 */
    unsigned char g; /* green 0..255 */
    unsigned char b; /* blue 0..255 */
} ag_rgb;

/* Which node attribute decides the colour; chosen once per graph by ag_style_prepare. */
typedef enum ag_color_source {
    AG_COLOR_BY_TYPE = 0,  /* attribute "type" (person, org, country, place, other) */
    AG_COLOR_BY_COMMUNITY, /* integer attribute "community" (0 = largest) */
    AG_COLOR_BY_VIZ        /* explicit viz_r, viz_g, viz_b attributes (0..255) */
} ag_color_source;

/* Where node sizes come from; chosen once per graph by ag_style_prepare. */
typedef enum ag_size_source {
    AG_SIZE_BY_DEGREE = 0, /* number of links, counted from the graph itself */
    AG_SIZE_BY_MEASURE,    /* a numeric node attribute (size_measure) */
    AG_SIZE_BY_VIZ         /* explicit viz_size attribute, used as it is */
} ag_size_source;

typedef struct ag_style {
    double min_size;          /* smallest node size (input; default 10) */
    double max_size;          /* largest node size (input; default 50) */
    double min_width;         /* thinnest link (input; default 1) */
    double max_width;         /* thickest link (input; default 6) */
    ag_color_source color_by; /* output: the colour rule in force */
    ag_size_source size_by;   /* output: the size rule in force */
    const char *size_measure; /* output: measure name (AG_SIZE_BY_MEASURE); borrowed from g */
    double lo, hi;            /* output: range of the size measure (or degree) */
    double wlo, whi;          /* output: range of link weights */
    double *degree;           /* degree per node when size_by is AG_SIZE_BY_DEGREE; owned */
} ag_style;

#define AG_STYLE_INIT                                                                              \
    {                                                                                              \
        10.0, 50.0, 1.0, 6.0, AG_COLOR_BY_TYPE, AG_SIZE_BY_DEGREE, NULL, 0, 0, 0, 0, NULL          \
    }

/*
 * Inspect g and decide the rules: colour by viz_r/g/b when any node has all three,
 * else by "community" when any node has an integer community, else by "type". Size by
 * viz_size when any node has it, else by `measure` (NULL: "pagerank", then "degree")
 * when some node has it as a number, else by the structural degree. Keeps the size
 * range fields the caller set. Returns 0, or -1 when out of memory.
 * Time complexity: O(V + E).
 */
AG_API int ag_style_prepare(ag_style *st, const ag_graph *g, const char *measure, ag_error *err);
/* Free what ag_style_prepare allocated; the struct can be prepared again. Accepts NULL. */
AG_API void ag_style_destroy(ag_style *st);

/* The node's colour under st's rule; nodes lacking the attribute get the "other" grey. */
AG_API ag_rgb ag_style_node_color(const ag_style *st, const ag_graph *g, size_t node);
/* The node's size: viz_size as is, or the measure mapped onto [min_size, max_size] by
 * the square root (area grows with the measure). Nodes lacking it get min_size. */
AG_API double ag_style_node_size(const ag_style *st, const ag_graph *g, size_t node);
/* The link's pen width: its weight mapped onto [min_width, max_width] (square root). */
AG_API double ag_style_edge_width(const ag_style *st, const ag_graph *g, size_t edge);

/* Colour number i of the categorical palette: 12 well-separated colours, then hues
 * spaced by the golden angle so any number of communities gets distinct colours.
 * Negative i gives the "other" grey. */
AG_API ag_rgb ag_style_palette(long i);
/* The colour of an actor type (used when colouring by type, and in legends). */
AG_API ag_rgb ag_style_type_color(ag_actor_type t);
/* "#rrggbb" into buf (at least 8 bytes). */
AG_API void ag_style_hex(ag_rgb c, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
