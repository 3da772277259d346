/*
 * analyze.c - the ag-analyze job: filters, then measures, then communities, with the
 * results attached to the graph as attributes so that the next tool (ag-render) and any
 * networkx user see them as ordinary node and graph attributes.
 *
 * The graph is put in canonical order first, so every tie (top-N ranking, community
 * numbering, which of two equal components is "giant") is broken by node id, and the
 * output does not depend on the order of the input file.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/error_internal.h"
#include "util/opts_internal.h"
#include "analyze/analyze_internal.h"

int ag_filter_parse(ag_filter_kind kind, const char *arg, ag_filter *f, ag_error *err)
{
    char *end = NULL;

    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->by = AG_MEASURE_PAGERANK;
    switch (kind) {
    case AG_FILTER_ASSOCIATION: {
        ag_association a;
        if (ag_association_parse(arg, &a) < 0)
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                                "unknown association '%s' (count, pmi, npmi, jaccard, dice)", arg);
        f->num = (double)a;
        return 0;
    }
    case AG_FILTER_MIN_WEIGHT:
    case AG_FILTER_BACKBONE:
        f->num = strtod(arg, &end);
        if (end == arg || *end || !isfinite(f->num))
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "'%s' is not a number", arg);
        if (kind == AG_FILTER_BACKBONE && !(f->num > 0 && f->num <= 1))
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                                "--backbone level must be in (0, 1], not '%s'", arg);
        return 0;
    case AG_FILTER_MIN_DEGREE:
    case AG_FILTER_TOP:
        f->count = strtol(arg, &end, 10);
        if (end == arg || *end || f->count < 0)
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "'%s' is not a whole number >= 0", arg);
        return 0;
    case AG_FILTER_TYPES: {
        const char *p = arg;
        if (!*p) /* an empty list would empty the graph in silence */
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                                "--types needs at least one type (person, org, country, "
                                "place, other)");
        while (*p) {
            char item[32];
            size_t len = strcspn(p, ",");
            ag_actor_type t;
            if (len == 0 || len >= sizeof item)
                return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "bad type list '%s'", arg);
            memcpy(item, p, len);
            item[len] = '\0';
            if (strcmp(item, "other") == 0)
                t = AG_ACTOR_OTHER;
            else if (ag_actor_type_parse(item, &t) < 0)
                return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                                    "unknown actor type '%s' (person, org, country, place, "
                                    "other)",
                                    item);
            f->mask |= 1u << t;
            p += len;
            if (*p == ',')
                p++;
        }
        return 0;
    }
    case AG_FILTER_EGO: {
        /* NAME[:RADIUS]; a name may itself contain ':', so only a trailing ":digits"
         * is a radius. */
        const char *colon = strrchr(arg, ':');
        size_t len = strlen(arg);
        f->count = 1;
        if (colon && colon[1] && colon != arg) {
            long r = strtol(colon + 1, &end, 10);
            if (!*end && r >= 0 && colon[1] >= '0' && colon[1] <= '9') {
                f->count = r;
                len = (size_t)(colon - arg);
            }
        }
        if (len == 0 || len >= sizeof f->name)
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "bad --ego name '%s'", arg);
        memcpy(f->name, arg, len);
        f->name[len] = '\0';
        return 0;
    }
    default:
        return 0;
    }
}

/* Set a numeric node attribute; integers stay integers in the JSON. */
static int set_number(ag_graph *g, size_t node, const char *key, double v, int integer,
                      ag_error *err)
{
    return integer ? ag_node_set_integer(g, node, key, llround(v), err)
                   : ag_node_set_number(g, node, key, v, err);
}

/* Weights near the ends of the double range (1e-320, 1e308) make sums, inverses or
 * products overflow or vanish: say so, where jansson, which refuses NaN and infinity,
 * would otherwise fail as if out of memory. */
static int not_finite(const char *what, const char *node, ag_error *err)
{
    return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                        "%s%s%s is not a finite number: link weights too large or too small "
                        "to compute with; rescale them or use --unweighted",
                        what, node ? " of " : "", node ? node : "");
}

/* Say how betweenness was estimated (nothing when exact), replacing what an earlier run
 * said: betweenness_samples, and for sampled pairs betweenness_error and
 * betweenness_confidence. */
static int betweenness_attrs(json_t *ga, const ag_scores *sc)
{
    json_object_del(ga, "betweenness_samples");
    json_object_del(ga, "betweenness_error");
    json_object_del(ga, "betweenness_confidence");
    if (sc->betweenness_samples > 0 &&
        json_object_set_new(ga, "betweenness_samples", json_integer(sc->betweenness_samples)) < 0)
        return -1;
    if (sc->betweenness_error > 0 &&
        (json_object_set_new(ga, "betweenness_error", json_real(sc->betweenness_error)) < 0 ||
         json_object_set_new(ga, "betweenness_confidence", json_real(sc->betweenness_confidence)) <
             0))
        return -1;
    return 0;
}

/* Is g already in the canonical order of ag_graph_sort (ids ascending, undirected links
 * with source <= target, links by endpoints)? Checking is O(V + E) and saves a sort of a
 * graph that arrives sorted, which is every graph an ag-* tool wrote. */
static int is_canonical(const ag_graph *g)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    int ints = ag_graph_has_integer_ids(g);

    for (size_t v = 1; v < n; v++) {
        const char *a = ag_node_id(g, v - 1), *b = ag_node_id(g, v);
        if (ints ? strtoll(a, NULL, 10) >= strtoll(b, NULL, 10) : strcmp(a, b) >= 0)
            return 0;
    }
    for (size_t e = 0; e < m; e++) {
        size_t s = ag_edge_source(g, e), t = ag_edge_target(g, e);
        if (!ag_graph_is_directed(g) && s > t)
            return 0;
        if (e > 0) {
            size_t ps = ag_edge_source(g, e - 1), pt = ag_edge_target(g, e - 1);
            if (ps > s || (ps == s && pt > t))
                return 0;
        }
    }
    return 1;
}

/* ag_analyze_graph between ag__igraph_enter and ag__igraph_leave. */
static int analyze_graph(ag_graph *g, const ag_analyze_opts *opts, ag_analyze_stats *stats,
                         ag_error *err)
{
    ag_analyze_opts o = opts ? *opts : (ag_analyze_opts)AG_ANALYZE_OPTS_INIT;
    ag_analyze_stats st;
    ag_scores sc;
    ag__igraph ig;
    long *memb = NULL;
    int have_ig = 0;
    int ret = -1;
    double t0;

    memset(&st, 0, sizeof st);
    ag_scores_init(&sc);
    if (o.nfilters > 0 && !o.filters) {
        ag_error_set(err, AG_EINVAL, NULL, 0, 0, "%zu filters given as NULL", o.nfilters);
        goto out;
    }
    t0 = ag__now();
    if (!is_canonical(g) && ag_graph_sort(g, err) < 0)
        goto out;
    st.sort_seconds = ag__now() - t0;

    t0 = ag__now();
    for (size_t i = 0; i < o.nfilters; i++)
        if (ag_filter_apply(g, &o.filters[i], &o.centrality, err) < 0)
            goto out;
    st.filter_seconds = ag__now() - t0;

    /* One igraph view serves the measures and the communities. --unweighted sets both
     * weightings; should a caller mix them, communities get a view of their own. */
    if (o.centrality.measures || o.community.algo != AG_COMMUNITY_NONE) {
        t0 = ag__now();
        if (ag__igraph_from_graph(g, o.centrality.weighted, &ig, err) < 0)
            goto out;
        have_ig = 1;
        st.igraph_seconds = ag__now() - t0;
    }
    if (o.centrality.measures) {
        size_t n = ag_graph_node_count(g);
        if (ag__centrality_ig(g, have_ig ? &ig : NULL, &o.centrality, &sc, err) < 0)
            goto out;
        t0 = ag__now();
        for (int m = 0; m < AG_MEASURE_COUNT; m++) {
            int integer = m == AG_MEASURE_DEGREE || m == AG_MEASURE_CORENESS;
            if (!sc.values[m])
                continue;
            st.measure_seconds[m] = sc.seconds[m];
            st.measure_cpu_seconds[m] = sc.cpu_seconds[m];
            for (size_t v = 0; v < n; v++) {
                if (!isfinite(sc.values[m][v])) {
                    not_finite(ag_measure_name((ag_measure)m), ag_node_id(g, v), err);
                    goto out;
                }
                if (set_number(g, v, ag_measure_name((ag_measure)m), sc.values[m][v], integer,
                               err) < 0)
                    goto out;
            }
        }
        if (betweenness_attrs(ag_graph_attrs(g), &sc) < 0) {
            ag__nomem(err);
            goto out;
        }
        st.attrs_seconds += ag__now() - t0;
    }

    if (o.community.algo != AG_COMMUNITY_NONE) {
        size_t n = ag_graph_node_count(g);
        long k = 0;
        double q = 0;
        json_t *ga = ag_graph_attrs(g);
        t0 = ag__now();
        memb = malloc((n ? n : 1) * sizeof *memb);
        if (!memb) {
            ag__nomem(err);
            goto out;
        }
        if (o.community.weighted != o.centrality.weighted) {
            if (ag_analyze_communities(g, &o.community, memb, &k, &q, err) < 0)
                goto out;
        } else {
            double calls[2] = {0, 0};
            if (ag__communities_ig(&ig, &o.community, memb, &k, &q, calls, err) < 0)
                goto out;
            st.community_call_seconds = calls[0];
            st.community_call_cpu_seconds = calls[1];
        }
        st.community_seconds = ag__now() - t0;
        t0 = ag__now();
        for (size_t v = 0; v < n; v++)
            if (ag_node_set_integer(g, v, "community", memb[v], err) < 0)
                goto out;
        if (!isfinite(q)) {
            not_finite("modularity", NULL, err);
            goto out;
        }
        if (json_object_set_new(ga, "modularity", json_real(q)) < 0 ||
            json_object_set_new(ga, "communities", json_integer(k)) < 0 ||
            json_object_set_new(ga, "community_algorithm",
                                json_string(ag_community_algo_name(o.community.algo))) < 0 ||
            (ag_graph_is_directed(g) && ag__community_undirected_only(o.community.algo) &&
             json_object_set_new(ga, "community_view", json_string("undirected")) < 0)) {
            ag__nomem(err);
            goto out;
        }
        st.attrs_seconds += ag__now() - t0;
    }
    ret = 0;
out:
    t0 = ag__now();
    if (have_ig)
        ag__igraph_destroy(&ig);
    ag_scores_destroy(&sc);
    free(memb);
    st.igraph_seconds += ag__now() - t0;
    if (stats)
        *stats = st;
    return ret;
}

int ag_analyze_graph(ag_graph *g, const ag_analyze_opts *opts, ag_analyze_stats *stats,
                     ag_error *err)
{
    ag__igraph_handlers saved;
    int ret;

    ag__igraph_enter(&saved);
    ret = analyze_graph(g, opts, stats, err);
    ag__igraph_leave(&saved);
    return ret;
}

int ag_analyze_opts_init(ag_analyze_opts *opts, unsigned int version)
{
    static const ag_analyze_opts defaults = AG_ANALYZE_OPTS_INIT;
    return ag__opts_init(opts, version, &defaults, sizeof defaults);
}
