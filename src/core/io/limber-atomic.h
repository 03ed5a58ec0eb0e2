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

/* A local file being replaced: written with limber_atomic_file_write(), then
 * committed (it takes the place of the target) or freed (nothing
 * changes). */
typedef struct _LimberAtomicFile LimberAtomicFile;

LimberAtomicFile *limber_atomic_file_new    (const char        *path,
                                             GError           **error);
gboolean          limber_atomic_file_write  (LimberAtomicFile  *self,
                                             const void        *data,
                                             gsize              length,
                                             GError           **error);
gboolean          limber_atomic_file_commit (LimberAtomicFile  *self,
                                             GError           **error);
void              limber_atomic_file_free   (LimberAtomicFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberAtomicFile, limber_atomic_file_free)

G_END_DECLS
