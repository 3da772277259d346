/*
 * fuzz_lexicon.c - libFuzzer harness for the --dict and --stoplist loaders (lexicon.c)
 * and their effect on the recogniser (ner.c). Built twice by fuzz/CMakeLists.txt:
 * AG_FUZZ_STOPLIST 0 fuzzes the dictionary format, 1 the stoplist format.
 *
 * Input: FILE [NUL TEXT]. The bytes before the first NUL are the file; the bytes after
 * it, when present, are a document recognised with the resulting lexicon (otherwise a
 * fixed one), so a fuzzed dictionary also reaches the lookups the recogniser makes.
 * A small fixed dictionary is loaded first so that the fuzzed file can override actors
 * and move forms between them, as a user file over the embedded default does (the
 * default itself takes milliseconds to load, too slow to rebuild per input).
 */
#include <actorgraph/nlp/lexicon.h>
#include <actorgraph/nlp/ner.h>
#include <actorgraph/nlp/text.h>

#include "common.h"

#ifndef AG_FUZZ_STOPLIST
#error "compile with -DAG_FUZZ_STOPLIST=0 or 1"
#endif

/* Fixtures written for this harness: a few actors of every type, with aliases,
 * adjectives and countries. */
static const char base_dict[] = "# fixture\n"
                                "Nadia Okonkwo\tperson\tOkonkwo|N. Okonkwo\n"
                                "Republic of Veltria\tcountry\tVeltria|+Veltrian|RV\n"
                                "Port Amsel\tcapital\tAmsel\tRepublic of Veltria\n"
                                "Coastal Fisheries Board\torg\tCFB\tRepublic of Veltria\n"
                                "Lake Orrin\tplace\t\n";

static const char base_text[] =
    "PORT AMSEL - Nadia Okonkwo met Veltrian officials in Port Amsel on Tuesday.\n\n"
    "The Coastal Fisheries Board (CFB) said Okonkwo would visit Lake Orrin. "
    "Amsel told Veltria's neighbours that talks with Gen. Tomas Reyl-Ardent would resume.";

/* Recognise text with lex and check the ordering and bounds ner.h promises. */
static void recognise(const ag_lexicon *lex, const char *text, size_t len)
{
    ag_sentence *sents = NULL;
    size_t nsents = 0;
    ag_mentions m;
    ag_error err;

    ag_error_clear(&err);
    if (ag_text_sentences(text, len, &sents, &nsents, &err) < 0)
        return;
    ag_mentions_init(&m);
    ag_error_clear(&err);
    if (ag_ner_document(lex, NULL, text, len, sents, nsents, &m, &err) == 0)
        ag_fuzz_check_mentions(&m, sents, nsents, len);
    else
        ag_fuzz_check_error(&err);
    ag_mentions_destroy(&m);
    free(sents);
}

static int run_one(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    const char *nul = memchr(buf, '\0', size);
    size_t flen = nul ? (size_t)(nul - buf) : size;
    ag_lexicon *lex;
    ag_error err;
    int rc;

    ag_error_clear(&err);
    if (!(lex = ag_lexicon_new(0, &err)))
        return 0;
    if (ag_lexicon_load_dict_buffer(lex, "<base>", base_dict, sizeof base_dict - 1, &err) < 0)
        abort(); /* the fixture itself must load */
#if AG_FUZZ_STOPLIST
    rc = ag_lexicon_load_stoplist_buffer(lex, "<fuzz>", buf, flen, &err);
#else
    rc = ag_lexicon_load_dict_buffer(lex, "<fuzz>", buf, flen, &err);
#endif
    if (rc < 0) {
        ag_fuzz_check_error(&err);
    } else {
        ag_lex_actor a;
        /* Every line's first field, looked up both ways, must not upset the tables. */
        for (const char *p = buf, *end = buf + flen; p < end;) {
            const char *eol = memchr(p, '\n', (size_t)(end - p));
            const char *tab = memchr(p, '\t', (size_t)((eol ? eol : end) - p));
            size_t n = (size_t)((tab ? tab : eol ? eol : end) - p);
            if (ag_lexicon_lookup(lex, p, n, 0, &a))
                AG_FUZZ_ASSERT(a.name != NULL, "lookup hit without a name");
            (void)ag_lexicon_lookup(lex, p, n, 1, &a);
            (void)ag_lexicon_stopped(lex, p, n);
            (void)ag_lexicon_word_class(lex, p, n);
            p = eol ? eol + 1 : end;
        }
        if (nul)
            recognise(lex, nul + 1, size - flen - 1);
        else
            recognise(lex, base_text, sizeof base_text - 1);
    }
    ag_lexicon_free(lex);
    return 0;
}

AG_FUZZ_ENTRY(run_one)
