/* test-window.c — the real window under a real display (Xvfb in CI)
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
#include "limber-test-gui.h"
#include "limber-window.h"

static LimberApplication *app;

static LimberWindow *
open_window (void)
{
  LimberWindow *window = limber_window_new (app, limber_application_get_catalog (app));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));
  limber_test_spin (200);
  return window;
}

typedef struct { GListModel *model; guint n; } CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *w = data;
  return g_list_model_get_n_items (w->model) == w->n;
}

static gboolean
count_not (gpointer data)
{
  CountWait *w = data;
  return g_list_model_get_n_items (w->model) != w->n;
}

typedef struct
{
  GListModel *model;
  const char *id;
} FirstWait;

static gboolean
first_is (gpointer data)
{
  FirstWait *w = data;
  g_autoptr(LimberExercise) first = g_list_model_get_item (w->model, 0);

  return first != NULL && g_str_equal (limber_exercise_get_id (first), w->id);
}

static void
test_window_shows_catalog (void)
{
  LimberWindow *window = open_window ();
  LimberCatalog *catalog = limber_application_get_catalog (app);
  GtkWidget *pane = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_CATALOG_PANE);
  GListModel *model = limber_catalog_pane_get_model (LIMBER_CATALOG_PANE (pane));
  g_autoptr(LimberExercise) first = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  GtkWidget *stack;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), >=, 44);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, g_list_model_get_n_items (G_LIST_MODEL (catalog)));

  /* The rows are drawn: the first stretch's name is on screen. */
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (window), limber_exercise_get_name (first, "en"),
                                            LIMBER_TEST_MAPPED));
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (window), "47 stretches", LIMBER_TEST_MAPPED)
                    ? (gpointer) 1 : limber_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL));

  /* The empty program pane says how to start. */
  stack = limber_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK);
  g_assert_nonnull (stack);
  g_assert_true (limber_window_is_empty (window));
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (window), "Build a Home Program", LIMBER_TEST_MAPPED));
  limber_test_maybe_screenshot (GTK_WIDGET (window), "window-empty.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_search_as_you_type (void)
{
  LimberWindow *window = open_window ();
  GtkWidget *pane = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_CATALOG_PANE);
  GtkWidget *entry = limber_test_find_widget (pane, GTK_TYPE_SEARCH_ENTRY);
  GListModel *model = limber_catalog_pane_get_model (LIMBER_CATALOG_PANE (pane));
  guint all = g_list_model_get_n_items (model);
  CountWait w = { model, all };

  /* Ctrl+F's action puts the cursor in the search entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (limber_test_wait_for (limber_test_focus_is_in, entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "psoas");
  g_assert_true (limber_test_wait_for (count_not, &w));
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (model, i);
      g_assert_true (g_strv_contains (limber_exercise_get_tissues (e), "iliopsoas"));
    }
  limber_test_maybe_screenshot (GTK_WIDGET (window), "window-search.png");

  /* The list is in ranked order: an exact name first, wherever the
   * catalog has it; knee stretches before kneeling ones. */
  {
    FirstWait exact = { model, "gastrocnemius-seated" }, knee = { model, "popliteus-seated" };

    gtk_editable_set_text (GTK_EDITABLE (entry), "seated calf release, leg up");
    g_assert_true (limber_test_wait_for (first_is, &exact));
    gtk_editable_set_text (GTK_EDITABLE (entry), "knee");
    g_assert_true (limber_test_wait_for (first_is, &knee));
    limber_test_maybe_screenshot (GTK_WIDGET (window), "window-search-knee.png");
    /* On screen too: the list shows the model's order. */
    limber_test_spin (100);
    g_assert_nonnull (limber_test_find_label (GTK_WIDGET (window), "Seated back-of-knee release", LIMBER_TEST_MAPPED));
  }
  limber_test_maybe_screenshot (GTK_WIDGET (window), "window-search-knee.png");

  /* Nothing matches: the pane says how to widen the search. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzqqq");
  w.n = 0;
  g_assert_true (limber_test_wait_for (count_is, &w));
  limber_test_spin (50);
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (window), "No Matching Stretches", LIMBER_TEST_MAPPED));
  limber_test_maybe_screenshot (GTK_WIDGET (window), "window-no-match.png");

  /* Its button clears everything. */
  g_assert_true (gtk_widget_activate_action (pane, "catalog.clear", NULL));
  w.n = all;
  g_assert_true (limber_test_wait_for (count_is, &w));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_filters (void)
{
  LimberWindow *window = open_window ();
  GtkWidget *pane = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_CATALOG_PANE);
  GtkWidget *region = limber_test_find_widget (pane, GTK_TYPE_DROP_DOWN);  /* the first: region */
  GListModel *model = limber_catalog_pane_get_model (LIMBER_CATALOG_PANE (pane));
  guint all = g_list_model_get_n_items (model);
  int lumbar = limber_vocabulary_lookup (LIMBER_VOCABULARY_REGION, "lumbar");
  GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (region));
  guint entry = 0;

  /* The menu lists the catalog's regions only, each with its count. */
  for (guint i = 1; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) label = g_list_model_get_item (labels, i);

      if (g_str_has_prefix (gtk_string_object_get_string (label),
                            limber_vocabulary_label (LIMBER_VOCABULARY_REGION, lumbar)))
        entry = i;
    }
  g_assert_cmpuint (entry, >, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (region), entry);
  limber_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (model, i);
      g_assert_true (limber_exercise_get_words (e, LIMBER_VOCABULARY_REGION) & (G_GUINT64_CONSTANT (1) << lumbar));
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (region), 0);
  limber_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_opens_sample_program (void)
{
  LimberWindow *window = open_window ();
  g_autoptr(GFile) sample = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples",
                                                       "tight-hips.limber", NULL);
  g_autoptr(GFile) broken = g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"), "files", "program",
                                                       "invalid", "malformed.limber", NULL);
  GtkWidget *view, *list;
  guint rows = 0;

  g_assert_true (limber_window_open_file (window, sample));
  limber_test_spin (200);
  g_assert_false (limber_window_is_empty (window));
  view = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_PROGRAM_EDITOR);
  g_assert_true (gtk_widget_get_mapped (view));
  list = GTK_WIDGET (limber_program_editor_get_list (LIMBER_PROGRAM_EDITOR (view)));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (LIMBER_IS_ITEM_ROW (row))
      rows++;
  g_assert_cmpuint (rows, ==, 5);
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (window), "Half-kneeling hip flexor release",
                                            LIMBER_TEST_MAPPED));
  limber_test_maybe_screenshot (GTK_WIDGET (window), "window-program.png");

  /* A broken file says why and leaves the open program alone. */
  g_assert_false (limber_window_open_file (window, broken));
  limber_test_spin (200);
  g_assert_false (limber_window_is_empty (window));
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (window), "Half-kneeling hip flexor release",
                                            LIMBER_TEST_MAPPED));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A broken catalog file is skipped, and the window says so, with the
 * file and line, not just in a log. */
static void
test_window_reports_skipped_catalog (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GFile) good = g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"), "files", "catalog",
                                                     "valid", "minimal.xml", NULL);
  g_autoptr(GFile) bad = g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"), "files", "catalog",
                                                    "invalid", "reps-negative.xml", NULL);
  g_autofree char *bad_path = g_file_get_path (bad);
  g_autofree char *where = g_strdup_printf ("%s:8:", bad_path);
  LimberWindow *window;
  GtkWidget *revealer;
  AdwMessageDialog *dialog;

  g_assert_true (limber_catalog_add_file (catalog, good, NULL));
  g_assert_false (limber_catalog_add_file (catalog, bad, NULL));

  window = limber_window_new (app, catalog);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));
  limber_test_spin (300);

  revealer = limber_test_find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (window), "A catalog file has a problem and was skipped",
                                            LIMBER_TEST_MAPPED));
  limber_test_maybe_screenshot (GTK_WIDGET (window), "window-banner.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.catalog-report", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, NULL));
  dialog = limber_test_find_message_dialog (NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), where));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "reps"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A row's info button shows the stretch in full, its figure drawn. */
static void
test_window_shows_exercise (void)
{
  LimberWindow *window = open_window ();
  LimberCatalog *catalog = limber_application_get_catalog (app);
  g_autoptr(LimberExercise) first = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  const char *name = limber_exercise_get_name (first, "en");
  GtkWidget *info = find_button_with_tooltip (GTK_WIDGET (window), "Show the Stretch");
  GtkWindow *view;

  g_assert_nonnull (info);
  g_signal_emit_by_name (info, "clicked");
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_titled, (gpointer) name));
  view = limber_test_find_toplevel (GTK_TYPE_WINDOW, name);
  limber_test_spin (200);
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (view),
                                            limber_exercise_get_text (first, LIMBER_EXERCISE_SUMMARY, "en"),
                                            LIMBER_TEST_MAPPED));
  g_assert_true (gtk_widget_get_mapped (limber_test_find_widget (GTK_WIDGET (view), GTK_TYPE_DRAWING_AREA)));
  limber_test_maybe_screenshot (GTK_WIDGET (view), "exercise-view.png");
  gtk_window_destroy (view);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Preview shows the handout's pages, drawn by the same renderer as the PDF. */
static void
test_window_preview (void)
{
  LimberWindow *window = open_window ();
  g_autoptr(GFile) sample = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples",
                                                       "tight-hips.limber", NULL);
  GtkWindow *preview;

  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.preview", NULL)
                  && limber_test_find_toplevel (GTK_TYPE_WINDOW, "Handout") != NULL);
  g_assert_true (limber_window_open_file (window, sample));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preview", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_titled, (gpointer) "Handout"));
  preview = limber_test_find_toplevel (GTK_TYPE_WINDOW, "Handout");
  limber_test_spin (500);
  g_assert_nonnull (limber_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_DRAWING_AREA));
  limber_test_maybe_screenshot (GTK_WIDGET (preview), "handout-preview.png");
  gtk_window_destroy (preview);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Icon-only buttons must still say what they do, to a screen reader
 * and in a tooltip. */
static void
check_named (GtkWidget *widget,
             guint     *unnamed)
{
  gboolean control = GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget);

  /* GTK names its own parts (window controls, the toggle inside a menu
   * button or a drop-down): check the widgets we place. */
  if (GTK_IS_WINDOW_CONTROLS (widget) || GTK_IS_SPIN_BUTTON (widget))
    return;
  if (control && gtk_widget_get_mapped (widget)
      && !(GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
      && gtk_widget_get_tooltip_text (widget) == NULL)
    {
      g_printerr ("# unnamed control: %s\n", G_OBJECT_TYPE_NAME (widget));
      (*unnamed)++;
    }
  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_named (child, unnamed);
}

static void
test_window_buttons_named (void)
{
  LimberWindow *window = open_window ();
  guint unnamed = 0;

  check_named (GTK_WIDGET (window), &unnamed);
  g_assert_cmpuint (unnamed, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile          *file;
} ChooserWait;

static gboolean
chooser_has (gpointer data)
{
  ChooserWait *wait = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (wait->chooser);

  return file != NULL && g_file_equal (file, wait->file);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Export PDF through the real dialog: the file is written in the
 * background and the window says so when done; a file that cannot be
 * written says why in a dialog. */
static void
export_to (LimberWindow *window,
           const char   *heading,
           const char   *folder,
           const char   *name)
{
  g_autoptr(GFile) file = g_file_new_build_filename (folder, name, NULL);
  GtkWindow *chooser;
  GtkWidget *button;
  ChooserWait wait;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  if (heading != NULL)
    {
      /* The check dialog titled @heading comes first: export anyway. */
      AdwMessageDialog *dialog;

      g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) heading));
      dialog = limber_test_find_message_dialog (heading);
      adw_message_dialog_response (dialog, "continue");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  g_test_message ("export_to %s/%s", folder, name);
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_of_type,
                                       GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  chooser = limber_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  /* The name typed as a whole path, as a user may: GTK 4.8's dialog
   * reads a bare name against its starting folder when the folder was
   * set from code, and reads a folder in the background. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), g_file_peek_path (file));
  wait = (ChooserWait) { GTK_FILE_CHOOSER (chooser), file };
  g_assert_true (limber_test_wait_for (chooser_has, &wait));
  /* As the user does: the dialog's own Export button. */
  button = limber_test_find_label (GTK_WIDGET (chooser), "_Export", LIMBER_TEST_MAPPED);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (gtk_widget_get_ancestor (button, GTK_TYPE_BUTTON)));
}

/* Save As offers a name ending in .limber and writes the file the
 * dialog returns as it is, adding nothing (in a sandbox the portal gives
 * access to that file only). */
static void
test_window_save_as (void)
{
  LimberWindow *window = open_window ();
  g_autoptr(GFile) sample = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples",
                                                       "tight-hips.limber", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("limber-save-as-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (tmp, "week 2", NULL);
  g_autofree char *appended = g_build_filename (tmp, "week 2.limber", NULL);
  g_autofree char *offered = NULL;
  GtkWindow *chooser;
  GtkWidget *button;
  ChooserWait wait;

  g_assert_true (limber_window_open_file (window, sample));
  limber_test_spin (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_of_type,
                                       GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  chooser = limber_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_str_has_suffix (offered, ".limber"));

  /* The user takes the extension off: that is the name written. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), g_file_peek_path (file));
  wait = (ChooserWait) { GTK_FILE_CHOOSER (chooser), file };
  g_assert_true (limber_test_wait_for (chooser_has, &wait));
  button = limber_test_find_label (GTK_WIDGET (chooser), "_Save", LIMBER_TEST_MAPPED);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (gtk_widget_get_ancestor (button, GTK_TYPE_BUTTON)));
  g_assert_true (limber_test_wait_for (file_exists, (gpointer) g_file_peek_path (file)));
  g_assert_false (g_file_test (appended, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_equal (limber_program_get_file (limber_window_get_program (window)), file));

  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (g_file_peek_path (file));
  g_remove (tmp);
}

/* Export can start again: the window's own Export button (its action)
 * is enabled once the window learned the last export is done, which is
 * a moment after the file is there. */
static gboolean
export_enabled (gpointer window)
{
  GtkWidget *button;

  for (guint n = 0; (button = limber_test_find_nth_widget (window, GTK_TYPE_BUTTON, n)) != NULL; n++)
    if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "win.export") == 0)
      return gtk_widget_is_sensitive (button);
  return FALSE;
}

static void
test_window_export (void)
{
  LimberWindow *window = open_window ();
  g_autoptr(GFile) sample = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples",
                                                       "tight-hips.limber", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("limber-export-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (tmp, "week 1.pdf", NULL);
  g_autofree char *data = NULL;
  gsize length;
  AdwMessageDialog *dialog;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.limber.Limber");

  /* With the clinic's phone the handout is complete: no question first. */
  g_settings_set_string (settings, "clinic-phone", "555 0100");
  g_assert_true (limber_window_open_file (window, sample));
  limber_test_spin (100);

  export_to (window, NULL, tmp, "week 1.pdf");
  g_assert_true (limber_test_wait_for (file_exists, pdf));
  g_assert_true (limber_test_wait_for_label (GTK_WIDGET (window), "Handout exported as PDF"));
  /* The toast's Open button opens that PDF with the desktop's viewer. */
  {
    GtkWidget *said = limber_test_find_label (GTK_WIDGET (window), "Handout exported as PDF", LIMBER_TEST_ANY);
    GtkWidget *open = NULL;
    g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
    GVariant *target;

    for (GtkWidget *w = said; w != NULL && open == NULL; w = gtk_widget_get_parent (w))
      {
        GtkWidget *label = limber_test_find_label (w, "_Open", LIMBER_TEST_ANY);
        open = label != NULL ? gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON) : NULL;
      }
    g_assert_nonnull (open);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), ==, "win.open-export");
    target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (open));
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
    g_assert_true (gtk_widget_is_sensitive (open));
  }
  g_assert_true (g_file_get_contents (pdf, &data, &length, NULL));
  g_assert_true (length > 10000 && g_str_has_prefix (data, "%PDF-"));
  g_assert_nonnull (g_strrstr_len (data + length - 32, 32, "%%EOF"));

  /* The name the user chose is written as it is, with nothing added (in
   * a sandbox the portal gives access to that file only). */
  {
    g_autofree char *bare = g_build_filename (tmp, "for Sam", NULL);
    g_autofree char *appended = g_build_filename (tmp, "for Sam.pdf", NULL);

    export_to (window, NULL, tmp, "for Sam");
    g_assert_true (limber_test_wait_for (file_exists, bare));
    g_assert_true (limber_test_wait_for (export_enabled, window));
    g_assert_false (g_file_test (appended, G_FILE_TEST_EXISTS));
    g_remove (bare);
  }

  /* A folder where nothing can be written, not even by root (/proc):
   * refused, said, nothing lost. */
  export_to (window, NULL, "/proc", "limber-blocked.pdf");
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "The Handout Was Not Exported"));
  dialog = limber_test_find_message_dialog ("The Handout Was Not Exported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "limber-blocked.pdf"));
  g_assert_false (g_file_test ("/proc/limber-blocked.pdf", G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (limber_window_is_empty (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "clinic-phone");
  g_remove (pdf);
  g_remove (tmp);
}

static GtkWidget *
find_dropdown_with_tooltip (GtkWidget  *root,
                            const char *tooltip)
{
  if (GTK_IS_DROP_DOWN (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_dropdown_with_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return limber_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) != NULL;
}

/* Before the patient gets a handout without a phone number to call, or
 * with the program's texts in another language, the window says so,
 * and the therapist can stop or go on. */
static void
test_window_handout_checks (void)
{
  LimberWindow *window = open_window ();
  g_autoptr(GFile) sample = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples",
                                                       "tight-hips.limber", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.limber.Limber");
  g_autofree char *tmp = g_dir_make_tmp ("limber-checks-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (tmp, "anyway.pdf", NULL);
  const char *heading = "Check the Handout First";
  AdwMessageDialog *dialog;
  GtkWindow *preview;
  GtkWidget *language, *print;
  const char *body;

  g_settings_reset (settings, "clinic-phone");
  /* The sample without its Spanish, German and French title, advice and
   * notes. */
  {
    g_autofree char *xml = NULL;
    g_autofree char *english = NULL;
    g_autofree char *path = g_build_filename (tmp, "english.limber", NULL);
    g_autoptr(GRegex) spanish = g_regex_new ("\\s*<(title|notes|note) xml:lang=\"(es|de|fr)\">[^<]*</\\1>",
                                             0, 0, NULL);

    g_assert_true (g_file_load_contents (sample, NULL, &xml, NULL, NULL, NULL));
    english = g_regex_replace (spanish, xml, -1, 0, "", 0, NULL);
    g_assert_true (g_file_set_contents (path, english, -1, NULL));
    g_clear_object (&sample);
    sample = g_file_new_for_path (path);
  }
  g_assert_true (limber_window_open_file (window, sample));
  limber_test_spin (100);

  /* No phone: said before the file dialog; Cancel stops there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) heading));
  dialog = limber_test_find_message_dialog (heading);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "phone number"));
  g_assert_null (strstr (body, "Spanish"));
  g_assert_false (chooser_shown (NULL));
  limber_test_maybe_screenshot (GTK_WIDGET (dialog), "handout-check.png");
  /* As its button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  limber_test_spin (200);
  g_assert_false (chooser_shown (NULL));

  /* "Export Anyway" goes on to the file and writes it. */
  export_to (window, heading, tmp, "anyway.pdf");
  g_assert_true (limber_test_wait_for (file_exists, pdf));

  /* With a phone, a Spanish handout of this English program, chosen in
   * the preview: the title, the advice and the notes would be printed
   * in English. */
  g_settings_set_string (settings, "clinic-phone", "555 0100");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preview", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_titled, (gpointer) "Handout"));
  preview = limber_test_find_toplevel (GTK_TYPE_WINDOW, "Handout");
  limber_test_spin (200);
  language = find_dropdown_with_tooltip (GTK_WIDGET (preview), "Language of the handout");
  g_assert_nonnull (language);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (language), 1);
  limber_test_spin (200);
  print = limber_test_find_label (GTK_WIDGET (preview), "_Print…", LIMBER_TEST_MAPPED);
  g_assert_nonnull (print);
  g_assert_true (gtk_widget_activate (gtk_widget_get_ancestor (print, GTK_TYPE_BUTTON)));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) heading));
  dialog = limber_test_find_message_dialog (heading);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Spanish"));
  g_assert_nonnull (strstr (body, "the title, the advice, the notes on stretches"));
  g_assert_null (strstr (body, "phone number"));
  limber_test_maybe_screenshot (GTK_WIDGET (dialog), "handout-check-language.png");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  limber_test_spin (100);

  /* German and French (the third and fourth languages) are named too. */
  for (guint i = 2; i <= 3; i++)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (language), i);
      limber_test_spin (200);
      g_assert_true (gtk_widget_activate (gtk_widget_get_ancestor (print, GTK_TYPE_BUTTON)));
      g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) heading));
      dialog = limber_test_find_message_dialog (heading);
      body = adw_message_dialog_get_body (dialog);
      g_assert_nonnull (strstr (body, i == 2 ? "The handout is in German" : "The handout is in French"));
      g_assert_nonnull (strstr (body, "the title, the advice, the notes on stretches"));
      adw_message_dialog_response (dialog, "cancel");
      gtk_window_destroy (GTK_WINDOW (dialog));
      limber_test_spin (100);
    }
  gtk_window_destroy (preview);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "clinic-phone");
  g_remove (pdf);
  g_file_delete (sample, NULL, NULL);
  g_remove (tmp);
}

/* A catalog still being read: the window is up at once and says so,
 * then the list fills in. */
static void
test_window_catalog_loading (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  LimberWindow *window;
  GtkWidget *pane;

  limber_catalog_load_standard_async (catalog, NULL, NULL, NULL, NULL);
  window = limber_window_new (app, catalog);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));
  pane = limber_test_find_widget (GTK_WIDGET (window), LIMBER_TYPE_CATALOG_PANE);
  if (limber_catalog_get_loading (catalog))
    {
      g_assert_nonnull (limber_test_find_label (GTK_WIDGET (window), "Loading the Catalog…", LIMBER_TEST_MAPPED));
      limber_test_maybe_screenshot (GTK_WIDGET (window), "window-loading.png");
    }
  else
    g_test_message ("the catalog was read before the window was drawn");

  limber_test_wait_catalog (catalog);
  {
    CountWait w = { limber_catalog_pane_get_model (LIMBER_CATALOG_PANE (pane)),
                    g_list_model_get_n_items (G_LIST_MODEL (catalog)) };
    g_autoptr(LimberExercise) first = g_list_model_get_item (G_LIST_MODEL (catalog), 0);

    g_assert_cmpuint (w.n, >=, 44);
    g_assert_true (limber_test_wait_for (count_is, &w));
    limber_test_spin (100);
    limber_test_maybe_screenshot (GTK_WIDGET (window), "window-loaded.png");
    g_assert_nonnull (limber_test_find_label (GTK_WIDGET (window), limber_exercise_get_name (first, "en"),
                                              LIMBER_TEST_MAPPED));
    g_assert_null (limber_test_find_label (GTK_WIDGET (window), "Loading the Catalog…", LIMBER_TEST_MAPPED));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The text of the metainfo's <url type="@type">. */
static char *
metainfo_url (const char *type)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIMBER_DATA_DIR"), APP_ID ".metainfo.xml.in", NULL);
  g_autofree char *text = NULL;
  g_autofree char *open = g_strdup_printf ("<url type=\"%s\">", type);
  const char *start, *end;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  start = strstr (text, open);
  g_assert_nonnull (start);
  start += strlen (open);
  end = strstr (start, "</url>");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* About links to the website and the issue tracker the metainfo names. */
static void
test_window_about (void)
{
  LimberWindow *window = limber_window_new (app, limber_application_get_catalog (app));
  g_autofree char *homepage = metainfo_url ("homepage");
  g_autofree char *bugtracker = metainfo_url ("bugtracker");
  GtkWindow *about;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_of_type, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW)));
  about = limber_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==, homepage);
  g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)), ==, bugtracker);
  gtk_window_destroy (about);
  gtk_window_destroy (GTK_WINDOW (window));
  limber_test_spin (50);
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

  g_test_add_func ("/window/shows-catalog", test_window_shows_catalog);
  g_test_add_func ("/window/catalog-loading", test_window_catalog_loading);
  g_test_add_func ("/window/search-as-you-type", test_window_search_as_you_type);
  g_test_add_func ("/window/filters", test_window_filters);
  g_test_add_func ("/window/opens-sample-program", test_window_opens_sample_program);
  g_test_add_func ("/window/buttons-named", test_window_buttons_named);
  g_test_add_func ("/window/reports-skipped-catalog", test_window_reports_skipped_catalog);
  g_test_add_func ("/window/shows-exercise", test_window_shows_exercise);
  g_test_add_func ("/window/preview", test_window_preview);
  g_test_add_func ("/window/export", test_window_export);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/save-as", test_window_save_as);
  g_test_add_func ("/window/handout-checks", test_window_handout_checks);
  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
