/* Unit tests of the graph model (graph.c): lookup, lazy attributes, filter, sort, copy, and
 * the typed attribute calls. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <actorgraph/graph/graph.h>

static ag_graph *triangle_plus_tail(void)
{
    ag_graph *g = ag_graph_new(0);
    const char *ids[] = {"c", "a", "b", "d"};
    for (int i = 0; i < 4; i++)
        assert_int_equal(ag_graph_add_node(g, ids[i], NULL), i);
    ag_edge_set_weight(g, (size_t)ag_graph_add_edge(g, 0, 1, NULL), 2.5); /* c-a */
    ag_graph_add_edge(g, 1, 2, NULL);                                     /* a-b */
    ag_graph_add_edge(g, 2, 0, NULL);                                     /* b-c */
    ag_graph_add_edge(g, 3, 0, NULL);                                     /* d-c */
    return g;
}

static void test_graph__lookup_is_symmetric_when_undirected(void **state)
{
    ag_graph *g = triangle_plus_tail();
    assert_int_equal(ag_graph_find_node(g, "b"), 2);
    assert_int_equal(ag_graph_find_node(g, "zz"), -1);
    assert_int_equal(ag_graph_add_node(g, "a", NULL), 1); /* existing: same index */
    assert_int_equal(ag_graph_node_count(g), 4);
    assert_int_equal(ag_graph_find_edge(g, 1, 0), 0);
    assert_int_equal(ag_graph_find_edge(g, 0, 1), 0);
    assert_int_equal(ag_graph_find_edge(g, 1, 3), -1);
    ag_graph_set_directed(g, 1);
    assert_int_equal(ag_graph_find_edge(g, 1, 0), -1);
    assert_int_equal(ag_graph_find_edge(g, 0, 1), 0);
    ag_graph_free(g);
}

static void test_graph__weight_defaults_to_one(void **state)
{
    ag_graph *g = triangle_plus_tail();
    assert_true(ag_edge_has_weight(g, 0));
    assert_true(ag_edge_weight(g, 0) == 2.5);
    assert_false(ag_edge_has_weight(g, 1));
    assert_true(ag_edge_weight(g, 1) == 1.0);
    assert_null(ag_edge_attrs_const(g, 1)); /* lazily created */
    json_object_set_new(ag_edge_attrs(g, 1), "met", json_true());
    assert_non_null(ag_edge_attrs_const(g, 1));
    ag_graph_free(g);
}

static void test_graph__sort_orders_nodes_and_edges(void **state)
{
    ag_graph *g = triangle_plus_tail();
    json_object_set_new(ag_node_attrs(g, 0), "type", json_string("person"));
    assert_int_equal(ag_graph_sort(g, NULL), 0);
    assert_string_equal(ag_node_id(g, 0), "a");
    assert_string_equal(ag_node_id(g, 2), "c");
    assert_int_equal(ag_node_type(g, 2), AG_ACTOR_PERSON);
    /* edges by (source, target) with source < target: a-b, a-c, b-c, c-d */
    size_t want[4][2] = {{0, 1}, {0, 2}, {1, 2}, {2, 3}};
    for (size_t e = 0; e < 4; e++) {
        assert_int_equal(ag_edge_source(g, e), want[e][0]);
        assert_int_equal(ag_edge_target(g, e), want[e][1]);
    }
    assert_true(ag_edge_weight(g, 1) == 2.5); /* a-c kept its weight */
    assert_int_equal(ag_graph_find_edge(g, 2, 3), 3);
    ag_graph_free(g);
}

static void test_graph__integer_ids_sort_numerically(void **state)
{
    ag_graph *g = ag_graph_new(0);
    ag_graph_add_node(g, "10", NULL);
    ag_graph_add_node(g, "9", NULL);
    ag_graph_add_node(g, "100", NULL);
    ag_graph_set_integer_ids(g, 1);
    ag_graph_sort(g, NULL);
    assert_string_equal(ag_node_id(g, 0), "9");
    assert_string_equal(ag_node_id(g, 2), "100");
    ag_graph_free(g);
}

static void test_graph__filter_drops_dangling_edges(void **state)
{
    ag_graph *g = triangle_plus_tail();
    unsigned char keep[4] = {1, 1, 0, 1}; /* drop b */
    assert_int_equal(ag_graph_filter(g, keep, NULL, NULL), 0);
    assert_int_equal(ag_graph_node_count(g), 3);
    assert_int_equal(ag_graph_edge_count(g), 2); /* c-a and d-c */
    assert_int_equal(ag_graph_find_node(g, "d"), 2);
    assert_int_equal(ag_graph_find_edge(g, 2, 0), 1);
    assert_int_equal(ag_graph_find_node(g, "b"), -1);
    ag_graph_free(g);
}

static void test_graph__parallel_edges_keep_order_when_sorted(void **state)
{
    ag_graph *g = ag_graph_new(0);
    ag_graph_set_multigraph(g, 1);
    ag_graph_add_node(g, "y", NULL);
    ag_graph_add_node(g, "x", NULL);
    for (int i = 0; i < 3; i++) {
        long e = ag_graph_add_edge(g, (size_t)(i % 2), (size_t)((i + 1) % 2), NULL);
        ag_edge_set_weight(g, (size_t)e, i);
    }
    ag_graph_sort(g, NULL);
    for (size_t e = 0; e < 3; e++)
        assert_true(ag_edge_weight(g, e) == (double)e);
    assert_int_equal(ag_graph_find_edge(g, 0, 1), 0);
    ag_graph_free(g);
}

static void test_graph__copy_is_deep(void **state)
{
    ag_graph *g = triangle_plus_tail(), *c;
    json_object_set_new(ag_node_attrs(g, 1), "aliases", json_pack("[s]", "A."));
    c = ag_graph_copy(g, NULL);
    json_array_append_new(json_object_get(ag_node_attrs(g, 1), "aliases"), json_string("x"));
    assert_int_equal(json_array_size(json_object_get(ag_node_attrs_const(c, 1), "aliases")), 1);
    assert_int_equal(ag_graph_edge_count(c), 4);
    assert_true(ag_edge_weight(c, 0) == 2.5);
    ag_graph_free(g);
    ag_graph_free(c);
}

static void test_graph__many_nodes_grow_tables(void **state)
{
    ag_graph *g = ag_graph_new(0);
    char id[32];
    for (int i = 0; i < 20000; i++) {
        snprintf(id, sizeof id, "n%d", i);
        assert_int_equal(ag_graph_add_node(g, id, NULL), i);
        if (i)
            ag_graph_add_edge(g, (size_t)i - 1, (size_t)i, NULL);
    }
    assert_int_equal(ag_graph_find_node(g, "n12345"), 12345);
    assert_int_equal(ag_graph_find_edge(g, 12345, 12344), 12344);
    ag_graph_free(g);
}

static void test_graph__type_names_parse(void **state)
{
    ag_actor_type t;
    assert_int_equal(ag_actor_type_parse("Organization", &t), 0);
    assert_int_equal(t, AG_ACTOR_ORG);
    assert_int_equal(ag_actor_type_parse("LOC", &t), 0);
    assert_int_equal(t, AG_ACTOR_PLACE);
    assert_int_equal(ag_actor_type_parse("planet", &t), -1);
    assert_string_equal(ag_actor_type_name(AG_ACTOR_COUNTRY), "country");
}

/* ------------------------------------------------------------------ typed attributes */

static void test_graph__typed_node_attributes_round_trip(void **state)
{
    ag_graph *g = triangle_plus_tail();
    ag_error err;
    double d = -1;
    long long ll = -1;
    const char *str = NULL;
    int b = -1;

    ag_error_clear(&err);
    assert_null(ag_node_attrs_const(g, 1));
    assert_int_equal(ag_node_get_number(g, 1, "pagerank", &d), -1); /* absent */
    assert_true(d == -1);
    assert_int_equal(ag_node_attr_type(g, 1, "pagerank"), AG_ATTR_NONE);

    assert_int_equal(ag_node_set_number(g, 1, "pagerank", 0.25, &err), 0);
    assert_int_equal(ag_node_set_integer(g, 1, "degree", 3, &err), 0);
    assert_int_equal(ag_node_set_string(g, 1, "color", "#ff0000", &err), 0);
    assert_int_equal(ag_node_set_bool(g, 1, "seed", 7, &err), 0); /* non-zero: true */
    assert_false(ag_error_isset(&err));

    assert_int_equal(ag_node_attr_type(g, 1, "pagerank"), AG_ATTR_REAL);
    assert_int_equal(ag_node_attr_type(g, 1, "degree"), AG_ATTR_INTEGER);
    assert_int_equal(ag_node_attr_type(g, 1, "color"), AG_ATTR_STRING);
    assert_int_equal(ag_node_attr_type(g, 1, "seed"), AG_ATTR_BOOL);
    assert_int_equal(ag_node_get_number(g, 1, "pagerank", &d), 0);
    assert_true(d == 0.25);
    assert_int_equal(ag_node_get_number(g, 1, "degree", &d), 0); /* an integer is a number */
    assert_true(d == 3.0);
    assert_int_equal(ag_node_get_integer(g, 1, "degree", &ll), 0);
    assert_int_equal(ll, 3);
    assert_int_equal(ag_node_get_string(g, 1, "color", &str), 0);
    assert_string_equal(str, "#ff0000");
    assert_int_equal(ag_node_get_bool(g, 1, "seed", &b), 0);
    assert_int_equal(b, 1);

    /* another type: -1 and *out untouched */
    ll = 99;
    assert_int_equal(ag_node_get_integer(g, 1, "pagerank", &ll), -1); /* a real */
    assert_int_equal(ll, 99);
    assert_int_equal(ag_node_get_string(g, 1, "degree", &str), -1);
    assert_string_equal(str, "#ff0000");
    assert_int_equal(ag_node_get_number(g, 1, "color", &d), -1);
    assert_int_equal(ag_node_get_bool(g, 1, "degree", &b), -1);

    /* a set replaces the value and its type; other nodes are untouched */
    assert_int_equal(ag_node_set_string(g, 1, "degree", "many", NULL), 0);
    assert_int_equal(ag_node_attr_type(g, 1, "degree"), AG_ATTR_STRING);
    assert_null(ag_node_attrs_const(g, 0));

    /* the typed calls and the jansson objects are one store */
    assert_true(ag_attr_number(ag_node_attrs_const(g, 1), "pagerank", 0) == 0.25);
    json_object_set_new(ag_node_attrs(g, 0), "aliases", json_pack("[s]", "C."));
    json_object_set_new(ag_node_attrs(g, 0), "mentions", json_integer(12));
    assert_int_equal(ag_node_attr_type(g, 0, "aliases"), AG_ATTR_OTHER);
    assert_int_equal(ag_node_get_integer(g, 0, "mentions", &ll), 0);
    assert_int_equal(ll, 12);

    assert_int_equal(ag_node_unset(g, 1, "color"), 0);
    assert_int_equal(ag_node_unset(g, 1, "color"), -1);
    assert_int_equal(ag_node_attr_type(g, 1, "color"), AG_ATTR_NONE);

    /* the attributes survive sort and copy */
    assert_int_equal(ag_graph_sort(g, NULL), 0); /* "a" (was 1) is now node 0 */
    {
        ag_graph *c = ag_graph_copy(g, NULL);
        assert_int_equal(ag_node_get_number(c, 0, "pagerank", &d), 0);
        assert_true(d == 0.25);
        ag_graph_free(c);
    }
    ag_graph_free(g);
}

static void test_graph__typed_setters_refuse_bad_values(void **state)
{
    ag_graph *g = triangle_plus_tail();
    const char *bad[] = {"\xff", "caf\xc3", "\xc0\xaf" /* overlong '/' */,
                         "\xed\xa0\x80" /* surrogate */, "\xf4\x90\x80\x80" /* > U+10FFFF */};
    ag_error err;
    double d;

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ag_error_clear(&err);
        assert_int_equal(ag_node_set_string(g, 0, "label", bad[i], &err), -1);
        assert_int_equal(err.code, AG_EINVAL);
        ag_error_clear(&err);
        assert_int_equal(ag_node_set_integer(g, 0, bad[i], 1, &err), -1);
        assert_int_equal(err.code, AG_EINVAL);
    }
    ag_error_clear(&err);
    assert_int_equal(ag_node_set_number(g, 0, "x", NAN, &err), -1);
    assert_int_equal(err.code, AG_EINVAL);
    assert_int_equal(ag_graph_set_number(g, "x", INFINITY, NULL), -1);
    assert_int_equal(ag_node_set_string(g, 0, "label", NULL, NULL), -1);
    assert_int_equal(ag_node_set_bool(g, 0, NULL, 1, NULL), -1);
    assert_null(ag_node_attrs_const(g, 0)); /* nothing was created */

    /* good UTF-8 passes: 2-, 3- and 4-byte sequences */
    assert_int_equal(ag_node_set_string(g, 0, "名前", "Zoë – 東京 \xf0\x9f\x8c\x8d", NULL), 0);

    /* indices out of range: getters say absent, setters AG_EINVAL */
    ag_error_clear(&err);
    assert_int_equal(ag_node_set_number(g, 4, "x", 1, &err), -1);
    assert_int_equal(err.code, AG_EINVAL);
    ag_error_clear(&err);
    assert_int_equal(ag_edge_set_number(g, 4, "weight", 1, &err), -1);
    assert_int_equal(err.code, AG_EINVAL);
    assert_int_equal(ag_node_get_number(g, 4, "x", &d), -1);
    assert_int_equal(ag_edge_get_number(g, 4, "weight", &d), -1);
    assert_int_equal(ag_node_attr_type(g, 99, "x"), AG_ATTR_NONE);
    assert_int_equal(ag_node_unset(g, 99, "x"), -1);
    assert_int_equal(ag_edge_attr_keys(g, 99, NULL, 0), 0);
    ag_graph_free(g);
}

static void test_graph__typed_edge_weight_is_the_weight(void **state)
{
    ag_graph *g = triangle_plus_tail(); /* edge 0 has weight 2.5, edge 1 none */
    const char *keys[4];
    ag_error err;
    double d = 0;
    const char *s;

    ag_error_clear(&err);
    assert_int_equal(ag_edge_get_number(g, 0, "weight", &d), 0);
    assert_true(d == 2.5);
    assert_int_equal(ag_edge_attr_type(g, 0, "weight"), AG_ATTR_REAL);
    assert_int_equal(ag_edge_get_number(g, 1, "weight", &d), -1);
    assert_int_equal(ag_edge_attr_type(g, 1, "weight"), AG_ATTR_NONE);

    assert_int_equal(ag_edge_set_integer(g, 1, "weight", 4, &err), 0);
    assert_true(ag_edge_has_weight(g, 1));
    assert_true(ag_edge_weight(g, 1) == 4.0);
    assert_null(ag_edge_attrs_const(g, 1)); /* not an entry of the attribute object */
    assert_int_equal(ag_edge_set_string(g, 1, "weight", "heavy", &err), -1);
    assert_int_equal(err.code, AG_EINVAL);
    assert_true(ag_edge_weight(g, 1) == 4.0);

    /* an entry named "weight" that came from another format stays hidden, as writers do */
    json_object_set_new(ag_edge_attrs(g, 2), "weight", json_string("hidden"));
    assert_int_equal(ag_edge_get_string(g, 2, "weight", &s), -1);
    assert_int_equal(ag_edge_attr_keys(g, 2, keys, 4), 0);

    /* keys: the weight first, then the attribute object in insertion order */
    assert_int_equal(ag_edge_set_bool(g, 0, "met", 1, NULL), 0);
    assert_int_equal(ag_edge_set_integer(g, 0, "count", 5, NULL), 0);
    assert_int_equal(ag_edge_attr_keys(g, 0, NULL, 0), 3);
    assert_int_equal(ag_edge_attr_keys(g, 0, keys, 4), 3);
    assert_string_equal(keys[0], "weight");
    assert_string_equal(keys[1], "met");
    assert_string_equal(keys[2], "count");

    assert_int_equal(ag_edge_unset(g, 0, "weight"), 0);
    assert_false(ag_edge_has_weight(g, 0));
    assert_int_equal(ag_edge_unset(g, 0, "weight"), -1);
    assert_int_equal(ag_edge_attr_keys(g, 0, keys, 1), 2); /* only keys[0] filled */
    assert_string_equal(keys[0], "met");
    ag_graph_free(g);
}

static void test_graph__typed_graph_attributes_and_keys(void **state)
{
    ag_graph *g = ag_graph_new(0);
    const char *keys[3] = {NULL, NULL, NULL};
    const char *s = NULL;
    long long ll = 0;
    double d = 0;
    int b = 0;

    assert_int_equal(ag_graph_attr_keys(g, NULL, 0), 0);
    assert_int_equal(ag_graph_set_string(g, "community_algorithm", "leiden", NULL), 0);
    assert_int_equal(ag_graph_set_integer(g, "communities", 4, NULL), 0);
    assert_int_equal(ag_graph_set_number(g, "modularity", 0.5, NULL), 0);
    assert_int_equal(ag_graph_set_bool(g, "reviewed", 0, NULL), 0);
    assert_int_equal(ag_graph_get_string(g, "community_algorithm", &s), 0);
    assert_string_equal(s, "leiden");
    assert_int_equal(ag_graph_get_integer(g, "communities", &ll), 0);
    assert_int_equal(ll, 4);
    assert_int_equal(ag_graph_get_number(g, "modularity", &d), 0);
    assert_true(d == 0.5);
    b = 1;
    assert_int_equal(ag_graph_get_bool(g, "reviewed", &b), 0);
    assert_int_equal(b, 0);
    assert_int_equal(ag_graph_attr_type(g, "reviewed"), AG_ATTR_BOOL);
    assert_int_equal(ag_graph_get_number(g, "nothing", &d), -1);

    assert_int_equal(ag_graph_attr_keys(g, keys, 3), 4);
    assert_string_equal(keys[0], "community_algorithm");
    assert_string_equal(keys[1], "communities");
    assert_string_equal(keys[2], "modularity");
    assert_int_equal(ag_graph_unset(g, "communities"), 0);
    assert_int_equal(ag_graph_unset(g, "communities"), -1);
    assert_int_equal(ag_graph_attr_keys(g, keys, 3), 3);
    assert_string_equal(keys[1], "modularity");

    /* node keys in insertion order; a re-set key keeps its place */
    ag_graph_add_node(g, "n", NULL);
    assert_int_equal(ag_node_set_integer(g, 0, "b", 1, NULL), 0);
    assert_int_equal(ag_node_set_integer(g, 0, "a", 2, NULL), 0);
    assert_int_equal(ag_node_set_integer(g, 0, "b", 3, NULL), 0);
    assert_int_equal(ag_node_attr_keys(g, 0, keys, 3), 2);
    assert_string_equal(keys[0], "b");
    assert_string_equal(keys[1], "a");
    ag_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_graph__lookup_is_symmetric_when_undirected),
        cmocka_unit_test(test_graph__weight_defaults_to_one),
        cmocka_unit_test(test_graph__sort_orders_nodes_and_edges),
        cmocka_unit_test(test_graph__integer_ids_sort_numerically),
        cmocka_unit_test(test_graph__filter_drops_dangling_edges),
        cmocka_unit_test(test_graph__parallel_edges_keep_order_when_sorted),
        cmocka_unit_test(test_graph__copy_is_deep),
        cmocka_unit_test(test_graph__many_nodes_grow_tables),
        cmocka_unit_test(test_graph__type_names_parse),
        cmocka_unit_test(test_graph__typed_node_attributes_round_trip),
        cmocka_unit_test(test_graph__typed_setters_refuse_bad_values),
        cmocka_unit_test(test_graph__typed_edge_weight_is_the_weight),
        cmocka_unit_test(test_graph__typed_graph_attributes_and_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
