/*
 * test_analyze_reference.c - every measure and the modularity requirements against the
 * reference values in ../shared/reference/ (issue 4). The reference TSVs load through the
 * foundation's reader; values must agree to 1e-6 relative. Skips (77) when the shared
 * folder is absent.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include <actorgraph/analyze/analyze.h>
#include <actorgraph/io/io.h>

static char refdir[1024];

/* reference key -> (measure, weighted) */
static const struct {
    const char *key;
    ag_measure m;
    int weighted;
} keys[] = {
    {"degree", AG_MEASURE_DEGREE, 1},           {"strength", AG_MEASURE_STRENGTH, 1},
    {"betweenness", AG_MEASURE_BETWEENNESS, 0}, {"betweenness_w", AG_MEASURE_BETWEENNESS, 1},
    {"closeness", AG_MEASURE_CLOSENESS, 0},     {"closeness_w", AG_MEASURE_CLOSENESS, 1},
    {"harmonic", AG_MEASURE_HARMONIC, 0},       {"harmonic_w", AG_MEASURE_HARMONIC, 1},
    {"eigenvector", AG_MEASURE_EIGENVECTOR, 0}, {"eigenvector_w", AG_MEASURE_EIGENVECTOR, 1},
    {"pagerank_w", AG_MEASURE_PAGERANK, 1},     {"coreness", AG_MEASURE_CORENESS, 1},
};

static ag_graph *load(const char *name, json_t **ref)
{
    char path[1200];
    ag_error err;
    json_error_t jerr;
    ag_graph *g;

    ag_error_clear(&err);
    snprintf(path, sizeof path, "%s/graphs/%s.tsv", refdir, name);
    g = ag_graph_read(path, AG_FMT_AUTO, NULL, &err);
    if (!g)
        fail_msg("%s: %s", path, err.msg);
    snprintf(path, sizeof path, "%s/%s.json", refdir, name);
    *ref = json_load_file(path, 0, &jerr);
    if (!*ref)
        fail_msg("%s: %s", path, jerr.text);
    return g;
}

/* All measures, weighted and unweighted, with jobs worker processes. */
static void check_measures(const char *name, int jobs)
{
    json_t *ref;
    ag_graph *g = load(name, &ref);
    const json_t *nodes = json_object_get(ref, "nodes");
    ag_scores sc[2];
    ag_error err;
    size_t n = ag_graph_node_count(g), checked = 0;

    assert_int_equal(n, json_object_size(nodes));
    for (int w = 0; w < 2; w++) {
        ag_centrality_opts o = AG_CENTRALITY_OPTS_INIT;
        o.measures = AG_MEASURES_ALL;
        o.weighted = w;
        o.betweenness_samples = 0;
        o.jobs = jobs;
        ag_scores_init(&sc[w]);
        ag_error_clear(&err);
        if (ag_analyze_centrality(g, &o, &sc[w], &err) < 0)
            fail_msg("%s: %s", name, err.msg);
    }
    for (size_t v = 0; v < n; v++) {
        const json_t *want = json_object_get(nodes, ag_node_id(g, v));
        assert_non_null(want);
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
            double expect = json_number_value(json_object_get(want, keys[k].key));
            double got = sc[keys[k].weighted].values[keys[k].m][v];
            if (!(fabs(got - expect) <= 1e-6 * fabs(expect) + 1e-12))
                fail_msg("%s node %s %s: got %.12g, reference %.12g (jobs %d)", name,
                         ag_node_id(g, v), keys[k].key, got, expect, jobs);
            checked++;
        }
    }
    assert_int_equal(checked, n * (sizeof keys / sizeof *keys));
    ag_scores_destroy(&sc[0]);
    ag_scores_destroy(&sc[1]);
    json_decref(ref);
    ag_graph_free(g);
}

/* Modularity of the optimal partition, and what our detection reaches. */
static void check_modularity(const char *name)
{
    json_t *ref;
    ag_graph *g = load(name, &ref);
    const json_t *mod = json_object_get(ref, "modularity");
    const json_t *opt = json_object_get(mod, "optimal");
    const json_t *memb_ref = json_object_get(opt, "membership");
    double q_opt = json_number_value(json_object_get(opt, "modularity"));
    double worst = json_number_value(
        json_object_get(json_object_get(mod, "igraph_leiden"), "worst_of_100_seeds_modularity"));
    size_t n = ag_graph_node_count(g);
    long *memb = calloc(n, sizeof *memb);
    double q = 0;
    long k = 0;
    ag_error err;

    assert_non_null(memb);
    ag_error_clear(&err);
    for (size_t v = 0; v < n; v++) {
        const json_t *c = json_object_get(memb_ref, ag_node_id(g, v));
        assert_true(json_is_integer(c));
        memb[v] = (long)json_integer_value(c);
    }
    assert_int_equal(ag_analyze_modularity(g, memb, 1.0, 1, &q, &err), 0);
    if (!(fabs(q - q_opt) <= 1e-11))
        fail_msg("%s: Q of the optimal partition %.15g, reference %.15g", name, q, q_opt);

    for (int a = AG_COMMUNITY_LEIDEN; a <= AG_COMMUNITY_LOUVAIN; a++) {
        ag_community_opts co = AG_COMMUNITY_OPTS_INIT;
        co.algo = (ag_community_algo)a;
        assert_int_equal(ag_analyze_communities(g, &co, memb, &k, &q, &err), 0);
        if (!(q <= q_opt + 1e-9 && q >= worst - 1e-9))
            fail_msg("%s %s: Q %.12g outside [worst %.12g, optimum %.12g]", name,
                     ag_community_algo_name(co.algo), q, worst, q_opt);
        if (a == AG_COMMUNITY_LEIDEN && !(q >= q_opt * (1 - 1e-3)))
            fail_msg("%s: Leiden Q %.12g is more than 0.1%% below the optimum %.12g", name, q,
                     q_opt);
        /* numbered by size: 0 is the largest */
        {
            long *size = calloc((size_t)k, sizeof *size);
            for (size_t v = 0; v < n; v++) {
                assert_true(memb[v] >= 0 && memb[v] < k);
                size[memb[v]]++;
            }
            for (long c = 1; c < k; c++)
                assert_true(size[c - 1] >= size[c]);
            free(size);
        }
    }
    free(memb);
    json_decref(ref);
    ag_graph_free(g);
}

#define GRAPH_TESTS(g)                                                                             \
    static void test_analyze__##g##_measures(void **state)                                         \
    {                                                                                              \
        (void)state;                                                                               \
        check_measures(#g, 1);                                                                     \
    }                                                                                              \
    static void test_analyze__##g##_measures_two_jobs(void **state)                                \
    {                                                                                              \
        (void)state;                                                                               \
        check_measures(#g, 2);                                                                     \
    }                                                                                              \
    static void test_analyze__##g##_modularity(void **state)                                       \
    {                                                                                              \
        (void)state;                                                                               \
        check_modularity(#g);                                                                      \
    }

GRAPH_TESTS(karate)
GRAPH_TESTS(lesmis)
GRAPH_TESTS(florentine)
GRAPH_TESTS(davis)

#define ENTRY(g)                                                                                   \
    cmocka_unit_test(test_analyze__##g##_measures),                                                \
        cmocka_unit_test(test_analyze__##g##_measures_two_jobs),                                   \
        cmocka_unit_test(test_analyze__##g##_modularity)

int main(void)
{
    const char *shared = getenv("AG_SHARED");
    struct stat st;
    const struct CMUnitTest tests[] = {ENTRY(karate), ENTRY(lesmis), ENTRY(florentine),
                                       ENTRY(davis)};

    snprintf(refdir, sizeof refdir, "%s/reference", shared ? shared : "../shared");
    if (stat(refdir, &st) < 0) {
        printf("skipped: %s is absent\n", refdir);
        return 77;
    }
    return cmocka_run_group_tests(tests, NULL, NULL);
}
