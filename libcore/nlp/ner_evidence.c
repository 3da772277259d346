/*
 * ner_evidence.c - stage 3 of the recogniser: typing evidence for an unknown name.
 *
 * Input: one unknown name candidate whose tokens (and their neighbours) are at hand.
 * Output: votes per ag_actor_type added to the candidate, from the name's own words
 * (titles, given names, organisation cue words, acronyms, team, event and place head
 * words, company-like shapes) and from the words around it ("X said he", "X shares",
 * "shares in X", "the film X", "in X"). votes[AG_ACTOR_OTHER] collects evidence that the
 * name is no actor at all (an event, a work, a product: "misc"). The votes of every
 * mention of a name in the document are summed (ag__ner_intern_name) and the strongest
 * wins (ag__ner_resolve), so one cue anywhere in the article types every mention.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "nlp/ner_stage_internal.h"

/* A word shaped like a company's name: camel case ("PeopleSoft", "BSkyB") or an ending
 * that company names use ("-systems", "-soft", "-works", "-ware", "-tech", "-tronics"). */
static int company_shape(const char *w, size_t n)
{
    if (n < 4)
        return 0;
    for (size_t i = 1; i + 1 < n; i++)
        if (w[i - 1] >= 'a' && w[i - 1] <= 'z' && w[i] >= 'A' && w[i] <= 'Z')
            return 1;
    char last = (char)(w[n - 1] | 32);
    for (const ag__ner_ending *e = ag__ner_company_ends; e->w; e++)
        if (e->w[e->n - 1] == last && n > e->n + 2 && strncasecmp(w + n - e->n, e->w, e->n) == 0)
            return 1;
    return 0;
}

/* A first word that makes a name an event: "Hurricane Ivan", "Tropical Storm Gaston",
 * "Formula One", "Operation Desert Storm". */
static int misc_first(const ctx *c, const tok *t)
{
    return tok_is_any(c->text, t, ag__ner_misc_firsts);
}

int ag__ner_version_number(const ctx *c, size_t k, uint32_t sent)
{
    const tok *t = c->toks;
    if (k == 0 || k + 1 >= c->ntoks || t[k].sent != sent ||
        (t[k].flags & (AG__T_WORD | AG__T_DIGIT)) != AG__T_DIGIT)
        return 0; /* k may be one past the last token: the name ends the document */
    size_t n = t[k].e - t[k].s;
    if (n > 4)
        return 0;
    const char *w = c->text + t[k].s;
    int value = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] < '0' || w[i] > '9')
            return 0;
        value = value * 10 + (w[i] - '0');
    }
    if (t[k].flags & AG__T_NL)
        return 0;
    /* "3.0" is three tokens: a dot right between two digits */
    if (t[k].e + 1 < c->len && w[n] == '.' && w[n + 1] >= '0' && w[n + 1] <= '9')
        return 1;
    /* A counted quantity is no version ("Moengo 56 miles", "Telekom 4 hours", "Glamorgan
     * 259 and 207"): a small number or a year, then a function word. */
    /* (or a noun of what a product has: "Switch 2 sales", "a Windows 11 update") */
    static const char *const runs_on[] = {
        "for",     "is",    "was",   "will",   "would",  "and",       "on",
        "in",      "has",   "had",   "with",   "to",     "from",      "are",
        "can",     "sales", "users", "owners", "update", "updates",   "upgrade",
        "release", "patch", "beta",  "games",  "launch", "shipments", NULL};
    return (value <= 20 || (n == 4 && value >= 1980 && value <= 2099)) && t[k + 1].sent == sent &&
           (t[k + 1].flags & AG__T_LOWER) && tok_is_any(c->text, &t[k + 1], runs_on);
}

/* Token k of sentence sent is a hyphenated score: "6-5", "34-17", "113-85" (one hyphen,
 * one to three digits on each side; not a date, not "1939-45"). */
static int hyphen_score(const ctx *c, size_t k, uint32_t sent)
{
    if (k >= c->ntoks)
        return 0;
    const tok *t = &c->toks[k];
    if (t->sent != sent ||
        (t->flags & (AG__T_WORD | AG__T_HYPHEN | AG__T_DIGIT)) != (AG__T_HYPHEN | AG__T_DIGIT))
        return 0;
    const char *w = c->text + t->s, *h = memchr(w, '-', t->e - t->s);
    size_t left = (size_t)(h - w), right = t->e - t->s - left - 1;
    if (left < 1 || left > 3 || right < 1 || right > 3)
        return 0;
    for (size_t i = 0; i < t->e - t->s; i++)
        if (i != left && (w[i] < '0' || w[i] > '9'))
            return 0;
    return 1;
}

/* Token t is a lower-case word of cue list id (CUE_*): a word whose first letter and
 * length no word of the list has answers without a compare. */
static inline int cue_word(const ctx *c, const tok *t, int id)
{
    size_t n = t->e - t->s;
    const char *w = c->text + t->s;
    if (!(t->flags & AG__T_LOWER) || n >= 64 || !((c->p->cue_lens[id][w[0] & 31] >> n) & 1))
        return 0;
    for (const char *const *ws = ag__ner_cues[id]; *ws; ws++)
        if ((*ws)[0] == w[0] && strncmp(*ws, w, n) == 0 && (*ws)[n] == '\0')
            return 1;
    return 0;
}

/* Token k of sentence sent is a lower-case word of cue list id. */
static inline int word_of(const ctx *c, size_t k, uint32_t sent, int id)
{
    return k < c->ntoks && c->toks[k].sent == sent && cue_word(c, &c->toks[k], id);
}

/* Token k of sentence sent may be a hyphenated score (hyphen_score says), by its flags. */
static inline int score_flags(const ctx *c, size_t k)
{
    return (c->toks[k].flags & (AG__T_WORD | AG__T_HYPHEN | AG__T_DIGIT)) ==
           (AG__T_HYPHEN | AG__T_DIGIT);
}

/* Candidates m and n are two cities written "m at n" ("Denver at Miami"): a fixture's
 * sides, the second at home. Nobody is somewhere "at" a city in prose right after another
 * city's name. Not in an ALL-CAPS schedule ("KANSAS CITY AT DETROIT"), whose cities the
 * wire's annotation convention reads as places. */
static int cities_at(const ctx *c, const cand *m, const cand *n)
{
    const tok *t = c->toks;
    return m->lexname && n->lexname && m->type == AG_ACTOR_PLACE && n->type == AG_ACTOR_PLACE &&
           m->country && n->country && !m->dateline && !n->dateline && n->ts == m->te + 1 &&
           c->p->capsent[m->sent] != 1 && t[m->te].sent == m->sent && t[n->ts].sent == m->sent &&
           strncasecmp(c->text + t[m->te].s, "at", 2) == 0 && t[m->te].e - t[m->te].s == 2;
}

/* Candidate m is one side of "X at Y" (cities_at) with the candidate before or after it. */
static int city_at_city(const ctx *c, const cand *m)
{
    const cand *first = c->p->cands, *end = first + c->p->ncands;
    return (m > first && cities_at(c, m - 1, m)) || (m + 1 < end && cities_at(c, m, m + 1));
}

/* "for" before token ts, after a player's play, transfer or tally ("signed for",
 * "five wickets for", "driving for"), or after the place a driver finished ("finished
 * third for", "Schumacher eighth for"; not "the third for", "a second for": a count of
 * titles or goals is its winner's): the side he plays for follows. For sports reports
 * only. */
static int plays_for(const ctx *c, size_t ts, uint32_t sent)
{
    static const char *const counts[] = {"the", "a", "his", "her", "its", "their", NULL};
    const tok *t = c->toks;
    if (ts < 2 || t[ts - 1].sent != sent || !tok_is(c->text, &t[ts - 1], "for") ||
        t[ts - 2].sent != sent || !(t[ts - 2].flags & AG__T_LOWER))
        return 0;
    if (tok_is_any(c->text, &t[ts - 2], ag__ner_plays_for))
        return 1;
    return tok_is_any(c->text, &t[ts - 2], ag__ner_places_for) && ts >= 3 &&
           !tok_is_any(c->text, &t[ts - 3], counts);
}

/* Candidate m finished a race in a place for a team: "X finished third for Ferrari", "X
 * was fourth for BAR", "with X eighth for Y", or drove or played for it in apposition
 * ("X, driving for BAR,"). A driver or a player, a person: a name with an ordinary word
 * last ("Jenson Button") is so even with a given name the lexicon lacks. For sports
 * reports only. */
static int finished_for(const ctx *c, const cand *m)
{
    static const char *const verbs[] = {"finished", "was", "came", "ended", "placed", NULL};
    const tok *t = c->toks;
    size_t k = m->te;
    if (k + 3 < c->ntoks && (t[k].flags & AG__T_PUNCT) && t[k].punct == ',' &&
        t[k + 1].sent == m->sent && plays_for(c, k + 3, m->sent))
        return (t[k + 3].flags & AG__T_CAP) && ag__ner_sports_report(c);
    if (k < c->ntoks && t[k].sent == m->sent && tok_is_any(c->text, &t[k], verbs))
        k++;
    return k + 2 < c->ntoks && t[k + 2].sent == m->sent && (t[k + 2].flags & AG__T_CAP) &&
           tok_is_any(c->text, &t[k], ag__ner_places_for) && plays_for(c, k + 2, m->sent) &&
           ag__ner_sports_report(c);
}

/* Candidate m is the scorer named after "through" in a sports report: "scored two tries
 * in the first half through X", "went ahead through X", "led through X" (a scoring word
 * at most six words before "through"); a name or two joined by "and" ("through X and
 * Y"). Not a name that owns what follows ("through Chelsea's defence"). */
static int scored_through(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t k = m->ts;
    if (k >= 3 && tok_is(c->text, &t[k - 1], "and") && t[k - 2].sent == m->sent &&
        (t[k - 2].flags & AG__T_CAP)) {
        /* "through X and Y": Y's "through" is X's */
        if (m == c->p->cands || m[-1].te + 1 != k)
            return 0;
        k = m[-1].ts;
    }
    if (k < 2 || t[k - 1].sent != m->sent || !tok_is(c->text, &t[k - 1], "through") ||
        (m->te < c->ntoks && (t[m->te].flags & AG__T_POSS)))
        return 0;
    for (size_t q = k - 1; q-- > 0 && q + 8 > k && t[q].sent == m->sent;)
        if ((t[q].flags & AG__T_LOWER) && tok_is_any(c->text, &t[q], ag__ner_scoring_words))
            return ag__ner_sports_report(c);
    return 0;
}

/* A side in brackets right after a player's full name (a given name first), in a sports
 * report's team or squad list: "Tim Stimpson (Newcastle)", "Phil de Glanville (Bath,
 * captain)". A country there is his nation ("Goran Ivanisevic (Croatia)"), and so is a
 * name the lexicon does not know ("Kazakstan"): the caller asks for a town. Not after a
 * ground's name, "At The Oval (London):". */
static int player_club(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t ts = m->ts, te = m->te;
    if (ts < 3 || te >= c->ntoks || m == c->p->cands || !(t[ts - 1].flags & AG__T_PUNCT) ||
        t[ts - 1].punct != '(' || !(t[te].flags & AG__T_PUNCT) ||
        (t[te].punct != ')' && t[te].punct != ','))
        return 0;
    const cand *pl = m - 1;
    return pl->te + 1 == ts && pl->te - pl->ts >= 2 && t[pl->ts].sent == m->sent &&
           (t[pl->ts].cls & AG_LEX_GIVEN) && ag__ner_sports_report(c);
}

int ag__ner_city_team(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t te = m->te, ts = m->ts;
    uint32_t sent = m->sent;
    if (word_of(c, te, sent, CUE_RESULT) || word_of(c, te, sent, CUE_ROLE))
        return 1; /* "Atlanta rallied", "Liverpool manager" */
    if (ts >= 2 && t[ts - 1].sent == sent && tok_is(c->text, &t[ts - 1], "against") &&
        (word_of(c, ts - 2, sent, CUE_CONTEST) ||
         (ts >= 3 && word_of(c, ts - 3, sent, CUE_CONTEST))))
        return 1; /* "Sunday's game against Cleveland", "a home match against Leeds" */
    if (ts >= 2 && t[ts - 1].sent == sent && tok_is(c->text, &t[ts - 1], "to") &&
        t[ts - 2].sent == sent && tok_is_any(c->text, &t[ts - 2], ag__ner_lost_to))
        return 1; /* "lost to Atlanta", "a 2-1 defeat to Leeds" */
    if (plays_for(c, ts, sent) && ag__ner_sports_report(c) &&
        !(te < c->ntoks && (t[te].flags & AG__T_POSS)))
        return 1; /* "signed for Leeds", "took five wickets for Glamorgan" */
    if (te + 1 < c->ntoks && t[te].sent == sent && (t[te].flags & AG__T_POSS))
        for (size_t k = te + 1; k < te + 4 && k < c->ntoks && t[k].sent == sent; k++) {
            if (!(t[k].flags & AG__T_LOWER))
                break;
            if (tok_is_any(c->text, &t[k], ag__ner_outcomes))
                return 1; /* "Boston's ninth straight win", "Miami's loss" */
        }
    if (ts >= 2 && t[ts - 1].sent == sent &&
        (tok_is(c->text, &t[ts - 1], "side") || tok_is(c->text, &t[ts - 1], "club") ||
         tok_is(c->text, &t[ts - 1], "outfit")) &&
        t[ts - 2].sent == sent && (t[ts - 2].flags & AG__T_CAP))
        return 1; /* "League Two side Boston", "Serie B club Pescara" */
    if (city_at_city(c, m))
        return 1; /* "Denver at Miami": a fixture, the second side at home */
    if (player_club(c, m))
        return 1; /* "Tim Stimpson (Newcastle)" */
    /* Every other context has a hyphenated score nearby: the tokens' flags say whether it
     * may have one, before any word is compared. */
    size_t near = 0;
    for (size_t k = ts > 4 ? ts - 4 : 0; k < ts; k++)
        near |= score_flags(c, k);
    for (size_t k = te; k < te + 3 && k < c->ntoks; k++)
        near |= score_flags(c, k);
    if (!near)
        return 0;
    if (te < c->ntoks && t[te].sent == sent && (t[te].flags & AG__T_POSS))
        return hyphen_score(c, te + 1, sent); /* "Cleveland's 31-17 win" */
    if (word_of(c, te, sent, CUE_SCORE))
        return hyphen_score(c, te + 1, sent) ||
               (te + 1 < c->ntoks && t[te + 1].sent == sent && tok_is(c->text, &t[te + 1], "to") &&
                hyphen_score(c, te + 2, sent));
    if (ts == 0)
        return 0;
    if (hyphen_score(c, ts - 1, sent))
        return 1; /* "Sevilla 0-2 Portsmouth" */
    /* (the agent of a passive result, the town alone: "beaten 2-0 by Leeds", "held 1-1
     * at home by Brighton"; not a noun's modifier, "approved 9-0 by Texas regulators") */
    if (!word_of(c, ts - 1, sent, CUE_LINK) &&
        !(t[ts - 1].sent == sent && tok_is(c->text, &t[ts - 1], "by") &&
          (te >= c->ntoks || t[te].sent != sent || !(t[te].flags & AG__T_LOWER) ||
           (t[te].cls & AG_LEX_FUNCTION))))
        return 0;
    for (size_t k = ts - 1; k-- > 0 && k + 4 >= ts;)
        if (hyphen_score(c, k, sent))
            return 1; /* "a 24-10 victory over Buffalo", "losing 2-1 to Boston" */
    return 0;
}

/* A short designator that ends a product's name: "Windows XP", "Nintendo DS", "Windows
 * NT". Two capitals the lexicon does not know (not "UK", "TV", "MP", "AG"), no roman
 * numeral ("John Paul II" is a person), after a first word that is no given name. */
static int version_letters(const ctx *c, const cand *m)
{
    const tok *t = c->toks, *l = &t[m->te - 1];
    if (m->te - m->ts < 2 || !(l->flags & AG__T_ALLCAPS) || l->e - l->s != 2 ||
        (l->cls & ~(uint32_t)AG_LEX_COMMON) || (t[m->ts].cls & AG_LEX_GIVEN) ||
        c->p->capsent[l->sent] == 1)
        return 0;
    const char *w = c->text + l->s;
    return !(strchr("IVXLC", w[0]) && strchr("IVXLC", w[1]));
}

/* The name ends in one capital letter, no initial ("Pentium M", "Mac OS X"): a model's
 * letter; a person ends in a surname, and one named by a letter has a given name before
 * it ("Malcolm X"). */
static int version_letter(const ctx *c, const cand *m)
{
    const tok *t = c->toks, *l = &t[m->te - 1];
    return m->te - m->ts >= 2 && l->e - l->s == 1 && (l->flags & AG__T_ALLCAPS) &&
           !(l->flags & AG__T_DOTTED) && !(t[m->ts].cls & AG_LEX_GIVEN) &&
           c->p->capsent[l->sent] != 1;
}

/* Straight and curly quotation marks. */
static int is_quote(int32_t cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == '\'';
}

/* Token k is in sentence sent and the word w. Always inline, as tok_is is: w is a literal
 * at every call, which folds its strlen and memcmp to a compare or two; out of line they
 * were library calls (work_after asks a dozen of these of every name it types). */
static inline __attribute__((always_inline)) int is_at(const ctx *c, size_t k, uint32_t sent,
                                                       const char *w)
{
    return k < c->ntoks && c->toks[k].sent == sent && tok_is(c->text, &c->toks[k], w);
}

/* What an unknown name's own words say, for the votes below. */
typedef struct name_words {
    int allcommon; /* every word an ordinary English word, none a given or proper name */
    int hascue;    /* a capitalised organisation cue word ("Union", "Ministry") or "&" */
    int hasof;     /* "of" or "for" inside ("Bank of England") */
    int acronym;   /* one ALL-CAPS word of 2 to 6 letters outside an ALL-CAPS sentence */
    int given;     /* its first word is a given name */
    int acro_led;  /* an acronym of 3 to 5 letters before title-case words ("ING Barings") */
    int acro_tail; /* a title-case word before an acronym of 3 to 5 letters ("Nielsen EDI") */
} name_words;

/* The facts of name_words for the name of candidate m. */
static void read_words(const ctx *c, const cand *m, name_words *w)
{
    const tok *t = c->toks;
    size_t ts = m->ts, te = m->te, n = te - ts;
    int allcommon = 1, hascue = 0, hasof = 0, acronym = 0, given = 0;
    for (size_t k = ts; k < te; k++) {
        uint32_t cl = t[k].cls;
        if (!(cl & AG_LEX_COMMON) || (cl & (AG_LEX_GIVEN | AG_LEX_PROPER)))
            allcommon = 0;
        if ((cl & AG_LEX_ORGCUE) && (t[k].flags & (AG__T_CAP | AG__T_ALLCAPS)))
            hascue = 1;
        if (tok_is(c->text, &t[k], "of") || tok_is(c->text, &t[k], "for"))
            hasof = 1;
        if ((t[k].flags & AG__T_PUNCT) && t[k].punct == '&')
            hascue = 1;
    }
    if (t[ts].cls & AG_LEX_GIVEN)
        given = 1;
    if (n == 1 && (t[ts].flags & AG__T_ALLCAPS) && c->p->capsent[t[ts].sent] != 1 &&
        t[ts].e - t[ts].s >= 2 && t[ts].e - t[ts].s <= 6 &&
        !((t[ts].cls & AG_LEX_COMMON) && t[ts].e - t[ts].s >= 4))
        acronym = 1; /* "NATO", not "DIGEST" */
    /* (a person's initials are two letters, "JK Rowling", "PJ Harvey"; and an ordinary
     * word after the acronym names its product, place or event by its own word: "SQL
     * Server", "RCA Dome", "NEC Invitational") */
    w->acro_led = n == 2 && (t[ts].flags & AG__T_ALLCAPS) && c->p->capsent[t[ts].sent] != 1 &&
                  t[ts].e - t[ts].s >= 3 && t[ts].e - t[ts].s <= 5 &&
                  !(t[ts].cls & (AG_LEX_COMMON | AG_LEX_TITLE | AG_LEX_GIVEN)) &&
                  !(t[ts].flags & AG__T_DOTTED) && (t[ts + 1].flags & AG__T_CAP) &&
                  !(t[ts + 1].flags & AG__T_ALLCAPS) && !(t[ts + 1].cls & AG_LEX_COMMON);
    /* (a person's honours end a name in capitals too, "Jane Hill OBE", but they are no
     * names of their own (nonnames.txt): the span never takes them; nor does a regnal
     * number, "Louis XIV", which is written in Roman numerals) */
    const tok *lt = &t[te - 1];
    w->acro_tail = n == 2 && (lt->flags & AG__T_ALLCAPS) && !(lt->flags & AG__T_DOTTED) &&
                   c->p->capsent[lt->sent] != 1 && lt->e - lt->s >= 3 && lt->e - lt->s <= 5 &&
                   !(lt->cls & (AG_LEX_COMMON | AG_LEX_TITLE | AG_LEX_GIVEN)) &&
                   (t[ts].flags & AG__T_CAP) && !(t[ts].flags & AG__T_ALLCAPS) &&
                   strspn(c->text + lt->s, "IVXLC") < lt->e - lt->s;
    /* (an acronym the lexicon knows is a body of its own glued to the word before:
     * "Vernon RCMP" is the town's police) */
    ag_lex_actor a;
    if (w->acro_tail && match_form(c->lex, c->text, t, te - 1, te, 0, &a) == 1)
        w->acro_tail = 0;
    w->allcommon = allcommon;
    w->hascue = hascue;
    w->hasof = hasof;
    w->acronym = acronym;
    w->given = given;
}

int ag__ner_cue_plural(const ctx *c, const tok *t)
{
    size_t n = t->e - t->s;
    char low[AG__LEX_MAXKEY];
    if (n < 4 || n >= AG__LEX_MAXKEY || c->text[t->e - 1] != 's')
        return 0;
    ag__lex_lower(c->text + t->s, n, low);
    if (n > 4 && low[n - 3] == 'i' && low[n - 2] == 'e') { /* "ministries": "ministry" */
        low[n - 3] = 'y';
        n--;
    }
    return (word_class(c->p, c->lex, low, n - 1) & AG_LEX_ORGCUE) != 0;
}

/* Candidate m is a peer named by the title and the seat: "the Earl of Carlisle", "the
 * Duke of Norfolk". One
 * place after "of" ("Lord of the Rings" is a work, "Lady of the Lake" no peer). */
static int peerage(const ctx *c, const cand *m)
{
    /* (a peer's title the lexicon has, "Prince", "Lord", "Bishop", is stripped into the
     * role before: "the Bishop of Durham" is titled, no name to vote on) */
    const tok *t = c->toks;
    size_t ts = m->ts, n = m->te - ts;
    return n >= 3 && n <= 4 && tok_is(c->text, &t[ts + 1], "of") && (t[ts + 2].flags & AG__T_CAP) &&
           tok_is_any(c->text, &t[ts], ag__ner_peer_titles);
}

/* The words of candidate m before its "of" are ordinary ones, an article first maybe,
 * and no organisation's, title's, given or place word: the name is a work's or an event's
 * title ("The Line of Beauty", "Festival of Ideas"), as a body names itself by its kind
 * ("Bank of England", "Church of Scotland"), a place by a place word ("Bay of Biscay"). */
static int ordinary_before_of(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t k = m->ts;
    if (tok_is(c->text, &t[k], "The") || tok_is(c->text, &t[k], "A"))
        k++;
    /* (a state's kind names a country: "Republic of Ireland", "Kingdom of Spain") */
    size_t q = k;
    for (; q < m->te && !tok_is(c->text, &t[q], "of"); q++)
        if (!plain_word(&t[q]) || tok_in(c, &t[q], G_PLACE_HEAD) ||
            tok_is_any(c->text, &t[q], ag__ner_state_kinds) || ag__ner_cue_plural(c, &t[q]))
            return 0;
    return q > k && q < m->te;
}

/* Votes from the name's own words. */

/* In a sports report, a name whose last word is a city the lexicon knows and whose first
 * is no given name is a club named after its city, no person: "Rotor Volgograd", "Hansa
 * Rostock" ("Allan Houston" has a given name). */
static int club_of_city(const ctx *c, const cand *m)
{
    ag_lex_actor a;
    return match_form(c->lex, c->text, c->toks, m->te - 1, m->te, 0, &a) == 1 &&
           a.type == AG_ACTOR_PLACE && a.country && ag__ner_sports_report(c);
}

/* The name is two words, a country or a continent the lexicon knows after a word that is
 * no place nor a part of one: a company's arm there ("Chrysler Europe", "Nissan Americas",
 * "Vodafone UK"), as a person's surname is seldom a country behind no given name. */
static int regional_arm(const ctx *c, const cand *m)
{
    /* (a part of the continent is a region: "East Africa", "Central Asia") */
    ag_lex_actor a;
    const tok *t = c->toks;
    if (m->te - m->ts != 2 || tok_is_any(c->text, &t[m->ts], ag__ner_continent_parts) ||
        match_form(c->lex, c->text, t, m->te - 1, m->te, 0, &a) != 1 || a.adjective ||
        !(a.type == AG_ACTOR_COUNTRY || (a.type == AG_ACTOR_PLACE && !a.country)))
        return 0;
    return !match_form(c->lex, c->text, t, m->ts, m->ts + 1, 0, &a);
}

/* In a sports report a name that opens with a point of the compass is a club's, no
 * person's: "West Brom", "East Fife", "North Ferriby" (no surname opens a name). */
static int compass_club(const ctx *c, const cand *m)
{
    static const char *const compass[] = {"East", "West", "North", "South", NULL};
    return tok_is_any(c->text, &c->toks[m->ts], compass) && ag__ner_sports_report(c);
}

/* Span [ts, te) is a title and then function words only ("Doctor Who", "Dr No"): no
 * person is named by a pronoun or a particle, so the name is a character's or a work's,
 * no actor. */
static int title_of_nobody(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    size_t tl = te - ts < 2 ? 0 : match_title(c->p, c->lex, c->text, t, ts, te);
    if (!tl || ts + tl >= te)
        return 0;
    for (size_t k = ts + tl; k < te; k++)
        if (!(t[k].cls & AG_LEX_FUNCTION) || (t[k].flags & AG__T_ALLCAPS))
            return 0;
    return 1;
}

/* The name opens with a gerund in mid-sentence and ends at punctuation or a function
 * word: a work's title ("Finding Neverland.", "Touching the Void, which"). No one's first
 * name is an ordinary "-ing" word; a group so named takes "the" or a noun of its kind, or
 * ends in a plural ("the Rolling Stones", "Shining Path guerrillas", "Working Title
 * Films"); and beyond three words such a name is more often a person's with a word glued
 * before it. */
static int gerund_title(const ctx *c, const cand *m)
{
    const tok *t = c->toks, *f = &t[m->ts];
    size_t ts = m->ts, te = m->te, n = te - ts;
    if (n < 2 || n > 3 || (f->flags & AG__T_FIRST) || !(f->flags & AG__T_CAP) ||
        !(f->cls & AG_LEX_COMMON) || f->e - f->s < 6 || memcmp(c->text + f->e - 3, "ing", 3) != 0)
        return 0;
    if ((ts > 0 && (tok_is(c->text, &t[ts - 1], "the") || tok_is(c->text, &t[ts - 1], "The"))) ||
        c->text[t[te - 1].e - 1] == 's')
        return 0;
    return te >= c->ntoks || t[te].sent != m->sent || (t[te].flags & AG__T_PUNCT) ||
           (t[te].cls & AG_LEX_FUNCTION);
}

static void vote_own_words(ctx *c, cand *m, int titled, const name_words *w)
{
    const tok *t = c->toks;
    size_t ts = m->ts, te = m->te, n = te - ts;
    int allcommon = w->allcommon, hascue = w->hascue, hasof = w->hasof, acronym = w->acronym,
        given = w->given;
    /* "The Nation", "The Hague Tribunal": a capitalised article inside a name (once per
     * name: films and records start so too, "The Aviator"). */
    if (n >= 2 && tok_is(c->text, &t[ts], "The"))
        m->votes[AG_ACTOR_ORG] += 2, m->the = 1;
    if (titled)
        m->votes[AG_ACTOR_PERSON] += 4;
    if (n >= 2 && !titled) {
        ag_lex_actor pa;
        size_t g = match_form(c->lex, c->text, t, ts, te, 0, &pa);
        /* (A city's or a county's own name ends in "City" or "County" too: "New York
         * City", "Los Angeles County"; only in a sports report is "X City" a club.) */
        if ((g && ts + g == te - 1 && pa.type != AG_ACTOR_PERSON &&
             tok_in(c, &t[te - 1], G_TEAM_AFTER) &&
             (!tok_in(c, &t[te - 1], G_PLACE_HEAD) || ag__ner_sports_report(c))) ||
            (tok_in(c, &t[ts], G_TEAM_BEFORE) &&
             match_form(c->lex, c->text, t, ts + 1, te, 0, &pa) == n - 1))
            m->votes[AG_ACTOR_ORG] += 4;
        /* "Man Utd", "Sheff Utd": a clipped club word makes a club of any clipped town */
        else if (tok_is_any(c->text, &t[te - 1], ag__ner_club_clipped))
            m->votes[AG_ACTOR_ORG] += 4;
    }
    if (hascue)
        m->votes[AG_ACTOR_ORG] += 3;
    if (acronym)
        m->votes[AG_ACTOR_ORG] += 2;
    if (w->acro_led)
        m->votes[AG_ACTOR_ORG] += 2; /* "ING Barings", "BNP Paribas", "HSBC Holdings" */
    if (w->acro_tail && !titled)
        m->votes[AG_ACTOR_ORG] += 2; /* "Nielsen EDI", "Sony BMG": no person's name ends
                                      * in an acronym */
    int peer = !titled && !hascue && peerage(c, m);
    if (peer)
        m->votes[AG_ACTOR_PERSON] += 6; /* "the Earl of Carlisle", "the Duke of Norfolk" */
    if (hasof && !titled && !peer)
        m->votes[AG_ACTOR_ORG] += 2;
    if (hasof && !titled && !hascue && !peer && ordinary_before_of(c, m))
        m->votes[AG_ACTOR_OTHER] += 5; /* "The Line of Beauty", "Rally of Portugal" */
    /* (What the words say is the same at every mention: ownp has it counted once per
     * name, so that one "the band X" or "X, starring Y" outweighs a given name that the
     * article repeats: "Franz Ferdinand", "Vera Drake".) */
    int before = m->votes[AG_ACTOR_PERSON];
    if (given && n >= 2)
        m->votes[AG_ACTOR_PERSON] += 2;
    else if (given && !(t[ts].cls & AG_LEX_COMMON))
        m->votes[AG_ACTOR_PERSON] += 1; /* "Saddam", "Kim": a given name alone */
    /* A multi-word name with no cue is a person's, unless its last word is an ordinary
     * English word or a particle and its first no given name nor an initial: "Arctic Monkeys", "Sun
     * Microsystems", "Deutsche Boerse" name organisations far more often than people;
     * "D. Boon", "S. Law" (a scorecard's players) are people. */
    if (n >= 2 && !hascue && !hasof && !allcommon && !acronym) {
        uint32_t lc = t[te - 1].cls;
        int initial = (t[ts].flags & AG__T_DOTTED) && t[ts].e - t[ts].s == 2;
        /* (nor is a name that ends in a particle, which only ever comes before a person's
         * family name: "El Al", an airline, is no "Al") */
        int particle_end = (lc & AG_LEX_CONNECTOR) && !(lc & AG_LEX_GIVEN);
        if (!titled && !given && !initial &&
            (((lc & AG_LEX_COMMON) && !(lc & (AG_LEX_GIVEN | AG_LEX_PROPER))) || particle_end ||
             club_of_city(c, m) || regional_arm(c, m) || compass_club(c, m)))
            m->votes[AG_ACTOR_ORG] += 1;
        else if (!titled && !given)
            m->votes[AG_ACTOR_PERSON] += 1, m->uncued = 1;
        else
            m->votes[AG_ACTOR_PERSON] += 1;
    }
    if (!titled)
        m->ownp = (uint8_t)(m->votes[AG_ACTOR_PERSON] - before - m->uncued);
    /* Company-like word shapes: a last word ending like a company's ("Microsystems",
     * "PeopleSoft", "RealNetworks") or written in camel case. */
    if (!titled && !given && company_shape(c->text + t[te - 1].s, t[te - 1].e - t[te - 1].s))
        m->votes[AG_ACTOR_ORG] += 3, m->shape = 1;
    /* What the name's own last word says: an event, a prize or a law ("World Cup",
     * "Brit Awards", "Patriot Act") is no actor (misc votes go to AG_ACTOR_OTHER); a
     * street, square or strip is a place. */
    if (!titled && (t[te - 1].flags & AG__T_CAP)) {
        /* "International Space Station": a spacecraft, whatever "Station" heads
         * elsewhere (a broadcaster, a railway station) */
        int craft = n >= 2 && tok_is(c->text, &t[te - 1], "Station") &&
                    tok_is(c->text, &t[te - 2], "Space");
        /* "Six Nations", "Four Nations": a tournament of that many national sides */
        int nations = n == 2 && tok_is(c->text, &t[te - 1], "Nations") &&
                      tok_is_any(c->text, &t[ts], ag__ner_counted_nations);
        /* "Tour de France", "Cup of Nations", "Treaty of Rome": the event's word
         * before "of" or "de" heads the name as it would end it */
        int event_of = n >= 3 && tok_in(c, &t[ts], G_MISC_HEAD) &&
                       !tok_is(c->text, &t[ts], "Summit") &&
                       (tok_is(c->text, &t[ts + 1], "of") || tok_is(c->text, &t[ts + 1], "de"));
        if (tok_in(c, &t[te - 1], G_MISC_HEAD) || (n >= 2 && misc_first(c, &t[ts])) || craft ||
            nations || event_of || ag__ner_weekday_title(c, ts, te) || title_of_nobody(c, ts, te))
            m->votes[AG_ACTOR_OTHER] += 5;
        else if (n >= 2 && tok_in(c, &t[te - 1], G_PLACE_HEAD) &&
                 !(tok_in(c, &t[te - 1], G_TEAM_AFTER) && ag__ner_sports_report(c)))
            m->votes[AG_ACTOR_PLACE] += 3; /* (in a sports report "X City" is a club) */
        else if (ag__ner_region_name(c, ts, te))
            m->votes[AG_ACTOR_PLACE] += 3; /* "the Pacific Northwest", "the Far East" */
        else if (n >= 2 && !hascue && tok_is_any(c->text, &t[ts], ag__ner_place_firsts))
            m->votes[AG_ACTOR_PLACE] += 3; /* "River Coquet", "Mount Kenya" */
        else if (n >= 3 && !hascue && tok_is(c->text, &t[ts + 1], "of") &&
                 tok_in(c, &t[ts], G_PLACE_HEAD))
            m->votes[AG_ACTOR_PLACE] += 4; /* "Bay of Biscay", "Gulf of Mexico": outweighs
                                            * the "of" of an organisation's name */
    }
    if (allcommon && n >= 2 && !titled)
        m->votes[AG_ACTOR_ORG] += 1;
    /* a legal form ends a company's name: "Pinault-Printemps-Redoute SA", "Veltrix AG";
     * "International" ends a body's, as an organisation word would ("Liberal
     * International", "Care International"; inside a name it is a festival's or a
     * spacecraft's word too: "Toronto International Film Festival") */
    if (n >= 2 && !titled &&
        (tok_in(c, &t[te - 1], G_CORP_SFX) || tok_is(c->text, &t[te - 1], "International")))
        m->votes[AG_ACTOR_ORG] += 3;
    if (!titled && !given && !hascue && gerund_title(c, m))
        m->votes[AG_ACTOR_OTHER] += 3; /* "Finding Neverland." */
    /* A version after the name makes it a product: "Windows XP", "Halo 2 for the Xbox",
     * "Firefox 1.0" (a person with a numeral has a given name or a roman one). */
    /* (an organisation word heads an organisation, not one inside a product's name:
     * "Service Pack 2 users"; an ampersand joins companies) */
    int headcue = (t[te - 1].cls & AG_LEX_ORGCUE) != 0;
    for (size_t q = ts; q < te; q++)
        if ((t[q].flags & AG__T_PUNCT) && t[q].punct == '&')
            headcue = 1;
    if (!titled && !given && !headcue && !(t[ts].flags & AG__T_DOTTED) &&
        (version_letters(c, m) || version_letter(c, m) || ag__ner_version_number(c, te, m->sent)))
        m->votes[AG_ACTOR_OTHER] += 3;
}

/* An apposition says what the name is: "Nokia, the world's largest handset maker,",
 * "Euronext, the pan-European exchange", "Smith, the chief executive,". Up to eight words
 * after ", the/a/an", to the next punctuation: an organisation noun makes it an
 * organisation, else a title or role word a person. */
/* The lexicon class of lower-case token k: the tokeniser looks words up only beside a
 * capitalised one, so one further away is looked up here. */
static uint32_t lower_class(ctx *c, size_t k)
{
    const tok *t = &c->toks[k];
    size_t n = t->e - t->s;
    if (t->cls || n >= AG__LEX_MAXKEY)
        return t->cls;
    return word_class_raw(c->p, c->lex, c->text + t->s, n);
}

/* Lower-case token k ends a title of one to three words: "minister", "foreign minister",
 * "chief executive officer". The lexicon knows a post by its whole phrase, and the last
 * word of one alone ("executive", "officer") is often no title. */
static int title_ends_at(ctx *c, size_t k, uint32_t sent)
{
    const tok *t = c->toks;
    for (size_t j = k + 1;
         j-- > 0 && j + 3 > k && t[j].sent == sent && (t[j].flags & AG__T_LOWER);) {
        if (j == k ? (lower_class(c, k) & AG_LEX_TITLE) != 0
                   : single_spaced(c->text, t, j, k + 1) &&
                         (word_class_raw(c->p, c->lex, c->text + t[j].s, t[k].e - t[j].s) &
                          AG_LEX_TITLE))
            return 1;
    }
    return 0;
}

static void vote_apposition(ctx *c, cand *m)
{
    const tok *t = c->toks;
    size_t te = m->te;
    if (te + 2 >= c->ntoks || !(t[te].flags & AG__T_PUNCT) || t[te].punct != ',' ||
        t[te + 1].sent != m->sent)
        return;
    /* the determiner: an article, the possessive of a body ("X, its organic brand", "X,
     * their label"; not "his old rival": a person's relation names no kind) or a name's
     * possessive ("X, Mike Leigh's drama") */
    static const char *const determiners[] = {"the", "a", "an", "its", "their", NULL};
    /* (a hedge or a time may come first: "X, arguably the best cornerback", "X, now the
     * party's leader", "X, once a rival") */
    static const char *const hedges[] = {"arguably", "perhaps", "probably", "possibly",  "now",
                                         "once",     "still",   "formerly", "currently", NULL};
    if (te + 3 < c->ntoks && t[te + 2].sent == m->sent && (t[te + 1].flags & AG__T_LOWER) &&
        tok_is_any(c->text, &t[te + 1], hedges) && tok_is_any(c->text, &t[te + 2], determiners))
        te++;
    size_t from = te + 2;
    if (!tok_is_any(c->text, &t[te + 1], determiners)) {
        size_t q = te + 1;
        while (q < te + 5 && q < c->ntoks && t[q].sent == m->sent && (t[q].flags & AG__T_CAP))
            q++;
        if (q == te + 1 || q >= c->ntoks || t[q].sent != m->sent || !(t[q].flags & AG__T_POSS))
            return;
        from = q + 1;
    }
    int role = 0;
    for (size_t k = from; k < c->ntoks && k < te + 10 && t[k].sent == m->sent; k++) {
        if (t[k].flags & AG__T_PUNCT) {
            if (t[k].punct == '-' || t[k].punct == '\'')
                continue;
            break;
        }
        if (!(t[k].flags & AG__T_LOWER)) {
            /* a capitalised post is a role too ("X, the IRA's Director of Intelligence"),
             * unless it owns what follows ("X, the Attorney General's office") */
            if ((t[k].flags & AG__T_CAP) && (t[k].cls & AG_LEX_TITLE)) {
                size_t q = k + 1;
                while (q < c->ntoks && t[q].sent == m->sent && (t[q].flags & AG__T_CAP))
                    q++;
                if (q >= c->ntoks || !(t[q].flags & AG__T_POSS))
                    role = 1;
            }
            continue;
        }
        /* an owner says nothing of the name ("X, the company's chairman"); a role heads
         * it even where the role word also tells an organisation after a name ("X, the
         * chairman, said" against "BP chairman Y") */
        if (k + 1 < c->ntoks && (t[k + 1].flags & AG__T_POSS))
            continue;
        if (lower_class(c, k) & AG_LEX_TITLE) {
            role = 1;
            continue;
        }
        if (tok_in(c, &t[k], G_ORG_BEFORE | G_ORG_NOUN) || (t[k].cls & AG_LEX_ORGCUE)) {
            m->votes[AG_ACTOR_ORG] += 3;
            return;
        }
        /* a work's noun heading it: "X, Mike Leigh's drama about", "X, the American
         * series that"; not "X, the console maker" */
        if (tok_in(c, &t[k], G_MISC_NOUN) &&
            (k + 1 >= c->ntoks || t[k + 1].sent != m->sent || !(t[k + 1].flags & AG__T_LOWER) ||
             !tok_in(c, &t[k + 1], G_MISC_NOUN | G_ORG_NOUN | G_ORG_BEFORE))) {
            m->votes[AG_ACTOR_OTHER] += 4;
            return;
        }
        /* a product's release heading it: "X, the next version of the operating
         * system", "X, a cheaper edition of Windows"; a brand is a product's name ("X, its
         * organic brand") */
        if ((tok_is_any(c->text, &t[k], ag__ner_releases) && is_at(c, k + 1, m->sent, "of")) ||
            tok_is(c->text, &t[k], "brand") || tok_is(c->text, &t[k], "brands")) {
            m->votes[AG_ACTOR_OTHER] += 4;
            return;
        }
        if (tok_is(c->text, &t[k], "of") || tok_is(c->text, &t[k], "that") ||
            tok_is(c->text, &t[k], "which") || tok_is(c->text, &t[k], "who"))
            break; /* "the head of X": X's kind, not this name's */
    }
    if (role)
        m->votes[AG_ACTOR_PERSON] += 2;
}

/* A definition says what the name is, as encyclopedias and profiles write: "X is an
 * American software company", "X was a British rock band", "X is a Scottish footballer";
 * and "X was founded in 1990", "X, founded in", "X is headquartered / based in" make an
 * organisation. Up to eight words after "is a", to the next punctuation. */
/* A definition says what the name is ("X is an American software company"): votes, and
 * the type the name takes in its article whatever its words say at every other mention
 * ("The Velvet Harbour were an English rock band" over a repeated "Harbour", "Blue
 * Harbour is the third studio album"; ner_resolve.c, ag__ner_definitions). */
static void define(cand *m, ag_actor_type type)
{
    m->votes[type] += 6;
    m->defined = (uint8_t)(1 + type);
}

static void vote_definition(ctx *c, cand *m)
{
    const tok *t = c->toks;
    size_t ts = m->ts, te = m->te, k = te;
    /* Only the subject is defined: not the agent or object before the main verb ("The
     * movement, led by X, was founded in 1980"). */
    static const char *const governed[] = {"by",  "of",    "with",    "to", "from",
                                           "for", "under", "against", NULL};
    if (ts > 0 && t[ts - 1].sent == m->sent && (t[ts - 1].flags & AG__T_LOWER) &&
        tok_is_any(c->text, &t[ts - 1], governed))
        return;
    int comma = k < c->ntoks && (t[k].flags & AG__T_PUNCT) && t[k].punct == ',';
    if (comma)
        k++; /* "X, founded in 1990," */
    if (k >= c->ntoks || t[k].sent != m->sent || !(t[k].flags & AG__T_LOWER))
        return;
    int copula = tok_is_any(c->text, &t[k], ag__ner_copulas);
    if (comma && copula)
        return; /* "..., led by X, was founded": the comma closes an aside */
    size_t q = copula ? k + 1 : k;
    if (q < c->ntoks && t[q].sent == m->sent && tok_is_any(c->text, &t[q], ag__ner_founding)) {
        m->votes[AG_ACTOR_ORG] += 3;
        return;
    }
    if (!copula || q >= c->ntoks || t[q].sent != m->sent ||
        !(tok_is(c->text, &t[q], "a") || tok_is(c->text, &t[q], "an") ||
          tok_is(c->text, &t[q], "the")))
        return;
    for (size_t j = q + 1; j < c->ntoks && j < q + 9 && t[j].sent == m->sent; j++) {
        if (t[j].flags & AG__T_PUNCT) {
            if (t[j].punct == '-')
                continue;
            break;
        }
        if (!(t[j].flags & AG__T_LOWER))
            continue;
        /* (the head comes before a preposition: "X is an Indian living in a village") */
        if (tok_is(c->text, &t[j], "of") || tok_is(c->text, &t[j], "who") ||
            tok_is(c->text, &t[j], "that") || tok_is(c->text, &t[j], "which") ||
            tok_is(c->text, &t[j], "in") || tok_is(c->text, &t[j], "at") ||
            tok_is(c->text, &t[j], "near"))
            break;
        /* (a noun before the head noun is no head: "the third studio album", "a market
         * town", "a film studio", "a city council") */
        if (j + 1 < c->ntoks && t[j + 1].sent == m->sent && (t[j + 1].flags & AG__T_LOWER) &&
            (tok_in(c, &t[j + 1], G_MISC_NOUN | G_PLACE_NOUN | G_ORG_BEFORE | G_ORG_NOUN) ||
             (lower_class(c, j + 1) & AG_LEX_ORGCUE)))
            continue;
        if (tok_in(c, &t[j], G_ORG_BEFORE | G_ORG_NOUN) || (t[j].cls & AG_LEX_ORGCUE)) {
            define(m, AG_ACTOR_ORG);
            return;
        }
        if (tok_in(c, &t[j], G_MISC_NOUN)) {
            define(m, AG_ACTOR_OTHER); /* "X is a 2011 British drama film" */
            return;
        }
        if (tok_in(c, &t[j], G_PLACE_NOUN)) { /* "X is a market town in", "a village" */
            define(m, AG_ACTOR_PLACE);
            return;
        }
        /* (not every title word: "a major company", "a general store") */
        if (tok_is_any(c->text, &t[j], ag__ner_person_nouns)) {
            define(m, AG_ACTOR_PERSON);
            return;
        }
    }
}

/* The name's own possessive further on in its clause says it is an organisation: "Fannie
 * Mae used improper accounting to manipulate its earnings", "If Halvard (HLV) is hampered
 * by limits on its operations"; "his" says a person: "Jenson Button has justified his
 * decision" ("her" may be an object: "the firm fired her"). Only the subject of a clause owns it
 * (not "the airforce under Hermann Goering began its campaign"), and only up to ten words on, none
 * of which could own the pronoun instead: no article or demonstrative (a new noun phrase: "urged
 * the committee to finish its work"), no subject pronoun (a new clause: "the version of
 * Windows it sells without its player"), no other capitalised word, no relative pronoun,
 * no punctuation but commas and a bracketed aside. */
static void vote_possessive(ctx *c, cand *m)
{
    static const char *const stops[] = {"the",  "a",     "an",    "this", "that", "these", "those",
                                        "who",  "which", "whose", "and",  "it",   "he",    "she",
                                        "they", "we",    "his",   "her",  NULL};
    static const char *const clause[] = {
        "that",  "if",     "and",   "but",      "while",    "because", "when", "as",
        "after", "before", "since", "although", "whether",  "though",  "If",   "When",
        "While", "As",     "After", "Because",  "Although", NULL};
    const tok *t = c->toks;
    /* First find "its" (few clauses have one), then ask the words around it. */
    size_t k = m->te, end = m->te + 10 < c->ntoks ? m->te + 10 : c->ntoks;
    for (; k < end && t[k].sent == m->sent; k++) {
        if (t[k].flags & AG__T_PUNCT) {
            if (t[k].punct == '(') {
                while (k + 1 < end && !((t[k + 1].flags & AG__T_PUNCT) && t[k + 1].punct == ')'))
                    k++;
                k++;
            } else if (t[k].punct != ',') {
                return;
            }
            continue;
        }
        if (!(t[k].flags & AG__T_LOWER))
            return;
        if (t[k].e - t[k].s == 3 &&
            (memcmp(c->text + t[k].s, "its", 3) == 0 || memcmp(c->text + t[k].s, "his", 3) == 0))
            break;
    }
    if (k >= end || t[k].sent != m->sent)
        return;
    const tok *pv = m->ts > 0 ? &t[m->ts - 1] : NULL;
    if (pv && pv->sent == m->sent && !(pv->flags & AG__T_PUNCT) && !tok_is_any(c->text, pv, clause))
        return; /* not the subject */
    int aside = 0;
    for (size_t q = m->te; q < k; q++) {
        if (t[q].flags & AG__T_PUNCT)
            aside = (t[q].punct == '(') || (aside && t[q].punct != ')');
        else if (!aside && tok_is_any(c->text, &t[q], stops))
            return;
    }
    if (c->text[t[k].s] == 'i') {
        m->votes[AG_ACTOR_ORG] += 2;
        return;
    }
    /* "his" is the name's only close after it, its verb and an adverb or a preposition
     * between ("X was scratched from his"), with nothing that is another's: no comma ("X,
     * his friends"), no role or title ("as West Indies captain following his side's") */
    if (k > m->te + 3)
        return; /* "X situation has columnist shaking his head" */
    for (size_t q = m->te; q < k; q++)
        if ((t[q].flags & AG__T_PUNCT) || (lower_class(c, q) & AG_LEX_TITLE) ||
            tok_is_any(c->text, &t[q], ag__ner_person_nouns))
            return;
    m->votes[AG_ACTOR_PERSON] += 2;
}

/* A band member's role and the member's name follow the name: "Keane singer Tom
 * Chaplin", "Razorlight's lead singer Johnny Borrell", "The Darkness guitarist Dan
 * Hawkins". */
static int band_member(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t k = m->te;
    if (k < c->ntoks && (t[k].flags & AG__T_POSS))
        k++;
    if (is_at(c, k, m->sent, "lead"))
        k++;
    return word_of(c, k, m->sent, CUE_BAND_MEMBER) && k + 1 < c->ntoks &&
           t[k + 1].sent == m->sent && (t[k + 1].flags & AG__T_CAP);
}

/* Nouns after a surname that make it a politician's: a campaign or a government is led
 * by a person ("the Dole campaign", "the Bush administration", "Blair aides"). */
static const char *const person_after[] = {"campaign", "administration", "aide", "aides",
                                           "camp",     "presidency",     NULL};

/* The name stands before "software" or "program(me)", with up to two hyphenated
 * modifiers between, and the noun ends its phrase: "the Kazaa file-sharing software",
 * "the Norton anti-virus software", "its AdSense programme" name a program. A company
 * writes its trade in its name ("Sybari Software") or before another noun ("a McLean
 * software maker"), and a company the lexicon knows ("Microsoft software") is never
 * asked. */
static int program_after(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t k = m->te;
    /* (an ordinary word or compound opening the sentence is no name: "Open-source
     * software is", "File-swapping software"; a name's compound is capitalised after its
     * hyphen, "Hewlett-Packard") */
    if (m->te == m->ts + 1) {
        const char *h = memchr(c->text + t[m->ts].s, '-', t[m->ts].e - t[m->ts].s);
        if (((t[m->ts].flags & AG__T_FIRST) && (t[m->ts].cls & AG_LEX_COMMON)) ||
            (h && h + 1 < c->text + t[m->ts].e && h[1] >= 'a' && h[1] <= 'z'))
            return 0;
    }
    while (k < m->te + 2 && k < c->ntoks && t[k].sent == m->sent &&
           (t[k].flags & (AG__T_LOWER | AG__T_HYPHEN)) == (AG__T_LOWER | AG__T_HYPHEN))
        k++;
    if (k >= c->ntoks || t[k].sent != m->sent || !(t[k].flags & AG__T_LOWER) ||
        !tok_is_any(c->text, &t[k], ag__ner_program_words))
        return 0;
    k++;
    return k >= c->ntoks || t[k].sent != m->sent || !(t[k].flags & AG__T_LOWER) ||
           (t[k].cls & AG_LEX_FUNCTION) ||
           !(tok_in(c, &t[k], G_ORG_BEFORE | G_ORG_NOUN) || (t[k].cls & AG_LEX_ORGCUE));
}

/* Votes from the words right after the name, in its sentence (te < c->ntoks). */
/* Events named by what comes before them ("the Glenmore festival", "the Doha
 * tournament", "the Second City derby": a match of two neighbours named by what they
 * share). Not "conference" or "summit", which parties and governments hold under their
 * own names ("the Plaid Cymru conference"). */
static const char *const event_after[] = {"festival",      "tournament", "championship",
                                          "championships", "marathon",   "ceremony",
                                          "awards",        "derby",      NULL};

/* The name opens its sentence as the subject of a plural verb (the votes for an
 * organisation, 0 if not): "Keane are to tour",
 * "Razorlight have sold": British English puts a band, a team or a company in the
 * plural, and no one person takes "are" (not "Smiths are", one word in the plural, a
 * family; a name of more words ending in a plural is a group, "Scissor Sisters were";
 * and only at the sentence's start, where the verb is the name's: in "officials loyal to
 * X have", "the Jets and quarterback X are" it is another's). So is the verb of a
 * relative clause right after it: "Silver Fern, who have been managed by". */
static int plural_subject(const ctx *c, const cand *m)
{
    static const char *const plural[] = {"are", "were", "have", NULL};
    const tok *t = c->toks;
    size_t ts = m->ts, te = m->te;
    if (te >= c->ntoks || t[te].sent != m->sent || (ts > 0 && t[ts - 1].sent == m->sent))
        return 0;
    if (c->text[t[te - 1].e - 1] == 's') {
        if (te - ts == 1)
            return 0;
        /* (words in title case: not "BOSTONThese Yankees", a dateline glued on) */
        for (size_t q = ts; q < te; q++)
            if (!(t[q].flags & AG__T_CAP) || t[q].e - t[q].s < 2 ||
                !(c->text[t[q].s + 1] >= 'a' && c->text[t[q].s + 1] <= 'z'))
                return 0;
    }
    size_t k = te;
    /* (past a relative clause between commas: "Franz Ferdinand, who won two Brit Awards
     * last year, are nominated again"; a person's clause ends in a singular verb) */
    if ((t[k].flags & AG__T_PUNCT) && t[k].punct == ',' && k + 1 < c->ntoks &&
        t[k + 1].sent == m->sent && tok_is(c->text, &t[k + 1], "who")) {
        /* (the clause's own verb in the plural: "Silver Fern, who have been managed by") */
        if (k + 2 < c->ntoks && t[k + 2].sent == m->sent && (t[k + 2].flags & AG__T_LOWER) &&
            tok_is_any(c->text, &t[k + 2], plural))
            return 5;
        for (k += 2; k < c->ntoks && k < te + 16 && t[k].sent == m->sent; k++)
            if (t[k].flags & AG__T_PUNCT)
                break;
        if (k >= c->ntoks || t[k].sent != m->sent || !(t[k].flags & AG__T_PUNCT) ||
            t[k].punct != ',')
            return 0;
        k++;
    }
    if (k >= c->ntoks || t[k].sent != m->sent || !(t[k].flags & AG__T_LOWER) ||
        !tok_is_any(c->text, &t[k], plural))
        return 0;
    return k == te ? 3 : 5; /* (the clause's "who" counted for a person: outweigh it) */
}

/* Token k, right after a name in sentence sent, heads the government of a territory or
 * holds its local office: a state's or province's "governor", "premier" or "chief
 * minister", a city's "mayor", "prosecutor" or "police", maybe after one modifier ("the
 * Liege public prosecutor"). The name before it is the territory ("Karnataka chief
 * minister", "Ohio governor"), no body as before "leader" or "manager". */
static int territory_head(const ctx *c, size_t k, uint32_t sent)
{
    const tok *t = c->toks;
    if (tok_is_any(c->text, &t[k], ag__ner_territory_modifiers) && k + 1 < c->ntoks &&
        t[k + 1].sent == sent && tok_is_any(c->text, &t[k + 1], ag__ner_territory_heads))
        return 1;
    return tok_is_any(c->text, &t[k], ag__ner_territory_heads) ||
           (tok_is(c->text, &t[k], "chief") && k + 1 < c->ntoks && t[k + 1].sent == sent &&
            tok_is(c->text, &t[k + 1], "minister"));
}

/* In a sports report the name is the subject of a verb whose object is its own, "their":
 * "Celtic extended their lead", "Leeds ended their losing run". A side is plural in
 * British English; a player keeps "his" or "her" lead. */
static int side_owns_their(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t te = m->te;
    return te + 1 < c->ntoks && t[te + 1].sent == m->sent && (t[te].flags & AG__T_LOWER) &&
           tok_is(c->text, &t[te + 1], "their") &&
           tok_is_any(c->text, &t[te], ag__ner_lead_verbs) && ag__ner_sports_report(c);
}

/* Token k is a verb of a share price's move and the size of a move follows it, in per
 * cent or in pence or cents: "Xstrata fell 3.1%", "Kelvane rose 3p to 268p", "gained 12
 * cents", "slumped 18 percent". What moves so in a market report is a company's shares:
 * not a person, nor a town. */
static int share_move(const ctx *c, size_t k, uint32_t sent)
{
    /* (prices are quoted in a currency's small or whole units: "Sandoz rose 10 francs",
     * "Bayer fell 1.20 marks", "Sony lost 40 yen") */
    const tok *t = c->toks;
    if (k + 2 >= c->ntoks || t[k].sent != sent || !(t[k].flags & AG__T_LOWER) ||
        !(t[k + 1].flags & AG__T_DIGIT) || t[k + 1].sent != sent ||
        !tok_is_any(c->text, &t[k], ag__ner_price_moves))
        return 0;
    const char *w = c->text + t[k + 1].s;
    size_t n = t[k + 1].e - t[k + 1].s;
    if ((t[k + 1].flags & AG__T_WORD) && n >= 2 && w[n - 1] == 'p' && w[n - 2] >= '0' &&
        w[n - 2] <= '9')
        return 1; /* "3p" */
    /* (the number's decimals are tokens of their own: "3", ".", "1", "%") */
    for (size_t q = k + 2; q < c->ntoks && q <= k + 4 && t[q].sent == sent; q++) {
        if ((t[q].flags & AG__T_PUNCT) && t[q].punct == '%')
            return 1;
        if ((t[q].flags & AG__T_LOWER) && tok_is_any(c->text, &t[q], ag__ner_price_units))
            return 1;
        if (!(t[q].flags & AG__T_DIGIT) && !((t[q].flags & AG__T_PUNCT) && t[q].punct == '.'))
            return 0;
    }
    return 0;
}

/* Token k, after a name, starts a passive of a takeover: one or two auxiliaries ("was",
 * "has been", "is being") and "taken over", or a verb of buying and "by" ("Dalgety was
 * taken over by X", "X had been acquired by Y"). What is taken over or bought by someone
 * is a business; not in a sports report, whose clubs buy players ("was bought by
 * Chelsea"). The caller leaves out a name ending in a place's head word, a property. */
static int taken_over(const ctx *c, size_t k, uint32_t sent)
{
    static const char *const aux[] = {"was", "were", "is", "has", "had", "been", "being", NULL};
    const tok *t = c->toks;
    size_t q = k;
    /* (asked after every unknown name: most words there start with no auxiliary's letter) */
    char f = k < c->ntoks ? c->text[t[k].s] : 0;
    if (!(f == 'w' || f == 'i' || f == 'h' || f == 'b') || !(t[k].flags & AG__T_LOWER))
        return 0;
    while (q < k + 2 && q < c->ntoks && t[q].sent == sent && (t[q].flags & AG__T_LOWER) &&
           tok_is_any(c->text, &t[q], aux))
        q++;
    if (q == k || q + 1 >= c->ntoks || t[q + 1].sent != sent || !(t[q].flags & AG__T_LOWER))
        return 0;
    if (tok_is(c->text, &t[q], "taken"))
        return tok_is(c->text, &t[q + 1], "over");
    return tok_is(c->text, &t[q + 1], "by") && tok_is_any(c->text, &t[q], ag__ner_buy_words) &&
           !ag__ner_sports_report(c);
}

/* Token k is a modifier of a post and a title follows it: "parliamentary leader",
 * "deputy chairman", "party leader", "former manager". After a name, as the title alone
 * is, it says the name is the body the post is in ("Greens parliamentary leader X"). */
static int title_modified(const ctx *c, size_t k, uint32_t sent)
{
    const tok *t = c->toks;
    return k + 1 < c->ntoks && t[k + 1].sent == sent && (t[k + 1].flags & AG__T_LOWER) &&
           (t[k + 1].cls & AG_LEX_TITLE) && tok_is_any(c->text, &t[k], ag__ner_title_modifiers);
}

/* Token k is a verb of a company's results and a noun of them follows within a few
 * words: "reported flat first-half earnings", "posted a record profit", "raised its
 * full-year sales forecast". Companies report so; a person posts a score, not a profit. */
static int reports_results(const ctx *c, size_t k, uint32_t sent)
{
    const tok *t = c->toks;
    if (k >= c->ntoks || t[k].sent != sent || !(t[k].flags & AG__T_LOWER) ||
        !tok_is_any(c->text, &t[k], ag__ner_report_verbs))
        return 0;
    for (size_t q = k + 1; q < c->ntoks && q <= k + 6 && t[q].sent == sent; q++) {
        if (t[q].flags & AG__T_CAP)
            return 0;
        if ((t[q].flags & AG__T_PUNCT) && t[q].punct != '-' && t[q].punct != '%')
            return 0;
        if ((t[q].flags & AG__T_LOWER) && tok_is_any(c->text, &t[q], ag__ner_results))
            return 1;
    }
    return 0;
}

int ag__ner_says_its_results(const ctx *c, size_t k, uint32_t sent)
{
    const tok *t = c->toks;
    if (k + 2 >= c->ntoks || t[k + 2].sent != sent || !(t[k].flags & AG__T_LOWER) ||
        !tok_in(c, &t[k], G_SAY) || !tok_is(c->text, &t[k + 1], "its"))
        return 0;
    /* (up to two modifiers between: "its net profit", "its third - quarter sales") */
    for (size_t q = k + 2; q < c->ntoks && q <= k + 5 && t[q].sent == sent; q++) {
        if ((t[q].flags & AG__T_PUNCT) && t[q].punct != '-')
            return 0;
        if ((t[q].flags & AG__T_LOWER) && (tok_is_any(c->text, &t[q], ag__ner_results) ||
                                           tok_is_any(c->text, &t[q], ag__ner_company_owned)))
            return 1;
        if (t[q].flags & AG__T_CAP)
            return 0;
    }
    return 0;
}

/* Token k, after candidate m and a noun before names (G_ORG_BEFORE), is "of", the noun
 * names a trade ("maker", "retailer", "operator": it ends in -er or -or, not a body of
 * members, "the X party of"), and an article opens the phrase: "the Californian maker of
 * memory chips", "a Bavarian maker of cars". No company is written so before its trade
 * ("X, the maker of"), so the name only says what the maker is. */
static int trade_of(const ctx *c, const cand *m, size_t k)
{
    const tok *t = c->toks;
    const char *w = c->text + t[k - 1].s;
    size_t n = t[k - 1].e - t[k - 1].s;
    if (n > 1 && w[n - 1] == 's')
        n--;
    if (!tok_is(c->text, &t[k], "of") || m->ts == 0 || t[m->ts - 1].sent != m->sent || n < 4 ||
        !(w[n - 1] == 'r' && (w[n - 2] == 'e' || w[n - 2] == 'o')))
        return 0;
    const tok *pv = &t[m->ts - 1];
    return tok_is(c->text, pv, "the") || tok_is(c->text, pv, "a") || tok_is(c->text, pv, "an");
}

/* The lower-case word after candidate m says what product it is (returns its votes, or
 * 0), as news names software
 * and devices: one modifier and a noun of products ("the X web browser", "the X games
 * console", "the X video format"; not before a maker: "the X games console maker" is
 * the company's), or "users" after a one-word name, whom a product has ("X users were
 * urged to update"; a company's are its customers; "Novell NetWare users" are the
 * product's, not the maker's, whose name would then go with it), or an acronym before
 * a noun of technology ("UMD discs", "RFID technology"). */
static int product_kind_after(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t te = m->te;
    if (te - m->ts == 1 && tok_is(c->text, &t[te], "users"))
        return 2;
    /* (outweighs the acronym's own vote and an article's: "the UMD discs") */
    if (te - m->ts == 1 && (t[m->ts].flags & AG__T_ALLCAPS) &&
        tok_is_any(c->text, &t[te], ag__ner_tech_nouns))
        return 4;
    if (te + 1 >= c->ntoks || t[te + 1].sent != m->sent || !(t[te + 1].flags & AG__T_LOWER) ||
        (t[te].cls & AG_LEX_FUNCTION) || !tok_is_any(c->text, &t[te + 1], ag__ner_product_nouns))
        return 0;
    if (te + 2 < c->ntoks && t[te + 2].sent == m->sent && (t[te + 2].flags & AG__T_LOWER) &&
        tok_in(c, &t[te + 2], G_ORG_BEFORE | G_ORG_NOUN))
        return 0;
    return 2;
}

static void vote_after(ctx *c, cand *m, const name_words *w)
{
    const tok *t = c->toks;
    size_t te = m->te, n = te - m->ts;
    int hascue = w->hascue, given = w->given, kind;
    size_t nx = te;
    if (t[nx].flags & AG__T_POSS)
        nx++;
    if (nx < c->ntoks && t[nx].sent == m->sent && tok_in(c, &t[nx], G_SAY)) {
        m->votes[n <= 3 && !hascue ? AG_ACTOR_PERSON : AG_ACTOR_ORG] += 1;
        /* "X said he", "X told her": a person; "X said it", "X says its": no person. */
        if (nx + 1 < c->ntoks && t[nx + 1].sent == m->sent) {
            const tok *pr = &t[nx + 1];
            if (tok_is(c->text, pr, "he") || tok_is(c->text, pr, "she"))
                m->votes[AG_ACTOR_PERSON] += 2;
            else if (tok_is(c->text, pr, "it") || tok_is(c->text, pr, "its"))
                m->votes[AG_ACTOR_ORG] += 2;
            /* "Ford said its profit fell": a company's results, so the company named
             * after a person, not that person ("Henry Ford ... Ford said its") */
            if (!given && !m->role && ag__ner_says_its_results(c, nx, m->sent))
                m->firm = 1;
        }
    }
    /* (a town's market is the town: "the Dax in Frankfurt fell 0.3%") */
    if (!given && !m->role && !(m->lexname && m->type != AG_ACTOR_ORG) &&
        share_move(c, te, m->sent) &&
        !(m->ts > 0 && t[m->ts - 1].sent == m->sent && tok_in(c, &t[m->ts - 1], G_LOC_PREP)))
        m->votes[AG_ACTOR_ORG] += 3, m->firm = 1; /* "Xstrata fell 3.1%" */
    /* (not an ordinary word, a name's part that lost the rest: "Brothers" of "Toll
     * Brothers" at a credit's dash) */
    if (!given && !m->role && !(n == 1 && (t[m->ts].cls & AG_LEX_COMMON)) &&
        reports_results(c, te, m->sent))
        m->votes[AG_ACTOR_ORG] += 3, m->firm = 1; /* "Heineken reported flat earnings" */
    /* (a place's head keeps a property bought a place: "X Airport was bought by") */
    if (!given && !m->role && taken_over(c, te, m->sent) && !tok_in(c, &t[te - 1], G_PLACE_HEAD))
        m->votes[AG_ACTOR_ORG] += 3, m->firm = 1; /* "Dalgety was taken over by X" */
    if (!m->role && (finished_for(c, m) || scored_through(c, m)))
        m->votes[AG_ACTOR_PERSON] += 3; /* "Jenson Button was fourth for BAR", "two tries
                                         * through Rico Gear" */
    vote_apposition(c, m);
    vote_definition(c, m);
    int plural = m->role ? 0 : plural_subject(c, m);
    if (plural)
        m->votes[AG_ACTOR_ORG] += plural; /* "Keane are to tour": a group */
    else if (!m->role && !given && side_owns_their(c, m))
        m->votes[AG_ACTOR_ORG] += 3; /* "Celtic extended their lead": a side */
    /* (not where it could not change the type: a given name or a title outweighs it, an
     * organisation cue word makes an organisation already) */
    if (!given && !m->role && !hascue && m->votes[AG_ACTOR_ORG] < 3)
        vote_possessive(c, m);
    /* What only a company has, after its possessive: "Halvard's shareholders", "Halvard's
     * top executives" (one modifier between). A person has a party, a team, aides. */
    if ((t[te].flags & AG__T_POSS) && te + 2 < c->ntoks && t[te + 2].sent == m->sent) {
        size_t q = te + 1;
        if ((t[q].flags & AG__T_LOWER) && !tok_is_any(c->text, &t[q], ag__ner_company_owned) &&
            q + 1 < c->ntoks && t[q + 1].sent == m->sent)
            q++;
        if ((t[q].flags & AG__T_LOWER) && tok_is_any(c->text, &t[q], ag__ner_company_owned))
            m->votes[AG_ACTOR_ORG] += 2, m->firm = 1;
    }
    /* A common noun right after the name says what it is: "Interfax news agency",
     * "Kunar province", "Smith, who". */
    const tok *nt = &t[te];
    if (!given && band_member(c, m)) {
        m->votes[AG_ACTOR_ORG] += 3; /* "Keane singer Tom Chaplin": a band's member */
    } else if (nt->flags & AG__T_LOWER) {
        /* (a relation between two companies names both: "Quentix rival Morvane") */
        if (n == 1 && !given && tok_in(c, nt, G_ORG_BEFORE) && te + 1 < c->ntoks &&
            t[te + 1].sent == m->sent &&
            ((t[te + 1].flags & AG__T_CAP) || trade_of(c, m, te + 1)) &&
            !tok_is_any(c->text, nt, ag__ner_company_relations)) {
            /* "Californian firm Quentix", "Anti-virus firm Sophos": the word qualifies
             * the kind of the name after it (an ordinary word, "Investment firm X", is
             * left with no vote, as at a sentence's start it is no name); so it does a
             * trade's before "of" ("the Californian maker of memory chips") */
            if (!(t[m->ts].cls & AG_LEX_COMMON))
                m->votes[AG_ACTOR_OTHER] += 3;
        } else if (!given && !w->hascue && territory_head(c, te, m->sent))
            m->votes[AG_ACTOR_PLACE] += 3; /* "Karnataka chief minister", "Ohio governor" */
        else if (!given && !w->hascue && (kind = product_kind_after(c, m)) > 0)
            m->votes[AG_ACTOR_OTHER] += kind; /* "the X web browser", "X users", "UMD discs" */
        else if (tok_in(c, nt, G_ORG_NOUN) ||
                 ((nt->cls & AG_LEX_ORGCUE) && !tok_is_any(c->text, nt, ag__ner_industries)))
            m->votes[AG_ACTOR_ORG] += 2;
        else if (tok_in(c, nt, G_PLACE_NOUN))
            m->votes[AG_ACTOR_PLACE] += 2;
        else if (tok_in(c, nt, G_MISC_NOUN) || tok_is_any(c->text, nt, event_after))
            m->votes[AG_ACTOR_OTHER] += 2; /* "the Xbox console", "the Glenmore festival" */
        else if (n == 1 && tok_is_any(c->text, nt, person_after))
            m->votes[AG_ACTOR_PERSON] += 3; /* "Dole campaign manager", "Bush aides" */
        else if (tok_is(c->text, nt, "operating") && te + 1 < c->ntoks &&
                 (tok_is(c->text, &t[te + 1], "system") || tok_is(c->text, &t[te + 1], "systems")))
            m->votes[AG_ACTOR_OTHER] += 3; /* "the Linux operating system" */
        else if (!given && program_after(c, m))
            m->votes[AG_ACTOR_OTHER] += 3; /* "the Kazaa file-sharing software" */
        else if (!given && ((nt->cls & AG_LEX_TITLE) || title_modified(c, te, m->sent)))
            m->votes[AG_ACTOR_ORG] += 2; /* "Labour leader", "Arsenal manager", "Greens
                                          * parliamentary leader" */
    } else if ((nt->flags & AG__T_PUNCT) && nt->punct == ',' && te + 2 < c->ntoks &&
               t[te + 2].sent == m->sent && (t[te + 1].flags & AG__T_DIGIT) &&
               t[te + 1].e - t[te + 1].s <= 3 && (t[te + 2].flags & AG__T_PUNCT) &&
               t[te + 2].punct == ',') {
        m->votes[AG_ACTOR_PERSON] += 2; /* "Smith, 45, said" */
    } else if (!given && n == 1 && (t[m->ts].flags & AG__T_FIRST) &&
               (t[m->ts].cls & AG_LEX_COMMON) && ag__ner_who_result(c, te)) {
        m->votes[AG_ACTOR_ORG] += 3; /* "Wasps, who had not lost since May": a side
                                      * named by an ordinary word (a player wins too:
                                      * "Henman, who lost in Paris") */
    } else if ((nt->flags & AG__T_PUNCT) && nt->punct == ',' && te + 1 < c->ntoks &&
               t[te + 1].sent == m->sent && tok_is(c->text, &t[te + 1], "who")) {
        m->votes[AG_ACTOR_PERSON] += 1;
    } else if ((nt->flags & AG__T_PUNCT) && nt->punct == ',' && te + 1 < c->ntoks &&
               t[te + 1].sent == m->sent && tok_is(c->text, &t[te + 1], "which") && !given &&
               !(m->ts > 0 && t[m->ts - 1].sent == m->sent &&
                 tok_in(c, &t[m->ts - 1], G_LOC_PREP)) &&
               !(m->ts > 1 && is_at(c, m->ts - 1, m->sent, "by") &&
                 word_of(c, m->ts - 2, m->sent, CUE_WORK_CREDIT))) {
        /* "Aer Lingus, which the government plans to sell, said": no person is "which",
         * and of the things that are, a body is the one news names most (but "clashes in
         * South Ossetia, which" name a place, and "X, directed by Y, which also won" the
         * film X, its credit's "which") */
        m->votes[AG_ACTOR_ORG] += 2;
    }
}

/* Token t counts the name of n words after it: an article "a"/"an" (up to three words:
 * "a Golden Globe"), or a number or ordinal word before one word ("four Oscars", "the
 * second Oscar"). Not digits: "8. Ernie Els" ranks players. */
static int counted(const ctx *c, const tok *t, size_t n)
{
    if (tok_is(c->text, t, "a") || tok_is(c->text, t, "an"))
        return n <= 3;
    return n == 1 && (t->flags & AG__T_LOWER) && tok_is_any(c->text, t, ag__ner_number_words);
}

/* Token k ends a release's number after a word of versions: "version 1.5", "release 2",
 * "edition 3" (the number's dot and decimals are tokens of their own), so that "version
 * 1.5 of X" names a product as "a version of X" does. */
static int numbered_release(const ctx *c, size_t k, uint32_t sent)
{
    const tok *t = c->toks;
    size_t q = k;
    while (q > 0 && k - q < 4 && t[q].sent == sent &&
           ((t[q].flags & (AG__T_DIGIT | AG__T_WORD)) == AG__T_DIGIT ||
            ((t[q].flags & AG__T_PUNCT) && t[q].punct == '.' && q < k)))
        q--;
    return q < k && (t[q + 1].flags & AG__T_DIGIT) && t[q].sent == sent &&
           cue_word(c, &t[q], CUE_VERSION);
}

/* The name follows words that make it a vehicle or a product, not an actor: "the rocket
 * X", "aboard (the) X", "on board X", "runs on X", "ported to X", "a version of X", "the
 * maker of (the) X", "which makes the X" (pv: the token before it). After all but the
 * vehicle nouns the name ends there: "aboard a Delta flight", "a version of Intel's chip"
 * are the flight's and the chip's. Vehicle nouns count only before the name: "the Boeing
 * rocket" is the company's. */
static int product_before(const ctx *c, const cand *m, const tok *pv)
{
    const tok *t = c->toks;
    size_t k = m->ts - 1, te = m->te;
    if (!(pv->flags & AG__T_LOWER))
        return 0;
    static const char *const make[] = {"make", "makes", "made", "making", NULL};
    int article = 0;
    if (k > 0 && t[k - 1].sent == m->sent &&
        (tok_is(c->text, pv, "the") || tok_is(c->text, pv, "a") || tok_is(c->text, pv, "an")))
        pv = &t[--k], article = 1;
    const tok *p2 = k > 0 && t[k - 1].sent == m->sent ? &t[k - 1] : NULL;
    int cue;
    if (article && tok_is_any(c->text, pv, make))
        cue = 1; /* "which makes the X," (not "made X captain": a person takes no article) */
    else if (pv->e - pv->s == 2) /* "on", "to", "of": the word before them decides */
        cue = p2 && ((tok_is(c->text, pv, "on") && cue_word(c, p2, CUE_RUN)) ||
                     (tok_is(c->text, pv, "to") && cue_word(c, p2, CUE_PORT)) ||
                     (tok_is(c->text, pv, "of") &&
                      (cue_word(c, p2, CUE_VERSION) || numbered_release(c, k - 1, m->sent))));
    else if (cue_word(c, pv, CUE_VEHICLE))
        return 1;
    else
        cue = cue_word(c, pv, CUE_ABOARD) ||
              (p2 && tok_is(c->text, pv, "board") && tok_is(c->text, p2, "on"));
    /* (a weekday may follow: "aboard the X Wednesday") */
    return cue && (te >= c->ntoks || t[te].sent != m->sent || (t[te].flags & AG__T_PUNCT) ||
                   (t[te].cls & (AG_LEX_FUNCTION | AG_LEX_NONNAME)));
}

/* The word right before the name (pv) is a brand of one lower-case letter and a
 * capitalised word ("iTunes", "iPod", "eServer"): the name goes on the brand's, a
 * product's or a service's ("the iTunes Music Store", "an iPod Mini"), as no actor's
 * name is written so (not a prefix's hyphen, "pro-Kremlin United Russia", nor a space
 * lost after a word, "theTamil Tigers"). */
static int brand_before(const ctx *c, const cand *m, const tok *pv)
{
    const char *w = c->text + pv->s;
    size_t n = pv->e - pv->s;
    if (!(pv->flags & AG__T_LOWER) || (pv->flags & AG__T_PUNCT) || pv->e + 1 != c->toks[m->ts].s ||
        n < 4 || !(w[1] >= 'A' && w[1] <= 'Z'))
        return 0;
    for (size_t i = 2; i < n; i++)
        if (!((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z') ||
              (w[i] >= '0' && w[i] <= '9')))
            return 0;
    return 1;
}

/* Token k (before candidate m, in its sentence) is the possessive of an organisation,
 * its "'s" or a "whose" after it and a comma ("Nintendo, whose DS has"): the name right
 * before it is a company the lexicon knows, or one the article's mentions of it so far
 * vote an organisation ("Software firm Intuit ... Intuit's"). Only the candidates before
 * m are read, as their votes are all that is known yet. A body's people are named so
 * too, and a sports club's players and grounds ("IDC's Shiv Bakhshi", "Nintendo's
 * Shigeru Miyamoto", "Everton's Goodison Park"): so m is one word or starts with an
 * ordinary word ("Microsoft's Live Communications Server"), in no sports report; and a
 * company's possessive that goes on into its name is none ("Lowe's Cos", "Claire's
 * Stores": a legal form, an organisation's word, one ordinary word). */
static int org_possessive(const ctx *c, const cand *m, size_t k)
{
    const cand *cs = c->p->cands, *o = m - 1;
    const tok *t = c->toks;
    if (m == cs || k == 0 || o->sent != m->sent ||
        (m->te - m->ts > 1 && !(t[m->ts].cls & AG_LEX_COMMON)) || ag__ner_sports_report(c))
        return 0;
    if (m->te - m->ts == 1 && (t[m->ts].cls & AG_LEX_COMMON))
        return 0;
    if (!((t[k].flags & AG__T_POSS) && o->te == k) &&
        !((t[k].flags & AG__T_LOWER) && tok_is(c->text, &t[k], "whose") && o->te + 1 == k &&
          (t[k - 1].flags & AG__T_PUNCT) && t[k - 1].punct == ','))
        return 0;
    for (size_t q = m->ts; q < m->te; q++)
        if ((t[q].cls & AG_LEX_ORGCUE) || ag__lex_legal_form(c->text + t[q].s, t[q].e - t[q].s))
            return 0;
    if (o->lexname)
        return o->type == AG_ACTOR_ORG && !o->adjective;
    int v[5] = {0, 0, 0, 0, 0};
    size_t l = o->e - o->s;
    for (const cand *q = cs; q <= o; q++)
        if (!q->lexname && q->e - q->s == l && memcmp(c->text + q->s, c->text + o->s, l) == 0)
            for (int i = 0; i < 5; i++)
                v[i] += q->votes[i];
    return v[AG_ACTOR_ORG] > 0 && v[AG_ACTOR_ORG] > v[AG_ACTOR_PERSON] &&
           v[AG_ACTOR_ORG] > v[AG_ACTOR_PLACE] && v[AG_ACTOR_ORG] > v[AG_ACTOR_OTHER];
}

/* Token k (before candidate m) names m's owner: "its", or an organisation's possessive
 * (org_possessive). */
static int owner_at(const ctx *c, const cand *m, size_t k)
{
    const tok *t = &c->toks[k];
    return ((t->flags & AG__T_LOWER) && tok_is(c->text, t, "its")) || org_possessive(c, m, k);
}

/* The name is a thing a body owns: "its" or an organisation's possessive before it, or
 * either and one adjective ("Nintendo launched its DS", "its new Kairo console", "its
 * own Tensa chip", "Intuit's QuickBooks will be sold", "Nintendo, whose DS has"; not
 * "its former X leader"). A body's products
 * are named so; its parts and partners are named with their kind after them ("its
 * Openreach division", "its Likud partners", "Intuit's TurboTax unit") and its people
 * with a given name, which the caller leaves out, so the name must end at punctuation,
 * a function word or a product noun (pv: the token before the name). */
static int owned_thing(const ctx *c, const cand *m, const tok *pv)
{
    const tok *t = c->toks;
    size_t k = m->ts - 1, te = m->te;
    if (!owner_at(c, m, k)) {
        if (!(pv->flags & AG__T_LOWER) || k == 0 || t[k - 1].sent != m->sent ||
            !owner_at(c, m, k - 1) || tok_in(c, pv, G_ORG_BEFORE | G_ORG_NOUN | G_STAKE) ||
            (pv->cls & (AG_LEX_TITLE | AG_LEX_ORGCUE)) || tok_is(c->text, pv, "former"))
            return 0;
    }
    if (te >= c->ntoks || t[te].sent != m->sent || (t[te].flags & AG__T_PUNCT))
        return 1;
    /* (not a name that goes on: "its X and Management investment arm"; a product's kind
     * may follow in two words: "its QuickTime media player", "its FairPlay copy
     * protection", "its X music service") */
    const tok *nt = &t[te];
    if (!(nt->flags & AG__T_LOWER) || tok_is(c->text, nt, "and"))
        return 0;
    if ((nt->cls & AG_LEX_FUNCTION) || tok_in(c, nt, G_MISC_NOUN) ||
        tok_is(c->text, nt, "operating"))
        return 1;
    size_t q = te + !tok_is_any(c->text, nt, ag__ner_product_kinds);
    /* (the kind names the product, not a company of its trade: "its Cosworth engine
     * company") */
    return q < c->ntoks && t[q].sent == m->sent && (t[q].flags & AG__T_LOWER) &&
           tok_is_any(c->text, &t[q], ag__ner_product_kinds) &&
           !(q + 1 < c->ntoks && t[q + 1].sent == m->sent && (t[q + 1].flags & AG__T_LOWER) &&
             tok_in(c, &t[q + 1], G_ORG_BEFORE | G_ORG_NOUN | G_STAKE));
}

/* The name follows a company the lexicon knows, right after an article or "its": "the
 * Nintendo DS", "a Motorola Razr V3", "its Sony PSP" name the company's model, as "the
 * Boeing 747" does. The caller asks for a coined name: a body's unit is named with
 * ordinary words or an organisation word ("the UN Interim Force", "the UN Environment
 * Program", "the Intel Developer Forum"). */
static int maker_model(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t k = m->ts;
    ag_lex_actor a;
    if (k < 2 || t[k - 2].sent != m->sent || !(t[k - 1].flags & AG__T_CAP) ||
        t[k - 1].e >= t[k].s || c->text[t[k - 1].e] != ' ' || t[k - 1].e + 1 != t[k].s)
        return 0;
    const tok *det = &t[k - 2];
    if (!(det->flags & AG__T_LOWER) ||
        !(tok_is(c->text, det, "the") || tok_is(c->text, det, "a") || tok_is(c->text, det, "its")))
        return 0;
    return match_form(c->lex, c->text, t, k - 1, k, 0, &a) == 1 && a.type == AG_ACTOR_ORG &&
           !a.adjective;
}

/* The name follows a broadcaster's possessive ("Channel 4's Big Brother", "BBC One's
 * EastEnders", "ITV's Coronation Street"): a channel owns programmes; its presenters and
 * reporters have given names ("the BBC's Nick Robinson"), which the caller leaves out.
 * The broadcaster is told by the words channels are named with, up to three words
 * before the "'s". */
static int channel_owner(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t k = m->ts;
    if (k < 2 || !(t[k - 1].flags & AG__T_POSS) || t[k - 1].sent != m->sent)
        return 0;
    for (size_t q = k - 1; q-- > 0 && q + 4 >= k && t[q].sent == m->sent &&
                           (t[q].flags & (AG__T_CAP | AG__T_ALLCAPS | AG__T_DIGIT));)
        if (tok_is_any(c->text, &t[q], ag__ner_channel_words))
            return 1;
    return 0;
}

/* "Northern Glass by the band Cold Meridian", "Quiet Waters by the novelist Jane Marsh":
 * a name, no given name first, credited to its maker named by a band's or a creator's
 * noun, is the maker's work. */
static int by_creator(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    uint32_t sent = m->sent;
    size_t k = m->te;
    if ((t[m->ts].cls & AG_LEX_GIVEN) || !is_at(c, k, sent, "by"))
        return 0;
    k += 1 + is_at(c, k + 1, sent, "the");
    return k + 1 < c->ntoks && t[k + 1].sent == sent && (t[k + 1].flags & AG__T_CAP) &&
           (tok_is_any(c->text, &t[k], ag__ner_bands) ||
            tok_is_any(c->text, &t[k], ag__ner_creators));
}

/* What a film, a show or a record does, after its name: its credits ("X, starring Y",
 * "X, which stars Y", "X, directed by Y"; not "X starring in Y", where X is the star), what
 * it has ("X's cast", "X's storyline"), its star ("X star Y"), a prize ("the X for best film"), its
 * audience ("X drew 9.1 million viewers", "X was watched by"), its renewal ("X has been renewed"),
 * its takings ("X topped the box office", "X took $31m at the box office", "X took $40m in
 * its opening weekend") and its prize
 * ("X was named best film", "X won best drama"; not "X won best film for Y", the
 * director's). */
static int work_after(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    uint32_t sent = m->sent;
    size_t k = m->te;
    if (k < c->ntoks && (t[k].flags & AG__T_POSS))
        return word_of(c, k + 1, sent, CUE_WORK_PART) ? 4 : 0; /* "X's cast" */
    /* a prize: "the Bafta for best actor", "an Oscar for best film" (never a person's
     * name after an article) */
    if (m->ts > 0 && t[m->ts - 1].sent == sent &&
        (tok_is(c->text, &t[m->ts - 1], "the") || tok_is(c->text, &t[m->ts - 1], "a") ||
         tok_is(c->text, &t[m->ts - 1], "an")) &&
        is_at(c, k, sent, "for") && is_at(c, k + 1, sent, "best"))
        return 4;
    /* a show, a film, a book or a contest its star, author or winner belongs to:
     * "EastEnders star Shane Richie", "Harry Potter author JK Rowling", "Pop Idol winner
     * Will Young" (in a sports report the star and the winner are a club's) */
    if (word_of(c, k, sent, CUE_WORK_PERSON) && k + 1 < c->ntoks && t[k + 1].sent == sent &&
        (t[k + 1].flags & AG__T_CAP) && !(t[m->ts].cls & AG_LEX_GIVEN) && !ag__ner_sports_report(c))
        return 3;
    if (by_creator(c, m))
        return 4;
    if (k < c->ntoks && (t[k].flags & AG__T_PUNCT) && t[k].punct == ',') {
        k++;
        if (is_at(c, k, sent, "which")) /* "X, which stars Y" */
            k++;
    }
    if (word_of(c, k, sent, CUE_WORK_STAR))
        return k + 1 < c->ntoks && t[k + 1].sent == sent && (t[k + 1].flags & AG__T_CAP) ? 5 : 0;
    if (word_of(c, k, sent, CUE_WORK_CREDIT))
        return is_at(c, k + 1, sent, "by") ? 4 : 0;
    k = m->te;
    if (word_of(c, k, sent, CUE_WORK_DRAW)) {
        for (size_t q = k + 1; q < k + 5; q++)
            if (word_of(c, q, sent, CUE_WORK_AUDIENCE))
                return 4;
        return 0;
    }
    if ((is_at(c, k, sent, "was") || is_at(c, k, sent, "were")) &&
        is_at(c, k + 1, sent, "watched") && is_at(c, k + 2, sent, "by"))
        return 4;
    if ((is_at(c, k, sent, "has") || is_at(c, k, sent, "had") || is_at(c, k, sent, "was")) &&
        (is_at(c, k + 1, sent, "renewed") ||
         (is_at(c, k + 1, sent, "been") && is_at(c, k + 2, sent, "renewed"))))
        return 5;
    /* (after an auxiliary and an adverb too, and with verbs of arriving: "X has gone
     * straight to the top of the UK box office", "X went straight in at number one at
     * the box office") */
    static const char *const aux[] = {"has", "have", "had", NULL};
    static const char *const adverbs[] = {"straight", "again", "still", "already", NULL};
    static const char *const arrive[] = {"gone", "went", "entered", "shot", "stormed", NULL};
    size_t v = k;
    if (v < c->ntoks && t[v].sent == sent && tok_is_any(c->text, &t[v], aux))
        v++;
    if (v < c->ntoks && t[v].sent == sent && tok_is_any(c->text, &t[v], adverbs))
        v++;
    if (word_of(c, v, sent, CUE_WORK_BOX) ||
        (v < c->ntoks && t[v].sent == sent && tok_is_any(c->text, &t[v], arrive))) {
        for (size_t q = v + 1; q < v + 12 && q + 1 < c->ntoks && t[q].sent == sent; q++) {
            if (tok_is(c->text, &t[q], "box") && tok_is(c->text, &t[q + 1], "office"))
                return 4;
            /* a film's takings named by where or when it took them: "X took £7.2m in
             * UK cinemas", "X took $40m in its opening weekend" (a shop's weekend is one
             * "of trading", a band's is "their") */
            if (tok_is(c->text, &t[q], "cinemas") ||
                (tok_is(c->text, &t[q], "its") && q + 2 < c->ntoks &&
                 (tok_is(c->text, &t[q + 1], "opening") || tok_is(c->text, &t[q + 1], "first")) &&
                 is_at(c, q + 2, sent, "weekend") && !is_at(c, q + 3, sent, "of")))
                return 4;
        }
    }
    /* its sales in copies, which only a record, a book or a game has ("X sold 92,000
     * copies in its first week", "X has sold two million copies"; not the band's or the
     * publisher's copies of a work, "X have sold 300,000 copies of their debut") */
    static const char *const sell[] = {"sold", "sells", "shifted", NULL};
    if (v < c->ntoks && t[v].sent == sent && tok_is_any(c->text, &t[v], sell) &&
        !is_at(c, k, sent, "have"))
        for (size_t q = v + 1; q < v + 6 && q < c->ntoks && t[q].sent == sent; q++)
            if (tok_is(c->text, &t[q], "copies"))
                return is_at(c, q + 1, sent, "of") ? 0 : 4;
    int named = 0;
    if (is_at(c, k, sent, "was") || is_at(c, k, sent, "were") || is_at(c, k, sent, "is"))
        k++, named = word_of(c, k, sent, CUE_WORK_NAMED);
    else if (is_at(c, k, sent, "won") || is_at(c, k, sent, "wins"))
        named = 2;
    if (!named)
        return 0;
    k++;
    if (is_at(c, k, sent, "the"))
        k++;
    if (!is_at(c, k, sent, "best"))
        return 0;
    for (size_t q = k + 1; q < k + 4 && q < c->ntoks && t[q].sent == sent; q++) {
        if (!(t[q].flags & AG__T_WORD))
            return 0;
        if (named == 1 && (tok_in(c, &t[q], G_MISC_NOUN) || tok_is(c->text, &t[q], "picture")))
            return 5;
        if (named == 2 && word_of(c, q, sent, CUE_WORK_AWARD))
            return is_at(c, q + 1, sent, "for") || word_of(c, q + 1, sent, CUE_WORK_CATEGORY) ? 0
                                                                                              : 4;
    }
    return 0;
}

/* The quotation around name m closes in title case and an apposition with a work noun
 * follows: ""The Seed of the Sacred Fig", a drama by", ""Harbour Lights", the debut
 * album of". */
static int work_noun_after(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    uint32_t sent = m->sent;
    size_t q = m->te;
    while (q < c->ntoks && t[q].sent == sent && q - m->te <= 24 &&
           !((t[q].flags & AG__T_PUNCT) && (t[q].punct == '"' || t[q].punct == 0x201D))) {
        if ((t[q].flags & AG__T_WORD) && !(t[q].flags & AG__T_CAP) && !(t[q].cls & AG_LEX_FUNCTION))
            return 0;
        q++;
    }
    if (q + 3 >= c->ntoks || t[q].sent != sent || !(t[q].flags & AG__T_PUNCT) ||
        !(t[q + 1].flags & AG__T_PUNCT) || t[q + 1].punct != ',' ||
        !(tok_is(c->text, &t[q + 2], "a") || tok_is(c->text, &t[q + 2], "an") ||
          tok_is(c->text, &t[q + 2], "the") || tok_is(c->text, &t[q + 2], "his") ||
          tok_is(c->text, &t[q + 2], "her") || tok_is(c->text, &t[q + 2], "their")))
        return 0;
    for (size_t k = q + 3; k < q + 6 && k < c->ntoks && t[k].sent == sent; k++) {
        if (!(t[k].flags & AG__T_LOWER))
            return 0;
        if (tok_in(c, &t[k], G_MISC_NOUN))
            return 1;
    }
    return 0;
}

/* The name is inside a title in quotation marks after a work noun: "their debut album
 * "Whatever People Say I Am, That's What I'm Not"", "the film, "Good Night, and Good
 * Luck"". Every word from the opening mark to the name is capitalised or a function word
 * (a title in title case), so a quotation after the noun ("called the book "a gift to
 * Smith"") is speech, not a title. Only double marks open a title: a single one is as
 * often an apostrophe. */
static int in_quoted_title(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    uint32_t sent = m->sent;
    size_t q = m->ts;
    while (q-- > 0 && t[q].sent == sent && m->ts - q <= 24) {
        if (!(t[q].flags & AG__T_PUNCT)) {
            if ((t[q].flags & AG__T_WORD) && !(t[q].flags & AG__T_CAP) &&
                !(t[q].cls & AG_LEX_FUNCTION))
                return 0;
            continue;
        }
        if (t[q].punct == 0x201D)
            return 0; /* a closing mark: the name is after the quotation */
        if (t[q].punct != '"' && t[q].punct != 0x201C)
            continue; /* a comma or a colon inside the title */
        /* a straight mark opens when an even number of them came before it */
        size_t open = 0;
        for (size_t k = q; k-- > 0 && t[k].sent == sent;)
            open += (t[k].flags & AG__T_PUNCT) && t[k].punct == '"';
        if (t[q].punct == '"' && open % 2)
            return 0;
        size_t w = q;
        if (w > 0 && t[w - 1].sent == sent && (t[w - 1].flags & AG__T_PUNCT) &&
            t[w - 1].punct == ',')
            w--; /* "the film, "X"" */
        return (w > 0 && t[w - 1].sent == sent && (t[w - 1].flags & AG__T_LOWER) &&
                tok_in(c, &t[w - 1], G_MISC_NOUN)) ||
               work_noun_after(c, m);
    }
    return 0;
}

/* What is said of a film, a show or a record before its name: "starring in X", "her
 * performance in X", "an episode of X", "the sequel to X", "best actor for X" (a
 * category of "best" up to six words back, ending right before "for"), a title in
 * quotation marks after a work noun (in_quoted_title). */
static int work_before(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    uint32_t sent = m->sent;
    size_t ts = m->ts;
    if (ts < 2 || t[ts - 2].sent != sent)
        return 0;
    if (in_quoted_title(c, m))
        return 5;
    const tok *pv = &t[ts - 1];
    if (tok_is(c->text, pv, "in") &&
        (tok_is(c->text, &t[ts - 2], "role") || tok_is(c->text, &t[ts - 2], "roles"))) {
        /* "his role in Ray" (not "her role in Kessler Group", a body by its words) */
        for (size_t q = ts; q < m->te; q++)
            if ((t[q].cls & AG_LEX_ORGCUE) && (t[q].flags & AG__T_CAP))
                return 0;
        return 4;
    }
    if (tok_is(c->text, pv, "in")) {
        if (word_of(c, ts - 2, sent, CUE_WORK_IN))
            return 4;
        /* past the part its star plays, in lower case: "stars as a detective in X",
         * "starred as the vicar in X" (not "X starred as Y": a capitalised part is a
         * name) */
        for (size_t q = ts - 2; q > 0 && q + 5 > ts && t[q].sent == sent; q--) {
            if (!(t[q].flags & AG__T_LOWER))
                return 0;
            if (tok_is(c->text, &t[q], "as"))
                return q + 2 < ts && word_of(c, q - 1, sent, CUE_WORK_IN) ? 4 : 0;
        }
        return 0;
    }
    /* a programme its presenter fronts: "host of Trivia Night", "the presenter of X"
     * (not "a host of stars", many; nor "host of Ross Kemble's show", whose owner) */
    if (tok_is(c->text, pv, "of") && (t[ts - 2].flags & AG__T_LOWER) &&
        tok_is_any(c->text, &t[ts - 2], ag__ner_show_hosts))
        return (ts > 2 && t[ts - 3].sent == sent && tok_is(c->text, &t[ts - 3], "a")) ||
                       (m->te < c->ntoks && (t[m->te].flags & AG__T_POSS))
                   ? 0
                   : 4;
    if (tok_is(c->text, pv, "of") || tok_is(c->text, pv, "to"))
        return word_of(c, ts - 2, sent, CUE_WORK_OF) ? 4 : 0;
    /* what one is known for is one's work: "best known for The X-Files", "famous for
     * Cathy Come Home" (not a person's possessive: "known for Mike Leigh's films") */
    static const char *const fame[] = {"known", "famous", "remembered", "celebrated", NULL};
    if (tok_is(c->text, pv, "for") && (t[ts - 2].flags & AG__T_LOWER) &&
        tok_is_any(c->text, &t[ts - 2], fame))
        return m->te < c->ntoks && (t[m->te].flags & AG__T_POSS) ? 0 : 4;
    if (!tok_is(c->text, pv, "for") || !word_of(c, ts - 2, sent, CUE_WORK_CATEGORY))
        return 0;
    for (size_t q = ts - 2; q-- > 0 && q + 8 >= ts && t[q].sent == sent;) {
        if (!(t[q].flags & AG__T_WORD))
            return 0;
        if (tok_is(c->text, &t[q], "best"))
            return 4;
    }
    return 0;
}

int ag__ner_work_votes(const ctx *c, const cand *m) { return work_after(c, m) + work_before(c, m); }

int ag__ner_work_noun_before(const ctx *c, const cand *m)
{
    /* (not the nouns of products, standards or sports: "the series England won") */
    const tok *t = c->toks;
    size_t ts = m->ts, te = m->te;
    return ts > 0 && t[ts - 1].sent == m->sent && (t[ts - 1].flags & AG__T_LOWER) &&
           tok_is_any(c->text, &t[ts - 1], ag__ner_art_nouns) &&
           (te >= c->ntoks || t[te].sent != m->sent || !(t[te].flags & AG__T_CAP));
}

/* Does the name [ts, te) end in a word of places ("the East Coast", "the Far East"),
 * start with one before "of" ("the Gulf of Mexico"), or hold a title ("the Holy Roman Emperor
 * Charles VI")? */
int ag__ner_region_name(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    ag_lex_actor a;
    if (te - ts != 2 || !tok_is_any(c->text, &t[te - 1], ag__ner_compass_points))
        return 0;
    if (tok_is_any(c->text, &t[ts], ag__ner_region_parts))
        return 1;
    return !(t[ts].cls & AG_LEX_GIVEN) && match_form(c->lex, c->text, t, ts, ts + 1, 0, &a) == 1 &&
           a.type == AG_ACTOR_PLACE && !a.country && !ag__ner_sports_report(c);
}

static int place_words(const ctx *c, size_t ts, size_t te)
{
    const tok *t = c->toks;
    return titled_tokens(t, ts, te) || tok_in(c, &t[te - 1], G_PLACE_HEAD) ||
           ag__ner_region_name(c, ts, te) ||
           (te - ts >= 3 && tok_is(c->text, &t[ts + 1], "of") && tok_in(c, &t[ts], G_PLACE_HEAD));
}

int ag__ner_nationality_noun(const ctx *c, const tok *pv)
{
    /* (nouns of a people's one member that are no adjective: "Briton Jenson Button",
     * "Spaniard Carlos Moya"; not "Serb" nor "Croat", which stand before forces and
     * parties) */
    static const char *const members[] = {"Briton", "Spaniard", "Dane", "Swede", "Turk", NULL};
    size_t n = pv->e - pv->s;
    const char *w = c->text + pv->s;
    ag_lex_actor a;
    if (!(pv->flags & AG__T_CAP) || (pv->flags & AG__T_ALLCAPS))
        return 0;
    if (!tok_is_any(c->text, pv, members)) {
        if (n < 7 || memcmp(w + n - 3, "man", 3) != 0)
            return 0;
        size_t stem = n - (memcmp(w + n - 5, "woman", 5) == 0 ? 5 : 3);
        if (w[stem - 1] != 'h' && w[stem - 1] != 's')
            return 0; /* "German Villa": a given name, no noun of a nationality */
    }
    return match_form(c->lex, c->text, c->toks, (size_t)(pv - c->toks), (size_t)(pv - c->toks) + 1,
                      0, &a) == 1 &&
           a.adjective;
}

/* Token k is a determiner or possessive that opens its phrase: "Her label, X,", "The
 * operator, X,", "a security firm, X,"; not after "of" ("the leader of the group,
 * X,"). */
static int owner_first(const ctx *c, size_t k)
{
    static const char *const owners[] = {"the",   "The",   "its", "Its", "her", "Her", "his", "His",
                                         "their", "Their", "a",   "A",   "an",  "An",  NULL};
    const tok *t = c->toks;
    if (k > 0 && t[k - 1].sent == t[k].sent &&
        (tok_is(c->text, &t[k], "own") || tok_is(c->text, &t[k], "new")))
        k--; /* "set up his own party, Veritas,", "its new label, X," */
    if (t[k].flags & AG__T_POSS)
        return 1; /* "the party's wing, X," */
    return tok_is_any(c->text, &t[k], owners) &&
           !(k > 0 && t[k - 1].sent == t[k].sent && tok_is(c->text, &t[k - 1], "of"));
}

/* The noun at token k opens its phrase with a determiner or an owner, at most two
 * modifiers between ("its label", "the party's youth wing", "a Danish security firm",
 * "the Cambridge chip designer"); no modifier is a function word or punctuation. */
static int owner_before_noun(const ctx *c, size_t k, uint32_t sent)
{
    const tok *t = c->toks;
    for (size_t q = k; q-- > 0 && t[q].sent == sent;) {
        if (owner_first(c, q))
            return 1;
        if (k - q == 3 || (t[q].flags & AG__T_PUNCT) || (t[q].cls & AG_LEX_FUNCTION))
            return 0;
    }
    return 0;
}

/* The name follows "of" after a person's name, titled or with a given name first:
 * "Analyst Peter Haskins of Morningstar", "economist Joel Naroff of Tarvin Bank", "Anna
 * Berg of Norvane", "analyst Safa Rashtchy, of Piper Jaffray," name the person's employer
 * (1); after the title of a post over a place the name is the place ("Mayor Tom Bradley of
 * Springvale": 2). 0 otherwise. */
static int person_of(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    uint32_t sent = m->sent;
    size_t k = m->ts - 1;
    if (k < 2 || !tok_is(c->text, &t[k], "of"))
        return 0;
    if (k >= 3 && (t[k - 1].flags & AG__T_PUNCT) && t[k - 1].punct == ',' && t[k - 1].sent == sent)
        k--; /* the employer in apposition: "X, of Y," */
    if (t[k - 1].sent != sent || !(t[k - 1].flags & AG__T_CAP) || (t[k - 1].flags & AG__T_ALLCAPS))
        return 0;
    size_t r = k - 1; /* the run of capitalised words before "of": [r, k) */
    while (r > 0 && t[r - 1].sent == sent && (t[r - 1].flags & AG__T_CAP) &&
           !(t[r - 1].flags & AG__T_PUNCT))
        r--;
    const tok *title = NULL;
    if (r + 1 < k && (t[r].cls & AG_LEX_TITLE))
        title = &t[r]; /* "Analyst Peter Haskins" */
    else if (r > 0 && t[r - 1].sent == sent && (t[r - 1].flags & AG__T_LOWER) &&
             (t[r - 1].cls & AG_LEX_TITLE))
        title = &t[r - 1]; /* "economist Joel Naroff" */
    if (title) {
        char low[AG__LEX_MAXKEY];
        size_t n = title->e - title->s;
        if (n >= sizeof low)
            return 1;
        low[ag__lex_lower(c->text + title->s, n, low)] = '\0';
        for (const char *const *w = ag__ner_place_titles; *w; w++)
            if (strcmp(*w, low) == 0)
                return 2;
        return 1;
    }
    return r + 2 <= k && (t[r].cls & AG_LEX_GIVEN) && !(t[k - 1].cls & AG_LEX_GIVEN);
}

/* Token k is people of a trade in the plural ("analysts", "economists", "engineers"):
 * the plural of a title or role word, or a noun of staff. "Analysts at X" work at a body,
 * where "in X" or "at X" alone would say a place. One of them is named so too: "an
 * analyst at X", "chief economist at X", "a computer security expert at X" (the trades
 * that work for a firm, a bank or a university; not a minister or a coach, who are "at"
 * a residence or a ground as often). */
static int staff_at(ctx *c, size_t k)
{
    /* (auditors, accountants and bankers work for firms as analysts do) */
    const tok *t = &c->toks[k];
    size_t n = t->e - t->s;
    char low[AG__LEX_MAXKEY];
    if (!(t->flags & (AG__T_LOWER | AG__T_FIRST)) || (t->flags & AG__T_ALLCAPS) || n < 5 ||
        n >= AG__LEX_MAXKEY)
        return 0;
    if (c->text[t->e - 1] != 's')
        return (t->flags & AG__T_LOWER) && tok_is_any(c->text, t, ag__ner_staff_trades);
    ag__lex_lower(c->text + t->s, n, low); /* "Analysts at X" starts many a sentence */
    if (list_has(ag__ner_staff_plurals, low, n) ||
        list_has(ag__ner_staff_trades, low, n - 1)) /* "dealers at X" */
        return 1;
    return (word_class_raw(c->p, c->lex, low, n - 1) & AG_LEX_TITLE) != 0;
}

/* The name is another language's form of the name before the brackets it opens: "The
 * Rio Parana Basin Commission (Spanish: Comisión de la Cuenca del Río Paraná, CCRP)". The
 * actor is named already; the translation is no second one. */
static int translation(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t k = m->ts;
    ag_lex_actor lang;
    return k >= 3 && t[k - 3].sent == m->sent && (t[k - 1].flags & AG__T_PUNCT) &&
           t[k - 1].punct == ':' && (t[k - 3].flags & AG__T_PUNCT) && t[k - 3].punct == '(' &&
           match_form(c->lex, c->text, t, k - 2, k - 1, 0, &lang) == 1 && lang.adjective;
}

/* "show" or "programme" before the name is a noun naming a programme when a kind of
 * show or a determiner stands before it ("the talent show X", "ITV's chat show X", "his
 * programme X"), not the verb of "figures show X" or "polls show X" (pv: the token
 * before the name). */
static inline __attribute__((always_inline)) int show_before(const ctx *c, const cand *m,
                                                             const tok *pv)
{
    const tok *t = c->toks;
    size_t k = m->ts - 1, te = m->te;
    /* In apposition too, the title between commas or ending the sentence: "a new quiz
     * show, Last Orders,"; after a kind of show only, not a determiner ("the show, X,
     * said" may name its host). Always inline: most names ask it of a word that is no
     * show's, which the first flags tell. */
    int apposed = 0;
    if (pv->flags & AG__T_PUNCT) {
        if (pv->punct != ',' || k < 2 || t[k - 1].sent != m->sent ||
            !(te >= c->ntoks || t[te].sent != m->sent || (t[te].flags & AG__T_PUNCT)))
            return 0;
        pv = &t[--k];
        apposed = 1;
    }
    return (pv->flags & AG__T_LOWER) &&
           (tok_is(c->text, pv, "show") || tok_is(c->text, pv, "programme")) && k > 0 &&
           t[k - 1].sent == m->sent && (t[k - 1].flags & AG__T_LOWER) &&
           !(apposed && (t[k - 1].cls & AG_LEX_FUNCTION)) &&
           tok_is_any(c->text, &t[k - 1], ag__ner_show_kinds);
}

int ag__ner_show_before(const ctx *c, const cand *m)
{
    return m->ts > 1 && c->toks[m->ts - 1].sent == m->sent &&
           show_before(c, m, &c->toks[m->ts - 1]);
}

/* "game" or "games" before the name follows a kind of computer game: "the racing game
 * X", "the video game X", "the strategy games X and Y" name games. Not "game" alone,
 * which is a match's: "the game Sharapova won". The games trade calls a game a title
 * too ("its racing title X", "the online titles X and Y"), outside sports reports,
 * where a driver races for a title. */
static int game_before(const ctx *c, const cand *m)
{
    /* (not a sport's: "the football game Auburn won" is a match) */
    const tok *t = c->toks;
    size_t k = m->ts - 1;
    if (k == 0 || t[k - 1].sent != m->sent || !(t[k].flags & AG__T_LOWER) ||
        !tok_is_any(c->text, &t[k - 1], ag__ner_game_kinds))
        return 0;
    if (tok_is(c->text, &t[k], "game") || tok_is(c->text, &t[k], "games"))
        return 1;
    return (tok_is(c->text, &t[k], "title") || tok_is(c->text, &t[k], "titles")) &&
           !ag__ner_sports_report(c);
}

/* The work noun at token k names a department after "of", the post's portfolio, not a
 * work: "the BBC's head of drama, X", "its head of drama series, X", "controller of
 * comedy, X" (at most two more lower-case words between). */
static int department_of(const ctx *c, size_t k, uint32_t sent)
{
    const tok *t = c->toks;
    for (size_t q = k; q-- > 0 && q + 3 >= k && t[q].sent == sent && (t[q].flags & AG__T_LOWER);)
        if (tok_is(c->text, &t[q], "of"))
            return 1;
    return 0;
}

/* Candidate m is shaped as a person's name: two or three words in title case, with no
 * organisation word, acronym or "of" ("Aoife Brennan"; not "ITV", "Sky News"). */
static int person_shaped(const ctx *c, const cand *m, const name_words *w)
{
    const tok *t = c->toks;
    if (m->te - m->ts < 2 || m->te - m->ts > 3 || w->hascue || w->acronym || w->hasof)
        return 0;
    for (size_t k = m->ts; k < m->te; k++)
        if ((t[k].flags & (AG__T_ALLCAPS | AG__T_DIGIT)) || !(t[k].flags & AG__T_CAP) ||
            (t[k].cls & AG_LEX_COMMON))
            return 0;
    return 1;
}

/* The name is in a list of examples of a kind of organisation: "rivals such as X, Y and
 * Z", "firms including X and Y", "carriers like X". Walks back over the list's names,
 * commas and "and" to "such as", "including" or "like", and the plural noun before it. */
static int example_of_kind(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t k = m->ts;
    while (k > 0 && t[k - 1].sent == m->sent && k + 12 > m->ts &&
           ((t[k - 1].flags & AG__T_CAP) || tok_is(c->text, &t[k - 1], "and") ||
            ((t[k - 1].flags & AG__T_PUNCT) && t[k - 1].punct == ',')))
        k--;
    if (k < 2 || t[k - 1].sent != m->sent)
        return 0;
    size_t n;
    /* (k > 2: "such as" opening the document has no noun before it, and t[k - 3] would
     * be before the array) */
    if (k > 2 && tok_is(c->text, &t[k - 1], "as") && tok_is(c->text, &t[k - 2], "such"))
        n = k - 3;
    else if (tok_is(c->text, &t[k - 1], "including") || tok_is(c->text, &t[k - 1], "like"))
        n = k - 2;
    else
        return 0;
    /* (the plural noun may open the sentence: "Rivals such as X", "Airlines like X") */
    const tok *kind = &t[n];
    if (n >= k || kind->sent != m->sent || c->text[kind->e - 1] != 's')
        return 0;
    if (kind->flags & AG__T_LOWER)
        return tok_in(c, kind, G_ORG_BEFORE) || tok_is(c->text, kind, "rivals");
    return (kind->flags & AG__T_FIRST) && (tok_is_any(c->text, kind, ag__ner_trade_nouns) ||
                                           tok_is_any(c->text, kind, ag__ner_kind_openers));
}

/* Candidate m, ordinary words, follows a post's title and "for the": it is the post's
 * portfolio, no actor ("Secretary of State for the Colonies", "Minister for the
 * Environment", "Commissioner for the Arts"). The title's words are capitalised, "of"
 * between them ("Secretary of State"), up to four tokens back. */
static int portfolio_of_post(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t ts = m->ts;
    if (ts < 3 || t[ts - 2].sent != m->sent || !tok_is(c->text, &t[ts - 1], "the") ||
        !tok_is(c->text, &t[ts - 2], "for"))
        return 0;
    for (size_t k = ts - 3, n = 0; n < 4 && t[k].sent == m->sent; k--, n++) {
        if ((t[k].flags & AG__T_CAP) && (t[k].cls & AG_LEX_TITLE))
            return 1;
        if (!(t[k].flags & AG__T_CAP) && !tok_is(c->text, &t[k], "of"))
            return 0;
        if (k == 0)
            break;
    }
    return 0;
}

/* Candidate m follows "to form" in a sentence of a merger: "merged with X to form Y",
 * "will combine to form Y". What two companies form is a company. */
static int merger_forms(const ctx *c, const cand *m, const char *const *mergers)
{
    const tok *t = c->toks;
    size_t ts = m->ts;
    if (ts < 3 || t[ts - 2].sent != m->sent || !tok_is(c->text, &t[ts - 1], "form") ||
        !tok_is(c->text, &t[ts - 2], "to"))
        return 0;
    for (size_t k = ts - 2; k-- > 0 && t[k].sent == m->sent;)
        if ((t[k].flags & AG__T_LOWER) &&
            (tok_is_any(c->text, &t[k], mergers) || tok_is(c->text, &t[k], "combine") ||
             tok_is(c->text, &t[k], "combined")))
            return 1;
    return 0;
}

/* Candidate m follows "joined" and what follows says when or from where the subject
 * joined it: "joined Sampdoria in 1994", "rejoined X from Y", "joined X on loan". One
 * joins a body so; a person is joined in doing a thing ("joined Smith in calling for"). */
static int joined_body(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t ts = m->ts, te = m->te;
    if (!tok_is_any(c->text, &t[ts - 1], ag__ner_join_words) || te + 1 >= c->ntoks ||
        t[te + 1].sent != m->sent || !(t[te].flags & AG__T_LOWER))
        return 0;
    const tok *a = &t[te], *b = &t[te + 1];
    if (tok_is(c->text, a, "in"))
        return (b->flags & (AG__T_DIGIT | AG__T_WORD)) == AG__T_DIGIT && b->e - b->s == 4;
    if (tok_is(c->text, a, "from"))
        return (b->flags & AG__T_CAP) != 0;
    /* (not "as": "X joined Y as the captain's picks" names two players) */
    return tok_is(c->text, a, "on") && tok_is(c->text, b, "loan");
}

/* Candidate m names the other party of a business deal or a publisher: after "by" and a
 * verb of publishing or buying ("published by Picador", "distributed by X", "acquired
 * by X", "bought by X", "taken over by X"), a pollster ("a poll by X", "a survey by
 * X"), or after "to" and a verb of selling at most
 * five words before in the clause ("sold to X", "agreed to sell its rail unit to X"), or
 * right after "signed to" (a record label: "the band are signed to X"). A company or
 * a club takes these: a person who buys or publishes is named with a given name, which the caller
 * asks for. */
static int deal_party(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t ts = m->ts;
    /* (not a name cut before a capitalised word: "to Hong Kong-based X") */
    if (ts < 2 || t[ts - 2].sent != m->sent || !(t[ts - 2].flags & AG__T_LOWER) ||
        (m->te < c->ntoks && t[m->te].sent == m->sent && (t[m->te].flags & AG__T_CAP)))
        return 0;
    if (tok_is(c->text, &t[ts - 1], "by"))
        return tok_is_any(c->text, &t[ts - 2], ag__ner_publish_words) ||
               tok_is_any(c->text, &t[ts - 2], ag__ner_buy_words) ||
               tok_is_any(c->text, &t[ts - 2], ag__ner_poll_words) ||
               (tok_is(c->text, &t[ts - 2], "over") && ts > 2 &&
                tok_is(c->text, &t[ts - 3], "taken"));
    if (!tok_is(c->text, &t[ts - 1], "to"))
        return 0;
    /* an act's record label: "the band are signed to X", "who is signed to X" (right
     * before "to": "signed a deal to star in X" is no label) */
    if (tok_is(c->text, &t[ts - 2], "signed"))
        return 1;
    for (size_t k = ts - 1; k-- > 0 && ts - 1 - k <= 5 && t[k].sent == m->sent;) {
        if (t[k].flags & AG__T_PUNCT)
            return 0; /* (what was sold may be named: "selling its Irish stores to X") */
        if (tok_is_any(c->text, &t[k], ag__ner_sell_words))
            return 1;
    }
    return 0;
}

/* A name at token k of sentence sent follows people of a trade and "at" (staff_at):
 * "analysts at X", "an analyst at X". */
static int staffed_at(ctx *c, size_t k, uint32_t sent)
{
    const tok *t = c->toks;
    return k > 1 && t[k - 2].sent == sent && tok_is(c->text, &t[k - 1], "at") && staff_at(c, k - 2);
}

/* Votes from the words right before the name, in its sentence (ts > 0). */
/* The name opens with no given name and ends in an industry's cue word ("Corvane
 * Semiconductor", "Harlow Systems"): a company's, whatever role is written before it. */
static int industry_named(const ctx *c, const cand *m, const name_words *w)
{
    const tok *l = &c->toks[m->te - 1];
    return !w->given && m->te - m->ts >= 2 && (l->cls & AG_LEX_ORGCUE) && (l->flags & AG__T_CAP) &&
           list_has_ci(ag__ner_industries, c->text + l->s, l->e - l->s);
}

/* A work of the name's follows its possessive, after one modifier at most: "in
 * Greyfield's new thriller", "in Tom Reed's film": a preposition before goes with the
 * work, and the name owns it, no place. */
static int owned_work(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t k = m->te;
    if (k + 1 >= c->ntoks || !(t[k].flags & AG__T_POSS))
        return 0;
    for (size_t q = k + 1; q <= k + 2 && q < c->ntoks && t[q].sent == m->sent; q++) {
        if (!(t[q].flags & AG__T_LOWER))
            return 0;
        if (tok_is_any(c->text, &t[q], ag__ner_art_nouns))
            return 1;
    }
    return 0;
}

/* Candidate m, after an article, closes an apposition to a noun of a work or a product
 * before the comma: "a new disc format, the Orrin Media Disc,", "their new album, the
 * Long Road,": the name is that work or product, as without the article ("their debut
 * album, X,"). The caller asks for ts > 2. */
static int article_apposition(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t ts = m->ts, te = m->te;
    const tok *pv = &t[ts - 1], *cm = &t[ts - 2], *noun = &t[ts - 3];
    if (!(cm->flags & AG__T_PUNCT) || cm->punct != ',' || noun->sent != m->sent ||
        !(noun->flags & AG__T_LOWER) ||
        !(tok_is(c->text, pv, "the") || tok_is(c->text, pv, "a") || tok_is(c->text, pv, "an")))
        return 0;
    if (te < c->ntoks && t[te].sent == m->sent && !(t[te].flags & AG__T_PUNCT))
        return 0;
    return (tok_in(c, noun, G_MISC_NOUN) || tok_is_any(c->text, noun, ag__ner_work_titles)) &&
           !department_of(c, ts - 3, m->sent);
}

static void vote_before(ctx *c, cand *m, int titled, const name_words *w)
{
    /* Parts of an organisation that are one in apposition ("the party's youth wing, X,"),
     * though no noun before a name ("England wing Jason Robinson" is a player), nor in a
     * sports report ("Wales' wing, X,") */
    const tok *t = c->toks;
    size_t ts = m->ts, te = m->te;
    int hascue = w->hascue, given = w->given;
    const tok *pv = &t[ts - 1];
    int loc_before = ts > 1 && t[ts - 2].sent == m->sent &&
                     (tok_in(c, &t[ts - 2], G_LOC_PREP) || tok_is(c->text, &t[ts - 2], "from") ||
                      tok_is(c->text, &t[ts - 2], "to"));
    /* (the head of a department named by an ordinary word is no company's: "head of
     * Marketing") */
    /* Companies merge: "merging with Sandoz", "its merger with X", "a tie-up with X", and
     * what they form so is one: "merged with X to form Y". */
    int stake =
        ts > 1 && t[ts - 2].sent == m->sent && (t[ts - 2].flags & (AG__T_LOWER | AG__T_FIRST)) &&
        (((tok_is(c->text, pv, "in") || tok_is(c->text, pv, "of")) &&
          tok_in(c, &t[ts - 2], G_STAKE) &&
          !(te - ts == 1 && (t[ts].cls & AG_LEX_COMMON) && tok_is(c->text, &t[ts - 2], "head"))) ||
         (tok_is(c->text, pv, "with") && tok_is_any(c->text, &t[ts - 2], ag__ner_merger_words)) ||
         merger_forms(c, m, ag__ner_merger_words));
    /* (an article may open the title inside the marks: ""The Da Vinci Code" opens") */
    const tok *qo = (tok_is(c->text, pv, "The") || tok_is(c->text, pv, "A")) && ts > 1 &&
                            t[ts - 2].sent == m->sent
                        ? &t[ts - 2]
                        : pv;
    int quoted = (qo->flags & AG__T_PUNCT) && is_quote(qo->punct) && te < c->ntoks &&
                 (t[te].flags & AG__T_PUNCT) && is_quote(t[te].punct);
    /* "the city of Arbil", "the capital of the Pomeranian Voivodeship" */
    size_t of = ts > 2 && tok_is(c->text, pv, "the") ? ts - 2 : ts - 1;
    int place_of = of > 0 && t[of - 1].sent == m->sent && tok_is(c->text, &t[of], "of") &&
                   (t[of - 1].flags & AG__T_LOWER) && tok_in(c, &t[of - 1], G_PLACE_NOUN);
    int of_person;
    if (stake)
        m->votes[AG_ACTOR_ORG] += 4; /* "shares in Sony", "chief executive of BP", "merger
                                      * with Sandoz" */
    else if (translation(c, m))
        m->votes[AG_ACTOR_OTHER] += 5; /* "(Spanish: Comisión del Río Paraná, CCRP)" */
    else if (!titled && !given && (of_person = person_of(c, m)) != 0)
        /* "Analyst Peter Haskins of Morningstar", "Mayor Tom Bradley of Springvale" */
        m->votes[of_person == 1 ? AG_ACTOR_ORG : AG_ACTOR_PLACE] += 3;
    else if (place_of)
        m->votes[AG_ACTOR_PLACE] += 3; /* "the city of Arbil", "the province of Kunar" */
    else if (quoted && !titled)
        m->votes[AG_ACTOR_OTHER] += 3; /* a title in quotes: a work */
    else if ((pv->flags & AG__T_LOWER) && tok_is_any(c->text, pv, ag__ner_bands) &&
             !(te + 1 < c->ntoks && tok_is(c->text, &t[te], "and") &&
               (t[te + 1].flags & AG__T_CAP)))
        m->votes[AG_ACTOR_ORG] += 5; /* "the Glasgow band X", named like a person or not;
                                      * not "the duo X and Y", its members */
    else if (((pv->flags & AG__T_LOWER) && tok_in(c, pv, G_ORG_BEFORE) &&
              !(tok_is_any(c->text, pv, ag__ner_person_nouns) && person_shaped(c, m, w))) ||
             ((pv->flags & AG__T_FIRST) && tok_is_any(c->text, pv, ag__ner_trade_nouns)))
        m->votes[AG_ACTOR_ORG] += 3; /* "software maker X"; "Chipmaker X to buy"; not
                                      * "broadcaster Aoife Brennan", a trade of persons
                                      * too, before a name shaped as theirs are */
    else if (!titled && w->allcommon && portfolio_of_post(c, m))
        m->votes[AG_ACTOR_OTHER] += 5; /* "Secretary of State for the Colonies" */
    else if (!titled && !given && joined_body(c, m))
        m->votes[AG_ACTOR_ORG] += 3; /* "joined Sampdoria in 1994" */
    else if (!titled && !given && deal_party(c, m))
        m->votes[AG_ACTOR_ORG] += 3; /* "published by Picador", "acquired by X", "sold its
                                      * unit to X": a publisher, a buyer (not "Dr X", nor a
                                      * name with a given name first) */
    else if (!titled && !given && example_of_kind(c, m))
        m->votes[AG_ACTOR_ORG] += 3; /* "rivals such as Bulldog, Tiscali and X" */
    else if ((pv->flags & AG__T_LOWER) && tok_in(c, pv, G_MISC_NOUN) && !titled)
        m->votes[AG_ACTOR_OTHER] += 5; /* "the film Troy", "his painting The Siege of X" */
    else if (!titled && ts > 1 && tok_is(c->text, pv, "for") && t[ts - 2].sent == m->sent &&
             (t[ts - 2].flags & AG__T_LOWER) &&
             tok_is_any(c->text, &t[ts - 2], ag__ner_shortlisted) &&
             !(te < c->ntoks && (t[te].flags & AG__T_POSS)))
        m->votes[AG_ACTOR_OTHER] += 5; /* "shortlisted for Arthur & George", "nominated for
                                        * Ray": the work a nominee is named for (a prize
                                        * takes "the"; not "nominated for Glasgow's seat") */
    else if (!titled && !given && show_before(c, m, pv))
        m->votes[AG_ACTOR_OTHER] += 5; /* "the talent show X", "the chat show X" */
    else if (!titled && !given && game_before(c, m))
        m->votes[AG_ACTOR_OTHER] += 5; /* "the racing game X" */
    else if (!titled && ts > 1 && tok_is(c->text, pv, "for") && t[ts - 2].sent == m->sent &&
             (t[ts - 2].flags & AG__T_CAP) && tok_in(c, &t[ts - 2], G_MISC_HEAD))
        m->votes[AG_ACTOR_OTHER] += 3; /* "the Grammy Award for Best Rock Album": the prize */
    else if (!titled && !given && plays_for(c, ts, m->sent) && ag__ner_sports_report(c) &&
             !(te < c->ntoks && (t[te].flags & AG__T_POSS)))
        m->votes[AG_ACTOR_ORG] += 3; /* "took five wickets for Surrey", "signed for Bristol";
                                      * not "scored for Unai Emery's side", its manager */
    else if (!titled && (pv->flags & AG__T_PUNCT) && pv->punct == ',' && ts > 1 &&
             t[ts - 2].sent == m->sent && (t[ts - 2].flags & AG__T_LOWER) &&
             (tok_in(c, &t[ts - 2], G_MISC_NOUN) ||
              tok_is_any(c->text, &t[ts - 2], ag__ner_work_titles) ||
              tok_is(c->text, &t[ts - 2], "record")) &&
             (te >= c->ntoks || t[te].sent != m->sent || (t[te].flags & AG__T_PUNCT)) &&
             !department_of(c, ts - 2, m->sent))
        m->votes[AG_ACTOR_OTHER] += 3; /* "their debut album, Lantern Season,", "their
                                        * second record, X,", "their debut, X." (not "the
                                        * X standard, Harbour News reported": a subject) */
    else if (!titled && ts > 2 && article_apposition(c, m))
        m->votes[AG_ACTOR_OTHER] += 3; /* "a new disc format, the Orrin Media Disc," */
    else if (!titled && (pv->flags & AG__T_PUNCT) && pv->punct == ',' && ts > 1 &&
             t[ts - 2].sent == m->sent && (t[ts - 2].flags & AG__T_LOWER) &&
             title_ends_at(c, ts - 2, m->sent) &&
             !tok_is_any(c->text, &t[ts - 2], ag__ner_org_parts) && te < c->ntoks &&
             t[te].sent == m->sent && (t[te].flags & AG__T_PUNCT) && t[te].punct == ',')
        m->votes[AG_ACTOR_PERSON] += 3; /* "Armenia's foreign minister, Ararat Mirzoyan,
                                         * said", "Sharman's chief executive, Nikki
                                         * Hemming, said": a role's holder in apposition */
    else if (!titled && (pv->flags & AG__T_PUNCT) && pv->punct == ',' && ts > 2 &&
             t[ts - 3].sent == m->sent && (t[ts - 2].flags & AG__T_LOWER) &&
             (tok_in(c, &t[ts - 2], G_ORG_BEFORE) ||
              (tok_is_any(c->text, &t[ts - 2], ag__ner_org_parts) && !ag__ner_sports_report(c))) &&
             te < c->ntoks && (t[te].flags & AG__T_PUNCT) &&
             ((t[te].punct == ',' && t[te].sent == m->sent) || t[te].punct == '.') &&
             owner_before_noun(c, ts - 2, m->sent))
        m->votes[AG_ACTOR_ORG] += 3; /* "Her label, Polydor, said", "for their label,
                                      * Polydor.", "the party's youth wing, X," (one
                                      * modifier may come first; not "the
                                      * leader of the group, X,": X leads it) */
    else if (ag__ner_nationality_noun(c, pv))
        m->votes[AG_ACTOR_PERSON] += 3; /* "Frenchman Olivier Mutis beat the top seed" */
    else if (!titled && !given && product_before(c, m, pv))
        m->votes[AG_ACTOR_OTHER] += 3; /* "aboard SpaceShipOne", "runs on Linux" */
    else if (!titled && !given && brand_before(c, m, pv))
        m->votes[AG_ACTOR_OTHER] += 4; /* "the iTunes Music Store", "an iPod Mini" */
    else if (!titled && !given && owned_thing(c, m, pv))
        m->votes[AG_ACTOR_OTHER] += 3; /* "Nintendo launched its DS" */
    else if (!titled && !given && !hascue && !w->allcommon && maker_model(c, m))
        m->votes[AG_ACTOR_OTHER] += 4; /* "the Nintendo DS", "a Motorola Razr" */
    else if (!titled && !given && !hascue && channel_owner(c, m))
        m->votes[AG_ACTOR_OTHER] += 3; /* "Channel 4's Big Brother", "ITV's X" */
    else if (staffed_at(c, ts, m->sent) && !place_words(c, ts, te))
        m->votes[AG_ACTOR_ORG] += 3; /* "analysts at Davy Stockbrokers said", "an analyst
                                      * at Panmure Gordon" (not "workers at Gatwick
                                      * Airport") */
    else if (!given && !titled && tok_is(c->text, pv, "and") && m > c->p->cands &&
             (m - 1)->te + 1 == ts && staffed_at(c, (m - 1)->ts, m->sent) &&
             !place_words(c, ts, te))
        m->votes[AG_ACTOR_ORG] += 3; /* "analysts at Danske Bank and Nordea said" */
    else if (!titled && tok_is(c->text, pv, "the") && ts > 1 && t[ts - 2].sent == m->sent &&
             (tok_is(c->text, &t[ts - 2], "awarded") || tok_is(c->text, &t[ts - 2], "won") ||
              (ts > 2 && t[ts - 3].sent == m->sent && tok_is(c->text, &t[ts - 2], "for") &&
               tok_is_any(c->text, &t[ts - 3], ag__ner_vie_for))))
        m->votes[AG_ACTOR_OTHER] += 4; /* "was awarded the Iron Cross", "won the Derby",
                                        * "compete for the Golden Bear": a prize or a
                                        * contest */
    else if (tok_is(c->text, pv, "the") && loc_before && !hascue)
        m->votes[AG_ACTOR_PLACE] += 2; /* "at the Auberge de Castille" */
    else if (tok_is(c->text, pv, "The") && (pv->flags & AG__T_FIRST) && te - ts == 1 &&
             plural_shaped(c->text, &t[ts]) && !titled)
        m->votes[AG_ACTOR_ORG] += 2; /* "The Greens said": a plural opening a sentence too
                                      * (not "The Express", "The Genesis") */
    else if (tok_is(c->text, pv, "the"))
        /* "the Braves", "the Democrats": a capitalised plural after "the" is a group; so
         * is a name of several words heading its phrase after "the", unless it starts
         * with a given name ("against the Regia Marina.", "the Free Voters and"; not "the
         * Bush administration", where "the" goes with the noun, nor a name whose own
         * words make it a place or no actor: "the East Coast", "the World Cup") */
        m->votes[AG_ACTOR_ORG] +=
            (te - ts == 1 && c->text[t[ts].e - 1] == 's' && !(t[ts].flags & AG__T_ALLCAPS)) ||
                    (te - ts >= 2 && !given && !titled && !m->votes[AG_ACTOR_OTHER] &&
                     !place_words(c, ts, te) &&
                     (te >= c->ntoks || t[te].sent != m->sent || (t[te].flags & AG__T_PUNCT) ||
                      (t[te].cls & AG_LEX_FUNCTION)))
                ? 2
                : 1;
    else if (tok_in(c, pv, G_LOC_PREP) && !owned_work(c, m))
        m->votes[AG_ACTOR_PLACE] += given ? 1 : 2;
    else if ((pv->flags & AG__T_LOWER) && (pv->cls & AG_LEX_TITLE) &&
             !tok_is(c->text, pv, "major") && !industry_named(c, m, w))
        m->votes[AG_ACTOR_PERSON] += 3; /* (a rank is capitalised: "oil major X" is no
                                         * officer's name, "Major X" is; a role before a
                                         * company named by its industry is its trade:
                                         * "the chip designer Corvane Semiconductor") */
    else if (!w->allcommon && tok_is(c->text, pv, "of") && ts > 1 && t[ts - 2].sent == m->sent &&
             (t[ts - 2].flags & AG__T_LOWER) && tok_is_any(c->text, &t[ts - 2], ag__ner_person_of))
        m->votes[AG_ACTOR_PERSON] += 2; /* "the life of X", "the death of X" */
    else if (!titled && counted(c, pv, te - ts) &&
             (te >= c->ntoks || t[te].sent != m->sent || (t[te].flags & AG__T_PUNCT) ||
              (t[te].cls & AG_LEX_FUNCTION)))
        m->votes[AG_ACTOR_OTHER] += 4; /* "won an Oscar for", "four Oscars,", "the second
                                        * Oscar of": things of a kind; "a BBC reporter" is
                                        * the reporter's article */
}

/* The name heads a list of examples after a plural noun of a kind: "charities
 * including Oxfam and WaterAid", "labels such as X", "films including X". */
static void vote_kind(ctx *c, cand *m)
{
    const tok *t = c->toks;
    size_t k = m->ts;
    uint32_t sent = m->sent;
    if (k >= 3 && is_at(c, k - 1, sent, "as") && is_at(c, k - 2, sent, "such"))
        k -= 1; /* the kind is before "such", as before "including" */
    else if (!(k >= 2 && is_at(c, k - 1, sent, "including")))
        return;
    const tok *kind = &t[k - 2];
    /* (plurals of works the work nouns lack: "five top ten hits including X", "games
     * such as X"; and those a sentence may open with) */
    if (kind->sent != sent)
        return;
    if (kind->flags & AG__T_LOWER) {
        if (tok_is_any(c->text, kind, ag__ner_org_kinds))
            m->votes[AG_ACTOR_ORG] += 3;
        else if (tok_in(c, kind, G_MISC_NOUN) || tok_is_any(c->text, kind, ag__ner_work_plurals))
            m->votes[AG_ACTOR_OTHER] += 3;
        return;
    }
    /* A sentence opens with the kind too: "Charities including Shelter", "Titles such as
     * X". */
    if ((kind->flags & (AG__T_FIRST | AG__T_ALLCAPS)) != AG__T_FIRST)
        return;
    const char *w = c->text + kind->s;
    size_t n = kind->e - kind->s;
    for (const char *const *o = ag__ner_org_kinds; *o; o++)
        if (list_word_is_ci(*o, w, n)) {
            m->votes[AG_ACTOR_ORG] += 3;
            return;
        }
    for (const char *const *o = ag__ner_work_plurals; *o; o++)
        if (list_word_is_ci(*o, w, n)) {
            m->votes[AG_ACTOR_OTHER] += 3;
            return;
        }
}

/* The name is an acronym in brackets right after the lower-case words it abbreviates:
 * "the retail prices index (RPI)", "consumer price inflation (CPI)", "an initial public
 * offering (IPO)". A body's name is capitalised; words in lower case are a measure, a
 * figure or a deal, and their acronym is no actor. */
static int term_acronym(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    size_t ts = m->ts, n = t[ts].e - t[ts].s;
    if (m->te != ts + 1 || ts < n + 1 || m->te >= c->ntoks || !(t[ts].flags & AG__T_ALLCAPS) ||
        n < 2 || n > 6 || !(t[ts - 1].flags & AG__T_PUNCT) || t[ts - 1].punct != '(' ||
        !(t[m->te].flags & AG__T_PUNCT) || t[m->te].punct != ')')
        return 0;
    const char *a = c->text + t[ts].s;
    for (size_t i = 0; i < n; i++) {
        const tok *w = &t[ts - 1 - n + i];
        if (w->sent != m->sent || !(w->flags & AG__T_LOWER) || (w->flags & AG__T_HYPHEN) ||
            (c->text[w->s] | 32) != (a[i] | 32))
            return 0;
    }
    return 1;
}

/* A year right after the name names an edition of an event: "Glastonbury 2005", "Expo
 * 2010", "the T in the Park 2004 festival". (Known names are not asked: "Athens 2004",
 * "Windows 2000" have their own entries or types.) */
static int edition_year(const ctx *c, const cand *m)
{
    if (m->te >= c->ntoks)
        return 0;
    const tok *y = &c->toks[m->te];
    const char *s = c->text + y->s;
    return y->sent == m->sent && y->s == c->toks[m->te - 1].e + 1 && c->text[y->s - 1] == ' ' &&
           (y->flags & (AG__T_DIGIT | AG__T_WORD)) == AG__T_DIGIT && y->e - y->s == 4 &&
           ((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0'));
}

/* Token k, capitalised in mid-sentence outside a title-case line, is a pronoun, an
 * auxiliary, "to", "no" or "this" (ag__ner_title_markers), which a title writes
 * capitalised and a body's name does not ("Doctors Without Borders" keeps its
 * prepositions). */
static int title_marker(const ctx *c, size_t k)
{
    const tok *t = c->toks;
    return (t[k].flags & AG__T_CAP) && !(t[k].flags & (AG__T_FIRST | AG__T_ALLCAPS)) &&
           !c->p->capsent[t[k].sent] && tok_is_any(c->text, &t[k], ag__ner_title_markers);
}

/* The name is (part of) a work's title in title case: a title marker inside it ("Lonely
 * No More", "Napster To Go"), or right before it after another capitalised word ("To Go"
 * after "Napster"). */
static int titlecase_work(const ctx *c, const cand *m)
{
    const tok *t = c->toks;
    for (size_t k = m->ts + 1; k < m->te; k++)
        if (title_marker(c, k))
            return 1;
    size_t k = m->ts;
    return k >= 2 && t[k - 1].sent == m->sent && t[k - 2].sent == m->sent &&
           title_marker(c, k - 1) && (t[k - 2].flags & AG__T_CAP) &&
           !(t[k - 2].flags & AG__T_PUNCT);
}

/* The one word of candidate m is an adjective of a people or a region the lexicon does
 * not know: a suffix of such adjectives (-ian, -ean, -ese, -ish), an article before it
 * and a lower-case word after ("off the Galician coast", "an Ossetian village", "the
 * Andean nations"). A name takes no article ("the Andes", but "Galicia"); an
 * organisation's noun, a player's role or a verb of saying after it ("the Guardian
 * newspaper", "the Hibernian manager", "the Guardian said") keeps it a name. */
static int region_adjective(const ctx *c, const cand *m)
{
    static const char *const article[] = {"the", "The", "a", "A", "an", "An", NULL};
    const tok *t = c->toks;
    size_t ts = m->ts, te = m->te, n = t[ts].e - t[ts].s;
    if (te != ts + 1 || n < 5 || ts == 0 || te >= c->ntoks || t[ts - 1].sent != m->sent ||
        t[te].sent != m->sent || !(t[te].flags & AG__T_LOWER) || (t[te].cls & AG_LEX_FUNCTION) ||
        (t[ts].flags & (AG__T_ALLCAPS | AG__T_HYPHEN)))
        return 0;
    const char *e = c->text + t[ts].e;
    for (const char *q = c->text + t[ts].s + 1; q < e; q++)
        if (*q >= 'A' && *q <= 'Z')
            return 0; /* "a McLean software company": a name's inner capital */
    if (memcmp(e - 3, "ian", 3) != 0 && memcmp(e - 3, "ean", 3) != 0 &&
        memcmp(e - 3, "ese", 3) != 0 && memcmp(e - 3, "ish", 3) != 0)
        return 0;
    return tok_is_any(c->text, &t[ts - 1], article) && !word_of(c, te, m->sent, CUE_ROLE) &&
           !tok_in(c, &t[te], G_ORG_NOUN | G_SAY);
}

/* The name, after an article, is where a violent event or a disaster happened: "the
 * Beslan school siege", "the Taba bombings", "the Srebrenica massacre", "the Bam
 * earthquake" (one modifier may come between). Not an attack, a crash or a killing,
 * which companies and persons suffer too ("the Microsoft attack", "the X killing"). */
static int event_place(const ctx *c, const cand *m)
{
    static const char *const events[] = {
        "siege",     "massacre",   "bombing", "bombings",   "blast",    "blasts",
        "explosion", "explosions", "quake",   "earthquake", "floods",   "flooding",
        "riots",     "uprising",   "tragedy", "shootings",  "stampede", NULL};
    const tok *t = c->toks;
    size_t k = m->te;
    if (m->ts == 0 || !(is_at(c, m->ts - 1, m->sent, "the") || is_at(c, m->ts - 1, m->sent, "The")))
        return 0;
    for (int skip = 0; skip < 2 && k < c->ntoks && t[k].sent == m->sent; skip++, k++) {
        if (!(t[k].flags & AG__T_LOWER) || (t[k].cls & AG_LEX_FUNCTION))
            return 0;
        if (tok_is_any(c->text, &t[k], events))
            return 1;
    }
    return 0;
}

void ag__ner_vote_unknown(ctx *c, cand *m, int titled)
{
    const tok *t = c->toks;
    size_t ts = m->ts, te = m->te;
    name_words w;
    read_words(c, m, &w);
    vote_own_words(c, m, titled, &w);
    /* (strong enough for the article's few later mentions, each an acronym: "the RPI") */
    if (w.acronym && term_acronym(c, m))
        m->votes[AG_ACTOR_OTHER] += 8;
    if (!titled && titlecase_work(c, m))
        m->votes[AG_ACTOR_OTHER] += 6; /* "Lonely No More by Rob Thomas" */
    /* Context. */
    if (te < c->ntoks && t[te].sent == m->sent)
        vote_after(c, m, &w);
    if (ts > 0 && t[ts - 1].sent == m->sent)
        vote_before(c, m, titled, &w);
    if (!titled && region_adjective(c, m))
        m->votes[AG_ACTOR_OTHER] += 6;
    else if (!titled && !w.given && event_place(c, m))
        m->votes[AG_ACTOR_PLACE] += 5; /* (over the modifier's kind: "the X school siege") */
    /* (a work has no title before it: "Dr X, starring in Y", "Mr X was named best ...") */
    if (!titled && !m->role) {
        m->votes[AG_ACTOR_OTHER] += work_after(c, m) + work_before(c, m);
        vote_kind(c, m);
        if (!w.given && edition_year(c, m))
            m->votes[AG_ACTOR_OTHER] += 5;
    }
}
