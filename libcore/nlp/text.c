/*
 * text.c - UTF-8 decoding, character classes and the sentence / paragraph splitter.
 *
 * The splitter is a single left-to-right pass over bytes. The one design decision that
 * matters: a line break is a sentence boundary (news feeds and annotated corpora put one
 * sentence or one paragraph per line) unless the whole text looks hard-wrapped, which is
 * decided once from line lengths (the first time a line break needs it), so the pass
 * itself never needs to look back.
 * Invalid UTF-8 is decoded byte by byte as U+FFFD, so offsets are never shifted.
 */
#include <actorgraph/nlp/text.h>

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nlp/text_internal.h"

/* ---------------------------------------------------------------- code points */

size_t ag_text_decode(const char *text, size_t len, size_t pos, int32_t *cp)
{
    return ag__dec(text, len, pos, cp);
}

size_t ag__text_decode_slow(const char *text, size_t len, size_t pos, int32_t *cp)
{
    const unsigned char *s = (const unsigned char *)text + pos;
    size_t left = len - pos;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    size_t n;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        goto bad;
    }
    if (left < n)
        goto bad;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            goto bad;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        goto bad;
    *cp = v;
    return n;
bad:
    *cp = 0xFFFD;
    return 1;
}

int ag_text_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int ag_text_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int ag_text_is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int ag_text_is_digit(int32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

int ag_text_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

int ag_text_is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

int ag_text_is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

/* ---------------------------------------------------------------- splitter helpers */

/* Abbreviations after which a period does not end a sentence (case-sensitive). Titles,
 * ranks, month names and a few Latin/reference forms, and the "ST" of an ALL-CAPS
 * dateline's saint ("ST. LOUIS (AP) -"); "Inc." and "Co." are left out
 * because they end sentences as often as not. Kept in strcmp order (binary search). */
static const char *const abbrevs[] = {
    "Adm", "Amb",  "Apr", "Aug",    "Brig", "Capt", "Cdr",    "Cmdr", "Col",  "Cpl", "Dec", "Dept",
    "Dr",  "Drs",  "Feb", "Fig",    "Fr",   "Gen",  "Gov",    "Hon",  "Jan",  "Jr",  "Jul", "Jun",
    "Lt",  "Maj",  "Mar", "Messrs", "Mme",  "Mr",   "Mrs",    "Ms",   "Msgr", "Mt",  "No",  "Nos",
    "Nov", "Oct",  "Ph",  "Pres",   "Prof", "Pvt",  "Rep",    "Reps", "Rev",  "ST",  "Sen", "Sens",
    "Sep", "Sept", "Sgt", "Sr",     "St",   "Supt", "approx", "cf",   "e.g",  "etc", "i.e", "vs"};

/* Words that typically open a sentence; after a dotted abbreviation such as "U.S." one of
 * them means the period did end the sentence after all. Kept in strcmp order. */
static const char *const starters[] = {
    "A",         "After", "An",      "And",   "As",   "At",   "But",   "He",
    "Her",       "His",   "However", "I",     "If",   "In",   "It",    "Its",
    "Meanwhile", "On",    "She",     "So",    "That", "The",  "Their", "There",
    "These",     "They",  "This",    "Those", "We",   "When", "While", "Yet"};

/* A word of the text, looked up in a list. */
typedef struct word_key {
    const char *w; /* its bytes */
    size_t n;      /* their count */
} word_key;

/* bsearch comparison of a word with a list entry (a string), in strcmp order. */
static int word_cmp(const void *key, const void *entry)
{
    const word_key *k = key;
    const char *s = *(const char *const *)entry;
    for (size_t i = 0; i < k->n; i++) {
        if (s[i] == '\0')
            return 1;
        if (k->w[i] != s[i])
            return (unsigned char)k->w[i] < (unsigned char)s[i] ? -1 : 1;
    }
    return s[k->n] ? -1 : 0;
}

/* 1 when the n bytes at w are an entry of list[0, nlist) (in strcmp order). Every stop
 * before a capitalised word asks, so a binary search, not a walk. */
static int in_list(const char *const *list, size_t nlist, const char *w, size_t n)
{
    word_key k = {w, n};
    return bsearch(&k, list, nlist, sizeof *list, word_cmp) != NULL;
}

int ag__text_is_abbrev(const char *w, size_t n)
{
    return in_list(abbrevs, sizeof abbrevs / sizeof abbrevs[0], w, n);
}

static int is_starter(const char *w, size_t n)
{
    return in_list(starters, sizeof starters / sizeof starters[0], w, n);
}

static int is_closer(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x2019 || cp == 0x201D ||
           cp == 0x00BB || cp == 0x203A;
}

static int is_stop(int32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }

/* Inside a sentence only these bytes need a look: a line break, the ASCII stops and 0xE2,
 * the lead byte of the one other stop, U+2026. Skipping every other byte singly lands on
 * each character the decoder would have read (a UTF-8 continuation byte is never ASCII
 * or 0xE2), so no stop is missed and none is invented. */
static int needs_look(unsigned char c)
{
    return c == '\n' || c == '.' || c == '!' || c == '?' || c == 0xE2;
}

/* Offset of the first needs_look byte in t[i, len), or len. Sentences run for dozens of
 * bytes between such bytes, so the scan compares sixteen bytes a step where SSE2 is there
 * (every x86-64), then eight at a time in a word. */
static size_t skip_plain(const char *t, size_t len, size_t i)
{
#ifdef __SSE2__
    const __m128i nl = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
                  ask = _mm_set1_epi8('?'), e2 = _mm_set1_epi8((char)0xE2);
    for (; len - i >= 16; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(t + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, dot)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, ask)));
        unsigned hit = (unsigned)_mm_movemask_epi8(_mm_or_si128(m, _mm_cmpeq_epi8(v, e2)));
        if (hit)
            return i + (size_t)__builtin_ctz(hit);
    }
#endif
    for (; len - i >= 8; i += 8) {
        uint64_t w = ag__swar_load(t + i);
        uint64_t hit = ag__swar_has(w, '\n') | ag__swar_has(w, '.') | ag__swar_has(w, '!') |
                       ag__swar_has(w, '?') | ag__swar_has(w, 0xE2);
        if (hit) {
            i += ag__swar_first(hit);
            break;
        }
    }
    while (i < len && !needs_look((unsigned char)t[i]))
        i++;
    return i;
}

/* A text is hard-wrapped when most lines that are not the last of their paragraph are
 * nearly as long as the longest line and do not end in sentence punctuation. Also tells
 * whether the text has a blank line. Time: O(len), newlines found with memchr; the lines
 * are walked a second time, to count the long ones against the longest, only when every
 * other test passed (rarely: most texts have few lines inside a paragraph). */
static int detect_wrapped(const char *t, size_t len, int *has_blank)
{
    size_t maxlen = 0, nlines = 0, longish = 0, open_end = 0;
    *has_blank = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t ls = 0;
        for (;;) {
            const char *nl = ls < len ? memchr(t + ls, '\n', len - ls) : NULL;
            size_t i = nl ? (size_t)(nl - t) : len;
            size_t e = i;
            while (e > ls && (t[e - 1] == ' ' || t[e - 1] == '\r' || t[e - 1] == '\t'))
                e--;
            size_t l = e - ls;
            if (l > maxlen)
                maxlen = l;
            if (nl) {
                size_t j = i + 1;
                while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
                    j++;
                int next_blank = j >= len || t[j] == '\n';
                if (j < len && t[j] == '\n')
                    *has_blank = 1;
                if (l > 0 && !next_blank) {
                    if (pass == 0) {
                        nlines++;
                        char c = t[e - 1];
                        if (c != '.' && c != '!' && c != '?' && c != ':' && c != '"')
                            open_end++;
                    } else if (l * 4 >= maxlen * 3) {
                        longish++;
                    }
                }
            }
            if (!nl)
                break;
            ls = i + 1;
        }
        if (!(maxlen >= 50 && nlines >= 2 && open_end * 2 >= nlines))
            return 0;
    }
    return longish * 10 >= nlines * 7;
}

/* Growable sentence vector. */
typedef struct svec {
    ag_sentence *v; /* the sentences */
    size_t n;       /* used */
    size_t cap;     /* allocated */
} svec;

static int push(svec *s, size_t start, size_t end, size_t para, const char *t)
{
    while (end > start && (t[end - 1] == ' ' || (t[end - 1] >= '\t' && t[end - 1] <= '\r')))
        end--;
    if (end <= start)
        return 0;
    if (s->n == s->cap) {
        /* 32 to start (768 bytes): small enough for malloc's per-thread cache of small
         * blocks (glibc's tcache), and a news story has fewer sentences than that. */
        size_t nc = s->cap ? s->cap * 2 : 32;
        ag_sentence *nv = realloc(s->v, nc * sizeof *nv);
        if (!nv)
            return -1;
        s->v = nv;
        s->cap = nc;
    }
    s->v[s->n].start = start;
    s->v[s->n].end = end;
    s->v[s->n].paragraph = para;
    s->n++;
    return 0;
}

/* ---------------------------------------------------------------- the splitter */

int ag_text_sentences(const char *t, size_t len, ag_sentence **out, size_t *n, ag_error *err)
{
    svec s = {NULL, 0, 0};
    int wrapped = -1, has_blank = 0; /* -1: not looked at yet */
    size_t para = 0, start = (size_t)-1, i = 0;
    int para_used = 0;
    while (i < len) {
        if (start != (size_t)-1) {
            i = skip_plain(t, len, i);
            if (i == len)
                break;
        }
        int32_t cp;
        size_t cl = ag__dec(t, len, i, &cp);
        if (cp == '\n') {
            /* Blank line ahead? */
            size_t j = i + 1;
            while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
                j++;
            int blank = j >= len || t[j] == '\n';
            /* Hard wrapping matters only at a break inside a paragraph with something to
             * end, which many texts (paragraph lines between blank lines, or one line)
             * never reach: that pre-scan is skipped for them. */
            if (!blank && wrapped < 0 && (start != (size_t)-1 || para_used))
                wrapped = detect_wrapped(t, len, &has_blank);
            if (blank || !wrapped) {
                if (start != (size_t)-1) {
                    if (push(&s, start, i, para, t) < 0)
                        goto oom;
                    para_used = 1;
                    start = (size_t)-1;
                }
                if ((blank || !has_blank) && para_used) {
                    para++;
                    para_used = 0;
                }
            }
            i++;
            continue;
        }
        if (start == (size_t)-1) {
            if (ag__is_space(cp) || cp == 0xFEFF || cp == 0x200B) { /* BOM, zero-width space */
                i += cl;
                continue;
            }
            start = i;
        }
        if (!is_stop(cp)) {
            i += cl;
            continue;
        }
        /* A run of stops, then closing quotes/brackets. */
        size_t stop_at = i;
        size_t j = i + cl;
        while (j < len) {
            int32_t c2;
            size_t l2 = ag__dec(t, len, j, &c2);
            if (!is_stop(c2) && !is_closer(c2))
                break;
            j += l2;
        }
        /* Must be followed by space (not a newline: that is handled above) or the end. */
        if (j < len) {
            int32_t c2;
            ag__dec(t, len, j, &c2);
            if (!ag__is_space(c2)) {
                i = j;
                continue;
            }
        }
        /* The next non-space character on this line. */
        size_t k = j;
        int32_t nx = 0;
        while (k < len) {
            size_t l2 = ag__dec(t, len, k, &nx);
            if (nx == '\n' || !ag__is_space(nx))
                break;
            k += l2;
        }
        int boundary = 1;
        if (k >= len || nx == '\n') {
            boundary = 1; /* the line break (or the end) decides */
        } else if (ag_text_is_lower(nx)) {
            boundary = 0;
        } else if (t[stop_at] == '.' && stop_at == i && j == i + 1) {
            /* The word before a bare period. */
            size_t w = stop_at;
            while (w > 0) {
                unsigned char byte = (unsigned char)t[w - 1];
                if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '(' ||
                    byte == '"')
                    break;
                w--;
            }
            size_t wl = stop_at - w;
            const char *word = t + w;
            if (wl == 1 && word[0] >= 'A' && word[0] <= 'Z') {
                boundary = 0; /* an initial: "J. Smith" */
            } else if (ag__text_is_abbrev(word, wl)) {
                boundary = 0;
            } else if (wl > 0 && wl <= 6 && memchr(word, '.', wl)) {
                /* "U.S." / "U.N.": a boundary only when a sentence starter follows. */
                size_t e = k;
                while (e < len && ((t[e] >= 'a' && t[e] <= 'z') || (t[e] >= 'A' && t[e] <= 'Z')))
                    e++;
                boundary = is_starter(t + k, e - k);
            }
        }
        if (boundary) {
            if (push(&s, start, j, para, t) < 0)
                goto oom;
            para_used = 1;
            start = (size_t)-1;
        }
        i = j;
    }
    if (start != (size_t)-1 && push(&s, start, len, para, t) < 0)
        goto oom;
    *out = s.v;
    *n = s.n;
    return 0;
oom:
    free(s.v);
    *out = NULL;
    *n = 0;
    return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory splitting sentences");
}
