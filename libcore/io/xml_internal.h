/*
 * xml_internal.h - the libxml2 boundary the XML readers (graphml_read.c, gexf_read.c)
 * share, in xml_read.c: a streaming xmlTextReader set up the one safe way (a DOCTYPE is
 * refused before parsing; no entity substitution, no DTD loading, no network), libxml2's
 * messages captured into the ag_error with their line and column (never printed), and
 * the few navigation steps both readers need. Private to libcore, never installed.
 *
 * Ownership: an ag__xml owns its reader from ag__xml_open to ag__xml_close. Strings
 * from ag__xml_attr are the caller's, freed with xmlFree; ag__xml_lname's is borrowed
 * until the next step.
 */
#ifndef AG_XML_INTERNAL_H
#define AG_XML_INTERNAL_H

#include <libxml/xmlreader.h>

#include <actorgraph/io/io.h>

typedef struct ag__xml {
    xmlTextReaderPtr r;           /* the libxml2 reader, NULL when not open */
    const char *name;             /* source name for messages */
    const char *format;           /* "GraphML", "GEXF": for messages */
    const ag_read_limits *limits; /* never NULL */
    ag_error *err;                /* where errors go */
    int failed;                   /* libxml2 reported an error (set in *err) */
} ag__xml;

/*
 * Open a reader on buf[0, len). Refuses (with *err set, nothing to close) a DOCTYPE in
 * the prolog, at its offset, and input past libxml2's 2 GiB. 0 or -1.
 */
int ag__xml_open(ag__xml *x, const char *buf, size_t len, const char *name, const char *format,
                 const ag_read_limits *limits, ag_error *err);
/* Free the reader; safe on a reader that failed to open or was closed. */
void ag__xml_close(ag__xml *x);

/* The line of the current node (0 when unknown). */
long ag__xml_line(ag__xml *x);
/* Set *err at the current line; returns -1. */
__attribute__((format(printf, 3, 4))) int ag__xml_fail(ag__xml *x, int code, const char *fmt, ...);

/* Advance one node: 1 = on a node, 0 = end of document, -1 = error (set; also for
 * elements nested deeper than limits->max_depth, and for a DOCTYPE or an entity
 * reference, which are never accepted). */
int ag__xml_next(ag__xml *x);
/* Skip the rest of the current element (positioned on its start tag). 0 or -1. */
int ag__xml_skip(ag__xml *x);
/* The next child element of the element whose start tag was at `depth`: 1 = on the
 * child's start tag, 0 = at the parent's end tag, -1 = error. Each child must be consumed
 * (read to its end, or ag__xml_skip) before the next call. */
int ag__xml_next_child(ag__xml *x, int depth);

/* Local name of the current node ("" when none). */
const char *ag__xml_lname(ag__xml *x);
/* Value of attribute `name` of the current element, or NULL; free with xmlFree. */
char *ag__xml_attr(ag__xml *x, const char *name);
/* Depth of the current node; is the current element empty (<a/>)? */
int ag__xml_depth(ag__xml *x);
int ag__xml_is_empty(ag__xml *x);

#endif
