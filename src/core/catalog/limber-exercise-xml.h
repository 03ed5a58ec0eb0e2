/* limber-exercise-xml.h — writing an exercise back as XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-exercise.h"

G_BEGIN_DECLS

xmlNode *limber_exercise_write_xml (LimberExercise       *self,
                                    xmlNode              *parent,
                                    const char           *file_lang,
                                    LimberExerciseOrigin  form);

G_END_DECLS
