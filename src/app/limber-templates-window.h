/* limber-templates-window.h — the user's program templates: rename, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_TEMPLATES_WINDOW (limber_templates_window_get_type ())

G_DECLARE_FINAL_TYPE (LimberTemplatesWindow, limber_templates_window, LIMBER, TEMPLATES_WINDOW,
                      AdwPreferencesWindow)

GtkWindow *limber_templates_window_new    (GtkWindow             *parent);
void       limber_templates_window_reload (LimberTemplatesWindow *self);

char      *limber_template_file_name      (const char            *name);

G_END_DECLS
