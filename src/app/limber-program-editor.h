/* limber-program-editor.h — the open program: header, exam, stretches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-program.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PROGRAM_EDITOR (limber_program_editor_get_type ())

G_DECLARE_FINAL_TYPE (LimberProgramEditor, limber_program_editor, LIMBER, PROGRAM_EDITOR, GtkWidget)

void        limber_program_editor_set_program (LimberProgramEditor *self,
                                               LimberProgram       *program,
                                               LimberCatalog       *catalog);
GtkListBox *limber_program_editor_get_list    (LimberProgramEditor *self);

G_END_DECLS
