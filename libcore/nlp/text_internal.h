/*
 * text_internal.h - inline ASCII fast paths for the text.h character helpers, shared by
 * the splitter (text.c), the recogniser (ner.c) and the input scanner (extract_input.c).
 * Never installed.
 *
 * Why: the text.h helpers are exported functions, so every call from inside the library
 * goes through the PLT; the scanners call them once per character, and news text is
 * mostly ASCII. These answer ASCII inline and defer to the exported helpers otherwise.
 */
#ifndef AG_TEXT_INTERNAL_H
#define AG_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <actorgraph/nlp/text.h>

/* w[0, n) is an abbreviation after which the sentence splitter never ends a sentence
 * ("Mr", "Gen", "St"; case-sensitive). */
int ag__text_is_abbrev(const char *w, size_t n);

/* Decode a code point that is not ASCII (the slow half of ag__dec). */
size_t ag__text_decode_slow(const char *text, size_t len, size_t pos, int32_t *cp);

static inline size_t ag__dec(const char *t, size_t len, size_t i, int32_t *cp)
{
    unsigned char ch = (unsigned char)t[i];
    if (ch < 0x80) {
        *cp = ch;
        return 1;
    }
    return ag__text_decode_slow(t, len, i, cp);
}

static inline int ag__is_upper(int32_t cp)
{
    return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : ag_text_is_upper(cp);
}

static inline int ag__is_lower(int32_t cp)
{
    return cp < 0x80 ? (cp >= 'a' && cp <= 'z') : ag_text_is_lower(cp);
}

static inline int ag__is_letter(int32_t cp)
{
    return cp < 0x80 ? ((unsigned)(cp | 32) - 'a' < 26u) : ag_text_is_letter(cp);
}

static inline int ag__is_digit(int32_t cp)
{
    return cp < 0x80 ? (cp >= '0' && cp <= '9') : ag_text_is_digit(cp);
}

static inline int ag__is_space(int32_t cp)
{
    return cp < 0x80 ? (cp == ' ' || (cp >= '\t' && cp <= '\r')) : ag_text_is_space(cp);
}

/* Word-at-a-time byte tests, for skipping runs of plain ASCII eight bytes per step. A
 * nonzero result means some byte of w qualifies (which one is left to a byte loop); they
 * never miss a qualifying byte, which is all the skipping loops rely on. */
#define AG__SWAR_ONES 0x0101010101010101ull
#define AG__SWAR_HIGHS 0x8080808080808080ull

static inline uint64_t ag__swar_load(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* Some byte of w equals c. */
static inline uint64_t ag__swar_has(uint64_t w, unsigned char c)
{
    uint64_t v = w ^ (AG__SWAR_ONES * c);
    return (v - AG__SWAR_ONES) & ~v & AG__SWAR_HIGHS;
}

/* Some byte of w is below n (n <= 0x80). */
static inline uint64_t ag__swar_less(uint64_t w, unsigned char n)
{
    return (w - AG__SWAR_ONES * n) & ~w & AG__SWAR_HIGHS;
}

/* Where the first flagged byte of a nonzero ag__swar_has / ag__swar_less result (or an OR
 * of them) is at the earliest: exact on little-endian GNU C, where the lowest flag is never
 * a false one (those need a borrow from a true flag below them); 0 elsewhere, leaving the
 * caller's byte loop to find it. */
static inline size_t ag__swar_first(uint64_t hit)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (size_t)__builtin_ctzll(hit) / 8;
#else
    (void)hit;
    return 0;
#endif
}

#endif
