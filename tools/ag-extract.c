/*
 * ag-extract - news articles in, actor graph out. All the work is in libcore/extract/;
 * this file binds the options to ag_extract_opts and saves the result.
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include <actorgraph/extract/extract.h>
#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>

static ag_extract_opts o = AG_EXTRACT_OPTS_INIT;

/* What the command line asks for besides the library options. */
static struct {
    const char *out_path;      /* -o, NULL: stdout */
    const char *mentions_path; /* --mentions, or NULL */
    ag_format fmt;             /* -f */
    int quiet;                 /* -q */
    int keyed;                 /* --emit-keyed */
} a = {NULL, NULL, AG_FMT_AUTO, 0, 0};

static int parse_scope(const ag_cli *cli, const ag_cli_opt *opt, const char *arg)
{
    if (ag_scope_parse(arg, &o.scope, &o.window) < 0)
        return ag_cli_usage_error(cli,
                                  "unknown scope '%s' (sentence, paragraph, document, "
                                  "window:N)",
                                  arg);
    return 0;
}

/* --dict (value 0) and --stoplist (value 1): repeatable, in order. */
static int add_file(const ag_cli *cli, const ag_cli_opt *opt, const char *arg)
{
    int *n = opt->value ? &o.nstoplists : &o.ndicts;
    if (*n == AG_EXTRACT_MAX_FILES)
        return ag_cli_usage_error(cli, "too many --dict/--stoplist files");
    (opt->value ? o.stoplists : o.dicts)[(*n)++] = arg;
    return 0;
}

/* --field id=NAME, text=NAME or date=NAME. */
static int parse_field(const ag_cli *cli, const ag_cli_opt *opt, const char *arg)
{
    const char *eq = strchr(arg, '=');
    size_t n = eq ? (size_t)(eq - arg) : 0;
    const char **slot = !eq || !eq[1]                        ? NULL
                        : n == 2 && !strncmp(arg, "id", 2)   ? &o.field_id
                        : n == 4 && !strncmp(arg, "text", 4) ? &o.field_text
                        : n == 4 && !strncmp(arg, "date", 4) ? &o.field_date
                                                             : NULL;
    if (!slot)
        return ag_cli_usage_error(cli, "--field wants id=, text= or date=NAME, not '%s'", arg);
    *slot = eq + 1;
    return 0;
}

static const ag_cli_opt options[] = {
    AG_CLI_OPT_OUTPUT("write the graph to FILE (default: stdout)", &a.out_path),
    AG_CLI_OPT_FORMAT("FORMAT", "json (default), graphml, gexf, dot, gml, tsv or csv", &a.fmt),
    AG_CLI_OPT_CALL("scope", 0, "SCOPE",
                    "co-mention scope: sentence (default), paragraph, "
                    "document, window:N",
                    parse_scope, NULL, 0),
    AG_CLI_OPT_EVIDENCE("evidence records kept per link, 0-10 (default 3)", &o.evidence),
    AG_CLI_OPT_FLAG("met-only", 0, "keep only links whose actors met", &o.met_only, 1),
    AG_CLI_OPT_FLAG("no-variants", 0,
                    "do not merge spelling variants and partial names "
                    "across documents",
                    &o.variants, 0),
    AG_CLI_OPT_STRING("mentions", 0, "FILE", "also write every mention as JSON Lines to FILE",
                      &a.mentions_path),
    AG_CLI_OPT_CALL("dict", 0, "FILE", "add or override actors (repeatable; see ag-extract(1))",
                    add_file, NULL, 0),
    AG_CLI_OPT_CALL("stoplist", 0, "FILE", "drop these names (repeatable)", add_file, NULL, 1),
    AG_CLI_OPT_CALL("field", 0, "NAME=FIELD",
                    "JSON Lines field for id, text or date "
                    "(e.g. text=body)",
                    parse_field, NULL, 0),
    AG_CLI_OPT_FLAG("skip-bad", 0, "skip malformed JSON Lines records and binary text files",
                    &o.skip_bad, 1),
    AG_CLI_OPT_FLAG("emit-keyed", 0, "write unresolved key-prefixed records for ag-merge", &a.keyed,
                    1),
    AG_CLI_OPT_JOBS("worker threads (default 1)", &o.threads),
    AG_CLI_OPT_QUIET("no progress bar", &a.quiet),
    AG_CLI_OPTS_END};

static ag_cli cli = {
    .prog = "ag-extract",
    .synopsis = "[OPTION]... [FILE|DIR|-]...",
    .summary =
        "Find actors (persons, organisations, countries, places) in news articles and build\n"
        "the graph of who is mentioned with whom and who met whom. Inputs are .txt, .md or\n"
        ".html files (one article each), .jsonl/.ndjson files (one article per line) or\n"
        "directories.",
    .opts = options,
    .footer = "Example: ag-extract -j 2 news/ | ag-analyze | ag-render -f svg -o whomet.svg\n",
    .writes = AG_CLI_WRITES_DATA | AG_CLI_FMT_BIT(AG_FMT_AUTO),
    .default_format = AG_FMT_JSON,
    .format_error = "unknown or picture format",
    .format_hint = " (pictures: ag-render)"};

static ag_progress bar;

static void on_progress(void *ctx, unsigned long long docs, unsigned long long bytes,
                        unsigned long long total)
{
    (void)ctx;
    bar.total_bytes = total;
    ag_progress_update(&bar, docs, bytes);
}

int main(int argc, char **argv)
{
    static const char *stdin_only[] = {"-"};
    int rc;
    ag_error err;
    ag_output out = {0}, mout = {0};
    ag_extract_stats stats = {0};
    ag_graph *g = NULL;

    ag_cli_init(&cli);
    ag_cli_return_memory();
    ag_error_clear(&err);
    if ((rc = ag_cli_parse(&cli, argc, argv)) >= 0)
        return rc;
    if (a.keyed && a.fmt != AG_FMT_AUTO && a.fmt != AG_FMT_JSON)
        return ag_cli_usage_error(&cli,
                                  "--emit-keyed writes ag-merge's keyed records; -f %s "
                                  "does not apply (convert after ag-merge)",
                                  ag_format_name(a.fmt));
    const char *const *inputs = cli.nargs ? (const char *const *)cli.args : stdin_only;
    size_t ninputs = cli.nargs ? (size_t)cli.nargs : 1;
    const char *outs[] = {a.out_path, a.mentions_path};
    if (ag_cli_check_outputs(&cli, outs, 2, inputs, ninputs) != 0)
        return AG_EXIT_USAGE;
    if (!a.keyed && (rc = ag_cli_output(&cli, a.out_path, &a.fmt)) >= 0)
        return rc;
    rc = AG_EXIT_FAIL;
    /* Keyed records stream to stdout while the articles are read: on a terminal, or
     * through a pipe to one (ag-extract --emit-keyed | head), a progress line would
     * land in the middle of them. */
    struct stat st;
    int streams = a.keyed && (!a.out_path || strcmp(a.out_path, "-") == 0) &&
                  !(fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode));
    ag_progress_init(&bar, cli.prog, 0, a.quiet || streams);
    o.progress = on_progress;
    if (a.mentions_path && ag_output_open(&mout, a.mentions_path, &err) < 0)
        goto out;
    o.mentions = mout.fp;
    if (a.keyed) {
        /* Keyed records stream out while the articles are read. */
        if (ag_output_open(&out, a.out_path, &err) < 0 ||
            ag_extract_keyed(inputs, ninputs, &o, out.fp, &stats, &err) < 0)
            goto out;
    } else if (!(g = ag_extract_graph(inputs, ninputs, &o, &stats, &err))) {
        goto out;
    }
    ag_progress_done(&bar);
    if (stats.skipped)
        fprintf(stderr, "%s: skipped %llu malformed record(s) or binary file(s)\n", cli.prog,
                stats.skipped);
    if (stats.repeats)
        fprintf(stderr, "%s: counted %llu repeated document(s) once (same id and text)\n", cli.prog,
                stats.repeats);
    /* The mentions first: a graph on disk promises that they were written too. */
    if ((a.mentions_path && ag_output_commit(&mout, &err) < 0) ||
        (a.keyed ? ag_output_commit(&out, &err) : ag_graph_save(g, a.out_path, a.fmt, NULL, &err)) <
            0)
        goto out;
    rc = AG_EXIT_OK;
out:
    ag_progress_done(&bar);
    ag_output_abort(&out);
    ag_output_abort(&mout);
    ag_graph_free(g);
    if (rc != AG_EXIT_OK)
        return ag_cli_fail(&cli, &err);
    return ag_cli_finish_stdout(&cli, rc);
}
