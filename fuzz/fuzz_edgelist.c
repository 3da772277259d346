/*
 * fuzz_edgelist.c - libFuzzer harness: the TSV and CSV edge-list reader (edgelist.c).
 * Every input is read both ways, since the two share the line splitter but differ in
 * quoting (CSV) and escapes (TSV). See common.h for the checks.
 */
#include "common.h"

static int run_one(const uint8_t *data, size_t size)
{
    ag_fuzz_read(data, size, AG_FMT_TSV);
    ag_fuzz_read(data, size, AG_FMT_CSV);
    return 0;
}

AG_FUZZ_ENTRY(run_one)
