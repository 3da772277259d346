/*
 * fuzz_reader.c - libFuzzer harness for one graph reader, chosen at build time:
 * fuzz/CMakeLists.txt compiles this file once per format with AG_FUZZ_FORMAT set to
 * AG_FMT_JSON (json_read.c), AG_FMT_GRAPHML (graphml_read.c, libxml2), AG_FMT_DOT (dot_read.c,
 * cgraph), AG_FMT_GML (gml_read.c) or AG_FMT_AUTO (sniffing in io.c, then whichever reader it
 * picks). Any byte string must give a graph or a proper error; see common.h for the checks.
 */
#include "common.h"

#ifndef AG_FUZZ_FORMAT
#error "compile with -DAG_FUZZ_FORMAT=AG_FMT_..."
#endif

static int run_one(const uint8_t *data, size_t size)
{
    ag_fuzz_read(data, size, AG_FUZZ_FORMAT);
    return 0;
}

AG_FUZZ_ENTRY(run_one)
