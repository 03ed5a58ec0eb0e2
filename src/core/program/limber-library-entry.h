/* limber-library-entry.h — one program file in the program library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_LIBRARY_ENTRY (limber_library_entry_get_type ())

G_DECLARE_FINAL_TYPE (LimberLibraryEntry, limber_library_entry, LIMBER, LIBRARY_ENTRY, GObject)

LimberLibraryEntry *limber_library_entry_new              (GFile              *file,
                                                           const char         *patient_name,
                                                           const char         *patient_id,
                                                           const char         *created,
                                                           const char         *title,
                                                           gint64              modified);
GFile              *limber_library_entry_get_file         (LimberLibraryEntry *self);
const char         *limber_library_entry_get_patient_name (LimberLibraryEntry *self);
const char         *limber_library_entry_get_patient_id   (LimberLibraryEntry *self);
const char         *limber_library_entry_get_created      (LimberLibraryEntry *self);
const char         *limber_library_entry_get_title        (LimberLibraryEntry *self);
const char         *limber_library_entry_get_search_key   (LimberLibraryEntry *self);
char               *limber_library_entry_dup_patient_key  (LimberLibraryEntry *self);
int                 limber_library_entry_compare          (gconstpointer       a,
                                                           gconstpointer       b);
gboolean            limber_library_entry_matches          (LimberLibraryEntry *self,
                                                           const char *const  *words);

G_END_DECLS
