/*
 * io_internal.h - per-format readers and writers behind ag_graph_read / ag_graph_write.
 * Private to libcore, never installed. Each format lives in its own file (json_read.c and
 * json_write.c, edgelist.c, graphml_read.c and graphml_write.c, gml_read.c and
 * gml_write.c, dot_read.c, gexf_read.c and gexf.c, csv.c, neo4j.c; DOT is written by
 * render/dot_write.c) and each external parser library has one boundary: libxml2 in
 * xml_read.c (for the GraphML and GEXF readers), cgraph in dot_read.c.
 *
 * Readers: buf holds len bytes (NUL-terminated at buf[len]); name is for messages;
 * limits is never NULL. They return a new graph or NULL with *err set.
 * Writers: borrow g and out; opts is never NULL.
 */
#ifndef AG_IO_INTERNAL_H
#define AG_IO_INTERNAL_H

#include <actorgraph/io/io.h>

ag_graph *ag__read_json(const char *buf, size_t len, const char *name, const ag_read_limits *limits,
                        ag_error *err);
/* sep is '\t' or ','. */
ag_graph *ag__read_edgelist(const char *buf, size_t len, const char *name, char sep,
                            const ag_read_limits *limits, ag_error *err);
ag_graph *ag__read_graphml(const char *buf, size_t len, const char *name,
                           const ag_read_limits *limits, ag_error *err);
ag_graph *ag__read_gml(const char *buf, size_t len, const char *name, const ag_read_limits *limits,
                       ag_error *err);
ag_graph *ag__read_dot(const char *buf, size_t len, const char *name, const ag_read_limits *limits,
                       ag_error *err);
ag_graph *ag__read_gexf(const char *buf, size_t len, const char *name, const ag_read_limits *limits,
                        ag_error *err);

int ag__write_json(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err);
int ag__write_edgelist(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err);
int ag__write_graphml(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err);
int ag__write_gexf(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err);
int ag__write_gml(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err);

/* Node names instead of generated ids (node_names.c), for readers of formats whose
 * writers number the nodes. ag__ids_generated: is every id of g generated ("n0", "n1",
 * yEd's "n1::n0", or "0", "1", ... all in one form)? ag__names_key: when they are, the
 * first of keys (NULL-terminated) that gives every node a distinct non-empty string,
 * else NULL. ag__rename_nodes: a copy of g whose node i is named names[i], else (names
 * or names[i] NULL) by its string attribute name_key, else keeps its id; name_key (may
 * be NULL) is removed from the nodes and integer_ids set. NULL with *err set (src names
 * the input) when two nodes would share a name. */
int ag__ids_generated(const ag_graph *g);
const char *ag__names_key(const ag_graph *g, const char *const *keys);
ag_graph *ag__rename_nodes(const ag_graph *g, const char *const *names, const char *name_key,
                           int integer_ids, const char *src, ag_error *err);

/* Sniffing what the user did not mean (sniff.c), from the first 4 KiB of buf.
 * ag__sniff_not_graph: when buf is not a graph in any format we read, the message that
 * says what it looks like ("Markdown text, not a graph"; static storage), else NULL;
 * name (may be NULL) lends its extension. Asked after a reader failed, never before.
 * ag__sniff_graph: the format whose whole opening buf has (a graph given to ag-extract),
 * else AG_FMT_AUTO; strict, so that no article is taken for a graph. */
const char *ag__sniff_not_graph(const char *buf, size_t len, const char *name);
ag_format ag__sniff_graph(const char *buf, size_t len);
/* p past a UTF-8 byte order mark and white space, up to end (io.c). */
const char *ag__skip_space(const char *p, const char *end);

/* Offset of the first byte of s[0, len) that is not valid UTF-8, or -1 when all is valid.
 * Readers check names with it: everything we write (JSON above all) must be UTF-8. */
long long ag__utf8_invalid(const char *s, size_t len);

/* Shared by the writers: the shortest "%.*g" text that reads back as exactly d, written
 * into buf (at least 32 bytes). Integral values come out without a decimal point when
 * as_integer is set (JSON weights), otherwise with ".0" appended (typed reals). */
void ag__format_double(double d, int as_integer, char *buf, size_t size);

#endif
