/* limber-catalog-cache.h — validated catalog files, kept ready to map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Bump when what the cache holds, or how Limber reads a catalog, changes
 * without a change of Limber's version (a development build). */
#define LIMBER_CATALOG_CACHE_FORMAT 2

char      *limber_catalog_cache_key       (GFile       *source,
                                           gboolean    *settled);
GFile     *limber_catalog_cache_file      (GFile       *cache_dir,
                                           GFile       *source);
GBytes    *limber_catalog_cache_serialize (const char  *key,
                                           GPtrArray   *exercises);
GPtrArray *limber_catalog_cache_parse     (GBytes      *bytes,
                                           const char  *key,
                                           const char  *display_name);
GPtrArray *limber_catalog_cache_load_fd   (int          fd,
                                           const char  *key,
                                           const char  *display_name);
GPtrArray *limber_catalog_cache_load      (GFile       *cache_dir,
                                           GFile       *source,
                                           const char  *key,
                                           const char  *display_name);
gboolean   limber_catalog_cache_store     (GFile       *cache_dir,
                                           GFile       *source,
                                           const char  *key,
                                           GPtrArray   *exercises,
                                           GError     **error);
guint      limber_catalog_cache_get_hits  (void);
guint64    limber_catalog_cache_checksum  (const guint8 *data,
                                           gsize         len);

G_END_DECLS
