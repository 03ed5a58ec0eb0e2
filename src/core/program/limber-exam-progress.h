/* limber-exam-progress.h — examinations in words: one exam, and the change
 * between the first and the last
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "limber-exam.h"
#include "limber-program.h"

G_BEGIN_DECLS

/* The hip examination form: its motions and special tests, in the
 * order a clinician examines (limber_exam_hip_motion(),
 * limber_exam_hip_test()). */
#define LIMBER_EXAM_HIP_N_MOTIONS 6
#define LIMBER_EXAM_HIP_N_TESTS   8

const char *limber_exam_hip_motion        (guint             index);
const char *limber_exam_hip_test          (guint             index);
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

G_END_DECLS
