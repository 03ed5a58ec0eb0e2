/* limber-fit.h — secondary windows no bigger than the window they belong to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void limber_fit_default_size (GtkWindow *window,
                              GtkWindow *parent,
                              int        width,
                              int        height);

G_END_DECLS
