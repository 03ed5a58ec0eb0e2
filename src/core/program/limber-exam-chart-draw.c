/* limber-exam-chart-draw.c — the progress chart drawn with cairo and
 * Pango: panels in rows under one legend (see limber-exam-chart.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-exam-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "limber-exam-chart-private.h"

/* Debian ships DejaVu; the handout uses it too. */
#define FONT "DejaVu Sans, Sans"

typedef struct
{
  double red, green, blue;
} Rgb;

static const Rgb ink = { 0.10, 0.10, 0.10 };
static const Rgb grid = { 0.82, 0.82, 0.82 };
static const Rgb band = { 0.80, 0.91, 0.80 };
static const Rgb line_colors[LIMBER_CHART_N_LINES] = {
  { 0.11, 0.31, 0.62 },   /* left: blue */
  { 0.80, 0.33, 0.05 },   /* right: orange */
  { 0.20, 0.20, 0.20 },   /* midline: near black */
};

/* Geometry: everything is a multiple of the text size. */

static guint
n_columns (double width,
           double size)
{
  return MAX (1, (guint) (width / (size * 19)));
}

guint
limber_exam_chart_get_n_rows (LimberExamChart *self,
                              double           width,
                              double           size)
{
  guint columns = n_columns (width, size);

  g_return_val_if_fail (LIMBER_IS_EXAM_CHART (self), 0);
  return (self->panels->len + columns - 1) / columns;
}

double
limber_exam_chart_get_row_height (double size)
{
  return size * 13;
}

/**
 * limber_exam_chart_get_height:
 *
 * Returns: the height limber_exam_chart_draw() takes at @width with text
 *   of @size; 0 when there is nothing to draw.
 */
double
limber_exam_chart_get_height (LimberExamChart *self,
                              double           width,
                              double           size)
{
  guint rows = limber_exam_chart_get_n_rows (self, width, size);

  return rows == 0 ? 0 : limber_exam_chart_get_legend_height (self, width, size)
                         + rows * limber_exam_chart_get_row_height (size);
}

/* Drawing */

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* As the handout: no hinting, so PDF and screen break alike. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text with its top left (align 0), centre (0.5) or right (1) at
 * @x, @y; returns its width. */
static double
show_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      size,
           gboolean    bold,
           double      align,
           Rgb         color)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  cairo_move_to (cr, x - w * align, y);
  pango_cairo_show_layout (cr, layout);
  /* pango leaves a current point: a later arc would join it. */
  cairo_new_path (cr);
  return w;
}

static double
text_width (cairo_t    *cr,
            const char *text,
            double      size)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, FALSE);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static void
draw_marker (cairo_t        *cr,
             LimberChartLine line,
             double          x,
             double          y,
             double          r)
{
  Rgb c = line_colors[line];

  cairo_new_path (cr);
  switch (line)
    {
    case LIMBER_CHART_LEFT:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case LIMBER_CHART_RIGHT:
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case LIMBER_CHART_MIDLINE:
    case LIMBER_CHART_N_LINES:
    default:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;
    }
  cairo_set_source_rgb (cr, c.red, c.green, c.blue);
  cairo_fill (cr);
}

static void
set_line_style (cairo_t        *cr,
                LimberChartLine line,
                double          size)
{
  double dash[] = { size * 0.6, size * 0.35 };
  Rgb c = line_colors[line];

  cairo_set_source_rgb (cr, c.red, c.green, c.blue);
  cairo_set_line_width (cr, size * 0.2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dash, line == LIMBER_CHART_RIGHT ? 2 : 0, 0);
}

/* The value axis: from *lo to *hi in steps of *step, taking in every
 * value and the band, with a little room. */
static void
value_axis (const ChartPanel *p,
            int              *lo,
            int              *hi,
            int              *step)
{
  static const int steps[] = { 1, 2, 5, 10, 15, 20, 30, 45, 60, 90 };
  int min = G_MAXINT, max = G_MININT;

  if (p->is_pain)
    {
      *lo = 0, *hi = 10, *step = 2;
      return;
    }
  for (guint l = 0; l < LIMBER_CHART_N_LINES; l++)
    for (guint i = 0; i < p->lines[l]->len; i++)
      {
        int v = g_array_index (p->lines[l], ChartPoint, i).value;
        min = MIN (min, v), max = MAX (max, v);
      }
  if (p->has_band)
    min = MIN (min, p->low), max = MAX (max, p->high);
  /* A point on the frame is hard to see: one degree of room at least. */
  min -= 1, max += 1;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      *step = steps[i];
      *lo = (int) floor ((double) min / *step) * *step;
      *hi = (int) ceil ((double) max / *step) * *step;
      if (*hi == *lo)
        *hi += *step;
      if ((*hi - *lo) / *step <= 4)
        break;
    }
}

typedef struct
{
  double x, y, w, h;          /* the plot, inside the panel */
  double inset;               /* keeps the first and last dates off the edges */
  int    lo, hi;
  guint32 first, last;        /* Julian days */
} Plot;

static double
plot_x (const Plot *plot,
        guint32     day)
{
  if (plot->last == plot->first)
    return plot->x + plot->w / 2;
  return plot->x + plot->inset
         + (plot->w - 2 * plot->inset) * (double) (day - plot->first) / (double) (plot->last - plot->first);
}

static double
plot_y (const Plot *plot,
        double      value)
{
  return plot->y + plot->h * (1 - (value - plot->lo) / (double) (plot->hi - plot->lo));
}

static void
draw_value_grid (cairo_t          *cr,
                 const Plot       *plot,
                 const ChartPanel *p,
                 int               step,
                 double            size)
{
  for (int v = plot->lo; v <= plot->hi; v += step)
    {
      double y = plot_y (plot, v);
      g_autofree char *label = p->is_pain ? g_strdup_printf ("%d", v)
                                          /* Translators: degrees on the chart's axis */
                                          : g_strdup_printf (_("%d°"), v);

      cairo_set_source_rgb (cr, grid.red, grid.green, grid.blue);
      cairo_set_line_width (cr, size * 0.06);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->w, y);
      cairo_stroke (cr);
      show_text (cr, label, plot->x - size * 0.4, y - size * 0.6, size * 0.8, FALSE, 1, ink);
    }
}

/* A tick and a date under each exam; a date that would run into the
 * one before is left out (the tick stays). */
static void
draw_dates (LimberExamChart *self,
            cairo_t         *cr,
            const Plot      *plot,
            double           size)
{
  double free_from = -G_MAXDOUBLE;

  for (guint e = 0; e < self->days->len; e++)
    {
      double x = plot_x (plot, g_array_index (self->days, guint32, e));
      g_autofree char *date = g_strdup (self->dates[e]);
      char *year = strrchr (date, ' ');
      double w;

      /* "24 Nov": the year is in the description and the text lines. */
      if (year != NULL && self->days->len > 1)
        *year = '\0';
      w = text_width (cr, date, size * 0.75);
      cairo_set_source_rgb (cr, grid.red, grid.green, grid.blue);
      cairo_set_line_width (cr, size * 0.06);
      cairo_move_to (cr, x, plot->y);
      cairo_line_to (cr, x, plot->y + plot->h + size * 0.3);
      cairo_stroke (cr);
      if (x - w / 2 < free_from)
        continue;
      show_text (cr, date, x, plot->y + plot->h + size * 0.4, size * 0.75, FALSE, 0.5, ink);
      free_from = x + w / 2 + size * 0.4;
    }
}

static void
draw_line (cairo_t        *cr,
           const Plot     *plot,
           GArray         *points,
           LimberChartLine line,
           double          size)
{
  if (points->len == 0)
    return;
  set_line_style (cr, line, size);
  for (guint i = 0; i < points->len; i++)
    {
      const ChartPoint *pt = &g_array_index (points, ChartPoint, i);
      cairo_line_to (cr, plot_x (plot, pt->day), plot_y (plot, pt->value));
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < points->len; i++)
    {
      const ChartPoint *pt = &g_array_index (points, ChartPoint, i);
      draw_marker (cr, line, plot_x (plot, pt->day), plot_y (plot, pt->value), size * 0.3);
    }
}

static void
draw_panel (LimberExamChart  *self,
            cairo_t          *cr,
            const ChartPanel *p,
            double            x,
            double            y,
            double            w,
            double            h,
            double            size)
{
  Plot plot;
  int step;

  value_axis (p, &plot.lo, &plot.hi, &step);
  plot.x = x + size * 3.2;
  plot.y = y + size * 2.2;
  plot.w = w - size * 3.2 - size * 1.2;
  plot.h = h - size * 2.2 - size * 2.6;
  plot.inset = size * 1.6;
  plot.first = g_array_index (self->days, guint32, 0);
  plot.last = g_array_index (self->days, guint32, self->days->len - 1);

  show_text (cr, p->title, x, y + size * 0.3, size, TRUE, 0, ink);
  if (p->has_band)
    {
      double top = plot_y (&plot, MIN (p->high, plot.hi));
      double bottom = plot_y (&plot, MAX (p->low, plot.lo));

      cairo_set_source_rgb (cr, band.red, band.green, band.blue);
      cairo_rectangle (cr, plot.x, top, plot.w, bottom - top);
      cairo_fill (cr);
    }
  draw_value_grid (cr, &plot, p, step, size);
  draw_dates (self, cr, &plot, size);
  for (guint l = 0; l < LIMBER_CHART_N_LINES; l++)
    draw_line (cr, &plot, p->lines[l], l, size);
}

/**
 * limber_exam_chart_draw_row:
 * @cr: where to draw; the row's top left is at 0, 0
 * @width: the row's width
 * @size: the text size, which sets every other size
 * @row: below limber_exam_chart_get_n_rows()
 *
 * Draws one row of panels, so that a page can break between rows.
 */
void
limber_exam_chart_draw_row (LimberExamChart *self,
                            cairo_t         *cr,
                            double           width,
                            double           size,
                            guint            row)
{
  guint columns = n_columns (width, size);
  double gap = size * 1.2;
  double w = (width - gap * (columns - 1)) / columns;

  g_return_if_fail (LIMBER_IS_EXAM_CHART (self));

  cairo_save (cr);
  for (guint c = 0; c < columns; c++)
    {
      guint index = row * columns + c;

      if (index >= self->panels->len)
        break;
      draw_panel (self, cr, g_ptr_array_index (self->panels, index), c * (w + gap), 0, w,
                  limber_exam_chart_get_row_height (size), size);
    }
  cairo_restore (cr);
}

static gboolean
has_line (LimberExamChart *self,
          LimberChartLine  line)
{
  for (guint i = 0; i < self->panels->len; i++)
    if (((ChartPanel *) g_ptr_array_index (self->panels, i))->lines[line]->len > 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_band (LimberExamChart *self)
{
  for (guint i = 0; i < self->panels->len; i++)
    if (((ChartPanel *) g_ptr_array_index (self->panels, i))->has_band)
      return TRUE;
  return FALSE;
}

/* The legend's entries: a line (or the band, for LIMBER_CHART_N_LINES)
 * and its name. */
typedef struct
{
  LimberChartLine line;
  const char     *label;
} Entry;

static guint
legend_entries (LimberExamChart *self,
                Entry            entries[LIMBER_CHART_N_LINES + 1])
{
  guint n = 0;

  if (has_line (self, LIMBER_CHART_LEFT))
    entries[n++] = (Entry) { LIMBER_CHART_LEFT, _("Left") };
  if (has_line (self, LIMBER_CHART_RIGHT))
    entries[n++] = (Entry) { LIMBER_CHART_RIGHT, _("Right") };
  if (has_line (self, LIMBER_CHART_MIDLINE))
    /* Translators: on the chart's legend: a measurement with no side
     * (lumbar flexion, pain) */
    entries[n++] = (Entry) { LIMBER_CHART_MIDLINE, _("No side") };
  if (has_band (self))
    /* Translators: on the chart's legend, beside the shaded band */
    entries[n++] = (Entry) { LIMBER_CHART_N_LINES, _("Normal range (AAOS, AMA)") };
  return n;
}

/* Lays the legend out in lines no wider than @width (drawing it when
 * @draw); returns the number of lines. */
static guint
layout_legend (LimberExamChart *self,
               cairo_t         *cr,
               double           width,
               double           size,
               gboolean         draw)
{
  Entry entries[LIMBER_CHART_N_LINES + 1];
  guint n = legend_entries (self, entries), lines = n > 0 ? 1 : 0;
  double x = 0, y = size * 0.8;

  for (guint i = 0; i < n; i++)
    {
      double w = size * 3 + text_width (cr, entries[i].label, size * 0.85);

      if (x > 0 && x + w > width)
        x = 0, y += size * 1.6, lines++;
      if (draw && entries[i].line == LIMBER_CHART_N_LINES)
        {
          cairo_set_source_rgb (cr, band.red, band.green, band.blue);
          cairo_rectangle (cr, x, y - size * 0.5, size * 2.4, size);
          cairo_fill (cr);
        }
      else if (draw)
        {
          set_line_style (cr, entries[i].line, size);
          /* In by the round cap, so nothing crosses the chart's edge. */
          cairo_move_to (cr, x + size * 0.2, y);
          cairo_line_to (cr, x + size * 2.2, y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          draw_marker (cr, entries[i].line, x + size * 1.2, y, size * 0.3);
        }
      if (draw)
        show_text (cr, entries[i].label, x + size * 3, y - size * 0.6, size * 0.85, FALSE, 0, ink);
      x += w + size * 1.4;
    }
  return lines;
}

/**
 * limber_exam_chart_get_legend_height:
 *
 * Returns: the height of the legend at @width: one line, or more when
 *   its entries do not fit on one.
 */
double
limber_exam_chart_get_legend_height (LimberExamChart *self,
                                     double           width,
                                     double           size)
{
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  guint lines;

  g_return_val_if_fail (LIMBER_IS_EXAM_CHART (self), 0);

  lines = layout_legend (self, cr, width, size, FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return lines == 0 ? 0 : size * 0.6 + lines * size * 1.6;
}

/**
 * limber_exam_chart_draw_legend:
 *
 * Draws what the lines and the band mean, at 0, 0, in
 * limber_exam_chart_get_legend_height().
 */
void
limber_exam_chart_draw_legend (LimberExamChart *self,
                               cairo_t         *cr,
                               double           width,
                               double           size)
{
  g_return_if_fail (LIMBER_IS_EXAM_CHART (self));

  cairo_save (cr);
  layout_legend (self, cr, width, size, TRUE);
  cairo_restore (cr);
}

/**
 * limber_exam_chart_draw:
 * @cr: where to draw; the chart's top left is at 0, 0
 * @width: the chart's width; its height is limber_exam_chart_get_height()
 * @size: the text size
 *
 * Draws the legend and every row.
 */
void
limber_exam_chart_draw (LimberExamChart *self,
                        cairo_t         *cr,
                        double           width,
                        double           size)
{
  guint rows;

  g_return_if_fail (LIMBER_IS_EXAM_CHART (self));

  rows = limber_exam_chart_get_n_rows (self, width, size);
  if (rows == 0)
    return;
  cairo_save (cr);
  limber_exam_chart_draw_legend (self, cr, width, size);
  cairo_translate (cr, 0, limber_exam_chart_get_legend_height (self, width, size));
  for (guint r = 0; r < rows; r++)
    {
      limber_exam_chart_draw_row (self, cr, width, size, r);
      cairo_translate (cr, 0, limber_exam_chart_get_row_height (size));
    }
  cairo_restore (cr);
}

