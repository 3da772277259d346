/*
 * json_write.c - networkx node-link JSON, the pipeline format, written.
 *
 * Writing streams one record per line with our own serialiser instead of building one big
 * jansson tree: a million links would otherwise need a second copy of the graph in
 * memory, and we want shortest round-trip numbers ("0.1", not "0.10000000000000001").
 * The link list is "links" (networkx before 3.6, and node_link_graph(edges="links")
 * after) or, with opts->links_key, "edges" (networkx 3.6's default); the JSON reader
 * takes either.
 *
 * With opts->threads > 1 a big graph's records are formatted by that many threads,
 * chunk by chunk, each into a memory stream of its own, and written in order: formatting
 * is nearly all of the writer's time, and a thread writes its chunk while the others
 * format theirs. The bytes are the same as one thread's.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph_internal.h"
#include "io/formats_internal.h"
#include "util/bytes_internal.h"
#include "io/io_internal.h"

/* ------------------------------------------------------------------ numbers */

void ag__format_double(double d, int as_integer, char *buf, size_t size)
{
    if (!isfinite(d)) {
        /* The spelling Python and GML use; the JSON writer never gets here (it writes
         * null for non-finite numbers). */
        snprintf(buf, size, "%s", isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        return;
    }
    if (d == floor(d) && fabs(d) < 1e15) {
        /* Integral (weights and strengths mostly are): the digits without printf, as
         * "%.0f" or "%.1f" would write them, -0 included. */
        char tmp[24], *p = ag__digits((long long)d, tmp + sizeof tmp);
        size_t len = (size_t)(tmp + sizeof tmp - p), n = 0;
        if (d == 0 && signbit(d))
            buf[n++] = '-';
        memcpy(buf + n, p, len);
        n += len;
        if (!as_integer) {
            memcpy(buf + n, ".0", 2);
            n += 2;
        }
        buf[n] = '\0'; /* at most 20 bytes: buf holds 32 */
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    if (!as_integer && !strpbrk(buf, ".eEn"))
        strncat(buf, ".0", size - strlen(buf) - 1);
}

/* ------------------------------------------------------------------ writing */

static void put_string(FILE *out, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = strlen(s), run = ag__json_run(s, n, 0);
    const char *p = s, *end = s + n;
    char quoted[256];

#ifdef __GLIBC__
    if (run == n && n + 2 <= (size_t)(out->_IO_write_end - out->_IO_write_ptr)) {
        /* Plain, as names and sentences mostly are, and room in the stream's buffer:
         * straight into it (ag__putn). */
        char *w = out->_IO_write_ptr;
        w[0] = '"';
        memcpy(w + 1, s, n);
        w[n + 1] = '"';
        out->_IO_write_ptr = w + n + 2;
        return;
    }
#endif
    if (run == n && n + 2 <= sizeof quoted) {
        /* Plain and short: one write (a stream's write of a few bytes costs more than
         * the copy). */
        quoted[0] = '"';
        memcpy(quoted + 1, s, n);
        quoted[n + 1] = '"';
        ag__putn(out, quoted, n + 2);
        return;
    }
    ag__putn(out, "\"", 1);
    for (;;) {
        if (run)
            ag__putn(out, p, run);
        p += run;
        if (p == end)
            break;
        char esc[6] = {'\\', 0};
        size_t k = 2;
        switch (*p) {
        case '"':
        case '\\':
            esc[1] = *p;
            break;
        case '\n':
            esc[1] = 'n';
            break;
        case '\r':
            esc[1] = 'r';
            break;
        case '\t':
            esc[1] = 't';
            break;
        case '\b':
            esc[1] = 'b';
            break;
        case '\f':
            esc[1] = 'f';
            break;
        default:
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[(unsigned char)*p >> 4];
            esc[5] = hex[*p & 15];
            k = 6;
        }
        ag__putn(out, esc, k);
        p++;
        run = ag__json_run(p, (size_t)(end - p), 0);
    }
    ag__putn(out, "\"", 1);
}

/* A real as the JSON writer spells it: null when not finite (JSON has no NaN or Infinity;
 * a GML or GraphML input can hold them), else shortest round-trip with a fraction. */
static void put_real(FILE *out, double d)
{
    if (isfinite(d))
        ag__put_double(out, d);
    else
        ag__puts(out, "null");
}

static void put_value(FILE *out, const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *key;
        json_t *val;
        int first = 1;
        ag__puts(out, "{");
        json_object_foreach((json_t *)v, key, val)
        {
            if (!first)
                ag__puts(out, ", ");
            first = 0;
            put_string(out, key);
            ag__puts(out, ": ");
            put_value(out, val);
        }
        ag__puts(out, "}");
        break;
    }
    case JSON_ARRAY:
        ag__puts(out, "[");
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (i)
                ag__puts(out, ", ");
            put_value(out, json_array_get(v, i));
        }
        ag__puts(out, "]");
        break;
    case JSON_STRING:
        put_string(out, json_string_value(v));
        break;
    case JSON_INTEGER:
        ag__put_long(out, (long long)json_integer_value(v));
        break;
    case JSON_REAL:
        put_real(out, json_real_value(v));
        break;
    case JSON_TRUE:
        ag__puts(out, "true");
        break;
    case JSON_FALSE:
        ag__puts(out, "false");
        break;
    case JSON_NULL:
        ag__puts(out, "null");
        break;
    }
}

static void put_id(FILE *out, const ag_graph *g, size_t node)
{
    if (ag_graph_has_integer_ids(g))
        ag__puts(out, ag_node_id(g, node));
    else
        put_string(out, ag_node_id(g, node));
}

/* One attribute value, as put_value writes the jansson value it stands for. */
static void put_attr_value(FILE *out, const ag_attr_value *v)
{
    switch (v->type) {
    case AG_ATTR_STRING:
        put_string(out, v->string);
        break;
    case AG_ATTR_INTEGER:
        ag__put_long(out, v->integer);
        break;
    case AG_ATTR_REAL:
        put_real(out, v->real);
        break;
    case AG_ATTR_BOOL:
        ag__puts(out, v->boolean ? "true" : "false");
        break;
    default:
        put_value(out, v->other);
        break;
    }
}

/* A list held natively, as put_value writes the jansson list it stands for. */
static void put_list(FILE *out, const ag__attr_list *list)
{
    ag__puts(out, "[");
    for (size_t i = 0; i < list->n; i++) {
        ag__attr_record r;
        if (i)
            ag__puts(out, ", ");
        if (list->kind == AG__ATTR_STRINGS) {
            put_string(out, ag__attr_list_string(list, i));
            continue;
        }
        ag__attr_list_record(list, i, &r);
        ag__puts(out, "{\"doc\": ");
        put_string(out, r.doc);
        ag__puts(out, ", \"offset\": ");
        ag__put_long(out, r.offset);
        ag__puts(out, ", \"text\": ");
        put_string(out, r.text);
        ag__puts(out, "}");
    }
    ag__puts(out, "]");
}

/* What put_attrs makes of an attribute name, kept by the name's address for the time of
 * one write (the graph is const then, its names stay where they are): a link has about
 * ten, the same ones link after link, and checking each against the reserved names and
 * for escapes cost more than writing its value. */
#define KEY_MEMO 16
typedef struct key_memo {
    struct {
        const char *key;   /* NULL: empty */
        unsigned char len; /* of head; 0: left out (reserved), or too long to keep */
        char head[63];     /* ", \"key\": " */
    } e[KEY_MEMO];
} key_memo;

/* The rest of a record (a node, or a link when is_link): ", key: value" for each
 * attribute, in insertion order. Attributes named like the record's own fields
 * (reserved, NULL-terminated) are left out: a second "id" or "weight" key would make the
 * record ambiguous, and such names reach the model from other formats (an edge-list
 * column called "weight"). memo: one per write and per set of reserved names. */
static void put_attrs(FILE *out, const ag_graph *g, int is_link, size_t index,
                      const char *const *reserved, key_memo *memo)
{
    const char *key;
    ag_attr_value val;
    ag__attr_list list;

    for (size_t k = 0; (is_link ? ag__edge_attr_at_native(g, index, k, &key, &val, &list)
                                : ag__node_attr_at_native(g, index, k, &key, &val, &list)) == 0;
         k++) {
        size_t slot = ((uintptr_t)key >> 3 ^ (uintptr_t)key >> 9) % KEY_MEMO;
        if (memo->e[slot].key != key) {
            int skip = 0;
            for (const char *const *r = reserved; *r; r++) /* (the first byte decides mostly) */
                skip |= key[0] == (*r)[0] && strcmp(key, *r) == 0;
            /* ", key: " in one write when the key needs no escape, as the names of the
             * attributes nearly always are. */
            size_t n = strlen(key);
            memo->e[slot].key = key;
            memo->e[slot].len = 0;
            if (skip)
                continue;
            if (n + 6 <= sizeof memo->e[slot].head && ag__json_run(key, n, 0) == n) {
                char *head = memo->e[slot].head;
                memcpy(head, ", \"", 3);
                memcpy(head + 3, key, n);
                memcpy(head + 3 + n, "\": ", 3);
                memo->e[slot].len = (unsigned char)(n + 6);
            } else {
                memo->e[slot].key = NULL; /* (written the long way every time) */
                ag__puts(out, ", ");
                put_string(out, key);
                ag__puts(out, ": ");
                goto value;
            }
        }
        if (!memo->e[slot].len)
            continue; /* reserved */
        ag__putn(out, memo->e[slot].head, memo->e[slot].len);
    value:
        if (val.type == AG_ATTR_NONE)
            put_list(out, &list);
        else
            put_attr_value(out, &val);
    }
}

/* Node i's record, with the comma that follows all but the last of n. */
static void put_node(FILE *out, const ag_graph *g, size_t i, size_t n, const char *nl,
                     key_memo *memo)
{
    static const char *const node_keys[] = {"id", NULL};
    ag__puts(out, "{\"id\": ");
    put_id(out, g, i);
    put_attrs(out, g, 0, i, node_keys, memo);
    ag__puts(out, i + 1 < n ? "}," : "}");
    ag__puts(out, nl);
}

/* Link e's record, likewise. */
static void put_link(FILE *out, const ag_graph *g, size_t e, size_t m, const char *nl,
                     key_memo *memo)
{
    static const char *const link_keys[] = {"source", "target", "weight", NULL};
    char num[40];
    ag__puts(out, "{\"source\": ");
    put_id(out, g, ag_edge_source(g, e));
    ag__puts(out, ", \"target\": ");
    put_id(out, g, ag_edge_target(g, e));
    if (ag_edge_has_weight(g, e)) {
        double w = ag_edge_weight(g, e);
        ag__puts(out, ", \"weight\": ");
        if (isfinite(w))
            ag__format_double(w, 1, num, sizeof num);
        else
            strcpy(num, "null"); /* refused when read back, never invalid JSON */
        ag__puts(out, num);
    }
    put_attrs(out, g, 1, e, link_keys, memo);
    ag__puts(out, e + 1 < m ? "}," : "}");
    ag__puts(out, nl);
}

typedef void (*put_record_fn)(FILE *out, const ag_graph *g, size_t i, size_t n, const char *nl,
                              key_memo *memo);

/* ------------------------------------------------------------------ threads */

#define CHUNK_RECORDS 1024 /* records a thread formats at once (links: about half a MB) */
#define THREAD_MIN_RECORDS                                                                         \
    (8 * CHUNK_RECORDS) /* fewer: one thread (starting threads and                                 \
                         * copying the chunks would cost more) */
#define MAX_THREADS 16  /* more only wait for their turn to write */

/* The records 0..n-1 being written by several threads. */
typedef struct chunks {
    FILE *out; /* where the chunks go, in order */
    const ag_graph *g;
    size_t n;
    put_record_fn put;
    const char *nl;
    pthread_mutex_t mu;
    pthread_cond_t turn; /* written advanced, or failed */
    size_t claimed;      /* chunks handed out: the next one to format */
    size_t written;      /* chunks written: the next one to write */
    int failed;          /* a chunk could not be formatted or written: everyone stops */
} chunks;

/* A formatting thread: claim the next chunk, format it into a memory stream, wait for its
 * turn, write it. Chunks are claimed in order, so the one being waited for is always in
 * the hands of a thread that runs on. */
static void *format_chunks(void *arg)
{
    chunks *c = arg;
    char *buf = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&buf, &size);
    key_memo memo = {0};

    pthread_mutex_lock(&c->mu);
    while (!c->failed && c->claimed * CHUNK_RECORDS < c->n) {
        size_t k = c->claimed++, end = (k + 1) * CHUNK_RECORDS;
        pthread_mutex_unlock(&c->mu);
        off_t len = -1;
        if (mem && fseeko(mem, 0, SEEK_SET) == 0) {
            for (size_t i = k * CHUNK_RECORDS; i < end && i < c->n; i++)
                c->put(mem, c->g, i, c->n, c->nl, &memo);
            if (fflush(mem) == 0 && !ferror(mem))
                len = ftello(mem);
        }
        pthread_mutex_lock(&c->mu);
        while (c->written != k && !c->failed)
            pthread_cond_wait(&c->turn, &c->mu);
        if (len < 0 || (!c->failed && fwrite_unlocked(buf, 1, (size_t)len, c->out) != (size_t)len))
            c->failed = 1;
        c->written++;
        pthread_cond_broadcast(&c->turn);
    }
    pthread_mutex_unlock(&c->mu);
    if (mem)
        fclose(mem);
    free(buf);
    return NULL;
}

/* Records 0..n-1 by put, on up to `threads` threads (this one among them); -1 when a
 * chunk could not be formatted (out of memory) or written. */
static int put_records(FILE *out, const ag_graph *g, size_t n, put_record_fn put, const char *nl,
                       int threads)
{
    pthread_t tids[MAX_THREADS];
    size_t nt = threads < 1 ? 1 : threads > MAX_THREADS ? MAX_THREADS : (size_t)threads;
    size_t started = 0;

    if (nt < 2 || n < THREAD_MIN_RECORDS) {
        key_memo memo = {0};
        for (size_t i = 0; i < n; i++)
            put(out, g, i, n, nl, &memo);
        return 0;
    }
    chunks c = {out, g, n, put, nl, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0};
    for (; started + 1 < nt; started++)
        if (pthread_create(&tids[started], NULL, format_chunks, &c) != 0)
            break; /* the threads that did start, and this one, do every chunk */
    format_chunks(&c);
    for (size_t t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    pthread_mutex_destroy(&c.mu);
    pthread_cond_destroy(&c.turn);
    return c.failed ? -1 : 0;
}

int ag__write_json(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err)
{
    const char *nl = opts->pretty ? "\n" : "";
    const char *links = opts->links_key ? opts->links_key : "links";
    int rc;

    if (strcmp(links, "links") != 0 && strcmp(links, "edges") != 0)
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                            "node-link JSON: the link list is 'links' or 'edges', not '%.40s'",
                            links);

    fprintf(out, "{\"directed\": %s, \"multigraph\": %s, \"graph\": ",
            ag_graph_is_directed(g) ? "true" : "false",
            ag_graph_is_multigraph(g) ? "true" : "false");
    put_value(out, ag_graph_attrs_const(g));
    fprintf(out, ",%s\"nodes\": [%s", nl, nl);
    rc = put_records(out, g, ag_graph_node_count(g), put_node, nl, opts->threads);
    fprintf(out, "],%s\"%s\": [%s", nl, links, nl);
    if (rc == 0)
        rc = put_records(out, g, ag_graph_edge_count(g), put_link, nl, opts->threads);
    fprintf(out, "]}\n");
    if (rc < 0 || ferror(out))
        return ag_error_set(err, AG_EIO, NULL, 0, 0, "write error");
    return 0;
}
