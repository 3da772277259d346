/*
 * bytes_internal.h - word-at-a-time helpers for short strings (names, words, ids): lower-
 * casing copy, equality and hashing, shared by the lexicon, the recogniser, the extractor
 * and the graph's id table. Never installed.
 *
 * Why: these run once or more per word of the corpus; for strings of a few bytes, calls
 * to memcpy, memcmp or a byte-serial hash cost more than the work itself.
 */
#ifndef AG_BYTES_INTERNAL_H
#define AG_BYTES_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Eight bytes of w with the ASCII upper-case letters lower-cased and every other byte
 * (UTF-8 bytes included) unchanged: a byte's high bit marks 'A' <= c <= 'Z' after two
 * carry-free additions on its low seven bits, and that bit shifted down is the 0x20. */
static inline uint64_t ag__lower8(uint64_t w)
{
    uint64_t low7 = w & 0x7F7F7F7F7F7F7F7Full;
    uint64_t ge_a = low7 + 0x3F3F3F3F3F3F3F3Full; /* high bit: c >= 'A' */
    uint64_t gt_z = low7 + 0x2525252525252525ull; /* high bit: c > 'Z' */
    return w | (((ge_a & ~gt_z & ~w) & 0x8080808080808080ull) >> 2);
}

/* The word s[0, n) (1 <= n <= 8) as a little-endian number, its other bytes zero: two
 * overlapping loads (4 to 8 bytes) or three byte loads (1 to 3), as ag__hash_bytes reads
 * a tail, never past the word. */
static inline uint64_t ag__bytes_word8(const char *s, size_t n)
{
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        return (uint64_t)lo | ((uint64_t)hi << (8 * (n - 4)));
    }
    return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << (8 * (n / 2)) |
           (uint64_t)(unsigned char)s[n - 1] << (8 * (n - 1));
}

/* Copy of s[0, len) into buf, ASCII-lower-cased when lower (a constant at every call, so
 * the test folds away). Word-at-a-time like ag__hash_bytes, for the short strings of
 * names where a call to memcpy costs more than the copy: the last word (or the two halves
 * of a 4..7 byte string) overlaps bytes already done, which copy to the same bytes again,
 * so nothing outside s[0, len) and buf[0, len) is touched. s and buf must not overlap. */
static inline void ag__bytes_copy(const char *s, size_t len, char *buf, int lower)
{
    if (len >= 8) {
        uint64_t w;
        size_t i = 0;
        for (; i + 8 <= len; i += 8) {
            memcpy(&w, s + i, 8);
            w = lower ? ag__lower8(w) : w;
            memcpy(buf + i, &w, 8);
        }
        if (i < len) {
            memcpy(&w, s + len - 8, 8);
            w = lower ? ag__lower8(w) : w;
            memcpy(buf + len - 8, &w, 8);
        }
    } else if (len >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + len - 4, 4);
        lo = lower ? (uint32_t)ag__lower8(lo) : lo;
        hi = lower ? (uint32_t)ag__lower8(hi) : hi;
        memcpy(buf, &lo, 4);
        memcpy(buf + len - 4, &hi, 4);
    } else {
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)s[i];
            buf[i] = (char)(lower && c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
}

/* a[0, n) == b[0, n), for the short keys of the hash tables: inline word compares instead
 * of a call to memcmp, which costs more than the compare itself for words. */
static inline int ag__bytes_eq(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    if (n >= 8) {
        for (size_t i = 0; i + 8 <= n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return 0;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t p, q, r, t;
        memcpy(&p, a, 4);
        memcpy(&q, b, 4);
        memcpy(&r, a + n - 4, 4);
        memcpy(&t, b + n - 4, 4);
        return ((p ^ q) | (r ^ t)) == 0;
    }
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* The first place of needle[0, m) (m >= 1) in hay[0, n), or NULL. A document is
 * searched for a word in brackets once per dateline: glibc's memmem prepares its two-way
 * search (a thousand instructions a call, more than the search) where memchr for the
 * needle's first byte, rare in text, then a compare, finds it at once. */
static inline const char *ag__find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
    const char *end = hay + n;
    while (m <= (size_t)(end - hay)) {
        const char *p = memchr(hay, needle[0], (size_t)(end - hay) - m + 1);
        if (!p)
            return NULL;
        if (memcmp(p + 1, needle + 1, m - 1) == 0)
            return p;
        hay = p + 1;
    }
    return NULL;
}

/* Hash of s[0, len) for the in-memory tables of the lexicon and the recogniser: eight
 * bytes per multiply-xorshift round (words are short, so one or two rounds). Only ever
 * compared within this process, so byte order is moot. */
static inline uint64_t ag__hash_bytes(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ len;
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
        s += 8;
        len -= 8;
    }
    /* The tail as a little-endian word of its len (< 8) bytes, read with two overlapping
     * loads (4..7 bytes) or three byte loads (1..3) rather than a byte loop: overlapping
     * bytes land on the same bits, so the word is the same as byte by byte. */
    uint64_t w = 0;
    if (len >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + len - 4, 4);
        w = (uint64_t)lo | ((uint64_t)hi << (8 * (len - 4)));
    } else if (len > 0) {
        w = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << (8 * (len / 2)) |
            (uint64_t)(unsigned char)s[len - 1] << (8 * (len - 1));
    }
    h = (h ^ w) * 0x94d049bb133111ebull;
    return h ^ (h >> 29);
}

/* Hash of a 64-bit key for the hash tables (util/hashmap_internal.h take the low bits):
 * keys such as a pair of 32-bit indices differ in a few bits, so mix them all down. */
static inline uint64_t ag__hash_u64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
}

/* The length of the run at s[0, n) that a JSON string holds as it is: no control byte,
 * '"' or '\\', and with ascii no byte of UTF-8 either (the keyed records escape those,
 * as jansson's JSON_ENSURE_ASCII does). Eight bytes at a time: names and sentences are
 * mostly such runs, and the writers pass billions of their bytes. */
static inline size_t ag__json_run(const char *s, size_t n, int ascii)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t i = 0;
#ifdef __SSE2__
    /* Sixteen bytes at a time where the compiler may use SSE2 (every x86-64): a third of
     * the instructions of the word loop below per byte. */
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
                  ctl = _mm_set1_epi8(0x1F);
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* a byte below 0x20 is its own unsigned minimum with 0x1F */
        __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
                         _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x));
        unsigned m =
            (unsigned)_mm_movemask_epi8(hit) | (ascii ? (unsigned)_mm_movemask_epi8(x) : 0);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t x, q, bs;
        memcpy(&x, s + i, 8);
        q = x ^ (ones * '"');
        bs = x ^ (ones * '\\');
        /* a byte < 0x20 (high bit clear, borrowing), a zero byte of q or bs, or (ascii)
         * a byte >= 0x80 */
        uint64_t hit =
            ((ascii ? x : 0) | ((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) &
            highs;
        if (hit) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* A borrow only runs upwards from a byte that hits, so the lowest bit set is
             * the first byte that ends the run: no byte loop over the word again (most
             * strings are short, and end in the word that finds the quote). */
            return i + (size_t)(__builtin_ctzll(hit) >> 3);
#else
            break;
#endif
        }
    }
    while (i < n && (unsigned char)s[i] >= 0x20 && (!ascii || (unsigned char)s[i] < 0x80) &&
           s[i] != '"' && s[i] != '\\')
        i++;
    return i;
}

#endif
