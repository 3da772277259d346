/* Unit tests of the graph model (graph.c): lookup, lazy attributes, filter, sort, copy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
