/*
 * analyze_filter.c - the graph filters of ag-analyze: reweighting by association,
 * thresholds, actor types, met-only, top-N, giant component, ego network and the
 * disparity-filter backbone.
 *
 * Each filter computes a keep mask for nodes and/or links and hands it to
 * ag_graph_filter, which renumbers in old order and keeps all attributes; so filters
 * compose in any order and never touch an attribute they do not own. Structure is
 * treated as undirected here (an ego network of a directed graph follows links both
 * ways), which is what co-mention graphs are.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/error_internal.h"
#include "analyze/analyze_internal.h"

static const char *const assoc_names[] = {"count", "pmi", "npmi", "jaccard", "dice"};

const char *ag_association_name(ag_association a)
{
    return (unsigned)a < sizeof assoc_names / sizeof *assoc_names ? assoc_names[a] : "count";
}

int ag_association_parse(const char *name, ag_association *out)
{
    for (size_t i = 0; i < sizeof assoc_names / sizeof *assoc_names; i++)
        if (strcmp(name, assoc_names[i]) == 0) {
            *out = (ag_association)i;
            return 0;
        }
    return -1;
}

static int oom(ag_error *err) { return ag__nomem(err); }

/* A number attribute of a node or link as a double; def when absent or not a number. */
static double node_number(const ag_graph *g, size_t v, const char *key, double def)
{
    double x;
    return ag_node_get_number(g, v, key, &x) == 0 ? x : def;
}

static double edge_number(const ag_graph *g, size_t e, const char *key, double def)
{
    double x;
    return ag_edge_get_number(g, e, key, &x) == 0 ? x : def;
}

/* ------------------------------------------------------------------ adjacency */

/* Undirected adjacency in compressed rows: neighbours of v are adj[off[v], off[v+1]). */
typedef struct csr {
    size_t *off; /* n + 1 row offsets */
    size_t *adj; /* 2m neighbour indices */
} csr;

static void csr_free(csr *c)
{
    free(c->off);
    free(c->adj);
}

static int csr_build(const ag_graph *g, csr *c, ag_error *err)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    size_t *fill;

    c->off = calloc(n + 1, sizeof *c->off);
    c->adj = malloc((2 * m + 1) * sizeof *c->adj);
    fill = malloc((n + 1) * sizeof *fill);
    if (!c->off || !c->adj || !fill) {
        free(fill);
        csr_free(c);
        return oom(err);
    }
    for (size_t e = 0; e < m; e++) {
        c->off[ag_edge_source(g, e) + 1]++;
        c->off[ag_edge_target(g, e) + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        c->off[v + 1] += c->off[v];
    memcpy(fill, c->off, (n + 1) * sizeof *fill);
    for (size_t e = 0; e < m; e++) {
        size_t s = ag_edge_source(g, e), t = ag_edge_target(g, e);
        c->adj[fill[s]++] = t;
        c->adj[fill[t]++] = s;
    }
    free(fill);
    return 0;
}

/* ------------------------------------------------------------------ association */

/*
 * Observed over expected co-occurrence. Document mode (every node and link carries
 * "documents", as ag-extract writes): n_a = documents mentioning a, n_ab = documents
 * mentioning both, N = graph attribute "documents" (else the sum of n_a, an upper bound
 * that shifts PMI by a constant). Otherwise weight mode: n_a = strength, n_ab = weight,
 * N = 2W, i.e. observed weight against the configuration-model expectation s_a s_b / 2W.
 */
static int reweight(ag_graph *g, ag_association kind, ag_error *err)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    double *na = calloc(n ? n : 1, sizeof *na), *nab = malloc((m ? m : 1) * sizeof *nab);
    unsigned char *keep = malloc(m ? m : 1);
    int docmode = 1, ret = -1;
    double N = 0;

    if (!na || !nab || !keep) {
        oom(err);
        goto out;
    }
    /* The raw count: a link already reweighted keeps the "count" it got then. */
    for (size_t e = 0; e < m; e++) {
        double c;
        if (ag_edge_get_number(g, e, "count", &c) < 0) {
            double w = ag_edge_weight(g, e);
            int rc = w == floor(w) && fabs(w) < 9e15
                         ? ag_edge_set_integer(g, e, "count", (long long)w, err)
                         : ag_edge_set_number(g, e, "count", w, err);
            if (rc < 0)
                goto out;
            c = w;
        }
        ag_edge_set_weight(g, e, c);
    }
    if (kind == AG_ASSOC_COUNT) {
        ret = 0;
        goto out;
    }
    for (size_t v = 0; v < n && docmode; v++)
        if (!(node_number(g, v, "documents", -1) > 0))
            docmode = 0;
    for (size_t e = 0; e < m && docmode; e++)
        if (!(edge_number(g, e, "documents", -1) > 0))
            docmode = 0;
    if (docmode) {
        for (size_t v = 0; v < n; v++)
            na[v] = node_number(g, v, "documents", 0);
        for (size_t e = 0; e < m; e++)
            nab[e] = edge_number(g, e, "documents", 0);
        N = ag_attr_number(ag_graph_attrs_const(g), "documents", 0);
        if (!(N > 0))
            for (size_t v = 0; v < n; v++)
                N += na[v];
    } else {
        for (size_t e = 0; e < m; e++) {
            nab[e] = ag_edge_weight(g, e);
            na[ag_edge_source(g, e)] += nab[e];
            na[ag_edge_target(g, e)] += nab[e];
            N += 2 * nab[e];
        }
    }
    for (size_t e = 0; e < m; e++) {
        double a = na[ag_edge_source(g, e)], b = na[ag_edge_target(g, e)], ab = nab[e], w;
        keep[e] = 1;
        if (!(ab > 0) || !(a > 0) || !(b > 0)) {
            keep[e] = 0;
            continue;
        }
        switch (kind) {
        case AG_ASSOC_PMI:
            w = log(ab * N / (a * b));
            break;
        case AG_ASSOC_NPMI: {
            double p = ab / N;
            w = p >= 1 ? 1.0 : log(ab * N / (a * b)) / -log(p);
            break;
        }
        case AG_ASSOC_JACCARD:
            w = a + b - ab > 0 ? ab / (a + b - ab) : 1.0;
            break;
        case AG_ASSOC_DICE:
        default:
            w = 2 * ab / (a + b);
            break;
        }
        if (!(w > 0) || !isfinite(w))
            keep[e] = 0; /* no more often together than chance: not an association */
        else
            ag_edge_set_weight(g, e, w);
    }
    ret = ag_graph_filter(g, NULL, keep, err);
out:
    free(na);
    free(nab);
    free(keep);
    return ret;
}

/* ------------------------------------------------------------------ structure */

/* Keep the largest connected component (ties: the one holding the smallest index). */
static int giant(ag_graph *g, ag_error *err)
{
    size_t n = ag_graph_node_count(g);
    csr c = {0};
    long *comp = NULL;
    size_t *stack = NULL, *size = NULL;
    unsigned char *keep = NULL;
    long ncomp = 0, best = -1;
    int ret = -1;

    if (n == 0)
        return 0;
    if (csr_build(g, &c, err) < 0)
        return -1;
    comp = malloc(n * sizeof *comp);
    stack = malloc(n * sizeof *stack);
    size = calloc(n, sizeof *size);
    keep = malloc(n);
    if (!comp || !stack || !size || !keep) {
        oom(err);
        goto out;
    }
    for (size_t v = 0; v < n; v++)
        comp[v] = -1;
    for (size_t s = 0; s < n; s++) {
        size_t top = 0;
        if (comp[s] >= 0)
            continue;
        comp[s] = ncomp;
        stack[top++] = s;
        while (top > 0) {
            size_t v = stack[--top];
            size[ncomp]++;
            for (size_t i = c.off[v]; i < c.off[v + 1]; i++)
                if (comp[c.adj[i]] < 0) {
                    comp[c.adj[i]] = ncomp;
                    stack[top++] = c.adj[i];
                }
        }
        if (best < 0 || size[ncomp] > size[best])
            best = ncomp;
        ncomp++;
    }
    for (size_t v = 0; v < n; v++)
        keep[v] = comp[v] == best;
    ret = ag_graph_filter(g, keep, NULL, err);
out:
    csr_free(&c);
    free(comp);
    free(stack);
    free(size);
    free(keep);
    return ret;
}

/* Does node v have alias name (attribute "aliases", a list of strings)? */
static int has_alias(const ag_graph *g, size_t v, const char *name, int fold)
{
    ag_attr_value av;
    const json_t *al =
        ag_node_get_value(g, v, "aliases", &av) == 0 && av.type == AG_ATTR_OTHER ? av.other : NULL;
    size_t i;
    const json_t *x;

    if (!json_is_array(al))
        return 0;
    json_array_foreach(al, i, x)
    {
        const char *s = json_string_value(x);
        if (s && (fold ? strcasecmp(s, name) : strcmp(s, name)) == 0)
            return 1;
    }
    return 0;
}

/* Find the ego node: exact id, then exact alias, then both ignoring ASCII case. */
static long find_ego(const ag_graph *g, const char *name, ag_error *err)
{
    size_t n = ag_graph_node_count(g);
    long hit = ag_graph_find_node(g, name);

    if (hit >= 0)
        return hit;
    for (int fold = 0; fold < 2; fold++) {
        hit = -1;
        for (size_t v = 0; v < n; v++) {
            if ((fold && strcasecmp(ag_node_id(g, v), name) == 0) || has_alias(g, v, name, fold)) {
                if (hit >= 0 && (size_t)hit != v) {
                    ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                                 "--ego '%s' is ambiguous: it names both '%s' and '%s'", name,
                                 ag_node_id(g, (size_t)hit), ag_node_id(g, v));
                    return -1;
                }
                hit = (long)v;
            }
        }
        if (hit >= 0)
            return hit;
    }
    ag_error_set(err, AG_ENOTFOUND, NULL, 0, 0, "--ego: no actor with id or alias '%s'", name);
    return -1;
}

/* Keep the nodes within radius hops of the named node (breadth-first). */
static int ego(ag_graph *g, const char *name, long radius, ag_error *err)
{
    size_t n = ag_graph_node_count(g), head = 0, tail = 0;
    long center = find_ego(g, name, err);
    csr c = {0};
    long *dist = NULL;
    size_t *queue = NULL;
    unsigned char *keep = NULL;
    int ret = -1;

    if (center < 0)
        return -1;
    if (csr_build(g, &c, err) < 0)
        return -1;
    dist = malloc(n * sizeof *dist);
    queue = malloc(n * sizeof *queue);
    keep = calloc(n, 1);
    if (!dist || !queue || !keep) {
        oom(err);
        goto out;
    }
    for (size_t v = 0; v < n; v++)
        dist[v] = -1;
    dist[center] = 0;
    queue[tail++] = (size_t)center;
    while (head < tail) {
        size_t v = queue[head++];
        keep[v] = 1;
        if (dist[v] >= radius)
            continue;
        for (size_t i = c.off[v]; i < c.off[v + 1]; i++)
            if (dist[c.adj[i]] < 0) {
                dist[c.adj[i]] = dist[v] + 1;
                queue[tail++] = c.adj[i];
            }
    }
    ret = ag_graph_filter(g, keep, NULL, err);
out:
    csr_free(&c);
    free(dist);
    free(queue);
    free(keep);
    return ret;
}

/*
 * Disparity filter (Serrano, Boguna, Vespignani, PNAS 2009). For a node of degree k > 1
 * and strength s, a link of weight w is significant when alpha = (1 - w/s)^(k-1), the
 * probability of a share at least w/s under uniform random splitting of s over k links,
 * is below the level. A link is kept when it is significant for either endpoint; a link
 * whose endpoints both have degree 1 has no null model and is kept. Nodes are kept.
 */
static int backbone(ag_graph *g, double level, ag_error *err)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    double *s = calloc(n ? n : 1, sizeof *s);
    long *k = calloc(n ? n : 1, sizeof *k);
    unsigned char *keep = malloc(m ? m : 1);
    int ret = -1;

    if (!s || !k || !keep) {
        oom(err);
        goto out;
    }
    for (size_t e = 0; e < m; e++) {
        double w = ag_edge_weight(g, e);
        size_t a = ag_edge_source(g, e), b = ag_edge_target(g, e);
        if (!(w > 0) || !isfinite(w)) {
            ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                         "link %s -- %s has weight %g; --backbone needs positive weights "
                         "(use --min-weight first)",
                         ag_node_id(g, a), ag_node_id(g, b), w);
            goto out;
        }
        s[a] += w;
        s[b] += w;
        k[a]++;
        k[b]++;
    }
    for (size_t e = 0; e < m; e++) {
        size_t ends[2] = {ag_edge_source(g, e), ag_edge_target(g, e)};
        double w = ag_edge_weight(g, e);
        int tested = 0;
        keep[e] = 0;
        for (int i = 0; i < 2; i++) {
            size_t v = ends[i];
            double alpha;
            if (k[v] < 2 || !(s[v] > 0))
                continue;
            tested = 1;
            alpha = pow(1.0 - w / s[v], (double)(k[v] - 1));
            if (alpha < level)
                keep[e] = 1;
        }
        if (!tested)
            keep[e] = 1;
    }
    ret = ag_graph_filter(g, NULL, keep, err);
out:
    free(s);
    free(k);
    free(keep);
    return ret;
}

/* ------------------------------------------------------------------ top N */

static int top(ag_graph *g, long count, ag_measure by, const ag_centrality_opts *copts,
               ag_error *err)
{
    size_t n = ag_graph_node_count(g);
    ag_centrality_opts o = copts ? *copts : (ag_centrality_opts)AG_CENTRALITY_OPTS_INIT;
    ag_scores sc;
    ag__ranked *r = NULL;
    unsigned char *keep = NULL;
    int ret = -1;

    if ((size_t)count >= n)
        return 0;
    if ((unsigned)by >= AG_MEASURE_COUNT)
        by = AG_MEASURE_PAGERANK;
    o.measures = AG_MEASURE_BIT(by);
    ag_scores_init(&sc);
    if (ag_analyze_centrality(g, &o, &sc, err) < 0)
        goto out;
    r = malloc(n * sizeof *r);
    keep = calloc(n, 1);
    if (!r || !keep) {
        oom(err);
        goto out;
    }
    for (size_t v = 0; v < n; v++) {
        r[v].score = sc.values[by][v];
        r[v].node = v;
    }
    ag__rank(r, n);
    for (long i = 0; i < count; i++)
        keep[r[i].node] = 1;
    ret = ag_graph_filter(g, keep, NULL, err);
out:
    ag_scores_destroy(&sc);
    free(r);
    free(keep);
    return ret;
}

/* ------------------------------------------------------------------ dispatch */

int ag_filter_apply(ag_graph *g, const ag_filter *f, const ag_centrality_opts *copts, ag_error *err)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    unsigned char *keep = NULL;
    int ret = -1;

    switch (f->kind) {
    case AG_FILTER_ASSOCIATION:
        return reweight(g, (ag_association)(int)f->num, err);
    case AG_FILTER_GIANT:
        return giant(g, err);
    case AG_FILTER_EGO:
        if (!f->name[0])
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "--ego needs a name");
        return ego(g, f->name, f->count, err);
    case AG_FILTER_BACKBONE:
        if (!(f->num > 0 && f->num <= 1))
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "--backbone level must be in (0, 1]");
        return backbone(g, f->num, err);
    case AG_FILTER_TOP:
        if (f->count < 0)
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "--top needs N >= 0");
        return top(g, f->count, f->by, copts, err);
    default:
        break;
    }
    keep = malloc((n > m ? n : m) + 1);
    if (!keep)
        return oom(err);
    switch (f->kind) {
    case AG_FILTER_MIN_WEIGHT:
        for (size_t e = 0; e < m; e++)
            keep[e] = ag_edge_weight(g, e) >= f->num;
        ret = ag_graph_filter(g, NULL, keep, err);
        break;
    case AG_FILTER_MET_ONLY:
        for (size_t e = 0; e < m; e++) {
            int met;
            double x;
            keep[e] = (ag_edge_get_bool(g, e, "met", &met) == 0 && met) ||
                      (ag_edge_get_number(g, e, "met", &x) == 0 && x > 0);
        }
        ret = ag_graph_filter(g, NULL, keep, err);
        break;
    case AG_FILTER_MIN_DEGREE: {
        long *deg = malloc((n ? n : 1) * sizeof *deg);
        if (!deg) {
            ret = oom(err);
            break;
        }
        ag__degrees(g, deg);
        for (size_t v = 0; v < n; v++)
            keep[v] = deg[v] >= f->count;
        free(deg);
        ret = ag_graph_filter(g, keep, NULL, err);
        break;
    }
    case AG_FILTER_TYPES:
        for (size_t v = 0; v < n; v++)
            keep[v] = (f->mask >> ag_node_type(g, v)) & 1u;
        ret = ag_graph_filter(g, keep, NULL, err);
        break;
    default:
        ret = ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "unknown filter %d", (int)f->kind);
        break;
    }
    free(keep);
    return ret;
}
