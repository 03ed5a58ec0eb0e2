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

G_END_DECLS
