/*
 * extract_input.c - turning ag-extract's arguments into a stream of documents.
 *
 * Inputs are files, directories (walked recursively; entries in byte order of their
 * names, hidden entries skipped, only .txt .md .jsonl .ndjson files taken) and "-" for
 * stdin. A .txt/.md file is one document whose id is the file name without extension;
 * .jsonl/.ndjson files hold one article per line. A text file whose name starts with an
 * ISO date ("2024-03-04-summit.txt") is dated by it. Stdin is sniffed: JSON Lines when its
 * first non-blank byte is '{', otherwise one text document with the id "stdin".
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

#include <actorgraph/io.h>

#include "extract_internal.h"

#define MAX_DOC_BYTES ((size_t)1 << 30) /* one text document; larger files are an error */

typedef struct in_file {
    char *path;  /* path, or NULL for stdin */
    int jsonl;   /* 1: JSON Lines; -1: sniff (stdin) */
} in_file;

struct ag__reader {
    in_file *files;            /* inputs in order */
    size_t nfiles, capfiles;
    size_t cur;                /* index of the file being read */
    FILE *fp;                  /* open JSON Lines stream, or NULL */
    long lineno;               /* line number in fp */
    char *line;                /* getline buffer */
    size_t linecap;
    char *pending;             /* stdin: first line read while sniffing, to be used */
    ssize_t pendinglen;
    unsigned long long total;  /* bytes of regular files */
    unsigned long long seq;    /* documents handed out */
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
    return has_ext(path, ".txt") || has_ext(path, ".md");
}

static int add_file(ag__reader *r, const char *path, int jsonl, ag_error *err)
{
    if (r->nfiles == r->capfiles) {
        size_t ncap = r->capfiles ? r->capfiles * 2 : 16;
        in_file *v = realloc(r->files, ncap * sizeof *v);
        if (!v)
            return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory");
        r->files = v;
        r->capfiles = ncap;
    }
    char *copy = NULL;
    if (path && !(copy = strdup(path)))
        return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory");
    r->files[r->nfiles++] = (in_file){copy, jsonl};
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(ag__reader *r, const char *dir, int depth, ag_error *err)
{
    DIR *d = NULL;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = -1;

    if (depth > 64)
        return ag_error_set(err, AG_ELIMIT, dir, 0, 0, "directories nested too deeply");
    if (!(d = opendir(dir)))
        return ag_error_set(err, AG_EIO, dir, 0, 0, "cannot open directory: %s",
                            strerror(errno));
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue; /* ., .. and hidden files */
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **v = realloc(names, cap * sizeof *v);
            if (!v)
                goto nomem;
            names = v;
        }
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
            fail = walk(r, path, depth + 1, err) < 0 ? -1 : 0;
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
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory");
out:
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    closedir(d);
    return rc;
}

ag__reader *ag__reader_open(const char *const *inputs, size_t ninputs,
                            const ag_extract_opts *opts, ag_error *err)
{
    ag__reader *r = calloc(1, sizeof *r);
    if (!r) {
        ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory");
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
            rc = walk(r, p, 0, err);
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
static char *clean_date(const char *s)
{
    size_t n = strlen(s);
    if (n > 10 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' '))
        n = 10;
    return ag__utf8_clean(s, n);
}

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

static int text_doc(ag__reader *r, const char *path, ag__doc *doc, ag_error *err)
{
    size_t len;
    char *text = ag_read_file(path, MAX_DOC_BYTES, &len, err);
    if (!text)
        return -1;
    doc->text = text;
    doc->len = len;
    doc->id = path ? base_id(path) : strdup("stdin");
    doc->date = NULL;
    if (doc->id && name_date(doc->id) && !(doc->date = strndup(doc->id, 10)))
        doc->id = (free(doc->id), NULL);
    doc->seq = r->seq++;
    if (!doc->id) {
        ag__doc_free(doc);
        return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory");
    }
    return 1;
}

int ag__doc_parse(ag__doc *doc, const ag_extract_opts *o, ag_error *err)
{
    const char *name = doc->src ? doc->src : "<stdin>";
    json_error_t jerr;
    json_t *rec, *v;
    char *id = NULL, *text = NULL, *date = NULL;
    size_t len = 0;
    int rc = 0;

    if (!doc->raw)
        return 1;
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
    v = json_object_get(rec, o->field_date);
    if (json_is_string(v) && json_string_length(v) > 0 && !(date = clean_date(json_string_value(v))))
        goto out;
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
        ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory");
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
        if (blank(r->line, (size_t)n))
            continue;
        memset(doc, 0, sizeof *doc);
        if (!(doc->text = malloc((size_t)n + 1)))
            return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory");
        memcpy(doc->text, r->line, (size_t)n + 1);
        doc->len = (size_t)n;
        doc->raw = 1;
        doc->src = name;
        doc->lineno = r->lineno;
        doc->seq = r->seq++;
        return 1;
    }
}

int ag__reader_next(ag__reader *r, ag__doc *doc, ag_error *err)
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
                return ag_error_set(err, AG_EIO, f->path, 0, 0, "cannot open: %s",
                                    strerror(errno));
            }
            r->lineno = 0;
        }
        if (f->jsonl < 0) {
            /* stdin: sniff the first non-blank line. */
            ssize_t n;
            while ((n = getline(&r->line, &r->linecap, r->fp)) >= 0 &&
                   blank(r->line, (size_t)n))
                r->lineno++;
            if (n >= 0 && r->line[strspn(r->line, " \t\r")] == '{') {
                r->pending = r->line;
                r->pendinglen = n;
                r->line = NULL;
                r->linecap = 0;
                f->jsonl = 1;
            } else {
                /* Plain text: what was read so far plus the rest of the stream. */
                size_t len = 0, cap = 0;
                char *text = NULL;
                if (n >= 0 && ag__buf_add(&text, &len, &cap, r->line, (size_t)n) < 0)
                    return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory");
                char chunk[65536];
                size_t k;
                while ((k = fread(chunk, 1, sizeof chunk, r->fp)) > 0) {
                    if (len + k > MAX_DOC_BYTES || ag__buf_add(&text, &len, &cap, chunk, k) < 0) {
                        free(text);
                        return ag_error_set(err, AG_ELIMIT, "<stdin>", 0, 0,
                                            "document too large");
                    }
                }
                if (ag__buf_add(&text, &len, &cap, "", 0) < 0 || !text) {
                    free(text);
                    text = strdup("");
                    len = 0;
                }
                r->fp = NULL;
                r->cur++;
                doc->text = text;
                doc->len = len;
                doc->id = strdup("stdin");
                doc->seq = r->seq++;
                if (!doc->id || !doc->text) {
                    ag__doc_free(doc);
                    return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory");
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
