/* Unit tests of io.c, json_read.c, json_write.c and edgelist.c: sniffing, round trips, and errors
 * that name the line and column of the offending record. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>

static ag_graph *read_str(const char *s, ag_format fmt, ag_error *err)
{
    ag_error_clear(err);
    return ag_graph_read_mem(s, strlen(s), "in", fmt, NULL, err);
}

static char *write_str(const ag_graph *g, ag_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(ag_graph_write(g, fmt, f, NULL, NULL), 0);
    fclose(f);
    return buf;
}

static void test_io__sniff(void **state)
{
    struct {
        const char *text;
        ag_format fmt;
    } cases[] = {
        {"  {\"nodes\": []}", AG_FMT_JSON},
        {"\xEF\xBB\xBF<?xml version=\"1.0\"?><graphml>", AG_FMT_GRAPHML},
        {"<?xml version=\"1.0\"?><gexf>", AG_FMT_GEXF},
        {"strict digraph { a -> b }", AG_FMT_DOT},
        {"graph {\n a -- b }", AG_FMT_DOT},
        {"graph [\n node [ id 1 ] ]", AG_FMT_GML},
        {"Creator \"x\"\ngraph [", AG_FMT_GML},
        {"a\tb\t3\n", AG_FMT_TSV},
        {"Source,Target,Weight\n", AG_FMT_CSV},
        {"a b\n", AG_FMT_TSV},
        {"", AG_FMT_AUTO},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(ag_format_sniff(cases[i].text, strlen(cases[i].text)), cases[i].fmt);
}

static void test_io__format_from_path(void **state)
{
    assert_int_equal(ag_format_from_path("x/y.graphml"), AG_FMT_GRAPHML);
    assert_int_equal(ag_format_from_path("out.SVG"), AG_FMT_SVG);
    assert_int_equal(ag_format_from_path("dir/"), AG_FMT_CSV);
    assert_int_equal(ag_format_from_path("noext"), AG_FMT_AUTO);
    assert_int_equal(ag_format_from_path("a.b/noext"), AG_FMT_AUTO);
}

static const char nodelink[] =
    "{\"directed\": false, \"multigraph\": false, \"graph\": {\"name\": \"t\"},\n"
    "\"nodes\": [\n"
    "{\"id\": \"Zo\\u00eb \\\"Z\\\" <&>\", \"type\": \"person\", \"aliases\": [\"Z\"]},\n"
    "{\"id\": \"b\", \"score\": 0.1, \"n\": 3}\n"
    "],\n"
    "\"links\": [\n"
    "{\"source\": \"b\", \"target\": \"Zo\\u00eb \\\"Z\\\" <&>\", \"weight\": 2, "
    "\"met\": true, \"evidence\": [{\"doc\": \"d1\", \"offset\": 5, \"text\": \"x\\ny\"}]}\n"
    "]}\n";

static void test_io__json_round_trip_is_byte_identical(void **state)
{
    ag_error err;
    ag_graph *g = read_str(nodelink, AG_FMT_AUTO, &err), *g2;
    char *out, *out2;

    assert_non_null(g);
    assert_int_equal(ag_graph_node_count(g), 2);
    assert_true(ag_edge_weight(g, 0) == 2.0);
    assert_true(ag_attr_number(ag_node_attrs_const(g, 1), "score", 0) == 0.1);
    out = write_str(g, AG_FMT_JSON);
    g2 = read_str(out, AG_FMT_JSON, &err);
    assert_non_null(g2);
    out2 = write_str(g2, AG_FMT_JSON);
    assert_string_equal(out, out2);
    assert_non_null(strstr(out, "\"score\": 0.1,"));
    assert_non_null(strstr(out, "\"weight\": 2,"));
    assert_non_null(strstr(out, "\"text\": \"x\\ny\""));
    free(out);
    free(out2);
    ag_graph_free(g);
    ag_graph_free(g2);
}

/* The scanner fast path and the jansson path must build the same graph: links before
 * nodes and escaped keys force the jansson path. */
static void test_io__json_fast_and_full_paths_agree(void **state)
{
    ag_error err;
    ag_graph *a = read_str("{\"nodes\": [{\"id\": \"x\\u00e9\", \"k\": [1, {\"z\": null}]}, "
                           "{\"id\": \"y\"}], \"links\": [{\"source\": \"y\", "
                           "\"target\": \"x\\u00e9\", \"weight\": 1.5, \"met\": false}], "
                           "\"directed\": true}",
                           AG_FMT_JSON, &err);
    ag_graph *b = read_str("{\"links\": [{\"source\": \"y\", \"target\": \"x\\u00e9\", "
                           "\"weight\": 1.5, \"m\\u0065t\": false}], \"directed\": true, "
                           "\"nodes\": [{\"id\": \"x\u00e9\", \"k\": [1, {\"z\": null}]}, "
                           "{\"id\": \"y\"}]}",
                           AG_FMT_JSON, &err);
    char *sa, *sb;

    assert_non_null(a);
    assert_non_null(b);
    assert_true(ag_graph_is_directed(a));
    sa = write_str(a, AG_FMT_JSON);
    sb = write_str(b, AG_FMT_JSON);
    assert_string_equal(sa, sb);
    assert_non_null(strstr(sa, "\"x\u00e9\""));
    free(sa);
    free(sb);
    ag_graph_free(a);
    ag_graph_free(b);
}

/* JSON written by several threads (chunks formatted apart, written in order) is the one
 * thread's bytes, for node and link counts above the threshold that are no multiple of a
 * chunk; a write error still fails the call. */
static void test_io__json_threads_write_the_same_bytes(void **state)
{
    ag_error err;
    ag_graph *g = ag_graph_new(0);
    ag_write_opts wo = AG_WRITE_OPTS_INIT;
    char id[32], *one = NULL, *many = NULL, small[4096];
    size_t n = 0;
    FILE *f;

    assert_non_null(g);
    ag_error_clear(&err);
    for (int i = 0; i < 9001; i++) {
        snprintf(id, sizeof id, "actor \"%d\"", i);
        assert_int_equal(ag_graph_add_node(g, id, &err), i);
        assert_int_equal(ag_node_set_integer(g, (size_t)i, "mentions", i % 7, &err), 0);
    }
    for (int e = 0; e < 12345; e++) {
        assert_true(ag_graph_add_edge(g, (size_t)e % 9001, (size_t)(e * 7 + 1) % 9001, &err) >= 0);
        assert_int_equal(ag_edge_set_string(g, (size_t)e, "text", e % 2 ? "a\tb" : "c", &err), 0);
    }
    for (int threads = 1; threads <= 3; threads++) {
        char *buf = NULL;
        wo.threads = threads;
        assert_non_null(f = open_memstream(&buf, &n));
        assert_int_equal(ag_graph_write(g, AG_FMT_JSON, f, &wo, &err), 0);
        fclose(f);
        if (!one)
            one = buf;
        else
            assert_string_equal(one, buf);
        if (buf != one) {
            free(many);
            many = buf;
        }
    }
    assert_non_null(many);
    assert_non_null(strstr(one, "\"id\": \"actor \\\"9000\\\"\""));
    wo.threads = 2;
    assert_non_null(f = fmemopen(small, sizeof small, "w"));
    assert_int_equal(ag_graph_write(g, AG_FMT_JSON, f, &wo, &err), -1);
    fclose(f);
    free(one);
    free(many);
    ag_graph_free(g);
}

static void test_io__json_integer_ids_come_back_as_integers(void **state)
{
    ag_error err;
    ag_graph *g = read_str("{\"nodes\": [{\"id\": 0}, {\"id\": 1}], "
                           "\"links\": [{\"source\": 1, \"target\": 0}]}",
                           AG_FMT_JSON, &err);
    char *out;

    assert_non_null(g);
    assert_true(ag_graph_has_integer_ids(g));
    assert_false(ag_edge_has_weight(g, 0)); /* no weight invented */
    out = write_str(g, AG_FMT_JSON);
    assert_non_null(strstr(out, "{\"source\": 1, \"target\": 0}"));
    free(out);
    ag_graph_free(g);
}

static void test_io__json_errors_name_line_and_column(void **state)
{
    ag_error err;

    assert_null(read_str("{\"nodes\": [\n{\"id\": \"a\"},\n{\"id\": \"b\"\n]}", AG_FMT_JSON, &err));
    assert_int_equal(err.code, AG_EPARSE);
    assert_int_equal(err.line, 4);
    assert_string_equal(err.file, "in");

    assert_null(read_str("{\"nodes\": [{\"id\": \"a\"}],\n\"links\": [\n"
                         "{\"source\": \"a\", \"target\": \"a\"},\n"
                         "  {\"source\": \"a\", \"target\": \"ghost\"}]}",
                         AG_FMT_JSON, &err));
    assert_int_equal(err.code, AG_EINVAL);
    assert_int_equal(err.line, 4);
    assert_int_equal(err.col, 3);
    assert_non_null(strstr(err.msg, "'ghost' is not a node"));

    assert_null(read_str("{\"nodes\": [{\"id\": \"a\"}], \"links\": "
                         "[{\"source\": \"a\", \"target\": \"a\", \"weight\": \"x\"}]}",
                         AG_FMT_JSON, &err));
    assert_non_null(strstr(err.msg, "weight is a string"));
    assert_int_equal(err.col, 36);

    assert_null(read_str("[1, 2]", AG_FMT_JSON, &err));
    assert_int_equal(err.code, AG_EINVAL);
    assert_null(read_str("{\"nodes\": [{\"id\": 1.5}]}", AG_FMT_JSON, &err));
    assert_non_null(strstr(err.msg, "\"id\""));
}

static void test_io__edgelist_header_weights_and_errors(void **state)
{
    ag_error err;
    ag_graph *g = read_str("source\ttarget\tweight\tkind\n# comment\r\n"
                           "Ann Lee\tBo\t3\tx\r\nBo\tCy\t0.5\t2\n",
                           AG_FMT_AUTO, &err);
    assert_non_null(g);
    assert_int_equal(ag_graph_node_count(g), 3);
    assert_true(ag_edge_weight(g, 1) == 0.5);
    assert_string_equal(ag_attr_string(ag_edge_attrs_const(g, 0), "kind"), "x");
    assert_true(ag_attr_number(ag_edge_attrs_const(g, 1), "kind", 0) == 2);
    ag_graph_free(g);

    g = read_str("a,\"b, \"\"quoted\"\"\",1\n", AG_FMT_AUTO, &err);
    assert_non_null(g);
    assert_string_equal(ag_node_id(g, 1), "b, \"quoted\"");
    ag_graph_free(g);

    assert_null(read_str("a\tb\t1\nc\td\tlots\n", AG_FMT_TSV, &err));
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 5);
    assert_non_null(strstr(err.msg, "not a finite number"));

    assert_null(read_str("a,\"b\n", AG_FMT_CSV, &err));
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.msg, "unterminated"));
}

static void test_io__tsv_round_trip_escapes_names(void **state)
{
    ag_error err;
    ag_graph *g = read_str("x\\ty\tb\\\\c\t2\n", AG_FMT_TSV, &err);
    char *out;

    assert_non_null(g);
    assert_string_equal(ag_node_id(g, 0), "x\ty");
    assert_string_equal(ag_node_id(g, 1), "b\\c");
    out = write_str(g, AG_FMT_TSV);
    assert_string_equal(out, "source\ttarget\tweight\nx\\ty\tb\\\\c\t2\n");
    free(out);
    ag_graph_free(g);
}

static void test_io__output_is_atomic(void **state)
{
    char dir[] = "/tmp/ag-test-XXXXXX", path[64];
    ag_output out;
    ag_error err;

    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.json", dir);
    ag_error_clear(&err);
    assert_int_equal(ag_output_open(&out, path, &err), 0);
    fputs("partial", out.fp);
    assert_int_not_equal(access(out.tmp, F_OK), -1);
    assert_int_equal(access(path, F_OK), -1); /* nothing at the final path yet */
    ag_output_abort(&out);
    assert_int_equal(access(path, F_OK), -1);

    assert_int_equal(ag_output_open(&out, path, &err), 0);
    fputs("done\n", out.fp);
    assert_int_equal(ag_output_commit(&out, &err), 0);
    assert_int_equal(access(path, F_OK), 0);
    unlink(path);
    rmdir(dir);

    ag_error_clear(&err);
    assert_int_equal(ag_output_open(&out, "/nonexistent-dir/x.json", &err), -1);
    assert_string_equal(err.file, "/nonexistent-dir/x.json");
}

/* cgraph reads one graph and kept the rest in its global scanner, where the next read in
 * the same process started (found by fuzz_dot). Text after the first graph is an error
 * now (one graph per input), and still must not leak into the next read. */
static void test_io__dot_trailing_text_stays_out_of_the_next_read(void **state)
{
    ag_error err;
    ag_graph *g = read_str("graph { a -- b; } -- a; { c -- d }", AG_FMT_DOT, &err);

    assert_null(g);
    assert_non_null(strstr(err.msg, "one graph per input"));
    g = read_str("graph { x -- y }", AG_FMT_DOT, &err);
    assert_non_null(g);
    assert_int_equal(ag_graph_node_count(g), 2);
    assert_int_equal(ag_graph_find_node(g, "x"), 0);
    ag_graph_free(g);
}

static void test_io__missing_file_is_an_error(void **state)
{
    ag_error err;
    ag_error_clear(&err);
    assert_null(ag_graph_read("/nonexistent/graph.json", AG_FMT_AUTO, NULL, &err));
    assert_int_equal(err.code, AG_ENOTFOUND);
    assert_string_equal(err.file, "/nonexistent/graph.json");
}

static void test_io__error_keeps_first_and_tail_of_long_path(void **state)
{
    ag_error err;
    char path[600];
    memset(path, 'p', sizeof path - 1);
    path[sizeof path - 1] = '\0';
    memcpy(path + sizeof path - 8, "end.txt", 7);
    ag_error_clear(&err);
    ag_error_set(&err, AG_EIO, path, 3, 4, "first");
    ag_error_set(&err, AG_EIO, "other", 1, 1, "second");
    assert_string_equal(err.msg, "first");
    assert_memory_equal(err.file, "...", 3);
    assert_string_equal(err.file + strlen(err.file) - 7, "end.txt");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_io__sniff),
        cmocka_unit_test(test_io__format_from_path),
        cmocka_unit_test(test_io__json_round_trip_is_byte_identical),
        cmocka_unit_test(test_io__json_fast_and_full_paths_agree),
        cmocka_unit_test(test_io__json_threads_write_the_same_bytes),
        cmocka_unit_test(test_io__json_integer_ids_come_back_as_integers),
        cmocka_unit_test(test_io__json_errors_name_line_and_column),
        cmocka_unit_test(test_io__edgelist_header_weights_and_errors),
        cmocka_unit_test(test_io__tsv_round_trip_escapes_names),
        cmocka_unit_test(test_io__output_is_atomic),
        cmocka_unit_test(test_io__dot_trailing_text_stays_out_of_the_next_read),
        cmocka_unit_test(test_io__missing_file_is_an_error),
        cmocka_unit_test(test_io__error_keeps_first_and_tail_of_long_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
