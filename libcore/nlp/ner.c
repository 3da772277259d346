/*
 * ner.c - the actor recogniser: tokens -> candidate name spans -> typed, resolved mentions
 * of one document. The public entry points, which run the stages in order.
 *
 * The pipeline, all in scratch memory that is kept between documents (the stages, their
 * files and what they share are described in ner_stage_internal.h):
 *  1. ner_tokens.c: tokenise each sentence (words keep inner hyphens and apostrophes; a
 *     possessive 's is its own token; dotted abbreviations such as U.S. keep their
 *     periods), mark headlines, and note which words the document writes capitalised in
 *     mid-sentence (evidence for names);
 *  2. ner_spans.c: group capitalised tokens and name connectors into spans; drop
 *     sentence-initial function/common words, weekdays and months; strip leading titles
 *     (kept as the role) and emit the country or adjective that may precede a title ("US
 *     Special Envoy"); split each span into gazetteer forms and unknown names;
 *  3. ner_evidence.c: vote a type for unknown names from cues (titles, given names,
 *     organisation cue words, acronyms, "said", "the", locative prepositions);
 *  4. ner_resolve.c: resolve within the document: one type per name (strongest votes
 *     win), partial person names to the full name with the same last token, spelling
 *     variants of full names, acronyms to their expansions, organisations written several
 *     ways, ALL-CAPS headline words to names attested in the body, capitals acting as
 *     governments to their country.
 * The word lists the stages consult are in ner_words.c. Only the lexicon (read-only) is
 * shared, so any number of threads can run this at once.
 *
 * A document of more than TOKEN_LIMIT tokens does not keep its tokens: stages 2 and 3 run
 * window by window, the text tokenised again (spans_windowed), and stage 4 once at the
 * end, from what the candidates saved of their tokens.
 */
#include <actorgraph/nlp/ner.h>

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define AG__ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AG__ASAN 1
#endif
#endif
#ifdef AG__ASAN
#include <sanitizer/asan_interface.h>
#endif

#include "nlp/lexicon_internal.h"
#include "nlp/ner_internal.h"
#include "nlp/ner_stage_internal.h"
#include "util/array_internal.h"
#include "util/opts_internal.h"

/* ---------------------------------------------------------------- mentions and scratch */

void ag_mentions_init(ag_mentions *m)
{
    m->v = NULL;
    m->n = 0;
    m->cap = 0;
    m->priv = NULL;
}

void ag_mentions_clear(ag_mentions *m)
{
    m->n = 0;
    struct ag__ner_scratch *p = m->priv;
    if (!p)
        return;
    ag__arena_reset(&p->arena);
    p->ntoks = p->ncands = p->nnames = 0;
    p->toks_kept = 0;
    p->sport_words = 0;
    p->nicks = 0;
    p->doc_pass = 0;
    dtab_next_gen(&p->evidence);
    dtab_next_gen(&p->nametab);
}

void ag_mentions_destroy(ag_mentions *m)
{
    struct ag__ner_scratch *p = m->priv;
    if (p) {
        ag__arena_free(&p->arena);
        free(p->toks);
        free(p->cands);
        free(p->names);
        dtab_dispose(&p->evidence);
        dtab_dispose(&p->nametab);
        free(p->capsent);
        free(p->capmid);
        free(p->starts);
        free(p->firsts);
        free(p->sent_first);
        dtab_dispose(&p->keys);
        dtab_dispose(&p->grammar);
        free(p->link);
        free(p->pos_last);
        free(p->wcache);
        free(p->vkcache);
        free(p);
    }
    free(m->v);
    ag_mentions_init(m);
}

int ag__ner_scratch_ready(ag_mentions *m, const ag_lexicon *lex, size_t nsents)
{
    ag_mentions_clear(m);
    if (!m->priv) {
        m->priv = calloc(1, sizeof *m->priv);
        if (!m->priv)
            return -1;
        m->priv->evidence.gen = m->priv->nametab.gen = m->priv->keys.gen = 1;
        m->priv->grammar.gen = 1;
        if (ag__ner_grammar_init(m->priv) < 0)
            return -1;
    }
    struct ag__ner_scratch *p = m->priv;
    if (!p->wcache && !(p->wcache = calloc(WC_SLOTS, sizeof *p->wcache)))
        return -1;
    if (!p->vkcache && !(p->vkcache = calloc(VK_SLOTS, sizeof *p->vkcache)))
        return -1;
    if (p->wc_stamp != ag__lex_stamp(lex)) {
        memset(p->wcache, 0, WC_SLOTS * sizeof *p->wcache);
        p->wc_stamp = ag__lex_stamp(lex);
    }
    if (ag__grow(&p->capsent, &p->capcapsent, nsents + 1, 1) < 0 ||
        ag__grow(&p->sent_first, &p->capsent_first, nsents + 1, sizeof *p->sent_first) < 0)
        return -1;
    return 0;
}

/* ---------------------------------------------------------------- the document */

/* Under AddressSanitizer the room past the document's last token (and, once spans are
 * made, past its last candidate) is poisoned while the stages run: the arrays are kept
 * across documents, so a rule reading t[te + 1] at the document's end would silently read
 * a token of an earlier document, which ASan cannot see otherwise. poison 0 unpoisons all
 * room again (the tokeniser and the candidate stage write there for the next document). */
static void spare_room(struct ag__ner_scratch *p, int poison, int cands)
{
#ifdef AG__ASAN
    if (poison) {
        if (p->toks)
            ASAN_POISON_MEMORY_REGION(p->toks + p->ntoks,
                                      (p->captoks - p->ntoks) * sizeof *p->toks);
        if (cands && p->cands)
            ASAN_POISON_MEMORY_REGION(p->cands + p->ncands,
                                      (p->capcands - p->ncands) * sizeof *p->cands);
    } else {
        if (p->toks)
            ASAN_UNPOISON_MEMORY_REGION(p->toks, p->captoks * sizeof *p->toks);
        if (cands && p->cands)
            ASAN_UNPOISON_MEMORY_REGION(p->cands, p->capcands * sizeof *p->cands);
    }
#else
    (void)p, (void)poison, (void)cands;
#endif
}

/* Stages 2 and 3 window by window, for a document whose tokens were not kept: the text
 * is tokenised again, WINDOW tokens at a time, each window processed but its last CONTEXT
 * tokens (spans and cues look a few tokens ahead). -1 when out of memory. */
static int spans_windowed(ctx *c, const ag_sentence *sents, size_t nsents)
{
    struct ag__ner_scratch *p = c->p;
    const ag_lexicon *lex = c->lex;
    const char *text = c->text;
    size_t len = c->len;
    size_t from = 0;
    int first_window = 1;
    p->ntoks = 0;
    for (size_t si = 0; si <= nsents; si++) {
        size_t a = si < nsents ? sents[si].start : len, b = si < nsents ? sents[si].end : len;
        if (b > len)
            b = len;
        int first = 1, final = si == nsents;
        size_t pos = a;
        while (pos < b || final) {
            if (!final && ag__ner_tokenise(lex, p, text, &pos, b, (uint32_t)si, &first,
                                           p->ntoks + WINDOW) < 0)
                return -1;
            if (!final && p->ntoks < WINDOW + CONTEXT)
                continue;
            /* Process the window but its last CONTEXT tokens (spans and cues look a
             * few tokens ahead), then keep a little context before the next start. */
            c->toks = p->toks;
            c->ntoks = p->ntoks;
            size_t limit = final ? c->ntoks : c->ntoks - CONTEXT, cstart = p->ncands;
            if (first_window && ag__ner_find_dateline(c) < 0)
                return -1;
            first_window = 0;
            size_t k = ag__ner_spans(c, from, limit);
            if (k == (size_t)-1 || ag__ner_finish_cands(c, cstart) < 0)
                return -1;
            if (final)
                break;
            size_t keep = limit > 8 ? limit - 8 : 0;
            memmove(p->toks, p->toks + keep, (p->ntoks - keep) * sizeof *p->toks);
            p->ntoks -= keep;
            from = k > keep ? k - keep : 0;
        }
    }
    return 0;
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    return x->e < y->e ? -1 : x->e > y->e;
}

/* Sort the candidates into text order, stably: ties keep creation order, as in the merge
 * sort of glibc's qsort. They come nearly sorted (a span processed out of turn puts a few
 * late), so insertion moves a handful; past a budget of moves, qsort sorts the rest (a
 * stable sort of an order stable insertions made gives the same result). */
static void sort_cands(cand *v, size_t n)
{
    size_t budget = 8 * n + 64;
    for (size_t i = 1; i < n; i++) {
        if (cmp_cand(&v[i - 1], &v[i]) <= 0)
            continue;
        size_t j = i - 1;
        while (j > 0 && i - j <= budget && cmp_cand(&v[j - 1], &v[i]) > 0)
            j--;
        if (i - j > budget) {
            qsort(v, n, sizeof *v, cmp_cand);
            return;
        }
        budget -= i - j;
        cand x = v[i];
        memmove(&v[j + 1], &v[j], (i - j) * sizeof *v);
        v[j] = x;
    }
}

/* Write the candidates, resolved, into out as mentions in text order: no dropped ones,
 * none overlapping the one before, none crossing a sentence or on the stoplist. -1 when
 * out of memory. */

/* Write the ALL-CAPS name w in title case ("TAUNTON" -> "Taunton") when that form is in
 * rest[0, n), the text after it; otherwise leave it. */
static void title_case_as_written(char *w, const char *rest, size_t n)
{
    size_t l = strlen(w);
    char tc[64];
    if (l < 2 || l >= sizeof tc)
        return;
    for (size_t i = 0; i < l; i++)
        tc[i] = i > 0 && is_ascii_letter(w[i - 1]) && w[i] >= 'A' && w[i] <= 'Z'
                    ? (char)(w[i] | 0x20)
                    : w[i];
    for (const char *f = rest; (f = memmem(f, n - (size_t)(f - rest), tc, l)) != NULL; f++)
        if (!is_ascii_letter(f[-1]) && (f + l == rest + n || !is_ascii_letter(f[l]))) {
            memcpy(w, tc, l);
            return;
        }
}

static int write_mentions(const ctx *c, const ag_sentence *sents, size_t nsents, ag_mentions *out)
{
    struct ag__ner_scratch *p = c->p;
    const ag_lexicon *lex = c->lex;
    const char *text = c->text;
    size_t len = c->len;
    sort_cands(p->cands, p->ncands);
    if (ag__grow(&out->v, &out->cap, p->ncands + 1, sizeof(ag_mention)) < 0)
        return -1;
    size_t n = 0;
    int stoplist = ag__lex_has_stoplist(lex);
    for (size_t ci = 0; ci < p->ncands; ci++) {
        cand *m = &p->cands[ci];
        if (m->drop || m->e <= m->s)
            continue;
        if (m->type == AG_ACTOR_OTHER && m->name < 0)
            continue; /* an unknown name too long to be a name (no key) */
        const char *name = m->lexname;
        if (!name && m->name >= 0)
            name = p->names[m->name].text;
        if (!name) {
            char *w = ag__arena_strdup(&p->arena, text + m->s, m->e - m->s);
            if (!w)
                return -1;
            /* "TAUNTON, England -": a dateline's town the lexicon does not know is
             * named as the article writes it in prose ("Taunton ... at Taunton"), when
             * it does (not so an agency's "MLB -") */
            if (m->dateline)
                title_case_as_written(w, text + m->e, len - m->e);
            name = w;
        }
        if (stoplist && (ag_lexicon_stopped(lex, text + m->s, m->e - m->s) ||
                         ag_lexicon_stopped(lex, name, strlen(name))))
            continue;
        if (n > 0 && out->v[n - 1].end > m->s)
            continue; /* overlaps the previous mention */
        /* A mention never crosses a sentence (ner.h): a span built across odd separators
         * (vertical tabs, form feeds) that the splitter ended a sentence at is no name. */
        if (m->sent < nsents && m->e > sents[m->sent].end)
            continue;
        /* "First Albany Corp.": the period of a company suffix is part of the name. */
        if (m->type == AG_ACTOR_ORG && m->corpdot)
            m->e++;
        ag_mention *o = &out->v[n++];
        o->start = m->s;
        o->end = m->e;
        o->type = m->type == AG_ACTOR_OTHER ? AG_ACTOR_PERSON : m->type;
        o->name = name;
        o->role = m->role;
        o->country = m->country;
        o->sentence = m->sent;
        o->dateline = m->dateline;
        o->adjective = m->adjective;
        o->metonym = m->metonym;
        o->misc = m->misc;
        o->credit =
            m->credit || (o->type == AG_ACTOR_ORG && ag__ner_is_credit(text, len, m->s, m->e));
    }
    out->n = n;
    return 0;
}

int ag_ner_document(const ag_lexicon *lex, const ag_ner_opts *opts, const char *text, size_t len,
                    const ag_sentence *sents, size_t nsents, ag_mentions *out, ag_error *err)
{
    static const ag_ner_opts defaults = AG_NER_OPTS_INIT;
    if (!opts)
        opts = &defaults;
    if (ag__ner_scratch_ready(out, lex, nsents) < 0)
        goto oom;
    struct ag__ner_scratch *p = out->priv;
    ctx c = {lex, opts, text, len, p, NULL, 0, 0};

    /* 1. Tokens, headlines and capitalisation evidence; the tokens are kept for steps 2-3
     * unless the document has more than TOKEN_LIMIT of them. */
    if (ag__ner_tokenise_document(p, lex, text, len, sents, nsents) < 0)
        goto oom;

    /* 2-3. Spans and their typing evidence: over all tokens at once, or window by window
     * re-tokenising. */
    if (p->toks_kept) {
        c.toks = p->toks;
        c.ntoks = p->ntoks;
        spare_room(p, 1, 0);
        if (ag__ner_find_dateline(&c) < 0 || ag__ner_spans(&c, 0, c.ntoks) == (size_t)-1 ||
            ag__ner_finish_cands(&c, 0) < 0)
            goto oom;
        spare_room(p, 1, 1);
    } else if (spans_windowed(&c, sents, nsents) < 0) {
        goto oom;
    }

    /* 4. Resolution. */
    ag__ner_definitions(&c);
    ag__ner_sports_teams(&c);
    /* Headline words attach to body names case-insensitively (names are keyed lower-case). */
    if (ag__ner_resolve(&c) < 0)
        goto oom;
    if (opts->capital_as_country)
        ag__ner_metonymy(&c);

    /* Output. */
    if (write_mentions(&c, sents, nsents, out) < 0)
        goto oom;
    spare_room(p, 0, 1);
    return 0;
oom:
    out->n = 0;
    if (out->priv) {
        spare_room(out->priv, 0, 1);
        out->priv->toks_kept = 0;
    }
    return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory recognising names");
}

int ag__ner_sentence_tokens(ag_mentions *m, const ag_lexicon *lex, const char *text,
                            const ag_sentence *sents, size_t si, size_t max, const ag__tok **toks,
                            size_t *n)
{
    struct ag__ner_scratch *p = m->priv;
    *toks = NULL;
    *n = 0;
    if (!p)
        return 0; /* no document recognised yet */
    if (p->toks_kept) {
        if (si >= p->nsents)
            return 0;
        size_t lo = p->sent_first[si], k = p->sent_first[si + 1] - lo;
        *toks = p->toks + lo;
        *n = k < max ? k : max;
        return 0;
    }
    int first = 1;
    size_t pos = sents[si].start;
    p->ntoks = 0;
    if (ag__ner_tokenise(lex, p, text, &pos, sents[si].end, (uint32_t)si, &first, max) < 0)
        return -1;
    *toks = p->toks;
    *n = p->ntoks;
    return 0;
}

/* ---------------------------------------------------------------- variant keys (the key
 * itself is made in ner_resolve.c, whose spelling-variant pass uses it) */

int ag_ner_variant_key(const char *name, char *buf, size_t bufsize)
{
    return ag__ner_variant_key(name, strlen(name), buf, bufsize, 0);
}

int ag_ner_variant_key_short(const char *name, char *buf, size_t bufsize)
{
    return ag__ner_variant_key(name, strlen(name), buf, bufsize, 1);
}

int ag_ner_opts_init(ag_ner_opts *opts, unsigned int version)
{
    static const ag_ner_opts defaults = AG_NER_OPTS_INIT;
    return ag__opts_init(opts, version, &defaults, sizeof defaults);
}
