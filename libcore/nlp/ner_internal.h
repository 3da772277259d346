/*
 * ner_internal.h - the recogniser's tokens, for the extractor's meeting patterns. Never
 * installed.
 *
 * Why: the meeting patterns look at the words of a sentence around its mentions. The
 * recogniser has just tokenised every sentence, so reading its tokens spares a second
 * tokeniser (and a second pass over the bytes), and both agree on what a word is ("U.S.",
 * "Mr.", a possessive 's).
 *
 * Ownership: the tokens belong to the ag_mentions that recognised the document; they stay
 * valid until the next ag_ner_document, ag__ner_sentence_tokens, ag_mentions_clear or
 * ag_mentions_destroy on it.
 */
#ifndef AG_NER_INTERNAL_H
#define AG_NER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <actorgraph/nlp/lexicon.h>
#include <actorgraph/nlp/ner.h>
#include <actorgraph/nlp/text.h>

enum {
    AG__T_CAP = 1 << 0,     /* first letter upper case */
    AG__T_ALLCAPS = 1 << 1, /* every letter upper case (and at least one letter) */
    AG__T_LOWER = 1 << 2,   /* first letter lower case */
    AG__T_DIGIT = 1 << 3,   /* contains a digit */
    AG__T_WORD = 1 << 4,    /* contains a letter */
    AG__T_PUNCT = 1 << 5,   /* a punctuation character */
    AG__T_POSS = 1 << 6,    /* a possessive 's */
    AG__T_HYPHEN = 1 << 7,  /* contains an inner hyphen */
    AG__T_FIRST = 1 << 8,   /* first word of its sentence (after opening quotes/brackets) */
    AG__T_DOTTED = 1 << 9,  /* dotted abbreviation ("U.S.") or initial ("J.") */
    AG__T_USED = 1 << 10,   /* consumed by a mention already */
    AG__T_ABBR = 1 << 11,   /* a title abbreviation with its period ("Mr.", "Gen."): the period
                             * is part of the token but not of the word */
    AG__T_GRAM = 1 << 12,   /* gram is filled in (see tok_in) */
    AG__T_RARE = 1 << 13,   /* a word the tokeniser read past its ASCII letters and digits:
                             * only such a word may hold an apostrophe, a hyphen or a
                             * non-ASCII character */
    AG__T_NL = 1 << 14,     /* a line break between the token before and this one (no
                             * token holds one) */
    AG__T_MARKUP = 1 << 15  /* a tag's bracket, '<' or '>', between the token before and
                             * this one: markup the tokeniser skipped */
};

typedef struct ag__tok {
    size_t s, e;    /* byte span */
    uint32_t flags; /* AG__T_* */
    uint32_t cls;   /* lexicon class value of the lower-cased word */
    uint32_t sent;  /* sentence index */
    int32_t punct;  /* the code point of a punctuation token, else 0 */
    /* match_form's last exact-case answer for this token (spans ask it several times): */
    uint32_t mf_te;  /* the span end it was asked with + 1, 0 when not asked yet */
    uint32_t mf_val; /* the form's value (ag__lex_lookup_val) when mf_len > 0 */
    /* match_title's last answer, likewise (strip_titles and do_span ask it again): */
    uint32_t mt_te; /* the span end it was asked with + 1, 0 when not asked yet */
    uint8_t mf_len; /* words of the form matched, 0 for none (forms are under 256 words) */
    uint8_t mt_len; /* words of the title matched, 0 for none */
    uint16_t gram;  /* G_* lists the word is in, valid once AG__T_GRAM is set (see tok_in) */
} ag__tok;

/*
 * The first tokens, at most max, of sentence si of the document the last ag_ner_document
 * call on m recognised (text, sents and lex as given to it): sets *toks to the first and *n
 * to their number, in text order. A document too long for its tokens to be kept (ner.c's
 * TOKEN_LIMIT) has the sentence tokenised again, into the same scratch memory. Returns 0,
 * or -1 when out of memory. Time: O(log tokens) when kept, else O(sentence length, up to
 * max tokens); memory: at most max tokens beyond the recogniser's own.
 */
int ag__ner_sentence_tokens(ag_mentions *m, const ag_lexicon *lex, const char *text,
                            const ag_sentence *sents, size_t si, size_t max, const ag__tok **toks,
                            size_t *n);

#endif
