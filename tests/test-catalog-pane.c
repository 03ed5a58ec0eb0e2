/* test-catalog-pane.c — the catalog pane driven in a real window (Xvfb)
 *
 * Results from the top on every new query; the keyboard path from the
 * search entry into the results and into the program; one tab stop per
 * row; filters listing only the catalog's values, with counts that
 * match it; favourites starred, filtered and kept across a restart of
 * the application object; marks for stretches already in the program;
 * a custom stretch edited (its Spanish words too) and deleted after a
 * confirm.  $XDG_DATA_HOME is a temporary folder of this test's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "limber-application.h"
#include "limber-catalog-pane.h"
#include "limber-catalog-row.h"
#include "limber-custom-editor.h"
#include "limber-custom.h"
#include "limber-favourites.h"
#include "limber-test-gui.h"
#include "limber-window.h"

static LimberApplication *app;
static char *data_home;

typedef struct
{
  LimberWindow      *window;
  LimberCatalogPane *pane;
  GtkWidget         *entry;
  GListModel        *model;
} Fixture;

/* The catalog's own list, not one inside a drop-down's popover. */
static GtkWidget *
find_list (GtkWidget *root)
{
  if (GTK_IS_DROP_DOWN (root))
    return NULL;
  if (GTK_IS_LIST_VIEW (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = limber_window_new (app, limber_application_get_catalog (app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, f->window));
  limber_test_spin (300);
  f->pane = LIMBER_CATALOG_PANE (limber_test_find_widget (GTK_WIDGET (f->window), LIMBER_TYPE_CATALOG_PANE));
  f->entry = limber_test_find_widget (GTK_WIDGET (f->pane), GTK_TYPE_SEARCH_ENTRY);
  f->model = limber_catalog_pane_get_model (f->pane);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  LimberProgram *program = limber_window_get_program (f->window);

  if (program != NULL)
    limber_program_mark_saved (program);
  gtk_window_destroy (GTK_WINDOW (f->window));
  limber_test_spin (50);
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

/* Types @text and waits for the list to change (the entry says
 * "search-changed" after a short pause, longer on a busy machine). */
static void
search (Fixture    *f,
        const char *text)
{
  CountWait w = { f->model, g_list_model_get_n_items (f->model) };

  gtk_editable_set_text (GTK_EDITABLE (f->entry), text);
  g_assert_true (limber_test_wait_for (count_not, &w));
  limber_test_spin (100);
}

static GtkAdjustment *
list_adjustment (Fixture *f)
{
  GtkWidget *scroller = gtk_widget_get_parent (find_list (GTK_WIDGET (f->pane)));

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* Scrolled to the end of the list, as a therapist who browsed it. */
static void
scroll_down (Fixture *f)
{
  GtkAdjustment *adj = list_adjustment (f);

  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, gtk_adjustment_get_page_size (adj));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  limber_test_spin (200);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);
}

static void
test_scroll_to_top (Fixture       *f,
                    gconstpointer  data)
{
  GtkAdjustment *adj = list_adjustment (f);
  GtkWidget *region = limber_test_find_widget (GTK_WIDGET (f->pane), GTK_TYPE_DROP_DOWN);
  GtkWidget *favourites = limber_test_find_widget (GTK_WIDGET (f->pane), GTK_TYPE_TOGGLE_BUTTON);

  /* A new query. */
  scroll_down (f);
  search (f, "hip");
  g_assert_cmpuint (g_list_model_get_n_items (f->model), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, gtk_adjustment_get_lower (adj));

  /* A new filter. */
  search (f, "");
  scroll_down (f);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (region), 1);
  limber_test_spin (200);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, gtk_adjustment_get_lower (adj));

  /* Only favourites, and back. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (region), 0);
  limber_test_spin (200);
  scroll_down (f);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (favourites), TRUE);
  limber_test_spin (100);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (favourites), FALSE);
  limber_test_spin (200);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, gtk_adjustment_get_lower (adj));
}

static GtkEventController *
capture_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c) && gtk_event_controller_get_propagation_phase (c) == GTK_PHASE_CAPTURE)
        return c;
    }
  return NULL;
}

static gboolean
focus_in_list (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && gtk_widget_is_ancestor (focus, find_list (GTK_WIDGET (f->pane)));
}

/* Every button of a row takes no focus: the list's row is its one tab
 * stop. */
static void
assert_one_tab_stop (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_assert_false (gtk_widget_get_focusable (child));
      assert_one_tab_stop (child);
    }
}

static LimberCatalogRow *
find_row_of (GtkWidget  *root,
             const char *id)
{
  if (LIMBER_IS_CATALOG_ROW (root) && gtk_widget_get_mapped (root)
      && limber_catalog_row_get_exercise (LIMBER_CATALOG_ROW (root)) != NULL
      && g_str_equal (limber_exercise_get_id (limber_catalog_row_get_exercise (LIMBER_CATALOG_ROW (root))), id))
    return LIMBER_CATALOG_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      LimberCatalogRow *found = find_row_of (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Down from the search entry lands on the first result; Enter there
 * adds it; Enter in the entry adds the selected one. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkEventController *keys = capture_key_controller (f->entry);
  g_autoptr(LimberExercise) first = NULL;
  GtkWidget *focus;
  gboolean handled = FALSE;
  LimberProgram *program;
  LimberCatalogRow *row;

  limber_catalog_pane_focus_search (f->pane);
  search (f, "piriformis");
  g_assert_cmpuint (g_list_model_get_n_items (f->model), >=, 2);
  first = g_list_model_get_item (f->model, 0);

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (limber_test_wait_for (focus_in_list, f));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  row = LIMBER_CATALOG_ROW (gtk_widget_get_first_child (focus));
  g_assert_true (limber_catalog_row_get_exercise (row) == first);
  assert_one_tab_stop (find_list (GTK_WIDGET (f->pane)));

  /* The Menu key opens the focused row's menu. */
  handled = FALSE;
  g_signal_emit_by_name (capture_key_controller (find_list (GTK_WIDGET (f->pane))), "key-pressed",
                         GDK_KEY_Menu, 0, 0, &handled);
  g_assert_true (handled);
  limber_test_spin (200);
  {
    GtkWidget *menu = limber_test_find_widget (GTK_WIDGET (row), GTK_TYPE_POPOVER_MENU);

    g_assert_nonnull (menu);
    g_assert_true (gtk_widget_get_visible (menu));
    limber_test_maybe_screenshot (GTK_WIDGET (f->window), "pane-row-menu-1400.png");
    gtk_popover_popdown (GTK_POPOVER (menu));
    limber_test_spin (100);
  }
  g_assert_true (gtk_widget_grab_focus (focus));

  /* Enter on the focused row: the list row's activate signal, which GTK
   * binds to Enter. */
  g_assert_true (gtk_widget_activate (focus));
  limber_test_spin (100);
  program = limber_window_get_program (f->window);
  g_assert_nonnull (program);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (program)), ==, 1);
  g_assert_cmpstr (limber_exercise_get_id (limber_program_item_get_exercise (limber_program_get_item (program, 0))),
                   ==, limber_exercise_get_id (first));
  /* Its row says so, to the eye and to a screen reader. */
  g_assert_true (limber_catalog_row_get_in_program (find_row_of (GTK_WIDGET (f->pane), limber_exercise_get_id (first))));
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (f->window), limber_exercise_get_name (first, "en"),
                                            LIMBER_TEST_ANY));

  /* Enter in the search entry: the selected stretch (the first, still). */
  limber_catalog_pane_focus_search (f->pane);
  g_signal_emit_by_name (f->entry, "activate");
  limber_test_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (program)), ==, 2);
  limber_test_maybe_screenshot (GTK_WIDGET (f->window), "pane-keyboard-1400.png");
}

/* "Hip (12)" → 12 */
static guint
label_count (const char *label,
             char      **name)
{
  const char *open = strrchr (label, '(');

  g_assert_nonnull (open);
  *name = g_strndup (label, open - label - 1);
  return (guint) g_ascii_strtoull (open + 1, NULL, 10);
}

static guint
catalog_count (LimberVocabulary kind,
               int              index)
{
  GListModel *catalog = G_LIST_MODEL (limber_application_get_catalog (app));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (catalog); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (catalog, i);
      guint64 words = limber_exercise_get_words (e, kind);

      n += index < 0 ? words == 0 : (words >> index) & 1;
    }
  return n;
}

static const char *
dropdown_label (GtkDropDown *dropdown,
                guint        i)
{
  GtkStringObject *item = g_list_model_get_item (gtk_drop_down_get_model (dropdown), i);
  const char *label = gtk_string_object_get_string (item);

  g_object_unref (item);   /* the list keeps it */
  return label;
}

/* Each menu lists only the catalog's values, each with the count of the
 * catalog, and choosing one shows that many. */
static void
check_word_menu (Fixture          *f,
                 GtkDropDown      *dropdown,
                 LimberVocabulary  kind)
{
  GListModel *items = gtk_drop_down_get_model (dropdown);
  guint listed = 0, present = 0, none_listed = 0;
  CountWait w = { f->model, 0 };

  for (guint v = 0; v < limber_vocabulary_count (kind); v++)
    present += catalog_count (kind, v) > 0;
  for (guint i = 1; i < g_list_model_get_n_items (items); i++)
    {
      g_autofree char *name = NULL;
      guint count = label_count (dropdown_label (dropdown, i), &name);
      int index = -1;

      for (guint v = 0; v < limber_vocabulary_count (kind); v++)
        if (g_str_equal (limber_vocabulary_label (kind, v), name))
          index = v;
      if (index < 0)
        {
          g_assert_cmpstr (name, ==, "No equipment");
          none_listed++;
        }
      else
        listed++;
      g_assert_cmpuint (count, >, 0);
      g_assert_cmpuint (count, ==, catalog_count (kind, index));
      gtk_drop_down_set_selected (dropdown, i);
      w.n = count;
      g_assert_true (limber_test_wait_for (count_is, &w));
      if (index < 0)
        for (guint k = 0; k < count; k++)
          {
            g_autoptr(LimberExercise) e = g_list_model_get_item (f->model, k);
            g_assert_cmpuint (limber_exercise_get_words (e, LIMBER_VOCABULARY_EQUIPMENT), ==, 0);
          }
    }
  g_assert_cmpuint (listed, ==, present);
  g_assert_cmpuint (none_listed, ==, kind == LIMBER_VOCABULARY_EQUIPMENT ? 1 : 0);
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
test_filter_counts (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *pane = GTK_WIDGET (f->pane);

  check_word_menu (f, GTK_DROP_DOWN (limber_test_find_nth_widget (pane, GTK_TYPE_DROP_DOWN, 0)),
                   LIMBER_VOCABULARY_REGION);
  check_word_menu (f, GTK_DROP_DOWN (limber_test_find_nth_widget (pane, GTK_TYPE_DROP_DOWN, 2)),
                   LIMBER_VOCABULARY_POSITION);
  check_word_menu (f, GTK_DROP_DOWN (limber_test_find_nth_widget (pane, GTK_TYPE_DROP_DOWN, 3)),
                   LIMBER_VOCABULARY_EQUIPMENT);
  limber_test_maybe_screenshot (GTK_WIDGET (f->window), "pane-filters-1400.png");
}

static gboolean
has_star (gpointer data)
{
  const char **args = data;

  return limber_favourites_contains (limber_application_get_favourites (app), args[0]) == (args[1] != NULL);
}

/* Star from the row, filter by favourites, read again by a new
 * application object (a restart), unstar from the stretch's window. */
static void
test_favourites (Fixture       *f,
                 gconstpointer  data)
{
  LimberFavourites *favourites = limber_application_get_favourites (app);
  GtkWidget *only = limber_test_find_widget (GTK_WIDGET (f->pane), GTK_TYPE_TOGGLE_BUTTON);
  g_autoptr(LimberExercise) first = g_list_model_get_item (f->model, 0);
  const char *id = limber_exercise_get_id (first);
  const char *name = limber_exercise_get_name (first, "en");
  g_autoptr(LimberApplication) restarted = NULL;
  g_autoptr(GFile) file = limber_favourites_default_file ();
  g_autofree char *text = NULL;
  LimberCatalogRow *row = find_row_of (GTK_WIDGET (f->pane), id);
  GtkWidget *star;
  GtkWindow *view;
  CountWait w = { f->model, 1 };
  const char *unstarred[] = { id, NULL };

  g_assert_false (limber_favourites_contains (favourites, id));
  g_assert_nonnull (row);
  /* The row's star button, as a click does. */
  star = limber_test_find_widget (GTK_WIDGET (row), GTK_TYPE_TOGGLE_BUTTON);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (star), TRUE);
  limber_test_spin (50);
  g_assert_true (limber_favourites_contains (favourites, id));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));
  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, id));

  /* Only favourites: that one. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (only), TRUE);
  g_assert_true (limber_test_wait_for (count_is, &w));
  limber_test_maybe_screenshot (GTK_WIDGET (f->window), "pane-favourites-1400.png");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (only), FALSE);

  /* A restart of the application object reads them again. */
  restarted = limber_application_new ();
  g_assert_true (limber_favourites_contains (limber_application_get_favourites (restarted), id));

  /* The stretch's own window has the star too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "catalog.show", "s", id));
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_titled, (gpointer) name));
  view = limber_test_find_toplevel (GTK_TYPE_WINDOW, name);
  star = limber_test_find_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (star);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));
  limber_test_maybe_screenshot (GTK_WIDGET (view), "pane-exercise-view.png");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (star), FALSE);
  g_assert_true (limber_test_wait_for (has_star, unstarred));
  gtk_window_destroy (view);
  /* The row follows. */
  limber_test_spin (50);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    limber_test_find_widget (GTK_WIDGET (find_row_of (GTK_WIDGET (f->pane), id)), GTK_TYPE_TOGGLE_BUTTON))));
}

static gboolean
catalog_has (gpointer id)
{
  return limber_catalog_lookup (limber_application_get_catalog (app), id) != NULL;
}

static gboolean
catalog_lacks (gpointer id)
{
  return !catalog_has (id);
}

static char *
make_custom (void)
{
  LimberCustomFields fields = { 0 };
  g_autoptr(LimberExercise) exercise = NULL;
  g_autoptr(GFile) file = limber_custom_file ();
  g_autoptr(GError) error = NULL;

  fields.texts[LIMBER_EXERCISE_NAME] = "Wall calf stretch";
  fields.texts[LIMBER_EXERCISE_SUMMARY] = "Loosen your calf against a wall.";
  fields.translations[0].lang = "es";
  fields.translations[0].texts[LIMBER_EXERCISE_NAME] = "Estiramiento de pantorrilla";
  fields.region = "lower-leg";
  fields.tissues = "Gastrocnemius";
  exercise = limber_custom_build (&fields, &error);
  g_assert_no_error (error);
  g_assert_true (limber_custom_save (exercise, NULL, NULL, &error));
  g_assert_true (limber_catalog_add_file (limber_application_get_catalog (app), file, &error));
  g_assert_no_error (error);
  return g_strdup (limber_exercise_get_id (exercise));
}

static const char *
entry_text (GtkWidget  *root,
            const char *name)
{
  GtkWidget *row = limber_test_find_named (root, name);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
name_is_edited (gpointer id)
{
  LimberExercise *e = limber_catalog_lookup (limber_application_get_catalog (app), id);

  return e != NULL && g_strcmp0 (limber_exercise_get_name (e, "en"), "Wall calf stretch, edited") == 0;
}

/* A custom stretch: badge, edit from its menu (Spanish words kept and
 * changed), delete after a confirm (Cancel keeps it). */
static void
test_custom_edit_delete (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = make_custom ();
  LimberCatalog *catalog = limber_application_get_catalog (app);
  g_autoptr(GFile) file = limber_custom_file ();
  g_autofree char *text = NULL;
  LimberCatalogRow *row;
  GtkWindow *editor;
  AdwMessageDialog *dialog;
  LimberExercise *e;

  search (f, "wall calf");
  g_assert_true (limber_test_wait_for (catalog_has, id));
  limber_test_spin (200);
  row = find_row_of (GTK_WIDGET (f->pane), id);
  g_assert_nonnull (row);
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (row), "Custom", LIMBER_TEST_MAPPED));
  limber_test_maybe_screenshot (GTK_WIDGET (f->window), "pane-custom-1400.png");

  /* Edit, as the row menu's "Edit…" does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "catalog.edit", "s", id));
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_titled, (gpointer) "Edit Custom Stretch"));
  editor = limber_test_find_toplevel (LIMBER_TYPE_CUSTOM_EDITOR, "Edit Custom Stretch");
  limber_test_spin (200);
  g_assert_cmpstr (entry_text (GTK_WIDGET (editor), "name"), ==, "Wall calf stretch");
  g_assert_cmpstr (entry_text (GTK_WIDGET (editor), "translation-name"), ==, "Estiramiento de pantorrilla");
  gtk_editable_set_text (GTK_EDITABLE (limber_test_find_named (GTK_WIDGET (editor), "name")),
                         "Wall calf stretch, edited");
  gtk_editable_set_text (GTK_EDITABLE (limber_test_find_named (GTK_WIDGET (editor), "translation-summary")),
                         "Afloje la pantorrilla contra la pared.");
  limber_test_maybe_screenshot (GTK_WIDGET (editor), "pane-custom-editor.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (limber_test_wait_for (name_is_edited, id));
  e = limber_catalog_lookup (catalog, id);
  g_assert_cmpstr (limber_exercise_get_name (e, "es"), ==, "Estiramiento de pantorrilla");
  g_assert_cmpstr (limber_exercise_get_text (e, LIMBER_EXERCISE_SUMMARY, "es"), ==,
                   "Afloje la pantorrilla contra la pared.");
  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "<summary xml:lang=\"es\">Afloje la pantorrilla contra la pared.</summary>"));
  g_clear_pointer (&text, g_free);

  /* Delete asks; Cancel keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "catalog.delete", "s", id));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog,
                                       (gpointer) "Delete “Wall calf stretch, edited”?"));
  dialog = limber_test_find_message_dialog ("Delete “Wall calf stretch, edited”?");
  limber_test_maybe_screenshot (GTK_WIDGET (dialog), "pane-custom-delete.png");
  adw_message_dialog_response (dialog, "cancel");
  limber_test_spin (100);
  g_assert_true (catalog_has (id));

  dialog = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "catalog.delete", "s", id));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog,
                                       (gpointer) "Delete “Wall calf stretch, edited”?"));
  dialog = limber_test_find_message_dialog ("Delete “Wall calf stretch, edited”?");
  adw_message_dialog_response (dialog, "delete");
  g_assert_true (limber_test_wait_for (catalog_lacks, id));
  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_null (strstr (text, id));
  /* A bundled stretch has no Edit: the action does nothing. */
  {
    g_autoptr(LimberExercise) bundled = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
    guint before = limber_test_count_toplevels (LIMBER_TYPE_CUSTOM_EDITOR);

    gtk_widget_activate_action (GTK_WIDGET (f->pane), "catalog.edit", "s", limber_exercise_get_id (bundled));
    limber_test_spin (100);
    g_assert_cmpuint (limber_test_count_toplevels (LIMBER_TYPE_CUSTOM_EDITOR), ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  data_home = g_dir_make_tmp ("limber-test-catalog-pane-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!limber_test_gui_init (&argc, &argv))
    return 77;

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  limber_test_wait_catalog (limber_application_get_catalog (app));

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/catalog-pane/scroll-to-top", test_scroll_to_top);
  ADD ("/catalog-pane/keyboard", test_keyboard);
  ADD ("/catalog-pane/filter-counts", test_filter_counts);
  ADD ("/catalog-pane/favourites", test_favourites);
  ADD ("/catalog-pane/custom-edit-delete", test_custom_edit_delete);
#undef ADD
  ret = g_test_run ();
  g_clear_object (&app);
  {
    g_autoptr(GFile) home = g_file_new_for_path (data_home);
    limber_test_delete_tree (home);
  }
  g_free (data_home);
  return ret;
}
