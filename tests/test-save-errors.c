/* test-save-errors.c — saving from the real window when saving fails
 *
 * test-faults proves that no writer ever leaves a broken file; this is
 * what the therapist sees meanwhile.  The program's folder is a tiny
 * tmpfs filled to the last page (fault-tmpfs.c: a real ENOSPC), or a
 * read-only folder.  Each time: a dialog names the file and says why in
 * plain words, the file on disk is the old one byte for byte, nothing
 * else appears in the folder, and the window keeps the work, still
 * unsaved, so that closing asks again and a Save with room succeeds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "limber-application.h"
#include "limber-paths.h"
#include "limber-test-gui.h"
#include "limber-window.h"

#include "fault-tmpfs.h"

#define NEW_TITLE  "Tight hips, week 2"

static LimberApplication *app;
static char *tmpdir;

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

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Names and sizes in @folder, hidden files too: a temporary file left
 * behind shows. */
static char *
listing (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      GStatBuf st;

      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      g_string_append_printf (out, "%s %" G_GINT64_FORMAT "\n", (char *) g_ptr_array_index (names, i),
                              (gint64) st.st_size);
    }
  return g_string_free (out, FALSE);
}

/* The sample program, as a patient's file in @folder. */
static char *
put_sample (const char *folder)
{
  g_autofree char *sample = g_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples", "tight-hips.limber", NULL);
  g_autofree char *data = NULL;
  char *path = g_build_filename (folder, "Sam Rivera.limber", NULL);
  gsize len;

  g_assert_true (g_file_get_contents (sample, &data, &len, NULL));
  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return path;
}

/* The window with @path open and its title changed: unsaved work. */
static LimberWindow *
edit_in_window (const char *path)
{
  LimberWindow *window = open_window ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LimberProgram *program;

  g_assert_true (limber_window_open_file (window, file));
  program = limber_window_get_program (window);
  limber_program_set_field (program, LIMBER_PROGRAM_TITLE, NEW_TITLE);
  g_assert_true (limber_program_is_modified (program));
  return window;
}

static gboolean
dialog_gone (gpointer heading)
{
  return !limber_test_has_message_dialog (heading);
}

/* The error dialog is up and says @why about @path; closed after. */
static void
assert_error_dialog (const char *heading,
                     const char *path,
                     const char *why,
                     const char *screenshot)
{
  g_autofree char *name = g_path_get_basename (path);
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) heading));
  dialog = limber_test_find_message_dialog (heading);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s: %s", heading, body);
  g_assert_nonnull (strstr (body, name));
  g_assert_nonnull (strstr (body, why));
  /* A program that was not saved is still in the window: say so. */
  if (g_str_equal (heading, "The Program Was Not Saved"))
    g_assert_nonnull (strstr (body, "Your changes are still here"));
  if (screenshot != NULL)
    limber_test_maybe_screenshot (GTK_WIDGET (dialog), screenshot);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (limber_test_wait_for (dialog_gone, (gpointer) heading));
}

/* What a failed save must leave: the old file, the same folder, the
 * work still in the window and still unsaved. */
static void
assert_nothing_lost (LimberWindow *window,
                     const char   *path,
                     GBytes       *original,
                     const char   *before)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *after = listing (folder);
  g_autoptr(GBytes) now = read_bytes (path);
  LimberProgram *program = limber_window_get_program (window);

  g_assert_nonnull (now);
  g_assert_true (g_bytes_equal (now, original));
  g_assert_cmpstr (before, ==, after);
  g_assert_true (limber_program_is_modified (program));
  g_assert_cmpstr (limber_program_get_title (program), ==, NEW_TITLE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
answer_close_dialog (const char *response)
{
  const char *heading = "Save Changes?";

  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) heading));
  adw_message_dialog_response (limber_test_find_message_dialog (heading), response);
  /* A response given from code leaves the dialog up. */
  if (limber_test_has_message_dialog ((gpointer) heading))
    gtk_window_close (GTK_WINDOW (limber_test_find_message_dialog (heading)));
  g_assert_true (limber_test_wait_for (dialog_gone, (gpointer) heading));
}

static void
test_full_disk_save (void)
{
  g_autofree char *folder = g_build_filename (tmpdir, "Patients", NULL);
  g_autofree char *filler = g_build_filename (folder, TMPFS_FILLER_NAME, NULL);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberProgram) saved = NULL;
  g_autoptr(GFile) file = NULL;
  LimberWindow *window;
  GtkWidget *weak;

  if (tmpfs_unavailable () != NULL)
    {
      g_test_skip (tmpfs_unavailable ());
      return;
    }
  g_assert_true (tmpfs_mount (folder, &error));
  g_assert_no_error (error);
  path = put_sample (folder);
  original = read_bytes (path);
  window = edit_in_window (path);
  tmpfs_leave (folder, 0);
  before = listing (folder);

  /* Ctrl+S. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  assert_error_dialog ("The Program Was Not Saved", path, "the disk is full", "save-error-full-disk.png");
  assert_nothing_lost (window, path, original, before);

  /* Closing asks; Save still fails: the window stays, with the work. */
  gtk_window_close (GTK_WINDOW (window));
  answer_close_dialog ("save");
  assert_error_dialog ("The Program Was Not Saved", path, "the disk is full", NULL);
  assert_nothing_lost (window, path, original, before);

  /* Room again: Save from the close dialog saves and closes. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  weak = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (window));
  answer_close_dialog ("save");
  g_assert_true (limber_test_wait_for (is_null, &weak));

  file = g_file_new_for_path (path);
  saved = limber_program_load (file, limber_application_get_catalog (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_program_get_title (saved), ==, NEW_TITLE);
  tmpfs_unmount (folder);
}

static void
test_full_disk_template (void)
{
  g_autoptr(GFile) templates = limber_paths_templates ();
  g_autofree char *folder = g_file_get_path (templates);
  g_autofree char *patients = g_build_filename (tmpdir, "Patients-2", NULL);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  LimberWindow *window;

  if (tmpfs_unavailable () != NULL)
    {
      g_test_skip (tmpfs_unavailable ());
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (patients, 0755), ==, 0);
  path = put_sample (patients);
  window = edit_in_window (path);
  g_assert_true (tmpfs_mount (folder, &error));
  g_assert_no_error (error);
  tmpfs_leave (folder, 0);
  before = listing (folder);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-template", NULL));
  /* Named as the program is titled, as the dialog offers. */
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "Save as Template"));
  {
    AdwMessageDialog *dialog = limber_test_find_message_dialog ("Save as Template");

    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  assert_error_dialog ("The Template Was Not Saved", NEW_TITLE ".limber", "the disk is full", NULL);
  after = listing (folder);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (limber_program_is_modified (limber_window_get_program (window)));

  tmpfs_unmount (folder);
  gtk_window_close (GTK_WINDOW (window));
  answer_close_dialog ("discard");
}

static void
test_read_only_save (void)
{
  g_autofree char *folder = g_build_filename (tmpdir, "Read-only", NULL);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GBytes) original = NULL;
  LimberWindow *window;
  gboolean obeyed;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  path = put_sample (folder);
  original = read_bytes (path);
  window = edit_in_window (path);
  before = listing (folder);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  /* Root (CI) writes there all the same unless it gives up the right
   * to, for this thread, which is the one that saves. */
  obeyed = limber_test_obey_permissions (TRUE);
  if (obeyed || getuid () != 0)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
      assert_error_dialog ("The Program Was Not Saved", path, "read-only", "save-error-read-only.png");
    }
  g_assert_true (limber_test_obey_permissions (FALSE));
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  if (!obeyed && getuid () == 0)
    {
      g_test_skip ("root who cannot drop CAP_DAC_OVERRIDE: a read-only folder is writable");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  assert_nothing_lost (window, path, original, before);
  gtk_window_close (GTK_WINDOW (window));
  answer_close_dialog ("discard");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Before any thread: a mount namespace of this process's own. */
  tmpfs_init ();

  /* Drafts, recent files and templates go to a fresh folder, never the
   * user's (set before any thread starts). */
  tmpdir = g_dir_make_tmp ("limber-save-errors-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);

  if (!limber_test_gui_init (&argc, &argv))
    return 77;

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  limber_test_wait_catalog (limber_application_get_catalog (app));

  g_test_add_func ("/save-errors/full-disk", test_full_disk_save);
  g_test_add_func ("/save-errors/full-disk-template", test_full_disk_template);
  g_test_add_func ("/save-errors/read-only", test_read_only_save);
  ret = g_test_run ();
  g_clear_object (&app);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);
    limber_test_delete_tree (dir);
  }
  g_free (tmpdir);
  return ret;
}
