/* test-handout-languages.c — a handout in each of its languages, read
 * back from the PDF: no word left in another language
 *
 * For English, Spanish, German and French, left side and right: the
 * sample program, and a program of every bundled stretch, exported to
 * PDF (the command line's way for the sample) and read back with
 * poppler.  Each handout must print the fixed words of its own language
 * and none of another's, and every catalog text it prints must be one
 * the stretch has in that language exactly (limber_text_get_exact), not
 * the English it falls back to, mirrored for the left side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "limber-catalog.h"
#include "limber-command-line.h"
#include "limber-handout-private.h"
#include "limber-paths.h"
#include "limber-phrases-private.h"
#include "limber-program.h"
#include "limber-test-utils.h"
#include "limber-xml.h"

typedef PopplerDocument Doc;
typedef PopplerPage Page;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Doc, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Page, g_object_unref)

static const char * const langs[] = { "en", "es", "de", "fr" };
static LimberCatalog *catalog;
static char *tmp_dir;

/* Without white space: poppler breaks lines where the page does. */
static char *
normalize (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (s, g_utf8_get_char (p));
  return g_string_free (s, FALSE);
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(Doc) doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(Page) page = poppler_document_get_page (doc, i);
      g_autofree char *raw = poppler_page_get_text (page);
      g_autofree char *text = normalize (raw);
      GList *attributes = poppler_page_get_text_attributes (page);

      /* Large print in every language: a long German stretch gives up
       * picture size before its type goes under 12 pt. */
      for (GList *a = attributes; a != NULL; a = a->next)
        if (((PopplerTextAttributes *) a->data)->font_size < 12 - 0.01)
          g_error ("%s, page %d: text at %.1f pt, under 12", path, i + 1,
                   ((PopplerTextAttributes *) a->data)->font_size);
      poppler_page_free_text_attributes (attributes);
      g_string_append_printf (s, "%s\f", text);
    }
  return g_string_free (s, FALSE);
}

static char *
export (LimberProgram *program,
        const char    *lang,
        const char    *name)
{
  g_auto(LimberHandoutOptions) options = { 0 };
  g_autoptr(LimberHandout) handout = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  limber_handout_options_init (&options);
  options.language = g_strdup (lang);
  handout = limber_handout_new (program, &options);
  g_assert_true (limber_handout_write_pdf (handout, file, &error));
  g_assert_no_error (error);
  return pdf_text (path);
}

static void
set_sides (LimberProgram *program,
           LimberSide     side)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (program)); i++)
    {
      LimberDosage dosage;

      limber_program_item_get_dosage (limber_program_get_item (program, i), &dosage);
      dosage.side = side;
      limber_program_set_item_dosage (program, i, &dosage);
    }
}

static const LimberPhrasesLanguage *
table_of (const char *code)
{
  guint n;
  const LimberPhrasesLanguage * const *tables = _limber_phrases_get_languages (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (tables[i]->code, code))
      return tables[i];
  g_assert_not_reached ();
}

/* The fixed words every patient handout prints are there in @lang, and
 * no longer phrase of another language is. */
static void
check_fixed_words (const char *text,
                   const char *lang,
                   GString    *problems)
{
  static const LimberPhrase always[] = {
    LIMBER_PHRASE_SUMMARY, LIMBER_PHRASE_PAIN_HEADING, LIMBER_PHRASE_WORDS, LIMBER_PHRASE_CAPTION_START,
    LIMBER_PHRASE_CAPTION_MOVE, LIMBER_PHRASE_FEEL, LIMBER_PHRASE_CAREFUL, LIMBER_PHRASE_KEY_POINTS,
    LIMBER_PHRASE_KEY_DO, LIMBER_PHRASE_KEY_STOP, LIMBER_PHRASE_KEY_LOG, LIMBER_PHRASE_LOG,
    LIMBER_PHRASE_TICK_A_BOX, LIMBER_PHRASE_DATE,
  };
  const LimberPhrasesLanguage *own = table_of (lang);
  g_autofree char *page = limber_phrases_page (1, 2, lang);
  g_autofree char *page_prefix = normalize (page);

  /* "Page 1 of" without the number of pages. */
  *strstr (page_prefix, "2") = '\0';
  if (strstr (text, page_prefix) == NULL)
    g_string_append_printf (problems, "%s: no “%s”\n", lang, page_prefix);
  for (guint i = 0; i < G_N_ELEMENTS (always); i++)
    {
      g_autofree char *want = normalize (own->phrases[always[i]]);

      if (strstr (text, want) == NULL)
        g_string_append_printf (problems, "%s: no “%s”\n", lang, own->phrases[always[i]]);
    }
  for (guint r = 0; r < LIMBER_PHRASES_N_PAIN_ROWS; r++)
    {
      g_autofree char *word = normalize (own->pain_words[r]);

      if (strstr (text, word) == NULL)
        g_string_append_printf (problems, "%s: no “%s”\n", lang, own->pain_words[r]);
    }
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      const LimberPhrasesLanguage *other = table_of (langs[l]);

      if (other == own)
        continue;
      for (int p = 0; p < LIMBER_N_PHRASES; p++)
        {
          g_autofree char *theirs = normalize (other->phrases[p]);

          /* Short words may be shared ("Date", "Stretch" in a name). */
          if (g_utf8_strlen (theirs, -1) >= 9 && strstr (text, theirs) != NULL)
            g_string_append_printf (problems, "%s: “%s” is %s\n", lang, other->phrases[p], other->code);
        }
      for (guint t = 0; t < LIMBER_PHRASES_N_TERMS; t++)
        {
          g_autofree char *theirs = normalize (other->meanings[t]);

          if (strstr (text, theirs) != NULL)
            g_string_append_printf (problems, "%s: “%s” is %s\n", lang, other->meanings[t], other->code);
        }
    }
}

/* Each text of @e the handout prints, in @lang exactly, for @side; the
 * ones @e has in no language are not printed. */
static void
check_exercise (LimberExercise *e,
                const char     *lang,
                LimberSide      side,
                const char     *text,
                GString        *problems)
{
  static const struct { LimberExerciseText which; const char *field; gboolean art; } fields[] = {
    { LIMBER_EXERCISE_NAME, "name", FALSE },
    { LIMBER_EXERCISE_SUMMARY, "summary", FALSE },
    { LIMBER_EXERCISE_SHORTEN, "shorten", TRUE },
    { LIMBER_EXERCISE_LENGTHEN, "lengthen", TRUE },
    { LIMBER_EXERCISE_PRESSURE_SELF, "pressure", TRUE },
    { LIMBER_EXERCISE_FEEL, "feel", FALSE },
  };
  gboolean art = limber_text_get_n (limber_exercise_peek_text (e, LIMBER_EXERCISE_SHORTEN)) > 0
                 || limber_text_get_n (limber_exercise_peek_text (e, LIMBER_EXERCISE_LENGTHEN)) > 0;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    if (!fields[f].art || art)
      {
        g_ptr_array_add (texts, (gpointer) limber_exercise_peek_text (e, fields[f].which));
        g_ptr_array_add (names, (gpointer) fields[f].field);
      }
  for (guint k = 0; !art && k < limber_exercise_get_n_steps (e); k++)
    {
      g_ptr_array_add (texts, (gpointer) limber_exercise_peek_step (e, k));
      g_ptr_array_add (names, "step");
    }
  for (guint c = 0; c < limber_exercise_get_n_cautions (e); c++)
    {
      g_ptr_array_add (texts, (gpointer) limber_exercise_peek_caution (e, c));
      g_ptr_array_add (names, "caution");
    }
  for (guint i = 0; i < texts->len; i++)
    {
      const LimberText *t = g_ptr_array_index (texts, i);
      g_autofree char *printed = NULL;
      g_autofree char *want = NULL;

      if (t == NULL || limber_text_get_n (t) == 0)
        continue;
      if (limber_text_get_exact (t, lang) == NULL)
        {
          g_string_append_printf (problems, "%s %s %s: no %s text, prints “%.40s…”\n", limber_exercise_get_id (e),
                                  lang, (const char *) g_ptr_array_index (names, i), lang, limber_text_get (t, lang));
          continue;
        }
      printed = _limber_handout_side_text (e, t, lang, side);
      want = normalize (printed);
      if (strstr (text, want) == NULL)
        g_string_append_printf (problems, "%s %s %s: “%s” is not on the page\n", limber_exercise_get_id (e), lang,
                                (const char *) g_ptr_array_index (names, i), printed);
    }
}

/* Whether any of the program's stretches has a name in @lang: a catalog
 * not yet translated into it has none at all. */
static gboolean
has_language (LimberProgram *program,
              const char    *lang)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (program)); i++)
    {
      LimberExercise *e = limber_program_item_get_exercise (limber_program_get_item (program, i));

      if (limber_text_get_exact (limber_exercise_peek_text (e, LIMBER_EXERCISE_NAME), lang) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
check_program (LimberProgram *program,
               const char    *what,
               const char    *lang)
{
  static const LimberSide sides[] = { LIMBER_SIDE_LEFT, LIMBER_SIDE_RIGHT };
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean translated = has_language (program, lang);

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s-%s.pdf", what, lang, s == 0 ? "left" : "right");
      g_autofree char *text = NULL;

      set_sides (program, sides[s]);
      text = export (program, lang, name);
      check_fixed_words (text, lang, problems);
      for (guint i = 0; translated && i < g_list_model_get_n_items (G_LIST_MODEL (program)); i++)
        check_exercise (limber_program_item_get_exercise (limber_program_get_item (program, i)), lang, sides[s],
                        text, problems);
    }
  if (problems->len > 0)
    g_error ("The %s handout in %s:\n%s", what, lang, problems->str);
  if (!translated)
    g_test_skip_printf ("the %s's stretches have no text in %s at all yet: only the fixed words were checked",
                        what, lang);
}

/* The sample, through the command line as a user exports it. */
static void
test_sample (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(GFile) sample = limber_paths_example ("tight-hips.limber");
  g_autofree char *sample_path = g_file_get_path (sample);
  g_autofree char *out = g_strdup_printf ("%s/cli-%s.pdf", tmp_dir, lang);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autoptr(LimberProgram) program = limber_program_load (sample, catalog, NULL, NULL);
  g_auto(LimberHandoutOptions) options = { 0 };

  g_assert_cmpint (limber_command_line_export (sample_path, out, NULL, NULL, lang, FALSE, NULL), ==, 0);
  text = pdf_text (out);
  {
    g_autoptr(GString) problems = g_string_new (NULL);

    check_fixed_words (text, lang, problems);
    if (problems->len > 0)
      g_error ("limber --export --language %s:\n%s", lang, problems->str);
  }
  /* The sample's own words (title, advice, notes) are in every language. */
  g_assert_nonnull (program);
  limber_handout_options_init (&options);
  options.language = g_strdup (lang);
  g_assert_cmpint (limber_handout_find_borrowed (program, &options), ==, LIMBER_HANDOUT_BORROWED_NONE);
  title = normalize (g_str_equal (lang, "en") ? "Tight hips — week 1"
                     : g_str_equal (lang, "es") ? "Caderas tensas — semana 1"
                     : g_str_equal (lang, "de") ? "Verspannte Hüften — Woche 1" : "Hanches raides — semaine 1");
  g_assert_nonnull (strstr (text, title));
  check_program (program, "sample", lang);
}

/* Every bundled stretch, as a program. */
static void
test_all_stretches (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(LimberCatalog) bundled = limber_catalog_new ();
  g_autoptr(GFile) folder = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "catalog", NULL);
  g_autoptr(LimberProgram) program = limber_program_new ();
  guint n;

  limber_catalog_add_folder (bundled, folder);
  n = g_list_model_get_n_items (G_LIST_MODEL (bundled));
  g_assert_cmpuint (n, >=, 44);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (G_LIST_MODEL (bundled), i);

      limber_program_insert_exercise (program, i, e);
    }
  limber_program_set_field (program, LIMBER_PROGRAM_PATIENT_NAME, "Sam Rivera");
  limber_program_set_field (program, LIMBER_PROGRAM_CREATED, "2026-12-08");
  check_program (program, "catalog", lang);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  limber_xml_init ();

  catalog = limber_catalog_new ();
  limber_catalog_load_standard (catalog, NULL);
  tmp_dir = g_dir_make_tmp ("limber-languages-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *sample = g_strdup_printf ("/handout-languages/sample/%s", langs[i]);
      g_autofree char *all = g_strdup_printf ("/handout-languages/all-stretches/%s", langs[i]);

      g_test_add_data_func (sample, langs[i], test_sample);
      g_test_add_data_func (all, langs[i], test_all_stretches);
    }
  status = g_test_run ();
  if (g_getenv ("LIMBER_KEEP_PDFS") == NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);

      limber_test_delete_tree (dir);
    }
  else
    g_printerr ("# PDFs kept in %s\n", tmp_dir);
  g_clear_object (&catalog);
  g_free (tmp_dir);
  return status;
}
