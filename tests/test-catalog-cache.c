/* test-catalog-cache.c — the catalog cache: used when good, never trusted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "limber-catalog-cache.h"
#include "limber-catalog.h"
#include "limber-exercise-private.h"
#include "limber-paths.h"
#include "limber-test-utils.h"
#include "limber-xml.h"

typedef struct
{
  char  *dir;
  char  *folder;      /* the catalog folder */
  char  *source;      /* its one file */
  GFile *cache_dir;
  guint  n_exercises;
} Fixture;

/* An hour ago: a file that has settled, so it is cached. */
static void
set_old_mtime (const char *path,
               int         minutes_ago)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - 60 * minutes_ago;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GFile) bundled = limber_paths_bundled_catalog ();
  g_autoptr(GFile) hip = g_file_get_child (bundled, "hip.xml");
  g_autofree char *contents = NULL;
  gsize len;

  fx->dir = g_dir_make_tmp ("limber-cache-XXXXXX", NULL);
  fx->folder = g_build_filename (fx->dir, "catalog", NULL);
  fx->source = g_build_filename (fx->folder, "hip.xml", NULL);
  g_assert_cmpint (g_mkdir (fx->folder, 0755), ==, 0);
  g_assert_true (g_file_load_contents (hip, NULL, &contents, &len, NULL, NULL));
  g_assert_true (g_file_set_contents (fx->source, contents, len, NULL));
  set_old_mtime (fx->source, 60);
  fx->cache_dir = g_file_new_build_filename (fx->dir, "cache", "limber", NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("chmod -R u+rwx '%s' && rm -rf '%s'", fx->dir, fx->dir);

  g_assert_cmpint (system (cmd), ==, 0);
  g_free (fx->dir);
  g_free (fx->folder);
  g_free (fx->source);
  g_object_unref (fx->cache_dir);
}

/* Loads the folder as the app does, and writes the cache. */
static LimberCatalog *
load (Fixture *fx)
{
  LimberCatalog *catalog = limber_catalog_new ();
  g_autoptr(GFile) folder = g_file_new_for_path (fx->folder);

  limber_catalog_set_cache_dir (catalog, fx->cache_dir);
  g_assert_cmpuint (limber_catalog_add_folder (catalog, folder), ==, 1);
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 0);
  limber_catalog_write_cache (catalog);
  return catalog;
}

static char *
cache_path (Fixture *fx)
{
  g_autoptr(GFile) source = g_file_new_for_path (fx->source);
  g_autoptr(GFile) file = limber_catalog_cache_file (fx->cache_dir, source);

  return g_file_get_path (file);
}

static void
assert_same_text (const LimberText *a,
                  const LimberText *b)
{
  g_assert_true (limber_text_equal (a, b));
}

/* Every field the app shows, as read from the XML. */
static void
assert_same_catalogs (LimberCatalog *a,
                      LimberCatalog *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (b)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) x = g_list_model_get_item (G_LIST_MODEL (a), i);
      g_autoptr(LimberExercise) y = g_list_model_get_item (G_LIST_MODEL (b), i);

      g_assert_cmpstr (limber_exercise_get_id (x), ==, limber_exercise_get_id (y));
      g_assert_cmpstr (limber_exercise_get_source (x), ==, limber_exercise_get_source (y));
      g_assert_cmpint (limber_exercise_get_line (x), ==, limber_exercise_get_line (y));
      g_assert_cmpint (limber_exercise_get_written_for (x), ==, limber_exercise_get_written_for (y));
      for (guint t = 0; t < LIMBER_EXERCISE_N_TEXTS; t++)
        assert_same_text (limber_exercise_peek_text (x, t), limber_exercise_peek_text (y, t));
      g_assert_cmpuint (limber_exercise_get_n_steps (x), ==, limber_exercise_get_n_steps (y));
      for (guint s = 0; s < limber_exercise_get_n_steps (x); s++)
        assert_same_text (limber_exercise_peek_step (x, s), limber_exercise_peek_step (y, s));
      g_assert_cmpuint (limber_exercise_get_n_cautions (x), ==, limber_exercise_get_n_cautions (y));
      for (guint s = 0; s < limber_exercise_get_n_cautions (x); s++)
        assert_same_text (limber_exercise_peek_caution (x, s), limber_exercise_peek_caution (y, s));
      for (LimberVocabulary k = 0; k < LIMBER_VOCABULARY_N_KINDS; k++)
        g_assert_cmpuint (limber_exercise_get_words (x, k), ==, limber_exercise_get_words (y, k));
      g_assert_true (g_strv_equal ((const char * const *) limber_exercise_get_tissues (x),
                                   (const char * const *) limber_exercise_get_tissues (y)));
      g_assert_true (limber_dosage_equal (limber_exercise_get_dosage (x), limber_exercise_get_dosage (y)));
      g_assert_cmpstr (limber_exercise_get_figure_xml (x), ==, limber_exercise_get_figure_xml (y));
      g_assert_true ((limber_exercise_get_figure (x) == NULL) == (limber_exercise_get_figure (y) == NULL));
      if (limber_exercise_get_figure (x) != NULL)
        g_assert_true (limber_figure_equal (limber_exercise_get_figure (x), limber_exercise_get_figure (y)));
      /* Searchable the same way. */
      {
        g_autoptr(GString) fx_text = g_string_new (NULL);
        g_autoptr(GString) fy_text = g_string_new (NULL);

        _limber_exercise_fold_search_text (x, fx_text);
        _limber_exercise_fold_search_text (y, fy_text);
        g_assert_cmpstr (fx_text->str, ==, fy_text->str);
      }
    }
}

static void
test_roundtrip (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(LimberCatalog) first = NULL;
  g_autoptr(LimberCatalog) second = NULL;
  g_autofree char *path = cache_path (fx);
  guint hits = limber_catalog_cache_get_hits ();

  first = load (fx);
  g_assert_cmpuint (limber_catalog_cache_get_hits (), ==, hits);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  second = load (fx);
  g_assert_cmpuint (limber_catalog_cache_get_hits (), ==, hits + 1);
  assert_same_catalogs (first, second);
}

/* A catalog exercise keeps its texts but its names packed: loading,
 * searching and caching leave them packed, and unpacked they are what
 * the XML says, word for word (checked against the same file read only
 * to check it, which packs nothing). */
static void
test_packed (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(LimberCatalog) catalog = load (fx);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  xmlDoc *doc;
  guint i = 0;

  limber_catalog_get_search_index (catalog);
  for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (catalog)); k++)
    {
      g_autoptr(LimberExercise) x = g_list_model_get_item (G_LIST_MODEL (catalog), k);

      g_assert_true (_limber_exercise_is_packed (x));
      g_assert_nonnull (limber_exercise_get_name (x, "es"));
      g_assert_true (_limber_exercise_is_packed (x));
    }

  g_assert_true (g_file_get_contents (fx->source, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  doc = limber_xml_parse_plain (bytes, fx->source, problems);
  g_assert_nonnull (doc);
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      g_autoptr(LimberExercise) x = NULL;
      g_autoptr(LimberExercise) y = NULL;

      if (!limber_xml_is (node, "exercise"))
        continue;
      x = g_list_model_get_item (G_LIST_MODEL (catalog), i++);
      y = limber_exercise_new_from_xml (node, "en", fx->source, LIMBER_EXERCISE_CHECK_CATALOG, problems);
      g_assert_nonnull (y);
      g_assert_false (_limber_exercise_is_packed (y));
      g_assert_cmpstr (limber_exercise_get_id (x), ==, limber_exercise_get_id (y));
      for (LimberExerciseText t = 0; t < LIMBER_EXERCISE_N_TEXTS; t++)
        assert_same_text (limber_exercise_peek_text (x, t), limber_exercise_peek_text (y, t));
      g_assert_false (_limber_exercise_is_packed (x));
      g_assert_cmpuint (limber_exercise_get_n_steps (x), ==, limber_exercise_get_n_steps (y));
      for (guint s = 0; s < limber_exercise_get_n_steps (x); s++)
        assert_same_text (limber_exercise_peek_step (x, s), limber_exercise_peek_step (y, s));
      g_assert_cmpuint (limber_exercise_get_n_cautions (x), ==, limber_exercise_get_n_cautions (y));
      for (guint s = 0; s < limber_exercise_get_n_cautions (x); s++)
        assert_same_text (limber_exercise_peek_caution (x, s), limber_exercise_peek_caution (y, s));
      g_assert_cmpstr (limber_exercise_get_figure_xml (x), ==, limber_exercise_get_figure_xml (y));
      g_assert_nonnull (limber_exercise_get_figure (x));
      g_assert_true (limber_figure_equal (limber_exercise_get_figure (x), limber_exercise_get_figure (y)));
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (i, ==, g_list_model_get_n_items (G_LIST_MODEL (catalog)));
  xmlFreeDoc (doc);
}

/* Returns the key the source has now. */
static char *
key_now (Fixture *fx)
{
  g_autoptr(GFile) source = g_file_new_for_path (fx->source);
  gboolean settled;

  return limber_catalog_cache_key (source, &settled);
}

static void
test_invalidated_by_source (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(LimberCatalog) first = load (fx);
  g_autoptr(LimberCatalog) after_touch = NULL;
  g_autoptr(LimberCatalog) after_edit = NULL;
  g_autoptr(LimberCatalog) again = NULL;
  g_autoptr(LimberExercise) first_item = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *edited = NULL;
  guint hits = limber_catalog_cache_get_hits ();
  gsize len;

  /* A new modification time (even an older one) misses. */
  set_old_mtime (fx->source, 120);
  after_touch = load (fx);
  g_assert_cmpuint (limber_catalog_cache_get_hits (), ==, hits);
  assert_same_catalogs (first, after_touch);

  /* ...and the cache written then is used next time. */
  again = load (fx);
  g_assert_cmpuint (limber_catalog_cache_get_hits (), ==, hits + 1);

  /* An edit with the same size and time still changes the change time. */
  g_assert_true (g_file_get_contents (fx->source, &contents, &len, NULL));
  edited = g_strdup (contents);
  *strstr (edited, "<name>") = '<';
  memcpy (strstr (edited, "<name>") + 6, "Xip", 3);
  g_assert_true (g_file_set_contents (fx->source, edited, len, NULL));
  set_old_mtime (fx->source, 120);
  after_edit = load (fx);
  g_assert_cmpuint (limber_catalog_cache_get_hits (), ==, hits + 1);
  first_item = g_list_model_get_item (G_LIST_MODEL (after_edit), 0);
  g_assert_true (g_str_has_prefix (limber_exercise_get_name (first_item, "en"), "Xip"));
}

/* A key that differs only in Limber's version, the format, or the
 * schema and words, finds no cache. */
static void
test_invalidated_by_version_and_schema (Fixture       *fx,
                                        gconstpointer  data)
{
  g_autoptr(LimberCatalog) first = load (fx);
  g_autofree char *path = cache_path (fx);
  g_autofree char *key = key_now (fx);
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (mapped);
  const char *fields[] = { "limber " PACKAGE_VERSION " ", "cache " G_STRINGIFY (LIMBER_CATALOG_CACHE_FORMAT) " ", "rules " };

  g_autoptr(GPtrArray) good = limber_catalog_cache_parse (bytes, key, "hip.xml");
  g_assert_nonnull (good);
  g_assert_cmpuint (good->len, ==, g_list_model_get_n_items (G_LIST_MODEL (first)));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *other = g_strdup (key);
      char *at = strstr (other, fields[i]);

      g_assert_nonnull (at);
      /* One character of the field's value changed. */
      at[strlen (fields[i])] ^= 1;
      g_assert_null (limber_catalog_cache_parse (bytes, other, "hip.xml"));
    }
  g_assert_nonnull (strstr (key, "size "));
  g_assert_nonnull (strstr (key, " inode "));
}

/* Writes @data as the cache file, then loads: the catalog is right, the
 * damaged cache was not used, and a good one replaces it. */
static void
assert_rebuilt (Fixture      *fx,
                LimberCatalog *good,
                const guint8 *data,
                gsize         len)
{
  g_autofree char *path = cache_path (fx);
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(LimberCatalog) again = NULL;
  guint hits = limber_catalog_cache_get_hits ();

  g_assert_true (g_file_set_contents (path, (const char *) data, len, NULL));
  catalog = load (fx);
  g_assert_cmpuint (limber_catalog_cache_get_hits (), ==, hits);
  assert_same_catalogs (good, catalog);
  again = load (fx);
  g_assert_cmpuint (limber_catalog_cache_get_hits (), ==, hits + 1);
}

/* The checksum made right again, so the checks behind it are reached. */
static void
fix_checksum (guint8 *data,
              gsize   len)
{
  guint32 key_len;
  guint64 sum;

  if (len < 32)
    return;
  memcpy (&key_len, data + 12, 4);
  sum = limber_catalog_cache_checksum (data + 32, len - 32);
  memcpy (data + 24, &sum, 8);
}

static void
test_damaged (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(LimberCatalog) good = load (fx);
  g_autofree char *path = cache_path (fx);
  g_autofree char *contents = NULL;
  g_autofree char *key = key_now (fx);
  gsize len, payload;
  guint8 *copy;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  payload = 32 + strlen (key);

  /* Truncated anywhere: header, key, count, mid-record, last byte. */
  {
    gsize cuts[] = { 0, 4, 8, 31, 32, 32 + strlen (key) / 2, payload + 2, payload + 50, len / 2, len - 1 };

    for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        assert_rebuilt (fx, good, (const guint8 *) contents, cuts[i]);
        /* Cut, with the lengths and checksum made to agree. */
        if (cuts[i] >= payload + 4)
          {
            guint64 plen = cuts[i] - payload;

            copy = g_memdup2 (contents, cuts[i]);
            memcpy (copy + 16, &plen, 8);
            fix_checksum (copy, cuts[i]);
            assert_rebuilt (fx, good, copy, cuts[i]);
            g_free (copy);
          }
      }
  }

  /* Flipped bytes, plain (the checksum says so) and with the checksum
   * fixed (the reader's checks must catch it, or read it as another
   * valid catalog: either way, no crash, and the catalog loads right). */
  for (gsize at = 0; at < len; at += MAX (len / 41, 1))
    {
      copy = g_memdup2 (contents, len);
      copy[at] ^= 0x5a;
      assert_rebuilt (fx, good, copy, len);
      g_free (copy);
    }

  /* Wrong magic, wrong format version, a longer key, a huge count, a
   * string length past the end. */
  {
    struct { gsize at; guint32 value; } edits[] = {
      { 0, 0x4e4d424c }, { 8, LIMBER_CATALOG_CACHE_FORMAT + 1 }, { 8, 0 }, { 12, 0xffffffff }, { 12, 1 },
      { payload, 0xffffffff }, { payload, 0x10000000 }, { payload + 4, 0xfffffff0 },
      { 16, 0xffffffff }, { 20, 0xffffffff },
    };

    for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
      for (int fix = 0; fix < 2; fix++)
        {
          copy = g_memdup2 (contents, len);
          memcpy (copy + edits[i].at, &edits[i].value, 4);
          if (fix)
            fix_checksum (copy, len);
          assert_rebuilt (fx, good, copy, len);
          g_free (copy);
        }
  }

  /* Garbage of the right size. */
  copy = g_malloc (len);
  for (gsize i = 0; i < len; i++)
    copy[i] = (guint8) g_test_rand_int ();
  assert_rebuilt (fx, good, copy, len);
  g_free (copy);
}

/* Bytes of the cache changed in its first half, the rest cut off, as
 * another program could (Limber writes a new file and renames it over). */
static void
damage_cache (Fixture *fx)
{
  g_autofree char *path = cache_path (fx);
  g_autofree char *contents = NULL;
  g_autofree char *key = key_now (fx);
  gsize len, payload;
  int fd;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  payload = 32 + strlen (key);
  for (gsize i = payload; i < len / 2; i++)
    contents[i] ^= 0x5a;
  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, contents + payload, len / 2 - payload, payload), ==, (gssize) (len / 2 - payload));
  g_assert_cmpint (ftruncate (fd, len / 2), ==, 0);
  close (fd);
}

/* Two catalogs whose texts are in the cache file: read from the XML and
 * cached (its texts moved to the cache as it was written), and loaded
 * from the cache; the first exercise's texts read before the cache
 * changes, the others' not. */
static void
load_two (Fixture        *fx,
          LimberCatalog **cold,
          LimberCatalog **warm)
{
  *cold = load (fx);
  *warm = load (fx);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (*cold)), >=, 3);
  for (guint c = 0; c < 2; c++)
    {
      GListModel *catalog = G_LIST_MODEL (c == 0 ? *cold : *warm);
      g_autoptr(LimberExercise) first = g_list_model_get_item (catalog, 0);

      for (guint i = 0; i < g_list_model_get_n_items (catalog); i++)
        {
          g_autoptr(LimberExercise) x = g_list_model_get_item (catalog, i);

          g_assert_true (_limber_exercise_is_packed (x));
        }
      g_assert_cmpuint (limber_exercise_get_n_cautions (first), >, 0);
      g_assert_false (_limber_exercise_is_packed (first));
    }
}

/* The first exercise's texts, read before the cache changed: still
 * there, and right. */
static void
assert_first_kept (LimberCatalog *catalog,
                   LimberCatalog *good)
{
  g_autoptr(LimberExercise) first = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  g_autoptr(LimberExercise) first_good = g_list_model_get_item (G_LIST_MODEL (good), 0);

  g_assert_cmpuint (limber_exercise_get_n_cautions (first), ==, limber_exercise_get_n_cautions (first_good));
  for (guint s = 0; s < limber_exercise_get_n_cautions (first); s++)
    assert_same_text (limber_exercise_peek_caution (first, s), limber_exercise_peek_caution (first_good, s));
  g_assert_cmpstr (limber_exercise_get_figure_xml (first), ==, limber_exercise_get_figure_xml (first_good));
}

/* The cache changed in place or cut short under a catalog that reads
 * its texts from it.  Its texts are read from it when first asked for:
 * found changed, and read from the catalog's XML again, checked as
 * loading checks it (never trusted, never a crash); the texts read
 * before stay. */
static void
test_changed_after_loading (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(LimberCatalog) good = limber_catalog_new ();
  g_autoptr(GFile) folder = g_file_new_for_path (fx->folder);
  g_autoptr(LimberCatalog) cold = NULL;
  g_autoptr(LimberCatalog) warm = NULL;
  LimberCatalog *catalogs[2];
  guint n;

  load_two (fx, &cold, &warm);
  catalogs[0] = cold;
  catalogs[1] = warm;
  n = g_list_model_get_n_items (G_LIST_MODEL (cold));
  /* Without a cache: nothing read from it. */
  g_assert_cmpuint (limber_catalog_add_folder (good, folder), ==, 1);
  damage_cache (fx);

  for (guint c = 0; c < G_N_ELEMENTS (catalogs); c++)
    {
      g_autoptr(LimberExercise) second = g_list_model_get_item (G_LIST_MODEL (catalogs[c]), 1);

      /* Said once a catalog (one warning more would be fatal here). */
      g_test_expect_message ("limber-catalog-cache", G_LOG_LEVEL_WARNING,
                             "*hip.xml changed since it was read*read again from the catalog file*");
      /* The loaded one is searched first: the index reads every
       * exercise's texts without keeping them. */
      if (catalogs[c] == warm)
        g_assert_nonnull (limber_catalog_get_search_index (catalogs[c]));
      for (guint i = 1; i < n; i++)
        {
          g_autoptr(LimberExercise) x = g_list_model_get_item (G_LIST_MODEL (catalogs[c]), i);
          g_autoptr(LimberExercise) y = g_list_model_get_item (G_LIST_MODEL (good), i);

          g_assert_cmpstr (limber_exercise_get_id (x), ==, limber_exercise_get_id (y));
          g_assert_cmpstr (limber_exercise_get_name (x, "en"), ==, limber_exercise_get_name (y, "en"));
          for (guint t = 0; t < LIMBER_EXERCISE_N_TEXTS; t++)
            assert_same_text (limber_exercise_peek_text (x, t), limber_exercise_peek_text (y, t));
          g_assert_cmpuint (limber_exercise_get_n_steps (x), ==, limber_exercise_get_n_steps (y));
          for (guint s = 0; s < limber_exercise_get_n_steps (x); s++)
            assert_same_text (limber_exercise_peek_step (x, s), limber_exercise_peek_step (y, s));
          g_assert_cmpuint (limber_exercise_get_n_cautions (x), ==, limber_exercise_get_n_cautions (y));
          for (guint s = 0; s < limber_exercise_get_n_cautions (x); s++)
            assert_same_text (limber_exercise_peek_caution (x, s), limber_exercise_peek_caution (y, s));
          g_assert_false (_limber_exercise_is_packed (x));
          g_assert_cmpstr (limber_exercise_get_figure_xml (x), ==, limber_exercise_get_figure_xml (y));
          g_assert_true ((limber_exercise_get_figure (x) == NULL) == (limber_exercise_get_figure (y) == NULL));
        }
      g_test_assert_expected_messages ();
      /* The real texts, not only the same as another read. */
      g_assert_cmpstr (limber_exercise_get_id (second), ==, "iliopsoas-standing");
      g_assert_cmpstr (limber_exercise_get_text (second, LIMBER_EXERCISE_SHORTEN, "en"), ==,
                       "Hold a chair with your left hand. Step your right foot a short way back "
                       "and bend forward a little at your hips.");
      g_assert_cmpstr (limber_exercise_get_caution (second, 0, "en"), ==,
                       "Keep hold of the chair the whole time so you do not fall.");
      g_assert_nonnull (limber_exercise_get_figure_xml (second));
      g_assert_nonnull (limber_catalog_get_search_index (catalogs[c]));
      assert_first_kept (catalogs[c], good);
    }
}

/* The cache changed, and meanwhile its catalog file was edited: a
 * stretch renamed there is not the one loaded, so it takes none of the
 * file's texts (only the caution that says so); the others take theirs. */
static void
test_changed_and_source_renamed (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(LimberCatalog) cold = NULL;
  g_autoptr(LimberCatalog) warm = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GString) renamed = NULL;
  const char *name = "<name>Standing hip flexor release</name>";

  load_two (fx, &cold, &warm);
  damage_cache (fx);
  g_assert_true (g_file_get_contents (fx->source, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, name));
  renamed = g_string_new (xml);
  g_assert_cmpuint (g_string_replace (renamed, name, "<name>Standing hip flexor stretch</name>", 1), ==, 1);
  g_assert_true (g_file_set_contents (fx->source, renamed->str, renamed->len, NULL));

  g_test_expect_message ("limber-catalog-cache", G_LOG_LEVEL_WARNING, "*hip.xml changed since it was read*");
  {
    g_autoptr(LimberExercise) second = g_list_model_get_item (G_LIST_MODEL (warm), 1);
    g_autoptr(LimberExercise) third = g_list_model_get_item (G_LIST_MODEL (warm), 2);

    g_assert_cmpstr (limber_exercise_get_id (second), ==, "iliopsoas-standing");
    g_assert_cmpuint (limber_exercise_get_n_cautions (second), ==, 1);
    g_assert_nonnull (strstr (limber_exercise_get_caution (second, 0, "en"), "could not be read"));
    g_assert_null (limber_exercise_get_text (second, LIMBER_EXERCISE_SHORTEN, "en"));
    g_assert_nonnull (limber_exercise_get_text (third, LIMBER_EXERCISE_SHORTEN, "en"));
    g_assert_cmpuint (limber_exercise_get_n_cautions (third), >, 0);
    g_assert_null (strstr (limber_exercise_get_caution (third, 0, "en"), "could not be read"));
  }
  g_test_assert_expected_messages ();
}

/* The cache changed, and its catalog file is gone too: the texts not
 * read yet are nowhere.  No steps and no texts but a summary and one
 * caution that say so, which the details and the handout show. */
static void
test_changed_and_source_gone (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(LimberCatalog) good = limber_catalog_new ();
  g_autoptr(GFile) folder = g_file_new_for_path (fx->folder);
  g_autoptr(LimberCatalog) cold = NULL;
  g_autoptr(LimberCatalog) warm = NULL;
  LimberCatalog *catalogs[2];
  guint n;

  g_assert_cmpuint (limber_catalog_add_folder (good, folder), ==, 1);
  load_two (fx, &cold, &warm);
  catalogs[0] = cold;
  catalogs[1] = warm;
  n = g_list_model_get_n_items (G_LIST_MODEL (cold));
  damage_cache (fx);
  g_assert_cmpint (g_unlink (fx->source), ==, 0);

  for (guint c = 0; c < G_N_ELEMENTS (catalogs); c++)
    {
      g_test_expect_message ("limber-catalog-cache", G_LOG_LEVEL_WARNING, "*hip.xml changed since it was read*");
      g_test_expect_message ("limber-catalog-cache", G_LOG_LEVEL_WARNING, "*hip.xml no longer reads*");
      if (catalogs[c] == warm)
        g_assert_nonnull (limber_catalog_get_search_index (catalogs[c]));
      for (guint i = 1; i < n; i++)
        {
          g_autoptr(LimberExercise) x = g_list_model_get_item (G_LIST_MODEL (catalogs[c]), i);
          g_autoptr(LimberExercise) y = g_list_model_get_item (G_LIST_MODEL (good), i);
          const char *summary = limber_exercise_get_text (x, LIMBER_EXERCISE_SUMMARY, "fr");

          g_assert_cmpstr (limber_exercise_get_name (x, "en"), ==, limber_exercise_get_name (y, "en"));
          g_assert_cmpuint (limber_exercise_get_n_steps (x), ==, 0);
          g_assert_null (limber_exercise_get_text (x, LIMBER_EXERCISE_SHORTEN, "en"));
          g_assert_null (limber_exercise_get_text (x, LIMBER_EXERCISE_PRESSURE_SELF, "en"));
          g_assert_nonnull (strstr (summary, "could not be read"));
          g_assert_cmpuint (limber_exercise_get_n_cautions (x), ==, 1);
          g_assert_cmpstr (limber_exercise_get_caution (x, 0, "de"), ==, summary);
          g_assert_false (_limber_exercise_is_packed (x));
          g_assert_null (limber_exercise_get_figure_xml (x));
          g_assert_null (limber_exercise_get_figure (x));
        }
      g_test_assert_expected_messages ();
      g_assert_nonnull (limber_catalog_get_search_index (catalogs[c]));
      assert_first_kept (catalogs[c], good);
    }
}

static guint
count_open_files (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Each catalog loaded from its cache keeps the cache open, up to 64 at
 * a time: past that, its exercises hold their texts, and read the same. */
static void
test_open_caches_bounded (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(LimberCatalog) good = load (fx);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  guint before = count_open_files ();

  for (guint i = 0; i < 80; i++)
    g_ptr_array_add (loaded, load (fx));
  /* The first catalog holds one already. */
  g_assert_cmpuint (count_open_files (), ==, before + 63);
  assert_same_catalogs (good, g_ptr_array_index (loaded, 0));
  assert_same_catalogs (good, g_ptr_array_index (loaded, 79));
  g_ptr_array_set_size (loaded, 0);
  g_assert_cmpuint (count_open_files (), <=, before);
}

/* A folder where the cache file should be: not read, and the catalog
 * loads (the cache cannot be written there either). */
static void
test_folder_in_place (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(LimberCatalog) good = load (fx);
  g_autofree char *path = cache_path (fx);
  g_autoptr(LimberCatalog) catalog = NULL;
  guint hits;

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  hits = limber_catalog_cache_get_hits ();
  catalog = load (fx);
  g_assert_cmpuint (limber_catalog_cache_get_hits (), ==, hits);
  assert_same_catalogs (good, catalog);
}

/* A link where the cache file should be, even to a good cache, is not
 * followed; the next write puts a plain file in its place. */
static void
test_symlink_in_place (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(LimberCatalog) good = load (fx);
  g_autofree char *path = cache_path (fx);
  g_autofree char *elsewhere = g_build_filename (fx->dir, "elsewhere.cache", NULL);
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(LimberCatalog) again = NULL;
  guint hits;

  g_assert_cmpint (g_rename (path, elsewhere), ==, 0);
  g_assert_cmpint (symlink (elsewhere, path), ==, 0);
  hits = limber_catalog_cache_get_hits ();
  catalog = load (fx);
  g_assert_cmpuint (limber_catalog_cache_get_hits (), ==, hits);
  assert_same_catalogs (good, catalog);
  g_assert_false (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
  again = load (fx);
  g_assert_cmpuint (limber_catalog_cache_get_hits (), ==, hits + 1);
}

/* A cache folder that cannot be made (a file is in the way) or written:
 * the catalog loads all the same, every time. */
static void
test_unwritable (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fx->dir, "blocker", NULL);
  g_autoptr(LimberCatalog) reference = limber_catalog_new ();
  g_autoptr(GFile) folder = g_file_new_for_path (fx->folder);

  limber_catalog_add_folder (reference, folder);
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_clear_object (&fx->cache_dir);
  fx->cache_dir = g_file_new_build_filename (blocker, "limber", NULL);
  for (int run = 0; run < 2; run++)
    {
      g_autoptr(LimberCatalog) catalog = load (fx);
      assert_same_catalogs (reference, catalog);
    }
}

/* A source changed in the last seconds is not cached: a second change
 * within the clock's tick could leave the same times. */
static void
test_fresh_not_cached (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *path = cache_path (fx);
  g_autoptr(LimberCatalog) catalog = NULL;

  g_assert_cmpint (utime (fx->source, NULL), ==, 0);
  catalog = load (fx);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* One catalog file over the old 32 MB limit streams and validates. */
static void
test_big_single_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("limber-big-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n<limber-catalog version=\"1\" xml:lang=\"en\">\n");
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* Exercises, with comments between them to reach the size fast. */
  while (text->len < LIMBER_XML_MAX_CATALOG_BYTES + 1024 * 1024)
    {
      g_string_append_printf (text, "<exercise id=\"x%u\"><name>Stretch %u</name><region>hip</region>"
                              "<tissue>iliopsoas</tissue></exercise>\n<!-- ", n, n);
      for (int i = 0; i < 2000; i++)
        g_string_append (text, "padding ");
      g_string_append (text, "-->\n");
      n++;
    }
  g_string_append (text, "</limber-catalog>\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  g_assert_true (limber_catalog_add_file (catalog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, n);
  g_assert_true (limber_catalog_check_file (file, path, problems));
  g_assert_cmpuint (problems->len, ==, 0);

  /* Invalid at the very end: found, with its line. */
  g_string_truncate (text, text->len - strlen ("</limber-catalog>\n"));
  g_string_append (text, "<exercise id=\"bad\"><name>Bad</name><region>hips</region>"
                         "<tissue>iliopsoas</tissue></exercise>\n</limber-catalog>\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_assert_false (limber_catalog_check_file (file, path, problems));
  g_assert_cmpuint (problems->len, >, 0);
  g_assert_nonnull (strstr (((LimberProblem *) g_ptr_array_index (problems, 0))->message, "hips"));

  g_unlink (path);
  g_rmdir (dir);
}

/* Over the streaming limit: refused before a byte is read, saying the limit. */
static void
test_over_the_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("limber-big-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  /* Sparse: no disk used. */
  g_assert_cmpint (ftruncate (fileno (f), LIMBER_XML_MAX_STREAMED_BYTES + 1), ==, 0);
  fclose (f);
  g_assert_false (limber_catalog_check_file (file, path, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((LimberProblem *) g_ptr_array_index (problems, 0))->message, "256 MB"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  limber_xml_init ();

#define ADD(path, func) \
  g_test_add ("/catalog-cache/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("roundtrip", test_roundtrip);
  ADD ("packed", test_packed);
  ADD ("invalidated/source", test_invalidated_by_source);
  ADD ("invalidated/version-schema", test_invalidated_by_version_and_schema);
  ADD ("damaged/every-kind", test_damaged);
  ADD ("damaged/after-loading", test_changed_after_loading);
  ADD ("damaged/after-loading-source-gone", test_changed_and_source_gone);
  ADD ("damaged/after-loading-source-renamed", test_changed_and_source_renamed);
  ADD ("damaged/folder-in-place", test_folder_in_place);
  ADD ("damaged/symlink-in-place", test_symlink_in_place);
  ADD ("unwritable", test_unwritable);
  ADD ("open-caches-bounded", test_open_caches_bounded);
  ADD ("fresh-not-cached", test_fresh_not_cached);
#undef ADD
  g_test_add_func ("/catalog-cache/big-single-file", test_big_single_file);
  g_test_add_func ("/catalog-cache/over-the-limit", test_over_the_limit);
  return g_test_run ();
}
