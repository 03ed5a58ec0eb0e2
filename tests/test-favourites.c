/* test-favourites.c — starred stretches, kept in the user's data folder,
 * and the counts the catalog pane's filters show
 *
 * The favourites file is an input like any other: every kind of broken
 * or hostile file is read as far as it can be, its problems said with
 * FILE:LINE, nothing crashes, and nothing it held is lost (it is moved
 * aside before the first write).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "limber-catalog.h"
#include "limber-facets.h"
#include "limber-favourites.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-test-utils.h"

static char *data_home;

static GFile *
fresh_file (void)
{
  g_autoptr(GFile) folder = g_file_new_build_filename (data_home, "limber", NULL);

  limber_test_delete_tree (folder);
  return limber_favourites_default_file ();
}

static char *
read_all (GFile *file,
          gsize *length)
{
  char *data = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &data, length, NULL, NULL));
  return data;
}

static GFile *
broken_copy (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *aside = g_strconcat (path, ".broken", NULL);

  return g_file_new_for_path (aside);
}

static void
count_changed (guint *count)
{
  (*count)++;
}

/* Starred, written, read again by a new object: the same, in order. */
static void
test_round_trip (void)
{
  g_autoptr(GFile) file = fresh_file ();
  g_autoptr(LimberFavourites) first = limber_favourites_new (NULL);
  g_autoptr(LimberFavourites) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint changed = 0;

  g_assert_cmpuint (limber_favourites_get_problems (first)->len, ==, 0);
  g_assert_cmpuint (limber_favourites_get_n (first), ==, 0);
  g_signal_connect_swapped (first, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_true (limber_favourites_set (first, "iliopsoas-half-kneeling", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (limber_favourites_set (first, "piriformis-supine-figure-4", TRUE, &error));
  g_assert_true (limber_favourites_set (first, "a-stretch-not-loaded-today", TRUE, &error));
  g_assert_true (limber_favourites_set (first, "piriformis-supine-figure-4", FALSE, &error));
  g_assert_no_error (error);
  /* Starring a starred one again changes nothing. */
  g_assert_true (limber_favourites_set (first, "iliopsoas-half-kneeling", TRUE, &error));
  g_assert_cmpuint (changed, ==, 4);

  text = read_all (file, NULL);
  g_assert_nonnull (strstr (text, "iliopsoas-half-kneeling\n"));
  g_assert_null (strstr (text, "piriformis"));

  again = limber_favourites_new (NULL);
  g_assert_cmpuint (limber_favourites_get_problems (again)->len, ==, 0);
  g_assert_cmpuint (limber_favourites_get_n (again), ==, 2);
  g_assert_true (limber_favourites_contains (again, "iliopsoas-half-kneeling"));
  /* A stretch of a folder that is offline today keeps its star. */
  g_assert_true (limber_favourites_contains (again, "a-stretch-not-loaded-today"));
  g_assert_false (limber_favourites_contains (again, "piriformis-supine-figure-4"));
}

/* Writes @length bytes as the favourites file. */
static GFile *
write_favourites (const char *data,
                  gsize       length)
{
  g_autoptr(GFile) file = fresh_file ();
  g_autoptr(GFile) folder = g_file_get_parent (file);

  g_assert_true (g_file_make_directory_with_parents (folder, NULL, NULL));
  g_assert_true (g_file_replace_contents (file, data, length, NULL, FALSE, 0, NULL, NULL, NULL));
  return g_steal_pointer (&file);
}

static gboolean
has_problem_at (GPtrArray  *problems,
                guint       line,
                const char *part)
{
  for (guint i = 0; i < problems->len; i++)
    {
      LimberProblem *p = g_ptr_array_index (problems, i);

      if (p->line == line && strstr (p->message, part) != NULL && g_utf8_validate (p->message, -1, NULL))
        return TRUE;
    }
  return FALSE;
}

/* Lines that are not ids (binary bytes, a NUL, bad UTF-8, a path, a
 * line of 100,000 letters) are skipped and named by line; the good ones
 * load; the first write moves the file aside byte for byte. */
static void
test_hostile_lines (void)
{
  static const char data[] =
    "\xef\xbb\xbf# a comment\r\n"            /* 1: BOM, comment, CRLF */
    "iliopsoas-half-kneeling\r\n"            /* 2 */
    "\n"                                      /* 3 */
    "../../etc/passwd\n"                      /* 4 */
    "bad\0id\n"                               /* 5: a NUL inside */
    "\xff\xfe\xc3(\n"                         /* 6: not UTF-8 */
    "  piriformis-supine-figure-4   \n"       /* 7: spaces around */
    "UPPER-case\n"                            /* 8 */
    "iliopsoas-half-kneeling";                /* 9: twice, no newline */
  g_autoptr(GString) long_line = g_string_new (NULL);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autoptr(LimberFavourites) favourites = NULL;
  g_autoptr(LimberFavourites) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  gsize kept_length = 0;
  GPtrArray *problems;

  g_byte_array_append (bytes, (const guint8 *) data, sizeof data - 1);
  g_string_append_c (long_line, '\n');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (long_line, i % 7 ? 'a' : '_');
  g_byte_array_append (bytes, (const guint8 *) long_line->str, long_line->len);  /* line 10 */
  file = write_favourites ((const char *) bytes->data, bytes->len);
  aside = broken_copy (file);

  favourites = limber_favourites_new (NULL);
  problems = limber_favourites_get_problems (favourites);
  g_assert_cmpuint (limber_favourites_get_n (favourites), ==, 2);
  g_assert_true (limber_favourites_contains (favourites, "iliopsoas-half-kneeling"));
  g_assert_true (limber_favourites_contains (favourites, "piriformis-supine-figure-4"));
  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_true (has_problem_at (problems, 4, "../../etc/passwd"));
  g_assert_true (has_problem_at (problems, 5, "not a stretch id"));
  g_assert_true (has_problem_at (problems, 6, "not a stretch id"));
  g_assert_true (has_problem_at (problems, 8, "UPPER-case"));
  g_assert_true (has_problem_at (problems, 10, "…"));
  /* Each says where: FILE:LINE. */
  {
    g_autofree char *first = limber_problem_to_string (g_ptr_array_index (problems, 0));
    g_assert_nonnull (strstr (first, "favourites.txt:4:"));
  }

  /* Reading changed nothing on disk. */
  g_assert_false (g_file_query_exists (aside, NULL));
  g_assert_true (limber_favourites_set (favourites, "rectus-femoris-side-lying", TRUE, &error));
  g_assert_no_error (error);
  kept = read_all (aside, &kept_length);
  g_assert_cmpmem (kept, kept_length, bytes->data, bytes->len);

  again = limber_favourites_new (NULL);
  g_assert_cmpuint (limber_favourites_get_problems (again)->len, ==, 0);
  g_assert_cmpuint (limber_favourites_get_n (again), ==, 3);
}

/* A file bigger than any list of favourites is not read, and is kept. */
static void
test_too_big (void)
{
  gsize size = 3 * 1024 * 1024;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autoptr(LimberFavourites) favourites = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;

  for (gsize i = 0; i < size; i++)
    data[i] = i % 32 == 31 ? '\n' : 'a';
  file = write_favourites (data, size);
  aside = broken_copy (file);
  favourites = limber_favourites_new (NULL);
  g_assert_cmpuint (limber_favourites_get_n (favourites), ==, 0);
  g_assert_cmpuint (limber_favourites_get_problems (favourites)->len, ==, 1);
  g_assert_true (limber_favourites_set (favourites, "iliopsoas-half-kneeling", TRUE, &error));
  g_assert_no_error (error);
  info = g_file_query_info (aside, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  g_assert_nonnull (info);
  g_assert_cmpint (g_file_info_get_size (info), ==, size);
}

/* Something that is not a file in its place: reported, and never
 * written over; the stars still work for this session. */
static void
test_not_a_file (void)
{
  g_autoptr(GFile) file = fresh_file ();
  g_autoptr(LimberFavourites) favourites = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_make_directory_with_parents (file, NULL, NULL));
  favourites = limber_favourites_new (NULL);
  g_assert_cmpuint (limber_favourites_get_problems (favourites)->len, ==, 1);
  g_assert_false (limber_favourites_set (favourites, "iliopsoas-half-kneeling", TRUE, &error));
  g_assert_nonnull (error);
  g_assert_true (limber_favourites_contains (favourites, "iliopsoas-half-kneeling"));
  g_assert_true (g_file_query_file_type (file, 0, NULL) == G_FILE_TYPE_DIRECTORY);
}

/* An empty file and one of only comments are fine. */
static void
test_empty (void)
{
  g_autoptr(GFile) file = write_favourites ("", 0);
  g_autoptr(LimberFavourites) favourites = limber_favourites_new (NULL);

  g_assert_cmpuint (limber_favourites_get_problems (favourites)->len, ==, 0);
  g_assert_cmpuint (limber_favourites_get_n (favourites), ==, 0);
}

/* The filters' counts: each region's is how many stretches have it;
 * "no equipment" is those with none. */
static void
test_facet_counts (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GFile) bundled = limber_paths_bundled_catalog ();
  GListModel *model = G_LIST_MODEL (catalog);
  g_autofree guint *regions = NULL;
  g_autofree guint *equipment = NULL;
  g_autofree guint *tissues = NULL;
  g_auto(GStrv) tissue_words = NULL;
  guint n_equipment = limber_vocabulary_count (LIMBER_VOCABULARY_EQUIPMENT);
  guint none = 0, hip = 0, psoas = 0;
  int hip_index = limber_vocabulary_lookup (LIMBER_VOCABULARY_REGION, "hip");

  g_assert_cmpuint (limber_catalog_add_folder (catalog, bundled), >, 0);
  regions = limber_facets_count_words (model, LIMBER_VOCABULARY_REGION);
  equipment = limber_facets_count_words (model, LIMBER_VOCABULARY_EQUIPMENT);
  tissue_words = limber_catalog_dup_tissues (catalog);
  tissues = limber_facets_count_tissues (model, (const char * const *) tissue_words);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (model, i);

      none += limber_exercise_get_words (e, LIMBER_VOCABULARY_EQUIPMENT) == 0;
      hip += (limber_exercise_get_words (e, LIMBER_VOCABULARY_REGION) >> hip_index) & 1;
      psoas += g_strv_contains (limber_exercise_get_tissues (e), "iliopsoas");
    }
  g_assert_cmpuint (hip, >, 0);
  g_assert_cmpuint (regions[hip_index], ==, hip);
  g_assert_cmpuint (equipment[n_equipment], ==, none);
  for (guint i = 0; tissue_words[i] != NULL; i++)
    {
      g_assert_cmpuint (tissues[i], >, 0);
      if (g_str_equal (tissue_words[i], "iliopsoas"))
        g_assert_cmpuint (tissues[i], ==, psoas);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  data_home = g_dir_make_tmp ("limber-test-favourites-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/favourites/round-trip", test_round_trip);
  g_test_add_func ("/favourites/hostile-lines", test_hostile_lines);
  g_test_add_func ("/favourites/too-big", test_too_big);
  g_test_add_func ("/favourites/not-a-file", test_not_a_file);
  g_test_add_func ("/favourites/empty", test_empty);
  g_test_add_func ("/facets/counts", test_facet_counts);
  ret = g_test_run ();
  {
    g_autoptr(GFile) home = g_file_new_for_path (data_home);
    limber_test_delete_tree (home);
  }
  g_free (data_home);
  return ret;
}
