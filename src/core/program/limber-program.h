/* limber-program.h — a patient's home program: the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-catalog.h"
#include "limber-exam.h"
#include "limber-program-item.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PROGRAM (limber_program_get_type ())

G_DECLARE_FINAL_TYPE (LimberProgram, limber_program, LIMBER, PROGRAM, GObject)

typedef enum
{
  LIMBER_PROGRAM_TITLE,
  LIMBER_PROGRAM_PATIENT_NAME,
  LIMBER_PROGRAM_PATIENT_ID,
  LIMBER_PROGRAM_THERAPIST,
  LIMBER_PROGRAM_CLINIC,
  LIMBER_PROGRAM_CREATED,
  LIMBER_PROGRAM_NOTES,
  LIMBER_PROGRAM_LANGUAGE,
  LIMBER_PROGRAM_NEXT_VISIT,       /* YYYY-MM-DD: when the patient comes back */
  LIMBER_PROGRAM_PATIENT_EMAIL,    /* where "Send to Patient" mails the handout */
  LIMBER_PROGRAM_N_FIELDS
} LimberProgramField;

/* Patients follow 3–5 stretches better than many: past this, the
 * builder says so (without blocking). */
#define LIMBER_PROGRAM_GENTLE_LIMIT 8

LimberProgram     *limber_program_new              (void);
void               limber_program_start            (LimberProgram      *self,
                                                    const char         *date,
                                                    const char         *therapist,
                                                    const char         *clinic,
                                                    const char         *language);
LimberProgram     *limber_program_load             (GFile              *file,
                                                    LimberCatalog      *catalog,
                                                    GPtrArray          *warnings,
                                                    GError            **error);
void               limber_program_load_async       (GFile              *file,
                                                    LimberCatalog      *catalog,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
LimberProgram     *limber_program_load_finish      (GAsyncResult       *result,
                                                    GPtrArray          *warnings,
                                                    GError            **error);
LimberProgram     *limber_program_load_bytes       (GBytes             *bytes,
                                                    const char         *display_name,
                                                    LimberCatalog      *catalog,
                                                    GPtrArray          *warnings,
                                                    GError            **error);
gboolean           limber_program_check_file       (GFile              *file,
                                                    const char         *display_name,
                                                    LimberCatalog      *catalog,
                                                    GPtrArray          *problems);
char              *limber_program_to_string        (LimberProgram      *self,
                                                    gsize              *length);
gboolean           limber_program_save             (LimberProgram      *self,
                                                    GFile              *file,
                                                    GError            **error);
LimberProgram     *limber_program_copy_as_template (LimberProgram      *self);

const char        *limber_program_get_field        (LimberProgram      *self,
                                                    LimberProgramField  field);
void               limber_program_set_field        (LimberProgram      *self,
                                                    LimberProgramField  field,
                                                    const char         *value);
const char        *limber_program_get_title        (LimberProgram      *self);
const char        *limber_program_get_language     (LimberProgram      *self);
const char        *limber_program_get_patient_name (LimberProgram      *self);
const char        *limber_program_get_patient_id   (LimberProgram      *self);
const char        *limber_program_get_patient_email (LimberProgram     *self);
gboolean           limber_program_email_is_valid   (const char         *address);
const char        *limber_program_get_therapist    (LimberProgram      *self);
const char        *limber_program_get_clinic       (LimberProgram      *self);
const char        *limber_program_get_created      (LimberProgram      *self);
const char        *limber_program_get_notes        (LimberProgram      *self);
GFile             *limber_program_get_file         (LimberProgram      *self);
void               limber_program_set_file         (LimberProgram      *self,
                                                    GFile              *file);

LimberProgramItem *limber_program_get_item         (LimberProgram      *self,
                                                    guint               position);
gboolean           limber_program_find_item        (LimberProgram      *self,
                                                    LimberProgramItem  *item,
                                                    guint              *position);
void               limber_program_insert_exercise  (LimberProgram      *self,
                                                    guint               position,
                                                    LimberExercise     *exercise);
void               limber_program_remove           (LimberProgram      *self,
                                                    guint               position);
void               limber_program_move             (LimberProgram      *self,
                                                    guint               from,
                                                    guint               to);
void               limber_program_duplicate        (LimberProgram      *self,
                                                    guint               position);
void               limber_program_set_item_dosage  (LimberProgram      *self,
                                                    guint               position,
                                                    const LimberDosage *override);
void               limber_program_set_item_note    (LimberProgram      *self,
                                                    guint               position,
                                                    const char         *note);
void               limber_program_update_item      (LimberProgram      *self,
                                                    guint               position,
                                                    LimberExercise     *exercise);

guint              limber_program_get_n_exams      (LimberProgram      *self);
const LimberExam  *limber_program_get_exam         (LimberProgram      *self,
                                                    guint               index);
void               limber_program_add_exam         (LimberProgram      *self,
                                                    const LimberExam   *exam);
void               limber_program_set_exam         (LimberProgram      *self,
                                                    guint               index,
                                                    const LimberExam   *exam);
void               limber_program_remove_exam      (LimberProgram      *self,
                                                    guint               index);

gboolean           limber_program_can_undo         (LimberProgram      *self);
gboolean           limber_program_can_redo         (LimberProgram      *self);
void               limber_program_undo             (LimberProgram      *self);
void               limber_program_redo             (LimberProgram      *self);
gboolean           limber_program_is_modified      (LimberProgram      *self);
void               limber_program_mark_saved       (LimberProgram      *self);

G_END_DECLS
