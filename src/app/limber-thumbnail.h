/* limber-thumbnail.h — a stretch's figure, small, on a white card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-exercise.h"
#include "limber-figure-draw.h"

G_BEGIN_DECLS

void limber_thumbnail_draw           (cairo_t          *cr,
                                      int               width,
                                      int               height,
                                      LimberExercise   *exercise,
                                      LimberFigureShow  show,
                                      gboolean          mirror);
void limber_thumbnail_attach         (GtkDrawingArea   *area,
                                      LimberExercise   *exercise,
                                      LimberFigureShow  show,
                                      gboolean          mirror);
void limber_thumbnail_set_accessible (GtkWidget        *area,
                                      LimberExercise   *exercise);

G_END_DECLS
