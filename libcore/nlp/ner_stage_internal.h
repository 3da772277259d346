/*
 * ner_stage_internal.h - the recogniser's stages and what they share. Never installed;
 * included by libcore/nlp/ner*.c and by the unit tests of the stages only.
 *
 * The recogniser reads one document in four stages, one file each, every stage reading
 * what the one before it left in the scratch (struct ag__ner_scratch):
 *   ner_tokens.c    text -> tokens (toks), ALL-CAPS and title-case headlines (capsent),
 *                   and which words the document writes capitalised in mid-sentence;
 *   ner_spans.c     tokens -> candidate mentions (cands): runs of capitalised words cut
 *                   into gazetteer forms and unknown names, titles stripped into roles,
 *                   datelines, the token context the later passes need;
 *   ner_evidence.c  typing evidence for one unknown name: votes per type from its words
 *                   and the words around it;
 *   ner_resolve.c   in-article resolution: the unknown names of the document (names), one
 *                   type per name, variants, acronyms, partial names, organisations
 *                   written several ways, teams, capitals as governments.
 * ner_words.c holds the word lists the stages consult (grammar, not knowledge), and
 * ner.c the public entry points that run the stages in order and write the mentions.
 *
 * Ownership: everything here lives in the scratch of one ag_mentions (its priv), made
 * by ag__ner_scratch_ready and freed by ag_mentions_destroy. Strings of candidates and
 * names are arena pointers, valid until the next document. Only the lexicon (read-only)
 * is shared, so any number of threads may run the stages on their own ag_mentions.
 *
 * The short type names (tok, cand, dname, ctx, ...) are the recogniser's private
 * shorthand: this header is included by nothing outside the recogniser and its tests.
 */
#ifndef AG_NER_STAGE_INTERNAL_H
#define AG_NER_STAGE_INTERNAL_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <actorgraph/nlp/lexicon.h>
#include <actorgraph/nlp/ner.h>
#include <actorgraph/nlp/text.h>

#include "nlp/lexicon_internal.h"
#include "nlp/ner_internal.h"
#include "util/arena_internal.h"
#include "util/hashmap_internal.h"

/* ---------------------------------------------------------------- scratch types */

typedef ag__tok tok;

/* A mention under construction. Strings are arena pointers. Kept small (every candidate
 * is made zeroed, and sorting moves them): token indices fit 32 bits (a document of more
 * than TOKEN_LIMIT tokens is processed in windows), votes are a few points each. */
typedef struct cand {
    size_t s, e;         /* byte span */
    uint32_t ts, te;     /* token range [ts, te) */
    uint32_t sent;       /* sentence index */
    int32_t name;        /* index into the document's name table, or -1 */
    const char *lexname; /* canonical name from the lexicon, or NULL */
    const char *country; /* country from the lexicon, or NULL */
    const char *role;    /* stripped title, or NULL */
    ag_actor_type type;  /* fixed type (gazetteer) or AG_ACTOR_OTHER while unknown */
    /* Token facts saved by finish_cands while the tokens are still in the window: */
    uint32_t tcls0;         /* lexicon class of its first word */
    uint32_t tflags0;       /* T_* flags of its first word */
    uint16_t ntok;          /* words in the mention (spans are short) */
    int16_t votes[5];       /* cue votes per ag_actor_type */
    uint8_t capital;        /* a national capital (from the lexicon) */
    uint8_t adjective;      /* adjective/demonym form */
    uint8_t metonym;        /* capital standing for its government; 2 marks a team for
                             * sports_teams */
    uint8_t ownp;           /* person votes its own words gave (a given name first, the
                             * shape of a personal name): counted once per name */
    uint8_t defined;        /* 1 + the type a definition gives the name ("X were an English
                             * rock band"), or 0 */
    unsigned dateline : 1;  /* dateline place */
    unsigned caps : 1;      /* found in an ALL-CAPS sentence: needs attestation */
    unsigned drop : 1;      /* removed during resolution */
    unsigned team : 1;      /* sports results context: a team */
    unsigned row : 1;       /* a table row's name ("Aston Villa 5 3 1 1 10 4 10") */
    unsigned rowkind : 2;   /* for a row: 1 reads as a person's name, 2 as a team's, 3 as
                             * a line item's label */
    unsigned gov : 1;       /* context makes a capital a government */
    unsigned corpdot : 1;   /* "Corp." follows: the period belongs to the name */
    unsigned misc : 1;      /* no actor: an event, a work, a product (ag_mention.misc) */
    unsigned misc_here : 1; /* misc in this mention only, not the place's other ones: a
                             * grade named after it ("Brent crude"), a work after its noun
                             * ("the musical Chicago ... opened in Chicago") */
    unsigned credit : 1;    /* a news agency credited for the story (ag_mention.credit) */
    unsigned uncued : 1;    /* votes hold the default person vote of a name with no cue */
    unsigned the : 1;       /* votes hold the organisation vote of a capitalised "The" first */
    unsigned shape : 1;     /* votes hold the organisation vote of a company's word shape */
    unsigned firm : 1;      /* what only a company does: its shares moved, it reported
                             * results, its shareholders ("Ford shares fell 3%") */
    unsigned nick : 1;      /* a team named by a city and a people's plural ("Cleveland
                             * Indians"): the plural alone is the team too */
    unsigned digits : 1;    /* a name written with a digit ("U2") found in a list: actor
                             * only when its list names organisations (list_votes) */
} cand;

/* A distinct unknown name of the document (keyed by its lower-cased text). */
typedef struct dname {
    const char *key;    /* lower-cased normalised text (arena) */
    const char *text;   /* text as first written (arena) */
    size_t keylen;      /* bytes of key */
    int votes[5];       /* summed votes */
    int ntok;           /* words in the name */
    int strong;         /* a mention had a title or starts with a given name */
    int uncued;         /* a mention's votes held the default person vote (counted once) */
    int ownp;           /* most person votes a mention's own words gave (counted once) */
    int defined;        /* 1 + the type a mention's definition gave, or 0 (it decides) */
    int the;            /* a mention's votes held the vote of "The" first (counted once) */
    int shape;          /* a mention's votes held the vote of a company's shape (once) */
    int firm;           /* mentions that said what only a company does (cand.firm) */
    const char *last;   /* lower-cased last word (points into key) */
    size_t lastlen;     /* bytes of last */
    long canon;         /* name it resolves to (itself when -1) */
    ag_actor_type type; /* decided type */
    uint32_t hash;      /* low half of the key's ag__hash_bytes (see vk_slot) */
    size_t first;       /* index of its first candidate */
} dname;

/* Hash table of the scratch: generation stamps empty it per document in O(1). */
typedef struct dslot {
    uint32_t gen;    /* full when equal to the table's gen */
    uint32_t val;    /* payload */
    const char *key; /* key bytes (arena or lexicon) */
    uint32_t klen;   /* key length (keys are shorter than AG__LEX_MAXKEY) */
    uint32_t hash;   /* low half of the key's ag__hash_bytes: a probe reads the key's
                      * bytes (another cache line) only when this matches, and growing
                      * needs no rehash */
} dslot;

#define DSLOT_EMPTY(t, s) ((s)->gen != (t)->gen)
#define DSLOT_MATCH(ctx, s, k, h)                                                                  \
    ((s)->hash == (uint32_t)(h) && (s)->klen == (k).n && ag__bytes_eq((s)->key, (k).p, (k).n))
#define DSLOT_REHASH(ctx, s) ((s)->hash)
AG__HASHMAP(dtab, dslot, ag__span, const void *, DSLOT_EMPTY, DSLOT_MATCH, DSLOT_REHASH)

/* The cue lists ner_evidence.c asks of a name's neighbours outside tok_in (whose bits are
 * all taken): ids into ag__ner_cues and the scratch's cue_lens. */
enum {
    CUE_RESULT,  /* ag__ner_result_verbs: "Atlanta rallied" */
    CUE_ROLE,    /* ag__ner_team_roles: "Liverpool manager" */
    CUE_CONTEST, /* ag__ner_contests: "the game against Cleveland" */
    CUE_SCORE,   /* ag__ner_score_verbs: "Houston lost 6-2" */
    CUE_LINK,    /* ag__ner_score_links: "a 24-10 victory over Buffalo" */
    CUE_VEHICLE, /* ag__ner_vehicles: "the rocket X" */
    CUE_ABOARD,  /* ag__ner_aboard: "aboard the X" */
    CUE_RUN,     /* ag__ner_runs: "runs on X" */
    CUE_PORT,    /* ag__ner_ports: "ported to X" */
    CUE_VERSION, /* ag__ner_versions: "a version of X" */
    /* Films, shows and bands (vote_work and its helpers in ner_evidence.c): */
    CUE_WORK_STAR,     /* ag__ner_work_stars: "X, starring Y" */
    CUE_WORK_PART,     /* ag__ner_work_parts: "X's cast" */
    CUE_WORK_PERSON,   /* ag__ner_work_people: "X star Y" */
    CUE_WORK_CREDIT,   /* ag__ner_work_credits: "X, directed by" */
    CUE_WORK_DRAW,     /* ag__ner_work_draws: "X drew 8m viewers" */
    CUE_WORK_AUDIENCE, /* ag__ner_work_audiences */
    CUE_WORK_BOX,      /* ag__ner_work_box: "X topped the box office" */
    CUE_WORK_NAMED,    /* ag__ner_work_named: "X was named best film" */
    CUE_WORK_AWARD,    /* ag__ner_work_film_awards */
    CUE_WORK_CATEGORY, /* ag__ner_work_categories: "best actor for X" */
    CUE_WORK_IN,       /* ag__ner_work_in: "starring in X" */
    CUE_WORK_OF,       /* ag__ner_work_of: "an episode of X" */
    CUE_BAND_MEMBER,   /* ag__ner_band_members: "X singer Y" */
    CUE_LISTS
};

struct ag__ner_scratch {
    tok *toks;                 /* tokens of the document */
    size_t ntoks, captoks;     /* used / allocated tokens */
    cand *cands;               /* candidates in creation order */
    size_t ncands, capcands;   /* used / allocated candidates */
    dname *names;              /* distinct unknown names */
    size_t nnames, capnames;   /* used / allocated names */
    ag__arena arena;           /* names; blocks are kept across documents */
    dtab evidence;             /* lower-cased word -> EV_* flags */
    dtab nametab;              /* lower-cased name -> index into names */
    unsigned char *capsent;    /* per sentence: 1 when ALL-CAPS, 2 when a title-case headline */
    size_t capcapsent;         /* allocated bytes of capsent */
    int anycapsent;            /* some capsent of the document is 1 (ALL-CAPS) */
    dtab keys;                 /* resolution keys (variant, initials, suffixes) */
    uint32_t *link;            /* resolution: chain links (2 per name) */
    size_t *pos_last;          /* resolution: last mention offset + 1 per name */
    size_t caplink;            /* names the two arrays above have room for */
    int toks_kept;             /* toks are all the last document's (ag__ner_sentence_tokens) */
    size_t sport_words;        /* the document's words of sport_words, up to SPORT_WORDS,
                                * counted by ag__ner_tokenise_document's pass */
    int contributed;           /* the document has the word "contributed" (its credit
                                * trailers, ner_resolve.c), noted by the document's pass */
    int scores;                /* the document has a score, a hyphenated number ("7-1",
                                * see ag__ner_sports_report), noted by the document's pass */
    int brackets;              /* the document has an opening bracket, "(" (a scorers'
                                * list is in one, ner_spans.c), noted by the document's pass */
    int nicks;                 /* the document names a team by a city and a people's
                                * plural (cand.nick) */
    int doc_pass;              /* ag__ner_tokenise is in the document's one pass: it counts
                                * sport words and, while tokens are kept, collects capmid */
    struct capmid *capmid;     /* the document's capitalised words in mid-sentence (see
                                * ag__ner_attested), when its tokens are kept */
    size_t ncapmid, capcapmid; /* used / allocated entries of capmid; ncapmid is CAPMID_OFF
                                * once the document's tokens are not kept */
    uint32_t *starts;          /* while the tokens are kept: the capitalised words without a
                                * digit, in order, the tokens where a span may start unless the
                                * document has an ALL-CAPS sentence (see ag__ner_spans) */
    size_t nstarts, capstarts; /* used / allocated entries of starts */
    uint32_t *firsts;          /* while the tokens are kept: those marked AG__T_FIRST outside
                                * the headlines, in order, the only ones story_attests
                                * compares; made at its first call of a document */
    size_t nfirsts, capfirsts; /* used / allocated entries of firsts; nfirsts is
                                * FIRSTS_UNMADE until it is made */
    size_t nsents;             /* sentences of the last document */
    size_t *sent_first;        /* when kept: first token of each sentence, then ntoks */
    size_t capsent_first;      /* allocated entries of sent_first */
    dtab grammar;              /* word of the lists below -> G_* bits (built once) */
    size_t grammar_maxlen;     /* bytes of its longest word */
    uint64_t gram_lens[256];   /* by first byte: bit n set when a list word of n bytes has it */
    uint64_t sport_lens[256];  /* the same for the words of G_SPORT alone */
    uint64_t sport_last[256];  /* and by their last byte */
    uint64_t sport_2nd[256];   /* and by their second byte (every one has two or more) */
    uint64_t cue_lens[CUE_LISTS][32]; /* per cue list (ag__ner_cues), by first letter (c &
                                       * 31): bit n set when a word of n bytes has it; most
                                       * words are in none */
    struct wc_slot *wcache;           /* word class cache, WC_SLOTS slots (see word_class) */
    uint64_t wc_stamp;                /* ag__lex_stamp of the lexicon whose answers it holds */
    struct vk_slot *vkcache;          /* variant key cache, VK_SLOTS slots (see name_variant_key) */
};

/* A token written capitalised in mid-sentence, its headline or not is asked later: what
 * ag__ner_attested compares before the words themselves. */
typedef struct capmid {
    uint32_t tok; /* its index in toks */
    uint32_t len; /* its bytes */
    uint32_t cls; /* its word class (tok.cls) */
} capmid;
#define CAPMID_OFF ((size_t)-1)
#define FIRSTS_UNMADE ((size_t)-1)

/* A slot of the word class cache: a word of at most WC_MAXLEN bytes, inline, and the
 * lexicon class of its lower-cased form. The word is lower-cased (word_class) or as
 * the text writes it (word_class_raw): either way the slot answers only for those
 * bytes, and the class is the same. */
#define WC_MAXLEN 27
#define WC_BITS 12
#define WC_SLOTS (1u << WC_BITS)
typedef struct wc_slot {
    uint32_t cls;      /* ag__lex_class_lower of the word */
    uint8_t len;       /* bytes of the word, 0 for an empty slot */
    char w[WC_MAXLEN]; /* the word */
} wc_slot;

/* A slot of the variant key cache: a name key of less than VK_MAXLEN bytes and its
 * variant key, inline. Person names recur from document to document, and a key costs
 * more to make than to find. */
#define VK_MAXLEN 48
#define VK_SLOTS 1024u
typedef struct vk_slot {
    uint8_t klen;        /* bytes of the name key, 0 for an empty slot */
    uint8_t vlen;        /* bytes of the variant key */
    char key[VK_MAXLEN]; /* the name key */
    char v[VK_MAXLEN];   /* its variant key, NUL-terminated */
} vk_slot;

enum { EV_CAPMID = 1 }; /* evidence: the word is written capitalised in mid-sentence */

#define MAX_SPAN 16 /* tokens in one raw span of capitalised words */
/* Memory bound: a document of more than TOKEN_LIMIT tokens is processed in windows of
 * WINDOW tokens (tokenised twice) instead of all at once; CONTEXT tokens of look-ahead. */
#define TOKEN_LIMIT (1u << 18)
#define WINDOW 65536u
#define CONTEXT 48u

/* What the stages after tokenising read: the document and its tokens (all of them, or
 * the current window of a long document). Built by ag_ner_document; the stages write
 * only to the scratch (the tokens' marks and caches, candidates, names). */
typedef struct ctx {
    const ag_lexicon *lex;     /* the lexicon */
    const ag_ner_opts *opts;   /* options */
    const char *text;          /* the document */
    size_t len;                /* its length */
    struct ag__ner_scratch *p; /* scratch */
    tok *toks;                 /* == p->toks after tokenising */
    size_t ntoks;              /* == p->ntoks */
    size_t story;              /* byte offset + 1 of the word after a credit's dash ("AP - The
                                * United Nations ..."), 0 for none: ner_spans.c */
} ctx;

/* Give m a scratch ready for a document of nsents sentences with lexicon lex: made on
 * first use (with the word-list table and caches), cleared of the last document
 * otherwise. Returns 0, or -1 when out of memory (m keeps what it had made). ner.c. */
int ag__ner_scratch_ready(ag_mentions *m, const ag_lexicon *lex, size_t nsents);

/* ---------------------------------------------------------------- word lists
 * (ner_words.c) */

/* Membership bits of the lists, for tok_in: one hash lookup per token answers them all
 * (the lists are scanned with string compares otherwise, several per token). */
enum {
    G_SAY = 1u << 0,         /* say_verbs: "X said" */
    G_ORG_NOUN = 1u << 1,    /* org_nouns: "X shares", "X striker" */
    G_PLACE_NOUN = 1u << 2,  /* place_nouns: "X province" */
    G_TEAM_AFTER = 1u << 3,  /* ag__ner_team_after: "Bristol City" */
    G_TEAM_BEFORE = 1u << 4, /* team_before: "Real Madrid" */
    G_LOC_PREP = 1u << 5,    /* loc_preps: "in X" */
    G_LOC_KEEP = 1u << 6,    /* loc_keep: "to Kabul" stays a place */
    G_GOV_BEFORE = 1u << 7,  /* gov_before: "with Kabul" is a government */
    G_GOV_AFTER = 1u << 8,   /* gov_after: "Kabul said" is a government */
    G_CORP_SFX = 1u << 9,    /* ag__lex_legal_forms' suffixes: "Corp", "Inc" */
    G_ORG_BEFORE = 1u << 10, /* org_before: "software maker X" */
    G_STAKE = 1u << 11,      /* stake_nouns: "shares in X" */
    G_MISC_HEAD = 1u << 12,  /* misc_heads: "World Cup", "Patriot Act" */
    G_MISC_NOUN = 1u << 13,  /* misc_nouns: "the film X", "the X console" */
    G_PLACE_HEAD = 1u << 14, /* place_heads: "Wall Street" */
    G_SPORT = 1u << 15       /* sport_words: "inning", "quarterback" (a sports report) */
};

/* The team words that end a club's name ("Newcastle United"), NULL-terminated: the list
 * of G_TEAM_AFTER, for resolution, which asks about names rather than tokens. */
extern const char *const ag__ner_team_after[];
extern const char *const ag__ner_club_clipped[]; /* "Man Utd": a club's clipped word */
/* Honorifics ("Mr", "Dame"): a name after one is a person's (is_honorific, spans). */
extern const char *const ag__ner_honorifics[];
extern const char *const ag__ner_thinkers[];    /* "Liberal economist X" */
extern const char *const ag__ner_seat_titles[]; /* "the Bishop of Kendal" */
/* Endings of company names ("-soft", "-systems"): typing evidence (company_shape). */
typedef struct ag__ner_ending {
    const char *w; /* NULL ends a list */
    size_t n;      /* strlen(w): asked of every unknown name's last word */
} ag__ner_ending;
extern const ag__ner_ending ag__ner_company_ends[];
/* Prepositions of place before a mention ("in", "to"): resolution (after_loc_prep). */
extern const char *const ag__ner_place_preps[];
/* Participles after a hyphen ("-based", "-led"): "X-based" names X as a modifier
 * (hyphen_modifier, spans). */
extern const char *const ag__ner_hyphen_modifiers[];
/* Verbs of winning ("beat", "defeated"): the names on both sides are teams or players
 * (finish_cands). */
extern const char *const ag__ner_win_verbs[];
/* Sports results (ag__ner_city_team): verbs of a side with no object ("rallied"),
 * verbs before a score ("lost 6-2"), words between a score and the other side ("over"). */
extern const char *const ag__ner_result_verbs[];
extern const char *const ag__ner_team_roles[]; /* "Liverpool manager": a team's people */
extern const char *const ag__ner_score_verbs[];
extern const char *const ag__ner_score_links[];
extern const char *const ag__ner_contests[];           /* "the game against X" */
extern const char *const ag__ner_lost_to[];            /* "lost to X", "a defeat to X" */
extern const char *const ag__ner_price_moves[];        /* "X fell 3.1%" */
extern const char *const ag__ner_institution_heads[];  /* "Queen Elizabeth Hospital" */
extern const char *const ag__ner_plays_for[];          /* "signed for X", "wickets for X" */
extern const char *const ag__ner_places_for[];         /* "third for X" */
extern const char *const ag__ner_region_abbrevs[];     /* "Calif.", "California" pairs */
extern const char *const ag__ner_counted_nations[];    /* "Six Nations": a tournament */
extern const char *const ag__ner_describers[];         /* "Rival X", "Struggling X" */
extern const char *const ag__ner_misc_heads[];         /* "Cup", "Open": G_MISC_HEAD's words */
extern const char *const ag__ner_generic_ampersands[]; /* "R&D", "Q&A": no company */
extern const char *const ag__ner_outcomes[];           /* "X's ninth straight win" */
extern const char *const ag__ner_papers[]; /* "Post", "Chronicle": a newspaper's last word */
/* Vehicles and products (product_before): "the rocket X", "aboard X", "runs on X",
 * "ported to X", "a version of X". */
/* Films, shows and records from the words around them, and bands (vote_work; see
 * ner_words.c). */
extern const char *const ag__ner_work_stars[];
extern const char *const ag__ner_work_parts[];
extern const char *const ag__ner_work_people[];
extern const char *const ag__ner_org_kinds[];
extern const char *const ag__ner_work_credits[];
extern const char *const ag__ner_work_draws[];
extern const char *const ag__ner_work_audiences[];
extern const char *const ag__ner_work_box[];
extern const char *const ag__ner_work_named[];
extern const char *const ag__ner_work_film_awards[];
extern const char *const ag__ner_work_categories[];
extern const char *const ag__ner_work_in[];
extern const char *const ag__ner_work_of[];
extern const char *const ag__ner_work_titles[];
extern const char *const ag__ner_product_kinds[];
extern const char *const ag__ner_title_markers[];
extern const char *const ag__ner_title_glue[];
extern const char *const ag__ner_trade_nouns[];
extern const char *const ag__ner_cause_heads[];
extern const char *const ag__ner_ministry_heads[];
extern const char *const ag__ner_school_heads[];
extern const char *const ag__ner_industries[];
extern const char *const ag__ner_vie_for[];
extern const char *const ag__ner_shortlisted[];
extern const char *const ag__ner_publish_words[];
extern const char *const ag__ner_buy_words[];
extern const char *const ag__ner_poll_words[];
extern const char *const ag__ner_sell_words[];
extern const char *const ag__ner_bands[];
extern const char *const ag__ner_band_members[];
/* "the life of X", "the death of X": a person's (vote_before). */
extern const char *const ag__ner_person_of[];
extern const char *const ag__ner_place_titles[];
extern const char *const ag__ner_vehicles[];
extern const char *const ag__ner_aboard[];
extern const char *const ag__ner_runs[];
extern const char *const ag__ner_ports[];
extern const char *const ag__ner_versions[];
/* The lists above by CUE_* id. */
extern const char *const *const ag__ner_cues[CUE_LISTS];
/* First words of event names ("Hurricane", "Formula"): typing evidence (misc_first). */
extern const char *const ag__ner_misc_firsts[];
/* Trade words that make a company after a national adjective ("Irish Ferries"). */
extern const char *const ag__ner_trade_heads[];
/* First words of natural places' names ("River", "Mount"): typing evidence. */
extern const char *const ag__ner_place_firsts[];
/* Definitions ("X is a Scottish footballer", "X was founded in"): typing evidence
 * (vote_definition). */
extern const char *const ag__ner_copulas[];
extern const char *const ag__ner_market_words[];      /* "Tokyo's stock market": a place */
extern const char *const ag__ner_city_words[];        /* "Paris's mayor": a place */
extern const char *const ag__ner_located_modifiers[]; /* "Dublin-based": a place */
extern const char *const ag__ner_acting_modifiers[];  /* "Moscow-backed": its government */
extern const char *const ag__ner_seats[];             /* "Brussels said": the EU */
extern const char *const ag__ner_party_heads[];       /* "Social Democratic Party" */
extern const char *const ag__ner_desk_labels[];       /* "FOREX - ...": no name */
extern const char *const ag__ner_desk_seconds[];      /* "MONEY MARKETS - ..." */
extern const char *const ag__ner_numbered_units[];    /* "Game 2", "Stage 12": no actor */
extern const char *const ag__ner_founding[];
/* The voters' lists of ner_evidence.c (each described in ner_words.c). */
extern const char *const ag__ner_scoring_words[];
extern const char *const ag__ner_peer_titles[];
extern const char *const ag__ner_state_kinds[];
extern const char *const ag__ner_continent_parts[];
extern const char *const ag__ner_releases[];
extern const char *const ag__ner_program_words[];
extern const char *const ag__ner_territory_heads[];
extern const char *const ag__ner_territory_modifiers[];
extern const char *const ag__ner_lead_verbs[];
extern const char *const ag__ner_price_units[];
extern const char *const ag__ner_title_modifiers[];
extern const char *const ag__ner_report_verbs[];
extern const char *const ag__ner_results[];
extern const char *const ag__ner_company_owned[];
extern const char *const ag__ner_product_nouns[];
extern const char *const ag__ner_tech_nouns[];
extern const char *const ag__ner_company_relations[];
extern const char *const ag__ner_number_words[];
extern const char *const ag__ner_channel_words[];
extern const char *const ag__ner_creators[];
extern const char *const ag__ner_art_nouns[];
extern const char *const ag__ner_compass_points[];
extern const char *const ag__ner_region_parts[];
extern const char *const ag__ner_staff_plurals[];
extern const char *const ag__ner_staff_trades[];
extern const char *const ag__ner_show_kinds[];
extern const char *const ag__ner_game_kinds[];
extern const char *const ag__ner_kind_openers[];
extern const char *const ag__ner_join_words[];
extern const char *const ag__ner_org_parts[];
extern const char *const ag__ner_merger_words[];
extern const char *const ag__ner_work_plurals[];
extern const char *const ag__ner_person_nouns[];
/* Entertainment cues (ner_words.c, in their own block). */
extern const char *const ag__ner_show_hosts[];
extern const char *const ag__ner_group_verbs[];

/* Fill p's table of list words (p->grammar, which must be empty with gen 1). Returns 0,
 * or -1 when out of memory. */
int ag__ner_grammar_init(struct ag__ner_scratch *p);

/* ---------------------------------------------------------------- tokens
 * (ner_tokens.c): the arena, the generation-stamped table, word classes, the tokeniser,
 * capitalisation evidence, headline detection, and the lexicon asked about token runs */

/* n bytes of p's arena, valid until the next document. NULL when out of memory. */
/* Is w[0, n) an acronym that keeps its small words' short initials in lower case
 * between capitals and ends in a capital: 3 to 6 ASCII letters, a capital first and
 * last, at most two lower-case letters in a row ("PvdA", "DfES", "PwC"; not "McCain",
 * "DeLay", "FedEx")? */
static inline int ag__ner_mixed_acronym(const char *w, size_t n)
{
    size_t upper = 0, run = 0;
    if (n < 3 || n > 6 || !(w[0] >= 'A' && w[0] <= 'Z') || !(w[n - 1] >= 'A' && w[n - 1] <= 'Z'))
        return 0;
    for (size_t q = 0; q < n; q++) {
        if (w[q] >= 'A' && w[q] <= 'Z')
            upper++, run = 0;
        else if (!(w[q] >= 'a' && w[q] <= 'z') || ++run > 2)
            return 0;
    }
    return upper < n;
}

static inline char *arena_alloc(struct ag__ner_scratch *p, size_t n)
{
    return ag__arena_alloc(&p->arena, n);
}

/* The slot of key k[0, n) in t, or NULL when it is absent and create is 0. With create,
 * an absent key is added (its slot keyed by k itself, val 0): the caller makes k outlive
 * the document's use of t. *err is set when growing the table ran out of memory (NULL
 * returned). Inline: most calls pass a constant create, and a lookup is a few loads. */
static inline dslot *dt_get(dtab *t, const char *k, size_t n, int create, int *err)
{
    if (create && dtab_reserve(t, NULL, t->n + 1, 4096) < 0) {
        *err = 1;
        return NULL;
    }
    if (!t->cap)
        return NULL;
    uint32_t h = (uint32_t)ag__hash_bytes(k, n);
    dslot *s = dtab_probe(t, NULL, (ag__span){k, n}, h);
    if (s->gen != t->gen) {
        if (!create)
            return NULL;
        *s = (dslot){t->gen, 0, k, (uint32_t)n, h};
        t->n++;
    }
    return s;
}

/* Find key k of table t, or add it keyed by a copy of k in the arena (so k may be a
 * temporary) followed by room for extra more bytes (after the key's NUL) that the caller
 * fills; *created says which. One probe sequence either way. NULL when out of memory. */
dslot *ag__ner_dt_intern_extra(struct ag__ner_scratch *p, dtab *t, const char *k, size_t n,
                               size_t extra, int *created);

static inline dslot *dt_intern(struct ag__ner_scratch *p, dtab *t, const char *k, size_t n,
                               int *created)
{
    return ag__ner_dt_intern_extra(p, t, k, n, 0, created);
}

/* Lexicon class of the lower-cased word low[0, n) (n > 0), through a direct-mapped cache
 * of the scratch. Why: the lexicon's class table is megabytes, so a lookup there costs a
 * cache miss or two (the slot, then its key), while news text repeats a few thousand
 * words; a slot here keeps the word inline, so a hit reads one cache line. */
/* Slot s of the word class cache now answers cls for key[0, n) (n <= WC_MAXLEN). */
static inline uint32_t wc_keep(wc_slot *s, const char *key, size_t n, uint32_t cls)
{
    s->cls = cls;
    s->len = (uint8_t)n;
    memcpy(s->w, key, n);
    return cls;
}

static inline uint32_t word_class(struct ag__ner_scratch *p, const ag_lexicon *lex, const char *low,
                                  size_t n)
{
    uint64_t h = ag__hash_bytes(low, n);
    if (n - 1 >= WC_MAXLEN) /* also n == 0: an empty slot must not answer */
        return ag__lex_class_hashed(lex, low, n, h);
    wc_slot *s = &p->wcache[h & (WC_SLOTS - 1)];
    if (s->len == n && ag__bytes_eq(s->w, low, n))
        return s->cls;
    return wc_keep(s, low, n, ag__lex_class_hashed(lex, low, n, h));
}

/* Slot s of the word class cache, missed, now answers for the word text[0, n) as written
 * (n <= WC_MAXLEN): its class looked up lower-cased. Out of line: the tokeniser inlines
 * the hits, and the misses are few (unused in the files that include this header but ask
 * no word class). */
static __attribute__((noinline, unused)) uint32_t wc_fill(wc_slot *s, const ag_lexicon *lex,
                                                          const char *text, size_t n)
{
    char low[AG__LEX_MAXKEY];
    ag__lex_lower(text, n, low);
    return wc_keep(s, text, n, ag__lex_class_hashed(lex, low, n, ag__hash_bytes(low, n)));
}

/* word_class of the word text[0, n) as written, lower-cased only when the cache does not
 * hold it in this case already: the tokeniser asks about most words of the corpus, and
 * the same few thousand come back in the same case. A word of eight bytes or less, most
 * of them, is one number: one multiply places it, one compare finds it (its slot is not
 * word_class's for the same bytes, which costs a miss now and then, never an answer).
 * Always inline: left out of line, as GCC did once the function grew, the call cost what
 * the short path saves. */
static inline __attribute__((always_inline)) uint32_t
word_class_raw(struct ag__ner_scratch *p, const ag_lexicon *lex, const char *text, size_t n)
{
    char low[AG__LEX_MAXKEY];
    if (n - 1 < 8) {
        uint64_t w = ag__bytes_word8(text, n);
        wc_slot *s = &p->wcache[((w ^ n) * 0x9E3779B97F4A7C15ull) >> (64 - WC_BITS)];
        if (s->len == n && ag__bytes_word8(s->w, n) == w)
            return s->cls;
        return wc_fill(s, lex, text, n);
    }
    if (n - 1 >= WC_MAXLEN) { /* also n == 0 */
        ag__lex_lower(text, n, low);
        return ag__lex_class_lower(lex, low, n);
    }
    wc_slot *s = &p->wcache[ag__hash_bytes(text, n) & (WC_SLOTS - 1)];
    if (s->len == n && ag__bytes_eq(s->w, text, n))
        return s->cls;
    return wc_fill(s, lex, text, n);
}

static inline int is_ascii_letter(char ch) { return (ch | 32) >= 'a' && (ch | 32) <= 'z'; }

/* Tokenise text[*pos, b), part of sentence sent, appending to p->toks until p->ntoks
 * reaches limit; *pos is advanced to where it stopped, *firstp says whether the next word
 * starts the sentence (1 at a sentence's start). Words that can matter get their lexicon
 * class as they are written. Returns 0, or -1 when out of memory. Time: O(b - *pos). */
int ag__ner_tokenise(const ag_lexicon *lex, struct ag__ner_scratch *p, const char *text,
                     size_t *pos, size_t b, uint32_t sent, int *firstp, size_t limit);

/* After ag__ner_tokenise of the first chunk of sentence si (s), whose tokens start at
 * p->toks[first]: 1 when it is an ALL-CAPS headline, 2 when a title-case headline, else
 * 0 (the rules are at the definition). */
int ag__ner_caps_sentence(const struct ag__ner_scratch *p, const char *text, size_t len,
                          const ag_sentence *s, size_t si, size_t first);

/* Stage 1 over the whole document (p from ag__ner_scratch_ready): tokenise every
 * sentence, decide p->capsent. The tokens are kept in p->toks (p->toks_kept, with
 * p->sent_first) unless the document has more than TOKEN_LIMIT of them: then they are
 * dropped as they go, the capitalisation evidence noted on the way (p->evidence; while
 * they are kept, p->capmid), and the later stages re-tokenise window by window. Returns 0, or -1
 * when out of memory. */
int ag__ner_tokenise_document(struct ag__ner_scratch *p, const ag_lexicon *lex, const char *text,
                              size_t len, const ag_sentence *sents, size_t nsents);

/* Token k is a word the document writes capitalised in mid-sentence: 1 or 0, -1 when out
 * of memory. Asked of headline words and sentence-initial ordinary words. */
int ag__ner_attested(const ctx *c, size_t k);
/* Token t is the plural of an organisation word ("Ministries", "Chambers"): 1 or 0. */
int ag__ner_cue_plural(const ctx *c, const tok *t);
/* The capitalised word at token k stands alone elsewhere in the document, with no
 * capitalised word beside it ("Bale, who grew up" beside "Christian Bale"): 1 or 0 (0 too
 * when the document's tokens are not kept). */
int ag__ner_alone_elsewhere(const ctx *c, size_t k);

/* Bytes [s, e) are "words joined by single spaces" (the shape of lexicon forms). */
static inline int single_spaced(const char *text, const tok *toks, size_t ts, size_t te)
{
    for (size_t k = ts + 1; k < te; k++)
        if (toks[k].s != toks[k - 1].e + 1 || text[toks[k - 1].e] != ' ')
            return 0;
    return 1;
}

/* Does one of the tokens [ts, te) hold a title word ("Secretary of the Treasury", "the
 * Holy Roman Emperor Charles VI")? For capitalised words, whose class the tokeniser
 * always looks up. */
static inline int titled_tokens(const tok *toks, size_t ts, size_t te)
{
    for (size_t k = ts; k < te; k++)
        if (toks[k].cls & AG_LEX_TITLE)
            return 1;
    return 0;
}

/* match_form past its quick answers: looks the form up and caches an exact-case answer. */
size_t ag__ner_match_form_lookup(const ag_lexicon *lex, const char *text, const tok *toks,
                                 size_t ts, size_t te, int fold, ag_lex_actor *out);

/* Longest lexicon form starting at token ts and ending before te: its length in tokens,
 * or 0 (*out filled when found). fold: case-insensitive (ALL-CAPS text). Inline for the
 * answers that need no lookup, most of the calls: no form starts with the word (every
 * form registers its first word), or the token's cache has it (never set for a long
 * ALL-CAPS word, which is always folded). */
static inline size_t match_form(const ag_lexicon *lex, const char *text, const tok *toks, size_t ts,
                                size_t te, int fold, ag_lex_actor *out)
{
    const tok *t = &toks[ts];
    if (!(t->cls & 0xFF00) || !(t->flags & AG__T_WORD))
        return 0;
    if (!fold && t->mf_te == te + 1) {
        if (t->mf_len)
            ag__lex_fill(lex, t->mf_val, out);
        return t->mf_len;
    }
    return ag__ner_match_form_lookup(lex, text, toks, ts, te, fold, out);
}

/* match_title past its quick answers: looks the phrase up. */
size_t ag__ner_match_title_lookup(struct ag__ner_scratch *p, const ag_lexicon *lex,
                                  const char *text, const tok *toks, size_t ts, size_t te);

/* Longest title phrase starting at token ts (before te): its length in tokens, or 0.
 * Inline for the quick answers: no title phrase starts with the word, or the token's
 * cache has the answer (half the lookups repeat one for the same span). */
static inline size_t match_title(struct ag__ner_scratch *p, const ag_lexicon *lex, const char *text,
                                 const tok *toks, size_t ts, size_t te)
{
    const tok *t = &toks[ts];
    if (!(t->cls & 0xFF0000) || !(t->flags & AG__T_WORD))
        return 0;
    if (t->mt_te == te + 1)
        return t->mt_len;
    size_t n = ag__ner_match_title_lookup(p, lex, text, toks, ts, te);
    tok *tk = (tok *)t; /* scratch memory, like match_form's cache */
    tk->mt_te = (uint32_t)(te + 1);
    tk->mt_len = (uint8_t)n;
    return n;
}

/* The n bytes at s are the word w (NUL-terminated), exactly (list_word_is) or in any
 * ASCII case (list_word_is_ci). Rules walk word lists for every token and candidate, and
 * where GCC does not inline them strlen(w) is a call: the first byte, in which most
 * words differ, is compared before it. */
static inline int list_word_is(const char *w, const char *s, size_t n)
{
    if (n == 0)
        return w[0] == '\0';
    return w[0] == s[0] && strlen(w) == n && memcmp(w, s, n) == 0;
}

/* s[0, n) is one of the NULL-terminated words ws, exactly (list_word_is). */
static inline int list_has(const char *const *ws, const char *s, size_t n)
{
    for (; *ws; ws++)
        if (list_word_is(*ws, s, n))
            return 1;
    return 0;
}

static inline int list_word_is_ci(const char *w, const char *s, size_t n)
{
    if (n == 0)
        return w[0] == '\0';
    /* (c | 0x20 folds ASCII letters; two other bytes it equates are told apart below) */
    return (w[0] | 0x20) == (s[0] | 0x20) && strlen(w) == n && strncasecmp(w, s, n) == 0;
}

/* s[0, n) is one of the NULL-terminated words ws in any ASCII case (list_word_is_ci). */
static inline int list_has_ci(const char *const *ws, const char *s, size_t n)
{
    for (; *ws; ws++)
        if (list_word_is_ci(*ws, s, n))
            return 1;
    return 0;
}

/* Token t is an ordinary English word and no organisation word, title, given or proper
 * name: the words works and events are titled with ("War", "Festival", "Line"). */
static inline int plain_word(const tok *t)
{
    return (t->cls & AG_LEX_COMMON) &&
           !(t->cls & (AG_LEX_ORGCUE | AG_LEX_TITLE | AG_LEX_GIVEN | AG_LEX_PROPER));
}

/* Token t has a capitalised plural's shape: more than three bytes, the last an "s" after
 * no "s", "i" or "u" ("Greens", "Sharks"; not "Express", "Genesis", "Campus"), not ALL
 * CAPS. */
static inline int plural_shaped(const char *text, const tok *t)
{
    size_t n = t->e - t->s;
    char before = n > 1 ? text[t->e - 2] : 's';
    return n > 3 && text[t->e - 1] == 's' && before != 's' && before != 'i' && before != 'u' &&
           !(t->flags & AG__T_ALLCAPS);
}

/* A line break lies between the starts of tokens a and b of toks (a <= b; none inside a
 * token): the tokeniser marked the tokens after one (AG__T_NL), so no byte is read. */
static inline int nl_between(const tok *toks, size_t a, size_t b)
{
    for (size_t k = a + 1; k <= b; k++)
        if (toks[k].flags & AG__T_NL)
            return 1;
    return 0;
}

/* The token is the word w. Always inline: w is a literal at every call (or a helper's
 * literal argument), so strlen folds to a constant and the compare to a load or two (an
 * out-of-line copy called strlen). */
static inline __attribute__((always_inline)) int tok_is(const char *text, const tok *t,
                                                        const char *w)
{
    size_t n = strlen(w);
    return t->e - t->s == n && memcmp(text + t->s, w, n) == 0;
}

/* The lengths of the words of a list of static storage by their first byte (& 31, so
 * both cases share a row): bit n of row b is set when a word of n < 32 bytes starts with a
 * byte b. tok_is_any asks one for every token it is given, and most tokens are no word of
 * the list: their first byte and length say so without walking the list (a dozen words
 * walked a call on news, 3% of a run). Kept in a table shared by the threads, filled on a
 * list's first use (ner_words.c); lists is its key, and a filled slot keeps its list. */
typedef struct ag__ner_list_lens {
    _Atomic(const void *) list; /* the list, once lens is filled; NULL while free */
    uint32_t lens[32];
} ag__ner_list_lens;
enum { AG__NER_LIST_SLOTS = 256 };
extern ag__ner_list_lens ag__ner_list_table[AG__NER_LIST_SLOTS];
/* ws's slot in the table, filled on first use. NULL when the table has no room (the caller
 * walks the list). */
ag__ner_list_lens *ag__ner_list_lens_fill(const char *const *ws);
static inline size_t list_slot(const char *const *ws)
{
    uint64_t h = ((uint64_t)(uintptr_t)ws >> 3) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 56); /* AG__NER_LIST_SLOTS */
}

/* The token is one of the NULL-terminated words ws, a list of static storage (its
 * address keys the lengths table). Most tokens are no word of the list by their first
 * byte and length (list_lens); the others are compared with the words, the first byte
 * first. The rest is compared here byte by byte: the words are short, and strlen and
 * memcmp of a word that is no literal were calls.
 *
 * Each call site keeps the slot of the list it last asked about (site): nearly every site
 * names one list, so the slot's key confirms it, where hashing the list's address on each
 * call to find its slot was half the cost of the calls on news. The slot is published
 * whole (its key last, release) and never changes lists, so a site read by several
 * threads needs no more than an atomic pointer. */
static inline __attribute__((always_inline)) int
ag__tok_is_any_at(const char *text, const tok *t, const char *const *ws,
                  _Atomic(ag__ner_list_lens *) *site)
{
    const char *w = text + t->s;
    size_t n = t->e - t->s;
    ag__ner_list_lens *s = atomic_load_explicit(site, memory_order_relaxed);
    if (!s || atomic_load_explicit(&s->list, memory_order_acquire) != (const void *)ws) {
        s = ag__ner_list_lens_fill(ws);
        atomic_store_explicit(site, s, memory_order_relaxed);
    }
    if (s && n < 32 && !((s->lens[w[0] & 31] >> n) & 1))
        return 0;
    for (; *ws; ws++) {
        const char *x = *ws;
        if (x[0] != w[0])
            continue;
        size_t i = 1;
        while (i < n && x[i] && x[i] == w[i])
            i++;
        if (i == n && x[n] == '\0')
            return 1;
    }
    return 0;
}
#define tok_is_any(text, t, ws)                                                                    \
    ({                                                                                             \
        static _Atomic(ag__ner_list_lens *) ag__site;                                              \
        ag__tok_is_any_at((text), (t), (ws), &ag__site);                                           \
    })

/* The word token t is in the lists of bits `lists` (G_*, exact case). The answer for all
 * lists is kept in the token, as a token is asked about several. Inline: spans, typing
 * evidence and finish_cands ask it of most tokens next to a name. */
static inline uint16_t tok_gram(struct ag__ner_scratch *p, const char *text, tok *t)
{
    if (!(t->flags & AG__T_GRAM)) {
        size_t n = t->e - t->s;
        uint16_t g = 0;
        /* Most words are in no list: their first byte and length say so without a hash. */
        if (n <= p->grammar_maxlen &&
            (n >= 64 || ((p->gram_lens[(unsigned char)text[t->s]] >> n) & 1))) {
            int err = 0;
            const dslot *s = dt_get(&p->grammar, text + t->s, n, 0, &err);
            if (s)
                g |= (uint16_t)s->val;
        }
        t->gram = g; /* scratch memory, like match_form's cache */
        t->flags |= AG__T_GRAM;
    }
    return t->gram;
}

static inline int tok_in(const ctx *c, const tok *t, uint32_t lists)
{
    if (!(t->flags & AG__T_WORD))
        return 0;
    return (tok_gram(c->p, c->text, (tok *)t) & lists) != 0;
}

/* Bytes w[0, n) are shaped like a name written with a digit: two to four capital letters
 * and digits, of each at least one ("U2", "O2", "3M"). Codes are shaped so too ("3G",
 * "MP3", "G8"): the span finder asks the context (digit_name in ner_spans.c). */
static inline int digit_name_shape(const char *w, size_t n)
{
    int letters = 0, digits = 0;
    if (n < 2 || n > 4)
        return 0;
    for (size_t i = 0; i < n; i++) {
        letters += w[i] >= 'A' && w[i] <= 'Z';
        digits += w[i] >= '0' && w[i] <= '9';
    }
    return letters && digits && letters + digits == (int)n;
}

/* ---------------------------------------------------------------- candidate spans
 * (ner_spans.c): c->toks -> p->cands */

/* Datelines: ALL-CAPS words at the start of one of the first lines, followed by a dash,
 * colon, comma, a date or the end of the line, become a place (or, for a news agency, a
 * credit). At most one per document. Returns 0, or -1 when out of memory. */
int ag__ner_find_dateline(ctx *c);

/* Find and process the spans that start at tokens [from, limit) of the window c->toks
 * (spans may run past limit into the window's look-ahead), appending candidates and
 * marking their tokens AG__T_USED. Returns the token index where the next span may start,
 * or (size_t)-1 when out of memory. */
size_t ag__ner_spans(ctx *c, size_t from, size_t limit);

/* Record what the end-of-document passes need to know about the tokens around candidates
 * [from, ncands), and intern their unknown names (ag__ner_intern_name), while their
 * tokens are still in the window. Returns -1 when out of memory. */
int ag__ner_finish_cands(ctx *c, size_t from);

/* ---------------------------------------------------------------- typing evidence
 * (ner_evidence.c) */

/* Add to m->votes the evidence for the type of unknown name candidate m (tokens
 * [m->ts, m->te) of c->toks, sentence m->sent) from its own words and the words around
 * it; titled: a title was stripped before it. votes[AG_ACTOR_OTHER] collects evidence
 * that the name is no actor at all. Changes nothing but m->votes (and the tokens' lookup
 * caches). */
void ag__ner_vote_unknown(ctx *c, cand *m, int titled);

/* Token k (in sentence sent) is a version number after a name, not a score: on the
 * name's line, digits with one inner dot ("Firefox 1.0"), or a small number or a year
 * that runs on into prose with a function word ("Halo 2 for the Xbox", "Office 2003 is").
 * A score ("Leeds 2 Chelsea 1", "Leeds 2.") is followed by a name, a number or the end
 * of the sentence, a quantity by its unit ("56 miles"). */
int ag__ner_version_number(const ctx *c, size_t k, uint32_t sent);
/* The document reads as a sports report: a word only sports reports use, or a score
 * ("beating the Twins, 7-1"). O(1) when the document's tokens are kept; else scans the
 * window's tokens. */
int ag__ner_sports_report(const ctx *c);
/* Token k opens a relative clause that gives the name before it a result, in a sports
 * report: ", who drew at home", ", who had not lost since May" ("who" makes it a subject
 * that plays, no weather nor thing): the name is a side. */
int ag__ner_who_result(const ctx *c, size_t k);
/* Token k is a verb of saying and "its" and the company's results or shares follow it:
 * "said its profit fell", "says its third-quarter sales rose", "said its shares". What
 * says so is the company (ner_evidence.c). */
int ag__ner_says_its_results(const ctx *c, size_t k, uint32_t sent);

/* The place candidate m (its tokens in c->toks) is a side in a sports result: the subject
 * of a result verb ("Atlanta rallied"), before its score or record ("Houston lost 6-2",
 * "Miami is 5-2", "Cleveland's 31-17 win"), before one of its team's people ("Liverpool
 * manager", "Atlanta left-hander"), the other side of a contest ("the game against
 * Cleveland"), or after a score ("Sevilla 0-2 Portsmouth", "a
 * 24-10 victory over Buffalo"). A score here is hyphenated ("6-5"): a bare number after a
 * place is often a count. */
int ag__ner_city_team(const ctx *c, const cand *m);

/* Token k (of sentence sent) names a city's own after its possessive, next or after one
 * ordinary word: its market, a stock index ("Tokyo's Nikkei average", a word never a
 * name) or a market word ("Tokyo's stock market", "London's leading shares"), or its
 * people, services and places ("Paris's mayor", "Baghdad's eastern suburbs", "Rome's
 * new stadium"). The city, then, is neither its government nor its team. */
int ag__ner_city_own_after(const ctx *c, size_t k, uint32_t sent);

/* Tokens [ts, te) name a region by a part of a larger one and a point of the compass:
 * "the Far East", "the Deep South", "the Pacific Northwest". Not a country's ("America
 * West" is an airline), nor one after a given name ("Delonte West"), nor in a sports
 * report, whose "AL East" and "Big East" are a league's divisions. */
int ag__ner_region_name(const ctx *c, size_t ts, size_t te);

/* Token pv is a nationality's noun for one of its people, made of the adjective and -man
 * or -woman ("Frenchman", "Irishwoman"; the lexicon knows it as its country's adjective):
 * the name it stands before is that person ("Frenchman Olivier Mutis beat ..."). */
int ag__ner_nationality_noun(const ctx *c, const tok *pv);

/* Span [ts, te) starts with a weekday and goes on with two or more ordinary capitalised
 * words ("Saturday Night Live", "Monday Night Football"): the weekday is part of the
 * name (a date before a name is followed by the name, no run of ordinary words: "on
 * Tuesday Microsoft said", "Monday President Bush"), and the name is a broadcast slot
 * made a title, a programme or a work: no actor. */
int ag__ner_weekday_title(const ctx *c, size_t ts, size_t te);

/* The votes for a work that candidate m's context gives it: its credits, audience or
 * prize ("X, starring Y", "X took $30m at the box office", "starring in X"). A place the
 * lexicon knows with 4 or more is a film or a show of that name ("Constantine, starring
 * Keanu Reeves"), in every mention of the article (ag__ner_resolve). */
int ag__ner_work_votes(const ctx *c, const cand *m);

/* Candidate m follows a noun of a work of art: "the animated film Madagascar", "the
 * musical Chicago". A place or a country the lexicon knows is then that work, misc, in
 * that mention only. */
int ag__ner_work_noun_before(const ctx *c, const cand *m);

/* Candidate m follows a noun of a programme after its kind ("the talent show X", "the
 * quiz programme X"): a show, which "beats" its rivals in the ratings as a team does in
 * a match. */
int ag__ner_show_before(const ctx *c, const cand *m);

/* ---------------------------------------------------------------- in-article resolution
 * (ner_resolve.c): p->cands and p->names -> one name and type per candidate */

/* Add unknown name candidate m (its tokens still in c->toks) to the document's names,
 * keyed by its lower-cased text, adding its votes; sets m->name (left -1 for a name too
 * long to key). Returns 0, or -1 when out of memory. */
int ag__ner_intern_name(ctx *c, cand *m);

#define SPORT_WORDS 2 /* sport words that make a document a sports report */

/* A name its article defines ("X were an English rock band") takes the definition's type
 * (cand.defined): its votes are raised above every other type's. Before ag__ner_resolve. */
void ag__ner_definitions(ctx *c);

/* Teams are organisations, and one sense per discourse: every mention of a team's name
 * (cand.team, from finish_cands) in the document becomes an organisation. Before
 * ag__ner_resolve, whose type votes it adds to. */
void ag__ner_sports_teams(ctx *c);

/* One type per name, spelling variants, acronyms, partial names and organisations
 * written several ways; then each candidate's type, or its drop. Reads no tokens (the
 * candidates outlive the token window). Returns 0, or -1 when out of memory. */
int ag__ner_resolve(ctx *c);

/* Capitals standing for their governments (context recorded by finish_cands) become
 * their country. After ag__ner_resolve. */
void ag__ner_metonymy(ctx *c);

/* Bytes [s, e) of text are a source credit in brackets: "NEW YORK (Reuters) -", "...
 * Aides Say (AP)." at the end of a line. */
int ag__ner_is_credit(const char *text, size_t len, size_t s, size_t e);

/* The variant key of name[0, nl) (nl == strlen(name)) into buf; see ag_ner_variant_key
 * (short_form: ag_ner_variant_key_short). */
int ag__ner_variant_key(const char *name, size_t nl, char *buf, size_t bufsize, int short_form);
/* Familiar forms of given names and the full name each is a form of, in pairs, NULL
 * last ("phil", "philip"): ner_words.c. */
extern const char *const ag__ner_familiar_names[];

#endif
