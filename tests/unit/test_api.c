/*
 * test_api.c - the public API as a binding sees it: every options struct starts with its
 * version, its ag_*_opts_init gives what its AG_*_OPTS_INIT macro gives, refuses versions
 * it does not know without touching the struct, and the structs stay small.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <actorgraph.h>

/* The defaults are compared byte for byte: a static struct has zeroed padding, and the
 * init functions copy one, so padding compares equal too. String defaults are compared
 * as strings first (each object file may hold its own copy of a literal): SAME_STRINGS
 * does that for the members it names. */
#define SAME_STRING(member) (assert_string_equal(got.member, want.member), got.member = want.member)
#define CHECK_OPTS(type, init, VERSION, INIT, SAME_STRINGS)                                        \
    do {                                                                                           \
        static const type want = INIT;                                                             \
        type got, untouched;                                                                       \
        memset(&got, 0xab, sizeof got);                                                            \
        memset(&untouched, 0xab, sizeof untouched);                                                \
        assert_int_equal(offsetof(type, version), 0);                                              \
        assert_int_equal(want.version, VERSION);                                                   \
        assert_int_equal(init(&got, 0), -1);                                                       \
        assert_int_equal(init(&got, (VERSION) + 1), -1);                                           \
        assert_memory_equal(&got, &untouched, sizeof got);                                         \
        assert_int_equal(init(NULL, VERSION), -1);                                                 \
        assert_int_equal(init(&got, VERSION), 0);                                                  \
        SAME_STRINGS;                                                                              \
        assert_memory_equal(&got, &want, sizeof got);                                              \
        assert_true(sizeof(type) <= 512);                                                          \
    } while (0)

static void test_api__opts_init_matches_the_macros(void **state)
{
    CHECK_OPTS(ag_write_opts, ag_write_opts_init, AG_WRITE_OPTS_VERSION, AG_WRITE_OPTS_INIT,
               (void)0);
    CHECK_OPTS(ag_extract_opts, ag_extract_opts_init, AG_EXTRACT_OPTS_VERSION, AG_EXTRACT_OPTS_INIT,
               (SAME_STRING(field_id), SAME_STRING(field_text), SAME_STRING(field_date)));
    CHECK_OPTS(ag_merge_opts, ag_merge_opts_init, AG_MERGE_OPTS_VERSION, AG_MERGE_OPTS_INIT,
               (void)0);
    CHECK_OPTS(ag_centrality_opts, ag_centrality_opts_init, AG_CENTRALITY_OPTS_VERSION,
               AG_CENTRALITY_OPTS_INIT, (void)0);
    CHECK_OPTS(ag_community_opts, ag_community_opts_init, AG_COMMUNITY_OPTS_VERSION,
               AG_COMMUNITY_OPTS_INIT, (void)0);
    CHECK_OPTS(ag_analyze_opts, ag_analyze_opts_init, AG_ANALYZE_OPTS_VERSION, AG_ANALYZE_OPTS_INIT,
               (void)0);
    CHECK_OPTS(ag_ner_opts, ag_ner_opts_init, AG_NER_OPTS_VERSION, AG_NER_OPTS_INIT, (void)0);
    CHECK_OPTS(ag_render_opts, ag_render_opts_init, AG_RENDER_OPTS_VERSION, AG_RENDER_OPTS_INIT,
               (void)0);
}

static void test_api__defaults_are_the_documented_ones(void **state)
{
    ag_analyze_opts a;
    ag_extract_opts x;
    ag_render_opts r;
    ag_merge_opts m;
    ag_ner_opts n = AG_NER_OPTS_INIT;

    assert_int_equal(ag_analyze_opts_init(&a, AG_ANALYZE_OPTS_VERSION), 0);
    assert_null(a.filters);
    assert_int_equal(a.nfilters, 0);
    assert_int_equal(a.centrality.version, AG_CENTRALITY_OPTS_VERSION);
    assert_int_equal(a.centrality.measures, AG_MEASURES_DEFAULT);
    assert_int_equal(a.centrality.betweenness_samples, -1);
    assert_int_equal(a.community.version, AG_COMMUNITY_OPTS_VERSION);
    assert_int_equal(a.community.algo, AG_COMMUNITY_LEIDEN);
    assert_true(a.community.resolution == 1.0);
    assert_int_equal(a.community.seed, 42);

    assert_int_equal(ag_extract_opts_init(&x, AG_EXTRACT_OPTS_VERSION), 0);
    assert_int_equal(x.scope, AG_SCOPE_SENTENCE);
    assert_int_equal(x.evidence, 3);
    assert_int_equal(x.variants, 1);
    assert_int_equal(x.threads, 1);
    assert_string_equal(x.field_text, "text");
    assert_null(x.dicts[0]);

    assert_int_equal(ag_render_opts_init(&r, AG_RENDER_OPTS_VERSION), 0);
    assert_int_equal(r.format, AG_FMT_SVG);
    assert_null(r.layout); /* by size: ag_render_layout_for */
    assert_int_equal(r.dpi, 0);
    assert_null(r.caption);
    assert_int_equal(r.top, 60);
    assert_int_equal(r.tooltips, 1);

    assert_int_equal(ag_merge_opts_init(&m, AG_MERGE_OPTS_VERSION), 0);
    assert_int_equal(m.variants, 1);
    assert_int_equal(m.evidence, -1);
    assert_null(m.step);
    /* A caller built against version 1 gets the fields it knows, and its version. */
    memset(&m, 0x55, sizeof m);
    assert_int_equal(ag_merge_opts_init(&m, 1), 0);
    assert_int_equal(m.version, 1);
    assert_int_equal(m.threads, 1);
    assert_int_equal(ag_merge_opts_init(&m, AG_MERGE_OPTS_VERSION + 1), -1);

    assert_int_equal(n.version, AG_NER_OPTS_VERSION);
    assert_int_equal(n.capital_as_country, 1);
    assert_int_equal(n.resolve_partial, 1);
    assert_int_equal(n.single_unknown, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_api__opts_init_matches_the_macros),
        cmocka_unit_test(test_api__defaults_are_the_documented_ones),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
