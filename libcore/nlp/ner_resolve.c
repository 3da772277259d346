/*
 * ner_resolve.c - stage 4 of the recogniser: in-article resolution.
 *
 * Input: the candidates of the whole document (p->cands, in creation order) and their
 * unknown names (p->names, interned here while their tokens were at hand). Output: every
 * candidate with one name and one type, or dropped: one type per name (the strongest
 * summed votes win), spelling variants of person names, acronyms to their expansions,
 * partial person names to the full name with the same last words, organisations that an
 * article writes several ways ("Labour Party"/"Labour", "the Commission"), surname-first
 * names ("Hu" for "Hu Jintao"), sports teams, capitals standing for their governments,
 * headline words only the body can vouch for. The cross-article resolution is
 * libcore/extract/extract_resolve.c; this stage sees one document.
 *
 * Reads no tokens but in ag__ner_intern_name: the candidates outlive the token window of
 * a long document, so what the passes here need of the tokens was saved in the candidates
 * (ner_spans.c, finish_cands).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "nlp/lexicon_internal.h"
#include "nlp/ner_stage_internal.h"
#include "util/array_internal.h"

/* ---------------------------------------------------------------- the document's names */

/* The words of tokens [ts, te) joined by single spaces (none beside punctuation written
 * against its word: "Farmers' Union", "M&S"; but "A. de Silva" for "A.de Silva") into
 * buf (cap bytes), the first
 * from byte s0 and the last up to byte e0; *last: where the last word starts in buf.
 * Returns the length; *whole is 0 when a word did not fit (the words before it are in). */
static size_t join_words(const ctx *c, size_t ts, size_t te, size_t s0, size_t e0, char *buf,
                         size_t cap, size_t *last, int *whole)
{
    size_t l = 0;
    *last = 0;
    *whole = 1;
    for (size_t k = ts; k < te; k++) {
        const tok *t = &c->toks[k];
        size_t s = k == ts ? s0 : t->s, e = k == te - 1 ? e0 : t->e;
        if (l + (e - s) + 1 >= cap) {
            *whole = 0;
            break;
        }
        if (k > ts && !(t->s == t[-1].e && ((t->flags | t[-1].flags) & (AG__T_PUNCT | AG__T_POSS))))
            buf[l++] = ' ';
        *last = l;
        ag__bytes_copy(c->text + s, e - s, buf + l, 0);
        l += e - s;
    }
    return l;
}

int ag__ner_intern_name(ctx *c, cand *m)
{
    struct ag__ner_scratch *p = c->p;
    const tok *t = c->toks;
    /* The key is the display text lower-cased, when the candidate's bytes are its tokens'
     * (always so for an unknown name): one join makes both. */
    char tb[AG__LEX_MAXKEY], buf[AG__LEX_MAXKEY];
    size_t last;
    int whole;
    size_t l = join_words(c, m->ts, m->te, m->s, m->e, tb, sizeof tb, &last, &whole);
    if (!whole)
        return 0; /* too long to be a name: no key */
    ag__lex_lower(tb, l, buf);
    int exact = m->s == t[m->ts].s && m->e == t[m->te - 1].e;
    int with_text = exact && !m->caps;
    int created;
    /* A new name's display text goes right after its key, in the same allocation. */
    dslot *s = ag__ner_dt_intern_extra(p, &p->nametab, buf, l, with_text ? l + 1 : 0, &created);
    if (!s)
        return -1;
    if (created) {
        const char *key = s->key;
        if (ag__grow(&p->names, &p->capnames, p->nnames + 1, sizeof(dname)) < 0)
            return -1;
        dname *d = &p->names[p->nnames];
        /* field by field: a memset of the whole struct compiles to a string store */
        memset(d->votes, 0, sizeof d->votes);
        d->strong = 0;
        d->uncued = 0;
        d->ownp = 0;
        d->defined = 0;
        d->the = 0;
        d->shape = 0;
        d->firm = 0;
        d->type = AG_ACTOR_OTHER;
        d->key = key;
        d->keylen = l;
        d->text = NULL;
        if (with_text) {
            char *text = (char *)key + l + 1;
            ag__bytes_copy(tb, l, text, 0);
            text[l] = '\0';
            d->text = text;
        }
        d->ntok = (int)(m->te - m->ts);
        d->last = key + last; /* words hold no spaces */
        d->lastlen = l - last;
        d->canon = -1;
        d->hash = s->hash;
        d->first = (size_t)(m - p->cands);
        s->val = (uint32_t)p->nnames++;
    }
    dname *d = &p->names[s->val];
    if (!d->text && !m->caps) {
        /* The display text spans whole tokens, white space normalised. */
        if (!exact)
            l = join_words(c, m->ts, m->te, t[m->ts].s, t[m->te - 1].e, tb, sizeof tb, &last,
                           &whole);
        if (!(d->text = ag__arena_strdup(&p->arena, tb, l)))
            return -1;
    }
    for (int i = 0; i < 5; i++)
        d->votes[i] += m->votes[i];
    d->firm += m->firm;
    /* The default vote says only that no cue was seen: once per name, however often the
     * article repeats it ("Fannie Mae ... Fannie Mae ... its earnings"). */
    if (m->uncued && d->uncued++)
        d->votes[AG_ACTOR_PERSON]--;
    if (m->the && d->the++)
        d->votes[AG_ACTOR_ORG] -= 2;
    /* (and a company's word shape: "EastEnders" is as camel-cased in its tenth mention
     * as in its first, where "BBC One soap EastEnders" says once what it is) */
    if (m->shape && d->shape++)
        d->votes[AG_ACTOR_ORG] -= 3;
    /* Likewise what its own words say for a person (a given name first), once. */
    if (m->ownp) {
        int fresh = m->ownp > d->ownp ? m->ownp - d->ownp : 0;
        d->votes[AG_ACTOR_PERSON] -= m->ownp - fresh;
        d->ownp += fresh;
    }
    if (m->defined && !d->defined)
        d->defined = m->defined; /* (the first definition) */
    if (m->role || (m->te - m->ts >= 2 && (t[m->ts].cls & AG_LEX_GIVEN)))
        d->strong = 1;
    m->name = (long)s->val;
    return 0;
}

/* The name that name i resolves to, following canon links. */
static long root(dname *names, long i)
{
    while (names[i].canon >= 0 && names[i].canon != i)
        i = names[i].canon;
    return i;
}

/* The type that summed votes v vote for; AG_ACTOR_OTHER when none has a vote. */
static ag_actor_type best_type(const int *v)
{
    /* Ties go to person, then org, then place: the order of how often an uncued
     * capitalised name in news is each. */
    static const ag_actor_type order[] = {AG_ACTOR_PERSON, AG_ACTOR_ORG, AG_ACTOR_PLACE,
                                          AG_ACTOR_COUNTRY};
    ag_actor_type best = AG_ACTOR_OTHER;
    int bv = 0;
    for (int i = 0; i < 4; i++)
        if (v[order[i]] > bv)
            bv = v[order[i]], best = order[i];
    return best;
}

/* Name d is no actor: its evidence for a work, a product or an event is as strong as
 * any for its type (d->type decided). */
static int misc_name(const dname *d)
{
    return d->votes[AG_ACTOR_OTHER] > 0 &&
           (d->type == AG_ACTOR_OTHER || d->votes[AG_ACTOR_OTHER] >= d->votes[d->type]);
}

/* Key the strings of names into a generation-stamped table: key -> first name index,
 * chained through link[]. */
static int chain_add(dtab *t, const char *k, size_t n, uint32_t idx, uint32_t *link)
{
    int err = 0;
    dslot *sl = dt_get(t, k, n, 1, &err);
    if (!sl || err)
        return -1;
    link[idx] = sl->val; /* previous head (0 = none; values are index + 1) */
    sl->val = idx + 1;
    return 0;
}

/* A bit standing for last words of len bytes ending in byte last (resolve's filter). */
static inline uint64_t last_word_bit(size_t len, char last)
{
    return 1ull << ((len * 8 + (unsigned char)last) & 63);
}

/* The key text w (rest bytes left) starts with one of the small words that acronyms
 * may skip: 1 for "of " and "for ", 2 for "the " and "and ", else 0. */
static int small_word_at(const char *w, size_t rest)
{
    if (rest >= 3 && w[0] == 'o' && w[1] == 'f' && w[2] == ' ')
        return 1;
    if (rest >= 4 && w[3] == ' ' && memcmp(w, "for", 3) == 0)
        return 1;
    return rest >= 4 && w[3] == ' ' && (memcmp(w, "the", 3) == 0 || memcmp(w, "and", 3) == 0) ? 2
                                                                                              : 0;
}

/* A name resolve may take for an acronym: one ALL-CAPS word of 2 to 8 letters that no
 * spelling variant has resolved (variants resolve only names of several words); with
 * spoken, also one title-case word of 3 to 6, as British news writes an acronym said as
 * a word ("Camra", "Elspa"), and one that keeps its small words' initials in lower case
 * ("PvdA", "DfES", "PwC"; ag__ner_mixed_acronym). */
static inline int acronym_like(const dname *d, int spoken)
{
    if (d->ntok != 1 || d->keylen < 2 || d->keylen > 8 || !d->text || d->canon >= 0)
        return 0;
    size_t upper = 0;
    for (size_t q = 0; q < d->keylen; q++) {
        if (d->text[q] >= 'A' && d->text[q] <= 'Z')
            upper++;
        else if (q == 0 || !(d->text[q] >= 'a' && d->text[q] <= 'z'))
            return 0;
    }
    return upper == d->keylen || (spoken && ((upper == 1 && d->keylen >= 3 && d->keylen <= 6) ||
                                             ag__ner_mixed_acronym(d->text, d->keylen)));
}

/* ag_ner_variant_key of name d's key, through the scratch's cache: *v is set to the key,
 * in buf or in the cache (valid until the next call). */
static int name_variant_key(struct ag__ner_scratch *p, const dname *d, char *buf, size_t bufsize,
                            const char **v)
{
    vk_slot *s = &p->vkcache[d->hash & (VK_SLOTS - 1)];
    if (d->keylen < VK_MAXLEN && s->klen == d->keylen && ag__bytes_eq(s->key, d->key, d->keylen)) {
        *v = s->v;
        return s->vlen;
    }
    int n = ag__ner_variant_key(d->key, d->keylen, buf, bufsize, 0);
    *v = buf;
    if (d->keylen < VK_MAXLEN && n > 0 && n < VK_MAXLEN && (size_t)n < bufsize) {
        s->klen = (uint8_t)d->keylen;
        s->vlen = (uint8_t)n;
        memcpy(s->key, d->key, d->keylen);
        memcpy(s->v, buf, (size_t)n + 1);
    }
    return n;
}

/* ---------------------------------------------------------------- in-article resolution
 * of organisations and of surname-first names */

/* Word w of a lower-cased key, its plural ending dropped ("democrats" -> "democrat",
 * "tories" -> "tory" as "tor" + 'y'): *n is the stem's length, *y set when a final 'y'
 * stands for "ies". */
static const char *stem_word(const char *w, size_t l, size_t *n, int *y)
{
    *y = 0;
    if (l > 4 && memcmp(w + l - 3, "ies", 3) == 0) {
        *n = l - 3;
        *y = 1;
    } else if (l > 3 && w[l - 1] == 's' && w[l - 2] != 's') {
        *n = l - 1;
    } else {
        *n = l;
    }
    return w;
}

/* a is a contraction of b: its first and last letters and some between, in order, in a
 * word at least twice as long ("utd" of "united", "intl" of "international", "assn" of
 * "association"). Only a short a, so that a word is not taken for a longer one that
 * happens to hold its letters. */
static int word_contracts(const char *a, size_t al, const char *b, size_t bl)
{
    if (al < 3 || al > 4 || bl < 2 * al || a[0] != b[0] || a[al - 1] != b[bl - 1])
        return 0;
    size_t j = 1;
    for (size_t i = 1; i + 1 < al; i++) {
        while (j + 1 < bl && b[j] != a[i])
            j++;
        if (j + 1 >= bl)
            return 0;
        j++;
    }
    return 1;
}

/* a is b, its plural or singular, or a clipped form of it: "lib" of "liberal", "dems" of
 * "democrats", "tories" of "tory". A clipped form has at least 3 letters. */
static int word_clips(const char *a, size_t al, const char *b, size_t bl)
{
    size_t an, bn;
    int ay, by;
    stem_word(a, al, &an, &ay);
    stem_word(b, bl, &bn, &by);
    if (ay != by && an == bn && memcmp(a, b, an) == 0)
        return 0; /* "tory"/"tories" are equal below; "tor"+'y' vs "tor" is not */
    if (ay && by)
        return an == bn && memcmp(a, b, an) == 0;
    if (ay) /* "tories" vs "tory": stem "tor" + y */
        return bn == an + 1 && memcmp(a, b, an) == 0 && b[an] == 'y';
    if (by)
        return an == bn + 1 && memcmp(a, b, bn) == 0 && a[bn] == 'y';
    return an >= 3 && an <= bn && memcmp(a, b, an) == 0;
}

/* One word a is the first part of the one camel-cased word b as first written ("Nova"
 * of "NovaNet", "Lucas" of "LucasArts"): another name, a product or a unit named after
 * it, not its clipped form. */
static int camel_head(const dname *a, const dname *b)
{
    size_t n = a->keylen;
    return a->ntok == 1 && b->text && n >= 2 && b->keylen > n && strlen(b->text) > n &&
           b->text[n] >= 'A' && b->text[n] <= 'Z' && b->text[n - 1] >= 'a' && b->text[n - 1] <= 'z';
}

/* Every word of key a (lower-cased, one space between words) clips or contracts the word
 * of b at the same place ("man utd" of "manchester united"), and both have the same
 * number of words. */
static int name_clips(const char *a, size_t al, const char *b, size_t bl)
{
    size_t i = 0, j = 0;
    while (i < al && j < bl) {
        size_t ie = i, je = j;
        while (ie < al && a[ie] != ' ')
            ie++;
        while (je < bl && b[je] != ' ')
            je++;
        if (!word_clips(a + i, ie - i, b + j, je - j) &&
            !word_contracts(a + i, ie - i, b + j, je - j))
            return 0;
        i = ie + 1;
        j = je + 1;
    }
    return i >= al && j >= bl;
}

/* The content words of an organisation's key in a canonical order, so that "us state
 * department" and "us department of state", "chinese foreign ministry" and "chinese
 * ministry of foreign affairs" give one key: words sorted, "of", "the", "and", "for" and
 * "affairs" left out. Returns the key's length, 0 when it does not fit. */
static size_t order_key(const char *k, size_t kl, char *out, size_t size)
{
    const char *w[16];
    size_t wl[16], n = 0, len = 0;
    for (size_t i = 0; i < kl;) {
        size_t e = i;
        while (e < kl && k[e] != ' ')
            e++;
        size_t l = e - i;
        int skip = (l == 2 && memcmp(k + i, "of", 2) == 0) ||
                   (l == 3 && (memcmp(k + i, "the", 3) == 0 || memcmp(k + i, "and", 3) == 0 ||
                               memcmp(k + i, "for", 3) == 0)) ||
                   (l == 7 && memcmp(k + i, "affairs", 7) == 0);
        if (!skip) {
            if (n == 16)
                return 0;
            w[n] = k + i;
            wl[n++] = l;
        }
        i = e + 1;
    }
    for (size_t i = 1; i < n; i++) /* insertion sort: a handful of words */
        for (size_t j = i; j > 0; j--) {
            size_t m = wl[j] < wl[j - 1] ? wl[j] : wl[j - 1];
            int c = memcmp(w[j - 1], w[j], m);
            if (c < 0 || (c == 0 && wl[j - 1] <= wl[j]))
                break;
            const char *tw = w[j];
            size_t tl = wl[j];
            w[j] = w[j - 1], wl[j] = wl[j - 1];
            w[j - 1] = tw, wl[j - 1] = tl;
        }
    for (size_t i = 0; i < n; i++) {
        if (len + wl[i] + 1 > size)
            return 0;
        if (i)
            out[len++] = ' ';
        memcpy(out + len, w[i], wl[i]);
        len += wl[i];
    }
    return len;
}

/* The mention follows a preposition of place or movement ("in Newcastle", "to Leeds"). */
/* The word of ASCII letters that ends at text[e] (spaces and line breaks before e
 * skipped): its length, its start in *s. Candidates outlive the token window, so the
 * words before a mention are read from the text. */
static size_t word_before(const ctx *c, size_t e, size_t *s)
{
    while (e > 0 && (c->text[e - 1] == ' ' || c->text[e - 1] == '\n'))
        e--;
    size_t b = e;
    while (b > 0 && (c->text[b - 1] | 0x20) >= 'a' && (c->text[b - 1] | 0x20) <= 'z')
        b--;
    *s = b;
    return e - b;
}

/* The word of ASCII letters that starts after text[e] (spaces skipped): its length, its
 * start in *s. */
static size_t word_after(const ctx *c, size_t e, size_t *s)
{
    while (e < c->len && c->text[e] == ' ')
        e++;
    size_t b = e;
    while (b < c->len && (c->text[b] | 0x20) >= 'a' && (c->text[b] | 0x20) <= 'z')
        b++;
    *s = e;
    return b - e;
}

/* Mention m is followed by what only a company has ("Telford chief executive X",
 * "Telford shares fell", "a Telford spokesman"): a town's name that stands there for the
 * company the article names in full ("Telford Media"). */
static int company_word_after(const ctx *c, const cand *m)
{
    static const char *const owned[] = {"chief",     "chairman",     "chairwoman", "boss",
                                        "shares",    "shareholders", "executives", "profits",
                                        "spokesman", "spokeswoman",  NULL};
    size_t s, n = word_after(c, m->e, &s);
    for (const char *const *w = owned; *w; w++)
        if (list_word_is(*w, c->text + s, n))
            return 1;
    return 0;
}

static int after_loc_prep(const ctx *c, const cand *m)
{
    size_t s, n = word_before(c, m->s, &s);
    /* Any case: "At Houston", "KANSAS CITY AT DETROIT" in an ALL-CAPS schedule. */
    for (const char *const *w = ag__ner_place_preps; *w; w++)
        if (list_word_is_ci(*w, c->text + s, n))
            return 1;
    return 0;
}

/* w[0, n) is one of the team words, in any case ("United", "Rovers"). */
static int team_word(const char *w, size_t n)
{
    for (const char *const *tw = ag__ner_team_after; *tw; tw++)
        if (list_word_is_ci(*tw, w, n))
            return 1;
    return 0;
}

/* A club's name: its last word is one of the team words ("Newcastle United"). */
static int team_name(const dname *d) { return team_word(d->last, d->lastlen); }

/* Name-table sizes beyond which the pairwise passes below are skipped: a document naming
 * thousands of organisations is a list, and its names stay as they are. */
#define ORG_PAIRS_MAX 400

/* Every word of key a appears in key b, in the same order (keys: lower case, one space
 * between words). */
static int words_in_order(const char *a, size_t al, const char *b, size_t bl)
{
    size_t i = 0, j = 0;
    while (i < al) {
        size_t ie = i;
        while (ie < al && a[ie] != ' ')
            ie++;
        int found = 0;
        while (j < bl && !found) {
            size_t je = j;
            while (je < bl && b[je] != ' ')
                je++;
            found = je - j == ie - i && memcmp(a + i, b + j, ie - i) == 0;
            j = je + 1;
        }
        if (!found)
            return 0;
        i = ie + 1;
    }
    return 1;
}

/* Pairs of unknown names of which one is an organisation's: "X Party" and "X"; plural,
 * singular and clipped forms; word-order variants (order_key). norg: organisations among
 * the names (the first passes skip their inner loop when there are none). */
/* Every word of w[0, n) is a legal form ("inc", "holdings ltd"). */
static int legal_forms(const char *w, size_t n)
{
    while (n > 0) {
        const char *sp = memchr(w, ' ', n);
        size_t l = sp ? (size_t)(sp - w) : n;
        if (!ag__lex_legal_form(w, l))
            return 0;
        n -= sp ? l + 1 : l;
        w += sp ? l + 1 : l;
    }
    return 1;
}

/* b is a's name with a national adjective or a country before it ("Austrian People's
 * Party", "the People's Party"; "Scottish Labour Party", "Labour Party"). */
static int nation_before(const ag_lexicon *lex, const dname *a, const dname *b)
{
    size_t head = b->keylen - a->keylen; /* bytes of b before a's name, with the space */
    ag_lex_actor la;
    return b->ntok == a->ntok + 1 && b->keylen > a->keylen + 1 && b->key[head - 1] == ' ' &&
           memcmp(b->key + head, a->key, a->keylen) == 0 && !memchr(b->key, ' ', head - 1) &&
           ag_lexicon_lookup(lex, b->key, head - 1, 1, &la) &&
           (la.adjective || la.type == AG_ACTOR_COUNTRY);
}

/* Bytes of b's key before its name proper, with the space, when its first word is a
 * country or a national adjective ("us department of state", "kenyan foreign ministry");
 * else 0. */
static size_t nation_first(const ag_lexicon *lex, const dname *b)
{
    const char *sp = memchr(b->key, ' ', b->keylen);
    ag_lex_actor la;
    if (!sp || sp == b->key || !ag_lexicon_lookup(lex, b->key, (size_t)(sp - b->key), 1, &la) ||
        !(la.adjective || la.type == AG_ACTOR_COUNTRY))
        return 0;
    return (size_t)(sp - b->key) + 1;
}

/* Has key k[0, n) the word "ministry" or "department"? */
static int ministry_word(const char *k, size_t n)
{
    for (size_t i = 0; i < n;) {
        const char *sp = memchr(k + i, ' ', n - i);
        size_t l = (sp ? (size_t)(sp - k) : n) - i;
        if ((l == 8 && memcmp(k + i, "ministry", 8) == 0) ||
            (l == 10 && memcmp(k + i, "department", 10) == 0))
            return 1;
        i += l + 1;
    }
    return 0;
}

/* "State Department" of "US Department of State", "the Foreign Ministry" of "the Kenyan
 * Ministry of Foreign Affairs": a ministry or department named without its nation is
 * the one organisation of the article that has a nation first and the same words in
 * any order (order_key); none when two nations' ministries could be meant. */
static void ministry_nations(const ag_lexicon *lex, dname *nm, const uint32_t *orgs, size_t norg)
{
    /* Each organisation's nation_first, looked up once (SIZE_MAX until asked): every
     * ministry named without its nation compares with every other organisation. */
    size_t head[ORG_PAIRS_MAX];
    for (size_t oi = 0; oi < norg; oi++)
        head[oi] = SIZE_MAX;
    for (size_t oi = 0; oi < norg; oi++) {
        dname *a = &nm[orgs[oi]];
        if (a->canon >= 0 || a->ntok < 2 || !ministry_word(a->key, a->keylen) ||
            (head[oi] = nation_first(lex, a)) != 0)
            continue;
        char ka[AG__LEX_MAXKEY], kb[AG__LEX_MAXKEY];
        size_t la = order_key(a->key, a->keylen, ka, sizeof ka);
        long found = -1;
        int hits = 0;
        for (size_t oj = 0; oj < norg && la && hits < 2; oj++) {
            const dname *b = &nm[orgs[oj]];
            if (oj == oi || b->canon >= 0 || b->ntok < 3)
                continue;
            if (head[oj] == SIZE_MAX)
                head[oj] = nation_first(lex, b);
            if (!head[oj])
                continue;
            size_t lb = order_key(b->key + head[oj], b->keylen - head[oj], kb, sizeof kb);
            if (lb == la && memcmp(ka, kb, la) == 0) {
                found = (long)orgs[oj];
                hits++;
            }
        }
        if (hits == 1)
            a->canon = found;
    }
}

static void org_pairs(const ag_lexicon *lex, dname *nm, size_t nn, const uint32_t *orgs,
                      size_t norg)
{
    /* The hash of each organisation's order_key, odd once made (1: no key), 0 until then:
     * the word-order pass compares every later organisation with every earlier one, and
     * made each earlier one's key again at every compare. */
    uint64_t okh[ORG_PAIRS_MAX];
    memset(okh, 0, norg * sizeof *okh);
    for (size_t i = 0; i < nn && norg; i++) {
        dname *a = &nm[i];
        if (a->canon >= 0)
            continue;
        /* "the People's Party" after "the Austrian People's Party": the name without its
         * nation, when exactly one organisation of the article has it so (not a party of
         * two countries: "the Scottish and Welsh Labour Parties") */
        if (a->type == AG_ACTOR_ORG && a->ntok >= 2) {
            long only = -1;
            for (size_t oj = 0; oj < norg && only != -2; oj++)
                if (orgs[oj] != i && nation_before(lex, a, &nm[orgs[oj]]))
                    only = only == -1 ? (long)orgs[oj] : -2;
            if (only >= 0) {
                a->canon = only;
                continue;
            }
        }
        for (size_t oj = 0; oj < norg; oj++) {
            size_t j = orgs[oj];
            dname *b = &nm[j];
            if (j == i || b->canon >= 0)
                continue;
            /* "X Party"; its members in the plural, "Greens" of "Green Party" */
            size_t stem = b->keylen - 6;
            if (b->ntok == a->ntok + 1 && b->keylen > 6 &&
                (stem == a->keylen ||
                 (a->ntok == 1 && stem + 1 == a->keylen && stem >= 4 && a->key[stem] == 's')) &&
                memcmp(b->key + stem, " party", 6) == 0 && memcmp(b->key, a->key, stem) == 0 &&
                a->type != AG_ACTOR_PERSON) {
                a->canon = (long)j;
                break;
            }
            /* "X Inc", "X Holdings Ltd": legal forms after the name are no part of it, and the
             * name without it is canonical, as news calls the company ("Northwest
             * Airlines"), unless only a headline writes it so */
            if (b->ntok > a->ntok && b->keylen > a->keylen + 1 && b->key[a->keylen] == ' ' &&
                memcmp(b->key, a->key, a->keylen) == 0 &&
                (a->type != AG_ACTOR_PERSON || a->ntok >= 2) &&
                legal_forms(b->key + a->keylen + 1, b->keylen - a->keylen - 1)) {
                if (a->text) {
                    b->canon = (long)i;
                    a->type = AG_ACTOR_ORG; /* the legal form says so ("at X Ltd") */
                } else
                    a->canon = (long)j;
                break;
            }
            /* "McDonald's Corp" and "McDonald's profits": the founder's possessive that
             * names the shop is the company */
            if (a->keylen + 3 < b->keylen && memcmp(b->key, a->key, a->keylen) == 0 &&
                memcmp(b->key + a->keylen, "'s ", 3) == 0 &&
                legal_forms(b->key + a->keylen + 3, b->keylen - a->keylen - 3)) {
                a->canon = (long)j;
                a->type = AG_ACTOR_ORG;
                break;
            }
            if (a->type != AG_ACTOR_ORG || a->ntok != b->ntok || camel_head(a, b))
                continue;
            if (a->keylen < b->keylen ? name_clips(a->key, a->keylen, b->key, b->keylen)
                                      : a->keylen == b->keylen && j < i &&
                                            name_clips(a->key, a->keylen, b->key, b->keylen)) {
                a->canon = (long)j;
                break;
            }
        }
        if (a->canon >= 0 || a->type != AG_ACTOR_ORG || a->ntok < 3)
            continue;
        char ka[AG__LEX_MAXKEY], kb[AG__LEX_MAXKEY];
        size_t la = order_key(a->key, a->keylen, ka, sizeof ka);
        uint64_t ha = ag__hash_bytes(ka, la) | 1;
        for (size_t oj = 0; oj < norg && la && orgs[oj] < i; oj++) {
            size_t j = orgs[oj];
            dname *b = &nm[j];
            if (b->canon >= 0 || b->ntok < 2)
                continue;
            if (!okh[oj]) {
                size_t lb = order_key(b->key, b->keylen, kb, sizeof kb);
                okh[oj] = lb ? ag__hash_bytes(kb, lb) | 1 : 1;
            }
            if (okh[oj] != ha)
                continue;
            size_t lb = order_key(b->key, b->keylen, kb, sizeof kb); /* the hashes agree */
            if (lb == la && memcmp(ka, kb, la) == 0) {
                a->canon = (long)j;
                break;
            }
        }
    }
    ministry_nations(lex, nm, orgs, norg);
    /* A short form whose words are, in order, words of exactly one longer organisation
     * name with the same head word: "Foreign Office" of "Foreign and Commonwealth
     * Office", "Justice Department" of "US Justice Department". */
    for (size_t oi = 0; oi < norg; oi++) {
        dname *a = &nm[orgs[oi]];
        if (a->canon >= 0 || a->ntok < 2)
            continue;
        long found = -1;
        int hits = 0;
        for (size_t oj = 0; oj < norg && hits < 2; oj++) {
            const dname *b = &nm[orgs[oj]];
            if (oj == oi || b->canon >= 0 || b->ntok <= a->ntok || b->lastlen != a->lastlen ||
                memcmp(b->last, a->last, a->lastlen) != 0 ||
                !words_in_order(a->key, a->keylen, b->key, b->keylen))
                continue;
            /* ("Bank of Japan" beside "Development Bank of Japan": two banks) */
            if (memcmp(b->key + b->keylen - a->keylen, a->key, a->keylen) == 0 &&
                ag__lex_qualifier_words(lex, b->key, b->keylen, b->keylen - a->keylen - 1))
                continue;
            found = (long)orgs[oj];
            hits++;
        }
        if (hits == 1)
            a->canon = found;
    }
}

/* Candidate m is titled by an honorific alone ("Mr", "Ms", "Dr"): its one word is a
 * family name, which comes first in some names ("Mr Bo" for "Bo Xilai", "Ms Wu" for "Wu
 * Yi"), whatever given name it may also be. */
static int honorific_role(const cand *m)
{
    return m->role && list_has(ag__ner_honorifics, m->role, strlen(m->role));
}

/* The key for the one-word pass of candidate m, into *k and *kl (k may point into low,
 * AG__LEX_MAXKEY bytes): a one-word unknown name that is no given name and has no title,
 * or a one-word gazetteer city or organisation. 0 when m is neither. */
static int one_word_key(const ctx *c, const cand *m, char *low, const char **k, size_t *kl)
{
    int lexical = m->name < 0;
    if (lexical) {
        /* A city that plays as a team ("Newcastle beat Chelsea"), or that is not where
         * something happens, may be the club of the article ("Newcastle United"). */
        size_t l = m->e - m->s;
        if (!m->lexname || m->ntok != 1 || m->adjective || m->dateline || l >= AG__LEX_MAXKEY ||
            (m->type != AG_ACTOR_ORG && (m->type != AG_ACTOR_PLACE || after_loc_prep(c, m))))
            return 0;
        ag__lex_lower(c->text + m->s, l, low);
        *k = low;
        *kl = l;
    } else {
        const dname *d = &c->p->names[m->name];
        if (d->ntok != 1 || d->canon >= 0 ||
            (!honorific_role(m) && ((m->tcls0 & AG_LEX_GIVEN) || m->role)))
            return 0;
        *k = d->key;
        *kl = d->keylen;
    }
    return 1;
}

/* How many longer names of the article the one word k[0, kl) of candidate m starts or
 * heads (counting stops at 2): organisation names (a gazetteer word only starts a club's
 * or, when an organisation, any), person names whose first word is no given name, and
 * gazetteer organisations (for an unknown word). *found is the last name found, *found_g
 * the last gazetteer candidate. */
/* The longer names a one word may join: multi-word organisation and person names, and
 * the article's gazetteer organisations of two words or more (one candidate each). */
typedef struct longer_set {
    const uint32_t *multi; /* name indices */
    size_t nmulti;
    const uint32_t *gorgs; /* candidate indices */
    size_t ngorgs;
} longer_set;

/* The one word k[0, kl) is a place the lexicon knows, before a longer name whose last
 * word (last[0, lastlen), lower case) names a newspaper ("Washington" and "Washington
 * Post", "Houston" and "Houston Chronicle"): the place alone is the place. A paper is
 * called by its full name or its clip ("the Post"), never by its city, unlike a club or
 * a college ("Columbia"). */
static int place_before_paper(const ctx *c, const char *k, size_t kl, const char *last,
                              size_t lastlen)
{
    ag_lex_actor la;
    for (const char *const *w = ag__ner_papers; *w; w++)
        if (list_word_is(*w, last, lastlen))
            return ag_lexicon_lookup(c->lex, k, kl, 1, &la) &&
                   (la.type == AG_ACTOR_PLACE || la.type == AG_ACTOR_COUNTRY);
    return 0;
}

/* The lower-case word w[0, n) is an industry word (ag__ner_industries). */
static int industry(const char *w, size_t n) { return list_has(ag__ner_industries, w, n); }

/* An organisation word alone, no longer name's head in its article ("Party leader X",
 * "the Court ruled", "Police said"), is the kind of body, not one: no actor. Except the
 * bodies a country has one of, which news names by the word alone ("Congress", "the
 * Senate", "the Treasury"), a newspaper ("the Times"), and a party's members ("Democrats"). */
static int lone_org_word(const dname *d)
{
    static const char *const one_of_a_kind[] = {
        "administration", "army",       "brotherhood",  "cabinet",       "church",    "coalition",
        "commission",     "communists", "congress",     "conservatives", "democrats", "herald",
        "journal",        "liberals",   "nationalists", "parliament",    "post",      "republicans",
        "senate",         "socialists", "telegraph",    "times",         "treasury",  "tribune",
        "unionists",      NULL};
    return d->ntok == 1 && !list_has(one_of_a_kind, d->key, d->keylen);
}

/* The one word k[0, kl) is a chamber or a council of state ("Senate", "House") that the
 * longer name b starts without "of": b is a part of it, a caucus or a committee ("Senate
 * Democrats", "House Judiciary Committee"), or a place named after it ("Parliament
 * Square"), not the body itself ("House of Commons" is). */
static int part_of_body(const char *k, size_t kl, const dname *b)
{
    static const char *const bodies[] = {"senate",   "house",   "parliament",
                                         "assembly", "cabinet", NULL};
    return list_has(bodies, k, kl) && !(b->keylen > kl + 4 && memcmp(b->key + kl, " of ", 4) == 0);
}

/* A lower-case noun of a kind of organisation follows candidate m: "the opposition
 * Congress party" names a party of its own, not the head of a longer name of the
 * article ("African National Congress"). */
static int kind_after(const ctx *c, const cand *m)
{
    static const char *const kinds[] = {"party", "group",   "movement", "alliance",  "coalition",
                                        "front", "company", "firm",     "agency",    "club",
                                        "bank",  "union",   "network",  "newspaper", NULL};
    const tok *t = c->toks;
    return m->te < c->ntoks && t[m->te].sent == m->sent && (t[m->te].flags & AG__T_LOWER) &&
           tok_is_any(c->text, &t[m->te], kinds);
}

/* Candidate m is a portfolio before a minister's capitalised title: "Trade and Industry
 * Secretary", "Health Minister" name a post, not the head of the ministry's name
 * ("Department of Trade and Industry"); "Commission President" is the Commission's. */
static int portfolio_word(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    return m->te < c->ntoks && t[m->te].sent == m->sent && (t[m->te].flags & AG__T_CAP) &&
           (tok_is(c->text, &t[m->te], "Secretary") || tok_is(c->text, &t[m->te], "Minister"));
}

/* The one-word name d is an industry word; the name d ends in one. */
static int industry_word(const dname *d) { return d->ntok == 1 && industry(d->key, d->keylen); }
static int industry_last(const dname *d) { return industry(d->last, d->lastlen); }

/* The name d ends in a place or a country the lexicon knows: a body's arm in a region
 * ("BBC Scotland", "Sony Computer Entertainment Europe", "Vodafone UK"). */
static int region_last(const ctx *c, const dname *d)
{
    ag_lex_actor la;
    return d->ntok >= 2 && ag_lexicon_lookup(c->lex, d->last, d->lastlen, 1, &la) &&
           (la.type == AG_ACTOR_PLACE || la.type == AG_ACTOR_COUNTRY) && !la.adjective;
}

/* The name d is a name of the article (the one of kl bytes, or another), a space, and
 * a country the lexicon knows as the article writes it: a company's national arm
 * ("Keldon Group UK" beside "Keldon Group" and "Keldon", "Lycos U.S."; not "Bank of
 * America", nor "Freddie Mac", whose last word is a country's code only in capitals);
 * or a world region, a place in no country ("Tolvane Europe", "X Asia": its arm in a
 * continent; not a city, "Bayern Munich", which names a club). */
static int country_after(const ctx *c, const dname *d, size_t kl)
{
    ag_lex_actor la;
    size_t tl = d->text ? strlen(d->text) : 0, w = tl;
    while (w > 0 && d->text[w - 1] != ' ')
        w--;
    if (d->ntok < 2 || tl - w != d->lastlen || d->keylen < d->lastlen + 2 ||
        !ag_lexicon_lookup(c->lex, d->text + w, tl - w, 0, &la) ||
        !(la.type == AG_ACTOR_COUNTRY || (la.type == AG_ACTOR_PLACE && !la.country)) ||
        la.adjective)
        return 0;
    size_t rest = d->keylen - d->lastlen - 1;
    int err = 0;
    return rest == kl || dt_get(&c->p->nametab, d->key, rest, 0, &err) != NULL;
}

/* 1 + the start of the last mention of name j before byte s, or 0 when none. */
static size_t last_before(const struct ag__ner_scratch *p, long j, size_t s)
{
    size_t at = 0;
    for (size_t ci = 0; ci < p->ncands && p->cands[ci].s < s; ci++)
        if (p->cands[ci].name == j)
            at = p->cands[ci].s + 1;
    return at;
}

/* Another name of the article resolves to name i already ("Keldon Group" to "Keldon"):
 * then i is the company, not its arm. */
static int lonely_arm(const struct ag__ner_scratch *p, long i)
{
    for (size_t j = 0; j < p->nnames; j++)
        if (p->names[j].canon == i)
            return 1;
    return 0;
}

static long longer_names(const ctx *c, const cand *m, const char *k, size_t kl,
                         const longer_set *ls, long *found, long *found_g)
{
    const struct ag__ner_scratch *p = c->p;
    const dname *nm = p->names;
    int lexical = m->name < 0;
    long hits = 0, club = -1, arm = -1, arms = 0;
    size_t club_at = 0;
    /* a side's word alone ("United") goes on past two: the one the article wrote last
     * before it is the one it names ("Manchester United ... United's chief executive"
     * before "Shareholders United") */
    int side_word = !lexical && team_word(k, kl);
    for (size_t mj = 0; mj < ls->nmulti && (hits < 2 || side_word); mj++) {
        size_t j = ls->multi[mj];
        const dname *b = &nm[j];
        if (b->canon >= 0 || b->keylen <= kl + 1)
            continue;
        /* (an organisation's hyphenated name starts with its short form too: "Ciba" for
         * "Ciba-Geigy AG", "Daimler" for "Daimler-Benz") */
        int first = (b->key[kl] == ' ' || (b->key[kl] == '-' && b->type == AG_ACTOR_ORG)) &&
                    memcmp(b->key, k, kl) == 0;
        int head = b->key[b->keylen - kl - 1] == ' ' && memcmp(b->key + b->keylen - kl, k, kl) == 0;
        if (misc_name(b)) {
            /* A work or a product: its first word is it ("Harbour" for the film "Harbour
             * Lights", "Windows" for "Windows XP"), unless the word has evidence of an
             * actor of its own (the maker: "Nintendo says" beside "Nintendo DS"). */
            const dname *a = lexical ? NULL : &nm[m->name];
            if (first && a &&
                (misc_name(a) ||
                 a->votes[AG_ACTOR_PERSON] + a->votes[AG_ACTOR_ORG] + a->votes[AG_ACTOR_PLACE] ==
                     0)) {
                *found = (long)j;
                hits++;
            }
            continue;
        }
        /* (A company the lexicon knows stays itself beside its division or its arm in a
         * region: "Google" and "Google News", "Sony" and "Sony Pictures", "BBC" and "BBC
         * Scotland"; a town before a company's word is
         * the company: "Telford chief executive" beside "Telford Media".) */
        if (lexical && first && (industry_last(b) || region_last(c, b)) &&
            (m->type == AG_ACTOR_ORG || !company_word_after(c, m)))
            continue;
        /* (nor is a town its wire desk, which names the story's reporters, no actor of
         * it: "Oslo shares" beside the trailer's "-- Oslo Newsroom +47 ...") */
        if (first && b->lastlen == 8 && memcmp(b->last, "newsroom", 8) == 0)
            continue;
        /* (nor any company beside its national arm: "Keldon Group" is not "Keldon Group
         * UK, the firm's British arm", which would give the company its arm's name; the
         * arm is a word's only when the article has no other name for it: a headline's
         * "Froogle" for the body's "Froogle UK") */
        if (!lexical && first && country_after(c, b, kl)) {
            if (b->type == AG_ACTOR_ORG)
                arm = (long)j, arms++;
            continue;
        }
        /* (nor is a company one with its joint venture: "Sony" beside "Sony Ericsson") */
        ag_lex_actor partner;
        if (lexical && first && b->ntok == 2 &&
            ag_lexicon_lookup(c->lex, b->last, b->lastlen, 1, &partner) &&
            partner.type == AG_ACTOR_ORG)
            continue;
        /* (A place stays a place beside an organisation named after it, "in Bombay" and
         * "Bombay Stock Exchange", unless the organisation is its club; outside a sports
         * report a town the article types a place stays one beside its club: "Dunmere is
         * a market town" and "Dunmere Rovers".) */
        if (b->type == AG_ACTOR_ORG &&
            ((first && !part_of_body(k, kl, b)) ||
             (head && !lexical && !kind_after(c, m) && !portfolio_word(c, m))) &&
            ((lexical ? m->type : nm[m->name].type) == AG_ACTOR_ORG ||
             (lexical && company_word_after(c, m)) ||
             (!lexical && nm[m->name].type != AG_ACTOR_PLACE) ||
             (team_name(b) && (lexical || ag__ner_sports_report(c)))) &&
            !(first && !lexical && place_before_paper(c, k, kl, b->last, b->lastlen))) {
            *found = (long)j;
            hits++;
            size_t at = side_word && head ? last_before(p, (long)j, m->s) : 0;
            if (at > club_at)
                club_at = at, club = (long)j;
        } else if (b->type == AG_ACTOR_PERSON && first && !lexical &&
                   (!(p->cands[b->first].tcls0 & AG_LEX_GIVEN) || honorific_role(m)) &&
                   nm[m->name].type != AG_ACTOR_ORG) {
            *found = (long)j;
            hits++;
        }
    }
    if (hits >= 2 && club >= 0) {
        *found = club;
        return 1;
    }
    /* Gazetteer organisations of the article ("European Commission"). */
    for (size_t gj = 0; gj < ls->ngorgs && hits < 2 && !lexical; gj++) {
        size_t cj = ls->gorgs[gj];
        const cand *g = &p->cands[cj];
        size_t gl = strlen(g->lexname);
        if (gl <= kl + 1 || gl >= AG__LEX_MAXKEY)
            continue;
        char gk[AG__LEX_MAXKEY];
        ag__lex_lower(g->lexname, gl, gk);
        size_t lw = gl; /* start of its last word (gk is not NUL-terminated) */
        while (lw > 0 && gk[lw - 1] != ' ')
            lw--;
        /* (the head alone only when it is an organisation word: "the Commission" is the
         * European Commission, "the House" no White House) */
        if ((gk[kl] == ' ' && memcmp(gk, k, kl) == 0 &&
             !place_before_paper(c, k, kl, gk + lw, gl - lw)) ||
            (gk[gl - kl - 1] == ' ' && memcmp(gk + gl - kl, k, kl) == 0 &&
             (m->tcls0 & AG_LEX_ORGCUE) && !kind_after(c, m))) {
            hits++;
            *found_g = (long)cj;
        }
    }
    /* (a word beside two of its arms, "Tolvane UK" and "Tolvane Europe", is the parent) */
    if (hits == 0 && arms == 1 && !memchr(k, ' ', kl) && !lonely_arm(p, m->name)) {
        *found = arm;
        hits = 1;
    }
    return hits;
}

/* Candidate m's one word is the one longer name longer_names found: a gazetteer
 * organisation (found_g >= 0: every mention of m's name becomes it), or name found. */
static void take_longer(ctx *c, cand *m, long found, long found_g)
{
    struct ag__ner_scratch *p = c->p;
    int lexical = m->name < 0;
    if (found_g >= 0) {
        /* every mention of the name becomes the gazetteer organisation */
        const cand *g = &p->cands[found_g];
        long nmi = m->name;
        for (size_t cj = 0; cj < p->ncands; cj++) {
            cand *x = &p->cands[cj];
            if (x->name != nmi)
                continue;
            x->lexname = g->lexname;
            x->country = g->country;
            x->name = -1;
            x->type = AG_ACTOR_ORG;
        }
    } else if (lexical) {
        m->lexname = NULL;
        m->country = NULL;
        m->name = found;
    } else {
        /* What said the short form is no actor says it of the whole name ("Aviator won
         * best drama" after "The Aviator": a sentence's first "The" is dropped), once. */
        dname *a = &p->names[m->name];
        if (a->canon < 0 && found != m->name)
            p->names[found].votes[AG_ACTOR_OTHER] += a->votes[AG_ACTOR_OTHER];
        a->canon = found;
    }
}

/* Name i (a root) is a table row's name in the document: a table lists each side once,
 * so a shorter row name is another side ("Kilmarnock 2 Dundee 2" beside "Aberdeen 3
 * Dundee United 1"). */
static int row_of_name(const struct ag__ner_scratch *p, long i)
{
    for (size_t ci = 0; ci < p->ncands; ci++)
        if (p->cands[ci].row && p->cands[ci].name == i)
            return 1;
    return 0;
}

/* Full name [s, s + n) (lower case) is the party whose members plural key [k, k + kl)
 * names: the plural's words but the last, then its last without "s" or with "ic" for it
 * ("social democrats" / "social democratic", "socialists" / "socialist"), then a
 * party's head word ("social democratic party", "christian democratic union"). */
static int members_of(const char *k, size_t kl, const char *s, size_t n)
{
    if (kl < 5 || k[kl - 1] != 's' || n <= kl || memcmp(s, k, kl - 1) != 0)
        return 0;
    size_t q = kl - 1;
    if (n > q + 2 && s[q] == 'i' && s[q + 1] == 'c')
        q += 2;
    if (s[q] != ' ')
        return 0;
    q++;
    return list_has(ag__ner_party_heads, s + q, n - q);
}

/* A name of two words or more that starts exactly one longer organisation name ending
 * in an organisation word or a legal form is its short form: "Hon Hai would gain" after
 * "Hon Hai Precision Industry" (a person's two words before). Not a name with a title or
 * a given name first, nor one with an organisation word first or last, a body of its
 * own ("Tarn Valley Railway" beside the "Tarn Valley Railway Preservation Society"), nor
 * an event's name ("Davis Cup" beside "Davis Cup World Group"); and not a longer name
 * only a title-case headline writes, whose words run on ("Yahoo Launching Music Download
 * Service"). */
static void org_prefixes(ctx *c, const uint32_t *orgs, size_t norg)
{
    dname *nm = c->p->names;
    size_t nn = c->p->nnames;
    for (size_t i = 0; i < nn; i++) {
        dname *a = &nm[i];
        if (a->canon >= 0 || a->ntok < 2 || a->strong || a->type == AG_ACTOR_PLACE ||
            a->type == AG_ACTOR_COUNTRY || a->type == AG_ACTOR_OTHER || misc_name(a))
            continue;
        const char *sp = memchr(a->key, ' ', a->keylen);
        if (!sp || (ag_lexicon_word_class(c->lex, a->last, a->lastlen) & AG_LEX_ORGCUE) ||
            (ag_lexicon_word_class(c->lex, a->key, (size_t)(sp - a->key)) & AG_LEX_ORGCUE))
            continue;
        long found = -1;
        int hits = 0;
        for (size_t oj = 0; oj < norg && hits < 2; oj++) {
            const dname *b = &nm[orgs[oj]];
            if (orgs[oj] != i && b->canon < 0 && b->ntok > a->ntok && b->keylen > a->keylen &&
                b->key[a->keylen] == ' ' && memcmp(b->key, a->key, a->keylen) == 0 &&
                !c->p->cands[b->first].caps &&
                ((ag_lexicon_word_class(c->lex, b->last, b->lastlen) & AG_LEX_ORGCUE) ||
                 legal_forms(b->last, b->lastlen)))
                found = (long)orgs[oj], hits++;
        }
        if (hits == 1) {
            a->canon = found;
            a->type = AG_ACTOR_ORG;
        }
    }
}

/* Parties' members named in the plural, unknown names, join the one party of the
 * article they are the members of, an unknown name or one the lexicon knows ("the
 * Social Democrats" beside the SPD, the "Social Democratic Party"). */
static void party_members(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    dname *nm = p->names;
    for (size_t i = 0; i < p->nnames; i++) {
        dname *a = &nm[i];
        /* (a plural first: most names are none, and the lexicon's names need lowering) */
        if (a->canon >= 0 || a->type != AG_ACTOR_ORG || a->ntok > 3 || a->keylen < 5 ||
            a->key[a->keylen - 1] != 's')
            continue;
        long found = -1, found_g = -1, n = 0;
        for (size_t j = 0; j < p->nnames && n < 2; j++)
            if (j != i && nm[j].type == AG_ACTOR_ORG && nm[j].canon < 0 &&
                members_of(a->key, a->keylen, nm[j].key, nm[j].keylen))
                found = (long)j, n++;
        const char *seen = NULL;
        for (size_t ci = 0; ci < p->ncands && n < 2; ci++) {
            const cand *g = &p->cands[ci];
            size_t gl = g->lexname ? strlen(g->lexname) : 0;
            char low[AG__LEX_MAXKEY];
            if (!gl || g->type != AG_ACTOR_ORG || g->lexname == seen || gl >= sizeof low)
                continue;
            ag__lex_lower(g->lexname, gl, low);
            if (members_of(a->key, a->keylen, low, gl))
                found_g = (long)ci, seen = g->lexname, n++;
        }
        if (n == 1)
            take_longer(c, &p->cands[a->first], found_g >= 0 ? -1 : found, found_g);
    }
}

/*
 * Organisations (and surname-first person names) that one article writes several ways,
 * after the types are voted:
 *  - "X Party" and "X" are one ("Labour Party", "Labour"), and so are "X" and "X" with a
 *    legal form ("Brightwater Foods Inc", "Brightwater Foods");
 *  - plural, singular and clipped forms are one ("Conservative"/"Conservatives", "Lib
 *    Dems"/"Liberal Democrats"): same number of words, each word a clip of the other's;
 *  - word-order variants of a ministry or department are one ("US State Department", "US
 *    Department of State");
 *  - one word that is the last word (the head: "the Commission") or the first word
 *    ("Mozilla", a team's "Newcastle") of exactly one longer organisation name of the
 *    article is that organisation, gazetteer names included;
 *  - one word that is the first word of exactly one person's name whose first word is no
 *    given name is that person ("Hu" for "Hu Jintao": the family name comes first).
 * The longer or first-written form is canonical. Returns -1 when out of memory.
 */
static int resolve_orgs(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    dname *nm = p->names;
    size_t nn = p->nnames, norg = 0, nmulti = 0, ngorgs = 0;
    uint32_t orgs[ORG_PAIRS_MAX], multi[ORG_PAIRS_MAX], gorgs[ORG_PAIRS_MAX];
    if (nn > ORG_PAIRS_MAX)
        return 0;
    for (size_t i = 0; i < nn; i++) {
        if (nm[i].type == AG_ACTOR_ORG)
            orgs[norg++] = (uint32_t)i;
    }
    if (norg) { /* (and GCC's profile-guided inlining then sees orgs written) */
        org_pairs(c->lex, nm, nn, orgs, norg);
        org_prefixes(c, orgs, norg);
        party_members(c);
    }
    /* One word that heads or starts exactly one longer name: only when there are longer
     * names (most short articles have none, and skip the pass). */
    for (size_t i = 0; i < nn; i++)
        if (nm[i].ntok >= 2 && nm[i].canon < 0 &&
            (nm[i].type == AG_ACTOR_ORG || nm[i].type == AG_ACTOR_PERSON))
            multi[nmulti++] = (uint32_t)i;
    for (size_t ci = 0; ci < p->ncands && ngorgs < ORG_PAIRS_MAX; ci++) {
        const cand *g = &p->cands[ci];
        if (!g->lexname || g->type != AG_ACTOR_ORG || g->ntok < 2)
            continue;
        size_t q = 0;
        while (q < ngorgs && p->cands[gorgs[q]].lexname != g->lexname)
            q++;
        if (q == ngorgs)
            gorgs[ngorgs++] = (uint32_t)ci;
    }
    if (!nmulti && !ngorgs)
        return 0;
    longer_set ls = {multi, nmulti, gorgs, ngorgs};
    for (size_t ci = 0; ci < p->ncands; ci++) {
        cand *m = &p->cands[ci];
        const char *k;
        size_t kl;
        char low[AG__LEX_MAXKEY];
        /* an unknown name is decided once, at its first mention */
        if (m->name >= 0 && nm[m->name].first != ci)
            continue;
        if (!one_word_key(c, m, low, &k, &kl))
            continue;
        long found = -1, found_g = -1; /* a name, or a gazetteer candidate */
        if (longer_names(c, m, k, kl, &ls, &found, &found_g) == 1 &&
            !(found >= 0 && m->row && row_of_name(p, found)))
            take_longer(c, m, found, found_g);
    }
    return 0;
}

/* ---------------------------------------------------------------- resolution of the
 * document's unknown names */

/* Spelling variants of multi-word person names: the first seen is canonical. Keys
 * (costly to make) only when there are two such names to compare (npersons). keys is
 * empty on entry. -1 when out of memory. */
static int resolve_variants(struct ag__ner_scratch *p, dtab *keys, size_t npersons)
{
    dname *nm = p->names;
    size_t nn = p->nnames;
    for (size_t i = 0; i < nn && npersons >= 2; i++) {
        if (nm[i].ntok < 2 || nm[i].type != AG_ACTOR_PERSON)
            continue;
        char kb[AG__LEX_MAXKEY];
        const char *vk = kb;
        int kl = name_variant_key(p, &nm[i], kb, sizeof kb, &vk);
        if (kl <= 0 || (size_t)kl >= sizeof kb)
            continue;
        int created;
        dslot *sl = dt_intern(p, keys, vk, (size_t)kl, &created);
        if (!sl)
            return -1;
        if (created)
            sl->val = (uint32_t)i;
        else
            nm[i].canon = (long)sl->val;
    }
    return 0;
}

/* Acronyms to their expansion: "ISPR" -> "Inter-Services Public Relations"; the
 * expansion gets the acronym's votes. Only when some name is acronym_like (nacronyms).
 * keys is empty on entry. -1 when out of memory. */
static int resolve_acronyms(struct ag__ner_scratch *p, const ag_lexicon *lex, dtab *keys,
                            size_t nacronyms)
{
    dname *nm = p->names;
    size_t nn = p->nnames;
    /* Only the initials of an acronym's length and first letter are ever looked up: the
     * others are not keyed (a document has an acronym or two, and names by the dozen;
     * keying them all was most of the pass). Acronyms have at most 8 letters. */
    uint32_t lens = 0, firsts = 0;
    for (size_t i = 0; i < nn && nacronyms; i++)
        if (acronym_like(&nm[i], 1)) {
            lens |= 1u << nm[i].keylen;
            firsts |= 1u << (nm[i].key[0] & 31);
        }
    /* Four initial sets per name: without and with the small words ("VOA" for "Voice of
     * America", "ISPR" for "Inter-Services Public Relations"), without them with one
     * initial for a pair joined by "and" ("BPC" for "Bristol and Avon Passenger
     * Committee", as initials_spell), and with "of" and "for" but not "the" and "and"
     * ("DfES" for "Department for Education and Skills"). */
    for (size_t j = 0; j < nn && lens; j++) {
        const char *k = nm[j].key;
        if (nm[j].ntok < 2)
            continue;
        /* All sets start with the key's first letter unless the key starts with a small
         * word: no acronym starting so, no set of this name is looked up (most names, and
         * the pass over the key was most of the cost of this one). */
        if (!((firsts >> (k[0] & 31)) & 1) && k[0] != ' ' && k[0] != '-' &&
            !small_word_at(k, nm[j].keylen))
            continue;
        /* All sets in one pass over the key (the longer sets fill first); a set that fills
         * its ini is dropped. small: bit 0 an "of" or "for", bit 1 a "the" or "and". */
        char ini[4][16];
        size_t il[4] = {0, 0, 0, 0};
        int at_start = 1, small = 0, pair = 0, paired = 0;
        for (size_t q = 0; q < nm[j].keylen && il[0] < sizeof ini[0]; q++) {
            if (k[q] == ' ' || k[q] == '-') {
                at_start = 1;
                continue;
            }
            if (at_start) {
                int sw = small_word_at(k + q, nm[j].keylen - q);
                small |= sw;
                if (!sw) {
                    ini[0][il[0]++] = k[q];
                    if (!pair)
                        ini[2][il[2]++] = k[q];
                    pair = 0;
                } else if (il[2] > 0 && nm[j].keylen - q > 4 && memcmp(k + q, "and ", 4) == 0) {
                    pair = paired = 1;
                }
                if (il[1] < sizeof ini[1])
                    ini[1][il[1]++] = k[q];
                if (sw != 2 && il[3] < sizeof ini[3])
                    ini[3][il[3]++] = k[q];
                at_start = 0;
            }
        }
        for (int set = 0; set < 4; set++) {
            /* (the fourth set is another only with small words of both kinds) */
            if (il[set] < 2 || il[set] >= sizeof ini[0] || (set == 1 && !small) ||
                (set == 2 && !paired) || (set == 3 && small != 3) || !((lens >> il[set]) & 1) ||
                !((firsts >> (ini[set][0] & 31)) & 1))
                continue;
            int created;
            dslot *sl = dt_intern(p, keys, ini[set], il[set], &created);
            if (!sl)
                return -1;
            if (created)
                sl->val = (uint32_t)j;
        }
    }
    for (size_t i = 0; i < nn && nacronyms; i++) {
        if (!acronym_like(&nm[i], 1))
            continue;
        /* (a title-case word that is an ordinary one, or no actor, is no acronym: "Chart") */
        if (!acronym_like(&nm[i], 0) &&
            (misc_name(&nm[i]) ||
             (ag_lexicon_word_class(lex, nm[i].key, nm[i].keylen) & AG_LEX_COMMON)))
            continue;
        int err = 0;
        dslot *sl = dt_get(keys, nm[i].key, nm[i].keylen, 0, &err);
        if (!sl)
            continue;
        size_t j = sl->val;
        nm[i].canon = (long)j;
        for (int v = 0; v < 5; v++)
            nm[j].votes[v] += nm[i].votes[v] + (v == AG_ACTOR_ORG ? 2 : 0);
        nm[j].type = best_type(nm[j].votes);
    }
    return 0;
}

/* Does name d spell the lower-case letters a[0, n) by its words' initials, all of them,
 * with or without the small words ("lse" for "london school of economics"), or without
 * them and with one initial for a pair joined by "and", its first word's ("ecb" for
 * "england and wales cricket board": the pair is one part of the name)? */
static int initials_spell(const dname *d, const char *a, size_t n)
{
    for (int mode = 0; mode < 3; mode++) {
        size_t got = 0;
        int at_start = 1, fits = 1, pair = 0;
        for (size_t q = 0; q < d->keylen && fits; q++) {
            if (d->key[q] == ' ' || d->key[q] == '-') {
                at_start = 1;
                continue;
            }
            if (at_start && mode == 2 && pair) {
                pair = 0; /* the pair's second word: no initial of its own */
            } else if (at_start && (mode == 1 || !small_word_at(d->key + q, d->keylen - q))) {
                fits = got < n && d->key[q] == a[got++];
            } else if (at_start && mode == 2) {
                pair = d->keylen - q > 4 && memcmp(d->key + q, "and ", 4) == 0 && got > 0;
            }
            at_start = 0;
        }
        if (fits && got == n)
            return 1;
    }
    return 0;
}

/* The next word of the lower-case text k[*q, kl) that is not a small word, its length
 * in *n; NULL at the end. */
static const char *next_big_word(const char *k, size_t kl, size_t *q, size_t *n)
{
    while (*q < kl) {
        while (*q < kl && (k[*q] == ' ' || k[*q] == '-'))
            (*q)++;
        size_t s = *q;
        while (*q < kl && k[*q] != ' ' && k[*q] != '-')
            (*q)++;
        if (*q > s && !small_word_at(k + s, kl - s)) {
            *n = *q - s;
            return k + s;
        }
    }
    return NULL;
}

/* Is name d another writing of the known body named k[0, kl) (lower case): as many words
 * beside the small ones, all but one alike in their first four letters ("World Trade
 * Organisation", "Hewlett Packard", an older "Organisation of the Islamic Conference")?
 * A body the lexicon names by one word (its acronym, "OPEC") is written out by any. */
static int writes_body(const dname *d, const char *k, size_t kl)
{
    size_t qa = 0, qb = 0, na = 0, nb = 0, words = 0, differ = 0;
    const char *wa, *wb;
    for (;;) {
        wa = next_big_word(d->key, d->keylen, &qa, &na);
        wb = next_big_word(k, kl, &qb, &nb);
        if (!wa || !wb)
            break;
        words++;
        size_t four = na < 4 || nb < 4 ? (na > nb ? na : nb) : 4;
        differ += na < four || nb < four || memcmp(wa, wb, four) != 0;
    }
    return words == 1 || (!wa && !wb && differ <= 1);
}

/* "A study by the London School of Economics ... the LSE figures": an acronym the
 * lexicon knows for one body ("LSE", the London Stock Exchange) is the body the article
 * named before it whose initials it spells, an organisation of its own words, unless
 * the article also names the lexicon's body in full or its name is another writing of
 * it. The article's own name is nearer than a body named nowhere in it. */
static void lexical_acronyms(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    dname *nm = p->names;
    for (size_t ci = 0; ci < p->ncands; ci++) {
        cand *m = &p->cands[ci];
        size_t l = m->e - m->s;
        if (!m->lexname || m->ntok != 1 || m->type != AG_ACTOR_ORG || l < 2 || l > 8 || m->caps)
            continue;
        char low[8];
        size_t q = 0;
        while (q < l && c->text[m->s + q] >= 'A' && c->text[m->s + q] <= 'Z')
            low[q] = (char)(c->text[m->s + q] + 32), q++;
        if (q < l)
            continue;
        long found = -1;
        for (size_t j = 0; j < p->nnames && found < 0; j++)
            if (nm[j].ntok >= 2 && nm[j].type == AG_ACTOR_ORG && p->cands[nm[j].first].s < m->s &&
                initials_spell(&nm[j], low, l))
                found = (long)j;
        if (found < 0)
            continue;
        int named = 0; /* the lexicon's body is written in full in the article too */
        for (size_t cj = 0; cj < p->ncands && !named; cj++)
            named = p->cands[cj].lexname == m->lexname && p->cands[cj].ntok >= 2;
        char body[AG__LEX_MAXKEY];
        size_t bl = strlen(m->lexname);
        if (named || bl >= sizeof body)
            continue;
        ag__lex_lower(m->lexname, bl, body);
        if (writes_body(&nm[found], body, bl))
            continue;
        for (size_t cj = ci; cj < p->ncands; cj++) {
            cand *x = &p->cands[cj];
            if (x->lexname != m->lexname || x->e - x->s != l ||
                memcmp(c->text + x->s, c->text + m->s, l) != 0)
                continue;
            x->name = (int32_t)root(nm, found);
            x->lexname = NULL;
            x->country = NULL;
            x->type = AG_ACTOR_OTHER;
        }
    }
}

/* The partial-name pass's table of the suffixes of person names. */
typedef struct suffixes {
    dtab *keys;       /* suffix -> last name keyed with it (index + 1) */
    uint32_t *link;   /* per name: the next name of its suffix chain (index + 1), 0 ends it */
    size_t *pos_last; /* per name: byte offset + 1 of its last mention so far */
    uint64_t lasts;   /* last_word_bit of the last word of every person name of 2+ words */
    int maxtok;       /* words of the longest person name: a suffix has fewer */
} suffixes;

/* Is w[0, n) (lower case) a particle that family names take with a hyphen ("al-Assad",
 * "el-Baradei"): a name connector of the lexicon, as the recogniser reads it there
 * (ner_spans.c, particle_word)? */
static int particle(const ag_lexicon *lex, const char *w, size_t n)
{
    return (ag_lexicon_word_class(lex, w, n) & AG_LEX_CONNECTOR) != 0;
}

/* Does name d's key have a suffix key at byte at: after a space, or after the particle of
 * its last word ("assad" in "bashar al-assad")? */
static int word_suffix(const ag_lexicon *lex, const dname *d, size_t at)
{
    if (d->key[at - 1] == ' ')
        return 1;
    size_t lw = d->keylen - d->lastlen;
    return d->key[at - 1] == '-' && at > lw + 1 && particle(lex, d->key + lw, at - 1 - lw);
}

/* The length of the generation that ends name d's key (" jr", " sr.", " iii", with its
 * space), or 0: the family name stands before it ("Bronfman" of "Edgar Bronfman Jr"). */
static size_t generation_len(const dname *d)
{
    static const char *const gens[] = {"jr",  "jr.", "sr",  "sr.", "jnr",
                                       "snr", "ii",  "iii", "iv",  NULL};
    if (d->ntok < 3 || d->keylen <= d->lastlen + 1)
        return 0;
    for (const char *const *g = gens; *g; g++)
        if (list_word_is(*g, d->key + d->keylen - d->lastlen, d->lastlen))
            return d->lastlen + 1;
    return 0;
}

/* Key the suffixes of key k[0, kl) that start after a space to name i. Returns how many,
 * or -1 when out of memory. */
static long chain_word_suffixes(suffixes *sf, const char *k, size_t kl, uint32_t i)
{
    long chained = 0;
    for (const char *sp = memchr(k, ' ', kl - 1); sp;
         sp = memchr(sp + 1, ' ', (size_t)(k + kl - 1 - (sp + 1)))) {
        size_t q = (size_t)(sp + 1 - k);
        if (chain_add(sf->keys, k + q, kl - q, i, sf->link) < 0)
            return -1;
        chained++;
    }
    return chained;
}

/* Key every suffix of every person name of several words ("tahir" and "ilyas tahir" of
 * "omar ilyas tahir"; "bronfman" of "edgar bronfman jr" too) in sf->keys. Returns how
 * many were keyed, or -1 when out of memory. */
static long suffix_keys(struct ag__ner_scratch *p, const ag_lexicon *lex, suffixes *sf)
{
    dname *nm = p->names;
    size_t nn = p->nnames, chained = 0;
    for (size_t i = 0; i < nn; i++) {
        if (nm[i].ntok < 2 || nm[i].type != AG_ACTOR_PERSON)
            continue;
        const char *k = nm[i].key;
        size_t kl = nm[i].keylen;
        sf->lasts |= last_word_bit(nm[i].lastlen, k[kl - 1]);
        if (nm[i].ntok > sf->maxtok)
            sf->maxtok = nm[i].ntok;
        long n = chain_word_suffixes(sf, k, kl, (uint32_t)i);
        if (n < 0)
            return -1;
        chained += (size_t)n;
        /* "assad" of "bashar al-assad": the family name without its particle */
        size_t lw = kl - nm[i].lastlen, h = lw;
        while (h < kl && k[h] != '-')
            h++;
        if (h < kl - 1 && particle(lex, k + lw, h - lw)) {
            if (chain_add(sf->keys, k + h + 1, kl - h - 1, (uint32_t)i, sf->link) < 0)
                return -1;
            sf->lasts |= last_word_bit(kl - h - 1, k[kl - 1]);
            chained++;
        }
        size_t g = generation_len(&nm[i]), ke = kl - g;
        if (g) {
            size_t w0 = ke;
            while (w0 > 0 && k[w0 - 1] != ' ')
                w0--;
            sf->lasts |= last_word_bit(ke - w0, k[ke - 1]);
            if ((n = chain_word_suffixes(sf, k, ke, (uint32_t)i)) < 0)
                return -1;
            chained += (size_t)n;
        }
    }
    return (long)chained;
}

/* A gazetteer word that is the surname of a person named (with a title or a given name)
 * before it is that person: "Michael Jordan ... Jordan"; in a headline, one the body
 * names after it too ("Lima's Shutout Helps Dodgers ... Jose Lima pitched"). m: a
 * gazetteer candidate. */
static void partial_lexical(ctx *c, cand *m, const suffixes *sf)
{
    dname *nm = c->p->names;
    size_t l = m->e - m->s;
    if (!m->lexname || m->ntok != 1 || m->adjective || m->dateline || m->type == AG_ACTOR_ORG ||
        l >= AG__LEX_MAXKEY || l == 0)
        return;
    unsigned char lc = (unsigned char)c->text[m->e - 1]; /* one word: its last */
    if (!(sf->lasts & last_word_bit(l, (char)(lc >= 'A' && lc <= 'Z' ? lc + 32 : lc))))
        return;
    char low[AG__LEX_MAXKEY];
    ag__lex_lower(c->text + m->s, l, low);
    int err = 0;
    dslot *sl = dt_get(sf->keys, low, l, 0, &err);
    long best = -1, after = -1;
    size_t bestpos = 0, afterpos = (size_t)-1;
    int headline = c->p->capsent[m->sent] != 0;
    for (uint32_t v = sl ? sl->val : 0; v; v = sf->link[v - 1]) {
        const dname *fd = &nm[v - 1];
        /* "Abdullah II of Jordan": a territorial designation, not a surname */
        int of_place = fd->keylen > l + 4 && memcmp(fd->key + fd->keylen - l - 4, " of ", 4) == 0;
        if (!fd->strong || fd->keylen <= l || memcmp(fd->key + fd->keylen - l, low, l) != 0 ||
            fd->key[fd->keylen - l - 1] != ' ' || of_place)
            continue;
        if (sf->pos_last[v - 1] > bestpos)
            bestpos = sf->pos_last[v - 1], best = (long)(v - 1);
        size_t fp = c->p->cands[fd->first].s;
        if (headline && fp > m->s && fp < afterpos)
            afterpos = fp, after = (long)(v - 1);
    }
    if (best < 0)
        best = after;
    if (best >= 0) {
        m->name = root(nm, best);
        m->lexname = NULL;
        m->country = NULL;
        m->capital = 0;
        m->gov = 0;
        m->type = AG_ACTOR_OTHER;
    }
}

/* The given names that candidate m's honorific rules out (AG__LEX_FEMALE after "Mr",
 * AG__LEX_MALE after "Mrs", "Ms", "Miss"), or 0. */
static uint32_t honorific_excludes(const cand *m)
{
    uint32_t sex = m->role ? ag__lex_honorific_sex(m->role) : 0;
    return sex ^ (sex ? AG__LEX_FEMALE | AG__LEX_MALE : 0);
}

/* The bytes of d's key its initial takes with the space after it, or 0: a person's name
 * that opens with a single letter, with or without its period ("M Trescothick", "K.
 * Pietersen"), as scorecards and results lines name players. */
static size_t initial_len(const dname *d)
{
    const char *k = d->key;
    if (d->ntok < 2 || d->type != AG_ACTOR_PERSON || d->keylen < 4 || k[0] < 'a' || k[0] > 'z')
        return 0;
    size_t n = k[1] == '.' ? 2 : 1;
    return k[n] == ' ' ? n + 1 : 0;
}

/* An unknown name whose words are the last words of a longer person name: the nearest
 * preceding mention of such a name wins, else the first following; never one whose given
 * name the honorific contradicts. A name with an initial for its given name ("M
 * Trescothick") is so the longer name whose given name starts with that letter ("Marcus
 * Trescothick"). m: a candidate with a name. */
static void partial_name(ctx *c, cand *m, const suffixes *sf)
{
    struct ag__ner_scratch *p = c->p;
    dname *nm = p->names;
    dname *d = &nm[m->name];
    sf->pos_last[m->name] = m->s + 1;
    size_t ini = d->canon >= 0 ? 0 : initial_len(d);
    const char *key = d->key + ini;
    size_t keylen = d->keylen - ini;
    /* (a surname that the article writes as a company's, its shares or its results, is the
     * company named after the person: "Henry Ford ... Ford shares fell 3%") */
    if (d->canon >= 0 || (d->ntok > 1 && d->type != AG_ACTOR_PERSON && d->type != AG_ACTOR_OTHER) ||
        (d->firm && d->type == AG_ACTOR_ORG && !m->role) || (d->ntok >= sf->maxtok && !ini) ||
        !(sf->lasts & last_word_bit(d->lastlen, d->key[d->keylen - 1])))
        return;
    int err = 0;
    dslot *sl = dt_get(sf->keys, key, keylen, 0, &err);
    if (!sl)
        return;
    long best = -1, after = -1;
    size_t bestpos = 0;
    size_t afterpos = (size_t)-1;
    uint32_t excl = honorific_excludes(m);
    for (uint32_t v = sl->val; v; v = sf->link[v - 1]) {
        long f = (long)(v - 1);
        const dname *fd = &nm[f];
        /* chains of different suffixes can share links: check the suffix (at the end, or
         * before a generation: "Bronfman" of "Edgar Bronfman Jr") */
        size_t fe = fd->keylen;
        if (fe > keylen && memcmp(fd->key + fe - keylen, key, keylen) != 0)
            fe -= generation_len(fd);
        if (f == m->name || fe <= keylen || memcmp(fd->key + fe - keylen, key, keylen) != 0 ||
            !word_suffix(c->lex, fd, fe - keylen) || (p->cands[fd->first].tcls0 & excl))
            continue;
        /* (the initial is the given name's first letter, and that name no initial) */
        if (ini && (fd->key[0] != d->key[0] || initial_len(fd) || fe - keylen < ini + 1))
            continue;
        if (sf->pos_last[f] > bestpos)
            bestpos = sf->pos_last[f], best = f;
        size_t fp = p->cands[nm[f].first].s;
        if (fp > m->s && fp < afterpos)
            afterpos = fp, after = f;
    }
    if (best < 0)
        best = after;
    if (best >= 0 && ini) {
        /* (the surname alone after it is the full name's, not the initial's) */
        sf->pos_last[m->name] = 0;
        sf->pos_last[best] = m->s + 1;
    }
    if (best >= 0)
        m->name = root(nm, best);
}

/* Partial names: a name whose words are the last words of a longer person name in the
 * document (see partial_name and partial_lexical), candidates in text order. keys is
 * empty on entry. -1 when out of memory. */
static int resolve_partial(ctx *c, dtab *keys)
{
    struct ag__ner_scratch *p = c->p;
    size_t nn = p->nnames;
    /* Every suffix ends with its name's last word: a key whose last word differs in
     * length and last byte from all of them is no suffix, which spares most lookups. */
    suffixes sf = {keys, p->link + nn, p->pos_last, 0, 0};
    long chained = suffix_keys(p, c->lex, &sf);
    if (chained < 0)
        return -1;
    /* A name with several suffixes is linked into each suffix chain through one
     * link slot, so a chain may wander into another suffix's chain; the walk below
     * checks the suffix, which keeps the result exact. */
    /* (With no suffix keyed, no candidate finds a longer name.) */
    for (size_t ci = 0; ci < p->ncands && chained; ci++) {
        cand *m = &p->cands[ci];
        if (m->name < 0)
            partial_lexical(c, m, &sf);
        else
            partial_name(c, m, &sf);
    }
    return 0;
}

/* A one-word person name that is an inner word (neither the first nor the last) of
 * exactly one person name of three words or more in the article is that person: the
 * name a person goes by among their names ("Lula" of "Luiz Inácio Lula da Silva",
 * "García" of "Gabriel García Márquez"). Not a name connector ("da", "bin"). */
static void resolve_inner_words(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    dname *nm = p->names;
    size_t nn = p->nnames, longer[64], nl = 0;
    /* (a name whose last word is an ordinary one is words glued to a name, "Paul
     * Otellini Come", no person's full name) */
    for (size_t j = 0; j < nn && nl < 64; j++)
        if (nm[j].ntok >= 3 && nm[j].canon < 0 && nm[j].type == AG_ACTOR_PERSON &&
            !(ag_lexicon_word_class(c->lex, nm[j].last, nm[j].lastlen) & AG_LEX_COMMON))
            longer[nl++] = j;
    for (size_t i = 0; i < nn && nl; i++) {
        dname *d = &nm[i];
        if (d->ntok != 1 || d->canon >= 0 || d->keylen < 3 ||
            (d->type != AG_ACTOR_PERSON && d->type != AG_ACTOR_OTHER) || misc_name(d) ||
            particle(c->lex, d->key, d->keylen))
            continue;
        long found = -1;
        int hits = 0;
        for (size_t q = 0; q < nl && hits < 2; q++) {
            const dname *b = &nm[longer[q]];
            const char *w = memchr(b->key, ' ', b->keylen), *end = b->key + b->keylen - b->lastlen;
            while (w && w + 1 < end) {
                w++;
                const char *sp = memchr(w, ' ', (size_t)(end - w));
                size_t wl = (size_t)((sp ? sp : end) - w) - (sp ? 0 : 1);
                if (wl == d->keylen && memcmp(w, d->key, wl) == 0) {
                    found = (long)longer[q];
                    hits++;
                    break;
                }
                w = sp;
            }
        }
        if (hits == 1)
            d->canon = found;
    }
}

/* The role of candidate m ends in a title that goes with a given name, not a family name
 * ("Sheikh Tamim", "Sir Keir", "Dame Ottoline", "Prince Turki"). */
static int given_title(const cand *m)
{
    static const char *const titles[] = {"Sheikh", "Sheikha",  "Sir",  "Dame",
                                         "Prince", "Princess", "Emir", NULL};
    if (!m->role)
        return 0;
    const char *r = m->role, *sp = strrchr(r, ' ');
    r = sp ? sp + 1 : r;
    return list_has(titles, r, strlen(r));
}

/* A given name alone ("Sam", "Saddam") that is the first word of exactly one person name
 * of two or three words in the article is that person (a longer one is more often a
 * company's, "Martha Stewart Living Omnimedia", mistaken for a person's): news calls a player or a
 * leader by the first name in quotes and headlines ("Sam has been brilliant", "Saddam said"). Two
 * such persons ("Sam Hartley", "Sam Allardyce") leave it alone. So is any word after a title
 * that goes with the given name (given_title), whatever the lexicon knows of it, and the
 * person's name may be longer, a title names a person: "Sheikh Tamim" after "Sheikh Tamim
 * bin Hamad Al Thani". */
static void resolve_given_alone(ctx *c)
{
    dname *nm = c->p->names;
    size_t nn = c->p->nnames;
    for (size_t i = 0; i < nn; i++) {
        dname *d = &nm[i];
        if (d->ntok != 1 || d->canon >= 0 ||
            (d->type != AG_ACTOR_PERSON && d->type != AG_ACTOR_OTHER) || misc_name(d))
            continue;
        int titled = given_title(&c->p->cands[d->first]);
        if (!titled && !(ag_lexicon_word_class(c->lex, d->key, d->keylen) & AG_LEX_GIVEN))
            continue;
        int most = titled ? 6 : 3;
        long found = -1;
        int hits = 0;
        for (size_t j = 0; j < nn && hits < 2; j++) {
            const dname *b = &nm[j];
            if (b->ntok >= 2 && b->ntok <= most && b->canon < 0 && b->type == AG_ACTOR_PERSON &&
                b->keylen > d->keylen && b->key[d->keylen] == ' ' &&
                memcmp(b->key, d->key, d->keylen) == 0)
                found = (long)j, hits++;
        }
        if (hits == 1)
            d->canon = found;
    }
}

/* The type that candidate x gives a name beside it in a list, or -1: an organisation
 * when x is one of two words or more (one word may be a surname that is also a club's
 * or a firm's name: "Given, Breen, Staunton, Irwin"); a region when x is a place or a
 * country (the gazetteer knows every country, so an unknown name is none). Persons are
 * left out: unknown single names beside people are as often their teams or firms. */
/* Candidate x follows a plural noun of organisations that heads a list ("the cable
 * operators NTL and Telewest", "the banks HSBC and Barclays"): whatever one word it is,
 * the list names organisations. Only while the document's tokens are kept. */
static int org_plural_before(const ctx *c, const cand *x)
{
    const tok *t = c->p->toks;
    if (!c->p->toks_kept || x->ts == 0 || t[x->ts - 1].sent != x->sent)
        return 0;
    const tok *pv = &t[x->ts - 1];
    return (pv->flags & AG__T_LOWER) && c->text[pv->e - 1] == 's' && tok_in(c, pv, G_ORG_BEFORE);
}

static int list_type(const ctx *c, const cand *x)
{
    if (x->adjective || x->dateline || x->misc)
        return -1;
    int type = x->type;
    if (x->name >= 0) {
        const dname *d = &c->p->names[x->name];
        if (d->votes[AG_ACTOR_OTHER])
            return -1;
        type = (int)best_type(d->votes);
    }
    if (type == AG_ACTOR_ORG)
        return x->ntok >= 2 || org_plural_before(c, x) ? AG_ACTOR_ORG : -1;
    return type == AG_ACTOR_PLACE || type == AG_ACTOR_COUNTRY ? AG_ACTOR_PLACE : -1;
}

/* Bytes text[a, b) are one of the strings of list (NULL-terminated). */
static int gap_is(const char *text, size_t a, size_t b, const char *const *list)
{
    for (; *list; list++)
        if (list_word_is(*list, text + a, b - a))
            return 1;
    return 0;
}

/* What joins the items of a list. */
static const char *const list_gaps[] = {", ", " and ", ", and ", " or ", NULL};

/* The name of list item x is an actor written as a word, not an acronym nor a code. */
static int word_actor(const ctx *c, const cand *x)
{
    if (x->adjective || x->dateline || x->misc || x->digits)
        return 0;
    int type = x->type;
    if (x->name >= 0) {
        const dname *d = &c->p->names[x->name];
        if (d->votes[AG_ACTOR_OTHER])
            return 0;
        type = (int)best_type(d->votes);
        if (d->votes[type] <= 0)
            return 0; /* no vote at all: a name that will be dropped */
    }
    int lower = 0;
    for (size_t q = x->s; q < x->e && !lower; q++)
        lower = c->text[q] >= 'a' && c->text[q] <= 'z';
    return lower && (type == AG_ACTOR_ORG || type == AG_ACTOR_PERSON);
}

/* Candidate m (a name written with a digit in a list) has a neighbour in its list that
 * is an organisation or a person written as a word: "Green Day and U2" (a band a
 * person's shape types a person still lists acts), "Orange and O2". */
static int digits_beside(const ctx *c, const cand *m)
{
    const cand *cs = c->p->cands;
    size_t ci = (size_t)(m - cs);
    return (ci > 0 && cs[ci - 1].sent == m->sent && cs[ci - 1].e <= m->s &&
            gap_is(c->text, cs[ci - 1].e, m->s, list_gaps) && word_actor(c, &cs[ci - 1])) ||
           (ci + 1 < c->p->ncands && cs[ci + 1].sent == m->sent && cs[ci + 1].s >= m->e &&
            gap_is(c->text, m->e, cs[ci + 1].s, list_gaps) && word_actor(c, &cs[ci + 1]));
}

/* Items of one list are of one kind: "competes with Cisco Systems, Juniper Networks and
 * Huawei" names three companies, "energy links between Sicily and Malta" two places. A
 * name with no evidence at all (one that would be dropped) takes the type its neighbours
 * in the list give (list_type) when they agree. Names are what is voted on, so one listed
 * mention types every mention of the name in the document. */
static void list_votes(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    cand *cs = p->cands;
    for (size_t ci = 0; ci < p->ncands; ci++) {
        cand *m = &cs[ci];
        if (m->name < 0 || (m->tcls0 & AG_LEX_COMMON)) /* "Everyone Buckled, Kids in Back" */
            continue;
        dname *d = &p->names[m->name];
        int sum = 0;
        for (int i = 0; i < 5; i++)
            sum += d->votes[i];
        if (sum)
            continue;
        int type = -1, clash = 0;
        if (ci > 0 && cs[ci - 1].sent == m->sent && cs[ci - 1].e <= m->s &&
            gap_is(c->text, cs[ci - 1].e, m->s, list_gaps))
            type = list_type(c, &cs[ci - 1]);
        if (ci + 1 < p->ncands && cs[ci + 1].sent == m->sent && cs[ci + 1].s >= m->e &&
            gap_is(c->text, m->e, cs[ci + 1].s, list_gaps)) {
            int t = list_type(c, &cs[ci + 1]);
            clash = t >= 0 && type >= 0 && t != type;
            if (type < 0)
                type = t;
        }
        /* (a name written with a digit is an organisation or no actor: "Green Day and
         * U2", whatever one word its neighbour is; not "MP3 and AAC", acronyms) */
        if (m->digits)
            type = !clash && digits_beside(c, m) ? AG_ACTOR_ORG : -1;
        if (type >= 0 && !clash)
            d->votes[type] += 2;
    }
}

/* Is candidate x no person's, place's or country's name? */
static int org_like(const struct ag__ner_scratch *p, const cand *x)
{
    ag_actor_type t = x->name >= 0 ? p->names[root(p->names, x->name)].type : x->type;
    return t == AG_ACTOR_ORG || (x->name >= 0 && t == AG_ACTOR_OTHER);
}

static void name_to_gazetteer(struct ag__ner_scratch *p, long n, const cand *g);

/* Does an apposition close at byte q: with "." or with ", " and a lower-case word that
 * starts no list item ("and", "or", "the", "a")? */
static int apposition_closes(const char *text, size_t len, size_t q)
{
    static const char *const items[] = {"and", "or", "the", "a", NULL};
    if (q < len && text[q] == '.')
        return 1;
    if (q + 2 >= len || text[q] != ',' || text[q + 1] != ' ' || text[q + 2] < 'a' ||
        text[q + 2] > 'z')
        return 0;
    size_t w = q + 2, e = w;
    while (e < len && text[e] >= 'a' && text[e] <= 'z')
        e++;
    return !gap_is(text, w, e, items);
}

/* "GroenLinks, the Green Left party, took 11 seats": a party's name in its own language
 * and, in apposition after it, its translation before "party" (or ending in "Party") are
 * one party. Not a list ("Labour, the Green party and the SNP", "Labour, the Green party,
 * the SNP": "and" or an article after it), nor a role ("X, the Green party leader").
 * Candidates a and b are next to each other, ", the " between them. */
static void translated_party(ctx *c, const cand *a, const cand *b)
{
    static const char *const the[] = {", the ", NULL};
    struct ag__ner_scratch *p = c->p;
    const char *text = c->text;
    if (!gap_is(text, a->e, b->s, the))
        return;
    size_t q = b->e; /* after the party word */
    if (q + 7 <= c->len && memcmp(text + q, " party", 6) == 0)
        q += 6;
    else if (!(b->e - b->s > 6 && strncasecmp(text + b->e - 6, " party", 6) == 0))
        return;
    if (!apposition_closes(text, c->len, q) || !org_like(p, b))
        return;
    /* (the apposition says the first is a party: untyped, or typed person by
     * default, it is one: "Lijst Dedecker, the Dedecker List Party"; not with a given
     * name or title) */
    dname *an = a->name >= 0 ? &p->names[root(p->names, a->name)] : NULL;
    if (an && (an->type == AG_ACTOR_OTHER || (an->type == AG_ACTOR_PERSON && !an->strong)))
        an->type = AG_ACTOR_ORG;
    if (!org_like(p, a))
        return;
    if (a->name >= 0 && b->name >= 0) {
        long ra = root(p->names, a->name), rb = root(p->names, b->name);
        if (ra != rb)
            p->names[rb].canon = ra;
    } else if (a->name >= 0 && b->lexname)
        name_to_gazetteer(p, root(p->names, a->name), b);
    else if (b->name >= 0 && a->lexname)
        name_to_gazetteer(p, root(p->names, b->name), a);
}

/* "X, also known as Y,", "X (known as Y)", "X, formerly Y,": the second name is another
 * name of the first. Both unknown names, next to each other in a sentence. */
static void resolve_aka(ctx *c)
{
    static const char *const joins[] = {
        ", also known as ", " (also known as ",     ", known as ",
        " (known as ",      ", formerly known as ", " (formerly known as ",
        ", formerly ",      " (formerly ",          NULL};
    struct ag__ner_scratch *p = c->p;
    cand *cs = p->cands;
    for (size_t ci = 0; ci + 1 < p->ncands; ci++) {
        const cand *a = &cs[ci], *b = &cs[ci + 1];
        if (b->s == a->e + 6 && c->text[a->e] == ',' && a->sent == b->sent) {
            translated_party(c, a, b); /* "X, the Y party" (no "known as" that short) */
            continue;
        }
        if (a->name < 0 || b->name < 0 || a->sent != b->sent || a->e >= b->s)
            continue;
        size_t s = a->e + (c->text[a->e] == ')'); /* "X (XY), also known as Y" */
        if (!gap_is(c->text, s, b->s, joins))
            continue;
        long ra = root(p->names, a->name), rb = root(p->names, b->name);
        if (ra != rb)
            p->names[rb].canon = ra;
    }
}

/* Every mention of unknown name n becomes gazetteer organisation g (as take_longer does
 * for "the Commission"). */
static void name_to_gazetteer(struct ag__ner_scratch *p, long n, const cand *g)
{
    const char *lexname = g->lexname, *country = g->country;
    for (size_t cj = 0; cj < p->ncands; cj++) {
        cand *x = &p->cands[cj];
        if (x->name < 0 || root(p->names, x->name) != n)
            continue;
        x->lexname = lexname;
        x->country = country;
        x->name = -1;
        x->type = AG_ACTOR_ORG;
    }
}

/* "The Rhine Valley Party (German: Rheintalpartei, RTP)", "Doctors Without Borders
 * (MSF)": an acronym closing a bracket that opens right after a name of several words,
 * not a person's, is that name's abbreviation, whatever its letters (another language's
 * initials). So it is after an organisation the lexicon knows ("the Labour Party (PvdA)",
 * a party named in English with its own language's acronym): every mention of the
 * acronym becomes that organisation. */
static void resolve_bracket_acronyms(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    const cand *cs = p->cands;
    for (size_t ci = 1; ci < p->ncands; ci++) {
        const cand *b = &cs[ci];
        if (b->name < 0 || b->e >= c->len || c->text[b->e] != ')' ||
            !acronym_like(&p->names[b->name], 1))
            continue;
        size_t open = b->s; /* the bracket, at most 128 bytes back in the sentence (a
                             * translation may come first: "(Spanish: Comisión ..., CCRP)") */
        while (open > 0 && b->s - open < 128 && c->text[open - 1] != '(' &&
               c->text[open - 1] != ')' && c->text[open - 1] != '.')
            open--;
        if (open < 2 || c->text[open - 1] != '(' || c->text[open - 2] != ' ')
            continue;
        /* (a title-case acronym alone in its bracket, no ordinary word: "(Unctad)", not
         * "(Quote, Chart)") */
        const dname *bn = &p->names[b->name];
        if (!acronym_like(bn, 0) &&
            (open != b->s || (ag_lexicon_word_class(c->lex, bn->key, bn->keylen) & AG_LEX_COMMON)))
            continue;
        /* (a code after a label and a colon is the one-word name's too: "Microsoft
         * (Nasdaq: MSFT)", a stock's ticker on its exchange) */
        int labelled =
            open < b->s && b->s >= 2 && c->text[b->s - 1] == ' ' && c->text[b->s - 2] == ':';
        for (size_t ai = ci; ai-- > 0 && cs[ai].e + 2 >= open;) {
            const cand *a = &cs[ai];
            if (a->e + 2 != open)
                continue;
            long ra = a->name >= 0 ? root(p->names, a->name) : -1;
            if (ra >= 0 && a->sent == b->sent && a->ntok >= 2 &&
                p->names[ra].type != AG_ACTOR_PERSON && ra != b->name)
                p->names[b->name].canon = ra;
            else if (a->name < 0 && a->lexname && a->type == AG_ACTOR_ORG && a->sent == b->sent &&
                     (a->ntok >= 2 || labelled))
                name_to_gazetteer(p, root(p->names, b->name), a);
            break;
        }
    }
}

/* Each candidate's type from its name's, once the names are resolved; drops. */
static void resolve_types(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    dname *nm = p->names;
    for (size_t ci = 0; ci < p->ncands; ci++) {
        cand *m = &p->cands[ci];
        if (m->name < 0)
            continue;
        long r = root(nm, m->name);
        m->name = r;
        dname *d = &nm[r];
        if (d->ntok == 1 && m->ntok == 1 && !m->role) {
            uint32_t cl = m->tcls0;
            int strong = d->votes[AG_ACTOR_PERSON] >= 3 || d->votes[AG_ACTOR_ORG] >= 2;
            if ((((cl & AG_LEX_COMMON) && !(cl & (AG_LEX_PROPER | AG_LEX_GIVEN)) && !strong) ||
                 industry_word(d) || ((cl & AG_LEX_ORGCUE) && lone_org_word(d))) &&
                !(m->tflags0 & AG__T_ALLCAPS))
                m->drop = 1; /* "Boatmen", "Series": a capitalised ordinary word; "News",
                              * "Software": an industry, alone no company's name; "Party" */
        }
        /* Evidence that the name is no actor at all, as strong as any for a type:
         * reported as misc, never an actor. */
        if (misc_name(d) && !m->role) {
            m->misc = 1;
            m->drop = m->caps && !d->text; /* a headline-only name */
            m->type = d->type == AG_ACTOR_OTHER ? AG_ACTOR_PERSON : d->type;
            continue;
        }
        if (d->type == AG_ACTOR_OTHER) {
            if (d->ntok >= 2 || c->opts->single_unknown)
                d->type = AG_ACTOR_PERSON;
            else
                m->drop = 1;
        }
        if (m->caps && !d->text)
            m->drop = 1; /* a headline-only name */
        m->type = d->type;
    }
}

/* The sentence of tokens [f, l) is a wire story's credit trailer, whose names are its
 * reporters and their desks, no actors of the story: "(Reporting by X in London; Editing
 * by Y)", "Associated Press writers X and Y contributed to this report.", "X in Chicago
 * contributed reporting." */
static int credit_trailer(const ctx *c, size_t f, size_t l, int contributed)
{
    static const char *const bys[] = {"Reporting", "Writing",  "Editing", "Additional",
                                      "Compiled",  "Produced", NULL};
    const tok *t = c->toks;
    size_t k = f;
    if (k < l && (t[k].flags & AG__T_PUNCT) && t[k].punct == '(')
        k++;
    if (k + 1 < l && tok_is_any(c->text, &t[k], bys) &&
        (tok_is(c->text, &t[k + 1], "by") || (k + 2 < l && tok_is(c->text, &t[k + 2], "by"))))
        return 1;
    for (size_t q = f; contributed && q < l; q++) {
        if (!tok_is(c->text, &t[q], "contributed"))
            continue;
        size_t r = q + 1; /* "contributed.", "contributed reporting", "to this report" */
        if (r >= l || ((t[r].flags & AG__T_PUNCT) && (t[r].punct == '.' || t[r].punct == ')')) ||
            tok_is(c->text, &t[r], "reporting") ||
            (r + 2 < l && tok_is(c->text, &t[r], "to") && tok_is(c->text, &t[r + 1], "this")))
            return 1;
    }
    return 0;
}

/* Drop every mention in a credit trailer (credit_trailer). Most documents write no
 * "contributed" (the tokeniser noted whether this one does): that spares a scan of the
 * tokens of every sentence with a mention; kept tokens know where their sentences start
 * and end. */
static void drop_trailers(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    const tok *t = c->toks;
    uint32_t sent = UINT32_MAX;
    int trailer = 0, contributed = p->contributed;
    int kept = p->toks_kept && t == p->toks && c->ntoks == p->ntoks;
    for (size_t ci = 0; ci < p->ncands; ci++) {
        cand *m = &p->cands[ci];
        if (m->sent != sent) {
            size_t f = m->ts, l = m->te;
            if (kept && m->sent < p->nsents) {
                f = p->sent_first[m->sent];
                l = p->sent_first[m->sent + 1];
            } else {
                while (f > 0 && t[f - 1].sent == m->sent)
                    f--;
                while (l < c->ntoks && t[l].sent == m->sent)
                    l++;
            }
            sent = m->sent;
            trailer = credit_trailer(c, f, l, contributed);
        }
        if (trailer)
            m->drop = 1;
    }
}

/* A place the lexicon knows that one mention shows to be a work (finish_cands) is that
 * work in all its mentions of the document: "Constantine, starring Keanu Reeves, ...
 * Constantine took $30m". Few works per document: a short scan per one. */
static void place_works(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    for (size_t ci = 0; ci < p->ncands; ci++) {
        const cand *w = &p->cands[ci];
        if (!w->misc || w->misc_here || !w->lexname || w->type != AG_ACTOR_PLACE || w->adjective)
            continue;
        for (size_t cj = 0; cj < p->ncands; cj++)
            if (p->cands[cj].lexname == w->lexname && !p->cands[cj].dateline)
                p->cands[cj].misc = 1;
    }
}

/*
 * One type per name, spelling variants, acronyms and partial names, organisations.
 * Time complexity: O(N + M log M) for N candidates and M names, plus the (short) chains of
 * names sharing a key; no pass is quadratic in the document (the pairwise passes of
 * resolve_orgs stop at ORG_PAIRS_MAX names).
 */
/* An unknown name in brackets before the dash that opens a story is the agency credited
 * for it, whatever else its words would say: "BEIJING, Aug. 17 (Xinhuanet) --",
 * "SEPTEMBER 06, 2004 (COMPUTERWORLD) -" (a known agency is so already: "(Reuters) -";
 * a credit at a paragraph's end is one too, see ag__ner_is_credit; an event stays one:
 * "ROME, November 3 (Champions League) -"). Its name is an organisation wherever the
 * story uses it. */
static void bracket_credits(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    const char *x = c->text;
    for (size_t ci = 0; ci < p->ncands; ci++) {
        cand *m = &p->cands[ci];
        /* (all the bracket: "(Sports Network)" the lexicon knows as a whole) */
        if (m->name < 0 || m->s == 0 || x[m->s - 1] != '(' || m->e >= c->len || x[m->e] != ')' ||
            misc_name(&p->names[m->name]))
            continue;
        size_t b = m->e + 1;
        while (b < c->len && x[b] == ' ')
            b++;
        if (b < c->len &&
            (x[b] == '-' ||
             (b + 2 < c->len && (unsigned char)x[b] == 0xE2 && (unsigned char)x[b + 1] == 0x80 &&
              ((unsigned char)x[b + 2] == 0x93 || (unsigned char)x[b + 2] == 0x94)))) {
            m->credit = 1;
            p->names[m->name].votes[AG_ACTOR_ORG] += 10;
        }
    }
}

int ag__ner_resolve(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    dname *nm = p->names;
    size_t nn = p->nnames;
    int rc = -1;
    place_works(c);
    bracket_credits(c);
    if (nn == 0)
        return 0;
    if (nn > p->caplink) {
        size_t nc = nn * 2;
        uint32_t *l = realloc(p->link, nc * 2 * sizeof *l);
        if (l)
            p->link = l;
        size_t *q = realloc(p->pos_last, nc * sizeof *q);
        if (q)
            p->pos_last = q;
        if (!l || !q)
            return -1;
        p->caplink = nc;
    }
    memset(p->link, 0, nn * 2 * sizeof *p->link);
    memset(p->pos_last, 0, nn * sizeof *p->pos_last);
    dtab keys = p->keys;
    dtab_next_gen(&keys);
    list_votes(c);
    for (size_t i = 0; i < nn; i++)
        nm[i].type = best_type(nm[i].votes);
    size_t npersons = 0, nacronyms = 0;
    for (size_t i = 0; i < nn; i++) {
        npersons += nm[i].ntok >= 2 && nm[i].type == AG_ACTOR_PERSON;
        nacronyms += acronym_like(&nm[i], 1);
    }
    if (resolve_variants(p, &keys, npersons) < 0)
        goto out;
    dtab_next_gen(&keys);
    if (resolve_acronyms(p, c->lex, &keys, nacronyms) < 0)
        goto out;
    dtab_next_gen(&keys);
    if (c->opts->resolve_partial && resolve_partial(c, &keys) < 0)
        goto out;
    if (c->opts->resolve_partial) {
        resolve_inner_words(c);
        resolve_given_alone(c);
    }
    if (resolve_orgs(c) < 0)
        goto out;
    resolve_aka(c);
    resolve_bracket_acronyms(c);
    lexical_acronyms(c);
    resolve_types(c);
    drop_trailers(c);
    rc = 0;
out:
    p->keys = keys; /* keep the table (and its growth) for the next document */
    return rc;
}

/* ---------------------------------------------------------------- teams, governments,
 * credits */

/*
 * Teams are organisations, and one sense per discourse: every mention of a team's name in
 * the document becomes an org. Countries stay countries (national teams are reported as
 * the country).
 */
/* Table rows are one kind of thing, decided by the rows together (finish_cands says what
 * each row's name reads as alone): line items when most rows are one ordinary word
 * ("Turnover 412.6 388.1"); players when more rows read as people's names (a
 * title, a given name first, a known person, two or three words of no common noun) than
 * as teams' (a team word, a city, an organisation cue, one unknown word), else teams. A
 * row name of unknown type then takes the table's kind; countries stay countries
 * (national sides). */
static void table_rows(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    size_t rows = 0, people = 0, teams = 0, labels = 0;
    for (size_t ci = 0; ci < p->ncands; ci++) {
        const cand *m = &p->cands[ci];
        if (!m->row)
            continue;
        rows++;
        people += m->rowkind == 1;
        teams += m->rowkind == 2;
        labels += m->rowkind == 3;
    }
    if (rows < 2)
        return; /* one line with numbers is no table */
    for (size_t ci = 0; ci < p->ncands; ci++) {
        cand *m = &p->cands[ci];
        if (!m->row || m->type == AG_ACTOR_COUNTRY || m->adjective)
            continue;
        if (labels > people && labels > teams) {
            /* a table of line items, a company's results: its labels name no one */
            if (m->rowkind == 3)
                m->drop = 1;
        } else if (people > teams) {
            if (m->name >= 0)
                p->names[m->name].votes[AG_ACTOR_PERSON] += 3;
        } else if (m->name >= 0 || m->type != AG_ACTOR_PERSON) {
            m->team = 1;
        }
    }
}

/* "lost to Atlanta", "fell to Houston": the place after "to" is the other side. */
static int lost_to(const ctx *c, const cand *m)
{
    static const char *const lost[] = {"lost", "fell", "losing", "loss", "losses", NULL};
    size_t s, n = word_before(c, m->s, &s);
    if (n != 2 || memcmp(c->text + s, "to", 2) != 0)
        return 0;
    n = word_before(c, s, &s);
    for (const char *const *w = lost; *w; w++)
        if (list_word_is(*w, c->text + s, n))
            return 1;
    return 0;
}

/* Candidate m is in brackets right after a name that is no person's: "At Headingley
 * (Leeds):", the town of a ground (after a player, "Batty (Leeds)", it is his club). */
static int place_apposition(const ctx *c, const cand *m)
{
    if (m == c->p->cands || m->s < 2 || c->text[m->s - 1] != '(')
        return 0;
    const cand *pv = m - 1;
    if (pv->e + 2 != m->s)
        return 0;
    int type = pv->name >= 0 ? c->p->names[root(c->p->names, pv->name)].type : pv->type;
    return type != AG_ACTOR_PERSON;
}

/* The one word of candidate m ends a person's full name in the document, a given name
 * first: "Chris Paterson ... Paterson added the conversion" (a town's name too). */
static int surname_here(const ctx *c, const cand *m)
{
    size_t l = m->e - m->s;
    for (size_t ci = 0; ci < c->p->ncands; ci++) {
        const cand *f = &c->p->cands[ci];
        if (f->ntok >= 2 && (f->tcls0 & AG_LEX_GIVEN) && f->type != AG_ACTOR_ORG &&
            f->e - f->s > l + 1 && c->text[f->e - l - 1] == ' ' &&
            memcmp(c->text + f->e - l, c->text + m->s, l) == 0)
            return 1;
    }
    return 0;
}

/* Candidate m, a city, hosts an event: "Rome to stage the final", "Athens will host the
 * Games", "Turin hosted". A host is the city, in a sports report too. */
static int city_hosts(const ctx *c, const cand *m)
{
    static const char *const host[] = {"host",   "hosts",  "hosted",  "hosting", "stage",
                                       "stages", "staged", "staging", NULL};
    const tok *t = c->toks;
    size_t k = m->te;
    if (k + 1 < c->ntoks && t[k + 1].sent == m->sent &&
        (tok_is(c->text, &t[k], "to") || tok_is(c->text, &t[k], "will")))
        k++;
    return k < c->ntoks && t[k].sent == m->sent && (t[k].flags & AG__T_LOWER) &&
           tok_is_any(c->text, &t[k], host);
}

/* In a sports report a city named as an actor, not as where something happens, is its
 * team: "Boston rallied past New York", "Houston's bullpen". Countries stay countries
 * (national sides), and so do regions, which are no city of a country; so does a town
 * whose name is the surname of a player the report names in full ("Paterson kicked"),
 * a city before its own things ("Rome's new stadium", "Leeds's mayor") and a host. */
static int city_actor(const ctx *c, const cand *m)
{
    return m->lexname && m->type == AG_ACTOR_PLACE && m->country && !m->dateline && !m->adjective &&
           !m->row && (!after_loc_prep(c, m) || lost_to(c, m)) && !surname_here(c, m) &&
           !(m->te + 1 < c->ntoks && (c->toks[m->te].flags & AG__T_POSS) &&
             ag__ner_city_own_after(c, m->te + 1, m->sent)) &&
           !city_hosts(c, m);
}

/* The document's tokens have a result: a hyphenated score before a noun of its outcome
 * ("a 3-0 win", "a 1-1 draw"; not "a 5-4 vote"), or a side's ground ("a home defeat", "an
 * away win": a match is played at home or away, a vote or a lead is not). */
static int result_phrase(const ctx *c)
{
    static const char *const outcome[] = {"win", "victory", "defeat", "draw", "loss", "lead", NULL};
    static const char *const ground[] = {"home", "away", NULL};
    for (size_t k = 0; k + 1 < c->ntoks; k++) {
        const tok *t = &c->toks[k];
        if ((t[1].flags & AG__T_LOWER) && tok_is_any(c->text, &t[1], outcome) &&
            (((t->flags & (AG__T_WORD | AG__T_HYPHEN | AG__T_DIGIT)) ==
                  (AG__T_HYPHEN | AG__T_DIGIT) &&
              t->e - t->s <= 7) ||
             ((t->flags & AG__T_LOWER) && tok_is_any(c->text, t, ground) &&
              !tok_is(c->text, &t[1], "lead"))))
            return 1;
    }
    return 0;
}

static void report_teams(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    /* (no sport word, no sports report: most documents, whose places need no look) */
    if (p->sport_words == 0)
        return;
    size_t ci = 0;
    while (ci < p->ncands && !city_actor(c, &p->cands[ci]))
        ci++;
    if (ci == p->ncands)
        return;
    /* a sports report: sports words, or one and a result ("a 4-3 win") in a short one */
    if (p->sport_words < SPORT_WORDS && !(p->sport_words > 0 && result_phrase(c)))
        return;
    for (; ci < p->ncands; ci++)
        if (city_actor(c, &p->cands[ci]) && !place_apposition(c, &p->cands[ci]))
            p->cands[ci].team = 1;
}

/* Mention m is followed by a noun of a contest: "Champions League match", "American
 * League pennant". */
static int before_contest(const ctx *c, const cand *m)
{
    static const char *const contest[] = {
        "match",  "matches", "game",      "games",      "tie",          "clash",
        "final",  "finals",  "semifinal", "semifinals", "quarterfinal", "qualifier",
        "title",  "season",  "group",     "debut",      "pennant",      "playoffs",
        "race",   "record",  "standings", "champions",  "victory",      "win",
        "defeat", "loss",    "knockout",  NULL};
    size_t s, n = word_after(c, m->e, &s);
    for (const char *const *w = contest; *w && n; w++)
        if (list_word_is(*w, c->text + s, n))
            return 1;
    return 0;
}

/* Name d is a league's or a division's: its word "league" or "division" followed only by
 * a number or a region ("Premier League", "Third Division North", "Division Two"). */
static int league_name(const dname *d)
{
    static const char *const tail[] = {"one",   "two",  "three", "four",    "five", "north",
                                       "south", "east", "west",  "central", NULL};
    const char *k = d->key, *end = d->key + d->keylen;
    const char *w = k, *head = NULL;
    while (w < end) {
        const char *e = memchr(w, ' ', (size_t)(end - w));
        size_t n = e ? (size_t)(e - w) : (size_t)(end - w);
        if (head && !list_has(tail, w, n))
            head = NULL;
        if (list_word_is("league", w, n) || list_word_is("division", w, n))
            head = w;
        w += n + 1;
    }
    return head != NULL;
}

/* A league in a sports report is its competition, no actor (misc): "in the Champions
 * League", "the American League". Elsewhere a league is an organisation ("the Arab
 * League", "the Muslim League"). A sports report here: a word only sports reports use, a
 * team of a result line, a result ("a 3-0 win"), or a noun of a contest after one of the
 * league's mentions ("Champions League match"). Before ag__ner_resolve: the misc votes
 * outweigh the league's organisation cue. */
static void sports_leagues(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    int sporty = -1; /* not decided yet */
    for (size_t i = 0; i < p->nnames; i++) {
        dname *d = &p->names[i];
        if (d->ntok < 2 || !league_name(d))
            continue; /* "Premier League", "First Division" */
        if (sporty < 0) {
            sporty = p->sport_words > 0 || result_phrase(c);
            for (size_t ci = 0; ci < p->ncands && !sporty; ci++)
                sporty = p->cands[ci].team && !p->cands[ci].row;
        }
        int contest = sporty;
        for (size_t ci = d->first; ci < p->ncands && !contest; ci++)
            contest = p->cands[ci].name == (int32_t)i && before_contest(c, &p->cands[ci]);
        if (!contest)
            continue;
        int top = 0;
        for (int t = AG_ACTOR_PERSON; t < 5; t++)
            if (d->votes[t] > top)
                top = d->votes[t];
        if (d->votes[AG_ACTOR_OTHER] <= top)
            d->votes[AG_ACTOR_OTHER] = top + 1;
    }
}

/* A name its article defines takes the definition's type: its votes are raised above
 * every other type's (see define() in ner_evidence.c). */
void ag__ner_definitions(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    for (size_t i = 0; i < p->nnames; i++) {
        dname *d = &p->names[i];
        if (!d->defined)
            continue;
        int want = d->defined - 1, top = 0;
        for (int t = 0; t < 5; t++)
            if (t != want && d->votes[t] > top)
                top = d->votes[t];
        if (d->votes[want] <= top)
            d->votes[want] = top + 1;
    }
}

void ag__ner_sports_teams(ctx *c)
{
    struct ag__ner_scratch *p = c->p;
    size_t nteams = 0;
    table_rows(c);
    report_teams(c);
    sports_leagues(c);
    for (size_t ci = 0; ci < p->ncands; ci++) {
        cand *m = &p->cands[ci];
        if (!m->team)
            continue;
        nteams++;
        if (m->name >= 0) {
            p->names[m->name].votes[AG_ACTOR_ORG] += 5;
        } else {
            m->type = AG_ACTOR_ORG;
            m->capital = 0;
            m->metonym = 2; /* marks a team name for the pass below */
        }
    }
    /* The same lexicon name elsewhere in the document (few teams: a short list). */
    for (size_t ti = 0; ti < p->ncands && nteams; ti++) {
        if (p->cands[ti].metonym != 2)
            continue;
        const char *ln = p->cands[ti].lexname;
        p->cands[ti].metonym = 0;
        /* ... but where something happens it stays a place ("at Leicester", "in Leeds") */
        for (size_t cj = 0; cj < p->ncands && ln; cj++)
            if (p->cands[cj].lexname == ln && !p->cands[cj].dateline &&
                (p->cands[cj].team || !after_loc_prep(c, &p->cands[cj]))) {
                p->cands[cj].type = AG_ACTOR_ORG;
                p->cands[cj].capital = 0;
                p->cands[cj].metonym = 0;
            }
    }
}

/* The body seated in capital city (ag__ner_seats) that the capital acting as a
 * government stands for in this document, or NULL for its country: the body, unless the
 * story is its country's own (it names the country or one of its places) and names the
 * body nowhere ("Brussels yesterday rejected the demands" after "the Liege prosecutor").
 * *body is the lexicon's entry. */
static int seated_body(const ctx *c, const char *city, const char *country, ag_lex_actor *body)
{
    const char *const *s = ag__ner_seats;
    while (*s && strcmp(*s, city) != 0)
        s += 2;
    if (!*s || !ag_lexicon_lookup(c->lex, s[1], strlen(s[1]), 0, body))
        return 0;
    int home = 0;
    for (size_t ci = 0; ci < c->p->ncands; ci++) {
        const cand *m = &c->p->cands[ci];
        if (m->lexname && strcmp(m->lexname, body->name) == 0)
            return 1;
        if (!m->capital && ((m->lexname && strcmp(m->lexname, country) == 0) ||
                            (m->country && strcmp(m->country, country) == 0)))
            home = 1;
    }
    return !home;
}

/* Capitals standing for their governments (context recorded by finish_cands), or for
 * the body seated there (seated_body). */
void ag__ner_metonymy(ctx *c)
{
    for (size_t ci = 0; ci < c->p->ncands; ci++) {
        cand *m = &c->p->cands[ci];
        if (!(m->capital && m->gov && !m->dateline && m->country))
            continue;
        ag_lex_actor body;
        int seat = m->lexname && seated_body(c, m->lexname, m->country, &body);
        m->metonym = 1;
        m->type = seat ? body.type : AG_ACTOR_COUNTRY;
        m->lexname = seat ? body.name : m->country;
    }
}

/* Bytes [s, e) of text are a source credit (the contract is in ner_stage_internal.h). */
/* A byte of a bracketed credit's text: letters, and the '.', '/' and spaces that join
 * several agencies ("(CBS.MW)", "(CBS/AP)"). */
static int credit_byte(char ch)
{
    return ((ch | 32) >= 'a' && (ch | 32) <= 'z') || ch == '.' || ch == '/' || ch == ' ' ||
           ch == '&';
}

int ag__ner_is_credit(const char *text, size_t len, size_t s, size_t e)
{
    /* the credit's first agency follows the bracket, the others '.', '/' or '&' */
    if (s == 0 ||
        !(text[s - 1] == '(' || text[s - 1] == '.' || text[s - 1] == '/' || text[s - 1] == '&'))
        return 0;
    size_t open = s, close = e;
    while (open > 0 && s - open < 40 && credit_byte(text[open - 1]))
        open--;
    while (close < len && close - e < 40 && credit_byte(text[close]))
        close++;
    if (open == 0 || close >= len || text[open - 1] != '(' || text[close] != ')')
        return 0;
    size_t i = close + 1;
    if (i < len && text[i] == '.')
        i++;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
        i++;
    return i == len || text[i] == '\n' || text[i] == '-' ||
           (i + 2 < len && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x93 || (unsigned char)text[i + 2] == 0x94));
}

/* ---------------------------------------------------------------- variant keys */

/* What variant keys make of a byte: a word separator, a byte that is kept, and a vowel or
 * 'h', which is dropped after a word's first letter. Bytes of multibyte characters are
 * kept; other ASCII is dropped. vkfold, for ASCII names, which are lower-cased here, gives
 * 'A'..'Z' the class of their lower case and VK_UP, the bit that lower-cases them. Tables,
 * as keys are made for every multi-word name of every document. */
enum { VK_SEP = 1, VK_KEEP = 2, VK_SOFT = 4, VK_UP = 0x20 };
#define VKLOWER(c)                                                                                 \
    ((c) == ' ' || (c) == '\t' || (c) == '-' ? VK_SEP                                              \
     : (c) == 'a' || (c) == 'e' || (c) == 'i' || (c) == 'o' || (c) == 'u' || (c) == 'y' ||         \
             (c) == 'h'                                                                            \
         ? VK_KEEP | VK_SOFT                                                                       \
     : ((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') || (c) >= 0x80 ? VK_KEEP           \
                                                                               : 0)
#define VKFOLD(c) ((c) >= 'A' && (c) <= 'Z' ? VKLOWER((c) + 32) | VK_UP : VKLOWER(c))
#define VKTAB4(m, c) m(c), m((c) + 1), m((c) + 2), m((c) + 3)
#define VKTAB16(m, c) VKTAB4(m, c), VKTAB4(m, (c) + 4), VKTAB4(m, (c) + 8), VKTAB4(m, (c) + 12)
#define VKTAB64(m, c)                                                                              \
    VKTAB16(m, c), VKTAB16(m, (c) + 16), VKTAB16(m, (c) + 32), VKTAB16(m, (c) + 48)
#define VKTAB(m)                                                                                   \
    {                                                                                              \
        VKTAB64(m, 0), VKTAB64(m, 64), VKTAB64(m, 128), VKTAB64(m, 192)                            \
    }
static const unsigned char vkclass[256] = VKTAB(VKLOWER), vkfold[256] = VKTAB(VKFOLD);

/* The full given name of which the first word of name[0, nl) is a familiar form, when
 * another word follows it ("Phil Knight": "philip"), else NULL; *wl is the word's length. */
static const char *familiar_given(const char *name, size_t nl, size_t *wl)
{
    size_t n = 0;
    while (n < nl && name[n] != ' ')
        n++;
    if (n < 2 || n > 7 || n + 1 >= nl)
        return NULL;
    for (const char *const *f = ag__ner_familiar_names; *f; f += 2)
        if (list_word_is_ci(f[0], name, n)) {
            *wl = n;
            return f[1];
        }
    return NULL;
}

int ag__ner_variant_key(const char *name, size_t nl, char *buf, size_t bufsize, int short_form)
{
    /* "Phil Knight" keys as "Philip Knight": a familiar given name as its full form (not
     * in the short form, which drops the middle words: "Bob O. Evans" is no "Robert Evans") */
    size_t fw;
    const char *full = short_form ? NULL : familiar_given(name, nl, &fw);
    char whole[AG__LEX_MAXKEY + 16];
    size_t ful = full ? strlen(full) : 0;
    if (full && ful + nl - fw < sizeof whole) {
        memcpy(whole, full, ful);
        memcpy(whole + ful, name + fw, nl - fw);
        name = whole;
        nl = ful + nl - fw;
    }
    /* Decompose and strip marks so "Mehmöod" keys like "Mehmood". */
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t fl = -1;
    uint64_t any = 0; /* OR of the bytes: a high bit says "not ASCII" */
    size_t q = 0;
    for (; q + 8 <= nl; q += 8) {
        uint64_t w;
        memcpy(&w, name + q, 8);
        any |= w;
    }
    for (; q < nl; q++)
        any |= (unsigned char)name[q];
    /* ASCII is lower-cased byte by byte below: it needs no Unicode folding. */
    int ascii = nl < AG__LEX_MAXKEY && !(any & 0x8080808080808080ull);
    if (!ascii)
        fl = utf8proc_map((const utf8proc_uint8_t *)name, 0, &folded,
                          UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                              UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    const unsigned char *s = (const unsigned char *)(fl >= 0 ? (const char *)folded : name);
    size_t sl = fl >= 0 ? (size_t)fl : nl;
    const unsigned char *vk = ascii ? vkfold : vkclass;
    /* The short form needs the number of words (at most 64 count) before it writes one. */
    size_t nw = 0, i = 0;
    while (short_form && i < sl && nw < 64) {
        while (i < sl && (vk[s[i]] & VK_SEP))
            i++;
        if (i >= sl)
            break;
        nw++;
        while (i < sl && !(vk[s[i]] & VK_SEP))
            i++;
    }
    size_t out = 0;
    i = 0;
    for (size_t w = 0; i < sl && w < 64; w++) {
        while (i < sl && (vk[s[i]] & VK_SEP))
            i++;
        if (i >= sl)
            break;
        if (short_form && nw > 2 && w != 0 && w != nw - 1) {
            while (i < sl && !(vk[s[i]] & VK_SEP))
                i++;
            continue;
        }
        if (out > 0) {
            if (out + 1 < bufsize)
                buf[out] = ' ';
            out++;
        }
        /* The word's first byte (not a separator) is kept even when soft, and never
         * repeats the one before it. */
        unsigned cl = vk[s[i]];
        unsigned char prev = (unsigned char)(s[i] | (cl & VK_UP));
        if (cl & VK_KEEP) {
            if (out + 1 < bufsize)
                buf[out] = (char)prev;
            out++;
        } else {
            prev = 0;
        }
        for (i++; i < sl; i++) {
            cl = vk[s[i]];
            if (cl & VK_SEP)
                break;
            unsigned char ch = (unsigned char)(s[i] | (cl & VK_UP));
            if ((cl & (VK_KEEP | VK_SOFT)) != VK_KEEP || ch == prev)
                continue;
            if (out + 1 < bufsize)
                buf[out] = (char)ch;
            out++;
            prev = ch;
        }
    }
    if (bufsize > 0)
        buf[out < bufsize ? out : bufsize - 1] = '\0';
    free(folded);
    return (int)out;
}
