/* limber-exam-chart-view.c — the progress chart on screen
 *
 * A drawing area that shows a LimberExamChart, drawn by the same code as
 * the therapist's copy of the handout, on white paper whatever the theme
 * (its colours are the handout's).  Its height follows its width: more
 * columns of panels, fewer rows; a scrolled window around it scrolls.
 * For a screen reader, its description is the chart in words
 * (limber_exam_chart_describe()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-exam-chart-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "limber-exam-chart-view.h"

/* The chart's text size, and its margin, in pixels. */
#define TEXT_SIZE 12
#define MARGIN_X 12
#define MARGIN_Y 8

struct _LimberExamChartView
{
  GtkDrawingArea   parent_instance;

  LimberExamChart *chart;
};

G_DEFINE_FINAL_TYPE (LimberExamChartView, limber_exam_chart_view, GTK_TYPE_DRAWING_AREA)

static int
height_for_width (LimberExamChartView *self,
                  int                  width)
{
  if (self->chart == NULL)
    return 0;
  return (int) ceil (limber_exam_chart_get_height (self->chart, MAX (width, 300) - 2 * MARGIN_X, TEXT_SIZE))
         + 2 * MARGIN_Y;
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  LimberExamChartView *self = LIMBER_EXAM_CHART_VIEW (area);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->chart == NULL)
    return;
  cairo_translate (cr, MARGIN_X, MARGIN_Y);
  limber_exam_chart_draw (self->chart, cr, width - 2 * MARGIN_X, TEXT_SIZE);
}

static void
limber_exam_chart_view_resize (GtkDrawingArea *area,
                               int             width,
                               int             height)
{
  LimberExamChartView *self = LIMBER_EXAM_CHART_VIEW (area);
  int wanted = height_for_width (self, width);

  if (wanted != gtk_drawing_area_get_content_height (area))
    gtk_drawing_area_set_content_height (area, wanted);
}

static void
limber_exam_chart_view_finalize (GObject *object)
{
  LimberExamChartView *self = LIMBER_EXAM_CHART_VIEW (object);

  g_clear_object (&self->chart);

  G_OBJECT_CLASS (limber_exam_chart_view_parent_class)->finalize (object);
}

static void
limber_exam_chart_view_class_init (LimberExamChartViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_exam_chart_view_finalize;
  GTK_DRAWING_AREA_CLASS (klass)->resize = limber_exam_chart_view_resize;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_exam_chart_view_init (LimberExamChartView *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress chart"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
}

GtkWidget *
limber_exam_chart_view_new (void)
{
  return g_object_new (LIMBER_TYPE_EXAM_CHART_VIEW, NULL);
}

/**
 * limber_exam_chart_view_set_chart:
 * @chart: (nullable): the chart to show
 *
 * Shows @chart, and describes it to screen readers.
 */
void
limber_exam_chart_view_set_chart (LimberExamChartView *self,
                                  LimberExamChart     *chart)
{
  g_autofree char *description = NULL;
  int width;

  g_return_if_fail (LIMBER_IS_EXAM_CHART_VIEW (self));

  g_set_object (&self->chart, chart);
  description = chart ? limber_exam_chart_describe (chart) : g_strdup ("");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), height_for_width (self, width > 0 ? width : 800));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * limber_exam_chart_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
LimberExamChart *
limber_exam_chart_view_get_chart (LimberExamChartView *self)
{
  g_return_val_if_fail (LIMBER_IS_EXAM_CHART_VIEW (self), NULL);
  return self->chart;
}
