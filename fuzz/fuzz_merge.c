/*
 * fuzz_merge.c - libFuzzer harness for ag-merge's side of the keyed records (extract_acc.c
 * and merge.c): the record scanner, combining, the record writer and resolution.
 *
 * Input: one control byte, then the content of a keyed record file. Control bits:
 *   bit 0     0: combine and write keyed records (ag_merge_keyed), 1: the graph
 *   bit 1     the streaming reducer (--sorted) instead of the all-in-memory merge
 * Invariant of the records written: read back, they combine into themselves (the writer
 * writes what the scanner reads, escapes and all, and combining is idempotent on one
 * merge's output). ag_merge_* take paths, so the content is written to a file in a
 * private temporary directory (removed at exit).
 */
#include <actorgraph/extract/merge.h>

#include <unistd.h>

#include "common.h"

static char dir[64];        /* private temporary directory */
static char in_path[128];   /* DIR/in.keyed */
static char back_path[128]; /* DIR/back.keyed: the records written, read back */

static void cleanup(void)
{
    unlink(in_path);
    unlink(back_path);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    ag_fuzz_tmpdir(dir, sizeof dir, "fuzz_merge");
    snprintf(in_path, sizeof in_path, "%s/in.keyed", dir);
    snprintf(back_path, sizeof back_path, "%s/back.keyed", dir);
    atexit(cleanup);
    return 0;
}

/* Keyed records of path into a malloc'ed buffer (*len bytes), or NULL after an error. */
static char *merge_keyed(const char *path, int sorted, size_t *len)
{
    ag_error err;
    char *buf = NULL;
    FILE *mem = open_memstream(&buf, len);
    if (!mem)
        abort();
    ag_error_clear(&err);
    int rc = ag_merge_keyed(&path, 1, sorted, NULL, mem, &err);
    fclose(mem);
    if (rc < 0) {
        ag_fuzz_check_error(&err);
        free(buf);
        return NULL;
    }
    return buf;
}

static int write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    int ok = fwrite(data, 1, size, f) == size;
    if (fclose(f) != 0 || !ok)
        abort(); /* the harness's own temporary file: nothing to learn from this */
    return 0;
}

static int run_one(const uint8_t *data, size_t size)
{
    const char *path = in_path;
    if (size < 1)
        return 0;
    unsigned ctl = data[0];
    int sorted = (ctl >> 1) & 1;
    write_file(in_path, data + 1, size - 1);
    if (ctl & 1) {
        ag_error err;
        ag_error_clear(&err);
        ag_graph *g = ag_merge_graph(&path, 1, NULL, &err);
        if (!g) {
            ag_fuzz_check_error(&err);
        } else {
            ag_fuzz_roundtrip(g, AG_FMT_JSON);
            ag_graph_free(g);
        }
    } else {
        size_t len, len2;
        char *out = merge_keyed(in_path, sorted, &len);
        if (out) {
            /* The all-in-memory merge of its own output: sorted, one record per key. */
            write_file(back_path, out, len);
            char *again = merge_keyed(back_path, 0, &len2);
            AG_FUZZ_ASSERT(again, "the records written cannot be read back");
            if (!sorted)
                AG_FUZZ_ASSERT(len == len2 && memcmp(out, again, len) == 0,
                               "the records written combine into other records");
            free(again);
            free(out);
        }
    }
    unlink(in_path);
    unlink(back_path);
    return 0;
}

AG_FUZZ_ENTRY(run_one)
