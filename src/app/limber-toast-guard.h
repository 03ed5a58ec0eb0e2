/* limber-toast-guard.h — toasts that libadwaita 1.2 can take away safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void limber_toast_add                 (AdwToastOverlay      *overlay,
                                       AdwToast             *toast);
void limber_toast_add_to_preferences  (AdwPreferencesWindow *window,
                                       AdwToast             *toast);

G_END_DECLS
