/* limber-exercise-private.h — what the search needs to see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-exercise.h"

G_BEGIN_DECLS

#define LIMBER_BIGRAM_WORDS 16 /* 1024 bits */

const char    *_limber_exercise_get_key     (LimberExercise *self);
const guint64 *_limber_exercise_get_bigrams (LimberExercise *self);
gboolean       _limber_exercise_has_tissue  (LimberExercise *self,
                                             GQuark          tissue);

G_END_DECLS

G_BEGIN_DECLS
void           _limber_exercise_drop_image  (LimberExercise *self);
void           _limber_exercise_set_image_data (LimberExercise *self,
                                                GBytes         *bytes,
                                                const char     *mime_type);
G_END_DECLS
