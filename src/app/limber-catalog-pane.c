/* limber-catalog-pane.c — search and browse the stretch catalog
 *
 * Search as you type: every keystroke updates one LimberQuery and ranks
 * the catalog's index for it once (limber-search-run.c); the filter
 * keeps the results and the sorter puts them in their ranked order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-catalog-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "limber-catalog-pane.h"
#include "limber-exercise-view.h"
#include "limber-search.h"
#include "limber-thumbnail.h"

struct _LimberCatalogPane
{
  GtkWidget           parent_instance;

  LimberCatalog      *catalog;
  LimberQuery        *query;
  LimberSearchResults *results;   /* the last ranking of the catalog's index */
  LimberSearchIndex  *ranked;      /* the index it ranked (compared, never used) */
  guint               refresh_id;
  char               *last_text;
  GStrv               tissues;     /* the tissue dropdown's words, after "All" */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkCustomSorter    *sorter;      /* ours: taken off the model while filtering */
  GtkSortListModel   *sorted;      /* what the list shows: best first */
  GtkSingleSelection *selection;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *region_dropdown;
  GtkDropDown        *tissue_dropdown;
  GtkDropDown        *position_dropdown;
  GtkDropDown        *equipment_dropdown;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkSpinner         *loading_spinner;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (LimberCatalogPane, limber_catalog_pane, GTK_TYPE_WIDGET)

enum { EXERCISE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
emit_activated (LimberCatalogPane *self,
                LimberExercise    *exercise)
{
  g_signal_emit (self, signals[EXERCISE_ACTIVATED], 0, exercise);
}

/* Double-click or Enter on a row. */
static void
on_list_activate (LimberCatalogPane *self,
                  guint              position)
{
  g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (exercise != NULL)
    emit_activated (self, exercise);
}

/* The stretch in full: its figure large, its steps and notes. */
static void
on_info_clicked (GtkButton *button,
                 gpointer   user_data)
{
  LimberExercise *exercise = g_object_get_data (G_OBJECT (button), "exercise");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  if (exercise != NULL)
    limber_exercise_view_present (exercise, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
on_add_clicked (GtkButton *button,
                gpointer   user_data)
{
  LimberCatalogPane *self = LIMBER_CATALOG_PANE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                          LIMBER_TYPE_CATALOG_PANE));
  LimberExercise *exercise = g_object_get_data (G_OBJECT (button), "exercise");

  if (self != NULL && exercise != NULL)
    emit_activated (self, exercise);
}

/* The exercise's place in the last ranking, or G_MAXUINT. */
static guint
rank_of (LimberCatalogPane *self,
         gpointer           item)
{
  LimberSearchIndex *index;
  int slot;

  if (self->catalog == NULL)
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
  run_query (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_dropdown_changed (LimberCatalogPane *self)
{
  guint tissue = gtk_drop_down_get_selected (self->tissue_dropdown);

  limber_query_set_word (self->query, LIMBER_VOCABULARY_REGION,
                         (int) gtk_drop_down_get_selected (self->region_dropdown) - 1);
  limber_query_set_word (self->query, LIMBER_VOCABULARY_POSITION,
                         (int) gtk_drop_down_get_selected (self->position_dropdown) - 1);
  limber_query_set_word (self->query, LIMBER_VOCABULARY_EQUIPMENT,
                         (int) gtk_drop_down_get_selected (self->equipment_dropdown) - 1);
  limber_query_set_tissue (self->query, tissue > 0 && self->tissues != NULL
                                        && tissue <= g_strv_length (self->tissues)
                                        ? self->tissues[tissue - 1] : NULL);
  run_query (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
clear_search (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LimberCatalogPane *self = LIMBER_CATALOG_PANE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->region_dropdown, 0);
  gtk_drop_down_set_selected (self->tissue_dropdown, 0);
  gtk_drop_down_set_selected (self->position_dropdown, 0);
  gtk_drop_down_set_selected (self->equipment_dropdown, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static GtkStringList *
vocabulary_model (LimberVocabulary  kind,
                  const char       *all)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < limber_vocabulary_count (kind); i++)
    gtk_string_list_append (list, limber_vocabulary_label (kind, i));
  return list;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  /* The row is named by the stretch: to a screen reader the thumbnail
   * would only repeat it. */
  GtkWidget *picture = g_object_new (GTK_TYPE_DRAWING_AREA,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                     NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *info = gtk_button_new_from_icon_name ("help-about-symbolic");
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_widget_add_css_class (box, "catalog-row");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_hexpand (box, TRUE);

  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_add_css_class (add, "circular");
  gtk_widget_set_tooltip_text (add, _("Add to the Program"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add to the program"), -1);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked), NULL);

  /* Rows can be dragged into the program. */
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  g_object_set_data (G_OBJECT (row), "drag-source", drag);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (picture), 72);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (picture), 54);
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);

  gtk_widget_set_valign (info, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (info, "flat");
  gtk_widget_add_css_class (info, "circular");
  gtk_widget_set_tooltip_text (info, _("Show the Stretch"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (info), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show the stretch"), -1);
  g_signal_connect (info, "clicked", G_CALLBACK (on_info_clicked), NULL);

  gtk_box_append (GTK_BOX (row), picture);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), info);
  gtk_box_append (GTK_BOX (row), add);
  gtk_list_item_set_child (item, row);
}

/* The focus lands on the list's own row widget around ours, which GTK
 * 4.8 names by nothing (gtk_list_item_set_accessible_label() is 4.12):
 * it is the parent of the child we gave the list item. */
static void
name_list_item (GtkWidget  *child,
                const char *label)
{
  GtkWidget *list_row = gtk_widget_get_parent (child);

  if (list_row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  LimberExercise *exercise = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *picture = gtk_widget_get_first_child (row);
  GtkWidget *box = gtk_widget_get_next_sibling (picture);
  GtkWidget *info = gtk_widget_get_next_sibling (box);
  GtkWidget *add = gtk_widget_get_next_sibling (info);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  g_autoptr(GdkContentProvider) content = gdk_content_provider_new_typed (LIMBER_TYPE_EXERCISE, exercise);
  g_autofree char *regions = limber_exercise_describe_words (exercise, LIMBER_VOCABULARY_REGION);
  g_autofree char *tissues = limber_exercise_describe_tissues (exercise);
  g_autofree char *text = g_strdup_printf ("%s · %s", regions, tissues);
  const char *lang = g_get_language_names ()[0];
  g_autofree char *spoken = NULL;

  /* Translators: a catalog row as a screen reader says it: the stretch's
   * name, its regions, its tissues */
  spoken = g_strdup_printf (_("%1$s, %2$s, %3$s"), limber_exercise_get_name (exercise, lang), regions, tissues);
  name_list_item (row, spoken);
  gtk_label_set_label (GTK_LABEL (name), limber_exercise_get_name (exercise, lang));
  gtk_label_set_label (GTK_LABEL (detail), text);
  gtk_widget_set_tooltip_text (detail, text);
  g_object_set_data_full (G_OBJECT (add), "exercise", g_object_ref (exercise), g_object_unref);
  g_object_set_data_full (G_OBJECT (info), "exercise", g_object_ref (exercise), g_object_unref);
  limber_thumbnail_attach (GTK_DRAWING_AREA (picture), exercise, LIMBER_FIGURE_SHOW_OVERLAID, FALSE);
  gtk_drag_source_set_content (g_object_get_data (G_OBJECT (row), "drag-source"), content);
}

static void
fill_tissues (LimberCatalogPane *self)
{
  g_autoptr(GtkStringList) tissue_model = gtk_string_list_new (NULL);

  g_clear_pointer (&self->tissues, g_strfreev);
  gtk_string_list_append (tissue_model, _("All tissues"));
  if (self->catalog != NULL)
    {
      self->tissues = limber_catalog_dup_tissues (self->catalog);
      for (guint i = 0; self->tissues[i] != NULL; i++)
        {
          g_autofree char *label = limber_tissue_label (self->tissues[i]);
          gtk_string_list_append (tissue_model, label);
        }
    }
  gtk_drop_down_set_model (self->tissue_dropdown, G_LIST_MODEL (tissue_model));
}

static gboolean
refresh_after_change (gpointer user_data)
{
  LimberCatalogPane *self = user_data;

  self->refresh_id = 0;
  fill_tissues (self);
  run_query (self, GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
  return G_SOURCE_REMOVE;
}

/* A catalog file read again (a custom stretch saved): new index, new
 * tissues, same search, once the list models have taken the change. */
static void
on_catalog_changed (LimberCatalogPane *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_after_change, self);
}

/* The catalog has been read: show it now.  Not from an idle, which the
 * spinner's animation could hold off indefinitely. */
static void
on_catalog_loading (LimberCatalogPane *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
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
  run_query (self, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (catalog));
  fill_tissues (self);
  update_count (self);
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

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_CATALOG_PANE);
  /* The template's root box is not a bound child: unparent it here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filtered);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->query, limber_query_free);
  g_clear_pointer (&self->results, limber_search_results_free);
  g_clear_pointer (&self->last_text, g_free);
  g_clear_pointer (&self->tissues, g_strfreev);

  G_OBJECT_CLASS (limber_catalog_pane_parent_class)->dispose (object);
}

static void
limber_catalog_pane_class_init (LimberCatalogPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_catalog_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-catalog-pane.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "catalogpane");
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, tissue_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, position_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, equipment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogPane, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dropdown_changed);
  gtk_widget_class_install_action (widget_class, "catalog.clear", NULL, clear_search);

  /**
   * LimberCatalogPane::exercise-activated:
   *
   * The user asked to add this stretch to the program (double-click,
   * Enter, or the row's add button).
   */
  signals[EXERCISE_ACTIVATED] =
    g_signal_new ("exercise-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, LIMBER_TYPE_EXERCISE);
}

static void
limber_catalog_pane_init (LimberCatalogPane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) regions = vocabulary_model (LIMBER_VOCABULARY_REGION, _("All regions"));
  g_autoptr(GtkStringList) positions = vocabulary_model (LIMBER_VOCABULARY_POSITION, _("All positions"));
  g_autoptr(GtkStringList) equipment = vocabulary_model (LIMBER_VOCABULARY_EQUIPMENT, _("Any equipment"));

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

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate), self);

  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (regions));
  gtk_drop_down_set_model (self->position_dropdown, G_LIST_MODEL (positions));
  gtk_drop_down_set_model (self->equipment_dropdown, G_LIST_MODEL (equipment));
}
