/* limber-exercise-view.h — one stretch in full: figure, steps, notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-catalog-pane.h"
#include "limber-exercise.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_EXERCISE_VIEW (limber_exercise_view_get_type ())

G_DECLARE_FINAL_TYPE (LimberExerciseView, limber_exercise_view, LIMBER, EXERCISE_VIEW, GtkWidget)

GtkWidget *limber_exercise_view_new      (LimberExercise *exercise);
GtkWindow *limber_exercise_view_present  (LimberExercise    *exercise,
                                          GtkWindow         *parent,
                                          LimberCatalogPane *pane);

G_END_DECLS
