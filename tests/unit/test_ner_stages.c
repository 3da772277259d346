/* Unit tests for the recogniser's stages (libcore/nlp/ner_stage_internal.h), each run on
 * its own: tokens, candidate spans, typing evidence, in-article resolution. The sentences
 * are invented for these tests; names the lexicon knows are marked as such. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <actorgraph/nlp/ner.h>

#include "nlp/ner_stage_internal.h"

static ag_lexicon *lex;
static ag_mentions ms;
static ag_sentence *sents;
static size_t nsents;
static const ag_ner_opts opts = AG_NER_OPTS_INIT;
static ctx cx; /* the stages' view of the document last given to tokens() */

static int setup(void **state)
{
    (void)state;
    ag_error err;
    ag_error_clear(&err);
    lex = ag_lexicon_new(1, &err);
    ag_mentions_init(&ms);
    return lex ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    free(sents);
    ag_mentions_destroy(&ms);
    ag_lexicon_free(lex);
    return 0;
}

/* Stage 1 on text: the scratch holds its tokens, and cx sees them. */
static struct ag__ner_scratch *tokens(const char *text)
{
    ag_error err;
    ag_error_clear(&err);
    free(sents);
    sents = NULL;
    assert_int_equal(ag_text_sentences(text, strlen(text), &sents, &nsents, &err), 0);
    assert_int_equal(ag__ner_scratch_ready(&ms, lex, nsents), 0);
    struct ag__ner_scratch *p = ms.priv;
    assert_int_equal(ag__ner_tokenise_document(p, lex, text, strlen(text), sents, nsents), 0);
    assert_true(p->toks_kept);
    cx = (ctx){lex, &opts, text, strlen(text), p, p->toks, p->ntoks, 0};
    return p;
}

/* Stages 1 and 2 (with the typing evidence of stage 3, which spans ask for). */
static struct ag__ner_scratch *spans(const char *text)
{
    struct ag__ner_scratch *p = tokens(text);
    assert_int_equal(ag__ner_find_dateline(&cx), 0);
    assert_int_equal(ag__ner_spans(&cx, 0, cx.ntoks), cx.ntoks);
    assert_int_equal(ag__ner_finish_cands(&cx, 0), 0);
    return p;
}

/* Stages 1 to 4, up to the mentions' output. */
static struct ag__ner_scratch *resolved(const char *text)
{
    struct ag__ner_scratch *p = spans(text);
    ag__ner_sports_teams(&cx);
    assert_int_equal(ag__ner_resolve(&cx), 0);
    return p;
}

/* The token whose text is w (the k-th such, 0-based); fails the test when there is none. */
static size_t tok_at(const char *w, int k)
{
    size_t l = strlen(w);
    for (size_t i = 0; i < cx.ntoks; i++)
        if (cx.toks[i].e - cx.toks[i].s == l && memcmp(cx.text + cx.toks[i].s, w, l) == 0 &&
            k-- == 0)
            return i;
    fail_msg("no token \"%s\"", w);
    return 0;
}

static int has_tok(const char *w)
{
    size_t l = strlen(w);
    for (size_t i = 0; i < cx.ntoks; i++)
        if (cx.toks[i].e - cx.toks[i].s == l && memcmp(cx.text + cx.toks[i].s, w, l) == 0)
            return 1;
    return 0;
}

/* The candidate whose text is surface (the k-th such, in creation order), or NULL. */
static const cand *cand_at(const char *surface, int k)
{
    size_t l = strlen(surface);
    for (size_t i = 0; i < cx.p->ncands; i++) {
        const cand *m = &cx.p->cands[i];
        if (m->e - m->s == l && memcmp(cx.text + m->s, surface, l) == 0 && k-- == 0)
            return m;
    }
    return NULL;
}

/* The display text of the name candidate m resolved to. */
static const char *name_of(const cand *m)
{
    assert_true(m->name >= 0);
    return cx.p->names[m->name].text;
}

/* The typing evidence stage 3 gives the unknown name w (one token, its first occurrence)
 * in the document last tokenised, on its own: a fresh candidate, no title. */
static cand votes_for(const char *w)
{
    size_t k = tok_at(w, 0);
    cand m;
    memset(&m, 0, sizeof m);
    m.s = cx.toks[k].s;
    m.e = cx.toks[k].e;
    m.ts = (uint32_t)k;
    m.te = (uint32_t)k + 1;
    m.sent = cx.toks[k].sent;
    m.name = -1;
    m.type = AG_ACTOR_OTHER;
    ag__ner_vote_unknown(&cx, &m, 0);
    return m;
}

/* ---------------------------------------------------------------- stage 1: tokens */

static void test_ner_stages__tokens_possessives(void **state)
{
    (void)state;
    tokens("Britain's envoy met Okafor 's aide.");
    size_t k = tok_at("Britain", 0);
    assert_true(cx.toks[k].flags & AG__T_CAP);
    assert_true(cx.toks[k].flags & AG__T_FIRST);
    assert_int_equal(cx.toks[k + 1].flags, AG__T_POSS); /* "'s", its own token */
    assert_int_equal(cx.toks[k + 1].e - cx.toks[k + 1].s, 2);
    k = tok_at("Okafor", 0);
    assert_int_equal(cx.toks[k + 1].flags, AG__T_POSS); /* CoNLL's detached " 's" */
    assert_false(cx.toks[tok_at("envoy", 0)].flags & AG__T_FIRST);
    /* An apostrophe inside a word is part of it. */
    tokens("O'Brien left.");
    assert_true(has_tok("O'Brien"));
}

/* tok_is_any answers as a walk of its list would: its lengths table rejects a token by
 * its first byte and length only when no word of the list has both. */
static void test_ner_stages__tokens_in_word_lists(void **state)
{
    (void)state;
    static const char *const verbs[] = {"beat", "Beat", "defeated", "edged", NULL};
    static const char *const longs[] = {"Pneumonoultramicroscopicsilicovolcanoconiosis", "b", NULL};
    tokens("Leeds beat Derby and Beats edged past beatniks, defeated by "
           "Pneumonoultramicroscopicsilicovolcanoconiosis b.");
    for (int round = 0; round < 2; round++) { /* the table filled, then asked */
        assert_true(tok_is_any(cx.text, &cx.toks[tok_at("beat", 0)], verbs));
        assert_true(tok_is_any(cx.text, &cx.toks[tok_at("edged", 0)], verbs));
        assert_true(tok_is_any(cx.text, &cx.toks[tok_at("defeated", 0)], verbs));
        assert_false(tok_is_any(cx.text, &cx.toks[tok_at("Beats", 0)], verbs));
        assert_false(tok_is_any(cx.text, &cx.toks[tok_at("beatniks", 0)], verbs));
        assert_false(tok_is_any(cx.text, &cx.toks[tok_at("Derby", 0)], verbs));
        assert_false(tok_is_any(cx.text, &cx.toks[tok_at("by", 0)], verbs));
        /* Words of 32 bytes or more are walked, not looked up in the table. */
        assert_true(tok_is_any(
            cx.text, &cx.toks[tok_at("Pneumonoultramicroscopicsilicovolcanoconiosis", 0)], longs));
        assert_true(tok_is_any(cx.text, &cx.toks[tok_at("b", 0)], longs));
        assert_false(tok_is_any(cx.text, &cx.toks[tok_at("by", 0)], longs));
    }
}

static void test_ner_stages__tokens_dotted_abbreviations(void **state)
{
    (void)state;
    tokens("Officials of the U.S. met J. Odeh and Mr. Lind in St. Louis at 5.30 pm.");
    size_t k = tok_at("U.S.", 0);
    assert_true(cx.toks[k].flags & AG__T_DOTTED);
    assert_true(cx.toks[k].flags & AG__T_ALLCAPS);
    assert_true(cx.toks[tok_at("J.", 0)].flags & AG__T_DOTTED);
    /* A title word keeps its period, marked as an abbreviation, and has its class. */
    k = tok_at("Mr.", 0);
    assert_true(cx.toks[k].flags & AG__T_ABBR);
    assert_true(cx.toks[k].cls & AG_LEX_TITLE);
    assert_true(cx.toks[tok_at("St.", 0)].flags & AG__T_ABBR); /* "St." before a name */
    assert_false(cx.toks[tok_at("Lind", 0)].flags & AG__T_ABBR);
    assert_true(has_tok("5.30") == 0); /* digits and periods are no dotted abbreviation */
    assert_true(cx.toks[tok_at("5", 0)].flags & AG__T_DIGIT);
}

static void test_ner_stages__tokens_markup_skipped(void **state)
{
    (void)state;
    tokens("<A HREF=\"http://x.example/\">Vantrix</A> shares <b>rose</b> 3 < 4.");
    assert_false(has_tok("A"));
    assert_false(has_tok("HREF"));
    assert_false(has_tok("b"));
    size_t k = tok_at("Vantrix", 0);
    assert_int_equal(k, 0);
    assert_true(cx.toks[k].flags & AG__T_FIRST);
    assert_true(has_tok("rose"));
    assert_true(has_tok("<")); /* a lone "<" is punctuation, not markup */
}

static void test_ner_stages__tokens_headlines(void **state)
{
    (void)state;
    struct ag__ner_scratch *p =
        tokens("RIVERTON MILLS OWNER SUES MARLOWE\nThe owner of Riverton Mills said so.\n");
    assert_int_equal(nsents, 2);
    assert_int_equal(p->capsent[0], 1); /* ALL-CAPS */
    assert_int_equal(p->capsent[1], 0);
    assert_int_equal(p->anycapsent, 1);
    p = tokens("Riverton Mills Owner Plans New Factory Near Town\n\n"
               "The owner of Riverton Mills said he would build a factory.\n");
    assert_int_equal(p->capsent[0], 2); /* title case: a line of its own, ordinary words */
    assert_int_equal(p->capsent[1], 0);
    assert_int_equal(p->anycapsent, 0);
    /* Prose capitalising its names only is no headline. */
    p = tokens("Hugo Marlowe of Riverton Mills met Lena Brandt in Oslo on Friday.\n");
    assert_int_equal(p->capsent[0], 0);
}

static void test_ner_stages__tokens_capitalisation_evidence(void **state)
{
    (void)state;
    tokens("Boatmen rowed home. Later the Boatmen sang. Senior aides left.");
    /* "Boatmen" is written capitalised in mid-sentence too; "Senior" only first. */
    assert_int_equal(ag__ner_attested(&cx, tok_at("Boatmen", 0)), 1);
    assert_int_equal(ag__ner_attested(&cx, tok_at("Senior", 0)), 0);
}

/* ---------------------------------------------------------------- stage 2: spans */

static void test_ner_stages__spans_titles_stripped(void **state)
{
    (void)state;
    spans("Officials said Mr Straw met them.");
    const cand *m = cand_at("Straw", 0);
    assert_non_null(m);
    assert_string_equal(m->role, "Mr"); /* an honorific, though "straw" is a word */
    assert_int_equal(m->type, AG_ACTOR_OTHER);
    assert_true(m->votes[AG_ACTOR_PERSON] >= 4);
    assert_null(cand_at("Mr Straw", 0));
    /* A country before a title is its own mention; the title is the role. */
    spans("Officials said US Special Envoy Lorna Vestby arrived.");
    m = cand_at("US", 0);
    assert_non_null(m);
    assert_int_equal(m->type, AG_ACTOR_COUNTRY);
    m = cand_at("Lorna Vestby", 0);
    assert_non_null(m);
    assert_string_equal(m->role, "Special Envoy");
}

static void test_ner_stages__spans_title_inside_a_run(void **state)
{
    (void)state;
    /* "Labour" is a lexicon form: the title after it starts the person's name. */
    spans("Officials said Labour MP George Galloway spoke.");
    const cand *m = cand_at("George Galloway", 0);
    assert_non_null(m);
    assert_string_equal(m->role, "MP");
    m = cand_at("Labour", 0);
    assert_non_null(m);
    assert_string_equal(m->lexname, "Labour Party");
    assert_null(cand_at("Labour MP George Galloway", 0));
    /* Unknown words before the title name what the person belongs to. */
    spans("Officials said Vantrix Chairman Hugo Marlowe resigned.");
    m = cand_at("Hugo Marlowe", 0);
    assert_non_null(m);
    assert_string_equal(m->role, "Chairman");
    m = cand_at("Vantrix", 0);
    assert_non_null(m);
    assert_true(m->votes[AG_ACTOR_ORG] >= 3);
}

static void test_ner_stages__spans_org_branch(void **state)
{
    (void)state;
    spans("Passengers of Air France waited. Staff at Veltrix UK left.");
    const cand *m = cand_at("Air France", 0);
    assert_non_null(m);
    assert_int_equal(m->type, AG_ACTOR_OTHER); /* an unknown name, not the country */
    assert_true(m->votes[AG_ACTOR_ORG] > m->votes[AG_ACTOR_PERSON]);
    assert_null(cand_at("France", 0));
    assert_non_null(cand_at("Veltrix UK", 0));
    assert_null(cand_at("UK", 0));
    /* At the start of a sentence too ("Air France and Lufthansa"), but a sentence
     * adverb is no part of a name ("Yesterday France said"). */
    spans("Air France cut flights.");
    assert_non_null(cand_at("Air France", 0));
    spans("Yesterday France cut flights.");
    assert_null(cand_at("Yesterday France", 0));
    m = cand_at("France", 0);
    assert_non_null(m);
    assert_int_equal(m->type, AG_ACTOR_COUNTRY);
}

static void test_ner_stages__spans_datelines_and_teams(void **state)
{
    (void)state;
    spans("NAIROBI - Officials met.\nLeeds 2 Chelsea 1\n");
    const cand *m = cand_at("NAIROBI", 0);
    assert_non_null(m);
    assert_int_equal(m->dateline, 1);
    m = cand_at("Leeds", 0);
    assert_non_null(m);
    assert_int_equal(m->team, 1); /* before a score */
}

/* ---------------------------------------------------------------- stage 3: evidence */

static void test_ner_stages__evidence_stake(void **state)
{
    (void)state;
    tokens("Investors bought shares in Vantrix on Monday.");
    cand m = votes_for("Vantrix");
    assert_int_equal(m.votes[AG_ACTOR_ORG], 4); /* "shares in X" */
    assert_int_equal(m.votes[AG_ACTOR_PERSON], 0);
    assert_int_equal(m.votes[AG_ACTOR_OTHER], 0);
}

static void test_ner_stages__evidence_works(void **state)
{
    (void)state;
    tokens("Critics panned the film Zorvath last year.");
    cand m = votes_for("Zorvath");
    assert_int_equal(m.votes[AG_ACTOR_OTHER], 5); /* "the film X": a work */
    assert_int_equal(m.votes[AG_ACTOR_ORG], 0);
    assert_int_equal(m.votes[AG_ACTOR_PERSON], 0);
    tokens("Fans bought the Zorvath console.");
    m = votes_for("Zorvath");
    assert_int_equal(m.votes[AG_ACTOR_OTHER], 2); /* "the X console": a product */
}

static void test_ner_stages__evidence_said_he(void **state)
{
    (void)state;
    tokens("Kellam said he would resign.");
    cand m = votes_for("Kellam");
    assert_int_equal(m.votes[AG_ACTOR_PERSON], 3); /* "X said" 1, "said he" 2 */
    assert_int_equal(m.votes[AG_ACTOR_ORG], 0);
    tokens("Kellam said it would resign.");
    m = votes_for("Kellam");
    assert_int_equal(m.votes[AG_ACTOR_PERSON], 1);
    /* A place preposition before: "in X". */
    tokens("Officials met in Kellam yesterday.");
    m = votes_for("Kellam");
    assert_int_equal(m.votes[AG_ACTOR_PLACE], 2);
}

/* The votes for type ty that stage 3 gives the unknown name w in text. */
static int vote_in(const char *text, const char *w, ag_actor_type ty)
{
    tokens(text);
    return votes_for(w).votes[ty];
}

/* Token w (its first occurrence) of text is a version number. */
static int version_in(const char *text, const char *w)
{
    tokens(text);
    size_t k = tok_at(w, 0);
    return ag__ner_version_number(&cx, k, cx.toks[k].sent);
}

static void test_ner_stages__evidence_versions(void **state)
{
    (void)state;
    const char *game = "Gamers queued for Zarkon 2 for the new console.";
    assert_int_equal(vote_in(game, "Zarkon", AG_ACTOR_OTHER), 3); /* a version: a product */
    assert_true(version_in(game, "2"));
    assert_int_equal(
        vote_in("The bank upgraded to Corvane 3.0 last year.", "Corvane", AG_ACTOR_OTHER), 3);
    /* A score, a quantity: no version. */
    assert_false(version_in("Results: Kestrel 2 Dunmore 1.", "2"));
    const char *mine = "The mine is in Moengo 56 miles east of the capital.";
    assert_false(version_in(mine, "56"));
    assert_int_equal(vote_in(mine, "Moengo", AG_ACTOR_OTHER), 0);
}

static void test_ner_stages__evidence_its(void **state)
{
    (void)state;
    /* the subject's own "its" */
    assert_int_equal(vote_in("Vantrix used improper accounting to smooth its earnings.", "Vantrix",
                             AG_ACTOR_ORG),
                     2);
    /* Another noun phrase owns it; not the subject of the clause. */
    assert_int_equal(
        vote_in("Vantrix urged the committee to finish its work.", "Vantrix", AG_ACTOR_ORG), 0);
    assert_int_equal(
        vote_in("The airforce under Vantrix began its campaign.", "Vantrix", AG_ACTOR_ORG), 0);
    /* What only a company has, after its possessive. */
    assert_int_equal(vote_in("Analysts watched Vantrix's top executives.", "Vantrix", AG_ACTOR_ORG),
                     2);
}

static void test_ner_stages__evidence_entertainment(void **state)
{
    (void)state;
    const ag_actor_type W = AG_ACTOR_OTHER, O = AG_ACTOR_ORG;
    /* What a film or a show does, and what is said of a part in it. */
    assert_int_equal(vote_in("Critics loved Zorvath, starring Ann Lee, at Cannes.", "Zorvath", W),
                     5);
    assert_int_equal(vote_in("Zorvath drew 9 million viewers on Saturday.", "Zorvath", W), 4);
    assert_int_equal(vote_in("Zorvath has been renewed for a second series.", "Zorvath", W), 5);
    assert_int_equal(vote_in("Zorvath topped the box office at the weekend.", "Zorvath", W), 4);
    assert_int_equal(vote_in("Zorvath won best drama at the ceremony.", "Zorvath", W), 4);
    assert_int_equal(vote_in("Ann Lee won best actor for Zorvath.", "Zorvath", W), 4);
    assert_int_equal(vote_in("Zorvath star Ann Lee quit the show.", "Zorvath", W), 3);
    /* The star, the director, the winner of the prize is no work. */
    assert_int_equal(vote_in("Zorvath, starring in the film, said so.", "Zorvath", W), 0);
    assert_int_equal(vote_in("Zorvath won best film for Ann Lee.", "Zorvath", W), 0);
    assert_int_equal(vote_in("Zorvath drew a large audience.", "Zorvath", W), 0);
    /* A band, and one of a kind of organisation. */
    assert_int_equal(vote_in("Fans queued for the band Zorvath.", "Zorvath", O), 5);
    assert_int_equal(vote_in("Fans met the duo Zorvath and Ann Lee.", "Zorvath", O), 0);
    assert_int_equal(vote_in("Zorvath singer Ann Lee said so.", "Zorvath", O), 3);
    assert_int_equal(vote_in("Zorvath's lead singer Ann Lee said so.", "Zorvath", O), 3);
    assert_int_equal(vote_in("Donors gave to charities including Zorvath.", "Zorvath", O), 3);
}

/* ---------------------------------------------------------------- stage 4: resolution */

static void test_ner_stages__resolve_party_and_short_form(void **state)
{
    (void)state;
    resolved("The Verdant Party said on Monday that it would fight. Later Verdant won.");
    const cand *a = cand_at("Verdant Party", 0), *b = cand_at("Verdant", 0);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a->type, AG_ACTOR_ORG);
    assert_int_equal(b->type, AG_ACTOR_ORG);
    assert_int_equal(a->name, b->name); /* "X Party" and "X" are one */
    assert_string_equal(name_of(b), "Verdant Party");
    /* Names of several words too (no first-word match here: only "X Party" joins them). */
    resolved("The Verdant Hope Party said it would fight. Voters read the Verdant Hope manifesto.");
    a = cand_at("Verdant Hope Party", 0);
    b = cand_at("Verdant Hope", 0);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(b->type, AG_ACTOR_ORG);
    assert_string_equal(name_of(b), "Verdant Hope Party");
    /* The lexicon's "Labour Party" and its short form agree too. */
    resolved("The Labour Party met. Officials said Labour would win.");
    a = cand_at("Labour Party", 0);
    b = cand_at("Labour", 0);
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(a->lexname, "Labour Party");
    assert_string_equal(b->lexname, "Labour Party");
}

static void test_ner_stages__resolve_head_word(void **state)
{
    (void)state;
    resolved("The Harlow Commission met. Later the Commission said no.");
    const cand *a = cand_at("Harlow Commission", 0), *b = cand_at("Commission", 0);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a->name, b->name);
    assert_string_equal(name_of(b), "Harlow Commission");
    /* The head word of a gazetteer organisation becomes it. */
    resolved("The European Commission met. Later the Commission said no.");
    b = cand_at("Commission", 0);
    assert_non_null(b);
    assert_string_equal(b->lexname, "European Commission");
    assert_int_equal(b->type, AG_ACTOR_ORG);
    assert_int_equal(b->name, -1);
}

static void test_ner_stages__resolve_surname_first(void **state)
{
    (void)state;
    /* "Hu" is no given name: the first word of "Hu Jintao" is the family name. */
    resolved("President Hu Jintao arrived. Hu said the talks went well.");
    const cand *a = cand_at("Hu Jintao", 0), *b = cand_at("Hu", 0);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a->type, AG_ACTOR_PERSON);
    assert_int_equal(b->type, AG_ACTOR_PERSON);
    assert_int_equal(a->name, b->name);
    /* So also when the short form comes first. */
    resolved("Officials said Hu would visit. Hu Jintao arrived.");
    assert_string_equal(name_of(cand_at("Hu", 0)), "Hu Jintao");
}

static void test_ner_stages__resolve_misc(void **state)
{
    (void)state;
    resolved("Fans watched the World Cup in Berlin.");
    const cand *m = cand_at("World Cup", 0);
    assert_non_null(m);
    assert_int_equal(m->misc, 1); /* an event: reported, never an actor */
    assert_int_equal(m->drop, 0);
    m = cand_at("Berlin", 0);
    assert_non_null(m);
    assert_int_equal(m->misc, 0);
}

static void test_ner_stages__resolve_partial_names(void **state)
{
    (void)state;
    resolved("Rebel commander Omar Tahir Nasser spoke. President Ilyas Tahir answered. "
             "Tahir, who won the vote, left early.");
    const cand *m = cand_at("Tahir", 0);
    assert_non_null(m);
    assert_string_equal(name_of(m), "Ilyas Tahir"); /* the nearest preceding full name */
    assert_int_equal(m->type, AG_ACTOR_PERSON);
}

/* A table's rows are one kind of thing: the club names of a league table are teams
 * (organisations) even when one alone would read as a person's name; a golf leader
 * board's rows are players. */
static void test_ner_stages__resolve_table_rows(void **state)
{
    (void)state;
    resolved("League table:\nTeam P W D L Pts\nArsenal 25 15 6 4 51\n"
             "Aston Villa 25 10 5 10 35\nKilbride Rovers 25 9 6 10 33\n");
    const cand *m = cand_at("Aston Villa", 0);
    assert_non_null(m);
    assert_true(m->row);
    assert_int_equal(m->type, AG_ACTOR_ORG);
    assert_null(cand_at("P W D L Pts", 0));
    resolved("Leaders:\nTiger Woods 68 70\nErnie Els 69 70\nRetief Goosen 70 70\n");
    m = cand_at("Retief Goosen", 0);
    assert_non_null(m);
    assert_true(m->row);
    assert_int_equal(m->type, AG_ACTOR_PERSON);
    /* a number after a name in prose is no table */
    resolved("Hamid Karzai won 55 percent in 2004.\n");
    m = cand_at("Hamid Karzai", 0);
    assert_non_null(m);
    assert_false(m->row);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ner_stages__tokens_possessives),
        cmocka_unit_test(test_ner_stages__tokens_in_word_lists),
        cmocka_unit_test(test_ner_stages__tokens_dotted_abbreviations),
        cmocka_unit_test(test_ner_stages__tokens_markup_skipped),
        cmocka_unit_test(test_ner_stages__tokens_headlines),
        cmocka_unit_test(test_ner_stages__tokens_capitalisation_evidence),
        cmocka_unit_test(test_ner_stages__spans_titles_stripped),
        cmocka_unit_test(test_ner_stages__spans_title_inside_a_run),
        cmocka_unit_test(test_ner_stages__spans_org_branch),
        cmocka_unit_test(test_ner_stages__spans_datelines_and_teams),
        cmocka_unit_test(test_ner_stages__evidence_stake),
        cmocka_unit_test(test_ner_stages__evidence_works),
        cmocka_unit_test(test_ner_stages__evidence_said_he),
        cmocka_unit_test(test_ner_stages__evidence_versions),
        cmocka_unit_test(test_ner_stages__evidence_its),
        cmocka_unit_test(test_ner_stages__evidence_entertainment),
        cmocka_unit_test(test_ner_stages__resolve_party_and_short_form),
        cmocka_unit_test(test_ner_stages__resolve_head_word),
        cmocka_unit_test(test_ner_stages__resolve_surname_first),
        cmocka_unit_test(test_ner_stages__resolve_misc),
        cmocka_unit_test(test_ner_stages__resolve_partial_names),
        cmocka_unit_test(test_ner_stages__resolve_table_rows),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
