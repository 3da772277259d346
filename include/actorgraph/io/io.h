/*
 * actorgraph/io/io.h - reading and writing graphs in every supported format, and the
 * atomic output file that all tools write through.
 *
 * Ownership: readers return a new graph the caller frees with ag_graph_free. Writers
 * borrow the graph and the FILE; they never close it. An ag_output owns its temporary
 * file until ag_output_commit (renamed into place) or ag_output_abort (removed).
 *
 * Readers take the whole input into memory first: graphs fit in memory anyway, and it
 * lets us sniff the format and hand buffers to jansson, libxml2, cgraph and igraph.
 */
#ifndef ACTORGRAPH_IO_H
#define ACTORGRAPH_IO_H

#include <stdio.h>
#include <actorgraph/util/error.h>
#include <actorgraph/graph/graph.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ag_format {
    AG_FMT_AUTO = 0, /* sniff the content (readers) / infer from the file name (writers) */
    AG_FMT_JSON,     /* networkx node-link JSON, the pipeline format */
    AG_FMT_GRAPHML,
    AG_FMT_GEXF, /* GEXF 1.1, 1.2, 1.3 (read); 1.3 or 1.2 (write) */
    AG_FMT_DOT,
    AG_FMT_GML,
    AG_FMT_TSV, /* edge list source<TAB>target[<TAB>weight], header optional */
    AG_FMT_CSV, /* read: edge list with commas; write: Gephi nodes.csv + edges.csv */
    AG_FMT_SVG, /* pictures: write only, laid out by Graphviz */
    AG_FMT_PNG,
    AG_FMT_PDF,
    AG_FMT_NEO4J, /* write only: neo4j-admin import CSV, nodes.csv + relationships.csv */
    AG_FMT_HTML   /* write only: a self-contained interactive page (ag-render) */
} ag_format;

/* "json", "graphml", ... Static storage. */
AG_API const char *ag_format_name(ag_format fmt);
/* Parse a format name ("json" also as "nodelink"); -1 when unknown. */
AG_API int ag_format_parse(const char *name, ag_format *out);
/* Format implied by a file name's extension, AG_FMT_AUTO when none. */
AG_API ag_format ag_format_from_path(const char *path);
/* Best guess at the format of buf; AG_FMT_AUTO when nothing fits. */
AG_API ag_format ag_format_sniff(const char *buf, size_t len);

/* ---------------------------------------------------------------- reading */

/* Limits a reader enforces; AG_READ_LIMITS_INIT gives the documented defaults. */
typedef struct ag_read_limits {
    size_t max_bytes; /* input size (default 4 GiB) */
    size_t max_depth; /* GraphML/GML nesting depth (default 64); JSON nesting is bounded
                       * by jansson's own limit of 2048 */
    size_t max_nodes; /* number of nodes (default 50 million) */
} ag_read_limits;
#define AG_READ_LIMITS_INIT                                                                        \
    {                                                                                              \
        (size_t)4 << 30, 64, 50000000                                                              \
    }

/*
 * Read a whole graph from path ("-" or NULL: stdin). fmt AG_FMT_AUTO sniffs the
 * content. Errors name the file and, when the format gives one, line and column.
 * limits may be NULL for the defaults.
 */
AG_API ag_graph *ag_graph_read(const char *path, ag_format fmt, const ag_read_limits *limits,
                               ag_error *err);
/* Same from memory; name is used in error messages. buf need not be NUL-terminated. */
AG_API ag_graph *ag_graph_read_mem(const char *buf, size_t len, const char *name, ag_format fmt,
                                   const ag_read_limits *limits, ag_error *err);

/* Read a whole file ("-" or NULL: stdin) into a NUL-terminated malloc'd buffer the caller
 * frees. *len excludes the NUL. Fails with AG_ELIMIT past max_bytes. When the first
 * 64 KiB hold a NUL byte (binary or endless input such as /dev/zero; UTF-16 text with a
 * byte-order mark excepted), reading stops there and only those bytes are returned: the
 * caller refuses the input at the NUL's offset. */
AG_API char *ag_read_file(const char *path, size_t max_bytes, size_t *len, ag_error *err);

/* ---------------------------------------------------------------- writing */

/* The GEXF version written. */
typedef enum ag_gexf_version {
    AG_GEXF_1_3 = 0, /* GEXF 1.3 (default): Gephi 0.9 and later, networkx 3 */
    AG_GEXF_1_2      /* GEXF 1.2draft: networkx 2, older Gephi */
} ag_gexf_version;

typedef struct ag_write_opts {
    unsigned int version;         /* AG_WRITE_OPTS_VERSION */
    int pretty;                   /* JSON: one record per line (default 1) */
    const char *title;            /* pictures, GEXF description: NULL for a default */
    ag_gexf_version gexf_version; /* GEXF: AG_GEXF_1_3 (default) or AG_GEXF_1_2 */
    const char *links_key;        /* node-link JSON: the name of the link list, "links" (NULL, the
                                   * default) or "edges" (networkx >= 3.6's default) */
    int gml_alnum_keys;           /* GML: keys of letters and digits only, as the GML grammar
                                   * asks (first_date as firstDate; actorgraph-formats(5)) */
    int dot_plain;                /* DOT: data only, no styling and no HTML-like strings, for
                                   * data exchange (graph-tool, pydot) */
    int threads;                  /* node-link JSON: threads formatting a big graph's records
                                   * (same bytes; default 1) */
} ag_write_opts;

#define AG_WRITE_OPTS_VERSION 1
#define AG_WRITE_OPTS_INIT                                                                         \
    {                                                                                              \
        .version = AG_WRITE_OPTS_VERSION, .pretty = 1, .title = NULL, .threads = 1                 \
    }

/* Fill *opts with the defaults of AG_WRITE_OPTS_INIT for the struct layout of `version`
 * (pass AG_WRITE_OPTS_VERSION). 0, or -1 leaving *opts untouched for an unknown version. */
AG_API int ag_write_opts_init(ag_write_opts *opts, unsigned int version);

/* Gephi spreadsheet import: DEST_nodes.csv (Id,Label,...) and DEST_edges.csv
 * (Source,Target,Weight,Type,...). dest ending in '/' is a directory (DEST/nodes.csv,
 * DEST/edges.csv); otherwise a prefix. Both files are written atomically. */
AG_API int ag_graph_write_csv(const ag_graph *g, const char *dest, ag_error *err);

/* neo4j-admin database import: DEST_nodes.csv (id:ID,:LABEL,typed properties...) and
 * DEST_relationships.csv (:START_ID,:END_ID,:TYPE,weight:double,...), dest as for
 * ag_graph_write_csv; both files are written atomically. Headers and types:
 * actorgraph-formats(5). */
AG_API int ag_graph_write_neo4j(const ag_graph *g, const char *dest, ag_error *err);

/* ---------------------------------------------------------------- atomic output */

typedef struct ag_output {
    FILE *fp;   /* write here */
    char *path; /* final path, NULL for stdout */
    char *tmp;  /* temporary sibling of path while open */
} ag_output;

/* Open path for writing through a temporary file in the same directory ("-" or NULL:
 * stdout). Nothing appears at path until ag_output_commit. */
AG_API int ag_output_open(ag_output *out, const char *path, ag_error *err);
/* Flush, check for write errors, fsync and rename into place (stdout: flush and check).
 * On failure the temporary file is removed. Either way the ag_output is closed. */
AG_API int ag_output_commit(ag_output *out, ag_error *err);
/* Discard: close and remove the temporary file. Safe on a closed or zeroed ag_output. */
AG_API void ag_output_abort(ag_output *out);

/* Async-signal-safe: remove the temporary files of every open ag_output, for a signal
 * handler that is about to end the process (the tools' SIGINT/SIGTERM handler). */
AG_API void ag_output_cleanup(void);

#ifdef __cplusplus
}
#endif
#endif
