/* limber-exam-chart.h — progress across dated exams, drawn: each
 * measurement over time, per side, over its normal range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "limber-exam.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_EXAM_CHART (limber_exam_chart_get_type ())

G_DECLARE_FINAL_TYPE (LimberExamChart, limber_exam_chart, LIMBER, EXAM_CHART, GObject)

/* The lines of a panel. */
typedef enum
{
  LIMBER_CHART_LEFT,
  LIMBER_CHART_RIGHT,
  LIMBER_CHART_MIDLINE,   /* lumbar flexion, pain */
  LIMBER_CHART_N_LINES
} LimberChartLine;

LimberExamChart *limber_exam_chart_new             (GPtrArray       *exams);
guint            limber_exam_chart_get_n_exams     (LimberExamChart *self);
guint            limber_exam_chart_get_n_panels    (LimberExamChart *self);
const char      *limber_exam_chart_get_panel_title (LimberExamChart *self,
                                                    guint            panel);
guint            limber_exam_chart_get_n_points    (LimberExamChart *self,
                                                    guint            panel,
                                                    LimberChartLine  line);
gboolean         limber_exam_chart_get_band        (LimberExamChart *self,
                                                    guint            panel,
                                                    int             *low,
                                                    int             *high);
guint            limber_exam_chart_get_n_rows      (LimberExamChart *self,
                                                    double           width,
                                                    double           size);
double           limber_exam_chart_get_row_height  (double           size);
double           limber_exam_chart_get_legend_height (LimberExamChart *self,
                                                      double           width,
                                                      double           size);
double           limber_exam_chart_get_height      (LimberExamChart *self,
                                                    double           width,
                                                    double           size);
void             limber_exam_chart_draw_legend     (LimberExamChart *self,
                                                    cairo_t         *cr,
                                                    double           width,
                                                    double           size);
void             limber_exam_chart_draw_row        (LimberExamChart *self,
                                                    cairo_t         *cr,
                                                    double           width,
                                                    double           size,
                                                    guint            row);
void             limber_exam_chart_draw            (LimberExamChart *self,
                                                    cairo_t         *cr,
                                                    double           width,
                                                    double           size);
char            *limber_exam_chart_describe        (LimberExamChart *self);

G_END_DECLS
