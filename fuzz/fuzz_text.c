/*
 * fuzz_text.c - libFuzzer harness for one document through the per-document stages of
 * extraction: UTF-8 decoding and the sentence splitter (text.c), the recogniser and
 * in-document resolver with the embedded default lexicon (ner.c), and the name keys used
 * to merge across documents (ag_ner_variant_key, ag_extract_name_key).
 *
 * Besides the sanitizers, it checks what text.h and ner.h promise: decoding always
 * advances by 1..4 bytes, sentences are in order, inside the text and do not overlap,
 * mentions are sorted, non-empty, inside the text and inside their sentence, and keys
 * are NUL-terminated and report their full length like snprintf.
 */
#include <actorgraph/extract/extract.h>
#include <actorgraph/nlp/lexicon.h>
#include <actorgraph/nlp/ner.h>
#include <actorgraph/nlp/text.h>

#include "common.h"

static ag_lexicon *lex; /* the embedded default, built once */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    ag_error err;
    ag_error_clear(&err);
    if (!(lex = ag_lexicon_new(1, &err))) {
        fprintf(stderr, "fuzz_text: cannot build the default lexicon: %s\n", err.msg);
        abort();
    }
    return 0;
}

static void check_keys(const char *name, size_t len)
{
    char small[8], big[512];
    int n = ag_ner_variant_key(name, small, sizeof small);
    AG_FUZZ_ASSERT(n >= 0 && strlen(small) == ((size_t)n < sizeof small ? (size_t)n : 7),
                   "variant key length %d for a %zu-byte buffer", n, sizeof small);
    n = ag_ner_variant_key_short(name, big, sizeof big);
    AG_FUZZ_ASSERT(n >= 0 && (size_t)n >= strlen(big), "short key length %d", n);
    size_t k = ag_extract_name_key(name, len, small, sizeof small);
    AG_FUZZ_ASSERT(strlen(small) == (k < sizeof small ? k : 7), "name key length %zu", k);
}

static int run_one(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    ag_sentence *sents = NULL;
    size_t nsents = 0, pos = 0;
    ag_mentions m;
    ag_error err;
    char *copy;

    while (pos < size) {
        int32_t cp;
        size_t n = ag_text_decode(text, size, pos, &cp);
        AG_FUZZ_ASSERT(n >= 1 && n <= 4 && pos + n <= size, "decode length %zu at %zu", n, pos);
        AG_FUZZ_ASSERT(cp >= 0 && cp <= 0x10FFFF, "code point %ld", (long)cp);
        pos += n;
    }

    ag_error_clear(&err);
    if (ag_text_sentences(text, size, &sents, &nsents, &err) < 0) {
        ag_fuzz_check_error(&err);
        return 0;
    }
    for (size_t i = 0; i < nsents; i++) {
        AG_FUZZ_ASSERT(sents[i].start < sents[i].end && sents[i].end <= size,
                       "sentence %zu [%zu, %zu) out of bounds", i, sents[i].start, sents[i].end);
        AG_FUZZ_ASSERT(i == 0 || (sents[i - 1].end <= sents[i].start &&
                                  sents[i - 1].paragraph <= sents[i].paragraph),
                       "sentence %zu overlaps or goes back", i);
    }

    ag_mentions_init(&m);
    ag_error_clear(&err);
    if (ag_ner_document(lex, NULL, text, size, sents, nsents, &m, &err) == 0) {
        ag_fuzz_check_mentions(&m, sents, nsents, size);
        for (size_t i = 0; i < m.n; i++)
            check_keys(m.v[i].name, strlen(m.v[i].name));
    } else {
        ag_fuzz_check_error(&err);
    }
    ag_mentions_destroy(&m);
    free(sents);

    /* The keys on arbitrary bytes too (they take NUL-terminated names). */
    if ((copy = malloc(size + 1))) {
        memcpy(copy, data, size);
        copy[size] = '\0';
        check_keys(copy, strlen(copy));
        free(copy);
    }
    return 0;
}

AG_FUZZ_ENTRY(run_one)
