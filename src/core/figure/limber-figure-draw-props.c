/* limber-figure-draw-props.c — drawing the floor and the props: what
 * stands on the floor under the phases, the balls, rollers and towels
 * that move with the body, and straps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <math.h>

#include "limber-figure-draw-private.h"

#define FLOOR_MARGIN   0.1     /* body heights beyond the body */
#define FLOOR_THICK    0.014
#define MAT_MARGIN     0.06
#define STRAP_WIDTH    0.014

/* ------------------------------------------------------------------ */
/* Bounds                                                             */

static void
prop_extent (Ctx              *ctx,
             const LimberProp *prop,
             double           *x0,
             double           *x1)
{
  double margin = prop->kind == LIMBER_PROP_MAT ? MAT_MARGIN : 0.02;

  if (prop->has_x && prop->has_width)
    {
      *x0 = prop->x - prop->width / 2;
      *x1 = prop->x + prop->width / 2;
    }
  else if (prop->has_width)
    {
      *x0 = (ctx->body.x0 + ctx->body.x1 - prop->width) / 2;
      *x1 = *x0 + prop->width;
    }
  else
    {
      *x0 = ctx->body.x0 - margin;
      *x1 = ctx->body.x1 + margin;
    }
}

/* The top of a bench's seat, a chair's seat, a mat, a wall. */
static double
prop_top (const LimberProp *prop)
{
  return prop->has_height ? prop->height : limber_prop_default_height (prop->kind);
}

/* Props that stand on the floor, and the floor. */
void
_limber_draw_scene_bounds (Ctx    *ctx,
                           Bounds *b)
{
  guint n;
  const LimberProp *props = limber_figure_get_props (ctx->figure, &n);
  double x0, x1, top, gx, gy;

  if (limber_figure_get_camera (ctx->figure)->on)
    {
      _limber_draw_room_bounds (ctx, b);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const LimberProp *prop = &props[i];

      top = prop_top (prop);
      switch (prop->kind)
        {
        case LIMBER_PROP_MAT:
        case LIMBER_PROP_BENCH:
        case LIMBER_PROP_BED:
          prop_extent (ctx, prop, &x0, &x1);
          _limber_draw_bounds_add (b, x0, 0, 0);
          _limber_draw_bounds_add (b, x1, top, 0);
          break;
        case LIMBER_PROP_CHAIR:
          limber_scene_chair_grip (prop, &gx, &gy);
          _limber_draw_bounds_add (b, prop->x - 0.13, 0, 0);
          _limber_draw_bounds_add (b, prop->x + 0.13, gy + 0.015, 0);
          break;
        case LIMBER_PROP_WALL:
          _limber_draw_bounds_add (b, prop->x - 0.04, 0, 0);
          _limber_draw_bounds_add (b, prop->x + 0.04, top, 0);
          break;
        case LIMBER_PROP_FLOOR:
        case LIMBER_PROP_BALL:
        case LIMBER_PROP_FOAM_ROLLER:
        case LIMBER_PROP_TOWEL:
        case LIMBER_PROP_STRAP:
        case LIMBER_N_PROPS:
        default:
          break;
        }
    }
  if (ctx->view != LIMBER_VIEW_TOP)
    {
      x0 = MIN (b->x0, ctx->body.x0) - FLOOR_MARGIN;
      x1 = MAX (b->x1, ctx->body.x1) + FLOOR_MARGIN;
      _limber_draw_bounds_add (b, x0, -FLOOR_THICK, 0);
      _limber_draw_bounds_add (b, x1, -FLOOR_THICK, 0);
    }
  else
    {
      _limber_draw_bounds_add (b, ctx->body.x0 - MAT_MARGIN, ctx->body.y0 - MAT_MARGIN, 0);
      _limber_draw_bounds_add (b, ctx->body.x1 + MAT_MARGIN, ctx->body.y1 + MAT_MARGIN, 0);
    }
}

/* A ball, roller, towel or pillow that moves with the body: its centre
 * and radius; a pillow under someone lying on their side lies on the
 * mat (see limber_pose_pillow_on_side); on a bed, where its segment puts it. */
static void
attached_center (Ctx                    *ctx,
                 const LimberPoseSolved *s,
                 const LimberProp       *prop,
                 double                 *x,
                 double                 *y,
                 double                 *r)
{
  const LimberCamera *camera = limber_figure_get_camera (ctx->figure);
  guint n;
  const LimberProp *props;
  double floor = 0;

  if (prop->kind != LIMBER_PROP_PILLOW || prop->segment < 0 || !camera->on
      || ctx->view != LIMBER_VIEW_TOP || !s->projected)
    {
      limber_pose_prop_center (s, ctx->view, prop, x, y, r);
      return;
    }
  props = limber_figure_get_props (ctx->figure, &n);
  for (guint i = 0; i < n; i++)
    {
      /* On a bed the pillows lie between the legs, where their segment
       * puts them, not on the floor under the bed. */
      if (props[i].kind == LIMBER_PROP_BED)
        {
          limber_pose_prop_center (s, ctx->view, prop, x, y, r);
          return;
        }
      if (props[i].kind == LIMBER_PROP_MAT)
        floor = prop_top (&props[i]);
    }
  limber_pose_pillow_on_side (s, camera, prop, floor, x, y, r);
}

/* Balls, rollers and towels under the body move with it. */
void
_limber_draw_attached_bounds (Ctx                    *ctx,
                              const LimberPoseSolved *s,
                              Bounds                 *b)
{
  guint n;
  const LimberProp *props = limber_figure_get_props (ctx->figure, &n);
  const LimberPressure *pressure = limber_figure_get_pressure (ctx->figure);
  double x, y, r;

  for (guint i = 0; i < n; i++)
    if (props[i].kind == LIMBER_PROP_BALL || props[i].kind == LIMBER_PROP_FOAM_ROLLER
        || props[i].kind == LIMBER_PROP_TOWEL || props[i].kind == LIMBER_PROP_PILLOW)
      {
        attached_center (ctx, s, &props[i], &x, &y, &r);
        _limber_draw_bounds_add (b, x, y, r);
      }
  if (pressure != NULL && pressure->by != LIMBER_PRESSURE_HAND)
    {
      limber_pose_pressure_ball (s, ctx->view, pressure, &x, &y, &r);
      _limber_draw_bounds_add (b, x, y, r);
    }
}

/* ------------------------------------------------------------------ */
/* Props                                                              */

static void
fill_rect (cairo_t *cr,
           double   x0,
           double   y0,
           double   x1,
           double   y1)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0));
  cairo_fill (cr);
}

/* A prop's outline, so its light fill reads against the background. */
#define EDGE_WIDTH     0.008

static void
edge_rect (cairo_t       *cr,
           const Palette *pal,
           double         x0,
           double         y0,
           double         x1,
           double         y1)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0));
  _limber_draw_set_color (cr, pal->prop_dark);
  cairo_set_line_width (cr, EDGE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
draw_bench (Ctx              *ctx,
            const LimberProp *prop,
            const Palette    *pal)
{
  cairo_t *cr = ctx->cr;
  double x0, x1, top;
  double slab = prop->kind == LIMBER_PROP_BED ? 0.05 : 0.035;

  prop_extent (ctx, prop, &x0, &x1);
  top = prop_top (prop);
  _limber_draw_set_color (cr, pal->prop);
  fill_rect (cr, x0, top - slab, x1, top);
  edge_rect (cr, pal, x0, top - slab, x1, top);
  _limber_draw_set_color (cr, pal->prop_dark);
  fill_rect (cr, x0 + 0.04, 0, x0 + 0.065, top - slab);
  fill_rect (cr, x1 - 0.065, 0, x1 - 0.04, top - slab);
}

static void
draw_chair (Ctx              *ctx,
            const LimberProp *prop,
            const Palette    *pal)
{
  cairo_t *cr = ctx->cr;
  double gx, gy, top, front;

  top = prop_top (prop);
  limber_scene_chair_grip (prop, &gx, &gy);
  front = prop->x + (prop->x - gx);
  _limber_draw_set_color (cr, pal->prop_dark);
  fill_rect (cr, gx - 0.012, 0, gx + 0.012, gy);                 /* back leg and back */
  fill_rect (cr, front - 0.012, 0, front + 0.012, top);           /* front leg */
  _limber_draw_set_color (cr, pal->prop);
  fill_rect (cr, MIN (gx, front) - 0.012, top - 0.03, MAX (gx, front) + 0.012, top);
  fill_rect (cr, gx - 0.02, gy - 0.11, gx + 0.02, gy);           /* the back rest */
  edge_rect (cr, pal, MIN (gx, front) - 0.012, top - 0.03, MAX (gx, front) + 0.012, top);
  edge_rect (cr, pal, gx - 0.02, gy - 0.11, gx + 0.02, gy);
}

static void
draw_round_prop (Ctx               *ctx,
                 LimberPropKind     kind,
                 double             x,
                 double             y,
                 double             r,
                 LimberFigureColor  fill,
                 const Palette     *pal)
{
  cairo_t *cr = ctx->cr;

  _limber_draw_set_color (cr, fill);
  cairo_new_path (cr);
  if (kind == LIMBER_PROP_PILLOW)
    {
      /* A soft wide oval: a pillow, not a ball. */
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, 1.3, 0.75);
      _limber_draw_path_circle (cr, 0, 0, r);
      cairo_restore (cr);
    }
  else
    _limber_draw_path_circle (cr, x, y, r);
  cairo_fill_preserve (cr);
  _limber_draw_set_color (cr, pal->prop_dark);
  cairo_set_line_width (cr, EDGE_WIDTH);
  cairo_stroke (cr);
  if (kind == LIMBER_PROP_FOAM_ROLLER)
    {
      _limber_draw_set_color (cr, pal->background);
      cairo_new_path (cr);
      _limber_draw_path_circle (cr, x, y, r * 0.35);
      cairo_fill (cr);
    }
}

/* The floor, and what stands on it: drawn once under the phases. */
void
_limber_draw_scene (Ctx           *ctx,
                    const Palette *pal)
{
  cairo_t *cr = ctx->cr;
  guint n;
  const LimberProp *props = limber_figure_get_props (ctx->figure, &n);
  Bounds all;
  double x0, x1, top;

  if (limber_figure_get_camera (ctx->figure)->on)
    {
      _limber_draw_room (ctx, pal);
      return;
    }
  _limber_draw_bounds_empty (&all);
  _limber_draw_bounds_union (&all, &ctx->body);
  _limber_draw_scene_bounds (ctx, &all);
  if (ctx->view != LIMBER_VIEW_TOP)
    {
      _limber_draw_set_color (cr, pal->prop_dark);
      fill_rect (cr, all.x0, -FLOOR_THICK, all.x1, 0);
    }
  for (guint i = 0; i < n; i++)
    {
      switch (props[i].kind)
        {
        case LIMBER_PROP_MAT:
          _limber_draw_set_color (cr, pal->prop);
          prop_extent (ctx, &props[i], &x0, &x1);
          top = prop_top (&props[i]);
          /* Seen from above, the mat is all around: lighter, so the
           * far limbs still stand out on it. */
          if (ctx->view == LIMBER_VIEW_TOP)
            {
              _limber_draw_set_color (cr, _limber_draw_mix (pal->prop, pal->background, 0.55));
              fill_rect (cr, all.x0, all.y0, all.x1, all.y1);
            }
          else
            {
              fill_rect (cr, x0, 0, x1, top);
              edge_rect (cr, pal, x0, 0, x1, top);
            }
          break;
        case LIMBER_PROP_BENCH:
        case LIMBER_PROP_BED:
          draw_bench (ctx, &props[i], pal);
          break;
        case LIMBER_PROP_CHAIR:
          draw_chair (ctx, &props[i], pal);
          break;
        case LIMBER_PROP_WALL:
          top = prop_top (&props[i]);
          _limber_draw_set_color (cr, pal->prop);
          x0 = props[i].x > (ctx->body.x0 + ctx->body.x1) / 2 ? props[i].x + 0.035 : props[i].x - 0.035;
          fill_rect (cr, props[i].x, 0, x0, top);
          edge_rect (cr, pal, props[i].x, 0, x0, top);
          break;
        case LIMBER_PROP_FLOOR:
        case LIMBER_PROP_BALL:
        case LIMBER_PROP_FOAM_ROLLER:
        case LIMBER_PROP_TOWEL:
        case LIMBER_PROP_STRAP:
        case LIMBER_N_PROPS:
        default:
          break;
        }
    }
}

void
_limber_draw_attached (Ctx                    *ctx,
                       const LimberPoseSolved *s,
                       const Palette          *pal,
                       gboolean                marks)
{
  guint n;
  const LimberProp *props = limber_figure_get_props (ctx->figure, &n);
  const LimberPressure *pressure = limber_figure_get_pressure (ctx->figure);
  double x, y, r;

  if (ctx->style->draw_props)
    for (guint i = 0; i < n; i++)
      if (props[i].kind == LIMBER_PROP_BALL || props[i].kind == LIMBER_PROP_FOAM_ROLLER
          || props[i].kind == LIMBER_PROP_TOWEL || props[i].kind == LIMBER_PROP_PILLOW)
        {
          attached_center (ctx, s, &props[i], &x, &y, &r);
          draw_round_prop (ctx, props[i].kind, x, y, r, pal->prop, pal);
        }
  /* The ball that presses is the pressure mark: in the accent colour. */
  if (pressure != NULL && pressure->by != LIMBER_PRESSURE_HAND)
    {
      limber_pose_pressure_ball (s, ctx->view, pressure, &x, &y, &r);
      draw_round_prop (ctx, pressure->by == LIMBER_PRESSURE_BALL ? LIMBER_PROP_BALL : LIMBER_PROP_FOAM_ROLLER,
                       x, y, r, marks && ctx->style->draw_pressure ? pal->accent : pal->prop, pal);
    }
}

void
_limber_draw_straps (Ctx                    *ctx,
                     const LimberPoseSolved *s,
                     const Palette          *pal)
{
  cairo_t *cr = ctx->cr;
  guint n;
  const LimberProp *props = limber_figure_get_props (ctx->figure, &n);

  for (guint i = 0; i < n && ctx->style->draw_props; i++)
    {
      double top_x, top_y, sole_x, sole_y;

      if (props[i].kind != LIMBER_PROP_STRAP)
        continue;
      limber_pose_segment_point (s, ctx->view, props[i].to, 0.6, LIMBER_SURFACE_FRONT, 0.004, &top_x, &top_y);
      limber_pose_segment_point (s, ctx->view, props[i].to, 0.6, LIMBER_SURFACE_BACK, 0.004, &sole_x, &sole_y);
      _limber_draw_set_color (cr, pal->prop_dark);
      cairo_set_line_width (cr, STRAP_WIDTH);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_new_path (cr);
      cairo_move_to (cr, s->x[props[i].from], s->y[props[i].from]);
      cairo_line_to (cr, sole_x, sole_y);
      cairo_line_to (cr, top_x, top_y);
      cairo_stroke (cr);
    }
}
