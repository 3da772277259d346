/*
 * ag-render - draw an actor graph (SVG, PNG, PDF laid out by Graphviz) or export it
 * (styled DOT, GraphML, GEXF, JSON, GML, TSV, CSV). The work is in libcore/render/ and
 * the format writers; this file binds the options to ag_render_opts.
 */
#include <string.h>

#include "cli.h"
#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>

static ag_render_opts ro = AG_RENDER_OPTS_INIT;
static ag_write_opts wo = AG_WRITE_OPTS_INIT; /* data formats: ro.write */

static struct {
    const char *out_path; /* -o, NULL: stdout */
    ag_format fmt;        /* -f */
    long top;             /* --top, -1: not given (pictures 60, data formats all) */
} a = {NULL, AG_FMT_AUTO, -1};

static int parse_layout(const ag_cli *cli, const ag_cli_opt *opt, const char *arg)
{
    if (!ag_render_layout_known(arg))
        return ag_cli_usage_error(cli,
                                  "unknown layout '%s' (sfdp, neato, fdp, dot, circo, "
                                  "twopi)",
                                  arg);
    ro.layout = arg;
    return 0;
}

static int parse_color_by(const ag_cli *cli, const ag_cli_opt *opt, const char *arg)
{
    if (strcmp(arg, "community") && strcmp(arg, "type"))
        return ag_cli_usage_error(cli, "--color-by takes community or type, not '%s'", arg);
    ro.color_by = arg[0] == 'c' ? AG_RENDER_COLOR_COMMUNITY : AG_RENDER_COLOR_TYPE;
    return 0;
}

static int parse_gexf_version(const ag_cli *cli, const ag_cli_opt *opt, const char *arg)
{
    if (strcmp(arg, "1.3") && strcmp(arg, "1.2"))
        return ag_cli_usage_error(cli, "--gexf-version takes 1.3 or 1.2, not '%s'", arg);
    wo.gexf_version = arg[2] == '2' ? AG_GEXF_1_2 : AG_GEXF_1_3;
    return 0;
}

static int parse_links_key(const ag_cli *cli, const ag_cli_opt *opt, const char *arg)
{
    if (strcmp(arg, "links") && strcmp(arg, "edges"))
        return ag_cli_usage_error(cli, "--links-key takes links or edges, not '%s'", arg);
    wo.links_key = arg;
    return 0;
}

static const ag_cli_opt options[] = {
    AG_CLI_OPT_OUTPUT("write to FILE (default: stdout); its extension picks the format",
                      &a.out_path),
    AG_CLI_OPT_FORMAT("FORMAT",
                      "svg (default), png, pdf, html, dot, graphml, gexf, json, gml, "
                      "tsv, csv, neo4j",
                      &a.fmt),
    AG_CLI_OPT_CALL("layout", 0, "ENGINE",
                    "sfdp, neato, fdp, dot, circo or twopi (default: "
                    "neato up to 100 actors, else sfdp)",
                    parse_layout, NULL, 0),
    AG_CLI_OPT_LONG("top", 0, "N",
                    "draw the N actors ranked highest (pictures: 60, page: "
                    "all; 0: all)",
                    &a.top, 0, 1000000000L),
    AG_CLI_OPT_STRING("size-by", 0, "MEASURE",
                      "node size and ranking (default: pagerank, "
                      "else degree)",
                      &ro.size_by),
    AG_CLI_OPT_CALL("color-by", 0, "RULE", "community (default when present) or type",
                    parse_color_by, NULL, 0),
    AG_CLI_OPT_STRING("title", 0, "TEXT",
                      "title of the picture (default: the graph's title or "
                      "corpus attribute, else \"Who met whom\")",
                      &ro.title),
    AG_CLI_OPT_STRING("caption", 0, "TEXT", "a source line under the picture", &ro.caption),
    AG_CLI_OPT_INT("dpi", 0, "N", "PNG resolution in dots per inch (default 96)", &ro.dpi, 36, 600),
    AG_CLI_OPT_INT("width", 0, "PX",
                   "PNG width in pixels, the drawing scaled to it (default: "
                   "at most 1280 at 96 dpi)",
                   &ro.width, 100, 10000),
    AG_CLI_OPT_FLAG("positions", 0,
                    "data formats: lay out as the picture and write each "
                    "actor's x and y",
                    &ro.positions, 1),
    AG_CLI_OPT_FLAG("met-only", 0, "keep only links between actors who met (who met whom)",
                    &ro.met_only, 1),
    AG_CLI_OPT_FLAG("no-tooltips", 0, "leave out the SVG/DOT tooltips", &ro.tooltips, 0),
    AG_CLI_OPT_EVIDENCE("evidence sentences per link tooltip (default 3)", &ro.evidence),
    AG_CLI_OPT_CALL("gexf-version", 0, "V",
                    "GEXF written: 1.3 (default) or 1.2 (networkx 2, "
                    "older Gephi)",
                    parse_gexf_version, NULL, 0),
    AG_CLI_OPT_CALL("links-key", 0, "KEY",
                    "node-link JSON link list: links (default) or edges "
                    "(networkx >= 3.6 default)",
                    parse_links_key, NULL, 0),
    AG_CLI_OPT_FLAG("gml-alnum-keys", 0, "GML keys of letters and digits only (graph-tool)",
                    &wo.gml_alnum_keys, 1),
    AG_CLI_OPT_FLAG("dot-plain", 0, "DOT with data only, no styling (graph-tool, pydot)",
                    &wo.dot_plain, 1),
    AG_CLI_OPT_QUIET("accepted for symmetry; ag-render shows no progress", NULL),
    AG_CLI_OPTS_END};

static ag_cli cli = {
    .prog = "ag-render",
    .synopsis = "[OPTION]... [FILE]",
    .summary = "Draw an actor graph (from ag-analyze, or any format ag-analyze reads) as a\n"
               "picture laid out by Graphviz, or export it for Graphviz, Gephi and scripts.",
    .opts = options,
    .footer = "Example: ag-extract news/ | ag-analyze | ag-render --met-only -o whomet.svg\n",
    .writes = AG_CLI_WRITES_DATA | AG_CLI_WRITES_PICTURES,
    .default_format = AG_FMT_SVG,
    .format_error = "unknown format"};

/* LeakSanitizer (sanitizer builds): Graphviz's plugin loader, fontconfig, pango, cairo and
 * glib keep process-lifetime caches that are never freed; they are not our leaks. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\nleak:libgvplugin_\nleak:libfontconfig.so\nleak:libpango\n"
           "leak:libcairo.so\nleak:libglib-2.0.so\nleak:libgobject-2.0.so\n";
}
const char *__lsan_default_options(void);
const char *__lsan_default_options(void) { return "print_suppressions=0"; }

int main(int argc, char **argv)
{
    const char *in_path;
    int rc, picture, page;
    ag_error err;
    ag_graph *g = NULL, *sel = NULL;

    ag_cli_init(&cli);
    ag_error_clear(&err);
    if ((rc = ag_cli_parse(&cli, argc, argv)) >= 0)
        return rc;
    if (cli.nargs > 1)
        return ag_cli_usage_error(&cli, "one input graph at a time (got %d)", cli.nargs);
    in_path = cli.nargs ? cli.args[0] : NULL;
    if (ag_cli_check_outputs(&cli, &a.out_path, 1, &in_path, 1) != 0)
        return AG_EXIT_USAGE;
    if ((rc = ag_cli_output(&cli, a.out_path, &a.fmt)) >= 0)
        return rc;
    rc = AG_EXIT_FAIL;
    picture = a.fmt == AG_FMT_SVG || a.fmt == AG_FMT_PNG || a.fmt == AG_FMT_PDF;
    page = a.fmt == AG_FMT_HTML; /* every actor by default, refused past its limit */
    /* Pictures draw the top 60 unless asked; data formats keep every actor. */
    ro.top = a.top >= 0 ? a.top : picture ? ro.top : 0;
    if ((ro.dpi || ro.width) && a.fmt != AG_FMT_PNG)
        return ag_cli_usage_error(&cli, "--dpi and --width are for PNG pictures (-f png)");
    if (ro.caption && !picture)
        return ag_cli_usage_error(&cli, "--caption is for pictures (svg, png, pdf)");
    if (ro.positions && (picture || page || a.fmt == AG_FMT_TSV))
        return ag_cli_usage_error(&cli, "--positions is for the data formats with actors "
                                        "(gexf, graphml, json, gml, dot, csv, neo4j)");
    if (!(g = ag_graph_read(in_path, AG_FMT_AUTO, NULL, &err)))
        goto out;
    /* A picture selects while it draws; a data format is written as selected. */
    if (!picture && !page && (ro.met_only || ro.top > 0)) {
        if (!(sel = ag_render_select(g, &ro, &err)))
            goto out;
        ag_graph_free(g), g = sel;
    }
    ro.write = &wo;
    if (ag_graph_save(g, a.out_path, a.fmt, &ro, &err) < 0)
        goto out;
    rc = AG_EXIT_OK;
out:
    ag_graph_free(g);
    if (rc != AG_EXIT_OK)
        return ag_cli_fail(&cli, &err);
    return ag_cli_finish_stdout(&cli, rc);
}
