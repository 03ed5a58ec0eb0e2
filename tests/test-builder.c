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
#include "limber-item-row.h"
#include "limber-program-editor.h"
#include "limber-window.h"

static LimberApplication *app;
static char *tmpdir;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return done (data);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

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

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), heading) == 0)
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
has_dialog (gpointer heading)
{
  return find_dialog (heading) != NULL;
}

static void
maybe_screenshot (GtkWidget  *window,
                  const char *name)
{
  const char *dir = g_getenv ("LIMBER_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int w, h;

  if (dir == NULL)
    return;
  spin (300);
  w = gtk_widget_get_width (window);
  h = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static LimberWindow *
open_window (void)
{
  LimberWindow *window = limber_window_new (app, limber_application_get_catalog (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (is_mapped, window));
  spin (200);
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
  GtkWidget *pane = find_widget (GTK_WIDGET (window), LIMBER_TYPE_CATALOG_PANE);
  GtkWidget *entry = find_widget (pane, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *list = find_catalog_list (pane);
  GListModel *model = limber_catalog_pane_get_model (LIMBER_CATALOG_PANE (pane));
  CountWait w = { model, g_list_model_get_n_items (model) };

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  spin (50);
  w.n = g_list_model_get_n_items (model);
  gtk_editable_set_text (GTK_EDITABLE (entry), words);
  g_assert_true (wait_for (count_below, &w));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", 0));
  spin (50);
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
  editor = find_widget (GTK_WIDGET (window), LIMBER_TYPE_PROGRAM_EDITOR);
  row = find_widget (editor, LIMBER_TYPE_ITEM_ROW);
  g_assert_nonnull (row);
  first_id = g_strdup (limber_exercise_get_id (limber_program_item_get_exercise (limber_program_get_item (program, 0))));
  g_assert_true (gtk_widget_activate_action (row, "row.move-down", NULL));
  spin (100);
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
  title_row = find_widget (editor, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Tight hips — Sam");
  spin (50);
  g_assert_cmpstr (limber_program_get_title (program), ==, "Tight hips — Sam");
  maybe_screenshot (GTK_WIDGET (window), "builder-program.png");

  /* Save through the window, then open the file in a second window. */
  limber_program_set_file (program, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  spin (100);
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

static void
test_builder_close_asks (void)
{
  LimberWindow *window = open_window ();
  GtkWidget *pane = find_widget (GTK_WIDGET (window), LIMBER_TYPE_CATALOG_PANE);
  g_autoptr(LimberExercise) exercise = g_list_model_get_item (limber_catalog_pane_get_model (LIMBER_CATALOG_PANE (pane)), 0);
  AdwMessageDialog *dialog;
  GtkWidget *weak = GTK_WIDGET (window);

  g_signal_emit_by_name (pane, "exercise-activated", exercise);
  g_assert_true (limber_program_is_modified (limber_window_get_program (window)));

  /* Cancel keeps the window and the work. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (wait_for (has_dialog, (gpointer) "Save Changes?"));
  dialog = find_dialog ("Save Changes?");
  maybe_screenshot (GTK_WIDGET (dialog), "builder-close.png");
  adw_message_dialog_response (dialog, "cancel");
  spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Discard closes it. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (wait_for (has_dialog, (gpointer) "Save Changes?"));
  adw_message_dialog_response (find_dialog ("Save Changes?"), "discard");
  spin (200);
  g_assert_null (weak);
}

static void
test_builder_offers_draft (void)
{
  g_autoptr(GFile) sample = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples",
                                                       "tight-hips.limber", NULL);
  g_autoptr(LimberProgram) program = limber_program_load (sample, limber_application_get_catalog (app), NULL, NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  LimberWindow *window;
  AdwMessageDialog *dialog;
  LimberProgram *restored;

  /* What a window had autosaved before the process was killed. */
  g_assert_nonnull (program);
  limber_program_set_field (program, LIMBER_PROGRAM_TITLE, "Before the crash");
  g_assert_true (limber_drafts_save ("crashed-window", program, NULL));

  window = open_window ();
  limber_application_offer_drafts (app, GTK_WINDOW (window));
  g_assert_true (wait_for (has_dialog, (gpointer) "Restore Unsaved Work?"));
  dialog = find_dialog ("Restore Unsaved Work?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Before the crash"));
  maybe_screenshot (GTK_WIDGET (dialog), "builder-restore.png");
  adw_message_dialog_response (dialog, "restore");
  spin (100);

  restored = limber_window_get_program (window);
  g_assert_nonnull (restored);
  g_assert_cmpstr (limber_program_get_title (restored), ==, "Before the crash");
  g_assert_true (limber_program_is_modified (restored));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (restored)), ==, 5);
  g_assert_cmpstr (limber_window_get_draft_id (window), ==, "crashed-window");

  /* Discarding on close removes the draft. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (wait_for (has_dialog, (gpointer) "Save Changes?"));
  adw_message_dialog_response (find_dialog ("Save Changes?"), "discard");
  spin (100);
  drafts = limber_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 0);
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
  g_assert_true (wait_for (has_dialog, (gpointer) "New Examination"));
  maybe_screenshot (GTK_WIDGET (find_dialog ("New Examination")), "builder-exam-dialog.png");
  adw_message_dialog_response (find_dialog ("New Examination"), "save");
  spin (100);
  g_assert_cmpuint (limber_program_get_n_exams (program), ==, before + 1);
  maybe_screenshot (GTK_WIDGET (window), "builder-exam.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (limber_program_get_n_exams (program), ==, before);

  /* Removing one says how to undo it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-exam", "u", 0));
  g_assert_cmpuint (limber_program_get_n_exams (program), ==, before - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (limber_program_get_n_exams (program), ==, before);

  g_assert_false (limber_program_is_modified (program));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_custom_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (LIMBER_IS_CUSTOM_EDITOR (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WINDOW (w);
    }
  return NULL;
}

static gboolean
has_custom_editor (gpointer data)
{
  return find_custom_editor () != NULL;
}

/* New > Custom Stretch opens the editor; what it saves appears in the
 * catalog list at once, searchable. */
static void
test_builder_custom (void)
{
  LimberWindow *window = open_window ();
  GtkWidget *pane = find_widget (GTK_WIDGET (window), LIMBER_TYPE_CATALOG_PANE);
  GListModel *model = limber_catalog_pane_get_model (LIMBER_CATALOG_PANE (pane));
  guint before = g_list_model_get_n_items (model);
  LimberCustomFields fields = { 0 };
  g_autoptr(LimberExercise) exercise = NULL;
  g_autoptr(GError) error = NULL;
  CountWait w = { model, 0 };
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-custom", NULL));
  g_assert_true (wait_for (has_custom_editor, NULL));
  editor = find_custom_editor ();

  /* What the editor's Save does, then its signal. */
  fields.texts[LIMBER_EXERCISE_NAME] = "Wall calf release for Sam";
  fields.region = "lower-leg";
  fields.tissues = "gastrocnemius";
  exercise = limber_custom_build (&fields, &error);
  g_assert_no_error (error);
  g_assert_true (limber_custom_save (exercise, NULL, NULL, &error));
  g_signal_emit_by_name (editor, "saved", limber_exercise_get_id (exercise));
  w.n = before + 1;
  g_assert_true (wait_for (count_is_at_least, &w));
  g_assert_nonnull (limber_catalog_lookup (limber_application_get_catalog (app), limber_exercise_get_id (exercise)));

  gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
delete_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
      delete_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
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

  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run\n");
      return 77;
    }
  adw_init ();

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/builder/tight-hips", test_builder_tight_hips);
  g_test_add_func ("/builder/close-asks", test_builder_close_asks);
  g_test_add_func ("/builder/offers-draft", test_builder_offers_draft);
  g_test_add_func ("/builder/exam", test_builder_exam);
  g_test_add_func ("/builder/custom", test_builder_custom);
  ret = g_test_run ();
  g_clear_object (&app);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);
    delete_tree (dir);
  }
  return ret;
}
