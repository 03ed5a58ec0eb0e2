/* limber-date-row.h — a date of the program, picked on a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_DATE_ROW (limber_date_row_get_type ())

G_DECLARE_FINAL_TYPE (LimberDateRow, limber_date_row, LIMBER, DATE_ROW, AdwActionRow)

GtkWidget  *limber_date_row_new           (void);
const char *limber_date_row_get_date      (LimberDateRow *self);
void        limber_date_row_set_date      (LimberDateRow *self,
                                           const char    *date);
gboolean    limber_date_row_get_clearable (LimberDateRow *self);
void        limber_date_row_set_clearable (LimberDateRow *self,
                                           gboolean       clearable);

G_END_DECLS
