/* test-search-words.c — vocabulary.txt, the words people search with:
 * the bundled file, and broken and hostile ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "limber-catalog.h"
#include "limber-problem.h"
#include "limber-search-words.h"
#include "limber-xml.h"

/* Parses @text as file "v.txt"; returns the problems as one string. */
static char *
parse (LimberSearchWords *words,
       const char        *text,
       gssize             length,
       gboolean          *ok)
{
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();

  *ok = limber_search_words_add_data (words, text, length < 0 ? strlen (text) : (gsize) length, "v.txt", problems);
  g_assert_true (*ok == (problems->len == 0));
  return limber_problem_list_to_string (problems);
}

static void
test_bundled (void)
{
  g_autoptr(LimberSearchWords) words = limber_search_words_new ();
  g_autofree char *path = g_build_filename (g_getenv ("LIMBER_DATA_DIR"), "catalog", LIMBER_CATALOG_VOCABULARY, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();

  g_assert_true (limber_search_words_add_file (words, file, problems));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (limber_search_words_get_n_rules (words), >=, 30);
  limber_search_words_collect (words, LIMBER_SEARCH_WORDS_TISSUE, "vastus-lateralis", terms);
  g_assert_true (g_ptr_array_find_with_equal_func (terms, "quads", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (terms, "cuadriceps", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (terms, "dolor de rodilla", g_str_equal, NULL));
  g_assert_true (limber_search_words_is_stop (words, "de"));
  g_assert_false (limber_search_words_is_stop (words, "rodilla"));
}

static void
test_valid (void)
{
  g_autoptr(LimberSearchWords) words = limber_search_words_new ();
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  gboolean ok;
  g_autofree char *out = parse (words,
                                "# comment\r\n\n"
                                "  tissue gluteus-*:  Glúteos ,BUTT,  gran  glúteo  \r\n"
                                "region knee: Knee Pain\n"
                                "stop: DE, the", -1, &ok);

  g_assert_true (ok);
  g_assert_cmpstr (out, ==, "");
  limber_search_words_collect (words, LIMBER_SEARCH_WORDS_TISSUE, "gluteus-medius", terms);
  g_assert_cmpuint (terms->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (terms, 0), ==, "gluteos");
  g_assert_cmpstr (g_ptr_array_index (terms, 1), ==, "butt");
  g_assert_cmpstr (g_ptr_array_index (terms, 2), ==, "gran gluteo");
  g_ptr_array_set_size (terms, 0);
  limber_search_words_collect (words, LIMBER_SEARCH_WORDS_TISSUE, "piriformis", terms);
  limber_search_words_collect (words, LIMBER_SEARCH_WORDS_REGION, "hip", terms);
  g_assert_cmpuint (terms->len, ==, 0);
  limber_search_words_collect (words, LIMBER_SEARCH_WORDS_REGION, "knee", terms);
  g_assert_cmpstr (g_ptr_array_index (terms, 0), ==, "knee pain");
  g_assert_true (limber_search_words_is_stop (words, "de"));
  g_assert_true (limber_search_words_is_stop (words, "the"));
}

/* Each: a file, the line of its first problem, words its message has. */
static const struct
{
  const char *text;
  guint       line;
  const char *says;
} broken[] = {
  { "tissue iliopsoas psoas\n", 1, "no colon" },
  { "# ok\n\nmuscle iliopsoas: psoas\n", 3, "not a kind of line" },
  { "region kneecap: rotula\n", 1, "not a region; regions are: hip" },
  { "region: rodilla\n", 1, "names its target" },
  { "tissue Ilio Psoas: psoas\n", 1, "not a tissue" },
  { "tissue *: everything\n", 1, "not a tissue" },
  { "tissue ilio*psoas: psoas\n", 1, "not a tissue" },
  { "tissue iliopsoas: psoas,, hip flexor\n", 1, "an empty term" },
  { "tissue iliopsoas:\n", 1, "no terms after the colon" },
  { "tissue iliopsoas: !!! ???\n", 1, "no letters or digits" },
  { "tissue iliopsoas: one two three four five\n", 1, "5 words" },
  { "stop iliopsoas: de\n", 1, "no target" },
  { "stop: de la\n", 1, "a stop word is one word" },
  { "tissue iliopsoas: psoas\ntissue iliopsoas: \xff\xfe\n", 2, "not UTF-8" },
  { "tissue iliopsoas: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n", 1, "longer than 64" },
};

static void
test_broken (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(LimberSearchWords) words = limber_search_words_new ();
      g_autofree char *place = g_strdup_printf ("v.txt:%u: ", broken[i].line);
      gboolean ok;
      g_autofree char *out = parse (words, broken[i].text, -1, &ok);

      g_assert_false (ok);
      if (!g_str_has_prefix (out, place) || strstr (out, broken[i].says) == NULL)
        g_test_fail_printf ("case %u: got ‘%s’, wanted %s…%s", i, out, place, broken[i].says);
      /* A broken file adds nothing, not even its good lines. */
      g_assert_cmpuint (limber_search_words_get_n_rules (words), ==, 0);
    }
}

static void
test_hostile (void)
{
  g_autoptr(LimberSearchWords) words = limber_search_words_new ();
  g_autoptr(GString) long_line = g_string_new ("tissue iliopsoas: ");
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  gboolean ok;
  g_autofree char *nul = parse (words, "tissue iliopsoas: ps\0oas\n", 25, &ok);
  g_autofree char *huge = NULL, *lines = NULL, *crowd = NULL;

  g_assert_false (ok);
  g_assert_true (g_str_has_prefix (nul, "v.txt:1: ") && strstr (nul, "NUL") != NULL);

  /* Over the size limit: refused before reading a line. */
  huge = parse (words, "", LIMBER_SEARCH_WORDS_MAX_BYTES + 1, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (huge, "bigger than"));

  while (long_line->len <= LIMBER_SEARCH_WORDS_MAX_LINE)
    g_string_append (long_line, "psoas, ");
  lines = parse (words, long_line->str, -1, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (lines, "v.txt:1: the line is longer than"));

  /* Thousands of bad lines: a few problems are told, and a count. */
  for (guint i = 0; i < 5000; i++)
    g_string_append (many, "nonsense\n");
  crowd = parse (words, many->str, -1, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (crowd, "v.txt:20: "));
  g_assert_null (strstr (crowd, "v.txt:21: "));
  g_assert_nonnull (strstr (crowd, "4980 more problems"));

  /* Random bytes and mutations of a good file: never a crash, and any
   * problem is placed in the file. */
  for (guint round = 0; round < 2000; round++)
    {
      char buffer[96] = "tissue gluteus-*: glutes, nalga\nregion knee: knee pain\nstop: de\n";
      gsize len = strlen (buffer);
      g_autoptr(LimberSearchWords) fresh = limber_search_words_new ();
      g_autofree char *out = NULL;

      for (guint k = 0; k < 1 + round % 6; k++)
        buffer[g_rand_int_range (rand, 0, len)] = (char) g_rand_int_range (rand, round < 1000 ? 32 : 0, 256);
      out = parse (fresh, buffer, len, &ok);
      g_assert_true (ok || g_str_has_prefix (out, "v.txt:"));
    }
  g_assert_cmpuint (limber_search_words_get_n_rules (words), ==, 0);
}

/* In a catalog folder: a broken vocabulary is a catalog problem at its
 * line, and the folder's stretches still load. */
static void
test_in_a_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("limber-words-XXXXXX", &error);
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "files", "catalog", "search", "clinic", "clinic.xml", NULL);
  g_autofree char *xml = g_build_filename (dir, "clinic.xml", NULL);
  g_autofree char *vocabulary = g_build_filename (dir, LIMBER_CATALOG_VOCABULARY, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autofree char *problems = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (src, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (xml, contents, length, NULL));
  g_assert_true (g_file_set_contents (vocabulary, "tissue latissimus-dorsi: lats\nregion armpit: axila\n", -1, NULL));
  folder = g_file_new_for_path (dir);
  g_assert_cmpuint (limber_catalog_add_folder (catalog, folder), ==, 1);
  problems = limber_problem_list_to_string (limber_catalog_get_problems (catalog));
  g_assert_nonnull (strstr (problems, LIMBER_CATALOG_VOCABULARY ":2: "));
  g_assert_nonnull (strstr (problems, "armpit"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 1);
  g_assert_nonnull (limber_catalog_get_search_index (catalog));

  g_remove (xml);
  g_remove (vocabulary);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  limber_xml_init ();

  g_test_add_func ("/search/words/bundled", test_bundled);
  g_test_add_func ("/search/words/valid", test_valid);
  g_test_add_func ("/search/words/broken", test_broken);
  g_test_add_func ("/search/words/hostile", test_hostile);
  g_test_add_func ("/search/words/in-a-folder", test_in_a_folder);
  return g_test_run ();
}
