/* limber-catalog.h — every exercise Limber knows, from all its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "limber-exercise.h"
#include "limber-search.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_CATALOG (limber_catalog_get_type ())

/* The search words of a catalog folder: this file beside its catalogs. */
#define LIMBER_CATALOG_VOCABULARY "vocabulary.txt"

G_DECLARE_FINAL_TYPE (LimberCatalog, limber_catalog, LIMBER, CATALOG, GObject)

LimberCatalog  *limber_catalog_new             (void);
gboolean        limber_catalog_add_file        (LimberCatalog       *self,
                                                GFile               *file,
                                                GError             **error);
guint           limber_catalog_add_folder      (LimberCatalog       *self,
                                                GFile               *folder);
void            limber_catalog_load_standard   (LimberCatalog       *self,
                                                const char * const  *extra_uris);
void            limber_catalog_load_standard_async  (LimberCatalog       *self,
                                                     const char * const  *extra_uris,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean        limber_catalog_load_standard_finish (LimberCatalog       *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
gboolean        limber_catalog_get_loading     (LimberCatalog       *self);
void            limber_catalog_set_cache_dir   (LimberCatalog       *self,
                                                GFile               *cache_dir);
void            limber_catalog_write_cache     (LimberCatalog       *self);
gboolean        limber_catalog_remove          (LimberCatalog       *self,
                                                const char          *id);
LimberExercise *limber_catalog_lookup          (LimberCatalog       *self,
                                                const char          *id);
void            limber_catalog_add_search_words (LimberCatalog      *self,
                                                 GFile              *file);
GPtrArray      *limber_catalog_get_problems    (LimberCatalog       *self);
GPtrArray      *limber_catalog_get_notices     (LimberCatalog       *self);
GStrv           limber_catalog_dup_tissues     (LimberCatalog       *self);
LimberSearchIndex *limber_catalog_get_search_index (LimberCatalog    *self);
gboolean        limber_catalog_check_file      (GFile               *file,
                                                const char          *display_name,
                                                GPtrArray           *problems);

G_END_DECLS
