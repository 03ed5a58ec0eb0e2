/* limber-dosage-editor.h — a program item's dosage and note, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-program.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_DOSAGE_EDITOR (limber_dosage_editor_get_type ())

G_DECLARE_FINAL_TYPE (LimberDosageEditor, limber_dosage_editor, LIMBER, DOSAGE_EDITOR, GtkWidget)

GtkWidget         *limber_dosage_editor_new         (void);
LimberProgram     *limber_dosage_editor_get_program (LimberDosageEditor *self);
void               limber_dosage_editor_set_program (LimberDosageEditor *self,
                                                     LimberProgram      *program);
LimberProgramItem *limber_dosage_editor_get_item    (LimberDosageEditor *self);
void               limber_dosage_editor_set_item    (LimberDosageEditor *self,
                                                     LimberProgramItem  *item);

G_END_DECLS
