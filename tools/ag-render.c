/*
 * ag-render - draw an actor graph (SVG, PNG, PDF laid out by Graphviz) or export it
 * (styled DOT, GraphML, GEXF, JSON, GML, TSV, CSV). The work is in libcore/render.c,
 * libcore/render/dot_write.c and the format writers.
 */
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>

enum { K_LAYOUT = 256, K_TOP, K_SIZE_BY, K_COLOR_BY, K_TITLE, K_MET_ONLY, K_NO_TIPS, K_EVIDENCE };

static const ag_cli_opt options[] = {
    {"output", 'o', "FILE", "write to FILE (default: stdout); its extension picks the format"},
    {"format", 'f', "FORMAT", "svg (default), png, pdf, dot, graphml, gexf, json, gml, tsv, csv"},
    {"layout", K_LAYOUT, "ENGINE", "sfdp (default), neato, fdp, dot, circo or twopi"},
    {"top", K_TOP, "N", "draw the N actors ranked highest (pictures: 60; 0: all)"},
    {"size-by", K_SIZE_BY, "MEASURE", "node size and ranking (default: pagerank, else degree)"},
    {"color-by", K_COLOR_BY, "RULE", "community (default when present) or type"},
    {"title", K_TITLE, "TEXT", "title of the picture (default: from the input's name)"},
    {"met-only", K_MET_ONLY, NULL, "keep only links between actors who met (who met whom)"},
    {"no-tooltips", K_NO_TIPS, NULL, "leave out the SVG/DOT tooltips"},
    {"evidence", K_EVIDENCE, "N", "evidence sentences per link tooltip (default 3)"},
    {"quiet", 'q', NULL, "accepted for symmetry; ag-render shows no progress"},
    AG_CLI_COMMON_OPTS};

static ag_cli cli = {
    .prog = "ag-render",
    .synopsis = "[OPTION]... [FILE]",
    .summary = "Draw an actor graph (from ag-analyze, or any format ag-analyze reads) as a\n"
               "picture laid out by Graphviz, or export it for Graphviz, Gephi and scripts.",
    .opts = options,
    .footer = "Example: ag-extract news/ | ag-analyze | ag-render --met-only -o whomet.svg\n"};

/* LeakSanitizer (sanitizer builds): Graphviz's plugin loader, fontconfig, pango, cairo and
 * glib keep process-lifetime caches that are never freed; they are not our leaks. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\nleak:libgvplugin_\nleak:libfontconfig.so\nleak:libpango\n"
           "leak:libcairo.so\nleak:libglib-2.0.so\nleak:libgobject-2.0.so\n";
}
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}

/* "news/graph.json" -> "graph": the default title. */
static const char *title_from(const char *path, char *buf, size_t size)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path, *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    snprintf(buf, size, "%.*s", (int)n, base);
    return buf;
}

int main(int argc, char **argv)
{
    ag_render_opts ro = AG_RENDER_OPTS_INIT;
    ag_write_opts wo = AG_WRITE_OPTS_INIT;
    const char *out_path = NULL, *in_path = NULL, *arg;
    int key, fmt_set = 0, top_set = 0, rc = AG_EXIT_FAIL, picture;
    long num;
    char title[256];
    ag_error err;
    ag_output out = {0};
    ag_graph *g = NULL, *sel = NULL;

    ag_cli_init(&cli);
    ag_error_clear(&err);
    while ((key = ag_cli_getopt(&cli, argc, argv, &arg)) != -1) {
        switch (key) {
        case 'o': out_path = arg; break;
        case 'f':
            if (ag_format_parse(arg, &ro.format) < 0 || ro.format == AG_FMT_AUTO)
                return ag_cli_usage_error(&cli, "unknown format '%s'", arg);
            fmt_set = 1;
            break;
        case K_LAYOUT:
            if (!ag_render_layout_known(arg))
                return ag_cli_usage_error(&cli, "unknown layout '%s' (sfdp, neato, fdp, dot, circo, twopi)", arg);
            ro.layout = arg;
            break;
        case K_TOP:
            if (ag_cli_parse_long(&cli, "--top", arg, 0, 1000000000L, &ro.top) < 0)
                return AG_EXIT_USAGE;
            top_set = 1;
            break;
        case K_SIZE_BY: ro.size_by = arg; break;
        case K_COLOR_BY:
            if (strcmp(arg, "community") && strcmp(arg, "type"))
                return ag_cli_usage_error(&cli, "--color-by takes community or type, not '%s'", arg);
            ro.color_by = arg[0] == 'c' ? AG_RENDER_COLOR_COMMUNITY : AG_RENDER_COLOR_TYPE;
            break;
        case K_TITLE: ro.title = arg; break;
        case K_MET_ONLY: ro.met_only = 1; break;
        case K_NO_TIPS: ro.tooltips = 0; break;
        case K_EVIDENCE:
            if (ag_cli_parse_long(&cli, "--evidence", arg, 0, 100, &num) < 0)
                return AG_EXIT_USAGE;
            ro.evidence = (int)num;
            break;
        case 'q': break;
        }
    }
    if (argc - optind > 1)
        return ag_cli_usage_error(&cli, "one input graph at a time (got %d)", argc - optind);
    in_path = optind < argc ? argv[optind] : NULL;
    if (ag_cli_check_outputs(&cli, &out_path, 1, &in_path, 1) != 0)
        return AG_EXIT_USAGE;
    if (!fmt_set && out_path && (ro.format = ag_format_from_path(out_path)) == AG_FMT_AUTO) {
        /* "-o graph.bmp" must not quietly produce SVG under that name. */
        const char *base = strrchr(out_path, '/'), *dot = strrchr(base ? base : out_path, '.');
        if (dot && strcmp(out_path, "-") != 0)
            return ag_cli_usage_error(&cli, "%s: unknown output format '%s'; use -f FORMAT",
                                      out_path, dot + 1);
        ro.format = AG_FMT_SVG;
    }
    picture = ro.format == AG_FMT_SVG || ro.format == AG_FMT_PNG || ro.format == AG_FMT_PDF;
    if ((ro.format == AG_FMT_PNG || ro.format == AG_FMT_PDF) && !out_path && isatty(1))
        return ag_cli_usage_error(&cli, "not writing %s to a terminal; use -o FILE",
                                  ag_format_name(ro.format));
    if (!picture && !top_set)
        ro.top = 0; /* data formats keep every actor unless asked */
    if (!ro.title && in_path && strcmp(in_path, "-") != 0)
        ro.title = title_from(in_path, title, sizeof title);
    wo.title = ro.title;
    if (!(g = ag_graph_read(in_path, AG_FMT_AUTO, NULL, &err)))
        goto out;
    if (!picture && (ro.met_only || ro.top > 0)) {
        if (!(sel = ag_render_select(g, &ro, &err)))
            goto out;
        ag_graph_free(g), g = sel;
    }
    if (ro.format == AG_FMT_CSV) {
        if (ag_graph_write_csv(g, out_path ? out_path : "graph", &err) < 0)
            goto out;
    } else {
        if (ag_output_open(&out, out_path, &err) < 0 ||
            (picture ? ag_render_picture(g, out.fp, &ro, &err)
             : ro.format == AG_FMT_DOT ? ag_render_dot(g, out.fp, &ro, &err)
                                       : ag_graph_write(g, ro.format, out.fp, &wo, &err)) < 0 ||
            ag_output_commit(&out, &err) < 0)
            goto out;
    }
    rc = AG_EXIT_OK;
out:
    ag_output_abort(&out);
    ag_graph_free(g);
    if (rc != AG_EXIT_OK)
        return ag_cli_fail(&cli, &err);
    return ag_cli_finish_stdout(&cli, rc);
}
