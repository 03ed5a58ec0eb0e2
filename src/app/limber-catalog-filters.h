/* limber-catalog-filters.h — the catalog pane's filter menus, with counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-catalog.h"
#include "limber-search.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_CATALOG_FILTERS (limber_catalog_filters_get_type ())

G_DECLARE_FINAL_TYPE (LimberCatalogFilters, limber_catalog_filters, LIMBER, CATALOG_FILTERS, GtkWidget)

void     limber_catalog_filters_set_catalog   (LimberCatalogFilters *self,
                                               LimberCatalog        *catalog);
void     limber_catalog_filters_apply         (LimberCatalogFilters *self,
                                               LimberQuery          *query);
gboolean limber_catalog_filters_no_equipment  (LimberCatalogFilters *self);
void     limber_catalog_filters_reset         (LimberCatalogFilters *self);

G_END_DECLS
