/*
 * analyze_report.c - the --report summary of an analysed graph.
 *
 * The report is built once as JSON from the graph's attributes (so it describes exactly
 * what is written, whichever tool computed it) and the text form is printed from that
 * JSON, so --report and --report-json can never disagree.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/error_internal.h"
#include "analyze/analyze_internal.h"

static size_t uf_find(size_t *parent, size_t v)
{
    while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

/* Number of connected components and the size of the largest. Time O(E alpha(V)). */
static int components(const ag_graph *g, size_t *count, size_t *largest)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    size_t *parent = malloc((n ? n : 1) * sizeof *parent);
    size_t *size = calloc(n ? n : 1, sizeof *size);

    *count = *largest = 0;
    if (!parent || !size) {
        free(parent);
        free(size);
        return -1;
    }
    for (size_t v = 0; v < n; v++)
        parent[v] = v;
    for (size_t e = 0; e < m; e++) {
        size_t a = uf_find(parent, ag_edge_source(g, e)), b = uf_find(parent, ag_edge_target(g, e));
        if (a != b)
            parent[a] = b;
    }
    for (size_t v = 0; v < n; v++) {
        size_t r = uf_find(parent, v);
        if (size[r]++ == 0)
            (*count)++;
        if (size[r] > *largest)
            *largest = size[r];
    }
    free(parent);
    free(size);
    return 0;
}

static json_t *number(double v)
{
    return v == floor(v) && fabs(v) < 9e15 ? json_integer((json_int_t)v) : json_real(v);
}

/* The `top` nodes by attribute key, as [{"id", "value"}], or NULL when no node has it. */
static json_t *top_by(const ag_graph *g, const char *key, int top, ag__ranked *r)
{
    size_t n = ag_graph_node_count(g), k = 0;
    json_t *list;

    for (size_t v = 0; v < n; v++) {
        double x;
        if (ag_node_get_number(g, v, key, &x) == 0) {
            r[k].score = x;
            r[k].node = v;
            k++;
        }
    }
    if (k == 0)
        return NULL;
    ag__rank(r, k);
    list = json_array();
    for (size_t i = 0; i < k && i < (size_t)top; i++)
        json_array_append_new(list, json_pack("{s:s, s:o}", "id", ag_node_id(g, r[i].node), "value",
                                              number(r[i].score)));
    return list;
}

json_t *ag_analyze_report_json(const ag_graph *g, int top, ag_error *err)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g), ncomp, largest;
    const json_t *ga = ag_graph_attrs_const(g);
    const char *lead = "pagerank";
    json_t *rep = json_object(), *tops = json_object(), *comms = NULL;
    ag__ranked *r = malloc((n ? n : 1) * sizeof *r);
    double total = 0;
    long ncomm = -1;

    if (!rep || !tops || !r || components(g, &ncomp, &largest) < 0)
        goto oom;
    for (size_t e = 0; e < m; e++)
        total += ag_edge_weight(g, e);
    json_object_set_new(rep, "nodes", json_integer((json_int_t)n));
    json_object_set_new(rep, "links", json_integer((json_int_t)m));
    json_object_set_new(rep, "components", json_integer((json_int_t)ncomp));
    json_object_set_new(rep, "largest_component", json_integer((json_int_t)largest));
    json_object_set_new(rep, "density",
                        json_real(n > 1 ? (double)m / ((double)n * (double)(n - 1) /
                                                       (ag_graph_is_directed(g) ? 1 : 2))
                                        : 0.0));
    json_object_set_new(rep, "total_weight", number(total));
    for (int k = 0; k < AG_MEASURE_COUNT; k++) {
        json_t *list = top_by(g, ag_measure_name((ag_measure)k), top, r);
        if (list)
            json_object_set_new(tops, ag_measure_name((ag_measure)k), list);
    }
    json_object_set_new(rep, "top", tops);
    tops = NULL;

    /* Communities: sizes and leading members (by PageRank, else degree, else id). */
    for (size_t v = 0; v < n; v++) {
        long long c;
        if (ag_node_get_integer(g, v, "community", &c) == 0 && c > ncomm)
            ncomm = (long)c;
    }
    if (ncomm >= 0) {
        size_t k = 0;
        long *size = calloc((size_t)ncomm + 1, sizeof *size);
        json_t **members = calloc((size_t)ncomm + 1, sizeof *members);
        if (!size || !members) {
            free(size);
            free(members);
            goto oom;
        }
        if (ag_node_attr_type(g, 0, lead) == AG_ATTR_NONE)
            lead = "degree";
        for (size_t v = 0; v < n; v++) {
            double x;
            r[k].score = ag_node_get_number(g, v, lead, &x) == 0 ? x : 0;
            r[k].node = v;
            k++;
        }
        ag__rank(r, k);
        for (size_t i = 0; i < k; i++) {
            long long c = 0;
            ag_node_get_integer(g, r[i].node, "community", &c);
            if (c < 0 || c > ncomm)
                continue;
            if (!members[c])
                members[c] = json_array();
            if (size[c]++ < 5)
                json_array_append_new(members[c], json_string(ag_node_id(g, r[i].node)));
        }
        comms = json_array();
        for (long c = 0; c <= ncomm; c++) {
            if (size[c] == 0) {
                json_decref(members[c]);
                continue;
            }
            json_array_append_new(comms,
                                  json_pack("{s:I, s:I, s:o}", "community", (json_int_t)c, "size",
                                            (json_int_t)size[c], "leading", members[c]));
        }
        free(size);
        free(members);
        json_object_set_new(rep, "communities", comms);
        json_object_set_new(rep, "community_ranking", json_string(lead));
    }
    if (json_object_get(ga, "modularity"))
        json_object_set(rep, "modularity", json_object_get((json_t *)ga, "modularity"));
    if (json_object_get(ga, "community_algorithm"))
        json_object_set(rep, "community_algorithm",
                        json_object_get((json_t *)ga, "community_algorithm"));
    if (json_object_get(ga, "community_view"))
        json_object_set(rep, "community_view", json_object_get((json_t *)ga, "community_view"));
    if (json_object_get(ga, "betweenness_samples"))
        json_object_set(rep, "betweenness_samples",
                        json_object_get((json_t *)ga, "betweenness_samples"));
    free(r);
    return rep;
oom:
    json_decref(rep);
    json_decref(tops);
    free(r);
    ag__nomem(err);
    return NULL;
}

static void print_value(FILE *f, const json_t *v)
{
    if (json_is_integer(v))
        fprintf(f, "%lld", (long long)json_integer_value(v));
    else
        fprintf(f, "%.4g", json_number_value(v));
}

int ag_analyze_report_print(const json_t *rep, FILE *f, ag_error *err)
{
    const json_t *tops = json_object_get(rep, "top"), *comms = json_object_get(rep, "communities");
    const json_t *list, *x;
    const char *key;
    size_t i;

    fprintf(f,
            "Graph: %lld nodes, %lld links, %lld component%s (largest %lld nodes), "
            "density %.4g, total weight ",
            (long long)json_integer_value(json_object_get(rep, "nodes")),
            (long long)json_integer_value(json_object_get(rep, "links")),
            (long long)json_integer_value(json_object_get(rep, "components")),
            json_integer_value(json_object_get(rep, "components")) == 1 ? "" : "s",
            (long long)json_integer_value(json_object_get(rep, "largest_component")),
            json_number_value(json_object_get(rep, "density")));
    print_value(f, json_object_get(rep, "total_weight"));
    fputc('\n', f);
    if (json_object_get(rep, "betweenness_samples"))
        fprintf(f, "Betweenness estimated from %lld sampled sources\n",
                (long long)json_integer_value(json_object_get(rep, "betweenness_samples")));
    json_object_foreach((json_t *)tops, key, list)
    {
        fprintf(f, "Top by %s:", key);
        json_array_foreach(list, i, x)
        {
            fprintf(f, "%s %s (", i ? "," : "", json_string_value(json_object_get(x, "id")));
            print_value(f, json_object_get(x, "value"));
            fputc(')', f);
        }
        fputc('\n', f);
    }
    if (json_is_array(comms)) {
        const char *view = json_string_value(json_object_get(rep, "community_view"));
        fprintf(f, "Communities (%s%s%s): %zu, modularity %.4f\n",
                json_string_value(json_object_get(rep, "community_algorithm"))
                    ? json_string_value(json_object_get(rep, "community_algorithm"))
                    : "given",
                view ? ", on the " : "", view ? "undirected view" : "", json_array_size(comms),
                json_number_value(json_object_get(rep, "modularity")));
        json_array_foreach(comms, i, x)
        {
            const json_t *lead = json_object_get(x, "leading"), *id;
            size_t j;
            if (i == 20) {
                fprintf(f, "  ... %zu more\n", json_array_size(comms) - 20);
                break;
            }
            long long size = (long long)json_integer_value(json_object_get(x, "size"));

            fprintf(f, "  %lld: %lld member%s:",
                    (long long)json_integer_value(json_object_get(x, "community")), size,
                    size == 1 ? "" : "s");
            json_array_foreach(lead, j, id)
                fprintf(f, "%s %s", j ? "," : "", json_string_value(id));
            fputc('\n', f);
        }
    }
    if (ferror(f))
        return ag_error_set(err, AG_EIO, NULL, 0, 0, "writing the report failed");
    return 0;
}
