/* limber-clinic-logo.h — the clinic's logo, kept in Limber's own folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

GFile    *limber_clinic_logo_file   (void);
gboolean  limber_clinic_logo_import (GFile       *source,
                                     GError     **error);
gboolean  limber_clinic_logo_remove (GError     **error);
gboolean  limber_clinic_logo_draw   (const char  *path,
                                     cairo_t     *cr,
                                     double       width,
                                     double       height);

G_END_DECLS
