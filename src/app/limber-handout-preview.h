/* limber-handout-preview.h — the handout's pages, as they will print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-handout.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_HANDOUT_PREVIEW (limber_handout_preview_get_type ())

G_DECLARE_FINAL_TYPE (LimberHandoutPreview, limber_handout_preview, LIMBER, HANDOUT_PREVIEW, GtkWidget)

GtkWidget                  *limber_handout_preview_new         (void);
void                        limber_handout_preview_set_program (LimberHandoutPreview *self,
                                                                LimberProgram        *program);
LimberProgram              *limber_handout_preview_get_program (LimberHandoutPreview *self);
const LimberHandoutOptions *limber_handout_preview_get_options (LimberHandoutPreview *self);
LimberHandout              *limber_handout_preview_get_handout (LimberHandoutPreview *self);

G_END_DECLS
