/*
 * formats_internal.h - what the GraphML, GEXF, GML, CSV and neo4j writers share (formats.c):
 * typing attribute columns, turning JSON values into text, fast unbuffered-lock output
 * and XML escaping. Private to libcore, never installed.
 *
 * Ownership: an ag__columns owns its column names; ag__buf owns its bytes. Text returned
 * by ag__value_text is borrowed from the value or the scratch buffer and valid until the
 * next call with the same buffer.
 */
#ifndef AG_FORMATS_INTERNAL_H
#define AG_FORMATS_INTERNAL_H

#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include <actorgraph/util/error.h>
#include <actorgraph/graph/graph.h>
#include <actorgraph/io/io.h>

#include "util/buf_internal.h"

/* Lists of strings are written as one string joined by this separator in every
 * format that has no list type (documented in actorgraph-formats(5)). */
#define AG__LIST_SEP "; "
#define AG__LIST_SEP_LEN 2

/* How a column's values are written; the kinds form a small lattice (ag__kind_merge). */
typedef enum ag__kind {
    AG__K_NONE = 0, /* no non-null value seen yet */
    AG__K_BOOL,     /* true/false */
    AG__K_INT,      /* JSON integers */
    AG__K_REAL,     /* numbers, some of them reals */
    AG__K_STRING,   /* strings */
    AG__K_MIXED,    /* scalars of several kinds: written as text */
    AG__K_LIST,     /* arrays of strings, joined with AG__LIST_SEP */
    AG__K_JSON      /* anything else (objects, other arrays): compact JSON text */
} ag__kind;

typedef struct ag__column {
    char *name;    /* attribute name in the model */
    ag__kind kind; /* merged kind of all its values */
    int wide;      /* AG__K_INT: some value does not fit in 32 bits */
} ag__column;

typedef struct ag__columns {
    ag__column *col; /* columns in order of first appearance */
    size_t n;        /* columns in use */
    size_t cap;      /* allocated */
    size_t hint;     /* where the next lookup starts: records repeat their key order */
} ag__columns;

/* The kind of one value (AG__K_NONE for null). */
ag__kind ag__value_kind(const json_t *v);
/* Merge every attribute of one record (a JSON object, may be NULL) into the columns. */
int ag__columns_scan(ag__columns *c, const json_t *attrs, ag_error *err);
/* The same for the attributes of node (is_link 0) or link index of g, read from the
 * graph's columns (no jansson object is made). */
int ag__columns_scan_row(ag__columns *c, const ag_graph *g, int is_link, size_t index,
                         ag_error *err);
/* The k-th attribute of node or link index (ag_node_attr_at, ag_edge_attr_at). */
int ag__row_at(const ag_graph *g, int is_link, size_t index, size_t k, const char **key,
               ag_attr_value *v);
/* The entry key of node or link index into *v: 0, or -1 when absent (ag_node_get_value,
 * ag_edge_get_value: a link's "weight" here is an entry, not the weight). */
int ag__row_get(const ag_graph *g, int is_link, size_t index, const char *key, ag_attr_value *v);
/* Every entry of the object obj onto node or link index, in obj's order (as
 * json_object_update on its attributes would). -1 when out of memory. */
int ag__row_update(ag_graph *g, int is_link, size_t index, const json_t *obj);
/* Index of column `name`, or -1. Average O(1) when records share their key order. */
long ag__columns_find(ag__columns *c, const char *name);
void ag__columns_free(ag__columns *c);

/*
 * Text of value v written in a column of kind `kind`: strings as they are, numbers in
 * shortest round-trip form (reals always with a fraction or exponent), booleans
 * true/false, lists joined, JSON compact. Returns NULL for null values, or when out of
 * memory (then *oom is set).
 */
const char *ag__value_text(const json_t *v, ag__kind kind, ag__buf *scratch, size_t *len, int *oom);
/* The same for an attribute value as the graph's key iteration gives it. */
const char *ag__attr_text(const ag_attr_value *v, ag__kind kind, ag__buf *scratch, size_t *len,
                          int *oom);

/* Unlocked stdio: the writers are single-threaded and write millions of small pieces.
 * With glibc a piece that fits the stream's buffer is copied into it right here, as
 * glibc's own putc_unlocked macro does (<bits/types/struct_FILE.h>): fwrite's calls
 * down to _IO_default_xsputn cost more than the copy of a few bytes (a quarter of the JSON
 * writer's time on a 1 GB Zipf graph). An unbuffered or line-buffered stream has no room
 * there (write_end is write_ptr), so it takes fwrite as before. */
static inline void ag__putn(FILE *f, const char *s, size_t n)
{
#ifdef __GLIBC__
    if (n && n <= (size_t)(f->_IO_write_end - f->_IO_write_ptr)) {
        memcpy(f->_IO_write_ptr, s, n);
        f->_IO_write_ptr += n;
        return;
    }
#endif
    fwrite_unlocked(s, 1, n, f);
}
static inline void ag__puts(FILE *f, const char *s) { ag__putn(f, s, strlen(s)); }
void ag__put_long(FILE *f, long long v);
/* Decimal digits of v written backwards ending at end (24 bytes before it are enough);
 * returns where they start. */
char *ag__digits(long long v, char *end);
void ag__put_size(FILE *f, size_t v);
/* A real in shortest round-trip form, always with a fraction or an exponent. */
void ag__put_double(FILE *f, double d);

/*
 * XML-escape s[0, n): &, <, > always; " and tab/newline as character references in
 * attribute values (in_attr), carriage returns always. Bytes XML 1.0 cannot carry at
 * all (other control characters, invalid UTF-8, U+FFFE/U+FFFF) become U+FFFD.
 */
void ag__xml_escape(FILE *f, const char *s, size_t n, int in_attr);

/* The end of a writer: -1 with the error when an allocation failed (oom) or the
 * stream has an error, else 0. */
int ag__write_status(FILE *out, int oom, ag_error *err);

/* A CSV field (RFC 4180): quoted when it holds a comma, quote, CR, LF or a leading or
 * trailing space, quotes doubled. */
void ag__csv_field(FILE *f, const char *s, size_t n);
/* The path of one table of a pair: DEST/TABLE.csv when dest ends in '/', else
 * DEST_TABLE.csv (a trailing ".csv" of the prefix dropped). malloc'd; NULL when out of
 * memory. */
char *ag__table_path(const char *dest, const char *table);

/* Is s a non-empty ASCII XML name token ([A-Za-z0-9._:-]+)? */
int ag__is_ascii_nmtoken(const char *s);

/* A valid xsd:date "YYYY-MM-DD" (real calendar day)? */
int ag__is_iso_date(const char *s);

/* Commit the two files of a table pair (Gephi CSV, neo4j) once both are complete: out
 * of memory (oom) or a write error leaves neither, and neither is renamed into place
 * before the other is written. dest names the pair in errors. 0, or -1 with err set (the
 * caller still aborts both). */
int ag__commit_pair(ag_output *a, ag_output *b, int oom, const char *dest, ag_error *err);

#endif
