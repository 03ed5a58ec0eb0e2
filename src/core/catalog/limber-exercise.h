/* limber-exercise.h — one stretch of the catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "limber-dosage.h"
#include "limber-figure.h"
#include "limber-text.h"
#include "limber-vocabulary.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_EXERCISE (limber_exercise_get_type ())

G_DECLARE_FINAL_TYPE (LimberExercise, limber_exercise, LIMBER, EXERCISE, GObject)

typedef enum
{
  LIMBER_EXERCISE_NAME,
  LIMBER_EXERCISE_SUMMARY,
  LIMBER_EXERCISE_SHORTEN,
  LIMBER_EXERCISE_LENGTHEN,
  LIMBER_EXERCISE_PRESSURE_SELF,
  LIMBER_EXERCISE_PRESSURE_THERAPIST,
  LIMBER_EXERCISE_FEEL,              /* how it should feel, and where */
  LIMBER_EXERCISE_N_TEXTS
} LimberExerciseText;

/* Where an exercise comes from: a catalog file, or a program's snapshot. */
typedef enum
{
  LIMBER_EXERCISE_FROM_CATALOG,
  LIMBER_EXERCISE_FROM_SNAPSHOT,
  LIMBER_EXERCISE_CHECK_CATALOG,   /* a catalog's, read only to check it: not searchable */
} LimberExerciseOrigin;

LimberExercise     *limber_exercise_new_from_xml   (xmlNode             *node,
                                                    const char          *file_lang,
                                                    const char          *display_name,
                                                    LimberExerciseOrigin origin,
                                                    GPtrArray           *problems);
gboolean            limber_is_valid_id             (const char          *id);
gboolean            limber_image_src_is_safe       (const char          *src);
const char         *limber_exercise_get_id         (LimberExercise      *self);
const char         *limber_exercise_get_source     (LimberExercise      *self);
LimberSide          limber_exercise_get_written_for (LimberExercise     *self);
long                limber_exercise_get_line       (LimberExercise      *self);
const char         *limber_exercise_get_text       (LimberExercise      *self,
                                                    LimberExerciseText   which,
                                                    const char          *lang);
const LimberText   *limber_exercise_peek_text      (LimberExercise      *self,
                                                    LimberExerciseText   which);
const char         *limber_exercise_get_name       (LimberExercise      *self,
                                                    const char          *lang);
guint               limber_exercise_get_n_steps    (LimberExercise      *self);
const char         *limber_exercise_get_step       (LimberExercise      *self,
                                                    guint                n,
                                                    const char          *lang);
const LimberText   *limber_exercise_peek_step      (LimberExercise      *self,
                                                    guint                n);
guint               limber_exercise_get_n_cautions (LimberExercise      *self);
const LimberText   *limber_exercise_peek_caution   (LimberExercise      *self,
                                                    guint                n);
const char         *limber_exercise_get_caution    (LimberExercise      *self,
                                                    guint                n,
                                                    const char          *lang);
guint64             limber_exercise_get_words      (LimberExercise      *self,
                                                    LimberVocabulary     kind);
const char * const *limber_exercise_get_tissues    (LimberExercise      *self);
const LimberDosage *limber_exercise_get_dosage     (LimberExercise      *self);
const char         *limber_exercise_get_image_src  (LimberExercise      *self);
const char         *limber_exercise_get_image_alt  (LimberExercise      *self);
GBytes             *limber_exercise_get_image_data (LimberExercise      *self,
                                                    const char         **mime_type);
const char         *limber_exercise_get_figure_xml (LimberExercise      *self);
LimberFigure       *limber_exercise_get_figure     (LimberExercise      *self);
char               *limber_exercise_describe_words (LimberExercise      *self,
                                                    LimberVocabulary     kind);
char               *limber_exercise_describe_tissues (LimberExercise    *self);

G_END_DECLS
