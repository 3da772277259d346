/*
 * ner_tokens.c - stage 1 of the recogniser: text -> tokens, and what the document's
 * capitalisation says.
 *
 * Input: the document's text and sentences. Output, in the scratch: the tokens (words keep
 * inner hyphens and apostrophes; a possessive 's is its own token; dotted abbreviations
 * such as U.S. and title abbreviations such as "Mr." keep their periods; markup is
 * skipped), each word capitalised or next to a capitalised word with its lexicon class;
 * per sentence whether it is an ALL-CAPS or a title-case headline (capsent); and, on
 * demand, which words the document writes capitalised in mid-sentence (evidence that a
 * capitalised word is a name, for headlines and sentence-initial words).
 *
 * Also here, as every stage uses them: interning in the scratch's generation-stamped
 * hash table, and the lexicon asked about runs of tokens (match_form, match_title), which
 * caches its answers in the tokens.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nlp/lexicon_internal.h"
#include "nlp/ner_stage_internal.h"
#include "nlp/text_internal.h"
#include "util/array_internal.h"

/* ---------------------------------------------------------------- interning */

dslot *ag__ner_dt_intern_extra(struct ag__ner_scratch *p, dtab *t, const char *k, size_t n,
                               size_t extra, int *created)
{
    int err = 0;
    size_t had = t->n;
    dslot *s = dt_get(t, k, n, 1, &err);
    if (!s || err)
        return NULL;
    *created = t->n != had;
    if (!*created)
        return s;
    char *r = arena_alloc(p, n + 1 + extra);
    if (!r) {
        /* Take the slot back: it was the last one added, so no probe sequence passes it. */
        s->gen = t->gen - 1;
        t->n--;
        return NULL;
    }
    ag__bytes_copy(k, n, r, 0);
    r[n] = '\0';
    s->key = r;
    return s;
}

/* ---------------------------------------------------------------- tokeniser */

/* The scratch's token array and count while ag__ner_tokenise appends to them, held in
 * its locals: a token's size_t fields may alias p->ntoks, so through p both were loaded
 * again and the count stored at every token. Beside them, what classifying the words as
 * they are written needs to know of the token before (see word_added). */
#define TOK_OPEN (1u << 31) /* in tok_out.last: no AG__T_* flag */
typedef struct tok_out {
    tok *v;        /* p->toks, with room for the tokens to come */
    size_t n;      /* tokens in it */
    uint32_t last; /* flags of token n - 1 (of the call before, for the first of this one),
                    * and TOK_OPEN when it is a word whose class is not looked up yet: a
                    * capitalised token after it asks for it (one register for both) */
    int collect;   /* p->capmid and p->starts collect their tokens (the document's pass,
                    * while its tokens are kept) */
    int oom;       /* capmid could not grow: ag__ner_tokenise fails */
    size_t sport;  /* sport words still counted (p->sport_words), SPORT_WORDS when done */
    uint32_t gap;  /* AG__T_NL and AG__T_MARKUP for what was passed since token n - 1 */
    int brackets;  /* an opening bracket was passed (p->brackets) */
} tok_out;

/* Inline: one call per token of the corpus. ag__ner_tokenise made room for it: a token
 * has a byte at least. */
static inline void push_tok(tok_out *o, size_t s, size_t e, uint32_t flags, uint32_t sent,
                            int32_t punct)
{
    /* The whole token at once, its caches zero (mf_te and mt_te: not asked yet; gram:
     * none): the compiler writes it in a few wide stores. */
    o->v[o->n++] = (tok){.s = s, .e = e, .flags = flags | o->gap, .sent = sent, .punct = punct};
    o->gap = 0;
    o->last = flags; /* not open: a punctuation token needs no class; word_added opens a word */
}

static int is_open_punct(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 ||
           cp == 0x00AB;
}

/* What a word's characters include (alnum_run and the tokeniser's slow path). */
enum { R_LETTER = 1, R_UPPER = 2, R_LOWER = 4, R_DIGIT = 8 };

/* R_* of each byte: a table, as the scan below runs once per character of the corpus. */
#define RCLASS(c)                                                                                  \
    ((c) >= 'a' && (c) <= 'z'   ? R_LETTER | R_LOWER                                               \
     : (c) >= 'A' && (c) <= 'Z' ? R_LETTER | R_UPPER                                               \
     : (c) >= '0' && (c) <= '9' ? R_DIGIT                                                          \
                                : 0)
#define RCLASS4(c) RCLASS(c), RCLASS((c) + 1), RCLASS((c) + 2), RCLASS((c) + 3)
#define RCLASS16(c) RCLASS4(c), RCLASS4((c) + 4), RCLASS4((c) + 8), RCLASS4((c) + 12)
#define RCLASS64(c) RCLASS16(c), RCLASS16((c) + 16), RCLASS16((c) + 32), RCLASS16((c) + 48)
static const unsigned char rclass[256] = {RCLASS64(0), RCLASS64(64)}; /* the rest: 0 */

/* The case flag of a word's first letter, for an ASCII one (AG__T_CAP, AG__T_LOWER or 0):
 * a table, as a word's first letter is either case, and the branches were mispredicted. */
#define FIRSTFL(c) (RCLASS(c) & R_UPPER ? AG__T_CAP : RCLASS(c) & R_LOWER ? AG__T_LOWER : 0)
#define FIRSTFL4(c) FIRSTFL(c), FIRSTFL((c) + 1), FIRSTFL((c) + 2), FIRSTFL((c) + 3)
#define FIRSTFL16(c) FIRSTFL4(c), FIRSTFL4((c) + 4), FIRSTFL4((c) + 8), FIRSTFL4((c) + 12)
#define FIRSTFL64(c) FIRSTFL16(c), FIRSTFL16((c) + 16), FIRSTFL16((c) + 32), FIRSTFL16((c) + 48)
static const uint8_t first_fl[128] = {FIRSTFL64(0), FIRSTFL64(64)};

/* 1 for the bytes after a letter or digit run that end a word for sure: ASCII ones but
 * the hyphen, apostrophe and period (which may join a word), each to be looked at. A
 * table: every word of the corpus asks. */
#define ENDS(c) ((c) < 0x80 && (c) != '-' && (c) != '\'' && (c) != '.')
#define ENDS4(c) ENDS(c), ENDS((c) + 1), ENDS((c) + 2), ENDS((c) + 3)
#define ENDS16(c) ENDS4(c), ENDS4((c) + 4), ENDS4((c) + 8), ENDS4((c) + 12)
#define ENDS64(c) ENDS16(c), ENDS16((c) + 16), ENDS16((c) + 32), ENDS16((c) + 48)
static const unsigned char word_ends[256] = {ENDS64(0), ENDS64(64)}; /* the rest: 0 */

#ifdef __SSE2__
/* Bytes of v in [lo, hi], as a 16-bit mask: one unsigned range test by a biased signed
 * compare, as SSE2 has no unsigned byte compare. */
static inline unsigned in_range16(__m128i v, char lo, char hi)
{
    __m128i t = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - (unsigned char)lo)));
    return (unsigned)_mm_movemask_epi8(
        _mm_cmplt_epi8(t, _mm_set1_epi8((char)(0x80 + (unsigned char)(hi - lo) + 1))));
}
#endif

/* A word's shape flags from the R_* of its characters: digits, letters, and no lower-case
 * letter among its upper-case ones. A table: every word of the corpus asks. */
#define SHAPE(r)                                                                                   \
    (((r)&R_DIGIT ? AG__T_DIGIT : 0) | ((r)&R_LETTER ? AG__T_WORD : 0) |                           \
     (((r)&R_LETTER) && ((r) & (R_LOWER | R_UPPER)) == R_UPPER ? AG__T_ALLCAPS : 0))
#define SHAPE4(r) SHAPE(r), SHAPE((r) + 1), SHAPE((r) + 2), SHAPE((r) + 3)
static const uint32_t shape[16] = {SHAPE4(0), SHAPE4(4), SHAPE4(8), SHAPE4(12)};

/* End of the run of ASCII letters and digits at text[i, b); ORs R_* of the run into *seen.
 * Sixteen bytes at a time where SSE2 is there: the loop runs once per byte of every word
 * of the corpus, and a word mostly ends within one block. */
static inline size_t alnum_run(const char *text, size_t i, size_t b, unsigned *seen)
{
    unsigned acc = 0, r;
#ifdef __SSE2__
    while (i + 16 <= b) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
        unsigned lower = in_range16(v, 'a', 'z'), upper = in_range16(v, 'A', 'Z'),
                 digit = in_range16(v, '0', '9');
        unsigned stop = ~(lower | upper | digit) & 0xFFFFu;
        /* The bytes before the first stop, all sixteen when there is none (stop & -stop
         * is its lowest bit; 0 - 1 sets every bit): no branch, no count. */
        unsigned run = (stop & (0u - stop)) - 1;
        acc |= (lower & run ? R_LETTER | R_LOWER : 0) | (upper & run ? R_LETTER | R_UPPER : 0) |
               (digit & run ? R_DIGIT : 0);
        if (stop) {
            *seen |= acc;
            return i + (size_t)__builtin_ctz(stop);
        }
        i += 16;
    }
#endif
    while (i < b && (r = rclass[(unsigned char)text[i]]) != 0) {
        acc |= r;
        i++;
    }
    *seen |= acc;
    return i;
}

/* The end of markup left in a saved page or feed ("<A HREF=...>", "</FONT>") that starts
 * at text[i] == '<' (its names and attribute values are no words of the text), or 0 when
 * no such tag starts there. */
static inline size_t markup_end(const char *text, size_t i, size_t b)
{
    if (!(i + 1 < b && (is_ascii_letter(text[i + 1]) || text[i + 1] == '/')))
        return 0;
    size_t q = i + 1;
    while (q < b && q - i < 1024 && text[q] != '>' && text[q] != '<' && text[q] != '\n')
        q++;
    return q < b && text[q] == '>' ? q + 1 : 0;
}

/* text[s, i), digits only (seen), and the hyphen at text[i] are a seeding glued to a
 * name in a results line: "1-Roger Federer (Switzerland) beat 3-Ivan Ljubicic": one or
 * two digits, then a capitalised word in lower case after its capital. The number ends
 * there, so the name is a name of its own (not "3-D", "G-7", "747-400"). */
static int seed_prefix(const char *text, size_t s, size_t i, size_t b, unsigned seen)
{
    if (!(seen == R_DIGIT && i - s <= 2 && text[i] == '-' && i + 2 < b && text[i + 1] >= 'A' &&
          text[i + 1] <= 'Z' && text[i + 2] >= 'a' && text[i + 2] <= 'z'))
        return 0;
    /* (not a model's number after its maker's name: "Delta 4-Heavy"; a seeding opens its
     * line or follows a verb, a bracket or an upper-case label, "UPDATE 1-") */
    size_t q = s;
    while (q > 0 && text[q - 1] == ' ')
        q--;
    size_t w = q;
    while (w > 0 && RCLASS((unsigned char)text[w - 1]) & R_LETTER)
        w--;
    if (w == q || !(RCLASS((unsigned char)text[w]) & R_UPPER))
        return 1;
    for (size_t k = w + 1; k < q; k++)
        if (RCLASS((unsigned char)text[k]) & R_LOWER)
            return 0;
    return 1;
}

/* The token of the character cp (cl bytes, neither letter nor digit) at text[*ip]: a
 * possessive 's, or one punctuation token, after which an opening quotation restarts the
 * sentence (*first becomes AG__T_FIRST). Advances *ip past it. */
static inline void punct_token(tok_out *o, const char *text, size_t *ip, size_t b, int32_t cp,
                               size_t cl, uint32_t sent, uint32_t *first)
{
    size_t i = *ip;
    /* A possessive 's after a word. */
    if (ag_text_is_apostrophe(cp) && o->n > 0 && o->v[o->n - 1].e == i &&
        (o->v[o->n - 1].flags & AG__T_WORD) && i + cl < b &&
        (text[i + cl] == 's' || text[i + cl] == 'S') &&
        (i + cl + 1 >= b || !((text[i + cl + 1] | 32) >= 'a' && (text[i + cl + 1] | 32) <= 'z'))) {
        *ip = i + cl + 1;
        push_tok(o, i, i + cl + 1, AG__T_POSS, sent, 0);
        return;
    }
    /* CoNLL-style detached clitic: " 's". */
    if (cp == '\'' && i + 1 < b && text[i + 1] == 's' && (i + 2 >= b || text[i + 2] == ' ')) {
        *ip = i + 2;
        push_tok(o, i, i + 2, AG__T_POSS, sent, 0);
        return;
    }
    push_tok(o, i, i + cl, AG__T_PUNCT, sent, cp);
    /* A quotation restarts a sentence: "said: “The US has asked ...”". So does the
     * hyphen after a seeding or an update's number ("UPDATE 1-Rookie Johnson shares"). */
    if (is_open_punct(cp) && cp != '\'' && cp != 0x2018 && i + cl < b &&
        !ag__is_space((unsigned char)text[i + cl]))
        *first = AG__T_FIRST;
    else if (cp == '-' && o->n > 1 && o->v[o->n - 2].e == i &&
             (o->v[o->n - 2].flags & (AG__T_DIGIT | AG__T_WORD)) == AG__T_DIGIT &&
             seed_prefix(text, o->v[o->n - 2].s, i, b, R_DIGIT))
        *first = AG__T_FIRST;
    else if (!(*first && is_open_punct(cp)))
        *first = 0;
    *ip = i + cl;
}

/* scan_word past the ASCII letters and digits at text[s, i) (R_* in *seen): at text[i]
 * a byte that may continue the word (a non-ASCII letter or digit, an inner hyphen or
 * apostrophe, the period of "U.S."). Sets *flp to the flags of that, AG__T_HYPHEN and
 * AG__T_DOTTED, and returns the word's end. Out of line: most words end at a space or
 * punctuation right after their run, and this path's state, inlined into the
 * tokeniser's loop, cost the loop its registers. */
static __attribute__((noinline)) size_t scan_word_rest(const char *text, size_t s, size_t i,
                                                       size_t b, unsigned *seen, uint32_t *flp)
{
    uint32_t fl = 0;
    int dotted = 0;
    int32_t cp;
    for (;;) {
        size_t nl = ag__dec(text, b, i, &cp);
        if (ag__is_letter(cp)) {
            *seen |= R_LETTER;
            if (ag__is_upper(cp))
                *seen |= R_UPPER;
            else if (ag__is_lower(cp))
                *seen |= R_LOWER;
            i += nl;
        } else if (ag__is_digit(cp)) {
            *seen |= R_DIGIT;
            i += nl;
        } else {
            int32_t nx = 0;
            if (i + nl < b)
                ag__dec(text, b, i + nl, &nx);
            int nx_alnum = ag__is_letter(nx) || ag__is_digit(nx);
            if (ag_text_is_hyphen(cp) && nx_alnum && !seed_prefix(text, s, i, b, *seen)) {
                fl |= AG__T_HYPHEN;
                i += nl;
            } else if (ag_text_is_apostrophe(cp) && ag__is_letter(nx) &&
                       !((nx == 's' || nx == 'S') &&
                         (i + nl + 1 >= b || !ag__is_letter((unsigned char)text[i + nl + 1])))) {
                i += nl;
            } else if (cp == '.' && (i - s == 1 || (dotted && text[i - 2] == '.')) &&
                       ag__is_upper((unsigned char)text[i - 1])) {
                /* U.S. / U.N. / J. : single letters each followed by a period. */
                dotted = 1;
                i += 1;
                if (!(i < b && ag__is_upper((unsigned char)text[i]) &&
                      (i + 1 >= b || text[i + 1] == '.')))
                    break;
            } else {
                break;
            }
        }
        i = alnum_run(text, i, b, seen);
        if (i >= b || word_ends[(unsigned char)text[i]])
            break; /* ASCII space or punctuation that cannot join a word */
    }
    *flp = fl | (dotted ? AG__T_DOTTED : 0);
    return i;
}

/* The lower-case word text[s, e) is written in camel case, as some names are ("eBay",
 * "easyJet"): ASCII letters only, four or more, an upper-case letter with a lower-case one
 * after it. Units and symbols ("kWh", "mRNA", "pH") are shorter or have no such hump. */
static __attribute__((noinline)) int lower_camel(const char *text, size_t s, size_t e)
{
    if (e - s < 4)
        return 0;
    int hump = 0;
    for (size_t i = s; i < e; i++) {
        unsigned r = RCLASS((unsigned char)text[i]);
        if (!(r & R_LETTER))
            return 0;
        hump |= i + 1 < e && (r & R_UPPER) && (RCLASS((unsigned char)text[i + 1]) & R_LOWER);
    }
    return hump;
}

/* The end of the word that starts at text[s] with the letter or digit cp: letters, digits,
 * inner hyphens and apostrophes (not a possessive 's), and the periods of single letters
 * ("U.S.", "J."). Sets *flp to the word's shape: AG__T_CAP or AG__T_LOWER (its first
 * letter), AG__T_HYPHEN, AG__T_DOTTED, AG__T_DIGIT, AG__T_WORD, AG__T_ALLCAPS and
 * AG__T_RARE. */
static inline size_t scan_word(const char *text, size_t s, size_t b, int32_t cp, uint32_t *flp)
{
    uint32_t fl = 0;
    unsigned seen = 0; /* R_* */
    if (cp < 0x80)
        fl = first_fl[cp];
    else if (ag__is_upper(cp))
        fl |= AG__T_CAP;
    else if (ag__is_lower(cp))
        fl |= AG__T_LOWER;
    size_t i = alnum_run(text, s, b, &seen);
    /* (A period after a word of two or more characters ends it: only single letters take
     * one, "U.S.". Every sentence's last word asks.) */
    if (i < b && !word_ends[(unsigned char)text[i]] && !(text[i] == '.' && i - s != 1)) {
        uint32_t more;
        i = scan_word_rest(text, s, i, b, &seen, &more);
        fl |= more | AG__T_RARE;
    }
    /* (rare: a lower-case first letter and an upper-case one after it) */
    if ((seen & (R_UPPER | R_LOWER)) == (R_UPPER | R_LOWER) && (fl & AG__T_LOWER) &&
        lower_camel(text, s, i))
        fl ^= AG__T_LOWER | AG__T_CAP; /* a name, as capitalised ones are */
    *flp = fl | shape[seen];
    return i;
}

/* Append token k, classified, to p->capmid. -1 when out of memory. */
static int capmid_push(struct ag__ner_scratch *p, size_t k)
{
    if (ag__grow(&p->capmid, &p->capcapmid, p->ncapmid + 1, sizeof *p->capmid) < 0)
        return -1;
    const tok *t = &p->toks[k];
    p->capmid[p->ncapmid++] = (capmid){(uint32_t)k, (uint32_t)(t->e - t->s), t->cls};
    return 0;
}

/* Append token k, a capitalised word without a digit, to p->starts. -1 when out of
 * memory. */
static int start_push(struct ag__ner_scratch *p, size_t k)
{
    if (ag__grow(&p->starts, &p->capstarts, p->nstarts + 1, sizeof *p->starts) < 0)
        return -1;
    p->starts[p->nstarts++] = (uint32_t)k;
    return 0;
}

/* Give word token t, text[s, e) with flags fl, its lexicon class, unless the word is too
 * long to be a lexicon key (a title's period is no part of the word). */
static inline void classify_tok(const ag_lexicon *lex, struct ag__ner_scratch *p, const char *text,
                                tok *t, size_t s, size_t e, uint32_t fl)
{
    size_t n = e - s - ((fl & AG__T_ABBR) ? 1 : 0);
    if (n < AG__LEX_MAXKEY)
        t->cls = word_class_raw(p, lex, text + s, n);
}

/* The word token just written, text[s, e) with flags fl (before: the flags of the token
 * before it, with TOK_OPEN when that one is a word still without its class), is
 * classified as it is written, while its bytes are in the cache, instead of in a pass of
 * its own over the tokens. Classes are looked up only where they can matter: capitalised
 * words and their neighbours (connectors, lower-case titles, "the"). A lower-case word
 * between two lower-case words is never part of or next to a name, and skipping it halves
 * the hash lookups on ordinary prose; so a word after a lower-case one waits (TOK_OPEN)
 * for the token after it, and a capitalised one looks it up. The same step counts the
 * words that make a document a sports report, and collects the capitalised words in
 * mid-sentence (p->capmid, for ag__ner_attested) and those where a span may start
 * (p->starts). s and e come in registers: read back from the token, they were loaded
 * again (the token's stores may alias anything). */
static inline void word_added(const ag_lexicon *lex, struct ag__ner_scratch *p, tok_out *o,
                              const char *text, size_t s, size_t e, uint32_t fl, uint32_t before)
{
    const uint32_t capish = AG__T_CAP | AG__T_ALLCAPS;
    size_t k = o->n - 1;
    tok *t = &o->v[k];
    if ((fl & capish) && (before & TOK_OPEN))
        classify_tok(lex, p, text, t - 1, t[-1].s, t[-1].e, before);
    if (!(fl & AG__T_WORD)) {
        /* a score, "7-1" (ag__ner_sports_report) */
        if ((fl & (AG__T_HYPHEN | AG__T_DIGIT)) == (AG__T_HYPHEN | AG__T_DIGIT))
            p->scores = 1;
        return;
    }
    /* A lower-case word whose first, second or last byte and length no sport word has is
     * none, without a hash lookup. (A lower-case word has no title's period: e - s is its
     * length; it passes the first test only with two bytes or more.) */
    if ((fl & AG__T_LOWER) && o->sport < SPORT_WORDS && e - s < 64 &&
        ((p->sport_lens[(unsigned char)text[s]] >> (e - s)) & 1) &&
        ((p->sport_last[(unsigned char)text[e - 1]] >> (e - s)) & 1) &&
        ((p->sport_2nd[(unsigned char)text[s + 1]] >> (e - s)) & 1) &&
        (tok_gram(p, text, t) & G_SPORT))
        o->sport++;
    /* (a credit trailer's verb, which ner_resolve.c looks for only in a document that has
     * it: one length compare a lower-case word, where a search of the text cost more) */
    if ((fl & AG__T_LOWER) && e - s == 11 && ag__bytes_eq(text + s, "contributed", 11))
        p->contributed = 1;
    if (!((before | fl) & capish)) {
        o->last |= TOK_OPEN;
        return;
    }
    classify_tok(lex, p, text, t, s, e, fl);
    /* "the Spanish Grand Prix", "the Monaco Grand Prix": a race named as a grand prix
     * after its nation or town is a sports report's as surely as its words are (a
     * festival's prize is "the Grand Prix"; "the IAAF Grand Prix" is a circuit of meetings,
     * whose reports may be about a town's place in it) */
    if ((fl & (AG__T_CAP | AG__T_ALLCAPS)) == AG__T_CAP && e - s == 4 && o->sport < SPORT_WORDS &&
        k >= 2 && ag__bytes_eq(text + s, "Prix", 4) && t[-1].e - t[-1].s == 5 &&
        ag__bytes_eq(text + t[-1].s, "Grand", 5) && (t[-2].flags & AG__T_CAP)) {
        ag_lex_actor a;
        if (ag_lexicon_lookup(lex, text + t[-2].s, t[-2].e - t[-2].s, 0, &a) &&
            (a.type == AG_ACTOR_COUNTRY || a.type == AG_ACTOR_PLACE))
            o->sport++;
    }
    if (!o->collect)
        return;
    /* Capitalised in mid-sentence (not ALL-CAPS): evidence that the word is a name. */
    if ((fl & (AG__T_CAP | AG__T_ALLCAPS | AG__T_FIRST)) == AG__T_CAP && e - s < AG__LEX_MAXKEY &&
        capmid_push(p, k) < 0)
        o->oom = 1;
    /* Where a span may start: the span finder visits these, not every token. */
    if (((fl & (AG__T_CAP | AG__T_DIGIT)) == AG__T_CAP ||
         ((fl & AG__T_DIGIT) && digit_name_shape(text + s, e - s))) &&
        start_push(p, k) < 0)
        o->oom = 1;
}

/* The token of the word that starts at text[*ip] with the letter or digit cp (see
 * scan_word), marked AG__T_FIRST when it starts the sentence (*first: AG__T_FIRST or 0, so
 * that marking it is an OR, without a branch: one word in twenty starts a sentence, and
 * the branch cost more than the OR). A short title word
 * keeps a period after it ("Mr.", AG__T_ABBR). Advances *ip past it. */
static inline void word_token(const ag_lexicon *lex, struct ag__ner_scratch *p, tok_out *o,
                              const char *text, size_t *ip, size_t b, int32_t cp, uint32_t sent,
                              uint32_t *first)
{
    size_t s = *ip, i;
    uint32_t fl;
    i = scan_word(text, s, b, cp, &fl);
    /* A camel-case word scan_word made a name is one only when the lexicon knows it so
     * written ("eBay", "easyJet"): unknown ones are as often products ("iMac", "eServer")
     * or words with a stray capital ("newSpaper"). */
    if ((fl & AG__T_CAP) && text[s] >= 'a' && text[s] <= 'z') {
        ag_lex_actor known;
        if (!ag_lexicon_lookup(lex, text + s, i - s, 0, &known))
            fl ^= AG__T_LOWER | AG__T_CAP;
    }
    fl |= *first;
    *first = 0;
    /* "Mr. Smith", "Lt. Gen. Olu": a short title word keeps its period, so the title
     * and the name stay one span. */
    if (i < b && text[i] == '.' && !(fl & AG__T_DOTTED) && i - s <= 5 && (fl & AG__T_CAP) &&
        (fl & AG__T_WORD) && !(fl & AG__T_DIGIT)) { /* most words end without a period: first */
        char low[8];
        ag__lex_lower(text + s, i - s, low);
        /* "St. Louis", "St. Petersburg": "St." before a capitalised word too. */
        int saint = i - s == 2 && text[s] == 'S' && text[s + 1] == 't' && i + 2 < b &&
                    text[i + 1] == ' ' && text[i + 2] >= 'A' && text[i + 2] <= 'Z';
        /* (a period that ends the sentence is its full stop, unless the splitter knows
         * the word for an abbreviation, which ends a sentence only where the text or its
         * paragraph does: "under William Jackson Pope. Because ...", a surname that is
         * also a title, against "a 7-3 victory over St.") */
        size_t q = i + 1;
        while (q < b && (text[q] == ' ' || text[q] == '\n' || text[q] == '\r' || text[q] == '\t'))
            q++;
        if ((q < b || ag__text_is_abbrev(text + s, i - s)) &&
            (saint || (word_class(p, lex, low, i - s) & AG_LEX_TITLE))) {
            fl |= AG__T_ABBR;
            i++;
        }
    }
    *ip = i;
    uint32_t before = o->last;
    push_tok(o, s, i, fl, sent, 0);
    word_added(lex, p, o, text, s, i, fl, before);
}

int ag__ner_tokenise(const ag_lexicon *lex, struct ag__ner_scratch *p, const char *text,
                     size_t *pos, size_t b, uint32_t sent, int *firstp, size_t limit)
{
    size_t i = *pos;
    uint32_t first = *firstp ? AG__T_FIRST : 0;
    /* Sport words are counted, and capmid and starts collected, in the document's one
     * pass only. */
    if (i < b && limit > p->ntoks) {
        size_t most = b - i < limit - p->ntoks ? b - i : limit - p->ntoks;
        if (ag__grow(&p->toks, &p->captoks, p->ntoks + most, sizeof(tok)) < 0)
            return -1;
    }
    tok_out o = {p->toks,
                 p->ntoks,
                 p->ntoks > 0 ? p->toks[p->ntoks - 1].flags : 0,
                 p->doc_pass && p->ncapmid != CAPMID_OFF,
                 0,
                 p->doc_pass ? p->sport_words : SPORT_WORDS,
                 0,
                 0};
    /* The bytes between the token before and i were passed by the call before (or lie
     * between two sentences): looked at once here; the loop notes the line breaks and
     * the markup it passes itself. */
    if (o.n > 0)
        for (size_t q = o.v[o.n - 1].e; q < i; q++)
            o.gap |= text[q] == '\n'                    ? AG__T_NL
                     : text[q] == '<' || text[q] == '>' ? AG__T_MARKUP
                                                        : 0;
    while (i < b && o.n < limit) {
        unsigned char c0 = (unsigned char)text[i];
        if (c0 == ' ') { /* one space between words mostly: the next byte starts a word */
            if (++i >= b)
                break;
            c0 = (unsigned char)text[i];
            if (c0 == ' ')
                continue;
        }
        int32_t cp = c0;
        if (!rclass[c0]) { /* not an ASCII letter or digit, which start most tokens */
            size_t cl = ag__dec(text, b, i, &cp);
            if (ag__is_space(cp) || cp == 0xFEFF || cp == 0x200B) { /* BOM, zero-width space */
                if (cp == '\n')
                    o.gap |= AG__T_NL;
                i += cl;
                continue;
            }
            if (cp == '<') {
                size_t m = markup_end(text, i, b);
                if (m) {
                    o.gap |= AG__T_MARKUP;
                    i = m;
                    continue;
                }
            }
            if (!ag__is_letter(cp) && !ag__is_digit(cp)) {
                o.brackets |= cp == '(';
                punct_token(&o, text, &i, b, cp, cl, sent, &first);
                continue;
            }
        }
        word_token(lex, p, &o, text, &i, b, cp, sent, &first);
    }
    /* The last token's right neighbour may come with the next chunk: taken as
     * capitalised then. */
    if (i < b && (o.last & TOK_OPEN))
        classify_tok(lex, p, text, &o.v[o.n - 1], o.v[o.n - 1].s, o.v[o.n - 1].e, o.last);
    p->ntoks = o.n;
    if (p->doc_pass)
        p->sport_words = o.sport;
    if (o.brackets)
        p->brackets = 1;
    if (o.oom)
        return -1;
    *pos = i;
    *firstp = first != 0;
    return 0;
}

/* ---------------------------------------------------------------- headlines and
 * capitalisation evidence */

/* Sentence si (s) stands on a line of its own the way a title-case headline does (see
 * ag__ner_caps_sentence). */
static int headline_line(const char *text, size_t len, const ag_sentence *s, size_t si)
{
    size_t e = s->end < len ? s->end : len, i = e;
    while (e > s->start && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r' ||
                            text[e - 1] == '\n'))
        e--;
    int stop = e > s->start && text[e - 1] == '.';
    size_t nl = 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        nl += text[i++] == '\n';
    if (stop)
        return si == 0 && nl >= 2;
    return i == len || nl;
}

/* Tokens [t, end) read as a results line, two sides each with its score (a whole number
 * after a capitalised name, before another name, a bracket or the line's end, twice or
 * more), or a name and a bracket before the figure that ends it; and no full stop ("Helmond Sport 3
 * Eindhoven United 1", "Zwolle Rovers 2 (Henk Boerma 34) Emmen 1"). Title case there is the names',
 * not a headline's; a headline's numbers are counts and amounts ("Orders 6 Airbus Jets", "Up 7.8
 * Pct"), rarely two between names. */
static int result_row(const tok *t, const tok *end)
{
    size_t scores = 0;
    if (end > t && (end[-1].flags & AG__T_PUNCT) && end[-1].punct == '.')
        return 0; /* a sentence's full stop: a headline's ("Loses 2 Ranked Teams; X Get 2.") */
    /* a figure after a bracket ends the line: "Agnes Mumba (Front for National Unity) 5,903",
     * a candidate's votes after the party */
    const tok *f = end;
    while (f > t && ((f[-1].flags & (AG__T_DIGIT | AG__T_WORD)) == AG__T_DIGIT ||
                     ((f[-1].flags & AG__T_PUNCT) && (f[-1].punct == ',' || f[-1].punct == '.'))))
        f--;
    if (f < end && f > t && (f[-1].flags & AG__T_PUNCT) && f[-1].punct == ')' &&
        (end[-1].flags & AG__T_DIGIT))
        return 1;
    for (const tok *q = t + 1; q < end; q++) {
        if ((q->flags & (AG__T_DIGIT | AG__T_WORD)) != AG__T_DIGIT ||
            (q[-1].flags & (AG__T_WORD | AG__T_DIGIT | AG__T_CAP)) != (AG__T_WORD | AG__T_CAP))
            continue;
        const tok *n = q + 1;
        scores += n == end ||
                  (n->flags & AG__T_PUNCT ? n->punct == '(' || n->punct == ')'
                                          : (n->flags & (AG__T_WORD | AG__T_DIGIT | AG__T_CAP)) ==
                                                (AG__T_WORD | AG__T_CAP));
    }
    return scores >= 2;
}

/* Tokens [t, end) hold three whole numbers in a row: a phone number ("-- Santiago Newsroom
 * Tel+56 2 699 5595", a wire trailer's contact line) or a table row's figures ("Vila Real
 * 4 3 1 0"), no headline's (a headline writes a figure alone: "Dow Ends Below 10,000"). */
static int figures_run(const tok *t, const tok *end)
{
    size_t run = 0;
    for (const tok *q = t; q < end; q++) {
        run = (q->flags & (AG__T_DIGIT | AG__T_WORD)) == AG__T_DIGIT ? run + 1 : 0;
        if (run == 3)
            return 1;
    }
    return 0;
}

/* 1 when a sentence whose first chunk ag__ner_tokenise has just written (its tokens from
 * p->toks[first] on) is an ALL-CAPS headline; 2 when it is a headline in title case
 * ("Bill Gates Gets New Role"): a line of its own (a line break follows) that ends
 * without a full stop (unless it is the first paragraph of the document, a blank line
 * after it), of four or more words of which at most one in four starts lower-case, and
 * two or more capitalised ordinary words past the first. */
int ag__ner_caps_sentence(const struct ag__ner_scratch *p, const char *text, size_t len,
                          const ag_sentence *s, size_t si, size_t first)
{
    /* Words ALL-CAPS (2 letters or more) and not; capitalised, lower-case, and capitalised
     * ordinary words past the first ("Gets", "Plan": title case, where prose capitalises
     * names only). Counted here, once a sentence, rather than in the tokeniser's loop;
     * the title-case counts only for a sentence on a line of its own (few are), and the
     * count stops once no ALL-CAPS headline is possible either. */
    int line = headline_line(text, len, s, si);
    size_t ncap = 0, nlow = 0, ninit = 0, nlower = 0, ncommon = 0;
    for (const tok *t = p->toks + first, *end = p->toks + p->ntoks; t < end; t++) {
        uint32_t fl = t->flags;
        if (!(fl & AG__T_WORD))
            continue;
        if (!(fl & AG__T_ALLCAPS)) {
            /* (even were every token left an ALL-CAPS word; the wire writes the "v"
             * between two sides small in an ALL-CAPS headline too: "SRI LANKA v
             * ZIMBABWE SCOREBOARD") */
            if (!tok_is(text, t, "v") && !tok_is(text, t, "vs") &&
                ++nlow * 10 > ncap + (size_t)(end - t) && !line)
                return 0;
        } else if (t->e - t->s >= 2) {
            ncap++;
        }
        if (!line)
            continue;
        if (fl & AG__T_LOWER)
            nlower += !(t->cls & AG_LEX_FUNCTION); /* title case keeps "in", "with" small */
        else if ((fl & AG__T_CAP) && !(fl & AG__T_DIGIT))
            ninit++;
        /* (the tokeniser classified every capitalised word) */
        if ((fl & (AG__T_CAP | AG__T_ALLCAPS | AG__T_FIRST)) == AG__T_CAP &&
            (t->cls & AG_LEX_COMMON) &&
            !(t->cls &
              (AG_LEX_GIVEN | AG_LEX_PROPER | AG_LEX_TITLE | AG_LEX_ORGCUE | AG_LEX_FUNCTION)))
            ncommon++;
    }
    if (ncap >= 2 && nlow * 10 <= ncap)
        return 1;
    /* (a document's first line in title case throughout, its title, needs less: "Goss
     * Gets Senate Panel"; a lead sentence has words in lower case: "ATHENS - ... met") */
    if (!line || nlower * 3 > ninit || result_row(p->toks + first, p->toks + p->ntoks) ||
        figures_run(p->toks + first, p->toks + p->ntoks) ||
        (si == 0 && nlower == 0 ? ninit < 3 || ncommon < 1 : ninit < 4 || ncommon < 2))
        return 0;
    return 2;
}

/* Record the words of tokens t[0, n) written capitalised in mid-sentence (outside
 * headlines) in p->evidence, for a document whose tokens are not kept. -1 when out of
 * memory. */
static int note_evidence(struct ag__ner_scratch *p, const char *text, const tok *t, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if ((t[k].flags & (AG__T_CAP | AG__T_FIRST)) != AG__T_CAP || (t[k].flags & AG__T_ALLCAPS) ||
            p->capsent[t[k].sent])
            continue;
        size_t l = t[k].e - t[k].s;
        if (l >= AG__LEX_MAXKEY)
            continue;
        char low[AG__LEX_MAXKEY];
        ag__lex_lower(text + t[k].s, l, low);
        int created;
        dslot *s = dt_intern(p, &p->evidence, low, l, &created);
        if (!s)
            return -1;
        s->val |= EV_CAPMID;
    }
    return 0;
}

/* A word the document writes capitalised in mid-sentence: 1 or 0, -1 when out of memory.
 * A document whose tokens are kept answers from the list of such tokens its tokenise pass
 * made (p->capmid: a few questions a document, each a short scan); a longer one from the
 * table of such words filled while tokenising. */
int ag__ner_attested(const ctx *c, size_t k)
{
    const tok *t = &c->toks[k];
    size_t n = t->e - t->s;
    char low[AG__LEX_MAXKEY];
    int e = 0;
    if (n >= AG__LEX_MAXKEY)
        return 0;
    ag__lex_lower(c->text + t->s, n, low);
    const struct ag__ner_scratch *p = c->p;
    if (p->toks_kept) {
        /* The listed tokens are capitalised, so tokenise gave them their word's class;
         * when it gave t one too (t is capitalised), a token of another class is another
         * word, and needs no compare. A headline's tokens are no evidence. */
        int by_class = (t->flags & (AG__T_CAP | AG__T_ALLCAPS)) != 0;
        for (size_t j = 0; j < p->ncapmid; j++) {
            const capmid *u = &p->capmid[j];
            if (u->len != n || (by_class && u->cls != t->cls))
                continue;
            const tok *ut = &p->toks[u->tok]; /* a dateline may have made it sentence-initial */
            if (p->capsent[ut->sent] || (ut->flags & AG__T_FIRST))
                continue;
            char ul[AG__LEX_MAXKEY];
            ag__lex_lower(c->text + ut->s, n, ul);
            if (ag__bytes_eq(ul, low, n))
                return 1;
        }
        return 0;
    }
    /* Else the table ag__ner_tokenise_document filled; its keys point into the arena: look
     * up with a temporary key. */
    dslot *s = dt_get(&c->p->evidence, low, n, 0, &e);
    return s && (s->val & EV_CAPMID);
}

int ag__ner_alone_elsewhere(const ctx *c, size_t k)
{
    const struct ag__ner_scratch *p = c->p;
    const tok *t = p->toks;
    size_t n = t[k].e - t[k].s;
    if (!p->toks_kept)
        return 0; /* (asked of a rare word only: a scan of the document's tokens) */
    for (size_t q = 0; q < p->ntoks; q++) {
        if (q == k || t[q].e - t[q].s != n || t[q].cls != t[k].cls || p->capsent[t[q].sent] ||
            !(t[q].flags & AG__T_CAP) || memcmp(c->text + t[q].s, c->text + t[k].s, n) != 0)
            continue;
        int before = q > 0 && t[q - 1].sent == t[q].sent && (t[q - 1].flags & AG__T_CAP);
        int after = q + 1 < p->ntoks && t[q + 1].sent == t[q].sent && (t[q + 1].flags & AG__T_CAP);
        /* (first in its sentence, only before a comma or a possessive, as a subject named
         * by itself is: "Bale, who grew up", not "Aid agencies agreed") */
        int first = (t[q].flags & AG__T_FIRST) || q == 0 || t[q - 1].sent != t[q].sent;
        if (!before && !after &&
            (!first || (q + 1 < p->ntoks && t[q + 1].sent == t[q].sent &&
                        ((t[q + 1].flags & AG__T_POSS) ||
                         ((t[q + 1].flags & AG__T_PUNCT) && t[q + 1].punct == ',')))))
            return 1;
    }
    return 0;
}

/* Headlines and evidence sentence by sentence; a sentence longer than a WINDOW of tokens
 * is tokenised in chunks, of which the first decides whether it is a headline. */
int ag__ner_tokenise_document(struct ag__ner_scratch *p, const ag_lexicon *lex, const char *text,
                              size_t len, const ag_sentence *sents, size_t nsents)
{
    int streaming = 0;
    p->anycapsent = 0;
    p->sport_words = 0;
    p->contributed = 0;
    p->scores = 0;
    p->brackets = 0;
    p->nicks = 0;
    p->ncapmid = 0;
    p->nstarts = 0;
    p->nfirsts = FIRSTS_UNMADE;
    p->doc_pass = 1;
    for (size_t si = 0; si < nsents; si++) {
        size_t a = sents[si].start, b = sents[si].end;
        if (b > len)
            b = len;
        p->capsent[si] = 0;
        p->sent_first[si] = p->ntoks;
        int decided = 0, first = 1;
        size_t pos = a;
        while (pos < b) {
            size_t chunk = p->ntoks;
            if (ag__ner_tokenise(lex, p, text, &pos, b, (uint32_t)si, &first, chunk + WINDOW) < 0)
                return -1;
            if (!decided) {
                /* the first chunk decides (a sentence longer than that is no headline) */
                p->capsent[si] =
                    (unsigned char)ag__ner_caps_sentence(p, text, len, &sents[si], si, chunk);
                p->anycapsent |= p->capsent[si] == 1;
                decided = 1;
            }
            /* Evidence waits for attested unless the tokens are not kept: then it is noted
             * as they go, from all tokens so far when that is found out. */
            if (streaming && note_evidence(p, text, p->toks + chunk, p->ntoks - chunk) < 0)
                return -1;
            if (!streaming && p->ntoks > TOKEN_LIMIT) {
                streaming = 1;
                p->ncapmid = CAPMID_OFF; /* their tokens are not kept */
                if (note_evidence(p, text, p->toks, p->ntoks) < 0)
                    return -1;
            }
            if (streaming)
                p->ntoks = 0;
        }
    }
    p->doc_pass = 0;
    p->toks_kept = !streaming;
    p->sent_first[nsents] = p->ntoks;
    p->nsents = nsents;
    return 0;
}

/* ---------------------------------------------------------------- the lexicon over runs
 * of tokens (match_form and match_title, whose quick answers are inline in
 * ner_stage_internal.h) */

size_t ag__ner_match_form_lookup(const ag_lexicon *lex, const char *text, const tok *toks,
                                 size_t ts, size_t te, int fold, ag_lex_actor *out)
{
    uint32_t maxw = (toks[ts].cls >> 8) & 0xFF;
    /* "CHICAGO" in a mixed-case table line: long ALL-CAPS words are names, not acronyms. */
    if (!fold && (toks[ts].flags & AG__T_ALLCAPS) && toks[ts].e - toks[ts].s >= 4)
        fold = 1;
    /* The token's cache is scratch memory, not part of its meaning, hence the cast. */
    tok *tk = (tok *)&toks[ts];
    size_t lim = te - ts < maxw ? te - ts : maxw, found = 0;
    uint32_t val = 0;
    for (size_t n = lim; n >= 1; n--) {
        size_t e = ts + n;
        if (n > 1 && !single_spaced(text, toks, ts, e))
            continue;
        if (ag__lex_lookup_val(lex, text + toks[ts].s, toks[e - 1].e - toks[ts].s, fold, &val)) {
            found = n;
            break;
        }
    }
    /* A code stands for its country in tables and lists ("GBR", "ZAF 3 1 0"), but no
     * country takes an article before its code: "Unite and the GMB", "a GMB official". */
    if (found && (val & AG__LEX_FORM_CODE) && ts > 0 && toks[ts - 1].sent == toks[ts].sent) {
        const char *w = text + toks[ts - 1].s;
        size_t n = toks[ts - 1].e - toks[ts - 1].s;
        if ((n == 3 && strncasecmp(w, "the", 3) == 0) || (n == 2 && strncasecmp(w, "an", 2) == 0) ||
            (n == 1 && (*w | 0x20) == 'a'))
            found = 0;
    }
    if (!fold) {
        tk->mf_te = (uint32_t)(te + 1);
        tk->mf_len = (uint8_t)found;
        tk->mf_val = val;
    }
    if (found)
        ag__lex_fill(lex, val, out);
    return found;
}

size_t ag__ner_match_title_lookup(struct ag__ner_scratch *p, const ag_lexicon *lex,
                                  const char *text, const tok *toks, size_t ts, size_t te)
{
    uint32_t maxw = (toks[ts].cls >> 16) & 0xFF;
    size_t lim = te - ts < maxw ? te - ts : maxw;
    /* Every candidate phrase is a prefix of the longest one, so lower-case that once and
     * remember where each prefix ends (plen[n]) instead of rebuilding it per length. A
     * token that is not a word or overflows the buffer ends all longer phrases. */
    char buf[AG__LEX_MAXKEY];
    size_t plen[256], l = 0, ok = 0; /* maxw is a byte, so at most 255 tokens */
    for (size_t k = ts; k < ts + lim; k++) {
        size_t wl = toks[k].e - toks[k].s - ((toks[k].flags & AG__T_ABBR) ? 1 : 0);
        if (l + wl + 1 >= sizeof buf || !(toks[k].flags & AG__T_WORD))
            break;
        if (k > ts)
            buf[l++] = ' ';
        ag__lex_lower(text + toks[k].s, wl, buf + l);
        l += wl;
        plen[++ok] = l;
    }
    for (size_t n = ok; n >= 1; n--)
        if (word_class(p, lex, buf, plen[n]) & AG_LEX_TITLE)
            return n;
    return 0;
}
