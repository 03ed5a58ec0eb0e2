/* limber-item-row-private.h — what limber-item-row.c takes from its helper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-program.h"

G_BEGIN_DECLS

/* limber-item-row-dnd.c */
void _limber_item_row_add_dnd (GtkWidget         *row,
                               GtkWidget         *handle,
                               LimberProgram     *program,
                               LimberProgramItem *item);

/* limber-item-row-summary.c */
char       *_limber_item_row_describe_dosage (const LimberDosage *dosage);
const char *_limber_item_row_side_word       (LimberSide          side);

G_END_DECLS
