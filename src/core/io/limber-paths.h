/* limber-paths.h — where Limber's files live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

const char *limber_paths_data_dir          (void);
GFile      *limber_paths_bundled_catalog   (void);
GFile      *limber_paths_user_catalog      (void);
GFile      *limber_paths_drafts            (void);
GFile      *limber_paths_example           (const char *name);
GFile      *limber_paths_templates         (void);
GFile      *limber_paths_catalog_cache     (void);

G_END_DECLS
