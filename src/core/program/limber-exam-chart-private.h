/* limber-exam-chart-private.h — the chart's data, shared by its model
 * (limber-exam-chart.c) and its drawing (limber-exam-chart-draw.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-exam-chart.h"

G_BEGIN_DECLS

typedef struct
{
  guint32 day;     /* Julian day */
  int     value;
} ChartPoint;

typedef struct
{
  char    *title;                       /* "Hip extension", "Pain" */
  gboolean is_pain;
  gboolean has_band;
  int      low, high;                   /* the normal band */
  GArray  *lines[LIMBER_CHART_N_LINES]; /* ChartPoint, oldest first */
} ChartPanel;

struct _LimberExamChart
{
  GObject    parent_instance;

  GPtrArray *panels;     /* ChartPanel */
  GArray    *days;       /* guint32: each exam's Julian day, oldest first */
  char     **dates;      /* each exam's date as people read it */
};

G_END_DECLS
