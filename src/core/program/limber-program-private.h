/* limber-program-private.h — for the loader: build a program without undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-program.h"

G_BEGIN_DECLS

void _limber_program_take_field (LimberProgram      *self,
                                 LimberProgramField  field,
                                 char               *value);
void _limber_program_take_item  (LimberProgram      *self,
                                 LimberProgramItem  *item);
void _limber_program_take_exam  (LimberProgram      *self,
                                 LimberExam         *exam);
void _limber_program_mark_unsaved (LimberProgram    *self);
void _limber_program_add_translation (LimberProgram      *self,
                                      LimberProgramField  field,
                                      const char         *lang,
                                      char               *text);
const LimberText *_limber_program_get_translations (LimberProgram      *self,
                                                    LimberProgramField  field);

G_END_DECLS
