/* limber-exam-progress.h — examinations in words: one exam, and the change
 * across dated exams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "limber-exam.h"
#include "limber-program.h"

G_BEGIN_DECLS

const char *limber_exam_motion_label      (const char       *motion);
const char *limber_exam_test_label        (const char       *name);
const char *limber_exam_side_abbreviation (LimberSide        side);
char       *limber_exam_rom_label         (const char       *joint,
                                           const char       *motion);
char       *limber_exam_format_date       (const char       *date);
gboolean    limber_exam_date_is_valid     (const char       *text);
gboolean    limber_exam_parse_degrees     (const char       *text,
                                           gboolean         *measured,
                                           int              *degrees);
char       *limber_exam_describe          (const LimberExam *exam);
char       *limber_exam_describe_progress (LimberProgram    *program);
char       *limber_exam_with_side         (const char       *label,
                                           LimberSide        side);
GPtrArray  *limber_exam_dated_exams       (LimberProgram    *program);
GArray     *limber_exam_measured_rom      (GPtrArray        *exams);

G_END_DECLS
