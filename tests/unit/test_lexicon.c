/* Unit tests for actorgraph/nlp/lexicon.h: the embedded default, --dict and --stoplist. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <actorgraph/nlp/lexicon.h>

static ag_lexicon *deflex;

static int setup(void **state)
{
    (void)state;
    ag_error err;
    ag_error_clear(&err);
    deflex = ag_lexicon_new(1, &err);
    return deflex ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ag_lexicon_free(deflex);
    return 0;
}

static void expect_actor(const char *form, int fold, const char *name, ag_actor_type type)
{
    ag_lex_actor a;
    assert_int_equal(ag_lexicon_lookup(deflex, form, strlen(form), fold, &a), 1);
    assert_string_equal(a.name, name);
    assert_int_equal(a.type, type);
}

static void test_lexicon__country_forms_merge(void **state)
{
    (void)state;
    expect_actor("US", 0, "United States", AG_ACTOR_COUNTRY);
    expect_actor("U.S.", 0, "United States", AG_ACTOR_COUNTRY);
    expect_actor("America", 0, "United States", AG_ACTOR_COUNTRY);
    expect_actor("United States", 0, "United States", AG_ACTOR_COUNTRY);
    expect_actor("Russian Federation", 0, "Russia", AG_ACTOR_COUNTRY);
    expect_actor("NORWAY", 1, "Norway", AG_ACTOR_COUNTRY);
    ag_lex_actor a;
    assert_int_equal(ag_lexicon_lookup(deflex, "us", 2, 0, &a), 0);
}

static void test_lexicon__demonyms_are_adjective_forms(void **state)
{
    (void)state;
    ag_lex_actor a;
    assert_int_equal(ag_lexicon_lookup(deflex, "Kenyan", 6, 0, &a), 1);
    assert_string_equal(a.name, "Kenya");
    assert_int_equal(a.adjective, 1);
}

static void test_lexicon__capitals_and_cities(void **state)
{
    (void)state;
    ag_lex_actor a;
    assert_int_equal(ag_lexicon_lookup(deflex, "Nairobi", 7, 0, &a), 1);
    assert_int_equal(a.type, AG_ACTOR_PLACE);
    assert_int_equal(a.capital, 1);
    assert_string_equal(a.country, "Kenya");
    assert_int_equal(ag_lexicon_lookup(deflex, "Karachi", 7, 0, &a), 1);
    assert_int_equal(a.capital, 0);
    assert_string_equal(a.country, "Pakistan");
}

static void test_lexicon__word_classes(void **state)
{
    (void)state;
    assert_true(ag_lexicon_word_class(deflex, "Ministry", 8) & AG_LEX_ORGCUE);
    assert_true(ag_lexicon_word_class(deflex, "Gen", 3) & AG_LEX_TITLE);
    assert_true(ag_lexicon_word_class(deflex, "bin", 3) & AG_LEX_CONNECTOR);
    assert_true(ag_lexicon_word_class(deflex, "Tuesday", 7) & AG_LEX_NONNAME);
    assert_true(ag_lexicon_word_class(deflex, "Earlier", 7) & AG_LEX_FUNCTION);
    assert_true(ag_lexicon_word_class(deflex, "table", 5) & AG_LEX_COMMON);
    assert_false(ag_lexicon_word_class(deflex, "Xqzvbw", 6) & AG_LEX_COMMON);
}

static void test_lexicon__dict_adds_and_overrides(void **state)
{
    (void)state;
    ag_error err;
    ag_error_clear(&err);
    ag_lexicon *lex = ag_lexicon_new(0, &err);
    assert_non_null(lex);
    const char *d = "# test dictionary\n"
                    "Nadia Orlov\tperson\tOrlov|N. Orlov\n"
                    "\n"
                    "Blue River Trust\torg\tBRT|+Blue-River\tRuritania\n"
                    "Orlov Institute\torg\tOrlov\n";
    assert_int_equal(ag_lexicon_load_dict_buffer(lex, "t.dict", d, strlen(d), &err), 0);
    ag_lex_actor a;
    assert_int_equal(ag_lexicon_lookup(lex, "N. Orlov", 8, 0, &a), 1);
    assert_string_equal(a.name, "Nadia Orlov");
    /* a later entry takes the form over */
    assert_int_equal(ag_lexicon_lookup(lex, "Orlov", 5, 0, &a), 1);
    assert_string_equal(a.name, "Orlov Institute");
    assert_int_equal(ag_lexicon_lookup(lex, "Blue-River", 10, 0, &a), 1);
    assert_int_equal(a.adjective, 1);
    assert_string_equal(a.country, "Ruritania");
    assert_int_equal(ag_lexicon_n_actors(lex), 3);
    ag_lexicon_free(lex);
}

static void test_lexicon__dict_errors_name_file_and_line(void **state)
{
    (void)state;
    ag_error err;
    ag_error_clear(&err);
    ag_lexicon *lex = ag_lexicon_new(0, &err);
    const char *d = "Good Name\tperson\nBad Name\tpersn\n";
    assert_int_equal(ag_lexicon_load_dict_buffer(lex, "my.dict", d, strlen(d), &err), -1);
    assert_string_equal(err.file, "my.dict");
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "persn"));
    ag_error_clear(&err);
    const char *d2 = "No type here\n";
    assert_int_equal(ag_lexicon_load_dict_buffer(lex, "x", d2, strlen(d2), &err), -1);
    assert_int_equal(err.line, 1);
    ag_error_clear(&err);
    assert_int_equal(ag_lexicon_load_dict(lex, "/nonexistent/dict.tsv", &err), -1);
    assert_int_equal(err.code, AG_EIO);
    ag_lexicon_free(lex);
}

static void test_lexicon__stoplist_removes_forms(void **state)
{
    (void)state;
    ag_error err;
    ag_error_clear(&err);
    ag_lexicon *lex = ag_lexicon_new(0, &err);
    const char *d = "Atlantis\tcountry\tATL\n";
    const char *s = "# never an actor\n  ATL  \n";
    assert_int_equal(ag_lexicon_load_dict_buffer(lex, "d", d, strlen(d), &err), 0);
    assert_int_equal(ag_lexicon_load_stoplist_buffer(lex, "s", s, strlen(s), &err), 0);
    ag_lex_actor a;
    assert_int_equal(ag_lexicon_lookup(lex, "ATL", 3, 0, &a), 0);
    assert_int_equal(ag_lexicon_lookup(lex, "Atlantis", 8, 0, &a), 1);
    assert_true(ag_lexicon_stopped(lex, "ATL", 3));
    ag_lexicon_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexicon__country_forms_merge),
        cmocka_unit_test(test_lexicon__demonyms_are_adjective_forms),
        cmocka_unit_test(test_lexicon__capitals_and_cities),
        cmocka_unit_test(test_lexicon__word_classes),
        cmocka_unit_test(test_lexicon__dict_adds_and_overrides),
        cmocka_unit_test(test_lexicon__dict_errors_name_file_and_line),
        cmocka_unit_test(test_lexicon__stoplist_removes_forms),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
