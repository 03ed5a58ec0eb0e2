/* test-sides.c — left and right in every bundled text
 *
 * The bundled stretches are written for the right side (written-for
 * "right") and a left-side handout swaps the side words.  Word swapping
 * can go wrong ("just right of your spine"), so every bundled text, as
 * a left-side handout prints it, is checked against
 * tests/files/sides/left.txt, a file a person has read line by line.
 * A changed text fails here until its left version is read and the file
 * updated: run with LIMBER_WRITE_SIDES=1 to write the file anew, then
 * review the diff.
 *
 * In French a side word takes the gender of the noun right before it
 * ("la jambe gauche" → "la jambe droite"), so every French text is also
 * checked to put each side word right after a noun mirroring knows, and
 * every text in every language to come back unchanged when mirrored
 * twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "limber-catalog.h"
#include "limber-handout-private.h"
#include "limber-phrases.h"
#include "limber-xml.h"

static const char * const langs[] = { "en", "es", "de", "fr" };

static void
add_line (GString          *out,
          LimberExercise   *exercise,
          const char       *field,
          const LimberText *text,
          const char       *lang)
{
  const char *s = limber_text_get_exact (text, lang);
  g_autofree char *left = NULL;

  if (s == NULL)
    return;
  left = _limber_handout_side_text (exercise, text, lang, LIMBER_SIDE_LEFT);
  g_string_append_printf (out, "%s %s %s: %s\n", limber_exercise_get_id (exercise), lang, field, left);
}

/* Every patient text of the bundled catalog, for the left side. */
static char *
bundled_left (void)
{
  static const struct { LimberExerciseText which; const char *field; } texts[] = {
    { LIMBER_EXERCISE_NAME, "name" },
    { LIMBER_EXERCISE_SUMMARY, "summary" },
    { LIMBER_EXERCISE_SHORTEN, "shorten" },
    { LIMBER_EXERCISE_LENGTHEN, "lengthen" },
    { LIMBER_EXERCISE_PRESSURE_SELF, "pressure" },
    { LIMBER_EXERCISE_FEEL, "feel" },
  };
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GFile) bundled = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "catalog", NULL);
  GString *out = g_string_new (NULL);

  limber_catalog_add_folder (catalog, bundled);
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), >=, 44);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      /* Every bundled stretch says which side its texts are for. */
      g_assert_cmpint (limber_exercise_get_written_for (exercise), ==, LIMBER_SIDE_RIGHT);
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
            add_line (out, exercise, texts[t].field, limber_exercise_peek_text (exercise, texts[t].which), langs[l]);
          for (guint s = 0; s < limber_exercise_get_n_steps (exercise); s++)
            add_line (out, exercise, "step", limber_exercise_peek_step (exercise, s), langs[l]);
          for (guint c = 0; c < limber_exercise_get_n_cautions (exercise); c++)
            add_line (out, exercise, "caution", limber_exercise_peek_caution (exercise, c), langs[l]);
        }
    }
  return g_string_free (out, FALSE);
}

/* Calls @func on every text of every bundled stretch that is mirrored
 * for a left-side handout, the therapist's too, in every language. */
static void
foreach_bundled_text (void (*func) (LimberExercise *exercise, const char *field, const char *text, const char *lang,
                                    GString *problems),
                      GString *problems)
{
  static const struct { LimberExerciseText which; const char *field; } texts[] = {
    { LIMBER_EXERCISE_NAME, "name" },
    { LIMBER_EXERCISE_SUMMARY, "summary" },
    { LIMBER_EXERCISE_SHORTEN, "shorten" },
    { LIMBER_EXERCISE_LENGTHEN, "lengthen" },
    { LIMBER_EXERCISE_PRESSURE_SELF, "pressure" },
    { LIMBER_EXERCISE_PRESSURE_THERAPIST, "pressure by therapist" },
    { LIMBER_EXERCISE_FEEL, "feel" },
  };
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GFile) bundled = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "catalog", NULL);

  limber_catalog_add_folder (catalog, bundled);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), >=, 44);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          const char *lang = langs[l];
          const char *s;

          for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
            if ((s = limber_text_get_exact (limber_exercise_peek_text (e, texts[t].which), lang)) != NULL)
              func (e, texts[t].field, s, lang, problems);
          for (guint k = 0; k < limber_exercise_get_n_steps (e); k++)
            if ((s = limber_text_get_exact (limber_exercise_peek_step (e, k), lang)) != NULL)
              func (e, "step", s, lang, problems);
          for (guint c = 0; c < limber_exercise_get_n_cautions (e); c++)
            if ((s = limber_text_get_exact (limber_exercise_peek_caution (e, c), lang)) != NULL)
              func (e, "caution", s, lang, problems);
        }
    }
}

/* A side word mirroring cannot be sure of (French), or a German side
 * compound ("rechtsseitig") that mirroring would not swap. */
static void
check_side_words (LimberExercise *exercise,
                  const char     *field,
                  const char     *text,
                  const char     *lang,
                  GString        *problems)
{
  g_auto(GStrv) unresolved = limber_phrases_unresolved_sides (text, lang);
  g_autoptr(GRegex) compound = g_regex_new ("\\b(rechts|links|recht|link)\\w+", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  for (guint i = 0; unresolved[i] != NULL; i++)
    g_string_append_printf (problems, "%s %s %s: “%s”: no noun of the table right before the side word\n",
                            limber_exercise_get_id (exercise), lang, field, unresolved[i]);
  if (!g_str_equal (lang, "de"))
    return;
  for (g_regex_match (compound, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *word = g_match_info_fetch (match, 0);
      g_autofree char *lower = g_utf8_strdown (word, -1);
      g_autofree char *mirrored = limber_phrases_mirror_sides (lower, "de");

      if (g_str_equal (mirrored, lower) && !g_str_has_prefix (lower, "rechtzeitig"))
        g_string_append_printf (problems, "%s de %s: “%s”: a side in a compound is not mirrored\n",
                                limber_exercise_get_id (exercise), field, word);
    }
}

/* Mirrored twice, a text is itself: a side word that comes back as
 * another (a French gender that does not agree) is found. */
static void
check_twice (LimberExercise *exercise,
             const char     *field,
             const char     *text,
             const char     *lang,
             GString        *problems)
{
  g_autofree char *once = limber_phrases_mirror_sides (text, lang);
  g_autofree char *twice = limber_phrases_mirror_sides (once, lang);

  if (!g_str_equal (twice, text))
    g_string_append_printf (problems, "%s %s %s: mirrored twice it reads “%s”\n",
                            limber_exercise_get_id (exercise), lang, field, twice);
}

static void
test_bundled_words (void)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  foreach_bundled_text (check_side_words, problems);
  foreach_bundled_text (check_twice, problems);
  if (problems->len > 0)
    g_error ("Side words mirroring cannot be sure of:\n%s", problems->str);
}

static void
test_bundled_left (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "sides", "left.txt", NULL);
  g_autofree char *actual = bundled_left ();
  g_autofree char *expected = NULL;
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) e = NULL;

  if (g_getenv ("LIMBER_WRITE_SIDES") != NULL)
    {
      g_assert_true (g_file_set_contents (path, actual, -1, NULL));
      g_test_message ("wrote %s: review every changed line", path);
      return;
    }
  g_assert_true (g_file_get_contents (path, &expected, NULL, NULL));
  a = g_strsplit (actual, "\n", -1);
  e = g_strsplit (expected, "\n", -1);
  for (guint i = 0; a[i] != NULL && e[i] != NULL; i++)
    if (g_strcmp0 (a[i], e[i]) != 0)
      g_error ("A left-side handout prints, line %u of %s:\n  %s\nbut the reviewed text is:\n  %s\n"
               "(a changed text: read its left version, then LIMBER_WRITE_SIDES=1)", i + 1, path, a[i], e[i]);
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (e));
}

/* The side words of a text written for the right, and of one that does
 * not say which side it is for. */
static void
test_declared_only (void)
{
  const char *xml =
    "<limber-catalog version=\"1\" xml:lang=\"en\">"
    "<exercise id=\"declared\" written-for=\"right\"><name>Declared</name><region>hip</region>"
    "<tissue>iliopsoas</tissue><shorten>Kneel on your right knee.</shorten></exercise>"
    "<exercise id=\"undeclared\"><name>Undeclared</name><region>hip</region>"
    "<tissue>iliopsoas</tissue><shorten>Kneel on your right knee.</shorten></exercise>"
    "</limber-catalog>";
  g_autofree char *dir = g_dir_make_tmp ("limber-sides-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sides.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  LimberExercise *declared, *undeclared;
  g_autofree char *declared_left = NULL;
  g_autofree char *declared_right = NULL;
  g_autofree char *undeclared_left = NULL;

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  g_assert_true (limber_catalog_add_file (catalog, file, NULL));
  declared = limber_catalog_lookup (catalog, "declared");
  undeclared = limber_catalog_lookup (catalog, "undeclared");
  declared_left = _limber_handout_side_text (declared, limber_exercise_peek_text (declared, LIMBER_EXERCISE_SHORTEN),
                                             "en", LIMBER_SIDE_LEFT);
  declared_right = _limber_handout_side_text (declared, limber_exercise_peek_text (declared, LIMBER_EXERCISE_SHORTEN),
                                              "en", LIMBER_SIDE_RIGHT);
  undeclared_left = _limber_handout_side_text (undeclared,
                                               limber_exercise_peek_text (undeclared, LIMBER_EXERCISE_SHORTEN),
                                               "en", LIMBER_SIDE_LEFT);
  g_assert_cmpstr (declared_left, ==, "Kneel on your left knee.");
  g_assert_cmpstr (declared_right, ==, "Kneel on your right knee.");
  /* A catalog that does not say is printed as written. */
  g_assert_cmpint (limber_exercise_get_written_for (undeclared), ==, LIMBER_SIDE_UNSET);
  g_assert_cmpstr (undeclared_left, ==, "Kneel on your right knee.");
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  limber_xml_init ();

  g_test_add_func ("/sides/bundled-left", test_bundled_left);
  g_test_add_func ("/sides/bundled-words", test_bundled_words);
  g_test_add_func ("/sides/declared-only", test_declared_only);
  return g_test_run ();
}
