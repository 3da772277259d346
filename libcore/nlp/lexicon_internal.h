/*
 * lexicon_internal.h - what ner.c needs from the lexicon beyond the public API.
 * Never installed. All functions are read-only on the lexicon (thread-safe after loading).
 */
#ifndef AG_LEXICON_INTERNAL_H
#define AG_LEXICON_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <actorgraph/nlp/lexicon.h>

#include "util/bytes_internal.h"

/* Longest key ag__lex_* lookups accept (longer spans are never forms or titles). */
#define AG__LEX_MAXKEY 256

/*
 * Class value of the ASCII-lower-cased word lower[0, len): the AG_LEX_* flags in bits
 * 0-7, the word count of the longest gazetteer form starting with this word in bits
 * 8-15, the word count of the longest title phrase starting with it in bits 16-23.
 */
uint32_t ag__lex_class_lower(const ag_lexicon *lex, const char *lower, size_t len);
/* Bit 24 of a class value: the word starts a gazetteer form with an inner word
 * (ag__lex_inner_word) or a number in it ("Organisation for Security and Co-operation in
 * Europe", "Channel 4"), which the recogniser's spans of capitalised words stop at. */
#define AG__LEX_INNER_FORM (1u << 24)
/* Bits 25 and 26 of a class value: a given name of women, of men (data/given-gender.txt;
 * names of both have neither), which the honorific before a family name must not
 * contradict ("Mr Clinton" is not "Hillary Clinton"). */
#define AG__LEX_FEMALE (1u << 25)
#define AG__LEX_MALE (1u << 26)
/* The sex an honorific title says (AG__LEX_MALE for "Mr", "Sir", "Lord"; AG__LEX_FEMALE
 * for "Mrs", "Ms", "Miss", "Lady", "Dame", "Baroness"), or 0. */
uint32_t ag__lex_honorific_sex(const char *title);
/* w[0, n) is a lower-case word that names run across only in forms the lexicon knows:
 * "and", "for", "in", "on", "the", "upon". */
int ag__lex_inner_word(const char *w, size_t n);
/* The same, given h == ag__hash_bytes(lower, len) (the caller needed the hash already). */
uint32_t ag__lex_class_hashed(const ag_lexicon *lex, const char *lower, size_t len, uint64_t h);

/* A value that changes whenever the lexicon's content may have (each load), distinct
 * across lexicons: what the recogniser's per-thread caches of lexicon answers key on. */
uint64_t ag__lex_stamp(const ag_lexicon *lex);

/* The embedded default lexicon, built once per process on first use and shared,
 * read-only, by every caller and thread (extraction without --dict or --stoplist, and
 * the cross-article resolution, which needs word classes): building it costs tens of
 * milliseconds. Never freed; NULL with err set when it cannot be built. */
const ag_lexicon *ag__lexicon_default(ag_error *err);

/* key[0, len) is a longer organisation's name (lower case, one space between words) and
 * the name after its first n bytes and a space a shorter one's, a complete name of an
 * institution ("university of chile", "bank of japan": a head and "of"). 1 when the words
 * before it, key[0, n), are ordinary English words and no place the lexicon knows: a
 * qualifier that makes another body ("Pontifical Catholic University of Chile" is not the
 * University of Chile, the "Development Bank of Japan" not the Bank of Japan). A clip
 * leaves out its setting instead, which the context supplies: a place or a name ("US
 * Department of Justice"), or adds an article or initials ("The Bank of England", "U.S.
 * Department of Transportation"). */
int ag__lex_qualifier_words(const ag_lexicon *lex, const char *key, size_t len, size_t n);

/* 1 when w[0, n) (lower case) is a legal-form word that ends a company's name and is
 * not part of it ("corp", "inc", "plc", "ltd", "group": "Microsoft Corp" is Microsoft). */
int ag__lex_legal_form(const char *w, size_t n);
/* Company legal forms as written ("Corp", "GmbH", "Holdings"), NULL-terminated: the one
 * list both ag__lex_legal_form (AG__LEX_FORM_KEY) and the recogniser's company suffixes
 * (AG__LEX_FORM_SUFFIX) read. */
enum { AG__LEX_FORM_KEY = 1, AG__LEX_FORM_SUFFIX = 2 };
typedef struct {
    const char *form;
    unsigned flags;
} ag__lex_legal_form_word;
extern const ag__lex_legal_form_word ag__lex_legal_forms[];

/* 1 when a stoplist has entries (else ag_lexicon_stopped is 0 for everything). */
int ag__lex_has_stoplist(const ag_lexicon *lex);

/* Like ag_lexicon_lookup, but returns the form's value (a handle for ag__lex_fill)
 * instead of filling an ag_lex_actor: 1 when found. A value with AG__LEX_FORM_CODE set
 * is a code form (written "=GMB" in the dictionary: a country's alpha-3 code). */
#define AG__LEX_FORM_CODE 0x40000000u
int ag__lex_lookup_val(const ag_lexicon *lex, const char *s, size_t len, int fold, uint32_t *val);
/* Fill *out from a value returned by ag__lex_lookup_val. */
void ag__lex_fill(const ag_lexicon *lex, uint32_t val, ag_lex_actor *out);

/* ASCII lower-casing copy of s[0, len) into buf (len < AG__LEX_MAXKEY); returns len.
 * Inline because the recogniser calls it for nearly every token with short words, where
 * the call costs as much as the loop. */
static inline size_t ag__lex_lower(const char *s, size_t len, char *buf)
{
    ag__bytes_copy(s, len, buf, 1);
    return len;
}

#endif
