/* limber-trash.h — move a file to the trash, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean limber_trash_file    (GFile   *file,
                               GError **error);
GFile   *limber_trash_restore (GFile   *original,
                               GError **error);

G_END_DECLS
