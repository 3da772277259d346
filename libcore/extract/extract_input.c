/*
 * extract_input.c - turning ag-extract's arguments into a stream of documents.
 *
 * Inputs are files, directories (walked recursively; entries in byte order of their
 * names, hidden entries skipped, only .txt .md .html .htm .jsonl .ndjson files taken) and
 * "-" for stdin. A .txt/.md/.html file is one document whose id is the file name without
 * extension; .jsonl/.ndjson files hold one article per line. A text file whose name starts
 * with an ISO date ("2024-03-04-summit.txt") is dated by it. Stdin is sniffed: JSON Lines
 * when its first non-blank byte is '{', otherwise one text document with the id "stdin".
 * A document that opens like an HTML page is read as one (extract_html.c), whatever its
 * name.
 *
 * Input the user did not mean is refused rather than turned into a made-up graph: a
 * directory with no article files, an empty standard input, and a graph (GraphML, GEXF,
 * DOT, GML, node-link JSON) given where articles are expected.
 *
 * The reader streams: JSON Lines files are read a line at a time and text files one at a
 * time, so memory holds one document (per queue slot), never the corpus. The file list
 * is collected up front, which also gives the progress bar its total size.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <actorgraph/io/io.h>
#include <actorgraph/nlp/text.h>

#include "io/io_internal.h"
#include "util/bytes_internal.h"
#include "util/error_internal.h"
#include "extract/extract_internal.h"
#include "nlp/text_internal.h"

#define MAX_DOC_BYTES ((size_t)1 << 30) /* one text document; larger files are an error */

typedef struct in_file {
    char *path; /* path, or NULL for stdin */
    int jsonl;  /* 1: JSON Lines; -1: sniff (stdin) */
} in_file;

/* A directory's identity: a link to a directory already walked (a loop such as
 * `self -> .`, or a second way into the same tree) is skipped, not walked again. */
typedef struct dev_ino {
    dev_t dev;
    ino_t ino;
} dev_ino;

/* A set of non-zero 64-bit hashes: the slot is the key (0: empty). A slot holds its
 * whole key, so the set fills to 3/4: a third of the memory of a map to an unused value. */
#define SEEN_EMPTY(t, s) (*(s) == 0)
#define SEEN_MATCH(ctx, s, k, h) (*(s) == (k))
#define SEEN_REHASH(ctx, s) ag__hash_u64(*(s))
AG__HASHMAP(seen_set, uint64_t, uint64_t, const void *, SEEN_EMPTY, SEEN_MATCH, SEEN_REHASH)

struct ag__reader {
    in_file *files; /* inputs in order */
    size_t nfiles, capfiles;
    size_t cur;  /* index of the file being read */
    FILE *fp;    /* open JSON Lines stream, or NULL */
    long lineno; /* line number in fp */
    char *line;  /* getline buffer */
    size_t linecap;
    char *pending; /* stdin: first line read while sniffing, to be used */
    ssize_t pendinglen;
    unsigned long long total;   /* bytes of regular files */
    unsigned long long seq;     /* documents handed out */
    dev_ino *dirs;              /* directories walked so far, to walk each only once */
    seen_set seen;              /* hashes of the documents handed out (seen_doc) */
    unsigned long long repeats; /* documents skipped as repeats */
    size_t ndirs, capdirs;
    const ag_extract_opts *opts; /* borrowed */
};

/* ------------------------------------------------------------------ file list */

static int has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcmp(name + n - e, ext) == 0;
}

static int is_jsonl(const char *path)
{
    return has_ext(path, ".jsonl") || has_ext(path, ".ndjson");
}

static int is_text(const char *path)
{
    return has_ext(path, ".txt") || has_ext(path, ".md") || has_ext(path, ".html") ||
           has_ext(path, ".htm");
}

static int add_file(ag__reader *r, const char *path, int jsonl, ag_error *err)
{
    if (ag__grow(&r->files, &r->capfiles, r->nfiles + 1, sizeof *r->files) < 0)
        return ag__nomem(err);
    char *copy = NULL;
    if (path && !(copy = strdup(path)))
        return ag__nomem(err);
    r->files[r->nfiles++] = (in_file){copy, jsonl};
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 when the directory st describes was walked before, else 0 after noting it; -1 when
 * out of memory. A linear scan: inputs hold few directories next to their files. */
static int seen_dir(ag__reader *r, const struct stat *st)
{
    for (size_t i = 0; i < r->ndirs; i++)
        if (r->dirs[i].dev == st->st_dev && r->dirs[i].ino == st->st_ino)
            return 1;
    if (ag__grow(&r->dirs, &r->capdirs, r->ndirs + 1, sizeof *r->dirs) < 0)
        return -1;
    r->dirs[r->ndirs++] = (dev_ino){st->st_dev, st->st_ino};
    return 0;
}

static int walk(ag__reader *r, const char *dir, const struct stat *dst, int depth, ag_error *err)
{
    DIR *d = NULL;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = -1, seen = seen_dir(r, dst);

    if (seen != 0)
        return seen < 0 ? ag__nomem(err) : 0;
    if (depth > 64)
        return ag_error_set(err, AG_ELIMIT, dir, 0, 0, "directories nested too deeply");
    if (!(d = opendir(dir)))
        return ag_error_set(err, AG_EIO, dir, 0, 0, "cannot open directory: %s", strerror(errno));
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue; /* ., .. and hidden files */
        if (ag__grow(&names, &cap, n + 1, sizeof *names) < 0)
            goto nomem;
        if (!(names[n] = strdup(e->d_name)))
            goto nomem;
        n++;
    }
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(len);
        struct stat st;
        if (!path)
            goto nomem;
        snprintf(path, len, "%s%s%s", dir, has_ext(dir, "/") ? "" : "/", names[i]);
        int fail = 0;
        if (stat(path, &st) != 0) {
            fail = 1; /* a dangling link: skip, as find(1) would list but not open it */
        } else if (S_ISDIR(st.st_mode)) {
            fail = walk(r, path, &st, depth + 1, err) < 0 ? -1 : 0;
        } else if (S_ISREG(st.st_mode) && (is_text(path) || is_jsonl(path))) {
            r->total += (unsigned long long)st.st_size;
            fail = add_file(r, path, is_jsonl(path), err) < 0 ? -1 : 0;
        }
        free(path);
        if (fail < 0)
            goto out;
    }
    rc = 0;
    goto out;
nomem:
    ag__nomem(err);
out:
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    closedir(d);
    return rc;
}

ag__reader *ag__reader_open(const char *const *inputs, size_t ninputs, const ag_extract_opts *opts,
                            ag_error *err)
{
    ag__reader *r = calloc(1, sizeof *r);
    if (!r) {
        ag__nomem(err);
        return NULL;
    }
    r->opts = opts;
    for (size_t i = 0; i < ninputs; i++) {
        const char *p = inputs[i];
        struct stat st;
        int rc;
        if (strcmp(p, "-") == 0) {
            rc = add_file(r, NULL, -1, err);
        } else if (stat(p, &st) != 0) {
            rc = ag_error_set(err, AG_EIO, p, 0, 0, "cannot read: %s", strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            /* A directory walked before (through a link) yields nothing new: fine. */
            size_t files = r->nfiles, dirs = r->ndirs;
            rc = walk(r, p, &st, 0, err);
            if (rc == 0 && r->nfiles == files && r->ndirs > dirs)
                rc = ag_error_set(err, AG_ENOTFOUND, p, 0, 0,
                                  "no articles here (ag-extract reads .txt, .md, .html, .htm, "
                                  ".jsonl and .ndjson files)");
        } else {
            if (S_ISREG(st.st_mode))
                r->total += (unsigned long long)st.st_size;
            rc = add_file(r, p, is_jsonl(p), err);
        }
        if (rc < 0) {
            ag__reader_close(r);
            return NULL;
        }
    }
    return r;
}

unsigned long long ag__reader_total(const ag__reader *r) { return r->total; }

void ag__reader_close(ag__reader *r)
{
    if (!r)
        return;
    if (r->fp && r->fp != stdin)
        fclose(r->fp);
    for (size_t i = 0; i < r->nfiles; i++)
        free(r->files[i].path);
    free(r->files);
    free(r->dirs);
    seen_set_dispose(&r->seen);
    free(r->line);
    free(r->pending);
    free(r);
}

void ag__doc_free(ag__doc *doc)
{
    free(doc->id);
    free(doc->text);
    free(doc->date);
    memset(doc, 0, sizeof *doc);
}

/* ------------------------------------------------------------------ documents */

/* File name without directory and extension: the id of a text document. */
static char *base_id(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    size_t n = dot && dot != b ? (size_t)(dot - b) : strlen(b);
    return strndup(b, n);
}

/* Dates compare as strings, so ISO 8601 timestamps are cut to their date. */
static size_t date_len(const char *s, size_t n)
{
    if (n > 10 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' '))
        n = 10;
    return n;
}

/* YYYY, YYYY-MM or YYYY-MM-DD with a month and day in range (what date_len leaves). */
static int iso_date(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (!((i == 4 || i == 7) ? s[i] == '-' : s[i] >= '0' && s[i] <= '9'))
            return 0;
    if (n != 4 && n != 7 && n != 10)
        return 0;
    int month = n >= 7 ? (s[5] - '0') * 10 + (s[6] - '0') : 1;
    int day = n == 10 ? (s[8] - '0') * 10 + (s[9] - '0') : 1;
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static char *clean_date(const char *s) { return ag__utf8_clean(s, date_len(s, strlen(s))); }

/* A text file named "2024-03-04-something.txt" carries its date in its name. */
static int name_date(const char *id)
{
    for (int i = 0; i < 10; i++) {
        int digit = id[i] >= '0' && id[i] <= '9';
        if ((i == 4 || i == 7) ? id[i] != '-' : !digit)
            return 0;
    }
    return id[10] == '\0' || id[10] == '-' || id[10] == '_' || id[10] == '.';
}

static int not_graph(const char *name, const char *buf, size_t len, ag_error *err);

/* What the user gave as articles: an HTML page becomes its article text (*text
 * replaced), a graph is an error. 0, or -1 with *err set. */
static int article_text(const char *name, char **text, size_t *len, ag_error *err)
{
    if (memchr(*text, '\0', *len))
        return 0; /* binary: ag__doc_parse refuses it at the NUL's offset */
    if (ag__looks_html(*text, *len)) {
        size_t n;
        char *plain = ag__html_text(*text, *len, name, &n, err);
        if (!plain)
            return -1;
        free(*text);
        *text = plain;
        *len = n;
        return 0;
    }
    return not_graph(name, *text, *len, err);
}

/* A graph where articles were expected is an error (-1), naming its format. */
static int not_graph(const char *name, const char *buf, size_t len, ag_error *err)
{
    ag_format fmt = ag__sniff_graph(buf, len);
    if (fmt != AG_FMT_AUTO)
        return ag_error_set(err, AG_EPARSE, NULL, 0, 0,
                            "%s looks like a %s graph, not articles (use ag-analyze or "
                            "ag-render)",
                            name ? name : "<stdin>",
                            fmt == AG_FMT_JSON      ? "node-link JSON"
                            : fmt == AG_FMT_GRAPHML ? "GraphML"
                            : fmt == AG_FMT_GEXF    ? "GEXF"
                            : fmt == AG_FMT_DOT     ? "DOT"
                                                    : "GML");
    return 0;
}

static int text_doc(ag__reader *r, const char *path, ag__doc *doc, ag_error *err)
{
    size_t len, inbytes;
    char *text = ag_read_file(path, MAX_DOC_BYTES, &len, err);
    if (!text)
        return -1;
    inbytes = len;
    if (article_text(path, &text, &len, err) < 0) {
        free(text);
        return -1;
    }
    doc->text = text;
    doc->len = len;
    doc->inbytes = inbytes;
    doc->id = path ? base_id(path) : strdup("stdin");
    doc->src = path;
    doc->date = NULL;
    if (doc->id && name_date(doc->id) && !(doc->date = strndup(doc->id, 10)))
        doc->id = (free(doc->id), NULL);
    doc->seq = r->seq++;
    if (!doc->id) {
        ag__doc_free(doc);
        return ag__nomem(err);
    }
    return 1;
}

/* ------------------------------------------------------------------ fast record path */

/*
 * JSON Lines records are parsed once per article, and a general JSON parser spends most
 * of its time building objects we throw away. This scanner handles the common case in
 * one pass: a flat-ish object whose wanted fields (text, id, date) are strings. It
 * validates everything it skips, and it gives up (returns 0) on anything it does not
 * handle exactly like jansson (numbers as ids, \u0000, invalid UTF-8, control
 * characters, malformed input); the caller then parses with jansson, which either
 * succeeds or produces the error message.
 */
typedef struct scan {
    const char *p, *end; /* cursor and end of the record */
} scan;

static void skip_ws(scan *sc)
{
    while (sc->p < sc->end && (*sc->p == ' ' || *sc->p == '\t' || *sc->p == '\n' || *sc->p == '\r'))
        sc->p++;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

static int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* A plain byte stands for itself in a JSON string. A run of them ends at the closing
 * quote, an escape, a control character (JSON forbids them raw) or a byte >= 0x80 (the
 * caller checks its UTF-8). */
static int plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

#if defined(__SSE2__)
/* Bit i set: byte i of v is not plain. */
static inline unsigned stop_mask(__m128i v)
{
    /* A signed compare: bytes >= 0x80 are negative, so below ' ' with the controls. */
    __m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(' ')),
                                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                             _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    return (unsigned)_mm_movemask_epi8(stop);
}
#endif

/* plain_run below 16 bytes from the end, or without SSE2: eight bytes per step. Out of
 * line, so that plain_run inlined in its callers saves no registers for it. */
__attribute__((noinline)) static size_t plain_tail(const char *p, const char *end, char *out)
{
    const char *q = p;
    while (end - q >= 8) {
        uint64_t w = ag__swar_load(q);
        if ((w & AG__SWAR_HIGHS) | ag__swar_less(w, 0x20) | ag__swar_has(w, '"') |
            ag__swar_has(w, '\\'))
            break;
        q += 8;
    }
    while (q < end && plain((unsigned char)*q))
        q++;
    if (out)
        memcpy(out, p, (size_t)(q - p));
    return (size_t)(q - p);
}

/* Length of the run of plain bytes at p. Article text is mostly such runs, so they are
 * found 16 bytes per step and, when out is not NULL, copied as they are found: whole
 * blocks are stored, so out must have room for end - p bytes. */
static size_t plain_run(const char *p, const char *end, char *out)
{
    size_t i = 0;
#if defined(__SSE2__)
    for (size_t blocks = (size_t)(end - p) & ~(size_t)15; i < blocks; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        if (out)
            _mm_storeu_si128((__m128i *)(void *)(out + i), v);
        unsigned m = stop_mask(v);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    return i + plain_tail(p + i, end, out ? out + i : NULL);
}

/* A string at sc->p (on its opening quote). When out is not NULL its decoded bytes are
 * appended (out must have room for end - p bytes). 1 ok, 0 give up. */
static int scan_string(scan *sc, char *out, size_t *outlen)
{
    const char *p = sc->p + 1;
    size_t n = 0;
    while (p < sc->end) {
        size_t run = plain_run(p, sc->end, out ? out + n : NULL);
        p += run;
        n += run;
        if (p >= sc->end)
            break;
        unsigned char c = (unsigned char)*p;
        if (c == '"') {
            sc->p = p + 1;
            if (outlen)
                *outlen = n;
            return 1;
        }
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            if (p + 1 >= sc->end)
                return 0;
            char e = p[1], d;
            int32_t cp;
            switch (e) {
            case '"':
                d = '"';
                break;
            case '\\':
                d = '\\';
                break;
            case '/':
                d = '/';
                break;
            case 'b':
                d = '\b';
                break;
            case 'f':
                d = '\f';
                break;
            case 'n':
                d = '\n';
                break;
            case 'r':
                d = '\r';
                break;
            case 't':
                d = '\t';
                break;
            case 'u':
                if (p + 6 > sc->end || (cp = hex4(p + 2)) <= 0)
                    return 0; /* \u0000 and bad hex: let jansson decide */
                p += 6;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    int lo;
                    if (p + 6 > sc->end || p[0] != '\\' || p[1] != 'u' ||
                        (lo = hex4(p + 2)) < 0xDC00 || lo > 0xDFFF)
                        return 0;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return 0;
                }
                if (out) {
                    if (cp < 0x80) {
                        out[n++] = (char)cp;
                    } else if (cp < 0x800) {
                        out[n++] = (char)(0xC0 | (cp >> 6));
                        out[n++] = (char)(0x80 | (cp & 0x3F));
                    } else if (cp < 0x10000) {
                        out[n++] = (char)(0xE0 | (cp >> 12));
                        out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                        out[n++] = (char)(0x80 | (cp & 0x3F));
                    } else {
                        out[n++] = (char)(0xF0 | (cp >> 18));
                        out[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
                        out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                        out[n++] = (char)(0x80 | (cp & 0x3F));
                    }
                }
                continue;
            default:
                return 0;
            }
            if (out)
                out[n++] = d;
            p += 2;
            continue;
        }
        int32_t cp;
        size_t k = ag__text_decode_slow(p, (size_t)(sc->end - p), 0, &cp);
        if (cp == 0xFFFD && k == 1)
            return 0; /* invalid UTF-8: jansson rejects the record */
        if (out)
            memcpy(out + n, p, k);
        n += k;
        p += k;
    }
    return 0;
}

/* Skip any JSON value, validating it. 1 ok, 0 give up. */
static int skip_value(scan *sc, int depth)
{
    skip_ws(sc);
    if (sc->p >= sc->end || depth > 64)
        return 0;
    char c = *sc->p;
    if (c == '"')
        return scan_string(sc, NULL, NULL);
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        sc->p++;
        skip_ws(sc);
        if (sc->p < sc->end && *sc->p == close) {
            sc->p++;
            return 1;
        }
        for (;;) {
            if (c == '{') {
                skip_ws(sc);
                if (sc->p >= sc->end || *sc->p != '"' || !scan_string(sc, NULL, NULL))
                    return 0;
                skip_ws(sc);
                if (sc->p >= sc->end || *sc->p++ != ':')
                    return 0;
            }
            if (!skip_value(sc, depth + 1))
                return 0;
            skip_ws(sc);
            if (sc->p >= sc->end)
                return 0;
            if (*sc->p == ',') {
                sc->p++;
                continue;
            }
            if (*sc->p++ != close)
                return 0;
            return 1;
        }
    }
    static const char *const words[] = {"true", "false", "null"};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(sc->end - sc->p) >= n && memcmp(sc->p, words[i], n) == 0) {
            sc->p += n;
            return 1;
        }
    }
    /* A number: -? int frac? exp? */
    const char *p = sc->p;
    if (p < sc->end && *p == '-')
        p++;
    if (p >= sc->end || *p < '0' || *p > '9')
        return 0;
    if (*p == '0')
        p++;
    else
        while (p < sc->end && *p >= '0' && *p <= '9')
            p++;
    if (p < sc->end && *p == '.') {
        p++;
        if (p >= sc->end || *p < '0' || *p > '9')
            return 0;
        while (p < sc->end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < sc->end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < sc->end && (*p == '+' || *p == '-'))
            p++;
        if (p >= sc->end || *p < '0' || *p > '9')
            return 0;
        while (p < sc->end && *p >= '0' && *p <= '9')
            p++;
    }
    sc->p = p;
    return 1;
}

/* Which wanted field a key names: 0 text, 1 id, 2 date, -1 none. */
static int wanted(const char *const names[3], const size_t lens[3], const char *k, size_t n)
{
    for (int i = 0; i < 3; i++)
        if (lens[i] == n && memcmp(names[i], k, n) == 0)
            return i;
    return -1;
}

/* 1: fields decoded into the (malloc'ed) out[3] (NULL when absent); 0: use jansson;
 * -1: out of memory. */
static int fast_record(const char *line, size_t len, const ag_extract_opts *o, char *out[3],
                       size_t outlen[3])
{
    scan sc = {line, line + len};
    const char *names[3] = {o->field_text, o->field_id, o->field_date};
    const size_t lens[3] = {strlen(names[0]), strlen(names[1]), strlen(names[2])};
    out[0] = out[1] = out[2] = NULL;
    skip_ws(&sc);
    if (sc.p >= sc.end || *sc.p++ != '{')
        return 0;
    skip_ws(&sc);
    if (sc.p < sc.end && *sc.p == '}') {
        sc.p++;
        goto done;
    }
    for (;;) {
        skip_ws(&sc);
        if (sc.p >= sc.end || *sc.p != '"')
            goto giveup;
        /* A key is nearly always plain ASCII, found in one step. */
        const char *k = sc.p + 1;
        size_t klen = plain_run(k, sc.end, NULL);
        if (k + klen < sc.end && k[klen] == '"') {
            sc.p = k + klen + 1;
        } else {
            if (!scan_string(&sc, NULL, NULL))
                goto giveup;
            klen = (size_t)(sc.p - 1 - k);
            /* Keys with escapes are compared raw: give up if one could match a field. */
            if (memchr(k, '\\', klen))
                goto giveup;
        }
        int w = wanted(names, lens, k, klen);
        skip_ws(&sc);
        if (sc.p >= sc.end || *sc.p++ != ':')
            goto giveup;
        skip_ws(&sc);
        if (w >= 0) {
            if (sc.p >= sc.end || *sc.p != '"')
                goto giveup; /* a non-string field value: jansson's rules apply */
            free(out[w]);
            if (!(out[w] = malloc((size_t)(sc.end - sc.p) + 1)))
                goto nomem;
            if (!scan_string(&sc, out[w], &outlen[w]))
                goto giveup;
            out[w][outlen[w]] = '\0';
        } else if (!skip_value(&sc, 1)) {
            goto giveup;
        }
        skip_ws(&sc);
        if (sc.p >= sc.end)
            goto giveup;
        if (*sc.p == ',') {
            sc.p++;
            continue;
        }
        if (*sc.p++ != '}')
            goto giveup;
        break;
    }
done:
    skip_ws(&sc);
    if (sc.p != sc.end || !out[0])
        goto giveup; /* trailing garbage, or no text: the slow path reports it */
    return 1;
nomem:
    for (int i = 0; i < 3; i++)
        free(out[i]);
    return -1;
giveup:
    for (int i = 0; i < 3; i++) {
        free(out[i]);
        out[i] = NULL;
    }
    return 0;
}

int ag__doc_parse(ag__doc *doc, const ag_extract_opts *o, ag_error *err)
{
    const char *name = doc->src ? doc->src : "<stdin>";
    json_error_t jerr;
    json_t *rec, *v;
    char *id = NULL, *text = NULL, *date = NULL;
    size_t len = 0;
    int rc = 0;

    if (!doc->raw) {
        /* Invalid UTF-8 reads as U+FFFD, but a NUL byte means a binary file (a PDF or an
         * office document named .txt): the recogniser would only make up actors from it. */
        const char *nul = memchr(doc->text, '\0', doc->len);
        if (!nul)
            return 1;
        long long off = nul - doc->text;
        ag_error_set_at(err, AG_EPARSE, name, off,
                        "NUL byte at offset %lld: a binary file, not text", off);
        ag_error_locate(err, doc->text, doc->len);
        return 0;
    }
    char *f[3];
    size_t flen[3];
    int fast = fast_record(doc->text, doc->len, o, f, flen);
    if (fast < 0)
        return ag__nomem(err);
    if (fast > 0) {
        /* The scanner let through only valid UTF-8 without NUL bytes, which
         * ag__utf8_clean would copy unchanged: the fields are taken as decoded. An empty
         * id is still an id; an empty date is none. */
        text = f[0];
        len = flen[0];
        id = f[1];
        date = f[2];
        if (date && flen[2] == 0)
            date = (free(date), NULL);
        else if (date)
            date[date_len(date, flen[2])] = '\0'; /* cut after ASCII: still valid UTF-8 */
        rec = NULL;
        rc = -1;
        if (!id)
            goto default_id;
        goto fill;
    }
    rec = json_loadb(doc->text, doc->len, 0, &jerr);
    if (!rec) {
        ag_error_set(err, AG_EPARSE, name, doc->lineno, jerr.column > 0 ? jerr.column : 0,
                     "malformed JSON record: %s", jerr.text);
        return 0;
    }
    if (!json_is_object(rec)) {
        ag_error_set(err, AG_EPARSE, name, doc->lineno, 0, "record is not a JSON object");
        goto out;
    }
    v = json_object_get(rec, o->field_text);
    if (!json_is_string(v)) {
        ag_error_set(err, AG_EPARSE, name, doc->lineno, 0, "record has no string field '%s'",
                     o->field_text);
        goto out;
    }
    rc = -1;
    len = json_string_length(v);
    if (!(text = malloc(len + 1)))
        goto out;
    memcpy(text, json_string_value(v), len);
    text[len] = '\0';
    v = json_object_get(rec, o->field_id);
    if (json_is_string(v)) {
        id = ag__utf8_clean(json_string_value(v), json_string_length(v));
    } else if (json_is_integer(v)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        id = strdup(buf);
    } else {
    default_id:;
        /* No id: "file:line" is unique and stable for a given file. */
        char *b = doc->src ? base_id(doc->src) : strdup("stdin");
        if (b) {
            size_t n = strlen(b) + 24;
            if ((id = malloc(n)))
                snprintf(id, n, "%s:%ld", b, doc->lineno);
            free(b);
        }
    }
    if (!id)
        goto out;
    if (rec) {
        v = json_object_get(rec, o->field_date);
        if (json_is_string(v) && json_string_length(v) > 0 &&
            !(date = clean_date(json_string_value(v))))
            goto out;
    }
fill:
    if (date && !iso_date(date)) {
        /* Dates are compared as text and land in the graph: "<script>" is no date. */
        ag_error_set(err, AG_EPARSE, name, doc->lineno, 0,
                     "field '%s' is '%.40s', not an ISO 8601 date (YYYY-MM-DD)", o->field_date,
                     date);
        rc = 0;
        goto out;
    }
    free(doc->text);
    free(doc->id);
    free(doc->date);
    doc->text = text;
    doc->len = len;
    doc->id = id;
    doc->date = date;
    doc->raw = 0;
    text = id = date = NULL;
    rc = 1;
out:
    if (rc < 0)
        ag__nomem(err);
    free(text);
    free(id);
    free(date);
    json_decref(rec);
    return rc;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* Next record of the open JSON Lines stream, unparsed (ag__doc_parse does that in the
 * worker threads): 1, 0 at its end, -1. */
static int next_record(ag__reader *r, const char *name, ag__doc *doc, ag_error *err)
{
    for (;;) {
        ssize_t n;
        if (r->pending) {
            /* The stdin line read while sniffing; hand it over once. */
            free(r->line);
            r->line = r->pending;
            r->linecap = (size_t)r->pendinglen + 1;
            r->pending = NULL;
            n = r->pendinglen;
        } else {
            n = getline(&r->line, &r->linecap, r->fp);
            if (n < 0) {
                if (ferror(r->fp))
                    return ag_error_set(err, AG_EIO, name ? name : "<stdin>", r->lineno, 0,
                                        "read error: %s", strerror(errno));
                return 0;
            }
        }
        r->lineno++;
        /* A byte order mark opens some files written on Windows: not part of the record. */
        if (r->lineno == 1 && n >= 3 && memcmp(r->line, "\xEF\xBB\xBF", 3) == 0) {
            memmove(r->line, r->line + 3, (size_t)n - 2);
            n -= 3;
        }
        if (blank(r->line, (size_t)n))
            continue;
        memset(doc, 0, sizeof *doc);
        if (!(doc->text = malloc((size_t)n + 1)))
            return ag__nomem(err);
        memcpy(doc->text, r->line, (size_t)n + 1);
        doc->len = (size_t)n;
        doc->inbytes = (size_t)n;
        doc->raw = 1;
        doc->src = name;
        doc->lineno = r->lineno;
        doc->seq = r->seq++;
        return 1;
    }
}

/* One line of r->fp into r->line, like getline, but a NUL byte ends the line too, and a
 * line longer than a document may be is an error (-2): sniffing standard input must not
 * read endless or binary input (/dev/zero has no newline) to its end. -1 at the end of
 * the input, -3 when out of memory. */
static ssize_t sniff_line(ag__reader *r)
{
    size_t n = 0;
    int ch;
    while ((ch = getc(r->fp)) != EOF) {
        if (n + 2 > r->linecap) {
            size_t nc = r->linecap ? r->linecap * 2 : 256;
            char *nl = realloc(r->line, nc);
            if (!nl)
                return -3;
            r->line = nl;
            r->linecap = nc;
        }
        r->line[n++] = (char)ch;
        if (ch == '\n' || ch == '\0')
            break;
        if (n > MAX_DOC_BYTES)
            return -2;
    }
    if (n == 0)
        return -1;
    r->line[n] = '\0';
    return (ssize_t)n;
}

/* 1 when the document of hash h was handed out before (a repeat), else 0 after noting
 * it; -1 when out of memory. */
static int seen_doc(ag__reader *r, uint64_t h)
{
    if (!h)
        h = 1; /* 0 is the maps' empty key */
    if (seen_set_reserve_dense(&r->seen, NULL, r->seen.n + 1, 64) < 0)
        return -1;
    uint64_t *slot = seen_set_probe(&r->seen, NULL, h, ag__hash_u64(h));
    if (*slot)
        return 1;
    *slot = h;
    r->seen.n++;
    return 0;
}

static int reader_next_any(ag__reader *r, ag__doc *doc, ag_error *err);

/* A document given twice (the same JSON Lines record, the same file under the same id,
 * a feed that repeats itself) counts once: the reader hands out its first copy only, in
 * input order, so the result does not depend on the threads. */
int ag__reader_next(ag__reader *r, ag__doc *doc, ag_error *err)
{
    for (;;) {
        int rc = reader_next_any(r, doc, err);
        if (rc <= 0)
            return rc;
        uint64_t h = ag__hash_bytes(doc->text, doc->len);
        if (doc->id)
            h ^= ag__hash_bytes(doc->id, strlen(doc->id)) * 0x9E3779B97F4A7C15ull;
        int seen = seen_doc(r, h);
        if (seen < 0) {
            ag__doc_free(doc);
            return ag__nomem(err);
        }
        if (!seen)
            return 1;
        r->repeats++;
        ag__doc_free(doc);
    }
}

unsigned long long ag__reader_repeats(const ag__reader *r) { return r->repeats; }

static int reader_next_any(ag__reader *r, ag__doc *doc, ag_error *err)
{
    memset(doc, 0, sizeof *doc);
    while (r->cur < r->nfiles) {
        in_file *f = &r->files[r->cur];
        if (f->jsonl == 0) {
            r->cur++;
            return text_doc(r, f->path, doc, err);
        }
        if (!r->fp) {
            if (!f->path) {
                r->fp = stdin;
            } else if (!(r->fp = fopen(f->path, "rb"))) {
                return ag_error_set(err, AG_EIO, f->path, 0, 0, "cannot open: %s", strerror(errno));
            }
            r->lineno = 0;
        }
        if (f->jsonl < 0) {
            /* stdin: sniff the first non-blank line. */
            ssize_t n;
            while ((n = sniff_line(r)) >= 0 && blank(r->line, (size_t)n))
                r->lineno++;
            if (n == -2)
                return ag_error_set(err, AG_ELIMIT, "<stdin>", 0, 0, "document too large");
            if (n == -3)
                return ag__nomem(err);
            if (n == -1)
                return ag_error_set(err, AG_EPARSE, "<stdin>", 0, 0,
                                    "empty input: no articles to read");
            size_t bom = n >= 3 && memcmp(r->line, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
            const char *first = r->line + bom + strspn(r->line + bom, " \t\r");
            /* A record is one line: "{" alone opens a pretty-printed JSON document (a
             * graph, as like as not), which the text path below judges whole. */
            if (*first == '{' && first[1 + strspn(first + 1, " \t\r")] != '\n') {
                if (not_graph(NULL, r->line, (size_t)n, err) < 0)
                    return -1;
                r->pending = r->line;
                r->pendinglen = n;
                r->line = NULL;
                r->linecap = 0;
                f->jsonl = 1;
            } else {
                /* Plain text: what was read so far plus the rest of the stream. */
                size_t len = 0, cap = 0;
                char *text = NULL;
                if (n >= 0 && ag__ebuf_add(&text, &len, &cap, r->line, (size_t)n) < 0)
                    return ag__nomem(err);
                char chunk[65536];
                size_t k;
                /* A NUL byte so far means binary (or endless) input: stop reading, and
                 * let the document's check refuse it at that offset. */
                int binary = n >= 0 && memchr(r->line, '\0', (size_t)n) != NULL;
                while (!binary && (k = fread(chunk, 1, sizeof chunk, r->fp)) > 0) {
                    binary = len < sizeof chunk && memchr(chunk, '\0', k) != NULL;
                    if (len + k > MAX_DOC_BYTES || ag__ebuf_add(&text, &len, &cap, chunk, k) < 0) {
                        free(text);
                        return ag_error_set(err, AG_ELIMIT, "<stdin>", 0, 0, "document too large");
                    }
                }
                if (ag__ebuf_add(&text, &len, &cap, "", 0) < 0 || !text) {
                    free(text);
                    text = strdup("");
                    len = 0;
                }
                r->fp = NULL;
                r->cur++;
                size_t inbytes = len;
                if (article_text(NULL, &text, &len, err) < 0) {
                    free(text);
                    return -1;
                }
                doc->text = text;
                doc->len = len;
                doc->inbytes = inbytes;
                doc->id = strdup("stdin");
                doc->seq = r->seq++;
                if (!doc->id || !doc->text) {
                    ag__doc_free(doc);
                    return ag__nomem(err);
                }
                return 1;
            }
        }
        int rc = next_record(r, f->path, doc, err);
        if (rc != 0)
            return rc;
        if (r->fp != stdin)
            fclose(r->fp);
        r->fp = NULL;
        r->cur++;
    }
    return 0;
}
