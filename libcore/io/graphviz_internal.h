/*
 * graphviz_internal.h - cgraph/gvc headers and the capture of their messages, shared by
 * the DOT reader (io/dot_read.c) and the picture renderer (render/dot_write.c).
 *
 * cgraph reports errors through one process-global callback; between
 * ag__gv_capture_start and ag__gv_capture_stop its messages go to a buffer instead of
 * stderr. Not thread-safe, like cgraph itself.
 */
#ifndef AG_GRAPHVIZ_INTERNAL_H
#define AG_GRAPHVIZ_INTERNAL_H

#include <stddef.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

/* Start capturing; returns the previous callback for ag__gv_capture_stop. */
agusererrf ag__gv_capture_start(void);
void ag__gv_capture_stop(agusererrf previous);
/* The first captured "Error: " message, its "NAME: " prefix and trailing newline gone,
 * into buf; *line gets N from "in line N" (removed from the text), else 0. Returns 0 when
 * no error was captured. */
int ag__gv_captured_error(const char *name, char *buf, size_t size, long *line);

/* Every attribute name render.c may set on the graph, nodes or edges. ag__dot_emit lists
 * them in the graph attribute "actorgraph_style" and ag__read_dot drops them again, so a
 * DOT file ag-render wrote reads back with its data and without the drawing. Kept in
 * sync with render.c by tests/unit/test_render.c. */
#define AG__STYLE_KEYS                                                                             \
    "label labelloc labeljust fontname overlap overlap_scaling sep outputorder bgcolor pad "       \
    "size ratio dpi margin width height penwidth color shape style fillcolor fontsize "            \
    "tooltip start layout splines esep"
#define AG__STYLE_MARK "actorgraph_style"

/* Graphviz attributes that name a file Graphviz would read while laying out or rendering
 * (an image, a shape file, a font or image directory, a style sheet). A graph from
 * elsewhere must never make us read local files into a picture, nor pass such a name on
 * in the DOT we write: the reader drops them and the writer never writes them. */
static inline int ag__gv_names_file(const char *key)
{
    static const char *const keys[] = {"image",    "imagepath",  "shapefile",
                                       "fontpath", "stylesheet", NULL};
    for (const char *const *k = keys; *k; k++)
        if (strcmp(key, *k) == 0)
            return 1;
    return 0;
}

#endif
