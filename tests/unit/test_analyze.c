/*
 * test_analyze.c - ag-analyze's library: measures on disconnected graphs, filters,
 * association weights, community numbering and error handling (no igraph abort, and
 * igraph's handlers left as the host had them).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <igraph/igraph.h>

#include <actorgraph/analyze/analyze.h>
#include <actorgraph/io/io.h>

/* Build a graph from "a b w" triples; node attrs from "id type docs" (docs may be 0). */
static ag_graph *mk(const char *const *links, size_t nlinks)
{
    ag_graph *g = ag_graph_new(0);
    ag_error err;

    ag_error_clear(&err);
    assert_non_null(g);
    for (size_t i = 0; i < nlinks; i++) {
        char a[32], b[32];
        double w;
        long s, t, e;
        assert_int_equal(sscanf(links[i], "%31s %31s %lf", a, b, &w), 3);
        s = ag_graph_add_node(g, a, &err);
        t = ag_graph_add_node(g, b, &err);
        e = ag_graph_add_edge(g, (size_t)s, (size_t)t, &err);
        assert_true(s >= 0 && t >= 0 && e >= 0);
        ag_edge_set_weight(g, (size_t)e, w);
    }
    assert_int_equal(ag_graph_sort(g, &err), 0);
    return g;
}

static double score(const ag_graph *g, const ag_scores *s, ag_measure m, const char *id)
{
    long v = ag_graph_find_node(g, id);
    assert_true(v >= 0);
    return s->values[m][v];
}

static void test_analyze__closeness_disconnected(void **state)
{
    /* README pitfall 2: a-b-c plus d-e gives a=2/3, b=1, d=e=1 (reachable nodes only). */
    const char *l[] = {"a b 1", "b c 1", "d e 1"};
    ag_graph *g = mk(l, 3);
    ag_centrality_opts o = AG_CENTRALITY_OPTS_INIT;
    ag_scores s;
    ag_error err;

    ag_error_clear(&err);
    ag_scores_init(&s);
    o.measures = AG_MEASURES_ALL;
    o.weighted = 0;
    assert_int_equal(ag_analyze_centrality(g, &o, &s, &err), 0);
    assert_true(fabs(score(g, &s, AG_MEASURE_CLOSENESS, "a") - 2.0 / 3) < 1e-12);
    assert_true(fabs(score(g, &s, AG_MEASURE_CLOSENESS, "b") - 1.0) < 1e-12);
    assert_true(fabs(score(g, &s, AG_MEASURE_CLOSENESS, "d") - 1.0) < 1e-12);
    assert_true(fabs(score(g, &s, AG_MEASURE_HARMONIC, "a") - 1.5) < 1e-12);
    assert_true(fabs(score(g, &s, AG_MEASURE_BETWEENNESS, "b") - 1.0) < 1e-12);
    double sum = 0;
    for (size_t v = 0; v < 5; v++)
        sum += s.values[AG_MEASURE_PAGERANK][v];
    assert_true(fabs(sum - 1.0) < 1e-9);
    ag_scores_destroy(&s);
    ag_graph_free(g);
}

static void test_analyze__isolated_node_scores_zero(void **state)
{
    const char *l[] = {"a b 2"};
    ag_graph *g = mk(l, 1);
    ag_centrality_opts o = AG_CENTRALITY_OPTS_INIT;
    ag_scores s;
    ag_error err;

    ag_error_clear(&err);
    ag_graph_add_node(g, "z", &err);
    ag_scores_init(&s);
    o.measures = AG_MEASURES_ALL;
    assert_int_equal(ag_analyze_centrality(g, &o, &s, &err), 0);
    assert_true(score(g, &s, AG_MEASURE_CLOSENESS, "z") == 0.0);
    assert_true(score(g, &s, AG_MEASURE_HARMONIC, "z") == 0.0);
    assert_true(score(g, &s, AG_MEASURE_DEGREE, "z") == 0.0);
    ag_scores_destroy(&s);
    ag_graph_free(g);
}

static void test_analyze__bad_weight_is_an_error_not_an_abort(void **state)
{
    const char *l[] = {"a b 0", "b c 1"};
    ag_graph *g = mk(l, 2);
    ag_centrality_opts o = AG_CENTRALITY_OPTS_INIT;
    ag_scores s;
    ag_error err;

    ag_error_clear(&err);
    ag_scores_init(&s);
    assert_int_equal(ag_analyze_centrality(g, &o, &s, &err), -1);
    assert_int_equal(err.code, AG_EINVAL);
    assert_non_null(strstr(err.msg, "a -- b"));
    o.weighted = 0;
    ag_error_clear(&err);
    assert_int_equal(ag_analyze_centrality(g, &o, &s, &err), 0);
    ag_scores_destroy(&s);
    ag_graph_free(g);
}

static void test_analyze__sampled_betweenness_all_sources_is_exact(void **state)
{
    const char *l[] = {"a b 1", "b c 2", "c d 1", "d a 3", "a c 1", "d e 1"};
    ag_graph *g = mk(l, 6);
    ag_centrality_opts o = AG_CENTRALITY_OPTS_INIT;
    ag_scores exact, est;
    ag_error err;

    ag_error_clear(&err);
    ag_scores_init(&exact);
    ag_scores_init(&est);
    o.measures = AG_MEASURE_BIT(AG_MEASURE_BETWEENNESS);
    o.betweenness_samples = 0;
    assert_int_equal(ag_analyze_centrality(g, &o, &exact, &err), 0);
    assert_int_equal(exact.betweenness_samples, 0);
    o.betweenness_samples = 3;
    o.jobs = 2;
    assert_int_equal(ag_analyze_centrality(g, &o, &est, &err), 0);
    assert_int_equal(est.betweenness_samples, 3);
    for (size_t v = 0; v < 5; v++)
        assert_true(isfinite(est.values[AG_MEASURE_BETWEENNESS][v]) &&
                    est.values[AG_MEASURE_BETWEENNESS][v] >= 0);
    ag_scores_destroy(&exact);
    ag_scores_destroy(&est);
    ag_graph_free(g);
}

/* A ring of 40 nodes with chords and uneven weights (plus a directed copy): big enough
 * for the sampled pairs to matter, small enough for exact betweenness. */
static ag_graph *ring_with_chords(int directed)
{
    ag_graph *g = ag_graph_new(directed);
    ag_error err;

    ag_error_clear(&err);
    assert_non_null(g);
    for (int i = 0; i < 40; i++) {
        char id[16];
        snprintf(id, sizeof id, "n%02d", i);
        assert_true(ag_graph_add_node(g, id, &err) >= 0);
    }
    for (int i = 0; i < 40; i++) {
        long e = ag_graph_add_edge(g, (size_t)i, (size_t)((i + 1) % 40), &err);
        assert_true(e >= 0);
        ag_edge_set_weight(g, (size_t)e, 1 + i % 3);
        if (i % 5 == 0) {
            e = ag_graph_add_edge(g, (size_t)i, (size_t)((i + 13) % 40), &err);
            assert_true(e >= 0);
            ag_edge_set_weight(g, (size_t)e, 2);
        }
        if (directed) { /* the way back, so every pair is connected */
            e = ag_graph_add_edge(g, (size_t)((i + 1) % 40), (size_t)i, &err);
            assert_true(e >= 0);
            ag_edge_set_weight(g, (size_t)e, 1);
        }
    }
    assert_int_equal(ag_graph_sort(g, &err), 0);
    return g;
}

/* The estimate from sampled pairs is within the stated error of the exact values (with
 * this seed; the bound holds with probability 0.9), does not depend on the number of
 * jobs, and says how it was made. */
static void test_analyze__betweenness_error_bound(void **state)
{
    for (int directed = 0; directed <= 1; directed++) {
        ag_graph *g = ring_with_chords(directed);
        ag_centrality_opts o = AG_CENTRALITY_OPTS_INIT;
        ag_scores exact, est, est2;
        ag_error err;
        size_t n = ag_graph_node_count(g);
        double pairs = (double)n * (double)(n - 1) / (directed ? 1.0 : 2.0), nonzero = 0;

        ag_error_clear(&err);
        ag_scores_init(&exact);
        ag_scores_init(&est);
        ag_scores_init(&est2);
        o.measures = AG_MEASURE_BIT(AG_MEASURE_BETWEENNESS);
        assert_int_equal(ag_analyze_centrality(g, &o, &exact, &err), 0); /* small: exact */
        assert_int_equal(exact.betweenness_samples, 0);
        assert_true(exact.betweenness_error == 0);
        o.betweenness_error = 0.05;
        o.seed = 7;
        assert_int_equal(ag_analyze_centrality(g, &o, &est, &err), 0);
        assert_true(est.betweenness_samples > 1000);
        assert_true(est.betweenness_error == 0.05 && est.betweenness_confidence == 0.9);
        o.jobs = 3;
        assert_int_equal(ag_analyze_centrality(g, &o, &est2, &err), 0);
        for (size_t v = 0; v < n; v++) {
            double x = exact.values[AG_MEASURE_BETWEENNESS][v];
            double e = est.values[AG_MEASURE_BETWEENNESS][v];
            assert_true(fabs(e - x) <= 0.05 * pairs);
            assert_true(e == est2.values[AG_MEASURE_BETWEENNESS][v]);
            nonzero += e > 0;
        }
        assert_true(nonzero > n / 2);
        /* the older source sampling wins when both are given */
        o.betweenness_samples = 5;
        assert_int_equal(ag_analyze_centrality(g, &o, &est2, &err), 0);
        assert_int_equal(est2.betweenness_samples, 5);
        assert_true(est2.betweenness_error == 0);
        ag_scores_destroy(&exact);
        ag_scores_destroy(&est);
        ag_scores_destroy(&est2);
        ag_graph_free(g);
    }
}

/* ag_analyze_graph reports the bound as graph attributes, and an exact run removes
 * what an earlier estimate said. */
static void test_analyze__betweenness_error_attributes(void **state)
{
    ag_graph *g = ring_with_chords(0);
    ag_analyze_opts o = AG_ANALYZE_OPTS_INIT;
    json_t *ga = ag_graph_attrs(g);
    ag_error err;

    ag_error_clear(&err);
    o.centrality.measures = AG_MEASURE_BIT(AG_MEASURE_BETWEENNESS);
    o.community.algo = AG_COMMUNITY_NONE;
    o.centrality.betweenness_error = 0.1;
    assert_int_equal(ag_analyze_graph(g, &o, NULL, &err), 0);
    assert_true(json_real_value(json_object_get(ga, "betweenness_error")) == 0.1);
    assert_true(json_real_value(json_object_get(ga, "betweenness_confidence")) == 0.9);
    assert_true(json_integer_value(json_object_get(ga, "betweenness_samples")) > 0);
    o.centrality.betweenness_error = 0;
    assert_int_equal(ag_analyze_graph(g, &o, NULL, &err), 0);
    assert_null(json_object_get(ga, "betweenness_error"));
    assert_null(json_object_get(ga, "betweenness_confidence"));
    assert_null(json_object_get(ga, "betweenness_samples"));
    ag_graph_free(g);
}

static void test_analyze__measure_list(void **state)
{
    unsigned mask = 0;
    ag_error err;

    ag_error_clear(&err);
    assert_int_equal(ag_measure_list_parse("pagerank,degree", &mask, &err), 0);
    assert_int_equal(mask, AG_MEASURE_BIT(AG_MEASURE_PAGERANK) | AG_MEASURE_BIT(AG_MEASURE_DEGREE));
    assert_int_equal(ag_measure_list_parse("all", &mask, &err), 0);
    assert_int_equal(mask, AG_MEASURES_ALL);
    assert_int_equal(ag_measure_list_parse("degree,bogus", &mask, &err), -1);
    assert_non_null(strstr(err.msg, "bogus"));
}

static size_t apply(ag_graph *g, ag_filter_kind kind, const char *arg)
{
    ag_filter f;
    ag_error err;
    ag_error_clear(&err);
    assert_int_equal(ag_filter_parse(kind, arg, &f, &err), 0);
    if (ag_filter_apply(g, &f, NULL, &err) < 0)
        fail_msg("filter: %s", err.msg);
    return ag_graph_node_count(g);
}

static void test_analyze__filters(void **state)
{
    /* two components: a star around hub (weights 1..4) and the pair x-y */
    const char *l[] = {"hub a 1", "hub b 2", "hub c 3", "hub d 10", "a b 1", "x y 5"};
    ag_graph *g = mk(l, 6);
    ag_error err;

    ag_error_clear(&err);
    assert_int_equal(ag_graph_node_count(g), 7);
    apply(g, AG_FILTER_MIN_WEIGHT, "2");
    assert_int_equal(ag_graph_edge_count(g), 4);
    assert_int_equal(apply(g, AG_FILTER_MIN_DEGREE, "1"), 6); /* a lost its links */
    assert_int_equal(apply(g, AG_FILTER_GIANT, NULL), 4);
    assert_true(ag_graph_find_node(g, "x") < 0);
    ag_graph_free(g);

    g = mk(l, 6);
    assert_int_equal(apply(g, AG_FILTER_EGO, "a:1"), 3); /* a, hub, b */
    ag_graph_free(g);
    g = mk(l, 6);
    assert_int_equal(apply(g, AG_FILTER_EGO, "a:2"), 5);
    ag_graph_free(g);
    g = mk(l, 6);
    assert_int_equal(apply(g, AG_FILTER_TOP, "2"), 2); /* by PageRank: hub and d */
    assert_true(ag_graph_find_node(g, "hub") >= 0);
    ag_graph_free(g);
}

static void test_analyze__ego_by_alias_and_errors(void **state)
{
    const char *l[] = {"Ann_Lee b 1", "b c 1"};
    ag_graph *g = mk(l, 2);
    ag_filter f;
    ag_error err;
    long v = ag_graph_find_node(g, "Ann_Lee");

    ag_error_clear(&err);
    json_object_set_new(ag_node_attrs(g, (size_t)v), "aliases", json_pack("[s]", "Lee"));
    assert_int_equal(apply(g, AG_FILTER_EGO, "lee"), 2); /* alias, case folded */
    assert_int_equal(ag_filter_parse(AG_FILTER_EGO, "nobody:3", &f, &err), 0);
    assert_string_equal(f.name, "nobody");
    assert_int_equal(f.count, 3);
    assert_int_equal(ag_filter_apply(g, &f, NULL, &err), -1);
    assert_int_equal(err.code, AG_ENOTFOUND);
    ag_error_clear(&err);
    assert_int_equal(ag_filter_parse(AG_FILTER_EGO, "Dr: Who", &f, &err), 0);
    assert_string_equal(f.name, "Dr: Who");
    assert_int_equal(ag_filter_parse(AG_FILTER_BACKBONE, "1.5", &f, &err), -1);
    ag_graph_free(g);
}

static void test_analyze__backbone(void **state)
{
    /* hub has 5 links; one carries most of its strength. alpha for w=20 of s=24 with
     * k=5: (1 - 20/24)^4 = 7.7e-4; for w=1: (23/24)^4 = 0.84. Leaves have degree 1. */
    const char *l[] = {"hub a 20", "hub b 1", "hub c 1", "hub d 1", "hub e 1"};
    ag_graph *g = mk(l, 5);
    apply(g, AG_FILTER_BACKBONE, "0.05");
    assert_int_equal(ag_graph_edge_count(g), 1);
    assert_int_equal(ag_graph_node_count(g), 6); /* nodes are kept */
    ag_graph_free(g);
}

static void test_analyze__association(void **state)
{
    /* documents: N = 100; a in 10, b in 10, c in 50; a-b together in 5, a-c in 5. */
    const char *l[] = {"a b 7", "a c 9"};
    ag_graph *g = mk(l, 2);
    const char *ids[] = {"a", "b", "c"};
    const int docs[] = {10, 10, 50};

    for (int i = 0; i < 3; i++)
        json_object_set_new(ag_node_attrs(g, (size_t)ag_graph_find_node(g, ids[i])), "documents",
                            json_integer(docs[i]));
    for (size_t e = 0; e < 2; e++)
        json_object_set_new(ag_edge_attrs(g, e), "documents", json_integer(5));
    json_object_set_new(ag_graph_attrs(g), "documents", json_integer(100));
    apply(g, AG_FILTER_ASSOCIATION, "pmi");
    /* a-b: log(5*100/(10*10)) = log 5; a-c: log(5*100/500) = 0 -> dropped */
    assert_int_equal(ag_graph_edge_count(g), 1);
    assert_true(fabs(ag_edge_weight(g, 0) - log(5.0)) < 1e-12);
    assert_int_equal(json_integer_value(json_object_get(ag_edge_attrs(g, 0), "count")), 7);
    apply(g, AG_FILTER_ASSOCIATION, "dice"); /* 2*5/20 */
    assert_true(fabs(ag_edge_weight(g, 0) - 0.5) < 1e-12);
    apply(g, AG_FILTER_ASSOCIATION, "jaccard"); /* 5/15 */
    assert_true(fabs(ag_edge_weight(g, 0) - 1.0 / 3) < 1e-12);
    apply(g, AG_FILTER_ASSOCIATION, "count");
    assert_true(ag_edge_weight(g, 0) == 7.0);
    ag_graph_free(g);
}

static void test_analyze__graph_job_sets_attributes(void **state)
{
    const char *l[] = {"a b 3", "b c 1", "c a 2", "c d 1", "d e 4", "e f 2", "f d 1"};
    ag_graph *g = mk(l, 7);
    ag_analyze_opts o = AG_ANALYZE_OPTS_INIT;
    ag_error err;
    json_t *rep;

    ag_error_clear(&err);
    assert_int_equal(ag_analyze_graph(g, &o, NULL, &err), 0);
    assert_int_equal(json_integer_value(json_object_get(ag_graph_attrs(g), "communities")), 2);
    assert_true(json_real_value(json_object_get(ag_graph_attrs(g), "modularity")) > 0.3);
    for (size_t v = 0; v < 6; v++) {
        const json_t *a = ag_node_attrs_const(g, v);
        assert_true(json_is_integer(json_object_get(a, "degree")));
        assert_true(json_is_real(json_object_get(a, "pagerank")));
        assert_true(json_is_integer(json_object_get(a, "community")));
    }
    rep = ag_analyze_report_json(g, 3, &err);
    assert_non_null(rep);
    assert_int_equal(json_array_size(json_object_get(rep, "communities")), 2);
    assert_int_equal(json_array_size(json_object_get(json_object_get(rep, "top"), "degree")), 3);
    json_decref(rep);
    ag_graph_free(g);
}

static void test_analyze__labelprop_with_small_weights(void **state)
{
    /* two triangles joined by one link, all weights below 1 (igraph 0.10.2 would leave
     * every node in its own community) */
    const char *l[] = {"a b 0.2", "b c 0.2", "c a 0.2", "d e 0.2", "e f 0.2", "f d 0.2", "c d 0.1"};
    ag_graph *g = mk(l, 7);
    ag_community_opts co = AG_COMMUNITY_OPTS_INIT;
    long memb[6], k = 0;
    double q = 0;
    ag_error err;

    ag_error_clear(&err);
    co.algo = AG_COMMUNITY_LABELPROP;
    assert_int_equal(ag_analyze_communities(g, &co, memb, &k, &q, &err), 0);
    assert_true(k < 6);
    assert_true(q > 0);
    ag_graph_free(g);
}

static void test_analyze__filters_are_a_caller_array(void **state)
{
    const char *l[] = {"hub a 1", "hub b 2", "hub c 3", "hub d 10", "a b 1", "x y 5"};
    ag_graph *g = mk(l, 6);
    ag_filter f[2];
    ag_analyze_opts o;
    ag_error err;

    ag_error_clear(&err);
    assert_int_equal(ag_analyze_opts_init(&o, AG_ANALYZE_OPTS_VERSION), 0);
    assert_true(sizeof o < 256); /* no fixed filter array inside */
    assert_int_equal(ag_filter_parse(AG_FILTER_MIN_WEIGHT, "2", &f[0], &err), 0);
    assert_int_equal(ag_filter_parse(AG_FILTER_GIANT, "", &f[1], &err), 0);
    o.filters = f;
    o.nfilters = 2;
    o.centrality.measures = 0;
    o.community.algo = AG_COMMUNITY_NONE;
    assert_int_equal(ag_analyze_graph(g, &o, NULL, &err), 0);
    assert_int_equal(ag_graph_node_count(g), 4); /* hub, b, c, d */

    o.filters = NULL; /* a count without an array is refused, not followed */
    assert_int_equal(ag_analyze_graph(g, &o, NULL, &err), -1);
    assert_int_equal(err.code, AG_EINVAL);
    ag_graph_free(g);
}

/* A host's own igraph handlers (python-igraph installs some). */
static int host_errors, host_warnings;

static void host_error(const char *reason, const char *file, int line, igraph_error_t e)
{
    host_errors++;
    IGRAPH_FINALLY_FREE();
}

static void host_warning(const char *reason, const char *file, int line) { host_warnings++; }

static void test_analyze__igraph_handlers_restored(void **state)
{
    const char *l[] = {"a b 3", "b c 1", "c a 2", "c d 1", "d e 4", "e f 2", "f d 1"};
    ag_graph *g = mk(l, 7);
    ag_analyze_opts o = AG_ANALYZE_OPTS_INIT;
    ag_centrality_opts co = AG_CENTRALITY_OPTS_INIT;
    ag_community_opts mo = AG_COMMUNITY_OPTS_INIT;
    ag_filter top;
    ag_scores s;
    long memb[6];
    double q;
    igraph_vector_int_t odd; /* an edge list of odd length */
    igraph_t ig;
    ag_error err;

    ag_error_clear(&err);
    ag_scores_init(&s);
    igraph_error_handler_t *prev_error = igraph_set_error_handler(host_error);
    igraph_warning_handler_t *prev_warning = igraph_set_warning_handler(host_warning);

    co.measures = AG_MEASURES_ALL;
    assert_int_equal(ag_analyze_centrality(g, &co, &s, &err), 0);
    assert_int_equal(ag_analyze_communities(g, &mo, memb, NULL, &q, &err), 0);
    assert_int_equal(ag_analyze_modularity(g, memb, 1.0, 1, &q, &err), 0);
    assert_int_equal(ag_filter_parse(AG_FILTER_TOP, "5", &top, &err), 0);
    o.filters = &top;
    o.nfilters = 1;
    assert_int_equal(ag_analyze_graph(g, &o, NULL, &err), 0);
    ag_edge_set_weight(g, 0, -1); /* a failing call restores them too */
    assert_int_equal(ag_analyze_centrality(g, &co, &s, &err), -1);
    assert_int_equal(host_errors + host_warnings, 0); /* ours ran inside the calls */

    /* after the calls igraph reports to the host's handlers again */
    assert_int_equal(igraph_vector_int_init(&odd, 1), IGRAPH_SUCCESS);
    assert_int_not_equal(igraph_create(&ig, &odd, 0, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
    igraph_vector_int_destroy(&odd);
    assert_int_equal(host_errors, 1);
    assert_ptr_equal(igraph_set_error_handler(prev_error), host_error);
    assert_ptr_equal(igraph_set_warning_handler(prev_warning), host_warning);
    ag_scores_destroy(&s);
    ag_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_analyze__closeness_disconnected),
        cmocka_unit_test(test_analyze__isolated_node_scores_zero),
        cmocka_unit_test(test_analyze__bad_weight_is_an_error_not_an_abort),
        cmocka_unit_test(test_analyze__sampled_betweenness_all_sources_is_exact),
        cmocka_unit_test(test_analyze__betweenness_error_bound),
        cmocka_unit_test(test_analyze__betweenness_error_attributes),
        cmocka_unit_test(test_analyze__measure_list),
        cmocka_unit_test(test_analyze__filters),
        cmocka_unit_test(test_analyze__ego_by_alias_and_errors),
        cmocka_unit_test(test_analyze__backbone),
        cmocka_unit_test(test_analyze__association),
        cmocka_unit_test(test_analyze__graph_job_sets_attributes),
        cmocka_unit_test(test_analyze__labelprop_with_small_weights),
        cmocka_unit_test(test_analyze__filters_are_a_caller_array),
        cmocka_unit_test(test_analyze__igraph_handlers_restored),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
