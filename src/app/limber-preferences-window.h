/* limber-preferences-window.h — the clinic, the therapist, printing, catalog folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_PREFERENCES_WINDOW (limber_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window, LIMBER, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWindow *limber_preferences_window_new        (GtkWindow               *parent,
                                                 GSettings               *settings);
gboolean   limber_preferences_window_set_logo   (LimberPreferencesWindow *self,
                                                 GFile                   *file);
void       limber_preferences_window_add_folder (LimberPreferencesWindow *self,
                                                 GFile                   *folder);

G_END_DECLS
