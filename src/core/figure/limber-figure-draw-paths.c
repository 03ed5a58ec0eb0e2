/* limber-figure-draw-paths.c — colours, paths and bounds: what the
 * drawing of the body, the props and the arrow is made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <math.h>

#include "limber-figure-draw-private.h"

#define FADE           0.62    /* how far the start pose fades to the background */

/* ------------------------------------------------------------------ */
/* Colours and paths                                                  */

LimberFigureColor
_limber_draw_mix (LimberFigureColor a,
                  LimberFigureColor b,
                  double            t)
{
  LimberFigureColor c = { a.red + (b.red - a.red) * t, a.green + (b.green - a.green) * t,
                          a.blue + (b.blue - a.blue) * t };
  return c;
}

void
_limber_draw_palette_init (Palette                 *pal,
                           const LimberFigureStyle *style,
                           gboolean                 faded)
{
  double t = faded ? FADE : 0;

  pal->near = _limber_draw_mix (style->near, style->background, t);
  pal->far = _limber_draw_mix (style->far, style->background, t);
  pal->accent = _limber_draw_mix (style->accent, style->background, t);
  pal->background = style->background;
  pal->prop = _limber_draw_mix (style->prop, style->background, t);
  pal->prop_dark = _limber_draw_mix (style->prop_edge, style->background, t);
}

void
_limber_draw_set_color (cairo_t           *cr,
                        LimberFigureColor  c)
{
  cairo_set_source_rgb (cr, c.red, c.green, c.blue);
}

void
_limber_draw_path_circle (cairo_t *cr,
                          double   x,
                          double   y,
                          double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_close_path (cr);
}

/* Two circles joined by their outer tangents, counter-clockwise (so that
 * several make one union with the winding rule). */
static void
path_capsule (cairo_t *cr,
              double   x0,
              double   y0,
              double   r0,
              double   x1,
              double   y1,
              double   r1)
{
  double d = hypot (x1 - x0, y1 - y0);
  double theta, alpha;

  if (d <= fabs (r0 - r1) + 1e-9)
    {
      if (r0 >= r1)
        _limber_draw_path_circle (cr, x0, y0, r0);
      else
        _limber_draw_path_circle (cr, x1, y1, r1);
      return;
    }
  theta = atan2 (y1 - y0, x1 - x0);
  alpha = acos ((r0 - r1) / d);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x1, y1, r1, theta - alpha, theta + alpha);
  cairo_arc (cr, x0, y0, r0, theta + alpha, theta - alpha + 2 * G_PI);
  cairo_close_path (cr);
}

/* A convex polygon of equal round corners, counter-clockwise. */
void
_limber_draw_path_rounded_polygon (cairo_t      *cr,
                                   const double *cx,
                                   const double *cy,
                                   int           n,
                                   double        r)
{
  cairo_new_sub_path (cr);
  for (int i = 0; i < n; i++)
    {
      int prev = (i + n - 1) % n, next = (i + 1) % n;
      double a_in = atan2 (cy[i] - cy[prev], cx[i] - cx[prev]) - G_PI_2;
      double a_out = atan2 (cy[next] - cy[i], cx[next] - cx[i]) - G_PI_2;

      while (a_out < a_in)
        a_out += 2 * G_PI;
      cairo_arc (cr, cx[i], cy[i], r, a_in, a_out);
    }
  cairo_close_path (cr);
}

void
_limber_draw_path_segment (Ctx                    *ctx,
                           const LimberPoseSolved *s,
                           LimberSegment           segment,
                           double                  grow)
{
  LimberPoint a = limber_segment_start (segment), b = limber_segment_end (segment);

  if (segment == LIMBER_SEGMENT_HEAD)
    _limber_draw_path_circle (ctx->cr, s->x[b], s->y[b], LIMBER_FIGURE_HEAD_RADIUS + grow);
  else if (_limber_draw_path_foot (ctx, s, segment, grow))
    return;
  else if (segment == LIMBER_SEGMENT_TRUNK && ctx->view == LIMBER_VIEW_FRONT)
    {
      double cx[4], cy[4], r;

      limber_pose_front_trunk (s, cx, cy, &r);
      _limber_draw_path_rounded_polygon (ctx->cr, cx, cy, 4, r + grow);
    }
  else if (segment == LIMBER_SEGMENT_TRUNK && s->projected)
    {
      /* A trunk seen broad: its round ends kept inside the pelvis and
       * the shoulders, so the head still floats above it. */
      double r0 = limber_pose_radius (s, ctx->view, segment, 0), r1 = limber_pose_radius (s, ctx->view, segment, 1);
      double i0 = r0 - limber_segment_radius (segment, LIMBER_VIEW_SIDE, 0);
      double i1 = r1 - limber_segment_radius (segment, LIMBER_VIEW_SIDE, 1);
      double len = hypot (s->x[b] - s->x[a], s->y[b] - s->y[a]);
      double ux = len > 1e-9 ? (s->x[b] - s->x[a]) / len : 0, uy = len > 1e-9 ? (s->y[b] - s->y[a]) / len : 0;

      i0 = MIN (i0, len * 0.3), i1 = MIN (i1, len * 0.3);
      path_capsule (ctx->cr, s->x[a] + ux * i0, s->y[a] + uy * i0, r0 + grow,
                    s->x[b] - ux * i1, s->y[b] - uy * i1, r1 + grow);
    }
  else
    path_capsule (ctx->cr, s->x[a], s->y[a], limber_pose_radius (s, ctx->view, segment, 0) + grow,
                  s->x[b], s->y[b], limber_pose_radius (s, ctx->view, segment, 1) + grow);
}

/* ------------------------------------------------------------------ */
/* Bounds                                                             */

void
_limber_draw_bounds_empty (Bounds *b)
{
  b->x0 = b->y0 = G_MAXDOUBLE;
  b->x1 = b->y1 = -G_MAXDOUBLE;
}

void
_limber_draw_bounds_add (Bounds *b,
                         double  x,
                         double  y,
                         double  r)
{
  b->x0 = MIN (b->x0, x - r);
  b->y0 = MIN (b->y0, y - r);
  b->x1 = MAX (b->x1, x + r);
  b->y1 = MAX (b->y1, y + r);
}

void
_limber_draw_bounds_union (Bounds       *b,
                           const Bounds *other)
{
  _limber_draw_bounds_add (b, other->x0, other->y0, 0);
  _limber_draw_bounds_add (b, other->x1, other->y1, 0);
}
