/*
 * actorgraph/nlp/ner.h - finding, typing and resolving actor mentions in ONE document.
 *
 * Ownership: the caller owns an ag_mentions (ag_mentions_init / ag_mentions_destroy);
 * ag_ner_document fills it, and every string in it (name, role, country) belongs to it and
 * stays valid until the next ag_ner_document / ag_mentions_clear / ag_mentions_destroy on
 * it. The lexicon and the text are only read.
 * Thread safety: ag_ner_document is reentrant. Use one ag_mentions per thread; a shared
 * lexicon is read-only once loaded. Reusing one ag_mentions for many documents avoids all
 * allocation after the first few documents (its scratch memory is kept).
 *
 * What is recognised (see ner.c for the rules in detail):
 *  - gazetteer forms from the lexicon (countries, codes, cities, known organisations),
 *    longest match first;
 *  - unknown names: capitalised spans, joined by name connectors (bin, al-, de, van, of),
 *    typed from cues (title before -> person; organisation cue word or acronym -> org;
 *    "said"/"told" after -> person or org; locative preposition -> place), and
 *    one sense per discourse: a name keeps the strongest type seen for it in the document;
 *  - sentence-initial function and common words, bare titles, weekdays and months are
 *    never actors; in ALL-CAPS lines (headlines) words are looked up case-insensitively
 *    and only known or document-attested names are kept;
 *  - a dateline at the start of a document ("ISLAMABAD -", "LONDON 1996-08-30") is a place
 *    mention flagged `dateline` (reported, but it should take no part in co-mention links);
 *  - in sports results a city or region right before a score ("Leeds 2 Chelsea 1") or
 *    beside "v"/"vs" names a team, so it is an org (throughout the document); countries
 *    stay countries.
 *
 * Resolution within the document:
 *  - titles and roles before a name are stripped and reported in `role`
 *    ("Foreign Minister Qureshi" -> name span "Qureshi", role "Foreign Minister");
 *    possessives ('s, ’s) are never part of the span;
 *  - a partial person name (one token, or a shorter suffix) resolves to the full name seen
 *    in the document whose LAST token equals its last token ("Ghani" -> "Ashraf Ghani",
 *    not "Abdul Ghani Baradar"); with several candidates the nearest preceding full name
 *    wins, else the first following one;
 *    a single gazetteer word does the same when a person with a title or a given name was
 *    named with it earlier ("Coach Mark Jordan ... Jordan said" -> the person, not Jordan);
 *  - full names of the same document that share a variant key (ag_ner_variant_key) are one
 *    person ("Shah Mahmood Qureshi" -> "Shah Mehmood Qureshi", the first form seen);
 *  - country forms merge through the lexicon (US, U.S., USA, United States, America ->
 *    "United States"); adjectives ("Afghan government") name the country and are flagged
 *    `adjective`;
 *  - capitals used for governments: a capital is a place (type place, `country` set)
 *    wherever it is a location ("in Kabul", "visit to Islamabad", datelines); where it
 *    acts or is acted with as a government ("Islamabad assured Washington", "contacts
 *    with Kabul", "Washington resumed talks") it is resolved to its country: type country,
 *    name = the country, `metonym` = 1. Analysts want who-deals-with-whom between states,
 *    and "Washington" in that sense is the United States, not a city. Switch off with
 *    opts.capital_as_country = 0.
 */
#ifndef ACTORGRAPH_NER_H
#define ACTORGRAPH_NER_H

#include <stddef.h>

#include <actorgraph/util/error.h>
#include <actorgraph/graph/graph.h>
#include <actorgraph/nlp/lexicon.h>
#include <actorgraph/nlp/text.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ag_ner_opts {
    unsigned int version;   /* AG_NER_OPTS_VERSION */
    int capital_as_country; /* 1: capitals acting as governments resolve to the country */
    int resolve_partial;    /* 1: surnames / partial names resolve to full names in the doc */
    int single_unknown;     /* 1: report one-word unknown names that have no cue at all (as
                             * person); 0 (default): drop them, they are mostly noise */
} ag_ner_opts;

#define AG_NER_OPTS_VERSION 1
#define AG_NER_OPTS_INIT                                                                           \
    {                                                                                              \
        .version = AG_NER_OPTS_VERSION, .capital_as_country = 1, .resolve_partial = 1,             \
        .single_unknown = 0                                                                        \
    }

/* Fill *opts with the defaults of AG_NER_OPTS_INIT for the struct layout of `version`
 * (pass AG_NER_OPTS_VERSION). 0, or -1 leaving *opts untouched for an unknown version. */
AG_API int ag_ner_opts_init(ag_ner_opts *opts, unsigned int version);

typedef struct ag_mention {
    size_t start;        /* byte offset of the name (no title, no possessive) */
    size_t end;          /* byte offset one past the name (exclusive) */
    ag_actor_type type;  /* person, org, country or place (never AG_ACTOR_OTHER) */
    const char *name;    /* canonical name within this document ("Ashraf Ghani" for
                          * "Ghani", "United States" for "U.S."); owned by the ag_mentions */
    const char *role;    /* title/role stripped from before the name ("Foreign Minister"),
                          * or NULL */
    const char *country; /* country of a place / capital / known org, or NULL */
    size_t sentence;     /* index into the sentences given to ag_ner_document */
    int dateline;        /* 1: the dateline place where the story was filed */
    int adjective;       /* 1: an adjective/demonym form ("Pakistani"); names the actor but
                          * is a nationality mention (report type "other" for NER scoring) */
    int metonym;         /* 1: a capital standing for its country's government */
    int misc;            /* 1: a name that is no actor (an event, a competition, a prize, a
                          * law, a work, a product): reported with type "misc", never an
                          * actor of the graph */
    int credit;          /* 1: a news agency credited for the story ("(Reuters)", "AP -"):
                          * reported with its type, never an actor of the graph */
} ag_mention;

/* Mentions of one document, in text order, plus the memory behind their strings and the
 * recogniser's scratch space. Treat the fields as read-only. */
typedef struct ag_mentions {
    ag_mention *v;                /* the mentions, sorted by start offset */
    size_t n;                     /* number of mentions */
    size_t cap;                   /* allocated capacity of v */
    struct ag__ner_scratch *priv; /* string arena and scratch buffers (opaque) */
} ag_mentions;

/* Initialise an empty set (no allocation). */
AG_API void ag_mentions_init(ag_mentions *m);
/* Forget the mentions but keep the memory for the next document. */
AG_API void ag_mentions_clear(ag_mentions *m);
/* Free everything. Accepts an initialised or already destroyed set. */
AG_API void ag_mentions_destroy(ag_mentions *m);

/*
 * Recognise and resolve the mentions of one document text[0, len), whose sentences are
 * sents[0, nsents) (from ag_text_sentences; mentions never cross a sentence). opts may be
 * NULL for defaults. Replaces the previous content of *out. Returns 0, or -1 on
 * allocation failure (err set; *out is then empty).
 * Time complexity: O(len) expected (hash lookups per token). Memory: the mentions plus
 * at most a few hundred thousand tokens (longer documents are processed in windows).
 */
AG_API int ag_ner_document(const ag_lexicon *lex, const ag_ner_opts *opts, const char *text,
                           size_t len, const ag_sentence *sents, size_t nsents, ag_mentions *out,
                           ag_error *err);

/*
 * Spelling-variant key of a name, for merging across documents (and within one). Rule:
 * each word is case-folded and stripped of diacritics (utf8proc), then reduced to its
 * consonant skeleton: vowels (a e i o u y) and 'h' are dropped except as the word's first
 * letter, ASCII punctuation is dropped, and runs of one letter collapse to one; the words are
 * joined by single spaces. So Mehmood / Mahmood -> "md", Mohammad / Mohammed / Muhammad
 * -> "md", Qureshi -> "qrs", "Shah Mahmood Qureshi" -> "s md qrs". A first word that is a
 * familiar form of one full given name, before another word, is keyed as the full name
 * ("Phil Knight" as "Philip Knight"). Names of different
 * skeletons never merge; one-word skeletons are too weak to merge on their own (callers
 * should require at least two words).
 * Writes a NUL-terminated key into buf (truncated to bufsize - 1 bytes) and returns its
 * full length, like snprintf.
 */
AG_API int ag_ner_variant_key(const char *name, char *buf, size_t bufsize);

/*
 * Like ag_ner_variant_key but only the first and last word ("Qamar Javed Bajwa" and
 * "Qamar Bajwa" -> "qmr bjw"), for the dropped-middle-name rule, with no familiar given
 * name made full ("Bob O. Evans" is no "Robert Evans"). A one-word name gives the same key
 * as ag_ner_variant_key.
 */
AG_API int ag_ner_variant_key_short(const char *name, char *buf, size_t bufsize);

#ifdef __cplusplus
}
#endif
#endif
