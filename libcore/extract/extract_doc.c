/*
 * extract_doc.c - one document in, records out: mentions, co-mentions and meetings.
 *
 * For each document: split sentences (text.h), recognise and resolve mentions within the
 * document (ner.h), then
 *   - group mentions by actor key (ag_extract_name_key of the resolved name), so two
 *     spellings that normalise alike ("ISLAMABAD", "Islamabad") are one local actor;
 *   - count co-mentions per scope unit (sentence, paragraph, document or a sliding window
 *     of sentences); each unit adds 1 to every pair of distinct actors in it, and the
 *     first units (by offset) become the pair's evidence;
 *   - find meetings with a handful of sentence patterns (below);
 *   - fold the document's local records into the caller's accumulator.
 * Dateline mentions are counted as mentions of their place but take part in no link.
 *
 * Meetings. Tokens of a sentence are matched against triggers:
 *   verbal  met [with], meets [with], called/calls on, hosted/hosts, received/receives,
 *           visited/visits, and (talks|meeting|meetings|discussions|negotiations) with;
 *   between (talks|meeting|meetings|discussions|negotiations|dialogue|summit) between.
 * A verbal trigger pairs its subject (the nearest acting mention before it, extended by
 * "X and Y") with its objects (the first acting mention after it and the ones that follow
 * in a list joined by commas, "and" or "including"); a "between" trigger pairs every two
 * members of the list after it. Acting mentions are persons, organisations and countries
 * that are not modifiers of the next name ("US" in "US envoy Zalmay Khalilzad", "Afghan"
 * in "Afghan President Ashraf Ghani"); places never meet. "hosted", "received" and
 * "visited" need a person or organisation as object (visiting a country is travel), as
 * does "welcomed X to"; a passive "X was met|received|hosted|welcomed by Y" takes its
 * agent as partner; "sat down with", "shook hands with", "dined|lunched|conferred with"
 * are "met with".
 * A trigger preceded within three words by a modal or plan word (will, would, to,
 * expected, plans, scheduled, possible, upcoming, not, ...), or whose subject is
 * followed by a modal before it ("X would visit Bonn for talks with Y"), is a planned or
 * denied meeting and sets nothing (so are boycotted, cancelled and merely recommended
 * talks); "called on X (and Y) to ..." is an appeal, not a visit.
 * Precision (owner_end, embedded, owns_subject): a name that owns the partner or the
 * visited thing is none ("visited X's grave", "the tomb of X", "met the Taliban's
 * envoys"), nor is a subject inside another verb's object ("gunmen holding UN workers
 * met ...") or after a possessive pronoun ("its UN diplomats met ..."); a list of
 * partners ends at a verb and needs an "and" ("X met Y, Z said" is X-Y); an organisation before a
 * role whose holder follows is no partner (role_gap: "talks with Daily Courier columnist Anna
 * Keller"), nor a nationality adjective but for the people acting for its state (acts: "met
 * Pakistani leaders", not "met British troops"). A participle after an article, "of" or a
 * possessive is no trigger ("of hosted software maker X"), and "met" in a clause naming a stage of
 * a competition is a match (a_fixture). Recall (referred_subject, pair_met): "X said he met Y", "X
 * said in his meeting with Y", "X flew to Cairo, where he met Y" and "X arrived and then met Y"
 * take X as subject when that is unambiguous; "met in London with Y" is "met Y"; "the two leaders
 * met" pairs the only two persons named just before (in the paragraph, or the previous one for a
 * paragraph's first sentence). The tokens are the recogniser's (ner_internal.h), so "Mr." and
 * "U.S." are words here too; only the first MEET_MAX_TOKENS tokens of a sentence are read.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <actorgraph/nlp/text.h>

#include "util/bytes_internal.h"
#include "util/error_internal.h"
#include "extract/extract_internal.h"
#include "nlp/lexicon_internal.h"
#include "nlp/ner_internal.h"

#define EVIDENCE_BYTES 300  /* evidence text is cut to this many bytes (plus an ellipsis) */
#define KEY_BYTES 512       /* longest actor key kept; longer names are cut */
#define PAIR_MATRIX_MAX 512 /* most local actors for the pair matrix (1 MiB) */
/* Meeting patterns read at most this many tokens of a sentence (several hundred KB of
 * text): a longer "sentence" is a dump or a table, not prose, and tokens for all of it
 * would cost memory in proportion to the input. */
#define MEET_MAX_TOKENS 65536u

/* ------------------------------------------------------------------ buffers */

int ag__ebuf_add(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (ag__grow(buf, cap, *len + n + 1, 1) < 0)
        return -1;
    if (n)
        memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
    return 0;
}

int ag__ebuf_json_string(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0; /* start of the pending run of bytes copied as they are */
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        int32_t cp = 0;
        if (c >= 0x80) {
            size_t k = ag_text_decode(s, n, i, &cp);
            if (!(cp == 0xFFFD && k == 1)) {
                i += k; /* a valid multibyte sequence is copied as it is */
                continue;
            }
        }
        if (ag__ebuf_add(buf, len, cap, s + run, i - run) < 0)
            return -1;
        char esc[8];
        size_t en;
        if (c >= 0x80) {
            memcpy(esc, "\\ufffd", 6);
            en = 6;
        } else if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            en = 2;
        } else if (c == '\n') {
            memcpy(esc, "\\n", 2);
            en = 2;
        } else if (c == '\t') {
            memcpy(esc, "\\t", 2);
            en = 2;
        } else if (c == '\r') {
            memcpy(esc, "\\r", 2);
            en = 2;
        } else {
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            en = 6;
        }
        if (ag__ebuf_add(buf, len, cap, esc, en) < 0)
            return -1;
        i += 1;
        run = i;
    }
    return ag__ebuf_add(buf, len, cap, s + run, n - run);
}

char *ag__utf8_clean(const char *s, size_t n)
{
    char *out = NULL;
    size_t len = 0, cap = 0;
    size_t run = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = ag_text_decode(s, n, i, &cp);
        int bad = cp == 0xFFFD && k == 1;
        if (!bad && s[i] != '\0') {
            i += k;
            continue;
        }
        if (ag__ebuf_add(&out, &len, &cap, s + run, i - run) < 0 ||
            ag__ebuf_add(&out, &len, &cap, "\xEF\xBF\xBD", 3) < 0) {
            free(out);
            return NULL;
        }
        i += 1;
        run = i;
    }
    if (ag__ebuf_add(&out, &len, &cap, s + run, n - run) < 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* ------------------------------------------------------------------ analyser */

/* An actor of the current document (one per key). */
typedef struct local {
    long acc;         /* index of its record in the accumulator */
    unsigned stamp;   /* scope-unit stamp, to list each actor once per unit */
    long pend_name;   /* known name counted but not yet added to the record, or -1 */
    long long pend_n; /* how many mentions carried pend_name */
} local;

/* The analyser's known names by name (slots as the accumulator's actor index). */
AG__HASHMAP_TYPE(known_map, ag__numslot)

/* A resolved name seen by the analyser in any document. Kept for the analyser's life, so
 * a name that recurs across documents costs one hash lookup instead of a key
 * computation and an accumulator lookup per document. */
typedef struct known {
    const char *name;   /* the name as the recogniser resolved it; in the analyser's arena */
    const char *clean;  /* the same, white space collapsed and invalid bytes replaced: the
                         * accumulator's interned copy for an actor's name, else name
                         * itself when that changed nothing */
    uint32_t clean_len; /* its bytes */
    int32_t acc;        /* its accumulator record, or -1: nothing nameable (only
                         * punctuation); 32 bits each: a known name costs 24 bytes */
} known;

/* The local actor of an accumulator record in document doc (a document count). */
typedef struct acc_slot {
    long local;
    unsigned doc; /* 0: never */
} acc_slot;

/* A pair of local actors (lo < hi) and what this document says about it. */
typedef struct lpair {
    size_t lo, hi;                    /* local actor indices */
    long long weight;                 /* scope units */
    long long met;                    /* meeting sentences */
    int met_units;                    /* no unit had both: the meeting sentences count */
    size_t met_last;                  /* 1 + start of the last meeting sentence counted */
    size_t ev[2 * AG__MAX_EVIDENCE];  /* evidence units: start, end byte offsets */
    size_t nev;                       /* used pairs in ev */
    size_t mev[2 * AG__MAX_EVIDENCE]; /* meeting sentences: start, end */
    size_t nmev;                      /* used pairs in mev */
} lpair;

/* The recogniser's tokens (ner_internal.h) as the meeting patterns read them. */
typedef ag__tok tok;

/* A word of the meeting patterns' lists and the WS_* bits of the lists it is in. */
typedef struct set_word {
    const char *w;
    uint32_t sets;
} set_word;

/* token_sets of a word of at most 8 bytes as written, keyed by its bytes as one number
 * (ag__bytes_word8): the words of a few lists ("said", "that", "who") are in most
 * sentences, and a slot costs less to find than the lower-cased word's hash. n is 0 in an
 * empty slot. */
typedef struct sets_slot {
    uint64_t w;
    uint32_t n, sets;
} sets_slot;
enum { SETS_CACHE_BITS = 10, SETS_CACHE_SLOTS = 1 << SETS_CACHE_BITS };

/* tok_at remembers this many answers per sentence (a power of two): the patterns ask it
 * about the same few mention boundaries again and again. */
#define TOK_AT_SLOTS 16

struct ag__analyser {
    const ag_lexicon *lex;       /* borrowed */
    const ag_extract_opts *opts; /* borrowed */
    ag_ner_opts ner;             /* recogniser options */
    ag_mentions m;               /* mentions of the current document */
    long *mloc;                  /* mention -> local actor, -1 when it has none */
    size_t capmloc;
    local *loc; /* local actors */
    size_t nloc, caploc;
    known *known; /* every resolved name seen so far */
    size_t nknown, capknown;
    ag__arena known_names; /* the strings of known */
    known_map known_index; /* the known names by name */
    acc_slot *acc_local;   /* accumulator record -> its local actor */
    size_t capacc;
    unsigned doc_no;  /* counts documents, so acc_local needs no clearing */
    const char *date; /* the document's date among the accumulator's kept strings, or NULL */
    uint32_t date_id; /* its number among the accumulator's pair dates */
    lpair *pairs;     /* local pairs */
    size_t npairs, cappairs;
    ag__u64map pair_index; /* (lo << 32 | hi) + 1 -> pairs index, for documents
                            * with more than PAIR_MATRIX_MAX local actors */
    uint32_t *pair_matrix; /* [lo * nloc + hi] -> pairs index + 1 (0: none yet) */
    size_t cappm;
    int use_matrix; /* the current document uses pair_matrix */
    unsigned stamp; /* current unit stamp */
    size_t *unit;   /* actors of the current unit */
    size_t capunit;
    const tok *toks; /* tokens of the current sentence (the recogniser's) */
    size_t ntoks;
    size_t tok_at_pos[TOK_AT_SLOTS];   /* tok_at's answers for the current sentence: the */
    uint32_t tok_at_idx[TOK_AT_SLOTS]; /* position asked + 1 (0: none), the token index */
    uint32_t *tok_sets;                /* per token: WS_* bits of its word lists (see word_in) */
    size_t captok_sets;
    ag__strmap word_index;      /* word of the meeting patterns' lists -> WS_* bits */
    uint32_t word_lens[26];     /* by first letter: bit n set when a list word of n bytes
                                 * starts with it */
    sets_slot *sets_cache;      /* SETS_CACHE_SLOTS (see token_sets) */
    uint32_t trigger_lens[256]; /* by first byte, either case: the same for the words that
                                 * open a trigger (WS_TRIGGERS) */
    char *scratch;              /* text building */
    size_t scratchlen, scratchcap;
    size_t maxev;            /* evidence per pair (<= AG__MAX_EVIDENCE) */
    const char *pc_name[64]; /* name pointer -> known cache (the recogniser hands out
                              * one string per resolved name, so this saves hashing) */
    long pc_known[64];       /* cached known index per pc_name slot */
    long open_ref; /* local actor an opening "He"/"She" of the current sentence means, or -1
                    * (opening_referent) */
};

static int word_sets_init(ag__analyser *an);

#define KNOWN_MATCH(an, s, k, hh)                                                                  \
    ((s)->h == (uint32_t)(hh) && strcmp((an)->known[(s)->i - 1].name, (k)) == 0)
AG__NUMMAP_FUNCTIONS(known_map, const ag__analyser *, KNOWN_MATCH)

ag__analyser *ag__analyser_new(const ag_lexicon *lex, const ag_extract_opts *opts, ag_error *err)
{
    ag__analyser *an = calloc(1, sizeof *an);
    if (!an) {
        ag__nomem(err);
        return NULL;
    }
    an->lex = lex;
    an->opts = opts;
    an->ner = (ag_ner_opts)AG_NER_OPTS_INIT;
    an->maxev = opts->evidence < 0                  ? 0
                : opts->evidence > AG__MAX_EVIDENCE ? AG__MAX_EVIDENCE
                                                    : (size_t)opts->evidence;
    ag_mentions_init(&an->m);
    if (word_sets_init(an) < 0) {
        ag__analyser_free(an);
        ag__nomem(err);
        return NULL;
    }
    return an;
}

void ag__analyser_free(ag__analyser *an)
{
    if (!an)
        return;
    ag_mentions_destroy(&an->m);
    free(an->mloc);
    free(an->loc);
    free(an->known);
    known_map_dispose(&an->known_index);
    ag__arena_free(&an->known_names);
    free(an->acc_local);
    free(an->pairs);
    ag__u64map_dispose(&an->pair_index);
    free(an->pair_matrix);
    free(an->unit);
    ag__strmap_dispose(&an->word_index);
    free(an->tok_sets);
    free(an->sets_cache);
    free(an->scratch);
    free(an);
}

static void reset_doc(ag__analyser *an)
{
    an->nloc = 0;
    an->npairs = 0;
    if (++an->doc_no == 0) { /* wrapped: stale stamps could match again */
        if (an->capacc)
            memset(an->acc_local, 0, an->capacc * sizeof *an->acc_local);
        an->doc_no = 1;
    }
    memset(an->pc_name, 0, sizeof an->pc_name); /* strings are reused across documents */
    ag__u64map_clear(&an->pair_index);
    an->use_matrix = 0;
}

/* ------------------------------------------------------------------ text helpers */

/* p[0, n) is printable ASCII without two spaces in a row, which unit_text copies as it
 * is. Sixteen bytes a step where SSE2 is: units are sentences, and most are such. */
static int plain_ascii(const char *p, size_t n)
{
    size_t i = 0;
    unsigned prev = 0; /* the byte before p[i] is a space */
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi8(' '), del = _mm_set1_epi8(0x7F);
    for (; i + 16 <= n; i += 16) {
        __m128i c = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        /* (a signed compare: bytes from 0x80 up are below a space too) */
        unsigned bad = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmplt_epi8(c, space), _mm_cmpeq_epi8(c, del)));
        unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(c, space));
        if (bad || (sp & ((sp << 1) | prev)))
            return 0;
        prev = sp >> 15;
    }
#endif
    for (; i < n; i++) {
        unsigned char b = (unsigned char)p[i];
        if (b < ' ' || b > 0x7E || (b == ' ' && prev))
            return 0;
        prev = b == ' ';
    }
    return 1;
}

/* Evidence text: the unit with white space runs collapsed, invalid bytes replaced and
 * cut at a character boundary. Left in an->scratch. */
static int unit_text(ag__analyser *an, const char *text, size_t s, size_t e)
{
    /* A unit of printable ASCII with single spaces comes out as it is, cut after
     * EVIDENCE_BYTES inside a word: copied at once, rather than word by word below (which
     * writes a leading space, and cuts before a space at the limit its own way). */
    size_t len = e - s, take = len <= EVIDENCE_BYTES ? len : EVIDENCE_BYTES;
    if (len && text[s] != ' ' &&
        (len <= EVIDENCE_BYTES ? text[e - 1] != ' '
                               : text[s + take - 1] != ' ' && text[s + take] != ' ') &&
        plain_ascii(text + s, len <= EVIDENCE_BYTES ? len : take + 1)) {
        if (ag__grow(&an->scratch, &an->scratchcap, take + 5, 1) < 0)
            return -1;
        memcpy(an->scratch, text + s, take);
        if (len > EVIDENCE_BYTES) {
            memcpy(an->scratch + take, " \xE2\x80\xA6", 4);
            take += 4;
        }
        an->scratch[take] = '\0';
        an->scratchlen = take;
        return 0;
    }
    an->scratchlen = 0;
    if (ag__ebuf_add(&an->scratch, &an->scratchlen, &an->scratchcap, "", 0) < 0)
        return -1;
    int space = 0;
    for (size_t i = s; i < e;) {
        /* A run of printable ASCII (no space among it) goes in at once, as far as it
         * fits: the same bytes the loop below would add one character at a time. */
        size_t run = 0;
        while (i + run < e && (unsigned char)text[i + run] > ' ' &&
               (unsigned char)text[i + run] < 0x7F)
            run++;
        if (run && an->scratchlen + 1 + (space ? 1 : 0) <= EVIDENCE_BYTES) {
            if (space && ag__ebuf_add(&an->scratch, &an->scratchlen, &an->scratchcap, " ", 1) < 0)
                return -1;
            space = 0;
            size_t fit = EVIDENCE_BYTES - an->scratchlen; /* >= 1 */
            if (ag__ebuf_add(&an->scratch, &an->scratchlen, &an->scratchcap, text + i,
                             run < fit ? run : fit) < 0)
                return -1;
            i += run < fit ? run : fit;
            if (run <= fit)
                continue; /* else the next character does not fit: the check below */
        }
        if (text[i] == ' ') { /* what the decoding below says of it, without two calls */
            space = 1;
            i++;
            continue;
        }
        int32_t cp;
        size_t k = ag_text_decode(text, e, i, &cp);
        if (ag_text_is_space(cp)) {
            space = 1;
            i += k;
            continue;
        }
        if (an->scratchlen + k + (space ? 1 : 0) > EVIDENCE_BYTES) {
            if (ag__ebuf_add(&an->scratch, &an->scratchlen, &an->scratchcap, " \xE2\x80\xA6", 4) <
                0)
                return -1;
            break;
        }
        if (space && ag__ebuf_add(&an->scratch, &an->scratchlen, &an->scratchcap, " ", 1) < 0)
            return -1;
        space = 0;
        const char *src = text + i;
        size_t n = k;
        if (cp == 0xFFFD && k == 1) {
            src = "\xEF\xBF\xBD";
            n = 3;
        } else if (cp == 0) {
            src = " ";
            n = 1;
        }
        if (ag__ebuf_add(&an->scratch, &an->scratchlen, &an->scratchcap, src, n) < 0)
            return -1;
        i += k;
    }
    return 0;
}

/* A name's text, white space collapsed and invalid bytes replaced, into an->scratch
 * (the caller copies what it keeps). */
static int surface(ag__analyser *an, const char *text, size_t s, size_t e)
{
    if (ag__grow(&an->scratch, &an->scratchcap, 3 * (e - s) + 1, 1) < 0)
        return -1;
    char *out = an->scratch;
    /* Most names are printable ASCII with single inner spaces, which come out as they
     * are: check for that and copy, rather than rebuild the text byte by byte. */
    size_t q = s;
    while (q < e && (((unsigned char)text[q] > ' ' && (unsigned char)text[q] < 0x7F) ||
                     (text[q] == ' ' && q > s && q + 1 < e && text[q + 1] != ' ')))
        q++;
    if (q == e) {
        memcpy(out, text + s, e - s);
        out[e - s] = '\0';
        an->scratchlen = e - s;
        return 0;
    }
    size_t n = 0;
    int space = 0;
    for (size_t i = s; i < e;) {
        unsigned char b = (unsigned char)text[i];
        if (b > ' ' && b < 0x80) {
            if (space && n)
                out[n++] = ' ';
            space = 0;
            out[n++] = (char)b;
            i++;
            continue;
        }
        int32_t cp;
        size_t k = ag_text_decode(text, e, i, &cp);
        if (ag_text_is_space(cp) || cp == 0) {
            space = 1;
        } else {
            if (space && n)
                out[n++] = ' ';
            space = 0;
            if (cp == 0xFFFD && k == 1) {
                memcpy(out + n, "\xEF\xBF\xBD", 3);
                n += 3;
            } else {
                memcpy(out + n, text + i, k);
                n += k;
            }
        }
        i += k;
    }
    out[n] = '\0';
    an->scratchlen = n;
    return 0;
}

/* ------------------------------------------------------------------ local actors */

/* Index into an->known of a resolved name, added when new; -1 on ENOMEM. */
static long known_lookup(ag__analyser *an, ag__acc *acc, const char *name)
{
    ag__numslot *slot = known_map_slot(&an->known_index, an, name);
    if (!slot || slot->i)
        return slot ? (long)slot->i - 1 : -1;
    size_t len = strlen(name); /* (only a name new to the index needs it) */
    if (ag__grow(&an->known, &an->capknown, an->nknown + 1, sizeof *an->known) < 0)
        return -1;
    char key[KEY_BYTES];
    ag_extract_name_key(name, len, key, sizeof key);
    long ai = key[0] ? ag__acc_actor(acc, key) : -1;
    if ((key[0] && ai < 0) || ai > INT32_MAX || surface(an, name, 0, len) < 0 ||
        an->scratchlen > UINT32_MAX)
        return -1;
    known *k = &an->known[an->nknown];
    *k = (known){ag__arena_strdup(&an->known_names, name, len), NULL, (uint32_t)an->scratchlen,
                 (int32_t)ai};
    if (!k->name)
        return -1;
    /* The clean text of an actor's name is the accumulator's own copy, the one its
     * records' name and form counts keep: their lookups (every mention's) then match it
     * by its address, not by strcmp. */
    k->clean = ai >= 0 ? ag__acc_intern(acc, an->scratch, an->scratchlen)
               : an->scratchlen == len && memcmp(an->scratch, name, len) == 0
                   ? k->name
                   : ag__arena_strdup(&an->known_names, an->scratch, an->scratchlen);
    if (!k->clean)
        return -1;
    slot->i = (uint32_t)an->nknown + 1;
    an->known_index.n++;
    return (long)an->nknown++;
}

static long known_for(ag__analyser *an, ag__acc *acc, const char *name)
{
    size_t slot = ((uintptr_t)name >> 3) & 63;
    if (an->pc_name[slot] == name)
        return an->pc_known[slot];
    long k = known_lookup(an, acc, name);
    if (k >= 0) {
        an->pc_name[slot] = name;
        an->pc_known[slot] = k;
    }
    return k;
}

/* The document's local actor for accumulator record ai, created on first use (locals are
 * numbered in order of first mention). -1 on ENOMEM. */
static long local_for(ag__analyser *an, size_t ai)
{
    size_t had = an->capacc;
    if (ag__grow(&an->acc_local, &an->capacc, ai + 1, sizeof *an->acc_local) < 0)
        return -1;
    memset(an->acc_local + had, 0, (an->capacc - had) * sizeof *an->acc_local);
    acc_slot *a = &an->acc_local[ai];
    if (a->doc == an->doc_no)
        return a->local;
    if (ag__grow(&an->loc, &an->caploc, an->nloc + 1, sizeof *an->loc) < 0)
        return -1;
    an->loc[an->nloc] = (local){(long)ai, 0, -1, 0};
    *a = (acc_slot){(long)an->nloc, an->doc_no};
    return (long)an->nloc++;
}

/* ------------------------------------------------------------------ local pairs */

/* Pairs are looked up for every co-mention; a document names few actors, so a square
 * matrix indexed by local actors is far cheaper than hashing. Set up once the document's
 * local actors are all known (after its mentions are counted). -1 on ENOMEM. */
static int pairs_begin(ag__analyser *an)
{
    an->use_matrix = an->nloc <= PAIR_MATRIX_MAX;
    size_t need = an->nloc * an->nloc;
    if (!an->use_matrix || need == 0) /* no actors: no pairs, and maybe no matrix yet */
        return 0;
    if (ag__grow(&an->pair_matrix, &an->cappm, need, sizeof *an->pair_matrix) < 0)
        return -1;
    memset(an->pair_matrix, 0, need * sizeof *an->pair_matrix);
    return 0;
}

static long lpair_get(ag__analyser *an, size_t x, size_t y)
{
    size_t lo = x < y ? x : y, hi = x < y ? y : x;
    uint64_t k = (((uint64_t)lo << 32) | hi) + 1;
    uint32_t *cell = an->use_matrix ? &an->pair_matrix[lo * an->nloc + hi] : NULL;
    if (cell && *cell)
        return (long)*cell - 1;
    if (!cell) {
        size_t i = ag__u64map_get(&an->pair_index, k);
        if (i != (size_t)-1)
            return (long)i;
    }
    if (ag__grow(&an->pairs, &an->cappairs, an->npairs + 1, sizeof *an->pairs) < 0)
        return -1;
    lpair *p = &an->pairs[an->npairs];
    p->lo = lo;
    p->hi = hi;
    p->weight = p->met = 0;
    p->met_units = 0;
    p->met_last = 0;
    p->nev = p->nmev = 0;
    if (cell)
        *cell = (uint32_t)an->npairs + 1;
    else if (ag__u64map_put(&an->pair_index, k, an->npairs) < 0)
        return -1;
    return (long)an->npairs++;
}

/* One scope unit [s, e): each of the first `anchors` actors of an->unit[0, n) co-occurs
 * with every later one (anchors == n: every two of them). */
static int add_unit(ag__analyser *an, size_t anchors, size_t n, size_t s, size_t e)
{
    for (size_t i = 0; i < anchors; i++) {
        for (size_t j = i + 1; j < n; j++) {
            long pi = lpair_get(an, an->unit[i], an->unit[j]);
            if (pi < 0)
                return -1;
            lpair *p = &an->pairs[pi];
            p->weight++;
            /* Units arrive in offset order, so the first ones are the smallest. */
            if (p->nev < an->maxev) {
                p->ev[2 * p->nev] = s;
                p->ev[2 * p->nev + 1] = e;
                p->nev++;
            }
        }
    }
    return 0;
}

static int unit_push(ag__analyser *an, size_t *n, long l)
{
    if (l < 0 || an->loc[l].stamp == an->stamp)
        return 0;
    an->loc[l].stamp = an->stamp;
    if (ag__grow(&an->unit, &an->capunit, *n + 1, sizeof *an->unit) < 0)
        return -1;
    an->unit[(*n)++] = (size_t)l;
    return 0;
}

/* Mentions of sentence si are ms[si] .. ms[si + 1] - 1. */
static int co_mentions(ag__analyser *an, const ag_sentence *sents, size_t ns, const size_t *ms)
{
    const ag_extract_opts *o = an->opts;
    const ag_mention *m = an->m.v;

    if (ns == 0)
        return 0;
    if (o->scope == AG_SCOPE_WINDOW && o->window > 1) {
        size_t w = (size_t)o->window;
        for (size_t si = 0; si < ns; si++) {
            /* Anchor sentence si with the w - 1 sentences before it: a pair counts when
             * one of its actors is in si and the other anywhere in the window. */
            size_t first = si + 1 >= w ? si + 1 - w : 0;
            size_t nanchor = 0, n = 0;
            an->stamp++;
            for (size_t k = ms[si]; k < ms[si + 1]; k++)
                if (!m[k].dateline && unit_push(an, &nanchor, an->mloc[k]) < 0)
                    return -1;
            if (nanchor == 0)
                continue;
            n = nanchor;
            for (size_t k = ms[first]; k < ms[si]; k++)
                if (!m[k].dateline && unit_push(an, &n, an->mloc[k]) < 0)
                    return -1;
            if (add_unit(an, nanchor, n, sents[si].start, sents[si].end) < 0)
                return -1;
        }
        return 0;
    }
    for (size_t si = 0; si < ns;) {
        size_t sj = si + 1; /* unit = sentences [si, sj) */
        if (o->scope == AG_SCOPE_DOCUMENT)
            sj = ns;
        else if (o->scope == AG_SCOPE_PARAGRAPH)
            while (sj < ns && sents[sj].paragraph == sents[si].paragraph)
                sj++;
        size_t n = 0;
        an->stamp++;
        for (size_t k = ms[si]; k < ms[sj]; k++)
            if (!m[k].dateline && unit_push(an, &n, an->mloc[k]) < 0)
                return -1;
        if (n > 1 && add_unit(an, n, n, sents[si].start, sents[sj - 1].end) < 0)
            return -1;
        si = sj;
    }
    return 0;
}

/* ------------------------------------------------------------------ meetings */

/* A word token: letters or digits ("U.S." and "Mr." are words; a possessive 's is not). */
static int is_word(const tok *t) { return (t->flags & (AG__T_WORD | AG__T_DIGIT)) != 0; }

/* Bytes of a word token's word: a title abbreviation's period is not part of it. */
static size_t word_len(const tok *t) { return t->e - t->s - ((t->flags & AG__T_ABBR) ? 1 : 0); }

/* Always inline: w is a literal at every call, and the profile-guided build called an
 * out-of-line copy for each of the patterns' many questions about a trigger's words. */
static inline __attribute__((always_inline)) int word_eq(const char *text, const tok *t,
                                                         const char *w)
{
    /* (inlined, strlen(w) of the literal is a constant: a word of another length, most
     * of those asked about, is told apart without reading its bytes) */
    size_t n = word_len(t);
    if (n != strlen(w) || !is_word(t) || (text[t->s] | 0x20) != w[0])
        return 0;
    for (size_t i = 1; i < n; i++) {
        char c = text[t->s + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != w[i])
            return 0;
    }
    return 1;
}

/* The word lists of the meeting patterns (lower case). */
enum {
    WS_PLANNED,
    WS_OBJ_BREAK,
    WS_SUBJ_BREAK,
    WS_LIST_JOIN,
    WS_CLAUSE_PLANNED,
    WS_ROLE_NOUNS,
    WS_MOD_JOIN,
    WS_NOUNS,
    WS_GERUND_OPENERS,
    WS_VISITS,
    WS_ENDS,
    WS_TRIGGERS,
    WS_BELONGINGS,
    WS_AUX,
    WS_REPORT,
    WS_ING_ADJ,
    WS_PAIR_NOUNS,
    WS_CLAUSE_WORDS,
    WS_DETERMINERS,
    WS_STATE_NOUNS,
    WS_FIXTURES,
    WS_ENDORSE,
    WS_COUNT
};
#define WS_DONE (1u << 31) /* a token's set bits are computed (see word_in) */
#define WORDS(...)                                                                                 \
    (const char *const[]) { __VA_ARGS__, NULL }
static const char *const *const WORD_SETS[WS_COUNT] = {
    /* Also refused, called-off and merely urged meetings ("a boycott of talks with X",
     * "recommended opening negotiations with X", "cancelled talks with X"). */
    [WS_PLANNED] = WORDS(
        "boycott", "boycotted", "boycotting", "boycotts", "cancel", "canceled", "cancelled",
        "cancels", "cannot", "could", "declined", "demanded", "demanding", "demands", "due",
        "expected", "forthcoming", "future", "hoped", "hopes", "hoping", "if", "intends", "may",
        "might", "n't", "never", "next", "not", "offered", "offering", "offers", "open", "opening",
        "plan", "planned", "planning", "plans", "possible", "postpone", "postponed", "postpones",
        "proposed", "recommend", "recommended", "recommending", "recommends", "refuse", "refused",
        "refuses", "refusing", "reject", "rejected", "rejecting", "rejects", "scheduled", "seek",
        "seeking", "seeks", "set", "shall", "should", "sought", "to", "upcoming", "urge", "urged",
        "urges", "urging", "wants", "when", "will", "would"),
    [WS_OBJ_BREAK] = WORDS("about", "after", "also", "as", "at", "because", "before", "but", "by",
                           "during", "from", "in", "said", "says", "since", "than", "that", "then",
                           "to", "told", "when", "where", "which", "while", "who"),
    [WS_SUBJ_BREAK] =
        WORDS("according", "but", "said", "says", "than", "that", "to", "told", "which"),
    [WS_LIST_JOIN] = WORDS("and", "including"),
    /* Modal and plan words that make a whole clause hypothetical ("X would visit Bonn for
     * talks with Y"): checked between the subject and the trigger ("to" is not among them:
     * "X, who flew to Paris, met Y" is a meeting). */
    [WS_CLAUSE_PLANNED] = WORDS("cannot", "could", "due", "expected", "hopes", "hoping", "intends",
                                "may", "might", "n't", "never", "not", "planned", "planning",
                                "plans", "scheduled", "shall", "should", "wants", "will", "would"),
    /* Role nouns that sit between a nationality and a name without being titles the
     * recogniser strips ("Burundi negotiator Nyerere", "his German counterpart Kinkel"). */
    [WS_ROLE_NOUNS] =
        WORDS("adviser", "advisor", "aide", "ally", "boss", "chief", "colleague", "columnist",
              "commentator", "correspondent", "counterpart", "counterparts", "delegate", "editor",
              "envoy", "executive", "head", "lawyer", "leader", "negotiator", "official",
              "opposite", "reporter", "representative", "spokesman", "spokesperson", "spokeswoman"),
    [WS_MOD_JOIN] = WORDS("and", "for", "of", "on", "the"),
    /* Nouns that make a trigger with "with" or "between" after them. */
    [WS_NOUNS] = WORDS("discussions", "meeting", "meetings", "negotiations", "talks"),
    /* Conjunctions of time before a gerund ("after meeting Y"). */
    [WS_GERUND_OPENERS] = WORDS("after", "before", "since", "when", "while"),
    /* Verbs whose object was visited or received (a person or organisation). */
    [WS_VISITS] = WORDS("hosted", "hosting", "hosts", "received", "receives", "receiving",
                        "visited", "visits"),
    /* Words after "X and Y met" that show "met" took no object ("met in Kabul"). */
    [WS_ENDS] = WORDS("after", "again", "at", "before", "behind", "briefly", "during", "earlier",
                      "for", "here", "in", "last", "later", "on", "over", "privately", "separately",
                      "there", "this", "to", "today", "twice", "with", "yesterday"),
    /* Every word that can open a trigger (trigger_at), so most tokens are turned away by
     * one lookup. */
    [WS_TRIGGERS] = WORDS("called", "calls", "conferred", "dialogue", "dined", "discussions",
                          "hosted", "hosting", "hosts", "lunched", "meeting", "meetings", "meets",
                          "met", "negotiations", "received", "receives", "receiving", "sat",
                          "shook", "summit", "talks", "visited", "visits", "welcomed"),
    /* Things of a person that are visited, and kin who are met, without meeting the
     * person ("X's grave", "the tomb of X", "the X mausoleum", "met the family of X", "the
     * widow of X"). */
    [WS_BELONGINGS] =
        WORDS("birthplace", "brother", "children", "daughter", "daughters", "families", "family",
              "father", "grave", "graves", "gravesite", "home", "house", "husband", "mausoleum",
              "memorial", "monument", "mother", "museum", "parents", "relatives", "shrine",
              "sister", "son", "sons", "statue", "tomb", "tombs", "widow", "wife"),
    /* Words between a pronoun or an elided subject and its trigger ("he had held talks
     * with", "and then met"). */
    [WS_AUX] = WORDS("a", "also", "already", "briefly", "direct", "earlier", "had", "has", "have",
                     "held", "hold", "holds", "just", "later", "private", "recently", "separate",
                     "separately", "then", "twice"),
    /* Reporting verbs whose subject a following "he", "she" or "it" refers to. */
    [WS_REPORT] = WORDS("added", "adds", "confirmed", "insisted", "said", "says", "stated", "told"),
    /* Words in -ing that are no verb taking the next name as object ("the visiting
     * Iraqi Prime Minister", "during"). */
    [WS_ING_ADJ] =
        WORDS("according", "acting", "ailing", "defending", "during", "evening", "governing",
              "incoming", "including", "leading", "meeting", "morning", "outgoing", "reigning",
              "remaining", "ruling", "sitting", "spring", "visiting", "warring"),
    /* Nouns of "the two leaders met": two persons named just before. */
    [WS_PAIR_NOUNS] =
        WORDS("chancellors", "leaders", "men", "ministers", "premiers", "presidents", "women"),
    /* Words that open a clause with a subject of its own ("X said Y arrived and met Z",
     * "X criticised Y, who flew in and met Z"). */
    /* Words before a participle that make it an adjective ("the hosted service", "CEO of
     * hosted software maker X"), not a trigger. */
    [WS_DETERMINERS] =
        WORDS("a", "an", "her", "his", "its", "my", "of", "our", "the", "their", "your"),
    /* Stages of a competition: "X meets Y in the first round", "X and Y met in the
     * semi-final" report a match, not a meeting. */
    [WS_FIXTURES] =
        WORDS("final", "finals", "game", "match", "play-off", "play-offs", "playoff", "playoffs",
              "quarter-final", "quarter-finals", "quarterfinal", "quarterfinals", "round",
              "semi-final", "semi-finals", "semifinal", "semifinals"),
    /* Groups that act for a state, after its adjective ("met Pakistani leaders", "North
     * Korean and US officials met"); with WS_ROLE_NOUNS and titles. Not "British troops",
     * "Brazilian fans". */
    [WS_STATE_NOUNS] =
        WORDS("authorities", "commanders", "delegates", "delegation", "delegations", "diplomat",
              "diplomats", "envoys", "government", "leaders", "leadership", "ministers",
              "negotiators", "officers", "officials", "representatives", "side"),
    /* Verbs that endorse talks without holding them ("ministers backed talks with X"). */
    [WS_ENDORSE] = WORDS("back", "backed", "backing", "backs", "endorse", "endorsed", "endorses",
                         "endorsing", "favour", "favoured", "favouring", "favours", "support",
                         "supported", "supporting", "supports"),
    [WS_CLAUSE_WORDS] = WORDS("added", "after", "although", "as", "because", "before", "if", "said",
                              "says", "since", "that", "though", "told", "until", "when", "where",
                              "whereas", "which", "while", "who", "whom", "whose"),
};

static int cmp_set_word(const void *a, const void *b)
{
    return strcmp(((const set_word *)a)->w, ((const set_word *)b)->w);
}

/* All lists merged into one map from a word to the bits of its lists, so a token is
 * looked up once for all of them. -1 when out of memory. */
static int word_sets_init(ag__analyser *an)
{
    if (!(an->sets_cache = calloc(SETS_CACHE_SLOTS, sizeof *an->sets_cache)))
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < WS_COUNT; i++)
        for (const char *const *w = WORD_SETS[i]; *w; w++)
            n++;
    set_word *v = malloc(n * sizeof *v);
    if (!v)
        return -1;
    n = 0;
    for (size_t i = 0; i < WS_COUNT; i++)
        for (const char *const *w = WORD_SETS[i]; *w; w++)
            v[n++] = (set_word){*w, 1u << i};
    qsort(v, n, sizeof *v, cmp_set_word);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        uint32_t sets = v[i].sets;
        while (i + 1 < n && strcmp(v[i].w, v[i + 1].w) == 0)
            sets |= v[++i].sets;
        size_t len = strlen(v[i].w);
        unsigned c = (unsigned char)v[i].w[0] - 'a';
        assert(c < 26 && len < 32);
        an->word_lens[c] |= 1u << len;
        if (sets & (1u << WS_TRIGGERS)) {
            an->trigger_lens['a' + c] |= 1u << len;
            an->trigger_lens['A' + c] |= 1u << len;
        }
        rc = ag__strmap_put(&an->word_index, v[i].w, sets); /* the words are literals */
    }
    free(v);
    return rc;
}

/* WS_* bits of the lists holding word token t (0 for none or a token that is no word). */
static uint32_t token_sets(const ag__analyser *an, const char *text, const tok *t)
{
    if (!is_word(t))
        return 0;
    size_t n = word_len(t);
    unsigned c = ((unsigned char)text[t->s] | 0x20) - 'a';
    /* Most words start with a letter no list word of their length starts with. */
    if (c >= 26 || n >= 32 || !((an->word_lens[c] >> n) & 1))
        return 0;
    uint64_t w = 0;
    uint32_t *cached = NULL;
    sets_slot *cache = an->sets_cache;
    if (n <= 8) {
        w = ag__bytes_word8(text + t->s, n);
        size_t i = (size_t)(((w ^ n) * 0x9E3779B97F4A7C15ull) >> (64 - SETS_CACHE_BITS));
        if (cache[i].n == n && cache[i].w == w)
            return cache[i].sets;
        cache[i].w = w;
        cache[i].n = (uint32_t)n;
        cached = &cache[i].sets;
    }
    char low[32];
    size_t l = ag__lex_lower(text + t->s, n, low);
    low[l] = '\0';
    /* (the length is known: not ag__strmap_get, which takes strlen of the key) */
    const ag__strslot *s =
        ag__strmap_find(&an->word_index, NULL, low, (uint32_t)ag__hash_bytes(low, l));
    uint32_t sets = s ? s->val : 0;
    if (cached)
        *cached = sets;
    return sets;
}

/* token_sets of t, kept in an->tok_sets. Out of line, so that word_in, called from
 * every pattern, inlines to a load and a test when the answer is kept. */
static __attribute__((noinline)) uint32_t keep_token_sets(const ag__analyser *an, const char *text,
                                                          const tok *t)
{
    return an->tok_sets[t - an->toks] = token_sets(an, text, t) | WS_DONE;
}

/* Token t (of the current sentence) is in list `set`. The answer for all lists is kept
 * per token: the patterns ask about the same tokens again and again. */
static inline int word_in(const ag__analyser *an, const char *text, const tok *t, int set)
{
    uint32_t b = an->tok_sets[t - an->toks];
    if (!b)
        b = keep_token_sets(an, text, t);
    return (b >> set) & 1;
}

/* First token index with start >= pos. The patterns ask it a dozen times a mention, and
 * which half holds pos is a coin toss the branch predictor loses: the search halves the
 * range without a branch on the comparison (a conditional move). */
static size_t tok_at(const ag__analyser *an, size_t pos)
{
    /* (the patterns hold the analyser read-only; the answers are a cache beside it, like
     * tok_sets, and the analyser is never a const object) */
    ag__analyser *memo = (ag__analyser *)an;
    size_t slot = pos & (TOK_AT_SLOTS - 1);
    if (an->tok_at_pos[slot] == pos + 1)
        return an->tok_at_idx[slot];
    const tok *b = an->toks;
    size_t n = an->ntoks;
    if (n == 0)
        return 0;
    while (n > 1) { /* the answer is in [b, b + n] */
        size_t half = n / 2;
        b = b[half].s < pos ? b + half : b;
        n -= half;
    }
    size_t i = (size_t)(b - an->toks) + (b->s < pos);
    memo->tok_at_pos[slot] = pos + 1;
    memo->tok_at_idx[slot] = (uint32_t)i;
    return i;
}

/* Is the text between two mentions [s, e) only a modifier gap: capitalised words, title
 * words, "for/of/the", a possessive 's? ("US Special Envoy for Afghanistan Zalmay ..."). */
static int modifier_gap(const ag__analyser *an, const char *text, size_t s, size_t e)
{
    size_t words = 0;
    for (size_t i = tok_at(an, s); i < an->ntoks && an->toks[i].s < e; i++) {
        const tok *t = &an->toks[i];
        if (!is_word(t) && !(t->flags & AG__T_POSS)) {
            if (ag_text_is_apostrophe(t->punct) || ag_text_is_hyphen(t->punct))
                continue;
            return 0;
        }
        if (++words > 6)
            return 0;
        if ((t->flags & (AG__T_CAP | AG__T_DIGIT | AG__T_POSS)) || word_eq(text, t, "s"))
            continue;
        if (word_eq(text, t, "and"))
            return 0;
        if (word_in(an, text, t, WS_MOD_JOIN) || word_in(an, text, t, WS_ROLE_NOUNS))
            continue;
        if (an->lex && (ag_lexicon_word_class(an->lex, text + t->s, word_len(t)) & AG_LEX_TITLE))
            continue;
        return 0;
    }
    return 1;
}

/* Words in [s, e) and whether one is in `stop` or is punctuation other than allowed. */
static int gap_ok(const ag__analyser *an, const char *text, size_t s, size_t e, int stop,
                  size_t max_words, int need_join)
{
    size_t words = 0;
    int joined = 0;
    for (size_t i = tok_at(an, s); i < an->ntoks && an->toks[i].s < e; i++) {
        const tok *t = &an->toks[i];
        if (t->flags & AG__T_PUNCT) {
            if (t->punct == ',' || t->punct == '&') {
                joined = 1;
                continue;
            }
            if (ag_text_is_apostrophe(t->punct) || ag_text_is_hyphen(t->punct))
                continue;
            return 0;
        }
        if (word_in(an, text, t, WS_LIST_JOIN))
            joined = 1;
        else if (stop >= 0 && word_in(an, text, t, stop))
            return 0;
        if (++words > max_words)
            return 0;
    }
    return !need_join || joined;
}

/* The lexicon's AG_LEX_* classes of word token t (0 without a lexicon). The tokeniser
 * gave the words next to names their class (t->cls, from the same lexicon), and the
 * patterns ask mostly about such words: a class there is the answer without a lookup (0
 * says no class or none looked up). */
static unsigned word_class(const ag__analyser *an, const char *text, const tok *t)
{
    if (!an->lex)
        return 0;
    if (t->cls & 0xFFu)
        return t->cls & 0xFFu;
    return ag_lexicon_word_class(an->lex, text + t->s, word_len(t));
}

/* A lower-case word that may be a verb taking what follows as its object: a word in -ing
 * ("holding"; not "visiting", "during", nor a compound "high-ranking"), or with `past`
 * one in -ed ("kidnapped"). */
static int verbish(const ag__analyser *an, const char *text, const tok *p, int past)
{
    size_t n = word_len(p);
    if (!(p->flags & AG__T_LOWER) || (p->flags & AG__T_HYPHEN) || n < 5)
        return 0;
    if (past && memcmp(text + p->s + n - 2, "ed", 2) == 0)
        return 1;
    return n >= 6 && memcmp(text + p->s + n - 3, "ing", 3) == 0 &&
           !word_in(an, text, p, WS_ING_ADJ);
}

/* Is there a verb (see verbish) in [s, e)? Then a list of partners has ended there
 * ("X met Y, criticised Z": Z is no partner). */
static int verb_in(const ag__analyser *an, const char *text, size_t s, size_t e)
{
    for (size_t i = tok_at(an, s); i < an->ntoks && an->toks[i].s < e; i++)
        if (verbish(an, text, &an->toks[i], 1))
            return 1;
    return 0;
}

/* Does mention x name the owner of something rather than the partner itself: "X's
 * envoys", "the X grave", "the tomb of President X"? Visiting a person's grave or meeting
 * a group's envoys is no meeting with the person or the group. Returns the end of the
 * owning phrase ("X's", "X grave"), after which the partner may still be named in a
 * modifier gap ("X's deputy, Y"); else 0. */
static size_t owner_end(const ag__analyser *an, const char *text, const ag_mention *x)
{
    size_t i = tok_at(an, x->end);
    if (i < an->ntoks &&
        ((an->toks[i].flags & AG__T_POSS) || word_in(an, text, &an->toks[i], WS_BELONGINGS)))
        return an->toks[i].e;
    size_t k = tok_at(an, x->start);
    /* What describes the name, in any case ("President", "former president", "the late
     * singer", "the jailed reporter"): words that are neither function words (but "the")
     * nor verbs (a participle after a determiner is an adjective). */
    for (size_t n = 0; n < 4 && k > 0; n++, k--) {
        const tok *p = &an->toks[k - 1];
        if (!is_word(p) ||
            (verbish(an, text, p, 1) &&
             !(k >= 2 && word_in(an, text, &an->toks[k - 2], WS_DETERMINERS))) ||
            ((word_class(an, text, p) & AG_LEX_FUNCTION) && !word_eq(text, p, "the")))
            break;
    }
    if (k >= 2 && word_eq(text, &an->toks[k - 1], "of") &&
        word_in(an, text, &an->toks[k - 2], WS_BELONGINGS))
        return x->end;
    return 0;
}

/* After an owner ("X's", see owner_end), does the text up to the next name [s, e) only
 * name that name's role: "X's deputy Y", "X's prime minister, Y"? At most four words and
 * commas, no function word or verb, and the last word a title or role noun. Not "X's
 * grave with Y" nor "X's grave, Y said". */
static int owned_gap(const ag__analyser *an, const char *text, size_t s, size_t e)
{
    size_t words = 0;
    const tok *last = NULL;
    for (size_t i = tok_at(an, s); i < an->ntoks && an->toks[i].s < e; i++) {
        const tok *t = &an->toks[i];
        if (!is_word(t)) {
            if (t->punct == ',' || ag_text_is_apostrophe(t->punct) || ag_text_is_hyphen(t->punct))
                continue;
            return 0;
        }
        if (++words > 4 || verbish(an, text, t, 1) || (word_class(an, text, t) & AG_LEX_FUNCTION))
            return 0;
        last = t;
    }
    return !last || word_in(an, text, last, WS_ROLE_NOUNS) ||
           (word_class(an, text, last) & AG_LEX_TITLE);
}

/* Is [s, e) one to four words naming a role (owned_gap) and no comma? */
static int role_gap(const ag__analyser *an, const char *text, size_t s, size_t e)
{
    size_t i = tok_at(an, s), words = 0;
    for (size_t k = i; k < an->ntoks && an->toks[k].s < e; k++) {
        if (an->toks[k].punct == ',')
            return 0;
        words += is_word(&an->toks[k]);
    }
    return words > 0 && owned_gap(an, text, s, e);
}

/* Is mention x, before the trigger token t, followed by a possessive 's that makes it the
 * owner of the trigger's subject ("Sharon's Likud party began talks", "X's aides met")?
 * The 's of a meeting noun ("Iran's talks with", "Iran's nuclear talks with") is fine. */
static int owns_subject(const ag__analyser *an, const char *text, const ag_mention *x, const tok *t)
{
    size_t i = tok_at(an, x->end);
    if (i >= an->ntoks || !(an->toks[i].flags & AG__T_POSS))
        return 0;
    if (word_eq(text, t, "met") || word_eq(text, t, "meets") || word_in(an, text, t, WS_VISITS))
        return 1;
    for (size_t k = i + 1, words = 0; k < an->ntoks && an->toks[k].s < t->s; k++)
        if (++words > 1 || !(an->toks[k].flags & AG__T_LOWER))
            return 1;
    return 0;
}

/* Is the subject starting at byte `start` inside a phrase that is no subject: the object
 * of another verb earlier in its clause ("gunmen claiming to hold UN workers met ...",
 * "militants holding UN workers met ..."), or a modifier after a possessive pronoun ("its
 * UN diplomats met ...": the diplomats are not the UN's)? */
static int embedded(const ag__analyser *an, const char *text, size_t start)
{
    size_t words = 0;
    for (size_t i = tok_at(an, start); i > 0 && words < 10; i--) {
        const tok *p = &an->toks[i - 1];
        if (!is_word(p)) {
            if ((p->flags & AG__T_POSS) || ag_text_is_apostrophe(p->punct) ||
                ag_text_is_hyphen(p->punct))
                continue;
            return 0; /* the start of the clause */
        }
        words++;
        if (!(p->flags & AG__T_LOWER))
            continue;
        if (words <= 2 && (word_eq(text, p, "its") || word_eq(text, p, "their") ||
                           word_eq(text, p, "his") || word_eq(text, p, "her")))
            return 1;
        const tok *nx = &an->toks[i]; /* i < ntoks: the subject's first token is there */
        if (word_eq(text, p, "to") && nx->s < start && (nx->flags & AG__T_LOWER) &&
            !(word_class(an, text, nx) & AG_LEX_FUNCTION))
            return 1; /* "to hold", not "to the" */
        if (verbish(an, text, p, 0))
            return 1;
    }
    return 0;
}

/* Does only a name's lead stand before byte `start` in its clause (in its sentence when
 * `whole`): names, titles, "the", adjectives ("Japan's foreign minister, X")? Then a name
 * there is its clause's subject, not the object of a verb or preposition ("a top aide to
 * X", "a delegation led by X", "gunmen holding X"). */
static int clause_initial(const ag__analyser *an, const char *text, size_t start, int whole)
{
    size_t words = 0;
    for (size_t i = tok_at(an, start); i > 0; i--) {
        const tok *p = &an->toks[i - 1];
        if (!is_word(p)) {
            if (whole || (p->flags & AG__T_POSS) || ag_text_is_apostrophe(p->punct) ||
                ag_text_is_hyphen(p->punct) || p->punct == '(' || p->punct == ')')
                continue;
            break;
        }
        if (++words > 12)
            return 0;
        if (!(p->flags & AG__T_LOWER) || word_eq(text, p, "the") || word_eq(text, p, "a") ||
            word_eq(text, p, "an"))
            continue;
        if (verbish(an, text, p, 1))
            return 0;
        /* A function word, unless inside a title ("Representative for Afghan Affairs");
         * a sentence's first word is capitalised anyway ("Proposals by X"): a title's
         * only when the lexicon says so. */
        if ((word_class(an, text, p) & AG_LEX_FUNCTION) &&
            !(i >= 2 && (an->toks[i - 2].flags & AG__T_CAP) && (an->toks[i].flags & AG__T_CAP) &&
              (i > 2 || (word_class(an, text, &an->toks[0]) & AG_LEX_TITLE))))
            return 0;
    }
    return 1;
}

/* What a pronoun or an elided subject may refer to (see referred_subject). */
enum { REF_PERSON = 1, REF_GROUP, REF_ACTOR };

static int ref_fits(const ag_mention *x, int want)
{
    if (want == REF_PERSON)
        return x->type == AG_ACTOR_PERSON;
    if (want == REF_GROUP)
        return x->type == AG_ACTOR_ORG || x->type == AG_ACTOR_COUNTRY;
    return x->type == AG_ACTOR_PERSON || x->type == AG_ACTOR_ORG || x->type == AG_ACTOR_COUNTRY;
}

/* The mentions of a sentence that can act: indices into the document's mentions, and
 * which ones only modify the next name ("US" in "US envoy Zalmay Khalilzad"). */
typedef struct acting {
    const ag_mention *m;
    const size_t *cand;
    const int *mod;
    size_t nc;
} acting;

/* The subject of reporting verb v ("X said", "X told reporters"), when it is a clause's
 * first name and fits `want`; a cand index, or -1. */
static long reporter(const ag__analyser *an, const char *text, const acting *a, const tok *v,
                     int want)
{
    for (size_t c = a->nc; c-- > 0;) {
        const ag_mention *x = &a->m[a->cand[c]];
        if (x->end > v->s || a->mod[c] || x->type == AG_ACTOR_PLACE)
            continue;
        if (!ref_fits(x, want) || !gap_ok(an, text, x->end, v->s, WS_SUBJ_BREAK, 6, 0) ||
            owner_end(an, text, x) || !clause_initial(an, text, x->start, 0))
            return -1;
        return (long)c;
    }
    return -1;
}

/* The subject of the sentence, or for an elided subject (`want` REF_ACTOR) of the clause
 * after its last "said" or "that" ("X said Y arrived and met Z": Y): the clause's first
 * name (past an owner: "Japan's foreign minister, X"), when only a lead stands before it
 * (clause_initial) and it fits `want`. Nothing when another clause (WS_CLAUSE_WORDS: "who",
 * "because", ...) opens before byte `before`, nor for a pronoun (`want` a person or a
 * group) when another name it could mean stands in between. A cand index, or -1. */
static long sentence_subject(const ag__analyser *an, const char *text, const acting *a,
                             size_t before, int want)
{
    size_t from = 0; /* where the subject's clause starts */
    for (size_t i = tok_at(an, before); want == REF_ACTOR && i-- > 0;)
        if (word_in(an, text, &an->toks[i], WS_CLAUSE_WORDS)) {
            if (!word_in(an, text, &an->toks[i], WS_REPORT) && !word_eq(text, &an->toks[i], "that"))
                return -1;
            from = an->toks[i].e;
            break;
        }
    long subj = -1;
    size_t owned = 0;
    for (size_t c = 0; c < a->nc && a->m[a->cand[c]].start < before; c++) {
        const ag_mention *x = &a->m[a->cand[c]];
        if (x->start < from || a->mod[c] || x->type == AG_ACTOR_PLACE || x->type == AG_ACTOR_OTHER)
            continue;
        if (subj >= 0) {
            if (want != REF_ACTOR && ref_fits(x, want))
                return -1; /* a second name the pronoun could mean */
            continue;
        }
        if (owned ? !owned_gap(an, text, owned, x->start) : !clause_initial(an, text, x->start, 1))
            return -1;
        if ((owned = owner_end(an, text, x)) != 0)
            continue;
        if (!ref_fits(x, want) || !gap_ok(an, text, x->end, before, WS_CLAUSE_WORDS, 40, 0))
            return -1;
        subj = (long)c;
    }
    return subj;
}

/* Subject of the trigger at token ti when a pronoun or an elided subject stands before it
 * (past "had", "held", "also", ...):
 *   "X said (that) he|she|it [had held talks|met] ...", "X told reporters he met ...":
 *       the subject of the reporting verb;
 *   "X said in|during|at|after his|her|its meeting with ...": likewise;
 *   "X flew to Cairo, where he met ...", "X arrived in Rome and (then) met ...": the
 *       sentence's subject, when no other name in between could be meant;
 *   "X urged Y to act, after (or following) talks with Z": the sentence's subject.
 *   "X visited Eastbourne. He met Y": the pronoun opening the sentence is the previous
 *       sentence's subject (an->open_ref, see opening_referent).
 * Returns the cand index, -1 when the pronoun cannot be told safely (no subject then),
 * -2 when no pronoun or elision is there (the nearest name is the subject), or -3 for
 * an->open_ref. */
static long referred_subject(const ag__analyser *an, const char *text, const acting *a, size_t ti)
{
    const tok *t = &an->toks[ti];
    int verb =
        word_eq(text, t, "met") || word_eq(text, t, "meets") || word_in(an, text, t, WS_VISITS);
    size_t b = ti;
    for (size_t k = 0; k < 3 && b > 0 && word_in(an, text, &an->toks[b - 1], WS_AUX); k++) {
        const tok *p = &an->toks[--b];
        verb |= word_eq(text, p, "held") || word_eq(text, p, "hold") || word_eq(text, p, "holds") ||
                word_eq(text, p, "had");
    }
    if (b == 0)
        return -2;
    const tok *p = &an->toks[b - 1];
    const tok *q = b >= 2 ? &an->toks[b - 2] : NULL;
    if (b == ti && b >= 3 &&
        (word_eq(text, p, "his") || word_eq(text, p, "her") || word_eq(text, p, "its"))) {
        /* "X said in his meeting with Y" */
        if (!(word_eq(text, q, "in") || word_eq(text, q, "during") || word_eq(text, q, "at") ||
              word_eq(text, q, "after")) ||
            !word_in(an, text, &an->toks[b - 3], WS_REPORT))
            return -2;
        long r = reporter(an, text, a, &an->toks[b - 3],
                          word_eq(text, p, "its") ? REF_GROUP : REF_PERSON);
        return r >= 0 ? r : -2;
    }
    /* "X spoke in Kuwait before meeting Y": a gerund's subject is the sentence's, not the
     * nearest name (Kuwait, a preposition's object); none when that is unclear */
    if (b == ti && word_eq(text, t, "meeting") && word_in(an, text, p, WS_GERUND_OPENERS) &&
        ti + 1 < an->ntoks && !word_eq(text, &an->toks[ti + 1], "with") &&
        !word_eq(text, &an->toks[ti + 1], "between")) {
        /* ("After meeting Y, X said": the subject follows, as for "In his meeting with Y,
         * X said", see trigger_subjects) */
        if (b == 1)
            return -2;
        long r = sentence_subject(an, text, a, p->s, REF_ACTOR);
        return r >= 0 ? r : -1;
    }
    /* "X urged Syria to act, after talks with Y": the meeting of the sentence's subject
     * ("after meeting with Y" is a verb's, whose subject is the nearest name) */
    if (b == ti && !verb && word_in(an, text, t, WS_NOUNS) && (text[t->s] | 0x20) != 'm' &&
        (word_eq(text, p, "after") || word_eq(text, p, "following"))) {
        long r = sentence_subject(an, text, a, p->s, REF_ACTOR);
        return r >= 0 ? r : -2;
    }
    if (!verb)
        return -2;
    if (word_eq(text, p, "and"))
        return sentence_subject(an, text, a, p->s, REF_ACTOR);
    int want = word_eq(text, p, "he") || word_eq(text, p, "she") ? REF_PERSON
               : word_eq(text, p, "it")                          ? REF_GROUP
                                                                 : 0;
    if (!want)
        return -2;
    if (!q) /* "He met Y" opening its sentence: the previous sentence's subject */
        return want == REF_PERSON && an->open_ref >= 0 ? -3 : -1;
    if (word_eq(text, q, "that"))
        q = b >= 3 ? &an->toks[b - 3] : NULL;
    if (!q)
        return -1;
    if (word_in(an, text, q, WS_REPORT))
        return reporter(an, text, a, q, want);
    if ((q->flags & AG__T_LOWER) && q > an->toks && word_eq(text, q - 1, "told"))
        return reporter(an, text, a, q - 1, want); /* "told reporters he met" */
    if (word_eq(text, q, "where") || word_eq(text, q, "and"))
        return sentence_subject(an, text, a, q->s, want);
    return -1;
}

/* TRIG_HELD: "X and Y held (two days of) talks", a meeting noun with no partner after it,
 * held by the subjects: those met each other. */
/* TRIG_WELCOME: "welcomed X to Berlin", a visit only with "to" or "at" after its object
 * ("welcomed X's decision", "welcomed the move" are none). */
enum { TRIG_NONE, TRIG_VERB, TRIG_VISIT, TRIG_CALL, TRIG_BETWEEN, TRIG_HELD, TRIG_WELCOME };

static int add_met(ag__analyser *an, long x, long y, const ag_sentence *s)
{
    if (x < 0 || y < 0 || x == y)
        return 0;
    long pi = lpair_get(an, (size_t)x, (size_t)y);
    if (pi < 0)
        return -1;
    lpair *p = &an->pairs[pi];
    /* Several triggers in one sentence naming the same pair count once. */
    if (p->met_last == s->start + 1)
        return 0;
    p->met_last = s->start + 1;
    p->met++;
    /* A pair that met without sharing a unit (one of them a pronoun or "the two men"
     * there; the units were all counted before) counts its meeting sentences as its
     * units, so that no link weighs 0. */
    if (p->weight == 0 || p->met_units) {
        p->met_units = 1;
        p->weight++;
        if (p->nev < an->maxev) {
            p->ev[2 * p->nev] = s->start;
            p->ev[2 * p->nev + 1] = s->end;
            p->nev++;
        }
    }
    if (p->nmev < an->maxev) {
        p->mev[2 * p->nmev] = s->start;
        p->mev[2 * p->nmev + 1] = s->end;
        p->nmev++;
    }
    return 0;
}

/* The first token from ti on that could open a trigger, or ntoks when none can: its first
 * byte and length answer for most tokens (this runs for every token of every sentence with
 * two acting mentions). A title abbreviation ("Mr.") counts its period, which only makes
 * it fail sooner: no trigger word is one. Its own loop, with everything in locals: the
 * callers' stores through an could alias the token array and its bounds. */
static inline size_t next_maybe_trigger(const uint32_t *lens, const char *text, const tok *toks,
                                        size_t ti, size_t ntoks)
{
    for (; ti < ntoks; ti++) {
        size_t n = toks[ti].e - toks[ti].s;
        if (n < 32 && ((lens[(unsigned char)text[toks[ti].s]] >> n) & 1))
            break;
    }
    return ti;
}

/* "held", "hold", "holds" or "had" a few lower-case words before the meeting noun at ti
 * ("held talks", "held two days of talks", "had lengthy discussions"), not "to hold"
 * (what is to come) nor "held no talks". */
static int held_before(const ag__analyser *an, const char *text, size_t ti)
{
    for (size_t b = ti; b > 0 && ti - b < 5; b--) {
        const tok *p = &an->toks[b - 1];
        if (!is_word(p) || (p->flags & AG__T_CAP))
            return 0;
        if (word_eq(text, p, "no") || word_eq(text, p, "not") || word_eq(text, p, "never"))
            return 0;
        if (word_eq(text, p, "held") || word_eq(text, p, "hold") || word_eq(text, p, "holds") ||
            word_eq(text, p, "had"))
            return !(b >= 2 && word_eq(text, &an->toks[b - 2], "to"));
    }
    return 0;
}

/* "met in London (on Monday) with Y", "talks at the White House with Y": where the
 * meeting was comes between the trigger at token ti and its "with" (within the clause, no
 * "and" between). 1 and *tend set to the "with"'s end when so. */
static int with_after_place(const ag__analyser *an, const char *text, size_t ti, size_t *tend)
{
    const tok *nx = ti + 1 < an->ntoks ? &an->toks[ti + 1] : NULL;
    if (!nx || !(word_eq(text, nx, "in") || word_eq(text, nx, "at")))
        return 0;
    for (size_t i = ti + 2; i < an->ntoks && i < ti + 8 && is_word(&an->toks[i]) &&
                            !word_eq(text, &an->toks[i], "and");
         i++)
        if (word_eq(text, &an->toks[i], "with")) {
            *tend = an->toks[i].e;
            return 1;
        }
    return 0;
}

/* "X was met (at the airport) by Y", "X was received by Y": a passive meeting verb at ti,
 * whose partner follows the "by" within six words of the clause. 1 and *tend set to the
 * "by"'s end when so. */
static int passive_by(const ag__analyser *an, const char *text, size_t ti, size_t *tend)
{
    const tok *p = ti > 0 ? &an->toks[ti - 1] : NULL;
    if (!p || !(word_eq(text, p, "was") || word_eq(text, p, "were") || word_eq(text, p, "been") ||
                word_eq(text, p, "being")))
        return 0;
    for (size_t i = ti + 1; i < an->ntoks && i < ti + 7 && is_word(&an->toks[i]); i++)
        if (word_eq(text, &an->toks[i], "by")) {
            *tend = an->toks[i].e;
            return 1;
        }
    return 0;
}

/* Verbs of meeting in person that take their partner after "with" ("sat down with Y",
 * "shook hands with Y", "dined with Y", "conferred with Y"): 1 and *tend set to the
 * "with"'s end when token ti opens one. */
static int with_verb(const ag__analyser *an, const char *text, size_t ti, size_t *tend)
{
    const tok *t = &an->toks[ti];
    size_t w = ti + 1; /* where "with" must be */
    if (word_eq(text, t, "sat") || word_eq(text, t, "shook")) {
        if (w >= an->ntoks ||
            !word_eq(text, &an->toks[w], word_eq(text, t, "sat") ? "down" : "hands"))
            return 0;
        w++;
    } else if (!word_eq(text, t, "dined") && !word_eq(text, t, "lunched") &&
               !word_eq(text, t, "conferred")) {
        return 0;
    }
    if (w >= an->ntoks || !word_eq(text, &an->toks[w], "with"))
        return 0;
    *tend = an->toks[w].e;
    return 1;
}

/* The trigger starting at token ti, if any (TRIG_*); *tend is set to the end of the
 * trigger phrase, and *passive to 1 for a passive with its agent ("X was met by Y"). For
 * tokens that passed next_maybe_trigger. */
static int trigger_at(const ag__analyser *an, const char *text, size_t ti, size_t *tend,
                      int *passive)
{
    const tok *t = &an->toks[ti], *nx = ti + 1 < an->ntoks ? &an->toks[ti + 1] : NULL;
    int noun = 0;
    if (!is_word(t))
        return TRIG_NONE;
    switch (text[t->s] | 0x20) {
    case 'm':
        if (word_eq(text, t, "met") || word_eq(text, t, "meets")) {
            if (nx && word_eq(text, nx, "with"))
                *tend = nx->e;
            if (!(*passive = passive_by(an, text, ti, tend)))
                with_after_place(an, text, ti, tend);
            return TRIG_VERB;
        }
        noun = word_eq(text, t, "meeting") || word_eq(text, t, "meetings");
        /* a gerund after a conjunction of time takes its object as "met" does: "spoke
         * after meeting Y", "before meeting the Saudi foreign minister, Y," */
        if (noun && ti > 0 && nx && !word_eq(text, nx, "with") && !word_eq(text, nx, "between") &&
            word_eq(text, t, "meeting") && word_in(an, text, &an->toks[ti - 1], WS_GERUND_OPENERS))
            return TRIG_VERB;
        break;
    case 't':
    case 'n':
        noun = word_in(an, text, t, WS_NOUNS);
        break;
    case 'd':
        if (with_verb(an, text, ti, tend))
            return TRIG_VERB; /* "dined with" */
        noun = word_eq(text, t, "discussions");
        if (!noun && nx && word_eq(text, t, "dialogue") && word_eq(text, nx, "between")) {
            *tend = nx->e;
            return TRIG_BETWEEN;
        }
        break;
    case 's':
    case 'l':
        if (with_verb(an, text, ti, tend))
            return TRIG_VERB; /* "sat down with", "shook hands with", "lunched with" */
        if (nx && word_eq(text, t, "summit") && word_eq(text, nx, "between")) {
            *tend = nx->e;
            return TRIG_BETWEEN;
        }
        return TRIG_NONE;
    case 'c':
        if (with_verb(an, text, ti, tend))
            return TRIG_VERB; /* "conferred with" */
        if (nx && word_eq(text, nx, "on") &&
            (word_eq(text, t, "called") || word_eq(text, t, "calls"))) {
            *tend = nx->e;
            return TRIG_CALL;
        }
        return TRIG_NONE;
    case 'h':
    case 'r':
    case 'v':
    case 'w':
        if (ti > 0 && word_in(an, text, &an->toks[ti - 1], WS_DETERMINERS))
            return TRIG_NONE;
        /* (not "welcomes": news tells of the host's coming welcome in the present) */
        if (word_eq(text, t, "welcomed"))
            return (*passive = passive_by(an, text, ti, tend)) ? TRIG_VISIT : TRIG_WELCOME;
        if (!word_in(an, text, t, WS_VISITS))
            return TRIG_NONE;
        *passive = passive_by(an, text, ti, tend);
        return TRIG_VISIT;
    default:
        return TRIG_NONE;
    }
    if (noun && nx && word_eq(text, nx, "with")) {
        *tend = nx->e;
        return TRIG_VERB;
    }
    if (noun && with_after_place(an, text, ti, tend))
        return TRIG_VERB; /* "held talks in Seoul with Y" */
    if (noun && nx && word_eq(text, nx, "between")) {
        *tend = nx->e;
        return TRIG_BETWEEN;
    }
    return noun && held_before(an, text, ti) ? TRIG_HELD : TRIG_NONE;
}

/* The tokens of sentence si into an->toks, their word-list bits cleared. -1 on ENOMEM. */
static int sentence_tokens(ag__analyser *an, const char *text, const ag_sentence *sents, size_t si)
{
    if (ag__ner_sentence_tokens(&an->m, an->lex, text, sents, si, MEET_MAX_TOKENS, &an->toks,
                                &an->ntoks) < 0 ||
        ag__grow(&an->tok_sets, &an->captok_sets, an->ntoks, sizeof *an->tok_sets) < 0)
        return -1;
    if (an->ntoks)
        memset(an->tok_sets, 0, an->ntoks * sizeof *an->tok_sets);
    memset(an->tok_at_pos, 0, sizeof an->tok_at_pos);
    return 0;
}

/* Is the trigger at token ti planned, hoped-for, denied or called off: a WS_PLANNED word
 * or "off" (not "kicked off") among the three words before it? */
static int planned_before(const ag__analyser *an, const char *text, size_t ti)
{
    for (size_t b = ti, words = 0; b > 0 && words < 3; b--, words++) {
        const tok *p = &an->toks[b - 1];
        if (!is_word(p))
            return 0;
        if (word_in(an, text, p, WS_PLANNED))
            return 1;
        /* "backed talks with X": endorsed, not held; but "UN-backed talks between X and Y"
         * were held */
        if (word_in(an, text, p, WS_ENDORSE))
            return !(b >= 2 && !is_word(&an->toks[b - 2]) &&
                     ag_text_is_hyphen(an->toks[b - 2].punct));
        /* "calls off bid talks with X", "broke off talks": called off; but "kicked off
         * talks with X" began them */
        if (p->e - p->s == 3 && memcmp(text + p->s, "off", 3) == 0)
            return !(b >= 2 && an->toks[b - 2].e - an->toks[b - 2].s >= 4 &&
                     memcmp(text + an->toks[b - 2].s, "kick", 4) == 0);
    }
    return 0;
}

/* Token k is a comma. */
static int comma_at(const ag__analyser *an, size_t k)
{
    return k < an->ntoks && (an->toks[k].flags & AG__T_PUNCT) && an->toks[k].punct == ',';
}

/* [s, e) only joins two words of a list: "and", "or", a comma. */
static int joined(const ag__analyser *an, const char *text, size_t s, size_t e)
{
    size_t i = tok_at(an, s), n = 0;
    for (; i < an->ntoks && an->toks[i].s < e; i++, n++) {
        const tok *t = &an->toks[i];
        if (!(word_eq(text, t, "and") || word_eq(text, t, "or") || comma_at(an, i)))
            return 0;
    }
    return n > 0 && n <= 2;
}

/* mod[c]: candidate c modifies the next name rather than acting itself. Right to left,
 * so chains work: in "US Special Envoy for Afghanistan Zalmay Khalilzad" Afghanistan
 * modifies the person and US modifies Afghanistan. */
static void mark_modifiers(ag__analyser *an, const char *text, const ag_mention *m,
                           const size_t *cand, int *mod, size_t nc)
{
    for (size_t c = nc; c-- > 0;) {
        const ag_mention *x = &m[cand[c]];
        mod[c] = 0;
        if (x->type == AG_ACTOR_PERSON || c + 1 == nc)
            continue;
        const ag_mention *y = &m[cand[c + 1]];
        if ((y->type == AG_ACTOR_PERSON || y->type == AG_ACTOR_ORG || mod[c + 1]) &&
            modifier_gap(an, text, x->end, y->start))
            mod[c] = 1;
        /* A nationality before a role whose holder follows: "the Japanese prime minister,
         * Kenji Sato" names one partner, the person. */
        else if (x->adjective && y->type == AG_ACTOR_PERSON && x->end < y->start &&
                 owned_gap(an, text, x->end, y->start))
            mod[c] = 1;
        /* An organisation before a role whose holder follows, without a comma ("talks
         * with Daily Courier sports columnist Anna Keller"): the person is the partner. */
        else if (y->type == AG_ACTOR_PERSON && role_gap(an, text, x->end, y->start))
            mod[c] = 1;
        /* A nationality coordinated with one that modifies: "his French and German
         * counterparts, Anne Roche and Jens Vogel" name two partners, the persons. */
        else if (x->adjective && y->adjective && mod[c + 1] && joined(an, text, x->end, y->start))
            mod[c] = 1;
    }
}

/* Does mention x stand for an actor that can meet? Any name does; a nationality
 * adjective only with a name or title after it ("Chinese President Hu"), or in a noun
 * phrase of people who act for the state ("met top Pakistani leaders", "Israeli and
 * Palestinian negotiators"): "met British troops", "Brazilian luck visits X" meet no
 * country. */
static int acts(const ag__analyser *an, const char *text, const ag_mention *x)
{
    if (!x->adjective)
        return 1;
    size_t words = 0; /* lower-case words of the noun phrase after x */
    for (size_t i = tok_at(an, x->end); i < an->ntoks && words < 4; i++) {
        const tok *t = &an->toks[i];
        if (word_eq(text, t, "and") || (!is_word(t) && ag_text_is_hyphen(t->punct)))
            continue; /* "Israeli and Palestinian negotiators", "Israeli-Palestinian talks" */
        if (!is_word(t) || (word_class(an, text, t) & AG_LEX_FUNCTION))
            return words == 0; /* a noun itself: "talks with the Syrians in Damascus" */
        if (!(t->flags & AG__T_LOWER))
            return words == 0;
        if (word_in(an, text, t, WS_STATE_NOUNS) || word_in(an, text, t, WS_ROLE_NOUNS) ||
            (word_class(an, text, t) & AG_LEX_TITLE))
            return 1;
        words++;
    }
    return 0;
}

/* Does the text between a name ending at `end` and the next starting at `start` open an
 * apposition that names the second as what the first belongs to: a comma, then up to five
 * lower-case words ending in "of", "for", "at" or "to" and maybe "the" ("X, leader of the
 * Y party", "X, the negotiator for Y")? */
static int appositive(const ag__analyser *an, const char *text, size_t end, size_t start)
{
    size_t k = tok_at(an, end), yk = tok_at(an, start);
    if (!comma_at(an, k) || yk < k + 2 || yk > k + 6)
        return 0;
    for (size_t q = k + 1; q < yk; q++)
        if (!(an->toks[q].flags & AG__T_LOWER))
            return 0;
    const tok *last = &an->toks[yk - 1];
    if (word_eq(text, last, "the") && yk >= k + 3)
        last--;
    return word_eq(text, last, "of") || word_eq(text, last, "for") || word_eq(text, last, "at") ||
           word_eq(text, last, "to");
}

/* Is there an "and" or "including" in [s, e)? */
static int list_join_in(const ag__analyser *an, const char *text, size_t s, size_t e)
{
    for (size_t i = tok_at(an, s); i < an->ntoks && an->toks[i].s < e; i++)
        if (word_in(an, text, &an->toks[i], WS_LIST_JOIN))
            return 1;
    return 0;
}

/* Does [s, e), between a trigger and a person, name a group that the person leads: "met
 * a delegation led by X", "received a team of negotiators headed by the Bosnian Serb
 * leader, X"? Up to six words before "led by" or "headed by", the last a group of people
 * who act for a state (WS_STATE_NOUNS, "team", "mission"); after it the leader's role:
 * up to five words, no function word or verb, ending in a name, title or role noun, and
 * a comma. The leader then met the trigger's subject. */
static int led_group_gap(const ag__analyser *an, const char *text, size_t s, size_t e)
{
    size_t i = tok_at(an, s), k = i;
    for (; k + 1 < an->ntoks && an->toks[k + 1].s < e && k < i + 7; k++)
        if ((word_eq(text, &an->toks[k], "led") || word_eq(text, &an->toks[k], "headed")) &&
            word_eq(text, &an->toks[k + 1], "by"))
            break;
    if (k == i || k + 1 >= an->ntoks || an->toks[k + 1].s >= e || k >= i + 7)
        return 0;
    size_t g = comma_at(an, k - 1) && k - 1 > i ? k - 2 : k - 1; /* the group's noun */
    const tok *group = &an->toks[g];
    if (!word_in(an, text, group, WS_STATE_NOUNS) && !word_eq(text, group, "team") &&
        !word_eq(text, group, "mission"))
        return 0;
    for (size_t q = i; q < g; q++)
        if (!is_word(&an->toks[q]) || word_in(an, text, &an->toks[q], WS_OBJ_BREAK))
            return 0;
    size_t words = 0;
    const tok *last = NULL;
    for (size_t q = k + 2; q < an->ntoks && an->toks[q].s < e; q++) {
        const tok *t = &an->toks[q];
        if (comma_at(an, q) || word_eq(text, t, "the"))
            continue;
        if (!is_word(t) || ++words > 5 || verbish(an, text, t, 1) ||
            (word_class(an, text, t) & AG_LEX_FUNCTION))
            return 0;
        last = t;
    }
    return !last || (last->flags & AG__T_CAP) || word_in(an, text, last, WS_ROLE_NOUNS) ||
           (word_class(an, text, last) & AG_LEX_TITLE);
}

/* The objects (or the members of a between-list) after a trigger of kind `kind` whose
 * phrase ends at tend: at most 16 local actors into objs, their number returned, and the
 * end of the last in *last_end (tend when none). */
static size_t trigger_objects(ag__analyser *an, const char *text, const acting *act, int kind,
                              size_t tend, long *objs, size_t *last_end)
{
    const ag_mention *m = act->m;
    size_t no = 0, owned = 0; /* owned: end of "X's" or "X grave" just passed */
    size_t ends[16];          /* end of each object's mention */
    int listed[16];           /* an "and" or "including" joins it to the one before */
    *last_end = tend;
    for (size_t c = 0; c < act->nc && no < 16; c++) {
        const ag_mention *x = &m[act->cand[c]];
        if (x->start < tend)
            continue;
        if (act->mod[c] || x->type == AG_ACTOR_PLACE || x->type == AG_ACTOR_OTHER)
            continue;
        if (((kind == TRIG_VISIT || kind == TRIG_WELCOME) && x->type == AG_ACTOR_COUNTRY) ||
            !acts(an, text, x))
            continue;
        size_t owner = owned; /* x follows an owner: it takes the owner's place */
        int ok = owned     ? owned_gap(an, text, owned, x->start)
                 : no == 0 ? gap_ok(an, text, *last_end, x->start, WS_OBJ_BREAK,
                                    kind == TRIG_BETWEEN ? 8 : 6, 0) ||
                                 (x->type == AG_ACTOR_PERSON && kind != TRIG_BETWEEN &&
                                  led_group_gap(an, text, *last_end, x->start))
                           : gap_ok(an, text, *last_end, x->start, WS_OBJ_BREAK, 10, 1) &&
                                 !verb_in(an, text, *last_end, x->start);
        if (!ok)
            break;
        /* "met X, the negotiator for Y": Y describes the partner X and is none itself. */
        if (no > 0 && !owned && appositive(an, text, *last_end, x->start))
            continue;
        /* "visited X's grave", "met the Taliban's envoys": X is no partner, though one
         * may follow ("met Sharon's envoy, Dov Weisglass"). */
        if ((owned = owner_end(an, text, x)) != 0)
            continue;
        listed[no] = owner || list_join_in(an, text, *last_end, x->start);
        ends[no] = x->end;
        objs[no++] = an->mloc[act->cand[c]];
        *last_end = x->end;
    }
    /* A list of partners ends in "and": after "met X, Y" Y opens the next clause ("In his
     * meeting with X, Foreign Minister Y said", "Y met X, Z said"). */
    while (no > 1 && !listed[no - 1])
        *last_end = ends[--no - 1];
    return no;
}

/* "X meets Y in the first round", "X and Y met in the final": a verb "met" whose clause
 * names a stage of a competition within the next 12 words after `from` reports a match.
 * Not "a second round of talks" nor "the final communique" ("final" must end its phrase). */
static int a_fixture(ag__analyser *an, const char *text, size_t from)
{
    for (size_t i = tok_at(an, from), words = 0; i < an->ntoks && words < 12; i++) {
        const tok *t = &an->toks[i];
        if (!is_word(t))
            continue;
        words++;
        if (!word_in(an, text, t, WS_FIXTURES))
            continue;
        const tok *nx = i + 1 < an->ntoks ? &an->toks[i + 1] : NULL;
        if (word_eq(text, t, "round")) {
            size_t k = i + 2;
            if (nx && word_eq(text, nx, "of") && k < an->ntoks &&
                word_eq(text, &an->toks[k], "the"))
                k++;
            if (!(nx && word_eq(text, nx, "of") && k < an->ntoks &&
                  word_in(an, text, &an->toks[k], WS_NOUNS)))
                return 1;
        } else if (!(word_eq(text, t, "final") || word_eq(text, t, "finals")) || !nx ||
                   !(nx->flags & AG__T_LOWER) || word_in(an, text, nx, WS_ENDS)) {
            return 1;
        }
    }
    return 0;
}

/* "called on X to ...", "called on X and the Y party to ...": an appeal, no meeting. */
static int an_appeal(ag__analyser *an, const char *text, size_t last_end)
{
    size_t i = tok_at(an, last_end), w = 0;
    while (i < an->ntoks && w < 6 && is_word(&an->toks[i]) && !word_eq(text, &an->toks[i], "to"))
        i++, w++;
    return i < an->ntoks && word_eq(text, &an->toks[i], "to");
}

/* The subject when the name `first` nearest before the trigger t closes a relative clause
 * between commas: "X, who was criticised by Y last week, met Z" is X's meeting, not Y's.
 * Returns first when there is no such clause, the cand index of the name just before
 * its opening comma, or -1 when no name stands there. */
static long antecedent(const ag__analyser *an, const char *text, const acting *a, long first,
                       const tok *t)
{
    const ag_mention *y = &a->m[a->cand[first]];
    size_t closes = 0; /* a comma between y and the trigger ends the clause */
    for (size_t i = tok_at(an, y->end); i < an->ntoks && an->toks[i].s < t->s; i++)
        closes |= an->toks[i].punct == ',';
    if (!closes)
        return first;
    size_t i = tok_at(an, y->start), words = 0;
    for (; i > 0 && words < 20; i--) {
        const tok *p = &an->toks[i - 1];
        if (is_word(p)) {
            words++;
            continue;
        }
        if (p->punct != ',')
            return first; /* the clause starts with the sentence: no relative clause */
        const tok *w = &an->toks[i];
        if (!(word_eq(text, w, "who") || word_eq(text, w, "whom") || word_eq(text, w, "whose") ||
              word_eq(text, w, "which")))
            return first;
        for (long c = first; c-- > 0;) {
            const ag_mention *x = &a->m[a->cand[c]];
            if (x->end > p->s)
                continue;
            if (a->mod[c] || x->type == AG_ACTOR_PLACE || tok_at(an, x->end) != i - 1)
                return -1;
            return c;
        }
        return -1;
    }
    return first;
}

/* Does [s, e), between a subject and the next one, join them through that one's role:
 * "and", maybe "the" or a possessive, then up to five words that end in a title or role
 * noun, maybe a comma ("X and the Japanese prime minister, Y, met"; "X and Japanese
 * prime minister Y held talks")? No function word or verb among them. */
static int and_role_gap(const ag__analyser *an, const char *text, size_t s, size_t e)
{
    size_t i = tok_at(an, s), k = i;
    if (comma_at(an, k))
        k++;
    if (k >= an->ntoks || !word_eq(text, &an->toks[k], "and"))
        return 0;
    k++;
    if (k < an->ntoks && word_in(an, text, &an->toks[k], WS_DETERMINERS) &&
        !word_eq(text, &an->toks[k], "of"))
        k++;
    const tok *last = NULL;
    for (size_t words = 0; k < an->ntoks && an->toks[k].s < e; k++) {
        const tok *t = &an->toks[k];
        if (!is_word(t)) {
            if (t->punct == ',' && k + 1 < an->ntoks && an->toks[k + 1].s >= e)
                continue; /* the comma before the name */
            if (ag_text_is_hyphen(t->punct))
                continue;
            return 0;
        }
        if (++words > 5 || verbish(an, text, t, 1) || (word_class(an, text, t) & AG_LEX_FUNCTION))
            return 0;
        last = t;
    }
    return last &&
           (word_in(an, text, last, WS_ROLE_NOUNS) || (word_class(an, text, last) & AG_LEX_TITLE));
}

/* Tokens k and k + 1 are ", and". */
static int comma_then_and(const ag__analyser *an, const char *text, size_t k)
{
    return comma_at(an, k) && k + 1 < an->ntoks && word_eq(text, &an->toks[k + 1], "and");
}

/* "X, leader of the Y party, met Z", "X, a spokesman for Y, said": acting mention c, the
 * nearest before the trigger t, closes an apposition of mention c - 1 (appositive, and a
 * comma right before t). The apposition's head met, not the organisation it names:
 * returns c - 1 then, else c. */
static long apposition_head(const ag__analyser *an, const char *text, const acting *a, long c,
                            const tok *t)
{
    if (c <= 0 || a->mod[c - 1] || a->m[a->cand[c - 1]].type == AG_ACTOR_PLACE)
        return c;
    const ag_mention *x = &a->m[a->cand[c - 1]], *y = &a->m[a->cand[c]];
    size_t after = tok_at(an, y->end);
    if (!comma_at(an, after) || after + 1 >= an->ntoks || &an->toks[after + 1] != t)
        return c;
    return appositive(an, text, x->end, y->start) ? c - 1 : c;
}

/* The subjects of the trigger at token ti (no objects found, the last ending at
 * last_end): the nearest acting mention before the trigger, plus "X and Y"; or what a
 * pronoun or an elided subject there refers to (referred_subject). With `passive` ("X
 * was met by Y") the subject must open its clause: in "proposals by X were welcomed by Y"
 * X is an agent, not the one welcomed. At most 8 local actors into subj; their number,
 * or -1 when the clause is not (yet) a meeting. */
static long trigger_subjects(ag__analyser *an, const char *text, const acting *act, size_t ti,
                             size_t no, size_t last_end, int passive, long *subj)
{
    const ag_mention *m = act->m;
    const size_t *cand = act->cand;
    const int *mod = act->mod;
    const tok *t = &an->toks[ti];
    size_t ns = 0;
    long first = -1;
    long ref = referred_subject(an, text, act, ti);
    if (ref >= 0)
        subj[ns++] = an->mloc[cand[ref]];
    else if (ref == -3)
        subj[ns++] = an->open_ref;
    for (size_t c = act->nc; ref == -2 && c-- > 0;) {
        const ag_mention *x = &m[cand[c]];
        if (x->end > t->s || mod[c] || x->type == AG_ACTOR_PLACE)
            continue;
        /* A phrase between commas says where or why the subject is ("X, on a visit to
         * Beijing, met Y"): its "to" ends no subject; a reporting verb there still does. */
        size_t xe = tok_at(an, x->end);
        int paren = comma_at(an, xe) && ti > xe + 1 && comma_at(an, ti - 1);
        if (gap_ok(an, text, x->end, t->s, paren ? WS_REPORT : WS_SUBJ_BREAK, paren ? 12 : 8, 0) &&
            !owns_subject(an, text, x, t) && acts(an, text, x))
            first = (long)c;
        break;
    }
    if (first >= 0)
        first = apposition_head(an, text, act, first, t);
    if (first >= 0 && passive && !clause_initial(an, text, m[cand[first]].start, 0))
        return -1;
    if (first >= 0 && !gap_ok(an, text, m[cand[first]].end, t->s, WS_CLAUSE_PLANNED, 8, 0))
        return -1; /* "X would visit Bonn for talks with Y": not (yet) a meeting */
    if (first >= 0 && (first = antecedent(an, text, act, first, t)) < 0)
        return -1;
    if (first >= 0) {
        subj[ns++] = an->mloc[cand[first]];
        size_t prev_start = m[cand[first]].start;
        int anded = 0; /* a list of subjects ends in "and": "X, Y and Z met" */
        for (long c = first - 1; c >= 0 && ns < 8; c--) {
            const ag_mention *x = &m[cand[c]];
            if (mod[c] || x->type == AG_ACTOR_PLACE)
                continue;
            size_t and = tok_at(an, x->end); /* "X and (Palestinian leader) Y" */
            /* ", and" joins a list of three or more ("A, B, and C met"); after one name it
             * joins clauses ("thanked A, and C met": A is the object of "thanked"). */
            size_t xs = tok_at(an, x->start);
            int comma_and = comma_then_and(an, text, and);
            if (comma_and && (xs == 0 || !comma_at(an, xs - 1)))
                break;
            int by_and = comma_and || (and < an->ntoks && word_eq(text, &an->toks[and], "and"));
            /* "X and his Azerbaijani counterpart Y held talks": an owner before the modifiers */
            size_t mods_from = by_and ? an->toks[and].e : 0;
            if (by_and && and+1 < an->ntoks &&
                (word_eq(text, &an->toks[and+1], "his") || word_eq(text, &an->toks[and+1], "her") ||
                 word_eq(text, &an->toks[and+1], "their")))
                mods_from = an->toks[and+1].e;
            /* A comma alone joins no subjects ("After criticising X, Y held talks"). */
            if (!(gap_ok(an, text, x->end, prev_start, -1, 1, 1) && (anded || by_and)) &&
                !(by_and && modifier_gap(an, text, mods_from, prev_start)) &&
                !(by_and && and_role_gap(an, text, x->end, prev_start)))
                break;
            anded |= by_and;
            subj[ns++] = an->mloc[cand[c]];
            prev_start = x->start;
        }
        /* "gunmen holding UN workers met ...", "its UN diplomats met ..." */
        if (embedded(an, text, prev_start))
            ns = 0;
    } else if (ref == -2 && no && word_eq(text, t, "meeting")) {
        /* "In his meeting with Y, Foreign Minister X said ...": X is the subject. */
        for (size_t c = 0; c < act->nc; c++) {
            const ag_mention *x = &m[cand[c]];
            if (x->start < last_end || mod[c])
                continue;
            if (x->type == AG_ACTOR_PERSON &&
                gap_ok(an, text, last_end, x->start, WS_OBJ_BREAK, 4, 1))
                subj[ns++] = an->mloc[cand[c]];
            break;
        }
    }
    return (long)ns;
}

/* Every pair of a[0, na), or with b[0, nb) every pair of one from a and one from b, met
 * in sentence s. -1 when out of memory. */
static int add_met_pairs(ag__analyser *an, const long *a, size_t na, const long *b, size_t nb,
                         const ag_sentence *s)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = b ? 0 : i + 1; j < (b ? nb : na); j++)
            if (add_met(an, a[i], b ? b[j] : a[j], s) < 0)
                return -1;
    return 0;
}

/* The meetings sentence si reports between its acting mentions [ms, me): for each
 * trigger, its objects, then its subjects. -1 when out of memory. */
static int meetings(ag__analyser *an, const char *text, const ag_sentence *sents, size_t si,
                    size_t ms, size_t me)
{
    const ag_sentence *s = &sents[si];
    const ag_mention *m = an->m.v;
    size_t cand[64], nc = 0; /* acting-capable mention indices */
    int mod[64];             /* cand is a modifier of the next name */

    for (size_t k = ms; k < me && nc < 64; k++)
        if (!m[k].dateline && an->mloc[k] >= 0)
            cand[nc++] = k;
    if (nc < 2 - (an->open_ref >= 0))
        return 0;
    if (sentence_tokens(an, text, sents, si) < 0)
        return -1;
    if (an->ntoks == MEET_MAX_TOKENS) /* a sentence cut short: mentions past the cut go */
        while (nc > 0 && m[cand[nc - 1]].end > an->toks[an->ntoks - 1].e)
            nc--;
    int mods_done = 0; /* mod[] is computed at the first trigger */
    const acting act = {m, cand, mod, nc};

    for (size_t ti = 0;; ti++) {
        ti = next_maybe_trigger(an->trigger_lens, text, an->toks, ti, an->ntoks);
        if (ti >= an->ntoks)
            break;
        const tok *t = &an->toks[ti];
        size_t tend = t->e; /* end of the trigger phrase */
        int passive = 0;    /* "X was met by Y" (passive_by) */
        int kind = trigger_at(an, text, ti, &tend, &passive);
        if (kind == TRIG_NONE || planned_before(an, text, ti))
            continue;
        if (!mods_done) {
            mark_modifiers(an, text, m, cand, mod, nc);
            mods_done = 1;
        }
        long objs[16], subj[8];
        size_t last_end;
        if (kind == TRIG_HELD) {
            long ns = trigger_subjects(an, text, &act, ti, 0, t->s, 0, subj);
            if (ns > 1 && add_met_pairs(an, subj, (size_t)ns, NULL, 0, s) < 0)
                return -1;
            continue;
        }
        size_t no = trigger_objects(an, text, &act, kind, tend, objs, &last_end);
        if (kind == TRIG_CALL && no && an_appeal(an, text, last_end))
            continue;
        if (kind == TRIG_WELCOME) {
            size_t k = tok_at(an, last_end);
            if (!no || k >= an->ntoks ||
                !(word_eq(text, &an->toks[k], "to") || word_eq(text, &an->toks[k], "at")))
                continue;
            kind = TRIG_VISIT;
        }
        if (kind == TRIG_BETWEEN) {
            if (add_met_pairs(an, objs, no, NULL, 0, s) < 0)
                return -1;
            continue;
        }
        if (no == 0 && kind != TRIG_VERB)
            continue;
        if ((word_eq(text, t, "met") || word_eq(text, t, "meets") || kind == TRIG_VISIT) &&
            a_fixture(an, text, t->e))
            continue; /* "X meets Y in the final", "X are hosting Y in Game One" */
        long ns = trigger_subjects(an, text, &act, ti, no, last_end, passive, subj);
        if (ns < 0)
            continue;
        /* "X and Y met": the subjects met each other, unless "met" takes an object that
         * is not an actor ("X and Y met their targets"); also "X and Y met in Oslo with
         * Z" (a place after "met" ends its object, see trigger_at). */
        int met_in = ti + 1 < an->ntoks && (word_eq(text, &an->toks[ti + 1], "in") ||
                                            word_eq(text, &an->toks[ti + 1], "at"));
        size_t after = tok_at(an, tend);
        if (ns > 1 &&
            (met_in || (no == 0 && !(after < an->ntoks && is_word(&an->toks[after]) &&
                                     !word_in(an, text, &an->toks[after], WS_ENDS)))) &&
            add_met_pairs(an, subj, (size_t)ns, NULL, 0, s) < 0)
            return -1;
        if (add_met_pairs(an, subj, (size_t)ns, objs, no, s) < 0)
            return -1;
    }
    return 0;
}

/* "Michael Howard visited Eastbourne. He met Y": a reader takes a pronoun opening a
 * sentence for the subject of the sentence before it. Sentence si opens with "He" (she
 * 0) or "She" (she 1); the subject of sentence si - 1 (its mentions [ms, me)) is its
 * first acting name, when that is a person with only a lead before it (clause_initial:
 * not "talks with X"), who owns nothing ("X's aide") and whose honorific or given name
 * does not say the other sex ("Ms X. He met"). Its local actor, -1 when none, -2 when
 * out of memory; reads the tokens of sentence si - 1. */
static long opening_referent(ag__analyser *an, const char *text, const ag_sentence *sents,
                             size_t si, size_t ms, size_t me, int she)
{
    const ag_mention *m = an->m.v;
    size_t cand[64], nc = 0;
    int mod[64];
    for (size_t k = ms; k < me && nc < 64; k++)
        if (!m[k].dateline && an->mloc[k] >= 0)
            cand[nc++] = k;
    if (!nc)
        return -1;
    if (sentence_tokens(an, text, sents, si - 1) < 0)
        return -2;
    mark_modifiers(an, text, m, cand, mod, nc);
    for (size_t c = 0; c < nc; c++) {
        const ag_mention *x = &m[cand[c]];
        if (mod[c] || x->type == AG_ACTOR_OTHER)
            continue;
        if (x->type != AG_ACTOR_PERSON || !clause_initial(an, text, x->start, 1) ||
            owner_end(an, text, x))
            return -1;
        size_t k = tok_at(an, x->start);
        uint32_t other = she ? AG__LEX_MALE : AG__LEX_FEMALE, sex = 0;
        if (k < an->ntoks)
            sex = an->toks[k].cls & (AG__LEX_MALE | AG__LEX_FEMALE);
        if (k > 0) {
            const tok *p = &an->toks[k - 1];
            if (word_eq(text, p, "Mr") || word_eq(text, p, "Sir") || word_eq(text, p, "Lord"))
                sex = AG__LEX_MALE;
            else if (word_eq(text, p, "Mrs") || word_eq(text, p, "Ms") ||
                     word_eq(text, p, "Miss") || word_eq(text, p, "Lady"))
                sex = AG__LEX_FEMALE;
        }
        return sex == other ? -1 : an->mloc[cand[c]];
    }
    return -1;
}

/* Does sentence s open with "He " (1) or "She " (2)? 0 otherwise. */
static int opens_with_pronoun(const char *text, const ag_sentence *s)
{
    const char *p = text + s->start;
    size_t n = s->end - s->start;
    if (n > 3 && p[0] == 'H' && p[1] == 'e' && p[2] == ' ')
        return 1;
    if (n > 4 && p[0] == 'S' && p[1] == 'h' && p[2] == 'e' && p[3] == ' ')
        return 2;
    return 0;
}

/* Has sentence s a word that may open a trigger, by its first letter and length (as
 * next_maybe_trigger, without the tokens)? */
static int maybe_trigger_in(const ag__analyser *an, const char *text, const ag_sentence *s)
{
    const char *p = text + s->start;
    size_t n = s->end - s->start;
    for (size_t i = 0; i < n; i++) {
        size_t w = i;
        while (i < n && (p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z')
            i++;
        if (i > w && i - w < 32 && ((an->trigger_lens[(unsigned char)p[w]] >> (i - w)) & 1))
            return 1;
    }
    return 0;
}

/* Distinct persons (local actors) named in a stretch of text; n == 3 means three or more. */
typedef struct persons {
    long p[2];
    size_t n;
} persons;

static void persons_add(persons *ps, long l)
{
    if (ps->n < 3 && !(ps->n > 0 && ps->p[0] == l) && !(ps->n > 1 && ps->p[1] == l)) {
        if (ps->n < 2)
            ps->p[ps->n] = l;
        ps->n++;
    }
}

/* "The two leaders met (in Sharm el-Sheikh)", "the two men held talks": sentence si, which
 * names no person before its trigger, refers to the two persons a and b named just before
 * it. Not "the two men met Z" or "held talks with Z" (their partner is someone else). */
static int pair_met(ag__analyser *an, const char *text, const ag_sentence *sents, size_t si,
                    size_t ms, size_t me, long a, long b)
{
    const ag_sentence *s = &sents[si];
    /* Most sentences have no "two " at all: look for its 'w' with memchr. */
    const char *w = text + s->start + 1, *end = text + s->end;
    for (; w + 3 <= end; w++) {
        if (!(w = memchr(w, 'w', (size_t)(end - w))) || w + 3 > end)
            return 0;
        if ((w[-1] | 0x20) == 't' && w[1] == 'o' && w[2] == ' ')
            break;
    }
    if (w + 3 > end)
        return 0;
    if (sentence_tokens(an, text, sents, si) < 0)
        return -1;
    for (size_t i = 1; i + 2 < an->ntoks; i++) {
        if (!word_eq(text, &an->toks[i], "two") || !word_eq(text, &an->toks[i - 1], "the"))
            continue;
        size_t j = i + 1; /* the noun: "the two men", "the two foreign ministers" */
        if (!word_in(an, text, &an->toks[j], WS_PAIR_NOUNS) && (an->toks[j].flags & AG__T_LOWER))
            j++;
        if (j >= an->ntoks || !word_in(an, text, &an->toks[j], WS_PAIR_NOUNS))
            continue;
        size_t k = j + 1;
        int held = 0;
        for (; k < an->ntoks && k < j + 3 && word_in(an, text, &an->toks[k], WS_AUX); k++)
            held |= word_eq(text, &an->toks[k], "held") || word_eq(text, &an->toks[k], "had");
        if (k >= an->ntoks || planned_before(an, text, k))
            continue;
        const tok *t = &an->toks[k], *nx = k + 1 < an->ntoks ? &an->toks[k + 1] : NULL;
        int ok =
            (word_eq(text, t, "met") && (!nx || !is_word(nx) || word_in(an, text, nx, WS_ENDS))) ||
            (held && word_in(an, text, t, WS_NOUNS));
        if (!ok || (nx && word_eq(text, nx, "with")))
            continue;
        for (size_t x = ms; x < me; x++)
            if (an->m.v[x].type == AG_ACTOR_PERSON && an->m.v[x].start < t->s)
                return 0;
        return add_met(an, a, b, s);
    }
    return 0;
}

/* ------------------------------------------------------------------ the document */

static int mention_line(ag__analyser *an, const ag__doc *doc, const ag_mention *x, char **buf,
                        size_t *len, size_t *cap)
{
    char num[64];
    const char *type = x->misc ? "misc" : x->adjective ? "other" : ag_actor_type_name(x->type);
    if (ag__ebuf_add(buf, len, cap, "{\"doc\":\"", 8) < 0 ||
        ag__ebuf_json_string(buf, len, cap, doc->id, strlen(doc->id)) < 0)
        return -1;
    int n = snprintf(num, sizeof num, "\",\"start\":%zu,\"end\":%zu,\"text\":\"", x->start, x->end);
    if (ag__ebuf_add(buf, len, cap, num, (size_t)n) < 0 ||
        ag__ebuf_json_string(buf, len, cap, doc->text + x->start, x->end - x->start) < 0 ||
        ag__ebuf_add(buf, len, cap, "\",\"type\":\"", 10) < 0 ||
        ag__ebuf_add(buf, len, cap, type, strlen(type)) < 0 ||
        ag__ebuf_add(buf, len, cap, "\",\"actor\":\"", 11) < 0 ||
        ag__ebuf_json_string(buf, len, cap, x->name, strlen(x->name)) < 0 ||
        ag__ebuf_add(buf, len, cap, "\"}\n", 3) < 0)
        return -1;
    (void)an;
    return 0;
}

/* Add the pending run of a local actor's resolved name to its record. */
static int flush_name(ag__analyser *an, ag__acc *acc, long l)
{
    local *lo = &an->loc[l];
    if (!lo->pend_n)
        return 0;
    ag__actor *a = &acc->actors[lo->acc];
    const char *clean = an->known[lo->pend_name].clean;
    if (clean[0] && ag__acc_count(acc, &a->names, clean, lo->pend_n) < 0)
        return -1;
    lo->pend_name = -1;
    lo->pend_n = 0;
    return 0;
}

/* Record one mention in its actor's accumulator record. */
static int count_mention(ag__analyser *an, ag__acc *acc, const ag__doc *doc, const ag_mention *x,
                         long kn, long l)
{
    ag__actor *a = &acc->actors[an->loc[l].acc];
    local *lo = &an->loc[l];
    a->mentions++;
    a->types[x->type >= 0 && x->type < 5 ? x->type : 0]++;
    /* Written as its resolved name, a mention's form is that name's clean text already
     * (surface changes nothing it made), which spares the byte scan for most mentions. */
    const known *k = &an->known[kn];
    const char *form = k->clean;
    if (k->clean_len != x->end - x->start || memcmp(form, doc->text + x->start, k->clean_len)) {
        if (surface(an, doc->text, x->start, x->end) < 0)
            return -1;
        form = an->scratch;
    }
    if (form[0] && ag__acc_count(acc, &a->forms, form, 1) < 0)
        return -1;
    /* An actor's mentions mostly repeat one resolved name: count runs of it
     * and add them to the record once (flush_name). */
    if (lo->pend_name != kn) {
        if (flush_name(an, acc, l) < 0)
            return -1;
        lo->pend_name = kn;
    }
    lo->pend_n++;
    if (x->role && x->role[0] &&
        (surface(an, x->role, 0, strlen(x->role)) < 0 ||
         (an->scratch[0] && ag__acc_count(acc, &a->roles, an->scratch, 1) < 0)))
        return -1;
    if (x->country && x->country[0] &&
        (surface(an, x->country, 0, strlen(x->country)) < 0 ||
         ag__acc_count(acc, &a->countries, an->scratch, 1) < 0))
        return -1;
    return 0;
}

/* Fold the document's pairs into the accumulator. */
static int flush_pairs(ag__analyser *an, ag__acc *acc, const ag__doc *doc)
{
    /* The document's id, once per document: outside the kept strings' index, which would
     * only find it again for a document of the same id (records compare ids by their
     * bytes when the pointers differ). */
    const char *id = an->npairs ? ag__arena_strdup(&acc->kept, doc->id, strlen(doc->id)) : NULL;
    if (an->npairs && !id)
        return -1;
    for (size_t i = 0; i < an->npairs; i++) {
        const lpair *lp = &an->pairs[i];
        long a = an->loc[lp->lo].acc, b = an->loc[lp->hi].acc;
        if (a == b)
            continue;
        long pi = ag__acc_pair(acc, (size_t)a, (size_t)b);
        if (pi < 0)
            return -1;
        ag__pair *p = &acc->pairs[pi];
        if (ag__pair_add(acc, p, lp->weight, 1, lp->met) < 0)
            return -1;
        ag__pair_dates(acc, p, an->date_id, an->date_id);
        for (int kind = 0; kind < 2; kind++) {
            ag__evlist *e = kind ? &p->met_evidence : &p->evidence;
            const size_t *units = kind ? lp->mev : lp->ev;
            size_t n = kind ? lp->nmev : lp->nev;
            for (size_t u = 0; u < n; u++) {
                /* Skip building the text when the selection is full of smaller ones. */
                if (ag__acc_evidence_closed(acc, *e, id, units[2 * u]))
                    break;
                if (unit_text(an, doc->text, units[2 * u], units[2 * u + 1]) < 0 ||
                    ag__acc_offer(acc, e, id, units[2 * u], an->scratch, an->scratchlen) < 0)
                    return -1;
            }
        }
    }
    return 0;
}

long ag__analyse(ag__analyser *an, const ag__doc *doc, ag__acc *acc, char **mbuf, size_t *mlen,
                 size_t *mcap, ag_error *err)
{
    ag_sentence *sents = NULL;
    size_t ns = 0, *ms = NULL;
    long rc = -1;

    reset_doc(an);
    an->date = NULL;
    if (doc->date && *doc->date && !(an->date = ag__acc_keep(acc, doc->date, strlen(doc->date))))
        return ag__nomem(err);
    long date_id = ag__acc_date_id(acc, an->date);
    if (date_id < 0)
        return ag__nomem(err);
    an->date_id = (uint32_t)date_id;
    if (ag_text_sentences(doc->text, doc->len, &sents, &ns, err) < 0)
        return -1;
    if (ag_ner_document(an->lex, &an->ner, doc->text, doc->len, sents, ns, &an->m, err) < 0)
        goto out;
    const ag_mention *m = an->m.v;
    size_t nm = an->m.n;
    if (ag__grow(&an->mloc, &an->capmloc, nm, sizeof *an->mloc) < 0)
        goto nomem;
    acc->documents++;
    /* The shard's identity: a sum, so that it does not depend on the order the threads
     * take the documents in. */
    if (acc->keyed)
        acc->shard += ag__hash_bytes(doc->id, strlen(doc->id)) ^
                      ag__hash_bytes(doc->text, doc->len) * 0x9E3779B97F4A7C15ull;
    for (size_t i = 0; i < nm; i++) {
        /* Reported, never an actor: a non-actor, the agency credited for the story, and
         * the dateline (where the story was filed, not what it is about; a place the
         * story itself names counts from there). */
        if (m[i].misc || m[i].credit || m[i].dateline) {
            an->mloc[i] = -1;
            /* A non-actor is counted in its name's record (type other, no mention) for
             * the corpus vote of the resolution (step 1b of extract_resolve.c). */
            if (m[i].misc && !m[i].credit && !m[i].dateline) {
                long kn = known_for(an, acc, m[i].name);
                if (kn < 0)
                    goto nomem;
                if (an->known[kn].acc >= 0)
                    acc->actors[an->known[kn].acc].types[AG_ACTOR_OTHER]++;
            }
            if (mbuf && mention_line(an, doc, &m[i], mbuf, mlen, mcap) < 0)
                goto nomem;
            continue;
        }
        long kn = known_for(an, acc, m[i].name);
        if (kn < 0)
            goto nomem;
        long ai = an->known[kn].acc, l = ai < 0 ? -1 : local_for(an, (size_t)ai);
        if (ai >= 0 && l < 0)
            goto nomem;
        an->mloc[i] = l;
        if (l >= 0 && count_mention(an, acc, doc, &m[i], kn, l) < 0)
            goto nomem;
        if (mbuf && mention_line(an, doc, &m[i], mbuf, mlen, mcap) < 0)
            goto nomem;
    }
    for (size_t l = 0; l < an->nloc; l++) {
        ag__actor *a = &acc->actors[an->loc[l].acc];
        if (flush_name(an, acc, (long)l) < 0)
            goto nomem;
        a->documents++;
        ag__date_span(&a->first_date, &a->last_date, an->date);
    }
    /* ms[s] = first mention of sentence s (mentions are in text order). */
    if (!(ms = malloc((ns + 1) * sizeof *ms)))
        goto nomem;
    for (size_t s = 0, k = 0; s <= ns; s++) {
        while (k < nm && m[k].sentence < s)
            k++;
        ms[s] = k;
    }
    if (pairs_begin(an) < 0 || co_mentions(an, sents, ns, ms) < 0)
        goto nomem;
    persons cur = {{0}, 0}, prev = cur; /* persons of this paragraph so far, of the last */
    for (size_t s = 0; s < ns; s++) {
        an->open_ref = -1;
        int pronoun; /* "He met Y" after a sentence about X (opening_referent) */
        if (s > 0 && ms[s + 1] > ms[s] && (pronoun = opens_with_pronoun(doc->text, &sents[s])) &&
            ms[s] > ms[s - 1] && cur.n > 0 && sents[s].paragraph == sents[s - 1].paragraph &&
            maybe_trigger_in(an, doc->text, &sents[s])) {
            an->open_ref =
                opening_referent(an, doc->text, sents, s, ms[s - 1], ms[s], pronoun == 2);
            if (an->open_ref == -2)
                goto nomem;
        }
        if (ms[s + 1] - ms[s] >= 2 - (an->open_ref >= 0) &&
            meetings(an, doc->text, sents, s, ms[s], ms[s + 1]) < 0)
            goto nomem;
        int opens = s == 0 || sents[s].paragraph != sents[s - 1].paragraph;
        if (opens) {
            prev = cur;
            cur.n = 0;
        }
        const persons *ctx = opens ? &prev : &cur; /* who "the two men" may be */
        if (ctx->n == 2 &&
            pair_met(an, doc->text, sents, s, ms[s], ms[s + 1], ctx->p[0], ctx->p[1]) < 0)
            goto nomem;
        for (size_t k = ms[s]; k < ms[s + 1]; k++)
            if (!m[k].dateline && an->mloc[k] >= 0 && m[k].type == AG_ACTOR_PERSON)
                persons_add(&cur, an->mloc[k]);
    }
    if (flush_pairs(an, acc, doc) < 0)
        goto nomem;
    rc = (long)nm;
    goto out;
nomem:
    ag_error_set(err, AG_ENOMEM, doc->id, 0, 0, "out of memory");
out:
    free(ms);
    free(sents);
    return rc;
}
