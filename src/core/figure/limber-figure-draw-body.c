/* limber-figure-draw-body.c — drawing the body of one phase: its
 * limbs in order, their outlines, the highlighted tissue and where the
 * hand presses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <math.h>

#include "limber-figure-draw-private.h"

#define PRESSURE_DOT   0.024
#define BIG            100.0   /* beyond any figure, in body heights */

/* ------------------------------------------------------------------ */
/* Bounds                                                             */

/* The body with the outlines of its near limbs. */
void
_limber_draw_body_bounds (Ctx                    *ctx,
                          const LimberPoseSolved *s,
                          Bounds                 *b)
{
  const double o = LIMBER_FIGURE_OUTLINE;

  for (int i = 0; i < LIMBER_N_SEGMENTS; i++)
    {
      LimberPoint start = limber_segment_start (i), end = limber_segment_end (i);

      if (i == LIMBER_SEGMENT_HEAD)
        _limber_draw_bounds_add (b, s->x[end], s->y[end], LIMBER_FIGURE_HEAD_RADIUS);
      else if (i == LIMBER_SEGMENT_TRUNK && ctx->view == LIMBER_VIEW_FRONT)
        {
          double cx[4], cy[4], r;

          limber_pose_front_trunk (s, cx, cy, &r);
          for (int k = 0; k < 4; k++)
            _limber_draw_bounds_add (b, cx[k], cy[k], r);
        }
      else
        {
          _limber_draw_bounds_add (b, s->x[start], s->y[start], limber_pose_radius (s, ctx->view, i, 0) + o);
          _limber_draw_bounds_add (b, s->x[end], s->y[end], limber_pose_radius (s, ctx->view, i, 1) + o);
        }
    }
  _limber_draw_foot_bounds (ctx, s, b);
}

/* ------------------------------------------------------------------ */
/* The body                                                           */

typedef enum
{
  UNIT_RIGHT_ARM = LIMBER_LIMB_RIGHT_ARM,
  UNIT_LEFT_ARM = LIMBER_LIMB_LEFT_ARM,
  UNIT_RIGHT_LEG = LIMBER_LIMB_RIGHT_LEG,
  UNIT_LEFT_LEG = LIMBER_LIMB_LEFT_LEG,
  UNIT_TRUNK,
  N_UNITS
} Unit;

/* Far arm, far leg, trunk and head, near leg, near arm.  A limb that
 * passes behind the body goes just before the trunk in a side view (the
 * far limbs are further still), first of all in a front view (where
 * the far limbs are no further than the near ones). */
static int
draw_order (Ctx                    *ctx,
            const LimberPoseSolved *s,
            Unit                    order[N_UNITS])
{
  static const Unit far[] = { UNIT_LEFT_ARM, UNIT_LEFT_LEG };
  static const Unit near[] = { UNIT_RIGHT_LEG, UNIT_RIGHT_ARM };
  gboolean front = ctx->view == LIMBER_VIEW_FRONT;
  int n = 0;

  for (guint i = 0; front && i < G_N_ELEMENTS (far); i++)
    if (s->behind & (1u << far[i]))
      order[n++] = far[i];
  for (guint i = 0; front && i < G_N_ELEMENTS (near); i++)
    if (s->behind & (1u << near[i]))
      order[n++] = near[i];
  for (guint i = 0; i < G_N_ELEMENTS (far); i++)
    if (!front || !(s->behind & (1u << far[i])))
      order[n++] = far[i];
  for (guint i = 0; !front && i < G_N_ELEMENTS (near); i++)
    if (s->behind & (1u << near[i]))
      order[n++] = near[i];
  order[n++] = UNIT_TRUNK;
  for (guint i = 0; i < G_N_ELEMENTS (near); i++)
    if (!(s->behind & (1u << near[i])))
      order[n++] = near[i];
  return n;
}

#define FAR_BEHIND 0.02   /* body heights behind its pair: a far limb */

/* How near the viewer a unit is: the mean depth of its points. */
static double
unit_depth (const LimberPoseSolved *s,
            Unit                    unit)
{
  double sum = 0;
  int n = 0;

  if (unit == UNIT_TRUNK)
    return (s->depth[LIMBER_POINT_PELVIS] + s->depth[LIMBER_POINT_NECK]) / 2;
  sum = s->depth[limber_segment_start (limber_limb_first ((LimberLimb) unit))];
  n = 1;
  for (LimberSegment i = limber_limb_first ((LimberLimb) unit); i <= limber_limb_last ((LimberLimb) unit); i++, n++)
    sum += s->depth[limber_segment_end (i)];
  return sum / n;
}

static double
root_depth (const LimberPoseSolved *s,
            Unit                    unit)
{
  return s->depth[limber_segment_start (limber_limb_first ((LimberLimb) unit))];
}

/* Through a camera: far to near by depth (a limb put behind goes just
 * before the trunk at the latest), and whether each is near. */
static int
depth_order (const LimberPoseSolved *s,
             Unit                    order[N_UNITS],
             gboolean                near[N_UNITS])
{
  double depth[N_UNITS];
  double trunk = unit_depth (s, UNIT_TRUNK);

  for (int u = 0; u < N_UNITS; u++)
    depth[u] = unit_depth (s, u);
  for (int u = 0; u < N_UNITS; u++)
    {
      /* A limb is far when its hip or shoulder is behind its pair's:
       * the side turned away; side on, the left limbs; face on,
       * neither. */
      int pair = u == UNIT_RIGHT_ARM ? UNIT_LEFT_ARM : u == UNIT_LEFT_ARM ? UNIT_RIGHT_ARM
                 : u == UNIT_RIGHT_LEG ? UNIT_LEFT_LEG : UNIT_RIGHT_LEG;

      near[u] = u != UNIT_TRUNK && !(s->behind & (1u << u))
                && root_depth (s, u) >= root_depth (s, pair) - FAR_BEHIND;
      order[u] = u;
    }
  for (int u = 0; u < N_UNITS; u++)
    if (u != UNIT_TRUNK && (s->behind & (1u << u)))
      depth[u] = MIN (depth[u], trunk - 1e-6);
  for (int i = 1; i < N_UNITS; i++)
    for (int k = i; k > 0 && depth[order[k]] < depth[order[k - 1]]; k--)
      {
        Unit t = order[k];

        order[k] = order[k - 1];
        order[k - 1] = t;
      }
  return N_UNITS;
}

static Unit
unit_of (LimberSegment segment)
{
  int limb = limber_segment_limb (segment);

  return limb < 0 ? UNIT_TRUNK : (Unit) limb;
}

static void
path_unit (Ctx                    *ctx,
           const LimberPoseSolved *s,
           Unit                    unit,
           double                  grow)
{
  cairo_new_path (ctx->cr);
  if (unit == UNIT_TRUNK)
    {
      _limber_draw_path_segment (ctx, s, LIMBER_SEGMENT_TRUNK, grow);
      _limber_draw_path_segment (ctx, s, LIMBER_SEGMENT_HEAD, grow);
      return;
    }
  for (LimberSegment i = limber_limb_first ((LimberLimb) unit); i <= limber_limb_last ((LimberLimb) unit); i++)
    _limber_draw_path_segment (ctx, s, i, grow);
}

/* A near limb's outline in the background colour, as one shape, left
 * out where it joins the trunk (a disc around the hip or shoulder). */
static void
draw_outline (Ctx                    *ctx,
              const LimberPoseSolved *s,
              Unit                    unit,
              const Palette          *pal)
{
  cairo_t *cr = ctx->cr;
  LimberSegment first = limber_limb_first ((LimberLimb) unit);
  LimberPoint root = limber_segment_start (first);
  double r = limber_pose_radius (s, ctx->view, first, 0) + LIMBER_FIGURE_OUTLINE + 0.006;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, -BIG, -BIG, 2 * BIG, 2 * BIG);
  _limber_draw_path_circle (cr, s->x[root], s->y[root], r);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  /* Nor where it rests on the floor: a foot stands on the floor line,
   * not on a gap in it. */
  if (ctx->view != LIMBER_VIEW_TOP)
    {
      cairo_rectangle (cr, -BIG, s->support, 2 * BIG, BIG);
      cairo_clip (cr);
    }
  _limber_draw_set_color (cr, pal->background);
  path_unit (ctx, s, unit, LIMBER_FIGURE_OUTLINE);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The highlighted stretch of one segment: a band across it, or the half
 * on one side, clipped to the segment's own shape. */
static void
draw_highlight_part (Ctx                    *ctx,
                     const LimberPoseSolved *s,
                     const LimberHighlight  *h,
                     const Palette          *pal)
{
  cairo_t *cr = ctx->cr;
  LimberPoint a = limber_segment_start (h->segment), b = limber_segment_end (h->segment);
  double len = hypot (s->x[b] - s->x[a], s->y[b] - s->y[a]);
  double ux = len > 0 ? (s->x[b] - s->x[a]) / len : 0, uy = len > 0 ? (s->y[b] - s->y[a]) / len : 1;
  double w = MAX (limber_pose_radius (s, ctx->view, h->segment, 0),
                  limber_pose_radius (s, ctx->view, h->segment, 1)) + 0.01;
  double e0 = h->from <= 0 ? w : 0, e1 = h->to >= 1 ? w : 0;
  double x0 = s->x[a] + ux * (len * h->from - e0), y0 = s->y[a] + uy * (len * h->from - e0);
  double x1 = s->x[a] + ux * (len * h->to + e1), y1 = s->y[a] + uy * (len * h->to + e1);
  double nx, ny, lo = -w, hi = w;

  cairo_save (cr);
  cairo_new_path (cr);
  _limber_draw_path_segment (ctx, s, h->segment, 0);
  cairo_clip (cr);
  if (h->segment == LIMBER_SEGMENT_HEAD)
    {
      x0 = x1 = s->x[b];
      y0 = s->y[b] - w;
      y1 = s->y[b] + w;
      ux = 0, uy = 1;
    }
  limber_pose_surface_normal (s, ctx->view, h->segment, h->surface, &nx, &ny);
  if (nx != 0 || ny != 0)
    {
      /* The side's own half: from the middle line outward. */
      lo = 0;
      if (nx * -uy + ny * ux < 0)
        lo = -w, hi = 0;
    }
  _limber_draw_set_color (cr, pal->accent);
  cairo_new_path (cr);
  cairo_move_to (cr, x0 - uy * lo, y0 + ux * lo);
  cairo_line_to (cr, x1 - uy * lo, y1 + ux * lo);
  cairo_line_to (cr, x1 - uy * hi, y1 + ux * hi);
  cairo_line_to (cr, x0 - uy * hi, y0 + ux * hi);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_highlights_after (Ctx                    *ctx,
                       const LimberPoseSolved *s,
                       Unit                    unit,
                       const Unit             *order,
                       int                     n_order,
                       const Palette          *pal)
{
  guint n;
  const LimberHighlight *h = limber_figure_get_highlights (ctx->figure, &n);
  int last = -1;

  /* The tissue is drawn with whichever of its segments comes last. */
  for (guint i = 0; i < n; i++)
    for (int k = 0; k < n_order; k++)
      if (order[k] == unit_of (h[i].segment))
        last = MAX (last, k);
  if (last < 0 || order[last] != unit)
    return;
  for (guint i = 0; i < n; i++)
    draw_highlight_part (ctx, s, &h[i], pal);
}

/* Where the hand presses: a dot in the accent colour, outlined. */
static void
draw_pressure_dot (Ctx                    *ctx,
                   const LimberPoseSolved *s,
                   const Palette          *pal)
{
  cairo_t *cr = ctx->cr;
  const LimberPressure *pressure = limber_figure_get_pressure (ctx->figure);
  double x, y;

  if (pressure == NULL || pressure->by != LIMBER_PRESSURE_HAND)
    return;
  limber_pose_segment_point (s, ctx->view, pressure->segment, pressure->at, pressure->surface, 0, &x, &y);
  _limber_draw_set_color (cr, pal->background);
  cairo_new_path (cr);
  _limber_draw_path_circle (cr, x, y, PRESSURE_DOT + LIMBER_FIGURE_OUTLINE * 0.6);
  cairo_fill (cr);
  _limber_draw_set_color (cr, pal->accent);
  cairo_new_path (cr);
  _limber_draw_path_circle (cr, x, y, PRESSURE_DOT);
  cairo_fill (cr);
}

void
_limber_draw_body (Ctx                    *ctx,
                   const LimberPoseSolved *s,
                   const Palette          *pal,
                   gboolean                marks)
{
  Unit order[N_UNITS];
  gboolean near_unit[N_UNITS] = { TRUE, FALSE, TRUE, FALSE, FALSE };
  int n = s->projected ? depth_order (s, order, near_unit) : draw_order (ctx, s, order);

  for (int i = 0; i < n; i++)
    {
      gboolean near = near_unit[order[i]];
      LimberFigureColor color;

      /* Balls and rollers under the body: behind the trunk, but in
       * front of the limbs that lie beside it on the far side. */
      if (order[i] == UNIT_TRUNK)
        _limber_draw_attached (ctx, s, pal, marks);

      if (order[i] == (s->projected ? order[n - 1] : UNIT_RIGHT_ARM))
        _limber_draw_straps (ctx, s, pal);
      if (near)
        draw_outline (ctx, s, order[i], pal);
      color = near || order[i] == UNIT_TRUNK ? pal->near : pal->far;
      _limber_draw_set_color (ctx->cr, color);
      path_unit (ctx, s, order[i], 0);
      cairo_fill (ctx->cr);
      if (order[i] != UNIT_TRUNK)
        _limber_draw_foot_sole (ctx, s, (LimberLimb) order[i], color, pal);
      if (marks && ctx->style->draw_highlight)
        draw_highlights_after (ctx, s, order[i], order, n, pal);
    }
  if (marks && ctx->style->draw_pressure)
    draw_pressure_dot (ctx, s, pal);
}
