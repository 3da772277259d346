/*
 * analyze_run.c - ag-analyze's job after option parsing (see analyze_run.h).
 */
#include <string.h>
#include <time.h>
#include <unistd.h>

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

/* Seconds between the start of this process (the kernel's record, in clock ticks since
 * boot) and now: the dynamic loader and library constructors before main. 0 when
 * /proc is not there. */
static double since_exec(void)
{
    struct timespec ts;
    unsigned long long start = 0;
    char buf[1024], *p;
    FILE *f = fopen("/proc/self/stat", "r");
    size_t len = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    long hz = sysconf(_SC_CLK_TCK);

    if (f)
        fclose(f);
    buf[len] = '\0';
    /* field 22 (starttime) counts from the field after the ')' closing the name */
    if (!(p = strrchr(buf, ')')) || hz <= 0 ||
        sscanf(p + 2,
               "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d "
               "%*d %*d %llu",
               &start) != 1 ||
        clock_gettime(CLOCK_BOOTTIME, &ts) < 0)
        return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9 - (double)start / (double)hz;
}

static void print_timings(FILE *f, const ag_analyze_run_opts *o, const ag_analyze_stats *st,
                          const double t[6])
{
    const char *algo = ag_community_algo_name(o->analyze.community.algo);

    fprintf(f,
            "timings: startup %.6f s, read %.6f s, sort %.6f s, filters %.6f s, igraph "
            "%.6f s",
            t[0], t[2] - t[1], st->sort_seconds, st->filter_seconds, st->igraph_seconds);
    for (int m = 0; m < AG_MEASURE_COUNT; m++)
        if (st->measure_seconds[m] > 0)
            fprintf(f, ", %s %.6f s, %s_cpu %.6f s", ag_measure_name((ag_measure)m),
                    st->measure_seconds[m], ag_measure_name((ag_measure)m),
                    st->measure_cpu_seconds[m]);
    if (o->analyze.community.algo != AG_COMMUNITY_NONE)
        fprintf(f, ", %s %.6f s, %s_call %.6f s, %s_call_cpu %.6f s", algo, st->community_seconds,
                algo, st->community_call_seconds, algo, st->community_call_cpu_seconds);
    fprintf(f,
            ", attributes %.6f s, analyze total %.6f s, write %.6f s, free %.6f s, "
            "total %.6f s\n",
            st->attrs_seconds, t[3] - t[2], t[4] - t[3], t[5] - t[4], t[0] + t[5] - t[1]);
}

int ag_analyze_run(const ag_analyze_run_opts *o, ag_error *err)
{
    ag_graph *g = NULL;
    json_t *rep = NULL;
    ag_output rout = {0};
    ag_analyze_stats st;
    int ret = -1;
    /* startup, start, read, analyzed, written (report included), freed */
    double t[6] = {o->timings ? since_exec() : 0, now(), 0, 0, 0, 0};

    if (!(g = ag_graph_read(o->input, AG_FMT_AUTO, NULL, err)))
        goto out;
    t[2] = now();
    if (ag_analyze_graph(g, &o->analyze, &st, err) < 0) {
        /* Say which input the complaint is about ("link a -- b has weight 0"). */
        if (err && !err->file[0])
            snprintf(err->file, sizeof err->file, "%s",
                     o->input && strcmp(o->input, "-") != 0 ? o->input : "<stdin>");
        goto out;
    }
    t[3] = now();
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
    if (rout.fp && ag_output_commit(&rout, err) < 0)
        goto out;
    if (o->report && ag_analyze_report_print(rep, o->report, err) < 0)
        goto out;
    t[4] = now();
    ag_graph_free(g);
    g = NULL;
    t[5] = now();
    if (o->timings)
        print_timings(o->timings, o, &st, t);
    ret = 0;
out:
    ag_output_abort(&rout);
    json_decref(rep);
    ag_graph_free(g);
    return ret;
}
