/* limber-catalog-pane.c — search and browse the stretch catalog
 *
 * Search as you type: every keystroke updates one LimberQuery and ranks
 * the catalog's index for it once (limber-search-run.c); the filter
 * keeps the results and the sorter puts them in their ranked order.
 * Each new query or filter shows its results from the top.
 *
 * The keyboard: Down in the search entry moves into the results, Enter
 * there adds the selected stretch (or the first); in the list, Enter
 * adds the focused one and the Menu key (or Shift+F10) opens its menu.
 *
 * Rows (LimberCatalogRow) carry marks the pane keeps current: starred
 * (LimberFavourites) and already in the open program.  What the rows
 * and their menus ask for is in limber-catalog-pane-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-catalog-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-catalog-pane-private.h"
#include "limber-custom.h"
#include "limber-problem.h"

G_DEFINE_FINAL_TYPE (LimberCatalogPane, limber_catalog_pane, GTK_TYPE_WIDGET)

enum { EXERCISE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Double-click or Enter on a row. */
static void
on_list_activate (LimberCatalogPane *self,
                  guint              position)
{
  g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (exercise != NULL)
    g_signal_emit (self, signals[EXERCISE_ACTIVATED], 0, exercise);
}

/* What the index cannot say: "No equipment" and "only favourites". */
static gboolean
match_pane_filters (LimberCatalogPane *self,
                    LimberExercise    *exercise)
{
  if (limber_catalog_filters_no_equipment (self->filters)
      && limber_exercise_get_words (exercise, LIMBER_VOCABULARY_EQUIPMENT) != 0)
    return FALSE;
  if (gtk_toggle_button_get_active (self->favourites_toggle)
      && (self->favourites == NULL || !limber_favourites_contains (self->favourites,
                                                                   limber_exercise_get_id (exercise))))
    return FALSE;
  return TRUE;
}

/* The exercise's place in the last ranking, or G_MAXUINT. */
static guint
rank_of (LimberCatalogPane *self,
         gpointer           item)
{
  LimberSearchIndex *index;
  int slot;

  if (self->catalog == NULL || !match_pane_filters (self, LIMBER_EXERCISE (item)))
    return G_MAXUINT;
  index = limber_catalog_get_search_index (self->catalog);
  /* The catalog changed (a custom stretch saved) and the list asks
   * before our refresh: rank its new index now. */
  if (index != self->ranked)
    {
      limber_search_index_run (index, self->query, self->results);
      self->ranked = index;
    }
  slot = limber_search_index_lookup (index, LIMBER_EXERCISE (item));
  return slot < 0 ? G_MAXUINT : limber_search_results_get_rank (self->results, slot);
}

/* The filter and the sorter only read the answer of the last ranking. */
static gboolean
match_exercise (gpointer item,
                gpointer user_data)
{
  return rank_of (user_data, item) != G_MAXUINT;
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  guint x = rank_of (user_data, (gpointer) a), y = rank_of (user_data, (gpointer) b);

  return (x > y) - (x < y);
}

/* One ranking of the catalog's index per change.  Typing more letters
 * can find more (a typo forgiven, another word of several), so the
 * filter is told the answer is different, not stricter. */
static void
run_query (LimberCatalogPane *self,
           GtkFilterChange    change)
{
  if (self->catalog == NULL)
    return;
  self->ranked = limber_catalog_get_search_index (self->catalog);
  limber_search_index_run (self->ranked, self->query, self->results);
  /* The sort model lets go of its rows while the filter changes, then
   * sorts them afresh: GTK 4.8's sort model, re-sorting rows it had
   * placed under the old ranks, told the list a wrong range of what
   * moved, and the list kept showing stale rows at the top. */
  gtk_sort_list_model_set_model (self->sorted, NULL);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (self->filtered));
}

/* A new query or filter: its results from the top, none selected.
 * GTK 4.8 has no gtk_list_view_scroll_to(): the scrolled window's
 * adjustment goes back to its start, and before the filter runs, while
 * the list still has the rows the adjustment measures (after, GTK finds
 * no row at the old offsets and refuses).  The list keeps its place by
 * the item at the top, so the new results start at their first. */
static void
top_then_filter (LimberCatalogPane *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
      && gtk_adjustment_get_value (adjustment) != gtk_adjustment_get_lower (adjustment))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
update_count (LimberCatalogPane *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = self->catalog ? g_list_model_get_n_items (G_LIST_MODEL (self->catalog)) : 0;
  g_autofree char *text = NULL;
  gboolean loading = self->catalog != NULL && limber_catalog_get_loading (self->catalog);

  gtk_spinner_set_spinning (self->loading_spinner, loading);
  if (loading)
    {
      gtk_label_set_label (self->count_label, _("Loading…"));
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }
  if (shown == total)
    text = g_strdup_printf (ngettext ("%u stretch", "%u stretches", total), total);
  else
    text = g_strdup_printf (ngettext ("%u of %u stretch", "%u of %u stretches", total), shown, total);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, shown > 0 || total == 0 ? "list" : "empty");
}

static void
on_search_changed (LimberCatalogPane *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->last_text);
  self->last_text = g_strdup (text);
  limber_query_set_text (self->query, text);
  top_then_filter (self);
  run_query (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_filters_changed (LimberCatalogPane *self)
{
  limber_catalog_filters_apply (self->filters, self->query);
  top_then_filter (self);
  run_query (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_favourites_toggled (LimberCatalogPane *self)
{
  top_then_filter (self);
  run_query (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* The list's own row widget that shows @position, if it is on screen. */
static GtkWidget *
find_list_row (LimberCatalogPane *self,
               guint              position)
{
  g_autoptr(LimberExercise) wanted = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  for (guint i = 0; wanted != NULL && self->rows != NULL && i < self->rows->len; i++)
    {
      LimberCatalogRow *row = g_ptr_array_index (self->rows, i);

      if (limber_catalog_row_get_exercise (row) == wanted && gtk_widget_get_mapped (GTK_WIDGET (row)))
        return gtk_widget_get_parent (GTK_WIDGET (row));
    }
  return NULL;
}

/* Down from the search entry: into the results, at the selected stretch
 * or the first. */
static gboolean
focus_results (LimberCatalogPane *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  GtkWidget *list_row;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return FALSE;
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  gtk_single_selection_set_selected (self->selection, position);
  list_row = find_list_row (self, position);
  return list_row != NULL ? gtk_widget_grab_focus (list_row) : gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static gboolean
on_entry_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              LimberCatalogPane     *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && (state & GDK_MODIFIER_MASK) == 0)
    return focus_results (self);
  return FALSE;
}

/* Enter in the search entry: the selected stretch, else the first. */
static void
on_search_activate (LimberCatalogPane *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return;
  on_list_activate (self, position == GTK_INVALID_LIST_POSITION ? 0 : position);
}

/* The Menu key or Shift+F10 on a row opens its menu. */
static gboolean
on_list_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             LimberCatalogPane     *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child = focus ? gtk_widget_get_first_child (focus) : NULL;

  if (keyval != GDK_KEY_Menu && !(keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)))
    return FALSE;
  if (!LIMBER_IS_CATALOG_ROW (child))
    return FALSE;
  limber_catalog_row_popup_menu (LIMBER_CATALOG_ROW (child));
  return TRUE;
}

static gboolean
in_program (LimberCatalogPane *self,
            LimberExercise    *exercise)
{
  guint n = self->program ? g_list_model_get_n_items (G_LIST_MODEL (self->program)) : 0;

  for (guint i = 0; i < n; i++)
    {
      LimberExercise *e = limber_program_item_get_exercise (limber_program_get_item (self->program, i));

      if (e != NULL && g_strcmp0 (limber_exercise_get_id (e), limber_exercise_get_id (exercise)) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
mark_row (LimberCatalogPane *self,
          LimberCatalogRow  *row)
{
  LimberExercise *exercise = limber_catalog_row_get_exercise (row);

  if (exercise == NULL)
    return;
  limber_catalog_row_set_marks (row,
                                self->favourites != NULL
                                && limber_favourites_contains (self->favourites, limber_exercise_get_id (exercise)),
                                in_program (self, exercise));
}

/* The stars and checks of every row on screen, after a change. */
void
_limber_catalog_pane_update_marks (LimberCatalogPane *self)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    mark_row (self, g_ptr_array_index (self->rows, i));
  /* Unstarred while only favourites show: the row goes. */
  if (self->favourites_toggle != NULL && gtk_toggle_button_get_active (self->favourites_toggle))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           LimberCatalogPane        *self)
{
  GtkWidget *row = g_object_ref_sink (limber_catalog_row_new ());

  g_ptr_array_add (self->rows, row);   /* the array's reference */
  gtk_list_item_set_child (item, row);
}

static void
teardown_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LimberCatalogPane        *self)
{
  if (self->rows != NULL)
    g_ptr_array_remove_fast (self->rows, gtk_list_item_get_child (item));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          LimberCatalogPane        *self)
{
  LimberExercise *exercise = gtk_list_item_get_item (item);
  LimberCatalogRow *row = LIMBER_CATALOG_ROW (gtk_list_item_get_child (item));

  limber_catalog_row_set_exercise (row, exercise, limber_custom_is_custom (exercise));
  mark_row (self, row);
}

static gboolean
refresh_after_change (gpointer user_data)
{
  LimberCatalogPane *self = user_data;

  self->refresh_id = 0;
  limber_catalog_filters_set_catalog (self->filters, self->catalog);
  limber_catalog_filters_apply (self->filters, self->query);
  run_query (self, GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
  return G_SOURCE_REMOVE;
}

/* A catalog file read again (a custom stretch saved): new index, new
 * counts, same search, once the list models have taken the change. */
static void
on_catalog_changed (LimberCatalogPane *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_after_change, self);
}

/* The catalog has been read: show it now.  Not from an idle, which the
 * spinner's animation could hold off indefinitely.  A catalog first
 * seen loading is attached only now, while the sort model lets go of
 * its rows (run_query() takes them back): else the list built a row
 * per stretch as they came in, then all again for the new search, and
 * a row is costly (in GTK 4.8 each tooltip asks the X server where the
 * pointer is): the window's first frame waited for both. */
static void
on_catalog_loading (LimberCatalogPane *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (!limber_catalog_get_loading (self->catalog) && gtk_filter_list_model_get_model (self->filtered) == NULL)
    {
      gtk_sort_list_model_set_model (self->sorted, NULL);
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->catalog));
    }
  refresh_after_change (self);
}

void
limber_catalog_pane_set_catalog (LimberCatalogPane *self,
                                 LimberCatalog     *catalog)
{
  g_return_if_fail (LIMBER_IS_CATALOG_PANE (self));

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_set_object (&self->catalog, catalog);
  if (catalog != NULL)
    {
      g_signal_connect_swapped (catalog, "items-changed", G_CALLBACK (on_catalog_changed), self);
      g_signal_connect_swapped (catalog, "notify::loading", G_CALLBACK (on_catalog_loading), self);
    }
  limber_catalog_filters_set_catalog (self->filters, catalog);
  limber_catalog_filters_apply (self->filters, self->query);
  run_query (self, GTK_FILTER_CHANGE_DIFFERENT);
  /* Still loading: attached once read (on_catalog_loading()). */
  gtk_filter_list_model_set_model (self->filtered,
                                   catalog != NULL && !limber_catalog_get_loading (catalog) ? G_LIST_MODEL (catalog) : NULL);
  update_count (self);
}

/* A favourites file that could not be read fully says so, once shown. */
static gboolean
report_favourites (gpointer user_data)
{
  LimberCatalogPane *self = user_data;
  GPtrArray *problems = limber_favourites_get_problems (self->favourites);
  g_autofree char *first = problems->len ? limber_problem_to_string (problems->pdata[0]) : NULL;

  if (first != NULL)
    _limber_catalog_pane_toast (self, first);
  return G_SOURCE_REMOVE;
}

/**
 * limber_catalog_pane_set_favourites:
 *
 * The starred stretches: rows show and change them, and "only
 * favourites" filters by them.
 */
void
limber_catalog_pane_set_favourites (LimberCatalogPane *self,
                                    LimberFavourites  *favourites)
{
  g_return_if_fail (LIMBER_IS_CATALOG_PANE (self));

  if (self->favourites != NULL)
    g_signal_handlers_disconnect_by_data (self->favourites, self);
  g_set_object (&self->favourites, favourites);
  if (favourites != NULL)
    {
      g_signal_connect_swapped (favourites, "changed", G_CALLBACK (_limber_catalog_pane_update_marks), self);
      g_timeout_add_full (G_PRIORITY_DEFAULT, 500, report_favourites, g_object_ref (self), g_object_unref);
    }
  _limber_catalog_pane_update_marks (self);
}

LimberFavourites *
limber_catalog_pane_get_favourites (LimberCatalogPane *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG_PANE (self), NULL);

  return self->favourites;
}

/**
 * limber_catalog_pane_set_program:
 *
 * The open program: rows of stretches it has show a check.
 */
void
limber_catalog_pane_set_program (LimberCatalogPane *self,
                                 LimberProgram     *program)
{
  g_return_if_fail (LIMBER_IS_CATALOG_PANE (self));

  if (self->program != NULL)
    g_signal_handlers_disconnect_by_data (self->program, self);
  g_set_object (&self->program, program);
  if (program != NULL)
    g_signal_connect_swapped (program, "items-changed", G_CALLBACK (_limber_catalog_pane_update_marks), self);
  _limber_catalog_pane_update_marks (self);
}

void
limber_catalog_pane_focus_search (LimberCatalogPane *self)
{
  g_return_if_fail (LIMBER_IS_CATALOG_PANE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* What the list shows: the catalog, searched, best first. */
GListModel *
limber_catalog_pane_get_model (LimberCatalogPane *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG_PANE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

static void
limber_catalog_pane_dispose (GObject *object)
{
  LimberCatalogPane *self = LIMBER_CATALOG_PANE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_CATALOG_PANE);
  /* The template's root box is not a bound child: unparent it here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filtered);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->program != NULL)
    g_signal_handlers_disconnect_by_data (self->program, self);
  g_clear_object (&self->program);
  if (self->favourites != NULL)
    g_signal_handlers_disconnect_by_data (self->favourites, self);
  g_clear_object (&self->favourites);
  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->query, limber_query_free);
  g_clear_pointer (&self->results, limber_search_results_free);
  g_clear_pointer (&self->last_text, g_free);

  G_OBJECT_CLASS (limber_catalog_pane_parent_class)->dispose (object);
}

static void
limber_catalog_pane_class_init (LimberCatalogPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_catalog_pane_dispose;

  g_type_ensure (LIMBER_TYPE_CATALOG_FILTERS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-catalog-pane.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "catalogpane");
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, favourites_toggle);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, filters);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_favourites_toggled);
  _limber_catalog_pane_class_add_actions (widget_class);

  /**
   * LimberCatalogPane::exercise-activated:
   *
   * The user asked to add this stretch to the program (double-click,
   * Enter, the row's add button or its menu).
   */
  signals[EXERCISE_ACTIVATED] =
    g_signal_new ("exercise-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, LIMBER_TYPE_EXERCISE);
}

static void
limber_catalog_pane_init (LimberCatalogPane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *entry_keys = gtk_event_controller_key_new ();
  GtkEventController *list_keys = gtk_event_controller_key_new ();

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = limber_query_new ();
  self->filter = gtk_custom_filter_new (match_exercise, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->results = limber_search_results_new ();
  self->sorter = gtk_custom_sorter_new (compare_ranks, self, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (GTK_SORTER (self->sorter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_count), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate), self);

  /* Before the entry's text takes the key. */
  gtk_event_controller_set_propagation_phase (entry_keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (list_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (entry_keys, "key-pressed", G_CALLBACK (on_entry_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), entry_keys);
  g_signal_connect (list_keys, "key-pressed", G_CALLBACK (on_list_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), list_keys);
}

/* For the actions: the exercise a "catalog.*" action's id names. */
LimberExercise *
_limber_catalog_pane_lookup (LimberCatalogPane *self,
                             GVariant          *id)
{
  if (self->catalog == NULL || id == NULL)
    return NULL;
  return limber_catalog_lookup (self->catalog, g_variant_get_string (id, NULL));
}

/* For the actions: signal the pane's "exercise-activated". */
void
_limber_catalog_pane_emit_activated (LimberCatalogPane *self,
                                     LimberExercise    *exercise)
{
  g_signal_emit (self, signals[EXERCISE_ACTIVATED], 0, exercise);
}
