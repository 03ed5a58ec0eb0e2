/* limber-stretch-spanish.h — a custom stretch's words in Spanish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-custom.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_STRETCH_SPANISH (limber_stretch_spanish_get_type ())

G_DECLARE_FINAL_TYPE (LimberStretchSpanish, limber_stretch_spanish, LIMBER, STRETCH_SPANISH, AdwBin)

void limber_stretch_spanish_set_exercise (LimberStretchSpanish *self,
                                          LimberExercise       *exercise);
void limber_stretch_spanish_fill         (LimberStretchSpanish *self,
                                          LimberCustomFields   *fields);

G_END_DECLS
