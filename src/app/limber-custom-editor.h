/* limber-custom-editor.h — a window to make a custom stretch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_CUSTOM_EDITOR (limber_custom_editor_get_type ())

G_DECLARE_FINAL_TYPE (LimberCustomEditor, limber_custom_editor, LIMBER, CUSTOM_EDITOR, AdwWindow)

GtkWindow *limber_custom_editor_new            (GtkWindow          *parent,
                                                LimberCatalog      *catalog);
GtkWindow *limber_custom_editor_new_for_exercise (GtkWindow      *parent,
                                                  LimberCatalog  *catalog,
                                                  LimberExercise *exercise);
void       limber_custom_editor_set_image_file (LimberCustomEditor *self,
                                                GFile              *file);

G_END_DECLS
