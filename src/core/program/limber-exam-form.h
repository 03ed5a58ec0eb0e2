/* limber-exam-form.h — what the examination form asks, region by region,
 * and the normal range of each measurement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One range-of-motion measurement of the form. */
typedef struct
{
  const char *joint;     /* "hip" */
  const char *motion;    /* "extension" */
  gboolean    sided;     /* measured left and right; else on the midline */
  gboolean    has_normal;
  int         normal;    /* the reference end of range, in degrees */
  const char *source;    /* where @normal comes from: "AAOS", "AMA" */
} LimberExamMeasure;

/* How far either side of a reference value still counts as normal: the
 * usual error of a goniometric measurement (see limber-exam-form.c). */
#define LIMBER_EXAM_NORMAL_TOLERANCE 5

guint                    limber_exam_form_n_regions     (void);
const char              *limber_exam_form_region        (guint       region);
const char              *limber_exam_form_region_label  (guint       region);
guint                    limber_exam_form_n_measures    (guint       region);
const LimberExamMeasure *limber_exam_form_measure       (guint       region,
                                                         guint       index);
guint                    limber_exam_form_n_tests       (guint       region);
const char              *limber_exam_form_test          (guint       region,
                                                         guint       index);
const LimberExamMeasure *limber_exam_form_find_measure  (const char *joint,
                                                         const char *motion);
gboolean                 limber_exam_measure_normal_band (const LimberExamMeasure *measure,
                                                          int                     *low,
                                                          int                     *high);

G_END_DECLS
