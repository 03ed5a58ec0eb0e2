/* test-builder.c — building a program through the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-application.h"
#include "limber-catalog-pane.h"
#include "limber-custom-editor.h"
#include "limber-custom.h"
#include "limber-drafts.h"
#include "limber-paths.h"
#include "limber-item-row.h"
#include "limber-program-editor.h"
#include "limber-test-gui.h"
#include "limber-window.h"

static LimberApplication *app;
static char *tmpdir;

/* The catalog's own list, not the one inside a drop-down's popover. */
static GtkWidget *
find_catalog_list (GtkWidget *root)
{
  if (GTK_IS_DROP_DOWN (root))
    return NULL;
  if (GTK_IS_LIST_VIEW (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_catalog_list (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static LimberWindow *
open_window (void)
{
  LimberWindow *window = limber_window_new (app, limber_application_get_catalog (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));
  limber_test_spin (200);
  return window;
}

typedef struct { GListModel *model; guint n; } CountWait;

static gboolean
count_is_at_least (gpointer data)
{
  CountWait *w = data;
  return g_list_model_get_n_items (w->model) >= w->n;
}

static gboolean
count_below (gpointer data)
{
  CountWait *w = data;
  return g_list_model_get_n_items (w->model) < w->n;
}

/* Searches, then adds the first match the way a keyboard user does:
 * Enter on the row (the list view's activate). */
static void
add_by_search (LimberWindow *window,
               const char   *words)
{
  GtkWidget *pane = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_CATALOG_PANE);
  GtkWidget *entry = limber_test_find_widget (pane, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *list = find_catalog_list (pane);
  GListModel *model = limber_catalog_pane_get_model (LIMBER_CATALOG_PANE (pane));
  CountWait w = { model, g_list_model_get_n_items (model) };

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  limber_test_spin (50);
  w.n = g_list_model_get_n_items (model);
  gtk_editable_set_text (GTK_EDITABLE (entry), words);
  g_assert_true (limber_test_wait_for (count_below, &w));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", 0));
  limber_test_spin (50);
}

static char *
program_text (LimberProgram *program)
{
  return limber_program_to_string (program, NULL);
}

static void
test_builder_tight_hips (void)
{
  LimberWindow *window = open_window ();
  static const char *searches[] = { "psoas", "rectus femoris", "tensor", "piriformis", "hamstring strap" };
  LimberProgram *program;
  GtkWidget *editor, *row, *title_row;
  g_autofree char *path = g_build_filename (tmpdir, "tight-hips-test.limber", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LimberWindow *second;
  g_autofree char *first_id = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    add_by_search (window, searches[i]);
  program = limber_window_get_program (window);
  g_assert_nonnull (program);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (program)), ==, 5);
  g_assert_true (limber_program_is_modified (program));

  /* Reorder with the row's own action (what Alt+Down does). */
  editor = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_PROGRAM_EDITOR);
  row = limber_test_find_widget (editor, LIMBER_TYPE_ITEM_ROW);
  g_assert_nonnull (row);
  first_id = g_strdup (limber_exercise_get_id (limber_program_item_get_exercise (limber_program_get_item (program, 0))));
  g_assert_true (gtk_widget_activate_action (row, "row.move-down", NULL));
  limber_test_spin (100);
  g_assert_cmpstr (limber_exercise_get_id (limber_program_item_get_exercise (limber_program_get_item (program, 1))),
                   ==, first_id);

  /* Undo and redo through the window's actions (Ctrl+Z, Ctrl+Shift+Z). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (limber_exercise_get_id (limber_program_item_get_exercise (limber_program_get_item (program, 0))),
                   ==, first_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (limber_exercise_get_id (limber_program_item_get_exercise (limber_program_get_item (program, 1))),
                   ==, first_id);

  /* The header, typed into its field. */
  title_row = limber_test_find_widget (editor, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Tight hips — Sam");
  limber_test_spin (50);
  g_assert_cmpstr (limber_program_get_title (program), ==, "Tight hips — Sam");
  limber_test_maybe_screenshot (GTK_WIDGET (window), "builder-program.png");

  /* Save through the window, then open the file in a second window. */
  limber_program_set_file (program, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  limber_test_spin (100);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (limber_program_is_modified (program));
  before = program_text (program);

  second = open_window ();
  g_assert_true (limber_window_open_file (second, file));
  after = program_text (limber_window_get_program (second));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (limber_window_get_program (second))), ==, 5);

  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
no_save_dialog (gpointer data)
{
  return !limber_test_has_message_dialog ((gpointer) "Save Changes?");
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_builder_close_asks (void)
{
  LimberWindow *window = open_window ();
  GtkWidget *pane = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_CATALOG_PANE);
  g_autoptr(LimberExercise) exercise = g_list_model_get_item (limber_catalog_pane_get_model (LIMBER_CATALOG_PANE (pane)), 0);
  AdwMessageDialog *dialog;
  GtkWidget *weak = GTK_WIDGET (window);

  g_signal_emit_by_name (pane, "exercise-activated", exercise);
  g_assert_true (limber_program_is_modified (limber_window_get_program (window)));

  /* Cancel keeps the window and the work. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "Save Changes?"));
  dialog = limber_test_find_message_dialog ("Save Changes?");
  limber_test_maybe_screenshot (GTK_WIDGET (dialog), "builder-close.png");
  adw_message_dialog_response (dialog, "cancel");
  /* A response given this way leaves the dialog up (a click also closes
   * it): closed here, so that the answer below goes to the next one. */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (limber_test_wait_for (no_save_dialog, NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Discard closes it. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "Save Changes?"));
  adw_message_dialog_response (limber_test_find_message_dialog ("Save Changes?"), "discard");
  g_assert_true (limber_test_wait_for (is_null, &weak));
}

static void
test_builder_offers_draft (void)
{
  g_autoptr(GFile) sample = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples",
                                                       "tight-hips.limber", NULL);
  g_autoptr(LimberProgram) program = limber_program_load (sample, limber_application_get_catalog (app), NULL, NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *broken_data = NULL, *broken_info = NULL, *aside = NULL;
  LimberWindow *window;
  AdwMessageDialog *dialog;
  LimberProgram *restored;

  /* What a window had autosaved before the process was killed. */
  g_assert_nonnull (program);
  limber_program_set_field (program, LIMBER_PROGRAM_TITLE, "Before the crash");
  g_assert_true (limber_drafts_save ("crashed-window", program, NULL));
  /* And one whose program was damaged on disk: it cannot be restored. */
  {
    g_autoptr(GFile) folder = limber_paths_drafts ();
    g_autofree char *dir = g_file_get_path (folder);

    broken_data = g_build_filename (dir, "broken-window.limber", NULL);
    broken_info = g_build_filename (dir, "broken-window.ini", NULL);
    g_assert_true (g_file_set_contents (broken_data, "<?xml version=\"1.0\"?>\n<limber-program version=\"1\">\n"
                                        "  <title>Half a program\n", -1, NULL));
    g_assert_true (g_file_set_contents (broken_info, "[draft]\ntitle=Half a program\nsaved=1700000000\n", -1, NULL));
  }

  window = open_window ();
  limber_application_offer_drafts (app, GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "Restore Unsaved Work?"));
  dialog = limber_test_find_message_dialog ("Restore Unsaved Work?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Before the crash"));
  limber_test_maybe_screenshot (GTK_WIDGET (dialog), "builder-restore.png");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Half a program"));
  adw_message_dialog_response (dialog, "restore");
  limber_test_spin (100);

  /* The damaged one says why, and is set aside, not offered again. */
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "A Draft Could Not Be Restored"));
  dialog = limber_test_find_message_dialog ("A Draft Could Not Be Restored");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken-window.limber:"));
  adw_message_dialog_response (dialog, "close");
  g_assert_true (g_file_test (broken_data, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (broken_info, G_FILE_TEST_EXISTS));
  aside = g_strconcat (broken_info, ".unreadable", NULL);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));

  restored = limber_window_get_program (window);
  g_assert_nonnull (restored);
  g_assert_cmpstr (limber_program_get_title (restored), ==, "Before the crash");
  g_assert_true (limber_program_is_modified (restored));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (restored)), ==, 5);
  g_assert_cmpstr (limber_window_get_draft_id (window), ==, "crashed-window");

  /* Discarding on close removes the draft. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "Save Changes?"));
  adw_message_dialog_response (limber_test_find_message_dialog ("Save Changes?"), "discard");
  limber_test_spin (100);
  drafts = limber_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 0);
  g_unlink (broken_data);
  g_unlink (aside);
}

static gboolean
is_undo_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0
         && gtk_widget_get_mapped (widget);
}

static GtkWidget *
find_undo_button (GtkWidget *root)
{
  if (is_undo_button (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_undo_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_undo_button (gpointer window)
{
  return find_undo_button (window) != NULL;
}

/* A toast saying @message shows an Undo button that runs win.undo:
 * pressed, it undoes the removal. */
static void
click_undo_in_toast (LimberWindow *window,
                     const char   *message)
{
  GtkWidget *button;

  g_assert_true (limber_test_wait_for_label (GTK_WIDGET (window), message));
  g_assert_true (limber_test_wait_for (has_undo_button, window));
  button = find_undo_button (GTK_WIDGET (window));
  g_signal_emit_by_name (button, "clicked");
  limber_test_spin (50);
}

static void
test_builder_exam (void)
{
  LimberWindow *window = open_window ();
  g_autoptr(GFile) sample = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples",
                                                       "tight-hips.limber", NULL);
  LimberProgram *program;
  guint before;

  g_assert_true (limber_window_open_file (window, sample));
  program = limber_window_get_program (window);
  before = limber_program_get_n_exams (program);
  g_assert_cmpuint (before, >=, 1);

  /* A re-exam: the dialog opens on today's date; Save adds it, undoably. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-exam", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "New Examination"));
  limber_test_maybe_screenshot (GTK_WIDGET (limber_test_find_message_dialog ("New Examination")),
                                "builder-exam-dialog.png");
  adw_message_dialog_response (limber_test_find_message_dialog ("New Examination"), "save");
  limber_test_spin (100);
  g_assert_cmpuint (limber_program_get_n_exams (program), ==, before + 1);
  limber_test_maybe_screenshot (GTK_WIDGET (window), "builder-exam.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (limber_program_get_n_exams (program), ==, before);

  /* Removing one offers to undo it: the toast's Undo button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-exam", "u", 0));
  g_assert_cmpuint (limber_program_get_n_exams (program), ==, before - 1);
  click_undo_in_toast (window, "Exam removed");
  g_assert_cmpuint (limber_program_get_n_exams (program), ==, before);

  /* So does removing a stretch (its row's Delete). */
  {
    GtkWidget *row = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_ITEM_ROW);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (program));

    g_assert_nonnull (row);
    g_assert_true (gtk_widget_activate_action (row, "row.remove", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (program)), ==, n - 1);
    click_undo_in_toast (window, "Stretch removed");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (program)), ==, n);
  }

  g_assert_false (limber_program_is_modified (program));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The language of a new program's handout: the one last chosen in the
 * program editor; until one is, the interface's when handouts have words
 * for it, else English. */
static void
test_builder_new_language (void)
{
  LimberWindow *window = open_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  GtkWidget *editor, *row;

  g_settings_reset (settings, "last-language");

  g_setenv ("LANGUAGE", "es_MX:en", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_cmpstr (limber_program_get_language (limber_window_get_program (window)), ==, "es");
  g_assert_false (limber_program_is_modified (limber_window_get_program (window)));

  g_setenv ("LANGUAGE", "de_DE", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_cmpstr (limber_program_get_language (limber_window_get_program (window)), ==, "de");
  g_setenv ("LANGUAGE", "fr_FR", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_cmpstr (limber_program_get_language (limber_window_get_program (window)), ==, "fr");
  /* A language with no handout words, then one with: the second. */
  g_setenv ("LANGUAGE", "it:fr", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_cmpstr (limber_program_get_language (limber_window_get_program (window)), ==, "fr");
  g_setenv ("LANGUAGE", "it", TRUE);   /* no handout words in Italian */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_cmpstr (limber_program_get_language (limber_window_get_program (window)), ==, "en");

  /* Choosing Spanish for this one makes it the next one's, whatever the
   * interface's language. */
  editor = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_PROGRAM_EDITOR);
  row = limber_test_find_widget (editor, ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_assert_cmpstr (limber_program_get_language (limber_window_get_program (window)), ==, "es");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  {
    g_autofree char *last = g_settings_get_string (settings, "last-language");
    g_assert_cmpstr (last, ==, "es");
  }

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_cmpstr (limber_program_get_language (limber_window_get_program (window)), ==, "es");

  /* German chosen in the row (the third language), then a last language
   * set by hand that Limber cannot write: the interface's counts. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_cmpstr (limber_program_get_language (limber_window_get_program (window)), ==, "de");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_cmpstr (limber_program_get_language (limber_window_get_program (window)), ==, "de");
  g_settings_set_string (settings, "last-language", "it");
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_cmpstr (limber_program_get_language (limber_window_get_program (window)), ==, "fr");

  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_settings_reset (settings, "last-language");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* New > Custom Stretch opens the editor; what it saves appears in the
 * catalog list at once, searchable. */
static void
test_builder_custom (void)
{
  LimberWindow *window = open_window ();
  GtkWidget *pane = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_CATALOG_PANE);
  GListModel *model = limber_catalog_pane_get_model (LIMBER_CATALOG_PANE (pane));
  guint before = g_list_model_get_n_items (model);
  LimberCustomFields fields = { 0 };
  g_autoptr(LimberExercise) exercise = NULL;
  g_autoptr(GError) error = NULL;
  CountWait w = { model, 0 };
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-custom", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_of_type,
                                       GSIZE_TO_POINTER (LIMBER_TYPE_CUSTOM_EDITOR)));
  editor = limber_test_find_toplevel (LIMBER_TYPE_CUSTOM_EDITOR, NULL);

  /* What the editor's Save does, then its signal. */
  fields.texts[LIMBER_EXERCISE_NAME] = "Wall calf release for Sam";
  fields.region = "lower-leg";
  fields.tissues = "gastrocnemius";
  exercise = limber_custom_build (&fields, &error);
  g_assert_no_error (error);
  g_assert_true (limber_custom_save (exercise, NULL, NULL, &error));
  g_signal_emit_by_name (editor, "saved", limber_exercise_get_id (exercise));
  w.n = before + 1;
  g_assert_true (limber_test_wait_for (count_is_at_least, &w));
  g_assert_nonnull (limber_catalog_lookup (limber_application_get_catalog (app), limber_exercise_get_id (exercise)));

  gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Drafts and templates go to a fresh folder, never the user's (set
   * before any thread starts). */
  tmpdir = g_dir_make_tmp ("limber-builder-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);

  if (!limber_test_gui_init (&argc, &argv))
    return 77;

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  limber_test_wait_catalog (limber_application_get_catalog (app));

  g_test_add_func ("/builder/tight-hips", test_builder_tight_hips);
  g_test_add_func ("/builder/close-asks", test_builder_close_asks);
  g_test_add_func ("/builder/offers-draft", test_builder_offers_draft);
  g_test_add_func ("/builder/exam", test_builder_exam);
  g_test_add_func ("/builder/custom", test_builder_custom);
  g_test_add_func ("/builder/new-language", test_builder_new_language);
  ret = g_test_run ();
  g_clear_object (&app);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);
    limber_test_delete_tree (dir);
  }
  return ret;
}
