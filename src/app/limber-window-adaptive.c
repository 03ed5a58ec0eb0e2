/* limber-window-adaptive.c — two panes when the window is wide, one when not
 *
 * The catalog and the program sit side by side in an AdwLeaflet.  Below
 * the width both need, the leaflet folds and shows one of them: the
 * program when there is one (that is what the therapist is working on),
 * the catalog otherwise; the header buttons lead from one to the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-window"

#include "config.h"

#include "limber-window-private.h"

/**
 * _limber_window_show_catalog:
 *
 * Brings the catalog into view; a no-op when both panes show.
 */
void
_limber_window_show_catalog (LimberWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->catalog_side);
}

/**
 * _limber_window_show_program:
 *
 * Brings the program (or the page that starts one) into view; a no-op
 * when both panes show.
 */
void
_limber_window_show_program (LimberWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->program_side);
}

static void
show_catalog_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _limber_window_show_catalog (LIMBER_WINDOW (widget));
}

static void
show_program_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _limber_window_show_program (LIMBER_WINDOW (widget));
}

void
_limber_window_class_add_adaptive (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, catalog_side);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, program_side);

  gtk_widget_class_install_action (widget_class, "win.show-catalog", NULL, show_catalog_action);
  gtk_widget_class_install_action (widget_class, "win.show-program", NULL, show_program_action);
}
