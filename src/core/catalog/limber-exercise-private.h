/* limber-exercise-private.h — what the search needs to see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-exercise.h"

G_BEGIN_DECLS

/* 2048 bits: 1024 for byte pairs, 1024 for byte triples (see limber-search.c) */
#define LIMBER_BIGRAM_WORDS 32
/* Byte-pair set, key and its NUL, rounded up to keep blocks aligned. */
#define LIMBER_SEARCH_BLOCK_SIZE(key_len) \
  ((LIMBER_BIGRAM_WORDS * sizeof (guint64) + (key_len) + 1 + 7) & ~(gsize) 7)

const char    *_limber_exercise_get_key     (LimberExercise *self);
const guint64 *_limber_exercise_get_bigrams (LimberExercise *self);
gboolean       _limber_exercise_has_tissue  (LimberExercise *self,
                                             GQuark          tissue);

G_END_DECLS

G_BEGIN_DECLS
gsize          _limber_exercise_get_search_block_size (LimberExercise *self);
void           _limber_exercise_copy_search_block     (LimberExercise *self,
                                                       gpointer        dest);
void           _limber_exercise_rehome_search_block   (LimberExercise *self,
                                                       GBytes         *arena,
                                                       gsize           offset,
                                                       guint           slot);
guint          _limber_exercise_get_search_slot       (LimberExercise *self);
const GQuark  *_limber_exercise_get_tissue_quarks     (LimberExercise *self);
void           _limber_exercise_drop_image  (LimberExercise *self);
void           _limber_exercise_set_image_data (LimberExercise *self,
                                                GBytes         *bytes,
                                                const char     *mime_type);
G_END_DECLS
