/*
 * actorgraph.h - the whole public API in one include. Each module's header says what it
 * does and who owns what; the folders name the layers, lowest first:
 *
 *   util/     errors (ag_error: file:line:col and a message), the library version
 *   graph/    the graph model and its attributes; the visual encoding (style.h)
 *   io/       reading every format, writing the data formats, atomic output files
 *   nlp/      text splitting, the lexicon, the named-actor recogniser
 *   extract/  articles to an actor graph; shards merged (merge.h)
 *   analyze/  centralities, communities, filters, the summary report
 *   render/   styled DOT, pictures, and ag_graph_write for every single-stream format
 */
#ifndef ACTORGRAPH_H
#define ACTORGRAPH_H

#include <actorgraph/version.h>
#include <actorgraph/util/error.h>
#include <actorgraph/graph/graph.h>
#include <actorgraph/graph/style.h>
#include <actorgraph/io/io.h>
#include <actorgraph/nlp/text.h>
#include <actorgraph/nlp/lexicon.h>
#include <actorgraph/nlp/ner.h>
#include <actorgraph/extract/extract.h>
#include <actorgraph/extract/merge.h>
#include <actorgraph/analyze/analyze.h>
#include <actorgraph/render/render.h>

#endif
