/* Unit tests of the columnar attribute store (libcore/graph/attrs.c) through the graph
 * API: per-row key order, columns that change kind, rows switched to jansson objects,
 * and filter, sort and copy moving the columns along. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <actorgraph/graph/graph.h>

#include "graph/graph_internal.h"

static ag_graph *nodes(size_t n)
{
    ag_graph *g = ag_graph_new(0);
    char id[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(id, sizeof id, "n%05zu", i);
        assert_int_equal(ag_graph_add_node(g, id, NULL), (long)i);
    }
    return g;
}

/* The node's keys joined by commas, as the key iteration gives them. */
static const char *keys_of(const ag_graph *g, size_t node, char *buf, size_t size)
{
    const char *key;
    ag_attr_value v;

    buf[0] = '\0';
    for (size_t k = 0; ag_node_attr_at(g, node, k, &key, &v) == 0; k++) {
        if (k)
            strncat(buf, ",", size - strlen(buf) - 1);
        strncat(buf, key, size - strlen(buf) - 1);
    }
    return buf;
}

/* The row printed by jansson, for comparing a column row with an object row. */
static char *dump(const json_t *obj)
{
    return json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
}

static void test_attrs__each_row_keeps_its_own_key_order(void **state)
{
    ag_graph *g = nodes(3);
    char buf[128];

    ag_node_set_integer(g, 0, "a", 1, NULL);
    ag_node_set_string(g, 0, "b", "x", NULL);
    ag_node_set_string(g, 1, "b", "y", NULL);
    ag_node_set_integer(g, 1, "a", 2, NULL);
    assert_string_equal(keys_of(g, 0, buf, sizeof buf), "a,b");
    assert_string_equal(keys_of(g, 1, buf, sizeof buf), "b,a");
    assert_string_equal(keys_of(g, 2, buf, sizeof buf), "");
    /* replacing keeps the place, as jansson does; unset and set again goes last */
    ag_node_set_integer(g, 0, "a", 5, NULL);
    assert_string_equal(keys_of(g, 0, buf, sizeof buf), "a,b");
    assert_int_equal(ag_node_unset(g, 0, "a"), 0);
    assert_int_equal(ag_node_unset(g, 0, "a"), -1);
    ag_node_set_integer(g, 0, "a", 6, NULL);
    assert_string_equal(keys_of(g, 0, buf, sizeof buf), "b,a");
    assert_int_equal(ag_node_attr_keys(g, 0, NULL, 0), 2);
    ag_graph_free(g);
}

static void test_attrs__a_column_of_mixed_kinds_keeps_every_value(void **state)
{
    ag_graph *g = nodes(4);
    long long i;
    double d;
    const char *s;
    json_t *list = json_pack("[i, s]", 1, "two");
    char *text;

    ag_node_set_integer(g, 0, "x", 7, NULL);
    ag_node_set_integer(g, 1, "x", 8, NULL);
    ag_node_set_number(g, 2, "x", 2.5, NULL); /* the column turns into jansson cells */
    ag_node_set_string(g, 3, "x", "text", NULL);
    assert_int_equal(ag_node_get_integer(g, 0, "x", &i), 0);
    assert_int_equal(i, 7);
    assert_int_equal(ag_node_get_integer(g, 1, "x", &i), 0);
    assert_int_equal(i, 8);
    assert_int_equal(ag_node_attr_type(g, 2, "x"), AG_ATTR_REAL);
    assert_int_equal(ag_node_get_number(g, 2, "x", &d), 0);
    assert_true(d == 2.5);
    assert_int_equal(ag_node_get_string(g, 3, "x", &s), 0);
    assert_string_equal(s, "text");
    assert_int_equal(ag_node_set_json(g, 1, "x", list, NULL), 0);
    json_decref(list); /* the graph holds its own reference */
    assert_int_equal(ag_node_attr_type(g, 1, "x"), AG_ATTR_OTHER);
    assert_non_null(text = dump(ag_node_attrs_const(g, 1)));
    assert_string_equal(text, "{\"x\":[1,\"two\"]}");
    free(text);
    ag_graph_free(g);
}

static void test_attrs__an_object_row_and_the_typed_calls_see_one_store(void **state)
{
    ag_graph *g = nodes(2);
    json_t *a;
    long long i;
    char buf[128], *text;

    assert_null(ag_node_attrs_const(g, 0)); /* no attributes: no object */
    ag_node_set_integer(g, 0, "mentions", 3, NULL);
    ag_node_set_bool(g, 0, "met", 1, NULL);
    ag_node_set_integer(g, 1, "mentions", 4, NULL);
    a = ag_node_attrs(g, 0);
    assert_non_null(a);
    assert_ptr_equal(ag_node_attrs(g, 0), a); /* the same object from now on */
    assert_non_null(text = dump(a));
    assert_string_equal(text, "{\"mentions\":3,\"met\":true}");
    free(text);
    json_object_set_new(a, "aliases", json_pack("[s]", "A"));
    assert_string_equal(keys_of(g, 0, buf, sizeof buf), "mentions,met,aliases");
    assert_int_equal(ag_node_set_integer(g, 0, "mentions", 9, NULL), 0);
    assert_int_equal(json_integer_value(json_object_get(a, "mentions")), 9);
    assert_int_equal(ag_node_unset(g, 0, "met"), 0);
    assert_null(json_object_get(a, "met"));
    /* the other row still lives in the columns */
    assert_int_equal(ag_node_get_integer(g, 1, "mentions", &i), 0);
    assert_int_equal(i, 4);
    ag_graph_free(g);
}

static void test_attrs__a_string_with_a_nul_stays_whole(void **state)
{
    ag_graph *g = nodes(1);
    json_t *s = json_stringn("a\0b", 3);
    const char *out;

    assert_int_equal(ag_node_set_json(g, 0, "label", s, NULL), 0);
    json_decref(s);
    assert_int_equal(ag_node_get_string(g, 0, "label", &out), 0);
    assert_string_equal(out, "a");
    assert_int_equal(json_string_length(json_object_get(ag_node_attrs_const(g, 0), "label")), 3);
    ag_graph_free(g);
}

static void test_attrs__link_weight_is_no_entry(void **state)
{
    ag_graph *g = nodes(2);
    long e = ag_graph_add_edge(g, 0, 1, NULL);
    json_t *two = json_integer(2);
    const char *key;
    ag_attr_value v;

    ag_edge_set_weight(g, (size_t)e, 3);
    ag_edge_set_integer(g, (size_t)e, "documents", 4, NULL);
    assert_int_equal(ag_edge_attr_at(g, (size_t)e, 0, &key, &v), 0);
    assert_string_equal(key, "documents");
    assert_int_equal(v.type, AG_ATTR_INTEGER);
    assert_int_equal(v.integer, 4);
    assert_int_equal(ag_edge_attr_at(g, (size_t)e, 1, &key, &v), -1);
    assert_int_equal(ag_edge_attr_keys(g, (size_t)e, NULL, 0), 2); /* weight, documents */
    /* set_json is json_object_set on the entries: "weight" there is an entry */
    assert_int_equal(ag_edge_set_json(g, (size_t)e, "weight", two, NULL), 0);
    json_decref(two);
    assert_true(ag_edge_weight(g, (size_t)e) == 3);
    assert_int_equal(ag_edge_attr_at(g, (size_t)e, 1, &key, &v), 0);
    assert_string_equal(key, "weight");
    ag_graph_free(g);
}

static void test_attrs__setters_refuse_bad_values(void **state)
{
    ag_graph *g = nodes(1);
    ag_error err = {0};
    ag_attr_value none = {0};

    assert_int_equal(ag_node_set_string(g, 0, "k", "\xff", &err), -1);
    assert_int_equal(err.code, AG_EINVAL);
    assert_int_equal(ag_node_set_value(g, 0, "k", &none, NULL), -1);
    assert_int_equal(ag_node_set_integer(g, 5, "k", 1, NULL), -1);
    assert_int_equal(ag_node_attr_keys(g, 0, NULL, 0), 0);
    ag_graph_free(g);
}

/* A string set by its index among the links' strings reads as ag_edge_set_string's, in a
 * column that holds both (the extractor's dates). */
static void test_attrs__a_link_string_set_by_index_is_the_string(void **state)
{
    ag_graph *g = nodes(2);
    ag_error err = {0};
    const char *out = NULL;
    ag_graph_add_edge(g, 0, 1, NULL);
    ag_graph_add_edge(g, 1, 0, NULL);
    long id = ag__edge_string_id(g, "2024-01-02", NULL);

    assert_true(id >= 0);
    assert_int_equal(ag__edge_string_id(g, "2024-01-02", NULL), id); /* interned once */
    assert_int_equal(ag__edge_string_id(g, "\xff", NULL), -2);
    assert_int_equal(ag_edge_set_string(g, 0, "first_date", "2023-12-31", NULL), 0);
    assert_int_equal(ag__edge_set_string_id(g, 1, "first_date", id, NULL), 0);
    assert_int_equal(ag_edge_get_string(g, 1, "first_date", &out), 0);
    assert_string_equal(out, "2024-01-02");
    assert_int_equal(ag_edge_get_string(g, 0, "first_date", &out), 0);
    assert_string_equal(out, "2023-12-31");
    assert_int_equal(ag__edge_set_string_id(g, 2, "first_date", id, &err), -1);
    assert_int_equal(err.code, AG_EINVAL);
    assert_int_equal(ag__edge_set_string_id(g, 0, "weight", id, NULL), -1);
    assert_int_equal(ag__edge_set_string_id(g, 0, "k", 1000, NULL), -1);
    assert_int_equal(ag_edge_attr_keys(g, 0, NULL, 0), 1);
    ag_graph_free(g);
}

/* Many rows, two shapes, a sparse column and a list column, then filter, sort and copy:
 * every row must come out as jansson would print it. */
static void test_attrs__filter_sort_and_copy_move_the_columns(void **state)
{
    enum { N = 2000 };
    ag_graph *g = ag_graph_new(0), *c;
    unsigned char keep[N];
    char id[32], want[128], *text;

    for (size_t i = 0; i < N; i++) {
        snprintf(id, sizeof id, "n%05zu", N - i); /* sorting reverses them */
        ag_graph_add_node(g, id, NULL);
        if (i % 2) {
            ag_node_set_integer(g, i, "documents", (long long)i, NULL);
            ag_node_set_string(g, i, "type", i % 3 ? "person" : "org", NULL);
        } else {
            ag_node_set_string(g, i, "type", "place", NULL);
            ag_node_set_integer(g, i, "documents", (long long)i, NULL);
        }
        if (i % 7 == 0) {
            json_t *l = json_pack("[I]", (json_int_t)i);
            ag_node_set_json(g, i, "list", l, NULL);
            json_decref(l);
        }
        if (i % 11 == 0)
            ag_node_attrs(g, i); /* some rows go to object mode */
        keep[i] = i % 5 != 0;
    }
    assert_int_equal(ag_graph_filter(g, keep, NULL, NULL), 0);
    assert_int_equal(ag_graph_sort(g, NULL), 0);
    assert_non_null(c = ag_graph_copy(g, NULL));
    ag_graph_free(g);
    assert_int_equal(ag_graph_node_count(c), N - N / 5);
    for (size_t j = 0; j < ag_graph_node_count(c); j++) {
        size_t i = N - (size_t)atoi(ag_node_id(c, j) + 1); /* the old index */
        const char *type = i % 2 ? (i % 3 ? "person" : "org") : "place";
        if (i % 2)
            snprintf(want, sizeof want, "{\"documents\":%zu,\"type\":\"%s\"", i, type);
        else
            snprintf(want, sizeof want, "{\"type\":\"%s\",\"documents\":%zu", type, i);
        if (i % 7 == 0)
            snprintf(want + strlen(want), sizeof want - strlen(want), ",\"list\":[%zu]", i);
        strcat(want, "}");
        assert_non_null(text = dump(ag_node_attrs_const(c, j)));
        assert_string_equal(text, want);
        free(text);
    }
    ag_graph_free(c);
}

static void test_attrs__copy_attrs_keeps_order_and_skips(void **state)
{
    ag_graph *g = nodes(2), *h = nodes(1);
    json_t *list = json_pack("[s]", "x");
    char buf[128];
    const char *s;

    ag_node_set_string(g, 0, "name", "N", NULL);
    ag_node_set_json(g, 0, "tags", list, NULL);
    ag_node_set_integer(g, 0, "n", 1, NULL);
    json_decref(list);
    assert_int_equal(ag_node_copy_attrs(h, 0, g, 0, "name", NULL), 0);
    assert_string_equal(keys_of(h, 0, buf, sizeof buf), "tags,n");
    assert_int_equal(ag_node_copy_attrs(g, 1, g, 0, NULL, NULL), 0); /* within one graph */
    assert_string_equal(keys_of(g, 1, buf, sizeof buf), "name,tags,n");
    assert_int_equal(ag_node_get_string(g, 1, "name", &s), 0);
    assert_string_equal(s, "N");
    assert_int_equal(ag_node_copy_attrs(h, 3, g, 0, NULL, NULL), -1); /* out of range */
    ag_graph_free(g);
    assert_int_equal(ag_node_attr_type(h, 0, "tags"), AG_ATTR_OTHER); /* shared, still alive */
    ag_graph_free(h);
}

/* Lists held natively (evidence records, aliases) survive sort and copy, are written as
 * they are by the native readers, and read as the jansson lists they stand for by the
 * public ones, a record in two lists being one object. Entries that are not UTF-8 go. */
static void test_attrs__native_lists_read_as_jansson_lists(void **state)
{
    ag_graph *g = nodes(3), *c;
    const ag__attr_record recs[] = {
        {"d1", 5, "A met B."}, {"d2", 7, "caf\xc3\xa9"}, {"d\xff", 1, "bad doc"}};
    const char *names[] = {"Dr", "bad \xff", "Mr"};
    const char *key;
    ag_attr_value v;
    ag__attr_list list;
    ag__attr_record r;
    char *text;
    (void)state;

    assert_int_equal(ag_graph_add_edge(g, 1, 2, NULL), 0); /* sorting moves it last */
    assert_int_equal(ag_graph_add_edge(g, 0, 1, NULL), 1);
    assert_int_equal(ag__edge_set_records(g, 0, "evidence", recs, 1, 0, NULL), 0);
    assert_int_equal(ag__edge_set_records(g, 1, "evidence", recs, 3, 0, NULL), 0);
    assert_int_equal(ag__node_set_strings(g, 2, "roles", names, 3, NULL), 0);
    assert_int_equal(ag__edge_set_records(g, 5, "evidence", recs, 1, 0, NULL), -1);
    assert_int_equal(ag_graph_sort(g, NULL), 0);
    assert_non_null(c = ag_graph_copy(g, NULL));
    ag_graph_free(g);

    assert_int_equal(ag__edge_attr_at_native(c, 0, 0, &key, &v, &list), 0);
    assert_string_equal(key, "evidence");
    assert_int_equal(v.type, AG_ATTR_NONE);
    assert_int_equal(list.kind, AG__ATTR_RECORDS);
    assert_int_equal(list.n, 2);
    ag__attr_list_record(&list, 1, &r);
    assert_string_equal(r.doc, "d2");
    assert_int_equal(r.offset, 7);
    assert_int_equal(ag__node_attr_at_native(c, 2, 0, &key, &v, &list), 0);
    assert_int_equal(list.kind, AG__ATTR_STRINGS);
    assert_int_equal(list.n, 2);
    assert_string_equal(ag__attr_list_string(&list, 1), "Mr");

    assert_int_equal(ag_edge_get_value(c, 0, "evidence", &v), 0);
    assert_int_equal(v.type, AG_ATTR_OTHER);
    assert_non_null(text = dump(v.other));
    assert_string_equal(text, "[{\"doc\":\"d1\",\"offset\":5,\"text\":\"A met B.\"},"
                              "{\"doc\":\"d2\",\"offset\":7,\"text\":\"caf\xc3\xa9\"}]");
    free(text);
    assert_ptr_equal(json_array_get(v.other, 0),
                     json_array_get(json_object_get(ag_edge_attrs_const(c, 1), "evidence"), 0));
    assert_non_null(text = dump(ag_node_attrs_const(c, 2)));
    assert_string_equal(text, "{\"roles\":[\"Dr\",\"Mr\"]}");
    free(text);
    ag_graph_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attrs__each_row_keeps_its_own_key_order),
        cmocka_unit_test(test_attrs__a_column_of_mixed_kinds_keeps_every_value),
        cmocka_unit_test(test_attrs__an_object_row_and_the_typed_calls_see_one_store),
        cmocka_unit_test(test_attrs__a_string_with_a_nul_stays_whole),
        cmocka_unit_test(test_attrs__link_weight_is_no_entry),
        cmocka_unit_test(test_attrs__setters_refuse_bad_values),
        cmocka_unit_test(test_attrs__a_link_string_set_by_index_is_the_string),
        cmocka_unit_test(test_attrs__filter_sort_and_copy_move_the_columns),
        cmocka_unit_test(test_attrs__copy_attrs_keeps_order_and_skips),
        cmocka_unit_test(test_attrs__native_lists_read_as_jansson_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
