/* Unit tests for actorgraph/nlp/ner.h: finding, typing and resolving mentions in one document.
 * The sentences are invented for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <actorgraph/nlp/ner.h>

static ag_lexicon *lex;
static ag_mentions ms;
static const char *doc;

static int setup(void **state)
{
    (void)state;
    ag_error err;
    ag_error_clear(&err);
    lex = ag_lexicon_new(1, &err);
    ag_mentions_init(&ms);
    return lex ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ag_mentions_destroy(&ms);
    ag_lexicon_free(lex);
    return 0;
}

static void run(const char *text)
{
    ag_error err;
    ag_error_clear(&err);
    ag_sentence *s = NULL;
    size_t n = 0;
    doc = text;
    assert_int_equal(ag_text_sentences(text, strlen(text), &s, &n, &err), 0);
    assert_int_equal(ag_ner_document(lex, NULL, text, strlen(text), s, n, &ms, &err), 0);
    free(s);
}

/* The mention whose text is `surface` (the k-th such, 0-based), or NULL. */
static const ag_mention *find(const char *surface, int k)
{
    size_t l = strlen(surface);
    for (size_t i = 0; i < ms.n; i++)
        if (ms.v[i].end - ms.v[i].start == l && memcmp(doc + ms.v[i].start, surface, l) == 0 &&
            k-- == 0)
            return &ms.v[i];
    return NULL;
}

static void test_ner__titles_stripped_and_kept_as_role(void **state)
{
    (void)state;
    run("Foreign Minister Lorna Vestby met Gen Arvid Kolstad in Oslo on Friday. "
        "Later, Vestby said the talks went well.");
    const ag_mention *m = find("Lorna Vestby", 0);
    assert_non_null(m);
    assert_int_equal(m->type, AG_ACTOR_PERSON);
    assert_string_equal(m->role, "Foreign Minister");
    m = find("Arvid Kolstad", 0);
    assert_non_null(m);
    assert_string_equal(m->role, "Gen");
    m = find("Vestby", 0);
    assert_non_null(m);
    assert_string_equal(m->name, "Lorna Vestby");
    assert_null(find("Later", 0));
    assert_null(find("Friday", 0));
    m = find("Oslo", 0);
    assert_non_null(m);
    assert_int_equal(m->type, AG_ACTOR_PLACE);
    assert_string_equal(m->country, "Norway");
}

static void test_ner__surname_resolves_by_last_token(void **state)
{
    (void)state;
    run("Rebel commander Omar Tahir Nasser spoke first. President Ilyas Tahir answered him. "
        "Tahir, who won the vote, left early.");
    const ag_mention *m = find("Tahir", 0);
    assert_non_null(m);
    assert_string_equal(m->name, "Ilyas Tahir");
}

static void test_ner__country_forms_and_adjectives(void **state)
{
    (void)state;
    run("The U.S. and America's allies met Kenyan officials. The United States agreed.");
    const ag_mention *a = find("U.S.", 0), *b = find("America", 0), *c = find("Kenyan", 0);
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    assert_string_equal(a->name, "United States");
    assert_string_equal(b->name, "United States");
    assert_int_equal(b->end - b->start, 7); /* possessive not in the span */
    assert_string_equal(c->name, "Kenya");
    assert_int_equal(c->adjective, 1);
}

static void test_ner__dateline_and_headline(void **state)
{
    (void)state;
    run("NAIROBI - Kenya and Uganda signed a trade pact on Monday, officials said.");
    const ag_mention *m = find("NAIROBI", 0);
    assert_non_null(m);
    assert_int_equal(m->dateline, 1);
    assert_int_equal(m->type, AG_ACTOR_PLACE);
    assert_non_null(find("Kenya", 0));
    assert_null(find("Monday", 0));
    run("\xEF\xBB\xBFQUITO - Senior officials met.");
    m = find("QUITO", 0);
    assert_non_null(m);
    assert_int_equal(m->start, 3); /* after the byte order mark */
    assert_int_equal(m->dateline, 1);
    assert_null(find("Senior", 0));
    run("LIMA (Reuters) - Peru's congress met on Tuesday.");
    m = find("LIMA", 0);
    assert_non_null(m);
    assert_int_equal(m->dateline, 1);
    assert_string_equal(m->name, "Lima");
}

static void test_ner__organisations_from_cues(void **state)
{
    (void)state;
    run("The Ministry of Water Resources and the Blue Valley Farmers Union protested. "
        "Officials of the Northern Grain Council agreed.");
    const ag_mention *m = find("Ministry of Water Resources", 0);
    assert_non_null(m);
    assert_int_equal(m->type, AG_ACTOR_ORG);
    m = find("Blue Valley Farmers Union", 0);
    assert_non_null(m);
    assert_int_equal(m->type, AG_ACTOR_ORG);
    assert_null(find("Officials", 0));
}

static void test_ner__capital_as_government(void **state)
{
    (void)state;
    run("Officials said Nairobi assured Kampala of its support. The envoy flew to Nairobi.");
    const ag_mention *m = find("Nairobi", 0);
    assert_non_null(m);
    assert_int_equal(m->type, AG_ACTOR_COUNTRY);
    assert_string_equal(m->name, "Kenya");
    assert_int_equal(m->metonym, 1);
    m = find("Nairobi", 1);
    assert_non_null(m);
    assert_int_equal(m->type, AG_ACTOR_PLACE);
    assert_int_equal(m->metonym, 0);
}

static void test_ner__spelling_variants_in_one_document(void **state)
{
    (void)state;
    run("Interior Minister Shah Mahmud Rizvi arrived. Later Shah Mehmud Rizvi spoke.");
    const ag_mention *a = find("Shah Mahmud Rizvi", 0), *b = find("Shah Mehmud Rizvi", 0);
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(b->name, "Shah Mahmud Rizvi");
}

/* Whether x and y key alike, each by its full (0) or short (1) variant key. */
static int same_key(const char *x, int x_short, const char *y, int y_short)
{
    char a[64], b[64];
    (x_short ? ag_ner_variant_key_short : ag_ner_variant_key)(x, a, sizeof a);
    (y_short ? ag_ner_variant_key_short : ag_ner_variant_key)(y, b, sizeof b);
    return strcmp(a, b) == 0;
}

static void test_ner__variant_keys(void **state)
{
    (void)state;
    assert_true(same_key("Mohammed Faiz", 0, "Muhammad Faiz", 0));
    assert_true(same_key("Mehmood", 0, "Mahmood", 0));
    assert_true(same_key("Ilyas Karim Tahir", 1, "Ilyas Tahir", 1));
    assert_false(same_key("Ilyas Tahir", 0, "Omar Tahir", 0));
    /* a familiar given name keys as the full one, before another word only, and not in
     * the short key */
    assert_true(same_key("Phil Harwood", 0, "Philip Harwood", 0));
    assert_false(same_key("Phil", 0, "Philip", 0));
    assert_false(same_key("Bob T. Ashby", 1, "Robert Ashby", 0));
    char tiny[3];
    int full = ag_ner_variant_key("Abcdefgh", tiny, sizeof tiny);
    assert_true(full > 2);
    assert_int_equal(strlen(tiny), 2);
}

static void test_ner__invalid_utf8_never_shifts_offsets(void **state)
{
    (void)state;
    run("Bad \xFF\xFE bytes \xC3 near Nairobi today.");
    const ag_mention *m = find("Nairobi", 0);
    assert_non_null(m);
    assert_int_equal(m->start, 20);
}

static void test_ner__reuse_across_documents(void **state)
{
    (void)state;
    for (int i = 0; i < 3; i++) {
        run("Prime Minister Hanna Lind visited Berlin.");
        assert_non_null(find("Hanna Lind", 0));
        run("");
        assert_int_equal(ms.n, 0);
    }
}

static void test_ner__headline_words_need_the_body(void **state)
{
    (void)state;
    run("RIVERTON MILLS OWNER SUES MARLOWE\nOSLO 1996-08-30\n"
        "The owner of Riverton Mills said on Friday he would sue Hugo Marlowe.\n");
    const ag_mention *m = find("OSLO", 0);
    assert_non_null(m);
    assert_int_equal(m->dateline, 1);
    m = find("MARLOWE", 0);
    assert_non_null(m);
    assert_string_equal(m->name, "Hugo Marlowe");
    assert_null(find("OWNER", 0));
    assert_null(find("SUES", 0));
}

static void test_ner__bare_titles_and_function_words(void **state)
{
    (void)state;
    run("Earlier, the Foreign Secretary spoke. According to officials, the President left. "
        "Senior aides stayed.");
    assert_int_equal(ms.n, 0);
}

static void test_ner__acronym_joins_its_expansion(void **state)
{
    (void)state;
    run("The Northern Water Authority (NWA) raised prices. NWA officials declined to comment.");
    const ag_mention *a = find("Northern Water Authority", 0), *b = find("NWA", 1);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a->type, AG_ACTOR_ORG);
    assert_string_equal(b->name, "Northern Water Authority");
}

static void test_ner__dict_entries_are_recognised(void **state)
{
    (void)state;
    ag_error err;
    ag_error_clear(&err);
    ag_lexicon *own = ag_lexicon_new(1, &err);
    const char *d = "Quillon Partners\torg\tQP\n";
    assert_int_equal(ag_lexicon_load_dict_buffer(own, "d", d, strlen(d), &err), 0);
    const char *s = "Investors sued QP on Monday.";
    ag_sentence *sv = NULL;
    size_t n = 0;
    assert_int_equal(ag_text_sentences(s, strlen(s), &sv, &n, &err), 0);
    ag_mentions m;
    ag_mentions_init(&m);
    assert_int_equal(ag_ner_document(own, NULL, s, strlen(s), sv, n, &m, &err), 0);
    assert_int_equal(m.n, 1);
    assert_string_equal(m.v[0].name, "Quillon Partners");
    assert_int_equal(m.v[0].type, AG_ACTOR_ORG);
    ag_mentions_destroy(&m);
    ag_mentions_destroy(&m); /* destroying twice is allowed */
    free(sv);
    ag_lexicon_free(own);
}

static void test_ner__dotted_titles(void **state)
{
    (void)state;
    run("Mr. Ivo Petrak met Lt. Gen. Sami Odeh. Mr. Petrak left.");
    const ag_mention *m = find("Ivo Petrak", 0);
    assert_non_null(m);
    assert_string_equal(m->role, "Mr");
    m = find("Sami Odeh", 0);
    assert_non_null(m);
    assert_string_equal(m->role, "Lt Gen");
    m = find("Petrak", 0);
    assert_non_null(m);
    assert_string_equal(m->name, "Ivo Petrak");
}

static void test_ner__huge_document_in_windows(void **state)
{
    (void)state;
    /* More tokens than the recogniser keeps at once: it must work window by window and
     * still resolve across the whole document. */
    const char *head = "Mayor Alma Okoro met Lena Brandt in Oslo. ";
    const char *fill = "the talks went on and ";
    const char *tail = "Later, Okoro flew home.";
    size_t reps = 80000, hl = strlen(head), fl = strlen(fill), tl = strlen(tail);
    char *doc_text = malloc(hl + reps * fl + tl + 1);
    assert_non_null(doc_text);
    memcpy(doc_text, head, hl);
    for (size_t i = 0; i < reps; i++)
        memcpy(doc_text + hl + i * fl, fill, fl);
    memcpy(doc_text + hl + reps * fl, tail, tl + 1);
    run(doc_text);
    const ag_mention *m = find("Alma Okoro", 0);
    assert_non_null(m);
    assert_string_equal(m->role, "Mayor");
    assert_non_null(find("Lena Brandt", 0));
    m = find("Okoro", 0);
    assert_non_null(m);
    assert_int_equal(m->start, hl + reps * fl + 7);
    assert_string_equal(m->name, "Alma Okoro");
    free(doc_text);
}

static void test_ner__surname_that_is_a_place(void **state)
{
    (void)state;
    run("Coach Mark Jordan praised the team. Jordan said the win mattered.");
    const ag_mention *m = find("Jordan", 0);
    assert_non_null(m);
    assert_int_equal(m->type, AG_ACTOR_PERSON);
    assert_string_equal(m->name, "Mark Jordan");
    run("Officials in Jordan said the border was calm.");
    m = find("Jordan", 0);
    assert_non_null(m);
    assert_int_equal(m->type, AG_ACTOR_COUNTRY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ner__titles_stripped_and_kept_as_role),
        cmocka_unit_test(test_ner__surname_resolves_by_last_token),
        cmocka_unit_test(test_ner__country_forms_and_adjectives),
        cmocka_unit_test(test_ner__dateline_and_headline),
        cmocka_unit_test(test_ner__organisations_from_cues),
        cmocka_unit_test(test_ner__capital_as_government),
        cmocka_unit_test(test_ner__spelling_variants_in_one_document),
        cmocka_unit_test(test_ner__variant_keys),
        cmocka_unit_test(test_ner__invalid_utf8_never_shifts_offsets),
        cmocka_unit_test(test_ner__reuse_across_documents),
        cmocka_unit_test(test_ner__headline_words_need_the_body),
        cmocka_unit_test(test_ner__bare_titles_and_function_words),
        cmocka_unit_test(test_ner__acronym_joins_its_expansion),
        cmocka_unit_test(test_ner__dict_entries_are_recognised),
        cmocka_unit_test(test_ner__dotted_titles),
        cmocka_unit_test(test_ner__huge_document_in_windows),
        cmocka_unit_test(test_ner__surname_that_is_a_place),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
