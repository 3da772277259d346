/*
 * style.c - colours and sizes for styled outputs (see actorgraph/graph/style.h).
 *
 * The rules are decided once per graph (ag_style_prepare) rather than per node, so every
 * node of a graph is coloured by the same attribute: a graph where only some nodes carry
 * "community" still gets a community legend, and the others come out grey instead of
 * silently switching to the type palette.
 *
 * Sizes map a measure onto [min_size, max_size] through the square root of its position
 * in the measure's range, so a node's area (not its radius) follows the measure, which
 * is how readers compare circles.
 */
#include <actorgraph/graph/style.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/error_internal.h"

/* The first colours: well separated, dark enough for white text and light enough for
 * black text, in the order communities come (0 = largest community). */
/* The node's community number: an integer, or a real with no fraction (python-igraph
 * writes every number as a double: 1.0). 1 and *k set (k may be NULL), else 0. */
static int community_of(const ag_graph *g, size_t node, long *k)
{
    long long x;
    double d;
    if (ag_node_get_integer(g, node, "community", &x) == 0) {
        if (k)
            *k = (long)x;
        return 1;
    }
    if (ag_node_get_number(g, node, "community", &d) < 0) /* not an integer: a real? */
        return 0;
    if (!(d >= 0 && d < 1e9) || d != floor(d))
        return 0;
    if (k)
        *k = (long)d;
    return 1;
}

static const ag_rgb palette[] = {
    {0x3b, 0x75, 0xaf}, /* blue */
    {0xef, 0x86, 0x36}, /* orange */
    {0x51, 0x9e, 0x3e}, /* green */
    {0xc5, 0x3a, 0x32}, /* red */
    {0x8d, 0x69, 0xb8}, /* purple */
    {0x84, 0x58, 0x4e}, /* brown */
    {0xd5, 0x7d, 0xbf}, /* pink */
    {0xbc, 0xbc, 0x35}, /* olive */
    {0x42, 0xb7, 0xc9}, /* cyan */
    {0xf5, 0xb8, 0x00}, /* gold */
    {0x1f, 0x9e, 0x89}, /* teal */
    {0xa0, 0x51, 0x95}, /* plum */
};
#define NPALETTE (sizeof palette / sizeof palette[0])

static const ag_rgb other_grey = {0xa0, 0xa0, 0xa0};

ag_rgb ag_style_palette(long i)
{
    double h, s = 0.55, v = 0.85, f, p, q, t, r, gr, b;
    int sector;
    ag_rgb c;

    if (i < 0)
        return other_grey;
    if ((unsigned long)i < NPALETTE)
        return palette[i];
    /* Golden-angle hues: consecutive indices land far apart on the colour wheel. */
    h = fmod((double)(i - (long)NPALETTE) * 137.50776405 + 15.0, 360.0) / 60.0;
    sector = (int)h;
    f = h - sector;
    p = v * (1 - s);
    q = v * (1 - s * f);
    t = v * (1 - s * (1 - f));
    switch (sector) {
    case 0:
        r = v, gr = t, b = p;
        break;
    case 1:
        r = q, gr = v, b = p;
        break;
    case 2:
        r = p, gr = v, b = t;
        break;
    case 3:
        r = p, gr = q, b = v;
        break;
    case 4:
        r = t, gr = p, b = v;
        break;
    default:
        r = v, gr = p, b = q;
        break;
    }
    c.r = (unsigned char)lround(r * 255);
    c.g = (unsigned char)lround(gr * 255);
    c.b = (unsigned char)lround(b * 255);
    return c;
}

ag_rgb ag_style_type_color(ag_actor_type t)
{
    switch (t) {
    case AG_ACTOR_PERSON:
        return palette[0];
    case AG_ACTOR_ORG:
        return palette[1];
    case AG_ACTOR_COUNTRY:
        return palette[2];
    case AG_ACTOR_PLACE:
        return palette[4];
    default:
        return other_grey;
    }
}

void ag_style_hex(ag_rgb c, char *buf, size_t size)
{
    snprintf(buf, size, "#%02x%02x%02x", c.r, c.g, c.b);
}

/* ------------------------------------------------------------------ preparing */

static int has_viz_color(const ag_graph *g, size_t node, double rgb[3])
{
    return ag_node_get_number(g, node, "viz_r", &rgb[0]) == 0 &&
           ag_node_get_number(g, node, "viz_g", &rgb[1]) == 0 &&
           ag_node_get_number(g, node, "viz_b", &rgb[2]) == 0;
}

/* The node's `key` as a finite number: 0, or -1 when it has none. */
static int finite_number(const ag_graph *g, size_t node, const char *key, double *out)
{
    return ag_node_get_number(g, node, key, out) == 0 && isfinite(*out) ? 0 : -1;
}

/* Does any node carry `key` as a finite number? */
static int any_number(const ag_graph *g, const char *key)
{
    double d;
    for (size_t i = 0, n = ag_graph_node_count(g); i < n; i++)
        if (finite_number(g, i, key, &d) == 0)
            return 1;
    return 0;
}

int ag_style_prepare(ag_style *st, const ag_graph *g, const char *measure, ag_error *err)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    int first = 1;

    ag_style_destroy(st);
    st->color_by = AG_COLOR_BY_TYPE;
    st->size_by = AG_SIZE_BY_DEGREE;
    st->size_measure = NULL;
    st->lo = st->hi = 0;
    st->wlo = st->whi = 0;

    for (size_t i = 0; i < n; i++) {
        double rgb[3];
        if (has_viz_color(g, i, rgb)) {
            st->color_by = AG_COLOR_BY_VIZ;
            break;
        }
        if (community_of(g, i, NULL))
            st->color_by = AG_COLOR_BY_COMMUNITY;
    }

    if (any_number(g, "viz_size")) {
        st->size_by = AG_SIZE_BY_VIZ;
    } else {
        const char *cand[3] = {measure, measure ? NULL : "pagerank", measure ? NULL : "degree"};
        for (int k = 0; k < 3; k++)
            if (cand[k] && any_number(g, cand[k])) {
                st->size_by = AG_SIZE_BY_MEASURE;
                st->size_measure = cand[k];
                break;
            }
    }

    if (st->size_by == AG_SIZE_BY_DEGREE && n > 0) {
        if (!(st->degree = calloc(n, sizeof *st->degree)))
            return ag__nomem(err);
        for (size_t e = 0; e < m; e++) {
            st->degree[ag_edge_source(g, e)] += 1;
            st->degree[ag_edge_target(g, e)] += 1;
        }
    }
    if (st->size_by != AG_SIZE_BY_VIZ) {
        for (size_t i = 0; i < n; i++) {
            double v;
            if (st->degree) {
                v = st->degree[i];
            } else if (finite_number(g, i, st->size_measure, &v) < 0) {
                continue;
            }
            if (first || v < st->lo)
                st->lo = v;
            if (first || v > st->hi)
                st->hi = v;
            first = 0;
        }
    }
    for (size_t e = 0; e < m; e++) {
        double w = ag_edge_weight(g, e);
        if (!isfinite(w))
            continue;
        if (e == 0 || w < st->wlo)
            st->wlo = w;
        if (e == 0 || w > st->whi)
            st->whi = w;
    }
    return 0;
}

void ag_style_destroy(ag_style *st)
{
    if (!st)
        return;
    free(st->degree);
    st->degree = NULL;
}

/* ------------------------------------------------------------------ queries */

static unsigned char channel(double d)
{
    if (!(d > 0))
        return 0;
    return d >= 255 ? 255 : (unsigned char)lround(d);
}

ag_rgb ag_style_node_color(const ag_style *st, const ag_graph *g, size_t node)
{
    double rgb[3];
    ag_rgb c;

    switch (st->color_by) {
    case AG_COLOR_BY_VIZ:
        if (!has_viz_color(g, node, rgb))
            return other_grey;
        c.r = channel(rgb[0]);
        c.g = channel(rgb[1]);
        c.b = channel(rgb[2]);
        return c;
    case AG_COLOR_BY_COMMUNITY: {
        long k;
        if (!community_of(g, node, &k))
            return other_grey;
        return ag_style_palette(k);
    }
    default:
        return ag_style_type_color(ag_node_type(g, node));
    }
}

/* Map v in [lo, hi] onto [a, b] by the square root of its relative position. */
static double scale(double v, double lo, double hi, double a, double b)
{
    double t;
    if (!(hi > lo))
        return (a + b) / 2;
    t = (v - lo) / (hi - lo);
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return a + (b - a) * sqrt(t);
}

double ag_style_node_size(const ag_style *st, const ag_graph *g, size_t node)
{
    double v;

    switch (st->size_by) {
    case AG_SIZE_BY_VIZ:
        if (finite_number(g, node, "viz_size", &v) < 0 || v < 0)
            return st->min_size;
        return v;
    case AG_SIZE_BY_MEASURE:
        if (finite_number(g, node, st->size_measure, &v) < 0)
            return st->min_size;
        return scale(v, st->lo, st->hi, st->min_size, st->max_size);
    default:
        if (!st->degree)
            return st->min_size;
        return scale(st->degree[node], st->lo, st->hi, st->min_size, st->max_size);
    }
}

double ag_style_edge_width(const ag_style *st, const ag_graph *g, size_t edge)
{
    double w = ag_edge_weight(g, edge);
    if (!isfinite(w))
        return st->min_width;
    return scale(w, st->wlo, st->whi, st->min_width, st->max_width);
}
