/*
 * test_extract.c - unit tests of the extraction records: name keys, evidence selection,
 * order-independent combining, the keyed line format and cross-document resolution.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/extract_internal.h"

static void test_extract__name_key(void **state)
{
    char buf[64];
    (void)state;
    /* A dotted acronym is one word, as written without its periods; an initial before
     * a name is not. */
    ag_extract_name_key("U.S.", 4, buf, sizeof buf);
    assert_string_equal(buf, "us");
    ag_extract_name_key("I.B.M. Corp", 11, buf, sizeof buf);
    assert_string_equal(buf, "ibm corp");
    ag_extract_name_key("J. Smith", 8, buf, sizeof buf);
    assert_string_equal(buf, "j smith");
    ag_extract_name_key("Ph.D.", 5, buf, sizeof buf);
    assert_string_equal(buf, "ph d");
    ag_extract_name_key("  Al-Qaeda ", 11, buf, sizeof buf);
    assert_string_equal(buf, "al qaeda");
    ag_extract_name_key("Z\xc3\xbcrich", 7, buf, sizeof buf);
    assert_string_equal(buf, "zurich");
    /* Invalid bytes separate words and never crash. */
    ag_extract_name_key("Ab\xff"
                        "cd",
                        5, buf, sizeof buf);
    assert_string_equal(buf, "ab cd");
    /* Truncation keeps a NUL and reports the full length. */
    assert_int_equal(ag_extract_name_key("Islamabad", 9, buf, 4), 9);
    assert_string_equal(buf, "isl");
}

static void test_extract__scope_parse(void **state)
{
    ag_scope s;
    int w = 1;
    (void)state;
    assert_int_equal(ag_scope_parse("window:3", &s, &w), 0);
    assert_int_equal(s, AG_SCOPE_WINDOW);
    assert_int_equal(w, 3);
    assert_int_equal(ag_scope_parse("paragraph", &s, &w), 0);
    assert_int_equal(s, AG_SCOPE_PARAGRAPH);
    assert_int_equal(ag_scope_parse("window:0", &s, &w), -1);
    assert_int_equal(ag_scope_parse("window:x", &s, &w), -1);
    assert_int_equal(ag_scope_parse("sentences", &s, &w), -1);
}

/* The smallest N by (doc, offset, text), whatever the order they are offered in. */
static void test_extract__evidence_selection(void **state)
{
    ag__acc acc;
    ag__evlist a = 0, b = 0;
    const char *docs[] = {"d3", "d1", "d2", "d1", "d0"};
    const size_t offs[] = {5, 9, 1, 2, 7};
    (void)state;
    ag__acc_init(&acc, 3);
    for (int i = 0; i < 5; i++)
        assert_int_equal(ag__acc_offer(&acc, &a, docs[i], offs[i], "t", 1), 0);
    for (int i = 4; i >= 0; i--)
        assert_int_equal(ag__acc_offer(&acc, &b, docs[i], offs[i], "t", 1), 0);
    assert_int_equal(ag__evlist_n(&acc, a), 3);
    assert_int_equal(ag__evlist_n(&acc, b), 3);
    const ag__evrec *r = acc.evrecs;
    uint32_t ia[3], ib[3];
    for (size_t i = 0; i < 3; i++) {
        ia[i] = ag__evlist_id(&acc, a, i);
        ib[i] = ag__evlist_id(&acc, b, i);
        assert_int_equal(ia[i], ib[i]); /* one record for one (doc, offset, text) */
    }
    assert_string_equal(r[ia[0]].doc, "d0");
    assert_string_equal(r[ia[1]].doc, "d1");
    assert_int_equal(r[ia[1]].offset, 2);
    assert_int_equal(r[ia[2]].offset, 9);
    ag__acc_destroy(&acc);
}

/* A person record with one name, as a document would leave it. */
static size_t person(ag__acc *acc, const char *name, long long docs, long long mentions)
{
    char key[128];
    ag_extract_name_key(name, strlen(name), key, sizeof key);
    long i = ag__acc_actor(acc, key);
    assert_true(i >= 0);
    ag__actor *a = &acc->actors[i];
    a->documents += docs;
    a->mentions += mentions;
    a->types[AG_ACTOR_PERSON] += mentions;
    assert_int_equal(ag__counts_add(&a->names, name, mentions), 0);
    assert_int_equal(ag__counts_add(&a->forms, name, mentions), 0);
    return (size_t)i;
}

static char *keyed(const ag__acc *acc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(ag__acc_write_keyed(acc, f, 1, NULL), 0);
    fclose(f);
    return buf;
}

static void fill_a(ag__acc *acc)
{
    size_t x = person(acc, "Laura Benn", 1, 2), y = person(acc, "Tomas Ekdahl", 1, 1);
    long pi = ag__acc_pair(acc, x, y); /* may move acc->pairs */
    ag__pair *p = &acc->pairs[pi];
    p->weight = 2;
    p->documents = 1;
    p->met = 1;
    long date = ag__acc_date_id(acc, ag__acc_keep(acc, "2020-02-01", 10));
    assert_true(date > 0);
    ag__pair_dates(acc, p, (uint32_t)date, (uint32_t)date);
    assert_int_equal(ag__acc_offer(acc, &p->evidence, "b", 10, "B met E", 7), 0);
    acc->documents = 1;
}

static void fill_b(ag__acc *acc)
{
    size_t y = person(acc, "Tomas Ekdahl", 2, 3), x = person(acc, "Laura Benn", 1, 1);
    person(acc, "Maria Voss", 1, 1);
    long pi = ag__acc_pair(acc, y, x);
    ag__pair *p = &acc->pairs[pi];
    p->weight = 1;
    p->documents = 1;
    long date = ag__acc_date_id(acc, ag__acc_keep(acc, "2019-05-05", 10));
    assert_true(date > 0);
    ag__pair_dates(acc, p, (uint32_t)date, (uint32_t)date);
    assert_int_equal(ag__acc_offer(acc, &p->evidence, "a", 3, "E and B", 7), 0);
    acc->documents = 2;
}

/* Combining shards in either order gives the same records, and the keyed form reads
 * back to the same records. */
static void test_extract__combine_commutes_and_roundtrips(void **state)
{
    ag__acc a, b, ab, ba, back;
    (void)state;
    ag__acc_init(&a, 3);
    ag__acc_init(&b, 3);
    ag__acc_init(&ab, 3);
    ag__acc_init(&ba, 3);
    ag__acc_init(&back, 3);
    fill_a(&a);
    fill_b(&b);
    assert_int_equal(ag__acc_combine(&ab, &a, NULL), 0);
    assert_int_equal(ag__acc_combine(&ab, &b, NULL), 0);
    assert_int_equal(ag__acc_combine(&ba, &b, NULL), 0);
    assert_int_equal(ag__acc_combine(&ba, &a, NULL), 0);
    char *s1 = keyed(&ab), *s2 = keyed(&ba);
    assert_string_equal(s1, s2);
    assert_non_null(strstr(s1, "\"w\":3"));
    assert_non_null(strstr(s1, "\"fd\":\"2019-05-05\""));
    /* Read the keyed lines back. */
    long lineno = 0;
    for (char *line = s1, *nl; *line; line = nl + 1) {
        nl = strchr(line, '\n');
        assert_non_null(nl);
        assert_int_equal(
            ag__acc_read_keyed_line(&back, line, (size_t)(nl - line), "x", ++lineno, NULL), 0);
    }
    char *s3 = keyed(&back);
    assert_string_equal(s1, s3);
    ag_error err;
    ag_error_clear(&err);
    assert_int_equal(ag__acc_read_keyed_line(&back, "A\tx\tnot json", 12, "in", 7, &err), -1);
    assert_int_equal(err.line, 7);
    free(s1);
    free(s2);
    free(s3);
    ag__acc_destroy(&a);
    ag__acc_destroy(&b);
    ag__acc_destroy(&ab);
    ag__acc_destroy(&ba);
    ag__acc_destroy(&back);
}

static const char *alias_node(ag_graph *g, const char *name)
{
    if (ag_graph_find_node(g, name) >= 0)
        return name;
    for (size_t i = 0; i < ag_graph_node_count(g); i++) {
        const json_t *al = json_object_get(ag_node_attrs_const(g, i), "aliases");
        size_t k;
        const json_t *v;
        json_array_foreach(al, k,
                           v) if (strcmp(json_string_value(v), name) == 0) return ag_node_id(g, i);
    }
    return NULL;
}

/* People whose records resolution merges, or keeps apart. */
static void people(ag__acc *acc)
{
    person(acc, "Shah Mehmood Qureshi", 3, 5);
    person(acc, "Shah Mahmood Qureshi", 1, 1);
    person(acc, "Qamar Javed Bajwa", 1, 1);
    person(acc, "Qamar Bajwa", 1, 1);
    person(acc, "Imran Khan", 2, 2);
    person(acc, "Ismail Khan", 1, 1);
    person(acc, "Khan", 1, 1);
    person(acc, "Zalmay Khalilzad", 1, 1);
    person(acc, "Khalilzad", 4, 9);
    person(acc, "Mohammed Faisal", 1, 2);
    person(acc, "Mohammad Faisal", 2, 2);
}

static void test_extract__resolve_variants(void **state)
{
    ag__acc acc;
    ag__resolve_opts ro = {1, 0, 0, NULL, NULL};
    (void)state;
    ag__acc_init(&acc, 3);
    people(&acc);
    ag_graph *g = ag__acc_to_graph(&acc, &ro, NULL);
    assert_non_null(g);
    assert_string_equal(alias_node(g, "Shah Mahmood Qureshi"), "Shah Mehmood Qureshi");
    assert_string_equal(alias_node(g, "Qamar Bajwa"), "Qamar Javed Bajwa");
    /* Two people named Khan: the bare surname stays alone. */
    assert_string_equal(alias_node(g, "Khan"), "Khan");
    assert_true(ag_graph_find_node(g, "Imran Khan") >= 0);
    assert_true(ag_graph_find_node(g, "Ismail Khan") >= 0);
    /* One Khalilzad: the surname joins him, and the full name names the node. */
    assert_string_equal(alias_node(g, "Khalilzad"), "Zalmay Khalilzad");
    long z = ag_graph_find_node(g, "Zalmay Khalilzad");
    assert_int_equal(ag_attr_number(ag_node_attrs_const(g, (size_t)z), "mentions", 0), 10);
    /* Spelling variants: the form used in more documents names the node. */
    assert_string_equal(alias_node(g, "Mohammed Faisal"), "Mohammad Faisal");
    ag_graph_free(g);

    /* The records are consumed: resolve a fresh copy without variants. */
    assert_int_equal(acc.nactors, 0);
    ag__acc_destroy(&acc);
    ag__acc_init(&acc, 3);
    people(&acc);
    size_t n = acc.nactors;
    ro.variants = 0;
    g = ag__acc_to_graph(&acc, &ro, NULL);
    assert_non_null(g);
    assert_int_equal(ag_graph_node_count(g), n);
    ag_graph_free(g);
    ag__acc_destroy(&acc);
}

/* Parse one JSON Lines record the way the workers do. */
static int parse_line(const char *line, ag__doc *doc, ag_error *err)
{
    static const ag_extract_opts opts = AG_EXTRACT_OPTS_INIT;
    memset(doc, 0, sizeof *doc);
    doc->text = strdup(line);
    doc->len = strlen(line);
    doc->raw = 1;
    doc->src = "feed.jsonl";
    doc->lineno = 7;
    return ag__doc_parse(doc, &opts, err);
}

/* The one-pass record scanner and jansson agree: escapes, surrogate pairs, skipped
 * values of every kind, defaults, and errors reported by file and line. */
static void test_extract__record_parse(void **state)
{
    ag__doc d;
    ag_error err;
    (void)state;
    ag_error_clear(&err);
    assert_int_equal(parse_line("{\"meta\":{\"a\":[1,-2.5e3,true,null,{\"x\":\"}\"}]},"
                                "\"text\":\"A \\\"q\\\" \\u00e9 \\ud83d\\ude00\\n\\/\","
                                "\"id\":\"n1\",\"date\":\"2021-06-02T10:00:00Z\"}",
                                &d, &err),
                     1);
    assert_string_equal(d.text, "A \"q\" \xc3\xa9 \xf0\x9f\x98\x80\n/");
    assert_int_equal(d.len, strlen(d.text));
    assert_string_equal(d.id, "n1");
    assert_string_equal(d.date, "2021-06-02");
    ag__doc_free(&d);
    /* No id: FILE:LINE. A numeric id takes jansson's path. */
    assert_int_equal(parse_line("{\"text\":\"x\"}", &d, &err), 1);
    assert_string_equal(d.id, "feed:7");
    ag__doc_free(&d);
    assert_int_equal(parse_line(" {\"id\": 42, \"text\": \"x\"} ", &d, &err), 1);
    assert_string_equal(d.id, "42");
    ag__doc_free(&d);
    /* An empty id is an id, an empty date no date; escaped fields are decoded. */
    static const struct {
        const char *line, *id, *date;
    } fields[] = {
        {"{\"id\":\"\",\"text\":\"x\",\"date\":\"\"}", "", NULL},
        {"{\"id\":\"a\\u00e9\\\"\",\"text\":\"x\",\"date\":\"2021-06-02 10:00\"}", "a\xc3\xa9\"",
         "2021-06-02"},
        {"{\"text\":\"x\",\"date\":\"2021-06\"}", "feed:7", "2021-06"},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        assert_int_equal(parse_line(fields[i].line, &d, &err), 1);
        assert_string_equal(d.id, fields[i].id);
        if (fields[i].date)
            assert_string_equal(d.date, fields[i].date);
        else
            assert_null(d.date);
        ag__doc_free(&d);
    }
    /* Malformed records and records without text. */
    assert_int_equal(parse_line("{\"text\":\"x\"", &d, &err), 0);
    assert_int_equal(err.line, 7);
    assert_string_equal(err.file, "feed.jsonl");
    ag__doc_free(&d);
    ag_error_clear(&err);
    assert_int_equal(parse_line("{\"body\":\"x\"}", &d, &err), 0);
    assert_non_null(strstr(err.msg, "'text'"));
    ag__doc_free(&d);
    ag_error_clear(&err);
    assert_int_equal(parse_line("{\"text\":\"x\"} trailing", &d, &err), 0);
    ag__doc_free(&d);
    ag_error_clear(&err);
    assert_int_equal(parse_line("{\"text\":\"bad \xff byte\"}", &d, &err), 0);
    ag__doc_free(&d);
}

/* The keyed writer leaves out strings that are not UTF-8 (as jansson did) and escapes
 * special bytes wherever they fall in its eight-byte scan. */
static void test_extract__keyed_strings(void **state)
{
    ag__acc acc;
    (void)state;
    ag__acc_init(&acc, 3);
    size_t x = person(&acc, "Laura Benn", 1, 1), y = person(&acc, "Tomas Ekdahl", 1, 1);
    ag__actor *a = &acc.actors[x];
    assert_int_equal(ag__counts_add(&a->forms, "Bad \xff form", 1), 0);
    assert_int_equal(ag__counts_add(&a->roles, "abcdefg\"abcdefgh\\ab\x01 \x7f caf\xc3\xa9", 1), 0);
    assert_int_equal(ag__date_min(&a->first_date, "2020-\xff"), 0);
    long pi = ag__acc_pair(&acc, x, y); /* before reading acc.pairs, which it may move */
    ag__pair *p = &acc.pairs[pi];
    p->weight = p->documents = 1;
    assert_int_equal(ag__acc_offer(&acc, &p->evidence, "d\xfe", 1, "dropped: bad doc", 16), 0);
    assert_int_equal(ag__acc_offer(&acc, &p->evidence, "e", 2, "dropped: bad \xc3 text", 19), 0);
    assert_int_equal(ag__acc_offer(&acc, &p->evidence, "f", 3, "kept", 4), 0);
    char *s = keyed(&acc);
    assert_null(strstr(s, "Bad"));
    assert_null(strstr(s, "\"fd\""));
    assert_null(strstr(s, "dropped"));
    assert_non_null(strstr(s, "\"forms\":[[\"Laura Benn\",1]]"));
    assert_non_null(strstr(s, "[\"abcdefg\\\"abcdefgh\\\\ab\\u0001 \x7f caf\\u00E9\",1]"));
    assert_non_null(strstr(s, "\"ev\":[[\"f\",3,\"kept\"]]"));
    free(s);
    ag__acc_destroy(&acc);
}

/* One sentence backing two links is one evidence object in the graph, not two. */
static void test_extract__shared_evidence(void **state)
{
    ag__acc acc;
    ag_error err;
    (void)state;
    ag_error_clear(&err);
    ag__acc_init(&acc, 3);
    size_t x = person(&acc, "Laura Benn", 1, 1), y = person(&acc, "Tomas Ekdahl", 1, 1),
           z = person(&acc, "Maria Voss", 1, 1);
    const char *doc = ag__acc_keep(&acc, "d", 1), *text = "All met.";
    size_t ends[2][2] = {{x, y}, {y, z}};
    for (int k = 0; k < 2; k++) {
        long pi = ag__acc_pair(&acc, ends[k][0], ends[k][1]);
        ag__pair *p = &acc.pairs[pi];
        p->weight = p->documents = 1;
        assert_int_equal(ag__acc_offer(&acc, &p->evidence, doc, 0, text, 8), 0);
    }
    ag__resolve_opts ro = {0, 0, 0, NULL, NULL};
    ag_graph *g = ag__acc_to_graph(&acc, &ro, &err);
    assert_non_null(g);
    assert_int_equal(ag_graph_edge_count(g), 2);
    const json_t *e0 = json_array_get(json_object_get(ag_edge_attrs_const(g, 0), "evidence"), 0),
                 *e1 = json_array_get(json_object_get(ag_edge_attrs_const(g, 1), "evidence"), 0);
    assert_non_null(e0);
    assert_ptr_equal(e0, e1);
    assert_string_equal(json_string_value(json_object_get(e0, "text")), "All met.");
    ag_graph_free(g);
    ag__acc_destroy(&acc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extract__name_key),
        cmocka_unit_test(test_extract__scope_parse),
        cmocka_unit_test(test_extract__evidence_selection),
        cmocka_unit_test(test_extract__combine_commutes_and_roundtrips),
        cmocka_unit_test(test_extract__resolve_variants),
        cmocka_unit_test(test_extract__record_parse),
        cmocka_unit_test(test_extract__keyed_strings),
        cmocka_unit_test(test_extract__shared_evidence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
