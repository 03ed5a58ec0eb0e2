/* fuzz-cache.c — a catalog cache file, as limber_catalog_cache_parse() reads it
 *
 * A checksum guards the cache, so most mutations of a whole file stop
 * there.  The first byte of the input chooses: 0 (even) makes the rest
 * the payload of a cache whose header and checksum the harness writes
 * right, so the record reader behind the checksum gets the mutations;
 * 1 (odd) gives the rest as the whole file.  The seeds
 * (tests/fuzz/seeds/cache/) are caches of small catalogs, in both forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "limber-catalog-cache.h"
#include "limber-search.h"

#define KEY "fuzz-key"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

/* The whole cache file around @payload, as the writer makes it. */
static GBytes *
wrap_payload (const uint8_t *payload,
              size_t         size)
{
  GByteArray *out = g_byte_array_sized_new (32 + strlen (KEY) + size);
  guint32 format = LIMBER_CATALOG_CACHE_FORMAT, key_len = strlen (KEY);
  guint64 payload_len = size, sum;

  g_byte_array_append (out, (const guint8 *) "LMBRCAT\n", 8);
  g_byte_array_append (out, (const guint8 *) &format, 4);
  g_byte_array_append (out, (const guint8 *) &key_len, 4);
  g_byte_array_append (out, (const guint8 *) &payload_len, 8);
  g_byte_array_append (out, (const guint8 *) &payload_len, 8);   /* the checksum, below */
  g_byte_array_append (out, (const guint8 *) KEY, key_len);
  g_byte_array_append (out, payload, size);
  sum = limber_catalog_cache_checksum (out->data + 32, out->len - 32);
  memcpy (out->data + 24, &sum, 8);
  return g_byte_array_free_to_bytes (out);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) exercises = NULL;

  if (size == 0)
    return 0;
  bytes = (data[0] & 1) ? g_bytes_new (data + 1, size - 1) : wrap_payload (data + 1, size - 1);
  exercises = limber_catalog_cache_parse (bytes, KEY, "fuzz.cache");
  if (exercises == NULL)
    return 0;

  /* What the app does next: show each one (its figure is parsed now),
   * and search them all. */
  {
    g_autoptr(GListStore) store = g_list_store_new (LIMBER_TYPE_EXERCISE);
    g_autoptr(LimberQuery) query = limber_query_new ();
    g_autoptr(LimberSearchIndex) index = NULL;
    g_autoptr(LimberSearchResults) results = limber_search_results_new ();
    LimberSearchWords *words = limber_search_words_new ();

    for (guint i = 0; i < exercises->len; i++)
      {
        LimberExercise *ex = g_ptr_array_index (exercises, i);
        g_autofree char *tissues = limber_exercise_describe_tissues (ex);
        g_autofree char *regions = limber_exercise_describe_words (ex, LIMBER_VOCABULARY_REGION);

        g_assert (limber_exercise_get_name (ex, "es") != NULL);
        limber_exercise_get_figure (ex);
        g_list_store_append (store, ex);
      }
    index = limber_search_index_new (G_LIST_MODEL (store), words);
    limber_query_set_text (query, "hip stretch");
    limber_search_index_run (index, query, results);
    limber_search_words_free (words);
  }
  return 0;
}
