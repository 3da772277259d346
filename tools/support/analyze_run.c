/*
 * analyze_run.c - ag-analyze's job after option parsing (see analyze_run.h).
 */
#include <string.h>
#include <time.h>

#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>

#include "analyze_run.h"

/* Wall-clock seconds, for --timings. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int ag_analyze_run(const ag_analyze_run_opts *o, ag_error *err)
{
    ag_graph *g = NULL;
    json_t *rep = NULL;
    ag_output rout = {0};
    ag_analyze_stats st;
    int ret = -1;
    double t0 = now(), t_read, t_analyze, t_write;

    if (!(g = ag_graph_read(o->input, AG_FMT_AUTO, NULL, err)))
        goto out;
    t_read = now();
    if (ag_analyze_graph(g, &o->analyze, &st, err) < 0) {
        /* Say which input the complaint is about ("link a -- b has weight 0"). */
        if (err && !err->file[0])
            snprintf(err->file, sizeof err->file, "%s",
                     o->input && strcmp(o->input, "-") != 0 ? o->input : "<stdin>");
        goto out;
    }
    t_analyze = now();
    if (o->report || o->report_json) {
        if (!(rep = ag_analyze_report_json(g, 10, err)))
            goto out;
        if (o->report_json) {
            if (ag_output_open(&rout, o->report_json, err) < 0)
                goto out;
            if (json_dumpf(rep, rout.fp, JSON_INDENT(2) | JSON_REAL_PRECISION(12)) < 0 ||
                fputc('\n', rout.fp) == EOF) {
                ag_error_set(err, AG_EIO, o->report_json, 0, 0, "cannot write the report");
                goto out;
            }
        }
    }
    if (ag_graph_save(g, o->output, o->format, NULL, err) < 0)
        goto out;
    t_write = now();
    if (rout.fp && ag_output_commit(&rout, err) < 0)
        goto out;
    if (o->report && ag_analyze_report_print(rep, o->report, err) < 0)
        goto out;
    if (o->timings) {
        fprintf(o->timings, "timings: read %.6f s, filters %.6f s", t_read - t0,
                st.filter_seconds);
        for (int m = 0; m < AG_MEASURE_COUNT; m++)
            if (st.measure_seconds[m] > 0)
                fprintf(o->timings, ", %s %.6f s, %s_cpu %.6f s", ag_measure_name((ag_measure)m),
                        st.measure_seconds[m], ag_measure_name((ag_measure)m),
                        st.measure_cpu_seconds[m]);
        if (o->analyze.community.algo != AG_COMMUNITY_NONE)
            fprintf(o->timings, ", %s %.6f s, %s_call %.6f s, %s_call_cpu %.6f s",
                    ag_community_algo_name(o->analyze.community.algo), st.community_seconds,
                    ag_community_algo_name(o->analyze.community.algo),
                    st.community_call_seconds,
                    ag_community_algo_name(o->analyze.community.algo),
                    st.community_call_cpu_seconds);
        fprintf(o->timings, ", analyze total %.6f s, write %.6f s\n", t_analyze - t_read,
                t_write - t_analyze);
    }
    ret = 0;
out:
    ag_output_abort(&rout);
    json_decref(rep);
    ag_graph_free(g);
    return ret;
}
