/*
 * actorgraph/nlp/text.h - UTF-8 helpers and the sentence / paragraph splitter.
 *
 * Ownership: the functions here only read the caller's text. ag_text_sentences returns a
 * malloc'ed array the caller frees with free(); nothing else allocates.
 * Thread safety: every function is reentrant (no global state).
 *
 * Offsets are always byte offsets into the text as given. Invalid UTF-8 is never an error:
 * an invalid byte is read as one code point U+FFFD of length 1, so it can neither crash
 * the scanner nor shift the offsets of what follows.
 */
#ifndef ACTORGRAPH_TEXT_H
#define ACTORGRAPH_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include <actorgraph/util/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- code points */

/*
 * Decode the code point starting at text[pos] (pos < len) into *cp and return its length
 * in bytes (1..4). Invalid or truncated sequences, overlong forms and surrogates yield
 * *cp = 0xFFFD and length 1.
 */
AG_API size_t ag_text_decode(const char *text, size_t len, size_t pos, int32_t *cp);

/* Character classes used by the tokeniser (Unicode general categories via utf8proc). */
AG_API int ag_text_is_letter(int32_t cp); /* L* */
AG_API int ag_text_is_upper(int32_t cp);  /* Lu or Lt */
AG_API int ag_text_is_lower(int32_t cp);  /* Ll */
AG_API int ag_text_is_digit(int32_t cp);  /* Nd */
AG_API int ag_text_is_space(int32_t cp);  /* Zs, Zl, Zp, \t \n \v \f \r */
/* Apostrophes: ' U+2019 U+02BC. */
AG_API int ag_text_is_apostrophe(int32_t cp);
/* Dashes and hyphens that join words: - U+2010 U+2011. (En and em dashes separate.) */
AG_API int ag_text_is_hyphen(int32_t cp);

/* ---------------------------------------------------------------- sentences */

typedef struct ag_sentence {
    size_t start;     /* byte offset of the sentence's first non-space byte */
    size_t end;       /* byte offset one past its last non-space byte */
    size_t paragraph; /* 0-based paragraph index; paragraphs are separated by blank lines,
                       * or are single lines when the text has no blank line and is not
                       * hard-wrapped */
} ag_sentence;

/*
 * Split text[0, len) into sentences, in order, without gaps other than white space.
 * A sentence ends at . ! ? (or an ellipsis) followed by space and then a character that
 * can start a sentence (upper case, digit, quote, bracket), with closing quotes and
 * brackets after the stop kept in the sentence. A stop does not end a sentence after a
 * known abbreviation (Dr Mr Mrs Ms Gen Lt Col Amb Sen Rep Gov Prof St Jr Sr No vs etc,
 * month abbreviations such as Feb., single-letter initials, and dotted forms like U.S.
 * when the next word is not a plausible sentence start). A line break ends a sentence
 * (one-sentence-per-line input) unless the text is hard-wrapped prose (most lines of
 * similar length not ending in punctuation), in which case a line break is a space.
 * A blank line always ends the sentence and the paragraph. Typographic quotes and dashes
 * are ordinary punctuation.
 *
 * On success *out is a malloc'ed array of *n sentences (NULL and 0 for empty or all-space
 * text) and the function returns 0; on allocation failure it returns -1 (AG_ENOMEM).
 * Time complexity: O(len).
 */
AG_API int ag_text_sentences(const char *text, size_t len, ag_sentence **out, size_t *n,
                             ag_error *err);

#ifdef __cplusplus
}
#endif
#endif
