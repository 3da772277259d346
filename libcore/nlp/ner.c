/*
 * ner.c - the actor recogniser: tokens -> candidate name spans -> typed, resolved mentions
 * of one document.
 *
 * The pipeline, all in scratch memory that is kept between documents:
 *  1. tokenise each sentence (words keep inner hyphens and apostrophes; a possessive 's is
 *     its own token; dotted abbreviations such as U.S. keep their periods) and note which
 *     words the document writes capitalised in mid-sentence (evidence for names);
 *  2. group capitalised tokens and name connectors into spans; drop sentence-initial
 *     function/common words, weekdays and months; strip leading titles (kept as the role)
 *     and emit the country or adjective that may precede a title ("US Special Envoy");
 *  3. split each span into gazetteer forms and unknown names, vote a type for unknown
 *     names from cues (titles, given names, organisation cue words, acronyms, "said",
 *     "the", locative prepositions);
 *  4. resolve within the document: one type per name (strongest votes win), partial
 *     person names to the full name with the same last token, spelling variants of full
 *     names, acronyms to their expansions, ALL-CAPS headline words to names attested in
 *     the body, capitals acting as governments to their country.
 * Only the lexicon (read-only) is shared, so any number of threads can run this at once.
 */
#include <actorgraph/nlp/ner.h>

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "util/array_internal.h"
#include "nlp/lexicon_internal.h"
#include "nlp/ner_internal.h"
#include "nlp/text_internal.h"

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
    uint32_t tcls0;       /* lexicon class of its first word */
    uint32_t tflags0;     /* T_* flags of its first word */
    uint16_t ntok;        /* words in the mention (spans are short) */
    int16_t votes[5];     /* cue votes per ag_actor_type */
    uint8_t capital;      /* a national capital (from the lexicon) */
    uint8_t adjective;    /* adjective/demonym form */
    uint8_t metonym;      /* capital standing for its government; 2 marks a team for
                           * sports_teams */
    unsigned dateline : 1; /* dateline place */
    unsigned caps : 1;     /* found in an ALL-CAPS sentence: needs attestation */
    unsigned drop : 1;     /* removed during resolution */
    unsigned team : 1;     /* sports results context: a team */
    unsigned gov : 1;      /* context makes a capital a government */
    unsigned corpdot : 1;  /* "Corp." follows: the period belongs to the name */
    unsigned misc : 1;     /* no actor: an event, a work, a product (ag_mention.misc) */
    unsigned credit : 1;   /* a news agency credited for the story (ag_mention.credit) */
} cand;

/* A distinct unknown name of the document (keyed by its lower-cased text). */
typedef struct dname {
    const char *key;    /* lower-cased normalised text (arena) */
    const char *text;   /* text as first written (arena) */
    size_t keylen;      /* bytes of key */
    int votes[5];       /* summed votes */
    int ntok;           /* words in the name */
    int strong;         /* a mention had a title or starts with a given name */
    const char *last;   /* lower-cased last word (points into key) */
    size_t lastlen;     /* bytes of last */
    long canon;         /* name it resolves to (itself when -1) */
    ag_actor_type type; /* decided type */
    uint32_t hash;      /* low half of the key's ag__hash_bytes (see vk_slot) */
    size_t first;       /* index of its first candidate */
} dname;

typedef struct ablock {
    struct ablock *next; /* next block */
    size_t used, size;   /* bytes used / available */
    char data[];         /* storage */
} ablock;

/* Open-addressing table with generation stamps, so clearing per document is O(1). */
typedef struct dslot {
    uint32_t gen;    /* valid when equal to the table's gen */
    uint32_t val;    /* payload */
    const char *key; /* key bytes (arena or lexicon) */
    uint32_t klen;   /* key length (keys are shorter than AG__LEX_MAXKEY) */
    uint32_t hash;   /* low half of the key's ag__hash_bytes: a probe reads the key's
                      * bytes (another cache line) only when this matches, and growing
                      * needs no rehash */
} dslot;

typedef struct dtab {
    dslot *v;     /* slots */
    size_t cap;   /* power of two */
    size_t n;     /* used in this generation */
    uint32_t gen; /* current generation */
} dtab;

struct ag__ner_scratch {
    tok *toks;               /* tokens of the document */
    size_t ntoks, captoks;   /* used / allocated tokens */
    cand *cands;             /* candidates in creation order */
    size_t ncands, capcands; /* used / allocated candidates */
    dname *names;            /* distinct unknown names */
    size_t nnames, capnames; /* used / allocated names */
    ablock *arena;           /* first block; blocks are kept across documents */
    ablock *cur;             /* block being filled */
    dtab evidence;           /* lower-cased word -> EV_* flags */
    dtab nametab;            /* lower-cased name -> index into names */
    unsigned char *capsent;  /* per sentence: 1 when ALL-CAPS, 2 when a title-case headline */
    size_t capcapsent;       /* allocated bytes of capsent */
    int anycapsent;          /* some capsent of the document is 1 (ALL-CAPS) */
    size_t tk_ninit, tk_nlower, tk_ncommon; /* words of the last tokenise: capitalised,
                                             * lower-case, capitalised ordinary words */
    size_t tk_ncap, tk_nlow; /* words of the last tokenise: ALL-CAPS (2 letters or more) and
                              * not ALL-CAPS (see caps_sentence) */
    dtab keys;               /* resolution keys (variant, initials, suffixes) */
    uint32_t *link;          /* resolution: chain links (2 per name) */
    size_t *pos_last;        /* resolution: last mention offset + 1 per name */
    size_t caplink;          /* names the two arrays above have room for */
    int evidence_done;       /* evidence holds the document's words (see attested) */
    int toks_kept;           /* toks are all the last document's (ag__ner_sentence_tokens) */
    size_t nsents;           /* sentences of the last document */
    size_t *sent_first;      /* when kept: first token of each sentence, then ntoks */
    size_t capsent_first;    /* allocated entries of sent_first */
    dtab grammar;            /* word of the lists below -> G_* bits (built once) */
    size_t grammar_maxlen;   /* bytes of its longest word */
    uint64_t gram_lens[256]; /* by first byte: bit n set when a list word of n bytes has it */
    struct wc_slot *wcache;  /* word class cache, WC_SLOTS slots (see word_class) */
    uint64_t wc_stamp;       /* ag__lex_stamp of the lexicon whose answers it holds */
    struct vk_slot *vkcache; /* variant key cache, VK_SLOTS slots (see name_variant_key) */
};

/* A slot of the word class cache: a lower-cased word of at most WC_MAXLEN bytes, inline,
 * and its lexicon class. */
#define WC_MAXLEN 27
#define WC_SLOTS 4096u
typedef struct wc_slot {
    uint32_t cls;         /* ag__lex_class_lower of the word */
    uint8_t len;          /* bytes of the word, 0 for an empty slot */
    char w[WC_MAXLEN];    /* the word */
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

/* ---------------------------------------------------------------- small helpers */

/* arena_alloc when the current block is full. */
static char *arena_alloc_next(struct ag__ner_scratch *p, size_t n) {
    ablock *b = p->cur;
    while (b && b->size - b->used < n)
        b = b->next;
    if (!b) {
        size_t sz = n > 65536 ? n : 65536;
        b = malloc(sizeof *b + sz);
        if (!b)
            return NULL;
        b->used = 0;
        b->size = sz;
        b->next = NULL;
        /* Append so that reset order is stable. */
        if (!p->arena) {
            p->arena = b;
        } else {
            ablock *t = p->arena;
            while (t->next)
                t = t->next;
            t->next = b;
        }
    }
    p->cur = b;
    char *r = b->data + b->used;
    b->used += n;
    return r;
}

/* Inline for the common case, room in the current block (several calls per name). */
static inline char *arena_alloc(struct ag__ner_scratch *p, size_t n) {
    ablock *b = p->cur;
    if (!b || b->size - b->used < n)
        return arena_alloc_next(p, n);
    char *r = b->data + b->used;
    b->used += n;
    return r;
}

static const char *arena_str(struct ag__ner_scratch *p, const char *s, size_t n) {
    char *r = arena_alloc(p, n + 1);
    if (!r)
        return NULL;
    ag__bytes_copy(s, n, r, 0);
    r[n] = '\0';
    return r;
}

static dslot *dt_get(dtab *t, const char *k, size_t n, int create, int *err) {
    if (create && (t->n + 1) * 2 > t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 4096;
        dslot *nv = calloc(nc, sizeof *nv);
        if (!nv) {
            *err = 1;
            return NULL;
        }
        for (size_t i = 0; i < t->cap; i++) {
            if (t->v[i].gen != t->gen)
                continue;
            size_t j = t->v[i].hash & (nc - 1);
            while (nv[j].gen == t->gen)
                j = (j + 1) & (nc - 1);
            nv[j] = t->v[i];
        }
        free(t->v);
        t->v = nv;
        t->cap = nc;
    }
    if (!t->cap)
        return NULL;
    uint32_t h = (uint32_t)ag__hash_bytes(k, n);
    size_t mask = t->cap - 1, i = h & mask;
    for (;;) {
        dslot *s = &t->v[i];
        if (s->gen != t->gen) {
            if (!create)
                return NULL;
            s->gen = t->gen;
            s->key = k;
            s->klen = (uint32_t)n;
            s->hash = h;
            s->val = 0;
            t->n++;
            return s;
        }
        if (s->hash == h && s->klen == n && ag__bytes_eq(s->key, k, n))
            return s;
        i = (i + 1) & mask;
    }
}

/* Find key k of table t, or add it keyed by a copy of k in the arena (so k may be a
 * temporary) followed by room for extra more bytes (after the key's NUL) that the caller
 * fills; *created says which. One probe sequence either way. NULL when out of memory. */
static dslot *dt_intern_extra(struct ag__ner_scratch *p, dtab *t, const char *k, size_t n,
                              size_t extra, int *created) {
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

static dslot *dt_intern(struct ag__ner_scratch *p, dtab *t, const char *k, size_t n, int *created) {
    return dt_intern_extra(p, t, k, n, 0, created);
}

static void dt_clear(dtab *t) {
    t->n = 0;
    t->gen++;
    if (t->gen == 0) { /* wrapped: really clear */
        if (t->v)
            memset(t->v, 0, t->cap * sizeof *t->v);
        t->gen = 1;
    }
}

/* Lexicon class of the lower-cased word low[0, n) (n > 0), through a direct-mapped cache
 * of the scratch. Why: the lexicon's class table is megabytes, so a lookup there costs a
 * cache miss or two (the slot, then its key), while news text repeats a few thousand
 * words; a slot here keeps the word inline, so a hit reads one cache line. */
static inline uint32_t word_class(struct ag__ner_scratch *p, const ag_lexicon *lex,
                                  const char *low, size_t n) {
    uint64_t h = ag__hash_bytes(low, n);
    if (n - 1 >= WC_MAXLEN) /* also n == 0: an empty slot must not answer */
        return ag__lex_class_hashed(lex, low, n, h);
    wc_slot *s = &p->wcache[h & (WC_SLOTS - 1)];
    if (s->len == n && ag__bytes_eq(s->w, low, n))
        return s->cls;
    s->cls = ag__lex_class_hashed(lex, low, n, h);
    s->len = (uint8_t)n;
    memcpy(s->w, low, n);
    return s->cls;
}

/* ---------------------------------------------------------------- word lists local to
 * the recogniser (grammar, not knowledge: they do not belong in the lexicon) */

/* Verbs of saying after a name: person (or organisation) cue. */
static const char *const say_verbs[] = {"said",     "says",    "told",      "added", "stated",
                                        "noted",    "asked",   "warned",    "wrote", "tweeted",
                                        "insisted", "claimed", "explained", NULL};
/* Common nouns after a name that make it an organisation or a place: what it is
 * ("Interfax news agency"), what a company has ("Microsoft shares", "Sony profits"), who
 * works for or plays in it ("Arsenal striker", "Labour MPs", "Blur frontman"). Words that
 * also follow a person's surname ("Bush administration", "Kerry supporters", "Blair aide")
 * are left out: a surname alone must not become an organisation. */
static const char *const org_nouns[] = {
    "agency",    "newspaper",  "daily",       "weekly",     "company",   "firm",
    "group",     "party",      "club",        "team",       "bank",      "airline",
    "network",   "channel",    "magazine",    "shares",     "stock",     "shareholders",
    "profits",   "profit",     "revenues",    "revenue",    "earnings",  "subsidiary",
    "executives", "employees", "workers",     "customers",  "boss",      "bosses",
    "chairman",  "chairwoman", "board",       "MP",         "MPs",       "MEP",
    "MEPs",      "manifesto",  "backbenchers", "councillors", "striker", "strikers",
    "midfielder", "defender",  "goalkeeper",  "winger",     "squad",     "fans",
    "frontman",  "guitarist",  "drummer",     "bassist",    "vocalist",  "plant",
    "factory",   "headquarters", NULL};
/* Nouns right before a name that say it is an organisation: "software maker Microsoft",
 * "Premiership side Fulham", "rock band Blur", "broadcaster ITV". */
static const char *const org_before[] = {
    "maker",    "makers",       "manufacturer", "firm",      "company",   "giant",
    "group",    "rival",        "retailer",     "carrier",   "airline",   "bank",
    "lender",   "insurer",      "broadcaster",  "newspaper", "network",   "chain",
    "operator", "provider",     "publisher",    "studio",    "label",     "conglomerate",
    "club",     "side",         "champions",    "band",      "party",     "supermarket",
    "brewer",   "producer",     "developer",    "outfit",    "exchange",  "agency",
    "daily",    "regulator",    "watchdog",     NULL};
/* Before "in" or "of": "shares in Sony", "a stake in Airbus", "chief executive of BP". */
static const char *const stake_nouns[] = {
    "shares",   "stake",   "stakes",       "holding",  "holdings",   "executive",
    "chairman", "boss",    "owner",        "founder",  "takeover",   "subsidiary",
    "shareholders", "acquisition", NULL};
/* Last words of names that are events, competitions, prizes, laws and treaties, not
 * actors: "World Cup", "US Open", "Brit Awards", "Patriot Act", "Kyoto Protocol". */
static const char *const misc_heads[] = {
    "Cup",        "Open",     "Championship", "Championships", "Games",   "Olympics",
    "Paralympics", "Trophy",  "Prix",         "Award",         "Awards",  "Prize",
    "Prizes",     "Festival", "Tournament",   "Marathon",      "Classic", "Expo",
    "Summit",     "Series",   "Bowl",         "Act",           "Treaty",  "Accord",
    "Accords",    "Protocol", "Olympiad",     "Grammys",       "Oscars",  "Emmys",
    "Baftas",     "Show",     NULL};
/* Nouns before or after a name that make it a work or a product: "the film Troy", "their
 * album X", "the Xbox console", "the Firefox browser". Nouns a company name also stands
 * before ("Sony games", "Intel chips", "Nokia phones") are left out. */
static const char *const misc_nouns[] = {
    "album",  "albums",   "film",    "films",      "movie",    "movies",   "single",
    "song",   "novel",    "musical", "sitcom",     "documentary", "console", "consoles",
    "browser", "handheld", "blockbuster", "soundtrack", "memoir", "opera", NULL};
/* Last words of multi-word places: "Wall Street", "Tiananmen Square", "Gaza Strip". */
static const char *const place_heads[] = {
    "Street", "Square", "Avenue", "Road",   "Bridge",  "Strip",     "Prison",   "Stadium",
    "Mountains", "Hills", "Valley", "River", "Lake",   "Island",    "Islands",  "Gulf",
    "Bay",    "Strait",   "Sea",   "Ocean",  "Desert", "Peninsula", "Coast",   "Airport",
    "Province", "Region", "Wharf",  "Quay",    "Harbour", "Pier",      "Palace",   "Castle",
    "Gardens", "Park",    NULL};
static const char *const place_nouns[] = {"province", "region", "district", "city",   "county",
                                          "village",  "town",   "river",    "valley", "island",
                                          "airport",  "border", "area",     NULL};
/* Sports club naming: a place with one of these after it ("Bristol City", "Notts County")
 * or before it ("Real Madrid", "Dynamo Moscow") is a club, hence an organisation. */
static const char *const team_after[] = {"United",  "City",    "Rovers",  "Wanderers", "Athletic",
                                         "Albion",  "Orient",  "Rangers", "County",    "Town",
                                         "Thistle", "Hotspur", "FC",      "Sox",       NULL};
static const char *const team_before[] = {
    "Real",     "Dynamo",    "Dinamo", "Spartak", "Lokomotiv", "Sporting", "Olympique", "Racing",
    "Atletico", "Deportivo", "CSKA",   "FC",      "AC",        "Inter",    NULL};
/* Prepositions of place before a name. */
static const char *const loc_preps[] = {"in",     "at",  "near",    "outside", "across", "inside",
                                        "around", "via", "towards", "toward",  NULL};
/* Before a capital, these keep it a location (never a government). */
static const char *const loc_keep[] = {
    "in",      "at",       "from",   "to",      "into",    "near", "via",     "outside",
    "inside",  "across",   "around", "through", "leaving", "left", "reached", "visit",
    "visited", "visiting", "toward", "towards", "of",      NULL};
/* Before a capital, these make it a government ("contacts with Washington"). */
static const char *const gov_before[] = {"with",    "between", "assured", "urged", "told", "asked",
                                         "accused", "pressed", "warned",  "by",    "and",  NULL};
/* After a capital, these make it a government ("Islamabad assured"). */
static const char *const gov_after[] = {
    "said",    "says",    "has",       "have",      "had",      "is",      "was",      "will",
    "would",   "wants",   "wanted",    "must",      "should",   "could",   "can",      "agreed",
    "assured", "accused", "alleged",   "allowed",   "urged",    "asked",   "insisted", "rejected",
    "denied",  "resumed", "announced", "expressed", "welcomed", "warned",  "demanded", "called",
    "told",    "refused", "believes",  "hopes",     "accuses",  "insists", NULL};
/* Company suffixes whose period belongs to the name ("First Albany Corp."). */
static const char *const corp_sfx[] = {"Corp", "Inc", "Co", "Ltd", "Bros", NULL};

/* Membership bits of the lists, for tok_in: one hash lookup per token answers them all
 * (the lists are scanned with string compares otherwise, several per token). */
enum {
    G_SAY = 1u << 0,
    G_ORG_NOUN = 1u << 1,
    G_PLACE_NOUN = 1u << 2,
    G_TEAM_AFTER = 1u << 3,
    G_TEAM_BEFORE = 1u << 4,
    G_LOC_PREP = 1u << 5,
    G_LOC_KEEP = 1u << 6,
    G_GOV_BEFORE = 1u << 7,
    G_GOV_AFTER = 1u << 8,
    G_CORP_SFX = 1u << 9,
    G_ORG_BEFORE = 1u << 10,
    G_STAKE = 1u << 11,
    G_MISC_HEAD = 1u << 12,
    G_MISC_NOUN = 1u << 13,
    G_PLACE_HEAD = 1u << 14,
    G_DONE = 1u << 15 /* tok.gram is filled in */
};
static const struct {
    const char *const *words;
    uint32_t bit;
} grammar_lists[] = {{say_verbs, G_SAY},           {org_nouns, G_ORG_NOUN},
                     {place_nouns, G_PLACE_NOUN},  {team_after, G_TEAM_AFTER},
                     {team_before, G_TEAM_BEFORE}, {loc_preps, G_LOC_PREP},
                     {loc_keep, G_LOC_KEEP},       {gov_before, G_GOV_BEFORE},
                     {gov_after, G_GOV_AFTER},     {corp_sfx, G_CORP_SFX},
                     {org_before, G_ORG_BEFORE},   {stake_nouns, G_STAKE},
                     {misc_heads, G_MISC_HEAD},    {misc_nouns, G_MISC_NOUN},
                     {place_heads, G_PLACE_HEAD}};

/* Fill the scratch's table of list words. -1 when out of memory. */
static int grammar_init(struct ag__ner_scratch *p) {
    /* Three hundred words: a table of 1024 slots (24 KB) stays in the L1 cache, where
     * dt_get's first size (4096) would cost a cache miss on every token asked about. */
    if (!(p->grammar.v = calloc(1024, sizeof *p->grammar.v)))
        return -1;
    p->grammar.cap = 1024;
    for (size_t i = 0; i < sizeof grammar_lists / sizeof grammar_lists[0]; i++) {
        for (const char *const *w = grammar_lists[i].words; *w; w++) {
            int err = 0;
            size_t n = strlen(*w);
            dslot *s = dt_get(&p->grammar, *w, n, 1, &err);
            if (!s || err)
                return -1;
            s->val |= grammar_lists[i].bit;
            if (n > p->grammar_maxlen)
                p->grammar_maxlen = n;
            if (n < 64)
                p->gram_lens[(unsigned char)(*w)[0]] |= 1ull << n;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- tokeniser */

static inline int is_ascii_letter(char ch) {
    return (ch | 32) >= 'a' && (ch | 32) <= 'z';
}

/* Inline: one call per token of the corpus. */
static inline int push_tok(struct ag__ner_scratch *p, size_t s, size_t e, uint32_t flags,
                           uint32_t sent, int32_t punct) {
    if (p->ntoks == p->captoks &&
        ag__grow(&p->toks, &p->captoks, p->ntoks + 1, sizeof(tok)) < 0)
        return -1;
    tok *t = &p->toks[p->ntoks++];
    t->s = s;
    t->e = e;
    t->flags = flags;
    t->cls = 0;
    t->sent = sent;
    t->punct = punct;
    t->mf_te = 0; /* mf_val and mf_len are read only when mf_te says they were set */
    t->mt_te = 0;
    t->gram = 0;
    return 0;
}

static int is_open_punct(int32_t cp) {
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

/* End of the run of ASCII letters and digits at text[i, b); ORs R_* of the run into *seen. */
static inline size_t alnum_run(const char *text, size_t i, size_t b, unsigned *seen) {
    unsigned acc = 0, r;
    while (i < b && (r = rclass[(unsigned char)text[i]]) != 0) {
        acc |= r;
        i++;
    }
    *seen |= acc;
    return i;
}

/* Tokenise sentence [a, b) of text; p->tk_ncap and p->tk_nlow count its words for
 * caps_sentence. Time: O(b - a). */
static int tokenise(const ag_lexicon *lex, struct ag__ner_scratch *p, const char *text, size_t *pos,
                    size_t b, uint32_t sent, int *firstp, size_t limit) {
    size_t i = *pos, first_tok = p->ntoks;
    int first = *firstp;
    while (i < b && p->ntoks < limit) {
        if (text[i] == ' ') {
            i++;
            continue;
        }
        int32_t cp;
        size_t cl = ag__dec(text, b, i, &cp);
        if (ag__is_space(cp) || cp == 0xFEFF || cp == 0x200B) { /* BOM, zero-width space */
            i += cl;
            continue;
        }
        if (cp == '<' && i + 1 < b && (is_ascii_letter(text[i + 1]) || text[i + 1] == '/')) {
            /* Markup left in a saved page or feed ("<A HREF=...>", "</FONT>"): its
             * names and attribute values are no words of the text. */
            size_t q = i + 1;
            while (q < b && q - i < 1024 && text[q] != '>' && text[q] != '<' && text[q] != '\n')
                q++;
            if (q < b && text[q] == '>') {
                i = q + 1;
                continue;
            }
        }
        if (!ag__is_letter(cp) && !ag__is_digit(cp)) {
            /* A possessive 's after a word. */
            if (ag_text_is_apostrophe(cp) && p->ntoks > 0 && p->toks[p->ntoks - 1].e == i &&
                (p->toks[p->ntoks - 1].flags & AG__T_WORD) && i + cl < b &&
                (text[i + cl] == 's' || text[i + cl] == 'S') &&
                (i + cl + 1 >= b ||
                 !((text[i + cl + 1] | 32) >= 'a' && (text[i + cl + 1] | 32) <= 'z'))) {
                if (push_tok(p, i, i + cl + 1, AG__T_POSS, sent, 0) < 0)
                    return -1;
                i += cl + 1;
                continue;
            }
            /* CoNLL-style detached clitic: " 's". */
            if (cp == '\'' && i + 1 < b && text[i + 1] == 's' &&
                (i + 2 >= b || text[i + 2] == ' ')) {
                if (push_tok(p, i, i + 2, AG__T_POSS, sent, 0) < 0)
                    return -1;
                i += 2;
                continue;
            }
            if (push_tok(p, i, i + cl, AG__T_PUNCT, sent, cp) < 0)
                return -1;
            /* A quotation restarts a sentence: "said: “The US has asked ...”". */
            if (is_open_punct(cp) && cp != '\'' && cp != 0x2018 && i + cl < b &&
                !ag__is_space((unsigned char)text[i + cl]))
                first = 1;
            else if (!(first && is_open_punct(cp)))
                first = 0;
            i += cl;
            continue;
        }
        /* A word: letters, digits, inner hyphens/apostrophes/periods. */
        size_t s = i;
        uint32_t fl = 0;
        unsigned seen = 0; /* R_* */
        int dotted = 0;
        if (ag__is_upper(cp))
            fl |= AG__T_CAP;
        else if (ag__is_lower(cp))
            fl |= AG__T_LOWER;
        for (;;) {
            i = alnum_run(text, i, b, &seen);
            if (i >= b)
                break;
            unsigned char stop = (unsigned char)text[i];
            if (stop < 0x80 && stop != '-' && stop != '\'' && stop != '.')
                break; /* ASCII space or punctuation that cannot join a word */
            size_t nl = ag__dec(text, b, i, &cp);
            if (ag__is_letter(cp)) {
                seen |= R_LETTER;
                if (ag__is_upper(cp))
                    seen |= R_UPPER;
                else if (ag__is_lower(cp))
                    seen |= R_LOWER;
                i += nl;
                continue;
            }
            if (ag__is_digit(cp)) {
                seen |= R_DIGIT;
                i += nl;
                continue;
            }
            int32_t nx = 0;
            if (i + nl < b)
                ag__dec(text, b, i + nl, &nx);
            int nx_alnum = ag__is_letter(nx) || ag__is_digit(nx);
            if (ag_text_is_hyphen(cp) && nx_alnum) {
                fl |= AG__T_HYPHEN;
                i += nl;
                continue;
            }
            if (ag_text_is_apostrophe(cp) && ag__is_letter(nx) &&
                !((nx == 's' || nx == 'S') &&
                  (i + nl + 1 >= b || !ag__is_letter((unsigned char)text[i + nl + 1])))) {
                i += nl;
                continue;
            }
            /* U.S. / U.N. / J. : single letters each followed by a period. */
            if (cp == '.' && (i - s == 1 || (dotted && text[i - 2] == '.')) &&
                ag__is_upper((unsigned char)text[i - 1])) {
                dotted = 1;
                i += 1;
                if (i < b && ag__is_upper((unsigned char)text[i]) &&
                    (i + 1 >= b || text[i + 1] == '.'))
                    continue;
                break;
            }
            break;
        }
        if (dotted)
            fl |= AG__T_DOTTED;
        if (seen & R_DIGIT)
            fl |= AG__T_DIGIT;
        if (seen & R_LETTER) {
            fl |= AG__T_WORD;
            if ((seen & (R_LOWER | R_UPPER)) == R_UPPER)
                fl |= AG__T_ALLCAPS;
        }
        if (first) {
            fl |= AG__T_FIRST;
            first = 0;
        }
        /* "Mr. Smith", "Lt. Gen. Olu": a short title word keeps its period, so the title
         * and the name stay one span. */
        if (!dotted && i < b && text[i] == '.' && i - s <= 5 && (fl & AG__T_CAP) &&
            (seen & R_LETTER) && !(fl & AG__T_DIGIT)) {
            char low[8];
            ag__lex_lower(text + s, i - s, low);
            /* "St. Louis", "St. Petersburg": "St." before a capitalised word too. */
            int saint = i - s == 2 && text[s] == 'S' && text[s + 1] == 't' && i + 2 < b &&
                        text[i + 1] == ' ' && text[i + 2] >= 'A' && text[i + 2] <= 'Z';
            if (saint || (word_class(p, lex, low, i - s) & AG_LEX_TITLE)) {
                fl |= AG__T_ABBR;
                i++;
            }
        }
        if (push_tok(p, s, i, fl, sent, 0) < 0)
            return -1;
    }
    /* Word classes, looked up only where they can matter: capitalised words and their
     * neighbours (connectors, lower-case titles, "the"). A lower-case word between two
     * lower-case words is never part of or next to a name, and skipping it halves the
     * hash lookups on ordinary prose. The same pass counts the words caps_sentence asks
     * about. */
    size_t ncap = 0, nlow = 0, ninit = 0, nlower = 0;
    for (size_t k = first_tok; k < p->ntoks; k++) {
        tok *t = &p->toks[k];
        if (!(t->flags & AG__T_WORD))
            continue;
        if (t->flags & AG__T_LOWER)
            nlower++;
        else if ((t->flags & AG__T_CAP) && !(t->flags & AG__T_DIGIT))
            ninit++;
        if (!(t->flags & AG__T_ALLCAPS))
            nlow++;
        else if (t->e - t->s >= 2)
            ncap++;
        int need = (t->flags & (AG__T_CAP | AG__T_ALLCAPS)) != 0;
        if (!need && k > 0 && (p->toks[k - 1].flags & (AG__T_CAP | AG__T_ALLCAPS)))
            need = 1;
        if (!need && k + 1 < p->ntoks && (p->toks[k + 1].flags & (AG__T_CAP | AG__T_ALLCAPS)))
            need = 1;
        if (k + 1 == p->ntoks && i < b)
            need = 1; /* its right neighbour comes with the next chunk */
        size_t n = t->e - t->s - ((t->flags & AG__T_ABBR) ? 1 : 0);
        if (need && n < AG__LEX_MAXKEY) {
            char low[AG__LEX_MAXKEY];
            ag__lex_lower(text + t->s, n, low);
            t->cls = word_class(p, lex, low, n);
        }
    }
    p->tk_ncap = ncap;
    p->tk_nlow = nlow;
    p->tk_ninit = ninit;
    p->tk_nlower = nlower;
    /* Capitalised ordinary words past the first ("Gets", "Plan"): title case, where
     * prose capitalises names only. Counted once the classes are known. */
    size_t ncommon = 0;
    for (size_t k = first_tok; k < p->ntoks && ninit >= 4; k++) {
        const tok *t = &p->toks[k];
        if ((t->flags & (AG__T_CAP | AG__T_ALLCAPS | AG__T_FIRST)) == AG__T_CAP &&
            (t->cls & AG_LEX_COMMON) &&
            !(t->cls & (AG_LEX_GIVEN | AG_LEX_PROPER | AG_LEX_TITLE | AG_LEX_ORGCUE |
                        AG_LEX_FUNCTION)))
            ncommon++;
    }
    p->tk_ncommon = ncommon;
    *pos = i;
    *firstp = first;
    return 0;
}

/* ---------------------------------------------------------------- candidates */

static cand *new_cand(struct ag__ner_scratch *p, const tok *toks, size_t ts, size_t te) {
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

/* Bytes [s, e) are "words joined by single spaces" (the shape of lexicon forms). */
static int single_spaced(const char *text, const tok *toks, size_t ts, size_t te) {
    for (size_t k = ts + 1; k < te; k++)
        if (toks[k].s != toks[k - 1].e + 1 || text[toks[k - 1].e] != ' ')
            return 0;
    return 1;
}

/* match_form past its quick answers: looks the form up and caches an exact-case answer. */
static size_t match_form_lookup(const ag_lexicon *lex, const char *text, const tok *toks,
                                size_t ts, size_t te, int fold, ag_lex_actor *out) {
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
    if (!fold) {
        tk->mf_te = (uint32_t)(te + 1);
        tk->mf_len = (uint8_t)found;
        tk->mf_val = val;
    }
    if (found)
        ag__lex_fill(lex, val, out);
    return found;
}

/* Longest lexicon form starting at token ts and ending before te: its length in tokens,
 * or 0. fold: case-insensitive (ALL-CAPS text). Inline for the answers that need no
 * lookup, most of the calls: no form starts with the word (every form registers its first
 * word), or the token's cache has it (never set for a long ALL-CAPS word, which is always
 * folded). */
static inline size_t match_form(const ag_lexicon *lex, const char *text, const tok *toks,
                                size_t ts, size_t te, int fold, ag_lex_actor *out) {
    const tok *t = &toks[ts];
    if (!(t->cls & 0xFF00) || !(t->flags & AG__T_WORD))
        return 0;
    if (!fold && t->mf_te == te + 1) {
        if (t->mf_len)
            ag__lex_fill(lex, t->mf_val, out);
        return t->mf_len;
    }
    return match_form_lookup(lex, text, toks, ts, te, fold, out);
}

/* match_title past its quick answers: looks the phrase up. */
static size_t match_title_lookup(struct ag__ner_scratch *p, const ag_lexicon *lex,
                                 const char *text, const tok *toks, size_t ts, size_t te) {
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

/* Longest title phrase starting at token ts (before te): its length in tokens, or 0.
 * Inline for the quick answers: no title phrase starts with the word, or the token's
 * cache has the answer (half the lookups repeat one for the same span). */
static inline size_t match_title(struct ag__ner_scratch *p, const ag_lexicon *lex,
                                 const char *text, const tok *toks, size_t ts, size_t te) {
    const tok *t = &toks[ts];
    if (!(t->cls & 0xFF0000) || !(t->flags & AG__T_WORD))
        return 0;
    if (t->mt_te == te + 1)
        return t->mt_len;
    size_t n = match_title_lookup(p, lex, text, toks, ts, te);
    tok *tk = (tok *)t; /* scratch memory, like match_form's cache */
    tk->mt_te = (uint32_t)(te + 1);
    tk->mt_len = (uint8_t)n;
    return n;
}

/* The token is the word w. Inline: w is a literal, so strlen folds to a constant and the
 * compare to a load or two. */
static inline int tok_is(const char *text, const tok *t, const char *w) {
    size_t n = strlen(w);
    return t->e - t->s == n && memcmp(text + t->s, w, n) == 0;
}

/* ---------------------------------------------------------------- the recogniser */

typedef struct ctx {
    const ag_lexicon *lex;     /* the lexicon */
    const ag_ner_opts *opts;   /* options */
    const char *text;          /* the document */
    size_t len;                /* its length */
    struct ag__ner_scratch *p; /* scratch */
    tok *toks;                 /* == p->toks after tokenising */
    size_t ntoks;              /* == p->ntoks */
} ctx;

/* The word token t is in the lists of bits `lists` (G_*, exact case). The answer for all
 * lists is kept in the token, as a token is asked about several. */
static int tok_in(const ctx *c, const tok *t, uint32_t lists) {
    if (!(t->flags & AG__T_WORD))
        return 0;
    if (!(t->gram & G_DONE)) {
        size_t n = t->e - t->s;
        uint16_t g = G_DONE;
        /* Most words are in no list: their first byte and length say so without a hash. */
        if (n <= c->p->grammar_maxlen &&
            (n >= 64 || ((c->p->gram_lens[(unsigned char)c->text[t->s]] >> n) & 1))) {
            int err = 0;
            const dslot *s = dt_get(&c->p->grammar, c->text + t->s, n, 0, &err);
            if (s)
                g |= (uint16_t)s->val;
        }
        ((tok *)t)->gram = g; /* scratch memory, like match_form's cache */
    }
    return (t->gram & lists) != 0;
}

static int capish(const ctx *c, size_t k) {
    const tok *t = &c->toks[k];
    if (!(t->flags & AG__T_WORD) || (t->flags & AG__T_DIGIT))
        return 0; /* "PK-250", "G7" are codes, not names */
    if (c->p->capsent[t->sent] == 1)
        return 1;
    return (t->flags & AG__T_CAP) != 0;
}

/* A span may start at token k: capish and not used yet. Inline, as spans asks it of every
 * token of the document and most are lower-case words: their flags answer, unless the
 * document has an ALL-CAPS sentence. */
static inline int span_start(const struct ag__ner_scratch *p, const tok *t) {
    uint32_t mask = AG__T_USED | AG__T_WORD | AG__T_DIGIT | AG__T_CAP;
    if ((t->flags & mask) == (AG__T_WORD | AG__T_CAP))
        return 1;
    return p->anycapsent && (t->flags & (mask & ~AG__T_CAP)) == AG__T_WORD && p->capsent[t->sent] == 1;
}

static int note_evidence(struct ag__ner_scratch *p, const char *text, const tok *t, size_t n);

/* Documents of at most this many tokens answer attested by a scan of their tokens: the few
 * questions a short document asks cost less than a table of all its capitalised words. */
#define EV_SCAN_TOKENS 256

/* A word the document writes capitalised in mid-sentence: 1 or 0, -1 when out of memory.
 * Unless the document is short, the table of such words is filled on the first question
 * (most documents ask none) when all its tokens are at hand, else while tokenising. */
static int attested(const ctx *c, size_t k) {
    const tok *t = &c->toks[k];
    size_t n = t->e - t->s;
    char low[AG__LEX_MAXKEY];
    int e = 0;
    if (n >= AG__LEX_MAXKEY)
        return 0;
    ag__lex_lower(c->text + t->s, n, low);
    if (!c->p->evidence_done && c->ntoks <= EV_SCAN_TOKENS) {
        /* The tokens note_evidence would record. They are capitalised, so tokenise gave
         * them their word's class; when it gave t one too (t is capitalised), a token of
         * another class is another word, and needs no compare. */
        int by_class = (t->flags & (AG__T_CAP | AG__T_ALLCAPS)) != 0;
        for (size_t j = 0; j < c->ntoks; j++) {
            const tok *u = &c->toks[j];
            if (u->e - u->s != n ||
                (u->flags & (AG__T_CAP | AG__T_FIRST | AG__T_ALLCAPS)) != AG__T_CAP ||
                (by_class && u->cls != t->cls) || c->p->capsent[u->sent])
                continue;
            char ul[AG__LEX_MAXKEY];
            ag__lex_lower(c->text + u->s, n, ul);
            if (ag__bytes_eq(ul, low, n))
                return 1;
        }
        return 0;
    }
    if (!c->p->evidence_done) {
        if (note_evidence(c->p, c->text, c->toks, c->ntoks) < 0)
            return -1;
        c->p->evidence_done = 1;
    }
    /* the evidence table keys point into the arena: look up with a temporary key */
    dslot *s = dt_get(&c->p->evidence, low, n, 0, &e);
    return s && (s->val & EV_CAPMID);
}

/* Emit a gazetteer mention for tokens [ts, te). */
static cand *emit_lex(ctx *c, size_t ts, size_t te, const ag_lex_actor *a) {
    cand *m = new_cand(c->p, c->toks, ts, te);
    if (!m)
        return NULL;
    m->type = a->type;
    m->lexname = a->name;
    m->country = a->country;
    m->capital = a->capital;
    m->adjective = a->adjective;
    for (size_t k = ts; k < te; k++)
        c->toks[k].flags |= AG__T_USED;
    return m;
}

/* Emit gazetteer mentions for the parts of a hyphenated token ("Pak-US", "US-led",
 * "intra-Afghan"). Returns 1 when the token was consumed that way, 0 when it is a name
 * token of its own ("Inter-Services"), -1 on allocation failure. */
static int split_hyphenated(ctx *c, size_t k) {
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
    }
    t->flags |= AG__T_USED;
    return 1;
}

/* Length in tokens of the title at token j (before te), or 0. Besides the title phrases
 * of the lexicon this takes a portfolio of up to three capitalised ordinary words before
 * a title head: "Migration Minister", "Home Affairs Minister", "Finance Secretary". */
static size_t title_len(const ctx *c, size_t j, size_t te) {
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
    return hl ? q + hl - j : 0;
}

/* Token k is an honorific that only ever stands before a person's name. */
static int is_honorific(const ctx *c, size_t k) {
    static const char *const words[] = {"Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.",
                                        "Miss", "Sir", "Dame", "MR", "MRS", "MS", NULL};
    for (const char *const *w = words; *w; w++)
        if (tok_is(c->text, &c->toks[k], *w))
            return 1;
    return 0;
}

/*
 * Strip leading titles of span [ts, te): returns the first token of the name and sets
 * role_s and role_e (bytes) when a title was found. A country or adjective before a title
 * ("US Special Envoy", "Afghan President") is emitted as its own mention. A portfolio
 * after "for"/"of" ("Special Envoy for Afghanistan", "Secretary of State") is part of the
 * role. Returns (size_t)-1 on allocation failure.
 */
static size_t strip_titles_at(ctx *c, size_t ts, size_t te, size_t *role_s, size_t *role_e,
                              int caps) {
    size_t j = ts;
    int titled = 0;
    for (;;) {
        if (j >= te)
            break;
        ag_lex_actor a;
        size_t g = match_form(c->lex, c->text, c->toks, j, te, caps, &a);
        if (g && j + g < te && a.type == AG_ACTOR_COUNTRY && title_len(c, j + g, te)) {
            if (!emit_lex(c, j, j + g, &a))
                return (size_t)-1;
            j += g;
            continue;
        }
        size_t tl = title_len(c, j, te);
        if (!tl)
            break;
        /* "General Motors", "General Assembly": a title followed only by common words is
         * not a title. */
        size_t r = j + tl;
        int all_common = r < te;
        for (size_t k = r; k < te; k++) {
            uint32_t cl = c->toks[k].cls;
            if (!(cl & AG_LEX_COMMON) || (cl & (AG_LEX_GIVEN | AG_LEX_PROPER | AG_LEX_TITLE)))
                all_common = 0;
            if (cl & AG_LEX_ORGCUE)
                all_common = 1, k = te;
        }
        /* An honorific ("Mr Straw", "Ms Rice") always names a person. */
        if (all_common && !titled && !(tl == 1 && is_honorific(c, j)))
            break;
        if (!titled)
            *role_s = c->toks[j].s;
        titled = 1;
        j = r;
        *role_e = c->toks[j - 1].e;
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
                if (cl & AG_LEX_CONNECTOR) {
                    k++;
                    continue;
                }
                break;
            }
            /* Only a portfolio when a name or another title follows it. */
            if (k < te) {
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
                                  int caps) {
    const tok *t = &c->toks[ts];
    uint32_t cl = t->cls;
    if (!(cl & 0xFFFF00) && /* form and title phrase lengths: none starts here */
        !((t->flags & AG__T_CAP) && (cl & AG_LEX_COMMON) &&
          !(cl & (AG_LEX_GIVEN | AG_LEX_ORGCUE | AG_LEX_TITLE))))
        return ts;
    return strip_titles_at(c, ts, te, role_s, role_e, caps);
}

/* Cue votes for an unknown name span [ts, te). */
/* A word shaped like a company's name: camel case ("PeopleSoft", "BSkyB") or an ending
 * that company names use ("-systems", "-soft", "-works", "-ware", "-tech", "-tronics"). */
static int company_shape(const char *w, size_t n) {
    static const char *const ends[] = {"systems", "soft", "works", "ware", "tech", "tronics",
                                       "corp", "com", NULL};
    for (size_t i = 1; i + 1 < n; i++)
        if (w[i - 1] >= 'a' && w[i - 1] <= 'z' && w[i] >= 'A' && w[i] <= 'Z')
            return 1;
    for (const char *const *e = ends; *e; e++) {
        size_t l = strlen(*e);
        if (n > l + 2 && strncasecmp(w + n - l, *e, l) == 0)
            return 1;
    }
    return 0;
}

/* Straight and curly quotation marks. */
static int is_quote(int32_t cp) {
    return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
           cp == '\'';
}

/*
 * Typing evidence for an unknown name, from its own words and the words around it, as
 * votes per ag_actor_type; votes[AG_ACTOR_OTHER] collects evidence that the name is no
 * actor at all (an event, a work, a product: "misc"). The votes of every mention of a
 * name in the document are summed (intern_name) and the strongest wins (resolve).
 */
static void vote_unknown(ctx *c, cand *m, int titled) {
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
    /* "The Nation", "The Hague Tribunal": a capitalised article inside a name. */
    if (n >= 2 && tok_is(c->text, &t[ts], "The"))
        m->votes[AG_ACTOR_ORG] += 2;
    if (n == 1 && (t[ts].flags & AG__T_ALLCAPS) && c->p->capsent[t[ts].sent] != 1 &&
        t[ts].e - t[ts].s >= 2 && t[ts].e - t[ts].s <= 6 &&
        !((t[ts].cls & AG_LEX_COMMON) && t[ts].e - t[ts].s >= 4))
        acronym = 1; /* "NATO", not "DIGEST" */
    if (titled)
        m->votes[AG_ACTOR_PERSON] += 4;
    if (n >= 2 && !titled) {
        ag_lex_actor pa;
        size_t g = match_form(c->lex, c->text, t, ts, te, 0, &pa);
        if ((g && ts + g == te - 1 && pa.type != AG_ACTOR_PERSON &&
             tok_in(c, &t[te - 1], G_TEAM_AFTER)) ||
            (tok_in(c, &t[ts], G_TEAM_BEFORE) &&
             match_form(c->lex, c->text, t, ts + 1, te, 0, &pa) == n - 1))
            m->votes[AG_ACTOR_ORG] += 4;
    }
    if (hascue)
        m->votes[AG_ACTOR_ORG] += 3;
    if (acronym)
        m->votes[AG_ACTOR_ORG] += 2;
    if (hasof && !titled)
        m->votes[AG_ACTOR_ORG] += 2;
    if (given && n >= 2)
        m->votes[AG_ACTOR_PERSON] += 2;
    else if (given && !(t[ts].cls & AG_LEX_COMMON))
        m->votes[AG_ACTOR_PERSON] += 1; /* "Saddam", "Kim": a given name alone */
    /* A multi-word name with no cue is a person's, unless its last word is an ordinary
     * English word and its first no given name: "Arctic Monkeys", "Sun Microsystems",
     * "Deutsche Boerse" name organisations far more often than people. */
    if (n >= 2 && !hascue && !hasof && !allcommon && !acronym) {
        uint32_t lc = t[te - 1].cls;
        if (!titled && !given && (lc & AG_LEX_COMMON) && !(lc & (AG_LEX_GIVEN | AG_LEX_PROPER)))
            m->votes[AG_ACTOR_ORG] += 1;
        else
            m->votes[AG_ACTOR_PERSON] += 1;
    }
    /* Company-like word shapes: a last word ending like a company's ("Microsystems",
     * "PeopleSoft", "RealNetworks") or written in camel case. */
    if (!titled && !given && company_shape(c->text + t[te - 1].s, t[te - 1].e - t[te - 1].s))
        m->votes[AG_ACTOR_ORG] += 3;
    /* What the name's own last word says: an event, a prize or a law ("World Cup",
     * "Brit Awards", "Patriot Act") is no actor (misc votes go to AG_ACTOR_OTHER); a
     * street, square or strip is a place. */
    if (!titled && (t[te - 1].flags & AG__T_CAP)) {
        if (tok_in(c, &t[te - 1], G_MISC_HEAD))
            m->votes[AG_ACTOR_OTHER] += 5;
        else if (n >= 2 && tok_in(c, &t[te - 1], G_PLACE_HEAD))
            m->votes[AG_ACTOR_PLACE] += 3;
    }
    if (allcommon && n >= 2 && !titled)
        m->votes[AG_ACTOR_ORG] += 1;
    /* Context. */
    if (te < c->ntoks && t[te].sent == m->sent) {
        size_t nx = te;
        if (t[nx].flags & AG__T_POSS)
            nx++;
        if (nx < c->ntoks && t[nx].sent == m->sent && tok_in(c, &t[nx], G_SAY)) {
            m->votes[n <= 3 && !hascue ? AG_ACTOR_PERSON : AG_ACTOR_ORG] += 1;
            /* "X said he", "X told her": a person. */
            if (nx + 1 < c->ntoks && t[nx + 1].sent == m->sent &&
                (tok_is(c->text, &t[nx + 1], "he") || tok_is(c->text, &t[nx + 1], "she")))
                m->votes[AG_ACTOR_PERSON] += 2;
        }
        /* A common noun right after the name says what it is: "Interfax news agency",
         * "Kunar province", "Smith, who". */
        const tok *nt = &t[te];
        if (nt->flags & AG__T_LOWER) {
            if (tok_in(c, nt, G_ORG_NOUN) || (nt->cls & AG_LEX_ORGCUE))
                m->votes[AG_ACTOR_ORG] += 2;
            else if (tok_in(c, nt, G_PLACE_NOUN))
                m->votes[AG_ACTOR_PLACE] += 2;
            else if (tok_in(c, nt, G_MISC_NOUN))
                m->votes[AG_ACTOR_OTHER] += 2; /* "the Xbox console" */
            else if ((nt->cls & AG_LEX_TITLE) && !given)
                m->votes[AG_ACTOR_ORG] += 2; /* "Labour leader", "Arsenal manager" */
        } else if ((nt->flags & AG__T_PUNCT) && nt->punct == ',' && te + 2 < c->ntoks &&
                   t[te + 2].sent == m->sent && (t[te + 1].flags & AG__T_DIGIT) &&
                   t[te + 1].e - t[te + 1].s <= 3 && (t[te + 2].flags & AG__T_PUNCT) &&
                   t[te + 2].punct == ',') {
            m->votes[AG_ACTOR_PERSON] += 2; /* "Smith, 45, said" */
        } else if ((nt->flags & AG__T_PUNCT) && nt->punct == ',' && te + 1 < c->ntoks &&
                   t[te + 1].sent == m->sent && tok_is(c->text, &t[te + 1], "who")) {
            m->votes[AG_ACTOR_PERSON] += 1;
        }
    }
    if (ts > 0 && t[ts - 1].sent == m->sent) {
        const tok *pv = &t[ts - 1];
        int loc_before = ts > 1 && t[ts - 2].sent == m->sent &&
                         (tok_in(c, &t[ts - 2], G_LOC_PREP) ||
                          tok_is(c->text, &t[ts - 2], "from") || tok_is(c->text, &t[ts - 2], "to"));
        int stake = ts > 1 && t[ts - 2].sent == m->sent &&
                    (tok_is(c->text, pv, "in") || tok_is(c->text, pv, "of")) &&
                    (t[ts - 2].flags & AG__T_LOWER) && tok_in(c, &t[ts - 2], G_STAKE);
        int quoted = (pv->flags & AG__T_PUNCT) && is_quote(pv->punct) && te < c->ntoks &&
                     (t[te].flags & AG__T_PUNCT) && is_quote(t[te].punct);
        if (stake)
            m->votes[AG_ACTOR_ORG] += 4; /* "shares in Sony", "chief executive of BP" */
        else if (quoted && !titled)
            m->votes[AG_ACTOR_OTHER] += 3; /* a title in quotes: a work */
        else if ((pv->flags & AG__T_LOWER) && tok_in(c, pv, G_ORG_BEFORE))
            m->votes[AG_ACTOR_ORG] += 3;
        else if ((pv->flags & AG__T_LOWER) && tok_in(c, pv, G_MISC_NOUN) && !titled)
            m->votes[AG_ACTOR_OTHER] += 3; /* "the film Troy" */
        else if (tok_is(c->text, pv, "the") && loc_before && !hascue)
            m->votes[AG_ACTOR_PLACE] += 2; /* "at the Auberge de Castille" */
        else if (tok_is(c->text, pv, "the"))
            m->votes[AG_ACTOR_ORG] += 1;
        else if (tok_in(c, pv, G_LOC_PREP))
            m->votes[AG_ACTOR_PLACE] += given ? 1 : 2;
        else if ((pv->flags & AG__T_LOWER) && (pv->cls & AG_LEX_TITLE))
            m->votes[AG_ACTOR_PERSON] += 3;
    }
}

static int do_span(ctx *c, size_t ts, size_t te);

/* Span [k, te) is a name [k, e) followed by a country form that ends the span, two words
 * in all, the first no given name: an organisation's national branch or a national body
 * ("BBC Wales", "Air France", "Tennis Australia", "Motorola UK"). Longer spans are left
 * alone: in title-case headlines "Bush Iraq Plan" is no organisation. */
static int org_branch(ctx *c, size_t k, size_t e, size_t te) {
    const tok *t = c->toks;
    ag_lex_actor b;
    if (te - k != 2 || e != k + 1 || (t[k].cls & (AG_LEX_GIVEN | AG_LEX_TITLE)) ||
        ((t[k].flags & AG__T_FIRST) && (t[k].cls & AG_LEX_COMMON)) || !(t[k].flags & AG__T_CAP) ||
        !single_spaced(c->text, t, k, te))
        return 0;
    return match_form(c->lex, c->text, t, e, te, 0, &b) == te - e && b.type == AG_ACTOR_COUNTRY &&
           !b.adjective;
}

/* The role text [s, e) as an arena string, white space runs made single spaces and the
 * periods of abbreviations dropped ("Lt. Gen." -> "Lt Gen"), so one role is spelt one way. */
static const char *role_str(ctx *c, size_t s, size_t e) {
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

/* Process one raw span of capitalised tokens [ts, te). */
static int do_span(ctx *c, size_t ts, size_t te) {
    tok *t = c->toks;
    /* ALL-CAPS: words looked up whatever their case; a title-case headline: names must
     * be attested in the body, as in ALL-CAPS, but are looked up as written. */
    int caps = c->p->capsent[t[ts].sent] == 1, headline = c->p->capsent[t[ts].sent] != 0;
    /* Sentence-initial function / common words. */
    while (ts < te && (t[ts].flags & AG__T_FIRST) && !caps) {
        ag_lex_actor a;
        uint32_t cl = t[ts].cls;
        if (match_form(c->lex, c->text, t, ts, te, 0, &a))
            break;
        if (cl & AG_LEX_FUNCTION) {
            ts++;
            continue;
        }
        if (match_title(c->p, c->lex, c->text, t, ts, te))
            break;
        /* "Carol White stayed": a word that is also a known name, followed by more of
         * the name, stays; "Senior Taliban officials" does not (a known form follows). */
        ag_lex_actor nx;
        int name_like = (cl & (AG_LEX_GIVEN | AG_LEX_PROPER)) && ts + 1 < te &&
                        !match_form(c->lex, c->text, t, ts + 1, te, 0, &nx);
        if ((cl & AG_LEX_COMMON) && !name_like) {
            int at = attested(c, ts);
            if (at < 0)
                return -1;
            if (!at) {
                ts++;
                continue;
            }
        }
        break;
    }
    /* Weekdays, months, and leading connectors are never name parts at the edges; a
     * religious or group word before an organisation's head word is ("Christian
     * Democratic Union", "Islamic Jihad"). */
    int org_head = te - ts >= 2 && (t[te - 1].cls & AG_LEX_ORGCUE) && (t[te - 1].flags & AG__T_CAP);
    while (ts < te && (((t[ts].cls & AG_LEX_NONNAME) && !org_head) || (t[ts].flags & AG__T_LOWER)))
        ts++;
    while (te > ts && ((t[te - 1].cls & AG_LEX_NONNAME) || (t[te - 1].flags & AG__T_LOWER)))
        te--;
    if (ts >= te)
        return 0;
    /* Initials alone ("S.", "A N") are not names. */
    {
        int initials = 1;
        for (size_t q = ts; q < te && initials; q++) {
            size_t wl = t[q].e - t[q].s;
            if (!(wl == 1 || (wl == 2 && c->text[t[q].s + 1] == '.')))
                initials = 0;
        }
        if (initials && !((t[ts].flags & AG__T_DOTTED) && te - ts == 1 && t[ts].e - t[ts].s > 2))
            return 0;
    }
    /* A lone function word ("The", "We", "I'm") or letter is never a name, nor a stock
     * ticker with its exchange ("SPLS.O", "MON.N"). */
    if (te - ts == 1 && (t[ts].flags & AG__T_ALLCAPS) && t[ts].e + 2 < c->len &&
        c->text[t[ts].e] == '.' && c->text[t[ts].e + 1] >= 'A' && c->text[t[ts].e + 1] <= 'Z' &&
        !is_ascii_letter(c->text[t[ts].e + 2]))
        return 0;
    if (te - ts == 1 && tok_in(c, &t[ts], G_CORP_SFX))
        return 0; /* "Co", "Inc": a company suffix alone */
    if (te - ts == 1) {
        const char *w = c->text + t[ts].s;
        size_t wl = t[ts].e - t[ts].s, ap = 0;
        while (ap < wl && w[ap] != '\'' && (unsigned char)w[ap] != 0xE2)
            ap++;
        if (wl == 1 || ((t[ts].cls & AG_LEX_FUNCTION) && !(t[ts].flags & AG__T_ALLCAPS)))
            return 0;
        if (ap < wl && ap < AG__LEX_MAXKEY) {
            char low[AG__LEX_MAXKEY];
            ag__lex_lower(w, ap, low);
            if (word_class(c->p, c->lex, low, ap) & AG_LEX_FUNCTION)
                return 0;
        }
    }

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

    /* Split the rest into gazetteer forms and unknown runs. */
    size_t k = j, place_led_at = 0;
    int place_led = 0;
    while (k < te) {
        ag_lex_actor a;
        size_t g = 0;
        /* Titles after a known name: "European Commission President Ursula ...". */
        if (k > j && !titled) {
            size_t rs = 0, re = 0;
            size_t nk = strip_titles(c, k, te, &rs, &re, caps);
            if (nk == (size_t)-1)
                return -1;
            if (nk != k) {
                if (!(role = role_str(c, rs, re)))
                    return -1;
                titled = 1;
                k = nk;
                while (k < te && (t[k].flags & AG__T_LOWER))
                    k++;
                if (k >= te)
                    break;
            }
        }
        /* A title-cued name is a person even when its words are places ("Gen Lincoln"). */
        if (!titled)
            g = match_form(c->lex, c->text, t, k, te, caps, &a);
        if (g) {
            /* A place followed by unknown capitalised words is the start of an
             * organisation name ("Kenya Airways"), unless it is an adjective. */
            if (!a.adjective && a.type != AG_ACTOR_ORG && k + g < te && !caps) {
                size_t r = k + g;
                ag_lex_actor b;
                if (!match_form(c->lex, c->text, t, r, te, caps, &b) &&
                    !(t[r].cls & AG_LEX_GIVEN) && !match_title(c->p, c->lex, c->text, t, r, te)) {
                    place_led = 1; /* "Houston Astros", "Kenya Airways" */
                    place_led_at = k;
                    goto unknown;
                }
            }
            /* "European Commission", "African Union": an adjective right before an
             * organisation cue word names the organisation. */
            if (a.adjective && k + g < te && !caps && (t[k + g].cls & AG_LEX_ORGCUE) &&
                (t[k + g].flags & AG__T_CAP))
                goto unknown;
            /* A known name or a national adjective heading a longer organisation name:
             * "United Nations General Assembly", "Kenya Ports Authority", "Scottish
             * National Party", "Chinese Foreign Ministry". */
            if (a.type != AG_ACTOR_PERSON && k + g < te && !caps) {
                int cue = 0;
                for (size_t q = k + g; q < te; q++)
                    if ((t[q].cls & AG_LEX_ORGCUE) && (t[q].flags & AG__T_CAP))
                        cue = 1;
                if (cue)
                    goto unknown;
            }
            /* An organisation's national branch: "BBC Wales", "Motorola UK". */
            if (a.type == AG_ACTOR_ORG && !caps && org_branch(c, k, k + g, te))
                goto unknown;
            cand *m = emit_lex(c, k, k + g, &a);
            if (!m)
                return -1;
            k += g;
            continue;
        }
    unknown:;
        /* An unknown run: up to the next gazetteer form that is not inside an org name. */
        size_t u = k + 1;
        int cue = 0, branch = 0;
        for (size_t q = k; q < te; q++)
            if (t[q].cls & AG_LEX_ORGCUE)
                cue = 1;
        if (!cue && !titled && !headline && org_branch(c, k, k + 1, te)) {
            branch = 1; /* "Air France", "Tennis Australia", "Veltrix UK" */
            u = te;
        }
        while (u < te && !cue && !titled) {
            ag_lex_actor b;
            if (match_form(c->lex, c->text, t, u, te, caps, &b) &&
                !(t[u - 1].cls & AG_LEX_CONNECTOR) && (b.type == AG_ACTOR_COUNTRY || b.adjective))
                break;
            u++;
        }
        if (cue || titled)
            u = te;
        /* An organisation cue followed by a person's name: "Foreign Office Aftab Khokher". */
        if (cue && !titled) {
            size_t last_cue = k;
            for (size_t q = k; q < te; q++)
                if (t[q].cls & AG_LEX_ORGCUE)
                    last_cue = q;
            size_t r = last_cue + 1;
            if (r < te && match_title(c->p, c->lex, c->text, t, r, te)) {
                /* "Foreign Office Spokesperson Dr Mohammad Faisal" */
                if (do_span(c, r, te) < 0)
                    return -1;
                te = u = r;
            } else if (r + 1 < te && !(t[r].cls & (AG_LEX_CONNECTOR | AG_LEX_COMMON)) &&
                       !(t[r].flags & AG__T_LOWER)) {
                u = r;
            }
        }
        /* A title inside the run starts a person's name: "Labour MP George Galloway",
         * "Microsoft Chairman Bill Gates". The words before it name what the person
         * belongs to. */
        int before_title = 0;
        for (size_t q = k + 1; q + 1 < u && !cue && !titled && !headline; q++) {
            size_t tl = match_title(c->p, c->lex, c->text, t, q, u);
            if (!tl || q + tl >= u || !(t[q + tl].flags & AG__T_CAP) ||
                (t[q + tl].cls & AG_LEX_TITLE) || is_honorific(c, q))
                continue;
            if (do_span(c, q, u) < 0)
                return -1;
            te = u = q;
            before_title = 1;
            break;
        }
        while (u > k + 1 && (t[u - 1].flags & AG__T_LOWER))
            u--;
        if (headline) {
            /* Headline words: keep only words attested in the body. */
            int ok = 1;
            for (size_t q = k; q < u; q++) {
                int at = attested(c, q);
                if (at < 0)
                    return -1;
                if (!at || (t[q].cls & AG_LEX_FUNCTION))
                    ok = 0;
            }
            if (!ok) {
                k++;
                continue;
            }
        }
        cand *m = new_cand(c->p, t, k, u);
        if (!m)
            return -1;
        m->type = AG_ACTOR_OTHER;
        m->caps = headline;
        if (titled) {
            m->role = role;
            titled = 2;
        }
        vote_unknown(c, m, titled != 0);
        if (branch || before_title)
            m->votes[AG_ACTOR_ORG] += 3;
        if (place_led && k == place_led_at)
            m->votes[AG_ACTOR_ORG] += 2;
        for (size_t q = k; q < u; q++)
            t[q].flags |= AG__T_USED;
        titled = 0;
        k = u;
    }
    return 0;
}

/* Bytes [a, b) of text hold a line break. A loop, not memchr: the gaps between tokens
 * that find_dateline asks about are a byte or two. */
static inline int has_newline(const char *text, size_t a, size_t b) {
    for (; a < b; a++)
        if (text[a] == '\n')
            return 1;
    return 0;
}

/* Datelines: ALL-CAPS words at the start of one of the first lines, followed by a dash,
 * colon, comma, a date or the end of the line. */
static int find_dateline(ctx *c) {
    tok *t = c->toks;
    size_t lines = 0;
    for (size_t k = 0; k < c->ntoks && lines < 3; k++) {
        int linestart = k == 0 || has_newline(c->text, t[k - 1].e, t[k].s);
        if (k > 0 && linestart)
            lines++;
        if (!linestart)
            continue;
        size_t e = k;
        while (e < c->ntoks && e - k < 4 && (t[e].flags & AG__T_ALLCAPS) &&
               (t[e].flags & AG__T_WORD) && !(t[e].flags & AG__T_DIGIT) && t[e].e - t[e].s >= 2 &&
               !has_newline(c->text, t[e].s, t[e].e) &&
               (e == k || !has_newline(c->text, t[e - 1].e, t[e].s)))
            e++;
        if (e == k)
            continue;
        int after = 0;
        if (e >= c->ntoks || has_newline(c->text, t[e - 1].e, t[e].s))
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
            int known = 1;
            for (size_t q = k; q < e; q++)
                if (t[q].cls & (AG_LEX_COMMON | AG_LEX_FUNCTION))
                    known = 0;
            if (!known)
                continue;
            if (!(m = new_cand(c->p, t, k, e)))
                return -1;
            m->type = AG_ACTOR_PLACE;
            for (size_t q = k; q < e; q++)
                t[q].flags |= AG__T_USED;
        }
        m->dateline = 1;
        return 0;
    }
    return 0;
}

/* ---------------------------------------------------------------- resolution */

/* The words of tokens [ts, te) joined by single spaces into buf (cap bytes), the first
 * from byte s0 and the last up to byte e0; *last: where the last word starts in buf.
 * Returns the length; *whole is 0 when a word did not fit (the words before it are in). */
static size_t join_words(const ctx *c, size_t ts, size_t te, size_t s0, size_t e0, char *buf,
                         size_t cap, size_t *last, int *whole) {
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
        if (k > ts)
            buf[l++] = ' ';
        *last = l;
        ag__bytes_copy(c->text + s, e - s, buf + l, 0);
        l += e - s;
    }
    return l;
}

/* Add unknown name candidate m to the document's names (keyed by its lower-cased text). */
static int intern_name(ctx *c, cand *m) {
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
    dslot *s = dt_intern_extra(p, &p->nametab, buf, l, with_text ? l + 1 : 0, &created);
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
        if (!(d->text = arena_str(p, tb, l)))
            return -1;
    }
    for (int i = 0; i < 5; i++)
        d->votes[i] += m->votes[i];
    if (m->role || (m->te - m->ts >= 2 && (t[m->ts].cls & AG_LEX_GIVEN)))
        d->strong = 1;
    m->name = (long)s->val;
    return 0;
}

static long root(dname *names, long i) {
    while (names[i].canon >= 0 && names[i].canon != i)
        i = names[i].canon;
    return i;
}

static ag_actor_type best_type(const int *v) {
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

/* Key the strings of names into a generation-stamped table: key -> first name index,
 * chained through link[]. */
static int chain_add(dtab *t, const char *k, size_t n, uint32_t idx, uint32_t *link) {
    int err = 0;
    dslot *sl = dt_get(t, k, n, 1, &err);
    if (!sl || err)
        return -1;
    link[idx] = sl->val; /* previous head (0 = none; values are index + 1) */
    sl->val = idx + 1;
    return 0;
}

/* A bit standing for last words of len bytes ending in byte last (resolve's filter). */
static inline uint64_t last_word_bit(size_t len, char last) {
    return 1ull << ((len * 8 + (unsigned char)last) & 63);
}

/* The key text w (rest bytes left) starts with one of the small words "of ", "for ",
 * "the ", "and " that acronyms may skip. */
static int small_word_at(const char *w, size_t rest) {
    if (rest >= 3 && w[0] == 'o' && w[1] == 'f' && w[2] == ' ')
        return 1;
    return rest >= 4 && w[3] == ' ' &&
           (memcmp(w, "for", 3) == 0 || memcmp(w, "the", 3) == 0 || memcmp(w, "and", 3) == 0);
}

/* A name resolve may take for an acronym: one ALL-CAPS word of 2 to 8 letters that no
 * spelling variant has resolved (variants resolve only names of several words). */
static int acronym_like(const dname *d) {
    if (d->ntok != 1 || d->keylen < 2 || d->keylen > 8 || !d->text || d->canon >= 0)
        return 0;
    for (size_t q = 0; q < d->keylen; q++)
        if (!(d->text[q] >= 'A' && d->text[q] <= 'Z'))
            return 0;
    return 1;
}

static int variant_key(const char *name, size_t nl, char *buf, size_t bufsize, int short_form);

/* ag_ner_variant_key of name d's key, through the scratch's cache: *v is set to the key,
 * in buf or in the cache (valid until the next call). */
static int name_variant_key(struct ag__ner_scratch *p, const dname *d, char *buf, size_t bufsize,
                            const char **v) {
    vk_slot *s = &p->vkcache[d->hash & (VK_SLOTS - 1)];
    if (d->keylen < VK_MAXLEN && s->klen == d->keylen && ag__bytes_eq(s->key, d->key, d->keylen)) {
        *v = s->v;
        return s->vlen;
    }
    int n = variant_key(d->key, d->keylen, buf, bufsize, 0);
    *v = buf;
    if (d->keylen < VK_MAXLEN && n > 0 && n < VK_MAXLEN && (size_t)n < bufsize) {
        s->klen = (uint8_t)d->keylen;
        s->vlen = (uint8_t)n;
        memcpy(s->key, d->key, d->keylen);
        memcpy(s->v, buf, (size_t)n + 1);
    }
    return n;
}

/*
 * One type per name, spelling variants, acronyms and partial names.
 * Time complexity: O(N + M log M) for N candidates and M names, plus the (short) chains of
 * names sharing a key; no pass is quadratic in the document.
 */
/* ---------------------------------------------------------------- in-article resolution
 * of organisations and of surname-first names */

/* Word w of a lower-cased key, its plural ending dropped ("democrats" -> "democrat",
 * "tories" -> "tory" as "tor" + 'y'): *n is the stem's length, *y set when a final 'y'
 * stands for "ies". */
static const char *stem_word(const char *w, size_t l, size_t *n, int *y) {
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

/* a is b, its plural or singular, or a clipped form of it: "lib" of "liberal", "dems" of
 * "democrats", "tories" of "tory". A clipped form has at least 3 letters. */
static int word_clips(const char *a, size_t al, const char *b, size_t bl) {
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

/* Every word of key a (lower-cased, one space between words) clips the word of b at the
 * same place, and both have the same number of words. */
static int name_clips(const char *a, size_t al, const char *b, size_t bl) {
    size_t i = 0, j = 0;
    while (i < al && j < bl) {
        size_t ie = i, je = j;
        while (ie < al && a[ie] != ' ')
            ie++;
        while (je < bl && b[je] != ' ')
            je++;
        if (!word_clips(a + i, ie - i, b + j, je - j))
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
static size_t order_key(const char *k, size_t kl, char *out, size_t size) {
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
static int after_loc_prep(const ctx *c, const cand *m) {
    /* Candidates outlive the token window: look at the text before the mention. */
    size_t e = m->s;
    while (e > 0 && (c->text[e - 1] == ' ' || c->text[e - 1] == '\n'))
        e--;
    size_t s = e;
    while (s > 0 && ((c->text[s - 1] >= 'a' && c->text[s - 1] <= 'z')))
        s--;
    static const char *const preps[] = {"in", "at", "near", "from", "to", "into", "outside",
                                        "around", "across", "of", "via", NULL};
    for (const char *const *w = preps; *w; w++)
        if (e - s == strlen(*w) && memcmp(c->text + s, *w, e - s) == 0)
            return 1;
    return 0;
}

/* A club's name: its last word is one of the team words ("Newcastle United"). */
static int team_name(const dname *d) {
    const char *last = d->last;
    for (const char *const *w = team_after; *w; w++)
        if (strlen(*w) == d->lastlen && strncasecmp(*w, last, d->lastlen) == 0)
            return 1;
    return 0;
}

/* Name-table sizes beyond which the pairwise passes below are skipped: a document naming
 * thousands of organisations is a list, and its names stay as they are. */
#define ORG_PAIRS_MAX 400

/*
 * Organisations (and surname-first person names) that one article writes several ways,
 * after the types are voted:
 *  - "X Party" and "X" are one ("Labour Party", "Labour");
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
static int resolve_orgs(ctx *c) {
    struct ag__ner_scratch *p = c->p;
    dname *nm = p->names;
    size_t nn = p->nnames, norg = 0;
    for (size_t i = 0; i < nn; i++)
        norg += nm[i].type == AG_ACTOR_ORG;
    if (nn > ORG_PAIRS_MAX)
        return 0;
    /* Pairs of unknown names. */
    for (size_t i = 0; i < nn; i++) {
        dname *a = &nm[i];
        if (a->canon >= 0)
            continue;
        for (size_t j = 0; j < nn && norg; j++) {
            dname *b = &nm[j];
            if (j == i || b->canon >= 0 || b->type != AG_ACTOR_ORG)
                continue;
            /* "X Party" */
            if (b->ntok == a->ntok + 1 && b->keylen == a->keylen + 6 &&
                memcmp(b->key + a->keylen, " party", 6) == 0 &&
                memcmp(b->key, a->key, a->keylen) == 0 && a->type != AG_ACTOR_PERSON) {
                a->canon = (long)j;
                break;
            }
            if (a->type != AG_ACTOR_ORG || a->ntok != b->ntok)
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
        for (size_t j = 0; j < i && la; j++) {
            dname *b = &nm[j];
            if (b->canon >= 0 || b->type != AG_ACTOR_ORG || b->ntok < 2)
                continue;
            size_t lb = order_key(b->key, b->keylen, kb, sizeof kb);
            if (lb == la && memcmp(ka, kb, la) == 0) {
                a->canon = (long)j;
                break;
            }
        }
    }
    /* One word that heads or starts exactly one longer name. */
    for (size_t ci = 0; ci < p->ncands; ci++) {
        cand *m = &p->cands[ci];
        const char *k;
        size_t kl;
        char low[AG__LEX_MAXKEY];
        int lexical = m->name < 0;
        if (lexical) {
            /* A city that plays as a team ("Newcastle beat Chelsea"), or that is not
             * where something happens, may be the club of the article ("Newcastle
             * United"). */
            size_t l = m->e - m->s;
            if (!m->lexname || m->ntok != 1 || m->adjective || m->dateline || l >= sizeof low ||
                (m->type != AG_ACTOR_ORG && (m->type != AG_ACTOR_PLACE || after_loc_prep(c, m))))
                continue;
            ag__lex_lower(c->text + m->s, l, low);
            k = low;
            kl = l;
        } else {
            dname *d = &nm[m->name];
            if (d->ntok != 1 || d->canon >= 0 || (m->tcls0 & AG_LEX_GIVEN) || m->role)
                continue;
            k = d->key;
            kl = d->keylen;
        }
        long found = -1, hits = 0, found_g = -1; /* a name, or a gazetteer candidate */
        for (size_t j = 0; j < nn && hits < 2; j++) {
            dname *b = &nm[j];
            if (b->canon >= 0 || b->ntok < 2 || b->keylen <= kl + 1)
                continue;
            int first = b->key[kl] == ' ' && memcmp(b->key, k, kl) == 0;
            int head = b->key[b->keylen - kl - 1] == ' ' &&
                       memcmp(b->key + b->keylen - kl, k, kl) == 0;
            if (b->type == AG_ACTOR_ORG && (first || (head && !lexical)) &&
                (!lexical || m->type == AG_ACTOR_ORG || team_name(b))) {
                found = (long)j;
                hits++;
            } else if (b->type == AG_ACTOR_PERSON && first && !lexical &&
                       !(p->cands[b->first].tcls0 & AG_LEX_GIVEN) &&
                       nm[m->name].type != AG_ACTOR_ORG) {
                found = (long)j;
                hits++;
            }
        }
        /* Gazetteer organisations of the article ("European Commission"). */
        for (size_t cj = 0; cj < p->ncands && hits < 2 && !lexical; cj++) {
            cand *g = &p->cands[cj];
            if (!g->lexname || g->type != AG_ACTOR_ORG || g->ntok < 2 ||
                (found_g >= 0 && g->lexname == p->cands[found_g].lexname))
                continue;
            size_t gl = strlen(g->lexname);
            if (gl <= kl + 1 || gl >= sizeof low)
                continue;
            char gk[AG__LEX_MAXKEY];
            ag__lex_lower(g->lexname, gl, gk);
            if ((gk[kl] == ' ' && memcmp(gk, k, kl) == 0) ||
                (gk[gl - kl - 1] == ' ' && memcmp(gk + gl - kl, k, kl) == 0)) {
                hits++;
                found_g = (long)cj;
            }
        }
        if (hits != 1)
            continue;
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
            nm[m->name].canon = found;
        }
    }
    return 0;
}

static int resolve(ctx *c) {
    struct ag__ner_scratch *p = c->p;
    dname *nm = p->names;
    size_t nn = p->nnames;
    int rc = -1;
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
    uint32_t *link = p->link;
    size_t *pos_last = p->pos_last;
    memset(link, 0, nn * 2 * sizeof *link);
    memset(pos_last, 0, nn * sizeof *pos_last);
    dtab keys = p->keys;
    dt_clear(&keys);
    for (size_t i = 0; i < nn; i++)
        nm[i].type = best_type(nm[i].votes);

    /* Spelling variants of multi-word person names: the first seen is canonical. Keys
     * (costly to make) only when there are two such names to compare. */
    size_t npersons = 0, nacronyms = 0;
    for (size_t i = 0; i < nn; i++) {
        npersons += nm[i].ntok >= 2 && nm[i].type == AG_ACTOR_PERSON;
        nacronyms += acronym_like(&nm[i]);
    }
    for (size_t i = 0; i < nn && npersons >= 2; i++) {
        if (nm[i].ntok < 2 || nm[i].type != AG_ACTOR_PERSON)
            continue;
        char kb[AG__LEX_MAXKEY];
        const char *vk = kb;
        int kl = name_variant_key(p, &nm[i], kb, sizeof kb, &vk);
        if (kl <= 0 || (size_t)kl >= sizeof kb)
            continue;
        int created;
        dslot *sl = dt_intern(p, &keys, vk, (size_t)kl, &created);
        if (!sl)
            goto out;
        if (created)
            sl->val = (uint32_t)i;
        else
            nm[i].canon = (long)sl->val;
    }
    dt_clear(&keys);

    /* Acronyms to their expansion: "ISPR" -> "Inter-Services Public Relations". */
    /* Two initial sets per name: without and with the small words ("VOA" for "Voice of
     * America", "ISPR" for "Inter-Services Public Relations"). */
    for (size_t j = 0; j < nn && nacronyms; j++) {
        if (nm[j].ntok < 2)
            continue;
        /* Both sets in one pass over the key (the longer set fills first); a set that fills
         * its ini is dropped. */
        char ini[2][16];
        size_t il[2] = {0, 0};
        const char *k = nm[j].key;
        int at_start = 1, small = 0;
        for (size_t q = 0; q < nm[j].keylen && il[0] < sizeof ini[0]; q++) {
            if (k[q] == ' ' || k[q] == '-') {
                at_start = 1;
                continue;
            }
            if (at_start) {
                int sw = small_word_at(k + q, nm[j].keylen - q);
                small |= sw;
                if (!sw)
                    ini[0][il[0]++] = k[q];
                if (il[1] < sizeof ini[1])
                    ini[1][il[1]++] = k[q];
                at_start = 0;
            }
        }
        for (int with_small = 0; with_small < 2; with_small++) {
            if (il[with_small] < 2 || il[with_small] >= sizeof ini[0] || (with_small && !small))
                continue;
            int created;
            dslot *sl = dt_intern(p, &keys, ini[with_small], il[with_small], &created);
            if (!sl)
                goto out;
            if (created)
                sl->val = (uint32_t)j;
        }
    }
    for (size_t i = 0; i < nn && nacronyms; i++) {
        if (!acronym_like(&nm[i]))
            continue;
        int err = 0;
        dslot *sl = dt_get(&keys, nm[i].key, nm[i].keylen, 0, &err);
        if (!sl)
            continue;
        size_t j = sl->val;
        nm[i].canon = (long)j;
        for (int v = 0; v < 5; v++)
            nm[j].votes[v] += nm[i].votes[v] + (v == AG_ACTOR_ORG ? 2 : 0);
        nm[j].type = best_type(nm[j].votes);
    }
    dt_clear(&keys);

    /* Partial names: a name whose words are the last words of a longer person name in
     * the document. The nearest preceding full mention wins, else the first following. */
    if (c->opts->resolve_partial) {
        size_t chained = 0;
        /* Every suffix ends with its name's last word: a key whose last word differs in
         * length and last byte from all of them is no suffix, which spares most lookups. */
        uint64_t lasts = 0;
        int maxtok = 0; /* words of the longest person name: a suffix has fewer */
        for (size_t i = 0; i < nn; i++) {
            if (nm[i].ntok < 2 || nm[i].type != AG_ACTOR_PERSON)
                continue;
            const char *k = nm[i].key;
            size_t kl = nm[i].keylen;
            lasts |= last_word_bit(nm[i].lastlen, k[kl - 1]);
            if (nm[i].ntok > maxtok)
                maxtok = nm[i].ntok;
            for (const char *sp = memchr(k, ' ', kl - 1); sp;
                 sp = memchr(sp + 1, ' ', (size_t)(k + kl - 1 - (sp + 1)))) {
                size_t q = (size_t)(sp + 1 - k);
                if (chain_add(&keys, k + q, kl - q, (uint32_t)i, link + nn) < 0)
                    goto out;
                chained++;
            }
        }
        /* A name with several suffixes is linked into each suffix chain through one
         * link slot, so a chain may wander into another suffix's chain; the walk below
         * checks the suffix, which keeps the result exact. */
        /* (With no suffix keyed, no candidate finds a longer name.) */
        for (size_t ci = 0; ci < p->ncands && chained; ci++) {
            cand *m = &p->cands[ci];
            if (m->name < 0) {
                /* A gazetteer word that is the surname of a person named (with a title or
                 * a given name) before it is that person: "Michael Jordan ... Jordan". */
                size_t l = m->e - m->s;
                if (!m->lexname || m->ntok != 1 || m->adjective || m->dateline ||
                    m->type == AG_ACTOR_ORG || l >= AG__LEX_MAXKEY || l == 0)
                    continue;
                unsigned char lc = (unsigned char)c->text[m->e - 1]; /* one word: its last */
                if (!(lasts & last_word_bit(l, (char)(lc >= 'A' && lc <= 'Z' ? lc + 32 : lc))))
                    continue;
                char low[AG__LEX_MAXKEY];
                ag__lex_lower(c->text + m->s, l, low);
                int err = 0;
                dslot *sl = dt_get(&keys, low, l, 0, &err);
                long best = -1;
                size_t bestpos = 0;
                for (uint32_t v = sl ? sl->val : 0; v; v = link[nn + v - 1]) {
                    const dname *fd = &nm[v - 1];
                    if (fd->strong && fd->keylen > l &&
                        memcmp(fd->key + fd->keylen - l, low, l) == 0 &&
                        fd->key[fd->keylen - l - 1] == ' ' && pos_last[v - 1] > bestpos)
                        bestpos = pos_last[v - 1], best = (long)(v - 1);
                }
                if (best >= 0) {
                    m->name = root(nm, best);
                    m->lexname = NULL;
                    m->country = NULL;
                    m->capital = 0;
                    m->gov = 0;
                    m->type = AG_ACTOR_OTHER;
                }
                continue;
            }
            dname *d = &nm[m->name];
            pos_last[m->name] = m->s + 1;
            if (d->canon >= 0 ||
                (d->ntok > 1 && d->type != AG_ACTOR_PERSON && d->type != AG_ACTOR_OTHER) ||
                d->ntok >= maxtok || !(lasts & last_word_bit(d->lastlen, d->key[d->keylen - 1])))
                continue;
            int err = 0;
            dslot *sl = dt_get(&keys, d->key, d->keylen, 0, &err);
            if (!sl)
                continue;
            long best = -1, after = -1;
            size_t bestpos = 0;
            size_t afterpos = (size_t)-1;
            for (uint32_t v = sl->val; v; v = link[nn + v - 1]) {
                long f = (long)(v - 1);
                const dname *fd = &nm[f];
                /* chains of different suffixes can share links: check the suffix */
                if (f == m->name || fd->keylen <= d->keylen ||
                    memcmp(fd->key + fd->keylen - d->keylen, d->key, d->keylen) != 0 ||
                    fd->key[fd->keylen - d->keylen - 1] != ' ')
                    continue;
                if (pos_last[f] > bestpos)
                    bestpos = pos_last[f], best = f;
                size_t fp = p->cands[nm[f].first].s;
                if (fp > m->s && fp < afterpos)
                    afterpos = fp, after = f;
            }
            if (best < 0)
                best = after;
            if (best >= 0)
                m->name = root(nm, best);
        }
    }

    if (resolve_orgs(c) < 0)
        goto out;

    /* Types for what is still unknown; drops. */
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
            if ((cl & AG_LEX_COMMON) && !(cl & (AG_LEX_PROPER | AG_LEX_GIVEN)) && !strong &&
                !(m->tflags0 & AG__T_ALLCAPS))
                m->drop = 1; /* "Boatmen", "Series": a capitalised ordinary word */
        }
        /* Evidence that the name is no actor at all, as strong as any for a type:
         * reported as misc, never an actor. */
        if (d->votes[AG_ACTOR_OTHER] > 0 &&
            (d->type == AG_ACTOR_OTHER || d->votes[AG_ACTOR_OTHER] >= d->votes[d->type]) &&
            !m->role) {
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
    rc = 0;
out:
    p->keys = keys; /* keep the table (and its growth) for the next document */
    return rc;
}

/* Bytes [s, e) of text are a source credit in brackets: "NEW YORK (Reuters) -", "...
 * Aides Say (AP)." at the end of a line. */
static int is_credit(const char *text, size_t len, size_t s, size_t e) {
    if (s == 0 || e >= len || text[s - 1] != '(' || text[e] != ')')
        return 0;
    size_t i = e + 1;
    if (i < len && text[i] == '.')
        i++;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
        i++;
    return i == len || text[i] == '\n' || text[i] == '-' ||
           (i + 2 < len && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x93 || (unsigned char)text[i + 2] == 0x94));
}

/* A score next to a token: a number of at most 3 digits, or "2-1". */
static int is_score(const ctx *c, size_t k, uint32_t sent) {
    if (k >= c->ntoks)
        return 0;
    const tok *t = &c->toks[k];
    if (t->sent != sent || (t->flags & AG__T_WORD) || !(t->flags & AG__T_DIGIT))
        return 0;
    return t->e - t->s <= 5;
}

/*
 * Record what the end-of-document passes need to know about the tokens around candidates
 * [from, ncands), and intern unknown names, while their tokens are still in the window.
 * Returns -1 when out of memory.
 *
 * Sports results: a place (or an unknown one-word name) right before a score, or beside
 * "v"/"vs" (or before "beat") in a results line, names a team ("Leeds 2 Chelsea 1").
 * Capitals: "in/at/to Kabul" keeps a place; "with Kabul", "Kabul said", "Kabul's" make
 * it a government.
 */
static int finish_cands(ctx *c, size_t from) {
    struct ag__ner_scratch *p = c->p;
    const tok *t = c->toks;
    for (size_t ci = from; ci < p->ncands; ci++) {
        cand *m = &p->cands[ci];
        size_t ts = m->ts, te = m->te;
        m->ntok = (uint16_t)(te - ts);
        m->tcls0 = t[ts].cls;
        m->tflags0 = t[ts].flags;
        if (m->type == AG_ACTOR_OTHER && intern_name(c, m) < 0)
            return -1;
        /* Teams. */
        if (!(m->dateline || m->adjective || m->type == AG_ACTOR_COUNTRY ||
              m->type == AG_ACTOR_PERSON || m->role)) {
            int single = m->name >= 0 ? te - ts == 1 : te - ts <= 3;
            if (single && is_score(c, te, m->sent))
                m->team = 1;
            if (te < c->ntoks && t[te].sent == m->sent &&
                (tok_is(c->text, &t[te], "v") || tok_is(c->text, &t[te], "vs") ||
                 tok_is(c->text, &t[te], "beat")))
                m->team = 1;
            if (ts > 0 && t[ts - 1].sent == m->sent &&
                (tok_is(c->text, &t[ts - 1], "v") || tok_is(c->text, &t[ts - 1], "vs")))
                m->team = 1;
        }
        /* Capitals as governments. */
        if (m->capital && !m->dateline && m->country) {
            int gov = 0, keep = 0;
            if (ts > 0 && t[ts - 1].sent == m->sent) {
                if (tok_in(c, &t[ts - 1], G_LOC_KEEP))
                    keep = 1;
                else if (tok_in(c, &t[ts - 1], G_GOV_BEFORE))
                    gov = 1;
            }
            if (te < c->ntoks && t[te].sent == m->sent) {
                if (t[te].flags & AG__T_POSS)
                    gov = 1;
                else if (tok_in(c, &t[te], G_GOV_AFTER))
                    gov = 1;
                else if (te + 1 < c->ntoks && (t[te].flags & AG__T_LOWER) &&
                         t[te].e - t[te].s > 4 && tok_in(c, &t[te + 1], G_GOV_AFTER))
                    gov = 1; /* "Kabul yesterday allowed" has an adverb in between */
            }
            m->gov = gov && !keep;
        }
        /* "First Albany Corp.": the period of a company suffix is part of the name. */
        if (te > ts && m->e < c->len && c->text[m->e] == '.') {
            const tok *lt = &t[te - 1];
            m->corpdot = lt->e == m->e && tok_in(c, lt, G_CORP_SFX);
        }
    }
    return 0;
}

/*
 * Teams are organisations, and one sense per discourse: every mention of a team's name in
 * the document becomes an org. Countries stay countries (national teams are reported as
 * the country).
 */
static void sports_teams(ctx *c) {
    struct ag__ner_scratch *p = c->p;
    size_t nteams = 0;
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
        for (size_t cj = 0; cj < p->ncands && ln; cj++)
            if (p->cands[cj].lexname == ln && !p->cands[cj].dateline) {
                p->cands[cj].type = AG_ACTOR_ORG;
                p->cands[cj].capital = 0;
                p->cands[cj].metonym = 0;
            }
    }
}

/* Capitals standing for their governments (context recorded by finish_cands). */
static void metonymy(ctx *c) {
    for (size_t ci = 0; ci < c->p->ncands; ci++) {
        cand *m = &c->p->cands[ci];
        if (m->capital && m->gov && !m->dateline && m->country) {
            m->metonym = 1;
            m->type = AG_ACTOR_COUNTRY;
            m->lexname = m->country;
        }
    }
}

/* ---------------------------------------------------------------- document passes */

/* 1 when a sentence (or its first chunk) whose words tokenise counted is an ALL-CAPS
 * headline; 2 when it is a headline in title case ("Bill Gates Gets New Role"): a line of
 * its own (a line break follows) that ends without a full stop (unless it is the first
 * paragraph of the document, a blank line after it), of four or more words of which at
 * most one in four starts lower-case, and two or more capitalised ordinary words past
 * the first. */
static int caps_sentence(const struct ag__ner_scratch *p, const char *text, size_t len,
                         const ag_sentence *s, size_t si) {
    if (p->tk_ncap >= 2 && p->tk_nlow * 10 <= p->tk_ncap)
        return 1;
    if (p->tk_ninit < 4 || p->tk_nlower * 3 > p->tk_ninit || p->tk_ncommon < 2)
        return 0;
    size_t e = s->end < len ? s->end : len, i = e;
    while (e > s->start && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r' ||
                            text[e - 1] == '\n'))
        e--;
    int stop = e > s->start && text[e - 1] == '.';
    size_t nl = 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        nl += text[i++] == '\n';
    if (stop)
        return si == 0 && nl >= 2 ? 2 : 0;
    return i == len || nl ? 2 : 0;
}

/* Record the words of tokens t[0, n) written capitalised in mid-sentence (outside ALL-CAPS
 * sentences). -1 when out of memory. */
static int note_evidence(struct ag__ner_scratch *p, const char *text, const tok *t, size_t n) {
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

/*
 * Find and process the spans that start at tokens [from, limit) of the window c->toks
 * (spans may run past limit into the window's look-ahead). Returns the token index where
 * the next span may start, or (size_t)-1 when out of memory.
 */
static size_t spans(ctx *c, size_t from, size_t limit) {
    struct ag__ner_scratch *p = c->p;
    tok *t = p->toks;
    size_t k = from;
    while (k < limit) {
        if (!span_start(p, &t[k])) {
            k++;
            continue;
        }
        if (t[k].flags & AG__T_HYPHEN) {
            /* "Eid-ul-Fitr", "Christmas-time": a holiday or month is not a name. */
            const char *hy = memchr(c->text + t[k].s, '-', t[k].e - t[k].s);
            if (hy && (size_t)(hy - (c->text + t[k].s)) < AG__LEX_MAXKEY) {
                char low[AG__LEX_MAXKEY];
                size_t hl = (size_t)(hy - (c->text + t[k].s));
                ag__lex_lower(c->text + t[k].s, hl, low);
                if (word_class(c->p, c->lex, low, hl) & AG_LEX_NONNAME) {
                    k++;
                    continue;
                }
            }
            int r = split_hyphenated(c, k);
            if (r < 0)
                return (size_t)-1;
            if (r) {
                k++;
                continue;
            }
        }
        size_t e = k + 1;
        /* MAX_SPAN bounds the work per span (span processing is quadratic in its length);
         * real names are far shorter, Title Case Text is not a name. */
        while (e < c->ntoks && e - k < MAX_SPAN && t[e].sent == t[k].sent &&
               !(t[e].flags & AG__T_USED)) {
            if (capish(c, e)) {
                if ((t[e].flags & AG__T_HYPHEN) && split_hyphenated(c, e) != 0)
                    break;
                e++;
                continue;
            }
            /* "Procter & Gamble", "Standard & Poor": an ampersand joins a company name. */
            if ((t[e].flags & AG__T_PUNCT) && t[e].punct == '&' && e + 1 < c->ntoks &&
                t[e + 1].sent == t[k].sent && capish(c, e + 1)) {
                e += 2;
                continue;
            }
            /* "US Embassy in Kabul": a mission is named by where it is. */
            if (tok_is(c->text, &t[e], "in") && e + 1 < c->ntoks && t[e + 1].sent == t[k].sent &&
                capish(c, e + 1) &&
                (tok_is(c->text, &t[e - 1], "Embassy") ||
                 tok_is(c->text, &t[e - 1], "Consulate"))) {
                e += 2;
                continue;
            }
            /* "Special Envoy for Afghanistan": a portfolio after a title. */
            if (tok_is(c->text, &t[e], "for") && (t[e - 1].cls & AG_LEX_TITLE) &&
                e + 1 < c->ntoks && t[e + 1].sent == t[k].sent && capish(c, e + 1)) {
                e += 2;
                continue;
            }
            /* Connectors inside a name: "Bank of England", "Osama bin Laden". */
            /* "Keith Moore of Norwich City", "Karlsruhe of Germany": "of" joins only an
             * organisation-like head (a cue word, a title or ordinary words: "Bank of
             * England", "Secretary of State", "Voice of America"). */
            if (tok_is(c->text, &t[e], "of")) {
                int orgish = 1;
                for (size_t q = k; q < e; q++)
                    if (!(t[q].cls & (AG_LEX_ORGCUE | AG_LEX_TITLE | AG_LEX_COMMON)) ||
                        (t[q].cls & AG_LEX_GIVEN))
                        orgish = 0;
                for (size_t q = k; q < e; q++)
                    if (t[q].cls & (AG_LEX_ORGCUE | AG_LEX_TITLE))
                        orgish = 1;
                if (!orgish)
                    break;
            }
            if ((t[e].cls & AG_LEX_CONNECTOR) && (t[e].flags & AG__T_LOWER) &&
                c->p->capsent[t[k].sent] != 1) {
                /* a run of connectors: "Ursula von der Leyen", "Juan de la Cruz" */
                size_t q = e;
                while (q < c->ntoks && q - e < 3 && t[q].sent == t[k].sent &&
                       (t[q].cls & AG_LEX_CONNECTOR) && (t[q].flags & AG__T_LOWER))
                    q++;
                if (q < c->ntoks && t[q].sent == t[k].sent && capish(c, q) &&
                    !(t[q].flags & AG__T_USED)) {
                    e = q + 1;
                    continue;
                }
            }
            break;
        }
        if (do_span(c, k, e) < 0)
            return (size_t)-1;
        t = p->toks;
        k = e;
    }

    return k;
}

/* ---------------------------------------------------------------- public API */

void ag_mentions_init(ag_mentions *m) {
    m->v = NULL;
    m->n = 0;
    m->cap = 0;
    m->priv = NULL;
}

void ag_mentions_clear(ag_mentions *m) {
    m->n = 0;
    struct ag__ner_scratch *p = m->priv;
    if (!p)
        return;
    for (ablock *b = p->arena; b; b = b->next)
        b->used = 0;
    p->cur = p->arena;
    p->ntoks = p->ncands = p->nnames = 0;
    p->toks_kept = 0;
    dt_clear(&p->evidence);
    dt_clear(&p->nametab);
}

void ag_mentions_destroy(ag_mentions *m) {
    struct ag__ner_scratch *p = m->priv;
    if (p) {
        ablock *b = p->arena;
        while (b) {
            ablock *n = b->next;
            free(b);
            b = n;
        }
        free(p->toks);
        free(p->cands);
        free(p->names);
        free(p->evidence.v);
        free(p->nametab.v);
        free(p->capsent);
        free(p->sent_first);
        free(p->keys.v);
        free(p->grammar.v);
        free(p->link);
        free(p->pos_last);
        free(p->wcache);
        free(p->vkcache);
        free(p);
    }
    free(m->v);
    ag_mentions_init(m);
}

static int cmp_cand(const void *a, const void *b) {
    const cand *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    return x->e < y->e ? -1 : x->e > y->e;
}

/* Sort the candidates into text order, stably: ties keep creation order, as in the merge
 * sort of glibc's qsort. They come nearly sorted (a span processed out of turn puts a few
 * late), so insertion moves a handful; past a budget of moves, qsort sorts the rest (a
 * stable sort of an order stable insertions made gives the same result). */
static void sort_cands(cand *v, size_t n) {
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

int ag_ner_document(const ag_lexicon *lex, const ag_ner_opts *opts, const char *text, size_t len,
                    const ag_sentence *sents, size_t nsents, ag_mentions *out, ag_error *err) {
    static const ag_ner_opts defaults = AG_NER_OPTS_INIT;
    if (!opts)
        opts = &defaults;
    ag_mentions_clear(out);
    if (!out->priv) {
        out->priv = calloc(1, sizeof *out->priv);
        if (!out->priv)
            goto oom;
        out->priv->evidence.gen = out->priv->nametab.gen = out->priv->keys.gen = 1;
        out->priv->grammar.gen = 1;
        if (grammar_init(out->priv) < 0)
            goto oom;
    }
    struct ag__ner_scratch *p = out->priv;
    if (!p->wcache && !(p->wcache = calloc(WC_SLOTS, sizeof *p->wcache)))
        goto oom;
    if (!p->vkcache && !(p->vkcache = calloc(VK_SLOTS, sizeof *p->vkcache)))
        goto oom;
    if (p->wc_stamp != ag__lex_stamp(lex)) {
        memset(p->wcache, 0, WC_SLOTS * sizeof *p->wcache);
        p->wc_stamp = ag__lex_stamp(lex);
    }
    if (ag__grow(&p->capsent, &p->capcapsent, nsents + 1, 1) < 0 ||
        ag__grow(&p->sent_first, &p->capsent_first, nsents + 1, sizeof *p->sent_first) < 0)
        goto oom;
    ctx c = {lex, opts, text, len, p, NULL, 0};

    /* 1. ALL-CAPS sentences and capitalisation evidence; the tokens are kept for step 2
     * unless the document has more than TOKEN_LIMIT of them. */
    int streaming = 0;
    p->anycapsent = 0;
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
            if (tokenise(lex, p, text, &pos, b, (uint32_t)si, &first, chunk + WINDOW) < 0)
                goto oom;
            if (!decided) {
                /* the first chunk decides (a sentence longer than that is no headline) */
                p->capsent[si] = (unsigned char)caps_sentence(p, text, len, &sents[si], si);
                p->anycapsent |= p->capsent[si] == 1;
                decided = 1;
            }
            /* Evidence waits for attested unless the tokens are not kept: then it is noted
             * as they go, from all tokens so far when that is found out. */
            if (streaming && note_evidence(p, text, p->toks + chunk, p->ntoks - chunk) < 0)
                goto oom;
            if (!streaming && p->ntoks > TOKEN_LIMIT) {
                streaming = 1;
                if (note_evidence(p, text, p->toks, p->ntoks) < 0)
                    goto oom;
            }
            if (streaming)
                p->ntoks = 0;
        }
    }

    p->evidence_done = streaming;
    p->toks_kept = !streaming;
    p->sent_first[nsents] = p->ntoks;
    p->nsents = nsents;

    /* 2-3. Spans: over all tokens at once, or window by window re-tokenising. */
    if (!streaming) {
        c.toks = p->toks;
        c.ntoks = p->ntoks;
        if (find_dateline(&c) < 0 || spans(&c, 0, c.ntoks) == (size_t)-1 || finish_cands(&c, 0) < 0)
            goto oom;
    } else {
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
                if (!final &&
                    tokenise(lex, p, text, &pos, b, (uint32_t)si, &first, p->ntoks + WINDOW) < 0)
                    goto oom;
                if (!final && p->ntoks < WINDOW + CONTEXT)
                    continue;
                /* Process the window but its last CONTEXT tokens (spans and cues look a
                 * few tokens ahead), then keep a little context before the next start. */
                c.toks = p->toks;
                c.ntoks = p->ntoks;
                size_t limit = final ? c.ntoks : c.ntoks - CONTEXT, cstart = p->ncands;
                if (first_window && find_dateline(&c) < 0)
                    goto oom;
                first_window = 0;
                size_t k = spans(&c, from, limit);
                if (k == (size_t)-1 || finish_cands(&c, cstart) < 0)
                    goto oom;
                if (final)
                    break;
                size_t keep = limit > 8 ? limit - 8 : 0;
                memmove(p->toks, p->toks + keep, (p->ntoks - keep) * sizeof *p->toks);
                p->ntoks -= keep;
                from = k > keep ? k - keep : 0;
            }
        }
    }

    /* 4. Resolution. */
    sports_teams(&c);
    /* Headline words attach to body names case-insensitively (names are keyed lower-case). */
    if (resolve(&c) < 0)
        goto oom;
    if (opts->capital_as_country)
        metonymy(&c);

    /* Output. */
    sort_cands(p->cands, p->ncands);
    if (ag__grow(&out->v, &out->cap, p->ncands + 1, sizeof(ag_mention)) < 0)
        goto oom;
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
            name = arena_str(p, text + m->s, m->e - m->s);
            if (!name)
                goto oom;
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
        o->credit = m->credit || (o->type == AG_ACTOR_ORG && is_credit(text, len, m->s, m->e));
    }
    out->n = n;
    return 0;
oom:
    out->n = 0;
    if (out->priv)
        out->priv->toks_kept = 0;
    return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory recognising names");
}

int ag__ner_sentence_tokens(ag_mentions *m, const ag_lexicon *lex, const char *text,
                            const ag_sentence *sents, size_t si, size_t max, const ag__tok **toks,
                            size_t *n) {
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
    if (tokenise(lex, p, text, &pos, sents[si].end, (uint32_t)si, &first, max) < 0)
        return -1;
    *toks = p->toks;
    *n = p->ntoks;
    return 0;
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
#define VKTAB(m) {VKTAB64(m, 0), VKTAB64(m, 64), VKTAB64(m, 128), VKTAB64(m, 192)}
static const unsigned char vkclass[256] = VKTAB(VKLOWER), vkfold[256] = VKTAB(VKFOLD);

/* The variant key of name[0, nl) (nl == strlen(name)) into buf; see ag_ner_variant_key. */
static int variant_key(const char *name, size_t nl, char *buf, size_t bufsize, int short_form) {
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

int ag_ner_variant_key(const char *name, char *buf, size_t bufsize) {
    return variant_key(name, strlen(name), buf, bufsize, 0);
}

int ag_ner_variant_key_short(const char *name, char *buf, size_t bufsize) {
    return variant_key(name, strlen(name), buf, bufsize, 1);
}
