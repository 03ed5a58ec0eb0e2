/* limber-stretch-fields.h — the words of a custom stretch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_STRETCH_FIELDS (limber_stretch_fields_get_type ())

G_DECLARE_FINAL_TYPE (LimberStretchFields, limber_stretch_fields, LIMBER, STRETCH_FIELDS, AdwBin)

GtkWidget      *limber_stretch_fields_new            (LimberCatalog       *catalog);
LimberCatalog  *limber_stretch_fields_get_catalog    (LimberStretchFields *self);
void            limber_stretch_fields_set_catalog    (LimberStretchFields *self,
                                                      LimberCatalog       *catalog);
void            limber_stretch_fields_set_exercise   (LimberStretchFields *self,
                                                      LimberExercise      *exercise);
gboolean        limber_stretch_fields_check_required (LimberStretchFields *self);
LimberExercise *limber_stretch_fields_build          (LimberStretchFields *self,
                                                      LimberFigure        *figure,
                                                      GError             **error);

G_END_DECLS
