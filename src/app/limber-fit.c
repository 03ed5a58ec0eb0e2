/* limber-fit.c — secondary windows no bigger than the window they belong to
 *
 * A preview or an editor opened from a main window made narrow (a
 * phone, half a laptop screen) should open over it, not spill past it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-fit"

#include "config.h"

#include "limber-fit.h"

/**
 * limber_fit_default_size:
 * @window: a window not shown yet
 * @parent: (nullable): the window it opens over
 * @width: the width it opens at when there is room
 * @height: the height it opens at when there is room
 *
 * Sets @window's default size to @width × @height, each cut down to
 * @parent's if @parent is smaller.  What the window holds should scroll
 * inside it, so that its minimum size fits as well.
 */
void
limber_fit_default_size (GtkWindow *window,
                         GtkWindow *parent,
                         int        width,
                         int        height)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    {
      width = MIN (width, gtk_widget_get_width (GTK_WIDGET (parent)));
      height = MIN (height, gtk_widget_get_height (GTK_WIDGET (parent)));
    }
  gtk_window_set_default_size (window, width, height);
}
