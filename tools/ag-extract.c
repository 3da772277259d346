/*
 * ag-extract - news articles in, actor graph out. All the work is in libcore/extract*.c;
 * this file maps options onto ag_extract_opts and writes the result atomically.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include <actorgraph/extract/extract.h>
#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>

enum { K_SCOPE = 256, K_EVIDENCE, K_MET_ONLY, K_NO_VARIANTS, K_MENTIONS, K_DICT, K_STOPLIST,
       K_FIELD, K_SKIP_BAD, K_EMIT_KEYED };

static const ag_cli_opt options[] = {
    {"output", 'o', "FILE", "write the graph to FILE (default: stdout)"},
    {"format", 'f', "FORMAT", "json (default), graphml, gexf, dot, gml, tsv or csv"},
    {"scope", K_SCOPE, "SCOPE", "co-mention scope: sentence (default), paragraph, document, window:N"},
    {"evidence", K_EVIDENCE, "N", "evidence records kept per link, 0-10 (default 3)"},
    {"met-only", K_MET_ONLY, NULL, "keep only links whose actors met"},
    {"no-variants", K_NO_VARIANTS, NULL, "do not merge spelling variants and partial names across documents"},
    {"mentions", K_MENTIONS, "FILE", "also write every mention as JSON Lines to FILE"},
    {"dict", K_DICT, "FILE", "add or override actors (repeatable; see ag-extract(1))"},
    {"stoplist", K_STOPLIST, "FILE", "drop these names (repeatable)"},
    {"field", K_FIELD, "NAME=FIELD", "JSON Lines field for id, text or date (e.g. text=body)"},
    {"skip-bad", K_SKIP_BAD, NULL, "skip malformed JSON Lines records and binary text files"},
    {"emit-keyed", K_EMIT_KEYED, NULL, "write unresolved key-prefixed records for ag-merge"},
    {"jobs", 'j', "N", "worker threads (default 1)"},
    {"quiet", 'q', NULL, "no progress bar"},
    AG_CLI_COMMON_OPTS};

static ag_cli cli = {
    .prog = "ag-extract",
    .synopsis = "[OPTION]... [FILE|DIR|-]...",
    .summary = "Find actors (persons, organisations, countries, places) in news articles and build\n"
    "the graph of who is mentioned with whom and who met whom. Inputs are .txt/.md files\n"
    "(one article each), .jsonl/.ndjson files (one article per line) or directories.",
    .opts = options,
    .footer = "Example: ag-extract -j 2 news/ | ag-analyze | ag-render -f svg -o whomet.svg\n"};

static ag_progress bar;

static void on_progress(void *ctx, unsigned long long docs, unsigned long long bytes,
                        unsigned long long total)
{
    (void)ctx;
    bar.total_bytes = total;
    ag_progress_update(&bar, docs, bytes);
}

static int set_field(ag_extract_opts *o, const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq || !eq[1])
        return -1;
    size_t n = (size_t)(eq - arg);
    const char **slot = n == 2 && !strncmp(arg, "id", 2)     ? &o->field_id
                        : n == 4 && !strncmp(arg, "text", 4) ? &o->field_text
                        : n == 4 && !strncmp(arg, "date", 4) ? &o->field_date
                                                             : NULL;
    if (slot)
        *slot = eq + 1;
    return slot ? 0 : -1;
}

/* What the command line asks for besides the library options. */
typedef struct args {
    const char *out_path;      /* -o, NULL: stdout */
    const char *mentions_path; /* --mentions, or NULL */
    ag_format fmt;             /* -f */
    int quiet;                 /* -q */
    int keyed;                 /* --emit-keyed */
} args;

/* Fill o and a from the options; returns -1 to go on, or an exit status. */
static int parse(int argc, char **argv, ag_extract_opts *o, args *a)
{
    const char *arg;
    long num;
    int key;
    while ((key = ag_cli_getopt(&cli, argc, argv, &arg)) != -1) {
        switch (key) {
        case 'o': a->out_path = arg; break;
        case 'f':
            if (ag_format_parse(arg, &a->fmt) < 0 || a->fmt == AG_FMT_SVG ||
                a->fmt == AG_FMT_PNG || a->fmt == AG_FMT_PDF)
                return ag_cli_usage_error(&cli, "unknown or picture format '%s' (pictures: ag-render)", arg);
            break;
        case K_SCOPE:
            if (ag_scope_parse(arg, &o->scope, &o->window) < 0)
                return ag_cli_usage_error(&cli, "invalid scope '%s'", arg);
            break;
        case K_EVIDENCE:
            if (ag_cli_parse_long(&cli, "--evidence", arg, 0, 10, &num) < 0)
                return AG_EXIT_USAGE;
            o->evidence = (int)num;
            break;
        case 'j':
            if (ag_cli_parse_long(&cli, "--jobs", arg, 1, 256, &num) < 0)
                return AG_EXIT_USAGE;
            o->threads = (int)num;
            break;
        case K_MET_ONLY: o->met_only = 1; break;
        case K_NO_VARIANTS: o->variants = 0; break;
        case K_MENTIONS: a->mentions_path = arg; break;
        case K_DICT:
        case K_STOPLIST:
            if ((key == K_DICT ? o->ndicts : o->nstoplists) == AG_EXTRACT_MAX_FILES)
                return ag_cli_usage_error(&cli, "too many --dict/--stoplist files");
            if (key == K_DICT) o->dicts[o->ndicts++] = arg;
            else o->stoplists[o->nstoplists++] = arg;
            break;
        case K_FIELD:
            if (set_field(o, arg) < 0)
                return ag_cli_usage_error(&cli, "--field wants id=, text= or date=NAME, not '%s'", arg);
            break;
        case K_SKIP_BAD: o->skip_bad = 1; break;
        case K_EMIT_KEYED: a->keyed = 1; break;
        case 'q': a->quiet = 1; break;
        }
    }
    if (a->keyed && a->fmt != AG_FMT_AUTO && a->fmt != AG_FMT_JSON)
        return ag_cli_usage_error(&cli, "--emit-keyed writes ag-merge's keyed records; -f %s "
                                        "does not apply (convert after ag-merge)",
                                  ag_format_name(a->fmt));
    if (a->fmt == AG_FMT_AUTO && (!a->out_path ||
                                  (a->fmt = ag_format_from_path(a->out_path)) == AG_FMT_AUTO))
        a->fmt = AG_FMT_JSON;
    return -1;
}

int main(int argc, char **argv)
{
    ag_extract_opts o = AG_EXTRACT_OPTS_INIT;
    args a = {NULL, NULL, AG_FMT_AUTO, 0, 0};
    const char *stdin_only[] = {"-"};
    int rc = AG_EXIT_FAIL, csv;
    ag_error err;
    ag_output out = {0}, mout = {0};
    ag_extract_stats stats = {0};
    ag_graph *g = NULL;

    ag_cli_init(&cli);
    ag_error_clear(&err);
    if ((rc = parse(argc, argv, &o, &a)) >= 0)
        return rc;
    const char *const *inputs = optind < argc ? (const char *const *)argv + optind : stdin_only;
    size_t ninputs = optind < argc ? (size_t)(argc - optind) : 1;
    const char *outs[] = {a.out_path, a.mentions_path};
    if (ag_cli_check_outputs(&cli, outs, 2, inputs, ninputs) != 0)
        return AG_EXIT_USAGE;
    rc = AG_EXIT_FAIL;
    csv = a.fmt == AG_FMT_CSV && !a.keyed;
    ag_progress_init(&bar, cli.prog, 0, a.quiet);
    o.progress = on_progress;
    if (a.mentions_path && ag_output_open(&mout, a.mentions_path, &err) < 0)
        goto out;
    o.mentions = mout.fp;
    if (!csv && ag_output_open(&out, a.out_path, &err) < 0)
        goto out;
    if (a.keyed) {
        if (ag_extract_keyed(inputs, ninputs, &o, out.fp, &stats, &err) < 0)
            goto out;
    } else if (!(g = ag_extract_graph(inputs, ninputs, &o, &stats, &err)) ||
               (csv ? ag_graph_write_csv(g, a.out_path ? a.out_path : "graph", &err)
                    : ag_graph_write(g, a.fmt, out.fp, NULL, &err)) < 0) {
        goto out;
    }
    ag_progress_done(&bar);
    if (stats.skipped)
        fprintf(stderr, "%s: skipped %llu malformed record(s) or binary file(s)\n", cli.prog,
                stats.skipped);
    if (stats.repeats)
        fprintf(stderr, "%s: counted %llu repeated document(s) once (same id and text)\n",
                cli.prog, stats.repeats);
    if ((a.mentions_path && ag_output_commit(&mout, &err) < 0) ||
        (!csv && ag_output_commit(&out, &err) < 0))
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
