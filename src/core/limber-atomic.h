/* limber-atomic.h — writing a file so that it is never half written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean limber_atomic_write (GFile       *file,
                              const char  *data,
                              gsize        length,
                              gboolean     keep_backup,
                              GError     **error);

G_END_DECLS
