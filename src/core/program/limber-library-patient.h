/* limber-library-patient.h — one patient of the program library and
 * their programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-library-entry.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_LIBRARY_PATIENT (limber_library_patient_get_type ())

G_DECLARE_FINAL_TYPE (LimberLibraryPatient, limber_library_patient, LIMBER, LIBRARY_PATIENT, GObject)

LimberLibraryPatient *limber_library_patient_new          (GPtrArray            *entries);
const char           *limber_library_patient_get_name     (LimberLibraryPatient *self);
const char           *limber_library_patient_get_id       (LimberLibraryPatient *self);
const char           *limber_library_patient_get_latest   (LimberLibraryPatient *self);
guint                 limber_library_patient_get_n_all    (LimberLibraryPatient *self);
GListModel           *limber_library_patient_get_shown    (LimberLibraryPatient *self);
gboolean              limber_library_patient_filter       (LimberLibraryPatient *self,
                                                           const char *const    *words);
int                   limber_library_patient_compare      (gconstpointer         a,
                                                           gconstpointer         b);

G_END_DECLS
