/* Regression tests for what the fuzzers (fuzz/) found through the library API, where no
 * tool can reach it: every reader given a buffer that is not NUL-terminated (io.h allows
 * it; the DOT reader once ran strlen past the end), and a successful read leaving no
 * error behind (GraphML once recorded a libxml2 namespace warning, which then hid the
 * real error of a later step that reused the ag_error). Run under ASan for the first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include <actorgraph/io/io.h>

/* Read s from an exact-size heap copy (no NUL after it), as a library user may. */
static ag_graph *read_exact(const char *s, ag_format fmt, ag_error *err)
{
    size_t n = strlen(s);
    char *copy = malloc(n ? n : 1);
    ag_graph *g;

    assert_non_null(copy);
    memcpy(copy, s, n);
    ag_error_clear(err);
    g = ag_graph_read_mem(copy, n, "in", fmt, NULL, err);
    free(copy);
    return g;
}

static void test_hardening__unterminated_buffers(void **state)
{
    static const struct {
        const char *text;
        ag_format fmt;
    } cases[] = {
        {"", AG_FMT_DOT},
        {"graph { a -- b }", AG_FMT_DOT},
        {"graph { a -- b", AG_FMT_DOT},
        {"", AG_FMT_GML},
        {"graph [ node [ id 1 ] ]", AG_FMT_GML},
        {"graph [ node [ id 1", AG_FMT_GML},
        {"<graphml><graph><node id=\"a\"/></graph></graphml>", AG_FMT_GRAPHML},
        {"<graphml><graph", AG_FMT_GRAPHML},
        {"{\"nodes\": [], \"links\": [], \"graph\": {\"w\": 1e5", AG_FMT_JSON},
        {"a\tb\t1e5", AG_FMT_TSV},
        {"a,b,1e5", AG_FMT_CSV},
        {"a,\"b", AG_FMT_CSV},
        {"graph { a -- b }", AG_FMT_AUTO},
        {"", AG_FMT_AUTO},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ag_error err;
        ag_graph *g = read_exact(cases[i].text, cases[i].fmt, &err);
        /* Either outcome is fine; ASan is the judge. But it must be one or the other. */
        assert_true((g != NULL) != (ag_error_isset(&err) != 0));
        ag_graph_free(g);
    }
}

static void test_hardening__success_leaves_no_error(void **state)
{
    /* A namespace URI libxml2 warns about, in an otherwise fine GraphML file. */
    static const char graphml[] =
        "<?xml version=\"1.0\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/[mlns\">\n"
        "<graph edgedefault=\"undirected\"><node id=\"a\"/><node id=\"b\"/>\n"
        "<edge source=\"a\" target=\"b\"/></graph></graphml>\n";
    ag_error err;
    ag_graph *g = read_exact(graphml, AG_FMT_GRAPHML, &err);

    (void)state;
    assert_non_null(g);
    assert_false(ag_error_isset(&err));
    ag_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hardening__unterminated_buffers),
        cmocka_unit_test(test_hardening__success_leaves_no_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
