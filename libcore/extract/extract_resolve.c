/*
 * extract_resolve.c - cross-document resolution: from accumulated actor and pair records
 * to the graph.
 *
 * Within a document the recogniser has already resolved surnames and titles; records are
 * keyed by the normalised resolved name, so equal names of different documents are
 * already one record. What remains is decided here, over the whole corpus at once, as a
 * pure function of the records (so ag-merge, which rebuilds the same records from shards,
 * resolves identically):
 *
 *  1. type: the type most mentions gave the key (ties: person, org, country, place);
 *     b. a key that the recogniser found to be no actor (misc) in more mentions than it
 *        gave the winning type is no node: its records join no group, its pairs no link;
 *  2. display name: the key's most used resolved name, mixed case preferred to ALL CAPS;
 *  3. with variants on (--no-variants turns 3a-3c off), persons merge when
 *     a. two names of at least two words have the same spelling-variant key
 *        (ag_ner_variant_key: "Shah Mahmood Qureshi" = "Shah Mehmood Qureshi",
 *        "Mohammed Faisal" = "Mohammad Faisal");
 *     a''. given names that differ in their first vowel alone ("Iyad Allawi", "Ayad
 *        Allawi"): vowel_variants;
 *     a'. a name of two words or more is that name with a regnal number ("John Paul",
 *        "John Paul II"), when only one numbered name has that base;
 *     b. a two-word name equals the first and last word of longer names (by variant key)
 *        of exactly one group ("Qamar Bajwa" -> "Qamar Javed Bajwa"); with two candidate
 *        groups it is ambiguous and stays alone;
 *     c. a one-word name, or titles and a surname ("Minister Khalilzad"), joins the
 *        full name ending in it: the only one, or the one that dominates by prominence
 *        (surname_targets: at least 5 mentions and 3 times those of every namesake);
 *        only names shaped like full names compete, not words glued before a name; a
 *        surname shared by comparable people ("Khan") stays alone;
 *     d. organisations: "X Party" = "X", a plural = its singular when "X Party" exists,
 *        "X Corp" (Inc, plc, Ltd, Co, Group, ...) = "X" (org_unite); never a country;
 *     e. organisations: a name of two words or more that ends exactly one longer one
 *        ("Red Sox"); f. a team's nickname alone ("Yankees"): team_nicknames;
 *     decisions of each step are taken on the state after the previous step, then
 *     applied; word classes come from the embedded default lexicon, never --dict files;
 *  4. a group is named after its member with the most words, then the most documents,
 *     then the most mentions (persons), or with no legal form, then no nickname (one word
 *     ending a longer member: "Mets" of "New York Mets"), then the most mentions,
 *     then documents, then words (groups with any other member), then the smallest name
 *     in byte order; the other names and surface forms become its `aliases`; a group
 *     holding a legal-form name ("X Corp") is an org;
 *  5. pair records are summed over groups (pairs inside one group vanish).
 * Time complexity: O(A log A + L + F) for A actor records, L pair records and F forms.
 * acc's actor and pair records are released on the way, once used (they move into the
 * graph).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>

#include <actorgraph/nlp/lexicon.h>
#include <actorgraph/nlp/ner.h>
#include <actorgraph/nlp/text.h>

#include "extract/extract_internal.h"
#include "graph/graph_internal.h"
#include "nlp/lexicon_internal.h"
#include "util/sort_internal.h"

#define MAX_ALIASES 25 /* aliases listed per node, most used first */
#define MAX_ROLES 10   /* roles listed per node */
#define VKEY_BYTES 256

/* What resolution knows of an actor record (48 bytes: one per record, made while the
 * records are largest). The keys are in the resolver's arena. */
typedef struct info {
    const char *name;   /* display name (borrowed from the record) */
    const char *vkey;   /* variant key of name (persons), or NULL */
    const char *skey;   /* first+last variant key (persons with >= 3 words) */
    const char *lkey;   /* variant key of the last word (persons with >= 2 words) */
    ag_actor_type type; /* voted type */
    int words;          /* words in name */
    int legal;          /* 1: an org name ending in a legal form ("Microsoft Corp") */
    int misc;           /* 1: a non-actor by the corpus vote (step 1b): no node */
    int nick;           /* 1: one word ending a longer name of its group ("Mets") */
} info;

typedef struct group {
    size_t rep;     /* representative actor */
    int org;        /* 1: a member is no person (representative by mentions) */
    int legal;      /* 1: a member is a legal-form name: the node is an org */
    const char *id; /* node id (borrowed or owned in idbuf) */
    char *idbuf;    /* owned id when it had to be made unique */
    long node;      /* node index in the graph */
} group;

static size_t find(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static void unite(size_t *parent, size_t a, size_t b)
{
    a = find(parent, a);
    b = find(parent, b);
    if (a != b)
        parent[a < b ? b : a] = a < b ? a : b;
}

/* 1 when s[0, n) has upper-case letters and no lower-case one. */
static int all_caps_n(const char *s, size_t n)
{
    int upper = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += ag_text_decode(s, n, i, &cp);
        if (ag_text_is_lower(cp))
            return 0;
        if (ag_text_is_upper(cp))
            upper = 1;
    }
    return upper;
}

static int all_caps(const char *s) { return all_caps_n(s, strlen(s)); }

static const char *display_name(const ag__actor *a)
{
    const ag__count *best = NULL;
    for (size_t i = 0; i < a->names.n; i++) {
        const ag__count *c = &a->names.v[i];
        if (!best) {
            best = c;
            continue;
        }
        int ca = all_caps(c->s), cb = all_caps(best->s);
        if (ca != cb) {
            if (!ca)
                best = c;
            continue;
        }
        if (c->n > best->n || (c->n == best->n && strcmp(c->s, best->s) < 0))
            best = c;
    }
    return best ? best->s : a->key;
}

static int count_words(const char *s)
{
    int w = 0, in = 0;
    for (; *s; s++) {
        if (*s == ' ')
            in = 0;
        else if (!in) {
            in = 1;
            w++;
        }
    }
    return w;
}

static const char *vkey_of(ag__arena *a, const char *name, int (*fn)(const char *, char *, size_t))
{
    char buf[VKEY_BYTES];
    fn(name, buf, sizeof buf);
    return ag__arena_strdup(a, buf, strlen(buf));
}

/* The last word of a normalised key, for the surname rule (exact, not a skeleton:
 * one-word skeletons are too weak to merge on). */
static const char *last_word_key(ag__arena *a, const char *key)
{
    const char *sp = strrchr(key, ' '), *w = sp ? sp + 1 : key;
    return ag__arena_strdup(a, w, strlen(w));
}

/* Representative order within a group. Persons: more words (the fullest name), more
 * documents, more mentions. Groups with any other member (organisations united by 3d,
 * org_first): more mentions (the form news uses most: "IBM" over "IBM Corp"), more
 * documents, more words. Then the smaller name. A total order, so the representative
 * does not depend on the order of the records. */
static int better_rep(const ag__acc *acc, const info *inf, size_t x, size_t y, int org_first)
{
    const ag__actor *a = &acc->actors[x], *b = &acc->actors[y];
    if (org_first) {
        /* a company is named without its legal form, as in one article ("Boeing" over
         * "Boeing Co") */
        if (inf[x].legal != inf[y].legal)
            return !inf[x].legal;
        /* ... and by its full name, not a nickname ("New York Mets" over "Mets") */
        if (inf[x].nick != inf[y].nick)
            return !inf[x].nick;
        if (a->mentions != b->mentions)
            return a->mentions > b->mentions;
        if (a->documents != b->documents)
            return a->documents > b->documents;
    }
    if (inf[x].words != inf[y].words)
        return inf[x].words > inf[y].words;
    if (a->documents != b->documents)
        return a->documents > b->documents;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions;
    int c = strcmp(inf[x].name, inf[y].name);
    return c != 0 ? c < 0 : strcmp(acc->actors[x].key, acc->actors[y].key) < 0;
}

/* For each actor that wants a unique candidate group by `want` key among actors whose
 * `have` key matches: the group, (size_t)-1 for none, -2 for ambiguous. */
static int unique_targets(const ag__acc *acc, const info *inf, size_t *parent,
                          const char *const *want, const char *const *have, size_t *target)
{
    size_t n = acc->nactors;
    ag__strmap first = {0};                       /* have-key -> group of its first holder */
    size_t *amb = calloc(n ? n : 1, sizeof *amb); /* per actor: 1 if its have-key is ambiguous */
    if (!amb)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!have[i])
            continue;
        size_t j = ag__strmap_get(&first, have[i]);
        if (j == (size_t)-1) {
            if (ag__strmap_put(&first, have[i], i) < 0) {
                free(amb);
                ag__strmap_dispose(&first);
                return -1;
            }
        } else if (find(parent, j) != find(parent, i)) {
            amb[j] = 1;
        }
    }
    for (size_t i = 0; i < n; i++) {
        target[i] = (size_t)-1;
        if (!want[i])
            continue;
        size_t j = ag__strmap_get(&first, want[i]);
        if (j == (size_t)-1)
            continue;
        target[i] = amb[j] ? (size_t)-2 : find(parent, j);
    }
    (void)inf;
    free(amb);
    ag__strmap_dispose(&first);
    return 0;
}

/* ------------------------------------------------------------------ surnames by prominence */

/* The word at *p of a space-separated name: its length, *p moved past it and the spaces
 * after it; 0 at the end. A trailing full stop is not part of the word ("W." -> "W"). */
static size_t next_word(const char **p, const char **w)
{
    const char *s = *p;
    while (*s == ' ')
        s++;
    size_t n = strcspn(s, " ");
    *w = s;
    *p = s + n;
    while (**p == ' ')
        (*p)++;
    while (n > 0 && s[n - 1] == '.')
        n--;
    return n;
}

static unsigned word_class(const ag_lexicon *lex, const char *w, size_t n)
{
    return n ? ag_lexicon_word_class(lex, w, n) : 0;
}

/* 1 when w[0, n) can start a person's name: an initial ("W"), a listed given name, or a
 * capitalised word that is nothing else the lexicon knows: no title (or plural of one),
 * organisation cue, function word ("As", "With"), known actor ("Paris"), ordinary
 * English word unless the word list also has it capitalised, no plural or verb in -s
 * ("Vote", "Backs", "Liberals"), no compound of ordinary words ("Well-known"), and no
 * abbreviation in capitals ("MP") unless the whole name is in capitals. */
static int given_like(const ag_lexicon *lex, const char *w, size_t n, int caps_name)
{
    int32_t cp;
    if (n == 0)
        return 0;
    size_t k = ag_text_decode(w, n, 0, &cp);
    if (!ag_text_is_upper(cp))
        return 0;
    if (k == n)
        return 1;
    /* "Well-known": a compound of ordinary words, not "Jean-Pierre". */
    for (const char *h = memchr(w, '-', n); h; h = memchr(h + 1, '-', n - (size_t)(h + 1 - w)))
        if (h + 1 < w + n && h[1] >= 'a' && h[1] <= 'z')
            return 0;
    unsigned c = word_class(lex, w, n);
    if (c & (AG_LEX_TITLE | AG_LEX_FUNCTION | AG_LEX_NONNAME | AG_LEX_ORGCUE | AG_LEX_CONNECTOR))
        return 0;
    if (c & AG_LEX_GIVEN)
        return 1;
    int plural = w[n - 1] == 's';
    if (plural && (word_class(lex, w, n - 1) & AG_LEX_TITLE))
        return 0; /* "Presidents" */
    /* An ordinary word: only one the word list also has capitalised, as names are
     * ("Grace", "Rose"; not "Vote", "Hail"), and no plural or verb in -s
     * ("Liberals", "Backs"). */
    if ((c & AG_LEX_COMMON) && (!(c & AG_LEX_PROPER) || plural))
        return 0;
    if (!caps_name && all_caps_n(w, n))
        return 0;
    ag_lex_actor a;
    return !ag_lexicon_lookup(lex, w, n, 0, &a);
}

/* 1 when a person's display name has the shape of a full name: two words or more, the
 * first given_like, the middle ones capitalised (or connectors: "bin", "van") and no
 * title or function word ("Paris As Minister Ashworth" and "With Ashworth" are not). */
static int name_shaped(const ag_lexicon *lex, const char *name)
{
    const char *p = name, *w;
    int caps = all_caps(name);
    size_t n = next_word(&p, &w);
    if (!*p || !given_like(lex, w, n, caps))
        return 0;
    for (;;) {
        n = next_word(&p, &w);
        if (!*p)
            return 1; /* w is the last word */
        unsigned c = word_class(lex, w, n);
        if (c & AG_LEX_CONNECTOR)
            continue;
        int32_t cp;
        if (n == 0)
            return 0;
        ag_text_decode(w, n, 0, &cp);
        if (!ag_text_is_upper(cp) || (c & (AG_LEX_TITLE | AG_LEX_FUNCTION | AG_LEX_NONNAME)))
            return 0;
    }
}

/* 1 when the key of a person of three words or more ends with the key of another person
 * of two words or more: a full name with words glued before it ("labour mp george
 * galloway", "as helen ashworth") is that name, not a namesake of it. */
static int glued(const ag__acc *acc, const info *inf, size_t i)
{
    const char *key = acc->actors[i].key;
    for (const char *sp = strchr(key, ' '); sp; sp = strchr(sp + 1, ' ')) {
        if (!strchr(sp + 1, ' '))
            return 0;
        size_t j = ag__acc_find_actor(acc, sp + 1);
        if (j != (size_t)-1 && j != i && inf[j].type == AG_ACTOR_PERSON && inf[j].words >= 2)
            return 1;
    }
    return 0;
}

/* 1 when a person key is one or more titles and a surname ("pm blair", "prime minister
 * blair"): the recogniser strips the titles it knows, so such records are its misses. */
static int title_surname(const ag_lexicon *lex, const char *key)
{
    const char *last = strrchr(key, ' ');
    if (!last)
        return 0;
    size_t n = (size_t)(last - key);
    if (word_class(lex, key, n) & AG_LEX_TITLE)
        return 1;                                   /* a title phrase */
    for (const char *p = key; p < last; p += n + 1) /* keys have single spaces */
        if (!(word_class(lex, p, n = strcspn(p, " ")) & AG_LEX_TITLE))
            return 0;
    return 1;
}

typedef struct cand {
    const char *surname; /* last word of a full name (borrowed: an info lkey) */
    size_t root;         /* the group holding the full name */
} cand;

static int cmp_cand(const void *pa, const void *pb)
{
    const cand *a = pa, *b = pb;
    int c = strcmp(a->surname, b->surname);
    return c ? c : (a->root > b->root) - (a->root < b->root);
}

/* ag__sort_by_string's comparison: records of indexes in the candidates ctx. */
static int cmp_cand_at(const void *pa, const void *pb, void *ctx)
{
    const cand *c = ctx;
    return cmp_cand(&c[((const ag__keyed64 *)pa)->val], &c[((const ag__keyed64 *)pb)->val]);
}

/* c[0, n) in cmp_cand's order, by the surnames' first bytes, then cmp_cand where those
 * are alike (qsort's generic copying cost several times the comparisons). -1: out of
 * memory. */
static int sort_cands(cand *c, size_t n)
{
    ag__keyed64 *v = malloc(2 * n * sizeof *v);
    cand *sorted = malloc(n * sizeof *sorted);
    if (v && sorted) {
        for (size_t i = 0; i < n; i++)
            v[i] = (ag__keyed64){ag__str_prefix64(c[i].surname), i};
        ag__sort_by_string(v, v + n, n, cmp_cand_at, c);
        for (size_t i = 0; i < n; i++)
            sorted[i] = c[v[i].val];
        memcpy(c, sorted, n * sizeof *c);
    }
    free(v);
    free(sorted);
    return v && sorted ? 0 : -1;
}

/*
 * Step 3c: a one-word person name, or titles and a surname, joins a full name ending in
 * that surname. The candidates for surname S are the person groups holding a name of two
 * words or more whose last word is S and which is name_shaped and not glued; group
 * prominence is the sum of its members' mentions. The target is
 *  - the only candidate, when there is one;
 *  - the dominant candidate, when there are several: at least PROMINENT_MIN mentions and
 *    PROMINENT_RATIO times those of every other candidate ("Blair" -> the prime minister,
 *    not a relative mentioned a handful of times); otherwise none (ambiguous);
 *  - with no candidate at all, a one-word name joins the only multi-word person group
 *    ending in S whatever its shape (the rule before prominence), else stays alone;
 *  - beyond that rule, a one-word name that is a listed given name ("George", a byline
 *    or a first name as often as a surname) joins only a candidate of PROMINENT_MIN
 *    mentions or more.
 * Decisions are taken on the state after 3b (parent) and written to target.
 */
#define PROMINENT_MIN 5   /* mentions a dominant namesake needs at least */
#define PROMINENT_RATIO 3 /* ... and times the mentions of any other namesake */

/* The given names actor a's honorifics rule out: AG__LEX_FEMALE when it was only ever
 * "Mr", "Sir" or "Lord", AG__LEX_MALE when only "Mrs", "Ms", "Miss", "Lady", "Dame" or
 * "Baroness"; else 0 ("Mrs Clinton" joins no "Bill Clinton"). */
static uint32_t honorifics_exclude(const ag__actor *a)
{
    uint32_t said = 0;
    for (uint32_t f = 0; f < a->roles.n; f++)
        said |= ag__lex_honorific_sex(a->roles.v[f].s);
    return said == AG__LEX_MALE ? AG__LEX_FEMALE : said == AG__LEX_FEMALE ? AG__LEX_MALE : 0;
}

/* The sex bits (AG__LEX_FEMALE, AG__LEX_MALE) of the given name opening name. */
static uint32_t given_sex(const ag_lexicon *lex, const char *name)
{
    char low[AG__LEX_MAXKEY];
    size_t n = strcspn(name, " ");
    if (n == 0 || n >= AG__LEX_MAXKEY)
        return 0;
    ag__lex_lower(name, n, low);
    return ag__lex_class_lower(lex, low, n) & (AG__LEX_FEMALE | AG__LEX_MALE);
}

/* The dominant group among candidates c[a, b) of one surname (see step 3c), leaving out
 * groups whose given names the sex bits excl rule out: the only group left, or the one
 * of PROMINENT_MIN mentions or more and PROMINENT_RATIO times every other's; else
 * (size_t)-2 (ambiguous), or (size_t)-1 when none is left. gm: mentions per group root;
 * sex: given-name sex bits per group root. */
static size_t dominant_group(const cand *c, size_t a, size_t b, const long long *gm,
                             const uint32_t *sex, uint32_t excl)
{
    size_t best = (size_t)-1, groups = 0;
    long long bm = -1, second = 0;
    for (size_t q = a; q < b; q++) {
        if ((q > a && c[q].root == c[q - 1].root) || (sex[c[q].root] & excl))
            continue;
        groups++;
        long long m = gm[c[q].root];
        if (m > bm) {
            second = bm < 0 ? 0 : bm;
            bm = m;
            best = c[q].root;
        } else if (m > second) {
            second = m;
        }
    }
    if (groups > 1 && (bm < PROMINENT_MIN || bm < PROMINENT_RATIO * second))
        return (size_t)-2;
    return best;
}

static int surname_targets(const ag__acc *acc, const info *inf, size_t *parent,
                           const ag_lexicon *lex, size_t *target)
{
    size_t n = acc->nactors, nc = 0, nd = 0;
    long long *gm = calloc(n ? n : 1, sizeof *gm);
    cand *c = malloc((n ? n : 1) * sizeof *c);
    size_t *dec = malloc((n ? n : 1) * sizeof *dec);   /* per distinct surname */
    size_t *from = malloc((n ? n : 1) * sizeof *from); /* ... its first candidate in c */
    char *ts = calloc(n ? n : 1, 1);                   /* per actor: titles + surname */
    const char **one = calloc(n ? n : 1, sizeof *one);
    const char **last = calloc(n ? n : 1, sizeof *last);
    uint32_t *sex = calloc(n ? n : 1, sizeof *sex); /* per group root: its given names' */
    ag__strmap idx = {0};
    int rc = -1;
    if (!gm || !c || !dec || !from || !ts || !one || !last || !sex)
        goto out;
    for (size_t i = 0; i < n; i++) {
        gm[find(parent, i)] += acc->actors[i].mentions;
        if (inf[i].type != AG_ACTOR_PERSON || !inf[i].vkey)
            continue;
        if (inf[i].words == 1)
            one[i] = acc->actors[i].key;
        else if (inf[i].lkey && title_surname(lex, acc->actors[i].key))
            ts[i] = 1;
        else if (inf[i].lkey && name_shaped(lex, inf[i].name) && !glued(acc, inf, i))
            c[nc++] = (cand){inf[i].lkey, find(parent, i)};
        if (inf[i].words >= 2)
            sex[find(parent, i)] |= given_sex(lex, inf[i].name);
        last[i] = inf[i].lkey;
    }
    /* The rule before prominence, for surnames without candidates. */
    if (unique_targets(acc, inf, parent, one, last, target) < 0)
        goto out;
    if (nc > 1 && sort_cands(c, nc) < 0)
        goto out;
    for (size_t a = 0, b; a < nc; a = b) {
        for (b = a; b < nc && strcmp(c[b].surname, c[a].surname) == 0; b++)
            ;
        if (ag__strmap_put(&idx, c[a].surname, nd) < 0)
            goto out;
        from[nd] = a;
        dec[nd++] = dominant_group(c, a, b, gm, sex, 0);
    }
    for (size_t i = 0; i < n; i++) {
        /* (one[i] with a target: the only multi-word group ending in it, the rule before) */
        if (!(one[i] && target[i] < (size_t)-2)) {
            const char *s = one[i] ? one[i] : ts[i] ? inf[i].lkey : NULL;
            size_t d = s ? ag__strmap_get(&idx, s) : (size_t)-1;
            target[i] = d != (size_t)-1 ? dec[d] : (size_t)-1;
            /* A bare word that is a common given name ("George") is as often a first
             * name or a byline: it joins only a prominent name. */
            if (one[i] && target[i] < (size_t)-2 && gm[target[i]] < PROMINENT_MIN &&
                (word_class(lex, one[i], strlen(one[i])) & AG_LEX_GIVEN))
                target[i] = (size_t)-2;
        }
        /* Never a name whose given name the honorific contradicts; among the others
         * the choice is made again ("Mrs Shaw": Harriet Shaw, whatever Tom Shaw's
         * mentions). */
        uint32_t excl = honorifics_exclude(&acc->actors[i]);
        const char *sn = one[i] ? one[i] : ts[i] ? inf[i].lkey : NULL;
        size_t d = excl && sn ? ag__strmap_get(&idx, sn) : (size_t)-1;
        if (d != (size_t)-1) {
            size_t b = from[d];
            while (b < nc && strcmp(c[b].surname, c[from[d]].surname) == 0)
                b++;
            target[i] = dominant_group(c, from[d], b, gm, sex, excl);
        }
        if (target[i] < (size_t)-2 && (sex[find(parent, target[i])] & excl))
            target[i] = (size_t)-2;
    }
    rc = 0;
out:
    ag__strmap_dispose(&idx);
    free(gm);
    free(c);
    free(dec);
    free(from);
    free(ts);
    free(one);
    free(last);
    free(sex);
    return rc;
}

/* ------------------------------------------------------------------ organisations */

/* The record with this key, when its voted type is org, else (size_t)-1. */
static size_t org_record(const ag__acc *acc, const info *inf, const char *key)
{
    size_t j = ag__acc_find_actor(acc, key);
    return j != (size_t)-1 && inf[j].type == AG_ACTOR_ORG ? j : (size_t)-1;
}

/* 1 when record j, the X of an "X <legal form>" org, is that company. A single word
 * that is an organisation cue or an ordinary word the word list never capitalises is
 * not ("Energy Group", "Airways Ltd" are fragments); an org otherwise is. The
 * recogniser often types a bare company name person ("Hale Brothers") or place ("at
 * Northwind"); such an X is the company when it is no country, nothing the lexicon
 * knows ("Washington" of "Washington Group" is a city), the fullest name of its actor
 * so far (full: not the surname of a longer name - "Dell" of a founder "Michael Dell"
 * stays a person), and not a one-word person never typed org (a surname: "Hale" is not
 * "Hale Corp"). */
static int company_bare(const ag__acc *acc, const info *inf, const ag_lexicon *lex, size_t j,
                        int full)
{
    const ag__actor *b = &acc->actors[j];
    ag_lex_actor la;
    if (inf[j].words == 1) {
        unsigned c = word_class(lex, b->key, strlen(b->key));
        if ((c & AG_LEX_ORGCUE) || (c & (AG_LEX_COMMON | AG_LEX_PROPER)) == AG_LEX_COMMON)
            return 0; /* "Airways", "Energy": a word, no company's name by itself */
    }
    if (inf[j].type == AG_ACTOR_ORG)
        return 1;
    if (!full || inf[j].type == AG_ACTOR_COUNTRY || inf[j].type == AG_ACTOR_OTHER)
        return 0;
    if (inf[j].type == AG_ACTOR_PERSON && inf[j].words == 1 && b->types[AG_ACTOR_ORG] == 0)
        return 0;
    return !ag_lexicon_lookup(lex, inf[j].name, strlen(inf[j].name), 0, &la);
}

/* The record of the organisation the lexicon knows under key as an alias ("apple
 * computer" is Apple's), or (size_t)-1: its mentions were recorded under the lexicon's
 * name, so "Apple Computer Inc" finds no "apple computer" record of its own. */
static size_t lexicon_org(const ag__acc *acc, const ag_lexicon *lex, const char *key)
{
    ag_lex_actor la;
    char canon[256];
    if (!ag_lexicon_lookup(lex, key, strlen(key), 1, &la) || la.type != AG_ACTOR_ORG)
        return (size_t)-1;
    ag_extract_name_key(la.name, strlen(la.name), canon, sizeof canon);
    return ag__acc_find_actor(acc, canon);
}

/*
 * Step 3d: organisation names that differ by a party word, a plural or a legal form.
 * Only records whose voted type is org take part (a country never does), except the bare
 * name of a company (company_bare). United:
 *  - "X Party" and "X" (both org);
 *  - a one-word plural, its singular and "<singular> Party", when that party is an org
 *    record ("Conservatives", "Conservative", "Conservative Party"; -s, -es, -ies/-y):
 *    the party is what makes the plural its members, not a team ("Rovers" is not
 *    "Rover", a carmaker); never when the plural is itself an organisation cue
 *    word ("Times");
 *  - "X <legal forms>" and "X", and the legal forms of one X with each other ("Microsoft
 *    Corp", "Microsoft Corp.", "Microsoft Inc", "Microsoft"; "X Group Inc" is "X";
 *    forms: corp_suffixes). A legal-form name marks its record (inf->legal): the actor
 *    it ends in is an org.
 *  - "X <legal forms>" and the acronym of X's initials, when X has three words or more
 *    and the acronym is an org record ("Advanced Micro Devices Inc", "AMD");
 *  - "<P> Department of <X>" and "<P> <X> Department", likewise Ministry ("US Department
 *    of Justice", "US Justice Department"; "Ministry of Defence", "Defence Ministry").
 * Every union is decided by keys, types and the groups before this step alone, so the
 * order of application is free.
 */
/* The key of "<P> <X> <head>" for an org key "<P> <head> of <X>" (head: department or
 * ministry) into buf (VKEY_BYTES + 16 bytes), or 0 when key is not of that shape. */
static int word_order_variant(const char *key, char *buf)
{
    static const char *const heads[] = {"department", "ministry", NULL};
    for (const char *const *h = heads; *h; h++) {
        size_t hl = strlen(*h);
        const char *at = strstr(key, *h);
        if (!at || (at != key && at[-1] != ' ') || strncmp(at + hl, " of ", 4) != 0)
            continue;
        size_t pl = (size_t)(at - key);
        const char *x = at + hl + 4;
        if (pl + strlen(x) + 1 + hl >= VKEY_BYTES + 16)
            return 0;
        memcpy(buf, key, pl);
        sprintf(buf + pl, "%s %s", x, *h);
        return 1;
    }
    return 0;
}

/* The one-word org record whose key is the initials of the company name base ("amd" for
 * "advanced micro devices", the name of "Advanced Micro Devices Inc"), else (size_t)-1.
 * Three words at least: two initials match too many other companies ("BA"). */
static size_t initials_record(const ag__acc *acc, const info *inf, const char *base)
{
    char acr[16];
    size_t n = 0;
    for (const char *p = base; *p; p++)
        if ((p == base || p[-1] == ' ') && n + 1 < sizeof acr)
            acr[n++] = *p;
    acr[n] = '\0';
    if (n < 3 || n + 1 >= sizeof acr)
        return (size_t)-1;
    size_t j = org_record(acc, inf, acr);
    return j != (size_t)-1 && inf[j].words == 1 ? j : (size_t)-1;
}

static int org_unite(const ag__acc *acc, info *inf, size_t *parent, const ag_lexicon *lex)
{
    size_t n = acc->nactors;
    char buf[VKEY_BYTES + 16];
    ag__strmap forms = {0}; /* X -> the first "X <legal form>" record */
    char **base = calloc(n ? n : 1, sizeof *base);
    int *most = calloc(n ? n : 1, sizeof *most); /* most words in a group before this step */
    char *full = calloc(n ? n : 1, 1);           /* a record with its group's most words */
    int rc = -1;
    if (!base || !most || !full)
        goto out;
    for (size_t i = 0; i < n; i++) {
        size_t r = find(parent, i);
        if (inf[i].words > most[r])
            most[r] = inf[i].words;
    }
    for (size_t i = 0; i < n; i++)
        full[i] = inf[i].words >= most[find(parent, i)];
    for (size_t i = 0; i < n; i++) {
        const char *key = acc->actors[i].key, *sp = strrchr(key, ' ');
        size_t len = strlen(key);
        if (inf[i].type != AG_ACTOR_ORG || len >= VKEY_BYTES)
            continue;
        if (word_order_variant(key, buf)) {
            size_t j = org_record(acc, inf, buf);
            if (j != (size_t)-1)
                unite(parent, i, j);
            continue;
        }
        if (!sp) {
            /* A plural, when its singular names a party: "X Party" is an org record. */
            if (len < 4 || key[len - 1] != 's' || (word_class(lex, key, len) & AG_LEX_ORGCUE))
                continue;
            for (int form = 0; form < 3; form++) {
                /* -s, -es, -ies -> -y; the stem keeps three letters at least */
                size_t cut = (size_t)form + 1;
                if (len < cut + 3 || (form == 1 && strcmp(key + len - 2, "es") != 0) ||
                    (form == 2 && strcmp(key + len - 3, "ies") != 0))
                    continue;
                memcpy(buf, key, len - cut);
                strcpy(buf + len - cut, form == 2 ? "y party" : " party");
                size_t j = org_record(acc, inf, buf);
                if (j == (size_t)-1)
                    continue;
                unite(parent, i, j);
                buf[strlen(buf) - 6] = '\0';
                if ((j = org_record(acc, inf, buf)) != (size_t)-1)
                    unite(parent, i, j);
            }
            continue;
        }
        size_t blen = (size_t)(sp - key);
        memcpy(buf, key, blen);
        buf[blen] = '\0';
        if (strcmp(sp + 1, "party") == 0) {
            size_t j = org_record(acc, inf, buf);
            if (j != (size_t)-1)
                unite(parent, i, j);
            continue;
        }
        if (!ag__lex_legal_form(sp + 1, strlen(sp + 1)))
            continue;
        inf[i].legal = 1;
        /* Every legal form off: "US Airways Group Inc" -> "us airways". */
        for (char *q; (q = strrchr(buf, ' ')) && ag__lex_legal_form(q + 1, strlen(q + 1));)
            *q = '\0';
        if (!(base[i] = strdup(buf)))
            goto out;
        size_t j = ag__strmap_get(&forms, base[i]);
        if (j == (size_t)-1) {
            if (ag__strmap_put(&forms, base[i], i) < 0)
                goto out;
        } else {
            unite(parent, i, j);
        }
        j = ag__acc_find_actor(acc, buf);
        if (j == (size_t)-1)
            j = lexicon_org(acc, lex, buf);
        if (j != (size_t)-1 && company_bare(acc, inf, lex, j, full[j]))
            unite(parent, i, j);
        if ((j = initials_record(acc, inf, buf)) != (size_t)-1)
            unite(parent, i, j);
    }
    rc = 0;
out:
    ag__strmap_dispose(&forms);
    for (size_t i = 0; base && i < n; i++)
        free(base[i]);
    free(base);
    free(most);
    free(full);
    return rc;
}

/* ------------------------------------------------------------------ JSON helpers */

/* 1 when key (lower case, one space between words) names a kind of body: ordinary
 * English words ending in an organisation word. "foreign ministry", "supreme court",
 * "security council" name a different body in every country and article, so they never
 * join a longer name across articles; "iron hawks" or "blue jays", ordinary words too,
 * name one team. */
static int generic_words(const ag_lexicon *lex, const char *key)
{
    const char *p = key, *w;
    size_t n;
    unsigned last = 0;
    while ((n = next_word(&p, &w)) > 0) {
        last = word_class(lex, w, n);
        if (!(last & AG_LEX_COMMON) || (last & (AG_LEX_PROPER | AG_LEX_GIVEN)))
            return 0;
    }
    return (last & AG_LEX_ORGCUE) != 0;
}

/*
 * 3e: an organisation name of two words or more that is the last words of exactly one
 * longer organisation's name across the articles is that organisation ("Red Sox" and
 * "Boston Red Sox", "Labour Party" inside no other). Names of ordinary words only ("Foreign
 * Ministry") stay apart: the longer one is one country's among many. -1 when out of
 * memory.
 */
/* key[0, n) is the key of an organisation's record. */
static int names_org(const ag__acc *acc, const info *inf, const char *key, size_t n)
{
    char buf[256];
    if (n >= sizeof buf)
        return 0;
    memcpy(buf, key, n);
    buf[n] = '\0';
    size_t j = ag__acc_find_actor(acc, buf);
    return j != (size_t)-1 && inf[j].type == AG_ACTOR_ORG;
}

static int org_suffixes(const ag__acc *acc, const info *inf, size_t *parent, const ag_lexicon *lex)
{
    size_t n = acc->nactors, nslots = 0, cap = 0;
    ag__strmap slot_of = {0}; /* suffix key -> slot */
    size_t *owner = NULL;     /* slot -> actor of the longer name, (size_t)-2 when several */
    int rc = -1;
    for (size_t i = 0; i < n; i++) {
        if (inf[i].type != AG_ACTOR_ORG || inf[i].words < 3)
            continue;
        const char *k = acc->actors[i].key;
        for (const char *sp = strchr(k, ' '); sp; sp = strchr(sp + 1, ' ')) {
            const char *suffix = sp + 1;
            if (!strchr(suffix, ' '))
                break; /* one word left: too short to say which organisation */
            if (strchr(inf[i].name, '-') && names_org(acc, inf, k, (size_t)(sp - k)))
                continue; /* two organisations hyphenated ("Yankees-Red Sox"), not a name */
            size_t sl = ag__strmap_get(&slot_of, suffix);
            if (sl == (size_t)-1) {
                if (ag__grow(&owner, &cap, nslots + 1, sizeof *owner) < 0 ||
                    ag__strmap_put(&slot_of, suffix, nslots) < 0)
                    goto out;
                owner[nslots++] = i;
            } else if (owner[sl] != (size_t)-2 && find(parent, owner[sl]) != find(parent, i)) {
                owner[sl] = (size_t)-2;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (inf[i].type != AG_ACTOR_ORG || inf[i].words < 2)
            continue;
        size_t sl = ag__strmap_get(&slot_of, acc->actors[i].key);
        if (sl == (size_t)-1 || owner[sl] == (size_t)-2)
            continue;
        size_t j = owner[sl];
        const char *kj = acc->actors[j].key;
        size_t kl = strlen(kj) - strlen(acc->actors[i].key);
        if (find(parent, j) != find(parent, i) && !generic_words(lex, acc->actors[i].key) &&
            !ag__lex_qualifier_words(lex, kj, strlen(kj), kl > 0 ? kl - 1 : 0))
            unite(parent, i, j);
    }
    rc = 0;
out:
    ag__strmap_dispose(&slot_of);
    free(owner);
    return rc;
}

/*
 * 3f: a team's nickname alone is the team. A one-word organisation name, a plural that is
 * no organisation word, joins the one organisation across the articles named by a place
 * and that word ("Yankees" and "New York Yankees", "Astros" and "Houston Astros"). Two
 * such teams ("Arizona Cardinals", "St. Louis Cardinals") leave the word alone; a
 * country before the word ("US Airways") is no team's city. -1 when out of memory.
 */
/* 1 when the display name's words before its last are a place the lexicon knows (no
 * country). */
static int place_named(const ag_lexicon *lex, const char *name)
{
    const char *sp = strrchr(name, ' ');
    ag_lex_actor la;
    return sp && ag_lexicon_lookup(lex, name, (size_t)(sp - name), 0, &la) &&
           la.type == AG_ACTOR_PLACE && !la.adjective;
}

static int team_nicknames(const ag__acc *acc, const info *inf, size_t *parent,
                          const ag_lexicon *lex)
{
    size_t n = acc->nactors, nslots = 0, cap = 0, capp = 0;
    ag__strmap slot_of = {0}; /* nickname key -> slot */
    size_t *team = NULL;      /* slot -> the team's record, (size_t)-2 when several */
    char *placed = NULL;      /* slot -> a place names one of its teams */
    int rc = -1;
    for (size_t i = 0; i < n; i++) {
        if (inf[i].type != AG_ACTOR_ORG || inf[i].words < 2)
            continue;
        const char *nick = strrchr(acc->actors[i].key, ' ') + 1;
        size_t nl = strlen(nick);
        if (nl < 4 || nick[nl - 1] != 's' || (word_class(lex, nick, nl) & AG_LEX_ORGCUE))
            continue;
        /* Every organisation ending in the word counts against the others, a place
         * before it or not ("St. Louis Cardinals" when the lexicon has no St. Louis). */
        size_t sl = ag__strmap_get(&slot_of, nick);
        if (sl == (size_t)-1) {
            if (ag__grow(&team, &cap, nslots + 1, sizeof *team) < 0 ||
                ag__grow(&placed, &capp, nslots + 1, 1) < 0 ||
                ag__strmap_put(&slot_of, nick, nslots) < 0)
                goto out;
            team[nslots] = i;
            placed[nslots++] = 0;
        } else if (team[sl] != (size_t)-2 && find(parent, team[sl]) != find(parent, i)) {
            team[sl] = (size_t)-2;
        }
        placed[sl == (size_t)-1 ? nslots - 1 : sl] |= (char)place_named(lex, inf[i].name);
    }
    for (size_t i = 0; i < n && nslots; i++) {
        if (inf[i].type != AG_ACTOR_ORG || inf[i].words != 1)
            continue;
        size_t sl = ag__strmap_get(&slot_of, acc->actors[i].key);
        if (sl != (size_t)-1 && team[sl] != (size_t)-2 && placed[sl])
            unite(parent, i, team[sl]);
    }
    rc = 0;
out:
    ag__strmap_dispose(&slot_of);
    free(team);
    free(placed);
    return rc;
}

static int cmp_count_desc(const void *pa, const void *pb)
{
    const ag__count *a = pa, *b = pb;
    if (a->n != b->n)
        return a->n > b->n ? -1 : 1;
    return strcmp(a->s, b->s);
}

/* ------------------------------------------------------------------ list values */

/*
 * The graph's list values go to it as lists it holds natively (graph_internal.h): the
 * evidence as records, each distinct record once however many links it backs (one
 * sentence backs many pairs), the aliases and roles as strings. Scalars go to its
 * columns. A string that is not UTF-8 is left out wherever it would go, as jansson would
 * leave it out.
 */

/* Node i's key: the max most counted strings of c but skip. -1 with err set. */
static int set_top_list(ag_graph *g, size_t i, const char *key, ag__counts *c, size_t max,
                        const char *skip, ag_error *err)
{
    const char *top[MAX_ALIASES > MAX_ROLES ? MAX_ALIASES : MAX_ROLES];
    size_t k = 0;
    if (c->n > 1)
        qsort(c->v, c->n, sizeof *c->v, cmp_count_desc);
    for (size_t j = 0; j < c->n && k < max; j++)
        if (!skip || strcmp(c->v[j].s, skip) != 0)
            top[k++] = c->v[j].s;
    return ag__node_set_strings(g, i, key, top, k, err);
}

/* Link e's key: acc's selection ev, as the graph's records gid[] (UINT32_MAX: left out,
 * not UTF-8). -1 with err set. */
static int set_evidence(ag_graph *g, size_t e, const char *key, const ag__acc *acc, ag__evlist ev,
                        const uint32_t *gid, ag_error *err)
{
    uint32_t ids[AG__MAX_EVIDENCE] = {0}, *v = ids;
    size_t n = ag__evlist_n(acc, ev), m = 0;
    int rc;

    /* ag-merge takes any limit from the library's caller: a longer list goes to the heap */
    if (n > AG__MAX_EVIDENCE && !(v = malloc(n * sizeof *v)))
        return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory resolving actors");
    for (size_t i = 0; i < n; i++) {
        uint32_t k = gid[ag__evlist_id(acc, ev, i)];
        if (k != UINT32_MAX)
            v[m++] = k;
    }
    rc = ag__edge_set_record_ids(g, e, key, v, m, err);
    if (v != ids)
        free(v);
    return rc;
}

/* ------------------------------------------------------------------ the graph */

/* The state of one resolution, passed between its stages. Arrays are indexed by actor
 * record (n of them) or by group (ngroups); all are owned here (resolver_free). */
typedef struct resolver {
    ag__acc *acc;                 /* the records (borrowed; their pairs are consumed) */
    const ag__resolve_opts *opts; /* borrowed */
    const ag_lexicon *lex;        /* the embedded default lexicon, or NULL (no variants) */
    size_t n;                     /* actor records */
    info *inf;                    /* actor -> what resolution knows of it */
    ag__arena keys;               /* the strings of inf: one block, not a malloc each */
    size_t *parent;               /* union-find forest over actors */
    size_t *target;               /* scratch of the steps: actor -> actor to join */
    size_t *gof;                  /* actor -> group index, (size_t)-1: no actor (1b) */
    group *groups;                /* ngroups of them, in order of their first actor */
    size_t ngroups;
    size_t *mstart, *members; /* group k's actors: members[mstart[k] .. mstart[k + 1]) */
} resolver;

/* Stage 1: each actor's voted type, display name and variant keys. -1: out of memory. */
static int describe_actors(resolver *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const ag__actor *a = &r->acc->actors[i];
        info *in = &r->inf[i];
        int best = 0;
        for (int t = 1; t < 5; t++)
            if (a->types[t] > (best ? a->types[best] : 0))
                best = t;
        /* 1b: no actor where the recogniser found a non-actor more often than any one
         * actor type (types[AG_ACTOR_OTHER] counts misc mentions): no node. */
        if (a->types[AG_ACTOR_OTHER] > (best ? a->types[best] : 0)) {
            best = 0;
            in->misc = 1;
        }
        in->type = (ag_actor_type)best;
        in->name = display_name(a);
        in->words = count_words(a->key);
        r->parent[i] = i;
        if (r->opts->variants && in->type == AG_ACTOR_PERSON) {
            if (!(in->vkey = vkey_of(&r->keys, in->name, ag_ner_variant_key)))
                return -1;
            if (in->words >= 3 &&
                !(in->skey = vkey_of(&r->keys, in->name, ag_ner_variant_key_short)))
                return -1;
            if (in->words >= 2 && !(in->lkey = last_word_key(&r->keys, a->key)))
                return -1;
        }
    }
    return 0;
}

/* 1 when w[0, n) is a regnal number of two letters or more ("II", "XVI"), lower case.
 * Letters i, v and x only: "li" and "xi" are family names more often than numbers. */
static int regnal_number(const char *w, size_t n)
{
    if (n < 2 || n > 5 || (n == 2 && memcmp(w, "xi", 2) == 0))
        return 0;
    for (size_t k = 0; k < n; k++)
        if (w[k] != 'i' && w[k] != 'v' && w[k] != 'x')
            return 0;
    return 1;
}

/*
 * Step 3a': a person's name of two words or more is the same name with a regnal number
 * ("John Paul", "John Paul II"), when one name with a number has that base: "Louis XIV"
 * and "Louis XVI" leave "Louis" alone, and a one-word base ("Elizabeth") is too common a
 * given name to say whose it is. target[base] = the numbered record, (size_t)-2 when
 * several, (size_t)-1 for none.
 */
static void regnal_targets(const ag__acc *acc, const info *inf, size_t *parent, size_t *target)
{
    size_t n = acc->nactors;
    char buf[VKEY_BYTES];
    for (size_t i = 0; i < n; i++)
        target[i] = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        const char *key = acc->actors[i].key, *sp = strrchr(key, ' ');
        if (inf[i].type != AG_ACTOR_PERSON || inf[i].words < 3 || !sp ||
            (size_t)(sp - key) >= sizeof buf || !regnal_number(sp + 1, strlen(sp + 1)))
            continue;
        memcpy(buf, key, (size_t)(sp - key));
        buf[sp - key] = '\0';
        size_t j = ag__acc_find_actor(acc, buf);
        if (j == (size_t)-1 || inf[j].type != AG_ACTOR_PERSON)
            continue;
        if (target[j] == (size_t)-1)
            target[j] = i;
        else if (target[j] != (size_t)-2 && find(parent, target[j]) != find(parent, i))
            target[j] = (size_t)-2;
    }
}

/* The key of step 3a'' for person record i into buf (VKEY_BYTES bytes): the first word
 * without its first letter, lower case, then the variant key of the other words; 0 when
 * the name is not two words or more starting with a vowel and three more letters. */
static int vowel_key(const resolver *r, size_t i, char *buf)
{
    const info *in = &r->inf[i];
    const char *name = in->name, *vsp = in->vkey ? strchr(in->vkey, ' ') : NULL;
    size_t wl = strcspn(name, " ");
    if (!vsp || in->words < 2 || wl < 4 || !strchr("AEIOUaeiou", name[0]) ||
        wl + strlen(vsp) + 2 > VKEY_BYTES)
        return 0;
    size_t n = 0;
    buf[n++] = '~';
    for (size_t k = 1; k < wl; k++) {
        unsigned char ch = (unsigned char)name[k];
        if (ch >= 0x80 || !((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
            return 0; /* ASCII letters only: the rest must be spelt alike */
        buf[n++] = (char)(ch | 0x20);
    }
    strcpy(buf + n, vsp);
    return 1;
}

/*
 * Step 3a'': persons whose names differ only in the first vowel of the given name, as
 * transliterations of one Arabic or Persian name do ("Ayad Allawi", "Iyad Allawi", "Eyad
 * Allawi"; "Osama", "Usama"): the rest of the given name is spelt alike, three letters at
 * least ("Ian Smith" and "Ann Smith" differ after it), and the other words have one
 * variant key. -1: out of memory.
 */
static int vowel_variants(resolver *r)
{
    ag__strmap seen = {0};
    char **keys = calloc(r->n ? r->n : 1, sizeof *keys);
    int rc = keys ? 0 : -1;
    char buf[VKEY_BYTES];
    for (size_t i = 0; i < r->n && rc == 0; i++) {
        if (r->inf[i].type != AG_ACTOR_PERSON || !vowel_key(r, i, buf))
            continue;
        if (!(keys[i] = strdup(buf))) {
            rc = -1;
            break;
        }
        size_t j = ag__strmap_get(&seen, keys[i]);
        if (j == (size_t)-1)
            rc = ag__strmap_put(&seen, keys[i], i);
        else
            unite(r->parent, i, j);
    }
    ag__strmap_dispose(&seen);
    for (size_t i = 0; keys && i < r->n; i++)
        free(keys[i]);
    free(keys);
    return rc;
}

/* Join every actor to the target a step chose for it, if any. */
static void unite_targets(resolver *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->target[i] < (size_t)-2)
            unite(r->parent, i, r->target[i]);
}

/* Stage 2: steps 3a-3e of the resolution (see the top of this file) join the records of
 * one actor. -1: out of memory. */
static int unite_variants(resolver *r)
{
    size_t n = r->n;
    info *inf = r->inf;
    const char **multi = calloc(n ? n : 1, sizeof *multi);
    const char **two = calloc(n ? n : 1, sizeof *two);
    const char **sk = calloc(n ? n : 1, sizeof *sk);
    int bad = !multi || !two || !sk;
    for (size_t i = 0; !bad && i < n; i++) {
        multi[i] = inf[i].words >= 2 ? inf[i].vkey : NULL;
        two[i] = inf[i].words == 2 ? inf[i].vkey : NULL;
        sk[i] = inf[i].skey;
    }
    /* 3a: same variant key, two words or more. */
    if (!bad) {
        ag__strmap seen = {0};
        for (size_t i = 0; i < n && !bad; i++) {
            if (!multi[i])
                continue;
            size_t j = ag__strmap_get(&seen, multi[i]);
            if (j == (size_t)-1)
                bad = ag__strmap_put(&seen, multi[i], i) < 0;
            else
                unite(r->parent, i, j);
        }
        ag__strmap_dispose(&seen);
    }
    /* 3a'': given names transliterated with another first vowel ("Iyad Allawi"). */
    if (!bad)
        bad = vowel_variants(r) < 0;
    /* 3a': a name and the name with a regnal number ("John Paul II"). */
    if (!bad) {
        regnal_targets(r->acc, inf, r->parent, r->target);
        unite_targets(r);
    }
    /* 3b: a two-word name inside exactly one longer group. */
    if (!bad && !(bad = unique_targets(r->acc, inf, r->parent, (const char *const *)two, sk,
                                       r->target) < 0))
        unite_targets(r);
    /* 3c: a surname (or titles and a surname) joins the one full name, or the dominant
     * one, ending in it. */
    if (!bad && !(bad = surname_targets(r->acc, inf, r->parent, r->lex, r->target) < 0))
        unite_targets(r);
    /* 3d: organisations under a party word, a plural or a legal form. */
    if (!bad)
        bad = org_unite(r->acc, inf, r->parent, r->lex) < 0;
    /* 3e: an organisation name that ends exactly one longer one ("Red Sox"). */
    if (!bad)
        bad = org_suffixes(r->acc, inf, r->parent, r->lex) < 0;
    /* 3f: a team's nickname alone ("Yankees"). */
    if (!bad)
        bad = team_nicknames(r->acc, inf, r->parent, r->lex) < 0;
    free(multi);
    free(two);
    free(sk);
    return bad ? -1 : 0;
}

/* "GROUP WORD" in buf, what snprintf's "%zu %s" wrote at 1,600 instructions a call: its
 * length, or -1 when it does not fit. */
static int group_word(char *buf, size_t size, size_t gi, const char *word)
{
    char digits[24];
    size_t nd = 0, wl = strlen(word);
    do
        digits[nd++] = (char)('0' + gi % 10);
    while ((gi /= 10) > 0);
    if (nd + 1 + wl >= size)
        return -1;
    for (size_t k = 0; k < nd; k++)
        buf[k] = digits[nd - 1 - k];
    buf[nd] = ' ';
    memcpy(buf + nd + 1, word, wl + 1);
    return (int)(nd + 1 + wl);
}

/* inf[i].nick for the one-word names that end a longer name of their group ("Mets" of
 * "New York Mets"): a group is named by the longer. -1: out of memory. */
static int mark_nicknames(resolver *r)
{
    ag__strmap ends = {0}; /* "group last-word" of the longer names -> 1 */
    char buf[64];
    int rc = -1;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < r->n; i++) {
            const char *key = r->acc->actors[i].key, *sp = strrchr(key, ' ');
            if (r->gof[i] == (size_t)-1 || (pass == 0) != (sp != NULL))
                continue;
            int len = group_word(buf, sizeof buf, r->gof[i], sp ? sp + 1 : key);
            if (len < 0)
                continue; /* (no nickname is that long) */
            if (pass == 1) {
                r->inf[i].nick = ag__strmap_get(&ends, buf) != (size_t)-1;
                continue;
            }
            char *k;
            if (ag__strmap_get(&ends, buf) == (size_t)-1 &&
                (!(k = ag__arena_strdup(&r->keys, buf, (size_t)len)) ||
                 ag__strmap_put(&ends, k, 1) < 0))
                goto out;
        }
    rc = 0;
out:
    ag__strmap_dispose(&ends);
    return rc;
}

/* ag__sort_by_string's comparison of two groups (records of their indexes in the
 * resolver r's groups) by id, then by their representative's key. */
static int cmp_group_name(const void *pa, const void *pb, void *ctx)
{
    const resolver *r = ctx;
    const group *a = &r->groups[((const ag__keyed64 *)pa)->val],
                *b = &r->groups[((const ag__keyed64 *)pb)->val];
    int c = strcmp(a->id, b->id);
    return c ? c : strcmp(r->acc->actors[a->rep].key, r->acc->actors[b->rep].key);
}

/* Stage 3: the groups (one per node), their representatives, unique ids and members.
 * -1: out of memory. */
static int form_groups(resolver *r)
{
    size_t n = r->n;
    group *groups = r->groups;
    for (size_t i = 0; i < n; i++)
        r->gof[i] = (size_t)-1;
    /* A record of no actor (step 1b) is in no group: its mentions and pairs
     * are nobody's. Groups are numbered at their first member that is an actor. */
    size_t *gor = r->target; /* root -> group (the steps are done with target) */
    for (size_t i = 0; i < n; i++)
        gor[i] = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (r->inf[i].misc)
            continue;
        size_t root = find(r->parent, i);
        if (gor[root] == (size_t)-1) {
            gor[root] = r->ngroups;
            groups[r->ngroups++] = (group){i, 0, 0, NULL, NULL, -1};
        }
        r->gof[i] = gor[root];
        groups[r->gof[i]].org |= r->inf[i].type != AG_ACTOR_PERSON;
        groups[r->gof[i]].legal |= r->inf[i].legal;
    }
    if (mark_nicknames(r) < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (r->gof[i] == (size_t)-1)
            continue;
        group *gr = &groups[r->gof[i]];
        if (i != gr->rep && better_rep(r->acc, r->inf, i, gr->rep, gr->org))
            gr->rep = i;
    }
    for (size_t k = 0; k < r->ngroups; k++)
        groups[k].id = r->inf[groups[k].rep].name;

    /* Unique ids: sort by name and suffix repeats (" #2") in a stable order. */
    size_t ng = r->ngroups;
    ag__keyed64 *sorted = malloc(2 * (ng ? ng : 1) * sizeof *sorted);
    if (!sorted)
        return -1;
    for (size_t k = 0; k < ng; k++)
        sorted[k] = (ag__keyed64){ag__str_prefix64(groups[k].id), k};
    ag__sort_by_string(sorted, sorted + ng, ng, cmp_group_name, r);
    /* run: the id of the repeats' first group, which keeps it; a group's id is read
     * before it gets its suffix */
    const char *run = ng ? groups[sorted[0].val].id : NULL;
    for (size_t k = 1, rep = 1; k < ng; k++) {
        group *gr = &groups[sorted[k].val];
        if (strcmp(gr->id, run) != 0) {
            run = gr->id;
            rep = 1;
            continue;
        }
        size_t len = strlen(gr->id) + 24;
        if (!(gr->idbuf = malloc(len))) {
            free(sorted);
            return -1;
        }
        snprintf(gr->idbuf, len, "%s #%zu", gr->id, ++rep);
        gr->id = gr->idbuf;
    }
    free(sorted);

    /* Members of each group, contiguous, by a counting sort on the group index. */
    r->mstart = calloc(ng + 1, sizeof *r->mstart);
    r->members = malloc((n ? n : 1) * sizeof *r->members);
    if (!r->mstart || !r->members)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (r->gof[i] != (size_t)-1)
            r->mstart[r->gof[i] + 1]++;
    for (size_t k = 0; k < ng; k++)
        r->mstart[k + 1] += r->mstart[k];
    for (size_t i = 0; i < n; i++)
        if (r->gof[i] != (size_t)-1)
            r->members[r->mstart[r->gof[i]]++] = i;
    for (size_t k = ng; k > 0; k--)
        r->mstart[k] = r->mstart[k - 1];
    r->mstart[0] = 0;
    return 0;
}

/* The records of group k's members summed into sum (an emptied scratch record).
 * -1: out of memory. */
static int sum_members(const resolver *r, size_t k, ag__actor *sum)
{
    for (size_t mi = r->mstart[k]; mi < r->mstart[k + 1]; mi++) {
        const ag__actor *a = &r->acc->actors[r->members[mi]];
        sum->mentions += a->mentions;
        sum->documents += a->documents;
        for (int t = 0; t < 5; t++)
            sum->types[t] += a->types[t];
        for (size_t f = 0; f < a->names.n; f++)
            if (ag__counts_add(&sum->forms, a->names.v[f].s, 0) < 0)
                return -1;
        for (size_t f = 0; f < a->forms.n; f++)
            if (ag__counts_add(&sum->forms, a->forms.v[f].s, a->forms.v[f].n) < 0)
                return -1;
        for (size_t f = 0; f < a->roles.n; f++)
            if (ag__counts_add(&sum->roles, a->roles.v[f].s, a->roles.v[f].n) < 0)
                return -1;
        for (size_t f = 0; f < a->countries.n; f++)
            if (ag__counts_add(&sum->countries, a->countries.v[f].s, a->countries.v[f].n) < 0)
                return -1;
        if (ag__date_min(&sum->first_date, a->first_date.s) < 0 ||
            ag__date_max(&sum->last_date, a->last_date.s) < 0)
            return -1;
    }
    return 0;
}

/* Node attributes of group gr from its summed record (into the graph's columns). -1 with
 * err set. */
static int set_node_attrs(ag_graph *g, size_t node, const group *gr, ag__actor *sum, ag_error *err)
{
    int best = 0;
    for (int t = 1; t < 5; t++)
        if (sum->types[t] > (best ? sum->types[best] : 0))
            best = t;
    if (gr->legal)
        best = AG_ACTOR_ORG; /* a legal form names a company, whatever "X" was typed */
    ag_node_set_string(g, node, "type", ag_actor_type_name((ag_actor_type)best), NULL);
    ag_node_set_integer(g, node, "mentions", sum->mentions, NULL);
    ag_node_set_integer(g, node, "documents", sum->documents, NULL);
    if (set_top_list(g, node, "aliases", &sum->forms, MAX_ALIASES, gr->id, err) < 0 ||
        set_top_list(g, node, "roles", &sum->roles, MAX_ROLES, NULL, err) < 0)
        return -1;
    if (sum->countries.n) {
        qsort(sum->countries.v, sum->countries.n, sizeof *sum->countries.v, cmp_count_desc);
        if (strcmp(sum->countries.v[0].s, gr->id) != 0)
            ag_node_set_string(g, node, "country", sum->countries.v[0].s, NULL);
    }
    if (sum->first_date.s)
        ag_node_set_string(g, node, "first_date", sum->first_date.s, NULL);
    if (sum->last_date.s)
        ag_node_set_string(g, node, "last_date", sum->last_date.s, NULL);
    return 0;
}

/* Stage 4: one node per group. -1 with err set. */
static int cmp_group_id(const void *pa, const void *pb, void *ctx)
{
    const group *groups = ctx;
    return strcmp(groups[((const ag__keyed64 *)pa)->val].id,
                  groups[((const ag__keyed64 *)pb)->val].id);
}

/* The node of every group, numbered by id (unique): the order ag_graph_sort gives them,
 * so that it moves neither them nor the links (added in node order), which would copy
 * every column at the time the graph is largest. Numbered before they are made, so that
 * the pairs can fold into links beside that. The malloc'ed order (node -> group), or
 * NULL: out of memory. */
static size_t *number_nodes(resolver *r)
{
    size_t ng = r->ngroups, *order = malloc((ng ? ng : 1) * sizeof *order);
    ag__keyed64 *sorted = malloc(2 * (ng ? ng : 1) * sizeof *sorted);
    if (!order || !sorted) {
        free(order);
        free(sorted);
        return NULL;
    }
    for (size_t k = 0; k < ng; k++)
        sorted[k] = (ag__keyed64){ag__str_prefix64(r->groups[k].id), k};
    ag__sort_by_string(sorted, sorted + ng, ng, cmp_group_id, r->groups);
    for (size_t j = 0; j < ng; j++) {
        order[j] = sorted[j].val;
        r->groups[order[j]].node = (long)j;
    }
    free(sorted);
    return order;
}

/* The nodes in number_nodes' order into the empty graph g, without their attributes
 * (node_attrs): they go in on one thread, their attributes may go in on another. */
static int add_nodes(resolver *r, const size_t *order, ag_graph *g, ag_error *err)
{
    for (size_t j = 0; j < r->ngroups; j++) {
        size_t k = order[j];
        long node = ag_graph_add_node(g, r->groups[k].id, err);
        if (node < 0)
            return -1;
        if (node != r->groups[k].node)
            return ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "node ids are not unique");
    }
    return 0;
}

/* The attributes of add_nodes' nodes. It writes the graph's node attributes and the
 * members' lists alone. */
static int node_attrs(const resolver *r, const size_t *order, ag_graph *g, ag_error *err)
{
    /* One record sums every group in turn: its lists keep their memory between groups
     * (an accumulator per group cost an arena block and an index each). Its strings are
     * borrowed from acc's pool, like the members'. */
    ag__actor sum;
    int rc = 0;
    memset(&sum, 0, sizeof sum);
    for (size_t j = 0; j < r->ngroups && rc == 0; j++) {
        size_t k = order[j];
        sum.mentions = sum.documents = 0;
        memset(sum.types, 0, sizeof sum.types);
        sum.names.n = sum.forms.n = sum.roles.n = sum.countries.n = 0;
        sum.first_date.s = sum.last_date.s = NULL;
        if (sum_members(r, k, &sum) < 0)
            rc = ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory resolving actors");
        else
            rc = set_node_attrs(g, j, &r->groups[k], &sum, err);
        /* The members' lists are in the node now: their memory serves the next nodes. */
        for (size_t mi = r->mstart[k]; mi < r->mstart[k + 1]; mi++)
            ag__actor_free_lists(&r->acc->actors[r->members[mi]]);
    }
    ag__actor_free_lists(&sum);
    return rc;
}

/* A pair record's place in the sort: its nodes (lower, higher) and its index. */
typedef struct pair_order {
    uint64_t ends;
    size_t index;
} pair_order;

/* Sort o[0..n) by ends, last first (add_links takes the records from the end), stably:
 * a byte at a time from the lowest, through tmp (n of them), leaving out the bytes every
 * key shares (node numbers use few of the 64 bits). qsort's comparisons cost a tenth of
 * the resolution's main thread on Zipf shards, and its merge sort as much memory. */
static void sort_ends(pair_order *o, pair_order *tmp, size_t n)
{
    pair_order *from = o, *to = tmp;
    for (int shift = 0; shift < 64 && n > 0; shift += 8) {
        size_t count[256] = {0}, pos = 0;
        for (size_t i = 0; i < n; i++)
            count[(uint8_t) ~(from[i].ends >> shift)]++;
        if (count[(uint8_t) ~(from[0].ends >> shift)] == n)
            continue;
        for (int b = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = pos;
            pos += c;
        }
        for (size_t i = 0; i < n; i++)
            to[count[(uint8_t) ~(from[i].ends >> shift)]++] = from[i];
        pair_order *t = from;
        from = to;
        to = t;
    }
    if (from != o)
        memcpy(o, from, n * sizeof *o);
}

/* Sort pairs[0..n) by their nodes, last first. Sorting the records themselves would
 * take a copy of them all, at the time they are largest: their keys are sorted instead,
 * and the records moved into place cycle by cycle. -1: out of memory. */
static int sort_pairs(ag__pair *pairs, size_t n)
{
    pair_order *o = malloc((n ? n : 1) * sizeof *o), *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!o || !tmp) {
        free(o);
        free(tmp);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        o[i] = (pair_order){(uint64_t)pairs[i].a << 32 | pairs[i].b, i};
    sort_ends(o, tmp, n);
    free(tmp);
    /* Place j takes record o[j].index; a place done points at itself. */
    for (size_t i = 0; i < n; i++) {
        if (o[i].index == i)
            continue;
        ag__pair first = pairs[i];
        size_t j = i;
        while (o[j].index != i) {
            size_t k = o[j].index;
            pairs[j] = pairs[k];
            o[j].index = j;
            j = k;
        }
        pairs[j] = first;
        o[j].index = j;
    }
    free(o);
    return 0;
}

/* Stage 5a: fold the actor pair records into links, in place: each record is renamed
 * to its groups' nodes (lower first; a pair inside one group goes), the records are
 * sorted by them, and each run of equal ones is summed into its first. Folding where the
 * records are costs no second table, and leaves the links in the order ag_graph_sort
 * gives them, so that it need not move the graph's columns. Sums, the date range and the
 * evidence selection do not depend on the order records are folded in. -1: out of
 * memory. */
static int fold_pairs(resolver *r)
{
    ag__acc *acc = r->acc;
    size_t n = 0, m = 0;

    for (size_t i = 0; i < acc->npairs; i++) {
        ag__pair p = acc->pairs[i];
        size_t ga = r->gof[p.a], gb = r->gof[p.b];
        long na = ga != (size_t)-1 ? r->groups[ga].node : -1,
             nb = gb != (size_t)-1 ? r->groups[gb].node : -1;
        if (na == nb || na < 0 || nb < 0) { /* inside one node, or a name that is none */
            ag__acc_evidence_free(acc, &p.evidence);
            ag__acc_evidence_free(acc, &p.met_evidence);
            continue;
        }
        p.a = (uint32_t)(na < nb ? na : nb);
        p.b = (uint32_t)(na < nb ? nb : na);
        acc->pairs[n++] = p;
    }
    acc->npairs = n; /* the records dropped above own nothing now */
    if (sort_pairs(acc->pairs, n) < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        ag__pair *p = &acc->pairs[i], *q = m ? &acc->pairs[m - 1] : NULL;
        if (!q || q->a != p->a || q->b != p->b) {
            acc->pairs[m++] = *p;
            continue;
        }
        ag__pair_dates(acc, q, p->first_date, p->last_date);
        if (ag__pair_add(acc, q, ag__pair_weight(acc, p), ag__pair_documents(acc, p),
                         ag__pair_met(acc, p)) < 0 ||
            ag__acc_fold_evidence(acc, &q->evidence, p->evidence) < 0 ||
            ag__acc_fold_evidence(acc, &q->met_evidence, p->met_evidence) < 0) {
            acc->npairs = m; /* the blocks go with the slab */
            return -1;
        }
        ag__acc_evidence_free(acc, &p->evidence);
        ag__acc_evidence_free(acc, &p->met_evidence);
    }
    acc->npairs = m;
    return 0;
}

/* Mark (0) in gid the records of pair q's evidence, and with met its met evidence. */
static void mark_records(const ag__acc *acc, const ag__pair *q, int met, uint32_t *gid)
{
    for (int kind = 0; kind < (met ? 2 : 1); kind++) {
        ag__evlist ev = kind ? q->met_evidence : q->evidence;
        for (size_t j = 0; j < ag__evlist_n(acc, ev); j++)
            gid[ag__evlist_id(acc, ev, j)] = 0;
    }
}

/* The records that links will show, marked (0) in a new map over acc's records whose
 * other entries are UINT32_MAX: with early (the pairs not folded yet), the records of
 * every pair's selections. In *nlinks the number of links (early: 0). NULL with err set
 * when out of memory. */
static uint32_t *used_records(const ag__acc *acc, int met_only, int early, size_t *nlinks,
                              ag_error *err)
{
    uint32_t *gid = malloc((acc->nevrecs ? acc->nevrecs : 1) * sizeof *gid);
    if (!gid) {
        ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory resolving actors");
        return NULL;
    }
    memset(gid, 0xff, acc->nevrecs * sizeof *gid);
    *nlinks = 0;
    for (size_t i = 0; i < acc->npairs; i++) {
        const ag__pair *q = &acc->pairs[i];
        long long met = early || ag__pair_met(acc, q);
        if (!early && met_only && !met)
            continue;
        *nlinks += !early;
        mark_records(acc, q, met != 0, gid);
    }
    return gid;
}

#define RECORDS_AHEAD 8 /* records_to_graph's prefetch distance */

/* The records marked in gid, each into the graph's table of records once, gid[k] their
 * ids there (UINT32_MAX: not UTF-8). It reads acc's records alone, not the pairs or
 * their selections, so folding may run beside it. 0, or -1 with err set. */
static int records_to_graph(const ag__acc *acc, uint32_t *gid, ag_graph *g, ag_error *err)
{
    size_t used = 0;
    for (size_t k = 0; k < acc->nevrecs; k++)
        used += !gid[k];
    /* A record's document and text: two strings at most. */
    if (ag__edge_reserve_records(g, used, 2 * used, err) < 0)
        return -1;
    for (size_t k = 0; k < acc->nevrecs; k++) {
        /* The graph's string table slot of a record is a cache miss (a table of millions
         * of strings): loaded a few records ahead, it is there when the record goes in. */
        size_t ahead = k + RECORDS_AHEAD;
        if (ahead < acc->nevrecs && !gid[ahead]) {
            const ag__evrec *y = &acc->evrecs[ahead];
            ag__edge_prefetch_record(g, &(ag__attr_record){y->doc, (long long)y->offset, y->text});
        }
        if (gid[k])
            continue;
        const ag__evrec *x = &acc->evrecs[k];
        long id = ag__edge_add_record(g, &(ag__attr_record){x->doc, (long long)x->offset, x->text},
                                      1, err);
        if (id == -1)
            return -1;
        gid[k] = id < 0 ? UINT32_MAX : (uint32_t)id;
    }
    return 0;
}

/* The evidence records that links will show, each into the graph's table of records
 * once, before the links: then acc's records go, and the graph's table and acc's are
 * not both whole at once. The malloc'ed map from acc's record numbers to the graph's
 * (UINT32_MAX: none, or not UTF-8), and in *nlinks the number of links, or NULL with
 * err set. */
static uint32_t *evidence_to_graph(ag__acc *acc, int met_only, ag_graph *g, size_t *nlinks,
                                   ag_error *err)
{
    uint32_t *gid = used_records(acc, met_only, 0, nlinks, err);
    if (gid && records_to_graph(acc, gid, g, err) < 0) {
        free(gid);
        return NULL;
    }
    /* The selections stay (the slab), their records are the graph's now. */
    ag__acc_drop_evrecs(acc);
    return gid;
}

/* Link e's date attribute key: acc's date number d (0: none), looked up among the
 * graph's strings once per date, not once per link: sid[d] is its index + 1, 0 before it
 * is looked up, -1 when it is no string the graph takes (not UTF-8, as
 * ag_edge_set_string refuses it) or could not take. */
static void set_date(ag_graph *g, size_t e, const char *key, const ag__acc *acc, uint32_t d,
                     long *sid)
{
    if (!d)
        return;
    if (!sid[d]) {
        long k = ag__edge_string_id(g, ag__acc_date(acc, d), NULL);
        sid[d] = k >= 0 ? k + 1 : -1;
    }
    if (sid[d] > 0)
        ag__edge_set_string_id(g, e, key, sid[d] - 1, NULL);
}

/* Stage 5b: one link per folded pair record (met ones only with --met-only), releasing
 * the records as they go into the graph; gid: evidence_to_graph's early map (owned), or
 * NULL. -1 with err set. */
static int add_links(resolver *r, ag_graph *g, uint32_t *gid, ag_error *err)
{
    ag__acc *acc = r->acc;
    size_t nlinks = 0;
    long *sid = calloc(acc->ndates + 1, sizeof *sid);
    int rc = -1;
    if (gid) { /* made early: acc's records were kept for folding */
        ag__acc_drop_evrecs(acc);
        for (size_t i = 0; i < acc->npairs; i++)
            nlinks += !r->opts->met_only || ag__pair_met(acc, &acc->pairs[i]);
    } else {
        /* The kept strings are every evidence string and date: the graph keeps them
         * rather than a copy, and frees them with itself, after acc and r are gone. */
        ag__edge_adopt_strings(g, &acc->kept);
        gid = evidence_to_graph(acc, r->opts->met_only, g, &nlinks, err);
    }
    if (!sid)
        ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory resolving actors");
    if (!sid || !gid || ag__graph_reserve(g, 0, nlinks, err) < 0)
        goto out;
    /* The records are in reverse order and go from the end, so that the array shrinks as
     * the graph grows and the two are not both whole at once. */
    for (size_t i = acc->npairs; i-- > 0;) {
        ag__pair *q = &acc->pairs[i];
        if (i + 1 < acc->cappairs / 4 * 3 && i >= 4096) {
            ag__pair *v = realloc(acc->pairs, (i + 1) * sizeof *v);
            if (v) {
                acc->pairs = v;
                acc->cappairs = i + 1;
                q = &v[i];
            }
        }
        acc->npairs = i + 1; /* records past i are in the graph */
        long long met = ag__pair_met(acc, q);
        if (r->opts->met_only && !met)
            continue;
        long e = ag_graph_add_edge(g, q->a, q->b, err);
        if (e < 0)
            goto out;
        ag_edge_set_weight(g, (size_t)e, (double)ag__pair_weight(acc, q));
        ag__edge_set_scalar(
            g, (size_t)e, "documents",
            &(ag_attr_value){.type = AG_ATTR_INTEGER, .integer = ag__pair_documents(acc, q)}, NULL);
        ag__edge_set_scalar(g, (size_t)e, "met",
                            &(ag_attr_value){.type = AG_ATTR_BOOL, .boolean = met > 0}, NULL);
        set_date(g, (size_t)e, "first_date", acc, q->first_date, sid);
        set_date(g, (size_t)e, "last_date", acc, q->last_date, sid);
        if (set_evidence(g, (size_t)e, "evidence", acc, q->evidence, gid, err) < 0 ||
            (met && set_evidence(g, (size_t)e, "met_evidence", acc, q->met_evidence, gid, err) < 0))
            goto out;
    }
    /* Everything is in the graph now: the records go before it is sorted. */
    ag__acc_free_evidence(acc);
    free(acc->pairs);
    acc->pairs = NULL;
    acc->npairs = acc->cappairs = 0;
    rc = 0;
out:
    free(gid);
    free(sid);
    return rc;
}

/* Free what only the steps needed, once the groups are formed: the actors' descriptions
 * (the group ids they lend are the pool's) and the union-find forest. Again: nothing. */
static void resolver_free_steps(resolver *r)
{
    ag__arena_free(&r->keys);
    free(r->inf);
    free(r->parent);
    free(r->target);
    r->inf = NULL;
    r->parent = r->target = NULL;
}

/* Free what only the nodes needed: the members of the groups and their ids (the graph
 * holds copies). What folding the pairs needs stays: each actor's group and each group's
 * node. Again: nothing. */
static void resolver_free_nodes(resolver *r)
{
    resolver_free_steps(r);
    for (size_t k = 0; r->groups && k < r->ngroups; k++) {
        free(r->groups[k].idbuf);
        r->groups[k].idbuf = NULL;
        r->groups[k].id = NULL;
    }
    free(r->mstart);
    free(r->members);
    r->mstart = r->members = NULL;
}

static void resolver_free(resolver *r)
{
    resolver_free_nodes(r);
    free(r->groups);
    free(r->gof);
    r->groups = NULL;
    r->gof = NULL;
}

/* ------------------------------------------------------------------ threads */

/*
 * With threads, the links' half of the work runs beside the actors' half:
 *  - the records of every pair's selections (marked first, on this thread) go into the
 *    graph's table on one other thread, beside the resolution of the actors, which
 *    touches neither acc's records, nor the kept strings, nor the graph's link
 *    attributes. It was a third of the resolution's time on Zipf shards. Folding keeps
 *    the records (it compares them), and afterwards drops some from every selection (of
 *    pairs within one group or of no actor, and the least of a group's): those are in the
 *    graph's table unused, which costs memory only (the writers show the links' records);
 *  - fold_pairs, on this thread once the nodes are made, while the records may still be
 *    going in: it changes the pairs and their selections, which the other thread does
 *    not read once they are marked, and only reads acc's records. (Folding after the
 *    records, on the other thread, kept this one waiting: on 1 GB of Zipf shards that
 *    thread's 1.35 s of CPU against this one's 0.5 s.)
 * The output is the same as one thread's.
 */
/* A job on a thread of its own beside this one (or run here when none could start). */
typedef struct side_job {
    pthread_t tid;
    int running; /* a thread to be joined */
    int rc;      /* 0, or -1 (err) */
    ag_error err;
} side_job;

/* Wait for the job's thread: 0, or -1 with err set from the job's failure. */
static int join_side(side_job *j, ag_error *err)
{
    if (j->running)
        pthread_join(j->tid, NULL);
    j->running = 0;
    if (j->rc < 0 && err)
        *err = j->err;
    return j->rc;
}

typedef struct links_job {
    const ag__acc *acc; /* borrowed: the job reads its records alone */
    ag_graph *g;        /* borrowed: the job adds to its link attributes alone */
    uint32_t *gid;      /* used_records' map, which the job fills (owned), or NULL */
    int lexicon;        /* build the default lexicon first */
    side_job side;
} links_job;

static void *early_evidence(void *arg)
{
    links_job *j = arg;
    /* ag-merge has not built the default lexicon yet, and unite_variants needs it after
     * the actors are described: built here, beside that, it is off the main thread's
     * path (a failure is the main thread's to report: it asks again). */
    if (j->lexicon)
        ag__lexicon_default(NULL);
    j->side.rc = records_to_graph(j->acc, j->gid, j->g, &j->side.err);
    return NULL;
}

/* With threads, the nodes' attributes (node_attrs) go in on one more thread once the
 * nodes are made, beside the folding of the pairs and the links: they touch the graph's
 * node attributes, the groups' members and their lists alone, which neither the folding
 * nor the links read; add_links reads only the count of nodes, which no longer changes.
 * On Zipf shards they were a third of this thread's resolution. The actors' lists and
 * acc's pool (the strings they borrow) go once the job is joined. */
typedef struct nodes_job {
    const resolver *r; /* borrowed */
    const size_t *order;
    ag_graph *g;
    side_job side;
} nodes_job;

/* The actor records are summed into the nodes: what the links need of them is in the
 * groups and the kept strings. */
static void nodes_done(resolver *r)
{
    ag__acc_free_actors(r->acc);
    resolver_free_nodes(r);
    ag__arena_free(&r->acc->pool); /* names and keys: the nodes hold copies */
#ifdef __GLIBC__
    /* The name lists and keys were small blocks all through the heap: glibc keeps freed
     * pages until asked, and the links need as much again. */
    malloc_trim(0);
#endif
}

static void *nodes_thread(void *arg)
{
    nodes_job *j = arg;
    j->side.rc = node_attrs(j->r, j->order, j->g, &j->side.err);
    return NULL;
}

ag_graph *ag__acc_to_graph(ag__acc *acc, const ag__resolve_opts *opts, ag_error *err)
{
    size_t n = acc->nactors, n1 = n ? n : 1;
    resolver r = {.acc = acc, .opts = opts, .n = n};
    links_job job = {.acc = acc};
    size_t *order = NULL;
    nodes_job nodes = {.r = &r};
    uint32_t *gid;
    ag_graph *g = ag_graph_new(0);

    /* No pair is looked up from here on (fold_pairs renames them): the index goes before
     * the resolver's tables are made, at the time the records are largest. */
    ag__pairmap_dispose(&acc->pair_index);
    if (!g)
        goto nomem;
    job.g = g;
    ag_error_clear(&job.side.err);
    if (opts->threads > 1) {
        size_t nlinks;
        if (!(job.gid = used_records(acc, 0, 1, &nlinks, err)))
            goto fail;
        /* The kept strings are every evidence string and date: the graph keeps them
         * rather than a copy (as add_links does without threads). */
        ag__edge_adopt_strings(g, &acc->kept);
        job.lexicon = opts->variants;
        job.side.running = pthread_create(&job.side.tid, NULL, early_evidence, &job) == 0;
        if (!job.side.running) /* the same work, here */
            early_evidence(&job);
    }
    r.inf = calloc(n1, sizeof *r.inf);
    r.parent = malloc(n1 * sizeof *r.parent);
    r.target = malloc(n1 * sizeof *r.target);
    r.gof = malloc(n1 * sizeof *r.gof);
    r.groups = calloc(n1, sizeof *r.groups);
    if (!r.inf || !r.parent || !r.target || !r.gof || !r.groups)
        goto nomem;
    if (describe_actors(&r) < 0)
        goto nomem;
    /* Word classes for steps 3c and 3d come from the embedded default lexicon alone (not
     * the user's --dict files), so that ag-merge, which has none, resolves the same.
     * Asked for after the actors are described: with threads, the side thread builds it
     * (early_evidence) beside that, and this one waits for it only if it gets here first. */
    if (opts->variants && !(r.lex = ag__lexicon_default(err)))
        goto fail;
    if ((opts->variants && unite_variants(&r) < 0) || form_groups(&r) < 0)
        goto nomem;
    json_object_set_new(ag_graph_attrs(g), "documents", json_integer(acc->documents));
    resolver_free_steps(&r); /* before the nodes, at the time the records are largest */
    if (ag__graph_reserve(g, r.ngroups, 0, err) < 0)
        goto fail;
    if (!(order = number_nodes(&r)))
        goto nomem;
    if (add_nodes(&r, order, g, err) < 0)
        goto fail;
    nodes.order = order;
    nodes.g = g;
    ag_error_clear(&nodes.side.err);
    nodes.side.running =
        opts->threads > 1 && pthread_create(&nodes.side.tid, NULL, nodes_thread, &nodes) == 0;
    if (!nodes.side.running) { /* without threads, or none could start: the same work, here */
        if (node_attrs(&r, order, g, err) < 0)
            goto fail;
        nodes_done(&r);
    }
    if (fold_pairs(&r) < 0)
        goto nomem;
    if (join_side(&job.side, err) < 0)
        goto fail;
    if (opts->step)
        opts->step(opts->step_ctx, "resolve");
    if (!nodes.side.running)
        resolver_free(&r); /* the pairs name nodes now (the job reads the groups) */
    gid = job.gid;         /* add_links frees it */
    job.gid = NULL;
    if (add_links(&r, g, gid, err) < 0)
        goto fail;
    if (nodes.side.running) {
        if (join_side(&nodes.side, err) < 0)
            goto fail;
        nodes_done(&r);
        resolver_free(&r);
    }
    if (ag_graph_sort(g, err) < 0)
        goto fail;
    if (opts->step)
        opts->step(opts->step_ctx, "links");
    goto out;
nomem:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory resolving actors");
fail:
    join_side(&job.side, NULL); /* before the graph and acc's records go */
    join_side(&nodes.side, NULL);
    ag_graph_free(g);
    g = NULL;
out:
    free(job.gid);
    free(order);
    resolver_free(&r);
    return g;
}
