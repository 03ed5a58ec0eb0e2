/* limber-catalog-pane-private.h — what the pane's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-catalog-filters.h"
#include "limber-catalog-pane.h"
#include "limber-catalog-row.h"
#include "limber-favourites.h"
#include "limber-program.h"
#include "limber-search.h"

G_BEGIN_DECLS

struct _LimberCatalogPane
{
  GtkWidget             parent_instance;

  LimberCatalog        *catalog;
  LimberFavourites     *favourites;
  LimberProgram        *program;
  LimberQuery          *query;
  LimberSearchResults  *results;     /* the last ranking of the catalog's index */
  LimberSearchIndex    *ranked;      /* the index it ranked (compared, never used) */
  guint                 refresh_id;
  char                 *last_text;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GtkCustomSorter      *sorter;      /* ours: taken off the model while filtering */
  GtkSortListModel     *sorted;      /* what the list shows: best first */
  GtkSingleSelection   *selection;
  GPtrArray            *rows;        /* LimberCatalogRow, unowned: the list's live rows */

  /* Template widgets */
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *favourites_toggle;
  LimberCatalogFilters *filters;
  GtkLabel             *count_label;
  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  GtkScrolledWindow    *scroller;
  GtkListView          *list_view;
};

void            _limber_catalog_pane_class_add_actions (GtkWidgetClass    *widget_class);
void            _limber_catalog_pane_update_marks      (LimberCatalogPane *self);
void            _limber_catalog_pane_toast             (LimberCatalogPane *self,
                                                        const char        *message);
void            _limber_catalog_pane_emit_activated    (LimberCatalogPane *self,
                                                        LimberExercise    *exercise);
LimberExercise *_limber_catalog_pane_lookup            (LimberCatalogPane *self,
                                                        GVariant          *id);

G_END_DECLS
