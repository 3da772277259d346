/*
 * gen-lexicon.c - build-time generator of the embedded default lexicon.
 *
 * Usage: gen-lexicon DATADIR ISO3166JSON WORDS ZONE1970TAB OUT.c
 *
 * Reads Debian's iso-codes (countries), libgeonames (cities, when built with
 * AG_HAVE_GEONAMES; otherwise the city names in tzdata's zone1970.tab), wamerican's word
 * list and the project's data/ *.txt files, and writes a C file defining the string blobs
 * that libcore/lexicon.c parses at start-up:
 *   ag__lex_default_dict   --dict format lines (countries, capitals, cities, orgs)
 *   ag__lex_words_<class>  one word per line for each word class
 * The output is deterministic (sorted inputs, no timestamps), so builds are reproducible.
 * This program runs only at build time and is never installed; it exits 1 with a message
 * on any error, which fails the build.
 */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef AG_HAVE_GEONAMES
#include <geonames.h>
#endif

#define MIN_CITY_POPULATION 100000u  /* smaller towns collide too often with surnames */
#define BIG_CITY_POPULATION 1000000u /* "Shanghai" is a city even though "shanghai" is a verb */

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "gen-lexicon: %s: %s\n", what, detail ? detail : strerror(errno));
    exit(1);
}

/* ------------------------------------------------------------ string sets */

typedef struct strset {
    char **v;   /* the strings, malloc'ed */
    size_t n;   /* used */
    size_t cap; /* allocated */
} strset;

static void set_add(strset *s, const char *str)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
        if (!s->v)
            die("realloc", NULL);
    }
    s->v[s->n] = strdup(str);
    if (!s->v[s->n])
        die("strdup", NULL);
    s->n++;
}

static int cmpstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void set_sort(strset *s)
{
    qsort(s->v, s->n, sizeof *s->v, cmpstr);
    size_t w = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (w > 0 && strcmp(s->v[w - 1], s->v[i]) == 0) {
            free(s->v[i]);
            continue;
        }
        s->v[w++] = s->v[i];
    }
    s->n = w;
}

static int set_has(const strset *s, const char *str)
{
    return bsearch(&str, s->v, s->n, sizeof *s->v, cmpstr) != NULL;
}

/* Read the data lines of a project data file (skipping '#' comments and blank lines). */
static void read_lines(const char *path, strset *out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die(path, NULL);
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        size_t l = strlen(line);
        while (l > 0 && (line[l - 1] == '\n' || line[l - 1] == '\r' || line[l - 1] == ' '))
            line[--l] = '\0';
        if (l == 0 || line[0] == '#')
            continue;
        set_add(out, line);
    }
    fclose(f);
}

/* Add the canonical name of --dict line `line` to taken, and its aliases too when
 * aliases is set ("+" marks an adjective form; the form is the rest). */
static void take_names(strset *taken, const char *line, int aliases)
{
    char names[1024];
    snprintf(names, sizeof names, "%s", line);
    char *type = strchr(names, '\t'), *al = type ? strchr(type + 1, '\t') : NULL;
    if (type)
        *type = '\0';
    set_add(taken, names);
    if (!aliases || !al)
        return;
    al[strcspn(al + 1, "\t") + 1] = '\0';
    for (char *a = strtok(al + 1, "|"); a; a = strtok(NULL, "|"))
        set_add(taken, a[0] == '+' || a[0] == '=' ? a + 1 : a);
}

/* The --dict line `in` into out, with the title-case form of each acronym of four
 * letters or more among its names added to its aliases: British and other news writes
 * the acronyms said as words so ("Opec", "Fifa", "Unicef"). Not when the form is an
 * ordinary word ("SWIFT"), a given name or another actor's. */
static void spoken_acronyms(const char *in, const strset *common, const strset *given,
                            const strset *taken, char *out, size_t size)
{
    char names[4096], extra[1024] = "";
    if (snprintf(names, sizeof names, "%s", in) >= (int)sizeof names)
        die(in, "line too long");
    char *type = strchr(names, '\t');
    if (!type) {
        snprintf(out, size, "%s", in);
        return;
    }
    *type++ = '\0';
    char *al = strchr(type, '\t'), *country = NULL;
    if (al) {
        *al++ = '\0';
        if ((country = strchr(al, '\t')))
            *country++ = '\0';
    }
    char forms[8192];
    if (snprintf(forms, sizeof forms, "%s|%s", names, al ? al : "") >= (int)sizeof forms)
        die(in, "line too long");
    for (char *f = strtok(forms, "|"); f; f = strtok(NULL, "|")) {
        size_t n = strlen(f), k = 0;
        while (k < n && f[k] >= 'A' && f[k] <= 'Z')
            k++;
        if (n < 4 || k != n)
            continue;
        char said[64], low[64];
        if (n >= sizeof said)
            continue;
        for (k = 0; k < n; k++) {
            low[k] = (char)tolower((unsigned char)f[k]);
            said[k] = k ? low[k] : f[k];
        }
        low[n] = said[n] = '\0';
        if (set_has(common, low) || set_has(given, said) || set_has(taken, said))
            continue;
        size_t l = strlen(extra);
        if (snprintf(extra + l, sizeof extra - l, "%s%s", (al && *al) || l ? "|" : "", said) >=
            (int)(sizeof extra - l))
            die(in, "too many acronyms");
    }
    if (snprintf(out, size, "%s\t%s\t%s%s%s%s", names, type, al ? al : "", extra,
                 country ? "\t" : "", country ? country : "") >= (int)size)
        die(in, "line too long");
}

/* ------------------------------------------------------------ countries */

typedef struct country {
    char a2[3];   /* ISO alpha-2 */
    char *canon;  /* canonical name */
    strset forms; /* other forms; "+" prefix marks adjectives */
} country;

static country *countries;
static size_t ncountries;

static country *country_by_a2(const char *a2)
{
    for (size_t i = 0; i < ncountries; i++)
        if (strcmp(countries[i].a2, a2) == 0)
            return &countries[i];
    return NULL;
}

static country *country_by_name(const char *name)
{
    for (size_t i = 0; i < ncountries; i++)
        if (strcmp(countries[i].canon, name) == 0)
            return &countries[i];
    return NULL;
}

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static void load_iso(const char *path, const strset *common)
{
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root)
        die(path, je.text);
    json_t *arr = json_object_get(root, "3166-1");
    if (!json_is_array(arr))
        die(path, "no 3166-1 array");
    ncountries = json_array_size(arr);
    countries = calloc(ncountries, sizeof *countries);
    if (!countries)
        die("calloc", NULL);
    for (size_t i = 0; i < ncountries; i++) {
        json_t *e = json_array_get(arr, i);
        const char *a2 = jstr(e, "alpha_2"), *a3 = jstr(e, "alpha_3");
        const char *name = jstr(e, "name"), *cn = jstr(e, "common_name");
        const char *off = jstr(e, "official_name");
        if (!a2 || !name)
            die(path, "entry without alpha_2 or name");
        country *c = &countries[i];
        snprintf(c->a2, sizeof c->a2, "%s", a2);
        const char *canon = cn ? cn : name;
        if (!cn && strchr(name, ',') && off)
            canon = off;
        if (strncmp(canon, "the ", 4) == 0)
            canon += 4;
        c->canon = strdup(canon);
        if (strcmp(name, canon) != 0 && !strchr(name, ','))
            set_add(&c->forms, name);
        if (off && strcmp(off, canon) != 0 && strncmp(off, "the ", 4) != 0)
            set_add(&c->forms, off);
        /* Alpha-3 codes appear in sports tables and headlines; an English word ("ARE",
         * "CAN", "PER") is not taken. Alpha-2 codes are far too ambiguous (IN, IT, TO).
         * Written "=GMB": a code, which "the GMB" (a union) is not. */
        if (a3) {
            char low[8];
            size_t k;
            for (k = 0; a3[k] && k < sizeof low - 1; k++)
                low[k] = (char)tolower((unsigned char)a3[k]);
            low[k] = '\0';
            char code[8];
            snprintf(code, sizeof code, "=%s", a3);
            if (!set_has(common, low))
                set_add(&c->forms, code);
        }
    }
    json_decref(root);
}

/* data/country-names.txt: A2 <TAB> CANONICAL <TAB> FORMS */
static void load_country_names(const char *path)
{
    strset lines = {0};
    read_lines(path, &lines);
    for (size_t i = 0; i < lines.n; i++) {
        char *a2 = lines.v[i], *canon = strchr(a2, '\t');
        if (!canon)
            die(path, "line without TAB");
        *canon++ = '\0';
        char *forms = strchr(canon, '\t');
        if (forms)
            *forms++ = '\0';
        country *c = country_by_a2(a2);
        if (!c)
            die(path, a2);
        if (*canon && strcmp(canon, c->canon) != 0) {
            set_add(&c->forms, c->canon);
            free(c->canon);
            c->canon = strdup(canon);
        }
        for (char *f = forms ? strtok(forms, "|") : NULL; f; f = strtok(NULL, "|"))
            if (strcmp(f, c->canon) != 0)
                set_add(&c->forms, f);
    }
}

/* data/demonyms.txt: ADJECTIVE <TAB> COUNTRY */
static void load_demonyms(const char *path)
{
    strset lines = {0};
    read_lines(path, &lines);
    for (size_t i = 0; i < lines.n; i++) {
        char *adj = lines.v[i], *cn = strchr(adj, '\t');
        if (!cn)
            die(path, "line without TAB");
        *cn++ = '\0';
        country *c = country_by_name(cn);
        if (!c)
            die(path, cn);
        char buf[256];
        snprintf(buf, sizeof buf, "+%s", adj);
        set_add(&c->forms, buf);
        /* An adjective in -ch or -sh has no noun of its own ("a French" is not said):
         * English makes one with -man and -woman ("a Frenchman", "two Irishwomen"),
         * a nationality like the adjective, never a person's name. */
        size_t al = strlen(adj);
        if (al > 2 && adj[al - 1] == 'h' && (adj[al - 2] == 'c' || adj[al - 2] == 's'))
            for (size_t k = 0; k < 4; k++) {
                static const char *const nouns[] = {"man", "men", "woman", "women"};
                snprintf(buf, sizeof buf, "+%s%s", adj, nouns[k]);
                set_add(&c->forms, buf);
            }
    }
}

/* ------------------------------------------------------------ output */

static void emit_literal(FILE *o, const char *s)
{
    fputc('"', o);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(o, "\\%c", *p);
        else if (*p == '\t')
            fputs("\\t", o);
        else if (*p < 0x20 || *p >= 0x7f)
            fprintf(o, "\\%03o", *p);
        else
            fputc(*p, o);
    }
    fputs("\\n\"\n", o);
}

static void emit_set(FILE *o, const char *var, strset *s)
{
    set_sort(s);
    fprintf(o, "const char %s[] =\n", var);
    for (size_t i = 0; i < s->n; i++)
        emit_literal(o, s->v[i]);
    fprintf(o, "\"\";\n\n");
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: gen-lexicon DATADIR ISO3166JSON WORDS ZONE1970TAB OUT.c\n");
        return 2;
    }
    const char *dd = argv[1];
    char path[4096];
    strset common = {0}, proper = {0}, dict = {0};

    /* wamerican: lower-case entries are common words, capitalised ones proper nouns;
     * possessive entries ("word's") add nothing. */
    FILE *wf = fopen(argv[3], "r");
    if (!wf)
        die(argv[3], NULL);
    char line[4096];
    while (fgets(line, sizeof line, wf)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || strchr(line, '\''))
            continue;
        if (islower((unsigned char)line[0]))
            set_add(&common, line);
        else if (isupper((unsigned char)line[0]))
            set_add(&proper, line);
    }
    fclose(wf);
    set_sort(&common);

    load_iso(argv[2], &common);
    snprintf(path, sizeof path, "%s/country-names.txt", dd);
    load_country_names(path);
    snprintf(path, sizeof path, "%s/demonyms.txt", dd);
    load_demonyms(path);

    strset given = {0}, fw = {0};
    snprintf(path, sizeof path, "%s/given-names.txt", dd);
    read_lines(path, &given);
    set_sort(&given);
    snprintf(path, sizeof path, "%s/function-words.txt", dd);
    read_lines(path, &fw);
    set_sort(&fw);

    /* Country lines. */
    strset taken = {0}; /* every form used so far, so cities never shadow a country */
    for (size_t i = 0; i < ncountries; i++) {
        country *c = &countries[i];
        set_sort(&c->forms);
        char buf[8192];
        size_t l = (size_t)snprintf(buf, sizeof buf, "%s\tcountry\t", c->canon);
        set_add(&taken, c->canon);
        for (size_t k = 0; k < c->forms.n && l < sizeof buf - 256; k++) {
            l += (size_t)snprintf(buf + l, sizeof buf - l, "%s%s", k ? "|" : "", c->forms.v[k]);
            set_add(&taken, c->forms.v[k][0] == '+' || c->forms.v[k][0] == '=' ? c->forms.v[k] + 1
                                                                               : c->forms.v[k]);
        }
        set_add(&dict, buf);
    }
    /* Capitals: CAPITAL <TAB> COUNTRY -> "capital" lines. */
    strset caps = {0};
    snprintf(path, sizeof path, "%s/capitals.txt", dd);
    read_lines(path, &caps);
    for (size_t i = 0; i < caps.n; i++) {
        char *cn = strchr(caps.v[i], '\t');
        if (!cn)
            die(path, "line without TAB");
        *cn++ = '\0';
        if (!country_by_name(cn))
            die(path, cn);
        char buf[1024];
        set_add(&taken, caps.v[i]);
        if (country_by_name(caps.v[i]))
            continue; /* Singapore: the country line already covers it */
        snprintf(buf, sizeof buf, "%s\tcapital\t\t%s", caps.v[i], cn);
        set_add(&dict, buf);
    }
    /* The project's own regions (data/regions.txt, added to the dictionary last) are
     * never shadowed by a subdivision or city of the same name: England is a nation
     * (country), not a subdivision of Britain. */
    strset regions = {0};
    snprintf(path, sizeof path, "%s/regions.txt", dd);
    read_lines(path, &regions);
    for (size_t i = 0; i < regions.n; i++)
        take_names(&taken, regions.v[i], 0);
    set_sort(&taken);

    /* Subdivisions (states, provinces, counties) from
     * iso_3166-2.json beside the 3166-1 file; names in brackets or with commas are
     * administrative variants and are skipped. */
    {
        char p2[4096];
        snprintf(p2, sizeof p2, "%s", argv[2]);
        char *dot = strstr(p2, "3166-1");
        if (dot)
            dot[5] = '2';
        json_error_t je;
        json_t *root = dot ? json_load_file(p2, 0, &je) : NULL;
        json_t *arr = root ? json_object_get(root, "3166-2") : NULL;
        for (size_t i = 0; arr && i < json_array_size(arr); i++) {
            json_t *e = json_array_get(arr, i);
            const char *code = jstr(e, "code"), *name = jstr(e, "name");
            if (!code || !name || strpbrk(name, ",([/") || strlen(code) < 2)
                continue;
            /* Chinese subdivisions carry their kind in pinyin ("Jiangsu Sheng", "Shanghai
             * Shi"); news writes the bare name. */
            char bare[512];
            snprintf(bare, sizeof bare, "%s", name);
            static const char *const suffixes[] = {" Sheng", " Shi", " Zizhiqu"};
            for (size_t q = 0; q < 3; q++) {
                size_t bl = strlen(bare), sl = strlen(suffixes[q]);
                if (bl > sl && strcmp(bare + bl - sl, suffixes[q]) == 0)
                    bare[bl - sl] = '\0';
            }
            name = bare;
            char cc[3] = {code[0], code[1], '\0'};
            country *c = country_by_a2(cc);
            char low[512];
            size_t k;
            for (k = 0; name[k] && k < sizeof low - 1; k++)
                low[k] = (char)tolower((unsigned char)name[k]);
            low[k] = '\0';
            if (!c || set_has(&taken, name) || set_has(&common, low) || set_has(&given, name))
                continue;
            char buf[1024];
            snprintf(buf, sizeof buf, "%s\tplace\t\t%s", name, c->canon);
            set_add(&dict, buf);
            set_add(&taken, name);
            set_sort(&taken);
        }
        json_decref(root);
    }

    /* The organisations' names and aliases are taken before the cities: news names the
     * carmaker Toyota far more often than the town. */
    strset orgs = {0};
    snprintf(path, sizeof path, "%s/orgs.txt", dd);
    read_lines(path, &orgs);
    for (size_t i = 0; i < orgs.n; i++)
        take_names(&taken, orgs.v[i], 1);
    set_sort(&taken);

    /* Cities. A city named like a common word, a given name or a function word is left
     * out: "Reading", "Mobile", "Florence" are more often not the city. */
    strset cities = {0};
#ifdef AG_HAVE_GEONAMES
    int nc = geonames_get_n_cities();
    for (int i = 0; i < nc; i++) {
        GeonamesCity *gc = geonames_get_city(i);
        const char *name = geonames_city_get_name(gc);
        const char *cc = geonames_city_get_country_code(gc);
        guint pop = geonames_city_get_population(gc);
        country *c = cc ? country_by_a2(cc) : NULL;
        if (c && name && pop >= MIN_CITY_POPULATION && !strchr(name, '\t')) {
            char buf[1024];
            /* a leading '!' marks a city big enough to keep even if it is also a word */
            snprintf(buf, sizeof buf, "%s%s\t%s", pop >= BIG_CITY_POPULATION ? "!" : "", name,
                     c->canon);
            set_add(&cities, buf);
        }
        geonames_city_free(gc);
    }
#else
    FILE *zf = fopen(argv[4], "r");
    if (!zf)
        die(argv[4], NULL);
    while (fgets(line, sizeof line, zf)) {
        if (line[0] == '#')
            continue;
        line[strcspn(line, "\r\n")] = '\0';
        char *codes = strtok(line, "\t");
        strtok(NULL, "\t");
        char *zone = strtok(NULL, "\t");
        if (!codes || !zone)
            continue;
        char *city = strrchr(zone, '/');
        city = city ? city + 1 : zone;
        char cc[3] = {codes[0], codes[1], '\0'};
        country *c = country_by_a2(cc);
        if (!c)
            continue;
        char buf[1024];
        size_t k;
        for (k = 0; city[k] && k < 255; k++)
            buf[k] = city[k] == '_' ? ' ' : city[k];
        snprintf(buf + k, sizeof buf - k, "\t%s", c->canon);
        set_add(&cities, buf);
    }
    fclose(zf);
#endif
    set_sort(&cities);
    for (size_t i = 0; i < cities.n; i++) {
        char *name = cities.v[i], *cn = strchr(name, '\t');
        *cn++ = '\0';
        int big = name[0] == '!';
        name += big;
        char low[1024];
        size_t k;
        for (k = 0; name[k] && k < sizeof low - 1; k++)
            low[k] = (char)tolower((unsigned char)name[k]);
        low[k] = '\0';
        if (set_has(&taken, name) || (set_has(&common, low) && !big) || set_has(&given, name) ||
            set_has(&fw, low) || strlen(name) < 3)
            continue;
        set_add(&taken, name);
        set_sort(&taken);
        char buf[2048];
        snprintf(buf, sizeof buf, "%s\tplace\t\t%s", name, cn);
        set_add(&dict, buf);
    }
    for (size_t i = 0; i < orgs.n; i++) {
        char org[4096];
        spoken_acronyms(orgs.v[i], &common, &given, &taken, org, sizeof org);
        set_add(&dict, org);
    }
    for (size_t i = 0; i < regions.n; i++)
        set_add(&dict, regions.v[i]);

    FILE *o = fopen(argv[5], "w");
    if (!o)
        die(argv[5], NULL);
    fprintf(o, "/* Generated by scripts/gen-lexicon.c at build time. Do not edit. */\n\n");
    emit_set(o, "ag__lex_default_dict", &dict);
    emit_set(o, "ag__lex_words_common", &common);
    emit_set(o, "ag__lex_words_proper", &proper);
    emit_set(o, "ag__lex_words_given", &given);
    emit_set(o, "ag__lex_words_function", &fw);
    /* given-gender.txt: NAME <TAB> f|m, one word list per gender */
    strset gender = {0}, female = {0}, male = {0};
    snprintf(path, sizeof path, "%s/given-gender.txt", dd);
    read_lines(path, &gender);
    for (size_t i = 0; i < gender.n; i++) {
        char *tab = strchr(gender.v[i], '\t');
        if (!tab || (strcmp(tab + 1, "f") != 0 && strcmp(tab + 1, "m") != 0))
            die(path, gender.v[i]);
        *tab = '\0';
        set_add(tab[1] == 'f' ? &female : &male, gender.v[i]);
    }
    emit_set(o, "ag__lex_words_female", &female);
    emit_set(o, "ag__lex_words_male", &male);
    static const char *const classes[] = {"titles", "orgcues", "connectors", "nonnames"};
    for (size_t i = 0; i < 4; i++) {
        strset s = {0};
        snprintf(path, sizeof path, "%s/%s.txt", dd, classes[i]);
        read_lines(path, &s);
        char var[64];
        snprintf(var, sizeof var, "ag__lex_words_%s", classes[i]);
        emit_set(o, var, &s);
    }
    if (fclose(o) != 0)
        die(argv[5], NULL);
    return 0;
}
