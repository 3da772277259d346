/*
 * io_internal.h - per-format readers and writers behind ag_graph_read / ag_graph_write.
 * Private to libcore, never installed. Each format lives in its own file (json_read.c and
 * json_write.c, edgelist.c, graphml_read.c and graphml_write.c, gml_read.c and
 * gml_write.c, dot_read.c, gexf.c; DOT is written by render/dot_write.c) and each external parser library is
 * included by exactly one of them.
 *
 * Readers: buf holds len bytes (NUL-terminated at buf[len]); name is for messages;
 * limits is never NULL. They return a new graph or NULL with *err set.
 * Writers: borrow g and out; opts is never NULL.
 */
#ifndef AG_IO_INTERNAL_H
#define AG_IO_INTERNAL_H

#include <actorgraph/io/io.h>

ag_graph *ag__read_json(const char *buf, size_t len, const char *name,
                        const ag_read_limits *limits, ag_error *err);
/* sep is '\t' or ','. */
ag_graph *ag__read_edgelist(const char *buf, size_t len, const char *name, char sep,
                            const ag_read_limits *limits, ag_error *err);
ag_graph *ag__read_graphml(const char *buf, size_t len, const char *name,
                           const ag_read_limits *limits, ag_error *err);
ag_graph *ag__read_gml(const char *buf, size_t len, const char *name,
                       const ag_read_limits *limits, ag_error *err);
ag_graph *ag__read_dot(const char *buf, size_t len, const char *name,
                       const ag_read_limits *limits, ag_error *err);

int ag__write_json(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err);
int ag__write_edgelist(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err);
int ag__write_graphml(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err);
int ag__write_gexf(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err);
int ag__write_gml(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err);

/* Offset of the first byte of s[0, len) that is not valid UTF-8, or -1 when all is valid.
 * Readers check names with it: everything we write (JSON above all) must be UTF-8. */
long long ag__utf8_invalid(const char *s, size_t len);


/* Shared by the writers: the shortest "%.*g" text that reads back as exactly d, written
 * into buf (at least 32 bytes). Integral values come out without a decimal point when
 * as_integer is set (JSON weights), otherwise with ".0" appended (typed reals). */
void ag__format_double(double d, int as_integer, char *buf, size_t size);

#endif
