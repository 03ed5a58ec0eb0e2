/* fuzz-cache.c — a catalog cache file, as limber_catalog_cache_parse() reads it
 *
 * A checksum guards the cache, so most mutations of a whole file stop
 * there.  The first byte of the input chooses: 0 (even) makes the rest
 * the payload of a cache whose header and checksum the harness writes
 * right, so the record reader behind the checksum gets the mutations;
 * 1 (odd) gives the rest as the whole file.  A file that reads is also
 * loaded from an open file, as the app loads it (the texts are read
 * from it again when asked for), and with bit 2 set cut short after
 * loading.  The seeds
 * (tests/fuzz/seeds/cache/) are caches of small catalogs, in both forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memfd_create() */
#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

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

/* What the app does next: show each one (its figure is parsed now),
 * and search them all. */
static void
use_exercises (GPtrArray *exercises)
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

      g_list_store_append (store, ex);
      /* The search index first: it reads the texts without keeping them. */
      if (i % 2 == 0)
        continue;
      g_assert (limber_exercise_get_name (ex, "es") != NULL);
      limber_exercise_get_figure (ex);
    }
  index = limber_search_index_new (G_LIST_MODEL (store), words);
  limber_query_set_text (query, "hip stretch");
  limber_search_index_run (index, query, results);
  for (guint i = 0; i < exercises->len; i++)
    limber_exercise_get_figure (g_ptr_array_index (exercises, i));
  limber_search_words_free (words);
}

/* The same file loaded as the app loads it, from an open file that its
 * exercises read their texts from later; with the second bit of the
 * first byte, the file is cut short after loading (as if changed under
 * the app): those reads must find it out. */
static void
load_from_file (GBytes        *bytes,
                const uint8_t *data)
{
  g_autoptr(GPtrArray) exercises = NULL;
  gsize size;
  const guint8 *p = g_bytes_get_data (bytes, &size);
  int fd = memfd_create ("fuzz-cache", MFD_CLOEXEC);

  g_assert (fd >= 0);
  g_assert (write (fd, p, size) == (gssize) size);
  exercises = limber_catalog_cache_load_fd (fd, KEY, "fuzz.cache");
  if (exercises != NULL && (data[0] & 2))
    g_assert (ftruncate (fd, size / 2) == 0);
  close (fd);
  if (exercises != NULL)
    use_exercises (exercises);
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
  use_exercises (exercises);
  load_from_file (bytes, data);
  return 0;
}
