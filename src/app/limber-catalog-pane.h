/* limber-catalog-pane.h — search and browse the stretch catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-catalog.h"
#include "limber-favourites.h"
#include "limber-program.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_CATALOG_PANE (limber_catalog_pane_get_type ())

G_DECLARE_FINAL_TYPE (LimberCatalogPane, limber_catalog_pane, LIMBER, CATALOG_PANE, GtkWidget)

void              limber_catalog_pane_set_catalog    (LimberCatalogPane *self,
                                                      LimberCatalog     *catalog);
void              limber_catalog_pane_set_favourites (LimberCatalogPane *self,
                                                      LimberFavourites  *favourites);
LimberFavourites *limber_catalog_pane_get_favourites (LimberCatalogPane *self);
void              limber_catalog_pane_set_program    (LimberCatalogPane *self,
                                                      LimberProgram     *program);
void              limber_catalog_pane_focus_search   (LimberCatalogPane *self);
GListModel       *limber_catalog_pane_get_model      (LimberCatalogPane *self);

G_END_DECLS
