/*
 * fuzz_extract.c - libFuzzer harness for the whole extraction (extract_*.c): reading a
 * text or JSON Lines document from a file, splitting, recognising, accumulating,
 * cross-document resolution and building the graph; or, instead of the graph, the keyed
 * records of a sharded run.
 *
 * Input: one control byte, then the file content. Control bits:
 *   bit 0     0: a .txt document (named with a date prefix, so dating runs too),
 *             1: a .jsonl file of articles
 *   bits 1-2  co-mention scope: sentence, paragraph, document, window:2
 *   bit 3     --skip-bad (malformed JSON Lines records skipped instead of failing)
 *   bit 4     keyed output (ag_extract_keyed) instead of the graph
 *   bit 5     variants off
 * ag_extract_graph takes paths, so the content is written to a file in a private
 * temporary directory (removed at exit). The default lexicon is built once and lent to
 * every run through opts.lexicon, as a long-running caller would do.
 */
#include <actorgraph/extract/extract.h>
#include <actorgraph/nlp/lexicon.h>

#include <unistd.h>

#include "common.h"

static ag_lexicon *lex;      /* the embedded default, built once */
static char dir[64];         /* private temporary directory */
static char txt_path[128];   /* DIR/2024-03-04-story.txt */
static char jsonl_path[128]; /* DIR/articles.jsonl */

static void cleanup(void)
{
    unlink(txt_path);
    unlink(jsonl_path);
    rmdir(dir);
    ag_lexicon_free(lex);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    ag_error err;

    ag_fuzz_tmpdir(dir, sizeof dir, "fuzz_extract");
    snprintf(txt_path, sizeof txt_path, "%s/2024-03-04-story.txt", dir);
    snprintf(jsonl_path, sizeof jsonl_path, "%s/articles.jsonl", dir);
    ag_error_clear(&err);
    if (!(lex = ag_lexicon_new(1, &err))) {
        fprintf(stderr, "fuzz_extract: cannot build the default lexicon: %s\n", err.msg);
        abort();
    }
    atexit(cleanup);
    return 0;
}

static int write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    int ok;
    if (!f)
        return -1;
    ok = fwrite(data, 1, size, f) == size;
    return fclose(f) == 0 && ok ? 0 : -1;
}

static int run_one(const uint8_t *data, size_t size)
{
    static const ag_scope scopes[] = {AG_SCOPE_SENTENCE, AG_SCOPE_PARAGRAPH, AG_SCOPE_DOCUMENT,
                                      AG_SCOPE_WINDOW};
    ag_extract_opts opts = AG_EXTRACT_OPTS_INIT;
    ag_extract_stats stats;
    ag_error err;
    const char *path;
    unsigned ctl;

    if (size < 1)
        return 0;
    ctl = data[0];
    path = (ctl & 1) ? jsonl_path : txt_path;
    if (write_file(path, data + 1, size - 1) < 0)
        abort(); /* the harness's own temporary file: nothing to learn from this */
    opts.scope = scopes[(ctl >> 1) & 3];
    opts.window = 2;
    opts.skip_bad = (ctl >> 3) & 1;
    opts.variants = !((ctl >> 5) & 1);
    opts.threads = 1;
    opts.lexicon = lex;

    ag_error_clear(&err);
    if ((ctl >> 4) & 1) {
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);
        if (!mem)
            abort();
        if (ag_extract_keyed(&path, 1, &opts, mem, &stats, &err) < 0)
            ag_fuzz_check_error(&err);
        fclose(mem);
        free(buf);
    } else {
        ag_graph *g = ag_extract_graph(&path, 1, &opts, &stats, &err);
        if (!g) {
            ag_fuzz_check_error(&err);
        } else {
            for (size_t i = 0; i < ag_graph_node_count(g); i++)
                AG_FUZZ_ASSERT(ag_node_id(g, i)[0] != '\0', "actor %zu has an empty name", i);
            AG_FUZZ_ASSERT(stats.documents > 0 || ag_graph_node_count(g) == 0,
                           "actors without documents");
            ag_fuzz_roundtrip(g, AG_FMT_JSON);
            ag_graph_free(g);
        }
    }
    unlink(path);
    return 0;
}

AG_FUZZ_ENTRY(run_one)
