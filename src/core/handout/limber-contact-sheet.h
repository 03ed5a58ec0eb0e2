/* limber-contact-sheet.h — every figure on a few A4 pages, to check them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean limber_figure_write_contact_sheet (GListModel  *exercises,
                                            const char  *path,
                                            GError     **error);

G_END_DECLS
