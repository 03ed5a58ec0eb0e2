/* limber-program.h — a patient's home program: the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-catalog.h"
#include "limber-program-item.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PROGRAM (limber_program_get_type ())

G_DECLARE_FINAL_TYPE (LimberProgram, limber_program, LIMBER, PROGRAM, GObject)

LimberProgram *limber_program_new              (void);
LimberProgram *limber_program_load             (GFile          *file,
                                                LimberCatalog  *catalog,
                                                GPtrArray      *warnings,
                                                GError        **error);
gboolean       limber_program_check_file       (GFile          *file,
                                                const char     *display_name,
                                                LimberCatalog  *catalog,
                                                GPtrArray      *problems);
const char    *limber_program_get_title        (LimberProgram  *self);
const char    *limber_program_get_language     (LimberProgram  *self);
const char    *limber_program_get_patient_name (LimberProgram  *self);
const char    *limber_program_get_patient_id   (LimberProgram  *self);
const char    *limber_program_get_therapist    (LimberProgram  *self);
const char    *limber_program_get_clinic       (LimberProgram  *self);
const char    *limber_program_get_created      (LimberProgram  *self);
const char    *limber_program_get_notes        (LimberProgram  *self);
guint          limber_program_get_n_exams      (LimberProgram  *self);
GFile         *limber_program_get_file         (LimberProgram  *self);

G_END_DECLS
