/* limber-program-item.h — one stretch in a patient's program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-exercise.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PROGRAM_ITEM (limber_program_item_get_type ())

G_DECLARE_FINAL_TYPE (LimberProgramItem, limber_program_item, LIMBER, PROGRAM_ITEM, GObject)

LimberProgramItem  *limber_program_item_new           (LimberExercise     *exercise);
LimberExercise     *limber_program_item_get_exercise  (LimberProgramItem  *self);
const char         *limber_program_item_get_note      (LimberProgramItem  *self);
void                limber_program_item_set_note      (LimberProgramItem  *self,
                                                       const char         *note);
const LimberDosage *limber_program_item_get_override  (LimberProgramItem  *self);
void                limber_program_item_set_override  (LimberProgramItem  *self,
                                                       const LimberDosage *dosage);
void                limber_program_item_get_dosage    (LimberProgramItem  *self,
                                                       LimberDosage       *dosage);
gboolean            limber_program_item_get_from_snapshot (LimberProgramItem *self);
void                limber_program_item_set_from_snapshot (LimberProgramItem *self,
                                                           gboolean           from_snapshot);

void                _limber_program_item_set_note_translations (LimberProgramItem *self,
                                                                const LimberText  *text);
const LimberText   *_limber_program_item_get_note_translations (LimberProgramItem *self);
void                _limber_program_item_set_exercise (LimberProgramItem *self,
                                                       LimberExercise    *exercise);

G_END_DECLS
