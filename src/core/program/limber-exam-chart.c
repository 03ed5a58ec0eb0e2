/* limber-exam-chart.c — progress across dated exams, drawn: each
 * measurement over time, per side, over its normal range
 *
 * One small panel per measurement (hip extension, lumbar flexion, pain),
 * in rows, under one legend.  Dates run along the bottom, placed by
 * their real distance in days; the left side is a solid blue line with
 * round dots, the right a dashed orange line with squares, a midline
 * measurement a dark line with diamonds: the sides stay apart in
 * greyscale print too.  The normal range (limber-exam-form.c) is a pale
 * green band.  The same code draws in the exam dialog (a
 * GtkDrawingArea) and on the therapist's copy of the handout (a PDF):
 * sizes are in the cairo_t's units, given as the body text size.
 * This file holds the model and its description in words;
 * limber-exam-chart-draw.c draws it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-exam-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "limber-exam-chart-private.h"
#include "limber-exam-form.h"
#include "limber-exam-progress.h"

G_DEFINE_FINAL_TYPE (LimberExamChart, limber_exam_chart, G_TYPE_OBJECT)

static void
panel_free (gpointer data)
{
  ChartPanel *panel = data;

  g_free (panel->title);
  for (guint l = 0; l < LIMBER_CHART_N_LINES; l++)
    g_array_unref (panel->lines[l]);
  g_free (panel);
}

static ChartPanel *
panel_new (char *title)
{
  ChartPanel *panel = g_new0 (ChartPanel, 1);

  panel->title = title;
  for (guint l = 0; l < LIMBER_CHART_N_LINES; l++)
    panel->lines[l] = g_array_new (FALSE, FALSE, sizeof (ChartPoint));
  return panel;
}

static void
limber_exam_chart_finalize (GObject *object)
{
  LimberExamChart *self = LIMBER_EXAM_CHART (object);

  g_ptr_array_unref (self->panels);
  g_array_unref (self->days);
  g_strfreev (self->dates);

  G_OBJECT_CLASS (limber_exam_chart_parent_class)->finalize (object);
}

static void
limber_exam_chart_class_init (LimberExamChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_exam_chart_finalize;
}

static void
limber_exam_chart_init (LimberExamChart *self)
{
  self->panels = g_ptr_array_new_with_free_func (panel_free);
  self->days = g_array_new (FALSE, FALSE, sizeof (guint32));
}

/* Model */

/* The Julian day of an ISO date (a time zone after it is allowed), or
 * 0 when it is not one. */
static guint32
julian_day (const char *date)
{
  int year, month, day;
  GDate d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3
      || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&d);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  const LimberExam *ea = *(const LimberExam * const *) a;
  const LimberExam *eb = *(const LimberExam * const *) b;

  return g_strcmp0 (ea->date, eb->date);
}

static LimberChartLine
line_of_side (LimberSide side)
{
  switch (side)
    {
    case LIMBER_SIDE_LEFT:
      return LIMBER_CHART_LEFT;
    case LIMBER_SIDE_RIGHT:
      return LIMBER_CHART_RIGHT;
    case LIMBER_SIDE_UNSET:
    case LIMBER_SIDE_BOTH:
    default:
      return LIMBER_CHART_MIDLINE;
    }
}

/* The panel of @joint and @motion, made on first use. */
static ChartPanel *
rom_panel (LimberExamChart *self,
           GHashTable      *by_key,
           const char      *joint,
           const char      *motion)
{
  g_autofree char *key = g_strdup_printf ("%s %s", joint, motion);
  ChartPanel *panel = g_hash_table_lookup (by_key, key);

  if (panel == NULL)
    {
      panel = panel_new (limber_exam_rom_label (joint, motion));
      panel->has_band = limber_exam_measure_normal_band (limber_exam_form_find_measure (joint, motion),
                                                         &panel->low, &panel->high);
      g_ptr_array_add (self->panels, panel);
      g_hash_table_insert (by_key, g_steal_pointer (&key), panel);
    }
  return panel;
}

static void
add_point (ChartPanel          *panel,
           LimberChartLine line,
           guint32         day,
           int             value)
{
  ChartPoint point = { day, value };

  g_array_append_val (panel->lines[line], point);
}

static void
collect (LimberExamChart *self,
         GPtrArray       *exams)
{
  g_autoptr(GArray) keys = limber_exam_measured_rom (exams);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ChartPanel *pain = panel_new (g_strdup (_("Pain")));

  pain->is_pain = TRUE;
  /* The panels in the order a clinician reads them. */
  for (guint k = 0; k < keys->len; k++)
    {
      const LimberRom *key = &g_array_index (keys, LimberRom, k);
      rom_panel (self, by_key, key->joint, key->motion);
    }
  for (guint e = 0; e < exams->len; e++)
    {
      const LimberExam *exam = g_ptr_array_index (exams, e);
      guint32 day = g_array_index (self->days, guint32, e);

      for (guint i = 0; i < exam->rom->len; i++)
        {
          const LimberRom *r = &g_array_index (exam->rom, LimberRom, i);
          add_point (rom_panel (self, by_key, r->joint, r->motion), line_of_side (r->side), day, r->degrees);
        }
      if (exam->pain >= 0)
        add_point (pain, LIMBER_CHART_MIDLINE, day, exam->pain);
    }
  if (pain->lines[LIMBER_CHART_MIDLINE]->len > 0)
    g_ptr_array_add (self->panels, pain);
  else
    panel_free (pain);
}

/**
 * limber_exam_chart_new:
 * @exams: (element-type LimberExam): examinations, in any order
 *
 * The chart of @exams that have a date, oldest first.  It copies what it
 * shows: @exams may go after this returns.
 *
 * Returns: (transfer full): a new chart
 */
LimberExamChart *
limber_exam_chart_new (GPtrArray *exams)
{
  LimberExamChart *self = g_object_new (LIMBER_TYPE_EXAM_CHART, NULL);
  g_autoptr(GPtrArray) dated = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) dates = g_strv_builder_new ();

  g_return_val_if_fail (exams != NULL, self);

  for (guint i = 0; i < exams->len; i++)
    {
      const LimberExam *exam = g_ptr_array_index (exams, i);

      if (julian_day (exam->date) != 0)
        g_ptr_array_add (dated, (gpointer) exam);
    }
  g_ptr_array_sort (dated, compare_days);
  for (guint i = 0; i < dated->len; i++)
    {
      const LimberExam *exam = g_ptr_array_index (dated, i);
      guint32 day = julian_day (exam->date);
      g_autofree char *date = limber_exam_format_date (exam->date);

      g_array_append_val (self->days, day);
      g_strv_builder_add (dates, date);
    }
  self->dates = g_strv_builder_end (dates);
  collect (self, dated);
  return self;
}

guint
limber_exam_chart_get_n_exams (LimberExamChart *self)
{
  g_return_val_if_fail (LIMBER_IS_EXAM_CHART (self), 0);
  return self->days->len;
}

guint
limber_exam_chart_get_n_panels (LimberExamChart *self)
{
  g_return_val_if_fail (LIMBER_IS_EXAM_CHART (self), 0);
  return self->panels->len;
}

const char *
limber_exam_chart_get_panel_title (LimberExamChart *self,
                                   guint            panel)
{
  g_return_val_if_fail (LIMBER_IS_EXAM_CHART (self), NULL);
  g_return_val_if_fail (panel < self->panels->len, NULL);
  return ((ChartPanel *) g_ptr_array_index (self->panels, panel))->title;
}

/**
 * limber_exam_chart_get_n_points:
 *
 * Returns: how many exams measured the panel's @line; a line with none
 *   is not drawn.
 */
guint
limber_exam_chart_get_n_points (LimberExamChart *self,
                                guint            panel,
                                LimberChartLine  line)
{
  g_return_val_if_fail (LIMBER_IS_EXAM_CHART (self), 0);
  g_return_val_if_fail (panel < self->panels->len, 0);
  g_return_val_if_fail (line < LIMBER_CHART_N_LINES, 0);
  return ((ChartPanel *) g_ptr_array_index (self->panels, panel))->lines[line]->len;
}

/**
 * limber_exam_chart_get_band:
 *
 * Returns: %FALSE when the panel has no normal range to shade.
 */
gboolean
limber_exam_chart_get_band (LimberExamChart *self,
                            guint            panel,
                            int             *low,
                            int             *high)
{
  ChartPanel *p;

  g_return_val_if_fail (LIMBER_IS_EXAM_CHART (self), FALSE);
  g_return_val_if_fail (panel < self->panels->len, FALSE);
  p = g_ptr_array_index (self->panels, panel);
  *low = p->low;
  *high = p->high;
  return p->has_band;
}

/* Description */

static void
describe_line (LimberExamChart  *self,
               GString          *s,
               const ChartPanel *p,
               LimberChartLine   line)
{
  static const LimberSide sides[] = { LIMBER_SIDE_LEFT, LIMBER_SIDE_RIGHT, LIMBER_SIDE_UNSET };
  g_autofree char *label = limber_exam_with_side (p->title, sides[line]);
  GArray *points = p->lines[line];

  if (points->len == 0)
    return;
  g_string_append_printf (s, "\n%s:", label);
  for (guint i = 0; i < points->len; i++)
    {
      const ChartPoint *pt = &g_array_index (points, ChartPoint, i);
      const char *date = "";

      for (guint e = 0; e < self->days->len; e++)
        if (g_array_index (self->days, guint32, e) == pt->day)
          date = self->dates[e];
      g_string_append (s, i == 0 ? " " : ", ");
      if (p->is_pain)
        /* Translators: a pain score and its date in the chart's description: "6 on 24 Nov 2026" */
        g_string_append_printf (s, _("%d on %s"), pt->value, date);
      else
        /* Translators: a value and its date in the chart's description: "5° on 24 Nov 2026" */
        g_string_append_printf (s, _("%d° on %s"), pt->value, date);
    }
  if (p->has_band)
    /* Translators: after a measurement's values, in the chart's description */
    g_string_append_printf (s, _("; normal %d° to %d°"), p->low, p->high);
  g_string_append_c (s, '.');
}

/**
 * limber_exam_chart_describe:
 *
 * What the chart shows, in words, for a screen reader: how many exams
 * from when to when, then each line with its values and dates and the
 * normal range.
 *
 * Returns: (transfer full): the description
 */
char *
limber_exam_chart_describe (LimberExamChart *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (LIMBER_IS_EXAM_CHART (self), NULL);

  if (self->panels->len == 0)
    {
      g_string_append (s, _("Progress chart: nothing measured yet."));
      return g_string_free (s, FALSE);
    }
  if (self->days->len == 1)
    g_string_append_printf (s, _("Progress chart of one exam, on %s."), self->dates[0]);
  else
    g_string_append_printf (s, _("Progress chart of %u exams, from %s to %s."),
                            self->days->len, self->dates[0], self->dates[self->days->len - 1]);
  for (guint i = 0; i < self->panels->len; i++)
    for (guint l = 0; l < LIMBER_CHART_N_LINES; l++)
      describe_line (self, s, g_ptr_array_index (self->panels, i), l);
  return g_string_free (s, FALSE);
}
