/* test-library.c — the program library (a folder listed by patient),
 * the next visit's copy, the copy for another patient, file names, and
 * the trash with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "limber-languages.h"
#include "limber-library.h"
#include "limber-problem.h"
#include "limber-program.h"
#include "limber-test-library.h"
#include "limber-test-utils.h"
#include "limber-trash.h"
#include "limber-visit.h"

static gboolean
is_loaded (gpointer data)
{
  return !limber_library_get_loading (data);
}

static LimberLibrary *
library_of (GFile *folder)
{
  LimberLibrary *library = limber_library_new ();

  limber_library_set_folder (library, folder);
  g_assert_true (limber_library_get_loading (library));
  g_assert_true (limber_test_wait_for (is_loaded, library));
  return library;
}

static LimberLibraryPatient *
patient_at (LimberLibrary *library,
            guint          i)
{
  LimberLibraryPatient *patient = g_list_model_get_item (G_LIST_MODEL (library), i);

  g_assert_nonnull (patient);
  g_object_unref (patient);   /* the library keeps it */
  return patient;
}

static LimberLibraryEntry *
entry_at (LimberLibraryPatient *patient,
          guint                 i)
{
  LimberLibraryEntry *entry = g_list_model_get_item (limber_library_patient_get_shown (patient), i);

  g_assert_nonnull (entry);
  g_object_unref (entry);
  return entry;
}

static guint
count_shown (LimberLibrary *library)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    n += g_list_model_get_n_items (limber_library_patient_get_shown (patient_at (library, i)));
  return n;
}

static void
test_scan (void)
{
  g_autoptr(GFile) folder = limber_test_library_make (TRUE);
  g_autoptr(LimberLibrary) library = library_of (folder);
  GPtrArray *problems = limber_library_get_problems (library);
  LimberLibraryPatient *first;
  const char *previous = NULL;

  g_assert_cmpuint (limber_library_get_n_programs (library), ==, LIMBER_TEST_LIBRARY_PROGRAMS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, LIMBER_TEST_LIBRARY_PATIENTS);
  g_assert_cmpuint (count_shown (library), ==, LIMBER_TEST_LIBRARY_PROGRAMS);

  /* Each broken file is one problem, FILE:LINE: message, naming the
   * file; the .txt, the hidden file and the backup are not looked at. */
  g_assert_cmpuint (problems->len, ==, LIMBER_TEST_LIBRARY_BROKEN);
  for (guint i = 0; i < problems->len; i++)
    {
      LimberProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = limber_problem_to_string (problem);
      g_autofree char *prefix = g_strdup_printf ("%s/", g_file_peek_path (folder));

      g_test_message ("%s", text);
      g_assert_true (g_str_has_prefix (text, prefix));
      g_assert_nonnull (strstr (text, ".limber:"));
      g_assert_true (g_str_has_suffix (problem->file, ".limber"));
      g_assert_cmpuint (problem->line, >=, 1);
      g_assert_null (strstr (problem->file, "hidden"));
      g_assert_null (strstr (text, "aaaaaaaaaa"));
    }

  /* The patient seen last first, with their programs newest first. */
  first = patient_at (library, 0);
  g_assert_cmpstr (limber_library_patient_get_name (first), ==, "Sam Rivera");
  g_assert_cmpstr (limber_library_patient_get_id (first), ==, "MRN-1000");
  g_assert_cmpuint (g_list_model_get_n_items (limber_library_patient_get_shown (first)), ==, 3);
  g_assert_cmpstr (limber_library_entry_get_title (entry_at (first, 0)), ==, "Hip mobility — week 3");
  g_assert_cmpstr (limber_library_entry_get_title (entry_at (first, 2)), ==, "Hip mobility — week 1");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      LimberLibraryPatient *patient = patient_at (library, i);
      const char *latest = limber_library_patient_get_latest (patient);

      g_assert_nonnull (limber_library_patient_get_name (patient));
      if (previous != NULL)
        g_assert_cmpstr (latest, <=, previous);
      previous = latest;
      for (guint j = 1; j < g_list_model_get_n_items (limber_library_patient_get_shown (patient)); j++)
        g_assert_cmpstr (limber_library_entry_get_created (entry_at (patient, j)), <=,
                         limber_library_entry_get_created (entry_at (patient, j - 1)));
    }
  limber_test_delete_tree (folder);
}

static void
test_group_by_id (void)
{
  g_autoptr(GFile) folder = limber_test_library_make (FALSE);
  g_autofree char *same_id = limber_test_library_program ("Hip — week 9", "Samuel Rivera", "MRN-1000", "2026-12-30");
  g_autofree char *no_id = limber_test_library_program ("Other", "sam  rivera", NULL, "2026-12-01");
  g_autofree char *namesake = limber_test_library_program ("Other", "Sam Rivera", "MRN-9999", "2026-12-02");
  g_autoptr(GFile) a = g_file_get_child (folder, "a.limber");
  g_autoptr(GFile) b = g_file_get_child (folder, "b.limber");
  g_autoptr(GFile) c = g_file_get_child (folder, "c.limber");
  g_autoptr(LimberLibrary) library = NULL;
  LimberLibraryPatient *first;

  g_assert_true (g_file_replace_contents (a, same_id, strlen (same_id), NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_true (g_file_replace_contents (b, no_id, strlen (no_id), NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_true (g_file_replace_contents (c, namesake, strlen (namesake), NULL, FALSE, 0, NULL, NULL, NULL));
  library = library_of (folder);

  /* One id, one patient, named as the newest program names them; the
   * same name with another id is someone else. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, LIMBER_TEST_LIBRARY_PATIENTS + 2);
  first = patient_at (library, 0);
  g_assert_cmpstr (limber_library_patient_get_name (first), ==, "Samuel Rivera");
  g_assert_cmpuint (limber_library_patient_get_n_all (first), ==, 4);
  limber_test_delete_tree (folder);
}

static void
test_search (void)
{
  g_autoptr(GFile) folder = limber_test_library_make (FALSE);
  g_autoptr(LimberLibrary) library = library_of (folder);
  /* By name, any case, without accents. */
  limber_library_set_query (library, "jose nunez");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  g_assert_cmpstr (limber_library_patient_get_name (patient_at (library, 0)), ==, "José Núñez");
  g_assert_cmpuint (count_shown (library), ==, 3);

  /* As typed, letter by letter: a prefix finds. */
  limber_library_set_query (library, "RIV");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);

  /* By id. */
  limber_library_set_query (library, "mrn-1037");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  g_assert_cmpstr (limber_library_patient_get_name (patient_at (library, 0)), ==, "José Núñez");

  /* By title: only the programs that match, under their patients. */
  limber_library_set_query (library, "week 3");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 10);
  g_assert_cmpuint (count_shown (library), ==, 10);
  limber_library_set_query (library, "sam week 2");
  g_assert_cmpuint (count_shown (library), ==, 1);
  g_assert_cmpstr (limber_library_entry_get_title (entry_at (patient_at (library, 0), 0)), ==,
                   "Hip mobility — week 2");

  limber_library_set_query (library, "nobody here");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  limber_library_set_query (library, "  ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, LIMBER_TEST_LIBRARY_PATIENTS);
  g_assert_cmpuint (count_shown (library), ==, LIMBER_TEST_LIBRARY_PROGRAMS);
  limber_test_delete_tree (folder);
}

typedef struct { LimberLibrary *library; guint n; } CountWait;

static gboolean
programs_are (gpointer data)
{
  CountWait *w = data;
  return !limber_library_get_loading (w->library) && limber_library_get_n_programs (w->library) == w->n;
}

/* A program saved into the folder by someone else is listed by itself. */
static void
test_follows_folder (void)
{
  g_autoptr(GFile) folder = limber_test_library_make (FALSE);
  g_autoptr(LimberLibrary) library = library_of (folder);
  g_autoptr(GFile) file = g_file_get_child (folder, "New Patient 2026-12-01.limber");
  g_autofree char *text = limber_test_library_program ("Neck — week 1", "New Patient", NULL, "2026-12-01");
  CountWait w = { library, LIMBER_TEST_LIBRARY_PROGRAMS + 1 };
  LimberLibraryPatient *first;

  g_assert_true (g_file_replace_contents (file, text, strlen (text), NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_true (limber_test_wait_for (programs_are, &w));
  first = patient_at (library, 0);
  g_assert_cmpstr (limber_library_patient_get_name (first), ==, "New Patient");

  g_assert_true (g_file_delete (file, NULL, NULL));
  w.n = LIMBER_TEST_LIBRARY_PROGRAMS;
  g_assert_true (limber_test_wait_for (programs_are, &w));
  limber_test_delete_tree (folder);
}

static void
test_missing_folder (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path ("/nonexistent/Limber Programs");
  g_autoptr(LimberLibrary) library = library_of (folder);

  /* Not made yet: an empty library, not a problem. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  g_assert_cmpuint (limber_library_get_problems (library)->len, ==, 0);
}

static void
test_folder_setting (void)
{
  g_autoptr(GFile) fallback = limber_library_folder_for ("");
  g_autoptr(GFile) uri = limber_library_folder_for ("smb://clinic/programs");
  g_autoptr(GFile) path = limber_library_folder_for ("/srv/programs");
  g_autofree char *name = g_file_get_basename (fallback);
  g_autofree char *uri_text = g_file_get_uri (uri);

  g_assert_cmpstr (name, ==, "Limber Programs");
  g_assert_cmpstr (uri_text, ==, "smb://clinic/programs");
  g_assert_cmpstr (g_file_peek_path (path), ==, "/srv/programs");
}

static void
test_unique_file (void)
{
  g_autoptr(GFile) folder = limber_test_library_make (FALSE);
  g_autoptr(GFile) free_name = limber_library_unique_file (folder, "Nobody 2026-01-01.limber");
  g_autoptr(GFile) taken = limber_library_unique_file (folder, "Sam Rivera 2026-09-27.limber");
  g_autofree char *free_base = g_file_get_basename (free_name);
  g_autofree char *taken_base = g_file_get_basename (taken);

  g_assert_cmpstr (free_base, ==, "Nobody 2026-01-01.limber");
  g_assert_cmpstr (taken_base, ==, "Sam Rivera 2026-09-27 (2).limber");
  limber_test_delete_tree (folder);
}

static LimberProgram *
sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples", "tight-hips.limber", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LimberProgram *program = limber_program_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return program;
}

static void
test_next_visit (void)
{
  g_autoptr(LimberProgram) program = sample ();
  g_autoptr(LimberProgram) next = limber_visit_copy_next (program, "2026-12-08");
  g_autofree char *saved = NULL;

  g_assert_cmpstr (limber_program_get_title (next), ==, "Tight hips — week 2");
  g_assert_cmpstr (limber_program_get_created (next), ==, "2026-12-08");
  g_assert_null (limber_program_get_field (next, LIMBER_PROGRAM_NEXT_VISIT));
  g_assert_cmpstr (limber_program_get_patient_name (next), ==, "Sam Rivera");
  g_assert_cmpstr (limber_program_get_patient_id (next), ==, "MRN-0042");
  g_assert_cmpstr (limber_program_get_therapist (next), ==, limber_program_get_therapist (program));
  g_assert_cmpstr (limber_program_get_notes (next), ==, limber_program_get_notes (program));
  /* The exams go on, so progress carries across visits. */
  g_assert_cmpuint (limber_program_get_n_exams (next), ==, limber_program_get_n_exams (program));
  g_assert_cmpuint (limber_program_get_n_exams (next), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (next)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (program)));
  /* A new program: no file (Save asks where), unsaved, nothing to undo. */
  g_assert_null (limber_program_get_file (next));
  g_assert_true (limber_program_is_modified (next));
  g_assert_false (limber_program_can_undo (next));
  /* Last week's program is as it was. */
  g_assert_cmpstr (limber_program_get_title (program), ==, "Tight hips — week 1");
  g_assert_cmpstr (limber_program_get_created (program), ==, "2026-11-24");
  g_assert_nonnull (limber_program_get_file (program));
  /* And the copy saves as a valid file. */
  saved = limber_program_to_string (next, NULL);
  g_assert_nonnull (strstr (saved, "<created>2026-12-08</created>"));
  g_assert_null (strstr (saved, "<next-visit>"));
}

static void
test_for_another (void)
{
  g_autoptr(LimberProgram) program = sample ();
  g_autoptr(LimberProgram) copy = limber_visit_copy_for_another (program, "2026-12-08");
  g_autofree char *saved = limber_program_to_string (copy, NULL);

  g_assert_null (limber_program_get_patient_name (copy));
  g_assert_null (limber_program_get_patient_id (copy));
  g_assert_cmpuint (limber_program_get_n_exams (copy), ==, 0);
  g_assert_null (limber_program_get_field (copy, LIMBER_PROGRAM_NEXT_VISIT));
  g_assert_cmpstr (limber_program_get_created (copy), ==, "2026-12-08");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (copy)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (program)));
  g_assert_null (limber_program_get_file (copy));
  g_assert_true (limber_program_is_modified (copy));
  g_assert_null (strstr (saved, "Sam Rivera"));
  g_assert_null (strstr (saved, "MRN-0042"));
  g_assert_null (strstr (saved, "<exam"));
}

static void
test_next_title (void)
{
  static const struct { const char *title, *lang, *expected; } cases[] = {
    { "Hip mobility — week 1", "en", "Hip mobility — week 2" },
    { "Hip mobility — Week 9", "en", "Hip mobility — Week 10" },
    { "Rodilla, semana 3", "es", "Rodilla, semana 4" },
    { "Visit 2", "en", "Visit 3" },
    { "Low back wk. 4", "en", "Low back wk. 5" },
    { "Knee rehab 2026", "en", "Knee rehab 2026 — week 2" },
    { "Tight hips", "en", "Tight hips — week 2" },
    { "Caderas  ", "es", "Caderas — semana 2" },
    { "Hüfte, Woche 3", "de", "Hüfte, Woche 4" },
    { "Hüfte", "de_DE", "Hüfte — Woche 2" },
    { "Besuch 1", "de", "Besuch 2" },
    { "Hanches — séance 2", "fr", "Hanches — séance 3" },
    { "Hanches", "fr-CA", "Hanches — semaine 2" },
    { "week", "en", "week — week 2" },
    { "", "en", NULL },
    { NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *next = limber_visit_next_title (cases[i].title, cases[i].lang);
      g_assert_cmpstr (next, ==, cases[i].expected);
    }

  /* Every handout language has its own word for the week. */
  for (guint i = 1; i < limber_languages_get_n (); i++)
    {
      g_autofree char *next = limber_visit_next_title ("Hip", limber_languages_get (i)->code);
      g_assert_cmpstr (next, !=, "Hip — week 2");
    }
}

/* The handout languages: found by any form of their tag, English for
 * what Limber cannot write, picked from the interface's languages. */
static void
test_languages (void)
{
  const char *german_first[] = { "de_AT.UTF-8", "de_AT", "de", "C", NULL };
  const char *unknown_then_french[] = { "it", "fr_FR", "C", NULL };
  const char *unknown[] = { "it", "C", "es", NULL };
  const char *c_only[] = { "C.UTF-8", "C", NULL };

  g_assert_cmpuint (limber_languages_get_n (), ==, 4);
  g_assert_cmpstr (limber_languages_get (0)->code, ==, "en");
  g_assert_cmpstr (limber_languages_get (limber_languages_find ("DE-ch"))->own_name, ==, "Deutsch");
  g_assert_cmpstr (limber_languages_get (limber_languages_find ("fr_FR.UTF-8"))->own_name, ==, "Français");
  g_assert_cmpstr (limber_languages_get (limber_languages_find ("es-MX"))->code, ==, "es");
  g_assert_cmpuint (limber_languages_find ("it"), ==, 0);
  g_assert_cmpuint (limber_languages_find ("d"), ==, 0);
  g_assert_cmpuint (limber_languages_find (NULL), ==, 0);

  g_assert_cmpstr (limber_languages_pick (german_first), ==, "de");
  g_assert_cmpstr (limber_languages_pick (unknown_then_french), ==, "fr");
  /* GLib's "C" ends what the user chose. */
  g_assert_cmpstr (limber_languages_pick (unknown), ==, "en");
  g_assert_cmpstr (limber_languages_pick (c_only), ==, "en");
  g_assert_cmpstr (limber_languages_pick (NULL), ==, "en");

  /* Named in the interface's language (English here), a stranger as it is. */
  g_assert_cmpstr (limber_languages_name ("fr"), ==, "French");
  g_assert_cmpstr (limber_languages_name (""), ==, "English");
  g_assert_cmpstr (limber_languages_name ("it"), ==, "it");
}

static void
test_file_names (void)
{
  static const struct { const char *patient, *title, *date, *expected; } cases[] = {
    { "Sam Rivera", "Hip mobility — week 1", "2026-11-24", "Sam Rivera 2026-11-24" },
    { "José Núñez", NULL, "2026-11-24", "José Núñez 2026-11-24" },
    { "AC/DC\\Fan: Bob", NULL, "2026-11-24", "AC-DC-Fan-Bob 2026-11-24" },
    { "Line\nbreak\ttab\x01\x7f", NULL, "2026-11-24", "Line break tab 2026-11-24" },
    { "../../etc/passwd", NULL, "2026-11-24", "etc-passwd 2026-11-24" },
    { "  ", "Tight hips", "2026-11-24", "Tight hips 2026-11-24" },
    { NULL, NULL, NULL, "Program" },
    { NULL, "...", NULL, "Program" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LimberProgram) program = limber_program_new ();
      g_autofree char *limber = NULL, *pdf = NULL, *expected = NULL;

      limber_program_start (program, cases[i].date, NULL, NULL, NULL);
      if (cases[i].patient)
        limber_program_set_field (program, LIMBER_PROGRAM_PATIENT_NAME, cases[i].patient);
      if (cases[i].title)
        limber_program_set_field (program, LIMBER_PROGRAM_TITLE, cases[i].title);
      limber = limber_visit_file_name (program, "limber");
      pdf = limber_visit_file_name (program, "pdf");
      expected = g_strconcat (cases[i].expected, ".limber", NULL);
      g_assert_cmpstr (limber, ==, expected);
      g_assert_true (g_str_has_suffix (pdf, ".pdf"));
      g_assert_null (strchr (limber, '/'));
    }
}

static void
test_safe_name (void)
{
  g_autofree char *long_name = g_strnfill (300, 'x');
  g_autofree char *safe_long = limber_visit_safe_name (long_name);
  g_autofree char *invalid = limber_visit_safe_name ("bad \xff\xfe utf8");
  g_autofree char *hidden = limber_visit_safe_name (".bashrc");
  g_autofree char *bidi = limber_visit_safe_name ("Sam\u202eRivera");

  g_assert_cmpuint (g_utf8_strlen (safe_long, -1), <=, 80);
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_cmpstr (hidden, ==, "bashrc");
  g_assert_cmpstr (bidi, ==, "SamRivera");
}

static void
test_trash_restore (void)
{
  g_autoptr(GFile) folder = limber_test_library_make (FALSE);
  g_autoptr(GFile) file = g_file_get_child (folder, "Sam Rivera 2026-09-27.limber");
  g_autoptr(GFile) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &before, NULL, NULL, NULL));
  if (!limber_trash_file (file, &error))
    {
      g_test_skip (error->message);
      limber_test_delete_tree (folder);
      return;
    }
  g_assert_false (g_file_query_exists (file, NULL));
  restored = limber_trash_restore (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* Once restored it is no longer in the trash: a second undo says so. */
  g_clear_object (&restored);
  restored = limber_trash_restore (file, &error);
  g_assert_null (restored);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  limber_test_delete_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/scan", test_scan);
  g_test_add_func ("/library/group-by-id", test_group_by_id);
  g_test_add_func ("/library/search", test_search);
  g_test_add_func ("/library/follows-folder", test_follows_folder);
  g_test_add_func ("/library/missing-folder", test_missing_folder);
  g_test_add_func ("/library/folder-setting", test_folder_setting);
  g_test_add_func ("/library/unique-file", test_unique_file);
  g_test_add_func ("/library/trash-restore", test_trash_restore);
  g_test_add_func ("/visit/next", test_next_visit);
  g_test_add_func ("/visit/for-another", test_for_another);
  g_test_add_func ("/visit/next-title", test_next_title);
  g_test_add_func ("/visit/languages", test_languages);
  g_test_add_func ("/visit/file-names", test_file_names);
  g_test_add_func ("/visit/safe-name", test_safe_name);
  return g_test_run ();
}
