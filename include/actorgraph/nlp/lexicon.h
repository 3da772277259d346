/*
 * actorgraph/nlp/lexicon.h - what the recogniser knows before it reads a word of news:
 * countries, demonyms, cities, known organisations, titles and roles, organisation cue
 * words, name connectors, given names and the English common-word list.
 *
 * Ownership: an ag_lexicon is created by ag_lexicon_new and freed by ag_lexicon_free; it
 * owns every string it hands out (valid until it is freed). The loaders copy what they read.
 * Thread safety: loading mutates the lexicon and must happen before any lookup; once
 * loading is done the lexicon is read-only and may be shared by any number of threads.
 *
 * The embedded default (ag_lexicon_new with with_default = 1) needs no file at run time:
 * it is generated at build time from Debian's iso-codes (countries, official and common
 * names, alpha-2/3 codes), libgeonames (world cities with their country; tzdata's
 * zone1970.tab when libgeonames is absent), wamerican (/usr/share/dict/words: lower-case
 * entries are common words) and the project's own data/ *.txt files (demonyms, alternative
 * country names, capitals, titles, organisation cues, connectors, given names, ...).
 *
 * ---------------------------------------------------------------- --dict FILE format
 * UTF-8 text, one actor per line, fields separated by TABs; '#' starts a comment line;
 * blank lines are ignored; trailing white space of a field is ignored:
 *
 *     CANONICAL <TAB> TYPE [<TAB> ALIASES [<TAB> COUNTRY]]
 *
 *   CANONICAL  the actor's name as it should appear in the graph ("Zalmay Khalilzad").
 *   TYPE       person | org | country | place (also organization, location, gpe, per),
 *              or capital: a place that is its country's national capital.
 *   ALIASES    other surface forms separated by '|' ("Khalilzad|Zal Khalilzad"); may be
 *              empty. A form written "+Pakistani" is an adjective or demonym: it refers
 *              to the actor but is not its name (reported with type "other" by
 *              `ag-extract --mentions`, since news corpora annotate it as a nationality).
 *              A form written "=GBR" is a code: it names the actor in tables and lists,
 *              but not after an article ("the GMB", "a GMB official": a union).
 *   COUNTRY    for places and organisations, the canonical name of their country.
 *
 * Matching is case-sensitive on the exact surface form (the canonical name is always a
 * form too); inside ALL-CAPS lines the recogniser also matches case-insensitively (ASCII
 * letters are folded; other letters must match exactly).
 * A later entry for an existing canonical name replaces its type and country and adds its
 * aliases; a form that already belongs to another actor is moved to the new one, so user
 * files override the embedded default.
 * Example:
 *     # my project's actors
 *     Zalmay Khalilzad	person	Khalilzad|Zal
 *     Inter-Services Public Relations	org	ISPR	Pakistan
 *
 * ---------------------------------------------------------------- --stoplist FILE format
 * UTF-8 text, one surface form or canonical name per line ('#' comments, blank lines
 * ignored, surrounding white space trimmed). A mention whose text or resolved canonical
 * name equals an entry (case-sensitive) is dropped, and the entry is removed from the
 * lexicon's forms.
 *
 * Errors name the file and line: "FILE:LINE: unknown type 'persn'".
 */
#ifndef ACTORGRAPH_LEXICON_H
#define ACTORGRAPH_LEXICON_H

#include <stddef.h>

#include <actorgraph/util/error.h>
#include <actorgraph/graph/graph.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ag_lexicon ag_lexicon;

/* Word classes returned by ag_lexicon_word_class (bit flags; a word may have several). */
enum {
    AG_LEX_COMMON = 1u << 0,    /* an ordinary English word in lower case ("senior") */
    AG_LEX_TITLE = 1u << 1,     /* a title or role word ("President", "Gen", "envoy") */
    AG_LEX_ORGCUE = 1u << 2,    /* ends or heads an organisation ("Ministry", "Party") */
    AG_LEX_CONNECTOR = 1u << 3, /* joins name parts ("bin", "al", "de", "van", "of") */
    AG_LEX_GIVEN = 1u << 4,     /* a common given name ("Mohammed", "Mike") */
    AG_LEX_NONNAME = 1u << 5,   /* capitalised but never an actor (weekdays, months) */
    AG_LEX_FUNCTION = 1u << 6,  /* a function word (the, and, but, according, ...) */
    AG_LEX_PROPER = 1u << 7     /* listed capitalised in the English word list ("Mike") */
};

/* One actor as the lexicon knows it. Strings belong to the lexicon. */
typedef struct ag_lex_actor {
    const char *name;    /* canonical name */
    ag_actor_type type;  /* person, org, country or place */
    const char *country; /* canonical country name, or NULL */
    int adjective;       /* 1 when the form looked up is an adjective/demonym ("+Afghan") */
    int capital;         /* 1 when the actor is a place that is its country's capital */
} ag_lex_actor;

/*
 * A new lexicon: with_default = 1 loads the embedded default, 0 starts empty.
 * NULL on failure (err set). Time: a few milliseconds for the default.
 */
AG_API ag_lexicon *ag_lexicon_new(int with_default, ag_error *err);
/* Free the lexicon. Accepts NULL. */
AG_API void ag_lexicon_free(ag_lexicon *lex);

/* Load a --dict file (format above). -1 on error, with err naming path:line. */
AG_API int ag_lexicon_load_dict(ag_lexicon *lex, const char *path, ag_error *err);
/* Same from memory; name is used in error messages. */
AG_API int ag_lexicon_load_dict_buffer(ag_lexicon *lex, const char *name, const char *buf,
                                       size_t len, ag_error *err);
/* Load a --stoplist file (format above). -1 on error, with err naming path:line. */
AG_API int ag_lexicon_load_stoplist(ag_lexicon *lex, const char *path, ag_error *err);
AG_API int ag_lexicon_load_stoplist_buffer(ag_lexicon *lex, const char *name, const char *buf,
                                           size_t len, ag_error *err);

/*
 * Look up a surface form s[0, len) (exact, case-sensitive; fold = 1: case-insensitive).
 * Returns 1 and fills *out when found, 0 otherwise. Average time O(len).
 */
AG_API int ag_lexicon_lookup(const ag_lexicon *lex, const char *s, size_t len, int fold,
                             ag_lex_actor *out);
/* The actor with canonical name `name` (exact), for callers that merge across documents:
 * 1 and *out filled when known, else 0. */
AG_API int ag_lexicon_find_actor(const ag_lexicon *lex, const char *name, ag_lex_actor *out);
/* 1 when s[0, len) is on a loaded stoplist. */
AG_API int ag_lexicon_stopped(const ag_lexicon *lex, const char *s, size_t len);
/* AG_LEX_* flags of the word w[0, len). Title, cue and connector classes are matched
 * case-insensitively; AG_LEX_COMMON means the lower-cased word is a dictionary word. */
AG_API unsigned ag_lexicon_word_class(const ag_lexicon *lex, const char *w, size_t len);

/* Counts, for --version style diagnostics and tests. */
AG_API size_t ag_lexicon_n_actors(const ag_lexicon *lex);
AG_API size_t ag_lexicon_n_forms(const ag_lexicon *lex);

#ifdef __cplusplus
}
#endif
#endif
