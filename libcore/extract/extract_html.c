/*
 * extract_html.c - the article text of a saved web page, read with libxml2's HTML
 * parser (which forgives the tag soup of real pages and decodes the entities).
 *
 * What is kept: the <title> as the first paragraph, then the text of the body with
 * scripts, styles, navigation, headers, footers, asides and forms dropped. Each block
 * element (p, div, h1-h6, li, td, article, ...) is a paragraph of its own, and <br> a
 * line break; the splitter (nlp/text.c) reads a line break as a sentence boundary, so a
 * heading never runs into the first sentence under it. White space inside a block is
 * collapsed to single spaces: the page's own line wrapping means nothing. Evidence
 * offsets point into this extracted text, not into the HTML.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "util/error_internal.h"
#include "extract/extract_internal.h"

typedef struct html_text {
    char *buf;
    size_t len, cap;
    int space;  /* a space is owed before the next word */
    int breaks; /* line breaks at the end of buf (0, 1 or 2) */
    int nomem;
} html_text;

static int name_in(const xmlChar *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp((const char *)name, *list) == 0)
            return 1;
    return 0;
}

/* Elements whose text is no part of the article. */
static const char *const dropped[] = {
    "script",   "style",    "nav",    "header",   "footer", "aside",  "form",
    "noscript", "template", "head",   "svg",      "math",   "iframe", "object",
    "canvas",   "button",   "select", "textarea", "menu",   "dialog", NULL};

/* Elements that stand as paragraphs of their own. */
static const char *const blocks[] = {
    "p",       "div",     "h1",      "h2",         "h3",         "h4",    "h5",
    "h6",      "li",      "ul",      "ol",         "dl",         "dt",    "dd",
    "article", "section", "main",    "blockquote", "pre",        "table", "tr",
    "td",      "th",      "caption", "figure",     "figcaption", "hr",    "address",
    "details", "summary", "body",    "center",     NULL};

static void add(html_text *t, const char *s, size_t n)
{
    if (!t->nomem && ag__ebuf_add(&t->buf, &t->len, &t->cap, s, n) < 0)
        t->nomem = 1;
}

/* End the current line (1) or paragraph (2); nothing at the very start. */
static void line_break(html_text *t, int n)
{
    t->space = 0;
    if (t->len == 0)
        return;
    for (; t->breaks < n; t->breaks++)
        add(t, "\n", 1);
}

static void words(html_text *t, const char *s)
{
    for (const char *p = s; *p;) {
        size_t ws = strspn(p, " \t\r\n\f\v");
        if (ws) {
            t->space = 1;
            p += ws;
            continue;
        }
        size_t n = strcspn(p, " \t\r\n\f\v");
        /* No-break spaces (&nbsp;) are spaces to the splitter too: keep them as they are. */
        if (t->space && t->breaks == 0 && t->len > 0)
            add(t, " ", 1);
        add(t, p, n);
        t->space = 0;
        t->breaks = 0;
        p += n;
    }
}

static int is_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *)n->name, name) == 0;
}

/* The text of n, its following siblings and everything below them, in document order,
 * up to stop (the parent of n). Iterative: a page of a million nested <div>s is legal
 * input, and the tree libxml2 builds for it is that deep. */
static void walk(html_text *t, xmlNode *n, const xmlNode *stop)
{
    while (n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                words(t, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && n->name && !name_in(n->name, dropped)) {
            int block = name_in(n->name, blocks);
            if (is_element(n, "br"))
                line_break(t, 1);
            else if (block)
                line_break(t, 2);
            if (n->children) {
                n = n->children;
                continue;
            }
            if (block)
                line_break(t, 2);
        }
        /* Up to the first ancestor with a next sibling, closing the blocks left. */
        while (!n->next) {
            n = n->parent;
            if (!n || n == stop)
                return;
            if (n->type == XML_ELEMENT_NODE && n->name && name_in(n->name, blocks))
                line_break(t, 2);
        }
        n = n->next;
    }
}

/* The page's <title>: in <head>, where the parser puts it. */
static xmlNode *find_title(xmlNode *root)
{
    for (xmlNode *h = root->children; h; h = h->next)
        if (is_element(h, "head"))
            for (xmlNode *n = h->children; n; n = n->next)
                if (is_element(n, "title"))
                    return n;
    return NULL;
}

/* Does the page say which character set it is in? Otherwise UTF-8, not libxml2's
 * Latin-1 default for HTML: pages saved today are UTF-8. */
static int declares_charset(const char *buf, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 8 <= n; i++)
        if (strncasecmp(buf + i, "charset=", 8) == 0 || strncasecmp(buf + i, "charset ", 8) == 0)
            return 1;
    return 0;
}

char *ag__html_text(const char *buf, size_t len, const char *name, size_t *outlen, ag_error *err)
{
    const char *src = name ? name : "<stdin>";
    html_text t = {0};

    if (len > (size_t)INT32_MAX) {
        ag_error_set(err, AG_ELIMIT, src, 0, 0, "HTML page larger than 2 GiB");
        return NULL;
    }
    /* No network, no error chatter on stderr: a page that does not parse cleanly is the
     * rule, and the parser recovers what text there is. */
    htmlDocPtr doc = htmlReadMemory(
        buf, (int)len, NULL, declares_charset(buf, len) ? NULL : "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc) {
        ag_error_set(err, AG_EPARSE, src, 0, 0, "not an HTML page libxml2 can read");
        return NULL;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    xmlNode *title = root ? find_title(root) : NULL;
    if (title) {
        walk(&t, title->children, title);
        line_break(&t, 2);
    }
    if (root)
        walk(&t, root, root->parent);
    xmlFreeDoc(doc);
    while (t.len > 0 && t.buf[t.len - 1] == '\n')
        t.len--;
    add(&t, "\n", 1);
    if (t.nomem) {
        free(t.buf);
        ag__nomem(err);
        return NULL;
    }
    t.buf[t.len] = '\0';
    *outlen = t.len;
    return t.buf;
}

int ag__looks_html(const char *buf, size_t len)
{
    size_t n = len < 1024 ? len : 1024, i = 0;
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
        i++;
    if (i >= n || buf[i] != '<')
        return 0;
    static const char *const marks[] = {"<!doctype html", "<html",  "<head", "<body",
                                        "<article",       "<title", "<p>",   NULL};
    for (; i < n; i++)
        for (const char *const *m = marks; *m; m++)
            if (strncasecmp(buf + i, *m, strlen(*m)) == 0)
                return 1;
    return 0;
}
