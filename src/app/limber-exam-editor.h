/* limber-exam-editor.h — the form for one examination
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-exam-chart.h"
#include "limber-exam.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_EXAM_EDITOR (limber_exam_editor_get_type ())

G_DECLARE_FINAL_TYPE (LimberExamEditor, limber_exam_editor, LIMBER, EXAM_EDITOR, GtkWidget)

GtkWidget  *limber_exam_editor_new       (void);
void        limber_exam_editor_set_exam  (LimberExamEditor *self,
                                          const LimberExam *exam);
LimberExam *limber_exam_editor_dup_exam  (LimberExamEditor *self);
gboolean    limber_exam_editor_get_valid (LimberExamEditor *self);
void        limber_exam_editor_set_history (LimberExamEditor *self,
                                            GPtrArray        *exams);
void        limber_exam_editor_show_region (LimberExamEditor *self,
                                            const char       *region);
LimberExamChart *limber_exam_editor_get_chart (LimberExamEditor *self);

G_END_DECLS
