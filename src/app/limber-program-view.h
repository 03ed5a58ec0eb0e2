/* limber-program-view.h — the open program, as the therapist reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-program.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PROGRAM_VIEW (limber_program_view_get_type ())

G_DECLARE_FINAL_TYPE (LimberProgramView, limber_program_view, LIMBER, PROGRAM_VIEW, GtkWidget)

void limber_program_view_set_program (LimberProgramView *self,
                                      LimberProgram     *program);

G_END_DECLS
