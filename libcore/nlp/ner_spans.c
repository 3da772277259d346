/*
 * ner_spans.c - stage 2 of the recogniser: tokens -> candidate mentions.
 *
 * Input: the tokens of the document (or of its current window) with their classes and
 * the headline marks of stage 1. Output: candidates appended to the scratch (p->cands),
 * their tokens marked AG__T_USED: gazetteer mentions with their lexicon name and type,
 * and unknown names (type AG_ACTOR_OTHER) with their typing evidence, to be resolved.
 *
 * A raw span is a run of capitalised words and the connectors inside names ("Bank of
 * England", "Osama bin Laden"). Each is trimmed (sentence-initial ordinary words,
 * weekdays, months), its leading titles stripped into the role ("Foreign Minister"),
 * with the country or adjective before a title emitted on its own ("US Special Envoy"),
 * and the rest cut into gazetteer forms and unknown names; a title inside a run starts a
 * person's name of its own ("Labour MP George Galloway"). Datelines are found apart, and
 * finish_cands records what the later stages need from the tokens around each candidate
 * (sports results, capitals in government contexts) before the window moves on.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "nlp/lexicon_internal.h"
#include "nlp/ner_stage_internal.h"
#include "util/array_internal.h"
#include "util/bytes_internal.h"

/* Recursive: a title inside a span starts a span of its own (unknown_run). */
static int do_span(ctx *c, size_t ts, size_t te);

/* ---------------------------------------------------------------- candidates and tokens */

/* A new candidate for tokens [ts, te), zeroed but for its place. NULL when out of memory. */
static cand *new_cand(struct ag__ner_scratch *p, const tok *toks, size_t ts, size_t te)
{
    if (ag__grow(&p->cands, &p->capcands, p->ncands + 1, sizeof(cand)) < 0)
        return NULL;
    cand *c = &p->cands[p->ncands++];
    c->s = toks[ts].s;
    c->e = toks[te - 1].e;
    c->ts = (uint32_t)ts;
    c->te = (uint32_t)te;
    c->sent = toks[ts].sent;
    c->name = -1;
    /* The rest starts zeroed; a memset of less than 64 bytes is a few vector stores, where
     * one of the whole struct was a string instruction. */
    memset(&c->lexname, 0, sizeof *c - offsetof(cand, lexname));
    return c;
}

/* Tokens [k, e) are ordinary English words ("Securities", "Foreign"), maybe after a
 * national adjective ("European Border"), as the words of a body's name before "and"
 * are; not a proper name ("Microsoft"). */
static int ordinary_words(const ctx *c, size_t k, size_t e)
{
    const tok *t = c->toks;
    ag_lex_actor a;
    if (!(t[k].cls & AG_LEX_COMMON) && match_form(c->lex, c->text, t, k, k + 1, 0, &a) == 1 &&
        a.adjective)
        k++;
    for (; k < e; k++)
        if (!(t[k].cls & AG_LEX_COMMON))
            return 0;
    return 1;
}

/* Token k can be part of a name: a capitalised word without digits, or any word of an
 * ALL-CAPS sentence. */
static int capish(const ctx *c, size_t k)
{
    const tok *t = &c->toks[k];
    if (!(t->flags & AG__T_WORD) || (t->flags & AG__T_DIGIT))
        return 0; /* "PK-250", "G7" are codes, not names */
    if (c->p->capsent[t->sent] == 1)
        return 1;
    return (t->flags & AG__T_CAP) != 0;
}

/* A span may start at token t: capish and not used yet. Inline, as spans asks it of every
 * token of the document and most are lower-case words: their flags answer, unless the
 * document has an ALL-CAPS sentence (anycaps: p->anycapsent). */
static inline int span_start(const struct ag__ner_scratch *p, int anycaps, const tok *t)
{
    uint32_t mask = AG__T_USED | AG__T_WORD | AG__T_DIGIT | AG__T_CAP;
    if ((t->flags & mask) == (AG__T_WORD | AG__T_CAP))
        return 1;
    return anycaps && (t->flags & (mask & ~AG__T_CAP)) == AG__T_WORD && p->capsent[t->sent] == 1;
}

/* The national adjective at tokens [ts, te) names a language: after "in" or "into" and
 * before no noun ("translated into English by", "the talks were in French."). Not
 * "in French newspapers" or "in Iraqi custody". A language is no actor. */
static int language_use(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    if (ts == 0 || t[ts - 1].sent != t[ts].sent ||
        !(tok_is(c->text, &t[ts - 1], "in") || tok_is(c->text, &t[ts - 1], "into")))
        return 0;
    return te >= c->ntoks || t[te].sent != t[ts].sent || (t[te].flags & AG__T_PUNCT) ||
           ((t[te].flags & AG__T_LOWER) && (t[te].cls & AG_LEX_FUNCTION));
}

/* Emit a gazetteer mention for tokens [ts, te). */
static cand *emit_lex(ctx *c, size_t ts, size_t te, const ag_lex_actor *a)
{
    cand *m = new_cand(c->p, c->toks, ts, te);
    if (!m)
        return NULL;
    m->type = a->type;
    m->lexname = a->name;
    m->country = a->country;
    m->capital = a->capital;
    m->adjective = a->adjective;
    m->misc = a->adjective && language_use(c, ts, te);
    for (size_t k = ts; k < te; k++)
        c->toks[k].flags |= AG__T_USED;
    return m;
}

/* Emit gazetteer mentions for the parts of a hyphenated token ("Pak-US", "US-led",
 * "intra-Afghan"). Returns 1 when the token was consumed that way, 0 when it is a name
 * token of its own ("Inter-Services"), -1 on allocation failure. */
/* A participle that makes "X-participle" a modifier ("-based", "-led", "-backed"). */
static int hyphen_modifier(const char *w, size_t n)
{
    for (const char *const *p = ag__ner_hyphen_modifiers; *p; p++)
        if ((*p)[0] == w[0] && strlen(*p) == n && memcmp(*p, w, n) == 0)
            return 1;
    return 0;
}

static int split_hyphenated(ctx *c, size_t k)
{
    tok *t = &c->toks[k];
    const char *w = c->text + t->s;
    size_t n = t->e - t->s, ps = 0;
    int found = 0, unknown_cap = 0;
    size_t parts[16][2], np = 0;
    for (size_t i = 0; i <= n && np < 16; i++) {
        if (i == n || w[i] == '-') {
            parts[np][0] = ps;
            parts[np][1] = i;
            np++;
            ps = i + 1;
        }
    }
    ag_lex_actor a[16];
    int hit[16];
    for (size_t j = 0; j < np; j++) {
        size_t pl = parts[j][1] - parts[j][0];
        hit[j] = ag_lexicon_lookup(c->lex, w + parts[j][0], pl, c->p->capsent[t->sent] == 1, &a[j]);
        if (hit[j] && a[j].type != AG_ACTOR_PERSON)
            found = 1;
        else if (pl > 0 && w[parts[j][0]] >= 'A' && w[parts[j][0]] <= 'Z')
            unknown_cap = 1;
        if (hit[j] && a[j].type == AG_ACTOR_PERSON)
            hit[j] = 0;
    }
    if (!found || unknown_cap)
        return 0;
    for (size_t j = 0; j < np; j++) {
        if (!hit[j])
            continue;
        cand *m = emit_lex(c, k, k + 1, &a[j]);
        if (!m)
            return -1;
        m->s = t->s + parts[j][0];
        m->e = t->s + parts[j][1];
        /* "Boston-based", "US-led": a modifier naming the actor, like an adjective */
        if (j + 1 < np && hyphen_modifier(w + parts[j + 1][0], parts[j + 1][1] - parts[j + 1][0]))
            m->adjective = 1;
    }
    t->flags |= AG__T_USED;
    return 1;
}

/* Length in tokens of the title at token j (before te), or 0. Besides the title phrases
 * of the lexicon this takes a portfolio of up to three capitalised ordinary words before
 * a title head: "Migration Minister", "Home Affairs Minister", "Finance Secretary"; not
 * words the lexicon knows as a name ("Liberal Democrat" names the party, not a post). */
static size_t title_len(ctx *c, size_t j, size_t te)
{
    size_t tl = match_title(c->p, c->lex, c->text, c->toks, j, te);
    if (tl)
        return tl;
    size_t q = j;
    while (q < te && q - j < 3 && (c->toks[q].flags & AG__T_CAP) &&
           (c->toks[q].cls & AG_LEX_COMMON) &&
           !(c->toks[q].cls & (AG_LEX_GIVEN | AG_LEX_ORGCUE | AG_LEX_TITLE)) &&
           !match_title(c->p, c->lex, c->text, c->toks, q, te))
        q++;
    size_t hl = q > j && q < te ? match_title(c->p, c->lex, c->text, c->toks, q, te) : 0;
    ag_lex_actor a;
    /* (the ordinary words are no part of the title when the lexicon knows them as a name:
     * "Federal Reserve Chairman Alan Greenspan", "Labour Leader X" name the body too) */
    if (hl && match_form(c->lex, c->text, c->toks, j, te, 0, &a) >= q - j)
        return 0;
    /* (a title that is also an organisation word ends a body's name: "Classic FM", a
     * station, against "FM Qureshi", a foreign minister) */
    if (hl && q + hl == te && (c->toks[te - 1].cls & AG_LEX_ORGCUE))
        return 0;
    return hl ? q + hl - j : 0;
}

/* Token k is an honorific that only ever stands before a person's name. */
static int is_honorific(const ctx *c, size_t k)
{
    return tok_is_any(c->text, &c->toks[k], ag__ner_honorifics);
}

/*
 * Strip leading titles of span [ts, te): returns the first token of the name and sets
 * role_s and role_e (bytes) when a title was found. A country or adjective before a title
 * ("US Special Envoy", "Afghan President") is emitted as its own mention. A portfolio
 * after "for"/"of" ("Special Envoy for Afghanistan", "Secretary of State") is part of the
 * role. Returns (size_t)-1 on allocation failure.
 */
/* The words of a title at token j of the span ending at te, or 0. "General Motors",
 * "General Assembly", "Justice Department": a title followed only by common words, or by
 * an organisation word, is none, unless a title came before (titled) or it is an
 * honorific ("Mr Straw", "Ms Rice"), which names a person; but not one followed only by
 * function words, as no person is named by a pronoun or a particle ("Doctor Who", "Dr
 * No": a character's or a work's name). */
static size_t real_title(ctx *c, size_t j, size_t te, int titled)
{
    size_t tl = title_len(c, j, te);
    if (!tl || titled)
        return tl;
    size_t r = j + tl, q = r;
    while (q < te && (c->toks[q].cls & AG_LEX_FUNCTION) && !(c->toks[q].flags & AG__T_ALLCAPS))
        q++;
    if (q == te && r < te)
        return 0; /* "Doctor Who", "Dr No": a pronoun or a particle names nobody */
    if (tl == 1 && is_honorific(c, j))
        return tl;
    /* (a title before a name that ends in a place's or an institution's head word is the
     * name's first word: "King Baudouin Stadium", "Queen Elizabeth Hospital", "Queen
     * Alia Airport", "Prince Albert Road") */
    if (r + 1 < te && !(c->toks[te - 1].flags & AG__T_ALLCAPS) &&
        (tok_in(c, &c->toks[te - 1], G_PLACE_HEAD) ||
         tok_is_any(c->text, &c->toks[te - 1], ag__ner_institution_heads)))
        return 0;
    int all_common = r < te;
    /* (an organisation word in a portfolio is the office's: "Secretary of the Treasury
     * John Snow") */
    int portfolio =
        r < te && (tok_is(c->text, &c->toks[r], "of") || tok_is(c->text, &c->toks[r], "for"));
    for (size_t k = r; k < te; k++) {
        uint32_t cl = c->toks[k].cls;
        ag_lex_actor a;
        size_t g = match_form(c->lex, c->text, c->toks, k, te, 0, &a);
        if (g && (a.type == AG_ACTOR_PLACE || a.type == AG_ACTOR_COUNTRY)) {
            all_common = 0; /* "Bishop of Cape Town": a place, whatever its words */
            k += g - 1;
            continue;
        }
        if (!(cl & AG_LEX_COMMON) || (cl & (AG_LEX_GIVEN | AG_LEX_PROPER | AG_LEX_TITLE)))
            all_common = 0;
        /* (an organisation word after a given name is the person's employer's:
         * "Economist Joel Naroff of First Union") */
        if (cl & AG_LEX_GIVEN)
            break;
        if ((cl & AG_LEX_ORGCUE) && !portfolio)
            all_common = 1, k = te;
    }
    /* (a portfolio of ordinary words makes a post, no name, when nothing capitalised
     * comes before the title: "served as Minister of Finance", "Minister for Economic
     * Affairs from 2011"; not "United Nations High Commissioner for Refugees", nor "The
     * Lord of the Rings") */
    int post =
        portfolio && r + 1 < te && !tok_is(c->text, &c->toks[r + 1], "the") &&
        !(j > 0 && c->toks[j - 1].sent == c->toks[j].sent && (c->toks[j - 1].flags & AG__T_CAP));
    return all_common && !post ? 0 : tl;
}

/* real_title, answering 0 at once where no title can start: the word starts no title
 * phrase (match_title) and is no capitalised ordinary word of a portfolio (title_len).
 * Most words of a span are neither, and real_title's frame is a large one. */
static inline size_t real_title_at(ctx *c, size_t j, size_t te, int titled)
{
    const tok *t = &c->toks[j];
    uint32_t cl = t->cls;
    if (!((cl & 0xFF0000) && (t->flags & AG__T_WORD)) &&
        !((t->flags & AG__T_CAP) && (cl & AG_LEX_COMMON) &&
          !(cl & (AG_LEX_GIVEN | AG_LEX_ORGCUE | AG_LEX_TITLE))))
        return 0;
    return real_title(c, j, te, titled);
}

/* Token k is a title whose "of" names a see or a peer's seat ("Bishop", "Lord"). */
static int seat_title(const ctx *c, size_t k)
{
    return tok_is_any(c->text, &c->toks[k], ag__ner_seat_titles);
}

/* The end of the see or seat that token j opens after a prelate's or a peer's title (or
 * name), or j: "of" and one capitalised word the gazetteer does not know ("the Bishop of
 * Kendal", "Lord Hargreave of Ashby"). The see is part of the title, no person's name nor
 * an organisation's. A place the gazetteer knows stays a mention of the place, as CoNLL
 * marks "Canterbury" in "the Archbishop of Canterbury" (the portfolio's places). Not
 * "Lord of the Rings". */
static size_t seat_end(ctx *c, size_t j, size_t te, int caps)
{
    const tok *t = c->toks;
    if (j + 1 >= te || !tok_is(c->text, &t[j], "of") || !(t[j + 1].flags & AG__T_CAP) ||
        (t[j + 1].cls & (AG_LEX_GIVEN | AG_LEX_FUNCTION | AG_LEX_TITLE)))
        return j;
    ag_lex_actor a;
    if (match_form(c->lex, c->text, c->toks, j + 1, te, caps, &a))
        return j;
    return j + 2;
}

/* Token j is a peer's rank in a peer's full style, rank, name and seat: "Baron Ashcombe of
 * Lynford", "Viscount Harrow of Ely" are the peers Ashcombe and Harrow, whatever else
 * the rank's word is ("Baron Davis", a player's given name, has no seat). */
static int styled_peer(const ctx *c, size_t j, size_t te)
{
    const tok *t = c->toks;
    return j + 3 < te && seat_title(c, j) && (t[j + 1].flags & AG__T_CAP) &&
           !(t[j + 1].cls & AG_LEX_FUNCTION) && tok_is(c->text, &t[j + 2], "of") &&
           (t[j + 3].flags & AG__T_CAP);
}

static size_t strip_titles_at(ctx *c, size_t ts, size_t te, size_t *role_s, size_t *role_e,
                              int caps)
{
    size_t j = ts;
    int titled = 0;
    for (;;) {
        if (j >= te)
            break;
        ag_lex_actor a;
        size_t g = match_form(c->lex, c->text, c->toks, j, te, caps, &a);
        if (g && j + g < te && a.type == AG_ACTOR_COUNTRY && real_title_at(c, j + g, te, titled)) {
            if (!emit_lex(c, j, j + g, &a))
                return (size_t)-1;
            j += g;
            continue;
        }
        size_t tl = styled_peer(c, j, te) ? 1 : real_title_at(c, j, te, titled);
        if (!tl)
            break;
        size_t r = j + tl;
        if (!titled)
            *role_s = c->toks[j].s;
        titled = 1;
        j = r;
        *role_e = c->toks[j - 1].e;
        size_t se = seat_title(c, j - 1) ? seat_end(c, j, te, caps) : j;
        if (se > j) {
            j = se;
            *role_e = c->toks[j - 1].e;
            continue;
        }
        /* Portfolio: "for"/"of" + common words or places, up to the next title. */
        if (j < te && (tok_is(c->text, &c->toks[j], "for") || tok_is(c->text, &c->toks[j], "of"))) {
            size_t k = j + 1;
            while (k < te && !match_title(c->p, c->lex, c->text, c->toks, k, te)) {
                ag_lex_actor pa;
                size_t pg = match_form(c->lex, c->text, c->toks, k, te, caps, &pa);
                if (pg && pa.type != AG_ACTOR_PERSON) {
                    if (!emit_lex(c, k, k + pg, &pa))
                        return (size_t)-1;
                    k += pg;
                    continue;
                }
                uint32_t cl = c->toks[k].cls;
                if ((cl & AG_LEX_COMMON) && !(cl & AG_LEX_GIVEN)) {
                    k++;
                    continue;
                }
                if ((cl & AG_LEX_CONNECTOR) ||
                    (k == j + 1 && tok_is(c->text, &c->toks[k], "the"))) {
                    k++; /* "Secretary of the Treasury John Snow" */
                    continue;
                }
                break;
            }
            /* Only a portfolio when a name or another title follows it, or when it ends
             * the span: "served as Minister of Finance of Chile from 2006" names a post,
             * not a person "Finance of Chile" (its places are mentions of their own). */
            if (k < te || k > j + 1) {
                j = k;
                *role_e = c->toks[k - 1].e;
            }
        }
    }
    return titled ? j : ts;
}

/* strip_titles_at, but answering at once for the many spans whose first word can start
 * neither a gazetteer form, nor a title phrase, nor title_len's portfolio: the word's
 * class says so, where the full pass costs three calls. */
static inline size_t strip_titles(ctx *c, size_t ts, size_t te, size_t *role_s, size_t *role_e,
                                  int caps)
{
    const tok *t = &c->toks[ts];
    uint32_t cl = t->cls;
    if (!(cl & 0xFFFF00) && /* form and title phrase lengths: none starts here */
        !((t->flags & AG__T_CAP) && (cl & AG_LEX_COMMON) &&
          !(cl & (AG_LEX_GIVEN | AG_LEX_ORGCUE | AG_LEX_TITLE))))
        return ts;
    return strip_titles_at(c, ts, te, role_s, role_e, caps);
}

/* Span [k, te) is a name [k, e) of one word followed by a country form that ends the
 * span, the first no given name: an organisation's national branch or a national body
 * ("BBC Wales", "Air France", "Tennis Australia", "Motorola UK", "ACT New Zealand").
 * Longer names are left alone: in title-case headlines "Bush Iraq Plan" is no
 * organisation. */
static int org_branch(ctx *c, size_t k, size_t e, size_t te)
{
    const tok *t = c->toks;
    ag_lex_actor b;
    if (te - k < 2 || te - k > 3 || e != k + 1 ||
        (t[k].cls & (AG_LEX_GIVEN | AG_LEX_TITLE | AG_LEX_FUNCTION | AG_LEX_NONNAME)) ||
        !(t[k].flags & AG__T_CAP) || !single_spaced(c->text, t, k, te))
        return 0;
    /* (before a country of two words, an acronym or a word of no other use: "ACT New
     * Zealand", not the headline's "to Visit North Korea") */
    if (te - k == 3 && !(t[k].flags & AG__T_ALLCAPS) && (t[k].cls & AG_LEX_COMMON))
        return 0;
    return match_form(c->lex, c->text, t, e, te, 0, &b) == te - e && b.type == AG_ACTOR_COUNTRY &&
           !b.adjective;
}

/* The role text [s, e) as an arena string, white space runs made single spaces and the
 * periods of abbreviations dropped ("Lt. Gen." -> "Lt Gen"), so one role is spelt one way. */
static const char *role_str(ctx *c, size_t s, size_t e)
{
    char *r = arena_alloc(c->p, e - s + 1);
    if (!r)
        return NULL;
    size_t l = 0;
    for (size_t i = s; i < e; i++) {
        char ch = c->text[i];
        if (ch == '.' && (i + 1 == e || c->text[i + 1] == ' '))
            continue;
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            if (l > 0 && r[l - 1] != ' ')
                r[l++] = ' ';
            continue;
        }
        r[l++] = ch;
    }
    r[l] = '\0';
    return r;
}

/* ---------------------------------------------------------------- one raw span */

/* What do_span knows about the raw span it is cutting into mentions. */
typedef struct span_state {
    size_t te;            /* end of the span: shrinks when a person's name is split off */
    int caps;             /* in an ALL-CAPS sentence: forms are looked up whatever their case */
    int headline;         /* in a headline (ALL-CAPS or title case): unknown words need the
                           * body's attestation */
    int titled;           /* a title was stripped before the name at hand */
    const char *role;     /* that title (role_str) */
    int place_led;        /* a place starts an organisation's name ("Kenya Airways") ... */
    size_t place_led_at;  /* ... at this token */
    size_t place_led_end; /* ... with its own name ending here ("Northern Ireland Water") */
    size_t nick_end;      /* ... a team's, which ends here ("Cleveland Indians"); else 0 */
} span_state;

static inline int table_row(const ctx *c, size_t ts, size_t te);

/* The next j >= from, other than q, where tokens j and j + 1 of one sentence are the
 * bytes of tokens q and q + 1, or (size_t)-1. Only while the document's tokens are kept. */
static inline int pair_at(const ctx *c, size_t j, size_t q)
{
    const tok *t = c->p->toks, *x = &t[j], *y = &t[j + 1], *a = &t[q], *b = &t[q + 1];
    size_t al = a->e - a->s, bl = b->e - b->s;
    return j != q && x->e - x->s == al && y->e - y->s == bl && x->sent == y->sent &&
           memcmp(c->text + x->s, c->text + a->s, al) == 0 &&
           memcmp(c->text + y->s, c->text + b->s, bl) == 0;
}

static size_t next_pair(const ctx *c, size_t q, size_t from)
{
    const struct ag__ner_scratch *p = c->p;
    if (!p->toks_kept)
        return (size_t)-1;
    /* A word with an ASCII capital first and no digit is, wherever the document writes
     * it so, one of the tokens where a span may start (p->starts, in order): only those
     * need a look, not every token. */
    const tok *a = &p->toks[q];
    unsigned char c0 = (unsigned char)c->text[a->s];
    if (c0 >= 'A' && c0 <= 'Z' && (a->flags & (AG__T_WORD | AG__T_DIGIT)) == AG__T_WORD) {
        size_t lo = 0, hi = p->nstarts;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (p->starts[mid] < from)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t i = lo; i < p->nstarts && p->starts[i] + 1 < p->ntoks; i++)
            if (pair_at(c, p->starts[i], q))
                return p->starts[i];
        return (size_t)-1;
    }
    for (size_t j = from; j + 1 < p->ntoks; j++)
        if (pair_at(c, j, q))
            return j;
    return (size_t)-1;
}

/* Tokens ts + 1 and ts + 2 are written one after the other elsewhere in the document,
 * after another word than token ts's ("US Airways" beside "Bankrupt US Airways"). */
static int rest_elsewhere(const ctx *c, size_t ts)
{
    const tok *t = c->p->toks, *w = &t[ts];
    size_t wl = w->e - w->s;
    for (size_t j = next_pair(c, ts + 1, 0); j != (size_t)-1; j = next_pair(c, ts + 1, j + 1))
        if (j == 0 || t[j - 1].sent != t[j].sent || t[j - 1].e - t[j - 1].s != wl ||
            memcmp(c->text + t[j - 1].s, c->text + w->s, wl) != 0)
            return 1;
    return 0;
}

/* The words after the sentence's first word, token ts of span [ts, te), name an
 * organisation without it: the article writes them without the word too ("Legendary Real
 * Madrid defender" beside "titles to Real Madrid"), or they start an organisation the
 * lexicon knows ("Add America Online Inc. to the list"). An ordinary word before them is
 * the sentence's, not the name's. Only an organisation counts: "National Australia Bank"
 * starts with a country, not with another name for the bank. */
static int rest_names_org(const ctx *c, size_t ts, size_t te)
{
    ag_lex_actor a;
    if (ts + 1 >= te)
        return 0;
    return (ts + 2 < te && rest_elsewhere(c, ts)) ||
           (match_form(c->lex, c->text, c->toks, ts + 1, te, 0, &a) >= 2 && a.type == AG_ACTOR_ORG);
}

/* The next j >= from, other than q, whose token is token q's word (the same bytes when
 * exact, else in any case), outside the headlines, or (size_t)-1. Only while the
 * document's tokens are kept. */
static size_t next_same(const ctx *c, size_t q, size_t from, int exact)
{
    const struct ag__ner_scratch *p = c->p;
    const tok *t = p->toks, *a = &t[q];
    size_t al = a->e - a->s;
    for (size_t j = from; p->toks_kept && j < p->ntoks; j++)
        if (j != q && t[j].e - t[j].s == al && !p->capsent[t[j].sent] &&
            (exact ? memcmp(c->text + t[j].s, c->text + a->s, al)
                   : strncasecmp(c->text + t[j].s, c->text + a->s, al)) == 0)
            return j;
    return (size_t)-1;
}

/* The word of token k, the first after a credit's dash, is capitalised in mid-sentence
 * elsewhere in the document (ag__ner_attested would count token k itself, which is no
 * sentence's first). */
static int credit_word_attested(const ctx *c, size_t k)
{
    const tok *t = c->p->toks;
    for (size_t j = next_same(c, k, 0, 0); j != (size_t)-1; j = next_same(c, k, j + 1, 0))
        if ((t[j].flags & AG__T_CAP) && !(t[j].flags & AG__T_FIRST))
            return 1;
    return 0;
}

/* Token j, capitalised in mid-sentence, is an ordinary word inside the descriptive name
 * of a body: after an organisation word's "of" ("the Association of American
 * Publishers") or first before
 * an institution's head ("the Cinema Exhibitors' Association"). Such a body is not
 * called by that one word, as a company is by its first ("Virgin" for Virgin Atlantic)
 * and a person or a side by the last ("Bush", "the Dolphins"). */
static int inside_body_name(const ctx *c, size_t j)
{
    static const char *const heads[] = {"Association", "Society",    "Institute",  "Council",
                                        "Committee",   "Commission", "Federation", "Foundation",
                                        "Trust",       "Academy",    "Authority",  "Board",
                                        "League",      "Alliance",   NULL};
    const tok *t = c->p->toks;
    size_t q = j;
    while (q > 0 && t[q - 1].sent == t[j].sent && (t[q - 1].flags & AG__T_CAP))
        q--;
    if (q >= 2 && t[q - 1].sent == t[j].sent && tok_is(c->text, &t[q - 1], "of") &&
        (t[q - 2].flags & AG__T_CAP) && (t[q - 2].cls & AG_LEX_ORGCUE))
        return 1; /* (not "Customers of Sprint Corp.") */
    if (q != j)
        return 0;
    size_t e = j + 1;
    while (e < c->p->ntoks && t[e].sent == t[j].sent &&
           ((t[e].flags & AG__T_CAP) || ((t[e].flags & AG__T_PUNCT) && t[e].punct == '\'')))
        e++;
    return e > j + 1 && tok_is_any(c->text, &t[e - 1], heads);
}

/* A word of a name stands right before token j: a capitalised one or one in camel case
 * ("iTunes", "eBay"). */
static int name_word_before(const ctx *c, size_t j)
{
    const tok *t = c->p->toks;
    if (j == 0 || t[j - 1].sent != t[j].sent || (t[j - 1].flags & AG__T_PUNCT))
        return 0;
    if (t[j - 1].flags & AG__T_CAP)
        return 1;
    for (size_t b = t[j - 1].s + 1; b < t[j - 1].e; b++)
        if (c->text[b] >= 'A' && c->text[b] <= 'Z')
            return 1;
    return 0;
}

/* The word of token k, a sentence's first, is capitalised in mid-sentence elsewhere
 * other than inside a body's descriptive name (inside_body_name): "Cinema admissions
 * fell" beside "the Cinema Exhibitors' Association" names no one. 1 also when the
 * document's tokens are gone and no one can tell. */
static int attested_alone(const ctx *c, size_t k)
{
    const tok *t = c->p->toks;
    if (!c->p->toks_kept)
        return 1;
    /* A word the article also writes in lower case is attested alone only where it opens
     * a name, as a company is called by its first word: "Search is growing" and "Music
     * industry body X" beside "MSN Search", "iTunes Music Store" and "search adverts",
     * "music fans" are the ordinary words (a side's nickname, "Sharks", is seldom
     * written in lower case in its report). */
    int lower = 0;
    for (size_t j = next_same(c, k, 0, 0);
         j != (size_t)-1 && !lower && !(t[k].flags & AG__T_ALLCAPS); j = next_same(c, k, j + 1, 0))
        lower = (t[j].flags & AG__T_LOWER) != 0;
    for (size_t j = next_same(c, k, 0, 0); j != (size_t)-1; j = next_same(c, k, j + 1, 0))
        if ((t[j].flags & AG__T_CAP) && !(t[j].flags & AG__T_FIRST) && !inside_body_name(c, j) &&
            !(lower && name_word_before(c, j)))
            return 1;
    return 0;
}

/* The name [ts, te) is one ordinary word before at most two numbers that end its
 * sentence: a label of a match summary ("Halftime 1-1.", "Attendance 106,000.", "Total
 * 165"), not a side (a result names two sides, a standings row has many numbers). */
static int row_label(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    uint32_t cl = t[ts].cls;
    if (te - ts != 1 || !(cl & AG_LEX_COMMON) || (cl & (AG_LEX_PROPER | AG_LEX_GIVEN)))
        return 0;
    size_t numbers = 0;
    /* (to the line's end: a table's lines may run in one sentence) */
    for (size_t q = te; q < c->ntoks && t[q].sent == t[ts].sent && !(t[q].flags & AG__T_NL); q++) {
        if (t[q].flags & AG__T_WORD)
            return 0;
        numbers += (t[q].flags & AG__T_DIGIT) != 0;
    }
    return numbers <= 2;
}

/* The sentence of token k ends in a question mark. */
static int question(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    size_t q = k;
    while (q + 1 < c->ntoks && t[q + 1].sent == t[k].sent)
        q++;
    return (t[q].flags & AG__T_PUNCT) && t[q].punct == '?';
}

/* An apposition that names a kind of organisation follows token k and closes with a
 * comma: "Next, the British clothing retailer, cut", "Orange, the French telecoms group,
 * said" (not "Next, the government will"). */
static int org_apposition_after(ctx *c, size_t k)
{
    tok *t = c->toks;
    size_t q = k + 1;
    if (q + 2 >= c->ntoks || !(t[q].flags & AG__T_PUNCT) || t[q].punct != ',' ||
        !(tok_is(c->text, &t[q + 1], "the") || tok_is(c->text, &t[q + 1], "a") ||
          tok_is(c->text, &t[q + 1], "an")))
        return 0;
    int noun = 0;
    for (q += 2; q < c->ntoks && q < k + 10 && t[q].sent == t[k].sent; q++) {
        if (t[q].flags & AG__T_PUNCT)
            return noun && t[q].punct == ',';
        noun = (t[q].flags & AG__T_LOWER) && tok_in(c, &t[q], G_ORG_BEFORE | G_ORG_NOUN);
    }
    return 0;
}

/* Span [ts, te) is letters joined by ampersands, no space between: a company's initials
 * ("M&S", "B&Q", "AT&T"). */
static inline int ampersand_initials(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    if (te - ts < 3 || t[te - 1].e - t[ts].s > 8)
        return 0;
    for (size_t q = ts + 1; q < te; q += 2)
        if (!(t[q].flags & AG__T_PUNCT) || t[q].punct != '&' || t[q].s != t[q - 1].e ||
            t[q + 1].s != t[q].e)
            return 0;
    return 1;
}

/* Drop sentence-initial function and ordinary words from the start *tsp of span
 * [*tsp, te) ("The", "Senior Taliban officials"), unless the word starts a gazetteer form
 * or a title, or the document writes it capitalised in mid-sentence too. In an ALL-CAPS
 * sentence (caps) nothing is dropped. Returns 0, or -1 when out of memory. */
/* Token k is a count ("Two", "Ten") or a participle in -ing or -ed ("Streaking",
 * "Injured"). */
static int participle_or_count(const ctx *c, size_t k)
{
    static const char *const counts[] = {"One",   "Two",   "Three", "Four", "Five", "Six",
                                         "Seven", "Eight", "Nine",  "Ten",  NULL};
    const char *w = c->text + c->toks[k].s;
    size_t n = c->toks[k].e - c->toks[k].s;
    return tok_is_any(c->text, &c->toks[k], counts) ||
           (n > 4 && memcmp(w + n - 3, "ing", 3) == 0) ||
           (n > 3 && memcmp(w + n - 2, "ed", 2) == 0);
}

/* Token q opens its sentence before a side's role and a person's name (a given name, or
 * two capitalised words): "Arsenal manager Arsene Wenger said". */
static int before_side_role(const ctx *c, size_t q)
{
    const tok *t = c->toks;
    return q + 3 < c->ntoks && t[q + 3].sent == t[q].sent && (t[q + 1].flags & AG__T_LOWER) &&
           tok_is_any(c->text, &t[q + 1], ag__ner_team_roles) && (t[q + 2].flags & AG__T_CAP) &&
           !(t[q + 2].cls & (AG_LEX_FUNCTION | AG_LEX_TITLE)) &&
           ((t[q + 2].cls & AG_LEX_GIVEN) || (t[q + 3].flags & AG__T_CAP));
}

/* In a sports report the ordinary word opening the sentence at token k is a side's name
 * when the report opens sentences or lines with it both before a side's role and a
 * person's name and otherwise: "Arsenal manager Arsene Wenger", "Arsenal won the Cup",
 * "Arsenal: Lehmann, ..." (a role's modifier opens only the first kind: "Caretaker
 * manager X"). */
static int side_opening(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    size_t n = t[k].e - t[k].s;
    int role = 0, other = 0;
    /* (asked first: most reports are no sports report, and that answer is a cheaper pass
     * over the tokens than comparing every sentence's first word with this one) */
    if (!ag__ner_sports_report(c))
        return 0;
    for (size_t q = 0; q < c->ntoks && !(role && other); q++)
        if ((t[q].flags & AG__T_FIRST) && t[q].e - t[q].s == n &&
            memcmp(c->text + t[q].s, c->text + t[k].s, n) == 0 && !c->p->capsent[t[q].sent]) {
            if (before_side_role(c, q))
                role = 1;
            else
                other = 1;
        }
    return role && other;
}

/* Span [k, te) is a given name and a country's name or a nationality's adjective (form
 * b, at token u) alone after it: a person's full name, the word a surname ("Neil Jordan",
 * "Jim French said", "Lib Dem leader Mike German", "Mark Cuban prompts"), no cut before
 * a country. Not an adjective in the plural, a people ("Americans"). */
static int given_and_surname(const ctx *c, size_t k, size_t u, size_t te, const ag_lex_actor *b)
{
    const tok *t = c->toks;
    return u == k + 1 && te == u + 1 && (t[k].cls & AG_LEX_GIVEN) && !(t[k].cls & AG_LEX_NONNAME) &&
           !(t[u].flags & AG__T_ALLCAPS) && c->p->capsent[t[k].sent] != 1 &&
           !(b->adjective && c->text[t[u].e - 1] == 's');
}

static int win_verb(const ctx *c, const tok *t);
static inline int dash_score(const ctx *c, size_t k, uint32_t sent);

static const char *const result_verbs[] = {"drew", "lost", "won", "beat", NULL};

/* The one-word name [ts, te) and another joined to it by "and" drew, in a sports report:
 * "Bath and Harlequins drew at the Rec", "X and Y drew 9-9", "X and Y shared the points"
 * (a draw has both sides for subjects; not "X and Y drew crowds": after "drew" a score, a
 * place's preposition or the sentence's end). */
static int drew_together(const ctx *c, size_t ts, size_t te, uint32_t sent)
{
    static const char *const drew[] = {"drew", "tied", NULL};
    static const char *const after[] = {"at", "in", "on", "away", "again", NULL};
    const tok *t = c->toks;
    size_t v;
    if (te - ts != 1)
        return 0;
    if (te + 2 < c->ntoks && tok_is(c->text, &t[te], "and") && (t[te + 1].flags & AG__T_CAP))
        v = te + 2; /* the first side: "Bath and Harlequins drew" */
    else if (ts >= 2 && tok_is(c->text, &t[ts - 1], "and") && (t[ts - 2].flags & AG__T_CAP))
        v = te; /* the second */
    else
        return 0;
    if (v >= c->ntoks || t[v].sent != sent || !(t[v].flags & AG__T_LOWER))
        return 0;
    if (tok_is(c->text, &t[v], "shared") && v + 2 < c->ntoks && t[v + 2].sent == sent &&
        tok_is(c->text, &t[v + 1], "the") && tok_is(c->text, &t[v + 2], "points"))
        return ag__ner_sports_report(c);
    if (!tok_is_any(c->text, &t[v], drew))
        return 0;
    if (v + 1 < c->ntoks && t[v + 1].sent == sent && !(t[v + 1].flags & AG__T_PUNCT) &&
        !dash_score(c, v + 1, sent) && !tok_is_any(c->text, &t[v + 1], after))
        return 0;
    return ag__ner_sports_report(c);
}

int ag__ner_who_result(const ctx *c, size_t k)
{
    static const char *const aux[] = {"had", "has", "have", "not", "never", "already", NULL};
    const tok *t = c->toks;
    if (k == 0 || k + 2 >= c->ntoks)
        return 0;
    uint32_t sent = t[k - 1].sent;
    if (!(t[k].flags & AG__T_PUNCT) || t[k].punct != ',' || t[k + 1].sent != sent ||
        !tok_is(c->text, &t[k + 1], "who"))
        return 0;
    size_t q = k + 2;
    while (q < k + 5 && q + 1 < c->ntoks && t[q + 1].sent == sent &&
           tok_is_any(c->text, &t[q], aux))
        q++;
    return t[q].sent == sent && (win_verb(c, &t[q]) || tok_is_any(c->text, &t[q], result_verbs)) &&
           ag__ner_sports_report(c);
}

/* In a sports report the ordinary word opening the sentence at token k is a side when a
 * result's verb follows it and a score comes after ("Spurs beat Newcastle 3-0", "Arsenal
 * drew 1-1 with X", "Villa lost 2-1"), or when a relative clause gives it a result
 * (ag__ner_who_result: "Arsenal, who drew at home"): clubs are named by ordinary words. */
static int side_result_opening(const ctx *c, size_t k, size_t te)
{
    const tok *t = c->toks;
    uint32_t sent = t[k].sent;
    if (te != k + 1 || te >= c->ntoks || t[te].sent != sent)
        return 0;
    if (ag__ner_who_result(c, te) || drew_together(c, k, te, sent))
        return 1;
    if (!(t[te].flags & AG__T_LOWER) ||
        !(win_verb(c, &t[te]) || tok_is_any(c->text, &t[te], result_verbs)))
        return 0;
    for (size_t q = te + 1; q < c->ntoks && q <= te + 8 && t[q].sent == sent; q++)
        if (dash_score(c, q, sent))
            return ag__ner_sports_report(c);
    return 0;
}

/* The word of token k is written in lower case elsewhere in the document. */
static int written_lower(const ctx *c, size_t k)
{
    for (size_t j = next_same(c, k, 0, 0); j != (size_t)-1; j = next_same(c, k, j + 1, 0))
        if (c->p->toks[j].flags & AG__T_LOWER)
            return 1;
    return 0;
}

/* The span [ts, te) fills a bracket, an ordinary word joined by "for" or "of" to more of
 * the name: one body's name whole, as a results line writes a candidate's party after
 * the candidate ("Daniel Mwila (Movement for Multiparty Democracy) 8,214"). */
static int bracketed_body(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    return ts > 0 && te - ts >= 3 && te < c->ntoks && (t[ts - 1].flags & AG__T_PUNCT) &&
           t[ts - 1].punct == '(' && (t[te].flags & AG__T_PUNCT) && t[te].punct == ')' &&
           (tok_is(c->text, &t[ts + 1], "for") || tok_is(c->text, &t[ts + 1], "of")) &&
           (t[ts + 2].flags & AG__T_CAP);
}

static int skip_initial_words(ctx *c, size_t *tsp, size_t te, int caps)
{
    tok *t = c->toks;
    size_t ts = *tsp;
    while (ts < te && ((t[ts].flags & AG__T_FIRST) || t[ts].s + 1 == c->story) && !caps) {
        /* after a credit's dash an ordinary word goes only before more of a name ("AP -
         * Nervous Republicans", "Shares of Kmart"; not "AP - Arsenal extended") */
        int credit = !(t[ts].flags & AG__T_FIRST);
        ag_lex_actor a;
        uint32_t cl = t[ts].cls;
        if (match_form(c->lex, c->text, t, ts, te, 0, &a) || bracketed_body(c, ts, te))
            break;
        /* "AT&T said", "P&O Ferries and": initials, whatever word the first letters spell;
         * "Alliance & Leicester cut": words joined by an ampersand name a company */
        if (ts + 2 < te && (ampersand_initials(c, ts, ts + 3) ||
                            ((t[ts + 1].flags & AG__T_PUNCT) && t[ts + 1].punct == '&')))
            break;
        /* "Next, the British clothing retailer, cut": a company named by a word */
        if (ts + 1 == te && org_apposition_after(c, ts))
            break;
        /* "Will Brackett made 61": a given name that is also a verb starts a name before
         * a capitalised word, unless the sentence asks ("Will Ryanair cut fares?") */
        if ((cl & AG_LEX_GIVEN) && (cl & AG_LEX_FUNCTION) && ts + 1 < te && !question(c, ts))
            break;
        /* (a trade noun that is a surname too, "Brewer", only where the article writes
         * it in lower case: "Brewer Carlsen lifts forecast" beside "brewer Carlsen") */
        if ((cl & AG_LEX_FUNCTION) ||
            (ts + 1 < te && !(cl & AG_LEX_GIVEN) &&
             ((!(cl & AG_LEX_PROPER) && tok_is_any(c->text, &t[ts], ag__ner_describers)) ||
              (tok_is_any(c->text, &t[ts], ag__ner_trade_nouns) &&
               (!(cl & AG_LEX_PROPER) || written_lower(c, ts)))))) {
            ts++;
            continue;
        }
        if (match_title(c->p, c->lex, c->text, t, ts, te) || styled_peer(c, ts, te))
            break;
        if (side_result_opening(c, ts, te))
            break; /* "Spurs beat Newcastle 3-0" */
        /* "Software maker Quadrant buys", "Mining group X": an ordinary word opening the
         * sentence before a trade noun and a name says what the trade is, no name */
        if (ts + 1 == te && te + 1 < c->ntoks && t[te + 1].sent == t[ts].sent &&
            (cl & AG_LEX_COMMON) && !(cl & (AG_LEX_GIVEN | AG_LEX_PROPER)) &&
            (t[te].flags & AG__T_LOWER) && tok_in(c, &t[te], G_ORG_BEFORE) &&
            (t[te + 1].flags & AG__T_CAP)) {
            ts++;
            continue;
        }
        /* "Air France and Lufthansa", "Tennis Australia president": a national body or
         * branch stays whole at the start of a sentence too; so does a table row's name
         * ("Bury 4 3 1 0"). */
        if (org_branch(c, ts, ts + 1, te) || (table_row(c, ts, te) && !row_label(c, ts, te)))
            break;
        /* "Marrow Ltd, headquartered in Leeds": an organisation's name ends in its head,
         * unless the article writes the name without the word too ("Bankrupt US Airways
         * is ...", "US Airways unions") */
        if (te - ts >= 2 && (t[te - 1].cls & AG_LEX_ORGCUE) && (t[te - 1].flags & AG__T_CAP) &&
            !(cl & AG_LEX_FUNCTION) && !(t[ts + 1].cls & AG_LEX_CONNECTOR)) {
            if ((cl & AG_LEX_COMMON) && !(cl & (AG_LEX_PROPER | AG_LEX_GIVEN | AG_LEX_ORGCUE)) &&
                te - ts >= 3 && rest_names_org(c, ts, te)) {
                ts++;
                continue;
            }
            break; /* ("Results of Major League": "of" after it, an ordinary word) */
        }
        /* "Bank of Japan said": an organisation word heading "<word> of <Name>". */
        if ((cl & AG_LEX_ORGCUE) && ts + 2 < te && tok_is(c->text, &t[ts + 1], "of") &&
            (t[ts + 2].flags & AG__T_CAP))
            break;
        /* "Federal Reserve chairman Alan Greenspan": the words before a lower-case title
         * and a name name the body the person speaks for (one word alone, "Council
         * leader Ann Moss", is too generic to). */
        if (te - ts >= 2 && te + 1 < c->ntoks && t[te].sent == t[ts].sent &&
            (t[te].flags & AG__T_LOWER) && (t[te].cls & AG_LEX_TITLE) &&
            (t[te + 1].flags & AG__T_CAP) &&
            !((cl & AG_LEX_COMMON) && !(cl & (AG_LEX_PROPER | AG_LEX_GIVEN | AG_LEX_ORGCUE)) &&
              rest_names_org(c, ts, te)))
            break;
        /* "Doctors Without Borders said": a capitalised function word right after it
         * shows a name written in title case, outside a title-case headline */
        if (ts + 2 < te && (t[ts + 1].flags & AG__T_CAP) && (t[ts + 1].cls & AG_LEX_FUNCTION) &&
            c->p->capsent[t[ts].sent] == 0)
            break;
        /* "Blue Harbour were an English indie rock band": the subject of a definition
         * (a copula and an article after it) is a name from its first word, as an
         * encyclopedia article's first sentence names its subject */
        if (ts + 1 < te && te + 1 < c->ntoks && t[te + 1].sent == t[ts].sent &&
            tok_is_any(c->text, &t[te], ag__ner_copulas) &&
            (tok_is(c->text, &t[te + 1], "a") || tok_is(c->text, &t[te + 1], "an")))
            break;
        /* "Velvet Harbour were dropped by their label": a name of two words opening the
         * sentence before a plural verb is a group's from its first word, as British
         * English writes a band or a firm (not a people or a party's members, whose last
         * word is a plural: "House Democrats are"; nor in a sports report, where a word
         * before a team describes it: "Holders Chelsea were beaten"); also before a
         * relative clause's plural verb: "Copper Vale, who are managed by" */
        size_t v = te;
        if (te - ts == 2 && v + 2 < c->ntoks && (t[v].flags & AG__T_PUNCT) && t[v].punct == ',' &&
            tok_is(c->text, &t[v + 1], "who"))
            v += 2;
        if (te - ts == 2 && v < c->ntoks && t[v].sent == t[ts].sent && (t[v].flags & AG__T_LOWER) &&
            tok_is_any(c->text, &t[v], ag__ner_group_verbs) && c->text[t[ts + 1].e - 1] != 's' &&
            !plural_shaped(c->text, &t[ts]) && !participle_or_count(c, ts) &&
            !ag__ner_sports_report(c))
            break;
        /* "Sale Sharks moved up to third": in a sports report an ordinary word and a
         * capitalised plural are a club and its nickname (not a count or a participle
         * before a nickname: "Ten Orioles", "Streaking Patriots"; nor a place the lexicon
         * knows that ends in s: "East Leeds") */
        if (te - ts == 2 && (cl & AG_LEX_COMMON) && plural_shaped(c->text, &t[ts + 1]) &&
            !participle_or_count(c, ts) && !match_form(c->lex, c->text, t, ts + 1, te, 0, &a) &&
            ag__ner_sports_report(c))
            break;
        /* "Hurricane Ivan hit": an event word starts the name (typed misc later) */
        int event = 0;
        if (ts + 1 < te)
            event = tok_is_any(c->text, &t[ts], ag__ner_misc_firsts);
        if (event)
            break;
        /* "Carol White stayed": a word that is also a known name, followed by more of
         * the name, stays; "Senior Taliban officials" does not (a known form follows). */
        ag_lex_actor nx;
        int name_like = (cl & (AG_LEX_GIVEN | AG_LEX_PROPER)) && ts + 1 < te &&
                        !match_form(c->lex, c->text, t, ts + 1, te, 0, &nx);
        if ((cl & AG_LEX_COMMON) && !name_like &&
            (!credit || (ts + 1 < te &&
                         ((t[ts + 1].flags & AG__T_CAP) || tok_is(c->text, &t[ts + 1], "of"))))) {
            int at = credit ? credit_word_attested(c, ts) : ag__ner_attested(c, ts);
            if (at < 0)
                return -1;
            /* (a word of a body's descriptive name alone is none: "Cinema admissions
             * fell" beside "the Cinema Exhibitors' Association"; its organisation words
             * stay, "Commission officials said") */
            if (at && !credit && ts + 1 == te && !(cl & AG_LEX_ORGCUE))
                at = attested_alone(c, ts);
            if (!at && !credit && ts + 1 == te && side_opening(c, ts))
                at = 1;
            /* "Ford said its profit fell": a word the dictionary knows as a name too,
             * saying its results, is the company's name */
            if (!at && !credit && ts + 1 == te && (cl & AG_LEX_PROPER) &&
                ag__ner_says_its_results(c, te, t[ts].sent))
                at = 1;
            if (!at) {
                ts++;
                continue;
            }
        }
        break;
    }
    *tsp = ts;
    return 0;
}

/* Token k is the exchange code of one or two letters glued to a stock ticker ("ADBE.O and
 * Yahoo Inc. YHOO.O", "(TD.TO: Quote, Profile, Research)"): no name's first word,
 * whatever follows it. */
static int exchange_code(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    return k >= 2 && t[k].e - t[k].s <= 2 && (t[k].flags & AG__T_CAP) &&
           (t[k].e - t[k].s == 1 || (t[k].flags & AG__T_ALLCAPS)) &&
           (t[k - 1].flags & AG__T_PUNCT) && t[k - 1].punct == '.' && t[k - 1].e == t[k].s &&
           t[k - 2].e == t[k - 1].s && (t[k - 2].flags & AG__T_ALLCAPS) &&
           t[k - 2].e - t[k - 2].s >= 2;
}

/* Token k is a day of the week. */
static inline int weekday(const ctx *c, size_t k)
{
    static const char *const days[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday",    NULL};
    return (c->toks[k].flags & AG__T_CAP) && tok_is_any(c->text, &c->toks[k], days);
}

int ag__ner_weekday_title(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    if (te - ts < 3 || !weekday(c, ts))
        return 0;
    for (size_t k = ts + 1; k < te; k++)
        if (!(t[k].flags & AG__T_CAP) || (t[k].flags & AG__T_ALLCAPS) ||
            !(t[k].cls & AG_LEX_COMMON) ||
            (t[k].cls & (AG_LEX_PROPER | AG_LEX_GIVEN | AG_LEX_TITLE | AG_LEX_NONNAME)))
            return 0;
    return 1;
}

/* Token k, a weekday, is followed by what follows a team's name and never a date: its
 * possessive, a role in the team or its goals in a result ("Sheffield Wednesday's",
 * "Sheffield Wednesday manager", "Sheffield Wednesday 2"). */
static int weekday_side(const ctx *c, size_t k)
{
    const tok *t = c->p->toks;
    return k + 1 < c->p->ntoks && t[k + 1].sent == t[k].sent &&
           ((t[k + 1].flags & AG__T_POSS) ||
            ((t[k + 1].flags & AG__T_LOWER) &&
             tok_is_any(c->text, &t[k + 1], ag__ner_team_roles)) ||
            /* a result line's goals: "Sheffield Wednesday 2 Leeds 1" (not a date's
             * day: "Wednesday 12 May") */
            ((t[k + 1].flags & (AG__T_DIGIT | AG__T_WORD)) == AG__T_DIGIT &&
             t[k + 1].e - t[k + 1].s <= 2 && !(t[k + 1].flags & AG__T_NL) &&
             !(k + 2 < c->p->ntoks && (t[k + 2].cls & AG_LEX_NONNAME))));
}

/* A weekday ending span [ts, te) after a name word is part of the name when the article
 * writes that name and weekday before what only follows a team ("Sheffield Wednesday
 * manager", "Sheffield Wednesday's win"), here or elsewhere ("lost to Sheffield
 * Wednesday"); otherwise it is the date of what the name did ("Microsoft Wednesday
 * said"). */
static int weekday_ends_name(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    if (te - ts < 2 || !weekday(c, te - 1) || (t[te - 2].cls & AG_LEX_NONNAME) ||
        !(t[te - 2].flags & AG__T_CAP))
        return 0;
    if (weekday_side(c, te - 1))
        return 1;
    for (size_t j = next_pair(c, te - 2, 0); j != (size_t)-1; j = next_pair(c, te - 2, j + 1))
        if (weekday_side(c, j + 1))
            return 1;
    return 0;
}

/* Span [ts, te) is two words, a given name that is also a word of no name (a group's,
 * a month's: "Christian", "Jan") and a capitalised word that is no such word, no
 * ordinary word, no organisation word or title and no name the lexicon knows: a
 * person's full name ("Jan Ullrich won", "Christian Klien"), not "Christian Serbs",
 * "Christian Aid", "a Christian Democrat", "Jan Feb". An ordinary word as a surname
 * ("Christian Bale") only when the article writes it alone as a name elsewhere ("Bale,
 * who grew up"): too many bodies are named so. Also three words whose middle one is a
 * given name that is no such word: a double given name ("Jan Peter Balkenende"). */
static int given_first(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    ag_lex_actor a;
    size_t l = te - 1; /* the family name */
    if (!(te == ts + 2 ||
          (te == ts + 3 && (t[ts + 1].cls & AG_LEX_GIVEN) && (t[ts + 1].flags & AG__T_CAP) &&
           !(t[ts + 1].flags & AG__T_ALLCAPS) && !(t[ts + 1].cls & AG_LEX_NONNAME))))
        return 0;
    return (t[ts].cls & AG_LEX_GIVEN) && (t[ts].cls & AG_LEX_NONNAME) && (t[l].flags & AG__T_CAP) &&
           !(t[l].flags & AG__T_ALLCAPS) &&
           !(t[l].cls & (AG_LEX_NONNAME | AG_LEX_FUNCTION | AG_LEX_ORGCUE | AG_LEX_TITLE)) &&
           (!(t[l].cls & AG_LEX_COMMON) || (t[l].cls & AG_LEX_PROPER) ||
            ag__ner_alone_elsewhere(c, l)) &&
           !match_form(c->lex, c->text, t, ts + 1, te, 0, &a);
}

/* Span [ts, te) is a weekday and a newspaper's word: a weekly paper's name ("the Sunday
 * Courier", "the Sunday Herald"), not a date before a name. */
static int weekday_paper(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    return te == ts + 2 && weekday(c, ts) && (t[ts + 1].flags & AG__T_CAP) &&
           list_has_ci(ag__ner_papers, c->text + t[ts + 1].s, t[ts + 1].e - t[ts + 1].s);
}

/* Token k is the label of a phone number that follows it on its line ("-- Lima Newsroom
 * Tel+51 1 221 2222", "Fax: 44 171 542 4100"): a wire trailer's contact line, where the
 * label is written capitalised after the desk's name and is no part of it. */
static int phone_label(const ctx *c, size_t k)
{
    static const char *const labels[] = {"Tel", "Fax", "Phone", "Telephone", NULL};
    const tok *t = c->toks;
    if (!tok_is_any(c->text, &t[k], labels))
        return 0;
    size_t q = k + 1;
    while (q < c->ntoks && !(t[q].flags & AG__T_NL) && (t[q].flags & AG__T_PUNCT) &&
           (t[q].punct == '.' || t[q].punct == ':' || t[q].punct == '+'))
        q++;
    return q < c->ntoks && !(t[q].flags & AG__T_NL) &&
           (t[q].flags & (AG__T_DIGIT | AG__T_WORD)) == AG__T_DIGIT;
}

/* Token k is a share's class after its company's name, before its price in a table of
 * prices: one capital letter, or one and a digit ("Nokia A 218.00 +4.00", "Grupo Carso
 * A1 44.10"): the series of the shares, no part of the company's name. */
static int share_class(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    /* (the class's length first: it turns away nearly every name's last word) */
    if (t[k].e - t[k].s > 2 || k == 0 || k + 1 >= c->ntoks || (t[k].flags & AG__T_NL) ||
        (t[k + 1].flags & AG__T_NL) || !(t[k - 1].flags & AG__T_CAP) ||
        (t[k - 1].flags & AG__T_DIGIT) ||
        (t[k + 1].flags & (AG__T_DIGIT | AG__T_WORD)) != AG__T_DIGIT || t[k + 1].e + 1 >= c->len ||
        c->text[t[k + 1].e] != '.' || c->text[t[k + 1].e + 1] < '0' ||
        c->text[t[k + 1].e + 1] > '9')
        return 0; /* (the tokeniser splits "218.00" at its point) */
    const char *w = c->text + t[k].s;
    size_t n = t[k].e - t[k].s;
    return (n == 1 || (n == 2 && w[1] >= '0' && w[1] <= '9')) && w[0] >= 'A' && w[0] <= 'Z';
}

/* Weekdays, months, and leading connectors are never name parts at the edges of span
 * [*tsp, *tep); a religious or group word before an organisation's head word is
 * ("Christian Democratic Union", "Islamic Jihad"). Lower-case words go too. */
static void trim_edges(const ctx *c, size_t *tsp, size_t *tep)
{
    const tok *t = c->toks;
    size_t ts = *tsp, te = *tep;
    /* skip_initial_words may have taken the whole span ("Through" closing a document):
     * t[ts] is then past the last token */
    if (ts >= te)
        return;
    int org_head = te - ts >= 2 && (t[te - 1].cls & AG_LEX_ORGCUE) && (t[te - 1].flags & AG__T_CAP);
    ag_lex_actor a;
    int keep_first = org_head || ag__ner_weekday_title(c, ts, te) || given_first(c, ts, te) ||
                     weekday_paper(c, ts, te) ||
                     ((t[ts].cls & AG_LEX_NONNAME) && te - ts >= 2 &&
                      match_form(c->lex, c->text, t, ts, te, 0, &a) >= 2); /* "Christian Aid" */
    while (ts < te && (((t[ts].cls & AG_LEX_NONNAME) && !keep_first) ||
                       (t[ts].flags & AG__T_LOWER) || exchange_code(c, ts)))
        ts++;
    /* "Barclays Premiership", "Zurich Premiership": a sponsor's name before the league
     * names the league (misc, see form_stands_alone), not the sponsor */
    int keep_last = weekday_ends_name(c, ts, te) ||
                    (te - ts >= 2 && tok_is(c->text, &t[te - 1], "Premiership"));
    while (te > ts &&
           (((t[te - 1].cls & AG_LEX_NONNAME) && !keep_last) || (t[te - 1].flags & AG__T_LOWER) ||
            phone_label(c, te - 1) || (te - ts >= 2 && share_class(c, te - 1))))
        te--;
    *tsp = ts;
    *tep = te;
}

/* w[0, n) is an acronym with a plural "s" ("MPs", "MEPs", "NGOs", "CEOs", "ISPs"): members
 * of a kind, a common noun however capitalised. An organisation or person is not named
 * in the plural of its initials. */
static int acronym_plural(const char *w, size_t n)
{
    if (n < 3 || w[n - 1] != 's')
        return 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (w[i] < 'A' || w[i] > 'Z')
            return 0;
    return 1;
}

/* Token k is a capitalised ordinary word before a lower-case trade of ideas and a name:
 * the views of the person it qualifies, no party nor any actor ("Liberal economist Mariana
 * Costa", "the Conservative historian Edmund Vale"; not "Goldman economist X", which names
 * the employer, nor "Labour MP X", a party's post). */
static int views_word(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    if (k + 2 >= c->ntoks || !(t[k].cls & AG_LEX_COMMON) || (t[k].flags & AG__T_ALLCAPS) ||
        t[k + 1].sent != t[k].sent || !(t[k + 1].flags & AG__T_LOWER) ||
        t[k + 2].sent != t[k].sent || !(t[k + 2].flags & AG__T_CAP))
        return 0;
    size_t n = t[k + 1].e - t[k + 1].s;
    n -= n > 1 && c->text[t[k + 1].e - 1] == 's'; /* "economists" */
    return list_has(ag__ner_thinkers, c->text + t[k + 1].s, n);
}

/* Span [ts, te) (not empty) is never a name whatever its context: initials alone, a lone
 * letter, function word or company suffix or acronym plural, a stock ticker with its exchange. */
static int never_a_name(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    /* "M&S", "P&O Ferries" name companies, but "R&D", "Q&A", "M&A" are ordinary words */
    if (te - ts > 3 && ampersand_initials(c, ts, ts + 3))
        return 0;
    if (ampersand_initials(c, ts, te)) {
        size_t n = t[te - 1].e - t[ts].s;
        n -= c->text[t[ts].s + n - 1] == '.'; /* "M&A." ending a sentence */
        return list_has(ag__ner_generic_ampersands, c->text + t[ts].s, n);
    }
    /* Initials alone ("S.", "A N") are not names. */
    int initials = 1;
    for (size_t q = ts; q < te && initials; q++) {
        size_t wl = t[q].e - t[q].s;
        if (!(wl == 1 || (wl == 2 && c->text[t[q].s + 1] == '.')))
            initials = 0;
    }
    if (initials && !((t[ts].flags & AG__T_DOTTED) && te - ts == 1 && t[ts].e - t[ts].s > 2))
        return 1;
    /* Mostly single letters is a table header ("P W D L Pts"), not a name. */
    if (te - ts >= 3) {
        size_t single = 0;
        for (size_t q = ts; q < te; q++)
            single += t[q].e - t[q].s == 1;
        if (single * 2 >= te - ts)
            return 1;
    }
    /* A lone function word ("The", "We", "I'm") or letter is never a name, nor a stock
     * ticker with its exchange of one or two letters ("SPLS.O", "MON.N", "TD.TO"). */
    if (te - ts == 1 && ts + 2 < c->ntoks && exchange_code(c, ts + 2))
        return 1;
    if (te - ts == 1 && tok_in(c, &t[ts], G_CORP_SFX))
        return 1; /* "Co", "Inc": a company suffix alone */
    if (te - ts == 1 && views_word(c, ts))
        return 1;
    /* "Game 2 of the series", "Chapter 11": a numbered unit and its number (digits only,
     * not a score: "the Heat 98-90") */
    if (te - ts == 1 && te < c->ntoks && t[te].sent == t[ts].sent &&
        (t[te].flags & (AG__T_DIGIT | AG__T_WORD | AG__T_HYPHEN)) == AG__T_DIGIT &&
        tok_is_any(c->text, &t[ts], ag__ner_numbered_units))
        return 1;
    if (te - ts == 1) {
        const char *w = c->text + t[ts].s;
        size_t wl = t[ts].e - t[ts].s, ap = wl;
        /* (most words hold ASCII letters and digits only, and their flags say so) */
        if (!(t[ts].flags & AG__T_WORD) || (t[ts].flags & AG__T_RARE))
            for (ap = 0; ap < wl && w[ap] != '\'' && (unsigned char)w[ap] != 0xE2;)
                ap++;
        if (wl == 1 || ((t[ts].cls & AG_LEX_FUNCTION) && !(t[ts].flags & AG__T_ALLCAPS)))
            return 1;
        if (acronym_plural(w, wl))
            return 1;
        if (ap < wl && ap < AG__LEX_MAXKEY) {
            char low[AG__LEX_MAXKEY];
            ag__lex_lower(w, ap, low);
            if (word_class(c->p, c->lex, low, ap) & AG_LEX_FUNCTION)
                return 1;
        }
    }
    return 0;
}

/* Titles after a known name: "European Commission President Ursula ...". Strips the
 * titles at *kp (a name's start inside the span, none stripped before it) into sp->role
 * and moves *kp past them. Returns 1 when nothing of the span is left after them, 0 to go
 * on, -1 when out of memory. */
static int inner_title(ctx *c, span_state *sp, size_t *kp)
{
    size_t k = *kp, rs = 0, re = 0;
    size_t nk = strip_titles(c, k, sp->te, &rs, &re, sp->caps);
    if (nk == (size_t)-1)
        return -1;
    if (nk != k) {
        if (!(sp->role = role_str(c, rs, re)))
            return -1;
        sp->titled = 1;
        k = nk;
        while (k < sp->te && (c->toks[k].flags & AG__T_LOWER))
            k++;
        *kp = k;
        if (k >= sp->te)
            return 1;
    }
    return 0;
}

/* (A score: "7-1" is no date, and no vote in a sports page.) */
int ag__ner_sports_report(const ctx *c)
{
    const struct ag__ner_scratch *p = c->p;
    if (p->sport_words > 0)
        return 1;
    /* The document's pass noted its scores: asked for every sentence's opening word
     * (side_opening), a scan of the tokens each time was most of the cost of that rule. */
    if (p->toks_kept && c->toks == p->toks && c->ntoks == p->ntoks)
        return p->scores;
    for (size_t k = 0; k < c->ntoks; k++)
        if ((c->toks[k].flags & (AG__T_WORD | AG__T_HYPHEN | AG__T_DIGIT)) ==
            (AG__T_HYPHEN | AG__T_DIGIT))
            return 1;
    return 0;
}

/* Token k, a people's name in the lexicon, is a capitalised plural: "Indians", "Texans"
 * (a team's nickname after a city, see form_stands_alone). */
static int nickname_word(const ctx *c, size_t k)
{
    const tok *t = &c->toks[k];
    return (t->flags & (AG__T_CAP | AG__T_ALLCAPS)) == AG__T_CAP && t->e - t->s > 3 &&
           c->text[t->e - 1] == 's';
}

/* The gazetteer form a at tokens [k, k + g) of the span is a mention of its own (1), or
 * the first words of a longer unknown name that unknown_run takes (0). */
/* Token k is a word of G_MISC_HEAD but "Summit", in any case ("Cup", "CUP"). */
static int misc_head_ci(const ctx *c, size_t k)
{
    const tok *t = &c->toks[k];
    if (tok_in(c, t, G_MISC_HEAD))
        return !tok_is(c->text, t, "Summit");
    if (!(t->flags & AG__T_ALLCAPS))
        return 0;
    for (const char *const *w = ag__ner_misc_heads; *w; w++)
        if (list_word_is_ci(*w, c->text + t->s, t->e - t->s))
            return strcmp(*w, "Summit") != 0;
    return 0;
}

/* After an organisation of one country the lexicon knows, at token r: "of" and a country
 * ending the span. 1 when it is the organisation's own country ("Social Democratic Party
 * of Germany": the SPD's full name), 0 when another, -1 when no such words follow. */
static int org_of_country(ctx *c, const ag_lex_actor *a, size_t r, size_t te, int caps)
{
    const tok *t = c->toks;
    ag_lex_actor home;
    if (!a->country || caps || r + 2 != te || !tok_is(c->text, &t[r], "of") ||
        match_form(c->lex, c->text, t, r + 1, te, caps, &home) != 1 ||
        home.type != AG_ACTOR_COUNTRY || home.adjective)
        return -1;
    return strcmp(home.name, a->country) == 0;
}

/* Token k is the plural of an organisation cue word, "of" and an ordinary word after it:
 * "Chambers of Commerce" (not a surname before a place: "Dwain Chambers of Britain"). */
static int plural_cue_of(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    return k + 2 < c->ntoks && tok_is(c->text, &t[k + 1], "of") && (t[k + 2].cls & AG_LEX_COMMON) &&
           !(t[k + 2].cls & AG_LEX_PROPER) && ag__ner_cue_plural(c, &t[k]);
}

/* The place or nationality [k, k + g) starts an organisation's name. */
static void lead_by_place(span_state *sp, size_t k, size_t g)
{
    sp->place_led = 1;
    sp->place_led_at = k;
    sp->place_led_end = k + g;
}

/* Token te, after a name, opens an apposition naming an organisation's kind: a comma,
 * "the" or "a", and an organisation noun within four lower-case words (", the economic
 * development agency,", ", a Glasgow-based charity"). */
static int org_apposition(const ctx *c, size_t te)
{
    const tok *t = c->toks;
    if (te + 2 >= c->ntoks || !(t[te].flags & AG__T_PUNCT) || t[te].punct != ',' ||
        t[te + 1].sent != t[te].sent ||
        !(tok_is(c->text, &t[te + 1], "the") || tok_is(c->text, &t[te + 1], "a") ||
          tok_is(c->text, &t[te + 1], "an")))
        return 0;
    for (size_t q = te + 2; q < c->ntoks && q < te + 6 && t[q].sent == t[te].sent; q++) {
        if (tok_in(c, &t[q], G_ORG_BEFORE) && (t[q].flags & AG__T_LOWER))
            return 1;
        if (!(t[q].flags & AG__T_LOWER))
            return 0;
    }
    return 0;
}

/* The words [k, te) were an unknown name of their own earlier in the article. */
static int named_before(const ctx *c, size_t k, size_t te)
{
    const tok *t = c->toks;
    size_t n = t[te - 1].e - t[k].s;
    for (size_t ci = 0; ci < c->p->ncands; ci++) {
        const cand *m = &c->p->cands[ci];
        if (!m->lexname && m->e - m->s == n && m->s < t[k].s &&
            memcmp(c->text + m->s, c->text + t[k].s, n) == 0)
            return 1;
    }
    return 0;
}

static int form_stands_alone(ctx *c, span_state *sp, size_t k, size_t g, const ag_lex_actor *a)
{
    const tok *t = c->toks;
    size_t te = sp->te;
    int caps = sp->caps;
    /* A place word the lexicon knows before "of" heads a longer place's name: "Gulf of
     * Mexico" is neither the Persian Gulf nor Mexico. */
    if (g == 1 && k + 2 < te && tok_is(c->text, &t[k + 1], "of") && tok_in(c, &t[k], G_PLACE_HEAD))
        return 0;
    /* An organisation of one country the lexicon knows, before "of" and another country,
     * is that country's body of the same name: "Democratic Party of Japan" is not the
     * American Democratic Party, "Liberal Party of Australia" not the Canadian one. */
    if (a->type == AG_ACTOR_ORG && org_of_country(c, a, k + g, te, caps) == 0)
        return 0;
    /* Two organisations the lexicon knows, written one after the other in a sentence's
     * name, name their joint venture or merger: "Sony Ericsson", "Fuji Xerox" (not in a
     * headline, whose words run on: "Google Microsoft Row"). */
    ag_lex_actor b2;
    if (a->type == AG_ACTOR_ORG && !sp->headline && k + g < te && !a->adjective &&
        match_form(c->lex, c->text, t, k + g, te, caps, &b2) == te - k - g &&
        b2.type == AG_ACTOR_ORG && !b2.adjective && !(t[k + g].cls & AG_LEX_ORGCUE) &&
        strcmp(a->name, b2.name) != 0) /* ("Advanced Micro Devices AMD": one, twice named) */
        return 0;
    /* A nationality or a town before an ampersand starts a company's name ("Scottish &
     * Newcastle", "Bradford & Bingley"); two countries so joined are two ("UK &
     * Ireland"). */
    if ((a->adjective || a->type == AG_ACTOR_PLACE) && k + g + 1 < te &&
        (t[k + g].flags & AG__T_PUNCT) && t[k + g].punct == '&')
        return 0;
    /* A place followed by unknown capitalised words is the start of an organisation name
     * ("Kenya Airways"), unless it is an adjective. */
    if (!a->adjective && a->type != AG_ACTOR_ORG && k + g < te && !caps) {
        size_t r = k + g;
        ag_lex_actor b;
        size_t bg = match_form(c->lex, c->text, t, r, te, caps, &b);
        /* (not before a function word: "For Bush, Iraq Is More Than a War") */
        if (!bg && !(t[r].cls & (AG_LEX_GIVEN | AG_LEX_FUNCTION)) &&
            !match_title(c->p, c->lex, c->text, t, r, te)) {
            /* "New York City", "Quebec City": outside a sports report, the city's own
             * longer name (a place by its last word), no club; so is "Ohio River",
             * "Hudson Valley", "Heathrow Airport", a place by its last word anywhere. */
            int city = tok_in(c, &t[te - 1], G_TEAM_AFTER); /* City, County */
            /* A place's word that is also a given name before a surname names a person:
             * "Kobe Bryant", "Paris Hilton", "Washington Irving": one word after it that
             * the word list knows capitalised only, and no plural (a team's "Vikings"). */
            int surname = g == 1 && r + 1 == te &&
                          (t[r].flags & (AG__T_CAP | AG__T_ALLCAPS)) == AG__T_CAP &&
                          t[r].e - t[r].s >= 3 &&
                          (t[r].cls & (AG_LEX_PROPER | AG_LEX_COMMON)) == AG_LEX_PROPER &&
                          c->text[t[r].e - 1] != 's';
            if (!surname && !(tok_in(c, &t[te - 1], G_PLACE_HEAD) &&
                              (!city || (r + 1 == te && !ag__ner_sports_report(c))))) {
                lead_by_place(sp, k, g); /* "Houston Astros", "Kenya Airways" */
            }
            return 0;
        }
        /* In a sports report a region or a city right before a city that ends the span,
         * written as the city's own name (not "Texans"), is a club named after both
         * ("Bayern Munich", "Ajax Amsterdam"), no two places (but "in Dallas Texas",
         * "from Dallas Texas"). */
        if (bg == 1 && r + 1 == te && !b.adjective && b.type == AG_ACTOR_PLACE && b.country &&
            a->type == AG_ACTOR_PLACE && g == 1 && strlen(b.name) == t[r].e - t[r].s &&
            memcmp(b.name, c->text + t[r].s, t[r].e - t[r].s) == 0 &&
            !(k > 0 && t[k - 1].sent == t[k].sent &&
              (tok_in(c, &t[k - 1], G_LOC_PREP) || tok_is(c->text, &t[k - 1], "from"))) &&
            ag__ner_sports_report(c)) {
            lead_by_place(sp, k, g);
            return 0;
        }
        /* In a sports report a city before a capitalised plural that the lexicon knows
         * as a people is a team and its nickname ("Cleveland Indians", "Houston
         * Texans"), no city and nationality. */
        if (bg == 1 && r + 1 == te && b.adjective && a->type == AG_ACTOR_PLACE && a->country &&
            nickname_word(c, r) && ag__ner_sports_report(c)) {
            c->p->nicks = 1;
            lead_by_place(sp, k, g);
            sp->nick_end = te;
            return 0;
        }
    }
    /* "UEFA Cup", "Fed Cup", "Asian Cup", "Brazilian Grand Prix": an organisation or a
     * nationality right before the word of a competition or prize (or "Grand Prix") names
     * the event, misc by its last word, no actor of its own. Not before a named event,
     * whose team it says ("European Ryder Cup", "UEFA World Cup qualifier"), nor before a
     * summit, which organisations hold ("the OIC Summit"). */
    if ((a->type == AG_ACTOR_ORG || a->adjective) && k + g < te &&
        (k + g + 1 == te || (k + g + 2 == te && list_word_is_ci("grand", c->text + t[k + g].s,
                                                                t[k + g].e - t[k + g].s))) &&
        (t[te - 1].flags & AG__T_CAP) && misc_head_ci(c, te - 1))
        return 0;
    /* "European Commission", "African Union": an adjective right before an organisation
     * cue word names the organisation; so before its plural and "of" ("British Chambers
     * of Commerce": a federation of them; the plural alone is a surname, John Chambers). */
    if (a->adjective && k + g < te && !caps &&
        ((t[k + g].cls & AG_LEX_ORGCUE) || (k + g + 2 < te && plural_cue_of(c, k + g))) &&
        (t[k + g].flags & AG__T_CAP))
        return 0;
    /* "Irish Ferries", "Welsh Water", "American Express", "British Gas": an adjective and
     * one word of a utility's or carrier's trade that ends the name name a company. */
    if (a->adjective && k + g + 1 == te && !caps && (t[k + g].flags & AG__T_CAP) &&
        tok_is_any(c->text, &t[k + g], ag__ner_trade_heads)) {
        lead_by_place(sp, k, g);
        return 0;
    }
    /* "Scottish Enterprise, the economic development agency,": a nationality before one
     * word that ends the span, in apposition with an organisation's noun, heads that
     * organisation's name (not "Russian Soyuz, the spacecraft", a thing), and so does it
     * where the article wrote the name so before ("Scottish Enterprise said") */
    if (a->adjective && g == 1 && k + 2 == te && !caps && (t[k + 1].flags & AG__T_CAP) &&
        !(t[k + 1].cls & AG_LEX_GIVEN) && (org_apposition(c, te) || named_before(c, k, te))) {
        lead_by_place(sp, k, g);
        return 0;
    }
    /* "Scottish Executive", "Northern Ireland Executive": a nation's or region's executive
     * is its devolved government, an organisation (the word alone is no cue: "a Sun
     * executive", "Chief Executive Jo Veer"). */
    if ((a->adjective || a->type == AG_ACTOR_COUNTRY || a->type == AG_ACTOR_PLACE) &&
        k + g + 1 == te && !caps && tok_is(c->text, &t[k + g], "Executive")) {
        lead_by_place(sp, k, g);
        return 0;
    }
    /* A known name or a national adjective heading a longer organisation name: "United
     * Nations General Assembly", "Kenya Ports Authority", "Scottish National Party",
     * "Chinese Foreign Ministry". */
    if (a->type != AG_ACTOR_PERSON && k + g < te && !caps) {
        /* ... but not before an organisation the lexicon knows, of no one country, whose
         * name ends the span: "Turkish European Union accession talks" (a party of one
         * country names its branches and sister parties after others: "Scottish Labour
         * Party", "Indonesian Democratic Party") */
        ag_lex_actor o;
        size_t og = a->adjective ? match_form(c->lex, c->text, t, k + g, te, 0, &o) : 0;
        if (og >= 2 && k + g + og == te && o.type == AG_ACTOR_ORG && !o.country)
            return 1;
        int cue = 0;
        for (size_t q = k + g; q < te; q++)
            if ((t[q].cls & AG_LEX_ORGCUE) && (t[q].flags & AG__T_CAP))
                cue = 1;
        if (cue)
            return 0;
    }
    /* An organisation's national branch: "BBC Wales", "Motorola UK". */
    if (a->type == AG_ACTOR_ORG && !caps && org_branch(c, k, k + g, te))
        return 0;
    return 1;
}

/* An organisation cue followed by a person's name: "Foreign Office Aftab Khokher". The
 * unknown run starting at k, which has a cue word, ends after its last cue when a name
 * follows it; a title there starts a span of its own ("Foreign Office Spokesperson Dr
 * Mohammad Faisal"), which ends the raw span. *u: the run's end. -1 when out of memory. */
static int cut_after_cue(ctx *c, span_state *sp, size_t k, size_t *u)
{
    const tok *t = c->toks;
    size_t last_cue = k;
    for (size_t q = k; q < sp->te; q++)
        if (t[q].cls & AG_LEX_ORGCUE)
            last_cue = q;
    size_t r = last_cue + 1;
    if (r < sp->te && match_title(c->p, c->lex, c->text, t, r, sp->te)) {
        /* "Foreign Office Spokesperson Dr Mohammad Faisal" */
        if (do_span(c, r, sp->te) < 0)
            return -1;
        sp->te = *u = r;
    } else if (r + 1 < sp->te && !(t[r].cls & (AG_LEX_CONNECTOR | AG_LEX_COMMON)) &&
               /* (a cue that opens the run heads the name after it, unless a given name
                * follows: "Bank Negara Indonesia", "Banco Santander Chile", but "Fed Alan
                * Greenspan") */
               (last_cue != k || (t[r].cls & AG_LEX_GIVEN)) && !(t[r].flags & AG__T_LOWER) &&
               !((t[r].flags & AG__T_PUNCT) && t[r].punct == '&')) {
        *u = r; /* (an ampersand goes on with the name: "Alliance & Leicester") */
    }
    return 0;
}

/* A title inside the unknown run [k, *u) starts a person's name: "Labour MP George
 * Galloway", "Microsoft Chairman Bill Gates". The title and the name go to a span of
 * their own, and the run and the raw span end before them (the words before name what
 * the person belongs to). Returns 1 when so, 0 when the run has no such title, -1 when
 * out of memory. */
static int cut_before_title(ctx *c, span_state *sp, size_t k, size_t *u)
{
    const tok *t = c->toks;
    for (size_t q = k + 1; q + 1 < *u; q++) {
        size_t tl = match_title(c->p, c->lex, c->text, t, q, *u);
        if (!tl || q + tl >= *u || !(t[q + tl].flags & AG__T_CAP) ||
            (t[q + tl].cls & AG_LEX_TITLE) || is_honorific(c, q))
            continue;
        if (do_span(c, q, *u) < 0)
            return -1;
        sp->te = *u = q;
        return 1;
    }
    return 0;
}

/* Headline tokens q and q + 1 are written one after the other in a sentence of the body
 * ("Red Hat said", where "Red" starts the sentence). */
static int pair_in_body(const ctx *c, size_t q)
{
    for (size_t j = next_pair(c, q, 0); j != (size_t)-1; j = next_pair(c, q, j + 1))
        if (!c->p->capsent[c->p->toks[j].sent])
            return 1;
    return 0;
}

/* List in p->firsts the document's tokens first in a sentence outside the headlines
 * (story_attests). -1 when out of memory. Out of line: most documents have no headline. */
static __attribute__((noinline)) int list_firsts(struct ag__ner_scratch *p)
{
    p->nfirsts = 0;
    for (size_t j = 0; j < p->ntoks; j++) {
        if (!(p->toks[j].flags & AG__T_FIRST) || p->capsent[p->toks[j].sent])
            continue;
        if (ag__grow(&p->firsts, &p->capfirsts, p->nfirsts + 1, sizeof *p->firsts) < 0) {
            p->nfirsts = FIRSTS_UNMADE;
            return -1;
        }
        p->firsts[p->nfirsts++] = (uint32_t)j;
    }
    return 0;
}

/* The body writes headline token q, the same bytes, first in a sentence ("Reuters -
 * Intel Corp. said"), as a name there: a word that is no ordinary one, or one that goes on
 * into a longer name or a bracket ("Oracle (Nasdaq: ORCL) has"; not "Health insurance
 * premiums"). Only while the document's tokens are kept (else 0). Those tokens are listed
 * at the document's first call (list_firsts): every headline word asks, and scanning all
 * tokens for each cost 1% of a run on headlined news (the marks are all set, by the
 * tokeniser and find_dateline, before spans ask). -1 when out of memory. */
static int story_attests(const ctx *c, size_t q)
{
    struct ag__ner_scratch *p = c->p;
    const tok *t = p->toks, *a = &t[q];
    size_t n = p->ntoks, al = a->e - a->s;
    if (!p->toks_kept)
        return 0;
    if (p->nfirsts == FIRSTS_UNMADE && list_firsts(p) < 0)
        return -1;
    for (size_t i = 0; i < p->nfirsts; i++) {
        size_t j = p->firsts[i];
        const tok *x = &t[j];
        if (j == q || x->e - x->s != al || memcmp(c->text + x->s, c->text + a->s, al) != 0)
            continue;
        if (!(x->cls & AG_LEX_COMMON) || (x->cls & (AG_LEX_PROPER | AG_LEX_GIVEN)))
            return 1;
        if (j + 1 < n && t[j + 1].sent == x->sent &&
            ((t[j + 1].flags & AG__T_CAP) ||
             ((t[j + 1].flags & AG__T_PUNCT) && t[j + 1].punct == '(')))
            return 1;
    }
    return 0;
}

/* Token k of a headline is an ordinary word ("New") that the body writes capitalised
 * only as the first word of longer names ("New York Mets"): "Mets Introduce New Prize
 * Pitcher" has no name "New". Only while the document's tokens are kept. */
static int only_inside_names(const ctx *c, size_t k)
{
    const tok *t = c->p->toks;
    uint32_t cl = t[k].cls;
    ag_lex_actor a;
    if (!c->p->toks_kept || !(cl & AG_LEX_COMMON) || (cl & (AG_LEX_PROPER | AG_LEX_GIVEN)) ||
        (t[k].flags & AG__T_ALLCAPS) || match_form(c->lex, c->text, t, k, k + 1, 0, &a))
        return 0; /* (nor a name the lexicon knows: "Apple Unveils ...") */
    int inside = 0;
    for (size_t j = next_same(c, k, 0, 1); j != (size_t)-1; j = next_same(c, k, j + 1, 1)) {
        if (j + 1 >= c->p->ntoks || t[j + 1].sent != t[j].sent || !(t[j + 1].flags & AG__T_CAP))
            return 0;
        inside = 1;
    }
    return inside;
}

/* How many words of the headline run [k, u), from k, the body attests (capitalised
 * mid-sentence there, or written as a name first in a sentence: story_attests,
 * pair_in_body; no function word): "SHEARER NAMED AS" keeps "SHEARER". -1 when out of
 * memory. */
static long headline_attested(ctx *c, size_t k, size_t u)
{
    size_t q = k;
    for (; q < u; q++) {
        int at = ag__ner_attested(c, q);
        if (at < 0)
            return -1;
        /* A word the body writes capitalised only where a sentence starts, before the
         * next word of the name, which the body attests: "Red Hat Buys ..." and "Red Hat
         * said ...". */
        if (!at && !(c->toks[q].cls & AG_LEX_FUNCTION) && (at = story_attests(c, q)) < 0)
            return -1;
        if (!at && q + 1 < u && !(c->toks[q].cls & AG_LEX_FUNCTION) && pair_in_body(c, q)) {
            at = ag__ner_attested(c, q + 1);
            if (at < 0)
                return -1;
        }
        if (!at || (c->toks[q].cls & AG_LEX_FUNCTION))
            break;
    }
    if (q == k + 1 && only_inside_names(c, k))
        return 0;
    return (long)(q - k);
}

/* The unknown name that starts at token *kp of the span: up to the next gazetteer form
 * that is not inside an organisation's name, the whole rest after a title or with an
 * organisation cue, a national branch ("Air France"). Made a candidate with its typing
 * evidence (ner_evidence.c); *kp is moved past it (or past one word of a headline that
 * the body does not attest). Returns 0, or -1 when out of memory. */
/* A person's name ends before "of": "Economist Joel Naroff of First Union bank", "Bishop
 * Tutu of Cape Town". The run [k, sp->te) is a person's (titled, or a given name and a
 * second name word); what follows "of" goes to a span of its own, and the raw span ends
 * before "of". -1 when out of memory. */
static int cut_person_of(ctx *c, span_state *sp, size_t k)
{
    const tok *t = c->toks;
    int given = (t[k].cls & AG_LEX_GIVEN) && k + 1 < sp->te && (t[k + 1].flags & AG__T_CAP);
    if (!sp->titled && !given)
        return 0;
    for (size_t q = sp->titled ? k + 1 : k + 2; q + 1 < sp->te; q++) {
        if (!(t[q].flags & AG__T_LOWER))
            continue;
        if (!tok_is(c->text, &t[q], "of") || !(t[q + 1].flags & AG__T_CAP))
            return 0;
        /* (a peer's seat after the name is the title's: "Lord Patel of Bradford") */
        if (sp->titled && k > 0 && seat_title(c, k - 1) &&
            seat_end(c, q, sp->te, sp->caps) == sp->te) {
            for (size_t u = q; u < sp->te; u++)
                c->toks[u].flags |= AG__T_USED;
            sp->te = q;
            return 0;
        }
        if (do_span(c, q + 1, sp->te) < 0)
            return -1;
        sp->te = q;
        return 0;
    }
    return 0;
}

static int unknown_run(ctx *c, span_state *sp, size_t *kp)
{
    tok *t = c->toks;
    size_t k = *kp, u = k + 1;
    int cue = 0, branch = 0;
    if (acronym_plural(c->text + t[k].s, t[k].e - t[k].s)) {
        t[k].flags |= AG__T_USED; /* "Labour MEPs": the members, no name after the party */
        *kp = u;
        return 0;
    }
    if (cut_person_of(c, sp, k) < 0)
        return -1;
    for (size_t q = k; q < sp->te; q++)
        if (t[q].cls & AG_LEX_ORGCUE)
            cue = 1;
    if (!cue && !sp->titled && !sp->headline && org_branch(c, k, k + 1, sp->te)) {
        branch = 1; /* "Air France", "Tennis Australia", "Veltrix UK" */
        u = sp->te;
    }
    /* "New" before a country's name makes another place's name, and names start with
     * it ("New England Patriots", "New South Wales Blues", "New Britain"): the country
     * is no mention of its own to cut at. */
    if (sp->place_led && k == sp->place_led_at)
        u = sp->place_led_end; /* "Northern Ireland Water": no cut inside the place */
    while (u < sp->te && !cue && !sp->titled) {
        ag_lex_actor b;
        if (match_form(c->lex, c->text, t, u, sp->te, sp->caps, &b) &&
            !(t[u - 1].cls & AG_LEX_CONNECTOR) && (b.type == AG_ACTOR_COUNTRY || b.adjective) &&
            !tok_is(c->text, &t[k], "New") && !given_and_surname(c, k, u, sp->te, &b) &&
            !((t[u - 1].flags & AG__T_PUNCT) && t[u - 1].punct == '('))
            break;
        u++;
    }
    if (cue || sp->titled)
        u = sp->te;
    int nick = sp->nick_end && k == sp->place_led_at;
    if (nick)
        u = sp->nick_end;
    if (cue && !sp->titled && cut_after_cue(c, sp, k, &u) < 0)
        return -1;
    int before_title = 0;
    if (!cue && !sp->titled && !sp->headline && (before_title = cut_before_title(c, sp, k, &u)) < 0)
        return -1;
    while (u > k + 1 && (t[u - 1].flags & AG__T_LOWER))
        u--;
    if (sp->headline) {
        /* Headline words: keep only words attested in the body, the longest run of
         * them from k. */
        long ok = headline_attested(c, k, u);
        if (ok < 0)
            return -1;
        if (ok == 0) {
            *kp = k + 1;
            return 0;
        }
        u = k + (size_t)ok;
    }
    cand *m = new_cand(c->p, t, k, u);
    if (!m)
        return -1;
    m->type = AG_ACTOR_OTHER;
    m->caps = sp->headline;
    if (sp->titled)
        m->role = sp->role;
    ag__ner_vote_unknown(c, m, sp->titled != 0);
    if (branch || before_title || nick)
        m->votes[AG_ACTOR_ORG] += 3;
    m->nick = nick;
    /* (a place and a point of the compass is a region: "the Pacific Northwest") */
    if (sp->place_led && k == sp->place_led_at && !ag__ner_region_name(c, k, u))
        m->votes[AG_ACTOR_ORG] += 2;
    for (size_t q = k; q < u; q++)
        t[q].flags |= AG__T_USED;
    sp->titled = 0;
    *kp = u;
    return 0;
}

/* Cut span [j, sp->te), its leading titles stripped, into gazetteer forms and unknown
 * names. Returns 0, or -1 when out of memory. */
static int split_span(ctx *c, span_state *sp, size_t j)
{
    tok *t = c->toks;
    size_t k = j;
    while (k < sp->te) {
        ag_lex_actor a;
        size_t g = 0;
        if (k > j && !sp->titled) {
            int r = inner_title(c, sp, &k);
            if (r < 0)
                return -1;
            if (r)
                break;
        }
        /* A title-cued name is a person even when its words are places ("Gen Lincoln"). */
        if (!sp->titled)
            g = match_form(c->lex, c->text, t, k, sp->te, sp->caps, &a);
        if (g && form_stands_alone(c, sp, k, g, &a)) {
            /* "Social Democratic Party of Germany": its own country after "of" ends an
             * organisation's full name, no mention of the country */
            if (a.type == AG_ACTOR_ORG && org_of_country(c, &a, k + g, sp->te, sp->caps) == 1)
                g += 2;
            if (!emit_lex(c, k, k + g, &a))
                return -1;
            k += g;
            /* "Volkswagen AG", "Siemens AG": a legal form after a company the lexicon
             * knows is no name of its own (and ends the span: span_end joins no "of"
             * after it, "Siemens AG of Germany") */
            while (a.type == AG_ACTOR_ORG && k < sp->te && tok_in(c, &t[k], G_CORP_SFX))
                t[k++].flags |= AG__T_USED;
            /* "Iraq Is More Than a War": a headline's capitalised function words after
             * a known name start no name */
            while (k < sp->te && (t[k].cls & AG_LEX_FUNCTION) && !sp->caps)
                t[k++].flags |= AG__T_USED;
            continue;
        }
        if (unknown_run(c, sp, &k) < 0)
            return -1;
    }
    return 0;
}

/* "Santa Clara, Calif.", "Trenton, N.J.": a state's or province's abbreviation, after a
 * name of no person and its comma, names that region. The region's name
 * (ag__ner_region_abbrevs), or NULL. */
static const char *region_abbrev(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    const struct ag__ner_scratch *p = c->p;
    if (te != ts + 1 || ts < 2 || !(t[ts - 1].flags & AG__T_PUNCT) || t[ts - 1].punct != ',' ||
        !p->ncands || p->cands[p->ncands - 1].te != ts - 1 || p->cands[p->ncands - 1].role ||
        (p->cands[p->ncands - 1].lexname && p->cands[p->ncands - 1].type == AG_ACTOR_PERSON))
        return NULL;
    size_t n = t[ts].e - t[ts].s;
    if (c->text[t[ts].e - 1] != '.') {
        if (ts + 1 >= c->ntoks || !(t[ts + 1].flags & AG__T_PUNCT) || t[ts + 1].punct != '.' ||
            t[ts + 1].s != t[ts].e)
            return NULL;
        n++; /* "Calif" and its period */
    }
    for (const char *const *r = ag__ner_region_abbrevs; *r; r += 2)
        if (strlen(*r) == n && memcmp(*r, c->text + t[ts].s, n) == 0)
            return r[1];
    return NULL;
}

/* Token t is an adverb that may stand between a subject and its verb: one in "-ly"
 * ("Kabul quickly denied") or of time ("Kabul yesterday allowed"). */
static int adverb(const ctx *c, const tok *t)
{
    static const char *const of_time[] = {"yesterday", "today", "tonight", "already", "again",
                                          "still",     "also",  "later",   "now",     NULL};
    size_t n = t->e - t->s;
    return (n > 4 && c->text[t->e - 2] == 'l' && c->text[t->e - 1] == 'y') ||
           tok_is_any(c->text, t, of_time);
}

/* Span [ts, te) opens a wire headline before its dash and names a sport or a desk: the
 * desk's label ("SOCCER - ...", "MOTOR RACING - ...", "FOREX - ...", "MONEY MARKETS -
 * ...", "UPDATE - ..."), no name, even where the story writes the word capitalised
 * ("Major League Baseball"). */
static int desk_label(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    if (te - ts > 2 || (ts > 0 && t[ts - 1].sent == t[ts].sent) || te >= c->ntoks ||
        !(t[te].flags & AG__T_PUNCT) || t[te].punct != '-' || t[te].sent != t[ts].sent)
        return 0;
    for (size_t q = ts; q < te; q++)
        if (!(t[q].flags & AG__T_ALLCAPS) ||
            !list_has_ci(q == ts ? ag__ner_desk_labels : ag__ner_desk_seconds, c->text + t[q].s,
                         t[q].e - t[q].s))
            return 0;
    return 1;
}

/* Span [ts, te) is an American legislator's party and state after a comma: "Sen. Susan
 * Collins, R-Maine, said", "D-Calif.", "I-Vt." (the state's abbreviation with its
 * period, or its name): no name, whatever follows it. */
static int party_state(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    const char *w = c->text + t[ts].s;
    if (ts == 0 || !(t[ts - 1].flags & AG__T_PUNCT) || t[ts - 1].punct != ',' ||
        t[ts].e - t[ts].s < 3 || (w[0] != 'D' && w[0] != 'R' && w[0] != 'I') || w[1] != '-')
        return 0;
    /* (the state in one word, with the period of its abbreviation: "N.J." is "N", "." ...) */
    size_t q = ts + 1;
    while (q < te && (t[q].flags & AG__T_PUNCT) && t[q].punct == '.')
        q++;
    return q == te;
}

/* Process one raw span of capitalised tokens [ts, te): trim it, strip its titles into the
 * role, and cut the rest into mentions. Returns 0, or -1 when out of memory. */
static int do_span(ctx *c, size_t ts, size_t te)
{
    tok *t = c->toks;
    /* ALL-CAPS: words looked up whatever their case; a title-case headline: names must
     * be attested in the body, as in ALL-CAPS, but are looked up as written. */
    int caps = c->p->capsent[t[ts].sent] == 1, headline = c->p->capsent[t[ts].sent] != 0;
    if (((headline || ts == 0 || (t[ts].flags & AG__T_NL)) && desk_label(c, ts, te)) ||
        party_state(c, ts, te)) {
        for (size_t q = ts; q < te; q++)
            t[q].flags |= AG__T_USED;
        return 0;
    }
    const char *region = region_abbrev(c, ts, te);
    if (region) {
        ag_lex_actor a;
        /* (no country: in a sports report a town of a country is read as its club, but
         * a state so written only says where the town is) */
        if (!ag_lexicon_lookup(c->lex, region, strlen(region), 0, &a) || a.type != AG_ACTOR_PLACE)
            a.name = region; /* (Georgia, a country) */
        a = (ag_lex_actor){a.name, AG_ACTOR_PLACE, NULL, 0, 0};
        return emit_lex(c, ts, te, &a) ? 0 : -1;
    }
    /* (most spans start in mid-sentence: skip_initial_words has nothing to do, and its
     * frame is a large one) */
    if (!caps && ((t[ts].flags & AG__T_FIRST) || t[ts].s + 1 == c->story) &&
        skip_initial_words(c, &ts, te, caps) < 0)
        return -1;
    trim_edges(c, &ts, &te);
    if (ts >= te || never_a_name(c, ts, te))
        return 0;
    size_t role_s = 0, role_e = 0;
    size_t j = strip_titles(c, ts, te, &role_s, &role_e, caps);
    if (j == (size_t)-1)
        return -1;
    int titled = j != ts;
    while (j < te && (t[j].flags & AG__T_LOWER))
        j++;
    if (j >= te)
        return 0; /* a bare title */
    const char *role = titled ? role_str(c, role_s, role_e) : NULL;
    if (titled && !role)
        return -1;
    span_state sp = {te, caps, headline, titled, role, 0, 0, 0, 0};
    return split_span(c, &sp, j);
}

/* ---------------------------------------------------------------- datelines */

/* The story starts after a dateline's dash, skipping a date and a bracketed credit
 * ("BOSTON (Reuters) -- Exuberant Red Sox fans"): its first word is sentence-initial, where
 * an ordinary word capitalised is no part of a name. */
static size_t story_start(const ctx *c, size_t e);

static void mark_story_start(ctx *c, size_t e)
{
    size_t q = story_start(c, e);
    if (q < c->ntoks)
        c->toks[q].flags |= AG__T_FIRST;
}

/* The credit's story starts after its dash ("AP - Nervous Republicans are ..."): its
 * first word is no name's part when an ordinary word before more of a name (see
 * skip_initial_words), but it is not sentence-initial for the attestation of headline
 * words ("Reuters - Intel said" attests "Intel" in the headline). */
static void mark_credit_story(ctx *c, size_t e)
{
    size_t q = story_start(c, e);
    if (q < c->ntoks)
        c->story = c->toks[q].s + 1;
}

/* The token after the dash that ends a dateline or credit at token e (skipping a date
 * and a bracketed credit), or (size_t)-1. */
/* Token q, between a dateline's place and its dash, is an abbreviated region or month
 * ("GEORGETOWN, Del., Nov. 18 --"): a short capitalised word with its period, or a
 * month. */
static int dateline_abbr(const ctx *c, size_t q)
{
    const tok *t = c->toks;
    if (!(t[q].flags & AG__T_CAP))
        return 0;
    return (t[q].flags & AG__T_ABBR) || (t[q].cls & AG_LEX_NONNAME) ||
           (t[q].e - t[q].s <= 5 && q + 1 < c->ntoks && (t[q + 1].flags & AG__T_PUNCT) &&
            t[q + 1].punct == '.' && t[q + 1].s == t[q].e);
}

static size_t story_start(const ctx *c, size_t e)
{
    const tok *t = c->toks;
    size_t q = e;
    while (q < c->ntoks && q - e < 12) {
        if ((t[q].flags & AG__T_PUNCT) && t[q].punct == '(') {
            while (q < c->ntoks && q - e < 12 && !((t[q].flags & AG__T_PUNCT) && t[q].punct == ')'))
                q++;
            q++;
        } else if ((t[q].flags & AG__T_PUNCT) ||
                   ((t[q].flags & AG__T_DIGIT) && !(t[q].flags & AG__T_WORD)) ||
                   dateline_abbr(c, q)) {
            q++;
        } else {
            break;
        }
    }
    if (q < c->ntoks && q > e && (t[q - 1].flags & AG__T_PUNCT) &&
        (t[q - 1].punct == '-' || t[q - 1].punct == 0x2013 || t[q - 1].punct == 0x2014))
        return q;
    return (size_t)-1;
}

/* Token q is punctuation p on the line of token k. */
static int punct_on_line(const ctx *c, size_t k, size_t q, int32_t p)
{
    const tok *t = c->toks;
    return q < c->ntoks && (t[q].flags & AG__T_PUNCT) && t[q].punct == p && !nl_between(t, k, q);
}

/* Past a dateline's place ending before token d: its region (", FL", ", Texas", ",
 * N.C.": one or two capitalised words, each with its period) and a bracketed credit ("
 * (Sports Network)"), on the place's line. Returns the token after them (d when none). */
static size_t dateline_tail(ctx *c, size_t k, size_t d)
{
    tok *t = c->toks;
    size_t q = d;
    if (punct_on_line(c, k, q, ',')) {
        size_t r = q + 1, words = 0;
        while (words < 2 && r < c->ntoks && (t[r].flags & AG__T_CAP) && (t[r].flags & AG__T_WORD) &&
               !nl_between(t, k, r)) {
            words++;
            r++;
            if (punct_on_line(c, k, r, '.') && t[r].s == t[r - 1].e)
                r++;
        }
        if (words) {
            for (size_t w = q + 1; w < r; w++)
                t[w].flags |= AG__T_USED; /* the region is part of the dateline */
            q = r;
        }
    }
    if (punct_on_line(c, k, q, '(')) {
        size_t r = q + 1;
        while (r < c->ntoks && r - q < 8 && !punct_on_line(c, k, r, ')'))
            r++;
        if (punct_on_line(c, k, r, ')'))
            q = r + 1;
    }
    return q;
}

/* "Boston -- The Red Sox got...": a known place in title case at token k (a line's first)
 * before a double or long dash is a dateline too (a single hyphen there is too common in
 * prose: "Boston - a city of ..."), and so is one with its region or a bracketed credit
 * before a single hyphen ("Miami, FL (Sports Network) - ", "Atlanta, GA -- "). 1 when it
 * was one (emitted), 0 when not, -1 when out of memory. */
static int titlecase_dateline(ctx *c, size_t k)
{
    tok *t = c->toks;
    if (!(t[k].flags & AG__T_CAP) || (t[k].flags & AG__T_ALLCAPS))
        return 0;
    ag_lex_actor a;
    size_t g = match_form(c->lex, c->text, t, k, c->ntoks, 0, &a);
    size_t d = k + g;
    if (!g || !(a.type == AG_ACTOR_PLACE || a.type == AG_ACTOR_COUNTRY) || d + 1 >= c->ntoks ||
        ((t[d].flags | t[d + 1].flags) & AG__T_NL) || !(t[d].flags & AG__T_PUNCT))
        return 0;
    size_t q = dateline_tail(c, k, d);
    int dash = q + 1 < c->ntoks && (t[q].flags & AG__T_PUNCT) && !nl_between(t, k, q) &&
               ((t[q].punct == '-' && (q > d || ((t[q + 1].flags & AG__T_PUNCT) &&
                                                 t[q + 1].punct == '-' && t[q + 1].s == t[q].e))) ||
                t[q].punct == 0x2013 || t[q].punct == 0x2014);
    if (!dash) {
        for (size_t w = d; w < q; w++)
            t[w].flags &= ~(uint32_t)AG__T_USED; /* no dateline: the region is prose */
        return 0;
    }
    cand *m = emit_lex(c, k, d, &a);
    if (!m)
        return -1;
    m->type = a.type;
    m->dateline = 1;
    mark_story_start(c, q);
    return 1;
}

/* Token k, a capitalised word before a dash on its line, is written in brackets elsewhere
 * in the text, as credits are ("Oracle revamps apps (NewsFactor)."). */
static int bracket_credited(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    size_t n = t[k].e - t[k].s;
    if (!(t[k].flags & AG__T_CAP) || !(t[k].flags & AG__T_WORD) || n < 2 || n > 40 ||
        k + 1 >= c->ntoks || !(t[k + 1].flags & AG__T_PUNCT) || t[k + 1].punct != '-' ||
        (t[k + 1].flags & AG__T_NL))
        return 0;
    char want[44];
    want[0] = '(';
    memcpy(want + 1, c->text + t[k].s, n);
    want[n + 1] = ')';
    return ag__find_bytes(c->text, c->len, want, n + 2) != NULL;
}

/* Markup between tokens e - 1 and e: a tag's bracket in the gap ("SBC Communications <A
 * HREF=...>", "Lisa Baertlein</p><p> SAN FRANCISCO" in text copied from a web page), which
 * the tokeniser marked (AG__T_MARKUP). */
static inline int markup_between(const ctx *c, size_t e)
{
    return (c->toks[e].flags & AG__T_MARKUP) != 0;
}

/* The end of the run of up to four ALL-CAPS words (a dateline's place) on token k's line
 * that starts at token k (k when none does). A two-letter first word may keep its period
 * before the next ("ST. LOUIS", "ST. PAUL": a saint's town abbreviated). */
static size_t caps_run(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    size_t e = k;
    while (e < c->ntoks && e - k < 4 && (t[e].flags & AG__T_ALLCAPS) && (t[e].flags & AG__T_WORD) &&
           !(t[e].flags & AG__T_DIGIT) && t[e].e - t[e].s >= 2 &&
           (e == k || !(t[e].flags & AG__T_NL))) {
        e++;
        if (e == k + 1 && t[k].e - t[k].s == 2 && e + 1 < c->ntoks && (t[e].flags & AG__T_PUNCT) &&
            t[e].punct == '.' && t[e].s == t[k].e && c->text[t[e].e] == ' ' &&
            (t[e + 1].flags & AG__T_ALLCAPS) && t[e + 1].s == t[e].e + 1)
            e++; /* the period: the run goes on */
    }
    return e;
}

/* Token k opens, after a sentence's period, a dateline that a feed put behind the
 * summary on the story's line: "company plans to appeal. NEW YORK (Reuters) - A jury":
 * words in capitals, then an agency in brackets and a dash. */
static int midline_dateline(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    if (k == 0 || !(t[k - 1].flags & AG__T_PUNCT) || t[k - 1].punct != '.' ||
        !(t[k].flags & AG__T_ALLCAPS))
        return 0;
    size_t e = caps_run(c, k);
    if (e == k || e + 3 >= c->ntoks || !(t[e].flags & AG__T_PUNCT) || t[e].punct != '(')
        return 0;
    for (size_t q = k; q < e; q++)
        if (t[q].flags & AG__T_PUNCT)
            return 0; /* "AP. BAGHDAD (AFP) -": a photo's credit, then the dateline */
    for (size_t q = e + 2; q < e + 6 && q + 1 < c->ntoks; q++)
        if ((t[q].flags & AG__T_PUNCT) && t[q].punct == ')')
            return (t[q + 1].flags & AG__T_PUNCT) &&
                   (t[q + 1].punct == '-' || t[q + 1].punct == 0x2013 || t[q + 1].punct == 0x2014);
    return 0;
}

int ag__ner_find_dateline(ctx *c)
{
    tok *t = c->toks;
    ag_lex_actor a2; /* a second place after a slash */
    size_t lines = 0;
    for (size_t k = 0; k < c->ntoks && lines < 3; k++) {
        /* a tag in the gap starts a line too ("</p><p> SAN FRANCISCO (Reuters) -") */
        int linestart = k == 0 || (t[k].flags & AG__T_NL) || markup_between(c, k);
        if (k > 0 && linestart)
            lines++;
        if (!linestart && !midline_dateline(c, k))
            continue;
        /* "NewsFactor - ...": a word the story also credits in brackets ("(NewsFactor)")
         * opening a line before a dash is that agency, known or not. */
        if (bracket_credited(c, k)) {
            cand *m = new_cand(c->p, t, k, k + 1);
            if (!m)
                return -1;
            m->type = AG_ACTOR_ORG;
            m->credit = 1;
            t[k].flags |= AG__T_USED;
            mark_credit_story(c, k + 1);
            return 0;
        }
        /* "Reuters - ...": a known organisation opening a line before a dash is the agency
         * credited, whatever its case. */
        if ((t[k].flags & AG__T_CAP) && !(t[k].flags & AG__T_ALLCAPS)) {
            ag_lex_actor a;
            size_t g = match_form(c->lex, c->text, t, k, c->ntoks, 0, &a);
            if (g && a.type == AG_ACTOR_ORG && k + g < c->ntoks && (t[k + g].flags & AG__T_PUNCT) &&
                t[k + g].punct == '-' && !(t[k + g].flags & AG__T_NL)) {
                cand *m = emit_lex(c, k, k + g, &a);
                if (!m)
                    return -1;
                m->credit = 1;
                mark_credit_story(c, k + g);
                return 0;
            }
        }
        int r = titlecase_dateline(c, k);
        if (r != 0)
            return r < 0 ? -1 : 0;
        size_t e = caps_run(c, k), e2 = e;
        if (e == k)
            continue;
        /* "NEW YORK/SAN FRANCISCO (Reuters) -": two places share the dateline */
        if (e + 1 < c->ntoks && (t[e].flags & AG__T_PUNCT) && t[e].punct == '/' &&
            t[e].s == t[e - 1].e && t[e + 1].s == t[e].e && (e2 = caps_run(c, e + 1)) > e + 1) {
            ag_lex_actor a1;
            size_t g1 = match_form(c->lex, c->text, t, k, e, 1, &a1);
            size_t g2 = match_form(c->lex, c->text, t, e + 1, e2, 1, &a2);
            if (g1 != e - k || !(a1.type == AG_ACTOR_PLACE || a1.type == AG_ACTOR_COUNTRY) ||
                g2 != e2 - (e + 1) || !(a2.type == AG_ACTOR_PLACE || a2.type == AG_ACTOR_COUNTRY))
                e2 = e;
        }
        int after = 0;
        if (e2 > e) {
            after = e2 < c->ntoks && !(t[e2].flags & AG__T_NL) && (t[e2].flags & AG__T_PUNCT) &&
                    (t[e2].punct == '-' || t[e2].punct == '(');
        } else if (e >= c->ntoks || (t[e].flags & AG__T_NL))
            after = 0; /* a lone caps line is a headline, not a dateline */
        else if (t[e].flags & AG__T_PUNCT)
            after = t[e].punct == '-' || t[e].punct == ':' || t[e].punct == ',' ||
                    t[e].punct == '(' || t[e].punct == 0x2013 || t[e].punct == 0x2014;
        else if ((t[e].flags & AG__T_DIGIT) && !(t[e].flags & AG__T_WORD))
            after = 1;
        if (!after)
            continue;
        ag_lex_actor a;
        size_t g = match_form(c->lex, c->text, t, k, e, 1, &a);
        cand *m;
        if (g == e - k && a.type == AG_ACTOR_ORG) {
            /* "AP - The man who...": the agency credited for the story, no dateline. */
            if (!(m = emit_lex(c, k, e, &a)))
                return -1;
            m->credit = 1;
            mark_credit_story(c, e); /* "AP - Shares of Kmart ...": no name starts "Shares" */
            return 0;
        }
        if (g == e - k && a.type != AG_ACTOR_PERSON) {
            if (!(m = emit_lex(c, k, e, &a)))
                return -1;
            m->type = AG_ACTOR_PLACE;
            if (a.type == AG_ACTOR_COUNTRY) {
                m->type = AG_ACTOR_COUNTRY;
            }
        } else {
            int known = 1, nonname = 0;
            for (size_t q = k; q < e; q++) {
                if (t[q].cls & (AG_LEX_COMMON | AG_LEX_FUNCTION))
                    known = 0;
                nonname |= (t[q].cls & AG_LEX_NONNAME) != 0;
            }
            if (!known || desk_label(c, k, e))
                continue;  /* (a desk's label opens a headline: "FOREX - Dollar firms") */
            if (nonname) { /* "SEPTEMBER 13, 2004 (X) -": a date opens the story, no place;
                            * nor is "FTSE 100" one */
                mark_story_start(c, e);
                return 0;
            }
            if (!(m = new_cand(c->p, t, k, e)))
                return -1;
            m->type = AG_ACTOR_PLACE;
            for (size_t q = k; q < e; q++)
                t[q].flags |= AG__T_USED;
        }
        m->dateline = 1;
        if (e2 > e) {
            if (!(m = emit_lex(c, e + 1, e2, &a2)))
                return -1;
            m->type = a2.type == AG_ACTOR_COUNTRY ? AG_ACTOR_COUNTRY : AG_ACTOR_PLACE;
            m->dateline = 1;
        }
        mark_story_start(c, e2);
        return 0;
    }
    return 0;
}

/* ---------------------------------------------------------------- raw spans */

/* Token k is a compound of a name the lexicon does not know and a modifier ("Redmond-
 * based", "Saudi-backed" when not split): it describes the name after it and is no part
 * of it. */
static int modifier_compound(const ctx *c, size_t k)
{
    const tok *t = &c->toks[k];
    if (!(t->flags & AG__T_HYPHEN))
        return 0;
    const char *w = c->text + t->s, *e = c->text + t->e, *h = e;
    while (h > w && h[-1] != '-')
        h--;
    return h > w + 1 && h < e && hyphen_modifier(h, (size_t)(e - h));
}

/* A span would start at hyphenated token k: 1 when it is a holiday or month
 * ("Eid-ul-Fitr", "Christmas-time") or splits into gazetteer parts ("Pak-US"), which it
 * emits (split_hyphenated), so no span starts there; 0 when it starts a span; -1 when out
 * of memory. */
static int hyphen_start(ctx *c, size_t k)
{
    const tok *t = c->toks;
    const char *hy = memchr(c->text + t[k].s, '-', t[k].e - t[k].s);
    if (hy && (size_t)(hy - (c->text + t[k].s)) < AG__LEX_MAXKEY) {
        char low[AG__LEX_MAXKEY];
        size_t hl = (size_t)(hy - (c->text + t[k].s));
        ag__lex_lower(c->text + t[k].s, hl, low);
        if (word_class(c->p, c->lex, low, hl) & AG_LEX_NONNAME)
            return 1;
    }
    return split_hyphenated(c, k);
}

/* Token k is a name word behind a lower-case particle and a hyphen: "al-Assad",
 * "el-Sheikh", "bin-Laden" ("Bashar al-Assad", "Sharm el-Sheikh"). */
static int particle_word(const ctx *c, size_t k)
{
    const tok *t = &c->toks[k];
    if ((t->flags & (AG__T_HYPHEN | AG__T_LOWER)) != (AG__T_HYPHEN | AG__T_LOWER))
        return 0;
    const char *w = c->text + t->s, *h = memchr(w, '-', t->e - t->s);
    if (!h || h == w || h + 1 >= c->text + t->e || !(h[1] >= 'A' && h[1] <= 'Z'))
        return 0;
    return (word_class(c->p, c->lex, w, (size_t)(h - w)) & AG_LEX_CONNECTOR) != 0;
}

/* The end of the raw span that starts at token k: capitalised words, and the words that
 * join them inside a name, up to markup. MAX_SPAN bounds the work per span (span
 * processing is quadratic in its length); real names are far shorter, Title Case Text is
 * not a name. */
/* The span at token k follows a work's noun, directly or after its comma ("the musical
 * The Woman in White", "their new album, Don't Believe the Truth,"): a title, which may
 * hold small lower-case words. */
static int work_title_start(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    if (k == 0 || t[k - 1].sent != t[k].sent || c->p->capsent[t[k].sent])
        return 0;
    size_t q = k - 1;
    if ((t[q].flags & AG__T_PUNCT) && t[q].punct == ',' && q > 0 && t[q - 1].sent == t[k].sent)
        q--;
    return (t[q].flags & AG__T_LOWER) && tok_is_any(c->text, &t[q], ag__ner_work_titles);
}

/* One or two small words of titles from token e and a capitalised word after them go on
 * a work's title ("of the Light"): how many tokens, or 0. Not into a place, a country or
 * a given name the lexicon knows ("the film Troy in London", "the film Troy and Brad
 * Pitt" end before them). */
static size_t title_goes_on(ctx *c, size_t k, size_t e)
{
    const tok *t = c->toks;
    ag_lex_actor a;
    size_t q = e;
    while (q < c->ntoks && q - e < 2 && t[q].sent == t[k].sent && (t[q].flags & AG__T_LOWER) &&
           tok_is_any(c->text, &t[q], ag__ner_title_glue))
        q++;
    if (q == e || q >= c->ntoks || t[q].sent != t[k].sent || !capish(c, q) ||
        (t[q].flags & AG__T_USED) || (t[q].cls & AG_LEX_GIVEN) ||
        (match_form(c->lex, c->text, t, q, c->ntoks, 0, &a) &&
         (a.type == AG_ACTOR_PLACE || a.type == AG_ACTOR_COUNTRY)))
        return 0;
    return q + 1 - e;
}

/* The word w[0, n) is a plural of people that takes "'s" ("People's Party", "Women's
 * Institute"). */
static int irregular_plural(const char *w, size_t n)
{
    static const char *const irregular[] = {"People", "Children", "Women", "Men", NULL};
    return list_has(irregular, w, n);
}

/* The word w[0, n) is a plural of people of a trade by its ending: "Broadcasters",
 * "Employees", "Musicians", "Journalists" (not "Networks", "Nations", "Fields"). */
static int people_plural(const char *w, size_t n)
{
    if (irregular_plural(w, n))
        return 1;
    static const char *const ends[] = {"ers", "ors", "ees", "ians", "ists", "ants", "ents", NULL};
    for (const char *const *x = ends; *x; x++) {
        size_t l = strlen(*x);
        if (n > l + 2 && memcmp(w + n - l, *x, l) == 0)
            return 1;
    }
    return 0;
}

/* The run of capitalised words from token k holds an organisation word: a body's own
 * name ("Division Two of the Northern League" is two names). */
static int cue_in_run(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    for (size_t q = k; q < c->ntoks && t[q].sent == t[k].sent && (t[q].flags & AG__T_CAP); q++)
        if (t[q].cls & AG_LEX_ORGCUE)
            return 1;
    return 0;
}

/* Tokens [k, e), not first in their sentence, are ordinary capitalised words (no
 * organisation word, title, given or proper name), as a work's title opens. */
static int title_words(const ctx *c, size_t k, size_t e)
{
    const tok *t = c->toks;
    if (t[k].flags & AG__T_FIRST)
        return 0;
    for (size_t q = k; q < e; q++)
        if (!(t[q].flags & AG__T_CAP) || !plain_word(&t[q]))
            return 0;
    return 1;
}

/* The end of a list of a ministry's portfolios going on at token e (a comma or "and"):
 * ordinary capitalised words (one to three each) joined by commas, the last by "and" (",
 * Food and Rural Affairs", "and Industry"); 0 when no such list is there ("and
 * Microsoft", "and Paris" are other names). */
static size_t portfolio_list(const ctx *c, size_t e, uint32_t sent)
{
    const tok *t = c->toks;
    for (size_t q = e; q < c->ntoks && t[q].sent == sent;) {
        int last = tok_is(c->text, &t[q], "and");
        if (!last && !((t[q].flags & AG__T_PUNCT) && t[q].punct == ','))
            return 0;
        size_t w = ++q;
        while (q < c->ntoks && q - w < 3 && t[q].sent == sent && capish(c, q) &&
               !(t[q].flags & AG__T_USED) && (t[q].cls & AG_LEX_COMMON) &&
               !(t[q].cls & AG_LEX_GIVEN))
            q++;
        if (q == w)
            return 0;
        if (last)
            return q < c->ntoks && t[q].sent == sent && capish(c, q) ? 0 : q;
    }
    return 0;
}

static size_t span_end(ctx *c, size_t k)
{
    const tok *t = c->toks;
    size_t e = k + 1;
    int cause = 0;     /* "for" or "on" joined an institution's cause (below) */
    int portfolio = 0; /* "of" joined a ministry's portfolio ("Department of Trade") or a
                        * school's subjects */
    int work = work_title_start(c, k);
    while (e < c->ntoks && e - k < MAX_SPAN && t[e].sent == t[k].sent &&
           !(t[e].flags & AG__T_USED) && !markup_between(c, e)) {
        if (capish(c, e)) {
            if ((t[e].flags & AG__T_HYPHEN) &&
                (modifier_compound(c, e) || split_hyphenated(c, e) != 0))
                break;
            e++;
            continue;
        }
        if (particle_word(c, e)) {
            /* a name word from here on: every later stage reads it as capitalised */
            c->toks[e].flags = (c->toks[e].flags & ~(uint32_t)AG__T_LOWER) | AG__T_CAP;
            e++;
            continue;
        }
        /* "Procter & Gamble", "Standard & Poor": an ampersand joins a company name. */
        if ((t[e].flags & AG__T_PUNCT) && t[e].punct == '&' && e + 1 < c->ntoks &&
            t[e + 1].sent == t[k].sent && capish(c, e + 1)) {
            e += 2;
            continue;
        }
        /* "Farmers' Union", "Workers' Party", "Broadcasters' Audience Research Board",
         * "People's Liberation Army": a plural's apostrophe inside a name, when an organisation
         * word ends the capitalised words after it (up to four; when more than one, only after
         * people of a trade, not after a name the lexicon knows nor before a company's own full
         * name: "United Nations' World Meteorological Organization", "Gold Fields' Kloof Gold
         * Mining Co", "Vantor Networks' Harlow Media Group" are possessives) */
        if ((((t[e].flags & AG__T_PUNCT) && (t[e].punct == '\'' || t[e].punct == 0x2019) &&
              c->text[t[e - 1].e - 1] == 's') ||
             ((t[e].flags & AG__T_POSS) &&
              irregular_plural(c->text + t[e - 1].s, t[e - 1].e - t[e - 1].s))) &&
            t[e].s == t[e - 1].e && e + 1 < c->ntoks && t[e + 1].sent == t[k].sent &&
            t[e + 1].s == t[e].e + 1 && capish(c, e + 1)) {
            size_t q = e + 1;
            while (q < c->ntoks && q - e <= 4 && t[q].sent == t[k].sent && capish(c, q) &&
                   !(t[q].flags & AG__T_USED))
                q++;
            ag_lex_actor own;
            if ((t[q - 1].cls & AG_LEX_ORGCUE) && (t[q - 1].flags & AG__T_CAP) &&
                (q == e + 2 || (people_plural(c->text + t[e - 1].s, t[e - 1].e - t[e - 1].s) &&
                                !tok_in(c, &t[q - 1], G_CORP_SFX) &&
                                match_form(c->lex, c->text, t, k, e, 0, &own) != e - k &&
                                match_form(c->lex, c->text, t, e + 1, q, 0, &own) != q - e - 1))) {
                e = q;
                continue;
            }
        }
        /* "United Engineers (Malaysia) Bhd", "Shell Refining (Thailand) Ltd": a company's
         * national arm, the country in brackets before its legal form. */
        if ((t[e].flags & AG__T_PUNCT) && t[e].punct == '(') {
            size_t q = e + 1;
            while (q < c->ntoks && q - e <= 3 && t[q].sent == t[k].sent && capish(c, q))
                q++;
            ag_lex_actor where;
            if (q > e + 1 && q + 1 < c->ntoks && t[q].sent == t[k].sent &&
                (t[q].flags & AG__T_PUNCT) && t[q].punct == ')' && t[q + 1].sent == t[k].sent &&
                tok_in(c, &t[q + 1], G_CORP_SFX) &&
                match_form(c->lex, c->text, t, e + 1, q, 0, &where) == q - e - 1 &&
                (where.type == AG_ACTOR_COUNTRY || where.type == AG_ACTOR_PLACE)) {
                e = q + 2;
                continue;
            }
        }
        /* "McDonald's Corp", "Moody's Inc": a shop named after its founder, whose
         * possessive a legal form follows (a possessive takes no "Inc" otherwise). */
        if ((t[e].flags & AG__T_POSS) && t[e].s == t[e - 1].e && e + 1 < c->ntoks &&
            t[e + 1].sent == t[k].sent && tok_in(c, &t[e + 1], G_CORP_SFX)) {
            e += 2;
            continue;
        }
        /* "US Embassy in Kabul": a mission is named by where it is. */
        if (tok_is(c->text, &t[e], "in") && e + 1 < c->ntoks && t[e + 1].sent == t[k].sent &&
            capish(c, e + 1) &&
            (tok_is(c->text, &t[e - 1], "Embassy") || tok_is(c->text, &t[e - 1], "Consulate"))) {
            e += 2;
            continue;
        }
        /* "the musical The Woman in White", "the album Hopes and Fears" */
        size_t more = work ? title_goes_on(c, k, e) : 0;
        if (more) {
            e += more;
            continue;
        }
        /* "Special Envoy for Afghanistan": a portfolio after a title. */
        if (tok_is(c->text, &t[e], "for") && (t[e - 1].cls & AG_LEX_TITLE) && e + 1 < c->ntoks &&
            t[e + 1].sent == t[k].sent && capish(c, e + 1)) {
            e += 2;
            continue;
        }
        /* "Movement for Democratic Change", "Institute for Fiscal Studies", "Society for
         * the Protection of Birds", "Council on Foreign Relations": "for" or "on" (and
         * "the") after an institution's head word (ag__ner_cause_heads) names its cause,
         * inside the name; not in a headline */
        if ((tok_is(c->text, &t[e], "for") || tok_is(c->text, &t[e], "on")) &&
            tok_is_any(c->text, &t[e - 1], ag__ner_cause_heads) && !titled_tokens(t, k, e) &&
            !c->p->capsent[t[k].sent]) {
            size_t q = e + 1;
            if (q + 1 < c->ntoks && tok_is(c->text, &t[q], "the"))
                q++;
            if (q < c->ntoks && t[q].sent == t[k].sent && capish(c, q) &&
                !(t[q].flags & AG__T_USED)) {
                e = q + 1;
                cause = 1;
                continue;
            }
        }
        /* ... a ministry's cause or portfolio is a list: "Department of Trade and
         * Industry", "Department for Environment, Food and Rural Affairs" */
        size_t list;
        if ((cause || portfolio) && (list = portfolio_list(c, e, t[k].sent)) != 0) {
            e = list;
            continue;
        }
        /* ... and the cause goes on: "Committee on Standards in Public Life", "Movement
         * for Justice and Development" (not into a place: "Council for Peace in Geneva") */
        ag_lex_actor where;
        if (cause && (tok_is(c->text, &t[e], "in") || tok_is(c->text, &t[e], "and")) &&
            e + 1 < c->ntoks && t[e + 1].sent == t[k].sent && capish(c, e + 1) &&
            !(t[e + 1].flags & AG__T_USED) &&
            !(match_form(c->lex, c->text, t, e + 1, c->ntoks, 0, &where) &&
              (where.type == AG_ACTOR_PLACE || where.type == AG_ACTOR_COUNTRY))) {
            e += 2;
            continue;
        }
        /* "Securities and Exchange Commission", "Foreign and Commonwealth Office": "and"
         * joins capitalised words when an organisation's head word ends the words after
         * it, and the words on both sides of it are ordinary words, no person's name and
         * no known actor ("Hamas and Islamic Jihad", "Microsoft and Cisco Systems",
         * "Standard Chartered and NatWest Group" are two). */
        /* (An article and a national adjective may come first: "The Australian
         * Competition and Consumer Commission".) */
        /* (where the words start is looked for only before an "and": most spans end at
         * another word, and asking match_form about the first word alone evicted its
         * cached answer for the span) */
        ag_lex_actor known;
        size_t w0 = k;
        int joins = tok_is(c->text, &t[e], "and") && !(t[k].cls & AG_LEX_GIVEN) && e - k <= 3 &&
                    c->p->capsent[t[k].sent] != 1;
        if (joins && e - w0 >= 2 && tok_is(c->text, &t[w0], "The"))
            w0++;
        if (joins && e - w0 >= 2 && match_form(c->lex, c->text, t, w0, w0 + 1, 0, &known) == 1 &&
            known.adjective)
            w0++;
        /* (a body's head, or an institution's, before "and" ends a body's name: "Harrow
         * School and Trinity College", "Eton College and Balliol College" are two; an
         * industry's word does not, "Securities and Exchange Commission") */
        static const char *const heads[] = {"Institute",  "Museum",      "Church",  "Club",
                                            "Party",      "Council",     "Society", "Association",
                                            "Foundation", "Corporation", "Company", NULL};
        if (joins && ordinary_words(c, w0, e) && !tok_is_any(c->text, &t[e - 1], heads) &&
            !tok_is_any(c->text, &t[e - 1], ag__ner_institution_heads) &&
            match_form(c->lex, c->text, t, w0, e, 0, &known) != e - w0) {
            size_t q = e + 1;
            while (q < c->ntoks && t[q].sent == t[k].sent && capish(c, q) &&
                   !(t[q].flags & AG__T_USED) && q - e <= 4)
                q++;
            /* (an Executive heads a body so too: "Health and Safety Executive") */
            if (q > e + 1 && (t[q - 1].flags & AG__T_CAP) &&
                ((t[q - 1].cls & AG_LEX_ORGCUE) || tok_is(c->text, &t[q - 1], "Executive")) &&
                ordinary_words(c, e + 1, q - 1)) {
                e = q;
                continue;
            }
        }
        /* "the Lancaster and Tarn Railway Company", "The Bristol and West Building
         * Society", "the England and Wales Cricket Board": the places or nations a body
         * was named after, before its head word, after
         * "the"; not a known organisation or person after "and" ("the Leeds and Barclays
         * Bank"), nor "in Leeds and Bradford Council". */
        size_t l = tok_is(c->text, &t[k], "The") ? k + 1 : k;
        if (e == l + 1 && tok_is(c->text, &t[e], "and") && c->p->capsent[t[k].sent] != 1 &&
            (l > k || (k > 0 && t[k - 1].sent == t[k].sent && tok_is(c->text, &t[k - 1], "the"))) &&
            match_form(c->lex, c->text, t, l, e, 0, &known) == 1 &&
            (known.type == AG_ACTOR_PLACE || known.type == AG_ACTOR_COUNTRY) && !known.adjective) {
            size_t q = e + 1;
            int ok = 1;
            while (ok && q < c->ntoks && t[q].sent == t[k].sent && capish(c, q) &&
                   !(t[q].flags & AG__T_USED) && q - e <= 4) {
                size_t g = match_form(c->lex, c->text, t, q, q + 1, 0, &known);
                ok = !(t[q].cls & AG_LEX_GIVEN) &&
                     !(g && (known.type == AG_ACTOR_ORG || known.type == AG_ACTOR_PERSON));
                q++;
            }
            if (ok && q > e + 2 && (t[q - 1].cls & AG_LEX_ORGCUE) && (t[q - 1].flags & AG__T_CAP)) {
                e = q;
                continue;
            }
        }
        /* Connectors inside a name: "Bank of England", "Osama bin Laden". */
        /* "Keith Moore of Norwich City", "Karlsruhe of Germany": "of" joins only an
         * organisation-like head (a cue word, a title or ordinary words: "Bank of
         * England", "Secretary of State", "Voice of America"). */
        if (tok_is(c->text, &t[e], "of")) {
            if (tok_in(c, &t[e - 1], G_CORP_SFX))
                break; /* "Siemens AG of Germany": a legal form ends the name */
            int orgish = 1;
            for (size_t q = k; q < e; q++)
                if (!(t[q].cls & (AG_LEX_ORGCUE | AG_LEX_TITLE | AG_LEX_COMMON)) ||
                    (t[q].cls & AG_LEX_GIVEN))
                    orgish = 0;
            for (size_t q = k; q < e; q++)
                if (t[q].cls & (AG_LEX_ORGCUE | AG_LEX_TITLE))
                    orgish = 1;
            if (e == k + 2 && seat_title(c, k))
                orgish = 1; /* a peer's style: "Baron Ashcombe of Lynford" (styled_peer) */
            if (!orgish && ((t[k].cls & AG_LEX_GIVEN) ||
                            !plural_cue_of(c, e - 1))) /* "British Chambers of Commerce" */
                break;
        }
        if ((t[e].cls & AG_LEX_CONNECTOR) && (t[e].flags & AG__T_LOWER) &&
            c->p->capsent[t[k].sent] != 1) {
            /* a run of connectors: "Ursula von der Leyen", "Juan de la Cruz" */
            size_t q = e;
            while (q < c->ntoks && q - e < 3 && t[q].sent == t[k].sent &&
                   (t[q].cls & AG_LEX_CONNECTOR) && (t[q].flags & AG__T_LOWER))
                q++;
            /* "Organisation of the Islamic Conference", "Committee of the Red Cross": "of
             * the" after an organisation word with no title before it, or after a title
             * ("Secretary of the Treasury John Snow", a title and a person: the title
             * stripping takes "of the Treasury" for its portfolio); not before a place
             * ("Dow Chemical Co of the United States" is two) */
            ag_lex_actor pl;
            size_t pg = 0;
            if (q == e + 1 && tok_is(c->text, &t[e], "of") && q + 1 < c->ntoks &&
                t[q + 1].sent == t[k].sent && tok_is(c->text, &t[q], "the") &&
                (((t[e - 1].cls & AG_LEX_ORGCUE) && (t[e - 1].flags & AG__T_CAP) &&
                  !titled_tokens(t, k, e)) ||
                 (t[e - 1].cls & AG_LEX_TITLE) ||
                 /* a title of ordinary words before an unknown one: "War of the
                  * Worlds", "Day of the Jackal" (not "Members of the European
                  * Parliament", a known name after) */
                 (title_words(c, k, e) && (t[q + 1].flags & AG__T_CAP) &&
                  !(t[q + 1].flags & AG__T_HYPHEN) && !cue_in_run(c, q + 1) &&
                  !(pg = match_form(c->lex, c->text, t, q + 1, c->ntoks, 0, &pl)))) &&
                !((pg || match_form(c->lex, c->text, t, q + 1, c->ntoks, 0, &pl)) &&
                  (pl.type == AG_ACTOR_PLACE || pl.type == AG_ACTOR_COUNTRY)))
                q++;
            /* (not into a modifier: "Shares of France-registered company X") */
            if (q < c->ntoks && t[q].sent == t[k].sent && capish(c, q) &&
                !(t[q].flags & AG__T_USED) &&
                !((t[q].flags & AG__T_HYPHEN) && modifier_compound(c, q))) {
                portfolio = q == e + 1 && tok_is(c->text, &t[e], "of") &&
                            (tok_is_any(c->text, &t[e - 1], ag__ner_ministry_heads) ||
                             tok_is_any(c->text, &t[e - 1], ag__ner_school_heads));
                e = q + 1;
                continue;
            }
        }
        break;
    }
    /* "RTE Radio 1": a station's number after "Radio" */
    if (e < c->ntoks && t[e].sent == t[k].sent && t[e].e - t[e].s <= 2 &&
        (t[e].flags & (AG__T_DIGIT | AG__T_WORD | AG__T_USED)) == AG__T_DIGIT &&
        tok_is(c->text, &t[e - 1], "Radio"))
        e++;
    /* "Organisation for Security and Co-operation in Europe": a form the lexicon knows
     * runs on across the lower-case words the rules above stop at (ag__lex_inner_word;
     * the token's class says whether a form with one starts with it, and how many words
     * the longest has), also after a sentence's first word ("The", "Rivals Marks and
     * Spencer") */
    size_t f = k + (e - k >= 2 && (t[k].flags & AG__T_FIRST) && !(t[k].cls & AG__LEX_INNER_FORM));
    if ((t[f].cls & AG__LEX_INNER_FORM) && ((t[f].cls >> 8) & 0xFF) > e - f && e < c->ntoks &&
        (((t[e].flags & AG__T_LOWER) && ag__lex_inner_word(c->text + t[e].s, t[e].e - t[e].s)) ||
         (t[e].flags & (AG__T_DIGIT | AG__T_WORD)) == AG__T_DIGIT)) {
        ag_lex_actor a;
        size_t g = match_form(c->lex, c->text, t, f, c->ntoks, 0, &a);
        while (g > e - f && t[e].sent == t[k].sent && !(t[e].flags & AG__T_USED))
            e++;
    }
    return e;
}

/* The span at token k (a span start): processed, unless k is a hyphenated word that
 * starts none. Returns where the next span may start, or (size_t)-1 when out of memory. */
static size_t span_at(ctx *c, size_t k)
{
    if (c->toks[k].flags & AG__T_HYPHEN) {
        int r = hyphen_start(c, k);
        if (r < 0)
            return (size_t)-1;
        if (r || modifier_compound(c, k))
            return k + 1;
    }
    size_t e = span_end(c, k);
    return do_span(c, k, e) < 0 ? (size_t)-1 : e;
}

/* Token k is a name written with a digit ("U2", "O2", "3M") where its context treats it
 * as an actor: a kind of body right before it ("mobile operator O2", "the band U2"), a
 * programme's verb and "on", naming a channel ("shown on E4", "broadcast on BBC3"), a
 * say verb after it with no article before it ("3M said"; not "the G8 said"), or a list
 * with a capitalised name beside it ("Green Day and U2", "Orange, O2 and Vodafone",
 * typed in list_votes, ner_resolve.c, an organisation or nothing; not one owning the
 * next item, "MP3 and Sony's own format"); then its later mentions too. Such a name is no
 * person's nor a place's, so an actor is an organisation. Codes of the same shape come
 * without that context ("3G networks", "MP3 players", "the G8 summit"). Returns 0 when
 * it names none, 1 when it emitted the candidate, -1 when out of memory. */
static int digit_name(ctx *c, size_t k)
{
    const tok *t = c->toks;
    const tok *w = &t[k];
    uint32_t sent = w->sent;
    if ((w->flags & (AG__T_USED | AG__T_HYPHEN | AG__T_DOTTED)) || !(w->flags & AG__T_DIGIT) ||
        c->p->capsent[sent] || !digit_name_shape(c->text + w->s, w->e - w->s))
        return 0;
    const tok *pv = k > 0 && t[k - 1].sent == sent ? &t[k - 1] : NULL;
    const tok *nx = k + 1 < c->ntoks && t[k + 1].sent == sent ? &t[k + 1] : NULL;
    static const char *const shown[] = {"shown", "broadcast", "screened",
                                        "aired", "televised", NULL};
    int kind = pv && (pv->flags & AG__T_LOWER) &&
               (tok_in(c, pv, G_ORG_BEFORE) ||
                (tok_is(c->text, pv, "on") && k > 1 && t[k - 2].sent == sent &&
                 tok_is_any(c->text, &t[k - 2], shown)));
    int says = nx && (nx->flags & AG__T_LOWER) && tok_in(c, nx, G_SAY) &&
               !(pv && (tok_is(c->text, pv, "the") || tok_is(c->text, pv, "The") ||
                        tok_is(c->text, pv, "a")));
    int listed = 0;
    if (!kind && !says) {
        /* "Y and X", "Y, X": the name before the gap; "X and Y", "X, Y": the one after */
        size_t b =
            pv && (tok_is(c->text, pv, "and") || (pv->flags & AG__T_PUNCT && pv->punct == ','))
                ? k - 1
                : k;
        size_t a =
            nx && (tok_is(c->text, nx, "and") || (nx->flags & AG__T_PUNCT && nx->punct == ','))
                ? k + 1
                : k;
        size_t z = a + 1; /* past the capitalised words after the gap */
        while (z < c->ntoks && t[z].sent == sent && (t[z].flags & AG__T_CAP) &&
               !(t[z].flags & AG__T_DIGIT))
            z++;
        listed = (b < k && b > 0 && t[b - 1].sent == sent && (t[b - 1].flags & AG__T_CAP) &&
                  !(t[b - 1].flags & AG__T_DIGIT)) ||
                 (a > k && z > a + 1 && !(z < c->ntoks && (t[z].flags & AG__T_POSS)));
        /* (or an earlier mention of the name had such context: "3M said ... 3M expects") */
        for (size_t i = 0; i < c->p->ncands && !listed; i++) {
            const cand *q = &c->p->cands[i];
            listed = 2 * (q->votes[AG_ACTOR_ORG] > 0 && !q->lexname && q->e - q->s == w->e - w->s &&
                          memcmp(c->text + q->s, c->text + w->s, w->e - w->s) == 0);
        }
        if (!listed)
            return 0;
    }
    cand *m = new_cand(c->p, t, k, k + 1);
    if (!m)
        return -1;
    m->type = AG_ACTOR_OTHER;
    m->digits = listed == 1;
    if (listed != 1)
        m->votes[AG_ACTOR_ORG] += 3;
    c->toks[k].flags |= AG__T_USED;
    return 1;
}

size_t ag__ner_spans(ctx *c, size_t from, size_t limit)
{
    struct ag__ner_scratch *p = c->p;
    /* A local, as do_span's stores may alias the scratch: it was loaded again for every
     * token that starts no span, most of them. */
    const int anycaps = p->anycapsent;
    size_t k = from;
    if (p->toks_kept && !anycaps) {
        /* Spans start at capitalised words only (no ALL-CAPS sentence): the tokeniser
         * listed those, and the other tokens, four in five, are not visited. */
        for (size_t i = 0; i < p->nstarts; i++) {
            size_t q = p->starts[i];
            if (q < k)
                continue; /* inside the span before */
            if (q >= limit)
                break;
            if (!span_start(p, 0, &p->toks[q])) {
                if ((p->toks[q].flags & AG__T_DIGIT) && digit_name(c, q) < 0)
                    return (size_t)-1;
                k = q + 1;
                continue;
            }
            if ((k = span_at(c, q)) == (size_t)-1)
                return (size_t)-1;
        }
        return k > limit ? k : limit;
    }
    while (k < limit) {
        if (!span_start(p, anycaps, &p->toks[k])) {
            if ((p->toks[k].flags & AG__T_DIGIT) && digit_name(c, k) < 0)
                return (size_t)-1;
            k++;
            continue;
        }
        if ((k = span_at(c, k)) == (size_t)-1)
            return (size_t)-1;
    }
    return k;
}

/* ---------------------------------------------------------------- context for the later
 * stages */

/* t is a verb of winning a match ("beat", "defeated"): a place on either side of one is
 * a side ("Leicestershire beat Somerset"); an unknown name only before "beat", as before
 * (players beat each other too: "Agassi defeated Sampras"). */
static int win_verb(const ctx *c, const tok *t)
{
    if (!(t->flags & AG__T_LOWER))
        return 0;
    return tok_is_any(c->text, t, ag__ner_win_verbs);
}

/* A score next to a token: a number of at most 3 digits, or "2-1". */
static int is_score(const ctx *c, size_t k, uint32_t sent)
{
    if (k >= c->ntoks)
        return 0;
    const tok *t = &c->toks[k];
    if (t->sent != sent || (t->flags & AG__T_WORD) || !(t->flags & AG__T_DIGIT))
        return 0;
    return t->e - t->s <= 5;
}

/* A score with a dash at token k: "2-1", "6-4" (the tokeniser marked the token's inner
 * hyphen, AG__T_HYPHEN, which may also be another dash). */
static inline int dash_score(const ctx *c, size_t k, uint32_t sent)
{
    return is_score(c, k, sent) && (c->toks[k].flags & AG__T_HYPHEN) &&
           memchr(c->text + c->toks[k].s, '-', c->toks[k].e - c->toks[k].s) != NULL;
}

/* Candidate m (tokens [ts, te)) is a side that drew with or lost to another, or the
 * other: "Lancashire drew with Yorkshire", "tied with", "Dunmere lost to Ashfield"; a loss
 * only in a sports report (elsewhere candidates and companies lose to each other). */
static int drew_or_lost(const ctx *c, size_t ts, size_t te, uint32_t sent)
{
    static const char *const drew[] = {"drew", "draws", "drawn", "tied", NULL};
    const tok *t = c->toks;
    /* the verb and its preposition after the name, or the two words before it */
    for (int side = 0; side < 2; side++) {
        size_t k = side ? ts - 2 : te;
        if (side ? ts < 2 : te + 2 >= c->ntoks)
            continue;
        /* (a score may stand between the verb and its preposition after the name: "drew
         * 2-2 with") */
        if (!side && te + 3 < c->ntoks && dash_score(c, te + 1, sent) &&
            tok_is_any(c->text, &t[te], drew) && tok_is(c->text, &t[te + 2], "with"))
            return 1;
        if (!(t[k].flags & AG__T_LOWER) || t[k].sent != sent || t[k + 1].sent != sent)
            continue;
        if (tok_is(c->text, &t[k + 1], "with") && tok_is_any(c->text, &t[k], drew))
            return 1;
        if (tok_is(c->text, &t[k + 1], "to") && tok_is_any(c->text, &t[k], ag__ner_lost_to) &&
            (side || (t[te + 2].flags & AG__T_CAP)) && ag__ner_sports_report(c))
            return 1;
    }
    return 0;
}

/* Tokens k and k + 1 (or k + 2 after a comma) are both scores with a dash: the sets of a
 * tennis match ("beat Nadal 6-2 2-6 6-3", "6-3, 7-6"), whose sides are players, not teams. */
static inline int set_scores(const ctx *c, size_t k, uint32_t sent)
{
    if (!dash_score(c, k, sent))
        return 0;
    /* (or with a comma between: "6-3, 7-6") */
    return dash_score(c, k + 1, sent) ||
           (k + 2 < c->ntoks && (c->toks[k + 1].flags & AG__T_PUNCT) &&
            c->toks[k + 1].punct == ',' && dash_score(c, k + 2, sent));
}

/* The name [ts, te) follows a match's score and a preposition: "lost 1-0 to St
 * Mirren", "a 4-0 win over Hibernian", "held 1-1 by Sunderland", "drew 2-2 with Stoke".
 * "a goalless draw with X" too. Only a side follows a score so, in a sports report; a tennis
 * match's sets ("6-4 6-3 to X") name a player, and a title or "St" alone is a name the sentence
 * splitter cut. */
static int after_score(const ctx *c, size_t ts, size_t te, uint32_t sent)
{
    static const char *const preps[] = {"to", "with", "over", "against", "by", NULL};
    /* (the result's noun may stand between: "a 3-1 home win over X") */
    static const char *const results[] = {"win",  "victory", "defeat",    "draw",
                                          "loss", "home",    "away",      "triumph",
                                          "rout", "success", "thrashing", NULL};
    const tok *t = c->toks;
    if (ts < 2 || !(t[ts - 1].flags & AG__T_LOWER) || t[ts - 1].sent != sent ||
        !tok_is_any(c->text, &t[ts - 1], preps) ||
        (te - ts == 1 && ((t[ts].cls & AG_LEX_TITLE) || tok_is(c->text, &t[ts], "St"))))
        return 0;
    size_t k = ts - 2;
    while (k > 0 && ts - k <= 3 && t[k].sent == sent && (t[k].flags & AG__T_LOWER) &&
           tok_is_any(c->text, &t[k], results))
        k--;
    /* (a draw without goals has no score: "held to a goalless draw by X") */
    static const char *const nil[] = {"goalless", "scoreless", NULL};
    if ((t[k].flags & AG__T_LOWER) && t[k].sent == sent && tok_is_any(c->text, &t[k], nil) &&
        ts - k >= 3 && tok_is(c->text, &t[k + 1], "draw"))
        return ag__ner_sports_report(c);
    if (!dash_score(c, k, sent) || (k >= 1 && is_score(c, k - 1, sent)) ||
        (k >= 2 && (t[k - 1].flags & AG__T_PUNCT) && t[k - 1].punct == ',' &&
         is_score(c, k - 2, sent)))
        return 0; /* (sets: "a 6-4, 6-2 victory over X") */
    /* (a name before a noun qualifies it: "a 2-1 win over World Cup champion Germany") */
    if (te < c->ntoks && t[te].sent == sent && (t[te].flags & AG__T_LOWER) &&
        !(t[te].cls & AG_LEX_FUNCTION))
        return 0;
    return ag__ner_sports_report(c);
}

/* Tokens from k say the match went to sets: "in straight sets", "in three sets". */
static int in_sets(const ctx *c, size_t k, uint32_t sent)
{
    const tok *t = c->toks;
    if (k + 2 >= c->ntoks || t[k + 2].sent != sent || !tok_is(c->text, &t[k], "in"))
        return 0;
    return tok_is(c->text, &t[k + 2], "sets") ||
           (k + 3 < c->ntoks && t[k + 3].sent == sent && tok_is(c->text, &t[k + 3], "sets"));
}

/* Candidate m is a side of a match won in sets: set scores right after it, or after the
 * name a verb of winning puts after it ("Sampras beat Agassi 6-4 7-5"), or the match
 * said to go to sets ("X beat Agassi in straight sets", "beat X in five sets"). */
static int tennis_player(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t k = m->te;
    if (set_scores(c, k, m->sent))
        return 1;
    if (m->ts > 0 && t[m->ts - 1].sent == m->sent && (t[m->ts - 1].flags & AG__T_LOWER) &&
        in_sets(c, k, m->sent) && tok_is_any(c->text, &t[m->ts - 1], ag__ner_win_verbs))
        return 1;
    if (k >= c->ntoks || t[k].sent != m->sent || !(t[k].flags & AG__T_LOWER))
        return 0;
    size_t q = k + 1; /* (the scores first: the verb list is the dearer test) */
    while (q < c->ntoks && t[q].sent == m->sent && (t[q].flags & AG__T_CAP))
        q++;
    return q > k + 1 && (set_scores(c, q, m->sent) || in_sets(c, q, m->sent)) &&
           tok_is_any(c->text, &t[k], ag__ner_win_verbs);
}

/* Token t is a cricket scorecard's mark of how a batsman was out, before the fielder's or
 * bowler's name: "c" (caught), "b" (bowled), "st" (stumped), "lbw". */
static const char *const score_labels[] = {
    "Try",         "Tries",   "Penalty", "Penalties", "Pen",   "Pens", "Conversion",
    "Conversions", "Con",     "Cons",    "Goal",      "Goals", "goal", "goals",
    "Scorer",      "Scorers", "Drop",    "Dropped",   NULL};

/* Token k opens a line that belongs to a block of scorers: the line before ends with a
 * label and a colon ("Scorers:"), or is itself a side's line of the block ("Romania -
 * Contra (31st)"): a round-up's block has a line for every side that scored. */
static int in_scorers_block(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    for (int lines = 0; lines < 40 && k >= 2; lines++) {
        if ((t[k - 1].flags & AG__T_PUNCT) && t[k - 1].punct == ':')
            return !(t[k - 1].flags & AG__T_NL) && tok_is_any(c->text, &t[k - 2], score_labels);
        size_t b = k - 1; /* the line before: its first token, and its dash after a side */
        while (b > 0 && !(t[b].flags & AG__T_NL))
            b--;
        size_t d = b;
        while (d < k && d - b < 5 && (t[d].flags & AG__T_CAP))
            d++;
        if (d == b || d >= k || !(t[d].flags & AG__T_PUNCT) || t[d].punct != '-')
            return 0;
        k = b;
    }
    return 0;
}

/* The name at ts is in a list of scorers after a label of the kind of score and a colon
 * on its line: "Tries: Underwood, Back. Penalties: Liley (5)", "Scorers: Kerr 2, Ross";
 * the names, the counts and the commas between them, nothing else. In a block under
 * "Scorers:", each side's line names its scorers after the side and a dash: "Romania -
 * Contra (31st), Galca (77th)". */
static int scoring_list(const ctx *c, size_t ts)
{
    static const char *const goal_notes[] = {"pen", "penalty", "og", "min", "minute", NULL};
    const tok *t = c->toks;
    int inb = 0; /* walking back, inside brackets */
    if (tok_is_any(c->text, &t[ts], score_labels))
        return 0; /* (the label after a side: "South Africa - Tries: Joubert") */
    for (size_t k = ts, n = 0; k > 0 && n < 16; k--, n++) {
        const tok *p = &t[k - 1];
        if (t[k].flags & AG__T_NL)
            return 0;
        if ((p->flags & AG__T_PUNCT) && p->punct == ':')
            return k >= 2 && !(p->flags & AG__T_NL) && tok_is_any(c->text, &t[k - 2], score_labels);
        if ((p->flags & AG__T_PUNCT) && p->punct == '-') {
            size_t b = k - 1; /* the side's name, alone on the line before the dash */
            while (b > 0 && b + 5 > k && (t[b - 1].flags & AG__T_CAP) && !(t[b].flags & AG__T_NL))
                b--;
            return b < k - 1 && (t[b].flags & AG__T_NL) && (t[b].flags & AG__T_CAP) &&
                   in_scorers_block(c, b);
        }
        if ((p->flags & AG__T_PUNCT) && p->punct != ',' && p->punct != '.' && p->punct != '(' &&
            p->punct != ')')
            return 0;
        /* (a goal's words, in brackets or not: "(41st min, pen)", "(2nd minute, 75th)",
         * "Kerr 30 penalty") */
        if ((p->flags & AG__T_PUNCT) && (p->punct == '(' || p->punct == ')'))
            inb = p->punct == ')';
        if ((p->flags & AG__T_LOWER) && !inb && !tok_is(c->text, p, "and") &&
            !tok_is_any(c->text, p, goal_notes))
            return 0;
    }
    return 0;
}

static int dismissal(const ctx *c, const tok *t)
{
    static const char *const marks[] = {"b", "c", "st", "lbw", NULL};
    return (t->flags & AG__T_LOWER) && tok_is_any(c->text, t, marks);
}

/* The name [ts, te) is in a list of scorers or batsmen in brackets after a side's score:
 * "Juventus 2 (Del Piero 12, Vieri 75)", "first innings 412 (D. Penn 121, S. Law 64)".
 * The bracket opens right after a number, on the same line, within a dozen tokens. */
static int scorer(const ctx *c, size_t ts)
{
    const tok *t = c->toks;
    if (!c->p->brackets)
        return 0; /* (most documents have none: no walk back over every name's line) */
    for (size_t k = ts, n = 0; k > 0 && n < 12; k--, n++) {
        const tok *p = &t[k - 1];
        if ((t[k].flags & AG__T_NL) || ((p->flags & AG__T_PUNCT) && p->punct == ')'))
            return 0;
        if ((p->flags & AG__T_PUNCT) && p->punct == '(')
            return k >= 2 && (t[k - 2].flags & (AG__T_DIGIT | AG__T_WORD)) == AG__T_DIGIT;
    }
    return 0;
}

/* The name [ts, te) is a table row's name: a number right after it (or a share's class
 * and its price), and its line made of names, numbers, punctuation, points and "unch"
 * (a price unchanged) only, two numbers or more ("Aston Villa 5 3 1 1", "Arsenal 3 Aston
 * Villa 1", "Tiger Woods 68 70", "4 Aston Villa 25 pts", "Nokia A 218.00 unch"). */
static inline int table_row(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    if (te >= c->ntoks || (t[te].flags & AG__T_NL) ||
        !(is_score(c, te, t[te].sent) || share_class(c, te)))
        return 0;
    size_t a = ts, b = te, numbers = 0;
    while (a > 0 && !(t[a].flags & AG__T_NL))
        a--;
    while (b < c->ntoks && !(t[b].flags & AG__T_NL))
        b++;
    for (size_t q = a; q < b; q++) {
        if ((t[q].flags & AG__T_LOWER) && !tok_is(c->text, &t[q], "pts") &&
            !tok_is(c->text, &t[q], "points") && !tok_is(c->text, &t[q], "unch"))
            return 0; /* prose, not a row */
        numbers += (t[q].flags & (AG__T_DIGIT | AG__T_WORD)) == AG__T_DIGIT;
    }
    return numbers >= 2;
}

/*
 * What finish_cands records (its contract is in ner_stage_internal.h):
 * Sports results: a place (or an unknown one-word name) right before a score, or beside
 * "v"/"vs" (or before "beat") in a results line, names a team ("Leeds 2 Chelsea 1").
 * Capitals: "in/at/to Kabul" keeps a place; "with Kabul", "Kabul said", "Kabul's" make
 * it a government.
 */
/* A city's possessive before a person's name in a sports report is its team's player:
 * "Boston's David Ortiz homered". Not a part of a longer place ("East Boston's Jim
 * Yarde"), nor before a title ("Boston's Mayor Tom Menino", "Boston's Archbishop"). */
static int city_player(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t ts = m->ts, te = m->te;
    if (te + 2 >= c->ntoks || !(t[te].flags & AG__T_POSS) || t[te + 2].sent != m->sent)
        return 0;
    if (ts > 0 && t[ts - 1].sent == m->sent && (t[ts - 1].flags & (AG__T_CAP | AG__T_ALLCAPS)))
        return 0;
    const tok *g = &t[te + 1];
    return (g->cls & AG_LEX_GIVEN) && !(g->cls & AG_LEX_TITLE) &&
           (g->flags & (AG__T_CAP | AG__T_ALLCAPS)) == AG__T_CAP &&
           (t[te + 2].flags & (AG__T_CAP | AG__T_ALLCAPS)) == AG__T_CAP && ag__ner_sports_report(c);
}

/* A team named by a city and a people's plural (cand.nick) is the plural alone wherever
 * the report writes it so ("the Indians", "Indians Rally"): that mention is no nationality
 * but an unknown name, to resolve to the team's name. Mentions [from, ncands). */
static void bare_nicknames(ctx *c, size_t from)
{
    struct ag__ner_scratch *p = c->p;
    for (size_t ti = 0; ti < p->ncands; ti++) {
        const cand *n = &p->cands[ti];
        if (!n->nick)
            continue;
        size_t ls = n->e;
        while (ls > n->s && c->text[ls - 1] != ' ')
            ls--;
        for (size_t ci = from; ci < p->ncands; ci++) {
            cand *m = &p->cands[ci];
            if (m->adjective && m->te - m->ts == 1 && m->e - m->s == n->e - ls &&
                memcmp(c->text + m->s, c->text + ls, n->e - ls) == 0) {
                m->type = AG_ACTOR_OTHER;
                m->lexname = m->country = NULL;
                m->adjective = 0;
                m->votes[AG_ACTOR_ORG] += 3;
            }
        }
    }
}

int ag__ner_city_own_after(const ctx *c, size_t k, uint32_t sent)
{
    const tok *t = c->toks;
    for (int skip = 0; skip < 2 && k < c->ntoks && t[k].sent == sent; skip++, k++) {
        if (((t[k].flags & AG__T_CAP) && (t[k].cls & AG_LEX_NONNAME)) ||
            ((t[k].flags & AG__T_LOWER) && (tok_is_any(c->text, &t[k], ag__ner_market_words) ||
                                            tok_is_any(c->text, &t[k], ag__ner_city_words))))
            return 1;
        if (!(t[k].flags & AG__T_LOWER) || (t[k].cls & AG_LEX_FUNCTION))
            return 0;
    }
    return 0;
}

/* Candidate m and a town the lexicon knows are the two names "between" joins in a sports
 * report: "the match between Somerset and Glamorgan". The town is read as its club there,
 * and so the other is a side too (a name alone, no player's full name). */
static int between_town(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    const cand *cs = c->p->cands, *o = NULL;
    size_t i = (size_t)(m - cs);
    if (m->ts >= 2 && tok_is(c->text, &t[m->ts - 1], "and") && i > 0 && cs[i - 1].te + 1 == m->ts)
        o = &cs[i - 1];
    else if (m->te + 1 < c->ntoks && tok_is(c->text, &t[m->te], "and") && i + 1 < c->p->ncands &&
             cs[i + 1].ts == m->te + 1)
        o = &cs[i + 1];
    if (!o || o->sent != m->sent || !o->lexname || o->type != AG_ACTOR_PLACE || o->adjective ||
        o->dateline)
        return 0;
    size_t first = o->ts < m->ts ? o->ts : m->ts;
    return first > 0 && t[first - 1].sent == m->sent && tok_is(c->text, &t[first - 1], "between") &&
           ag__ner_sports_report(c);
}

int ag__ner_finish_cands(ctx *c, size_t from)
{
    struct ag__ner_scratch *p = c->p;
    const tok *t = c->toks;
    if (p->nicks)
        bare_nicknames(c, from);
    for (size_t ci = from; ci < p->ncands; ci++) {
        cand *m = &p->cands[ci];
        size_t ts = m->ts, te = m->te;
        m->ntok = (uint16_t)(te - ts);
        m->tcls0 = t[ts].cls;
        m->tflags0 = t[ts].flags;
        if (m->type == AG_ACTOR_OTHER && ag__ner_intern_name(c, m) < 0)
            return -1;
        m->row = !m->dateline && table_row(c, ts, te);
        if (m->row) {
            /* What the row's name reads as alone; the table decides (ner_resolve.c). */
            int teamish = tok_in(c, &t[te - 1], G_TEAM_AFTER) || tok_in(c, &t[ts], G_TEAM_BEFORE) ||
                          (m->lexname && m->type == AG_ACTOR_PLACE) ||
                          (m->name >= 0 && te - ts == 1) || share_class(c, te);
            for (size_t q = ts; q < te; q++)
                teamish |= (t[q].cls & AG_LEX_ORGCUE) != 0;
            /* a club named after its town, last, behind no given name: "Vitesse Arnhem",
             * "NAC Breda" (not "Lewis Hamilton 95 pts") */
            ag_lex_actor town;
            if (!teamish && te - ts >= 2 && !(t[ts].cls & AG_LEX_GIVEN) && !m->role &&
                match_form(c->lex, c->text, t, te - 1, te, 0, &town) == 1 &&
                town.type == AG_ACTOR_PLACE && !town.adjective)
                teamish = 1;
            int personish = m->role || (t[ts].cls & AG_LEX_GIVEN) ||
                            (m->lexname && m->type == AG_ACTOR_PERSON) ||
                            (te - ts >= 2 && te - ts <= 3 && !(t[te - 1].cls & AG_LEX_COMMON));
            /* one ordinary word the lexicon knows as no name is a line item's label:
             * "Turnover 412.6 388.1", "Tax 10.2 9.1"; in the plural it may be a team's
             * nickname as well ("Giants 24 Eagles 17", "Sales 96.1"), and says nothing */
            uint32_t cl = t[ts].cls;
            int ordinary = te - ts == 1 && !m->lexname && !m->role && (cl & AG_LEX_COMMON) &&
                           !(cl & (AG_LEX_PROPER | AG_LEX_GIVEN | AG_LEX_ORGCUE));
            int plural = c->text[t[ts].e - 1] == 's';
            m->rowkind = ordinary ? (plural ? 0 : 3) : teamish ? 2 : personish ? 1 : 0;
        }
        if (m->lexname && m->type == AG_ACTOR_PLACE && !m->adjective && !m->dateline &&
            ag__ner_work_votes(c, m) >= 4)
            m->misc = 1; /* "Constantine, starring Keanu Reeves": the film, not the city */
        if (m->lexname && (m->type == AG_ACTOR_PLACE || m->type == AG_ACTOR_COUNTRY) &&
            !m->adjective && !m->dateline && ag__ner_work_noun_before(c, m))
            m->misc = 1, m->misc_here = 1; /* "the animated film Madagascar", "the musical
                                            * Chicago" (and "in Chicago" is the city) */
        /* A place before "crude" or "blend" names a grade of oil priced there: "Brent
         * crude", "Dubai crude" (a country's crude is the country's: "Iraqi crude"). */
        if (m->lexname && m->type == AG_ACTOR_PLACE && !m->adjective && !m->dateline &&
            te < c->ntoks && t[te].sent == m->sent && (t[te].flags & AG__T_LOWER) &&
            (tok_is(c->text, &t[te], "crude") || tok_is(c->text, &t[te], "blend")))
            m->misc = 1, m->misc_here = 1;
        /* A cricket scorecard's dismissals name players: "c Ranatunga b Muralitharan 22";
         * so do the scorers in brackets after a side's score (not a row of the table). */
        if (m->name >= 0 && ((ts > 0 && t[ts - 1].sent == m->sent && dismissal(c, &t[ts - 1])) ||
                             scorer(c, ts) || scoring_list(c, ts))) {
            c->p->names[m->name].votes[AG_ACTOR_PERSON] += 3;
            m->row = 0;
            continue;
        }
        /* The players of a tennis match: "beat Nadal 6-2 2-6 6-3", "Sampras beat Agassi
         * 6-4 7-5" (not a table row's name). */
        if (m->name >= 0 && !m->row && tennis_player(c, m)) {
            c->p->names[m->name].votes[AG_ACTOR_PERSON] += 3;
            continue;
        }
        /* Teams. */
        if (!(m->dateline || m->adjective || m->type == AG_ACTOR_COUNTRY ||
              m->type == AG_ACTOR_PERSON || m->role ||
              (ts > 0 && t[ts - 1].sent == m->sent && ag__ner_nationality_noun(c, &t[ts - 1])) ||
              ag__ner_show_before(c, m))) {
            int single = m->name >= 0 ? te - ts == 1 : te - ts <= 3;
            if (single && is_score(c, te, m->sent) && !ag__ner_version_number(c, te, m->sent) &&
                !set_scores(c, te, m->sent))
                m->team = 1;
            /* "beating Aston Villa 2-1": a name of a few words between a win verb and a
             * match's score (not a player's full name, nor before a tennis match's sets) */
            if (!single && te - ts <= 3 && !(t[ts].cls & AG_LEX_GIVEN) && ts > 0 &&
                t[ts - 1].sent == m->sent && win_verb(c, &t[ts - 1]) &&
                dash_score(c, te, m->sent) && !set_scores(c, te, m->sent))
                m->team = 1;
            /* (before "beat", not a player's full name: "Roger Federer beat Nadal") */
            if (te < c->ntoks && t[te].sent == m->sent &&
                (tok_is(c->text, &t[te], "v") || tok_is(c->text, &t[te], "vs") ||
                 (tok_is(c->text, &t[te], "beat") &&
                  !(te - ts >= 2 && (t[ts].cls & AG_LEX_GIVEN))) ||
                 (m->lexname && m->type == AG_ACTOR_PLACE && win_verb(c, &t[te]))))
                m->team = 1;
            if (single && (drew_or_lost(c, ts, te, m->sent) || drew_together(c, ts, te, m->sent)))
                m->team = 1;
            if (m->name >= 0 && te - ts <= 3 && !(t[ts].cls & AG_LEX_GIVEN) && between_town(c, m))
                m->team = 1; /* "between Somerset and Glamorgan" */
            /* a side's line in a block of scorers: "Romania - Contra (31st)" */
            if (te < c->ntoks && (t[ts].flags & AG__T_NL) && (t[te].flags & AG__T_PUNCT) &&
                t[te].punct == '-' && !(t[te].flags & AG__T_NL) && in_scorers_block(c, ts))
                m->team = 1;
            if ((single || (te - ts <= 3 && !(t[ts].cls & AG_LEX_GIVEN))) &&
                after_score(c, ts, te, m->sent))
                m->team = 1;
            if (ts > 0 && t[ts - 1].sent == m->sent &&
                (tok_is(c->text, &t[ts - 1], "v") || tok_is(c->text, &t[ts - 1], "vs") ||
                 (m->lexname && m->type == AG_ACTOR_PLACE && win_verb(c, &t[ts - 1]))))
                m->team = 1;
            if (!m->team && m->lexname && m->type == AG_ACTOR_PLACE &&
                (ag__ner_city_team(c, m) || city_player(c, m)))
                m->team = 1;
        }
        /* Capitals as governments; not where a hyphen says the city is where a thing
         * is ("the Dublin-based carrier said": the words after are the carrier's). */
        size_t hy = m->e + 1, hl = t[te - 1].e > hy ? t[te - 1].e - hy : 0;
        if (m->capital && !m->dateline && m->country &&
            !(m->adjective && m->e < t[te - 1].e && c->text[m->e] == '-' &&
              list_has(ag__ner_located_modifiers, c->text + hy, hl))) {
            int gov = 0, keep = 0;
            if (ts > 0 && t[ts - 1].sent == m->sent) {
                if (tok_in(c, &t[ts - 1], G_LOC_KEEP))
                    keep = 1;
                else if (tok_in(c, &t[ts - 1], G_GOV_BEFORE))
                    gov = 1;
                /* "London and Paris agreed", but "filmed in Cornwall and Lisbon": a list
                 * after a preposition of place is a list of places. */
                if (gov && tok_is(c->text, &t[ts - 1], "and")) {
                    size_t k = ts - 1;
                    while (k > 0 && t[k - 1].sent == m->sent &&
                           ((t[k - 1].flags & AG__T_CAP) ||
                            ((t[k - 1].flags & AG__T_PUNCT) && t[k - 1].punct == ',')))
                        k--;
                    if (k > 0 && k < ts - 1 && t[k - 1].sent == m->sent &&
                        tok_in(c, &t[k - 1], G_LOC_KEEP))
                        keep = 1;
                }
            }
            if (te < c->ntoks && t[te].sent == m->sent) {
                if (t[te].flags & AG__T_POSS)
                    gov = !ag__ner_city_own_after(c, te + 1, m->sent);
                else if (tok_in(c, &t[te], G_GOV_AFTER))
                    gov = 1;
                else if (te + 1 < c->ntoks && (t[te].flags & AG__T_LOWER) && adverb(c, &t[te]) &&
                         tok_in(c, &t[te + 1], G_GOV_AFTER))
                    gov = 1; /* "Kabul yesterday allowed" has an adverb in between (not
                              * a noun: "the Paris prosecutor said" is the city's) */
                else if (te + 2 < c->ntoks && tok_is(c->text, &t[te], "and") &&
                         (t[te + 1].flags & AG__T_CAP) && t[te + 2].sent == m->sent &&
                         tok_in(c, &t[te + 2], G_GOV_AFTER))
                    gov = 1; /* "London and Paris agreed": the first of two */
            }
            /* "Moscow-backed officials", "Washington-brokered talks": what a capital
             * backs or leads, its government does */
            if (m->adjective && m->e < t[te - 1].e && c->text[m->e] == '-' &&
                list_has(ag__ner_acting_modifiers, c->text + hy, hl))
                gov = 1;
            /* (A sports report's capital is its city or its team, and what it does is
             * theirs: "London to unveil its 2012 bid", "Paris broke the bidding rules".) */
            m->gov = gov && !keep && !ag__ner_sports_report(c);
        }
        /* "First Albany Corp.": the period of a company suffix is part of the name. */
        if (te > ts && m->e < c->len && c->text[m->e] == '.') {
            const tok *lt = &t[te - 1];
            m->corpdot = lt->e == m->e && tok_in(c, lt, G_CORP_SFX);
        }
    }
    return 0;
}
