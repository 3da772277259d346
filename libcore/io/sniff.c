/*
 * sniff.c - telling what an input is when it is not what the user meant: a file that
 * is no graph given to a graph reader ("README.md: Markdown text, not a graph"), and a
 * graph given to ag-extract as if it were articles.
 *
 * Both look only at the opening bytes (a 4 KiB window), like ag_format_sniff. The "not
 * a graph" guess is asked only after a reader has failed, so a loose rule can never turn
 * a readable graph away; the "is a graph" guess runs before extraction and must not
 * refuse an article, so it wants a format's whole opening (`digraph NAME {`, `graph [`,
 * `<graphml`, a node-link object's "nodes": [).
 */
#include <string.h>
#include <strings.h>

#include "io/io_internal.h"

#define WINDOW 4096

static int ident_byte(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

/* Case-insensitive word at p; returns the byte after it, or NULL. */
static const char *word(const char *p, const char *end, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(end - p) < n || strncasecmp(p, w, n) != 0 || (p + n < end && ident_byte(p[n])))
        return NULL;
    return p + n;
}

/* Case-insensitive memmem. */
static const char *find_nocase(const char *p, const char *end, const char *needle)
{
    size_t n = strlen(needle);
    for (; (size_t)(end - p) >= n; p++)
        if (strncasecmp(p, needle, n) == 0)
            return p;
    return NULL;
}

/* A DOT graph's opening: [strict] (graph|digraph) [ID] '{'. */
static int dot_opening(const char *p, const char *end)
{
    const char *q = word(p, end, "strict");
    if (q)
        p = ag__skip_space(q, end);
    if (!(q = word(p, end, "digraph")) && !(q = word(p, end, "graph")))
        return 0;
    p = ag__skip_space(q, end);
    if (p < end && *p == '"') {
        for (p++; p < end && *p != '"'; p++)
            if (*p == '\\')
                p++;
        p = ag__skip_space(p + 1, end);
    } else {
        while (p < end && ident_byte(*p))
            p++;
        p = ag__skip_space(p, end);
    }
    return p < end && *p == '{';
}

/* "KEY": [ somewhere in the window (a JSON object's member holding a list). */
static int json_list_key(const char *p, const char *end, const char *quoted_key)
{
    size_t n = strlen(quoted_key);
    for (const char *q = p; (q = memmem(q, (size_t)(end - q), quoted_key, n)); q += n) {
        if (q > p && q[-1] == '\\')
            continue; /* a quote inside a string */
        const char *r = ag__skip_space(q + n, end);
        if (r < end && *r == ':' && (r = ag__skip_space(r + 1, end)) < end && *r == '[')
            return 1;
    }
    return 0;
}

ag_format ag__sniff_graph(const char *buf, size_t len)
{
    const char *end = buf + (len < WINDOW ? len : WINDOW), *p = ag__skip_space(buf, end), *q;

    if (p == end)
        return AG_FMT_AUTO;
    if (*p == '<') {
        if (memmem(p, (size_t)(end - p), "<graphml", 8))
            return AG_FMT_GRAPHML;
        if (memmem(p, (size_t)(end - p), "<gexf", 5))
            return AG_FMT_GEXF;
        return AG_FMT_AUTO;
    }
    if (*p == '{')
        return json_list_key(p, end, "\"nodes\"") ? AG_FMT_JSON : AG_FMT_AUTO;
    if (dot_opening(p, end))
        return AG_FMT_DOT;
    /* GML: [Creator "..."] [Version N] graph [ */
    for (int i = 0; i < 2; i++) {
        if ((q = word(p, end, "creator")) && (q = ag__skip_space(q, end)) < end && *q == '"') {
            const char *close = memchr(q + 1, '"', (size_t)(end - q - 1));
            p = close ? ag__skip_space(close + 1, end) : end;
        } else if ((q = word(p, end, "version"))) {
            for (q = ag__skip_space(q, end); q < end && *q != '\n'; q++)
                ;
            p = ag__skip_space(q, end);
        }
    }
    if ((q = word(p, end, "graph")) && (q = ag__skip_space(q, end)) < end && *q == '[')
        return AG_FMT_GML;
    return AG_FMT_AUTO;
}

/* The first line of [p, end) that is neither blank nor a '#' comment: [*line, *lend). */
static int first_line(const char *p, const char *end, const char **line, const char **lend)
{
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *s = ag__skip_space(p, e);
        if (s < e && *s != '#') {
            *line = s;
            *lend = e;
            return 1;
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}

/* Prose: a line of eight words or more, with no tab and few commas for its words (an edge
 * list line holds two or three fields; a CSV one a few more). */
static int prose(const char *p, const char *end)
{
    const char *line, *lend;
    if (!first_line(p, end, &line, &lend) || memchr(line, '\t', (size_t)(lend - line)))
        return 0;
    int words = 0, fields = 1, letters = 0;
    for (const char *q = line; q < lend; q++) {
        if (*q == ',')
            fields++;
        if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
            letters++;
        if (*q != ' ' && (q == line || q[-1] == ' '))
            words++;
    }
    return words >= 8 && words >= 3 * fields && letters * 2 > lend - line;
}

static int has_ext(const char *name, const char *ext)
{
    size_t n = name ? strlen(name) : 0, e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

/* Markdown: the name says so, or a '#' heading opens the text and a second Markdown
 * sign follows (another heading, a fence, a link, a list). */
static int markdown(const char *p, const char *end, const char *name)
{
    if (has_ext(name, ".md") || has_ext(name, ".markdown"))
        return 1;
    const char *q = p;
    while (q < end && *q == '#')
        q++;
    if (q == p || q - p > 6 || q >= end || *q != ' ')
        return 0;
    return memmem(q, (size_t)(end - q), "\n#", 2) || memmem(q, (size_t)(end - q), "```", 3) ||
           memmem(q, (size_t)(end - q), "](", 2) || memmem(q, (size_t)(end - q), "\n- ", 3) ||
           memmem(q, (size_t)(end - q), "\n* ", 3);
}

const char *ag__sniff_not_graph(const char *buf, size_t len, const char *name)
{
    static const struct {
        const char *magic;
        size_t n;
        const char *what;
    } magics[] = {
        {"%PDF-", 5, "PDF document, not a graph"},
        {"\x89PNG\r\n\x1a\n", 8, "PNG picture, not a graph"},
        {"\xFF\xD8\xFF", 3, "JPEG picture, not a graph"},
        {"GIF8", 4, "GIF picture, not a graph"},
        {"PK\x03\x04", 4, "ZIP archive (or office document), not a graph"},
        {"\x1F\x8B", 2, "gzip-compressed file, not a graph (decompress it first)"},
    };
    const char *end = buf + (len < WINDOW ? len : WINDOW), *p = ag__skip_space(buf, end);

    for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
        if (len >= magics[i].n && memcmp(buf, magics[i].magic, magics[i].n) == 0)
            return magics[i].what;
    if (p == end || ag__sniff_graph(buf, len) != AG_FMT_AUTO)
        return NULL; /* empty, or a graph that failed to parse: the reader's error says why */
    if (*p == '<') {
        if (memmem(p, (size_t)(end - p), "<svg", 4))
            return "SVG picture, not a graph (ag-render reads the graph it was drawn from)";
        if (find_nocase(p, end, "<!doctype html") || find_nocase(p, end, "<html") ||
            find_nocase(p, end, "<body"))
            return "HTML page, not a graph (articles: use ag-extract)";
        return NULL;
    }
    if (*p == '{') {
        /* JSON Lines: a one-line object, then another. A graph is one object. */
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl && (nl = (const char *)ag__skip_space(nl, end)) < end && *nl == '{')
            return find_nocase(p, end, "\"text\"")
                       ? "JSON Lines articles, not a graph (use ag-extract)"
                       : "JSON Lines records, not a graph";
        return NULL;
    }
    if (markdown(p, end, name))
        return "Markdown text, not a graph";
    if (prose(p, end))
        return "plain text, not a graph (looks like articles: use ag-extract)";
    return NULL;
}
