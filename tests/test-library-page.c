/* test-library-page.c — the start page lists the program library by
 * patient, in a real window: search as you type, open, duplicate, move
 * to the trash and undo, Next Visit and Save into the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-application.h"
#include "limber-library-folder-row.h"
#include "limber-library-page.h"
#include "limber-test-gui.h"
#include "limber-test-library.h"
#include "limber-window.h"

static LimberApplication *app;
static GFile *folder;

typedef struct { LimberLibrary *library; guint n; } Wait;

static gboolean
programs_are (gpointer data)
{
  Wait *w = data;
  return !limber_library_get_loading (w->library) && limber_library_get_n_programs (w->library) == w->n;
}

static gboolean
patients_are (gpointer data)
{
  Wait *w = data;
  return g_list_model_get_n_items (G_LIST_MODEL (w->library)) == w->n;
}

static gboolean
has_program (gpointer window)
{
  return !limber_window_is_empty (window);
}

typedef struct { GtkWidget *root; const char *text; } LabelWait;

static gboolean
label_is_mapped (gpointer data)
{
  LabelWait *w = data;
  return limber_test_find_label (w->root, w->text, LIMBER_TEST_MAPPED) != NULL;
}

/* The page is drawn a moment after the library is read. */
static gboolean
shows (LimberWindow *window,
       const char   *text)
{
  LabelWait w = { GTK_WIDGET (window), text };
  return limber_test_wait_for (label_is_mapped, &w);
}

static LimberLibraryPage *
page_of (LimberWindow *window)
{
  GtkWidget *page = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_LIBRARY_PAGE);

  g_assert_nonnull (page);
  return LIMBER_LIBRARY_PAGE (page);
}

/* A window on the library of @n programs, read. */
static LimberWindow *
open_window_with (int   width,
                  guint n)
{
  LimberWindow *window = limber_window_new (app, limber_application_get_catalog (app));
  Wait w = { NULL, n };

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));
  w.library = limber_library_page_get_library (page_of (window));
  g_assert_true (limber_test_wait_for (programs_are, &w));
  limber_test_spin (200);
  return window;
}

static LimberWindow *
open_window (int width)
{
  return open_window_with (width, LIMBER_TEST_LIBRARY_PROGRAMS);
}

static char *
uri_in_library (const char *name)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  return g_file_get_uri (file);
}

static void
test_lists_patients (void)
{
  LimberWindow *window = open_window (1400);
  LimberLibrary *library = limber_library_page_get_library (page_of (window));

  g_assert_true (limber_window_is_empty (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, LIMBER_TEST_LIBRARY_PATIENTS);
  /* The patient seen last at the top, with their id and newest program. */
  g_assert_true (shows (window, "Sam Rivera"));
  g_assert_true (shows (window, "MRN-1000"));
  g_assert_true (shows (window, "Hip mobility — week 3"));
  limber_test_maybe_screenshot_full (GTK_WIDGET (window), "library-1400.png", 800);
  /* The broken files are named, and did not stop the others. */
  g_assert_true (shows (window, "6 files in the library cannot be read"));
  gtk_expander_set_expanded (GTK_EXPANDER (limber_test_find_widget (GTK_WIDGET (window), GTK_TYPE_EXPANDER)), TRUE);
  limber_test_spin (100);
  g_assert_nonnull (limber_test_find_label_containing (GTK_WIDGET (window), "entities.limber:2: "));
  limber_test_maybe_screenshot_full (GTK_WIDGET (window), "library-1400-problems.png", 300);
  gtk_window_destroy (GTK_WINDOW (window));

  /* At a phone's width, one pane: the catalog first, and the forward
   * button (its action) leads to the start page, whose names still read. */
  window = open_window (360);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-program", NULL));
  limber_test_spin (500);
  g_assert_true (shows (window, "Sam Rivera"));
  limber_test_maybe_screenshot_full (GTK_WIDGET (window), "library-360.png", 800);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_as_you_type (void)
{
  LimberWindow *window = open_window (1100);
  LimberLibraryPage *page = page_of (window);
  LimberLibrary *library = limber_library_page_get_library (page);
  GtkWidget *entry = limber_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  Wait w = { library, 1 };

  /* Typed letter by letter, without accents, as a therapist would. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "j");
  gtk_editable_set_text (GTK_EDITABLE (entry), "jo");
  gtk_editable_set_text (GTK_EDITABLE (entry), "jose");
  g_assert_true (limber_test_wait_for (patients_are, &w));
  limber_test_spin (100);
  g_assert_true (shows (window, "José Núñez"));
  g_assert_null (limber_test_find_label (GTK_WIDGET (window), "Sam Rivera", LIMBER_TEST_MAPPED));

  /* A title's words: only those programs, under their patients. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "week 3");
  w.n = 10;
  g_assert_true (limber_test_wait_for (patients_are, &w));

  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody at all");
  w.n = 0;
  g_assert_true (limber_test_wait_for (patients_are, &w));
  limber_test_spin (100);
  g_assert_true (shows (window, "No Matching Programs"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  w.n = LIMBER_TEST_LIBRARY_PATIENTS;
  g_assert_true (limber_test_wait_for (patients_are, &w));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_undo_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0;
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

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_duplicate_trash_undo (void)
{
  LimberWindow *window = open_window (1100);
  LimberLibraryPage *page = page_of (window);
  LimberLibrary *library = limber_library_page_get_library (page);
  g_autofree char *uri = uri_in_library ("Wei Chen 2026-09-12.limber");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *copy = g_build_filename (g_file_peek_path (folder), "Wei Chen 2026-09-12 (2).limber", NULL);
  g_autofree char *before = NULL, *after = NULL;
  Wait w = { library, LIMBER_TEST_LIBRARY_PROGRAMS + 1 };

  g_assert_true (g_file_load_contents (file, NULL, &before, NULL, NULL, NULL));

  /* Duplicate: a copy beside it, listed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "library.duplicate", "s", uri));
  g_assert_true (limber_test_wait_for (programs_are, &w));
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));

  /* Move to the trash: gone from the folder and the list… */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "library.trash", "s", uri));
  w.n = LIMBER_TEST_LIBRARY_PROGRAMS;
  g_assert_true (limber_test_wait_for (programs_are, &w));
  g_assert_false (g_file_query_exists (file, NULL));

  /* …and the toast's Undo puts it back, as it was. */
  g_assert_true (limber_test_wait_for (has_undo_button, window));
  gtk_widget_activate (find_undo_button (GTK_WIDGET (window)));
  g_assert_true (limber_test_wait_for (file_exists, (gpointer) g_file_peek_path (file)));
  w.n = LIMBER_TEST_LIBRARY_PROGRAMS + 1;
  g_assert_true (limber_test_wait_for (programs_are, &w));
  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (g_remove (copy), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct { GtkFileChooser *chooser; GFile *file; } ChooserWait;

static gboolean
chooser_has (gpointer data)
{
  ChooserWait *wait = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (wait->chooser);
  return file != NULL && g_file_equal (file, wait->file);
}

static void
test_open_next_visit_save (void)
{
  LimberWindow *window = open_window (1100);
  LimberLibraryPage *page = page_of (window);
  LimberLibrary *library = limber_library_page_get_library (page);
  g_autofree char *uri = uri_in_library ("Sam Rivera 2026-09-27.limber");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *expected_name = g_strdup_printf ("Sam Rivera %s.limber", today);
  g_autoptr(GFile) expected = g_file_get_child (folder, expected_name);
  g_autofree char *offered = NULL;
  LimberProgram *program;
  GtkWindow *chooser;
  GtkWidget *button;
  ChooserWait wait;
  Wait w = { library, LIMBER_TEST_LIBRARY_PROGRAMS + 1 };

  /* Open from the list: the window shows the program. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "library.open", "s", uri));
  g_assert_true (limber_test_wait_for (has_program, window));
  program = limber_window_get_program (window);
  g_assert_cmpstr (limber_program_get_title (program), ==, "Hip mobility — week 3");

  /* Next Visit, by its shortcut's action: a new program, dated today. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-visit", NULL));
  program = limber_window_get_program (window);
  g_assert_cmpstr (limber_program_get_title (program), ==, "Hip mobility — week 4");
  g_assert_cmpstr (limber_program_get_created (program), ==, today);
  g_assert_cmpstr (limber_program_get_patient_name (program), ==, "Sam Rivera");
  g_assert_cmpuint (limber_program_get_n_exams (program), >, 0);
  g_assert_null (limber_program_get_file (program));
  g_assert_true (limber_program_is_modified (program));
  limber_test_maybe_screenshot (GTK_WIDGET (window), "library-next-visit.png");

  /* Save proposes the library and "PATIENT DATE.limber". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_of_type,
                                       GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  chooser = limber_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (offered, ==, expected_name);
  /* The folder too: the file the dialog would save is the library's. */
  wait = (ChooserWait) { GTK_FILE_CHOOSER (chooser), expected };
  g_assert_true (limber_test_wait_for (chooser_has, &wait));
  button = limber_test_find_label (GTK_WIDGET (chooser), "_Save", LIMBER_TEST_MAPPED);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (gtk_widget_get_ancestor (button, GTK_TYPE_BUTTON)));
  g_assert_true (limber_test_wait_for (file_exists, (gpointer) g_file_peek_path (expected)));

  /* The library lists it, first under Sam Rivera. */
  g_assert_true (limber_test_wait_for (programs_are, &w));
  {
    g_autoptr(LimberLibraryPatient) sam = g_list_model_get_item (G_LIST_MODEL (library), 0);
    g_autoptr(LimberLibraryEntry) newest = g_list_model_get_item (limber_library_patient_get_shown (sam), 0);

    g_assert_cmpstr (limber_library_patient_get_name (sam), ==, "Sam Rivera");
    g_assert_cmpstr (limber_library_entry_get_title (newest), ==, "Hip mobility — week 4");
  }

  /* For Another Patient: no patient, no exams. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.for-another", NULL));
  program = limber_window_get_program (window);
  g_assert_null (limber_program_get_patient_name (program));
  g_assert_cmpuint (limber_program_get_n_exams (program), ==, 0);
  g_assert_true (limber_program_is_modified (program));

  /* Back to the patients: the unsaved copy is asked about first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "Save Changes?"));
  adw_message_dialog_response (limber_test_find_message_dialog ("Save Changes?"), "discard");
  g_assert_true (limber_window_is_empty (window));
  limber_test_spin (200);
  g_assert_true (shows (window, "Sam Rivera"));

  g_assert_cmpint (g_remove (g_file_peek_path (expected)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
find_button_labelled (GtkWidget  *root,
                      const char *label,
                      GtkWidget **found)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    {
      *found = root;
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (find_button_labelled (child, label, found))
      return TRUE;
  return FALSE;
}

/* A patient of many visits shows the last four, and the rest on asking. */
static void
test_older_programs (void)
{
  g_autoptr(GPtrArray) extra = g_ptr_array_new_with_free_func (g_object_unref);
  LimberWindow *window;
  GtkWidget *more = NULL;

  for (guint week = 4; week <= 6; week++)
    {
      g_autofree char *title = g_strdup_printf ("Hip mobility — week %u", week);
      g_autofree char *date = g_strdup_printf ("2026-10-%02u", week);
      g_autofree char *name = g_strdup_printf ("Sam Rivera %s.limber", date);
      g_autofree char *text = limber_test_library_program (title, "Sam Rivera", "MRN-1000", date);
      GFile *file = g_file_get_child (folder, name);

      g_assert_true (g_file_replace_contents (file, text, strlen (text), NULL, FALSE, 0, NULL, NULL, NULL));
      g_ptr_array_add (extra, file);
    }
  window = open_window_with (1100, LIMBER_TEST_LIBRARY_PROGRAMS + 3);
  g_assert_true (shows (window, "Hip mobility — week 6"));
  g_assert_true (shows (window, "Hip mobility — week 3"));
  g_assert_null (limber_test_find_label (GTK_WIDGET (window), "Hip mobility — week 2", LIMBER_TEST_MAPPED));
  g_assert_true (find_button_labelled (GTK_WIDGET (window), "Show 2 Older Programs", &more));
  gtk_widget_activate (more);
  g_assert_true (shows (window, "Hip mobility — week 1"));
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < extra->len; i++)
    g_file_delete (g_ptr_array_index (extra, i), NULL, NULL);
}

/* Preferences' row sets the folder; open windows follow it. */
static void
test_folder_row (void)
{
  LimberWindow *window = open_window (1100);
  LimberLibrary *library = limber_library_page_get_library (page_of (window));
  GtkWidget *row = g_object_ref_sink (g_object_new (LIMBER_TYPE_LIBRARY_FOLDER_ROW, NULL));
  g_autoptr(GSettings) settings = g_settings_new ("io.github.limber.Limber");
  g_autoptr(GFile) other = g_file_get_child (folder, "2026");
  g_autoptr(GFile) fallback = limber_library_default_folder ();
  g_autofree char *other_uri = g_file_get_uri (other);
  g_autofree char *setting = NULL;
  g_autofree char *shown = g_file_get_parse_name (folder);

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, shown);
  limber_library_folder_row_set_folder (LIMBER_LIBRARY_FOLDER_ROW (row), other);
  setting = g_settings_get_string (settings, "library-folder");
  g_assert_cmpstr (setting, ==, other_uri);
  g_assert_true (g_file_equal (limber_library_get_folder (library), other));
  g_free (shown);
  shown = g_file_get_parse_name (other);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, shown);

  /* Back to the default: "Limber Programs" in the documents folder. */
  g_assert_true (gtk_widget_activate_action (row, "library-folder.reset", NULL));
  g_assert_true (g_file_equal (limber_library_get_folder (library), fallback));

  limber_library_folder_row_set_folder (LIMBER_LIBRARY_FOLDER_ROW (row), folder);
  g_object_unref (row);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *uri = NULL;
  int ret;

  if (!limber_test_gui_init (&argc, &argv))
    return 77;

  folder = limber_test_library_make (TRUE);
  uri = g_file_get_uri (folder);
  settings = g_settings_new ("io.github.limber.Limber");
  g_settings_set_string (settings, "library-folder", uri);

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  limber_test_wait_catalog (limber_application_get_catalog (app));

  g_test_add_func ("/library-page/lists-patients", test_lists_patients);
  g_test_add_func ("/library-page/search-as-you-type", test_search_as_you_type);
  g_test_add_func ("/library-page/duplicate-trash-undo", test_duplicate_trash_undo);
  g_test_add_func ("/library-page/open-next-visit-save", test_open_next_visit_save);
  g_test_add_func ("/library-page/older-programs", test_older_programs);
  g_test_add_func ("/library-page/folder-row", test_folder_row);
  ret = g_test_run ();
  g_clear_object (&app);
  limber_test_delete_tree (folder);
  g_clear_object (&folder);
  return ret;
}
