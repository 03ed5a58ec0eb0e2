/* limber-handout-chart.c — the exams' progress chart on the therapist's
 * copy
 *
 * The chart is drawn by LimberExamChart, the same code as in the exam
 * dialog; here it only becomes blocks: the legend with the first row of
 * panels, then one block per row, so that a page can break between rows
 * and never inside a panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-handout"

#include "config.h"

#include "limber-exam-progress.h"
#include "limber-handout-private.h"

static void
add_chart_part (LimberHandoutBlock *block,
                LimberExamChart    *chart,
                int                 row,
                double              y,
                double              width,
                double              height,
                double              size)
{
  LimberHandoutPart *part = _limber_handout_add_part (block, LIMBER_PART_CHART, 0, y, width, height,
                                                      limber_handout_ink);

  part->chart = g_object_ref (chart);
  part->chart_row = row;
  part->chart_size = size;
}

void
_limber_handout_build_chart (LimberHandoutBuilder *b)
{
  g_autoptr(GPtrArray) exams = limber_exam_dated_exams (b->program);
  g_autoptr(LimberExamChart) chart = limber_exam_chart_new (exams);
  double size = b->m->small;
  double legend = limber_exam_chart_get_legend_height (chart, b->width, size);
  double row = limber_exam_chart_get_row_height (size);
  guint rows = limber_exam_chart_get_n_rows (chart, b->width, size);

  for (guint r = 0; r < rows; r++)
    {
      LimberHandoutBlock *block = _limber_handout_block_new (b, LIMBER_BLOCK_TEXT, -1);
      double y = 0;

      if (r == 0)
        {
          add_chart_part (block, chart, -1, 0, b->width, legend, size);
          y = legend;
        }
      add_chart_part (block, chart, (int) r, y, b->width, row, size);
      block->height = y + row;
    }
}
