/* limber-figure-draw-arrow.c — drawing the movement arrow, from the
 * shortened to the lengthened phase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <math.h>

#include "limber-figure-draw-private.h"

#define ARROW_WIDTH    0.014
#define ARROW_HEAD     0.05
#define ARROW_OFFSET   0.07
#define ARROW_MIN      0.09
#define ARROW_STEPS    24
#define TOES_STEPS     12     /* of the arc around a turning foot */

typedef struct
{
  int    n;
  double x[ARROW_STEPS + 1];
  double y[ARROW_STEPS + 1];
} Polyline;

/* ------------------------------------------------------------------ */
/* The movement arrow                                                 */

/* How much of the body is near (x, y): a straight arrow goes on the
 * emptier side of the movement. */
static int
crowding (Ctx                    *ctx,
          const LimberPoseSolved *s,
          double                  x,
          double                  y)
{
  int count = 0;

  for (int i = 0; i < LIMBER_N_SEGMENTS; i++)
    {
      LimberPoint a = limber_segment_start (i), b = limber_segment_end (i);
      double dx = s->x[b] - s->x[a], dy = s->y[b] - s->y[a];
      double len2 = dx * dx + dy * dy;
      double t = len2 > 0 ? CLAMP (((x - s->x[a]) * dx + (y - s->y[a]) * dy) / len2, 0, 1) : 0;
      double r = limber_pose_radius (s, ctx->view, i, t) + 0.03;

      if (hypot (x - s->x[a] - t * dx, y - s->y[a] - t * dy) < r)
        count++;
    }
  return count;
}

/* The radius of the body at a point the trunk carries (0 elsewhere). */
static double
trunk_point_radius (Ctx                    *ctx,
                    const LimberPoseSolved *s,
                    int                     point)
{
  switch (point)
    {
    case LIMBER_POINT_PELVIS:
    case LIMBER_POINT_RIGHT_HIP:
    case LIMBER_POINT_LEFT_HIP:
      return limber_pose_radius (s, ctx->view, LIMBER_SEGMENT_TRUNK, 0);
    case LIMBER_POINT_NECK:
    case LIMBER_POINT_RIGHT_SHOULDER:
    case LIMBER_POINT_LEFT_SHOULDER:
      return limber_pose_radius (s, ctx->view, LIMBER_SEGMENT_TRUNK, 1);
    case LIMBER_POINT_HEAD:
      return LIMBER_FIGURE_HEAD_RADIUS;
    default:
      return 0;
    }
}

/* A hand or foot: an arrow beside its path, on the emptier side and
 * above the floor.  The pelvis, the chest or the head: an arrow that
 * pushes it, its tip at the body's back. */
static void
straight_arrow (Ctx                    *ctx,
                const LimberPoseSolved *end,
                int                     point,
                double                  x0,
                double                  y0,
                double                  x1,
                double                  y1,
                Polyline               *line)
{
  double len = hypot (x1 - x0, y1 - y0);
  double ux = (x1 - x0) / len, uy = (y1 - y0) / len;
  double nx = -uy, ny = ux;
  double mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
  double half = MAX (len, ARROW_MIN) / 2;
  double push = trunk_point_radius (ctx, end, point);
  double side;

  line->n = 2;
  if (push > 0)
    {
      line->x[1] = x1 - ux * (push + ARROW_HEAD);
      line->y[1] = y1 - uy * (push + ARROW_HEAD);
      line->x[0] = line->x[1] - ux * 2 * half;
      line->y[0] = line->y[1] - uy * 2 * half;
      return;
    }
  side = crowding (ctx, end, mx + nx * ARROW_OFFSET, my + ny * ARROW_OFFSET)
         <= crowding (ctx, end, mx - nx * ARROW_OFFSET, my - ny * ARROW_OFFSET) ? 1 : -1;
  if (ctx->view != LIMBER_VIEW_TOP && my + side * ny * ARROW_OFFSET < end->support + ARROW_HEAD)
    side = -side;
  line->x[0] = mx - ux * half + side * nx * ARROW_OFFSET;
  line->y[0] = my - uy * half + side * ny * ARROW_OFFSET;
  line->x[1] = mx + ux * half + side * nx * ARROW_OFFSET;
  line->y[1] = my + uy * half + side * ny * ARROW_OFFSET;
}

/* An arc (a spiral, when the distance changes) around the pivot, just
 * outside the path of the moving point. */
static void
arc_arrow (const LimberPoseSolved *a,
           const LimberPoseSolved *b,
           int                     point,
           int                     pivot,
           Polyline               *line)
{
  double a0 = atan2 (a->y[point] - a->y[pivot], a->x[point] - a->x[pivot]);
  double a1 = atan2 (b->y[point] - b->y[pivot], b->x[point] - b->x[pivot]);
  double r0 = hypot (a->y[point] - a->y[pivot], a->x[point] - a->x[pivot]) + ARROW_OFFSET;
  double r1 = hypot (b->y[point] - b->y[pivot], b->x[point] - b->x[pivot]) + ARROW_OFFSET;
  double sweep = remainder (a1 - a0, 2 * G_PI);

  line->n = ARROW_STEPS + 1;
  for (int i = 0; i <= ARROW_STEPS; i++)
    {
      /* Starting a little late leaves the start pose's limb clear. */
      double t = 0.1 + 0.9 * i / (double) ARROW_STEPS;
      double cx = a->x[pivot] + (b->x[pivot] - a->x[pivot]) * t;
      double cy = a->y[pivot] + (b->y[pivot] - a->y[pivot]) * t;
      double r = r0 + (r1 - r0) * t, angle = a0 + sweep * t;

      line->x[i] = cx + r * cos (angle);
      line->y[i] = cy + r * sin (angle);
    }
}

static gboolean
arrow_line (Ctx      *ctx,
            Polyline *line)
{
  const LimberPoseSolved *a = limber_figure_get_solved (ctx->figure, LIMBER_PHASE_SHORTENED);
  const LimberPoseSolved *b = limber_figure_get_solved (ctx->figure, LIMBER_PHASE_LENGTHENED);
  int point, pivot;
  LimberArrowKind kind = limber_figure_get_arrow (ctx->figure, &point, &pivot);

  if (kind == LIMBER_ARROW_ARC)
    arc_arrow (a, b, point, pivot, line);
  else if (kind == LIMBER_ARROW_STRAIGHT)
    straight_arrow (ctx, b, point, a->x[point], a->y[point], b->x[point], b->y[point], line);
  else
    return FALSE;
  return TRUE;
}

/* <arrow toes="…">: a small arc around the foot for its turn. */
static gboolean
toes_line (Ctx      *ctx,
           Polyline *line)
{
  line->n = _limber_draw_foot_turn (ctx, line->x, line->y, TOES_STEPS);
  return line->n >= 2;
}

void
_limber_draw_arrow_bounds (Ctx    *ctx,
                           Bounds *b)
{
  Polyline line;

  if (!ctx->style->draw_arrow)
    return;
  if (arrow_line (ctx, &line))
    for (int i = 0; i < line.n; i++)
      _limber_draw_bounds_add (b, line.x[i], line.y[i], ARROW_HEAD);
  if (toes_line (ctx, &line))
    for (int i = 0; i < line.n; i++)
      _limber_draw_bounds_add (b, line.x[i], line.y[i], ARROW_HEAD);
}

static void
arrow_head_path (cairo_t        *cr,
                 const Polyline *line,
                 double          grow)
{
  int n = line->n;
  double dx = line->x[n - 1] - line->x[n - 2], dy = line->y[n - 1] - line->y[n - 2];
  double len = hypot (dx, dy), ux = dx / len, uy = dy / len;
  double tip_x = line->x[n - 1] + ux * ARROW_HEAD * 0.5, tip_y = line->y[n - 1] + uy * ARROW_HEAD * 0.5;
  double base_x = tip_x - ux * (ARROW_HEAD + grow * 2), base_y = tip_y - uy * (ARROW_HEAD + grow * 2);
  double w = ARROW_HEAD * 0.6 + grow;

  cairo_new_sub_path (cr);
  cairo_move_to (cr, tip_x + ux * grow * 1.5, tip_y + uy * grow * 1.5);
  cairo_line_to (cr, base_x - uy * w, base_y + ux * w);
  cairo_line_to (cr, base_x + uy * w, base_y - ux * w);
  cairo_close_path (cr);
}

static void
stroke_arrow (Ctx            *ctx,
              const Polyline *l)
{
  cairo_t *cr = ctx->cr;
  Polyline line = *l;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (int pass = 0; pass < 2; pass++)
    {
      double grow = pass == 0 ? LIMBER_FIGURE_OUTLINE * 0.6 : 0;

      _limber_draw_set_color (cr, pass == 0 ? ctx->style->background : ctx->style->accent);
      cairo_new_path (cr);
      cairo_move_to (cr, line.x[0], line.y[0]);
      for (int i = 1; i < line.n - 1; i++)
        cairo_line_to (cr, line.x[i], line.y[i]);
      /* The line stops inside the head, which ends in a sharp point. */
      cairo_line_to (cr, line.x[line.n - 1], line.y[line.n - 1]);
      cairo_set_line_width (cr, ARROW_WIDTH + 2 * grow);
      cairo_stroke (cr);
      arrow_head_path (cr, &line, grow);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

void
_limber_draw_arrow (Ctx *ctx)
{
  Polyline line;

  if (arrow_line (ctx, &line))
    stroke_arrow (ctx, &line);
  if (toes_line (ctx, &line))
    stroke_arrow (ctx, &line);
}
