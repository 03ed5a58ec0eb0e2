/* limber-stretch-translations.h — a custom stretch's words in Spanish,
 * German and French
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-custom.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_STRETCH_TRANSLATIONS (limber_stretch_translations_get_type ())

G_DECLARE_FINAL_TYPE (LimberStretchTranslations, limber_stretch_translations, LIMBER, STRETCH_TRANSLATIONS, AdwBin)

void limber_stretch_translations_set_exercise (LimberStretchTranslations *self,
                                               LimberExercise            *exercise);
void limber_stretch_translations_fill         (LimberStretchTranslations *self,
                                               LimberCustomFields        *fields);
void limber_stretch_translations_set_language (LimberStretchTranslations *self,
                                               const char                *lang);

G_END_DECLS
