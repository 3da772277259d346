/*
 * test_util.c - the one hash table, arena and byte buffer of libcore/util.
 *
 * The tables behind the graph, the lexicon, the recogniser and the extractor all come
 * from AG__HASHMAP; these tests pin what they rely on: lookups after growth, equal keys
 * met in the order they were added, emptying (one pass or a new generation), and the
 * arena and buffer keeping what they handed out; and the word-at-a-time byte helpers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/arena_internal.h"
#include "util/buf_internal.h"
#include "util/bytes_internal.h"
#include "util/hashmap_internal.h"
#include "util/sort_internal.h"

/* A map from a 64-bit key (non-zero) to a value, and a multimap that keeps equal keys. */
typedef struct kv {
    uint64_t key; /* 0: empty */
    int val;
} kv;

#define KV_EMPTY(t, s) ((s)->key == 0)
#define KV_MATCH(ctx, s, k, h) ((s)->key == (k))
#define KV_REHASH(ctx, s) ag__hash_u64((s)->key)
AG__HASHMAP(kvmap, kv, uint64_t, const void *, KV_EMPTY, KV_MATCH, KV_REHASH)

/* Generation-stamped slots, as the recogniser's tables. */
typedef struct gslot {
    uint32_t gen;
    uint64_t key;
} gslot;

#define G_EMPTY(t, s) ((s)->gen != (t)->gen)
#define G_MATCH(ctx, s, k, h) ((s)->key == (k))
#define G_REHASH(ctx, s) ag__hash_u64((s)->key)
AG__HASHMAP(gmap, gslot, uint64_t, const void *, G_EMPTY, G_MATCH, G_REHASH)

static void put(kvmap *m, uint64_t key, int val)
{
    assert_int_equal(kvmap_reserve(m, NULL, m->n + 1, 16), 0);
    *kvmap_probe(m, NULL, key, ag__hash_u64(key)) = (kv){key, val};
    m->n++;
}

static void test_map_grows_and_finds(void **state)
{
    (void)state;
    kvmap m;
    kvmap_init(&m);
    assert_null(kvmap_find(&m, NULL, 7, ag__hash_u64(7))); /* no slots yet */
    for (uint64_t k = 1; k <= 5000; k++)
        put(&m, k * 1000003u, (int)k);
    assert_int_equal(m.n, 5000);
    assert_true(m.cap >= 2 * m.n); /* at most half full */
    for (uint64_t k = 1; k <= 5000; k++) {
        const kv *s = kvmap_find(&m, NULL, k * 1000003u, ag__hash_u64(k * 1000003u));
        assert_non_null(s);
        assert_int_equal(s->val, (int)k);
    }
    assert_null(kvmap_find(&m, NULL, 3, ag__hash_u64(3)));
    kvmap_clear(&m);
    assert_int_equal(m.n, 0);
    assert_null(kvmap_find(&m, NULL, 1000003u, ag__hash_u64(1000003u)));
    kvmap_dispose(&m);
    assert_null(m.v);
}

/* Equal keys added with empty_slot lie along one probe sequence in the order added, so a
 * find meets the first (the graph's parallel edges rely on it). */
static void test_equal_keys_in_order(void **state)
{
    (void)state;
    kvmap m;
    kvmap_init(&m);
    assert_int_equal(kvmap_reserve(&m, NULL, 8, 16), 0);
    for (int i = 0; i < 4; i++) {
        *kvmap_empty_slot(&m, ag__hash_u64(42)) = (kv){42, i};
        m.n++;
    }
    const kv *s = kvmap_find(&m, NULL, 42, ag__hash_u64(42));
    assert_non_null(s);
    assert_int_equal(s->val, 0);
    kvmap_dispose(&m);
}

static void test_generations_empty_at_once(void **state)
{
    (void)state;
    gmap m;
    gmap_init(&m);
    assert_int_equal(gmap_reserve(&m, NULL, 100, 16), 0);
    for (uint64_t k = 1; k <= 100; k++) {
        gslot *s = gmap_probe(&m, NULL, k, ag__hash_u64(k));
        *s = (gslot){m.gen, k};
        m.n++;
    }
    assert_non_null(gmap_find(&m, NULL, 50, ag__hash_u64(50)));
    gmap_next_gen(&m);
    assert_int_equal(m.n, 0);
    assert_null(gmap_find(&m, NULL, 50, ag__hash_u64(50)));
    /* Growing keeps the entries of the current generation only. */
    *gmap_probe(&m, NULL, 9, ag__hash_u64(9)) = (gslot){m.gen, 9};
    m.n++;
    assert_int_equal(gmap_resize(&m, NULL, 1000, 16), 0);
    assert_non_null(gmap_find(&m, NULL, 9, ag__hash_u64(9)));
    assert_null(gmap_find(&m, NULL, 10, ag__hash_u64(10)));
    gmap_dispose(&m);
}

static void test_arena_keeps_strings(void **state)
{
    (void)state;
    ag__arena a = {0};
    char *first = ag__arena_strdup(&a, "Kyriakos", 8);
    assert_string_equal(first, "Kyriakos");
    /* A string larger than a block gets a block of its own. */
    size_t big = 200000;
    char *src = malloc(big);
    assert_non_null(src);
    memset(src, 'x', big);
    char *copy = ag__arena_strdup(&a, src, big);
    assert_non_null(copy);
    assert_int_equal(strlen(copy), big);
    assert_string_equal(first, "Kyriakos"); /* earlier strings stay put */
    ag__arena_reset(&a);
    char *again = ag__arena_strdup(&a, "Abela", 5);
    assert_string_equal(again, "Abela");
    free(src);
    ag__arena_free(&a);
    assert_null(a.first);
}

static void test_buf_reads_files(void **state)
{
    (void)state;
    ag__buf b = {0};
    assert_int_equal(ag__buf_add(&b, "ab", 2), 0);
    assert_string_equal(b.p, "ab");
    ag__buf_reset(&b);
    assert_int_equal(b.len, 0);

    char path[] = "/tmp/ag-test-util-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char text[] = "one line\nand another\n";
    assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fd);

    ag_error err = {0};
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(ag__buf_read(&b, f, path, 1 << 20, 1, &err), 0);
    fclose(f);
    assert_int_equal(b.len, sizeof text - 1);
    assert_string_equal(b.p, text);

    /* Past the limit: an error naming the file, nothing half-read reported as done. */
    ag__buf_reset(&b);
    f = fopen(path, "rb");
    assert_int_equal(ag__buf_read(&b, f, path, 4, 1, &err), -1);
    assert_int_equal(err.code, AG_ELIMIT);
    fclose(f);
    unlink(path);
    ag__buf_free(&b);
}

static void test_find_bytes(void **state)
{
    (void)state;
    const char text[] = "Oracle revamps apps (NewsFactor). (News) ( NewsFactor)";
    size_t n = sizeof text - 1;
    const char *hit = ag__find_bytes(text, n, "(NewsFactor)", 12);
    assert_ptr_equal(hit, strstr(text, "(NewsFactor)"));
    assert_ptr_equal(ag__find_bytes(text, n, "(News)", 6), strstr(text, "(News)"));
    /* A first byte that recurs before the match, a needle at the very end, none at all. */
    assert_ptr_equal(ag__find_bytes(text, n, "( News", 6), strstr(text, "( News"));
    assert_ptr_equal(ag__find_bytes(text, n, "Factor)", 7), strstr(text, "Factor)"));
    assert_null(ag__find_bytes(text, n, "(Reuters)", 9));
    /* The haystack's length bounds the search, not its NUL. */
    assert_null(ag__find_bytes(text, 31, "(NewsFactor)", 12));
    assert_non_null(ag__find_bytes(text, 32, "(NewsFactor)", 12));
    assert_null(ag__find_bytes(text, 3, "Oracle", 6));
}

/* ag__json_run byte by byte: what its sixteen- and eight-byte loops must agree with. */
static size_t json_run_bytes(const char *s, size_t n, int ascii)
{
    size_t i = 0;
    while (i < n && (unsigned char)s[i] >= 0x20 && (!ascii || (unsigned char)s[i] < 0x80) &&
           s[i] != '"' && s[i] != '\\')
        i++;
    return i;
}

static void test_json_run(void **state)
{
    (void)state;
    /* Every byte that ends a run, or not, at every place of every length up to 40
     * (both sides of the 16- and 8-byte steps and the tail word), in a buffer whose
     * bytes after n would end it elsewhere. */
    static const unsigned char probes[] = {'"',  '\\', 0x00, 0x1F, 0x20, 0x7F, 0x80,
                                           0xC3, 0xFF, '!',  '#',  '[',  ']'};
    char buf[48];
    for (size_t n = 0; n <= 40; n++)
        for (size_t at = 0; at <= n; at++)
            for (size_t k = 0; k < sizeof probes; k++)
                for (int ascii = 0; ascii <= 1; ascii++) {
                    memset(buf, 'a', sizeof buf);
                    buf[n] = '"';
                    if (at < n)
                        buf[at] = (char)probes[k];
                    assert_int_equal(ag__json_run(buf, n, ascii), json_run_bytes(buf, n, ascii));
                }
}

/* The radix sort orders like a stable comparison sort, on both sides of the size where
 * it switches from insertion sort, with keys that differ in few bytes or in all. */
static int cmp_key_then_val(const void *a, const void *b)
{
    const ag__keyed64 *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->val < y->val ? -1 : x->val > y->val;
}

static void test_sort_keyed64(void **state)
{
    (void)state;
    static const size_t sizes[] = {0, 1, 2, 63, 64, 65, 1000, 5000};
    uint64_t seed = 88172645463325252ull;
    for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++)
        for (int spread = 0; spread < 3; spread++) {
            size_t n = sizes[si];
            ag__keyed64 *v = calloc(n + 1, sizeof *v), *tmp = calloc(n + 1, sizeof *tmp),
                        *want = calloc(n + 1, sizeof *want);
            assert_non_null(v);
            assert_non_null(tmp);
            assert_non_null(want);
            for (size_t i = 0; i < n; i++) {
                seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
                /* few distinct keys (many ties), keys in the low bytes, keys anywhere */
                uint64_t k = spread == 0 ? seed % 7 : spread == 1 ? seed & 0xFFFFF : seed;
                v[i] = (ag__keyed64){k, i}; /* val: the input order, for stability */
            }
            memcpy(want, v, n * sizeof *v);
            qsort(want, n, sizeof *want, cmp_key_then_val);
            ag__sort_keyed64(v, tmp, n);
            for (size_t i = 0; i < n; i++) {
                assert_int_equal(v[i].key, want[i].key);
                assert_int_equal(v[i].val, want[i].val);
            }
            free(v);
            free(tmp);
            free(want);
        }
    /* String prefixes order as strcmp does on their first eight bytes. */
    assert_true(ag__str_prefix64("abc") < ag__str_prefix64("abd"));
    assert_true(ag__str_prefix64("ab") < ag__str_prefix64("abc"));
    assert_true(ag__str_prefix64("") < ag__str_prefix64("a"));
    assert_true(ag__str_prefix64("\xff") > ag__str_prefix64("zzzzzzzz"));
    assert_true(ag__str_prefix64("abcdefghX") == ag__str_prefix64("abcdefghY"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_grows_and_finds),
        cmocka_unit_test(test_equal_keys_in_order),
        cmocka_unit_test(test_generations_empty_at_once),
        cmocka_unit_test(test_arena_keeps_strings),
        cmocka_unit_test(test_buf_reads_files),
        cmocka_unit_test(test_find_bytes),
        cmocka_unit_test(test_json_run),
        cmocka_unit_test(test_sort_keyed64),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
