/* limber-exam-chart-view.h — the progress chart on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-exam-chart.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_EXAM_CHART_VIEW (limber_exam_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (LimberExamChartView, limber_exam_chart_view, LIMBER, EXAM_CHART_VIEW, GtkDrawingArea)

GtkWidget       *limber_exam_chart_view_new       (void);
void             limber_exam_chart_view_set_chart (LimberExamChartView *self,
                                                   LimberExamChart     *chart);
LimberExamChart *limber_exam_chart_view_get_chart (LimberExamChartView *self);

G_END_DECLS
