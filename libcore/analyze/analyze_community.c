/*
 * analyze_community.c - community detection and modularity through igraph.
 *
 * The one trap here is Leiden: igraph_community_leiden optimises the Constant Potts
 * Model unless told otherwise, and CPM with resolution 1 on a weighted co-mention graph
 * splits it into near-singletons. Modularity is the CPM with node weights equal to the
 * node strengths and resolution gamma / (2W), W the total link weight, so that is how it
 * is called (with degrees and 1/(2m) when unweighted).
 *
 * Whatever the algorithm returns, communities are renumbered by size (0 = largest,
 * equal sizes ordered by their smallest node index) so that the numbering does not
 * depend on the algorithm's internal labels, and Q is recomputed with igraph_modularity
 * on the final partition so every algorithm reports the same quantity.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/error_internal.h"
#include "util/opts_internal.h"
#include "analyze/analyze_internal.h"

static const char *const algo_names[] = {"none",      "leiden",  "louvain",
                                         "labelprop", "infomap", "walktrap"};

const char *ag_community_algo_name(ag_community_algo a)
{
    return (unsigned)a < sizeof algo_names / sizeof *algo_names ? algo_names[a] : "none";
}

int ag_community_algo_parse(const char *name, ag_community_algo *out)
{
    for (size_t i = 0; i < sizeof algo_names / sizeof *algo_names; i++)
        if (strcmp(name, algo_names[i]) == 0) {
            *out = (ag_community_algo)i;
            return 0;
        }
    if (strcmp(name, "multilevel") == 0) {
        *out = AG_COMMUNITY_LOUVAIN;
        return 0;
    }
    return -1;
}

/* Community sizes for the renumbering sort. */
typedef struct comm_rank {
    long label; /* the algorithm's label */
    long size;  /* members */
    long first; /* smallest member index */
} comm_rank;

static int by_size(const void *a, const void *b)
{
    const comm_rank *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
}

/* Renumber membership[0, n) by community size; returns the number of communities or -1
 * when out of memory. Labels must lie in [0, n). Time O(V log V). */
static long renumber_by_size(long *membership, size_t n)
{
    comm_rank *r = calloc(n ? n : 1, sizeof *r);
    long *map = malloc((n ? n : 1) * sizeof *map);
    long k = 0;

    if (!r || !map) {
        free(r);
        free(map);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        r[i].label = (long)i;
        r[i].first = -1;
    }
    for (size_t i = 0; i < n; i++) {
        comm_rank *c = &r[membership[i]];
        if (c->size++ == 0)
            c->first = (long)i;
    }
    qsort(r, n, sizeof *r, by_size);
    for (size_t i = 0; i < n && r[i].size > 0; i++)
        map[r[i].label] = k++;
    for (size_t i = 0; i < n; i++)
        membership[i] = map[membership[i]];
    free(r);
    free(map);
    return k;
}

static int modularity_ig(const ag__igraph *ig, const igraph_vector_int_t *memb, double resolution,
                         double *q, ag_error *err)
{
    igraph_real_t value = 0;
    igraph_error_t rc;

    if (igraph_ecount(&ig->g) == 0) {
        *q = 0.0; /* igraph returns NaN: no links, no community structure */
        return 0;
    }
    rc = igraph_modularity(&ig->g, memb, ag__igraph_weights(ig), resolution, IGRAPH_DIRECTED,
                           &value);
    if (rc != IGRAPH_SUCCESS)
        return ag__igraph_fail(rc, "modularity", err);
    *q = value;
    return 0;
}

int ag_analyze_modularity(const ag_graph *g, const long *membership, double resolution,
                          int weighted, double *q, ag_error *err)
{
    size_t n = ag_graph_node_count(g);
    ag__igraph_handlers saved;
    ag__igraph ig;
    igraph_vector_int_t memb;
    igraph_error_t rc;
    int ret = -1;

    for (size_t i = 0; i < n; i++)
        if (membership[i] < 0)
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "negative community of node %s",
                                ag_node_id(g, i));
    ag__igraph_enter(&saved);
    if (ag__igraph_from_graph(g, weighted, &ig, err) < 0)
        goto out;
    if ((rc = igraph_vector_int_init(&memb, (igraph_integer_t)n)) != IGRAPH_SUCCESS) {
        ag__igraph_destroy(&ig);
        ag__igraph_fail(rc, "modularity", err);
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        VECTOR(memb)[i] = membership[i];
    ret = modularity_ig(&ig, &memb, resolution, q, err);
    igraph_vector_int_destroy(&memb);
    ag__igraph_destroy(&ig);
out:
    ag__igraph_leave(&saved);
    return ret;
}

/* Leiden set up for modularity (see the file comment). */
static igraph_error_t leiden_modularity(const ag__igraph *ig, double resolution,
                                        igraph_vector_int_t *memb)
{
    igraph_integer_t n = igraph_vcount(&ig->g), nb = 0;
    igraph_vector_t nodew;
    igraph_real_t total = 0, quality = 0;
    igraph_error_t rc;

    rc = igraph_vector_init(&nodew, n);
    if (rc != IGRAPH_SUCCESS)
        return rc;
    rc = igraph_strength(&ig->g, &nodew, igraph_vss_all(), IGRAPH_ALL, 1, ag__igraph_weights(ig));
    if (rc == IGRAPH_SUCCESS) {
        total = igraph_vector_sum(&nodew); /* 2W */
        if (total <= 0) {
            /* no links: every node on its own */
            for (igraph_integer_t i = 0; i < n; i++)
                VECTOR(*memb)[i] = i;
        } else {
            /* One iteration. igraph 0.10.2's "n_iterations < 0" loops while an iteration
             * changes nothing, so it stops after the first iteration that moves a node
             * (one pass on every graph with a gain to make) and never ends where no move
             * can gain (self-loops only, or weights whose sum is infinite). One
             * iteration from singletons gives the same partition where the old call
             * ended, and ends everywhere else. */
            rc = igraph_community_leiden(&ig->g, ag__igraph_weights(ig), &nodew, resolution / total,
                                         0.01, 0, 1, memb, &nb, &quality);
        }
    }
    igraph_vector_destroy(&nodew);
    return rc;
}

/* One run of the algorithm into memb. */
static igraph_error_t run_once(const ag__igraph *ig, const ag_community_opts *o,
                               igraph_vector_int_t *memb)
{
    const igraph_vector_t *w = ag__igraph_weights(ig);
    igraph_vector_t mods;
    igraph_matrix_int_t merges;
    igraph_real_t codelength;
    igraph_error_t rc = IGRAPH_SUCCESS;

    switch (o->algo) {
    case AG_COMMUNITY_LEIDEN:
        return leiden_modularity(ig, o->resolution, memb);
    case AG_COMMUNITY_LOUVAIN:
        return igraph_community_multilevel(&ig->g, w, o->resolution, memb, NULL, NULL);
    case AG_COMMUNITY_LABELPROP:
        /* Label propagation only compares sums of weights, so scaling all weights by one
         * factor changes nothing in theory; but igraph 0.10.2 leaves every node alone
         * when all weights are below 1 (association weights such as Jaccard), so we
         * scale the smallest weight to 1. */
        if (w && igraph_vector_size(w) > 0 && igraph_vector_min(w) < 1) {
            igraph_vector_t scaled;
            if ((rc = igraph_vector_init_copy(&scaled, w)) != IGRAPH_SUCCESS)
                return rc;
            igraph_vector_scale(&scaled, 1.0 / igraph_vector_min(w));
            rc = igraph_community_label_propagation(&ig->g, memb, IGRAPH_ALL, &scaled, NULL, NULL);
            igraph_vector_destroy(&scaled);
            return rc;
        }
        return igraph_community_label_propagation(&ig->g, memb, IGRAPH_ALL, w, NULL, NULL);
    case AG_COMMUNITY_INFOMAP:
        return igraph_community_infomap(&ig->g, w, NULL, 10, memb, &codelength);
    case AG_COMMUNITY_WALKTRAP:
        if ((rc = igraph_vector_init(&mods, 0)) != IGRAPH_SUCCESS)
            return rc;
        if ((rc = igraph_matrix_int_init(&merges, 0, 0)) == IGRAPH_SUCCESS) {
            rc = igraph_community_walktrap(&ig->g, w, 4, &merges, &mods, memb);
            igraph_matrix_int_destroy(&merges);
        }
        igraph_vector_destroy(&mods);
        return rc;
    default:
        return IGRAPH_EINVAL;
    }
}

int ag_analyze_communities(const ag_graph *g, const ag_community_opts *opts, long *membership,
                           long *ncomm, double *modularity, ag_error *err)
{
    ag_community_opts o = opts ? *opts : (ag_community_opts)AG_COMMUNITY_OPTS_INIT;
    ag__igraph_handlers saved;
    ag__igraph ig;
    int ret = -1;

    if (o.algo == AG_COMMUNITY_NONE)
        return 0;
    ag__igraph_enter(&saved);
    if (ag__igraph_from_graph(g, o.weighted, &ig, err) == 0) {
        ret = ag__communities_ig(&ig, &o, membership, ncomm, modularity, NULL, err);
        ag__igraph_destroy(&ig);
    }
    ag__igraph_leave(&saved);
    return ret;
}

int ag__community_undirected_only(ag_community_algo algo)
{
    return algo == AG_COMMUNITY_LEIDEN || algo == AG_COMMUNITY_LOUVAIN ||
           algo == AG_COMMUNITY_WALKTRAP;
}

/*
 * Randomised algorithms run o->trials times from one seeded RNG stream and the
 * partition with the highest modularity is kept (the first of equals): a single Leiden
 * run can stop in a local optimum a few tenths of a percent below the best (Les
 * Miserables: 0.5654 against 0.5667), and ten runs cost little on graphs of reading size.
 */
int ag__communities_ig(const ag__igraph *ig, const ag_community_opts *opts, long *membership,
                       long *ncomm, double *modularity, double call_seconds[2], ag_error *err)
{
    ag_community_opts o = *opts;
    size_t n = (size_t)igraph_vcount(&ig->g);
    ag__igraph view;
    int has_view = 0;
    igraph_vector_int_t memb;
    igraph_error_t rc = IGRAPH_SUCCESS;
    int ret = -1, has_memb = 0, trials = o.trials;
    long k = 0, *cand = NULL;
    double q = 0, best = -INFINITY, calls = 0, cpu = 0;

    if (o.algo == AG_COMMUNITY_NONE)
        return 0;
    if (!(o.resolution > 0))
        return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "resolution must be positive");
    if (trials <= 0)
        trials = igraph_ecount(&ig->g) <= AG_COMMUNITY_AUTO_LINKS ? AG_COMMUNITY_AUTO_TRIALS : 1;
    if (o.algo == AG_COMMUNITY_WALKTRAP || o.algo == AG_COMMUNITY_INFOMAP)
        trials = 1; /* deterministic / runs its own trials */
    /* Directed graphs: algorithms of undirected graphs run on the undirected view, one
     * undirected link per arc (the weights keep their order), and modularity is that
     * view's, so the partition and its score agree. */
    if (igraph_is_directed(&ig->g) && ag__community_undirected_only(o.algo)) {
        view = *ig; /* shares the weight vectors; only view.g is its own */
        if ((rc = igraph_copy(&view.g, &ig->g)) != IGRAPH_SUCCESS)
            goto fail;
        has_view = 1;
        if ((rc = igraph_to_undirected(&view.g, IGRAPH_TO_UNDIRECTED_EACH, NULL)) != IGRAPH_SUCCESS)
            goto fail;
        ig = &view;
    }
    if ((rc = igraph_vector_int_init(&memb, (igraph_integer_t)n)) != IGRAPH_SUCCESS)
        goto fail;
    has_memb = 1;
    cand = malloc((n ? n : 1) * sizeof *cand);
    if (!cand) {
        ag__nomem(err);
        goto out;
    }
    ag__igraph_seed(o.seed);
    for (int t = 0; t < trials; t++) {
        long kt = 0;
        double t0 = ag__now(), c0 = ag__cpu_now();
        if (n > 0 && (rc = run_once(ig, &o, &memb)) != IGRAPH_SUCCESS)
            goto fail;
        calls += ag__now() - t0;
        cpu += ag__cpu_now() - c0;
        for (size_t i = 0; i < n; i++) {
            if (VECTOR(memb)[i] < 0 || (size_t)VECTOR(memb)[i] >= n) {
                ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "%s returned a bad membership",
                             ag_community_algo_name(o.algo));
                goto out;
            }
            cand[i] = (long)VECTOR(memb)[i];
        }
        if ((kt = renumber_by_size(cand, n)) < 0) {
            ag__nomem(err);
            goto out;
        }
        for (size_t i = 0; i < n; i++)
            VECTOR(memb)[i] = cand[i];
        if (modularity_ig(ig, &memb, o.resolution, &q, err) < 0)
            goto out;
        if (q > best) {
            best = q;
            k = kt;
            memcpy(membership, cand, n * sizeof *cand);
        }
    }
    if (ncomm)
        *ncomm = k;
    if (modularity)
        *modularity = best;
    if (call_seconds) {
        call_seconds[0] = calls;
        call_seconds[1] = cpu;
    }
    ret = 0;
    goto out;
fail:
    ag__igraph_fail(rc, ag_community_algo_name(o.algo), err);
out:
    if (has_memb)
        igraph_vector_int_destroy(&memb);
    if (has_view)
        igraph_destroy(&view.g);
    free(cand);
    return ret;
}

int ag_community_opts_init(ag_community_opts *opts, unsigned int version)
{
    static const ag_community_opts defaults = AG_COMMUNITY_OPTS_INIT;
    return ag__opts_init(opts, version, &defaults, sizeof defaults);
}
