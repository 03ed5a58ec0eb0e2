/* limber-catalog-filters.c — the catalog pane's filter menus, with counts
 *
 * Region, tissue, position and equipment, each listing only the values
 * the catalog has, with how many stretches have each ("Hip (12)"), and
 * for equipment also "No equipment".  The counts are of the whole
 * catalog (limber-facets.c), made again when the catalog changes; a
 * choice still in the catalog stays chosen.
 *
 * "changed" says the therapist chose another value; the pane then asks
 * limber_catalog_filters_apply() to put the choices in its query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-catalog-filters"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-catalog-filters.h"
#include "limber-facets.h"

/* What an entry of a word menu stands for, besides a vocabulary index. */
enum { ENTRY_ALL = -1, ENTRY_NONE = -2 };

/* One menu: its entries' meanings, in the menu's order. */
typedef struct
{
  GtkDropDown *dropdown;
  GArray      *values;   /* int: a vocabulary index, ENTRY_ALL or ENTRY_NONE */
} WordMenu;

struct _LimberCatalogFilters
{
  GtkWidget    parent_instance;

  WordMenu     words[LIMBER_VOCABULARY_N_KINDS];
  GStrv        tissues;   /* the tissue menu's words, after "All" */
  guint        updating;

  /* Template widgets */
  GtkWidget   *grid;
  GtkDropDown *tissue_dropdown;
};

G_DEFINE_FINAL_TYPE (LimberCatalogFilters, limber_catalog_filters, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
all_label (LimberVocabulary kind)
{
  switch (kind)
    {
    case LIMBER_VOCABULARY_REGION:
      return _("All regions");
    case LIMBER_VOCABULARY_POSITION:
      return _("All positions");
    default:
      return _("Any equipment");
    }
}

/* "Hip (12)" */
static char *
with_count (const char *label,
            guint       count)
{
  /* Translators: a filter value and how many stretches have it */
  return g_strdup_printf (_("%s (%u)"), label, count);
}

static int
selected_value (WordMenu *menu)
{
  guint selected = gtk_drop_down_get_selected (menu->dropdown);

  return selected < menu->values->len ? g_array_index (menu->values, int, selected) : ENTRY_ALL;
}

static void
fill_words (LimberCatalogFilters *self,
            LimberVocabulary      kind,
            GListModel           *exercises)
{
  WordMenu *menu = &self->words[kind];
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree guint *counts = NULL;
  guint n = limber_vocabulary_count (kind);
  int keep = selected_value (menu);
  guint keep_at = 0;
  int value = ENTRY_ALL;

  counts = exercises ? limber_facets_count_words (exercises, kind) : g_new0 (guint, n + 1);
  g_array_set_size (menu->values, 0);
  gtk_string_list_append (labels, all_label (kind));
  g_array_append_val (menu->values, value);
  for (guint i = 0; i <= n; i++)
    {
      g_autofree char *label = NULL;

      if (counts[i] == 0 || (i == n && kind != LIMBER_VOCABULARY_EQUIPMENT))
        continue;
      value = i == n ? ENTRY_NONE : (int) i;
      label = with_count (i == n ? _("No equipment") : limber_vocabulary_label (kind, i), counts[i]);
      if (value == keep)
        keep_at = menu->values->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (menu->values, value);
    }
  gtk_drop_down_set_model (menu->dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (menu->dropdown, keep_at);
}

static void
fill_tissues (LimberCatalogFilters *self,
              LimberCatalog        *catalog)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->tissue_dropdown);
  g_autofree char *keep = NULL;
  g_autofree guint *counts = NULL;
  guint keep_at = 0;

  if (self->tissues != NULL && selected > 0 && selected <= g_strv_length (self->tissues))
    keep = g_strdup (self->tissues[selected - 1]);
  g_clear_pointer (&self->tissues, g_strfreev);
  self->tissues = catalog ? limber_catalog_dup_tissues (catalog) : g_new0 (char *, 1);
  counts = catalog ? limber_facets_count_tissues (G_LIST_MODEL (catalog), (const char * const *) self->tissues)
                   : g_new0 (guint, 1);
  gtk_string_list_append (labels, _("All tissues"));
  for (guint i = 0; self->tissues[i] != NULL; i++)
    {
      g_autofree char *name = limber_tissue_label (self->tissues[i]);
      g_autofree char *label = with_count (name, counts[i]);

      if (g_strcmp0 (keep, self->tissues[i]) == 0)
        keep_at = i + 1;
      gtk_string_list_append (labels, label);
    }
  gtk_drop_down_set_model (self->tissue_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->tissue_dropdown, keep_at);
}

/**
 * limber_catalog_filters_set_catalog:
 *
 * Lists the values @catalog has, with their counts; call again when it
 * changes.  Does not emit "changed".
 */
void
limber_catalog_filters_set_catalog (LimberCatalogFilters *self,
                                    LimberCatalog        *catalog)
{
  g_return_if_fail (LIMBER_IS_CATALOG_FILTERS (self));

  self->updating++;
  fill_words (self, LIMBER_VOCABULARY_REGION, G_LIST_MODEL (catalog));
  fill_words (self, LIMBER_VOCABULARY_POSITION, G_LIST_MODEL (catalog));
  fill_words (self, LIMBER_VOCABULARY_EQUIPMENT, G_LIST_MODEL (catalog));
  fill_tissues (self, catalog);
  self->updating--;
}

/* The chosen values, into @query (ENTRY_NONE is the pane's to check). */
void
limber_catalog_filters_apply (LimberCatalogFilters *self,
                              LimberQuery          *query)
{
  guint tissue = gtk_drop_down_get_selected (self->tissue_dropdown);

  g_return_if_fail (LIMBER_IS_CATALOG_FILTERS (self));

  for (guint k = 0; k < LIMBER_VOCABULARY_N_KINDS; k++)
    if (self->words[k].dropdown != NULL)
      limber_query_set_word (query, k, MAX (selected_value (&self->words[k]), -1));
  limber_query_set_tissue (query, tissue > 0 && tissue <= g_strv_length (self->tissues)
                                  ? self->tissues[tissue - 1] : NULL);
}

/* "No equipment" is chosen: only stretches that need none. */
gboolean
limber_catalog_filters_no_equipment (LimberCatalogFilters *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG_FILTERS (self), FALSE);

  return selected_value (&self->words[LIMBER_VOCABULARY_EQUIPMENT]) == ENTRY_NONE;
}

/* Every menu back to "All", with one "changed". */
void
limber_catalog_filters_reset (LimberCatalogFilters *self)
{
  g_return_if_fail (LIMBER_IS_CATALOG_FILTERS (self));

  self->updating++;
  for (guint k = 0; k < LIMBER_VOCABULARY_N_KINDS; k++)
    if (self->words[k].dropdown != NULL)
      gtk_drop_down_set_selected (self->words[k].dropdown, 0);
  gtk_drop_down_set_selected (self->tissue_dropdown, 0);
  self->updating--;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_selected (LimberCatalogFilters *self)
{
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
limber_catalog_filters_dispose (GObject *object)
{
  LimberCatalogFilters *self = LIMBER_CATALOG_FILTERS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_CATALOG_FILTERS);
  for (guint k = 0; k < LIMBER_VOCABULARY_N_KINDS; k++)
    {
      g_clear_pointer (&self->words[k].values, g_array_unref);
      self->words[k].dropdown = NULL;
    }
  g_clear_pointer (&self->tissues, g_strfreev);
  G_OBJECT_CLASS (limber_catalog_filters_parent_class)->dispose (object);
}

static void
limber_catalog_filters_class_init (LimberCatalogFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_catalog_filters_dispose;

  /**
   * LimberCatalogFilters::changed:
   *
   * The therapist chose another value in a menu.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-catalog-filters.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogFilters, grid);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogFilters, tissue_dropdown);
#define BIND_AT(id, kind) \
  gtk_widget_class_bind_template_child_full (widget_class, id, FALSE, \
                                             G_STRUCT_OFFSET (LimberCatalogFilters, words[kind].dropdown))
  BIND_AT ("region_dropdown", LIMBER_VOCABULARY_REGION);
  BIND_AT ("position_dropdown", LIMBER_VOCABULARY_POSITION);
  BIND_AT ("equipment_dropdown", LIMBER_VOCABULARY_EQUIPMENT);
#undef BIND_AT
  gtk_widget_class_bind_template_callback (widget_class, on_selected);
}

static void
limber_catalog_filters_init (LimberCatalogFilters *self)
{
  for (guint k = 0; k < LIMBER_VOCABULARY_N_KINDS; k++)
    self->words[k].values = g_array_new (FALSE, FALSE, sizeof (int));
  self->tissues = g_new0 (char *, 1);
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_catalog_filters_set_catalog (self, NULL);
  self->updating--;
}
