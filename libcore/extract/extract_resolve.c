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
 *  2. display name: the key's most used resolved name, mixed case preferred to ALL CAPS;
 *  3. with variants on (--no-variants turns 3a-3c off), persons merge when
 *     a. two names of at least two words have the same spelling-variant key
 *        (ag_ner_variant_key: "Shah Mahmood Qureshi" = "Shah Mehmood Qureshi",
 *        "Mohammed Faisal" = "Mohammad Faisal");
 *     b. a two-word name equals the first and last word of longer names (by variant key)
 *        of exactly one group ("Qamar Bajwa" -> "Qamar Javed Bajwa"); with two candidate
 *        groups it is ambiguous and stays alone;
 *     c. a one-word name equals the last word of the names of exactly one multi-word
 *        group ("Khalilzad" -> "Zalmay Khalilzad"); a surname shared by several people
 *        ("Khan") stays alone;
 *     decisions of each step are taken on the state after the previous step, then applied;
 *  4. a group is named after its member with the most words, then the most documents,
 *     then the most mentions, then the smallest name in byte order; the other names and
 *     surface forms become its `aliases`;
 *  5. pair records are summed over groups (pairs inside one group vanish).
 * Time complexity: O(A log A + L + F) for A actor records, L pair records and F forms.
 * The evidence of acc's pair records is released on the way (it moves into the graph).
 */
#include <stdlib.h>
#include <string.h>

#include <actorgraph/nlp/ner.h>
#include <actorgraph/nlp/text.h>

#include "extract/extract_internal.h"

#define MAX_ALIASES 25 /* aliases listed per node, most used first */
#define MAX_ROLES 10   /* roles listed per node */
#define VKEY_BYTES 256

typedef struct info {
    ag_actor_type type; /* voted type */
    const char *name;   /* display name (borrowed from the record) */
    int words;          /* words in name */
    char *vkey;         /* variant key of name (persons), or NULL */
    char *skey;         /* first+last variant key (persons with >= 3 words) */
    char *lkey;         /* variant key of the last word (persons with >= 2 words) */
} info;

typedef struct group {
    size_t rep;               /* representative actor */
    const char *id;           /* node id (borrowed or owned in idbuf) */
    char *idbuf;              /* owned id when it had to be made unique */
    long node;                /* node index in the graph */
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

static int all_caps(const char *s)
{
    int upper = 0;
    for (size_t i = 0, n = strlen(s); i < n;) {
        int32_t cp;
        i += ag_text_decode(s, n, i, &cp);
        if (ag_text_is_lower(cp))
            return 0;
        if (ag_text_is_upper(cp))
            upper = 1;
    }
    return upper;
}

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

static char *vkey_of(const char *name, int (*fn)(const char *, char *, size_t))
{
    char buf[VKEY_BYTES];
    fn(name, buf, sizeof buf);
    return strdup(buf);
}

/* The last word of a normalised key, for the surname rule (exact, not a skeleton:
 * one-word skeletons are too weak to merge on). */
static char *last_word_key(const char *key)
{
    const char *sp = strrchr(key, ' ');
    return strdup(sp ? sp + 1 : key);
}

/* Representative order: more words, more documents, more mentions, smaller name. */
static int better_rep(const ag__acc *acc, const info *inf, size_t x, size_t y)
{
    if (inf[x].words != inf[y].words)
        return inf[x].words > inf[y].words;
    if (acc->actors[x].documents != acc->actors[y].documents)
        return acc->actors[x].documents > acc->actors[y].documents;
    if (acc->actors[x].mentions != acc->actors[y].mentions)
        return acc->actors[x].mentions > acc->actors[y].mentions;
    int c = strcmp(inf[x].name, inf[y].name);
    return c != 0 ? c < 0 : strcmp(acc->actors[x].key, acc->actors[y].key) < 0;
}

/* For each actor that wants a unique candidate group by `want` key among actors whose
 * `have` key matches: the group, (size_t)-1 for none, -2 for ambiguous. */
static int unique_targets(const ag__acc *acc, const info *inf, size_t *parent,
                          char *const *want, char *const *have, size_t *target)
{
    size_t n = acc->nactors;
    ag__strmap first = {0};  /* have-key -> group of its first holder */
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
                ag__strmap_free(&first);
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
    ag__strmap_free(&first);
    return 0;
}

/* ------------------------------------------------------------------ JSON helpers */

static int cmp_count_desc(const void *pa, const void *pb)
{
    const ag__count *a = pa, *b = pb;
    if (a->n != b->n)
        return a->n > b->n ? -1 : 1;
    return strcmp(a->s, b->s);
}

static json_t *top_list(ag__counts *c, size_t max, const char *skip)
{
    json_t *arr = json_array();
    if (c->n > 1)
        qsort(c->v, c->n, sizeof *c->v, cmp_count_desc);
    for (size_t i = 0, k = 0; arr && i < c->n && k < max; i++) {
        if (skip && strcmp(c->v[i].s, skip) == 0)
            continue;
        json_array_append_new(arr, json_string(c->v[i].s));
        k++;
    }
    return arr;
}

static json_t *evid_list(const ag__evids *e)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < e->n; i++)
        json_array_append_new(arr, json_pack("{sssIss}", "doc", e->v[i].doc, "offset",
                                             (json_int_t)e->v[i].offset, "text",
                                             e->v[i].text));
    return arr;
}

static int cmp_group_name(const void *pa, const void *pb, void *ctx)
{
    const group *a = pa, *b = pb;
    const ag__acc *acc = ctx;
    int c = strcmp(a->id, b->id);
    return c ? c : strcmp(acc->actors[a->rep].key, acc->actors[b->rep].key);
}

/* ------------------------------------------------------------------ the graph */

ag_graph *ag__acc_to_graph(ag__acc *acc, const ag__resolve_opts *opts, ag_error *err)
{
    size_t n = acc->nactors;
    info *inf = calloc(n ? n : 1, sizeof *inf);
    size_t *parent = malloc((n ? n : 1) * sizeof *parent);
    size_t *target = malloc((n ? n : 1) * sizeof *target);
    size_t *gof = malloc((n ? n : 1) * sizeof *gof); /* actor -> group index */
    group *groups = NULL;
    size_t ngroups = 0;
    size_t *mstart = NULL, *members = NULL; /* group -> its actors */
    ag__acc links;  /* group-level pair records; actors are groups by id */
    ag_graph *g = NULL;
    int ok = 0;

    ag__acc_init(&links, acc->max_evidence);
    if (!inf || !parent || !target || !gof)
        goto nomem;
    for (size_t i = 0; i < n; i++) {
        const ag__actor *a = &acc->actors[i];
        int best = 0;
        for (int t = 1; t < 5; t++)
            if (a->types[t] > (best ? a->types[best] : 0))
                best = t;
        inf[i].type = (ag_actor_type)best;
        inf[i].name = display_name(a);
        inf[i].words = count_words(a->key);
        parent[i] = i;
        if (opts->variants && inf[i].type == AG_ACTOR_PERSON) {
            if (!(inf[i].vkey = vkey_of(inf[i].name, ag_ner_variant_key)))
                goto nomem;
            if (inf[i].words >= 3 && !(inf[i].skey = vkey_of(inf[i].name,
                                                             ag_ner_variant_key_short)))
                goto nomem;
            if (inf[i].words >= 2 && !(inf[i].lkey = last_word_key(a->key)))
                goto nomem;
        }
    }
    if (opts->variants) {
        /* 3a: same variant key, two words or more. */
        char **multi = calloc(n ? n : 1, sizeof *multi);
        char **two = calloc(n ? n : 1, sizeof *two);
        char **one = calloc(n ? n : 1, sizeof *one);
        int bad = !multi || !two || !one;
        for (size_t i = 0; !bad && i < n; i++) {
            multi[i] = inf[i].words >= 2 ? inf[i].vkey : NULL;
            two[i] = inf[i].words == 2 ? inf[i].vkey : NULL;
            one[i] = inf[i].words == 1 && inf[i].vkey ? acc->actors[i].key : NULL;
        }
        if (!bad) {
            ag__strmap seen = {0};
            for (size_t i = 0; i < n && !bad; i++) {
                if (!multi[i])
                    continue;
                size_t j = ag__strmap_get(&seen, multi[i]);
                if (j == (size_t)-1)
                    bad = ag__strmap_put(&seen, multi[i], i) < 0;
                else
                    unite(parent, i, j);
            }
            ag__strmap_free(&seen);
        }
        /* 3b: a two-word name inside exactly one longer group. */
        char **sk = NULL;
        if (!bad) {
            sk = calloc(n ? n : 1, sizeof *sk);
            bad = !sk;
        }
        for (size_t i = 0; !bad && i < n; i++)
            sk[i] = inf[i].skey;
        if (!bad && unique_targets(acc, inf, parent, two, sk, target) < 0)
            bad = 1;
        for (size_t i = 0; !bad && i < n; i++)
            if (target[i] < (size_t)-2)
                unite(parent, i, target[i]);
        /* 3c: a one-word name that is the last word of exactly one group. */
        for (size_t i = 0; !bad && i < n; i++)
            sk[i] = inf[i].lkey;
        if (!bad && unique_targets(acc, inf, parent, one, sk, target) < 0)
            bad = 1;
        for (size_t i = 0; !bad && i < n; i++)
            if (target[i] < (size_t)-2)
                unite(parent, i, target[i]);
        free(multi);
        free(two);
        free(one);
        free(sk);
        if (bad)
            goto nomem;
    }

    /* Groups and their representatives. */
    for (size_t i = 0; i < n; i++)
        gof[i] = (size_t)-1;
    groups = calloc(n ? n : 1, sizeof *groups);
    if (!groups)
        goto nomem;
    for (size_t i = 0; i < n; i++) {
        size_t r = find(parent, i);
        if (gof[r] == (size_t)-1) {
            gof[r] = ngroups;
            groups[ngroups++] = (group){r, NULL, NULL, -1};
        }
        gof[i] = gof[r];
        group *gr = &groups[gof[i]];
        if (i != gr->rep && better_rep(acc, inf, i, gr->rep))
            gr->rep = i;
    }
    for (size_t k = 0; k < ngroups; k++)
        groups[k].id = inf[groups[k].rep].name;
    /* Unique ids: sort by name and suffix repeats (" #2") in a stable order. */
    size_t *order = malloc((ngroups ? ngroups : 1) * sizeof *order);
    if (!order)
        goto nomem;
    {
        group *sorted = malloc((ngroups ? ngroups : 1) * sizeof *sorted);
        if (!sorted) {
            free(order);
            goto nomem;
        }
        memcpy(sorted, groups, ngroups * sizeof *groups);
        for (size_t k = 0; k < ngroups; k++)
            sorted[k].node = (long)k; /* remember the original index */
        qsort_r(sorted, ngroups, sizeof *sorted, cmp_group_name, (void *)acc);
        for (size_t k = 1, rep = 1; k < ngroups; k++) {
            if (strcmp(sorted[k].id, sorted[k - 1].id) != 0) {
                rep = 1;
                continue;
            }
            group *gr = &groups[sorted[k].node];
            size_t len = strlen(gr->id) + 24;
            gr->idbuf = malloc(len);
            if (!gr->idbuf) {
                free(sorted);
                free(order);
                goto nomem;
            }
            snprintf(gr->idbuf, len, "%s #%zu", gr->id, ++rep);
            gr->id = gr->idbuf;
        }
        free(sorted);
    }
    free(order);

    /* Members of each group, contiguous: members[mstart[k] .. mstart[k + 1]). */
    mstart = calloc(ngroups + 1, sizeof *mstart);
    members = malloc((n ? n : 1) * sizeof *members);
    if (!mstart || !members)
        goto nomem;
    for (size_t i = 0; i < n; i++)
        mstart[gof[i] + 1]++;
    for (size_t k = 0; k < ngroups; k++)
        mstart[k + 1] += mstart[k];
    for (size_t i = 0; i < n; i++)
        members[mstart[gof[i]]++] = i;
    for (size_t k = ngroups; k > 0; k--)
        mstart[k] = mstart[k - 1];
    mstart[0] = 0;

    if (!(g = ag_graph_new(0)))
        goto nomem;
    json_object_set_new(ag_graph_attrs(g), "documents", json_integer(acc->documents));
    for (size_t k = 0; k < ngroups; k++) {
        long node = ag_graph_add_node(g, groups[k].id, err);
        if (node < 0)
            goto fail;
        groups[k].node = node;
        /* Sum the member records in a scratch record. */
        ag__acc one;
        ag__acc_init(&one, 0);
        long ri = ag__acc_actor(&one, "-");
        int bad = ri < 0;
        ag__actor *sum = bad ? NULL : &one.actors[ri];
        for (size_t mi = mstart[k]; !bad && mi < mstart[k + 1]; mi++) {
            const ag__actor *a = &acc->actors[members[mi]];
            sum->mentions += a->mentions;
            sum->documents += a->documents;
            for (int t = 0; t < 5; t++)
                sum->types[t] += a->types[t];
            for (size_t f = 0; !bad && f < a->names.n; f++)
                bad = ag__counts_add(&sum->forms, a->names.v[f].s, 0) < 0;
            for (size_t f = 0; !bad && f < a->forms.n; f++)
                bad = ag__counts_add(&sum->forms, a->forms.v[f].s, a->forms.v[f].n) < 0;
            for (size_t f = 0; !bad && f < a->roles.n; f++)
                bad = ag__counts_add(&sum->roles, a->roles.v[f].s, a->roles.v[f].n) < 0;
            for (size_t f = 0; !bad && f < a->countries.n; f++)
                bad = ag__counts_add(&sum->countries, a->countries.v[f].s,
                                     a->countries.v[f].n) < 0;
            if (!bad)
                bad = ag__date_min(&sum->first_date, a->first_date.s) < 0 ||
                      ag__date_max(&sum->last_date, a->last_date.s) < 0;
        }
        if (bad) {
            ag__acc_destroy(&one);
            goto nomem;
        }
        int best = 0;
        for (int t = 1; t < 5; t++)
            if (sum->types[t] > (best ? sum->types[best] : 0))
                best = t;
        json_t *at = ag_node_attrs(g, (size_t)node);
        json_object_set_new(at, "type", json_string(ag_actor_type_name((ag_actor_type)best)));
        json_object_set_new(at, "mentions", json_integer(sum->mentions));
        json_object_set_new(at, "documents", json_integer(sum->documents));
        json_object_set_new(at, "aliases", top_list(&sum->forms, MAX_ALIASES, groups[k].id));
        json_object_set_new(at, "roles", top_list(&sum->roles, MAX_ROLES, NULL));
        if (sum->countries.n) {
            qsort(sum->countries.v, sum->countries.n, sizeof *sum->countries.v,
                  cmp_count_desc);
            if (strcmp(sum->countries.v[0].s, groups[k].id) != 0)
                json_object_set_new(at, "country", json_string(sum->countries.v[0].s));
        }
        if (sum->first_date.s)
            json_object_set_new(at, "first_date", json_string(sum->first_date.s));
        if (sum->last_date.s)
            json_object_set_new(at, "last_date", json_string(sum->last_date.s));
        ag__acc_destroy(&one);
    }

    /* Links between groups: fold pair records into a group-level accumulator whose
     * "actors" are the groups (keyed by node id so pairs are oriented consistently). */
    for (size_t k = 0; k < ngroups; k++)
        if (ag__acc_actor(&links, groups[k].id) != (long)k)
            goto nomem;
    for (size_t i = 0; i < acc->npairs; i++) {
        ag__pair *p = &acc->pairs[i];
        size_t ga = gof[p->a], gb = gof[p->b];
        if (ga == gb) {
            ag__evids_free(&p->evidence);
            ag__evids_free(&p->met_evidence);
            continue;
        }
        long li = ag__acc_pair(&links, ga, gb);
        if (li < 0)
            goto nomem;
        ag__pair *q = &links.pairs[li];
        q->weight += p->weight;
        q->documents += p->documents;
        q->met += p->met;
        if (ag__date_min(&q->first_date, p->first_date.s) < 0 ||
            ag__date_max(&q->last_date, p->last_date.s) < 0)
            goto nomem;
        for (size_t e = 0; e < p->evidence.n; e++)
            if (ag__evids_offer(&q->evidence, links.max_evidence, p->evidence.v[e].doc,
                                p->evidence.v[e].offset, p->evidence.v[e].text) < 0)
                goto nomem;
        for (size_t e = 0; e < p->met_evidence.n; e++)
            if (ag__evids_offer(&q->met_evidence, links.max_evidence,
                                p->met_evidence.v[e].doc, p->met_evidence.v[e].offset,
                                p->met_evidence.v[e].text) < 0)
                goto nomem;
        /* Evidence is most of a pair's memory: release it as soon as it is folded, so the
         * records, the group links and the graph are not all held at once. */
        ag__evids_free(&p->evidence);
        ag__evids_free(&p->met_evidence);
    }
    /* The pair records are folded: release them (and their index) before the graph's
     * link attributes, the largest part of the peak, are built. */
    for (size_t i = 0; i < acc->npairs; i++) {
        free(acc->pairs[i].first_date.s);
        free(acc->pairs[i].last_date.s);
    }
    free(acc->pairs);
    acc->pairs = NULL;
    acc->npairs = acc->cappairs = 0;
    ag__u64map_free(&acc->pair_index);
    ag__u64map_free(&links.pair_index);
    for (size_t i = 0; i < links.npairs; i++) {
        const ag__pair *q = &links.pairs[i];
        if (opts->met_only && !q->met)
            continue;
        long e = ag_graph_add_edge(g, (size_t)groups[q->a].node, (size_t)groups[q->b].node,
                                   err);
        if (e < 0)
            goto fail;
        ag_edge_set_weight(g, (size_t)e, (double)q->weight);
        json_t *at = ag_edge_attrs(g, (size_t)e);
        json_object_set_new(at, "documents", json_integer(q->documents));
        json_object_set_new(at, "met", json_boolean(q->met > 0));
        if (q->first_date.s)
            json_object_set_new(at, "first_date", json_string(q->first_date.s));
        if (q->last_date.s)
            json_object_set_new(at, "last_date", json_string(q->last_date.s));
        json_object_set_new(at, "evidence", evid_list(&q->evidence));
        if (q->met)
            json_object_set_new(at, "met_evidence", evid_list(&q->met_evidence));
        ag__evids_free(&links.pairs[i].evidence);
        ag__evids_free(&links.pairs[i].met_evidence);
    }
    if (ag_graph_sort(g, err) < 0)
        goto fail;
    ok = 1;
    goto out;
nomem:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory resolving actors");
fail:
    ag_graph_free(g);
    g = NULL;
out:
    for (size_t i = 0; inf && i < n; i++) {
        free(inf[i].vkey);
        free(inf[i].skey);
        free(inf[i].lkey);
    }
    for (size_t k = 0; groups && k < ngroups; k++)
        free(groups[k].idbuf);
    free(groups);
    free(mstart);
    free(members);
    free(inf);
    free(parent);
    free(target);
    free(gof);
    ag__acc_destroy(&links);
    (void)ok;
    return g;
}
