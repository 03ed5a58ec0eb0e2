/* limber-library.h — the program library: a folder of programs,
 * listed by patient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-library-patient.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_LIBRARY (limber_library_get_type ())

G_DECLARE_FINAL_TYPE (LimberLibrary, limber_library, LIMBER, LIBRARY, GObject)

GFile         *limber_library_default_folder   (void);
GFile         *limber_library_folder_for       (const char    *setting);

LimberLibrary *limber_library_new              (void);
GFile         *limber_library_get_folder       (LimberLibrary *self);
void           limber_library_set_folder       (LimberLibrary *self,
                                                GFile         *folder);
void           limber_library_reload           (LimberLibrary *self);
gboolean       limber_library_get_loading      (LimberLibrary *self);
guint          limber_library_get_n_programs   (LimberLibrary *self);
GPtrArray     *limber_library_get_problems     (LimberLibrary *self);
const char    *limber_library_get_query        (LimberLibrary *self);
void           limber_library_set_query        (LimberLibrary *self,
                                                const char    *query);
GFile         *limber_library_unique_file      (GFile         *folder,
                                                const char    *name);

G_END_DECLS
