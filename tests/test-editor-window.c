/* test-editor-window.c — what the program editor asks of the window
 *
 * Ctrl+N the same whether the program shown is saved or not, a stretch
 * added twice said so, and templates: named when saved, renamed and
 * deleted (with Undo) in Manage Templates.  In the real window, under
 * Xvfb in CI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-application.h"
#include "limber-catalog-pane.h"
#include "limber-item-row.h"
#include "limber-program-editor.h"
#include "limber-templates-window.h"
#include "limber-test-gui.h"
#include "limber-window.h"

static LimberApplication *app;

static LimberWindow *
open_window (void)
{
  LimberWindow *window = limber_window_new (app, limber_application_get_catalog (app));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));
  limber_test_spin (100);
  return window;
}

static GFile *
sample_file (void)
{
  return g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples", "tight-hips.limber", NULL);
}

/* The window that is not any of @known, among the application's. */
static LimberWindow *
newest_window (GList *known)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (LIMBER_IS_WINDOW (l->data) && g_list_find (known, l->data) == NULL)
      return l->data;
  return NULL;
}

static void
close_all (void)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  limber_test_spin (50);
}

/* Ctrl+N never replaces a program with something in it, saved or not:
 * it opens beside.  The start page and an untouched empty program give
 * their place. */
static void
test_new_same_whatever_saved (void)
{
  LimberWindow *window = open_window ();
  g_autoptr(GFile) sample = sample_file ();
  LimberProgram *empty;
  GList *known = NULL;
  LimberWindow *beside;
  guint windows = limber_test_count_toplevels (LIMBER_TYPE_WINDOW);

  /* The start page: here. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  empty = limber_window_get_program (window);
  g_assert_nonnull (empty);
  g_assert_cmpuint (limber_test_count_toplevels (LIMBER_TYPE_WINDOW), ==, windows);
  /* An untouched empty program: here again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_cmpuint (limber_test_count_toplevels (LIMBER_TYPE_WINDOW), ==, windows);

  /* Saved, unchanged: beside. */
  g_assert_true (limber_window_open_file (window, sample));
  g_assert_false (limber_program_is_modified (limber_window_get_program (window)));
  known = g_list_prepend (known, window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_cmpuint (limber_test_count_toplevels (LIMBER_TYPE_WINDOW), ==, windows + 1);
  g_assert_true (g_file_equal (limber_program_get_file (limber_window_get_program (window)), sample));
  beside = newest_window (known);
  g_assert_nonnull (beside);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (limber_window_get_program (beside))), ==, 0);
  known = g_list_prepend (known, beside);

  /* Changed, not saved: beside too, the same. */
  limber_program_set_field (limber_window_get_program (window), LIMBER_PROGRAM_TITLE, "Week 2");
  g_assert_true (limber_program_is_modified (limber_window_get_program (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_cmpuint (limber_test_count_toplevels (LIMBER_TYPE_WINDOW), ==, windows + 2);
  g_assert_cmpstr (limber_program_get_title (limber_window_get_program (window)), ==, "Week 2");
  g_assert_null (limber_test_find_message_dialog ("Save Changes?"));

  /* A new program with a stretch but never saved: beside. */
  beside = newest_window (known);
  {
    GtkWidget *pane = limber_test_find_widget (GTK_WIDGET (beside), LIMBER_TYPE_CATALOG_PANE);
    g_autoptr(LimberExercise) exercise = g_list_model_get_item (
      G_LIST_MODEL (limber_application_get_catalog (app)), 0);

    g_signal_emit_by_name (pane, "exercise-activated", exercise);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (beside), "win.new", NULL));
  g_assert_cmpuint (limber_test_count_toplevels (LIMBER_TYPE_WINDOW), ==, windows + 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (limber_window_get_program (beside))), ==, 1);

  limber_program_mark_saved (limber_window_get_program (window));
  limber_program_mark_saved (limber_window_get_program (beside));
  g_list_free (known);
  close_all ();
}

/* The button labelled @label of the toast that says @title (the main
 * menu has an "_Undo" too). */
static GtkWidget *
toast_button (GtkWidget  *window,
              const char *title,
              const char *label)
{
  GtkWidget *said = limber_test_find_label (window, title, LIMBER_TEST_ANY);

  for (GtkWidget *w = said; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *found = limber_test_find_label (w, label, LIMBER_TEST_ANY);

      if (found != NULL && gtk_widget_get_ancestor (found, GTK_TYPE_BUTTON) != NULL)
        return gtk_widget_get_ancestor (found, GTK_TYPE_BUTTON);
    }
  return NULL;
}

/* A stretch added a second time is added (a program may hold one
 * twice, e.g. for two sides), and the toast says so, with Undo. */
static void
test_duplicate_add (void)
{
  LimberWindow *window = open_window ();
  GtkWidget *pane = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_CATALOG_PANE);
  g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (limber_application_get_catalog (app)), 3);
  g_autofree char *said = g_strdup_printf ("“%s” was already in this program: added again",
                                           limber_exercise_get_name (exercise, "en"));
  LimberProgram *program;
  GtkWidget *undo;

  g_signal_emit_by_name (pane, "exercise-activated", exercise);
  program = limber_window_get_program (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (program)), ==, 1);
  g_assert_null (limber_test_find_label (GTK_WIDGET (window), said, LIMBER_TEST_ANY));

  g_signal_emit_by_name (pane, "exercise-activated", exercise);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (program)), ==, 2);
  g_assert_true (limber_test_wait_for_label (GTK_WIDGET (window), said));
  limber_test_maybe_screenshot (GTK_WIDGET (window), "duplicate-add.png");
  undo = toast_button (GTK_WIDGET (window), said, "_Undo");
  g_assert_nonnull (undo);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (undo)), ==, "win.undo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (program)), ==, 1);

  limber_program_mark_saved (program);
  close_all ();
}

static char *
template_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "limber", "templates", name, NULL);
}

static gboolean
has_templates_window (gpointer data)
{
  return limber_test_count_toplevels (LIMBER_TYPE_TEMPLATES_WINDOW) > 0;
}

/* The row of the template @name in Manage Templates. */
static AdwEntryRow *
template_row (GtkWindow  *manage,
              const char *name)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *row = limber_test_find_nth_widget (GTK_WIDGET (manage), ADW_TYPE_ENTRY_ROW, i);

      if (row == NULL)
        return NULL;
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), name) == 0)
        return ADW_ENTRY_ROW (row);
    }
}

/* Save as Template asks for a name; Manage Templates renames and
 * deletes, and Undo brings a deleted one back as it was. */
static void
test_templates_manage (void)
{
  LimberWindow *window = open_window ();
  g_autoptr(GFile) sample = sample_file ();
  g_autofree char *saved = template_path ("Hips basic.limber");
  g_autofree char *renamed = template_path ("Hips for runners.limber");
  g_autofree char *contents = NULL, *again = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  GtkWindow *manage;
  AdwEntryRow *row;
  GtkWidget *delete, *undo;

  g_remove (saved);
  g_remove (renamed);
  g_assert_true (limber_window_open_file (window, sample));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-template", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "Save as Template"));
  dialog = limber_test_find_message_dialog ("Save as Template");
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  /* The program's title to start with; no name, no Save. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, limber_program_get_title (limber_window_get_program (window)));
  gtk_editable_set_text (entry, "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (entry, "Hips basic");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  limber_test_maybe_screenshot (GTK_WIDGET (dialog), "template-name.png");
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (g_file_get_contents (saved, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "<patient"));

  /* Saving another under that name says it replaces it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-template", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "Save as Template"));
  dialog = limber_test_find_message_dialog ("Save as Template");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Hips basic");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "save"), ==, "_Replace");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Manage Templates: rename. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.manage-templates", NULL));
  g_assert_true (limber_test_wait_for (has_templates_window, NULL));
  manage = limber_test_find_toplevel (LIMBER_TYPE_TEMPLATES_WINDOW, NULL);
  limber_test_spin (100);
  row = template_row (manage, "Hips basic");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Hips for runners");
  g_signal_emit_by_name (row, "apply");
  g_assert_false (g_file_test (saved, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (renamed, &again, NULL, NULL));
  g_assert_cmpstr (again, ==, contents);
  g_clear_pointer (&again, g_free);
  row = template_row (manage, "Hips for runners");
  g_assert_nonnull (row);
  limber_test_maybe_screenshot (GTK_WIDGET (manage), "templates-manage.png");

  /* Delete, then Undo: the same bytes back. */
  delete = limber_test_find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON);
  while (delete != NULL && g_strcmp0 (gtk_widget_get_tooltip_text (delete), "Delete") != 0)
    delete = limber_test_find_nth_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, 1);
  g_assert_nonnull (delete);
  g_signal_emit_by_name (delete, "clicked");
  g_assert_false (g_file_test (renamed, G_FILE_TEST_EXISTS));
  g_assert_null (template_row (manage, "Hips for runners"));
  g_assert_true (limber_test_wait_for_label (GTK_WIDGET (manage), "Template “Hips for runners” deleted"));
  undo = toast_button (GTK_WIDGET (manage), "Template “Hips for runners” deleted", "_Undo");
  g_assert_nonnull (undo);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (undo)), ==, "templates.undo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (manage), "templates.undo", NULL));
  g_assert_true (g_file_get_contents (renamed, &again, NULL, NULL));
  g_assert_cmpstr (again, ==, contents);
  g_assert_nonnull (template_row (manage, "Hips for runners"));

  gtk_window_destroy (manage);
  g_remove (renamed);
  close_all ();
}

/* A 30-stretch program in the real window, wide and at a phone's width:
 * the rows stay compact, the patient and dates are on top. */
static void
test_thirty_in_window (void)
{
  static const int widths[] = { 1400, 360 };
  LimberCatalog *catalog = limber_application_get_catalog (app);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      LimberWindow *window = limber_window_new (app, catalog);
      g_autoptr(LimberProgram) program = limber_program_new ();
      g_autofree char *name = g_strdup_printf ("editor-30-window-%d.png", widths[w]);
      GtkListBox *list;
      GtkWidget *editor;

      limber_program_start (program, "2026-11-24", "Alex Kim", "Riverside Physio", "en");
      limber_program_set_field (program, LIMBER_PROGRAM_TITLE, "Hips and low back — week 3");
      limber_program_set_field (program, LIMBER_PROGRAM_PATIENT_NAME, "Sam Rivera");
      limber_program_set_field (program, LIMBER_PROGRAM_NEXT_VISIT, "2026-12-08");
      for (guint i = 0; i < 30; i++)
        {
          g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), i);
          limber_program_insert_exercise (program, i, exercise);
        }
      limber_program_mark_saved (program);
      limber_window_take_draft (window, program, NULL);
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 900);
      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));
      limber_test_spin (300);
      editor = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_PROGRAM_EDITOR);
      list = limber_program_editor_get_list (LIMBER_PROGRAM_EDITOR (editor));
      g_test_message ("30 stretches at %d px: %d px of rows", widths[w], gtk_widget_get_height (GTK_WIDGET (list)));
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (list)), <=, 30 * 100);
      g_assert_true (gtk_widget_get_mapped (editor));
      /* One open among the compact ones, as the therapist sees it while
       * setting a dosage. */
      limber_item_row_set_expanded (LIMBER_ITEM_ROW (gtk_list_box_get_row_at_index (list, 1)), TRUE);
      limber_test_maybe_screenshot (GTK_WIDGET (window), name);
      gtk_window_destroy (GTK_WINDOW (window));
      limber_test_spin (50);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!limber_test_gui_init (&argc, &argv))
    return 77;

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  limber_test_wait_catalog (limber_application_get_catalog (app));

  g_test_add_func ("/editor-window/new-same-whatever-saved", test_new_same_whatever_saved);
  g_test_add_func ("/editor-window/duplicate-add", test_duplicate_add);
  g_test_add_func ("/editor-window/templates-manage", test_templates_manage);
  g_test_add_func ("/editor-window/thirty-in-window", test_thirty_in_window);
  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
