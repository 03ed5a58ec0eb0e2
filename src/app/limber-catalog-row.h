/* limber-catalog-row.h — one stretch in the catalog list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-exercise.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_CATALOG_ROW (limber_catalog_row_get_type ())

G_DECLARE_FINAL_TYPE (LimberCatalogRow, limber_catalog_row, LIMBER, CATALOG_ROW, GtkWidget)

GtkWidget      *limber_catalog_row_new          (void);
void            limber_catalog_row_set_exercise (LimberCatalogRow *self,
                                                 LimberExercise   *exercise,
                                                 gboolean          custom);
LimberExercise *limber_catalog_row_get_exercise (LimberCatalogRow *self);
void            limber_catalog_row_set_marks    (LimberCatalogRow *self,
                                                 gboolean          favourite,
                                                 gboolean          in_program);
gboolean        limber_catalog_row_get_in_program (LimberCatalogRow *self);
void            limber_catalog_row_popup_menu   (LimberCatalogRow *self);

G_END_DECLS
