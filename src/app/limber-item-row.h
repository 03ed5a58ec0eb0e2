/* limber-item-row.h — one stretch of the open program, editable in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-catalog.h"
#include "limber-program.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ITEM_ROW (limber_item_row_get_type ())

G_DECLARE_FINAL_TYPE (LimberItemRow, limber_item_row, LIMBER, ITEM_ROW, GtkListBoxRow)

GtkWidget         *limber_item_row_new                     (LimberProgram          *program,
                                                            LimberProgramItem      *item,
                                                            LimberCatalog          *catalog);
LimberProgramItem *limber_item_row_get_item                (LimberItemRow          *self);
gboolean           limber_item_row_get_expanded            (LimberItemRow          *self);
void               limber_item_row_set_expanded            (LimberItemRow          *self,
                                                            gboolean                expanded);
void               limber_item_row_set_thumbnail_draw_func (LimberItemRow          *self,
                                                            GtkDrawingAreaDrawFunc  draw_func,
                                                            gpointer                user_data,
                                                            GDestroyNotify          destroy);

G_END_DECLS
