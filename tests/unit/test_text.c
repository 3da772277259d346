/* Unit tests for actorgraph/nlp/text.h: UTF-8 decoding and the sentence splitter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <actorgraph/nlp/text.h>

static size_t split(const char *s, ag_sentence **out)
{
    size_t n = 0;
    ag_error err;
    ag_error_clear(&err);
    assert_int_equal(ag_text_sentences(s, strlen(s), out, &n, &err), 0);
    return n;
}

static void expect(const char *s, const char *const *want, size_t nwant)
{
    ag_sentence *v = NULL;
    size_t n = split(s, &v);
    assert_int_equal(n, nwant);
    for (size_t i = 0; i < n; i++) {
        size_t l = v[i].end - v[i].start;
        assert_int_equal(l, strlen(want[i]));
        assert_memory_equal(s + v[i].start, want[i], l);
    }
    free(v);
}

static void test_text__abbreviations_do_not_split(void **state)
{
    (void)state;
    const char *w[] = {"Dr. Lena Moss met Gen. Tarik Olu and Amb. Ray Kent in Feb. last year.",
                       "Lt. Col. Ada Berg said so."};
    expect("Dr. Lena Moss met Gen. Tarik Olu and Amb. Ray Kent in Feb. last year. "
           "Lt. Col. Ada Berg said so.",
           w, 2);
}

static void test_text__dotted_forms_and_initials(void **state)
{
    (void)state;
    const char *w[] = {"The U.S. Embassy said J. R. Hale would come.", "He did not."};
    expect("The U.S. Embassy said J. R. Hale would come. He did not.", w, 2);
    const char *w2[] = {"Aid came from the U.S.", "The talks went on."};
    expect("Aid came from the U.S. The talks went on.", w2, 2);
}

static void test_text__quotes_stay_with_their_sentence(void **state)
{
    (void)state;
    const char *w[] = {"\xE2\x80\x9CWe agreed.\xE2\x80\x9D", "She left."};
    expect("\xE2\x80\x9CWe agreed.\xE2\x80\x9D She left.", w, 2);
}

static void test_text__ellipsis_and_other_stops_in_long_sentences(void **state)
{
    (void)state;
    /* Stops at various distances into a sentence (the splitter skips plain bytes in
     * blocks); 0xE2 leads both the ellipsis and the apostrophe / dash, only one a stop. */
    const char *w[] = {"The delegation waited for hours\xE2\x80\xA6", "Nobody came.",
                       "Did they know?", "Yes!",
                       "The minister\xE2\x80\x99s aide left \xE2\x80\x94 quietly."};
    expect("The delegation waited for hours\xE2\x80\xA6 Nobody came. Did they know? Yes! "
           "The minister\xE2\x80\x99s aide left \xE2\x80\x94 quietly.",
           w, 5);
}

static void test_text__abbreviation_and_starter_lists(void **state)
{
    (void)state;
    /* First and last entries of both (sorted) lists, near misses ("Se", "Zones"). */
    const char *w[] = {"Talks with Adm. Kerr went on vs. Ohio.",
                       "The U.K.",
                       "Yet again.",
                       "From the U.K.",
                       "A deal.",
                       "The U.K. Zones stay.",
                       "Se.",
                       "Kim met Reps. Lee."};
    expect("Talks with Adm. Kerr went on vs. Ohio. The U.K. Yet again. From the U.K. A deal. "
           "The U.K. Zones stay. Se. Kim met Reps. Lee.",
           w, 8);
}

static void test_text__lines_and_paragraphs(void **state)
{
    (void)state;
    const char *s = "HEADLINE WORDS\nFirst line here\nSecond line.\n\nNew paragraph. Two.\n";
    ag_sentence *v = NULL;
    size_t n = split(s, &v);
    assert_int_equal(n, 5);
    assert_int_equal(v[0].paragraph, 0);
    assert_int_equal(v[2].paragraph, 0);
    assert_int_equal(v[3].paragraph, 1);
    assert_int_equal(v[4].paragraph, 1);
    free(v);
}

static void test_text__hard_wrapped_prose_joins_lines(void **state)
{
    (void)state;
    const char *s = "The minister arrived in the capital on Monday and held a long meeting\n"
                    "with the visiting delegation from the neighbouring country about the\n"
                    "border dispute that has lasted for years. Nobody expected a deal soon.\n";
    ag_sentence *v = NULL;
    size_t n = split(s, &v);
    assert_int_equal(n, 2);
    free(v);
}

static void test_text__invalid_utf8_keeps_offsets(void **state)
{
    (void)state;
    const char s[] = "Bad \xFF\xC3 bytes. Next \xE2\x80 one.";
    ag_sentence *v = NULL;
    size_t n = 0;
    ag_error err;
    ag_error_clear(&err);
    assert_int_equal(ag_text_sentences(s, sizeof s - 1, &v, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_int_equal(v[0].start, 0);
    assert_int_equal(v[1].start, 14);
    assert_int_equal(v[1].end, sizeof s - 1);
    free(v);
    int32_t cp;
    assert_int_equal(ag_text_decode(s, sizeof s - 1, 4, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(ag_text_decode("\xE2\x80\x99", 3, 0, &cp), 3);
    assert_int_equal(cp, 0x2019);
    assert_true(ag_text_is_apostrophe(cp));
}

static void test_text__byte_order_mark_is_not_text(void **state)
{
    (void)state;
    ag_sentence *v = NULL;
    size_t n = split("\xEF\xBB\xBFOne. Two.", &v);
    assert_int_equal(n, 2);
    assert_int_equal(v[0].start, 3);
    free(v);
}

static void test_text__empty_text(void **state)
{
    (void)state;
    ag_sentence *v = (ag_sentence *)1;
    size_t n = split("   \n\n ", &v);
    assert_int_equal(n, 0);
    free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text__abbreviations_do_not_split),
        cmocka_unit_test(test_text__dotted_forms_and_initials),
        cmocka_unit_test(test_text__quotes_stay_with_their_sentence),
        cmocka_unit_test(test_text__ellipsis_and_other_stops_in_long_sentences),
        cmocka_unit_test(test_text__abbreviation_and_starter_lists),
        cmocka_unit_test(test_text__lines_and_paragraphs),
        cmocka_unit_test(test_text__hard_wrapped_prose_joins_lines),
        cmocka_unit_test(test_text__invalid_utf8_keeps_offsets),
        cmocka_unit_test(test_text__byte_order_mark_is_not_text),
        cmocka_unit_test(test_text__empty_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
