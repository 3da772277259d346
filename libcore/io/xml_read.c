/*
 * xml_read.c - the libxml2 boundary of the XML readers (GraphML, GEXF): the one place
 * that decides how libxml2 parses untrusted input and how its errors become ag_errors.
 *
 * The design decision that matters: any DOCTYPE is refused before a single entity can be
 * referenced (a byte scan of the prolog, then the reader itself for encodings the scan
 * cannot see, such as UTF-16), and the parser runs with XML_PARSE_NONET and without
 * XML_PARSE_NOENT / XML_PARSE_DTDLOAD, so entity bombs and external entities are
 * neither expanded nor fetched. libxml2's messages go through a per-reader structured
 * error handler (never printed) and keep their line and column.
 */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "io/xml_internal.h"

/* Structured error handler: libxml2's message, line and column, never printed. */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    ag__xml *x = ctx;
    char msg[AG_ERR_MSG];
    size_t n;

    /* Namespace complaints (an odd xmlns URI, say) do not stop libxml2 and do not make
     * the graph any less readable: they are not errors for us. */
    if (!e || e->level < XML_ERR_ERROR || e->domain == XML_FROM_NAMESPACE || x->failed)
        return;
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "malformed XML");
    n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    ag_error_set(x->err, AG_EPARSE, x->name, e->line, e->int2 > 0 ? e->int2 : 0, "%s", msg);
    x->failed = 1;
}

/* Offset of a <!DOCTYPE in the prolog (before the root element), or -1. Refusing it
 * before libxml2 starts means an entity bomb is rejected with a clear message instead
 * of whatever limit libxml2 would hit first. */
static long long prolog_doctype(const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len;

    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        const char *close;
        if ((size_t)(end - p) >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0)
            return p - buf;
        if ((size_t)(end - p) >= 4 && memcmp(p, "<!--", 4) == 0)
            close = memmem(p, (size_t)(end - p), "-->", 3);
        else if ((size_t)(end - p) >= 2 && p[1] == '?')
            close = memmem(p, (size_t)(end - p), "?>", 2);
        else
            return -1; /* the root element: no DOCTYPE can follow */
        if (!close)
            return -1;
        p = close + 2;
    }
    return -1;
}

int ag__xml_open(ag__xml *x, const char *buf, size_t len, const char *name, const char *format,
                 const ag_read_limits *limits, ag_error *err)
{
    long long doctype = prolog_doctype(buf, len);

    memset(x, 0, sizeof *x);
    x->name = name;
    x->format = format;
    x->limits = limits;
    x->err = err;
    if (doctype >= 0) {
        ag_error_set_at(err, AG_EINVAL, name, doctype,
                        "DOCTYPE declarations are not accepted in %s (entities are never "
                        "expanded or fetched)",
                        format);
        ag_error_locate(err, buf, len);
        return -1;
    }
    if (len > (size_t)INT32_MAX)
        return ag_error_set(err, AG_ELIMIT, name, 0, 0, "%s input larger than 2 GiB", format);
    /* No XML_PARSE_NOENT (no entity substitution), no DTDLOAD/DTDATTR/DTDVALID (no external
     * DTD), NONET (nothing fetched), no HUGE (libxml2's own size limits stay on). */
    x->r = xmlReaderForMemory(buf, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
    if (!x->r)
        return ag_error_set(err, AG_ENOMEM, name, 0, 0, "out of memory");
    xmlTextReaderSetStructuredErrorHandler(x->r, on_xml_error, x);
    return 0;
}

void ag__xml_close(ag__xml *x)
{
    if (x->r)
        xmlFreeTextReader(x->r);
    x->r = NULL;
}

long ag__xml_line(ag__xml *x)
{
    xmlNodePtr node = xmlTextReaderCurrentNode(x->r);
    long line = node ? xmlGetLineNo(node) : -1;
    if (line <= 0)
        line = xmlTextReaderGetParserLineNumber(x->r);
    return line > 0 ? line : 0;
}

int ag__xml_fail(ag__xml *x, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ag_error_setv(x->err, code, x->name, ag__xml_line(x), 0, fmt, ap);
    va_end(ap);
    return -1;
}

int ag__xml_next(ag__xml *x)
{
    int rc = xmlTextReaderRead(x->r), t;

    if (rc < 0) {
        if (!x->failed)
            ag_error_set(x->err, AG_EPARSE, x->name, ag__xml_line(x), 0, "malformed XML");
        return -1;
    }
    if (rc != 1)
        return rc;
    t = xmlTextReaderNodeType(x->r);
    if (t == XML_READER_TYPE_ELEMENT && (size_t)xmlTextReaderDepth(x->r) >= x->limits->max_depth)
        return ag__xml_fail(x, AG_ELIMIT, "XML nested deeper than the limit of %zu",
                            x->limits->max_depth);
    if (t == XML_READER_TYPE_DOCUMENT_TYPE)
        return ag__xml_fail(x, AG_EINVAL,
                            "DOCTYPE declarations are not accepted in %s (entities are never "
                            "expanded or fetched)",
                            x->format);
    if (t == XML_READER_TYPE_ENTITY_REFERENCE)
        return ag__xml_fail(x, AG_EINVAL, "entity references are not accepted");
    return 1;
}

int ag__xml_skip(ag__xml *x)
{
    int depth = xmlTextReaderDepth(x->r), rc;

    if (xmlTextReaderIsEmptyElement(x->r))
        return 0;
    while ((rc = ag__xml_next(x)) == 1) {
        if (xmlTextReaderNodeType(x->r) == XML_READER_TYPE_END_ELEMENT &&
            xmlTextReaderDepth(x->r) == depth)
            return 0;
    }
    return rc < 0 ? -1 : ag__xml_fail(x, AG_EPARSE, "unexpected end of document");
}

int ag__xml_next_child(ag__xml *x, int depth)
{
    int rc;

    while ((rc = ag__xml_next(x)) == 1) {
        int t = xmlTextReaderNodeType(x->r);
        if (t == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(x->r) == depth)
            return 0;
        if (t == XML_READER_TYPE_ELEMENT)
            return 1;
    }
    return rc < 0 ? -1 : ag__xml_fail(x, AG_EPARSE, "unexpected end of document");
}

const char *ag__xml_lname(ag__xml *x)
{
    const xmlChar *n = xmlTextReaderConstLocalName(x->r);
    return n ? (const char *)n : "";
}

char *ag__xml_attr(ag__xml *x, const char *name)
{
    return (char *)xmlTextReaderGetAttribute(x->r, (const xmlChar *)name);
}

int ag__xml_depth(ag__xml *x) { return xmlTextReaderDepth(x->r); }

int ag__xml_is_empty(ag__xml *x) { return xmlTextReaderIsEmptyElement(x->r) == 1; }
