/*
 * formats-writers.c - time each data-format writer alone (bench/formats-bench.sh builds
 * and runs it): the graph is read once, then written as GraphML, GEXF, GML and Gephi
 * CSV, printing "FORMAT WALL_S CPU_S" per line, the same shape as the networkx side.
 * Usage: formats-writers GRAPH.json OUTDIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>

static double now(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    static const ag_format fmts[] = {AG_FMT_GRAPHML, AG_FMT_GEXF, AG_FMT_GML, AG_FMT_CSV};
    ag_error err;
    ag_graph *g;
    char path[4096];

    if (argc != 3) {
        fprintf(stderr, "usage: formats-writers GRAPH.json OUTDIR\n");
        return 2;
    }
    ag_error_clear(&err);
    if (!(g = ag_graph_read(argv[1], AG_FMT_AUTO, NULL, &err))) {
        ag_error_print("formats-writers", &err, stderr);
        return 1;
    }
    for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
        const char *name = ag_format_name(fmts[i]);
        double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
        int rc;
        if (fmts[i] == AG_FMT_CSV) {
            snprintf(path, sizeof path, "%s/writer-csv/", argv[2]);
            rc = ag_graph_write_csv(g, path, &err);
        } else {
            FILE *f;
            snprintf(path, sizeof path, "%s/writer.%s", argv[2], name);
            if (!(f = fopen(path, "wb"))) {
                perror(path);
                return 1;
            }
            rc = ag_graph_write(g, fmts[i], f, NULL, &err);
            if (fclose(f) != 0)
                rc = -1;
        }
        if (rc < 0) {
            ag_error_print("formats-writers", &err, stderr);
            return 1;
        }
        printf("%s %.2f %.2f\n", name, now(CLOCK_MONOTONIC) - w0,
               now(CLOCK_PROCESS_CPUTIME_ID) - c0);
        fflush(stdout);
    }
    ag_graph_free(g);
    return 0;
}
