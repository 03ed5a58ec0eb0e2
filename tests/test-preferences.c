/* test-preferences.c — the Preferences window, in a real window
 *
 * Each row changes its setting and the handout options read from the
 * settings; the logo is copied into Limber's folder, survives the
 * original's deletion, and hostile pictures are refused with the logo
 * left as it was; catalog folders are added once and removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-application.h"
#include "limber-clinic-logo.h"
#include "limber-handout.h"
#include "limber-preferences-window.h"
#include "limber-test-gui.h"

static LimberApplication *app;
static char *tmpdir;

typedef struct
{
  GSettings *settings;
  GtkWindow *prefs;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->settings = g_settings_new (APP_ID);
  /* Every key back to its default: tests do not lean on each other. */
  {
    g_autoptr(GSettingsSchema) schema = NULL;
    g_auto(GStrv) keys = NULL;

    g_object_get (f->settings, "settings-schema", &schema, NULL);
    keys = g_settings_schema_list_keys (schema);
    for (guint i = 0; keys[i] != NULL; i++)
      g_settings_reset (f->settings, keys[i]);
  }
  f->prefs = limber_preferences_window_new (NULL, f->settings);
  gtk_window_present (f->prefs);
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, f->prefs));
  limber_test_spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->prefs);
  g_clear_object (&f->settings);
  limber_test_spin (50);
}

static void
assert_setting (Fixture    *f,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (f->settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static GtkWidget *
named (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = limber_test_find_named (GTK_WIDGET (f->prefs), name);

  g_assert_nonnull (widget);
  return widget;
}

static GFile *
temp_file (const char *name,
           const void *data,
           gsize       len)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return g_file_new_for_path (path);
}

/* A real logo: a 300×120 PNG drawn here, blue with a white bar. */
static GFile *
logo_png (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 120);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.3, 0.7);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 30, 50, 240, 20);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static GBytes *
file_bytes (GFile *file)
{
  return g_file_load_bytes (file, NULL, NULL, NULL);
}

/* How much of a @w × @h drawing of the logo is not white. */
static double
inked_fraction (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 40);
  cairo_t *cr = cairo_create (surface);
  guint inked = 0;
  gboolean drawn;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  drawn = limber_clinic_logo_draw (path, cr, 100, 40);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < 40; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface)
                                              + y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < 100; x++)
        if ((row[x] & 0xffffff) != 0xffffff)
          inked++;
    }
  cairo_surface_destroy (surface);
  return drawn ? inked / 4000.0 : -1;
}

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  LimberHandoutOptions options = { 0 };
  GtkWidget *name_row = named (f, "clinic-name");

  /* Typing into a row is the setting, at once. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Riverside Physio");
  gtk_editable_set_text (GTK_EDITABLE (named (f, "clinic-phone")), "555 0142");
  gtk_editable_set_text (GTK_EDITABLE (named (f, "therapist-name")), "Alex Kim");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (f, "paper")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (f, "layout")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (f, "days")), 1);
  assert_setting (f, "clinic-name", "Riverside Physio");
  assert_setting (f, "therapist-name", "Alex Kim");

  /* What the next handout is made with. */
  limber_handout_options_init (&options);
  limber_handout_options_load_settings (&options, f->settings);
  g_assert_cmpstr (options.clinic_name, ==, "Riverside Physio");
  g_assert_cmpstr (options.clinic_phone, ==, "555 0142");
  g_assert_cmpint (options.paper, ==, LIMBER_PAPER_LETTER);
  g_assert_cmpint (options.layout, ==, LIMBER_HANDOUT_COMPACT);
  g_assert_cmpint (options.days, ==, 14);
  limber_handout_options_clear (&options);

  /* And the other way: a setting changed elsewhere shows. */
  g_settings_set_string (f->settings, "clinic-name", "Hillside Clinic");
  g_settings_set_enum (f->settings, "handout-layout", 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Hillside Clinic");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (named (f, "layout"))), ==, 1);
  limber_test_maybe_screenshot (GTK_WIDGET (f->prefs), "preferences.png");
}

static void
test_logo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) source = logo_png ("Riverside logo.png");
  g_autoptr(GFile) copy = limber_clinic_logo_file ();
  g_autofree char *copy_path = g_file_get_path (copy);
  g_autofree char *source_path = g_file_get_path (source);
  g_autoptr(GBytes) source_bytes = file_bytes (source);
  g_autoptr(GBytes) copied = NULL;
  g_autofree char *setting = NULL;
  AdwActionRow *row = ADW_ACTION_ROW (named (f, "logo"));

  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "None");
  g_assert_false (gtk_widget_get_sensitive (named (f, "remove-logo")));

  g_assert_true (limber_preferences_window_set_logo (LIMBER_PREFERENCES_WINDOW (f->prefs), source));
  setting = g_settings_get_string (f->settings, "clinic-logo");
  g_assert_cmpstr (setting, ==, copy_path);
  copied = file_bytes (copy);
  g_assert_nonnull (copied);
  g_assert_true (g_bytes_equal (copied, source_bytes));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Printed on page 1 of every handout");
  g_assert_true (gtk_widget_get_sensitive (named (f, "remove-logo")));
  limber_test_maybe_screenshot_full (GTK_WIDGET (f->prefs), "preferences-logo.png", 300);

  /* The original may go: handouts keep the logo. */
  g_assert_cmpint (g_unlink (source_path), ==, 0);
  g_assert_cmpfloat (inked_fraction (setting), >, 0.5);

  /* Remove: no logo, and Limber's copy is gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->prefs), "prefs.remove-logo", NULL));
  g_free (setting);
  setting = g_settings_get_string (f->settings, "clinic-logo");
  g_assert_cmpstr (setting, ==, "");
  g_assert_false (g_file_query_exists (copy, NULL));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "None");
}

/* A file dropped from the file manager: on the logo row, a picture is
 * the logo; on the folders' list, a folder is added and a file is not. */
static gboolean
drop_files (GtkWidget *on,
            GFile     *file)
{
  GtkDropTarget *target = limber_test_find_drop_target (on, GDK_TYPE_FILE_LIST);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *list = g_slist_prepend (NULL, file);
  gboolean taken = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &taken);
  return taken;
}

static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) picture = logo_png ("dropped logo.png");
  g_autoptr(GFile) folder = g_file_new_build_filename (tmpdir, "Dropped folder", NULL);
  g_autoptr(GFile) copy = limber_clinic_logo_file ();
  g_autofree char *copy_path = g_file_get_path (copy);
  g_autofree char *uri = g_file_get_uri (folder);
  g_auto(GStrv) folders = NULL;
  GtkWidget *list = named (f, "folders");

  g_assert_true (drop_files (named (f, "logo"), picture));
  assert_setting (f, "clinic-logo", copy_path);

  g_assert_true (g_file_make_directory (folder, NULL, NULL));
  g_assert_false (drop_files (list, picture));
  g_assert_true (drop_files (list, folder));
  folders = g_settings_get_strv (f->settings, "catalog-folders");
  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_cmpstr (folders[0], ==, uri);
}

/* A logo the settings point to that is the user's own file (an older
 * Limber, or dconf): removing the logo never deletes it. */
static void
test_logo_remove_keeps_users_file (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GFile) own = logo_png ("own logo.png");
  g_autofree char *own_path = g_file_get_path (own);

  g_settings_set_string (f->settings, "clinic-logo", own_path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->prefs), "prefs.remove-logo", NULL));
  assert_setting (f, "clinic-logo", "");
  g_assert_true (g_file_query_exists (own, NULL));
}

static gboolean
dialog_gone (gpointer heading)
{
  return !limber_test_has_message_dialog (heading);
}

static void
assert_refused (Fixture    *f,
                GFile      *file,
                const char *why,
                GBytes     *logo_before)
{
  const char *heading = "The Logo Was Not Changed";
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) copy = limber_clinic_logo_file ();
  g_autofree char *copy_path = g_file_get_path (copy);
  g_autoptr(GBytes) after = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_false (limber_preferences_window_set_logo (LIMBER_PREFERENCES_WINDOW (f->prefs), file));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) heading));
  dialog = limber_test_find_message_dialog (heading);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s: %s", name, body);
  g_assert_nonnull (strstr (body, name));
  g_assert_nonnull (strstr (body, why));
  g_assert_null (strstr (body, "Dear colleague"));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (limber_test_wait_for (dialog_gone, (gpointer) heading));

  /* The logo is what it was. */
  assert_setting (f, "clinic-logo", copy_path);
  after = file_bytes (copy);
  g_assert_nonnull (after);
  g_assert_true (g_bytes_equal (after, logo_before));
}

static void
test_logo_refused (Fixture       *f,
                   gconstpointer  data)
{
  static const guchar huge[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 2, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef,
  };
  static const char letter[] = "Dear colleague, this is not a picture.\n";
  g_autofree char *outside = g_strdup_printf ("<svg xmlns='http://www.w3.org/2000/svg' "
                                              "xmlns:xlink='http://www.w3.org/1999/xlink' width='100' "
                                              "height='40'><image xlink:href='file://%s/letter.png' "
                                              "width='100' height='40'/></svg>", tmpdir);
  g_autoptr(GFile) good = logo_png ("good.png");
  g_autoptr(GBytes) good_bytes = file_bytes (good);
  g_autoptr(GFile) huge_file = temp_file ("huge.png", huge, sizeof huge);
  g_autoptr(GFile) text_file = temp_file ("letter.png", letter, sizeof letter - 1);
  g_autoptr(GFile) svg_file = temp_file ("outside.svg", outside, strlen (outside));
  g_autoptr(GFile) missing = g_file_new_build_filename (tmpdir, "gone.png", NULL);
  g_autoptr(GFile) folder = g_file_new_build_filename (tmpdir, "a folder.png", NULL);
  /* A good PNG cut in half: its header is fine, its pixels are not. */
  g_autoptr(GFile) cut = temp_file ("cut.png", g_bytes_get_data (good_bytes, NULL), g_bytes_get_size (good_bytes) / 2);

  g_assert_true (g_file_make_directory (folder, NULL, NULL));
  g_assert_true (limber_preferences_window_set_logo (LIMBER_PREFERENCES_WINDOW (f->prefs), good));

  assert_refused (f, text_file, "not a PNG, JPEG or SVG", good_bytes);
  assert_refused (f, huge_file, "30000", good_bytes);
  assert_refused (f, svg_file, "outside", good_bytes);
  assert_refused (f, missing, "there is no such file", good_bytes);
  assert_refused (f, folder, "not a file", good_bytes);
  assert_refused (f, cut, "cut short", good_bytes);
}

static void
test_folders (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_build_filename (tmpdir, "Clinic stretches", NULL);
  g_autofree char *uri = g_file_get_uri (folder);
  g_auto(GStrv) folders = NULL;
  GtkWidget *remove;

  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (f->prefs), "None: only Limber’s own stretches and yours",
                                            LIMBER_TEST_ANY));
  limber_preferences_window_add_folder (LIMBER_PREFERENCES_WINDOW (f->prefs), folder);
  limber_preferences_window_add_folder (LIMBER_PREFERENCES_WINDOW (f->prefs), folder);
  folders = g_settings_get_strv (f->settings, "catalog-folders");
  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_cmpstr (folders[0], ==, uri);
  g_assert_nonnull (limber_test_find_label_containing (GTK_WIDGET (f->prefs), "Clinic stretches"));

  /* The row's remove button. */
  remove = limber_test_find_label_containing (GTK_WIDGET (f->prefs), "Clinic stretches");
  while (remove != NULL && !ADW_IS_ACTION_ROW (remove))
    remove = gtk_widget_get_parent (remove);
  g_assert_nonnull (remove);
  remove = limber_test_find_widget (remove, GTK_TYPE_BUTTON);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_strfreev (folders);
  folders = g_settings_get_strv (f->settings, "catalog-folders");
  g_assert_cmpuint (g_strv_length (folders), ==, 0);
}

/* Ctrl+comma and the menu item: app.preferences opens the window. */
static void
test_app_action (void)
{
  GtkWindow *prefs;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_of_type,
                                       GSIZE_TO_POINTER (LIMBER_TYPE_PREFERENCES_WINDOW)));
  prefs = limber_test_find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_nonnull (prefs);
  gtk_window_destroy (prefs);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The logo's copy goes to a fresh folder (set before any thread
   * starts). */
  tmpdir = g_dir_make_tmp ("limber-preferences-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);

  if (!limber_test_gui_init (&argc, &argv))
    return 77;

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  limber_test_wait_catalog (limber_application_get_catalog (app));

  g_test_add ("/preferences/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/preferences/logo", Fixture, NULL, fixture_set_up, test_logo, fixture_tear_down);
  g_test_add ("/preferences/logo-remove-keeps-users-file", Fixture, NULL, fixture_set_up,
              test_logo_remove_keeps_users_file, fixture_tear_down);
  g_test_add ("/preferences/logo-refused", Fixture, NULL, fixture_set_up, test_logo_refused, fixture_tear_down);
  g_test_add ("/preferences/folders", Fixture, NULL, fixture_set_up, test_folders, fixture_tear_down);
  g_test_add ("/preferences/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
  g_test_add_func ("/preferences/app-action", test_app_action);
  ret = g_test_run ();
  g_clear_object (&app);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);
    limber_test_delete_tree (dir);
  }
  g_free (tmpdir);
  return ret;
}
