/* test-program-edit.c — every edit, its undo and redo; saving and drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limber-drafts.h"
#include "limber-program.h"
#include "limber-test-utils.h"
#include "limber-xml.h"

static LimberCatalog *catalog;
static char *tmpdir;

static LimberExercise *
exercise_at (guint i)
{
  g_autoptr(LimberExercise) e = g_list_model_get_item (G_LIST_MODEL (catalog), i);
  return e;   /* the catalog keeps it alive */
}

static LimberProgram *
load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples",
                                                     "tight-hips.limber", NULL);
  g_autoptr(GError) error = NULL;
  LimberProgram *program = limber_program_load (file, catalog, NULL, &error);

  g_assert_no_error (error);
  return program;
}

static char *
text_of (LimberProgram *program)
{
  return limber_program_to_string (program, NULL);
}

/* Applies @edit, checks it changed the document, that undo gives back
 * exactly the document before and redo exactly the one after. */
static void
check_undo (LimberProgram *program,
            void         (*edit) (LimberProgram *))
{
  g_autofree char *before = text_of (program);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  edit (program);
  after = text_of (program);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (limber_program_can_undo (program));
  limber_program_undo (program);
  undone = text_of (program);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (limber_program_can_redo (program));
  limber_program_redo (program);
  redone = text_of (program);
  g_assert_cmpstr (redone, ==, after);
}

static void edit_title (LimberProgram *p) { limber_program_set_field (p, LIMBER_PROGRAM_TITLE, "Week 2"); }
static void edit_patient (LimberProgram *p) { limber_program_set_field (p, LIMBER_PROGRAM_PATIENT_NAME, "Ana Ruiz"); }
static void edit_language (LimberProgram *p) { limber_program_set_field (p, LIMBER_PROGRAM_LANGUAGE, "es"); }
static void edit_notes (LimberProgram *p) { limber_program_set_field (p, LIMBER_PROGRAM_NOTES, NULL); }
static void edit_insert (LimberProgram *p) { limber_program_insert_exercise (p, 2, exercise_at (10)); }
static void edit_remove (LimberProgram *p) { limber_program_remove (p, 0); }
static void edit_move (LimberProgram *p) { limber_program_move (p, 0, 4); }
static void edit_duplicate (LimberProgram *p) { limber_program_duplicate (p, 1); }
static void edit_note (LimberProgram *p) { limber_program_set_item_note (p, 3, "Only as far as is comfortable."); }
static void edit_update (LimberProgram *p) { limber_program_update_item (p, 0, exercise_at (20)); }
static void edit_remove_exam (LimberProgram *p) { limber_program_remove_exam (p, 0); }

static void
edit_dosage (LimberProgram *p)
{
  LimberDosage d = *limber_program_item_get_override (limber_program_get_item (p, 0));

  limber_dosage_set (&d, LIMBER_DOSAGE_REPS, 12);
  d.side = LIMBER_SIDE_RIGHT;
  limber_program_set_item_dosage (p, 0, &d);
}

static void
edit_add_exam (LimberProgram *p)
{
  g_autoptr(LimberExam) exam = limber_exam_new ();

  exam->date = g_strdup ("2026-12-08");
  limber_exam_set_rom (exam, "hip", LIMBER_SIDE_LEFT, "extension", 12);
  limber_exam_set_test (exam, "thomas", LIMBER_SIDE_LEFT, FALSE);
  exam->pain = 3;
  limber_program_add_exam (p, exam);
}

static void
edit_set_exam (LimberProgram *p)
{
  g_autoptr(LimberExam) exam = limber_exam_copy (limber_program_get_exam (p, 0));

  limber_exam_set_rom (exam, "hip", LIMBER_SIDE_LEFT, "extension", 9);
  limber_program_set_exam (p, 0, exam);
}

static void
test_edit_undo (gconstpointer data)
{
  g_autoptr(LimberProgram) program = load_sample ();

  check_undo (program, (void (*) (LimberProgram *)) data);
}

static void
test_edit_modified (void)
{
  g_autoptr(LimberProgram) program = load_sample ();

  g_assert_false (limber_program_is_modified (program));
  edit_title (program);
  g_assert_true (limber_program_is_modified (program));
  limber_program_undo (program);
  g_assert_false (limber_program_is_modified (program));   /* back where it was saved */
  limber_program_redo (program);
  g_assert_true (limber_program_is_modified (program));
}

/* Typing is one undo step; a different field is another. */
static void
test_edit_coalesce (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_autofree char *title = g_strdup (limber_program_get_title (program));
  const char *typed[] = { "W", "We", "Wee", "Week", "Week 3" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    limber_program_set_field (program, LIMBER_PROGRAM_TITLE, typed[i]);
  limber_program_set_field (program, LIMBER_PROGRAM_PATIENT_ID, "X-9");
  limber_program_undo (program);
  g_assert_cmpstr (limber_program_get_title (program), ==, "Week 3");
  limber_program_undo (program);
  g_assert_cmpstr (limber_program_get_title (program), ==, title);
  g_assert_false (limber_program_can_undo (program));
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* An edit of an item is told by the item's property, never by the list:
 * items-changed would make a bound list box rebuild the row being typed
 * in.  Undo and redo notify too, and a no-op edit says nothing. */
static void
test_edit_item_notifies (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  LimberProgramItem *item = limber_program_get_item (program, 1);
  LimberDosage dosage = *limber_program_item_get_override (item);
  guint list = 0, override = 0, note = 0, exercise = 0;

  g_signal_connect (program, "items-changed", G_CALLBACK (count_items_changed), &list);
  g_signal_connect (item, "notify::override", G_CALLBACK (count_notify), &override);
  g_signal_connect (item, "notify::note", G_CALLBACK (count_notify), &note);
  g_signal_connect (item, "notify::exercise", G_CALLBACK (count_notify), &exercise);

  limber_dosage_set (&dosage, LIMBER_DOSAGE_REPS, 17);
  limber_program_set_item_dosage (program, 1, &dosage);
  g_assert_cmpuint (override, ==, 1);
  limber_program_set_item_dosage (program, 1, &dosage);   /* the same: nothing */
  g_assert_cmpuint (override, ==, 1);
  limber_program_undo (program);
  g_assert_cmpuint (override, ==, 2);
  limber_program_redo (program);
  g_assert_cmpuint (override, ==, 3);
  g_assert_cmpint (limber_program_item_get_override (item)->value[LIMBER_DOSAGE_REPS], ==, 17);

  limber_program_set_item_note (program, 1, "G");
  limber_program_set_item_note (program, 1, "Gently");
  g_assert_cmpuint (note, ==, 2);
  limber_program_undo (program);   /* the typing was one step */
  g_assert_cmpuint (note, ==, 3);
  g_assert_cmpstr (limber_program_item_get_note (item), !=, "G");

  limber_program_update_item (program, 1, exercise_at (20));
  g_assert_cmpuint (exercise, ==, 1);
  limber_program_undo (program);
  g_assert_cmpuint (exercise, ==, 2);
  g_assert_cmpuint (override + note, ==, 3 + 3);
  g_assert_cmpuint (list, ==, 0);

  /* The list is told of inserts, removals and moves. */
  limber_program_move (program, 0, 2);
  g_assert_cmpuint (list, ==, 1);
  g_signal_handlers_disconnect_by_data (item, &override);
  g_signal_handlers_disconnect_by_data (item, &note);
  g_signal_handlers_disconnect_by_data (item, &exercise);
}

/* A new edit after undo drops what could be redone. */
static void
test_edit_redo_cleared (void)
{
  g_autoptr(LimberProgram) program = load_sample ();

  edit_remove (program);
  limber_program_undo (program);
  edit_move (program);
  g_assert_false (limber_program_can_redo (program));
}

static void
test_edit_dosage_bounds (void)
{
  LimberDosage d = { { 0 }, 0, LIMBER_SIDE_UNSET };

  limber_dosage_set (&d, LIMBER_DOSAGE_REPS, 1000);
  g_assert_cmpint (limber_dosage_get (&d, LIMBER_DOSAGE_REPS), ==, 100);
  limber_dosage_set (&d, LIMBER_DOSAGE_SETS, 0);
  g_assert_cmpint (limber_dosage_get (&d, LIMBER_DOSAGE_SETS), ==, 1);
  limber_dosage_set (&d, LIMBER_DOSAGE_HOLD_SECONDS, 0);
  g_assert_true (limber_dosage_is_set (&d, LIMBER_DOSAGE_HOLD_SECONDS));
  g_assert_cmpint (limber_dosage_get (&d, LIMBER_DOSAGE_HOLD_SECONDS), ==, 0);
}

/* Load → save → load gives the same document, for every example. */
static void
test_round_trip (gconstpointer data)
{
  /* A file of tests/files, or NULL for the bundled sample.  (Names, not
   * paths made in main(): a path would leak in the subprocesses that
   * g_test_trap_subprocess() starts, which run one test and free the
   * rest without their data.) */
  g_autofree char *path = data != NULL
                          ? g_test_build_filename (G_TEST_DIST, "files", (const char *) data, NULL)
                          : g_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples", "tight-hips.limber", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out_path = g_build_filename (tmpdir, "round-trip.limber", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberProgram) first = limber_program_load (file, catalog, NULL, &error);
  g_autoptr(LimberProgram) second = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_no_error (error);
  g_assert_true (limber_program_save (first, out, &error));
  g_assert_no_error (error);
  second = limber_program_load (out, NULL, NULL, &error);   /* no catalog: snapshots alone */
  g_assert_no_error (error);
  a = text_of (first);
  b = text_of (second);
  g_assert_cmpstr (a, ==, b);
}

static void
test_template_has_no_patient (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_autoptr(LimberProgram) template = limber_program_copy_as_template (program);
  g_autofree char *text = text_of (template);

  g_assert_null (limber_program_get_patient_name (template));
  g_assert_null (limber_program_get_patient_id (template));
  g_assert_cmpuint (limber_program_get_n_exams (template), ==, 0);
  g_assert_null (strstr (text, limber_program_get_patient_name (program)));
  g_assert_null (strstr (text, "<exam"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (template)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (program)));
}

static void
test_drafts (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(LimberProgram) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  edit_insert (program);
  g_assert_true (limber_drafts_save ("draft-a", program, &error));
  g_assert_no_error (error);
  drafts = limber_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((LimberDraft *) drafts->pdata[0])->id, ==, "draft-a");
  restored = limber_drafts_load (drafts->pdata[0], catalog, &error);
  g_assert_no_error (error);
  g_assert_true (limber_program_is_modified (restored));
  g_assert_true (g_file_equal (limber_program_get_file (restored), limber_program_get_file (program)));
  a = text_of (program);
  b = text_of (restored);
  g_assert_cmpstr (a, ==, b);

  limber_drafts_delete ("draft-a");
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = limber_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 0);
}

/* Saving over a file keeps the old one as .bak; a save that cannot
 * happen leaves the file as it was. */
static void
test_save_keeps_original (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_autofree char *dir = g_build_filename (tmpdir, "ro", NULL);
  g_autofree char *path = g_build_filename (dir, "p.limber", NULL);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *now = NULL;
  g_autofree char *backup = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (limber_program_save (program, file, NULL));
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));

  edit_title (program);
  g_assert_true (limber_program_save (program, file, NULL));
  g_assert_true (g_file_get_contents (bak, &backup, NULL, NULL));
  g_assert_cmpstr (backup, ==, first);

  /* A folder where the file should be: refused, nothing written. */
  {
    g_autofree char *as_dir = g_build_filename (dir, "folder.limber", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (as_dir);

    g_assert_cmpint (g_mkdir (as_dir, 0755), ==, 0);
    g_assert_false (limber_program_save (program, folder, &error));
    g_assert_nonnull (error);
    g_assert_true (g_file_test (as_dir, G_FILE_TEST_IS_DIR));
    g_clear_error (&error);
  }

  /* A read-only folder (root gives up its right to write there). */
  {
    g_autofree char *before = NULL;

    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    edit_patient (program);
    g_assert_true (limber_test_obey_permissions (TRUE));
    g_assert_false (limber_program_save (program, file, &error));
    g_assert_true (limber_test_obey_permissions (FALSE));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
    g_assert_nonnull (strstr (error->message, "read-only"));
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
    g_assert_true (g_file_get_contents (bak, &before, NULL, NULL));
    g_assert_cmpstr (before, ==, first);
    g_chmod (dir, 0755);
  }
}

/* A full disk, simulated with a file size limit (no root, no tmpfs
 * needed): every write past 2 KB fails with EFBIG, in a child process. */
static void
test_save_full_disk (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "full.limber", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_test_subprocess ())
    {
      g_autoptr(LimberProgram) program = load_sample ();
      struct rlimit limit = { 2048, 2048 };
      g_autoptr(GError) error = NULL;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      edit_title (program);
      g_assert_false (limber_program_save (program, file, &error));
      g_assert_nonnull (error);
      g_printerr ("%s\n", error->message);
      return;
    }

  {
    g_autoptr(LimberProgram) program = load_sample ();
    g_assert_true (limber_program_save (program, file, NULL));
  }
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  g_assert_cmpuint (strlen (original), >, 2048);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*");

  /* The original is whole, and no temporary file is left beside it. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, original);
  dir = g_dir_open (tmpdir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "full.limber.") && !g_str_has_suffix (name, ".bak"));
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; void (*edit) (LimberProgram *); } edits[] = {
    { "title", edit_title }, { "patient", edit_patient }, { "language", edit_language },
    { "notes", edit_notes }, { "insert", edit_insert }, { "remove", edit_remove },
    { "move", edit_move }, { "duplicate", edit_duplicate }, { "dosage", edit_dosage },
    { "note", edit_note }, { "update-from-catalog", edit_update }, { "add-exam", edit_add_exam },
    { "set-exam", edit_set_exam }, { "remove-exam", edit_remove_exam },
  };
  static const char *examples[] = { "program/valid/full.limber", "program/valid/formats-example.limber",
                                    "program/valid/spanish.limber", "program/valid/exam-regions.limber" };
  int ret;

  /* Drafts go to a fresh folder (set before anything reads it); a
   * subprocess of a test works in its parent's folder. */
  tmpdir = g_strdup (g_getenv ("LIMBER_TEST_TMP"));
  if (tmpdir == NULL)
    {
      tmpdir = g_dir_make_tmp ("limber-edit-XXXXXX", NULL);
      g_setenv ("LIMBER_TEST_TMP", tmpdir, TRUE);
    }
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);

  g_test_init (&argc, &argv, NULL);
  limber_xml_init ();
  catalog = limber_catalog_new ();
  limber_catalog_load_standard (catalog, NULL);
  {
    g_autoptr(GFile) minimal = g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"), "files", "catalog",
                                                          "valid", "minimal.xml", NULL);
    limber_catalog_add_file (catalog, minimal, NULL);
  }

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/program/undo/%s", edits[i].name);
      g_test_add_data_func (path, edits[i].edit, test_edit_undo);
    }
  g_test_add_func ("/program/undo/modified", test_edit_modified);
  g_test_add_func ("/program/undo/coalesce", test_edit_coalesce);
  g_test_add_func ("/program/undo/item-notifies", test_edit_item_notifies);
  g_test_add_func ("/program/undo/redo-cleared", test_edit_redo_cleared);
  g_test_add_func ("/program/dosage/bounds", test_edit_dosage_bounds);
  g_test_add_data_func ("/program/round-trip/sample", NULL, test_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/program/round-trip/%s", examples[i]);
      g_test_add_data_func (path, examples[i], test_round_trip);
    }
  g_test_add_func ("/program/template/no-patient", test_template_has_no_patient);
  g_test_add_func ("/program/drafts", test_drafts);
  g_test_add_func ("/program/save/keeps-original", test_save_keeps_original);
  g_test_add_func ("/program/save/full-disk", test_save_full_disk);
  ret = g_test_run ();
  g_object_unref (catalog);
  if (!g_test_subprocess ())
    {
      g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);
      limber_test_delete_tree (dir);
    }
  return ret;
}
